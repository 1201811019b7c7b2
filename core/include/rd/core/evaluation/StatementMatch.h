// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"

#include <string_view>

namespace rd::core
{

/// Request-free matching of compiled statements: the one matcher the evaluator, the STS simulator, the access graph,
/// reachability and graph edits share (IAM User Guide, "IAM JSON policy element reference": Action and NotAction,
/// Resource and NotResource). Policy variables are matched as written (a query has no request to fill them from).

/// The statement can apply at all: it compiled without a problem, has an Effect and an Action or NotAction.
bool statementUsable(const CompiledStatement &statement);

/// Action (some pattern matches) or NotAction (no pattern matches) against a lower-case action (`s3:getobject`).
/// False when the statement has neither.
bool actionMatches(const CompiledStatement &statement, std::string_view lowerAction);

/// Resource (some pattern matches) or NotResource (no pattern matches) against an ARN. False when the statement has
/// neither (`absentMatches` says what an absent element means: resource-based policies may omit it).
bool resourceMatches(const CompiledStatement &statement, std::string_view arn, bool absentMatches = false);

/// Resource names every resource: some pattern is `*`. False for NotResource (it leaves some out) and for an absent
/// Resource.
bool resourceMatchesEveryResource(const CompiledStatement &statement);

/// Whether one pattern of Action, NotAction, Resource or NotResource matches a value (an action in lower case, or an
/// ARN).
bool actionPatternMatches(const CompiledPattern &pattern, std::string_view lowerAction);
bool resourcePatternMatches(const CompiledPattern &pattern, std::string_view arn);

} // namespace rd::core
