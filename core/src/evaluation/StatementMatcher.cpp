// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "evaluation/StatementMatcher.h"

#include "base/TextUtil.h"
#include "rd/core/base/DateTime.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <charconv>
#include <cmath>

namespace rd::core
{

namespace
{

// The comparison of the operator's positive form: NumericNotEquals compares with ==, and the caller negates.
bool compareNumbers(ConditionOperator op, double given, double policy)
{
    switch (op) {
    case ConditionOperator::NumericLessThan:
    case ConditionOperator::DateLessThan:
        return given < policy;
    case ConditionOperator::NumericLessThanEquals:
    case ConditionOperator::DateLessThanEquals:
        return given <= policy;
    case ConditionOperator::NumericGreaterThan:
    case ConditionOperator::DateGreaterThan:
        return given > policy;
    case ConditionOperator::NumericGreaterThanEquals:
    case ConditionOperator::DateGreaterThanEquals:
        return given >= policy;
    default:
        return given == policy;
    }
}

std::string &threadBuffer(int which)
{
    thread_local std::string buffers[2];
    return buffers[which];
}

} // namespace

StatementMatcher::StatementMatcher(const PreparedRequest &request)
    : m_request(request)
    , m_scratch(threadBuffer(0))
    , m_decoded(threadBuffer(1))
{
}

bool StatementMatcher::resourcePatternMatches(const CompiledPattern &pattern)
{
    if (!pattern.variables)
        return rd::core::resourcePatternMatches(pattern, m_request.resource());
    // Policy variables take their values from the request (IAM User Guide, "IAM policy elements: Variables and
    // tags"); the expanded pattern is then matched as any other.
    if (!pattern.variables->expand(m_request.context(), VariableTemplate::Mode::Pattern, m_scratch))
        return false;
    return resourceMatch(m_scratch, m_request.resource());
}

bool StatementMatcher::actionMatches(const CompiledStatement &statement) const
{
    return rd::core::actionMatches(statement, m_request.action());
}

bool StatementMatcher::resourceMatches(const CompiledStatement &statement)
{
    // A statement without Resource (a trust policy's) applies to the resource it is attached to.
    if (statement.resourceMode == ElementMode::Absent)
        return true;
    bool any = false;
    for (const CompiledPattern &pattern : statement.resources) {
        if (resourcePatternMatches(pattern)) {
            any = true;
            break;
        }
    }
    return statement.resourceMode == ElementMode::Positive ? any : !any;
}

Grant StatementMatcher::entryGrant(const CompiledPrincipal &entry) const
{
    const RequestPrincipal &who = m_request.principal();
    using Kind = CompiledPrincipal::Kind;
    switch (entry.kind) {
    case Kind::Any:
        return Grant::Direct;
    case Kind::Account:
        return !who.account.empty() && who.account == entry.account
                && (who.hasIdentityPolicies() || who.kind == PrincipalKind::Root)
            ? Grant::Account
            : Grant::None;
    case Kind::Role:
        if ((who.kind == PrincipalKind::Role || who.kind == PrincipalKind::RoleSession) && who.account == entry.account
            && who.name == entry.value && (who.kind == PrincipalKind::RoleSession || who.text == entry.text))
            return Grant::Role;
        return Grant::None;
    case Kind::Exact:
        return who.text == entry.value ? Grant::Direct : Grant::None;
    case Kind::Service:
        return who.kind == PrincipalKind::Service && m_request.principalLower() == entry.value ? Grant::Direct
                                                                                               : Grant::None;
    case Kind::Provider:
        return who.kind == PrincipalKind::IdentityProvider && m_request.principalLower() == entry.value ? Grant::Direct
                                                                                                        : Grant::None;
    case Kind::CanonicalUser:
        return who.kind == PrincipalKind::CanonicalUser && who.text == entry.value ? Grant::Direct : Grant::None;
    case Kind::Nothing:
        return Grant::None;
    }
    return Grant::None;
}

// NotPrincipal "uses "Effect":"Deny" to deny access to all principals except the principal specified in the
// NotPrincipal element" (IAM User Guide, "AWS JSON policy elements: NotPrincipal"): the requester is exempt when an
// entry names it: its own ARN, or its role for a role session ("include the ARN for the role and the ARN for the
// account containing that role"). The account names the account's root user only: the page's recommended form lists
// "the ARN for the user's account" next to the user, which must not exempt the account's other users.
bool StatementMatcher::excludedBy(const std::vector<CompiledPrincipal> &entries) const
{
    const bool root = m_request.principal().kind == PrincipalKind::Root;
    for (const CompiledPrincipal &entry : entries) {
        const Grant grant = entryGrant(entry);
        if (grant == Grant::Direct || grant == Grant::Role || (grant == Grant::Account && root))
            return true;
    }
    return false;
}

Grant StatementMatcher::principalGrant(const CompiledStatement &statement, bool requesterHasBoundary) const
{
    if (statement.principalMode == ElementMode::Absent)
        return Grant::Direct;
    if (statement.principalMode == ElementMode::Negative) {
        if (requesterHasBoundary && statement.effect == Effect::Deny)
            return Grant::Direct;
        return excludedBy(statement.principals) ? Grant::None : Grant::Direct;
    }
    Grant best = Grant::None;
    for (const CompiledPrincipal &entry : statement.principals) {
        const Grant grant = entryGrant(entry);
        if (grant > best)
            best = grant;
        if (best == Grant::Direct)
            break;
    }
    return best;
}

bool StatementMatcher::valueMatches(
    const CompiledCondition &condition, const CompiledConditionValue &value, const GivenValue &givenValue)
{
    const std::string_view given = givenValue.text;
    const ConditionOperator op = condition.spec.op;
    std::string_view prepared = value.prepared;
    if (value.variables) {
        const bool pattern = op == ConditionOperator::StringLike || op == ConditionOperator::StringNotLike
            || conditionFamily(op) == ConditionFamily::Arn;
        if (!value.variables->expand(m_request.context(),
                pattern ? VariableTemplate::Mode::Pattern : VariableTemplate::Mode::Text, m_scratch))
            return false;
        prepared = m_scratch;
    }
    if (!value.valid)
        return false;
    switch (op) {
    case ConditionOperator::StringEquals:
    case ConditionOperator::StringNotEquals:
        return prepared == given;
    case ConditionOperator::StringEqualsIgnoreCase:
    case ConditionOperator::StringNotEqualsIgnoreCase:
        return equalsIgnoreCase(prepared, given);
    case ConditionOperator::StringLike:
    case ConditionOperator::StringNotLike:
        return wildcardMatch(prepared, given);
    case ConditionOperator::ArnEquals:
    case ConditionOperator::ArnLike:
    case ConditionOperator::ArnNotEquals:
    case ConditionOperator::ArnNotLike:
        return arnMatch(prepared, given);
    case ConditionOperator::Bool: {
        if (equalsIgnoreCase(given, "true"))
            return value.number == 1;
        if (equalsIgnoreCase(given, "false"))
            return value.number == 0;
        return false;
    }
    case ConditionOperator::BinaryEquals:
        if (base64Decode(given, m_decoded))
            return m_decoded == prepared;
        return given == value.text;
    case ConditionOperator::IpAddress:
    case ConditionOperator::NotIpAddress:
        return givenValue.address && value.ip->contains(*givenValue.address);
    case ConditionOperator::Null:
        return false;
    default:
        break;
    }
    // Numeric and Date: the request value was read once, in conditionHolds().
    return givenValue.number && compareNumbers(op, *givenValue.number, value.number);
}

// IAM User Guide, "Condition operators" and "Single-valued vs. multivalued context keys"; docs/EVALUATION.md gives
// the table.
bool StatementMatcher::conditionHolds(const CompiledCondition &condition)
{
    const RequestContext::Entry *entry = m_request.context().find(condition.key);
    const bool absent = !entry || entry->values.empty();
    if (condition.spec.op == ConditionOperator::Null) {
        for (const CompiledConditionValue &value : condition.values) {
            if (value.valid && (value.number == 1) == absent)
                return true;
        }
        return false;
    }
    const bool negated = isNegated(condition.spec.op);
    // "If the key values in the request resolve to an empty data set (for example, an empty string)", ForAllValues
    // is true and ForAnyValue false (IAM User Guide, "Set operators for multivalued context keys").
    const bool emptySet = absent || (entry->values.size() == 1 && entry->values.front().empty());
    if (absent || (condition.spec.qualifier != SetQualifier::None && emptySet)) {
        if (condition.spec.ifExists && absent)
            return true;
        switch (condition.spec.qualifier) {
        case SetQualifier::ForAllValues:
            return true;
        case SetQualifier::ForAnyValue:
            return false;
        case SetQualifier::None:
            return negated;
        }
    }
    // A request value that cannot be read for the operator (`abc` for NumericLessThan) satisfies neither the
    // operator nor its negation.
    const ConditionFamily family = conditionFamily(condition.spec.op);
    // Per request value: does it satisfy the operator (matching some policy value, or for a negated operator none)?
    // The value is read once for its operator, not once per policy value.
    auto satisfies = [&](std::string_view text) {
        GivenValue given { text, std::nullopt, std::nullopt };
        if (family == ConditionFamily::Numeric)
            given.number = parseDecimal(text);
        else if (family == ConditionFamily::Date)
            given.number = parseDateTime(text);
        else if (family == ConditionFamily::IpAddress)
            given.address = IpRange::parse(text);
        if ((family == ConditionFamily::Numeric || family == ConditionFamily::Date) && !given.number)
            return false;
        bool any = false;
        for (const CompiledConditionValue &value : condition.values) {
            if (valueMatches(condition, value, given)) {
                any = true;
                break;
            }
        }
        return negated ? !any : any;
    };
    switch (condition.spec.qualifier) {
    case SetQualifier::None:
        // A single-valued key; an array given without a qualifier counts when any value matches (for a negated
        // operator: when none does).
        if (negated) {
            for (const std::string &given : entry->values) {
                if (!satisfies(given))
                    return false;
            }
            return true;
        }
        [[fallthrough]];
    case SetQualifier::ForAnyValue:
        for (const std::string &given : entry->values) {
            if (satisfies(given))
                return true;
        }
        return false;
    case SetQualifier::ForAllValues:
        for (const std::string &given : entry->values) {
            if (!satisfies(given))
                return false;
        }
        return true;
    }
    return false;
}

Grant StatementMatcher::applies(const CompiledStatement &statement, bool requesterHasBoundary)
{
    if (!statement.effect || !statement.problem.empty() || !actionMatches(statement) || !resourceMatches(statement))
        return Grant::None;
    const Grant grant = principalGrant(statement, requesterHasBoundary);
    if (grant == Grant::None)
        return Grant::None;
    for (const CompiledCondition &condition : statement.conditions) {
        if (!conditionHolds(condition))
            return Grant::None;
    }
    return grant;
}

} // namespace rd::core
