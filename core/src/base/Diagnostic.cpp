// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/Diagnostic.h"

#include <algorithm>
#include <cctype>

namespace rd::core
{

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "ERROR";
    case Severity::SecurityWarning:
        return "SECURITY_WARNING";
    case Severity::Warning:
        return "WARNING";
    case Severity::Suggestion:
        return "SUGGESTION";
    }
    return "ERROR";
}

namespace
{
Diagnostic make(Severity severity, std::string code, SourceRange range, std::string message)
{
    Diagnostic d;
    d.severity = severity;
    d.learnMoreUrl = Diagnostic::accessAnalyzerUrl(severity, code);
    d.code = std::move(code);
    d.range = range;
    d.message = std::move(message);
    return d;
}
} // namespace

Diagnostic Diagnostic::error(std::string code, SourceRange range, std::string message)
{
    return make(Severity::Error, std::move(code), range, std::move(message));
}

Diagnostic Diagnostic::securityWarning(std::string code, SourceRange range, std::string message)
{
    return make(Severity::SecurityWarning, std::move(code), range, std::move(message));
}

Diagnostic Diagnostic::warning(std::string code, SourceRange range, std::string message)
{
    return make(Severity::Warning, std::move(code), range, std::move(message));
}

Diagnostic Diagnostic::suggestion(std::string code, SourceRange range, std::string message)
{
    return make(Severity::Suggestion, std::move(code), range, std::move(message));
}

std::string Diagnostic::accessAnalyzerUrl(Severity severity, std::string_view code)
{
    // The IAM User Guide's "IAM policy validation check reference" anchors each check as
    // access-analyzer-reference-policy-checks-<finding type>-<issue code in lower case, words joined by '-'>.
    std::string anchor;
    switch (severity) {
    case Severity::Error:
        anchor = "error";
        break;
    case Severity::SecurityWarning:
        anchor = "security-warning";
        break;
    case Severity::Warning:
        anchor = "general-warning";
        break;
    case Severity::Suggestion:
        anchor = "suggestion";
        break;
    }
    anchor += '-';
    for (char c : code)
        anchor += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
           "#access-analyzer-reference-policy-checks-"
        + anchor;
}

void sortByPosition(Diagnostics &diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic &a, const Diagnostic &b) { return a.range.begin.offset < b.range.begin.offset; });
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace rd::core
