// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Validation throughput: loading the built-in AWS service catalog, and the lookups the validator makes per policy.
#include "rd/core/ServiceCatalog.h"

#include <benchmark/benchmark.h>

#include <iostream>

namespace
{

using namespace rd::core;

/// Inflate the embedded gzip (223 KB → 1.6 MB of text) and build the catalog with its indexes.
void LoadCatalog(benchmark::State &state)
{
    for (auto _ : state) {
        std::string error;
        std::optional<ServiceCatalog> catalog = ServiceCatalog::loadBuiltin(error);
        if (!catalog) {
            std::cerr << error << '\n';
            std::abort();
        }
        benchmark::DoNotOptimize(catalog->actionCount());
    }
}
BENCHMARK(LoadCatalog)->Unit(benchmark::kMillisecond);

/// Exact action lookups, case-insensitive, as for every Action value of a policy.
void LookUpAction(benchmark::State &state)
{
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    const char *actions[] = { "s3:GetObject", "IAM:PassRole", "ec2:describeinstances", "kms:Decrypt" };
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(catalog.action(actions[i++ & 3]));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(LookUpAction);

/// Wildcard expansion over one service.
void ExpandActionWildcard(benchmark::State &state)
{
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    for (auto _ : state)
        benchmark::DoNotOptimize(catalog.matchActions("ec2:Describe*").size());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(ExpandActionWildcard);

/// Condition keys: global, service, and with placeholders.
void LookUpConditionKey(benchmark::State &state)
{
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    const char *keys[] = { "aws:SourceIp", "aws:PrincipalTag/team", "iam:PassedToService", "s3:ExistingObjectTag/a" };
    std::size_t i = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(catalog.conditionKey(keys[i++ & 3]));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(LookUpConditionKey);

} // namespace

BENCHMARK_MAIN();
