// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/Organization.h"

#include <algorithm>

namespace rd::core
{

std::string_view organizationPolicyTypeName(OrganizationPolicyType type)
{
    return type == OrganizationPolicyType::ServiceControl ? "SERVICE_CONTROL_POLICY" : "RESOURCE_CONTROL_POLICY";
}

std::optional<OrganizationPolicyType> organizationPolicyTypeFromName(std::string_view name)
{
    if (name == "SERVICE_CONTROL_POLICY")
        return OrganizationPolicyType::ServiceControl;
    if (name == "RESOURCE_CONTROL_POLICY")
        return OrganizationPolicyType::ResourceControl;
    return std::nullopt;
}

const OrganizationalUnit *Organization::unit(std::string_view nodeId) const
{
    auto it = std::find_if(units.begin(), units.end(), [&](const OrganizationalUnit &u) { return u.id == nodeId; });
    return it == units.end() ? nullptr : &*it;
}

const OrganizationAccount *Organization::account(std::string_view accountId) const
{
    auto it =
        std::find_if(accounts.begin(), accounts.end(), [&](const OrganizationAccount &a) { return a.id == accountId; });
    return it == accounts.end() ? nullptr : &*it;
}

const OrganizationPolicy *Organization::policy(std::string_view nodeId) const
{
    auto it =
        std::find_if(policies.begin(), policies.end(), [&](const OrganizationPolicy &p) { return p.id == nodeId; });
    return it == policies.end() ? nullptr : &*it;
}

std::optional<OrganizationTargetKind> Organization::targetKind(std::string_view nodeId) const
{
    if (!nodeId.empty() && nodeId == rootId)
        return OrganizationTargetKind::Root;
    if (unit(nodeId))
        return OrganizationTargetKind::OrganizationalUnit;
    if (account(nodeId))
        return OrganizationTargetKind::Account;
    return std::nullopt;
}

std::string Organization::targetName(std::string_view nodeId) const
{
    if (!nodeId.empty() && nodeId == rootId)
        return rootName;
    if (const OrganizationalUnit *u = unit(nodeId))
        return u->name;
    if (const OrganizationAccount *a = account(nodeId))
        return a->name;
    return {};
}

std::vector<std::string> Organization::pathOf(std::string_view accountId) const
{
    const OrganizationAccount *a = account(accountId);
    if (!a)
        return {};
    std::vector<std::string> path { a->id };
    std::string parent = a->parentId;
    // A cycle or a missing parent leaves the account outside the tree; the OUs bound the walk.
    for (std::size_t steps = 0; steps <= units.size(); ++steps) {
        if (parent == rootId && !rootId.empty()) {
            path.push_back(rootId);
            std::reverse(path.begin(), path.end());
            return path;
        }
        const OrganizationalUnit *u = unit(parent);
        if (!u)
            return {};
        path.push_back(u->id);
        parent = u->parentId;
    }
    return {};
}

std::string Organization::orgPathOf(std::string_view accountId) const
{
    const std::vector<std::string> path = pathOf(accountId);
    if (path.empty())
        return {};
    std::string out = id + "/";
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
        out += path[i] + "/";
    return out;
}

std::vector<const OrganizationPolicy *> Organization::attachedTo(
    std::string_view targetId, OrganizationPolicyType type) const
{
    std::vector<const OrganizationPolicy *> out;
    for (const OrganizationPolicy &p : policies) {
        if (p.type == type && std::find(p.targetIds.begin(), p.targetIds.end(), targetId) != p.targetIds.end())
            out.push_back(&p);
    }
    return out;
}

std::vector<std::string> Organization::childrenOf(std::string_view parentId) const
{
    std::vector<std::string> out;
    for (const OrganizationalUnit &u : units) {
        if (u.parentId == parentId)
            out.push_back(u.id);
    }
    for (const OrganizationAccount &a : accounts) {
        if (a.parentId == parentId)
            out.push_back(a.id);
    }
    return out;
}

} // namespace rd::core
