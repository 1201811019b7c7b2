// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/PolicyFormEdit.h"

#include "document/StringConversion.h"

#include <algorithm>
#include <array>

namespace rd::doc::PolicyFormEdit
{

namespace
{

using core::StatementElement;

std::size_t grammarRank(StatementElement element)
{
    return static_cast<std::size_t>(
        std::find(core::kStatementGrammarOrder.begin(), core::kStatementGrammarOrder.end(), element)
        - core::kStatementGrammarOrder.begin());
}

bool isPresent(const core::Statement &s, StatementElement element)
{
    switch (element) {
    case StatementElement::Sid:
        return s.sid.has_value();
    case StatementElement::Effect:
        return s.effect.has_value();
    case StatementElement::Principal:
        return s.principal.has_value();
    case StatementElement::NotPrincipal:
        return s.notPrincipal.has_value();
    case StatementElement::Action:
        return s.action.has_value();
    case StatementElement::NotAction:
        return s.notAction.has_value();
    case StatementElement::Resource:
        return s.resource.has_value();
    case StatementElement::NotResource:
        return s.notResource.has_value();
    case StatementElement::Condition:
        return s.condition.has_value();
    case StatementElement::Extra:
        return true;
    }
    return false;
}

bool sameValues(const std::vector<core::ConditionValue> &a, const std::vector<core::ConditionValue> &b)
{
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(), [](const core::ConditionValue &x, const core::ConditionValue &y) {
            return x.kind == y.kind && x.text == y.text;
        });
}

} // namespace

core::Statement newStatement()
{
    core::Statement s;
    s.effect = core::PolicyString { "Allow", {} };
    return s;
}

void setStringList(std::optional<core::StringList> &field, const QStringList &values)
{
    if (values.isEmpty()) {
        if (field) {
            field->values.clear();
            field->isArray = true;
        }
        return;
    }
    core::StringList list;
    if (field)
        list.range = field->range;
    list.values.reserve(static_cast<std::size_t>(values.size()));
    for (qsizetype i = 0; i < values.size(); ++i) {
        core::PolicyString value { toStdString(values.at(i)), {} };
        const auto index = static_cast<std::size_t>(i);
        if (field && index < field->values.size() && field->values[index].value == value.value)
            value.range = field->values[index].range;
        list.values.push_back(std::move(value));
    }
    list.isArray = values.size() > 1;
    field = std::move(list);
}

std::optional<core::StringList> *stringListField(core::Statement &statement, core::StatementElement element)
{
    switch (element) {
    case StatementElement::Action:
        return &statement.action;
    case StatementElement::NotAction:
        return &statement.notAction;
    case StatementElement::Resource:
        return &statement.resource;
    case StatementElement::NotResource:
        return &statement.notResource;
    default:
        return nullptr;
    }
}

void switchElement(core::Statement &statement, core::StatementElement from, core::StatementElement to)
{
    std::optional<core::StringList> *source = stringListField(statement, from);
    std::optional<core::StringList> *target = stringListField(statement, to);
    if (!source || !target || !*source || *target)
        return;
    *target = std::move(*source);
    source->reset();
    for (core::ElementSlot &slot : statement.order) {
        if (slot.element == from) {
            slot.element = to;
            break;
        }
    }
}

void syncOrder(core::Statement &statement)
{
    auto &order = statement.order;
    if (order.empty())
        return;
    std::erase_if(order, [&](const core::ElementSlot &slot) { return !isPresent(statement, slot.element); });
    for (StatementElement element : core::kStatementGrammarOrder) {
        if (!isPresent(statement, element))
            continue;
        const bool listed = std::any_of(
            order.begin(), order.end(), [&](const core::ElementSlot &slot) { return slot.element == element; });
        if (listed)
            continue;
        // Before the first element that comes later in the grammar, else after the last known element (unknown
        // elements at the end stay at the end).
        auto at = std::find_if(order.begin(), order.end(), [&](const core::ElementSlot &slot) {
            return slot.element != StatementElement::Extra && grammarRank(slot.element) > grammarRank(element);
        });
        if (at == order.end()) {
            auto lastKnown = std::find_if(order.rbegin(), order.rend(),
                [](const core::ElementSlot &slot) { return slot.element != StatementElement::Extra; });
            at = lastKnown == order.rend() ? order.begin() : lastKnown.base();
        }
        order.insert(at, core::ElementSlot { element, {} });
    }
}

void prepareForWrite(core::Policy &policy)
{
    if (!policy.version) {
        policy.version = core::PolicyString { kCurrentVersion, {} };
        const bool listed = std::any_of(policy.order.begin(), policy.order.end(),
            [](const core::PolicyElementSlot &slot) { return slot.element == core::PolicyElement::Version; });
        if (!policy.order.empty() && !listed)
            policy.order.insert(policy.order.begin(), core::PolicyElementSlot { core::PolicyElement::Version, {} });
    }
    if (policy.statementForm == core::StatementForm::Absent) {
        policy.statementForm = core::StatementForm::Array;
        if (!policy.order.empty())
            policy.order.push_back(core::PolicyElementSlot { core::PolicyElement::Statement, {} });
    } else if (policy.statementForm == core::StatementForm::Object && policy.statements.size() != 1) {
        policy.statementForm = core::StatementForm::Array;
    }
}

QStringList values(const std::optional<core::StringList> &field)
{
    QStringList out;
    if (!field)
        return out;
    out.reserve(static_cast<qsizetype>(field->values.size()));
    for (const core::PolicyString &value : field->values)
        out.append(toQString(value.value));
    return out;
}

bool sameCondition(const std::optional<core::ConditionBlock> &a, const std::optional<core::ConditionBlock> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    return std::equal(a->clauses.begin(), a->clauses.end(), b->clauses.begin(), b->clauses.end(),
        [](const core::ConditionClause &x, const core::ConditionClause &y) {
            return x.op.value == y.op.value
                && std::equal(x.entries.begin(), x.entries.end(), y.entries.begin(), y.entries.end(),
                    [](const core::ConditionEntry &p, const core::ConditionEntry &q) {
                        return p.key.value == q.key.value && p.isArray == q.isArray && sameValues(p.values, q.values);
                    });
        });
}

} // namespace rd::doc::PolicyFormEdit
