// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/json/JsonValue.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

namespace rd::core
{

struct JsonReadOptions {
    /// Arrays and objects nested deeper than this are refused (a policy needs 6 levels, a workspace about 12).
    int maxDepth = 128;
    /// Texts longer than this are refused before reading.
    std::size_t maxBytes = std::size_t { 512 } * 1024 * 1024;
    /// Reading stops after this many errors; duplicate keys are reported this many times at most.
    int maxErrors = 50;
    /// Reading stops, with a JSON_SYNTAX_ERROR and no value, at the value after this many (every array element,
    /// object member, scalar and container counts one). Each value costs 120 to 250 bytes of memory once read, however
    /// few bytes it takes in the text (`0,` is two), so this, not maxBytes, is what bounds the memory a text can take:
    /// 10 million values stay under about 4 GB, while the authorization details of an account of 100,000 roles
    /// (81 MB as AWS prints them, 330 MB as the test generator writes them) hold under 7 million (docs/PERFORMANCE.md).
    std::size_t maxValues = std::size_t { 10 } * 1000 * 1000;
    /// When set, called with each element of an array that is the value of a member of the root object (a
    /// workspace's `roles`, a GAAD file's `RoleDetailList`) as soon as the element is read, with the root as read so
    /// far (its earlier members complete; the last is the array being read) and the element's index in that array.
    /// Returning true takes the element: the reader does not keep it, so the array in the result lacks it and a file
    /// of many entries never needs a DOM of all of them. Returning false keeps it as usual. An element is offered
    /// whole, possibly rebuilt by error recovery; a caller must drop what it took when the result is not exact.
    std::function<bool(const JsonValue &root, std::string_view key, std::size_t index, JsonValue &element)>
        takeRootListElement;
};

struct JsonReadResult {
    /// The value, possibly rebuilt by error recovery; absent when the text could not be read to its end.
    std::optional<JsonValue> value;
    /// JSON_SYNTAX_ERROR and DUPLICATE_KEYS findings, in text order.
    Diagnostics diagnostics;
    /// True when the text was refused for what holding it would cost: more bytes than maxBytes, more values than
    /// maxValues, or memory ran out. The last diagnostic says which; `value` is then absent.
    bool refusedForSize = false;
    /// True when `value` was read with no syntax error (duplicate keys aside).
    bool isExact() const;
};

/// Reads RFC 8259 JSON, keeping the source range of every value and key. Never throws. Recovers from common
/// mistakes (a missing or trailing comma, a missing colon, single quotes, unquoted words, comments, bad escapes,
/// invalid UTF-8, a string cut by a line break) so that one pass can report several errors; stops at the first error
/// it cannot step over, at the value past options.maxValues, or when memory runs out (each with a JSON_SYNTAX_ERROR
/// and no value).
JsonReadResult readJson(std::string_view text, const JsonReadOptions &options = {});

} // namespace rd::core
