// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "SplitMix.h"

#include <cstdint>
#include <string>

namespace rd::test
{

/// Realistic random cases of the batch format (docs/EVALUATION.md, "Batch files"), deterministic for a seed: the
/// differential harness (tests/differential) and the batch benchmarks read them. Each case is one JSON line of about
/// 1.8 KB on average with identity, resource (trust, key) policies, boundaries, session policies, SCP and RCP levels;
/// statements use every condition-operator family with `IfExists` and `ForAllValues:`/`ForAnyValue:`, policy
/// variables with and without defaults, wildcards, `NotAction`/`NotResource`/`NotPrincipal`; requests come from
/// users, role sessions (as `assumed-role` ARNs or as role ARNs with `aws:PrincipalType` `AssumedRole`), federated
/// users, root users, services and anonymous callers, in the resource's account or another one.
class BatchCaseGenerator
{
public:
    explicit BatchCaseGenerator(std::uint64_t seed);

    /// The next case, one line of JSON without its newline; its id is `case-N` (N from 1).
    std::string next();

private:
    SplitMix m_random;
    std::uint64_t m_count = 0;
};

} // namespace rd::test
