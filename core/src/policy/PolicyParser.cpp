// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyParser.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/json/JsonReader.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rd::core
{
namespace
{

constexpr std::array<std::string_view, 3> kPolicyElements { "Version", "Id", "Statement" };
constexpr std::array<std::string_view, 9> kStatementElements { "Sid", "Effect", "Principal", "NotPrincipal", "Action",
    "NotAction", "Resource", "NotResource", "Condition" };

std::string article(JsonType type)
{
    const std::string_view name = jsonTypeName(type);
    if (type == JsonType::Null)
        return "null";
    const bool vowel = name.front() == 'a' || name.front() == 'o';
    return std::string(vowel ? "an " : "a ") + std::string(name);
}

class PolicyBuilder
{
public:
    explicit PolicyBuilder(Diagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {
    }

    std::optional<Policy> build(JsonValue &&root)
    {
        if (!root.isObject()) {
            mismatch(root.range, "a policy document", "an object", root.type);
            return std::nullopt;
        }
        Policy policy;
        policy.range = root.range;
        for (JsonMember &member : root.members) {
            const std::string &key = member.key;
            if (key == "Version") {
                if (auto s = takeString(member, "Version"))
                    setPolicyElement(policy, PolicyElement::Version, member.keyRange, policy.version, std::move(*s));
                else
                    keepExtra(policy.extras, policy.order, member);
            } else if (key == "Id") {
                if (auto s = takeString(member, "Id"))
                    setPolicyElement(policy, PolicyElement::Id, member.keyRange, policy.id, std::move(*s));
                else
                    keepExtra(policy.extras, policy.order, member);
            } else if (key == "Statement") {
                if (!buildStatements(policy, member))
                    keepExtra(policy.extras, policy.order, member);
            } else {
                unknownElement(member, kPolicyElements, "policy");
                keepExtra(policy.extras, policy.order, member);
            }
        }
        return policy;
    }

private:
    void mismatch(SourceRange range, std::string_view what, std::string_view expected, JsonType actual)
    {
        m_diagnostics.push_back(makeDiagnostic(CheckCode::DataTypeMismatch, range,
            std::string(what) + " must be " + std::string(expected) + ", not " + article(actual)));
    }

    template <std::size_t N>
    void unknownElement(const JsonMember &member, const std::array<std::string_view, N> &known, std::string_view where)
    {
        Diagnostic d = makeDiagnostic(CheckCode::InvalidPolicyElement, member.keyRange,
            "unknown " + std::string(where) + " element `" + member.key + "`");
        for (std::string_view name : known) {
            if (equalsIgnoreCase(name, member.key)) {
                d.help = "element names are case-sensitive: did you mean `" + std::string(name) + "`?";
                break;
            }
        }
        m_diagnostics.push_back(std::move(d));
    }

    std::optional<PolicyString> takeString(JsonMember &member, std::string_view element)
    {
        if (!member.value.isString()) {
            mismatch(member.value.range, "`" + std::string(element) + "`", "a string", member.value.type);
            return std::nullopt;
        }
        return PolicyString { std::move(member.value.text), member.value.range };
    }

    template <class Slots> void keepExtra(std::vector<ExtraElement> &extras, Slots &order, JsonMember &member)
    {
        extras.push_back(ExtraElement { PolicyString { member.key, member.keyRange }, std::move(member.value) });
        using Slot = typename Slots::value_type;
        Slot slot;
        slot.keyRange = member.keyRange;
        order.push_back(slot);
    }

    template <class T>
    void setPolicyElement(Policy &policy, PolicyElement element, SourceRange keyRange, std::optional<T> &field, T value)
    {
        if (!field)
            policy.order.push_back(PolicyElementSlot { element, keyRange });
        field = std::move(value);
    }

    template <class T>
    void setStatementElement(
        Statement &statement, StatementElement element, SourceRange keyRange, std::optional<T> &field, T value)
    {
        if (!field)
            statement.order.push_back(ElementSlot { element, keyRange });
        field = std::move(value);
    }

    bool buildStatements(Policy &policy, JsonMember &member)
    {
        JsonValue &value = member.value;
        // Read before the statement object is moved into buildStatement.
        const SourceRange statementRange = value.range;
        std::vector<Statement> statements;
        if (value.isObject()) {
            auto statement = buildStatement(std::move(value));
            if (!statement)
                return false;
            statements.push_back(std::move(*statement));
            policy.statementForm = StatementForm::Object;
        } else if (value.isArray()) {
            bool allObjects = true;
            for (const JsonValue &element : value.elements) {
                if (!element.isObject()) {
                    mismatch(element.range, "each statement", "an object", element.type);
                    allObjects = false;
                }
            }
            if (!allObjects)
                return false;
            statements.reserve(value.elements.size());
            for (JsonValue &element : value.elements) {
                // A statement whose element could not be typed is kept whole as an Extra, so this cannot fail.
                if (auto statement = buildStatement(std::move(element)))
                    statements.push_back(std::move(*statement));
            }
            policy.statementForm = StatementForm::Array;
        } else {
            mismatch(value.range, "`Statement`", "an object or an array of objects", value.type);
            return false;
        }
        if (std::none_of(policy.order.begin(), policy.order.end(),
                [](const PolicyElementSlot &s) { return s.element == PolicyElement::Statement; }))
            policy.order.push_back(PolicyElementSlot { PolicyElement::Statement, member.keyRange });
        policy.statements = std::move(statements);
        policy.statementRange = statementRange;
        return true;
    }

    std::optional<Statement> buildStatement(JsonValue &&object)
    {
        Statement statement;
        statement.range = object.range;
        for (JsonMember &member : object.members) {
            const std::string &key = member.key;
            bool typed = true;
            if (key == "Sid") {
                if (auto s = takeString(member, "Sid"))
                    setStatementElement(
                        statement, StatementElement::Sid, member.keyRange, statement.sid, std::move(*s));
                else
                    typed = false;
            } else if (key == "Effect") {
                if (auto s = takeString(member, "Effect"))
                    setStatementElement(
                        statement, StatementElement::Effect, member.keyRange, statement.effect, std::move(*s));
                else
                    typed = false;
            } else if (key == "Action" || key == "NotAction" || key == "Resource" || key == "NotResource") {
                auto list = takeStringList(member.value, "`" + key + "`");
                if (!list) {
                    typed = false;
                } else {
                    const StatementElement element = key == "Action" ? StatementElement::Action
                        : key == "NotAction"                         ? StatementElement::NotAction
                        : key == "Resource"                          ? StatementElement::Resource
                                                                     : StatementElement::NotResource;
                    auto &field = element == StatementElement::Action ? statement.action
                        : element == StatementElement::NotAction      ? statement.notAction
                        : element == StatementElement::Resource       ? statement.resource
                                                                      : statement.notResource;
                    setStatementElement(statement, element, member.keyRange, field, std::move(*list));
                }
            } else if (key == "Principal" || key == "NotPrincipal") {
                auto block = takePrincipal(member.value, key);
                if (!block)
                    typed = false;
                else if (key == "Principal")
                    setStatementElement(statement, StatementElement::Principal, member.keyRange, statement.principal,
                        std::move(*block));
                else
                    setStatementElement(statement, StatementElement::NotPrincipal, member.keyRange,
                        statement.notPrincipal, std::move(*block));
            } else if (key == "Condition") {
                auto block = takeCondition(member.value);
                if (!block)
                    typed = false;
                else
                    setStatementElement(statement, StatementElement::Condition, member.keyRange, statement.condition,
                        std::move(*block));
            } else {
                unknownElement(member, kStatementElements, "statement");
                typed = false;
            }
            if (!typed)
                keepExtra(statement.extras, statement.order, member);
        }
        return statement;
    }

    std::optional<StringList> takeStringList(JsonValue &value, const std::string &what)
    {
        StringList list;
        list.range = value.range;
        if (value.isString()) {
            list.values.push_back(PolicyString { std::move(value.text), value.range });
            return list;
        }
        if (!value.isArray()) {
            mismatch(value.range, what, "a string or an array of strings", value.type);
            return std::nullopt;
        }
        bool ok = true;
        for (const JsonValue &element : value.elements) {
            if (!element.isString()) {
                mismatch(element.range, "each value of " + what, "a string", element.type);
                ok = false;
            }
        }
        if (!ok)
            return std::nullopt;
        list.isArray = true;
        list.values.reserve(value.elements.size());
        for (JsonValue &element : value.elements)
            list.values.push_back(PolicyString { std::move(element.text), element.range });
        return list;
    }

    std::optional<PrincipalBlock> takePrincipal(JsonValue &value, const std::string &element)
    {
        PrincipalBlock block;
        block.range = value.range;
        if (value.isString()) {
            block.isString = true;
            block.wildcard = PolicyString { std::move(value.text), value.range };
            return block;
        }
        if (!value.isObject()) {
            mismatch(value.range, "`" + element + "`", "`\"*\"` or an object of principal types", value.type);
            return std::nullopt;
        }
        bool ok = true;
        for (JsonMember &member : value.members) {
            auto values = takeStringList(member.value, "principals of type `" + member.key + "`");
            if (!values) {
                ok = false;
                continue;
            }
            block.entries.push_back(
                PrincipalEntry { PolicyString { member.key, member.keyRange }, std::move(*values) });
        }
        if (!ok)
            return std::nullopt;
        return block;
    }

    std::optional<ConditionBlock> takeCondition(JsonValue &value)
    {
        if (!value.isObject()) {
            mismatch(value.range, "`Condition`", "an object of condition operators", value.type);
            return std::nullopt;
        }
        // Check everything before taking anything: a refused Condition is kept whole as an extra element, so no
        // string of it may have been moved out.
        bool ok = true;
        for (const JsonMember &opMember : value.members) {
            if (!opMember.value.isObject()) {
                mismatch(opMember.value.range, "the condition operator `" + opMember.key + "`",
                    "an object of condition keys", opMember.value.type);
                ok = false;
                continue;
            }
            for (const JsonMember &keyMember : opMember.value.members) {
                if (keyMember.value.isArray()) {
                    for (const JsonValue &element : keyMember.value.elements)
                        ok = checkConditionValue(element, keyMember.key) && ok;
                } else {
                    ok = checkConditionValue(keyMember.value, keyMember.key) && ok;
                }
            }
        }
        if (!ok)
            return std::nullopt;
        ConditionBlock block;
        block.range = value.range;
        for (JsonMember &opMember : value.members) {
            ConditionClause clause;
            clause.op = PolicyString { opMember.key, opMember.keyRange };
            clause.valueRange = opMember.value.range;
            for (JsonMember &keyMember : opMember.value.members) {
                ConditionEntry entry;
                entry.key = PolicyString { keyMember.key, keyMember.keyRange };
                entry.valueRange = keyMember.value.range;
                if (keyMember.value.isArray()) {
                    entry.isArray = true;
                    for (JsonValue &element : keyMember.value.elements)
                        entry.values.push_back(takeConditionValue(element));
                } else {
                    entry.values.push_back(takeConditionValue(keyMember.value));
                }
                clause.entries.push_back(std::move(entry));
            }
            block.clauses.push_back(std::move(clause));
        }
        return block;
    }

    /// Condition values are strings, booleans or numbers.
    bool checkConditionValue(const JsonValue &value, const std::string &key)
    {
        if (value.isString() || value.isBool() || value.isNumber())
            return true;
        mismatch(value.range, "a value of condition key `" + key + "`", "a string, a boolean or a number", value.type);
        return false;
    }

    static ConditionValue takeConditionValue(JsonValue &value)
    {
        switch (value.type) {
        case JsonType::Bool:
            return ConditionValue { ConditionValue::Kind::Bool, value.boolean ? "true" : "false", value.range };
        case JsonType::Number:
            return ConditionValue { ConditionValue::Kind::Number, std::move(value.text), value.range };
        default:
            return ConditionValue { ConditionValue::Kind::String, std::move(value.text), value.range };
        }
    }

    Diagnostics &m_diagnostics;
};

} // namespace

ParseResult policyFromJson(JsonValue &&value)
{
    ParseResult result;
    PolicyBuilder builder(result.diagnostics);
    result.policy = builder.build(std::move(value));
    return result;
}

bool ParseResult::isUsable() const
{
    return policy.has_value() && !recovered
        && std::none_of(diagnostics.begin(), diagnostics.end(),
            [](const Diagnostic &d) { return hasCheckCode(d, CheckCode::DataTypeMismatch); });
}

ParseResult parsePolicy(std::string_view text)
{
    ParseResult result;
    if (text.size() > kMaxPolicyTextBytes) {
        result.diagnostics.push_back(
            makeDiagnostic(CheckCode::DocumentTooLarge, SourceRange { { 1, 1, 0 }, { 1, 1, 0 } },
                "the policy text is " + std::to_string(text.size()) + " bytes; policies larger than "
                    + std::to_string(kMaxPolicyTextBytes) + " bytes are not read (IAM's largest are under 200 KB)"));
        return result;
    }
    JsonReadOptions options;
    options.maxDepth = 32; // a policy needs 6 levels
    JsonReadResult json = readJson(text, options);
    result.recovered = !json.isExact();
    result.diagnostics = std::move(json.diagnostics);
    if (json.value) {
        PolicyBuilder builder(result.diagnostics);
        result.policy = builder.build(std::move(*json.value));
    }
    sortByPosition(result.diagnostics);
    return result;
}

} // namespace rd::core
