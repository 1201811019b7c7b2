// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <string>

namespace rd::doc
{

/// One policy of a role: its trust policy, or one of its inline policies by name (IAM requires inline policy names
/// of 1 to 128 characters, so the empty name cannot be one).
struct PolicyRef {
    core::RoleId role;
    /// Empty for the trust policy.
    std::string inlineName;

    bool isTrust() const { return inlineName.empty(); }
    bool isValid() const { return role.isValid(); }
    /// The policy in a role, or nullptr when the role has no inline policy of that name.
    const core::Policy *find(const core::Role &owner) const;
    core::Policy *find(core::Role &owner) const;

    friend bool operator==(const PolicyRef &, const PolicyRef &) = default;
};

} // namespace rd::doc
