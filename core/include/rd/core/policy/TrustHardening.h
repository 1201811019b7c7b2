// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <string>
#include <vector>

namespace rd::core
{

/// The conditions that narrow who may assume a role through one trust policy statement. One implementation for the
/// trust policy form's suggestion buttons and the graph editor's new trust statements.
enum class TrustHardening {
    /// `StringEquals sts:ExternalId`: IAM User Guide, "Access to AWS accounts owned by third parties".
    ExternalId,
    /// `StringEquals aws:SourceAccount` with the role's account: IAM User Guide, "The confused deputy problem".
    SourceAccount,
    /// `StringEquals <provider>:aud`: IAM User Guide, "Create a role for OpenID Connect federation".
    OidcAudience,
    /// `StringLike <provider>:sub`: IAM User Guide, "Configuring a role for GitHub OIDC identity provider".
    OidcSubject,
    /// `StringEquals SAML:aud`: IAM User Guide, "Create a role for SAML 2.0 federation".
    SamlAudience,
};

inline constexpr TrustHardening kAllTrustHardening[] = { TrustHardening::ExternalId, TrustHardening::SourceAccount,
    TrustHardening::OidcAudience, TrustHardening::OidcSubject, TrustHardening::SamlAudience };

/// IAM User Guide, "Access to AWS accounts owned by third parties": whether the statement's Principal has an AWS
/// principal of another account than `roleAccount` (of any account when `roleAccount` is empty).
bool hasThirdPartyAccount(const Statement &statement, const std::string &roleAccount);

/// Whether the hardening is missing from an Allow statement with a principal map that it suits. `roleAccount` is the
/// role's own account ("" when unknown).
bool hardeningApplies(const Statement &s, TrustHardening h, const std::string &roleAccount);

/// The hardenings that apply, in the enum's order.
std::vector<TrustHardening> applicableHardening(const Statement &s, const std::string &roleAccount);

/// Adds the hardening's condition to the statement when it applies (nothing otherwise). `externalId`: the value for
/// sts:ExternalId (the UI passes a fresh UUID; tests a fixed one). OIDC audience and subject are added for the first
/// provider that lacks them; values the provider does not imply are left for the user to fill in (see
/// hardeningPlaceholder()).
void applyHardening(Statement &s, TrustHardening h, const std::string &roleAccount, const std::string &externalId);

/// Whether a condition value applyHardening() writes is a placeholder the user must replace: the empty value of an
/// audience or subject the provider does not imply, `repo:OWNER/REPO:*`, `system:serviceaccount:NAMESPACE:...`.
bool isHardeningPlaceholder(const std::string &value);

} // namespace rd::core
