// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "evaluation/BatchCase.h"

#include <cstddef>
#include <memory>
#include <string_view>

namespace rd::core
{

/// Reads batch cases without source ranges, for throughput (simdjson On Demand), and compiles their policies through
/// a CompiledPolicyCache. It takes only cases that are valid JSON and whose every field and policy has the type and
/// form the batch format asks for; anything else (a syntax error, a duplicate key, an unknown field or policy
/// element, a value of the wrong type, a policy the grammar check or the compiler refuses, a number as an `id` or a
/// context value) it declines, and the caller reads that line with the full reader, which gives the diagnostic. For
/// the cases it takes, the decision is the full reader's: the policies are built into the same AST (without ranges)
/// and go through the same grammar check and compiler. Compiled policies carry no name and no ranges: the fast path
/// is not for explanations. Not thread-safe: one per worker.
class FastCaseReader
{
public:
    /// Bytes that must be readable after a line (their content does not matter).
    static constexpr std::size_t kPadding = 64;

    FastCaseReader();
    ~FastCaseReader();
    FastCaseReader(const FastCaseReader &) = delete;
    FastCaseReader &operator=(const FastCaseReader &) = delete;

    /// Reads `line` into `out` (a fresh BatchCase); false when the line must go to the full reader (`out` is then
    /// to be discarded). Requires `capacity` >= line.size() + kPadding readable bytes at line.data().
    bool read(std::string_view line, std::size_t capacity, BatchCase &out);

    /// Compiled policies held by the cache.
    std::size_t cachedPolicies() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace rd::core
