// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/sts/AssumeRoleRequest.h"
#include "rd/core/workspace/Workspace.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

/// Why a hop failed, as STS would answer, and where the simulator found the cause.
struct StsFailure {
    /// The STS error code: `AccessDenied`, `ValidationError`, `PackedPolicyTooLarge`, `InvalidParameterValue`,
    /// `RegionDisabledException`...
    std::string code;
    /// The message, worded as STS words it where its wording is known.
    std::string message;
    /// The policy that decided (its label: `trust policy of role R`, `inline policy P of user U`...), or empty for a
    /// parameter rule.
    std::string policy;
    /// The deciding (or nearly matching) statement of `policy`, when there is one.
    std::optional<std::size_t> statement;
    std::string sid;
    SourceRange range;
    /// The parameter a parameter rule refused (`DurationSeconds`, `RoleSessionName`...).
    std::string parameter;
    /// The rule that failed and its source (`DurationSeconds at most the role's MaxSessionDuration (AWS STS API
    /// Reference, AssumeRole, Request Parameters)`).
    std::string rule;
};

/// One rule checked for a hop, in the order the simulator checks them.
struct StsCheck {
    /// A short sentence naming the rule.
    std::string rule;
    /// The AWS document page that states it.
    std::string source;
    bool passed = true;
    /// What was compared, or why the rule did not apply.
    std::string detail;
};

/// Credentials shaped like STS's, derived from a hash of the inputs so that the same inputs give the same values.
/// They are not credentials: no AWS service will accept them.
struct SimulatedCredentials {
    /// `ASIA` and 16 upper-case letters and digits.
    std::string accessKeyId;
    /// 40 characters.
    std::string secretAccessKey;
    std::string sessionToken;
    /// ISO 8601 in UTC, `2026-01-01T01:00:00Z`.
    std::string expiration;
    bool simulated = true;
    std::string note;
};

/// One AssumeRole* call of a chain.
struct AssumeRoleHop {
    /// The role ARN as given.
    std::string roleArn;
    /// Who called: the request's principal for the first hop, the previous hop's session after it.
    std::string caller;
    StsApi api = StsApi::AssumeRole;
    std::string sessionName;
    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` (no role path, as STS writes it).
    std::string assumedRoleArn;
    /// `AROA...:SESSION` (the role's unique id, or its name when the workspace does not know the id).
    std::string assumedRoleId;
    long long durationSeconds = 0;
    long long issuedEpoch = 0;
    std::string issued;
    std::string expiration;
    /// Only when the hop succeeded.
    std::optional<SimulatedCredentials> credentials;
    /// PackedPolicySize, in percent of the allotted space (an approximation: see StsParameterRules.h).
    int packedPolicySize = 0;
    /// This hop is role chaining: the caller was a role session (IAM User Guide, "Role chaining").
    bool chained = false;
    /// The session's tags: passed on this hop, or inherited transitive tags.
    std::vector<Tag> sessionTags;
    /// Its transitive keys: inherited ones stay transitive, then this hop's TransitiveTagKeys.
    std::vector<std::string> transitiveTagKeys;
    /// The keys of `sessionTags` inherited from the caller's session as transitive tags (IAM User Guide, "Passing
    /// session tags in AWS STS", "Chaining roles with session tags").
    std::vector<std::string> inheritedTagKeys;
    /// The session policies passed on this hop, which limit this hop's session only: the inline one's label (`inline
    /// session policy`, `inline session policy of hop N` in a chain), then the PolicyArns as given.
    std::vector<std::string> sessionPolicies;
    std::string sourceIdentity;
    std::vector<StsCheck> checks;
    std::optional<StsFailure> failure;
    /// The statements that allowed the sts:AssumeRole* request, or that denied it.
    std::vector<StatementRef> deciding;
    /// The evaluation engine's reason for the sts:AssumeRole* request.
    std::string reason;
    std::vector<NearMiss> nearMisses;
};

/// A Condition that decides whether the session may act on an EffectiveResource: the statement that has it.
struct EffectiveCondition {
    /// Which policy layer holds it: `Identity` (the role's identity-based policies), `PermissionsBoundary` or
    /// `Session`.
    PolicyType type = PolicyType::Identity;
    /// The policy's label, as explanations name it (`inline policy P of role R`, `inline session policy`...).
    std::string policy;
    std::size_t statement = 0;
    std::string sid;
    /// Allow: the permission holds only when the condition does. Deny: it is lost when the condition holds.
    Effect effect = Effect::Allow;
    /// The condition keys the statement tests, as written.
    std::vector<std::string> keys;
};

/// Resources the session may act on for one action: a Resource pattern of the role's identity-based policies narrowed
/// by the permissions boundary's and the session policies' patterns for the action, less what Deny statements take
/// out.
struct EffectiveResource {
    /// The narrowest of the intersected patterns, as written in its policy (`*` for all).
    std::string pattern;
    /// Patterns the resource must match as well, where two overlapping patterns lie neither within the other (their
    /// intersection is no single pattern): `arn:aws:s3:::a*` with `arn:aws:s3:::*b`.
    std::vector<std::string> alsoMatching;
    /// Patterns taken out: an Allow statement's NotResource, the Resource of an unconditional Deny that covers part of
    /// the pattern.
    std::vector<std::string> except;
    /// The conditions that decide, in the order found; empty when none does.
    std::vector<EffectiveCondition> conditions;

    bool conditional() const { return !conditions.empty(); }
};

/// An action the session may perform on some resources.
struct EffectiveAction {
    /// `s3:PutObject`, as the catalog spells it.
    std::string action;
    AccessLevel accessLevel = AccessLevel::Read;
    /// Where the session may perform it; never empty.
    std::vector<EffectiveResource> resources;
    /// Every resource of it is conditional.
    bool conditional = false;
};

/// `arn:aws:s3:::a/x/*`, with ` and arn:...` for each pattern it must also match and ` except arn:..., arn:...` for the
/// patterns taken out.
std::string effectiveResourceText(const EffectiveResource &resource);
/// `Allow condition of the session policy `inline session policy`, statement 1 (Sid): aws:SourceIp` (statements
/// numbered from 1).
std::string effectiveConditionText(const EffectiveCondition &condition);

struct EffectiveService {
    std::string prefix;
    std::string name;
    /// Per AccessLevel (List, Read, Write, PermissionsManagement, Tagging): how many actions, listed or not.
    std::array<std::size_t, 5> countByLevel {};
    std::vector<EffectiveAction> actions;
};

/// What the session may do: the role's identity policies ∩ its permissions boundary ∩ the session policies, by action
/// and resource pattern (docs/SIMULATION.md, "Effective permissions", says how patterns are intersected).
struct EffectivePermissions {
    /// By service prefix.
    std::vector<EffectiveService> services;
    std::size_t actionCount = 0;
    /// Actions counted but not listed (the listing stops at the requested limit).
    std::size_t unlisted = 0;
    /// Attached policies that could not be found (neither in the workspace nor among AWS managed policies).
    std::vector<std::string> unresolvedPolicies;
    std::vector<std::string> notes;
};

/// The session at the end of a successful chain: what SessionCheck requests are made as.
struct AssumedSession {
    std::string roleArn;
    std::string assumedRoleArn;
    std::string assumedRoleId;
    std::string accountId;
    std::string sessionName;
    /// The role's tags overridden by the session tags: the session's aws:PrincipalTag values.
    std::vector<Tag> principalTags;
    std::string sourceIdentity;
    long long issuedEpoch = 0;
    /// The compiled session policies (inline first, then the managed ARNs, in request order).
    std::vector<std::shared_ptr<const CompiledPolicy>> sessionPolicies;
};

struct AssumeRoleResult {
    /// Every hop succeeded.
    bool allowed = false;
    /// The request could not be simulated at all (an unreadable principal, an unknown role...): no hops then.
    std::string error;
    /// Hops up to and including the first failing one.
    std::vector<AssumeRoleHop> hops;
    /// What the simulator had to assume because the workspace does not say (an unmodelled account's own policies,
    /// default session name, derived context keys...).
    std::vector<std::string> assumptions;
    /// When allowed.
    std::optional<AssumedSession> session;
};

/// What the session may do to one action and resource, decided by the evaluation engine.
struct SessionCheck {
    std::string action;
    std::string resource;
    Decision decision = Decision::ImplicitlyDenied;
    Explanation explanation;
    /// Set when the check could not be made (no session, unreadable action).
    std::string error;
    /// The resource policy used, if the workspace has one for the resource.
    std::string resourcePolicy;
};

} // namespace rd::core
