// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyWriter.h"

#include "json/JsonTextWriter.h"
#include "policy/PolicyJson.h"

#include <array>

namespace rd::core
{
namespace
{

void writeStringList(JsonTextWriter &w, const StringList &list)
{
    if (!list.isArray && list.values.size() == 1) {
        w.string(list.values.front().value);
        return;
    }
    w.beginArray();
    for (const PolicyString &s : list.values)
        w.string(s.value);
    w.endArray();
}

void writePrincipal(JsonTextWriter &w, const PrincipalBlock &block)
{
    if (block.isString) {
        w.string(block.wildcard.value);
        return;
    }
    w.beginObject();
    for (const PrincipalEntry &entry : block.entries) {
        w.key(entry.type.value);
        writeStringList(w, entry.values);
    }
    w.endObject();
}

void writeConditionValue(JsonTextWriter &w, const ConditionValue &v)
{
    switch (v.kind) {
    case ConditionValue::Kind::String:
        w.string(v.text);
        return;
    case ConditionValue::Kind::Bool:
        w.boolean(v.text == "true");
        return;
    case ConditionValue::Kind::Number:
        w.number(v.text);
        return;
    }
}

void writeCondition(JsonTextWriter &w, const ConditionBlock &block)
{
    w.beginObject();
    for (const ConditionClause &clause : block.clauses) {
        w.key(clause.op.value);
        w.beginObject();
        for (const ConditionEntry &entry : clause.entries) {
            w.key(entry.key.value);
            if (!entry.isArray && entry.values.size() == 1) {
                writeConditionValue(w, entry.values.front());
            } else {
                w.beginArray();
                for (const ConditionValue &v : entry.values)
                    writeConditionValue(w, v);
                w.endArray();
            }
        }
        w.endObject();
    }
    w.endObject();
}

/// Writes one element if the statement has it; returns whether it did.
bool writeElement(JsonTextWriter &w, const Statement &s, StatementElement element)
{
    auto list = [&](const std::optional<StringList> &field) {
        if (!field)
            return false;
        w.key(statementElementName(element));
        writeStringList(w, *field);
        return true;
    };
    auto principal = [&](const std::optional<PrincipalBlock> &field) {
        if (!field)
            return false;
        w.key(statementElementName(element));
        writePrincipal(w, *field);
        return true;
    };
    auto string = [&](const std::optional<PolicyString> &field) {
        if (!field)
            return false;
        w.key(statementElementName(element));
        w.string(field->value);
        return true;
    };
    switch (element) {
    case StatementElement::Sid:
        return string(s.sid);
    case StatementElement::Effect:
        return string(s.effect);
    case StatementElement::Principal:
        return principal(s.principal);
    case StatementElement::NotPrincipal:
        return principal(s.notPrincipal);
    case StatementElement::Action:
        return list(s.action);
    case StatementElement::NotAction:
        return list(s.notAction);
    case StatementElement::Resource:
        return list(s.resource);
    case StatementElement::NotResource:
        return list(s.notResource);
    case StatementElement::Condition:
        if (!s.condition)
            return false;
        w.key("Condition");
        writeCondition(w, *s.condition);
        return true;
    case StatementElement::Extra:
        return false;
    }
    return false;
}

void writeStatement(JsonTextWriter &w, const Statement &s)
{
    w.beginObject();
    std::array<bool, kStatementGrammarOrder.size()> written {};
    std::size_t extra = 0;
    for (const ElementSlot &slot : s.order) {
        if (slot.element == StatementElement::Extra) {
            if (extra < s.extras.size()) {
                w.key(s.extras[extra].name.value);
                w.value(s.extras[extra].value);
                ++extra;
            }
            continue;
        }
        auto &done = written[static_cast<std::size_t>(slot.element)];
        if (!done)
            done = writeElement(w, s, slot.element);
    }
    for (StatementElement element : kStatementGrammarOrder) {
        if (!written[static_cast<std::size_t>(element)])
            writeElement(w, s, element);
    }
    for (; extra < s.extras.size(); ++extra) {
        w.key(s.extras[extra].name.value);
        w.value(s.extras[extra].value);
    }
    w.endObject();
}

void writeStatements(JsonTextWriter &w, const Policy &policy)
{
    w.key("Statement");
    if (policy.statementForm == StatementForm::Object && policy.statements.size() == 1) {
        writeStatement(w, policy.statements.front());
        return;
    }
    w.beginArray();
    for (const Statement &s : policy.statements)
        writeStatement(w, s);
    w.endArray();
}

} // namespace

void writePolicyValue(JsonTextWriter &w, const Policy &policy)
{
    w.beginObject();
    bool version = false;
    bool id = false;
    bool statement = false;
    std::size_t extra = 0;
    const bool hasStatement = policy.statementForm != StatementForm::Absent || !policy.statements.empty();
    for (const PolicyElementSlot &slot : policy.order) {
        switch (slot.element) {
        case PolicyElement::Version:
            if (policy.version && !version) {
                w.key("Version");
                w.string(policy.version->value);
                version = true;
            }
            break;
        case PolicyElement::Id:
            if (policy.id && !id) {
                w.key("Id");
                w.string(policy.id->value);
                id = true;
            }
            break;
        case PolicyElement::Statement:
            if (hasStatement && !statement) {
                writeStatements(w, policy);
                statement = true;
            }
            break;
        case PolicyElement::Extra:
            if (extra < policy.extras.size()) {
                w.key(policy.extras[extra].name.value);
                w.value(policy.extras[extra].value);
                ++extra;
            }
            break;
        }
    }
    if (policy.version && !version) {
        w.key("Version");
        w.string(policy.version->value);
    }
    if (policy.id && !id) {
        w.key("Id");
        w.string(policy.id->value);
    }
    if (hasStatement && !statement)
        writeStatements(w, policy);
    for (; extra < policy.extras.size(); ++extra) {
        w.key(policy.extras[extra].name.value);
        w.value(policy.extras[extra].value);
    }
    w.endObject();
}

std::string writePolicy(const Policy &policy, WriteStyle style)
{
    JsonTextWriter w(style == WriteStyle::Pretty, 1024);
    writePolicyValue(w, policy);
    return w.take();
}

std::string writeJson(const JsonValue &value, WriteStyle style)
{
    JsonTextWriter w(style == WriteStyle::Pretty);
    w.value(value);
    return w.take();
}

} // namespace rd::core
