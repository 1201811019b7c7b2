// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/workspace/Workspace.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::core
{

/// The one place that decides which policies apply to whom: compiles each policy once and resolves managed policy
/// ARNs (the workspace's copy, else the built-in AWS managed one) and users' groups (IAM User Guide, "IAM user
/// groups"). Used by AccountModel; everything else reads the policy sets through the model.
class PolicyResolver
{
public:
    /// The workspace's managed policies by ARN.
    using ManagedCopies = std::unordered_map<std::string, std::shared_ptr<const ManagedPolicy>>;
    /// Compiled managed policies by ARN (null: found nowhere), kept between resolvers of successive revisions.
    using ManagedCache = std::unordered_map<std::string, ResolvedPolicyPtr>;

    PolicyResolver(const AwsManagedPolicies &awsManaged, const ManagedCopies &copies, ManagedCache &cache);

    /// A managed policy's default version by ARN, compiled once; null when neither the workspace nor AWS has it.
    ResolvedPolicyPtr managed(const std::string &arn);
    /// The same without a cache.
    static ResolvedPolicyPtr compileManaged(
        const AwsManagedPolicies &awsManaged, const ManagedCopies &copies, const std::string &arn);

    static ResolvedPolicyPtr inlinePolicy(const InlinePolicy &policy, std::string_view ownerKind,
        std::string_view ownerName, PolicySource::Kind kind, std::uint64_t owner);
    static ResolvedPolicyPtr trustPolicy(const Role &role);
    /// Null when the resource has no policy.
    static ResolvedPolicyPtr resourcePolicy(const Resource &resource);

    /// A group's own policies (inline, then attached) and the ARNs it attaches that are found nowhere, as they join
    /// each member's set; no boundary.
    PrincipalPolicies groupPolicies(const Group &group);
    PrincipalPolicies rolePolicies(const Role &role);
    /// `groups`: the user's groups, in the order of User::groupNames, each as groupPolicies() gives it.
    PrincipalPolicies userPolicies(const User &user, const std::vector<const PrincipalPolicies *> &groups);

private:
    void addAttached(std::vector<ResolvedPolicyPtr> &out, const std::vector<std::string> &arns,
        std::vector<std::string> &unresolved);
    void setBoundary(PrincipalPolicies &set, const std::string &arn);

    const AwsManagedPolicies &m_aws;
    const ManagedCopies &m_copies;
    ManagedCache &m_cache;
};

} // namespace rd::core
