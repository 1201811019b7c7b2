// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ExportCommand.h"

#include "CliSupport.h"
#include "rd/core/export/ExportFormats.h"
#include "rd/core/export/WorkspaceExport.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <span>

namespace rd::cli
{

namespace
{

using namespace rd::core;

// `policy-json, cloudformation (YAML), ... or cli (a bash script)`: every format's CLI name, with its note.
std::string formatHelp()
{
    const std::span<const ExportFormatInfo> formats = exportFormats();
    std::string help;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        if (i > 0)
            help += i + 1 == formats.size() ? " or " : ", ";
        help += formats[i].cliName;
        if (!formats[i].cliHelp.empty())
            help += " (" + std::string(formats[i].cliHelp) + ")";
    }
    return help;
}

std::vector<std::string> formatNames()
{
    std::vector<std::string> names;
    for (const ExportFormatInfo &format : exportFormats())
        names.emplace_back(format.cliName);
    return names;
}

} // namespace

CLI::App *ExportCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand(
        "export", "Write roles as policy JSON, a CloudFormation template, Terraform or an AWS CLI script");
    sub->add_option("--workspace", m_workspace, "Workspace file")->required();
    sub->add_option("--format", m_format, formatHelp())->required()->check(CLI::IsMember(formatNames()));
    sub->add_option("--role", m_roles, "A role to export, by name (repeatable; default: every role)");
    sub->add_flag("--minify", m_minify, "Policy JSON and CloudFormation JSON without white space");
    sub->add_flag("--force", m_force, "Export even when roles or their policies have ERROR findings");
    sub->add_option("--out", m_out, "Folder to write the files into (made if missing)")->required();
    return sub;
}

int ExportCommand::run()
{
    const std::optional<ExportFormat> format = exportFormatFromName(m_format);
    if (!format)
        return usageError("unknown export format `" + m_format + "`");
    WorkspaceLoadResult loaded = loadWorkspaceFile(m_workspace);
    if (!loaded.ok())
        return usageError(workspaceLoadError(m_workspace, loaded));
    const Workspace &workspace = *loaded.workspace;

    std::vector<RoleId> roles;
    if (m_roles.empty()) {
        for (const Role &role : workspace.roles)
            roles.push_back(role.id);
    }
    for (const std::string &name : m_roles) {
        const auto it = std::find_if(
            workspace.roles.begin(), workspace.roles.end(), [&](const Role &role) { return role.name == name; });
        if (it == workspace.roles.end())
            return usageError("no role named `" + name + "` in " + m_workspace);
        roles.push_back(it->id);
    }
    if (roles.empty())
        return usageError(m_workspace + " has no roles to export");

    ExportOptions options;
    options.format = *format;
    options.style = m_minify ? WriteStyle::Minified : WriteStyle::Pretty;
    options.force = m_force;
    const ExportResult result = exportRoles(workspace, roles, options);
    for (const ExportBlocker &blocker : result.blockers)
        std::cerr << formatExportBlocker(blocker) << '\n';
    if (result.refused) {
        std::cerr << "role-designer-cli: export refused: " << result.blockers.size()
                  << " ERROR finding(s); fix them or pass --force\n";
        return kCheckFailedExit;
    }

    for (const std::string &warning : result.warnings)
        std::cerr << "role-designer-cli: warning: " << warning << '\n';
    std::error_code ec;
    std::filesystem::create_directories(m_out, ec);
    if (ec)
        return usageError("cannot make the folder `" + m_out + "`: " + ec.message());
    if (auto error = writeExportedFiles(result.files, m_out))
        return usageError(*error);
    for (const ExportedFile &file : result.files)
        std::cout << (std::filesystem::path(m_out) / file.name).string() << '\n';
    return kOkExit;
}

} // namespace rd::cli
