// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Length of the UTF-8 sequence that starts at `pos` if it is well formed (no overlong forms, no surrogates, at most
/// U+10FFFF), else 0.
std::size_t validUtf8Length(std::string_view text, std::size_t pos);
/// Like validUtf8Length, but 1 for a malformed sequence, so that callers can always step forward.
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);
/// The code point whose UTF-8 sequence starts at `pos`, or U+FFFD for a malformed sequence (step on with
/// utf8SequenceLength).
char32_t codePointAt(std::string_view text, std::size_t pos);
/// The number of code points of `text`, each malformed byte counting as one: characters as IAM and STS count them.
std::size_t codePointCount(std::string_view text);
void appendUtf8(std::string &out, std::uint32_t cp);
std::string hex2(unsigned value);
std::string hex4(unsigned value);

/// The name of the encoding of `text` when it is UTF-16 or UTF-32 rather than UTF-8 ("UTF-16 (little-endian)",
/// "UTF-32 (big-endian)"...): by its byte order mark, or else by the pattern of NUL bytes in its first four bytes
/// (RFC 4627 section 3: the first two characters of a JSON text are ASCII). Nothing for any other text.
std::optional<std::string_view> wideUnicodeEncoding(std::string_view text);

/// Appends `value` as a JSON string literal, quotes included: escapes `"`, `\` and control characters; other
/// characters, non-ASCII included, are written as they are.
void appendJsonString(std::string &out, std::string_view value);

/// Percent-decoding as IAM applies it to policy documents in API responses (RFC 3986; `+` stays `+`).
/// Returns false on a malformed escape.
bool percentDecode(std::string_view in, std::string &out);

/// A decimal number as IAM's Numeric condition operators read it (`12`, `-3.5`, `1e3`); nothing for other text,
/// infinities and NaN.
std::optional<double> parseDecimal(std::string_view text);

/// RFC 4648 base64 (standard alphabet, padding optional). Returns false on any other character.
bool base64Decode(std::string_view in, std::string &out);

bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string toLower(std::string_view text);

/// Appends `value` to `list` unless the list holds it already regardless of (ASCII) case: condition keys as their
/// policies spell them, once each (IAM User Guide, "IAM JSON policy elements: Condition": key names are not case
/// sensitive).
void addIgnoringCase(std::vector<std::string> &list, std::string_view value);

} // namespace rd::core
