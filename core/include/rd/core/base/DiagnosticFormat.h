// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The findings of one input file.
struct FileFindings {
    std::string file;
    Diagnostics diagnostics;
};

/// `FILE:LINE:COL: SEVERITY CODE message` (the compiler convention editors and CI logs understand; `FILE: ...` for a
/// finding without a position, such as one about a role of a workspace); a hint follows
/// on its own indented line.
std::string formatDiagnosticLine(std::string_view file, const Diagnostic &diagnostic);

/// `[{"file": ..., "findings": [{"findingType", "issueCode", "message", "help", "learnMoreLink", "location":
/// {"line", "column", "endLine", "endColumn", "offset", "length"}}]}]`, pretty-printed.
std::string findingsToJson(const std::vector<FileFindings> &files);

/// SARIF 2.1.0, one run, one result per finding.
std::string findingsToSarif(const std::vector<FileFindings> &files);

} // namespace rd::core
