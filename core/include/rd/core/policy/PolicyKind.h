// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace rd::core
{

struct Policy;

/// What a policy is attached to, which decides its grammar (Access Analyzer's ValidatePolicy policyType, with trust
/// policies apart from other resource policies as the IAM User Guide treats them).
enum class PolicyKind { Identity, Trust, Resource, ServiceControl, ResourceControl };

/// `identity`, `trust`, `resource`, `scp` or `rcp`.
std::string_view policyKindName(PolicyKind kind);
std::optional<PolicyKind> policyKindFromName(std::string_view name);

/// A guess for a policy given without its kind: a statement with Principal or NotPrincipal makes it a resource
/// policy, a trust policy when every action is an `sts:AssumeRole*`, `sts:TagSession` or `sts:SetSourceIdentity`
/// action; otherwise an identity policy.
PolicyKind guessPolicyKind(const Policy &policy);

} // namespace rd::core
