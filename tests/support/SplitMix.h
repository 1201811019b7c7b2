// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>

namespace rd::test
{

/// A small deterministic random generator (SplitMix64): generated accounts and random edits are the same on every
/// run and machine.
struct SplitMix {
    std::uint64_t state = 0;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// A number below `n` (0 when `n` is 0).
    std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

} // namespace rd::test
