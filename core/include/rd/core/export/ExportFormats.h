// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The export formats. Each has one row in exportFormats(), which is what the export, the Export dialog and
/// `role-designer-cli export` read; the enumerators only name the rows.
enum class ExportFormat {
    /// Policy documents as JSON files (policyJsonFiles()).
    PolicyJson,
    /// One CloudFormation template, `iam-roles.yaml` (cloudFormationTemplate()).
    CloudFormationYaml,
    /// One CloudFormation template, `iam-roles.json`.
    CloudFormationJson,
    /// One Terraform configuration, `iam-roles.tf` (terraformConfiguration()).
    Terraform,
    /// A bash script and the policy files it reads (cliScriptFiles()).
    CliScript
};

/// Writes the files of one format for the roles of a workspace, without checks. Must be deterministic (the same
/// workspace, roles and style give the same bytes), keep roles in workspace order whatever the order of `roles`, and
/// skip unknown ids. Formats without a minified form ignore `style`.
using ExportWriter = std::vector<ExportedFile> (*)(
    const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle style);

/// The limits that files written by an ExportWriter exceed at deployment, one sentence each; empty when none.
using ExportLimitCheck = std::vector<std::string> (*)(
    const Workspace &workspace, const std::vector<RoleId> &roles, const std::vector<ExportedFile> &files);

/// One export format: everything the export, the Export dialog and the command line need to know about it.
struct ExportFormatInfo {
    ExportFormat id;
    /// The `--format` value of `role-designer-cli export`: lower case, unique.
    std::string_view cliName;
    /// A few words `--help` puts in parentheses after cliName (`YAML`), or empty.
    std::string_view cliHelp;
    /// The Export dialog's name for it (`CloudFormation template (YAML)`), untranslated.
    std::string_view label;
    /// Whether `style` changes the output: the dialog enables "Minify JSON" only then.
    bool supportsMinify = false;
    /// Never null.
    ExportWriter write = nullptr;
    /// Run on the files of every export that is not refused; null when the format has no deployment limits to check.
    ExportLimitCheck checkLimits = nullptr;
};

/// Every format, one row each, in the order the Export dialog and `--help` list them. Ids and CLI names are unique
/// (checked when core is built) and every ExportFormat has a row (checked by TestExporters).
std::span<const ExportFormatInfo> exportFormats();

/// The row of `format`, or nullptr for a value that is not an enumerator.
const ExportFormatInfo *findExportFormat(ExportFormat format);

/// The row's cliName: `policy-json`, `cloudformation`, `cloudformation-json`, `terraform` or `cli`.
std::string_view exportFormatName(ExportFormat format);
/// The format whose cliName is `name` (exact, case-sensitive), or nullopt.
std::optional<ExportFormat> exportFormatFromName(std::string_view name);

} // namespace rd::core
