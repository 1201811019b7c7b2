// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/Wildcard.h"

#include "TextUtil.h"

#include <cstddef>

namespace rd::core
{

bool wildcardMatch(std::string_view pattern, std::string_view text)
{
    // Greedy matching that returns to the last `*` on a mismatch: linear for one star, O(n*m) at worst, no recursion.
    constexpr std::size_t npos = std::string_view::npos;
    std::size_t p = 0;
    std::size_t t = 0;
    std::size_t starP = npos;
    std::size_t starT = 0;
    while (t < text.size()) {
        if (p < pattern.size()) {
            const char c = pattern[p];
            if (c == '*') {
                starP = ++p;
                starT = t;
                continue;
            }
            if (c == '?') {
                ++p;
                t += utf8SequenceLength(text, t);
                continue;
            }
            if (c == kWildcardEscape && p + 1 < pattern.size()) {
                if (pattern[p + 1] == text[t]) {
                    p += 2;
                    ++t;
                    continue;
                }
            } else if (c == text[t]) {
                ++p;
                ++t;
                continue;
            }
        }
        if (starP == npos)
            return false;
        p = starP;
        starT += utf8SequenceLength(text, starT);
        t = starT;
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

bool hasWildcard(std::string_view pattern)
{
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == kWildcardEscape)
            ++i;
        else if (pattern[i] == '*' || pattern[i] == '?')
            return true;
    }
    return false;
}

bool splitArn(std::string_view arn, std::array<std::string_view, 6> &fields)
{
    std::size_t start = 0;
    std::size_t field = 0;
    for (std::size_t i = 0; i < arn.size() && field < 5; ++i) {
        if (arn[i] == kWildcardEscape) {
            ++i;
        } else if (arn[i] == ':') {
            fields[field++] = arn.substr(start, i - start);
            start = i + 1;
        }
    }
    if (field < 5)
        return false;
    fields[5] = arn.substr(start);
    return true;
}

bool arnMatch(std::string_view pattern, std::string_view arn)
{
    std::array<std::string_view, 6> fields;
    const bool split = splitArn(arn, fields);
    return arnMatch(pattern, arn, split ? &fields : nullptr);
}

bool arnMatch(std::string_view pattern, std::string_view arn, const std::array<std::string_view, 6> *arnFields)
{
    std::array<std::string_view, 6> patternFields;
    if (!splitArn(pattern, patternFields))
        return wildcardMatch(pattern, arn);
    if (!arnFields)
        return false;
    for (std::size_t i = 0; i < 6; ++i) {
        if (!wildcardMatch(patternFields[i], (*arnFields)[i]))
            return false;
    }
    return true;
}

} // namespace rd::core
