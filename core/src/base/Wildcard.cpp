// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/Wildcard.h"

#include "base/TextUtil.h"

#include <cstddef>
#include <cstdint>
#include <vector>

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
        } else if (arn[i] == '$' && i + 1 < arn.size() && arn[i + 1] == '{') {
            // A policy variable is one piece: `${aws:PrincipalAccount}` does not end a field at its colon.
            const std::size_t close = arn.find('}', i);
            if (close != std::string_view::npos)
                i = close;
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
    std::array<std::string_view, 6> patternFields;
    if (!splitArn(pattern, patternFields))
        return wildcardMatch(pattern, arn);
    std::array<std::string_view, 6> arnFields;
    if (!splitArn(arn, arnFields))
        return false;
    for (std::size_t i = 0; i < 6; ++i) {
        if (!wildcardMatch(patternFields[i], arnFields[i]))
            return false;
    }
    return true;
}

namespace
{

struct Token {
    enum class Kind : std::uint8_t { Literal, AnyOne, StarInSegment, StarAcrossSegments };
    Kind kind = Kind::Literal;
    char c = 0;
};

// Thompson-style simulation over pattern positions: no backtracking, O(pattern x text) at worst.
bool simulate(const std::vector<Token> &tokens, std::string_view text)
{
    const std::size_t m = tokens.size();
    std::vector<char> current(m + 1, 0);
    std::vector<char> next(m + 1, 0);
    auto close = [&](std::vector<char> &states) {
        for (std::size_t i = 0; i < m; ++i) {
            if (states[i] && tokens[i].kind >= Token::Kind::StarInSegment)
                states[i + 1] = 1;
        }
    };
    current[0] = 1;
    close(current);
    for (char c : text) {
        std::fill(next.begin(), next.end(), 0);
        bool any = false;
        for (std::size_t i = 0; i < m; ++i) {
            if (!current[i])
                continue;
            const Token &t = tokens[i];
            // A star stays where it is; a matched character moves on.
            std::size_t to = i + 1;
            switch (t.kind) {
            case Token::Kind::Literal:
                if (t.c != c)
                    continue;
                break;
            case Token::Kind::AnyOne:
                break;
            case Token::Kind::StarInSegment:
                if (c == ':')
                    continue;
                to = i;
                break;
            case Token::Kind::StarAcrossSegments:
                to = i;
                break;
            }
            next[to] = 1;
            any = true;
        }
        if (!any)
            return false;
        close(next);
        current.swap(next);
    }
    return current[m];
}

// Whether some `*` of the pattern is followed by a character other than `:` (a star confined to its segment).
bool hasStarInSegment(std::string_view pattern)
{
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == kWildcardEscape) {
            ++i;
        } else if (pattern[i] == '*') {
            std::size_t end = i;
            while (end < pattern.size() && pattern[end] == '*')
                ++end;
            if (end < pattern.size() && pattern[end] != ':')
                return true;
            i = end - 1;
        }
    }
    return false;
}

} // namespace

bool resourceMatch(std::string_view pattern, std::string_view resource)
{
    // Without a star confined to its segment every star matches anything: the plain matcher does, without
    // allocating (the common `arn:aws:s3:::bucket/*`).
    if (!hasStarInSegment(pattern))
        return wildcardMatch(pattern, resource);
    // Tokens, with each run of stars made one star whose reach depends on what follows the run.
    std::vector<Token> tokens;
    tokens.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '*') {
            std::size_t end = i;
            while (end < pattern.size() && pattern[end] == '*')
                ++end;
            const bool across = end == pattern.size() || pattern[end] == ':';
            tokens.push_back(Token { across ? Token::Kind::StarAcrossSegments : Token::Kind::StarInSegment, 0 });
            i = end - 1;
        } else if (c == '?') {
            tokens.push_back(Token { Token::Kind::AnyOne, 0 });
        } else if (c == kWildcardEscape && i + 1 < pattern.size()) {
            tokens.push_back(Token { Token::Kind::Literal, pattern[++i] });
        } else {
            tokens.push_back(Token { Token::Kind::Literal, c });
        }
    }
    return simulate(tokens, resource);
}

namespace
{

// A Resource pattern as resourceMatch reads it: a run of stars is one star, which crosses `:` when the run ends the
// pattern or is followed by `:`, or when no star of the pattern is confined to its segment (the plain matcher then
// applies to all of them).
std::vector<Token> resourceTokens(std::string_view pattern)
{
    const bool confined = hasStarInSegment(pattern);
    std::vector<Token> tokens;
    tokens.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '*') {
            std::size_t end = i;
            while (end < pattern.size() && pattern[end] == '*')
                ++end;
            const bool across = !confined || end == pattern.size() || pattern[end] == ':';
            tokens.push_back(Token { across ? Token::Kind::StarAcrossSegments : Token::Kind::StarInSegment, 0 });
            i = end - 1;
        } else if (c == '?') {
            tokens.push_back(Token { Token::Kind::AnyOne, 0 });
        } else if (c == kWildcardEscape && i + 1 < pattern.size()) {
            tokens.push_back(Token { Token::Kind::Literal, pattern[++i] });
        } else {
            tokens.push_back(Token { Token::Kind::Literal, c });
        }
    }
    return tokens;
}

bool isStar(const Token &t)
{
    return t.kind == Token::Kind::StarInSegment || t.kind == Token::Kind::StarAcrossSegments;
}

// Whether the token `outer` (one of the outer pattern's) can stand for the inner pattern's token `inner` in every
// text: a star that crosses segments for anything, a star confined to its segment for a literal other than `:` or
// another confined star, `?` for one literal or `?`, a literal for the same literal.
bool covers(const Token &outer, const Token &inner)
{
    switch (outer.kind) {
    case Token::Kind::StarAcrossSegments:
        return true;
    case Token::Kind::StarInSegment:
        return (inner.kind == Token::Kind::Literal && inner.c != ':') || inner.kind == Token::Kind::StarInSegment;
    case Token::Kind::AnyOne:
        return inner.kind == Token::Kind::Literal || inner.kind == Token::Kind::AnyOne;
    case Token::Kind::Literal:
        return inner.kind == Token::Kind::Literal && inner.c == outer.c;
    }
    return false;
}

} // namespace

bool patternsOverlap(std::string_view a, std::string_view b)
{
    const std::vector<Token> x = resourceTokens(a);
    const std::vector<Token> y = resourceTokens(b);
    const std::size_t n = x.size();
    const std::size_t m = y.size();
    // reach[i][j]: some text takes x[0..i) and y[0..j) to the same point. A star may match nothing, or one more
    // character of the other pattern.
    std::vector<char> reach((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> char & { return reach[i * (m + 1) + j]; };
    at(0, 0) = 1;
    for (std::size_t i = 0; i <= n; ++i) {
        for (std::size_t j = 0; j <= m; ++j) {
            if (!at(i, j))
                continue;
            const bool xStar = i < n && isStar(x[i]);
            const bool yStar = j < m && isStar(y[j]);
            if (xStar) {
                at(i + 1, j) = 1;
                if (j < m)
                    at(i, j + 1) = 1;
            }
            if (yStar) {
                at(i, j + 1) = 1;
                if (i < n)
                    at(i + 1, j) = 1;
            }
            if (i < n && j < m && !xStar && !yStar
                && (x[i].kind == Token::Kind::AnyOne || y[j].kind == Token::Kind::AnyOne || x[i].c == y[j].c))
                at(i + 1, j + 1) = 1;
        }
    }
    return at(n, m);
}

bool resourcePatternWithin(std::string_view inner, std::string_view outer)
{
    if (inner == outer)
        return true;
    const std::vector<Token> in = resourceTokens(inner);
    const std::vector<Token> out = resourceTokens(outer);
    const std::size_t n = out.size();
    const std::size_t m = in.size();
    // reach[i][j]: out[0..i) stands for in[0..j). A star of `out` takes nothing, or one more token of `in` it covers.
    std::vector<char> reach((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> char & { return reach[i * (m + 1) + j]; };
    at(0, 0) = 1;
    for (std::size_t i = 0; i <= n; ++i) {
        for (std::size_t j = 0; j <= m; ++j) {
            if (!at(i, j) || i == n)
                continue;
            if (isStar(out[i])) {
                at(i + 1, j) = 1;
                if (j < m && covers(out[i], in[j]))
                    at(i, j + 1) = 1;
            } else if (j < m && covers(out[i], in[j])) {
                at(i + 1, j + 1) = 1;
            }
        }
    }
    return at(n, m);
}

} // namespace rd::core
