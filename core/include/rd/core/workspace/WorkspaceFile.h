// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rd::core
{

/// The format version this build writes, and the newest it reads. Version 2 added the organization (its OU tree,
/// accounts, SCPs and RCPs); version 1 files load as workspaces without one.
inline constexpr int kWorkspaceFormatVersion = 2;
/// The `format` member that marks a workspace file.
inline constexpr std::string_view kWorkspaceFormatName = "role-designer-workspace";
/// Workspace and GAAD files larger than this are refused unread.
inline constexpr std::size_t kMaxWorkspaceFileBytes = std::size_t { 512 } << 20;

enum class WorkspaceSource { Workspace, Gaad };

/// What a load found. The diagnostics travel with the workspace: GAAD input yields what could be imported even when
/// some of it was malformed, so a caller that acts on the workspace checks ok(), not only `workspace`.
struct WorkspaceLoadResult {
    /// The workspace; absent when the text is not one (the diagnostics say why).
    std::optional<Workspace> workspace;
    /// WORKSPACE_FORMAT_ERROR (and the reader's JSON_SYNTAX_ERROR) findings; GAAD import findings for GAAD input.
    /// Each carries its position in the file.
    Diagnostics diagnostics;
    WorkspaceSource source = WorkspaceSource::Workspace;
    /// Set when the file itself could not be read (missing, unreadable, too large, too many JSON values to hold).
    std::string fileError;

    /// True when the load yielded a workspace and found nothing of severity ERROR: the file says what it means.
    bool ok() const;
};

/// The workspace file text: pretty JSON, entities sorted by ARN and name, so that files diff well.
std::string writeWorkspace(const Workspace &ws);

/// A workspace file's text, or GAAD output, told apart by content. Workspace files are read strictly: an unknown
/// field, a wrong type, a null where a value is required or a format version other than 1 to
/// kWorkspaceFormatVersion is an error and yields no workspace, so that a later save can never drop what this
/// version did not understand. Text that is not exact JSON (a syntax error the reader recovered from, such as
/// `Infinity`) yields no workspace either; GAAD input with malformed entries yields the rest, with the findings.
/// A text the JSON reader refuses for what holding it would cost (JsonReadResult::refusedForSize: more values than
/// its budget, or memory ran out) yields `fileError` with the reason instead, and no findings.
WorkspaceLoadResult loadWorkspaceText(std::string_view text);

/// Loads a workspace file, or imports a GAAD file (`aws iam get-account-authorization-details` output), telling
/// them apart by content.
WorkspaceLoadResult loadWorkspaceFile(const std::string &path);

/// Saves atomically (see writeFileAtomically). Returns a one-line reason on failure; the old file is then intact.
std::optional<std::string> saveWorkspaceFile(const std::string &path, const Workspace &workspace);

} // namespace rd::core
