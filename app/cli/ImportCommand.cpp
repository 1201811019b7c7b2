// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ImportCommand.h"

#include "CliSupport.h"
#include "rd/core/base/DiagnosticFormat.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rd::cli
{

namespace
{

using namespace rd::core;

} // namespace

CLI::App *ImportCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("import",
        "Turn `aws iam get-account-authorization-details` output into "
        "a workspace");
    sub->add_option("--gaad", m_gaadFile, "GAAD JSON file (`-` for stdin)")->required();
    sub->add_option(
        "--list-roles", m_listRolesFile, "`aws iam list-roles` output, for role descriptions and MaxSessionDuration");
    sub->add_option("--out", m_out, "Workspace file to write")->required();
    sub->add_option("--format", m_format, "Output format")->check(CLI::IsMember({ "text", "json" }));
    return sub;
}

int ImportCommand::run()
{
    FileReadResult read = readTextFile(m_gaadFile, kMaxWorkspaceFileBytes);
    if (!read.ok())
        return usageError(read.error);
    GaadImportResult imported = importGaad(read.text);
    // The account is imported: its text is not needed for the rest (the list-roles text and the save).
    std::string().swap(read.text);
    if (!imported.workspace) {
        const std::string reason =
            imported.diagnostics.empty() ? std::string("not a GAAD file") : imported.diagnostics.front().message;
        return usageError("cannot import `" + m_gaadFile + "`: " + reason);
    }
    Workspace &ws = *imported.workspace;
    Diagnostics findings = std::move(imported.diagnostics);
    if (!m_listRolesFile.empty()) {
        FileReadResult roles = readTextFile(m_listRolesFile, kMaxWorkspaceFileBytes);
        if (!roles.ok())
            return usageError(roles.error);
        Diagnostics merged = mergeListRoles(ws, roles.text);
        for (Diagnostic &d : merged)
            d.message = m_listRolesFile + ": " + d.message;
        findings.insert(findings.end(), merged.begin(), merged.end());
    }
    if (auto error = saveWorkspaceFile(m_out, ws))
        return usageError(*error);
    if (m_format == "json") {
        std::cout << "{\"workspace\": " << jsonQuote(m_out) << ", \"accounts\": " << ws.accounts.size()
                  << ", \"users\": " << ws.users.size() << ", \"groups\": " << ws.groups.size()
                  << ", \"roles\": " << ws.roles.size() << ", \"managedPolicies\": " << ws.policies.size()
                  << ", \"externalPrincipals\": " << ws.externalPrincipals.size() << "}\n";
        if (!findings.empty())
            std::cerr << findingsToJson({ FileFindings { m_gaadFile, findings } });
    } else {
        printFindings(std::cerr, m_gaadFile, findings);
        std::cout << "imported " << ws.users.size() << " users, " << ws.groups.size() << " groups, " << ws.roles.size()
                  << " roles and " << ws.policies.size() << " managed policies from " << ws.accounts.size()
                  << " account(s) into " << m_out << '\n';
    }
    return hasErrors(findings) ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
