// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/analysis/AccountModel.h"

#include "analysis/PolicyResolver.h"
#include "graph/GraphBuilder.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace rd::core
{

struct AccountModel::Data {
    const AwsManagedPolicies *aws = nullptr;
    // The entities, in the workspace's order (added ones at the end); shared between revisions.
    std::vector<std::shared_ptr<const Role>> roles;
    std::vector<std::shared_ptr<const User>> users;
    std::vector<std::shared_ptr<const Group>> groups;
    std::vector<std::shared_ptr<const Resource>> resources;
    std::vector<Account> accounts;
    std::vector<ExternalPrincipal> externalPrincipals;
    PolicyResolver::ManagedCopies managedCopies;
    // Resolved and compiled once.
    PolicyResolver::ManagedCache managed;
    std::unordered_map<std::uint64_t, PrincipalPolicies> groupSets;
    std::unordered_map<std::uint64_t, PrincipalPolicies> roleSets;
    std::unordered_map<std::uint64_t, PrincipalPolicies> userSets;
    std::unordered_map<std::uint64_t, ResolvedPolicyPtr> trust;
    std::unordered_map<std::uint64_t, ResolvedPolicyPtr> resourcePolicies;
    GraphBuilder builder;
    std::shared_ptr<const AccessGraph> graph;
    std::shared_ptr<const OrganizationModel> organization;
    std::uint64_t generation = 0;
};

namespace
{

template <class T> using Shared = std::vector<std::shared_ptr<const T>>;

template <class T>
void diffList(const std::vector<T> &before, const std::vector<T> &after, std::vector<T> &changed,
    std::vector<decltype(T::id)> &removed)
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

/// Applies the delta's entities of one kind to the list: replaced in place, added at the end, removed. True when
/// the change is structural: an entity added or removed, or one whose node changes (`same` says).
template <class T, class Same>
bool applyList(
    Shared<T> &list, const std::vector<T> &changed, const std::vector<decltype(T::id)> &removed, const Same &same)
{
    bool structural = false;
    if (!removed.empty()) {
        const std::size_t before = list.size();
        std::erase_if(list, [&](const std::shared_ptr<const T> &item) {
            return std::find(removed.begin(), removed.end(), item->id) != removed.end();
        });
        structural = list.size() != before;
    }
    if (changed.empty())
        return structural;
    std::unordered_map<std::uint64_t, std::size_t> index;
    for (std::size_t i = 0; i < list.size(); ++i)
        index.emplace(list[i]->id.value, i);
    for (const T &item : changed) {
        auto it = index.find(item.id.value);
        if (it == index.end()) {
            list.push_back(std::make_shared<const T>(item));
            structural = true;
        } else {
            structural = structural || !same(*list[it->second], item);
            list[it->second] = std::make_shared<const T>(item);
        }
    }
    return structural;
}

GraphInputs inputsOf(const AccountModel::Data &d)
{
    GraphInputs in;
    for (const auto &role : d.roles)
        in.roles.push_back(role.get());
    for (const auto &user : d.users)
        in.users.push_back(user.get());
    for (const auto &group : d.groups)
        in.groups.push_back(group.get());
    for (const auto &resource : d.resources)
        in.resources.push_back(resource.get());
    in.accounts = &d.accounts;
    in.externalPrincipals = &d.externalPrincipals;
    in.rolePolicies = [&d](RoleId id) -> const PrincipalPolicies * {
        auto it = d.roleSets.find(id.value);
        return it == d.roleSets.end() ? nullptr : &it->second;
    };
    in.userPolicies = [&d](UserId id) -> const PrincipalPolicies * {
        auto it = d.userSets.find(id.value);
        return it == d.userSets.end() ? nullptr : &it->second;
    };
    in.trust = [&d](RoleId id) -> ResolvedPolicyPtr {
        auto it = d.trust.find(id.value);
        return it == d.trust.end() ? nullptr : it->second;
    };
    in.resourcePolicy = [&d](ResourceId id) -> ResolvedPolicyPtr {
        auto it = d.resourcePolicies.find(id.value);
        return it == d.resourcePolicies.end() ? nullptr : it->second;
    };
    return in;
}

/// A user's groups' policy sets, in the order of User::groupNames.
std::vector<const PrincipalPolicies *> groupSetsOf(const AccountModel::Data &d, const User &user)
{
    std::vector<const PrincipalPolicies *> out;
    for (const std::string &name : user.groupNames) {
        for (const auto &group : d.groups) {
            if (group->accountId == user.accountId && group->name == name) {
                out.push_back(&d.groupSets.at(group->id.value));
                break;
            }
        }
    }
    return out;
}

void resolveAll(AccountModel::Data &d)
{
    d.managed.clear();
    d.groupSets.clear();
    d.roleSets.clear();
    d.userSets.clear();
    d.trust.clear();
    d.resourcePolicies.clear();
    PolicyResolver resolver(*d.aws, d.managedCopies, d.managed);
    for (const auto &[arn, policy] : d.managedCopies)
        resolver.managed(arn);
    for (const auto &group : d.groups)
        d.groupSets.emplace(group->id.value, resolver.groupPolicies(*group));
    for (const auto &role : d.roles) {
        d.roleSets.emplace(role->id.value, resolver.rolePolicies(*role));
        d.trust.emplace(role->id.value, PolicyResolver::trustPolicy(*role));
    }
    for (const auto &user : d.users)
        d.userSets.emplace(user->id.value, resolver.userPolicies(*user, groupSetsOf(d, *user)));
    for (const auto &resource : d.resources) {
        if (ResolvedPolicyPtr policy = PolicyResolver::resourcePolicy(*resource))
            d.resourcePolicies.emplace(resource->id.value, std::move(policy));
    }
}

void buildAll(AccountModel::Data &d)
{
    resolveAll(d);
    const GraphInputs inputs = inputsOf(d);
    d.builder.build(inputs);
    d.graph = std::make_shared<const AccessGraph>(d.builder.graph());
}

bool refersTo(const std::vector<std::string> &arns, const std::set<std::string> &changed)
{
    return std::any_of(arns.begin(), arns.end(), [&](const std::string &arn) { return changed.count(arn) > 0; });
}

} // namespace

bool WorkspaceDelta::empty() const
{
    return roles.empty() && users.empty() && groups.empty() && policies.empty() && resources.empty()
        && removedRoles.empty() && removedUsers.empty() && removedGroups.empty() && removedPolicies.empty()
        && removedResources.empty() && !accounts && !externalPrincipals && !organizationChanged;
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
    if (!(before.organization == after.organization)) {
        delta.organizationChanged = true;
        delta.organization = after.organization;
    }
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
    auto data = std::make_shared<Data>();
    data->aws = &awsManaged;
    for (const Role &role : workspace.roles)
        data->roles.push_back(std::make_shared<const Role>(role));
    for (const User &user : workspace.users)
        data->users.push_back(std::make_shared<const User>(user));
    for (const Group &group : workspace.groups)
        data->groups.push_back(std::make_shared<const Group>(group));
    for (const Resource &resource : workspace.resources)
        data->resources.push_back(std::make_shared<const Resource>(resource));
    for (const ManagedPolicy &policy : workspace.policies)
        data->managedCopies.emplace(policy.arn, std::make_shared<const ManagedPolicy>(policy));
    data->accounts = workspace.accounts;
    data->externalPrincipals = workspace.externalPrincipals;
    if (workspace.organization)
        data->organization = OrganizationModel::build(*workspace.organization);
    buildAll(*data);
    return std::make_shared<const AccountModel>(std::move(data));
}

std::shared_ptr<const AccountModel> AccountModel::apply(const WorkspaceDelta &delta) const
{
    auto data = std::make_shared<Data>(*m_data);
    Data &d = *data;
    d.generation = m_data->generation + 1;
    if (delta.empty())
        return std::make_shared<const AccountModel>(std::move(data));
    // The organization is read at evaluation time, not by the graph: a change replaces its model only.
    if (delta.organizationChanged)
        d.organization = delta.organization ? OrganizationModel::build(*delta.organization) : nullptr;

    // The entities. A change of what a node shows (an entity added, removed, renamed or moved to another account)
    // renumbers the graph, and accounts and external principals are nodes too: everything is rebuilt. Other edits
    // recompute only what depends on them.
    bool structural = delta.accounts.has_value() || delta.externalPrincipals.has_value();
    if (delta.accounts)
        d.accounts = *delta.accounts;
    if (delta.externalPrincipals)
        d.externalPrincipals = *delta.externalPrincipals;
    const auto sameNode = [](const auto &a, const auto &b) {
        return a.name == b.name && a.arn == b.arn && a.accountId == b.accountId;
    };
    structural = applyList(d.roles, delta.roles, delta.removedRoles, sameNode) || structural;
    structural = applyList(d.users, delta.users, delta.removedUsers, sameNode) || structural;
    structural = applyList(d.groups, delta.groups, delta.removedGroups, sameNode) || structural;
    structural = applyList(d.resources, delta.resources, delta.removedResources, sameNode) || structural;

    // Managed policies: the ARNs whose resolution may have changed.
    std::set<std::string> changedArns;
    auto forget = [&](PolicyId id) {
        for (auto it = d.managedCopies.begin(); it != d.managedCopies.end(); ++it) {
            if (it->second->id == id) {
                changedArns.insert(it->first);
                d.managedCopies.erase(it);
                return;
            }
        }
    };
    for (const PolicyId &id : delta.removedPolicies)
        forget(id);
    for (const ManagedPolicy &policy : delta.policies) {
        forget(policy.id);
        changedArns.insert(policy.arn);
        d.managedCopies.insert_or_assign(policy.arn, std::make_shared<const ManagedPolicy>(policy));
    }
    if (structural) {
        buildAll(d);
        return std::make_shared<const AccountModel>(std::move(data));
    }

    for (const std::string &arn : changedArns)
        d.managed.erase(arn);
    PolicyResolver resolver(*d.aws, d.managedCopies, d.managed);
    for (const std::string &arn : changedArns) {
        if (d.managedCopies.count(arn))
            resolver.managed(arn);
    }
    GraphChanges changes;
    std::set<std::pair<std::string, std::string>> changedGroups;
    std::set<std::uint64_t> deltaGroups;
    for (const Group &group : delta.groups)
        deltaGroups.insert(group.id.value);
    for (const auto &group : d.groups) {
        if (deltaGroups.count(group->id.value) || refersTo(group->attachedPolicyArns, changedArns)) {
            d.groupSets[group->id.value] = resolver.groupPolicies(*group);
            changedGroups.emplace(group->accountId, group->name);
        }
    }
    std::set<std::uint64_t> deltaRoles;
    for (const Role &role : delta.roles)
        deltaRoles.insert(role.id.value);
    for (const auto &role : d.roles) {
        const bool edited = deltaRoles.count(role->id.value) > 0;
        if (!edited && !refersTo(role->attachedPolicyArns, changedArns)
            && !changedArns.count(role->permissionsBoundaryArn))
            continue;
        d.roleSets[role->id.value] = resolver.rolePolicies(*role);
        if (edited)
            d.trust[role->id.value] = PolicyResolver::trustPolicy(*role);
        changes.roles.insert(role->id.value);
    }
    std::set<std::uint64_t> deltaUsers;
    for (const User &user : delta.users)
        deltaUsers.insert(user.id.value);
    for (const auto &user : d.users) {
        const bool inChangedGroup =
            std::any_of(user->groupNames.begin(), user->groupNames.end(), [&](const std::string &name) {
                return changedGroups.count({ user->accountId, name }) > 0;
            });
        if (!deltaUsers.count(user->id.value) && !inChangedGroup && !refersTo(user->attachedPolicyArns, changedArns)
            && !changedArns.count(user->permissionsBoundaryArn))
            continue;
        d.userSets[user->id.value] = resolver.userPolicies(*user, groupSetsOf(d, *user));
        changes.users.insert(user->id.value);
    }
    for (const Resource &resource : delta.resources) {
        if (ResolvedPolicyPtr policy = PolicyResolver::resourcePolicy(resource))
            d.resourcePolicies[resource.id.value] = std::move(policy);
        else
            d.resourcePolicies.erase(resource.id.value);
        changes.resources.insert(resource.id.value);
    }
    const GraphInputs inputs = inputsOf(d);
    d.builder.update(inputs, changes);
    d.graph = std::make_shared<const AccessGraph>(d.builder.graph());
    return std::make_shared<const AccountModel>(std::move(data));
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
    auto it = m_data->roleSets.find(role.value);
    return it == m_data->roleSets.end() ? nullptr : &it->second;
}

const PrincipalPolicies *AccountModel::policiesOf(UserId user) const
{
    auto it = m_data->userSets.find(user.value);
    return it == m_data->userSets.end() ? nullptr : &it->second;
}

ResolvedPolicyPtr AccountModel::trustPolicy(RoleId role) const
{
    auto it = m_data->trust.find(role.value);
    return it == m_data->trust.end() ? nullptr : it->second;
}

ResolvedPolicyPtr AccountModel::resourcePolicy(ResourceId resource) const
{
    auto it = m_data->resourcePolicies.find(resource.value);
    return it == m_data->resourcePolicies.end() ? nullptr : it->second;
}

ResolvedPolicyPtr AccountModel::managedPolicy(std::string_view arn) const
{
    const std::string key(arn);
    auto it = m_data->managed.find(key);
    if (it != m_data->managed.end())
        return it->second;
    // Used by nobody and not in the workspace: an AWS managed policy, compiled for this caller.
    return PolicyResolver::compileManaged(*m_data->aws, m_data->managedCopies, key);
}

const OrganizationModel *AccountModel::organization() const
{
    return m_data->organization.get();
}

std::shared_ptr<const OrganizationModel> AccountModel::sharedOrganization() const
{
    return m_data->organization;
}

std::uint64_t AccountModel::generation() const
{
    return m_data->generation;
}

} // namespace rd::core
