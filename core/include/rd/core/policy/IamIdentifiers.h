// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace rd::core
{

/// An AWS account id: exactly 12 digits (AWS Account Management Reference Guide, "View AWS account identifiers").
inline bool isAccountId(std::string_view text)
{
    return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A character IAM allows in the names of users, roles, groups and policies: letters, digits and `+=,.@_-` (IAM
/// User Guide, "IAM identifiers").
inline bool isIamNameCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || std::string_view("+=,.@_-").find(c) != std::string_view::npos;
}

/// A name of 1 to `maxLength` IAM name characters (64 for roles and users, 128 for policies).
inline bool isValidIamName(std::string_view name, std::size_t maxLength)
{
    return !name.empty() && name.size() <= maxLength && std::all_of(name.begin(), name.end(), isIamNameCharacter);
}

// Lengths in characters: Unicode code points, as IAM counts them.
/// IAM API Reference, "CreateRole": Description, at most 1,000 characters.
inline constexpr std::size_t kMaxRoleDescriptionLength = 1000;
/// IAM API Reference, "Tag": Key, 1 to 128 characters.
inline constexpr std::size_t kMaxTagKeyLength = 128;
/// IAM API Reference, "Tag": Value, 0 to 256 characters.
inline constexpr std::size_t kMaxTagValueLength = 256;
/// IAM API Reference, "CreateRole": Tags, at most 50 items; IAM User Guide, "IAM and AWS STS quotas": tags that can
/// be attached to an IAM role, 50 (not adjustable).
inline constexpr std::size_t kMaxTagsPerRole = 50;

/// A character of CreateRole's Description pattern `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]` (IAM API
/// Reference, "CreateRole"): tab, line feed, carriage return, printable ASCII and printable Latin-1 (not DEL, the C1
/// controls or the no-break space U+00A0).
constexpr bool isRoleDescriptionCharacter(char32_t c)
{
    return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF);
}

/// A character of the Tag data type's pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (IAM API Reference, "Tag"; the same
/// for STS session tags): a Unicode letter, separator or number by its general category in Unicode 14.0, or one of
/// `_.:/=+-@`.
bool isTagCharacter(char32_t c);

/// True when a tag key or value begins with the prefix AWS reserves, `aws:`, in any case (IAM User Guide, "Tagging
/// IAM resources": "You cannot create a tag key or value that begins with the text aws:").
bool hasReservedTagPrefix(std::string_view text);

} // namespace rd::core
