// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleNameIndex.h"
#include "rd/core/workspace/Workspace.h"

#include <string>
#include <utility>
#include <vector>

namespace rd::core
{

/// The findings of one role: about the role itself (no source range), its trust policy, and each inline policy.
struct RoleFindings {
    Diagnostics role;
    Diagnostics trustPolicy;
    /// Inline policy name and its findings, in the role's order.
    std::vector<std::pair<std::string, Diagnostics>> inlinePolicies;

    std::size_t count() const;
    bool hasSeverityAtLeast(Severity severity) const;
};

/// Validates a role of a workspace: its trust policy as a trust policy of the role's account, its inline policies
/// as identity policies, and the role-level rules of IAM (IAM User Guide, "IAM and AWS STS quotas" and "IAM
/// identifiers"): name 1-64 characters of `[A-Za-z0-9+=,.@_-]` and unique in the account regardless of case, path,
/// MaxSessionDuration 3,600-43,200 seconds, at most `quotas.managedPoliciesPerRole` managed policies, inline
/// policies together within `quotas.roleInlinePoliciesTotal` characters; and those of CreateRole and the Tag data type
/// (IAM API Reference) and of "Tagging IAM resources" (IAM User Guide): a description of at most 1,000 characters of
/// tab, line breaks and printable Latin-1; at most 50 tags, keys of 1 to 128 and values of 0 to 256 characters of
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, neither beginning with `aws:`, no two keys equal regardless of case. Characters
/// are counted as code points of the UTF-8 text.
RoleFindings validateRole(const Workspace &workspace, const Role &role, const ValidationOptions &options = {});

/// The same for a role of the workspace `names` indexes, with the duplicate-name rule answered by the index: what
/// validating every role of a workspace uses, so that the whole takes linear time. The findings, and their order,
/// are those of the overload above.
RoleFindings validateRole(const Role &role, const RoleNameIndex &names, const ValidationOptions &options = {});

} // namespace rd::core
