// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rd::core
{

/// The three AWS STS operations that return role credentials (AWS STS API Reference).
enum class StsApi { AssumeRole, AssumeRoleWithSaml, AssumeRoleWithWebIdentity };

/// `AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`.
std::string_view stsApiName(StsApi api);
/// The IAM action the operation is authorized as: `sts:AssumeRole`, `sts:AssumeRoleWithSAML`,
/// `sts:AssumeRoleWithWebIdentity`.
std::string_view stsApiAction(StsApi api);
/// `assume-role`, `saml`, `web-identity` (the CLI's `--api` values) or the operation names, case-insensitively.
std::optional<StsApi> stsApiFromName(std::string_view name);

/// What one AssumeRole call of a chain passes, where it differs from the request-wide values: every call of a real
/// chain passes its own Tags and TransitiveTagKeys, Policy and PolicyArns, RoleSessionName, DurationSeconds and
/// ExternalId (AWS STS API Reference, AssumeRole, "Request Parameters"). A field that is set wins over the request-wide
/// one for this hop, even when it is empty (an empty list passes nothing); a field left unset takes the request-wide
/// value as AssumeRoleRequest describes.
struct AssumeRoleHopParameters {
    std::optional<std::vector<Tag>> sessionTags;
    std::optional<std::vector<std::string>> transitiveTagKeys;
    /// The inline session policy's text: it limits this hop's session only, so on an early hop it decides whether that
    /// session may call sts:AssumeRole for the next (IAM User Guide, "Session policies").
    std::optional<std::string> sessionPolicy;
    std::optional<std::vector<std::string>> sessionPolicyArns;
    std::optional<std::string> roleSessionName;
    std::optional<long long> durationSeconds;
    std::optional<std::string> externalId;
};

/// One simulated call, or a chain of calls: the caller assumes `roleArns[0]`, whose session assumes `roleArns[1]`, and
/// so on (IAM User Guide, "Role chaining"). The request-wide parameters go with every hop, except that session tags
/// and transitive tag keys are passed on the first hop only (later hops inherit the transitive ones) and the session
/// policies on the last hop only (the session whose permissions are asked about). `hops` overrides any of them per hop.
struct AssumeRoleRequest {
    /// The caller: an IAM user ARN, a role session `arn:aws:sts::A:assumed-role/R/S`, a role ARN (treated as one of
    /// its sessions), a service principal (`lambda.amazonaws.com`), a SAML or OIDC provider ARN, a web identity
    /// provider (`accounts.google.com`), or `arn:aws:iam::A:root` of an account the workspace does not model (standing
    /// for some IAM principal of that account).
    std::string principal;
    /// Inferred from the principal when absent: SAML providers use AssumeRoleWithSAML, OIDC and web identity providers
    /// AssumeRoleWithWebIdentity, every other caller AssumeRole.
    std::optional<StsApi> api;
    /// At least one; workspace roles.
    std::vector<std::string> roleArns;
    /// Absent: STS's default, 3,600 seconds.
    std::optional<long long> durationSeconds;
    /// Empty: a default name is used and the result says so (SAML takes it from the assertion).
    std::string roleSessionName;
    std::optional<std::string> externalId;
    std::optional<std::string> sourceIdentity;
    std::vector<Tag> sessionTags;
    std::vector<std::string> transitiveTagKeys;
    /// The inline session policy's text (the `Policy` parameter).
    std::optional<std::string> sessionPolicy;
    /// The `PolicyArns` parameter: managed policies used as session policies.
    std::vector<std::string> sessionPolicyArns;
    /// Per-hop parameters: `hops[i]` goes with `roleArns[i]`; may be shorter than `roleArns` (the missing hops take
    /// the request-wide values), never longer (the request cannot be simulated then).
    std::vector<AssumeRoleHopParameters> hops;

    /// The caller authenticated with MFA (aws:MultiFactorAuthPresent), this many seconds ago (aws:MultiFactorAuthAge).
    bool mfaPresent = false;
    std::optional<long long> mfaAgeSeconds;
    /// aws:SourceIp, when given.
    std::string sourceIp;
    /// Seconds since 1970-01-01T00:00:00Z; absent means now. Give it for reproducible output.
    std::optional<long long> currentTime;
    /// aws:PrincipalOrgID, when given.
    std::string organizationId;
    /// Extra aws:PrincipalTag values of the caller (added to, and overriding, the workspace's tags of the user or
    /// role).
    std::vector<Tag> principalTags;
    /// Further condition keys, applied last: they override the derived ones (`saml:aud`, `aws:SourceAccount`...).
    std::vector<std::pair<std::string, std::string>> context;
};

} // namespace rd::core
