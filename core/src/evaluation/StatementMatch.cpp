// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/StatementMatch.h"

#include "rd/core/base/Wildcard.h"

#include <algorithm>

namespace rd::core
{

bool statementUsable(const CompiledStatement &statement)
{
    return statement.problem.empty() && statement.effect.has_value() && statement.actionMode != ElementMode::Absent;
}

bool actionPatternMatches(const CompiledPattern &pattern, std::string_view lowerAction)
{
    if (pattern.any)
        return true;
    return pattern.wildcard ? wildcardMatch(pattern.pattern, lowerAction) : pattern.pattern == lowerAction;
}

bool resourcePatternMatches(const CompiledPattern &pattern, std::string_view arn)
{
    if (pattern.any)
        return true;
    if (!pattern.wildcard && !pattern.variables && pattern.pattern.find(kWildcardEscape) == std::string::npos)
        return pattern.pattern == arn;
    return resourceMatch(pattern.pattern, arn);
}

bool actionMatches(const CompiledStatement &statement, std::string_view lowerAction)
{
    if (statement.actionMode == ElementMode::Absent)
        return false;
    const bool any = std::any_of(statement.actions.begin(), statement.actions.end(),
        [&](const CompiledPattern &p) { return actionPatternMatches(p, lowerAction); });
    return statement.actionMode == ElementMode::Positive ? any : !any;
}

bool resourceMatches(const CompiledStatement &statement, std::string_view arn, bool absentMatches)
{
    if (statement.resourceMode == ElementMode::Absent)
        return absentMatches;
    const bool any = std::any_of(statement.resources.begin(), statement.resources.end(),
        [&](const CompiledPattern &p) { return resourcePatternMatches(p, arn); });
    return statement.resourceMode == ElementMode::Positive ? any : !any;
}

bool resourceMatchesEveryResource(const CompiledStatement &statement)
{
    return statement.resourceMode == ElementMode::Positive
        && std::any_of(
            statement.resources.begin(), statement.resources.end(), [](const CompiledPattern &p) { return p.any; });
}

} // namespace rd::core
