// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes through what `validate --workspace` does: load a workspace or a GAAD file, then validate every role it
// yields. No crash, and the linear-time validation (by name index) finds what the per-role one finds.
#include "rd/core/validation/RoleNameIndex.h"
#include "rd/core/validation/RoleValidator.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace rd::core;
    WorkspaceLoadResult loaded = loadWorkspaceText(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!loaded.workspace)
        return 0;
    const Workspace &workspace = *loaded.workspace;
    const RoleNameIndex names(workspace);
    for (const Role &role : workspace.roles) {
        const RoleFindings indexed = validateRole(role, names);
        const RoleFindings direct = validateRole(workspace, role);
        if (indexed.count() != direct.count())
            std::abort();
    }
    return 0;
}
