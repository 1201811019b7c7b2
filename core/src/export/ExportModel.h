// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/Workspace.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// What an export writes: the chosen roles in workspace order, and the customer managed policies of the workspace
/// that they attach or use as permissions boundary, in workspace order (those must be created first).
struct ExportSet {
    const Workspace *workspace = nullptr;
    std::vector<const Role *> roles;
    std::vector<const ManagedPolicy *> customerPolicies;

    /// The customer policy of the set with this ARN, or nullptr (AWS managed policies and policies the workspace
    /// does not hold are referred to by ARN).
    const ManagedPolicy *customerPolicy(std::string_view arn) const;
};

/// The roles with these ids (unknown ids are skipped) and what they use.
ExportSet makeExportSet(const Workspace &workspace, const std::vector<RoleId> &roles);

/// The policy as a JSON value, exactly as the policy writer writes it (element order and scalar-or-array forms kept).
JsonValue policyToJson(const Policy &policy);

/// The default version's document, or an empty policy when the policy has no version.
const Policy &managedPolicyDocument(const ManagedPolicy &policy);

/// JSON value builders for the template writers.
JsonValue jsonString(std::string text);
JsonValue jsonNumber(long long number);
JsonValue jsonObject();
JsonValue jsonArray();
void addMember(JsonValue &object, std::string key, JsonValue value);

/// The file names of the policy JSON export: `<policy>.managed-policy.json` for customer managed policies first,
/// then per role `<role>.trust-policy.json` and `<role>.<inline policy>.json`. Characters IAM names do not allow
/// become `_`; a name already given (compared case-insensitively, as macOS and Windows do) gets `-2`, `-3`...
struct RolePolicyFileNames {
    std::string trustPolicy;
    std::vector<std::string> inlinePolicies;
};
struct PolicyFileNames {
    std::vector<std::string> managedPolicies;
    std::vector<RolePolicyFileNames> roles;
};
PolicyFileNames policyFileNames(
    const std::vector<const Role *> &roles, const std::vector<const ManagedPolicy *> &policies);

/// A name as a file name: IAM name characters kept, anything else `_`, never `.` or `..`.
std::string fileSafeName(std::string_view name);

/// The header comment of every export: which workspace it came from.
std::string exportSourceLine(const Workspace &workspace);

} // namespace rd::core
