// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/export/PolicyExport.h"
#include "rd/core/workspace/Workspace.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The script's file name among the exported files.
inline constexpr std::string_view kCliScriptName = "create-roles.sh";

/// A bash script (`set -euo pipefail`) that creates the roles with the AWS CLI (AWS CLI Command Reference, `aws
/// iam create-policy`, `create-role`, `put-role-policy`, `attach-role-policy`, `create-instance-profile`,
/// `add-role-to-instance-profile`), followed by the policy JSON files it reads with `file://` (policyJsonFiles(),
/// pretty). Dependencies first: the customer managed policies the roles attach or use as boundary (their ARNs taken
/// from create-policy's output), then per role create-role, its inline policies, its attachments and its instance
/// profiles. Every argument that is not a plain word is single-quoted, a `'` inside written `'\''`.
std::vector<ExportedFile> cliScriptFiles(const Workspace &workspace, const std::vector<RoleId> &roles);

/// `text` as one shell word: as it is when it holds only `[A-Za-z0-9_./:=@%+,-]` (and does not start with `-` or
/// `=`), else in single quotes.
std::string shellQuote(std::string_view text);

} // namespace rd::core
