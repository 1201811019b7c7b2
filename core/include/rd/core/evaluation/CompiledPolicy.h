// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/IpRange.h"
#include "rd/core/base/SourceRange.h"
#include "rd/core/policy/ConditionOperator.h"
#include "rd/core/policy/Policy.h"
#include "rd/core/policy/VariableTemplate.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

/// One value of Action, NotAction, Resource or NotResource, made ready for matching.
struct CompiledPattern {
    /// As written.
    std::string text;
    /// What is matched: lower case for actions, escaped as a wildcard pattern (see Wildcard.h).
    std::string pattern;
    /// `*`: matches everything.
    bool any = false;
    bool wildcard = false;
    /// Set when the value holds policy variables (Version 2012-10-17 only).
    std::optional<VariableTemplate> variables;
    SourceRange range;
};

/// One entry of Principal or NotPrincipal.
struct CompiledPrincipal {
    enum class Kind {
        /// `"*"` or `{"AWS": "*"}`
        Any,
        /// an account id or `arn:aws:iam::111122223333:root`: every IAM principal of the account
        Account,
        /// a role ARN: the role and its sessions
        Role,
        /// a user, role session or federated user ARN
        Exact,
        /// `{"Service": "..."}`
        Service,
        /// `{"Federated": "..."}`
        Provider,
        /// `{"CanonicalUser": "..."}`
        CanonicalUser,
        /// a value that can name no principal (a wildcard inside an ARN, an unknown principal type)
        Nothing
    };
    Kind kind = Kind::Nothing;
    std::string partition;
    std::string account;
    /// The role name for Role; the ARN for Exact; the lower-case name for Service and Provider.
    std::string value;
    std::string text;
    SourceRange range;
};

struct CompiledConditionValue {
    /// As written (`true` and numbers as their text).
    std::string text;
    /// The form compared: an escaped pattern for StringLike and Arn*, decoded bytes for BinaryEquals.
    std::string prepared;
    /// Numbers, dates (epoch seconds) and booleans (1 or 0).
    double number = 0;
    /// False when the value cannot be read for its operator (`abc` for NumericEquals): it then matches nothing.
    bool valid = true;
    std::optional<IpRange> ip;
    std::optional<VariableTemplate> variables;
    SourceRange range;
};

/// One key of one operator block: `"StringEquals": {"aws:SourceAccount": ["111122223333"]}`.
struct CompiledCondition {
    ConditionOperatorSpec spec;
    std::string operatorText;
    /// Lower case.
    std::string key;
    std::string keyText;
    std::vector<CompiledConditionValue> values;
    SourceRange operatorRange;
    SourceRange keyRange;
};

enum class ElementMode {
    Absent,
    /// Action, Resource, Principal
    Positive,
    /// NotAction, NotResource, NotPrincipal
    Negative
};

struct CompiledStatement {
    std::size_t index = 0;
    std::string sid;
    SourceRange range;
    /// Absent when Effect is missing or invalid: the statement then never applies.
    std::optional<Effect> effect;
    ElementMode actionMode = ElementMode::Absent;
    std::vector<CompiledPattern> actions;
    SourceRange actionRange;
    ElementMode resourceMode = ElementMode::Absent;
    std::vector<CompiledPattern> resources;
    SourceRange resourceRange;
    ElementMode principalMode = ElementMode::Absent;
    std::vector<CompiledPrincipal> principals;
    SourceRange principalRange;
    std::vector<CompiledCondition> conditions;
    /// Why the statement can never apply (no Effect, no Action, an unknown condition operator), or empty.
    std::string problem;
};

/// A policy made ready for evaluation: actions lower-cased, patterns and ARNs split, condition operators resolved,
/// numbers, dates and address blocks parsed once. Keeps statement indexes, Sids and source ranges for explanations.
class CompiledPolicy
{
public:
    /// `name` labels the policy in explanations (`identityPolicies[0]`, `ReadOnlyAccess`...).
    static CompiledPolicy compile(const Policy &policy, std::string name);

    const std::string &name() const { return m_name; }
    const std::vector<CompiledStatement> &statements() const { return m_statements; }
    /// Statements that can never apply, with their reasons (`statement <n> (<sid>): ...`, numbered from 1): IAM would
    /// refuse such a policy.
    std::vector<std::string> problems() const;

private:
    std::string m_name;
    std::vector<CompiledStatement> m_statements;
};

} // namespace rd::core
