// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/usage/CloudTrailReader.h"
#include "rd/core/workspace/Workspace.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Times are seconds since 1970-01-01T00:00:00Z (CloudTrail's eventTime); 0 means never.

/// The successful calls of one principal that one IAM action authorizes.
struct ActionUsage {
    /// `s3:GetObject`, as the catalog spells it.
    std::string action;
    AccessLevel accessLevel = AccessLevel::Read;
    std::uint64_t count = 0;
    long long firstUsed = 0;
    long long lastUsed = 0;
    /// The distinct resources the calls named, sorted, as far as they are resources of the action's types: from the
    /// record's `resources` or built from its requestParameters with the catalog's ARN pattern. S3 object ARNs are
    /// summed up as `arn:aws:s3:::bucket/*`. Empty for actions without resource-level permissions.
    std::vector<std::string> resources;
    /// More distinct resources were seen than UsageCollector keeps per action (kMaxResourcesPerAction).
    bool moreResources = false;
};

/// Calls that failed with an error code (`AccessDenied`, `UnauthorizedOperation`...): never counted as use.
struct DeniedCalls {
    /// The IAM action, or `eventSource/EventName` when the call maps to none.
    std::string action;
    std::string errorCode;
    std::uint64_t count = 0;
    long long lastAttempt = 0;
};

/// Successful calls whose event maps to no IAM action (CloudTrailActionMap): reported, never guessed.
struct UnmappedCalls {
    std::string eventSource;
    std::string eventName;
    std::uint64_t count = 0;
    long long lastUsed = 0;
};

/// Who assumed a role: the caller of sts:AssumeRole* events whose requestParameters.roleArn is the role.
struct Assumer {
    /// The caller's role (for a role session), user ARN, service (`ec2.amazonaws.com`) or identity provider.
    std::string principal;
    /// Successful assumptions.
    std::uint64_t count = 0;
    /// Assumptions that failed with an error code.
    std::uint64_t denied = 0;
    long long lastAssumed = 0;
};

/// Successful calls on one day (UTC).
struct DailyCalls {
    /// Midnight UTC of the day.
    long long day = 0;
    std::uint64_t count = 0;
};

/// What one principal did in the window: the role (or user) of `userIdentity.sessionContext.sessionIssuer.arn`, else
/// `userIdentity.arn`, else the invoking service.
struct PrincipalUsage {
    std::string arn;
    /// Successful calls, mapped or not.
    std::uint64_t calls = 0;
    std::uint64_t deniedCalls = 0;
    /// Of successful calls.
    long long firstUsed = 0;
    long long lastUsed = 0;
    /// Most used first, then by name.
    std::vector<ActionUsage> actions;
    /// Most frequent first.
    std::vector<DeniedCalls> denied;
    std::vector<UnmappedCalls> unmapped;
    /// Most frequent first.
    std::vector<Assumer> assumedBy;
    /// By day, oldest first; days without calls left out.
    std::vector<DailyCalls> callsPerDay;

    bool used() const { return calls > 0; }
    /// The entry of an action (case-insensitive), or nullptr.
    const ActionUsage *action(std::string_view name) const;
};

/// A granted action with no successful call in the window.
struct UnusedAction {
    std::string action;
    AccessLevel accessLevel = AccessLevel::Read;
};

struct UnusedService {
    std::string prefix;
    std::string name;
    /// Per AccessLevel (List, Read, Write, PermissionsManagement, Tagging).
    std::array<std::size_t, 5> countByLevel {};
    std::vector<UnusedAction> actions;
};

/// One role of the workspace and its use.
struct RoleUsage {
    RoleId role;
    std::string name;
    /// arn is the role's ARN; empty lists when it was never used.
    PrincipalUsage usage;
    /// Actions its identity policies grant within its permissions boundary (conditional grants included).
    std::size_t grantedActions = 0;
    std::size_t unusedActions = 0;
    /// The granted actions never called successfully, by service prefix.
    std::vector<UnusedService> unused;
};

/// The answer of a usage analysis: what was read, each workspace role's use, and the other principals' calls.
struct UsageReport {
    std::optional<long long> since;
    std::optional<long long> until;
    /// The earliest and latest eventTime inside the window (0 without records).
    long long firstRecord = 0;
    long long lastRecord = 0;
    CloudTrailReadSummary read;
    /// Records inside the window (service events included).
    std::uint64_t recordsInWindow = 0;
    /// `AwsServiceEvent` records: not calls of any principal.
    std::uint64_t serviceEvents = 0;
    /// In workspace order; roles never used have `usage.used()` false.
    std::vector<RoleUsage> roles;
    /// Principals that are no role of the workspace (users, other accounts' roles, services), most calls first.
    std::vector<PrincipalUsage> otherPrincipals;

    /// A role's entry by ARN (case-insensitive), or nullptr.
    const RoleUsage *role(std::string_view arn) const;
    /// A principal's usage: a role's or another principal's, or nullptr.
    const PrincipalUsage *principal(std::string_view arn) const;
};

} // namespace rd::core
