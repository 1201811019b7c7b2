// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/analysis/AccountModel.h"

#include "analysis/PolicyResolver.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

namespace rd::core
{

struct AccountModel::Data {
    const AwsManagedPolicies *aws = nullptr;
    Workspace workspace;
    std::unordered_map<std::uint64_t, PrincipalPolicies> roles;
    std::unordered_map<std::uint64_t, PrincipalPolicies> users;
    std::unordered_map<std::uint64_t, ResolvedPolicyPtr> trust;
    std::unordered_map<std::uint64_t, ResolvedPolicyPtr> resources;
    std::unordered_map<std::string, ResolvedPolicyPtr> managed;
    std::shared_ptr<const AccessGraph> graph;
    std::uint64_t generation = 0;
};

namespace
{

template <class T> void replaceById(std::vector<T> &list, const T &entity)
{
    for (T &item : list) {
        if (item.id == entity.id) {
            item = entity;
            return;
        }
    }
    list.push_back(entity);
}

template <class T, class Id> void removeById(std::vector<T> &list, const std::vector<Id> &ids)
{
    std::erase_if(list, [&](const T &item) { return std::find(ids.begin(), ids.end(), item.id) != ids.end(); });
}

template <class T, class Id>
void diffList(
    const std::vector<T> &before, const std::vector<T> &after, std::vector<T> &changed, std::vector<Id> &removed)
{
    std::unordered_map<std::uint64_t, const T *> old;
    for (const T &item : before)
        old.emplace(item.id.value, &item);
    for (const T &item : after) {
        auto it = old.find(item.id.value);
        if (it == old.end() || !(*it->second == item))
            changed.push_back(item);
        if (it != old.end())
            old.erase(it);
    }
    for (const T &item : before) {
        if (old.count(item.id.value))
            removed.push_back(item.id);
    }
}

std::shared_ptr<AccountModel::Data> resolve(
    Workspace workspace, const AwsManagedPolicies &aws, std::uint64_t generation)
{
    auto data = std::make_shared<AccountModel::Data>();
    data->aws = &aws;
    data->workspace = std::move(workspace);
    data->generation = generation;
    const Workspace &ws = data->workspace;
    PolicyResolver resolver(aws);
    resolver.setManagedPolicies(ws.policies);
    for (const Role &role : ws.roles) {
        data->roles.emplace(role.id.value, resolver.rolePolicies(role));
        data->trust.emplace(role.id.value, PolicyResolver::trustPolicy(role));
    }
    std::map<std::pair<std::string, std::string>, PrincipalPolicies> groups;
    for (const Group &group : ws.groups)
        groups.emplace(std::make_pair(group.accountId, group.name), resolver.groupPolicies(group));
    for (const User &user : ws.users) {
        std::vector<const PrincipalPolicies *> memberOf;
        for (const std::string &name : user.groupNames) {
            auto it = groups.find({ user.accountId, name });
            if (it != groups.end())
                memberOf.push_back(&it->second);
        }
        data->users.emplace(user.id.value, resolver.userPolicies(user, memberOf));
    }
    for (const Resource &resource : ws.resources) {
        if (ResolvedPolicyPtr policy = PolicyResolver::resourcePolicy(resource))
            data->resources.emplace(resource.id.value, std::move(policy));
    }
    // Every managed policy of the workspace, and every AWS managed one a principal uses, by ARN.
    for (const ManagedPolicy &policy : ws.policies) {
        if (ResolvedPolicyPtr resolved = resolver.managed(policy.arn))
            data->managed.emplace(policy.arn, std::move(resolved));
    }
    auto keepManaged = [&](const PrincipalPolicies &set) {
        for (const ResolvedPolicyPtr &p : set.identity) {
            if (p->source.kind == PolicySource::Kind::AwsManaged)
                data->managed.emplace(p->source.name, p);
        }
        if (set.boundary)
            data->managed.emplace(set.boundaryArn, set.boundary);
    };
    for (const auto &[id, set] : data->roles)
        keepManaged(set);
    for (const auto &[id, set] : data->users)
        keepManaged(set);
    const AccountModel::Data &d = *data;
    GraphPolicies lookup;
    lookup.role = [&d](RoleId id) -> const PrincipalPolicies * {
        auto it = d.roles.find(id.value);
        return it == d.roles.end() ? nullptr : &it->second;
    };
    lookup.user = [&d](UserId id) -> const PrincipalPolicies * {
        auto it = d.users.find(id.value);
        return it == d.users.end() ? nullptr : &it->second;
    };
    lookup.trust = [&d](RoleId id) -> ResolvedPolicyPtr {
        auto it = d.trust.find(id.value);
        return it == d.trust.end() ? nullptr : it->second;
    };
    lookup.resource = [&d](ResourceId id) -> ResolvedPolicyPtr {
        auto it = d.resources.find(id.value);
        return it == d.resources.end() ? nullptr : it->second;
    };
    data->graph = std::make_shared<const AccessGraph>(AccessGraph::build(ws, lookup));
    return data;
}

} // namespace

bool WorkspaceDelta::empty() const
{
    return roles.empty() && users.empty() && groups.empty() && policies.empty() && resources.empty()
        && removedRoles.empty() && removedUsers.empty() && removedGroups.empty() && removedPolicies.empty()
        && removedResources.empty() && !accounts && !externalPrincipals;
}

WorkspaceDelta WorkspaceDelta::between(const Workspace &before, const Workspace &after)
{
    WorkspaceDelta delta;
    diffList(before.roles, after.roles, delta.roles, delta.removedRoles);
    diffList(before.users, after.users, delta.users, delta.removedUsers);
    diffList(before.groups, after.groups, delta.groups, delta.removedGroups);
    diffList(before.policies, after.policies, delta.policies, delta.removedPolicies);
    diffList(before.resources, after.resources, delta.resources, delta.removedResources);
    if (!(before.accounts == after.accounts))
        delta.accounts = after.accounts;
    if (!(before.externalPrincipals == after.externalPrincipals))
        delta.externalPrincipals = after.externalPrincipals;
    return delta;
}

AccountModel::AccountModel(std::shared_ptr<const Data> data)
    : m_data(std::move(data))
{
}

AccountModel::~AccountModel() = default;

std::shared_ptr<const AccountModel> AccountModel::build(
    const Workspace &workspace, const AwsManagedPolicies &awsManaged)
{
    return std::make_shared<const AccountModel>(resolve(workspace, awsManaged, 0));
}

std::shared_ptr<const AccountModel> AccountModel::apply(const WorkspaceDelta &delta) const
{
    Workspace ws = m_data->workspace;
    removeById(ws.roles, delta.removedRoles);
    removeById(ws.users, delta.removedUsers);
    removeById(ws.groups, delta.removedGroups);
    removeById(ws.policies, delta.removedPolicies);
    removeById(ws.resources, delta.removedResources);
    for (const Role &e : delta.roles)
        replaceById(ws.roles, e);
    for (const User &e : delta.users)
        replaceById(ws.users, e);
    for (const Group &e : delta.groups)
        replaceById(ws.groups, e);
    for (const ManagedPolicy &e : delta.policies)
        replaceById(ws.policies, e);
    for (const Resource &e : delta.resources)
        replaceById(ws.resources, e);
    if (delta.accounts)
        ws.accounts = *delta.accounts;
    if (delta.externalPrincipals)
        ws.externalPrincipals = *delta.externalPrincipals;
    return std::make_shared<const AccountModel>(resolve(std::move(ws), *m_data->aws, m_data->generation + 1));
}

const AccessGraph &AccountModel::graph() const
{
    return *m_data->graph;
}

std::shared_ptr<const AccessGraph> AccountModel::sharedGraph() const
{
    return m_data->graph;
}

const PrincipalPolicies *AccountModel::policiesOf(RoleId role) const
{
    auto it = m_data->roles.find(role.value);
    return it == m_data->roles.end() ? nullptr : &it->second;
}

const PrincipalPolicies *AccountModel::policiesOf(UserId user) const
{
    auto it = m_data->users.find(user.value);
    return it == m_data->users.end() ? nullptr : &it->second;
}

ResolvedPolicyPtr AccountModel::trustPolicy(RoleId role) const
{
    auto it = m_data->trust.find(role.value);
    return it == m_data->trust.end() ? nullptr : it->second;
}

ResolvedPolicyPtr AccountModel::resourcePolicy(ResourceId resource) const
{
    auto it = m_data->resources.find(resource.value);
    return it == m_data->resources.end() ? nullptr : it->second;
}

ResolvedPolicyPtr AccountModel::managedPolicy(std::string_view arn) const
{
    auto it = m_data->managed.find(std::string(arn));
    if (it != m_data->managed.end())
        return it->second;
    // Not in the workspace and used by nobody: an AWS managed policy, compiled for this caller.
    PolicyResolver resolver(*m_data->aws);
    return resolver.managed(std::string(arn));
}

std::uint64_t AccountModel::generation() const
{
    return m_data->generation;
}

} // namespace rd::core
