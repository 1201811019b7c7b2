// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace rd::core
{

/// The condition operators of the IAM User Guide, "IAM JSON policy elements: Condition operators".
enum class ConditionOperator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null
};

/// What kind of values an operator compares.
enum class ConditionFamily { String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null };

/// `ForAnyValue:` and `ForAllValues:`, for multivalued request keys.
enum class SetQualifier { None, ForAnyValue, ForAllValues };

/// An operator as written in a policy: `ForAllValues:StringLikeIfExists` is StringLike, ForAllValues, IfExists.
struct ConditionOperatorSpec {
    ConditionOperator op = ConditionOperator::StringEquals;
    SetQualifier qualifier = SetQualifier::None;
    bool ifExists = false;

    friend bool operator==(const ConditionOperatorSpec &, const ConditionOperatorSpec &) = default;
};

/// Reads an operator name; IAM matches operator names and the qualifiers without regard to case. Returns nothing for
/// an unknown operator, and for `NullIfExists`, which IAM does not accept.
std::optional<ConditionOperatorSpec> parseConditionOperator(std::string_view name);

std::string_view conditionOperatorName(ConditionOperator op);
ConditionFamily conditionFamily(ConditionOperator op);

/// The operators that are true when no value matches (StringNotEquals, NotIpAddress, ArnNotLike...). With a missing
/// key they are true (IAM User Guide, "Condition operators": "...if the key is not present...the condition returns
/// true" for the negated operators).
bool isNegated(ConditionOperator op);

/// The operators whose values may hold policy variables: the string and ARN operators (IAM User Guide, "IAM policy
/// elements: Variables and tags", "Where you can use policy variables").
bool acceptsPolicyVariables(ConditionOperator op);

} // namespace rd::core
