// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "analysis/PolicyResolver.h"

namespace rd::core
{

PolicyResolver::PolicyResolver(const AwsManagedPolicies &awsManaged, const ManagedCopies &copies, ManagedCache &cache)
    : m_aws(awsManaged)
    , m_copies(copies)
    , m_cache(cache)
{
}

ResolvedPolicyPtr PolicyResolver::compileManaged(
    const AwsManagedPolicies &awsManaged, const ManagedCopies &copies, const std::string &arn)
{
    auto copy = copies.find(arn);
    if (copy != copies.end()) {
        // A copy of an AWS managed policy is still AWS's: it cannot be edited.
        const bool aws = copy->second->isAwsManaged();
        const PolicyVersion *version = copy->second->defaultVersion();
        if (!version)
            return nullptr;
        return std::make_shared<const ResolvedPolicy>(ResolvedPolicy { CompiledPolicy::compile(version->document, arn),
            { aws ? PolicySource::Kind::AwsManaged : PolicySource::Kind::CustomerManaged,
                aws ? 0 : copy->second->id.value, arn } });
    }
    if (std::optional<ManagedPolicy> aws = awsManaged.policy(arn)) {
        if (const PolicyVersion *version = aws->defaultVersion())
            return std::make_shared<const ResolvedPolicy>(ResolvedPolicy {
                CompiledPolicy::compile(version->document, arn), { PolicySource::Kind::AwsManaged, 0, arn } });
    }
    return nullptr;
}

ResolvedPolicyPtr PolicyResolver::managed(const std::string &arn)
{
    auto cached = m_cache.find(arn);
    if (cached != m_cache.end())
        return cached->second;
    ResolvedPolicyPtr result = compileManaged(m_aws, m_copies, arn);
    m_cache.emplace(arn, result);
    return result;
}

ResolvedPolicyPtr PolicyResolver::inlinePolicy(const InlinePolicy &policy, std::string_view ownerKind,
    std::string_view ownerName, PolicySource::Kind kind, std::uint64_t owner)
{
    std::string label = "inline policy " + policy.name + " of ";
    label.append(ownerKind).append(" ").append(ownerName);
    return std::make_shared<const ResolvedPolicy>(
        ResolvedPolicy { CompiledPolicy::compile(policy.document, std::move(label)), { kind, owner, policy.name } });
}

ResolvedPolicyPtr PolicyResolver::trustPolicy(const Role &role)
{
    return std::make_shared<const ResolvedPolicy>(
        ResolvedPolicy { CompiledPolicy::compile(role.trustPolicy, "trust policy of role " + role.name),
            { PolicySource::Kind::RoleTrust, role.id.value, {} } });
}

ResolvedPolicyPtr PolicyResolver::resourcePolicy(const Resource &resource)
{
    if (!resource.policy)
        return nullptr;
    return std::make_shared<const ResolvedPolicy>(
        ResolvedPolicy { CompiledPolicy::compile(*resource.policy, "resource policy of " + resource.arn),
            { PolicySource::Kind::ResourcePolicy, resource.id.value, {} } });
}

void PolicyResolver::addAttached(
    std::vector<ResolvedPolicyPtr> &out, const std::vector<std::string> &arns, std::vector<std::string> &unresolved)
{
    for (const std::string &arn : arns) {
        if (ResolvedPolicyPtr policy = managed(arn))
            out.push_back(std::move(policy));
        else
            unresolved.push_back(arn);
    }
}

void PolicyResolver::setBoundary(PrincipalPolicies &set, const std::string &arn)
{
    set.boundaryArn = arn;
    if (arn.empty())
        return;
    set.boundary = managed(arn);
    if (!set.boundary)
        set.unresolvedArns.push_back(arn);
}

PrincipalPolicies PolicyResolver::groupPolicies(const Group &group)
{
    PrincipalPolicies set;
    for (const InlinePolicy &policy : group.inlinePolicies)
        set.identity.push_back(
            inlinePolicy(policy, "group", group.name, PolicySource::Kind::GroupInline, group.id.value));
    addAttached(set.identity, group.attachedPolicyArns, set.unresolvedArns);
    return set;
}

PrincipalPolicies PolicyResolver::rolePolicies(const Role &role)
{
    PrincipalPolicies set;
    for (const InlinePolicy &policy : role.inlinePolicies)
        set.identity.push_back(inlinePolicy(policy, "role", role.name, PolicySource::Kind::RoleInline, role.id.value));
    addAttached(set.identity, role.attachedPolicyArns, set.unresolvedArns);
    setBoundary(set, role.permissionsBoundaryArn);
    return set;
}

PrincipalPolicies PolicyResolver::userPolicies(const User &user, const std::vector<const PrincipalPolicies *> &groups)
{
    PrincipalPolicies set;
    for (const InlinePolicy &policy : user.inlinePolicies)
        set.identity.push_back(inlinePolicy(policy, "user", user.name, PolicySource::Kind::UserInline, user.id.value));
    addAttached(set.identity, user.attachedPolicyArns, set.unresolvedArns);
    for (const PrincipalPolicies *group : groups) {
        set.identity.insert(set.identity.end(), group->identity.begin(), group->identity.end());
        set.unresolvedArns.insert(set.unresolvedArns.end(), group->unresolvedArns.begin(), group->unresolvedArns.end());
    }
    setBoundary(set, user.permissionsBoundaryArn);
    return set;
}

} // namespace rd::core
