// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <string_view>

namespace rd::core
{

/// An AWS account id: exactly 12 digits (AWS Account Management Reference Guide, "View AWS account identifiers").
inline bool isAccountId(std::string_view text)
{
    return text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace rd::core
