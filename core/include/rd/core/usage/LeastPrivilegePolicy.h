// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/usage/UsageReport.h"

#include <string>
#include <vector>

namespace rd::core
{

/// A policy that allows exactly the successful calls of a principal, and what the user must still decide.
struct LeastPrivilegePolicy {
    /// The identity-based policy, pretty JSON: one statement per service and set of resources, actions sorted.
    std::string text;
    /// Actions of the policy.
    std::size_t actions = 0;
    /// One line per action whose resource could not be told from the records: the Resource is the catalog's ARN
    /// pattern with the unknown parts as `${Placeholder}` to replace before deploying.
    std::vector<std::string> placeholders;
    /// Other things to check (iam:PassRole, calls mapped to no action, resources cut short).
    std::vector<std::string> notes;

    /// The policy for `usage` (UsageReport::principal()): every ActionUsage with its resources (S3 objects already
    /// summed up as `bucket/*`), `*` for actions without resource-level permissions (Service Authorization Reference:
    /// no resource type). `current` (may be null) are the principal's present policies: when they grant
    /// iam:PassRole, which CloudTrail never records (IAM User Guide, "Granting a user permissions to pass a role to an
    /// AWS service": PassRole is a permission, not an API call), a note says so.
    static LeastPrivilegePolicy generate(
        const PrincipalUsage &usage, const ServiceCatalog &catalog, const PrincipalPolicies *current);
};

} // namespace rd::core
