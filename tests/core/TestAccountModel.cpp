// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// AccountModel: one model of the account. The property test applies 1,000 random edits to a generated account and
// checks after each that the incrementally updated model equals a model built from scratch.
#include "LargeAccount.h"
#include "PolicyText.h"
#include "SplitMix.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/graph/GraphFormats.h"
#include "rd/core/policy/PolicyParser.h"

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace rd::core;

namespace
{

std::string refText(const GraphStatementRef &ref)
{
    return ref.policy + "#" + std::to_string(ref.index) + "#" + ref.sid + "#"
        + std::to_string(static_cast<int>(ref.source.kind)) + "/" + std::to_string(ref.source.owner) + "/"
        + ref.source.name;
}

std::string nodeText(const GraphNode &node)
{
    return std::string(graphNodeKindName(node.kind)) + " " + node.key + " label=" + node.label + " account="
        + node.accountId + " modelled=" + (node.modelled ? "1" : "0") + " entity=" + std::to_string(node.entityId);
}

/// The graph as sorted text: node and edge order may differ between a built and an updated model, nothing else.
std::vector<std::string> canonical(const AccessGraph &g)
{
    std::vector<std::string> out;
    for (const GraphNode &node : g.nodes()) {
        // A resource pattern that no edge uses any more carries no information.
        const bool orphan = !node.modelled && node.kind == GraphNodeKind::Resource;
        if (!orphan)
            out.push_back("node " + nodeText(node));
    }
    for (const GraphEdge &edge : g.edges()) {
        std::string text = "edge " + std::string(graphEdgeKindName(edge.kind)) + " " + g.nodes()[edge.from].key + " -> "
            + g.nodes()[edge.to].key + (edge.conditional ? " conditional" : "");
        std::vector<std::string> keys = edge.conditionKeys;
        std::sort(keys.begin(), keys.end());
        for (const std::string &k : keys)
            text += " key=" + k;
        std::vector<std::string> refs;
        for (const GraphStatementRef &ref : edge.statements)
            refs.push_back(refText(ref));
        std::sort(refs.begin(), refs.end());
        for (const std::string &r : refs)
            text += " stmt=" + r;
        std::vector<std::string> groups;
        for (const ActionGroup &group : edge.actions) {
            std::vector<std::string> patterns = group.patterns;
            std::sort(patterns.begin(), patterns.end());
            std::string g2 = group.service + "/" + group.accessLevel;
            for (const std::string &p : patterns)
                g2 += "," + p;
            groups.push_back(g2);
        }
        std::sort(groups.begin(), groups.end());
        for (const std::string &gr : groups)
            text += " actions=" + gr;
        std::vector<std::string> denies;
        for (const GraphDeny &deny : edge.denies) {
            std::string d = refText(deny.statement) + "@" + deny.attachedTo;
            for (const std::string &k : deny.conditionKeys)
                d += "," + k;
            denies.push_back(d);
        }
        std::sort(denies.begin(), denies.end());
        for (const std::string &d : denies)
            text += " deny=" + d;
        out.push_back(text);
        if (!g.nodes()[edge.to].modelled && g.nodes()[edge.to].kind == GraphNodeKind::Resource)
            out.push_back("node " + nodeText(g.nodes()[edge.to]));
    }
    for (std::size_t n = 0; n < g.nodes().size(); ++n) {
        for (const GraphDeny &deny : g.resourceDenies(n))
            out.push_back("resource-deny " + g.nodes()[n].key + " " + refText(deny.statement));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::string> policyLabels(const PrincipalPolicies *set)
{
    std::vector<std::string> out;
    if (!set)
        return { "(none)" };
    for (const ResolvedPolicyPtr &p : set->identity)
        out.push_back(p->compiled.name());
    out.push_back("boundary=" + (set->boundary ? set->boundary->compiled.name() : std::string()));
    for (const std::string &arn : set->unresolvedArns)
        out.push_back("unresolved=" + arn);
    return out;
}

/// The first difference between two canonical forms, for the failure message.
QByteArray firstDifference(const std::vector<std::string> &a, const std::vector<std::string> &b)
{
    std::vector<std::string> onlyA;
    std::vector<std::string> onlyB;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(onlyA));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(onlyB));
    return QByteArray::fromStdString("incremental only: " + (onlyA.empty() ? std::string("-") : onlyA.front())
        + "\nrebuilt only: " + (onlyB.empty() ? std::string("-") : onlyB.front()));
}

using Random = rd::test::SplitMix;

const std::string kAccount = "111122223333";

/// One statement of the kinds edits add: grants, denies (some conditioned on keys the principal determines),
/// trust for every kind of principal.
std::string randomStatement(Random &r, const Workspace &ws, bool trust)
{
    auto principalJson = [&]() -> std::string {
        switch (r.below(6)) {
        case 0:
            return ws.roles.empty() ? "\"*\"" : "{\"AWS\":\"" + ws.roles[r.below(ws.roles.size())].arn + "\"}";
        case 1:
            return ws.users.empty() ? "\"*\"" : "{\"AWS\":\"" + ws.users[r.below(ws.users.size())].arn + "\"}";
        case 2:
            return "{\"AWS\":\"arn:aws:iam::" + kAccount + ":root\"}";
        case 3:
            return "{\"AWS\":\"444455556666\"}";
        case 4:
            return "{\"Service\":\"lambda.amazonaws.com\"}";
        default:
            return "\"*\"";
        }
    };
    const char *conditions[] = { "", "", "", ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}",
        ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}",
        ",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/team-1/*\"}}" };
    const std::string condition = conditions[r.below(6)];
    if (trust) {
        const char *effect = r.below(8) == 0 ? "Deny" : "Allow";
        return std::string("{\"Effect\":\"") + effect + "\",\"Principal\":" + principalJson()
            + ",\"Action\":\"sts:AssumeRole\"" + condition + "}";
    }
    const char *actions[] = { "s3:GetObject", "s3:*", "sqs:SendMessage", "sts:AssumeRole", "kms:Decrypt", "*",
        "dynamodb:Query", "iam:PassRole" };
    std::string resource;
    switch (r.below(5)) {
    case 0:
        resource = "*";
        break;
    case 1:
        resource = ws.roles.empty() ? "*" : ws.roles[r.below(ws.roles.size())].arn;
        break;
    case 2:
        resource = "arn:aws:iam::" + kAccount + ":role/team-" + std::to_string(r.below(5)) + "/*";
        break;
    default:
        resource = ws.resources.empty() ? "*" : ws.resources[r.below(ws.resources.size())].arn;
        break;
    }
    const char *effect = r.below(5) == 0 ? "Deny" : "Allow";
    const char *actionKey = r.below(12) == 0 ? "NotAction" : "Action";
    const char *resourceKey = r.below(12) == 0 ? "NotResource" : "Resource";
    return std::string("{\"Effect\":\"") + effect + "\",\"" + actionKey + "\":\"" + actions[r.below(8)] + "\",\""
        + resourceKey + "\":\"" + resource + "\"" + condition + "}";
}

Policy randomPolicy(Random &r, const Workspace &ws, bool trust)
{
    std::string statements;
    const std::size_t n = 1 + r.below(3);
    for (std::size_t i = 0; i < n; ++i)
        statements += (i ? "," : "") + randomStatement(r, ws, trust);
    return rd::test::policyOf(rd::test::policyDocument(statements));
}

/// Adds a statement to, or drops the last statement of, a policy.
void editPolicy(Random &r, const Workspace &ws, Policy &policy, bool trust)
{
    if (!policy.statements.empty() && r.below(3) == 0) {
        policy.statements.pop_back();
        return;
    }
    Policy added = randomPolicy(r, ws, trust);
    policy.statements.push_back(added.statements.front());
}

/// One random edit of the kinds the app makes: policies of roles, users, groups, managed policies and resources;
/// attachments, group memberships, boundaries; roles, users and policies added, removed or renamed.
std::string randomEdit(Random &r, Workspace &ws)
{
    const std::vector<std::string> managedArns = [&] {
        std::vector<std::string> arns;
        for (const ManagedPolicy &p : ws.policies)
            arns.push_back(p.arn);
        arns.push_back("arn:aws:iam::aws:policy/ReadOnlyAccess");
        arns.push_back("arn:aws:iam::111122223333:policy/missing");
        return arns;
    }();
    switch (r.below(16)) {
    case 0:
    case 1: {
        Role &role = ws.roles[r.below(ws.roles.size())];
        editPolicy(r, ws, role.trustPolicy, true);
        return "trust of " + role.name;
    }
    case 2:
    case 3: {
        Role &role = ws.roles[r.below(ws.roles.size())];
        if (role.inlinePolicies.empty() || r.below(4) == 0)
            role.inlinePolicies.push_back({ "edit-" + std::to_string(r.below(3)), randomPolicy(r, ws, false) });
        else
            editPolicy(r, ws, role.inlinePolicies[r.below(role.inlinePolicies.size())].document, false);
        return "inline policy of " + role.name;
    }
    case 4: {
        User &user = ws.users[r.below(ws.users.size())];
        if (user.inlinePolicies.empty())
            user.inlinePolicies.push_back({ "own", randomPolicy(r, ws, false) });
        else
            editPolicy(r, ws, user.inlinePolicies.front().document, false);
        return "inline policy of " + user.name;
    }
    case 5: {
        Group &group = ws.groups[r.below(ws.groups.size())];
        if (group.inlinePolicies.empty())
            group.inlinePolicies.push_back({ "own", randomPolicy(r, ws, false) });
        else
            editPolicy(r, ws, group.inlinePolicies.front().document, false);
        return "inline policy of " + group.name;
    }
    case 6:
    case 7: {
        ManagedPolicy &policy = ws.policies[r.below(ws.policies.size())];
        for (PolicyVersion &version : policy.versions) {
            if (version.isDefault)
                editPolicy(r, ws, version.document, false);
        }
        return "managed policy " + policy.name;
    }
    case 8: {
        Role &role = ws.roles[r.below(ws.roles.size())];
        if (!role.attachedPolicyArns.empty() && r.below(2) == 0)
            role.attachedPolicyArns.erase(role.attachedPolicyArns.begin());
        else
            role.attachedPolicyArns.push_back(managedArns[r.below(managedArns.size())]);
        return "attachments of " + role.name;
    }
    case 9: {
        User &user = ws.users[r.below(ws.users.size())];
        if (!user.groupNames.empty() && r.below(2) == 0)
            user.groupNames.pop_back();
        else
            user.groupNames.push_back(ws.groups[r.below(ws.groups.size())].name);
        return "groups of " + user.name;
    }
    case 10: {
        Group &group = ws.groups[r.below(ws.groups.size())];
        if (!group.attachedPolicyArns.empty() && r.below(2) == 0)
            group.attachedPolicyArns.pop_back();
        else
            group.attachedPolicyArns.push_back(managedArns[r.below(managedArns.size())]);
        return "attachments of " + group.name;
    }
    case 11: {
        const bool onRole = r.below(2) == 0;
        std::string &boundary = onRole ? ws.roles[r.below(ws.roles.size())].permissionsBoundaryArn
                                       : ws.users[r.below(ws.users.size())].permissionsBoundaryArn;
        boundary = boundary.empty() ? managedArns[r.below(managedArns.size())] : std::string();
        return "boundary";
    }
    case 12: {
        Resource &resource = ws.resources[r.below(ws.resources.size())];
        if (resource.policy && r.below(3) == 0)
            resource.policy.reset();
        else if (resource.policy)
            editPolicy(r, ws, *resource.policy, true);
        else
            resource.policy = randomPolicy(r, ws, true);
        return "resource policy of " + resource.arn;
    }
    case 13: {
        // A role added or removed.
        if (r.below(2) == 0 && ws.roles.size() > 5) {
            const std::size_t index = r.below(ws.roles.size());
            const std::string name = ws.roles[index].name;
            ws.roles.erase(ws.roles.begin() + static_cast<std::ptrdiff_t>(index));
            return "removed role " + name;
        }
        Role role;
        role.accountId = r.below(5) == 0 ? "444455556666" : kAccount;
        role.name = "added-" + std::to_string(r.next() % 100000);
        role.path = "/team-" + std::to_string(r.below(5)) + "/";
        role.arn = "arn:aws:iam::" + role.accountId + ":role" + role.path + role.name;
        role.trustPolicy = randomPolicy(r, ws, true);
        role.attachedPolicyArns.push_back(managedArns[r.below(managedArns.size())]);
        const std::string name = role.name;
        ws.add(std::move(role));
        return "added role " + name;
    }
    case 14: {
        // A user renamed (its ARN changes with it), or removed.
        const std::size_t index = r.below(ws.users.size());
        if (r.below(3) == 0 && ws.users.size() > 3) {
            ws.users.erase(ws.users.begin() + static_cast<std::ptrdiff_t>(index));
            return "removed user";
        }
        User &user = ws.users[index];
        user.name += "x";
        user.arn = "arn:aws:iam::" + user.accountId + ":user" + user.path + user.name;
        return "renamed user " + user.name;
    }
    default: {
        // A managed policy added or removed.
        if (r.below(2) == 0 && ws.policies.size() > 3) {
            const std::size_t index = r.below(ws.policies.size());
            ws.policies.erase(ws.policies.begin() + static_cast<std::ptrdiff_t>(index));
            return "removed managed policy";
        }
        ManagedPolicy policy;
        policy.name = "added-" + std::to_string(r.next() % 100000);
        policy.arn = r.below(4) == 0 ? std::string("arn:aws:iam::111122223333:policy/missing")
                                     : "arn:aws:iam::" + kAccount + ":policy/" + policy.name;
        policy.defaultVersionId = "v1";
        policy.versions.push_back({ "v1", true, {}, randomPolicy(r, ws, false) });
        if (std::any_of(
                ws.policies.begin(), ws.policies.end(), [&](const ManagedPolicy &p) { return p.arn == policy.arn; }))
            return "nothing";
        ws.add(std::move(policy));
        return "added managed policy";
    }
    }
}

void compareModels(
    const AccountModel &incremental, const AccountModel &rebuilt, const Workspace &ws, const std::string &step)
{
    const std::vector<std::string> a = canonical(incremental.graph());
    const std::vector<std::string> b = canonical(rebuilt.graph());
    if (a != b)
        QFAIL(QByteArray::fromStdString("after " + step + ":\n") + firstDifference(a, b));
    for (const Role &role : ws.roles) {
        if (policyLabels(incremental.policiesOf(role.id)) != policyLabels(rebuilt.policiesOf(role.id)))
            QFAIL(QByteArray::fromStdString("after " + step + ": policies of " + role.name + " differ"));
        const ResolvedPolicyPtr t1 = incremental.trustPolicy(role.id);
        const ResolvedPolicyPtr t2 = rebuilt.trustPolicy(role.id);
        QVERIFY(t1 && t2);
        QCOMPARE(t1->compiled.statements().size(), t2->compiled.statements().size());
    }
    for (const User &user : ws.users) {
        if (policyLabels(incremental.policiesOf(user.id)) != policyLabels(rebuilt.policiesOf(user.id)))
            QFAIL(QByteArray::fromStdString("after " + step + ": policies of " + user.name + " differ"));
    }
}

} // namespace

class TestAccountModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildResolvesEveryPolicyOnce()
    {
        // IAM User Guide, "IAM user groups": a user's set holds its own policies, then its groups'.
        Workspace ws = rd::test::makeLargeAccount({ 20, 10, 3, 8, 40 });
        const auto model = AccountModel::build(ws);
        for (const User &user : ws.users) {
            const PrincipalPolicies *set = model->policiesOf(user.id);
            QVERIFY(set);
            std::size_t expected = user.inlinePolicies.size() + user.attachedPolicyArns.size();
            for (const std::string &groupName : user.groupNames) {
                for (const Group &group : ws.groups) {
                    if (group.name == groupName)
                        expected += group.inlinePolicies.size() + group.attachedPolicyArns.size();
                }
            }
            QCOMPARE(
                set->identity.size() + set->unresolvedArns.size() - (set->boundaryArn.empty() || set->boundary ? 0 : 1),
                expected);
        }
        // The same managed policy is compiled once: every principal that attaches it shares the object.
        const std::string arn = ws.roles.front().attachedPolicyArns.front();
        const ResolvedPolicyPtr shared = model->managedPolicy(arn);
        QVERIFY(shared);
        for (const Role &role : ws.roles) {
            for (const ResolvedPolicyPtr &p : model->policiesOf(role.id)->identity) {
                if (p->source.name == arn)
                    QCOMPARE(p.get(), shared.get());
            }
        }
        QVERIFY(model->policiesOf(RoleId { 999999 }) == nullptr);
        QVERIFY(!model->managedPolicy("arn:aws:iam::111122223333:policy/none"));
        QVERIFY(model->managedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    }

    void unresolvedPoliciesAreListed()
    {
        Workspace ws = rd::test::makeLargeAccount({ 3, 1, 1, 2, 4 });
        ws.roles.front().attachedPolicyArns.push_back("arn:aws:iam::111122223333:policy/gone");
        ws.roles.front().permissionsBoundaryArn = "arn:aws:iam::111122223333:policy/gone-boundary";
        const auto model = AccountModel::build(ws);
        const PrincipalPolicies *set = model->policiesOf(ws.roles.front().id);
        QVERIFY(set);
        QVERIFY(!set->boundary);
        QCOMPARE(set->boundaryArn, std::string("arn:aws:iam::111122223333:policy/gone-boundary"));
        QCOMPARE(set->unresolvedArns,
            (std::vector<std::string> {
                "arn:aws:iam::111122223333:policy/gone", "arn:aws:iam::111122223333:policy/gone-boundary" }));
    }

    void deltaBetweenWorkspaces()
    {
        Workspace before = rd::test::makeLargeAccount({ 6, 3, 2, 3, 6 });
        Workspace after = before;
        after.roles[1].description = "changed";
        after.users.erase(after.users.begin());
        Group group;
        group.accountId = kAccount;
        group.name = "new-group";
        group.arn = "arn:aws:iam::111122223333:group/new-group";
        after.add(std::move(group));
        const WorkspaceDelta delta = WorkspaceDelta::between(before, after);
        QCOMPARE(delta.roles.size(), std::size_t(1));
        QCOMPARE(delta.roles.front().id, after.roles[1].id);
        QCOMPARE(delta.removedUsers, std::vector<UserId> { before.users.front().id });
        QCOMPARE(delta.groups.size(), std::size_t(1));
        QVERIFY(delta.policies.empty() && delta.resources.empty() && !delta.accounts);
        QVERIFY(WorkspaceDelta::between(before, before).empty());
    }

    void aPatternNoLongerUsedIsVacant()
    {
        // An update keeps node indexes stable: the pattern's node stays, with no edge, and views and exports skip it.
        Workspace ws = rd::test::makeLargeAccount({ 3, 1, 1, 2, 4 });
        const std::string pattern = "arn:aws:s3:::only-this-role-reads/*";
        ws.roles.front().inlinePolicies.push_back({ "Reads",
            rd::test::policyOf(rd::test::policyDocument("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                                                        "\"Resource\":\""
                + pattern + "\"}")) });
        const auto model = AccountModel::build(ws);
        const std::size_t node = model->graph().find(pattern, GraphNodeKind::Resource);
        QVERIFY(node != AccessGraph::npos);
        QVERIFY(!model->graph().isVacant(node));
        QVERIFY(writeDot(model->graph()).find(pattern) != std::string::npos);
        const Workspace before = ws;
        ws.roles.front().inlinePolicies.pop_back();
        const auto updated = model->apply(WorkspaceDelta::between(before, ws));
        QCOMPARE(updated->graph().find(pattern, GraphNodeKind::Resource), node);
        QVERIFY(updated->graph().isVacant(node));
        QVERIFY(writeDot(updated->graph()).find(pattern) == std::string::npos);
        QVERIFY(writeGraphMl(updated->graph()).find(pattern) == std::string::npos);
        QCOMPARE(AccountModel::build(ws)->graph().find(pattern, GraphNodeKind::Resource), AccessGraph::npos);
        // A modelled resource is never vacant, with or without edges.
        for (std::size_t n = 0; n < updated->graph().nodes().size(); ++n) {
            if (updated->graph().nodes()[n].modelled)
                QVERIFY(!updated->graph().isVacant(n));
        }
    }

    void incrementalEqualsRebuildOverRandomEdits()
    {
        // The property of AccountModel::apply(): after every edit the updated model equals one built from scratch.
        Workspace ws = rd::test::makeLargeAccount({ 60, 25, 5, 20, 80 });
        for (std::size_t i = 0; i < ws.resources.size(); i += 7)
            ws.resources[i].policy =
                rd::test::policyOf(rd::test::policyDocument("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                    + ws.roles[i % ws.roles.size()].arn + "\"},\"Action\":\"*\",\"Resource\":\"*\"}"));
        std::shared_ptr<const AccountModel> model = AccountModel::build(ws);
        Random random { 7 };
        const int edits =
            qEnvironmentVariableIntValue("RD_MODEL_EDITS") > 0 ? qEnvironmentVariableIntValue("RD_MODEL_EDITS") : 1000;
        for (int i = 0; i < edits; ++i) {
            const Workspace before = ws;
            const std::string step = "edit " + std::to_string(i) + " (" + randomEdit(random, ws) + ")";
            const WorkspaceDelta delta = WorkspaceDelta::between(before, ws);
            model = model->apply(delta);
            const auto rebuilt = AccountModel::build(ws);
            compareModels(*model, *rebuilt, ws, step);
            if (QTest::currentTestFailed())
                return;
        }
        QCOMPARE(model->generation(), std::uint64_t(edits));
    }
};

QTEST_APPLESS_MAIN(TestAccountModel)
#include "TestAccountModel.moc"
