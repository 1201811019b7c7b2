// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace rd::core
{

/// Wildcard matching costs up to pattern length x text length; values longer than this are refused before matching
/// (by CompiledPolicy for policy values, by PreparedRequest for request values). No identifier AWS accepts comes near
/// it: ARNs stop at 2,048 characters, tag values at 256.
inline constexpr std::size_t kMaxMatchedValueBytes = 8192;

/// The escape byte of wildcard patterns: `"\0*"` is a literal `*`, `"\0?"` a literal `?`, `"\0\0"` a NUL. Policy
/// variables produce it (`${*}`, and request values put into a pattern), so that text from a request never acts as a
/// wildcard.
inline constexpr char kWildcardEscape = '\0';

/// IAM's wildcard match over the whole text: `*` matches any run of characters (none included), `?` exactly one
/// character (a whole UTF-8 sequence). Case-sensitive; lower-case both sides for a case-insensitive match.
/// (IAM User Guide, "IAM JSON policy elements: Action" and "Resource".)
bool wildcardMatch(std::string_view pattern, std::string_view text);

/// Whether a pattern has a `*` or `?` that is not escaped.
bool hasWildcard(std::string_view pattern);

/// The six fields of an ARN, `arn:partition:service:region:account-id:resource`; the resource field keeps its own
/// colons. Returns false when the text has fewer than six fields. An escaped character, and a colon inside a policy
/// variable (`${aws:PrincipalAccount}`), never separates fields.
bool splitArn(std::string_view arn, std::array<std::string_view, 6> &fields);

/// How the Arn* condition operators compare an ARN with a pattern (IAM User Guide, "Amazon Resource Name (ARN)
/// condition operators": "each of the six colon-delimited components of the ARN is checked separately"): field by
/// field, wildcards inside a field; the resource field keeps its own colons, so there `*` spans `/` and `:`. A
/// pattern of fewer than six fields (`*`, `arn:aws:*`) is matched against the whole text.
bool arnMatch(std::string_view pattern, std::string_view arn);

/// How Resource and NotResource compare a resource with a pattern (IAM User Guide, "IAM JSON policy elements:
/// Resource"): the whole text at once; a `*` inside an ARN segment matches within the segment (no `:`), and "if the
/// `*` wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon
/// boundaries" (a `*` followed by `:` or ending the pattern matches anything). `?` matches one byte.
bool resourceMatch(std::string_view pattern, std::string_view resource);

/// Whether some text matches both wildcard patterns (`*` any run, `?` one character, kWildcardEscape quoting the next
/// byte). Every `*` is read as matching any run, so for Resource patterns (resourceMatch) the answer may be yes where
/// a star confined to its segment rules the overlap out: it never says no to an overlap that exists.
bool patternsOverlap(std::string_view a, std::string_view b);

/// Whether every resource that the Resource pattern `inner` matches is matched by the Resource pattern `outer` too
/// (both as resourceMatch reads them): `outer` read against `inner` token by token, where a `*` of `outer` may take
/// any run of `inner`'s characters and wildcards (a star confined to its segment only those that cannot be `:`), and a
/// `?` of `outer` one character or `?`. Sound, not complete: a yes is always right, a no may miss a containment that
/// needs reasoning across tokens (`?*` lies within `*?`).
bool resourcePatternWithin(std::string_view inner, std::string_view outer);

} // namespace rd::core
