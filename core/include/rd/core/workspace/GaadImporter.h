// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <memory>
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

/// importGaad() in steps, for a reader that hands out the entries of GAAD's lists as it reads them
/// (JsonReadOptions::takeRootListElement): each entry is imported and dropped, so that the JSON of a whole account
/// (4 to 10 times the size of its text) is never held at once. The findings come in the order of the text.
class GaadImporter
{
public:
    GaadImporter();
    ~GaadImporter();
    GaadImporter(const GaadImporter &) = delete;
    GaadImporter &operator=(const GaadImporter &) = delete;

    /// Imports entry `index` of `list` when that is one of GAAD's lists (true), else leaves it (false).
    bool take(std::string_view list, std::size_t index, JsonValue &entry);
    /// Imports the entries still in `root` and returns the account with every finding; call once, with the root the
    /// reader returned, and only when its text read exactly (otherwise drop the importer).
    GaadImportResult finish(JsonValue &root);

private:
    struct Reader;
    std::unique_ptr<Reader> m_reader;
};

/// Merges the output of `aws iam list-roles` (IAM API reference, ListRoles: Roles[] with Description and
/// MaxSessionDuration, which GAAD omits) into roles matched by ARN, else by name. Returns findings; roles it does
/// not know are reported, not added.
Diagnostics mergeListRoles(Workspace &workspace, std::string_view text);

} // namespace rd::core
