// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

namespace rd::test
{

/// The workspace file at `path` (a bundled example), with a role called bob added beside the user bob when `roleBob`
/// (the name two entities share). Aborts the test program when the file cannot be read.
core::Workspace exampleWorkspace(const char *path, bool roleBob = false);

} // namespace rd::test
