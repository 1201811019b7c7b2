// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/sts/AssumeRoleResult.h"

#include <string>

namespace rd::core
{

/// The result of an assume-role simulation as pretty JSON (docs/SIMULATION.md, "JSON output"): `allowed`, `error`
/// (when it could not be simulated), `hops` (role, assumedRoleArn, durationSeconds, issued, expiration, credentials,
/// packedPolicySize, sessionTags, transitiveTagKeys, inheritedTagKeys, sessionPolicies, checks, failure {code,
/// message, policy, statement, sid, parameter, rule}, deciding statements), `assumptions`, and when given
/// `effectivePermissions` (actions with their resources {pattern, alsoMatching, except, conditional, conditions}) and
/// `check` {action, resource, decision, explanation}.
std::string assumeRoleResultToJson(const AssumeRoleResult &result, const EffectivePermissions *permissions = nullptr,
    const SessionCheck *check = nullptr);

} // namespace rd::core
