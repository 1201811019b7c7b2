// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Whether two operator texts name the same operator (IAM reads operator names and their qualifiers without regard
/// to case: IAM User Guide, "IAM JSON policy elements: Condition operators").
bool sameConditionOperator(std::string_view a, std::string_view b);

/// Adds one `"op": {"key": values}` entry to a condition block: merges into the first clause with the same operator
/// (the exact text first, then any spelling of the same operator), and into that clause's entry for the same key
/// (condition keys are case-insensitive), appending the values not already there. A new clause or entry goes last.
/// One value is written as a string, several as an array.
void addConditionEntry(
    ConditionBlock &block, const std::string &op, const std::string &key, const std::vector<std::string> &values);

/// Whether any clause of the statement's Condition has this key (case-insensitive).
bool hasConditionKey(const Statement &statement, std::string_view key);

} // namespace rd::core
