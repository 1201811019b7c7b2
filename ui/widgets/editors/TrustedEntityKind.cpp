// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/TrustedEntityKind.h"

#include <QCoreApplication>

#include <algorithm>
#include <cctype>
#include <vector>

namespace rd::ui
{

namespace
{

bool isAccountId(std::string_view text)
{
    return text.size() == 12
        && std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// The fields of an ARN, split at the first five colons (the sixth field keeps its colons).
std::vector<std::string_view> arnFields(std::string_view arn)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const std::size_t colon = arn.find(':', start);
        if (colon == std::string_view::npos)
            return {};
        fields.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    fields.push_back(arn.substr(start));
    if (fields[0] != "arn")
        return {};
    return fields;
}

} // namespace

QString trustedEntityKindName(TrustedEntityKind kind)
{
    switch (kind) {
    case TrustedEntityKind::Service:
        return QCoreApplication::translate("TrustPolicyForm", "AWS service");
    case TrustedEntityKind::Account:
        return QCoreApplication::translate("TrustPolicyForm", "AWS account");
    case TrustedEntityKind::RoleOrUser:
        return QCoreApplication::translate("TrustPolicyForm", "Role or user");
    case TrustedEntityKind::Saml:
        return QCoreApplication::translate("TrustPolicyForm", "SAML provider");
    case TrustedEntityKind::Oidc:
        return QCoreApplication::translate("TrustPolicyForm", "OIDC provider");
    case TrustedEntityKind::WebIdentity:
        return QCoreApplication::translate("TrustPolicyForm", "Web identity");
    }
    return {};
}

std::string principalTypeOf(TrustedEntityKind kind)
{
    switch (kind) {
    case TrustedEntityKind::Service:
        return "Service";
    case TrustedEntityKind::Account:
    case TrustedEntityKind::RoleOrUser:
        return "AWS";
    case TrustedEntityKind::Saml:
    case TrustedEntityKind::Oidc:
    case TrustedEntityKind::WebIdentity:
        return "Federated";
    }
    return "AWS";
}

std::string defaultActionOf(TrustedEntityKind kind)
{
    switch (kind) {
    case TrustedEntityKind::Service:
    case TrustedEntityKind::Account:
    case TrustedEntityKind::RoleOrUser:
        return "sts:AssumeRole";
    case TrustedEntityKind::Saml:
        return "sts:AssumeRoleWithSAML";
    case TrustedEntityKind::Oidc:
    case TrustedEntityKind::WebIdentity:
        return "sts:AssumeRoleWithWebIdentity";
    }
    return "sts:AssumeRole";
}

std::optional<TrustedEntityKind> classifyPrincipal(std::string_view type, std::string_view value)
{
    if (type == "Service")
        return TrustedEntityKind::Service;
    if (type == "AWS") {
        if (isAccountId(value))
            return TrustedEntityKind::Account;
        const std::vector<std::string_view> fields = arnFields(value);
        if (!fields.empty() && fields[5] == "root")
            return TrustedEntityKind::Account;
        return TrustedEntityKind::RoleOrUser;
    }
    if (type == "Federated") {
        const std::vector<std::string_view> fields = arnFields(value);
        if (!fields.empty() && fields[5].starts_with("saml-provider/"))
            return TrustedEntityKind::Saml;
        if (!fields.empty() && fields[5].starts_with("oidc-provider/"))
            return TrustedEntityKind::Oidc;
        return TrustedEntityKind::WebIdentity;
    }
    return std::nullopt;
}

std::string accountOfPrincipal(std::string_view value)
{
    if (isAccountId(value))
        return std::string(value);
    const std::vector<std::string_view> fields = arnFields(value);
    if (!fields.empty() && isAccountId(fields[4]))
        return std::string(fields[4]);
    return {};
}

std::string oidcHostOf(std::string_view value)
{
    const std::vector<std::string_view> fields = arnFields(value);
    constexpr std::string_view prefix = "oidc-provider/";
    if (fields.empty() || !fields[5].starts_with(prefix))
        return {};
    return std::string(fields[5].substr(prefix.size()));
}

} // namespace rd::ui
