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

/// Gives every range of a policy the same value.
class RangeSetter
{
public:
    explicit RangeSetter(const SourceRange &range)
        : m_range(range)
    {
    }

    void set(Policy &policy) const
    {
        set(policy.version);
        set(policy.id);
        set(policy.statementRange);
        set(policy.range);
        for (ExtraElement &e : policy.extras)
            set(e);
        for (PolicyElementSlot &slot : policy.order)
            set(slot.keyRange);
        for (Statement &s : policy.statements) {
            set(s.sid);
            set(s.effect);
            set(s.principal);
            set(s.notPrincipal);
            set(s.action);
            set(s.notAction);
            set(s.resource);
            set(s.notResource);
            set(s.condition);
            for (ExtraElement &e : s.extras)
                set(e);
            for (ElementSlot &slot : s.order)
                set(slot.keyRange);
            set(s.range);
        }
    }

private:
    void set(SourceRange &range) const { range = m_range; }

    void set(PolicyString &s) const { set(s.range); }

    void set(JsonValue &value) const
    {
        set(value.range);
        for (JsonValue &e : value.elements)
            set(e);
        for (JsonMember &m : value.members) {
            set(m.keyRange);
            set(m.value);
        }
    }

    void set(StringList &list) const
    {
        set(list.range);
        for (PolicyString &s : list.values)
            set(s);
    }

    void set(PrincipalBlock &block) const
    {
        set(block.range);
        set(block.wildcard);
        for (PrincipalEntry &e : block.entries) {
            set(e.type);
            set(e.values);
        }
    }

    void set(ConditionBlock &block) const
    {
        set(block.range);
        for (ConditionClause &clause : block.clauses) {
            set(clause.op);
            set(clause.valueRange);
            for (ConditionEntry &entry : clause.entries) {
                set(entry.key);
                set(entry.valueRange);
                for (ConditionValue &v : entry.values)
                    set(v.range);
            }
        }
    }

    void set(ExtraElement &extra) const
    {
        set(extra.name);
        set(extra.value);
    }

    template <class T> void set(std::optional<T> &value) const
    {
        if (value)
            set(*value);
    }

    SourceRange m_range;
};

} // namespace

void clearSourceRanges(Policy &policy)
{
    RangeSetter(SourceRange {}).set(policy);
}

void setSourceRanges(Policy &policy, const SourceRange &range)
{
    RangeSetter(range).set(policy);
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
