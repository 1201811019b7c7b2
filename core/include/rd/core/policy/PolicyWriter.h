// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/json/JsonValue.h"
#include "rd/core/policy/Policy.h"

#include <string>

namespace rd::core
{

enum class WriteStyle {
    /// The AWS console's layout: 4-space indent, one element or value per line, final newline.
    Pretty,
    /// No white space at all: what IAM stores and counts against its size quotas.
    Minified
};

/// AST to text, deterministically: elements and values in the order the AST holds them, scalar-or-array forms kept,
/// unknown elements written back as they were read.
std::string writePolicy(const Policy &policy, WriteStyle style = WriteStyle::Pretty);

/// Any JSON value, in the same two styles.
std::string writeJson(const JsonValue &value, WriteStyle style = WriteStyle::Pretty);

} // namespace rd::core
