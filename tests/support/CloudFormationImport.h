// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd::core
{

struct CloudFormationImportOptions {
    /// The account the template is deployed to: it makes the ARNs of the roles and customer managed policies
    /// (`Ref` of an AWS::IAM::ManagedPolicy gives its ARN in that account). Empty leaves role ARNs empty and gives
    /// customer policies `arn:aws:iam::000000000000:policy/...`.
    std::string accountId;
};

struct CloudFormationImportResult {
    /// Absent only when the text is not a JSON template with a Resources object.
    std::optional<Workspace> workspace;
    /// CFN_FORMAT_ERROR (errors: the property or resource is skipped) and CFN_UNSUPPORTED (warnings: resource types
    /// other than IAM roles, managed policies and instance profiles, intrinsic functions other than `Ref`), each
    /// naming the logical id.
    Diagnostics diagnostics;
};

/// Reads a CloudFormation template in JSON (AWS CloudFormation User Guide, "Template anatomy"; resource types
/// AWS::IAM::Role, AWS::IAM::ManagedPolicy, AWS::IAM::InstanceProfile) back into a workspace: roles with their trust
/// policy, inline policies, attached policies, boundary, path, description, MaxSessionDuration and tags; customer
/// managed policies (one default version, `v1`); instance profiles on the roles they name. `Ref` to a managed policy
/// of the template becomes that policy's ARN. Roles and policies keep the template's order. Never throws.
CloudFormationImportResult importCloudFormationJson(
    std::string_view text, const CloudFormationImportOptions &options = {});

} // namespace rd::core
