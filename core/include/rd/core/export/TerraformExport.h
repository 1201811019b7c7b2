// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// A Terraform configuration for the AWS provider (Terraform Registry, hashicorp/aws resources aws_iam_role,
/// aws_iam_role_policy, aws_iam_policy, aws_iam_role_policy_attachment, aws_iam_instance_profile): a
/// `required_providers` block, an `aws_iam_policy` per customer managed policy of the workspace that the roles attach
/// or use as boundary, then per role its `aws_iam_role`, an `aws_iam_role_policy` per inline policy, an
/// `aws_iam_role_policy_attachment` per attached policy and an `aws_iam_instance_profile` per instance profile.
/// Policy documents are `jsonencode({...})` of HCL objects with quoted keys; customer policies are referred to by
/// `aws_iam_policy.<name>.arn`. Roles in workspace order; unknown ids are skipped.
std::string terraformConfiguration(const Workspace &workspace, const std::vector<RoleId> &roles);

/// `text` as an HCL quoted string (HCL native syntax specification, "Template Expressions"): quotes, backslashes
/// and control characters escaped, `${` written `$${` and `%{` written `%%{` so that nothing is interpolated.
std::string hclQuote(std::string_view text);

/// A resource name Terraform accepts (an HCL identifier, `[A-Za-z_][A-Za-z0-9_-]*`): other characters become `_`, and
/// `_` is put in front of a name that does not start with a letter or `_`. Not yet unique.
std::string terraformName(std::string_view name);

} // namespace rd::core
