// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/PreparedRequest.h"

#include "base/TextUtil.h"
#include "rd/core/base/Wildcard.h"

#include <array>

namespace rd::core
{

namespace
{

// The actions a role's trust policy governs (IAM User Guide, "Role trust policies" and "Passing session tags in
// AWS STS": sts:TagSession, sts:SetSourceIdentity and sts:SetContext are checked against the trust policy too).
constexpr std::array<std::string_view, 6> kTrustPolicyActions { "sts:assumerole", "sts:assumerolewithsaml",
    "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext" };

// The IAM actions that create, change, delete or tag a managed policy (IAM API Reference): none of them can succeed
// on an AWS managed policy.
constexpr std::array<std::string_view, 7> kPolicyChangeActions { "iam:createpolicy", "iam:createpolicyversion",
    "iam:deletepolicy", "iam:deletepolicyversion", "iam:setdefaultpolicyversion", "iam:tagpolicy", "iam:untagpolicy" };

} // namespace

PreparedRequest::PreparedRequest(Request request)
    : m_request(std::move(request))
{
    RequestPrincipal::parse(m_request.principal, m_principal, m_error);
    auto tooLong = [](std::string_view value) { return value.size() > kMaxMatchedValueBytes; };
    if (tooLong(m_request.principal) || tooLong(m_request.action) || tooLong(m_request.resource))
        m_error =
            "the principal, action or resource is longer than " + std::to_string(kMaxMatchedValueBytes) + " bytes";
    for (const RequestContext::Entry &entry : m_request.context.entries()) {
        for (const std::string &value : entry.values) {
            if (tooLong(value))
                m_error = "the value of `" + entry.name + "` is longer than " + std::to_string(kMaxMatchedValueBytes)
                    + " bytes";
        }
    }
    m_principalLower = toLower(m_request.principal);
    m_action = toLower(m_request.action);
    if (m_action.find(':') == std::string::npos && m_error.empty())
        m_error = "`" + m_request.action + "` is not an action of the form service:Action";
    std::array<std::string_view, 6> fields;
    const bool resourceIsArn = splitArn(m_request.resource, fields);
    m_resourceAccount = m_request.resourceAccount.empty() ? m_principal.account : m_request.resourceAccount;
    m_crossAccount = !m_principal.account.empty() && m_principal.account != m_resourceAccount;
    m_assumeRole = m_action.rfind("sts:assumerole", 0) == 0;
    bool trustAction = false;
    for (std::string_view action : kTrustPolicyActions)
        trustAction = trustAction || m_action == action;
    const bool kmsKey =
        m_action.rfind("kms:", 0) == 0 && resourceIsArn && fields[2] == "kms" && fields[5].rfind("key/", 0) == 0;
    m_trustPolicyAction = trustAction;
    m_requiresResourcePolicy = trustAction || kmsKey;
    m_requiresBoth = m_action == "sts:setsourceidentity" && m_principal.hasIdentityPolicies();
    m_callerIdentity = m_action == "sts:getcalleridentity";
    const bool awsManagedPolicy =
        resourceIsArn && fields[2] == "iam" && fields[4] == "aws" && fields[5].rfind("policy/", 0) == 0;
    for (std::string_view action : kPolicyChangeActions)
        m_changesAwsManagedPolicy = m_changesAwsManagedPolicy || (awsManagedPolicy && m_action == action);
}

} // namespace rd::core
