// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace rd::core
{

/// The roles of a workspace by account and name regardless of case, built once so that checking every role's name
/// for uniqueness takes linear time. IAM role names are unique within an account regardless of case (IAM User
/// Guide, "IAM identifiers"). Refers to the workspace's roles by position: rebuild it after the roles change.
class RoleNameIndex
{
public:
    /// Indexes `workspace.roles`; the workspace must outlive the index and keep its roles unchanged.
    explicit RoleNameIndex(const Workspace &workspace);

    /// The first role, in workspace order, of `role`'s account whose name equals `role`'s regardless of (ASCII) case
    /// and whose id differs from `role`'s; nullptr when there is none.
    const Role *otherWithSameName(const Role &role) const;

    /// The account and the name regardless of (ASCII) case: roles with equal keys are duplicates.
    static std::string key(const Role &role);

private:
    const Workspace &m_workspace;
    std::unordered_map<std::string, std::vector<std::size_t>> m_roles;
};

} // namespace rd::core
