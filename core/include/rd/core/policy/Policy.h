// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/SourceRange.h"
#include "rd/core/json/JsonValue.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// A string value of a policy and where it stood.
struct PolicyString {
    std::string value;
    SourceRange range;

    friend bool operator==(const PolicyString &, const PolicyString &) = default;
};

/// The value of Action, NotAction, Resource, NotResource or of a principal type: one string, or an array of them.
/// `isArray` keeps which form the text used, so that writing it back keeps it.
struct StringList {
    std::vector<PolicyString> values;
    bool isArray = false;
    SourceRange range;

    friend bool operator==(const StringList &, const StringList &) = default;
};

/// One principal type of a Principal or NotPrincipal map: `"AWS": [...]`, `"Service": "..."`, `"Federated"`,
/// `"CanonicalUser"` (other keys are kept and reported by the validator).
struct PrincipalEntry {
    PolicyString type;
    StringList values;

    friend bool operator==(const PrincipalEntry &, const PrincipalEntry &) = default;
};

/// Principal or NotPrincipal: the string `"*"`, or a map of principal types.
struct PrincipalBlock {
    /// True for the string form; `wildcard` then holds the string (normally `*`).
    bool isString = false;
    PolicyString wildcard;
    std::vector<PrincipalEntry> entries;
    SourceRange range;

    friend bool operator==(const PrincipalBlock &, const PrincipalBlock &) = default;
};

/// A condition value: condition values are strings in IAM's grammar, but JSON booleans and numbers are accepted and
/// kept as written (`true`, `12`).
struct ConditionValue {
    enum class Kind { String, Bool, Number };
    Kind kind = Kind::String;
    /// The string, `true`/`false`, or the number's literal text.
    std::string text;
    SourceRange range;

    friend bool operator==(const ConditionValue &, const ConditionValue &) = default;
};

/// `"aws:SourceAccount": "111122223333"` or `"aws:SourceIp": ["10.0.0.0/8", ...]` inside an operator block.
struct ConditionEntry {
    PolicyString key;
    std::vector<ConditionValue> values;
    bool isArray = false;
    SourceRange valueRange;

    friend bool operator==(const ConditionEntry &, const ConditionEntry &) = default;
};

/// `"StringEquals": { ...entries }`.
struct ConditionClause {
    PolicyString op;
    std::vector<ConditionEntry> entries;
    SourceRange valueRange;

    friend bool operator==(const ConditionClause &, const ConditionClause &) = default;
};

struct ConditionBlock {
    std::vector<ConditionClause> clauses;
    SourceRange range;

    friend bool operator==(const ConditionBlock &, const ConditionBlock &) = default;
};

/// An element the grammar does not know, kept with its value so that nothing the user wrote is lost.
struct ExtraElement {
    PolicyString name;
    JsonValue value;

    friend bool operator==(const ExtraElement &a, const ExtraElement &b)
    {
        return a.name == b.name && a.value.sameContent(b.value) && a.value.range == b.value.range;
    }
};

enum class StatementElement {
    Sid,
    Effect,
    Principal,
    NotPrincipal,
    Action,
    NotAction,
    Resource,
    NotResource,
    Condition,
    Extra
};

/// The statement elements in the grammar's order (IAM User Guide, "Grammar of the IAM JSON policy language"): the
/// order the writer gives elements that a form adds.
inline constexpr std::array<StatementElement, 9> kStatementGrammarOrder {
    StatementElement::Sid,
    StatementElement::Effect,
    StatementElement::Principal,
    StatementElement::NotPrincipal,
    StatementElement::Action,
    StatementElement::NotAction,
    StatementElement::Resource,
    StatementElement::NotResource,
    StatementElement::Condition,
};

/// The element name as IAM spells it (`NotPrincipal`); "" for Extra.
std::string_view statementElementName(StatementElement element);

/// Which elements a statement had, in text order, and where each key stood.
struct ElementSlot {
    StatementElement element = StatementElement::Extra;
    SourceRange keyRange;

    friend bool operator==(const ElementSlot &, const ElementSlot &) = default;
};

enum class Effect { Allow, Deny };

struct Statement {
    std::optional<PolicyString> sid;
    std::optional<PolicyString> effect;
    std::optional<PrincipalBlock> principal;
    std::optional<PrincipalBlock> notPrincipal;
    std::optional<StringList> action;
    std::optional<StringList> notAction;
    std::optional<StringList> resource;
    std::optional<StringList> notResource;
    std::optional<ConditionBlock> condition;
    std::vector<ExtraElement> extras;
    /// Text order of the elements. The writer follows it and appends, in the grammar's order, any element present but
    /// not listed (as when a form editor adds one).
    std::vector<ElementSlot> order;
    SourceRange range;

    /// Allow or Deny when Effect is exactly one of them (IAM compares case-sensitively).
    std::optional<Effect> effectValue() const;

    friend bool operator==(const Statement &, const Statement &) = default;
};

enum class PolicyElement { Version, Id, Statement, Extra };

struct PolicyElementSlot {
    PolicyElement element = PolicyElement::Extra;
    SourceRange keyRange;

    friend bool operator==(const PolicyElementSlot &, const PolicyElementSlot &) = default;
};

/// How the Statement element was written.
enum class StatementForm { Absent, Object, Array };

/// The AST of one policy document (identity, trust, resource, SCP or RCP: the kind is the validator's business).
struct Policy {
    std::optional<PolicyString> version;
    std::optional<PolicyString> id;
    std::vector<Statement> statements;
    StatementForm statementForm = StatementForm::Absent;
    SourceRange statementRange;
    std::vector<ExtraElement> extras;
    std::vector<PolicyElementSlot> order;
    SourceRange range;

    friend bool operator==(const Policy &, const Policy &) = default;
};

/// Resets every source range in the policy, for storing a policy apart from its text.
void clearSourceRanges(Policy &policy);

/// Gives every source range in the policy the value `range`: for a policy read from a text that is not the one its
/// positions must refer to (a document held in a JSON string, URL-encoded or not), so that whatever a finding is
/// about, it points at the whole string and never at an unrelated place of the file.
void setSourceRanges(Policy &policy, const SourceRange &range);

/// True when two policies say the same thing in the same form and order, wherever their texts put it (source
/// ranges are ignored).
bool sameContent(const Policy &a, const Policy &b);

} // namespace rd::core
