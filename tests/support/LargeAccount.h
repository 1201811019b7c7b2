// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <cstddef>

namespace rd::test
{

struct LargeAccountSize {
    std::size_t roles = 5000;
    std::size_t users = 2000;
    std::size_t groups = 200;
    std::size_t policies = 1000;
    std::size_t resources = 10000;

    /// `size` for a benchmark: as it is, or fifty times smaller when the environment sets RD_BENCH_GRAPH_SMALL (to
    /// anything but 0), as CTest's smoke runs of the benchmarks do.
    static LargeAccountSize forBenchmarks(LargeAccountSize size);
};

/// A generated account (deterministic: same size, same workspace) for the access graph benchmarks: roles with a
/// realistic variety of trust policies (AWS services, the account root, same-account roles forming chains, users,
/// partner accounts with sts:ExternalId, MFA conditions), users in groups, customer managed policies granting
/// actions on resource patterns (some of them sts:AssumeRole on role paths; one in twenty with a Deny carving out
/// one action on one resource), a few permissions boundaries, bucket policies on one bucket in ten.
rd::core::Workspace makeLargeAccount(const LargeAccountSize &size = {});

} // namespace rd::test
