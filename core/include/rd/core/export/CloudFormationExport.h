// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/Workspace.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

enum class CloudFormationSyntax { Yaml, Json };

/// A CloudFormation template (AWS CloudFormation User Guide, "Template anatomy") that creates the roles: first an
/// `AWS::IAM::ManagedPolicy` for every customer managed policy of the workspace they attach or use as boundary,
/// then each role (`AWS::IAM::Role` with RoleName, Path, Description, MaxSessionDuration, AssumeRolePolicyDocument,
/// Policies, ManagedPolicyArns, PermissionsBoundary, Tags), each followed by an `AWS::IAM::InstanceProfile` per
/// instance profile it has. Customer policies are referred to with `Ref` (which gives a managed policy's ARN), AWS
/// managed and unknown ones by ARN. Logical ids are the names' letters and digits, CamelCased, with the suffix
/// `Role`, `Policy` or `InstanceProfile` and a number when needed to be unique (User Guide, "Resources": "The
/// logical ID must be alphanumeric (A-Za-z0-9) and unique within the template"). Roles in workspace order; unknown
/// ids are skipped. `style` applies to JSON only; YAML is always block style with policy documents as mappings.
std::string cloudFormationTemplate(const Workspace &workspace, const std::vector<RoleId> &roles,
    CloudFormationSyntax syntax, WriteStyle style = WriteStyle::Pretty);

/// The CloudFormation quotas a template for these roles exceeds, one sentence each (AWS CloudFormation User Guide,
/// "CloudFormation quotas"): more than 500 resources per template, a template body over 1 MB (from S3), or over
/// 51,200 bytes (passed directly). `templateText` is the template as cloudFormationTemplate() wrote it, in either
/// syntax. Empty when the template is within every quota.
std::vector<std::string> cloudFormationQuotaWarnings(
    const Workspace &workspace, const std::vector<RoleId> &roles, std::string_view templateText);

/// `name`'s letters and digits with the letter after each dropped character upper-cased, plus `suffix`; at most 255
/// characters. Not yet unique.
std::string cloudFormationLogicalId(std::string_view name, std::string_view suffix);

} // namespace rd::core
