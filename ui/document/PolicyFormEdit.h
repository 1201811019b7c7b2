// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QStringList>

#include <optional>

namespace rd::doc
{

/// The AST edits that policy forms make: each changes one element of a copy of the policy and keeps everything the
/// form does not show (Principal, unknown elements, the text order of the elements).
namespace PolicyFormEdit
{

/// The policy language version that forms write when a policy has none (IAM User Guide, "IAM JSON policy elements:
/// Version": without it, policy variables are not supported).
inline constexpr const char *kCurrentVersion = "2012-10-17";

/// A new statement: `"Effect": "Allow"` and nothing else (no Sid).
core::Statement newStatement();

/// Sets an Action/NotAction/Resource/NotResource list: one value is written as a plain string, several as an
/// array. An empty list keeps the element as an empty array when it was there, and leaves it absent otherwise.
/// Values that did not change keep their source ranges.
void setStringList(std::optional<core::StringList> &field, const QStringList &values);

/// Moves the value of element `from` to element `to` (Action to NotAction...) where `from` stood in the text.
/// Nothing happens when `from` is absent or `to` is already there.
void switchElement(core::Statement &statement, core::StatementElement from, core::StatementElement to);

/// Makes `order` agree with the elements present: a slot is dropped for an element that is gone, and an element
/// that appeared gets a slot at its place in the grammar's order (before the first later element), so that the
/// writer does not put it after the unknown elements. A statement with an empty order is left alone (the writer
/// uses the grammar's order).
void syncOrder(core::Statement &statement);

/// What every form edit needs before it is written: a Version when there is none, and a Statement array when the
/// statements no longer fit the single-object form.
void prepareForWrite(core::Policy &policy);

/// The list an element holds, or nullptr for Sid, Effect, Principal, Condition...
std::optional<core::StringList> *stringListField(core::Statement &statement, core::StatementElement element);

/// The values of a list as QStrings (an absent list has none).
QStringList values(const std::optional<core::StringList> &field);

/// Whether two condition blocks say the same thing, wherever their texts put it.
bool sameCondition(const std::optional<core::ConditionBlock> &a, const std::optional<core::ConditionBlock> &b);

} // namespace PolicyFormEdit

} // namespace rd::doc
