// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/ExportFormats.h"

#include "rd/core/export/CliScriptExport.h"
#include "rd/core/export/CloudFormationExport.h"
#include "rd/core/export/TerraformExport.h"

#include <array>

namespace rd::core
{

namespace
{

std::vector<std::string> templateQuotaWarnings(
    const Workspace &workspace, const std::vector<RoleId> &roles, const std::vector<ExportedFile> &files)
{
    return files.empty() ? std::vector<std::string> {}
                         : cloudFormationQuotaWarnings(workspace, roles, files.front().text);
}

// The formats, in the order users see them. A new format is one row here and its writer.
constexpr std::array kFormats {
    ExportFormatInfo {
        .id = ExportFormat::PolicyJson,
        .cliName = "policy-json",
        .cliHelp = "",
        .label = "Policy JSON files",
        .supportsMinify = true,
        .write = policyJsonFiles,
        .checkLimits = nullptr,
    },
    ExportFormatInfo {
        .id = ExportFormat::CloudFormationYaml,
        .cliName = "cloudformation",
        .cliHelp = "YAML",
        .label = "CloudFormation template (YAML)",
        .supportsMinify = false,
        .write =
            [](const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle style) {
                return std::vector<ExportedFile> { ExportedFile {
                    "iam-roles.yaml", cloudFormationTemplate(workspace, roles, CloudFormationSyntax::Yaml, style) } };
            },
        .checkLimits = templateQuotaWarnings,
    },
    ExportFormatInfo {
        .id = ExportFormat::CloudFormationJson,
        .cliName = "cloudformation-json",
        .cliHelp = "",
        .label = "CloudFormation template (JSON)",
        .supportsMinify = true,
        .write =
            [](const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle style) {
                return std::vector<ExportedFile> { ExportedFile {
                    "iam-roles.json", cloudFormationTemplate(workspace, roles, CloudFormationSyntax::Json, style) } };
            },
        .checkLimits = templateQuotaWarnings,
    },
    ExportFormatInfo {
        .id = ExportFormat::Terraform,
        .cliName = "terraform",
        .cliHelp = "",
        .label = "Terraform configuration",
        .supportsMinify = false,
        .write =
            [](const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle) {
                return std::vector<ExportedFile> { ExportedFile {
                    "iam-roles.tf", terraformConfiguration(workspace, roles) } };
            },
        .checkLimits = nullptr,
    },
    ExportFormatInfo {
        .id = ExportFormat::CliScript,
        .cliName = "cli",
        .cliHelp = "a bash script",
        .label = "AWS CLI script",
        .supportsMinify = false,
        .write = [](const Workspace &workspace, const std::vector<RoleId> &roles,
                     WriteStyle) { return cliScriptFiles(workspace, roles); },
        .checkLimits = nullptr,
    },
};

// INVARIANT: ids and CLI names are unique, names and labels are given, every row has a writer. Checked when core is
// built; TestExporters also checks that every ExportFormat has a row.
constexpr bool tableIsConsistent()
{
    for (std::size_t i = 0; i < kFormats.size(); ++i) {
        const ExportFormatInfo &row = kFormats[i];
        if (row.cliName.empty() || row.label.empty() || row.write == nullptr)
            return false;
        for (std::size_t j = i + 1; j < kFormats.size(); ++j) {
            if (kFormats[j].id == row.id || kFormats[j].cliName == row.cliName)
                return false;
        }
    }
    return true;
}
static_assert(tableIsConsistent(), "every export format needs a unique id and CLI name, a label and a writer");

} // namespace

std::span<const ExportFormatInfo> exportFormats()
{
    return kFormats;
}

const ExportFormatInfo *findExportFormat(ExportFormat format)
{
    for (const ExportFormatInfo &row : kFormats) {
        if (row.id == format)
            return &row;
    }
    return nullptr;
}

std::string_view exportFormatName(ExportFormat format)
{
    const ExportFormatInfo *row = findExportFormat(format);
    return row ? row->cliName : std::string_view {};
}

std::optional<ExportFormat> exportFormatFromName(std::string_view name)
{
    for (const ExportFormatInfo &row : kFormats) {
        if (row.cliName == name)
            return row.id;
    }
    return std::nullopt;
}

} // namespace rd::core
