// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <iosfwd>
#include <string>

namespace rd::cli
{

// The exit codes of every subcommand (README, "Command line"): 0 success, 1 the check failed (findings of type
// ERROR, a denied request, an export refused, no answer), 2 bad usage or an input that cannot be read at all.
inline constexpr int kOkExit = 0;
inline constexpr int kCheckFailedExit = 1;
inline constexpr int kUsageExit = 2;

/// Prints `role-designer-cli: REASON` on stderr and returns kUsageExit.
int usageError(const std::string &reason);

/// Prints each finding as formatDiagnosticLine() writes it (`FILE:LINE:COL: SEVERITY CODE message`), then a newline.
void printFindings(std::ostream &out, const std::string &file, const core::Diagnostics &diagnostics);

/// Why a workspace file could not be loaded or cannot be used (WorkspaceLoadResult::ok() is false), in one line:
/// the file's error, or its first ERROR finding as `PATH:LINE:COL: ERROR CODE message`.
std::string workspaceLoadError(const std::string &path, const core::WorkspaceLoadResult &loaded);

} // namespace rd::cli
