// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// An entity that other entities of a workspace name: a user or a role (by ARN, in the Principal of trust and
/// resource policies), a group (by name, in the group lists of its account's users), a customer managed policy (by
/// ARN, in attached-policy lists and permissions boundaries). IAM keeps these names in step: it refuses to delete a
/// policy still attached (IAM API Reference, "DeletePolicy": "you must first detach the policy from all users,
/// groups, and roles that it is attached to"), a group that still has users ("DeleteGroup"), a role still in an
/// instance profile ("DeleteRole").
struct ReferenceTarget {
    enum class Kind { User, Group, Role, Policy };
    Kind kind = Kind::Role;
    /// The entity's id in the workspace: what it holds itself (a role's own trust policy, its instance profiles).
    std::uint64_t id = 0;
    std::string accountId;
    std::string name;
    std::string arn;

    static ReferenceTarget of(const User &user);
    static ReferenceTarget of(const Group &group);
    static ReferenceTarget of(const Role &role);
    static ReferenceTarget of(const ManagedPolicy &policy);

    /// False for an AWS managed policy (`arn:aws:iam::aws:policy/...`): AWS owns it, so the workspace's copy is no
    /// entity that attachments depend on (they resolve from the built-in AWS managed policies).
    bool isReferable() const;
    friend bool operator==(const ReferenceTarget &, const ReferenceTarget &) = default;
};

/// The kind of entity that holds a reference.
enum class ReferenceHolder { Role, User, Group, Resource };

/// Where a reference stands in its holder.
enum class ReferenceField {
    /// attachedPolicyArns[index] of a role, user or group.
    AttachedPolicy,
    /// permissionsBoundaryArn of a role or user.
    PermissionsBoundary,
    /// groupNames[index] of a user.
    GroupMembership,
    /// The Principal of statement `index` of a role's trust policy.
    TrustPrincipal,
    /// The Principal of statement `index` of a resource's policy.
    ResourcePolicyPrincipal,
    /// instanceProfiles[index] of a role: the profile holds the role.
    InstanceProfile,
};

/// One place that names an entity.
struct EntityReference {
    ReferenceHolder holder = ReferenceHolder::Role;
    std::uint64_t holderId = 0;
    /// The holder's name (a resource's name, or its ARN when it has none).
    std::string holderName;
    ReferenceField field = ReferenceField::AttachedPolicy;
    /// The index in the list (attached policies, groups, instance profiles) or of the statement in the policy.
    std::size_t index = 0;
    /// The Sid of the statement, for a principal.
    std::string sid;
    /// What names the target: an ARN, a group name, an instance profile's name.
    std::string value;

    friend bool operator==(const EntityReference &, const EntityReference &) = default;
};

/// `role`, `user`, `group` or `resource`.
std::string_view referenceHolderName(ReferenceHolder holder);

/// Where a reference is, in words: `role Deploy, trust policy statement 2 (AllowCi)`, `user alice, groups`.
std::string describeReference(const EntityReference &reference);

/// True when a Principal value names the target: a user by its ARN; a role by an IAM role ARN of its partition and
/// account ending in its name, whatever the path (as the access graph and the evaluator match role sessions, IAM User
/// Guide, "AWS JSON policy elements: Principal").
bool principalNames(std::string_view value, const ReferenceTarget &target);

/// Every reference to `target` (none for an AWS managed policy): roles first, then users, groups and resources, each
/// in the workspace's order, and within a holder in the order of its fields. Only the Principal element of a policy
/// is read (NotPrincipal names whom a statement leaves out). Includes what the target holds itself (a role whose
/// trust policy names it), but not its instance profiles, which name no one (ReferenceEdit::references() adds them
/// for a removal). Linear in the workspace's size.
std::vector<EntityReference> findReferences(const Workspace &workspace, const ReferenceTarget &target);

/// References that name nothing the workspace has: an attached policy or permissions boundary whose ARN is a
/// customer managed policy of one of the workspace's accounts that no managed policy has, and a group of a user that
/// the user's account lacks. Policies of other accounts and AWS managed policies are left out (the workspace does not
/// claim to hold them). Linear in the workspace's size (hash sets), in the order of findReferences().
std::vector<EntityReference> findDanglingReferences(const Workspace &workspace);

} // namespace rd::core
