// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CliSupport.h"

#include "rd/core/base/DiagnosticFormat.h"

#include <iostream>

namespace rd::cli
{

int usageError(const std::string &reason)
{
    std::cerr << "role-designer-cli: " << reason << '\n';
    return kUsageExit;
}

void printFindings(std::ostream &out, const std::string &file, const core::Diagnostics &diagnostics)
{
    for (const core::Diagnostic &d : diagnostics)
        out << core::formatDiagnosticLine(file, d) << '\n';
}

std::string workspaceLoadError(const std::string &path, const core::WorkspaceLoadResult &loaded)
{
    if (!loaded.fileError.empty())
        return loaded.fileError;
    for (const core::Diagnostic &d : loaded.diagnostics) {
        if (d.severity == core::Severity::Error)
            return core::formatDiagnosticLine(path, d);
    }
    if (!loaded.diagnostics.empty())
        return core::formatDiagnosticLine(path, loaded.diagnostics.front());
    return path + ": not a workspace file";
}

} // namespace rd::cli
