// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "validation/RedundancyChecker.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/PolicyWriter.h"

#include <optional>
#include <string_view>
#include <unordered_map>

namespace rd::core
{

RedundancyChecker::RedundancyChecker(Diagnostics &out)
    : m_out(out)
{
}

void RedundancyChecker::check(const Policy &policy)
{
    std::unordered_map<std::string, const Statement *> seen;
    for (const Statement &statement : policy.statements) {
        for (const auto *list :
            { statement.action ? &*statement.action : nullptr, statement.notAction ? &*statement.notAction : nullptr })
            if (list)
                checkList(*list, true);
        for (const auto *list : { statement.resource ? &*statement.resource : nullptr,
                 statement.notResource ? &*statement.notResource : nullptr })
            if (list)
                checkList(*list, false);
        // Two statements are the same when their text, Sid and positions aside, is the same.
        Policy single;
        single.statements.push_back(statement);
        single.statements.back().sid.reset();
        clearSourceRanges(single);
        single.statementForm = StatementForm::Object;
        const auto [it, inserted] = seen.emplace(writePolicy(single, WriteStyle::Minified), &statement);
        if (!inserted)
            m_out.push_back(makeDiagnostic(CheckCode::RedundantStatement, statement.range,
                "this statement grants what the statement on line " + std::to_string(it->second->range.begin.line)
                    + " already grants: remove one"));
    }
}

void RedundancyChecker::checkList(const StringList &list, bool actions)
{
    // Actions compare without regard to case; resources with it. Only a repeated value or a wildcard pattern can
    // cover another value, so each value is checked against those alone (lists of thousands of actions exist).
    std::vector<std::string> values;
    values.reserve(list.values.size());
    std::vector<std::size_t> patterns;
    for (const PolicyString &value : list.values) {
        values.push_back(actions ? toLower(value.value) : value.value);
        if (hasWildcard(values.back()))
            patterns.push_back(values.size() - 1);
    }
    std::unordered_map<std::string_view, std::size_t> first;
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::optional<std::size_t> cover;
        if (const auto [it, inserted] = first.emplace(values[i], i); !inserted)
            cover = it->second;
        for (std::size_t j = 0; !cover && j < patterns.size(); ++j) {
            const std::size_t p = patterns[j];
            // A pattern covers a value it matches; a literal `*` in the value is matched by any `*` of the pattern.
            if (p != i && values[p] != values[i]
                && (actions ? wildcardMatch(values[p], values[i]) : resourceMatch(values[p], values[i])))
                cover = p;
        }
        if (cover)
            m_out.push_back(makeDiagnostic(actions ? CheckCode::RedundantAction : CheckCode::RedundantResource,
                list.values[i].range,
                "`" + list.values[i].value + "` is redundant: `" + list.values[*cover].value + "` already covers it"));
    }
}

} // namespace rd::core
