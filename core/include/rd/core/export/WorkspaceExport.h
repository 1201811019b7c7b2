// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/export/ExportFormats.h"
#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/Workspace.h"

#include <string>
#include <vector>

namespace rd::core
{

struct ExportOptions {
    ExportFormat format = ExportFormat::PolicyJson;
    /// Pretty or minified, for the formats whose row says supportsMinify (policy JSON files and the CloudFormation JSON
    /// template); the others ignore it.
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
    /// Limits the files exceed at deployment, one sentence each (the format's ExportFormatInfo::checkLimits), such as a
    /// CloudFormation template with more than 500 resources or over 1 MB (cloudFormationQuotaWarnings()). The files are
    /// still written.
    std::vector<std::string> warnings;
};

/// The ERROR findings that refuse exporting these roles: validateRole() for each role, validatePolicy() (identity)
/// for the default version of each customer managed policy of the workspace they attach or use as boundary. IAM,
/// CloudFormation and Terraform would reject those documents at deployment anyway.
std::vector<ExportBlocker> exportBlockers(const Workspace &workspace, const std::vector<RoleId> &roles);

/// The files of one format (its row's writer in exportFormats()), without checks. Deterministic: the same workspace,
/// roles and options give the same bytes. Roles in workspace order whatever the order of `roles`; unknown ids are
/// skipped. Empty for a value that is not an ExportFormat enumerator.
std::vector<ExportedFile> exportFiles(
    const Workspace &workspace, const std::vector<RoleId> &roles, ExportFormat format, WriteStyle style);

/// exportBlockers(), then exportFiles() and the format's limit check unless refused.
ExportResult exportRoles(const Workspace &workspace, const std::vector<RoleId> &roles, const ExportOptions &options);

/// `ROLE: SEVERITY CODE part: message`, the line the CLI prints for a blocker.
std::string formatExportBlocker(const ExportBlocker &blocker);

} // namespace rd::core
