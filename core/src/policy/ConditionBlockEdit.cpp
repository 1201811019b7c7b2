// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/ConditionBlockEdit.h"

#include "base/TextUtil.h"
#include "rd/core/policy/ConditionOperator.h"

#include <algorithm>
#include <optional>

namespace rd::core
{

bool sameConditionOperator(std::string_view a, std::string_view b)
{
    if (a == b)
        return true;
    const std::optional<ConditionOperatorSpec> specA = parseConditionOperator(a);
    const std::optional<ConditionOperatorSpec> specB = parseConditionOperator(b);
    return specA && specB && *specA == *specB;
}

void addConditionEntry(
    ConditionBlock &block, const std::string &op, const std::string &key, const std::vector<std::string> &values)
{
    std::optional<std::size_t> clause;
    for (std::size_t i = 0; i < block.clauses.size() && !clause; ++i) {
        if (block.clauses[i].op.value == op)
            clause = i;
    }
    for (std::size_t i = 0; i < block.clauses.size() && !clause; ++i) {
        if (sameConditionOperator(block.clauses[i].op.value, op))
            clause = i;
    }
    if (!clause) {
        ConditionClause added;
        added.op.value = op;
        block.clauses.push_back(std::move(added));
        clause = block.clauses.size() - 1;
    }
    std::vector<ConditionEntry> &entries = block.clauses[*clause].entries;
    auto entry = std::find_if(
        entries.begin(), entries.end(), [&](const ConditionEntry &e) { return equalsIgnoreCase(e.key.value, key); });
    if (entry == entries.end()) {
        ConditionEntry added;
        added.key.value = key;
        entries.push_back(std::move(added));
        entry = entries.end() - 1;
    }
    for (const std::string &value : values) {
        const bool present = std::any_of(
            entry->values.begin(), entry->values.end(), [&](const ConditionValue &v) { return v.text == value; });
        if (!present)
            entry->values.push_back(ConditionValue { ConditionValue::Kind::String, value, {} });
    }
    entry->isArray = entry->values.size() != 1;
}

bool hasConditionKey(const Statement &statement, std::string_view key)
{
    if (!statement.condition)
        return false;
    for (const ConditionClause &clause : statement.condition->clauses) {
        for (const ConditionEntry &entry : clause.entries) {
            if (equalsIgnoreCase(entry.key.value, key))
                return true;
        }
    }
    return false;
}

} // namespace rd::core
