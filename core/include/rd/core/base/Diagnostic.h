// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/SourceRange.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The finding types of IAM Access Analyzer's ValidatePolicy API (ValidatePolicyFinding.findingType), most severe
/// first.
enum class Severity { Error, SecurityWarning, Warning, Suggestion };

/// `ERROR`, `SECURITY_WARNING`, `WARNING` or `SUGGESTION`: Access Analyzer's spelling.
std::string_view severityName(Severity severity);

/// One finding: an Access Analyzer issue code where one exists, a message in the Cedar style (values in
/// backticks), the span of the offending JSON value, and an optional hint and learn-more link.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
    SourceRange range;
    std::string help;
    std::string learnMoreUrl;

    static Diagnostic error(std::string code, SourceRange range, std::string message);
    static Diagnostic securityWarning(std::string code, SourceRange range, std::string message);
    static Diagnostic warning(std::string code, SourceRange range, std::string message);
    static Diagnostic suggestion(std::string code, SourceRange range, std::string message);

    /// The IAM User Guide's policy-check reference entry for an Access Analyzer issue code.
    static std::string accessAnalyzerUrl(Severity severity, std::string_view code);

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

using Diagnostics = std::vector<Diagnostic>;

/// Orders diagnostics by where they start in the text, keeping the order of those that start together.
void sortByPosition(Diagnostics &diagnostics);

/// True when any diagnostic has severity Error.
bool hasErrors(const Diagnostics &diagnostics);

} // namespace rd::core
