// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/validation/RoleNameIndex.h"

namespace rd::core
{

RoleNameIndex::RoleNameIndex(const Workspace &workspace)
    : m_workspace(workspace)
{
    m_roles.reserve(workspace.roles.size());
    for (std::size_t i = 0; i < workspace.roles.size(); ++i)
        m_roles[key(workspace.roles[i])].push_back(i);
}

const Role *RoleNameIndex::otherWithSameName(const Role &role) const
{
    const auto found = m_roles.find(key(role));
    if (found == m_roles.end())
        return nullptr;
    for (const std::size_t i : found->second) {
        const Role &other = m_workspace.roles[i];
        if (other.id != role.id)
            return &other;
    }
    return nullptr;
}

std::string RoleNameIndex::key(const Role &role)
{
    // The account id holds no NUL, so account and name cannot run into each other.
    std::string out = role.accountId;
    out += '\0';
    out.reserve(out.size() + role.name.size());
    for (char c : role.name)
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

} // namespace rd::core
