// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/policy/Policy.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace rd::core
{

/// Larger policy texts are refused unread. IAM's largest documents, AWS managed policies, stay under 200 KB.
inline constexpr std::size_t kMaxPolicyTextBytes = std::size_t { 1 } << 20;

struct ParseResult {
    /// The AST; absent when the text is not a JSON object at all or could not be read to its end.
    std::optional<Policy> policy;
    /// JSON_SYNTAX_ERROR, DUPLICATE_KEYS, DATA_TYPE_MISMATCH, INVALID_POLICY_ELEMENT and DOCUMENT_TOO_LARGE
    /// findings, in text order.
    Diagnostics diagnostics;
    /// True when the JSON had syntax errors and `policy` was rebuilt by error recovery: editors should treat it as a
    /// preview, not as the document.
    bool recovered = false;

    /// A policy that came from valid JSON with every element of the type IAM requires: what may be stored in a
    /// workspace. An element of the wrong type is kept whole in `policy` (as an extra element, so that editors can
    /// show it), but IAM refuses such a document (MalformedPolicyDocument) and so does the workspace loader.
    bool isUsable() const;
};

/// Text to AST. Never throws; every problem is a diagnostic with the range of the offending value.
ParseResult parsePolicy(std::string_view text);

/// The same from an already read JSON value (a document embedded in a workspace or GAAD file). Takes the value
/// apart to avoid copying its strings.
ParseResult policyFromJson(JsonValue &&value);

} // namespace rd::core
