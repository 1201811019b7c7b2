// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rd::core
{

/// Where a policy lives in the workspace, so that an edit can find it without reading labels.
struct PolicySource {
    enum class Kind { RoleTrust, RoleInline, UserInline, GroupInline, CustomerManaged, AwsManaged, ResourcePolicy };
    Kind kind = Kind::RoleTrust;
    /// The role, user, group, managed policy or resource entity id (0 for AWS managed policies).
    std::uint64_t owner = 0;
    /// The inline policy's name; the managed policy's ARN; "" for trust and resource policies.
    std::string name;
    friend bool operator==(const PolicySource &, const PolicySource &) = default;
};

/// One policy of the account, compiled once, with where it lives. `compiled.name()` is its label in explanations
/// (`inline policy P of role R`, a managed policy's ARN, `trust policy of role R`, `resource policy of <ARN>`).
struct ResolvedPolicy {
    CompiledPolicy compiled;
    PolicySource source;
};
using ResolvedPolicyPtr = std::shared_ptr<const ResolvedPolicy>;

/// The policies that decide what one user or role may do, resolved once (IAM User Guide, "Policy evaluation logic"):
/// its identity-based policies (inline, then attached managed ones; for a user, then each of its groups' inline and
/// attached ones, in the order of User::groupNames) and its permissions boundary. A managed policy is found by ARN in
/// the workspace, else among the built-in AWS managed policies.
struct PrincipalPolicies {
    std::vector<ResolvedPolicyPtr> identity;
    /// The permissions boundary; null when there is none or when `boundaryArn` names a policy found nowhere.
    ResolvedPolicyPtr boundary;
    std::string boundaryArn;
    /// Attached policy and boundary ARNs found neither in the workspace nor among the AWS managed policies.
    std::vector<std::string> unresolvedArns;
    // Service control policies and resource control policies of the principal's account join here when the
    // workspace models an organization.
};

} // namespace rd::core
