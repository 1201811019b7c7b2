// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/EntityReferences.h"

#include "rd/core/base/Wildcard.h"

#include <array>
#include <unordered_set>

namespace rd::core
{

namespace
{

/// The account of an IAM entity: its own field, else the one in its ARN.
std::string accountOf(const std::string &accountId, const std::string &arn)
{
    return accountId.empty() ? accountOfArn(arn) : accountId;
}

template <class Entity> ReferenceTarget targetOf(ReferenceTarget::Kind kind, const Entity &e)
{
    return ReferenceTarget { kind, e.id.value, accountOf(e.accountId, e.arn), e.name, e.arn };
}

/// The part of an ARN after the last `/` (`role/path/Deploy` -> `Deploy`).
std::string_view lastSegment(std::string_view resource)
{
    const std::size_t slash = resource.rfind('/');
    return slash == std::string_view::npos ? resource : resource.substr(slash + 1);
}

/// The first value of the statement's Principal (AWS principals only) that names the target, or nullptr.
const PolicyString *namingValue(const Statement &statement, const ReferenceTarget &target)
{
    if (!statement.principal || statement.principal->isString)
        return nullptr;
    for (const PrincipalEntry &entry : statement.principal->entries) {
        if (entry.type.value != "AWS")
            continue;
        for (const PolicyString &value : entry.values.values) {
            if (principalNames(value.value, target))
                return &value;
        }
    }
    return nullptr;
}

/// The references of one policy's statements to a user or role.
void principalReferences(
    const Policy &policy, const ReferenceTarget &target, const EntityReference &base, std::vector<EntityReference> &out)
{
    for (std::size_t i = 0; i < policy.statements.size(); ++i) {
        const Statement &statement = policy.statements[i];
        if (const PolicyString *value = namingValue(statement, target)) {
            EntityReference reference = base;
            reference.index = i;
            reference.sid = statement.sid ? statement.sid->value : std::string();
            reference.value = value->value;
            out.push_back(std::move(reference));
        }
    }
}

EntityReference referenceIn(ReferenceHolder holder, std::uint64_t id, const std::string &name, ReferenceField field,
    std::size_t index = 0, std::string value = {})
{
    return EntityReference { holder, id, name, field, index, {}, std::move(value) };
}

/// The references of an attached-policy list and a permissions boundary that `matches` picks.
template <class Matches>
void policyReferences(ReferenceHolder holder, std::uint64_t id, const std::string &name,
    const std::vector<std::string> &attached, const std::string *boundary, const Matches &matches,
    std::vector<EntityReference> &out)
{
    for (std::size_t i = 0; i < attached.size(); ++i) {
        if (matches(attached[i]))
            out.push_back(referenceIn(holder, id, name, ReferenceField::AttachedPolicy, i, attached[i]));
    }
    if (boundary && !boundary->empty() && matches(*boundary))
        out.push_back(referenceIn(holder, id, name, ReferenceField::PermissionsBoundary, 0, *boundary));
}

/// Calls the visitors on every holder of the workspace in findReferences() order.
template <class OnRole, class OnUser, class OnGroup, class OnResource>
void forEachHolder(const Workspace &workspace, const OnRole &onRole, const OnUser &onUser, const OnGroup &onGroup,
    const OnResource &onResource)
{
    for (const Role &role : workspace.roles)
        onRole(role);
    for (const User &user : workspace.users)
        onUser(user);
    for (const Group &group : workspace.groups)
        onGroup(group);
    for (const Resource &resource : workspace.resources)
        onResource(resource);
}

const std::string &resourceLabel(const Resource &resource)
{
    return resource.name.empty() ? resource.arn : resource.name;
}

} // namespace

ReferenceTarget ReferenceTarget::of(const User &user)
{
    return targetOf(Kind::User, user);
}

ReferenceTarget ReferenceTarget::of(const Group &group)
{
    return targetOf(Kind::Group, group);
}

ReferenceTarget ReferenceTarget::of(const Role &role)
{
    return targetOf(Kind::Role, role);
}

ReferenceTarget ReferenceTarget::of(const ManagedPolicy &policy)
{
    return ReferenceTarget { Kind::Policy, policy.id.value, accountOfArn(policy.arn), policy.name, policy.arn };
}

bool ReferenceTarget::isReferable() const
{
    // arn:PARTITION:iam::aws:policy/...: AWS's own, in every partition.
    return kind != Kind::Policy || accountId != "aws";
}

std::string_view referenceHolderName(ReferenceHolder holder)
{
    switch (holder) {
    case ReferenceHolder::Role:
        return "role";
    case ReferenceHolder::User:
        return "user";
    case ReferenceHolder::Group:
        return "group";
    case ReferenceHolder::Resource:
        return "resource";
    }
    return "role";
}

std::string describeReference(const EntityReference &reference)
{
    std::string text = std::string(referenceHolderName(reference.holder)) + " " + reference.holderName + ", ";
    const std::string statement = "statement " + std::to_string(reference.index + 1)
        + (reference.sid.empty() ? std::string() : " (" + reference.sid + ")");
    switch (reference.field) {
    case ReferenceField::AttachedPolicy:
        return text + "attached policies";
    case ReferenceField::PermissionsBoundary:
        return text + "permissions boundary";
    case ReferenceField::GroupMembership:
        return text + "groups";
    case ReferenceField::TrustPrincipal:
        return text + "trust policy " + statement;
    case ReferenceField::ResourcePolicyPrincipal:
        return text + "policy " + statement;
    case ReferenceField::InstanceProfile:
        return text + "instance profile " + reference.value;
    }
    return text;
}

bool principalNames(std::string_view value, const ReferenceTarget &target)
{
    switch (target.kind) {
    case ReferenceTarget::Kind::User:
        return !target.arn.empty() && value == target.arn;
    case ReferenceTarget::Kind::Role: {
        // IAM User Guide, "AWS JSON policy elements: Principal": arn:PARTITION:iam::ACCOUNT:role/PATH/NAME, without
        // wildcards ("a wildcard cannot match part of a principal name or ARN").
        std::array<std::string_view, 6> fields;
        std::array<std::string_view, 6> own;
        if (target.name.empty() || hasWildcard(value) || !splitArn(value, fields) || fields[0] != "arn"
            || fields[2] != "iam" || fields[4] != target.accountId || !fields[5].starts_with("role/"))
            return false;
        // The partition of the role's own ARN; `aws` when it has none yet.
        const std::string_view partition = splitArn(target.arn, own) ? own[1] : std::string_view("aws");
        return fields[1] == partition && lastSegment(fields[5].substr(5)) == target.name;
    }
    case ReferenceTarget::Kind::Group:
    case ReferenceTarget::Kind::Policy:
        return false;
    }
    return false;
}

std::vector<EntityReference> findReferences(const Workspace &workspace, const ReferenceTarget &target)
{
    std::vector<EntityReference> out;
    if (!target.isReferable())
        return out;
    const auto isPolicy = [&](const std::string &arn) { return !target.arn.empty() && arn == target.arn; };
    const bool byPolicy = target.kind == ReferenceTarget::Kind::Policy;
    const bool byPrincipal = target.kind == ReferenceTarget::Kind::User || target.kind == ReferenceTarget::Kind::Role;
    forEachHolder(
        workspace,
        [&](const Role &role) {
            if (byPolicy)
                policyReferences(ReferenceHolder::Role, role.id.value, role.name, role.attachedPolicyArns,
                    &role.permissionsBoundaryArn, isPolicy, out);
            if (byPrincipal)
                principalReferences(role.trustPolicy, target,
                    referenceIn(ReferenceHolder::Role, role.id.value, role.name, ReferenceField::TrustPrincipal), out);
        },
        [&](const User &user) {
            if (byPolicy)
                policyReferences(ReferenceHolder::User, user.id.value, user.name, user.attachedPolicyArns,
                    &user.permissionsBoundaryArn, isPolicy, out);
            if (target.kind != ReferenceTarget::Kind::Group || accountOf(user.accountId, user.arn) != target.accountId)
                return;
            for (std::size_t i = 0; i < user.groupNames.size(); ++i) {
                if (user.groupNames[i] == target.name)
                    out.push_back(referenceIn(ReferenceHolder::User, user.id.value, user.name,
                        ReferenceField::GroupMembership, i, user.groupNames[i]));
            }
        },
        [&](const Group &group) {
            if (byPolicy)
                policyReferences(ReferenceHolder::Group, group.id.value, group.name, group.attachedPolicyArns, nullptr,
                    isPolicy, out);
        },
        [&](const Resource &resource) {
            if (byPrincipal && resource.policy)
                principalReferences(*resource.policy, target,
                    referenceIn(ReferenceHolder::Resource, resource.id.value, resourceLabel(resource),
                        ReferenceField::ResourcePolicyPrincipal),
                    out);
        });
    return out;
}

std::vector<EntityReference> findDanglingReferences(const Workspace &workspace)
{
    std::unordered_set<std::string_view> accounts;
    for (const Account &account : workspace.accounts)
        accounts.insert(account.accountId);
    std::unordered_set<std::string_view> policies;
    policies.reserve(workspace.policies.size());
    for (const ManagedPolicy &policy : workspace.policies)
        policies.insert(policy.arn);
    // Group names are unique per account: `ACCOUNT/NAME` (`/` is not an IAM name character).
    std::unordered_set<std::string> groups;
    groups.reserve(workspace.groups.size());
    for (const Group &group : workspace.groups)
        groups.insert(accountOf(group.accountId, group.arn) + "/" + group.name);

    const auto missingPolicy = [&](const std::string &arn) {
        return !policies.count(arn) && accounts.count(accountOfArn(arn));
    };
    std::vector<EntityReference> out;
    forEachHolder(
        workspace,
        [&](const Role &role) {
            policyReferences(ReferenceHolder::Role, role.id.value, role.name, role.attachedPolicyArns,
                &role.permissionsBoundaryArn, missingPolicy, out);
        },
        [&](const User &user) {
            policyReferences(ReferenceHolder::User, user.id.value, user.name, user.attachedPolicyArns,
                &user.permissionsBoundaryArn, missingPolicy, out);
            const std::string prefix = accountOf(user.accountId, user.arn) + "/";
            for (std::size_t i = 0; i < user.groupNames.size(); ++i) {
                if (!groups.count(prefix + user.groupNames[i]))
                    out.push_back(referenceIn(ReferenceHolder::User, user.id.value, user.name,
                        ReferenceField::GroupMembership, i, user.groupNames[i]));
            }
        },
        [&](const Group &group) {
            policyReferences(ReferenceHolder::Group, group.id.value, group.name, group.attachedPolicyArns, nullptr,
                missingPolicy, out);
        },
        [](const Resource &) {});
    return out;
}

} // namespace rd::core
