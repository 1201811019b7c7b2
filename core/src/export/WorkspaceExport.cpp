// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/WorkspaceExport.h"

#include "export/ExportModel.h"
#include "rd/core/export/CliScriptExport.h"
#include "rd/core/export/CloudFormationExport.h"
#include "rd/core/export/TerraformExport.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"

#include <array>
#include <utility>

namespace rd::core
{

namespace
{

constexpr std::size_t kCloudFormationMaxResources = 500;
constexpr std::size_t kCloudFormationMaxTemplateBytes = std::size_t { 1024 } * 1024;
constexpr std::size_t kCloudFormationMaxInlineTemplateBytes = 51200;

constexpr std::array<std::pair<ExportFormat, std::string_view>, 5> kFormatNames { {
    { ExportFormat::PolicyJson, "policy-json" },
    { ExportFormat::CloudFormationYaml, "cloudformation" },
    { ExportFormat::CloudFormationJson, "cloudformation-json" },
    { ExportFormat::Terraform, "terraform" },
    { ExportFormat::CliScript, "cli" },
} };

void addErrors(std::vector<ExportBlocker> &out, const std::string &subject, const std::string &part,
    const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            out.push_back(ExportBlocker { subject, part, d });
    }
}

} // namespace

std::string_view exportFormatName(ExportFormat format)
{
    for (const auto &[value, name] : kFormatNames) {
        if (value == format)
            return name;
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(std::string_view name)
{
    for (const auto &[value, formatName] : kFormatNames) {
        if (formatName == name)
            return value;
    }
    return std::nullopt;
}

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
    for (const Role *role : set.roles) {
        const RoleFindings findings = validateRole(workspace, *role);
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
    switch (format) {
    case ExportFormat::PolicyJson:
        return policyJsonFiles(workspace, roles, style);
    case ExportFormat::CloudFormationYaml:
        return { ExportedFile {
            "iam-roles.yaml", cloudFormationTemplate(workspace, roles, CloudFormationSyntax::Yaml, style) } };
    case ExportFormat::CloudFormationJson:
        return { ExportedFile {
            "iam-roles.json", cloudFormationTemplate(workspace, roles, CloudFormationSyntax::Json, style) } };
    case ExportFormat::Terraform:
        return { ExportedFile { "iam-roles.tf", terraformConfiguration(workspace, roles) } };
    case ExportFormat::CliScript:
        return cliScriptFiles(workspace, roles);
    }
    return {};
}

ExportResult exportRoles(const Workspace &workspace, const std::vector<RoleId> &roles, const ExportOptions &options)
{
    ExportResult result;
    result.blockers = exportBlockers(workspace, roles);
    result.refused = !options.force && !result.blockers.empty();
    if (result.refused)
        return result;
    result.files = exportFiles(workspace, roles, options.format, options.style);
    if (options.format == ExportFormat::CloudFormationYaml || options.format == ExportFormat::CloudFormationJson) {
        // AWS CloudFormation User Guide, "CloudFormation quotas": 500 resources per template, a template body of at
        // most 1 MB from S3 (51,200 bytes when passed directly).
        const ExportSet set = makeExportSet(workspace, roles);
        std::size_t resources = set.customerPolicies.size() + set.roles.size();
        for (const Role *role : set.roles)
            resources += role->instanceProfiles.size();
        if (resources > kCloudFormationMaxResources)
            result.warnings.push_back("the template declares " + std::to_string(resources)
                + " resources; CloudFormation accepts at most 500 per template: export fewer roles at a time");
        const std::size_t bytes = result.files.front().text.size();
        if (bytes > kCloudFormationMaxTemplateBytes)
            result.warnings.push_back("the template is " + std::to_string(bytes)
                + " bytes; CloudFormation accepts at most 1 MB (from S3): export fewer roles at a time");
        else if (bytes > kCloudFormationMaxInlineTemplateBytes)
            result.warnings.push_back("the template is " + std::to_string(bytes)
                + " bytes; over 51,200 bytes CloudFormation takes it only from an S3 bucket (--s3-bucket)");
    }
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
