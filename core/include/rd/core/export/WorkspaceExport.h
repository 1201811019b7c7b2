// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

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

/// `policy-json`, `cloudformation`, `cloudformation-json`, `terraform` or `cli`: the CLI's spelling.
std::string_view exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(std::string_view name);

struct ExportOptions {
    ExportFormat format = ExportFormat::PolicyJson;
    /// Pretty or minified, for policy JSON files and the CloudFormation JSON template.
    WriteStyle style = WriteStyle::Pretty;
    /// Export even when findings of severity ERROR would refuse it.
    bool force = false;
};

/// A finding that refuses an export: `subject` is the role's or customer managed policy's name, `part` where in it
/// the finding is ("" for the role itself, `trust policy`, `inline policy NAME`, `policy document`).
struct ExportBlocker {
    std::string subject;
    std::string part;
    Diagnostic diagnostic;
};

struct ExportResult {
    /// The files, in a fixed order; empty when refused.
    std::vector<ExportedFile> files;
    /// Every ERROR finding of the roles and the customer policies they use, whether or not it refused the export.
    std::vector<ExportBlocker> blockers;
    /// True when the export was refused because of `blockers` (and not forced).
    bool refused = false;
    /// Limits the files exceed at deployment, one sentence each: a CloudFormation template with more than 500
    /// resources or over 1 MB (AWS CloudFormation User Guide, "CloudFormation quotas"). The files are still written.
    std::vector<std::string> warnings;
};

/// The ERROR findings that refuse exporting these roles: validateRole() for each role, validatePolicy() (identity)
/// for the default version of each customer managed policy of the workspace they attach or use as boundary. IAM,
/// CloudFormation and Terraform would reject those documents at deployment anyway.
std::vector<ExportBlocker> exportBlockers(const Workspace &workspace, const std::vector<RoleId> &roles);

/// The files of one format, without checks. Deterministic: the same workspace, roles and options give the same
/// bytes. Roles in workspace order whatever the order of `roles`; unknown ids are skipped.
std::vector<ExportedFile> exportFiles(
    const Workspace &workspace, const std::vector<RoleId> &roles, ExportFormat format, WriteStyle style);

/// exportBlockers(), then exportFiles() unless refused.
ExportResult exportRoles(const Workspace &workspace, const std::vector<RoleId> &roles, const ExportOptions &options);

/// `ROLE: SEVERITY CODE part: message`, the line the CLI prints for a blocker.
std::string formatExportBlocker(const ExportBlocker &blocker);

} // namespace rd::core
