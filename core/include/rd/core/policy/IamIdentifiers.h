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

} // namespace rd::core
