// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes into the GAAD importer (the output of `aws iam get-account-authorization-details`): no crash, and every
// account it imports without an ERROR finding can be saved as a workspace and read back.
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace rd::core;
    GaadImportResult imported = importGaad(std::string_view(reinterpret_cast<const char *>(data), size));
    if (!imported.workspace)
        return 0;
    for (const Diagnostic &d : imported.diagnostics) {
        if (d.severity == Severity::Error)
            return 0;
    }
    WorkspaceLoadResult saved = loadWorkspaceText(writeWorkspace(*imported.workspace));
    if (!saved.workspace || saved.source != WorkspaceSource::Workspace)
        std::abort();
    return 0;
}
