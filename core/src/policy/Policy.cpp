// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/Policy.h"

namespace rd::core
{

std::string_view statementElementName(StatementElement element)
{
    switch (element) {
    case StatementElement::Sid:
        return "Sid";
    case StatementElement::Effect:
        return "Effect";
    case StatementElement::Principal:
        return "Principal";
    case StatementElement::NotPrincipal:
        return "NotPrincipal";
    case StatementElement::Action:
        return "Action";
    case StatementElement::NotAction:
        return "NotAction";
    case StatementElement::Resource:
        return "Resource";
    case StatementElement::NotResource:
        return "NotResource";
    case StatementElement::Condition:
        return "Condition";
    case StatementElement::Extra:
        return "";
    }
    return "";
}

std::optional<Effect> Statement::effectValue() const
{
    if (!effect)
        return std::nullopt;
    if (effect->value == "Allow")
        return Effect::Allow;
    if (effect->value == "Deny")
        return Effect::Deny;
    return std::nullopt;
}

namespace
{

void clear(SourceRange &range)
{
    range = SourceRange {};
}

void clear(PolicyString &s)
{
    clear(s.range);
}

void clear(JsonValue &value)
{
    clear(value.range);
    for (JsonValue &e : value.elements)
        clear(e);
    for (JsonMember &m : value.members) {
        clear(m.keyRange);
        clear(m.value);
    }
}

void clear(StringList &list)
{
    clear(list.range);
    for (PolicyString &s : list.values)
        clear(s);
}

void clear(PrincipalBlock &block)
{
    clear(block.range);
    clear(block.wildcard);
    for (PrincipalEntry &e : block.entries) {
        clear(e.type);
        clear(e.values);
    }
}

void clear(ConditionBlock &block)
{
    clear(block.range);
    for (ConditionClause &clause : block.clauses) {
        clear(clause.op);
        clear(clause.valueRange);
        for (ConditionEntry &entry : clause.entries) {
            clear(entry.key);
            clear(entry.valueRange);
            for (ConditionValue &v : entry.values)
                clear(v.range);
        }
    }
}

void clear(ExtraElement &extra)
{
    clear(extra.name);
    clear(extra.value);
}

template <class T> void clear(std::optional<T> &value)
{
    if (value)
        clear(*value);
}

} // namespace

void clearSourceRanges(Policy &policy)
{
    clear(policy.version);
    clear(policy.id);
    clear(policy.statementRange);
    clear(policy.range);
    for (ExtraElement &e : policy.extras)
        clear(e);
    for (PolicyElementSlot &slot : policy.order)
        clear(slot.keyRange);
    for (Statement &s : policy.statements) {
        clear(s.sid);
        clear(s.effect);
        clear(s.principal);
        clear(s.notPrincipal);
        clear(s.action);
        clear(s.notAction);
        clear(s.resource);
        clear(s.notResource);
        clear(s.condition);
        for (ExtraElement &e : s.extras)
            clear(e);
        for (ElementSlot &slot : s.order)
            clear(slot.keyRange);
        clear(s.range);
    }
}

bool sameContent(const Policy &a, const Policy &b)
{
    Policy left = a;
    Policy right = b;
    clearSourceRanges(left);
    clearSourceRanges(right);
    return left == right;
}

} // namespace rd::core
