// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>

namespace rd::core
{

/// Hands out names that are unique among those it gave before: the wanted name, else the name with 2, 3, ...
/// inserted before `suffix` (the file extension, or nothing). Names compared case-insensitively when asked, as on
/// the file systems of macOS and Windows. Deterministic: the same requests in the same order give the same names.
class UniqueNames
{
public:
    explicit UniqueNames(bool caseInsensitive = false)
        : m_caseInsensitive(caseInsensitive)
    {
    }

    std::string claim(const std::string &stem, std::string_view suffix = {}, std::string_view separator = {})
    {
        std::string name = stem + std::string(suffix);
        for (int n = 2; !m_used.insert(key(name)).second; ++n)
            name = stem + std::string(separator) + std::to_string(n) + std::string(suffix);
        return name;
    }

private:
    std::string key(std::string name) const
    {
        if (m_caseInsensitive)
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        return name;
    }

    bool m_caseInsensitive;
    std::set<std::string> m_used;
};

} // namespace rd::core
