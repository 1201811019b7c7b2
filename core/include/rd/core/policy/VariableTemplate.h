// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/RequestContext.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// A Resource value or condition value with policy variables (IAM User Guide, "IAM policy elements: Variables and
/// tags"): `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` with a default, and `${*}`, `${?}`, `${$}` for the
/// literal characters. Text that is not a well-formed variable stays literal.
class VariableTemplate
{
public:
    struct Part {
        /// Literal text, or the key of a variable (lower case) when `isVariable`.
        std::string text;
        bool isVariable = false;
        std::optional<std::string> defaultValue;
        /// `${*}`, `${?}` or `${$}`: `text` is the character, which matches only itself in a pattern.
        bool isSpecialCharacter = false;
    };

    /// How `expand` writes the result.
    enum class Mode {
        /// Plain text: `${*}` becomes `*`.
        Text,
        /// A wildcard pattern (see Wildcard.h): literal parts keep their wildcards; `${*}`, `${?}` and every
        /// request value are escaped so that they match only themselves.
        Pattern
    };

    /// What is malformed in a text's variables (the validator reports them; evaluation reads such a text as
    /// described on each).
    enum class Problem {
        /// `${` without `}`: the rest of the text is literal.
        MissingBrace,
        /// `${}` or `${ }`: a variable that names no key, so it never resolves.
        Empty,
        /// A space inside the key (`${aws: username}`).
        SpaceInKey,
        /// A default not in single quotes (`${key, value}`): taken as written.
        UnquotedDefault
    };

    static VariableTemplate parse(std::string_view text);

    /// True when the text held at least one `${...}`.
    bool hasVariables() const { return m_hasVariables; }
    /// True when at least one `${...}` names a key or is `${*}`, `${?}` or `${$}`.
    bool hasWellFormedVariables() const;
    const std::vector<Problem> &problems() const { return m_problems; }
    const std::vector<Part> &parts() const { return m_parts; }

    /// Writes the text with every variable replaced by the request's value. Returns false when a variable's key is
    /// absent (or multivalued) and has no default: the value then matches nothing.
    bool expand(const RequestContext &context, Mode mode, std::string &out) const;

private:
    std::vector<Part> m_parts;
    std::vector<Problem> m_problems;
    bool m_hasVariables = false;
};

/// Appends `text` to a wildcard pattern so that it matches only itself.
void appendEscapedPattern(std::string &out, std::string_view text);

} // namespace rd::core
