// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ValidateCommand.h"

#include "CliSupport.h"
#include "rd/core/base/DiagnosticFormat.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <optional>

namespace rd::cli
{

namespace
{

using namespace rd::core;

std::optional<Severity> severityFromName(const std::string &name)
{
    for (Severity s : { Severity::Error, Severity::SecurityWarning, Severity::Warning, Severity::Suggestion }) {
        std::string lower(severityName(s));
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower == name)
            return s;
    }
    return std::nullopt;
}

bool reaches(const Diagnostics &diagnostics, Severity failOn)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [&](const Diagnostic &d) { return static_cast<int>(d.severity) <= static_cast<int>(failOn); });
}

// What loading the workspace found (a malformed file or GAAD entry, with its position), then every role of it
// (role-level findings, then its trust policy's and each inline policy's) and every resource policy, with the role
// or resource named in each message. A policy's findings carry their position in the file, as the loaded policies
// keep theirs (a GAAD document held in a string: the string's). Only a file that cannot be read at all is no
// findings.
std::optional<FileFindings> validateWorkspace(const std::string &file)
{
    WorkspaceLoadResult loaded = loadWorkspaceFile(file);
    if (!loaded.fileError.empty()) {
        usageError(loaded.fileError);
        return std::nullopt;
    }
    FileFindings findings { file, std::move(loaded.diagnostics) };
    if (!loaded.workspace) {
        if (findings.diagnostics.empty()) {
            usageError(workspaceLoadError(file, loaded));
            return std::nullopt;
        }
        return findings;
    }
    auto add = [&](Diagnostics diagnostics, const std::string &where) {
        for (Diagnostic &d : diagnostics) {
            d.message = where + ": " + d.message;
            findings.diagnostics.push_back(std::move(d));
        }
    };
    const RoleNameIndex names(*loaded.workspace);
    for (const Role &role : loaded.workspace->roles) {
        RoleFindings roleFindings = validateRole(role, names);
        add(std::move(roleFindings.role), "role " + role.name);
        add(std::move(roleFindings.trustPolicy), "role " + role.name + ", trust policy");
        for (auto &[name, diagnostics] : roleFindings.inlinePolicies)
            add(std::move(diagnostics), "role " + role.name + ", inline policy " + name);
    }
    for (const Resource &resource : loaded.workspace->resources) {
        if (!resource.policy)
            continue;
        ValidationOptions options;
        options.attachedResourceArn = resource.arn;
        options.ownerAccount = resource.accountId;
        add(validatePolicy(*resource.policy, PolicyKind::Resource, options), "resource " + resource.arn + " policy");
    }
    return findings;
}

} // namespace

CLI::App *ValidateCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("validate", "Report the findings of policy files (`-` for stdin)");
    sub->add_option("files", m_files, "Policy JSON files");
    sub->add_option("--workspace", m_workspace, "Validate every role of a workspace file");
    sub->add_option("--fail-on", m_failOn,
        "Exit 1 at findings of this severity or worse: error, security_warning, warning, suggestion (default error)");
    sub->add_option("--kind", m_kind, "identity, trust, resource, scp or rcp (default: guessed per file)")
        ->check(CLI::IsMember({ "identity", "trust", "resource", "scp", "rcp" }));
    sub->add_option("--account", m_account,
        "The 12-digit account the policy files belong to: trust of another account without sts:ExternalId is then a "
        "security warning (without it, a suggestion)");
    sub->add_option("--format", m_format, "Output format")->check(CLI::IsMember({ "text", "json", "sarif" }));
    return sub;
}

int ValidateCommand::run()
{
    std::optional<PolicyKind> kind;
    if (!m_kind.empty()) {
        kind = policyKindFromName(m_kind);
        if (!kind)
            return usageError("unknown policy kind `" + m_kind + "`: use identity, trust, resource, scp or rcp");
    }
    const std::optional<Severity> failOn = severityFromName(m_failOn);
    if (!failOn)
        return usageError("unknown severity `" + m_failOn + "`: use error, security_warning, warning or suggestion");
    if (!m_account.empty() && !isAccountId(m_account))
        return usageError("`" + m_account + "` is not an account id: give its 12 digits");
    if (m_files.empty() && m_workspace.empty())
        return usageError("give policy files, or --workspace FILE");
    std::vector<FileFindings> results;
    bool unreadable = false;
    bool failed = false;
    if (!m_workspace.empty()) {
        std::optional<FileFindings> findings = validateWorkspace(m_workspace);
        if (findings) {
            failed = reaches(findings->diagnostics, *failOn);
            results.push_back(std::move(*findings));
        } else {
            unreadable = true;
        }
    }
    for (const std::string &file : m_files) {
        FileReadResult read = readTextFile(file, kMaxPolicyTextBytes * 16);
        if (!read.ok()) {
            std::cerr << "role-designer-cli: " << read.error << '\n';
            unreadable = true;
            continue;
        }
        ValidationOptions options;
        options.ownerAccount = m_account;
        FileFindings findings { file == "-" ? std::string("<stdin>") : file,
            validatePolicyText(read.text, kind, options) };
        failed = failed || reaches(findings.diagnostics, *failOn);
        results.push_back(std::move(findings));
    }
    if (m_format == "json")
        std::cout << findingsToJson(results);
    else if (m_format == "sarif")
        std::cout << findingsToSarif(results);
    else
        for (const FileFindings &f : results)
            printFindings(std::cout, f.file, f.diagnostics);
    if (unreadable)
        return kUsageExit;
    return failed ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
