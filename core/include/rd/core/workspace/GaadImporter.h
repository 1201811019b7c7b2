// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string_view>

namespace rd::core
{

struct GaadImportResult {
    /// The imported account; absent only when the input is not GAAD at all.
    std::optional<Workspace> workspace;
    /// GAAD_FORMAT_ERROR for structure problems (the entry is skipped), GAAD_POLICY_ERROR for a policy document that
    /// could not be read (the policy is skipped), with the path of the entry in the message.
    Diagnostics diagnostics;
};

/// True when the object has any of GAAD's lists (UserDetailList, GroupDetailList, RoleDetailList, Policies).
bool isGaadDocument(const JsonValue &root);

/// Imports the output of `aws iam get-account-authorization-details` (IAM API reference,
/// GetAccountAuthorizationDetails): users, groups, roles with their trust, inline, attached and boundary policies,
/// tags and instance profiles, and managed policies with every version. Policy documents may be JSON objects (as the
/// AWS CLI prints them) or URL-encoded strings (as the API returns them). Role Description and MaxSessionDuration are
/// kept when an entry carries them. Principals that trust policies name outside the account become external
/// principals.
GaadImportResult importGaad(std::string_view text);
GaadImportResult importGaad(JsonValue &&root);

/// Merges the output of `aws iam list-roles` (IAM API reference, ListRoles: Roles[] with Description and
/// MaxSessionDuration, which GAAD omits) into roles matched by ARN, else by name. Returns findings; roles it does
/// not know are reported, not added.
Diagnostics mergeListRoles(Workspace &workspace, std::string_view text);

} // namespace rd::core
