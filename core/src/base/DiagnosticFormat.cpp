// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/DiagnosticFormat.h"

#include "rd/core/base/Version.h"

#include <nlohmann/json.hpp>

#include <map>

namespace rd::core
{

std::string formatDiagnosticLine(std::string_view file, const Diagnostic &d)
{
    std::string line(file);
    // A finding about something that has no text of its own (a role's name, its number of policies) has no position.
    if (d.range.isValid())
        line += ':' + std::to_string(d.range.begin.line) + ':' + std::to_string(d.range.begin.column);
    line += ": ";
    line += severityName(d.severity);
    line += ' ';
    line += d.code;
    line += ' ';
    line += d.message;
    if (!d.help.empty())
        line += "\n    help: " + d.help;
    return line;
}

namespace
{
nlohmann::ordered_json location(const Diagnostic &d)
{
    nlohmann::ordered_json loc;
    loc["line"] = d.range.begin.line;
    loc["column"] = d.range.begin.column;
    loc["endLine"] = d.range.end.line;
    loc["endColumn"] = d.range.end.column;
    loc["offset"] = d.range.begin.offset;
    loc["length"] = d.range.length();
    return loc;
}

std::string sarifLevel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
    case Severity::SecurityWarning:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Suggestion:
        return "note";
    }
    return "error";
}
} // namespace

std::string findingsToJson(const std::vector<FileFindings> &files)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const FileFindings &f : files) {
        nlohmann::ordered_json entry;
        entry["file"] = f.file;
        nlohmann::ordered_json findings = nlohmann::ordered_json::array();
        for (const Diagnostic &d : f.diagnostics) {
            nlohmann::ordered_json j;
            j["findingType"] = std::string(severityName(d.severity));
            j["issueCode"] = d.code;
            j["message"] = d.message;
            if (!d.help.empty())
                j["help"] = d.help;
            if (!d.learnMoreUrl.empty())
                j["learnMoreLink"] = d.learnMoreUrl;
            j["location"] = location(d);
            findings.push_back(std::move(j));
        }
        entry["findings"] = std::move(findings);
        out.push_back(std::move(entry));
    }
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string findingsToSarif(const std::vector<FileFindings> &files)
{
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    std::map<std::string, std::size_t> ruleIndex;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const FileFindings &f : files) {
        for (const Diagnostic &d : f.diagnostics) {
            auto [it, inserted] = ruleIndex.emplace(d.code, rules.size());
            if (inserted) {
                nlohmann::ordered_json rule;
                rule["id"] = d.code;
                if (!d.learnMoreUrl.empty())
                    rule["helpUri"] = d.learnMoreUrl;
                rules.push_back(std::move(rule));
            }
            nlohmann::ordered_json region;
            region["startLine"] = std::max(d.range.begin.line, 1);
            region["startColumn"] = std::max(d.range.begin.column, 1);
            region["endLine"] = std::max(d.range.end.line, 1);
            region["endColumn"] = std::max(d.range.end.column, 1);
            nlohmann::ordered_json result;
            result["ruleId"] = d.code;
            result["ruleIndex"] = it->second;
            result["level"] = sarifLevel(d.severity);
            result["message"]["text"] = d.message;
            result["properties"]["findingType"] = std::string(severityName(d.severity));
            nlohmann::ordered_json physical;
            physical["artifactLocation"]["uri"] = f.file;
            physical["region"] = std::move(region);
            result["locations"] = nlohmann::ordered_json::array({ { { "physicalLocation", std::move(physical) } } });
            results.push_back(std::move(result));
        }
    }
    nlohmann::ordered_json driver;
    driver["name"] = "role-designer";
    driver["version"] = std::string(productVersion());
    driver["rules"] = std::move(rules);
    nlohmann::ordered_json run;
    run["tool"]["driver"] = std::move(driver);
    run["results"] = std::move(results);
    nlohmann::ordered_json sarif;
    sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    sarif["version"] = "2.1.0";
    sarif["runs"] = nlohmann::ordered_json::array({ std::move(run) });
    return sarif.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace rd::core
