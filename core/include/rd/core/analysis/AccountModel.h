// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/workspace/Workspace.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// What changed between two revisions of a workspace, entity by entity: what AccountModel::apply() recomputes.
/// Entities are given whole (added or replaced, matched by id); removed ones by id. Accounts and external
/// principals, when they change, are given as their whole new lists.
struct WorkspaceDelta {
    std::vector<Role> roles;
    std::vector<User> users;
    std::vector<Group> groups;
    std::vector<ManagedPolicy> policies;
    std::vector<Resource> resources;
    std::vector<RoleId> removedRoles;
    std::vector<UserId> removedUsers;
    std::vector<GroupId> removedGroups;
    std::vector<PolicyId> removedPolicies;
    std::vector<ResourceId> removedResources;
    std::optional<std::vector<Account>> accounts;
    std::optional<std::vector<ExternalPrincipal>> externalPrincipals;
    /// Set when the organization changed (added, removed or edited): `organization` is then the new one, or empty.
    bool organizationChanged = false;
    std::optional<Organization> organization;

    bool empty() const;
    /// The entities of `after` that differ from `before` (compared by id and value), and those `before` has and
    /// `after` lacks.
    static WorkspaceDelta between(const Workspace &before, const Workspace &after);
};

/// The analysis model of one workspace revision (docs/REACHABILITY.md): every policy compiled once, every user's and
/// role's policy set resolved once (PrincipalPolicies), each role's trust policy, each resource's policy, and the
/// access graph made from them. Immutable: share it as `std::shared_ptr<const AccountModel>` between threads; an edit
/// gives a new model through apply(), which recomputes only what depends on the changed entities and shares the rest.
/// Holds no reference to the workspace it was made from.
class AccountModel
{
public:
    /// The model of a whole workspace. Bad policies compile to statements that never apply: no edges, never a crash.
    static std::shared_ptr<const AccountModel> build(
        const Workspace &workspace, const AwsManagedPolicies &awsManaged = AwsManagedPolicies::builtin());

    /// The model of the workspace after `delta`: equal to build() of that workspace (same nodes, edges and policy
    /// sets, compared as sets), made by recomputing only the policy sets and edges that depend on the changed
    /// entities.
    std::shared_ptr<const AccountModel> apply(const WorkspaceDelta &delta) const;

    const AccessGraph &graph() const;
    /// The graph, sharing this model's ownership (for views that keep the graph they drew).
    std::shared_ptr<const AccessGraph> sharedGraph() const;

    /// The policy set of a user or role; null when the workspace has no such entity.
    const PrincipalPolicies *policiesOf(RoleId role) const;
    const PrincipalPolicies *policiesOf(UserId user) const;
    /// The compiled trust policy of a role; null when there is no such role.
    ResolvedPolicyPtr trustPolicy(RoleId role) const;
    /// The compiled policy of a resource; null when it has none.
    ResolvedPolicyPtr resourcePolicy(ResourceId resource) const;
    /// A managed policy's default version by ARN, compiled: the workspace's copy, else the built-in AWS managed one;
    /// null when neither has it.
    ResolvedPolicyPtr managedPolicy(std::string_view arn) const;

    /// The workspace's organization made ready for evaluation (its SCP and RCP levels per account, its condition
    /// keys, where each SCP and RCP is attached); null when the workspace models none.
    const OrganizationModel *organization() const;
    std::shared_ptr<const OrganizationModel> sharedOrganization() const;

    /// Counts apply() steps since build(): 0 for a model built whole.
    std::uint64_t generation() const;

    struct Data;
    explicit AccountModel(std::shared_ptr<const Data> data);
    ~AccountModel();

private:
    std::shared_ptr<const Data> m_data;
};

} // namespace rd::core
