// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace rd::ui
{

/// Who a trust policy statement lets assume the role, as the "Add trusted entity" chooser offers it.
enum class TrustedEntityKind {
    /// `"Service": "lambda.amazonaws.com"`
    Service,
    /// `"AWS": "arn:aws:iam::123456789012:root"`
    Account,
    /// `"AWS": "arn:aws:iam::123456789012:role/Name"`
    RoleOrUser,
    /// `"Federated": "arn:aws:iam::123456789012:saml-provider/Name"`
    Saml,
    /// `"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"`
    Oidc,
    /// `"Federated": "accounts.google.com"` and the other built-in web identity providers.
    WebIdentity,
};

inline constexpr int kTrustedEntityKindCount = 6;

QString trustedEntityKindName(TrustedEntityKind kind);
/// The principal type the kind writes: Service, AWS or Federated.
std::string principalTypeOf(TrustedEntityKind kind);
/// The action a new statement of this kind allows. IAM User Guide, "Create a role to delegate permissions to an AWS
/// service" and "Create a role to give permissions to an IAM user" (sts:AssumeRole), "Create a role for SAML 2.0
/// federation" (sts:AssumeRoleWithSAML), "Create a role for OpenID Connect federation" (sts:AssumeRoleWithWebIdentity);
/// AWS STS API Reference, AssumeRoleWithSAML and AssumeRoleWithWebIdentity.
std::string defaultActionOf(TrustedEntityKind kind);
/// The kind of an existing principal value; nothing for types the trust form does not know (CanonicalUser...).
/// An AWS value is Account when it names a whole account (`123456789012`, `arn:...:root`), else RoleOrUser.
std::optional<TrustedEntityKind> classifyPrincipal(std::string_view type, std::string_view value);
/// The account of an AWS principal value (`123456789012` or the fifth field of an ARN), "" when it has none (`*`).
std::string accountOfPrincipal(std::string_view value);
/// The provider host of an OIDC provider ARN (`token.actions.githubusercontent.com`, `oidc.eks.../id/ABC`), "" for
/// other values. Condition keys of the provider are `<host>:aud`, `<host>:sub`...
std::string oidcHostOf(std::string_view value);

} // namespace rd::ui
