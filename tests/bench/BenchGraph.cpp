// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The access graph on a generated account (tests/support/LargeAccount.h): 5,000 roles, 2,000 users, 200 groups,
// 1,000 customer managed policies, 10,000 resources. Measures building the graph, one who-can and one what-can query,
// all-pairs reachability (what-can for every principal, in its light form Reachability::visitReach: the best path per
// reached may-act-on edge, not materialised), all pairs with full paths (Reachability::whatCan for every principal,
// each answer's path written as `reach --format text` prints it), the simulation panel's effective permissions of an
// AdministratorAccess role with a boundary, and the peak resident set size. Targets:
// build < 5 s, a query < 100 ms, all pairs < 30 s, memory < 2 GB. RD_BENCH_GRAPH_SMALL=1 shrinks the account fifty-fold
// (what CTest's smoke run uses).
#include "LargeAccount.h"
#include "PolicyText.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/GraphFormats.h"
#include "rd/core/graph/Reachability.h"
#include "rd/core/sts/StsSimulator.h"
#include "rd/core/validation/RoleValidator.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <sys/resource.h>

namespace
{

using namespace rd::core;

const Workspace &account()
{
    static const Workspace workspace = rd::test::makeLargeAccount(rd::test::LargeAccountSize::forBenchmarks({}));
    return workspace;
}

const std::shared_ptr<const AccountModel> &model()
{
    static const std::shared_ptr<const AccountModel> built = AccountModel::build(account());
    return built;
}

const AccessGraph &graph()
{
    return model()->graph();
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

// The analysis model of the loaded workspace: every policy resolved and compiled once, the graph made from them.
void BuildModel(benchmark::State &state)
{
    const Workspace &w = account();
    std::size_t edges = 0;
    for (auto _ : state) {
        std::shared_ptr<const AccountModel> m = AccountModel::build(w);
        edges = m->graph().edges().size();
        benchmark::DoNotOptimize(edges);
    }
    state.counters["nodes"] = static_cast<double>(graph().nodes().size());
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(BuildModel)->Unit(benchmark::kMillisecond)->Iterations(3);

// The resource ARN (no wildcard) that the most edges reach: a busy resource rather than an easy one.
const std::string &busyResource()
{
    static const std::string resource = [] {
        std::string best;
        std::size_t most = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            const GraphNode &node = graph().nodes()[n];
            if (node.kind == GraphNodeKind::Resource && node.key.find('*') == std::string::npos
                && graph().inEdges(n).size() > most) {
                most = graph().inEdges(n).size();
                best = node.key;
            }
        }
        return best;
    }();
    return resource;
}

// An action that the busy resource's first may-act-on edge allows, in lower case.
std::string busyAction()
{
    const std::size_t node = graph().find(busyResource(), GraphNodeKind::Resource);
    for (std::size_t e : graph().inEdges(node)) {
        for (const ActionGroup &group : graph().edges()[e].actions) {
            for (const std::string &p : group.patterns) {
                if (p.find('*') == std::string::npos && group.accessLevel != "NotAction")
                    return p;
            }
        }
    }
    return "s3:getobject";
}

// One edit as the app makes it (the changed entity copied into a WorkspaceDelta), until every view's answer is
// fresh: the model updated; the findings of the edited role (validateRole); the simulation panel's AssumeRole of
// that role by a user, with its effective permissions; who-can for the busy resource and one action. Each iteration
// edits and then undoes (each half timed alike), so the model does not drift.
enum class EditKind { AddTrustStatement, RemovePermissionStatement, DeleteMembershipEdge };

void Edit(benchmark::State &state)
{
    const auto kind = static_cast<EditKind>(state.range(0));
    Workspace w = account();
    const Role &target = w.roles[w.roles.size() / 2];
    const RoleId roleId = target.id;
    WorkspaceDelta edit;
    WorkspaceDelta undo;
    switch (kind) {
    case EditKind::AddTrustStatement: {
        Role role = target;
        undo.roles.push_back(role);
        Statement s = rd::test::policyOf(rd::test::policyDocument("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                                             + w.users.front().arn + "\"},\"Action\":\"sts:AssumeRole\"}"))
                          .statements.front();
        role.trustPolicy.statements.push_back(std::move(s));
        edit.roles.push_back(std::move(role));
        break;
    }
    case EditKind::RemovePermissionStatement: {
        // A customer managed policy the role attaches: every principal that attaches it is recomputed.
        ManagedPolicy policy = *w.policy([&] {
            for (const ManagedPolicy &p : w.policies) {
                if (p.arn == target.attachedPolicyArns.front())
                    return p.id;
            }
            return w.policies.front().id;
        }());
        undo.policies.push_back(policy);
        for (PolicyVersion &version : policy.versions) {
            if (version.isDefault && !version.document.statements.empty())
                version.document.statements.erase(version.document.statements.begin());
        }
        edit.policies.push_back(std::move(policy));
        break;
    }
    case EditKind::DeleteMembershipEdge: {
        User user = w.users[w.users.size() / 2];
        undo.users.push_back(user);
        if (!user.groupNames.empty())
            user.groupNames.pop_back();
        edit.users.push_back(std::move(user));
        break;
    }
    }
    const std::string &resource = busyResource();
    const std::string action = busyAction();
    std::shared_ptr<const AccountModel> current = model();
    AssumeRoleRequest request;
    request.principal = w.users.front().arn;
    request.roleArns = { target.arn };
    std::size_t answers = 0;
    std::size_t findings = 0;
    bool allowed = false;
    for (auto _ : state) {
        for (const WorkspaceDelta *delta : { &edit, &undo }) {
            // The document's workspace takes the edit (the app's undo command), then the model follows.
            for (const Role &role : delta->roles)
                *w.role(role.id) = role;
            current = current->apply(*delta);
            findings = validateRole(w, *w.role(roleId)).count();
            const StsSimulator simulator(w, current);
            const AssumeRoleResult result = simulator.assume(request);
            allowed = result.allowed;
            if (allowed)
                benchmark::DoNotOptimize(simulator.effectivePermissions(result).services.size());
            answers = Reachability(current->graph()).whoCan(resource, action).size();
            benchmark::DoNotOptimize(answers);
        }
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["findings"] = static_cast<double>(findings);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(Edit)
    ->Arg(static_cast<int>(EditKind::AddTrustStatement))
    ->Arg(static_cast<int>(EditKind::RemovePermissionStatement))
    ->Arg(static_cast<int>(EditKind::DeleteMembershipEdge))
    ->Unit(benchmark::kMillisecond)
    ->Iterations(10);

// Who can do one action on the busy resource.
void WhoCanActionQuery(benchmark::State &state)
{
    const Reachability reach(graph());
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = reach.whoCan(busyResource(), busyAction()).size();
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
}
BENCHMARK(WhoCanActionQuery)->Unit(benchmark::kMillisecond);

void WhoCanQuery(benchmark::State &state)
{
    const Reachability reach(graph());
    const std::string &resource = busyResource();
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = reach.whoCan(resource).size();
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(WhoCanQuery)->Unit(benchmark::kMillisecond);

void WhatCanQuery(benchmark::State &state)
{
    const Reachability reach(graph());
    // The principal with the most answers among the first users (a worst case rather than an easy one).
    static const std::size_t start = [] {
        const Reachability r(graph());
        std::size_t best = 0;
        std::size_t most = 0;
        std::size_t users = 0;
        for (std::size_t n = 0; n < graph().nodes().size() && users < 200; ++n) {
            if (graph().nodes()[n].kind != GraphNodeKind::User)
                continue;
            ++users;
            const std::size_t count = r.whatCan(n).size();
            if (count >= most) {
                most = count;
                best = n;
            }
        }
        return best;
    }();
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = reach.whatCan(start).size();
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(WhatCanQuery)->Unit(benchmark::kMillisecond);

void AllPairsReachability(benchmark::State &state)
{
    const Reachability reach(graph());
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            if (graph().isPrincipal(n))
                reach.visitReach(n, kDefaultMaxHops, [&](std::size_t, bool, int) { ++answers; });
        }
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(AllPairsReachability)->Unit(benchmark::kMillisecond)->Iterations(1);

// What `reach --format text` without a query does, minus the sort and the output: every principal's whatCan (each
// answer with its shortest path: hops with their keys, condition keys and deciding statements), and each answer
// written as text. The text is dropped after each answer, so memory is the graph's and one principal's answers.
void AllPairsWithPathText(benchmark::State &state)
{
    const Reachability reach(graph());
    std::size_t answers = 0;
    std::size_t hops = 0;
    std::size_t bytes = 0;
    std::string text;
    for (auto _ : state) {
        answers = 0;
        hops = 0;
        bytes = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            if (!graph().isPrincipal(n))
                continue;
            for (const ReachAnswer &answer : reach.whatCan(n, kDefaultMaxHops)) {
                text.clear();
                appendReachText(text, answer);
                ++answers;
                hops += answer.path.size();
                bytes += text.size();
            }
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["hops"] = static_cast<double>(hops);
    state.counters["text_mb"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(AllPairsWithPathText)->Unit(benchmark::kMillisecond)->Iterations(1);

// The simulation panel's effective permissions (StsSimulator::effectivePermissions, listing 500 as the panel does)
// of a role of the account that has AdministratorAccess and the account's S3/SQS permissions boundary, assumed by a
// user its trust policy names. Target: interactive, well under 100 ms.
void EffectivePermissionsAdministratorWithBoundary(benchmark::State &state)
{
    static const Workspace workspace = [] {
        Workspace w = account();
        Role &role = w.roles[w.roles.size() / 2];
        role.attachedPolicyArns = { "arn:aws:iam::aws:policy/AdministratorAccess" };
        role.inlinePolicies.clear();
        role.permissionsBoundaryArn = "arn:aws:iam::" + role.accountId + ":policy/boundary-data";
        role.trustPolicy = rd::test::policyOf(rd::test::policyDocument(
            R"({"Effect":"Allow","Principal":{"AWS":")" + w.users.front().arn + R"("},"Action":"sts:AssumeRole"})"));
        return w;
    }();
    const StsSimulator simulator(workspace, AccountModel::build(workspace));
    AssumeRoleRequest request;
    request.principal = workspace.users.front().arn;
    request.roleArns = { workspace.roles[workspace.roles.size() / 2].arn };
    request.currentTime = 1767225600; // 2026-01-01T00:00:00Z
    const AssumeRoleResult result = simulator.assume(request);
    if (!result.allowed) {
        state.SkipWithError("the role was not assumed");
        return;
    }
    std::size_t actions = 0;
    for (auto _ : state) {
        actions = simulator.effectivePermissions(result, 500).actionCount;
        benchmark::DoNotOptimize(actions);
    }
    state.counters["actions"] = static_cast<double>(actions);
}
BENCHMARK(EffectivePermissionsAdministratorWithBoundary)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
