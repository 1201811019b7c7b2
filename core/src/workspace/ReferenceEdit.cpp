// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/ReferenceEdit.h"

#include <algorithm>

namespace rd::core
{

namespace
{

bool namesPolicy(const std::string &arn, const ReferenceTarget &target)
{
    return !target.arn.empty() && arn == target.arn;
}

bool namesGroup(const std::string &name, const ReferenceTarget &target)
{
    return name == target.name;
}

std::string accountOf(const User &user)
{
    return user.accountId.empty() ? accountOfArn(user.arn) : user.accountId;
}

} // namespace

ReferenceEdit::ReferenceEdit(ReferenceTarget target, std::optional<ReferenceTarget> renamed)
    : m_target(std::move(target))
    , m_renamed(std::move(renamed))
{
}

ReferenceEdit ReferenceEdit::removal(ReferenceTarget target)
{
    return ReferenceEdit(std::move(target), std::nullopt);
}

ReferenceEdit ReferenceEdit::rename(ReferenceTarget before, ReferenceTarget after)
{
    return ReferenceEdit(std::move(before), std::move(after));
}

bool ReferenceEdit::isSelf(std::uint64_t holderId, ReferenceTarget::Kind holderKind) const
{
    return m_target.id != 0 && holderId == m_target.id && holderKind == m_target.kind;
}

std::vector<EntityReference> ReferenceEdit::references(const Workspace &workspace) const
{
    std::vector<EntityReference> out = findReferences(workspace, m_target);
    if (!isRemoval())
        return out;
    // The target's own trust policy goes with it.
    std::erase_if(out, [&](const EntityReference &r) {
        return r.holder == ReferenceHolder::Role && isSelf(r.holderId, ReferenceTarget::Kind::Role);
    });
    // Its instance profiles lose their role (IAM API Reference, "DeleteRole": a role is removed from its instance
    // profiles before it can be deleted).
    if (m_target.kind == ReferenceTarget::Kind::Role) {
        if (const Role *role = workspace.role(RoleId { m_target.id })) {
            for (std::size_t i = 0; i < role->instanceProfiles.size(); ++i)
                out.push_back(EntityReference { ReferenceHolder::Role, role->id.value, role->name,
                    ReferenceField::InstanceProfile, i, {}, role->instanceProfiles[i].name });
        }
    }
    return out;
}

bool ReferenceEdit::editArn(std::string &arn) const
{
    if (!namesPolicy(arn, m_target))
        return false;
    arn = m_renamed ? m_renamed->arn : std::string();
    return true;
}

bool ReferenceEdit::editList(
    std::vector<std::string> &values, bool (*names)(const std::string &, const ReferenceTarget &)) const
{
    bool changed = false;
    if (!m_renamed) {
        changed = std::erase_if(values, [&](const std::string &v) { return names(v, m_target); }) > 0;
        return changed;
    }
    const std::string &replacement = m_target.kind == ReferenceTarget::Kind::Group ? m_renamed->name : m_renamed->arn;
    for (std::string &value : values) {
        if (names(value, m_target)) {
            value = replacement;
            changed = true;
        }
    }
    return changed;
}

bool ReferenceEdit::editPrincipals(Policy &policy) const
{
    bool changed = false;
    for (std::size_t i = policy.statements.size(); i-- > 0;) {
        Statement &statement = policy.statements[i];
        if (!statement.principal || statement.principal->isString)
            continue;
        bool touched = false;
        for (PrincipalEntry &entry : statement.principal->entries) {
            if (entry.type.value != "AWS")
                continue;
            std::vector<PolicyString> &values = entry.values.values;
            for (auto it = values.begin(); it != values.end();) {
                if (!principalNames(it->value, m_target)) {
                    ++it;
                    continue;
                }
                touched = true;
                if (m_renamed) {
                    it->value = m_renamed->arn;
                    ++it;
                } else {
                    it = values.erase(it);
                }
            }
            // As the graph editor leaves a list it narrows: one value left is written as a string.
            if (touched && !m_renamed && values.size() == 1)
                entry.values.isArray = false;
        }
        if (!touched)
            continue;
        changed = true;
        if (m_renamed)
            continue;
        std::erase_if(statement.principal->entries, [](const PrincipalEntry &e) { return e.values.values.empty(); });
        // A statement whose Principal names no one any more grants nothing: it goes.
        if (statement.principal->entries.empty())
            policy.statements.erase(policy.statements.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return changed;
}

bool ReferenceEdit::applyTo(Role &role) const
{
    if (!m_target.isReferable())
        return false;
    switch (m_target.kind) {
    case ReferenceTarget::Kind::Policy: {
        const bool attached = editList(role.attachedPolicyArns, namesPolicy);
        const bool boundary = editArn(role.permissionsBoundaryArn);
        return attached || boundary;
    }
    case ReferenceTarget::Kind::User:
    case ReferenceTarget::Kind::Role:
        if (!m_renamed && isSelf(role.id.value, ReferenceTarget::Kind::Role))
            return false;
        return editPrincipals(role.trustPolicy);
    case ReferenceTarget::Kind::Group:
        return false;
    }
    return false;
}

bool ReferenceEdit::applyTo(User &user) const
{
    if (!m_target.isReferable())
        return false;
    switch (m_target.kind) {
    case ReferenceTarget::Kind::Policy: {
        const bool attached = editList(user.attachedPolicyArns, namesPolicy);
        const bool boundary = editArn(user.permissionsBoundaryArn);
        return attached || boundary;
    }
    case ReferenceTarget::Kind::Group:
        // Group names are unique within an account only.
        return accountOf(user) == m_target.accountId && editList(user.groupNames, namesGroup);
    case ReferenceTarget::Kind::User:
    case ReferenceTarget::Kind::Role:
        return false;
    }
    return false;
}

bool ReferenceEdit::applyTo(Group &group) const
{
    if (!m_target.isReferable() || m_target.kind != ReferenceTarget::Kind::Policy)
        return false;
    return editList(group.attachedPolicyArns, namesPolicy);
}

bool ReferenceEdit::applyTo(Resource &resource) const
{
    if (!resource.policy
        || (m_target.kind != ReferenceTarget::Kind::User && m_target.kind != ReferenceTarget::Kind::Role))
        return false;
    return editPrincipals(*resource.policy);
}

std::size_t ReferenceEdit::applyTo(Workspace &workspace) const
{
    std::size_t changed = 0;
    for (Role &role : workspace.roles)
        changed += applyTo(role) ? 1 : 0;
    for (User &user : workspace.users)
        changed += applyTo(user) ? 1 : 0;
    for (Group &group : workspace.groups)
        changed += applyTo(group) ? 1 : 0;
    for (Resource &resource : workspace.resources)
        changed += applyTo(resource) ? 1 : 0;
    return changed;
}

} // namespace rd::core
