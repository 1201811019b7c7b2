// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ImportCommand.h"

#include "CliSupport.h"
#include "rd/core/base/DiagnosticFormat.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/AccountMerger.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/OrganizationImport.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rd::cli
{

namespace
{

using namespace rd::core;

/// The findings of each input file, in the order the files were given.
using FindingsByFile = std::vector<FileFindings>;

void addFindings(FindingsByFile &all, const std::string &file, Diagnostics findings)
{
    if (findings.empty())
        return;
    for (FileFindings &f : all) {
        if (f.file == file) {
            f.diagnostics.insert(f.diagnostics.end(), findings.begin(), findings.end());
            return;
        }
    }
    all.push_back(FileFindings { file, std::move(findings) });
}

bool anyErrors(const FindingsByFile &all)
{
    for (const FileFindings &f : all) {
        if (hasErrors(f.diagnostics))
            return true;
    }
    return false;
}

} // namespace

CLI::App *ImportCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("import",
        "Turn `aws iam get-account-authorization-details` output of one or more accounts, and optionally their "
        "organization and resources, into a workspace");
    sub->add_option("--gaad", m_gaadFiles, "GAAD JSON file of one account (`-` for stdin); repeat for more accounts")
        ->required();
    sub->add_option("--organization", m_organizationFile,
        "Organization file (describe-organization, list-roots, OUs, accounts, SCPs and RCPs with their targets), as "
        "scripts/collect-account.sh writes it");
    sub->add_option("--resources", m_resourcesFile,
        "Resources file: {\"Resources\": [{\"Arn\", \"Type\", \"AccountId\", \"Policy\"}]}, as "
        "scripts/collect-account.sh writes it");
    sub->add_option(
        "--list-roles", m_listRolesFile, "`aws iam list-roles` output, for role descriptions and MaxSessionDuration");
    sub->add_option("--out", m_out, "Workspace file to write")->required();
    sub->add_option("--format", m_format, "Output format")->check(CLI::IsMember({ "text", "json" }));
    return sub;
}

int ImportCommand::run()
{
    FindingsByFile findings;
    AccountMerger merger;
    std::optional<Workspace> single;
    for (const std::string &file : m_gaadFiles) {
        FileReadResult read = readTextFile(file, kMaxWorkspaceFileBytes);
        if (!read.ok())
            return usageError(read.error);
        GaadImportResult imported = importGaad(read.text);
        // The account is imported: its text is not needed for the rest.
        std::string().swap(read.text);
        if (!imported.workspace) {
            const std::string reason =
                imported.diagnostics.empty() ? std::string("not a GAAD file") : imported.diagnostics.front().message;
            return usageError("cannot import `" + file + "`: " + reason);
        }
        addFindings(findings, file, std::move(imported.diagnostics));
        if (m_gaadFiles.size() == 1) {
            single = std::move(imported.workspace);
        } else if (auto clash = merger.add(std::move(*imported.workspace), file)) {
            return usageError("cannot merge the accounts: " + *clash);
        }
    }
    Workspace ws = single ? std::move(*single) : merger.take();
    if (!m_organizationFile.empty()) {
        FileReadResult read = readTextFile(m_organizationFile, kMaxWorkspaceFileBytes);
        if (!read.ok())
            return usageError(read.error);
        OrganizationImportResult org = importOrganization(read.text);
        if (!org.organization) {
            const std::string reason =
                org.diagnostics.empty() ? std::string("not an organization file") : org.diagnostics.front().message;
            return usageError("cannot import `" + m_organizationFile + "`: " + reason);
        }
        setOrganization(ws, std::move(*org.organization));
        addFindings(findings, m_organizationFile, std::move(org.diagnostics));
    }
    if (!m_resourcesFile.empty()) {
        FileReadResult read = readTextFile(m_resourcesFile, kMaxWorkspaceFileBytes);
        if (!read.ok())
            return usageError(read.error);
        addFindings(findings, m_resourcesFile, importResources(ws, read.text));
    }
    if (!m_listRolesFile.empty()) {
        FileReadResult roles = readTextFile(m_listRolesFile, kMaxWorkspaceFileBytes);
        if (!roles.ok())
            return usageError(roles.error);
        Diagnostics merged = mergeListRoles(ws, roles.text);
        for (Diagnostic &d : merged)
            d.message = m_listRolesFile + ": " + d.message;
        addFindings(findings, m_gaadFiles.front(), std::move(merged));
    }
    if (auto error = saveWorkspaceFile(m_out, ws))
        return usageError(*error);
    const std::size_t orgAccounts = ws.organization ? ws.organization->accounts.size() : 0;
    const std::size_t orgPolicies = ws.organization ? ws.organization->policies.size() : 0;
    if (m_format == "json") {
        std::cout << "{\"workspace\": " << jsonQuote(m_out) << ", \"accounts\": " << ws.accounts.size()
                  << ", \"users\": " << ws.users.size() << ", \"groups\": " << ws.groups.size()
                  << ", \"roles\": " << ws.roles.size() << ", \"managedPolicies\": " << ws.policies.size()
                  << ", \"externalPrincipals\": " << ws.externalPrincipals.size()
                  << ", \"resources\": " << ws.resources.size() << ", \"organizationAccounts\": " << orgAccounts
                  << ", \"organizationPolicies\": " << orgPolicies << "}\n";
        if (!findings.empty())
            std::cerr << findingsToJson(findings);
    } else {
        for (const FileFindings &f : findings)
            printFindings(std::cerr, f.file, f.diagnostics);
        std::cout << "imported " << ws.users.size() << " users, " << ws.groups.size() << " groups, " << ws.roles.size()
                  << " roles and " << ws.policies.size() << " managed policies from " << ws.accounts.size()
                  << " account(s)";
        if (ws.organization)
            std::cout << ", an organization of " << orgAccounts << " account(s) with " << orgPolicies
                      << " SCP(s) and RCP(s)";
        if (!m_resourcesFile.empty())
            std::cout << ", " << ws.resources.size() << " resource(s)";
        std::cout << " into " << m_out << '\n';
    }
    return anyErrors(findings) ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
