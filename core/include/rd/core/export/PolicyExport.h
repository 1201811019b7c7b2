// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

/// One deployable document: a file name and its JSON text.
struct ExportedFile {
    std::string name;
    std::string text;
    /// Written with the executable bits (a script).
    bool executable = false;
};

/// A role's policies as the files `aws iam create-role --assume-role-policy-document file://...` and
/// `aws iam put-role-policy --policy-document file://...` take: `<role>.trust-policy.json` and
/// `<role>.<inline policy>.json`, in the console's layout or minified, each ending with a newline. IAM names hold only
/// `[A-Za-z0-9+=,.@_-]`, so they are safe as file names; anything else is replaced by `_`.
std::vector<ExportedFile> rolePolicyFiles(const Role &role, WriteStyle style = WriteStyle::Pretty);

/// The policy JSON export of roles of a workspace, in the console's layout or minified, each ending with a newline:
/// first `<policy>.managed-policy.json` for each customer managed policy of the workspace that the roles attach or
/// use as permissions boundary (its default version), then per role, in workspace order, `<role>.trust-policy.json`
/// and `<role>.<inline policy>.json`. A name already given, compared case-insensitively, gets `-2`, `-3`... before
/// `.json`. Unknown ids are skipped.
std::vector<ExportedFile> policyJsonFiles(
    const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle style = WriteStyle::Pretty);

/// Writes the files into an existing folder, each atomically, executable ones with `chmod +x` where the file system
/// has permissions; a file that already holds exactly its new content is left untouched (writeFilesAtomically()), so
/// exporting again into the same folder rewrites only what changed. Returns a one-line reason on the first failure.
std::optional<std::string> writeExportedFiles(const std::vector<ExportedFile> &files, const std::string &folder);

} // namespace rd::core
