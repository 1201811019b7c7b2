// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/RequestContext.h"
#include "rd/core/evaluation/RequestPrincipal.h"

#include <string>
#include <string_view>

namespace rd::core
{

/// A request as the caller states it.
struct Request {
    /// See RequestPrincipal: an IAM or STS ARN, a service principal, an identity provider, or `anonymous`.
    std::string principal;
    /// `service:Action`.
    std::string action;
    /// An ARN, or `*` for actions without resource-level permissions.
    std::string resource;
    /// The 12-digit account that owns the resource; empty means the requester's account.
    std::string resourceAccount;
    RequestContext context;
};

/// A request read once for many evaluations: principal parsed, action lower-cased, the rules that depend on the
/// action worked out. Neither copied nor moved: evaluations keep references into it.
class PreparedRequest
{
public:
    /// Check `ok()`: an unreadable principal leaves the request unusable.
    explicit PreparedRequest(Request request);
    PreparedRequest(const PreparedRequest &) = delete;
    PreparedRequest &operator=(const PreparedRequest &) = delete;

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }

    const Request &request() const { return m_request; }
    const RequestPrincipal &principal() const { return m_principal; }
    /// The principal in lower case, for service and provider names.
    const std::string &principalLower() const { return m_principalLower; }
    const std::string &action() const { return m_action; }
    const std::string &resource() const { return m_request.resource; }
    const RequestContext &context() const { return m_request.context; }

    /// The account that owns the resource (the requester's when none was given).
    const std::string &resourceAccount() const { return m_resourceAccount; }
    /// The principal belongs to an account other than the resource's (IAM User Guide, "Cross-account policy
    /// evaluation logic").
    bool isCrossAccount() const { return m_crossAccount; }
    /// `sts:AssumeRole`, `sts:AssumeRoleWithSAML` or `sts:AssumeRoleWithWebIdentity`.
    bool isAssumeRole() const { return m_assumeRole; }
    /// The resource policy must allow the request whatever the identity policies say: the role's trust policy for
    /// the actions it governs (IAM User Guide, "Granting a user permissions to switch roles"), a KMS key's key policy
    /// (AWS KMS Developer Guide, "Key policies": "no principal...has any permissions to a KMS key unless...the key
    /// policy" allows it).
    bool requiresResourcePolicy() const { return m_requiresResourcePolicy; }
    /// An action that a role's trust policy governs (sts:AssumeRole*, sts:TagSession, sts:SetSourceIdentity,
    /// sts:SetContext).
    bool isTrustPolicyAction() const { return m_trustPolicyAction; }
    /// sts:SetSourceIdentity: "in both the permissions policy of the principal who is assuming the role and in the
    /// role trust policy" (IAM User Guide, "Monitor and control actions taken with assumed roles").
    bool requiresIdentityAndResourcePolicy() const { return m_requiresBoth; }
    /// sts:GetCallerIdentity: "No permissions are required to perform this operation. If an administrator attaches a
    /// policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still
    /// perform this operation" (AWS STS API Reference, "GetCallerIdentity").
    bool isCallerIdentity() const { return m_callerIdentity; }
    /// An action that would change an AWS managed policy (`arn:aws:iam::aws:policy/...`): creating, versioning,
    /// deleting or tagging it. "You cannot change the permissions defined in AWS managed policies" (IAM User Guide,
    /// "Managed policies and inline policies"); "AWS managed policies cannot be edited" ("Edit IAM policies"); tags
    /// go on customer managed policies only (IAM API Reference, "TagPolicy", "UntagPolicy").
    bool changesAwsManagedPolicy() const { return m_changesAwsManagedPolicy; }

private:
    Request m_request;
    RequestPrincipal m_principal;
    std::string m_principalLower;
    std::string m_action;
    std::string m_resourceAccount;
    bool m_crossAccount = false;
    bool m_assumeRole = false;
    bool m_requiresResourcePolicy = false;
    bool m_trustPolicyAction = false;
    bool m_requiresBoth = false;
    bool m_callerIdentity = false;
    bool m_changesAwsManagedPolicy = false;
    std::string m_error;
};

} // namespace rd::core
