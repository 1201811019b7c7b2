// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/UsageAnalysis.h"

#include "base/TextUtil.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "sts/EffectivePermissionsBuilder.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace rd::core
{

std::vector<UnusedService> UsageAnalysis::unusedPermissions(
    const Role &role, const AccountModel &model, const PrincipalUsage *usage, std::size_t &granted)
{
    granted = 0;
    const PrincipalPolicies *policies = model.policiesOf(role.id);
    if (!policies)
        return {};
    std::vector<const CompiledPolicy *> identity;
    identity.reserve(policies->identity.size());
    for (const ResolvedPolicyPtr &policy : policies->identity)
        identity.push_back(&policy->compiled);
    const CompiledPolicy *boundary = policies->boundary ? &policies->boundary->compiled : nullptr;
    const EffectivePermissions effective =
        EffectivePermissionsBuilder(identity, boundary, {}, ServiceCatalog::builtin())
            .build(std::numeric_limits<std::size_t>::max());
    granted = effective.actionCount;
    std::unordered_set<std::string> used;
    if (usage) {
        for (const ActionUsage &action : usage->actions)
            used.insert(toLower(action.action));
    }
    std::vector<UnusedService> out;
    for (const EffectiveService &service : effective.services) {
        UnusedService unused;
        unused.prefix = service.prefix;
        unused.name = service.name;
        for (const EffectiveAction &action : service.actions) {
            if (used.count(toLower(action.action)))
                continue;
            unused.actions.push_back({ action.action, action.accessLevel });
            ++unused.countByLevel[static_cast<std::size_t>(action.accessLevel)];
        }
        if (!unused.actions.empty())
            out.push_back(std::move(unused));
    }
    return out;
}

UsageReport UsageAnalysis::report(const UsageCollector &collector, CloudTrailReadSummary read,
    const Workspace *workspace, std::shared_ptr<const AccountModel> model)
{
    UsageReport report;
    report.since = collector.since();
    report.until = collector.until();
    report.firstRecord = collector.firstRecord();
    report.lastRecord = collector.lastRecord();
    report.read = std::move(read);
    report.recordsInWindow = collector.recordsInWindow();
    report.serviceEvents = collector.serviceEvents();
    std::vector<PrincipalUsage> principals = collector.principals();
    std::unordered_map<std::string, std::size_t> roleIndex;
    if (workspace) {
        if (!model)
            model = AccountModel::build(*workspace);
        for (const Role &role : workspace->roles) {
            RoleUsage usage;
            usage.role = role.id;
            usage.name = role.name;
            usage.usage.arn = role.arn;
            roleIndex.emplace(toLower(role.arn), report.roles.size());
            report.roles.push_back(std::move(usage));
        }
    }
    for (PrincipalUsage &principal : principals) {
        const auto it = roleIndex.find(toLower(principal.arn));
        if (it == roleIndex.end()) {
            report.otherPrincipals.push_back(std::move(principal));
            continue;
        }
        RoleUsage &role = report.roles[it->second];
        const std::string arn = role.usage.arn;
        role.usage = std::move(principal);
        role.usage.arn = arn;
    }
    if (workspace) {
        for (std::size_t i = 0; i < report.roles.size(); ++i) {
            RoleUsage &role = report.roles[i];
            role.unused = unusedPermissions(workspace->roles[i], *model, &role.usage, role.grantedActions);
            role.unusedActions = 0;
            for (const UnusedService &service : role.unused)
                role.unusedActions += service.actions.size();
        }
    }
    std::stable_sort(report.otherPrincipals.begin(), report.otherPrincipals.end(),
        [](const PrincipalUsage &a, const PrincipalUsage &b) {
            return a.calls + a.deniedCalls > b.calls + b.deniedCalls;
        });
    return report;
}

UsageReport UsageAnalysis::fromCloudTrail(const std::vector<std::string> &paths, const Workspace *workspace,
    std::shared_ptr<const AccountModel> model, const UsageOptions &options)
{
    const unsigned threads = options.threads ? options.threads : CloudTrailReader::defaultThreads();
    std::vector<std::unique_ptr<UsageCollector>> collectors;
    std::vector<CloudTrailEventSink *> sinks;
    for (unsigned i = 0; i < threads; ++i) {
        collectors.push_back(std::make_unique<UsageCollector>(options.since, options.until));
        sinks.push_back(collectors.back().get());
    }
    CloudTrailReadSummary read = CloudTrailReader::read(paths, sinks, options.read);
    for (std::size_t i = 1; i < collectors.size(); ++i)
        collectors.front()->merge(*collectors[i]);
    return report(*collectors.front(), std::move(read), workspace, std::move(model));
}

} // namespace rd::core
