// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Organization.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string_view>

namespace rd::core
{

struct OrganizationImportResult {
    /// The organization; absent when the text is not an organization file at all.
    std::optional<Organization> organization;
    /// ORGANIZATION_FORMAT_ERROR findings (a malformed entry is skipped), with their places in the text.
    Diagnostics diagnostics;
};

/// Reads the organization file that scripts/collect-account.sh writes from the AWS Organizations CLI (README, "Import
/// a real account or organization"): `Organization` (describe-organization), `Roots` (list-roots: exactly one),
/// `OrganizationalUnits` (Id, Arn, Name, ParentId), `Accounts` (list-accounts' entries with their ParentId) and
/// `Policies` (describe-policy's PolicySummary with Type SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY, its
/// Content as a JSON string, and list-targets-for-policy's Targets). Members the format does not name are ignored (the
/// AWS outputs carry more). A parent or target the file does not hold is reported and left out; policies of other
/// types (tag, backup...) are skipped.
OrganizationImportResult importOrganization(std::string_view text);

/// Makes `organization` the workspace's, and gives the workspace's accounts that have no name yet the name the
/// organization gives them.
void setOrganization(Workspace &workspace, Organization organization);

/// Adds the resources of a resources file (`{"Resources": [{"Arn", "Type", "AccountId", "Policy"?}]}`, Policy a
/// JSON string as the services' get-policy calls return it, or omitted) to the workspace, each with its account.
/// Returns RESOURCE_LIST_FORMAT_ERROR findings: a malformed entry, an unreadable policy, or an ARN listed twice or
/// already in the workspace is reported and skipped.
Diagnostics importResources(Workspace &workspace, std::string_view text);

} // namespace rd::core
