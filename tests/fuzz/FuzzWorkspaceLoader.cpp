// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes into the workspace loader (workspace files and GAAD output): no crash, and every workspace it accepts
// survives save -> load unchanged (but for where the saved text puts its policies).
#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace rd::core;
    WorkspaceLoadResult loaded = loadWorkspaceText(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!loaded.workspace || loaded.source != WorkspaceSource::Workspace)
        return 0;
    WorkspaceLoadResult again = loadWorkspaceText(writeWorkspace(*loaded.workspace));
    if (!again.workspace || !sameContent(*again.workspace, *loaded.workspace))
        std::abort();
    return 0;
}
