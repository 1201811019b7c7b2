// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/TrustHardening.h"

#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/ConditionBlockEdit.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <array>
#include <string_view>

namespace rd::core
{

namespace
{

constexpr std::string_view kGitHubHost = "token.actions.githubusercontent.com";
constexpr std::string_view kGitHubSubject = "repo:OWNER/REPO:*";
constexpr std::string_view kEksSubject = "system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT";
constexpr std::string_view kSamlAudience = "https://signin.aws.amazon.com/saml";

/// The account of an AWS principal value (`123456789012` or the account field of an ARN), "" when it has none.
std::string accountOfPrincipal(std::string_view value)
{
    if (isAccountId(value))
        return std::string(value);
    std::array<std::string_view, 6> fields;
    if (splitArn(value, fields) && fields[0] == "arn" && isAccountId(fields[4]))
        return std::string(fields[4]);
    return {};
}

/// The host of an OIDC provider ARN (`token.actions.githubusercontent.com`, `oidc.eks.../id/ABC`), "" otherwise.
std::string oidcHostOf(std::string_view value)
{
    std::array<std::string_view, 6> fields;
    constexpr std::string_view prefix = "oidc-provider/";
    if (!splitArn(value, fields) || fields[0] != "arn" || !fields[5].starts_with(prefix))
        return {};
    return std::string(fields[5].substr(prefix.size()));
}

bool isSamlProvider(std::string_view value)
{
    std::array<std::string_view, 6> fields;
    return splitArn(value, fields) && fields[0] == "arn" && fields[5].starts_with("saml-provider/");
}

bool hasPrincipalType(const Statement &s, std::string_view type, bool (*accept)(std::string_view))
{
    for (const PrincipalEntry &entry : s.principal->entries) {
        if (entry.type.value != type)
            continue;
        for (const PolicyString &value : entry.values.values) {
            if (accept(value.value))
                return true;
        }
    }
    return false;
}

/// The OIDC provider hosts of the statement's Federated principals, in order.
std::vector<std::string> oidcHosts(const Statement &s)
{
    std::vector<std::string> hosts;
    for (const PrincipalEntry &entry : s.principal->entries) {
        if (entry.type.value != "Federated")
            continue;
        for (const PolicyString &value : entry.values.values) {
            std::string host = oidcHostOf(value.value);
            if (!host.empty())
                hosts.push_back(std::move(host));
        }
    }
    return hosts;
}

/// The hosts whose tokens name an audience: OIDC providers, plus the web identity providers Amazon Cognito (the
/// identity pool ID; IAM User Guide, "Available keys for AWS web identity federation") and Google (the client ID).
std::vector<std::string> audienceHosts(const Statement &s)
{
    std::vector<std::string> hosts = oidcHosts(s);
    for (const PrincipalEntry &entry : s.principal->entries) {
        if (entry.type.value != "Federated")
            continue;
        for (const PolicyString &value : entry.values.values) {
            if (value.value == "cognito-identity.amazonaws.com" || value.value == "accounts.google.com")
                hosts.push_back(value.value);
        }
    }
    return hosts;
}

bool isEksHost(std::string_view host)
{
    return host.starts_with("oidc.eks.");
}

} // namespace

bool hasThirdPartyAccount(const Statement &statement, const std::string &roleAccount)
{
    if (!statement.principal || statement.principal->isString)
        return false;
    for (const PrincipalEntry &entry : statement.principal->entries) {
        if (entry.type.value != "AWS")
            continue;
        for (const PolicyString &value : entry.values.values) {
            const std::string account = accountOfPrincipal(value.value);
            if (!account.empty() && account != roleAccount)
                return true;
        }
    }
    return false;
}

bool hardeningApplies(const Statement &s, TrustHardening h, const std::string &roleAccount)
{
    // Hardening narrows who may assume the role: it is for Allow statements with a principal map.
    if (s.effectValue() != Effect::Allow || !s.principal || s.principal->isString)
        return false;
    switch (h) {
    case TrustHardening::ExternalId:
        // IAM User Guide, "Access to AWS accounts owned by third parties".
        return hasThirdPartyAccount(s, roleAccount) && !hasConditionKey(s, "sts:ExternalId");
    case TrustHardening::SourceAccount:
        // IAM User Guide, "The confused deputy problem": aws:SourceArn or aws:SourceAccount (or the organization
        // keys aws:SourceOrgID, aws:SourceOrgPaths) in service trust policies.
        return hasPrincipalType(s, "Service", [](std::string_view) { return true; }) && isAccountId(roleAccount)
            && !hasConditionKey(s, "aws:SourceAccount") && !hasConditionKey(s, "aws:SourceArn")
            && !hasConditionKey(s, "aws:SourceOrgID") && !hasConditionKey(s, "aws:SourceOrgPaths");
    case TrustHardening::OidcAudience:
        // IAM User Guide, "Create a role for OpenID Connect federation": the aud key names the client ID.
        for (const std::string &host : audienceHosts(s)) {
            if (!hasConditionKey(s, host + ":aud"))
                return true;
        }
        return false;
    case TrustHardening::OidcSubject:
        // IAM User Guide, "Configuring a role for GitHub OIDC identity provider": without sub any identity of the
        // provider (any repository) may assume the role.
        for (const std::string &host : oidcHosts(s)) {
            if (!hasConditionKey(s, host + ":sub"))
                return true;
        }
        return false;
    case TrustHardening::SamlAudience:
        // IAM User Guide, "Create a role for SAML 2.0 federation": SAML:aud is the sign-in endpoint.
        return hasPrincipalType(s, "Federated", isSamlProvider) && !hasConditionKey(s, "SAML:aud");
    }
    return false;
}

std::vector<TrustHardening> applicableHardening(const Statement &s, const std::string &roleAccount)
{
    std::vector<TrustHardening> out;
    for (TrustHardening h : kAllTrustHardening) {
        if (hardeningApplies(s, h, roleAccount))
            out.push_back(h);
    }
    return out;
}

void applyHardening(Statement &s, TrustHardening h, const std::string &roleAccount, const std::string &externalId)
{
    if (!hardeningApplies(s, h, roleAccount))
        return;
    ConditionBlock block = s.condition.value_or(ConditionBlock {});
    switch (h) {
    case TrustHardening::ExternalId:
        addConditionEntry(block, "StringEquals", "sts:ExternalId", { externalId });
        break;
    case TrustHardening::SourceAccount:
        addConditionEntry(block, "StringEquals", "aws:SourceAccount", { roleAccount });
        break;
    case TrustHardening::OidcAudience:
        for (const std::string &host : audienceHosts(s)) {
            if (hasConditionKey(s, host + ":aud"))
                continue;
            // GitHub Actions and Amazon EKS tokens carry the audience sts.amazonaws.com (IAM User Guide,
            // "Configuring a role for GitHub OIDC identity provider"; Amazon EKS User Guide, "IAM roles for service
            // accounts"); other providers use their client ID, left for the user to type.
            const bool sts = host == kGitHubHost || isEksHost(host);
            addConditionEntry(block, "StringEquals", host + ":aud", { sts ? "sts.amazonaws.com" : "" });
            break;
        }
        break;
    case TrustHardening::OidcSubject:
        for (const std::string &host : oidcHosts(s)) {
            if (hasConditionKey(s, host + ":sub"))
                continue;
            std::string subject;
            if (host == kGitHubHost)
                subject = kGitHubSubject;
            else if (isEksHost(host))
                subject = kEksSubject;
            addConditionEntry(block, "StringLike", host + ":sub", { subject });
            break;
        }
        break;
    case TrustHardening::SamlAudience:
        addConditionEntry(block, "StringEquals", "SAML:aud", { std::string(kSamlAudience) });
        break;
    }
    s.condition = std::move(block);
}

bool isHardeningPlaceholder(const std::string &value)
{
    return value.empty() || value == kGitHubSubject || value == kEksSubject;
}

} // namespace rd::core
