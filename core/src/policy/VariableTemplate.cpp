// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/VariableTemplate.h"

#include "base/TextUtil.h"
#include "rd/core/base/Wildcard.h"

#include <algorithm>

namespace rd::core
{

namespace
{

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

void appendLiteral(std::vector<VariableTemplate::Part> &parts, std::string_view text)
{
    if (text.empty())
        return;
    if (!parts.empty() && !parts.back().isVariable && !parts.back().isSpecialCharacter)
        parts.back().text += text;
    else
        parts.push_back(VariableTemplate::Part { std::string(text), false, std::nullopt, false });
}

// Escapes NUL only: a literal part of a pattern keeps its wildcards.
void appendPatternLiteral(std::string &out, std::string_view text)
{
    for (char c : text) {
        if (c == kWildcardEscape)
            out += kWildcardEscape;
        out += c;
    }
}

} // namespace

void appendEscapedPattern(std::string &out, std::string_view text)
{
    for (char c : text) {
        if (c == '*' || c == '?' || c == kWildcardEscape)
            out += kWildcardEscape;
        out += c;
    }
}

VariableTemplate VariableTemplate::parse(std::string_view text)
{
    VariableTemplate result;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("${", pos);
        if (open == std::string_view::npos)
            break;
        const std::size_t close = text.find('}', open + 2);
        if (close == std::string_view::npos) {
            result.m_problems.push_back(Problem::MissingBrace);
            break;
        }
        appendLiteral(result.m_parts, text.substr(pos, open - pos));
        const std::string_view inner = text.substr(open + 2, close - open - 2);
        pos = close + 1;
        result.m_hasVariables = true;
        if (inner == "*" || inner == "?" || inner == "$") {
            // Kept apart from other literal text so that a pattern can escape it.
            result.m_parts.push_back(Part { std::string(inner), false, std::nullopt, true });
            continue;
        }
        Part part { {}, true, std::nullopt, false };
        std::string_view key = inner;
        if (const std::size_t comma = inner.find(','); comma != std::string_view::npos) {
            key = inner.substr(0, comma);
            const std::string_view fallback = trim(inner.substr(comma + 1));
            if (fallback.size() >= 2 && fallback.front() == '\'' && fallback.back() == '\'') {
                part.defaultValue = std::string(fallback.substr(1, fallback.size() - 2));
            } else {
                part.defaultValue = std::string(fallback);
                result.m_problems.push_back(Problem::UnquotedDefault);
            }
        }
        part.text = toLower(trim(key));
        if (part.text.empty())
            result.m_problems.push_back(Problem::Empty);
        else if (part.text.find(' ') != std::string::npos)
            result.m_problems.push_back(Problem::SpaceInKey);
        result.m_parts.push_back(std::move(part));
    }
    appendLiteral(result.m_parts, text.substr(pos));
    return result;
}

bool VariableTemplate::hasWellFormedVariables() const
{
    return std::any_of(m_parts.begin(), m_parts.end(),
        [](const Part &part) { return part.isSpecialCharacter || (part.isVariable && !part.text.empty()); });
}

bool VariableTemplate::expand(const RequestContext &context, Mode mode, std::string &out) const
{
    out.clear();
    for (const Part &part : m_parts) {
        std::string_view value;
        if (part.isVariable) {
            const RequestContext::Entry *entry = context.find(part.text);
            if (entry && entry->values.size() == 1)
                value = entry->values.front();
            else if (part.defaultValue && (!entry || entry->values.empty()))
                value = *part.defaultValue;
            else
                return false;
        } else if (part.isSpecialCharacter) {
            value = part.text;
        } else {
            if (mode == Mode::Pattern)
                appendPatternLiteral(out, part.text);
            else
                out += part.text;
            continue;
        }
        if (mode == Mode::Pattern)
            appendEscapedPattern(out, value);
        else
            out += value;
    }
    return true;
}

} // namespace rd::core
