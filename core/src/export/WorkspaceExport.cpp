// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/WorkspaceExport.h"

#include "export/ExportModel.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"

namespace rd::core
{

namespace
{

void addErrors(std::vector<ExportBlocker> &out, const std::string &subject, const std::string &part,
    const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            out.push_back(ExportBlocker { subject, part, d });
    }
}

} // namespace

std::vector<ExportBlocker> exportBlockers(const Workspace &workspace, const std::vector<RoleId> &roles)
{
    const ExportSet set = makeExportSet(workspace, roles);
    std::vector<ExportBlocker> blockers;
    for (const ManagedPolicy *policy : set.customerPolicies) {
        ValidationOptions options;
        options.ownerAccount = accountOfArn(policy->arn);
        addErrors(blockers, policy->name, "policy document",
            validatePolicy(managedPolicyDocument(*policy), PolicyKind::Identity, options));
    }
    const RoleNameIndex names(workspace);
    for (const Role *role : set.roles) {
        const RoleFindings findings = validateRole(*role, names);
        if (!findings.hasSeverityAtLeast(Severity::Error))
            continue;
        addErrors(blockers, role->name, "", findings.role);
        addErrors(blockers, role->name, "trust policy", findings.trustPolicy);
        for (const auto &[name, diagnostics] : findings.inlinePolicies)
            addErrors(blockers, role->name, "inline policy " + name, diagnostics);
    }
    return blockers;
}

std::vector<ExportedFile> exportFiles(
    const Workspace &workspace, const std::vector<RoleId> &roles, ExportFormat format, WriteStyle style)
{
    const ExportFormatInfo *row = findExportFormat(format);
    return row ? row->write(workspace, roles, style) : std::vector<ExportedFile> {};
}

ExportResult exportRoles(const Workspace &workspace, const std::vector<RoleId> &roles, const ExportOptions &options)
{
    ExportResult result;
    result.blockers = exportBlockers(workspace, roles);
    result.refused = !options.force && !result.blockers.empty();
    if (result.refused)
        return result;
    result.files = exportFiles(workspace, roles, options.format, options.style);
    const ExportFormatInfo *row = findExportFormat(options.format);
    if (row && row->checkLimits)
        result.warnings = row->checkLimits(workspace, roles, result.files);
    return result;
}

std::string formatExportBlocker(const ExportBlocker &blocker)
{
    std::string line = blocker.subject + ": " + std::string(severityName(blocker.diagnostic.severity)) + ' '
        + (blocker.diagnostic.code.empty() ? std::string("-") : blocker.diagnostic.code) + ' ';
    if (!blocker.part.empty())
        line += blocker.part + ": ";
    return line + blocker.diagnostic.message;
}

} // namespace rd::core
