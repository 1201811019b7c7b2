// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/ConditionOperator.h"

#include "base/TextUtil.h"

#include <array>
#include <utility>

namespace rd::core
{

namespace
{

constexpr std::array<std::pair<std::string_view, ConditionOperator>, 27> kOperators { {
    { "StringEquals", ConditionOperator::StringEquals },
    { "StringNotEquals", ConditionOperator::StringNotEquals },
    { "StringEqualsIgnoreCase", ConditionOperator::StringEqualsIgnoreCase },
    { "StringNotEqualsIgnoreCase", ConditionOperator::StringNotEqualsIgnoreCase },
    { "StringLike", ConditionOperator::StringLike },
    { "StringNotLike", ConditionOperator::StringNotLike },
    { "NumericEquals", ConditionOperator::NumericEquals },
    { "NumericNotEquals", ConditionOperator::NumericNotEquals },
    { "NumericLessThan", ConditionOperator::NumericLessThan },
    { "NumericLessThanEquals", ConditionOperator::NumericLessThanEquals },
    { "NumericGreaterThan", ConditionOperator::NumericGreaterThan },
    { "NumericGreaterThanEquals", ConditionOperator::NumericGreaterThanEquals },
    { "DateEquals", ConditionOperator::DateEquals },
    { "DateNotEquals", ConditionOperator::DateNotEquals },
    { "DateLessThan", ConditionOperator::DateLessThan },
    { "DateLessThanEquals", ConditionOperator::DateLessThanEquals },
    { "DateGreaterThan", ConditionOperator::DateGreaterThan },
    { "DateGreaterThanEquals", ConditionOperator::DateGreaterThanEquals },
    { "Bool", ConditionOperator::Bool },
    { "BinaryEquals", ConditionOperator::BinaryEquals },
    { "IpAddress", ConditionOperator::IpAddress },
    { "NotIpAddress", ConditionOperator::NotIpAddress },
    { "ArnEquals", ConditionOperator::ArnEquals },
    { "ArnLike", ConditionOperator::ArnLike },
    { "ArnNotEquals", ConditionOperator::ArnNotEquals },
    { "ArnNotLike", ConditionOperator::ArnNotLike },
    { "Null", ConditionOperator::Null },
} };

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix)
{
    return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

bool endsWithIgnoreCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && equalsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

} // namespace

std::optional<ConditionOperatorSpec> parseConditionOperator(std::string_view name)
{
    ConditionOperatorSpec spec;
    if (startsWithIgnoreCase(name, "ForAnyValue:")) {
        spec.qualifier = SetQualifier::ForAnyValue;
        name.remove_prefix(12);
    } else if (startsWithIgnoreCase(name, "ForAllValues:")) {
        spec.qualifier = SetQualifier::ForAllValues;
        name.remove_prefix(13);
    }
    for (const auto &[text, op] : kOperators) {
        if (equalsIgnoreCase(name, text)) {
            spec.op = op;
            return spec;
        }
    }
    if (endsWithIgnoreCase(name, "IfExists")) {
        name.remove_suffix(8);
        for (const auto &[text, op] : kOperators) {
            if (op != ConditionOperator::Null && equalsIgnoreCase(name, text)) {
                spec.op = op;
                spec.ifExists = true;
                return spec;
            }
        }
    }
    return std::nullopt;
}

std::string_view conditionOperatorName(ConditionOperator op)
{
    return kOperators[static_cast<std::size_t>(op)].first;
}

ConditionFamily conditionFamily(ConditionOperator op)
{
    switch (op) {
    case ConditionOperator::StringEquals:
    case ConditionOperator::StringNotEquals:
    case ConditionOperator::StringEqualsIgnoreCase:
    case ConditionOperator::StringNotEqualsIgnoreCase:
    case ConditionOperator::StringLike:
    case ConditionOperator::StringNotLike:
        return ConditionFamily::String;
    case ConditionOperator::NumericEquals:
    case ConditionOperator::NumericNotEquals:
    case ConditionOperator::NumericLessThan:
    case ConditionOperator::NumericLessThanEquals:
    case ConditionOperator::NumericGreaterThan:
    case ConditionOperator::NumericGreaterThanEquals:
        return ConditionFamily::Numeric;
    case ConditionOperator::DateEquals:
    case ConditionOperator::DateNotEquals:
    case ConditionOperator::DateLessThan:
    case ConditionOperator::DateLessThanEquals:
    case ConditionOperator::DateGreaterThan:
    case ConditionOperator::DateGreaterThanEquals:
        return ConditionFamily::Date;
    case ConditionOperator::Bool:
        return ConditionFamily::Bool;
    case ConditionOperator::BinaryEquals:
        return ConditionFamily::Binary;
    case ConditionOperator::IpAddress:
    case ConditionOperator::NotIpAddress:
        return ConditionFamily::IpAddress;
    case ConditionOperator::ArnEquals:
    case ConditionOperator::ArnLike:
    case ConditionOperator::ArnNotEquals:
    case ConditionOperator::ArnNotLike:
        return ConditionFamily::Arn;
    case ConditionOperator::Null:
        return ConditionFamily::Null;
    }
    return ConditionFamily::String;
}

bool isNegated(ConditionOperator op)
{
    switch (op) {
    case ConditionOperator::StringNotEquals:
    case ConditionOperator::StringNotEqualsIgnoreCase:
    case ConditionOperator::StringNotLike:
    case ConditionOperator::NumericNotEquals:
    case ConditionOperator::DateNotEquals:
    case ConditionOperator::NotIpAddress:
    case ConditionOperator::ArnNotEquals:
    case ConditionOperator::ArnNotLike:
        return true;
    default:
        return false;
    }
}

bool acceptsPolicyVariables(ConditionOperator op)
{
    const ConditionFamily family = conditionFamily(op);
    return family == ConditionFamily::String || family == ConditionFamily::Arn;
}

} // namespace rd::core
