// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Validation throughput: loading the built-in AWS service catalog, and the lookups the validator makes per policy.
#include "CorpusFiles.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/validation/PolicyValidator.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
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
            std::exit(EXIT_FAILURE);
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

/// The 1,594 AWS managed policy documents, read once. Exits with the reason when the archive cannot be read.
const std::vector<std::string> &corpus()
{
    static const std::vector<std::string> documents = [] {
        std::vector<std::string> out;
        for (const rd::test::ManagedPolicyFile &file : rd::test::requireManagedPolicyFiles())
            out.push_back(rd::test::managedPolicyDocument(file.text));
        return out;
    }();
    return documents;
}

/// Every managed policy validated as an identity policy (parse, grammar, catalog, security and size checks), with a
/// catalog loaded afresh in each iteration: what `validate` does in one process.
void ValidateCorpusWithCatalogLoad(benchmark::State &state)
{
    const std::vector<std::string> &documents = corpus();
    std::size_t findings = 0;
    for (auto _ : state) {
        std::string error;
        std::optional<ServiceCatalog> catalog = ServiceCatalog::loadBuiltin(error);
        if (!catalog) {
            std::cerr << error << '\n';
            std::exit(EXIT_FAILURE);
        }
        ValidationOptions options;
        options.catalog = &*catalog;
        for (const std::string &document : documents)
            findings += validatePolicyText(document, PolicyKind::Identity, options).size();
    }
    state.counters["policies"] = static_cast<double>(documents.size());
    state.counters["findingsPerRun"] = static_cast<double>(findings) / static_cast<double>(state.iterations());
}
BENCHMARK(ValidateCorpusWithCatalogLoad)->Unit(benchmark::kMillisecond);

/// Re-validating one policy of about 10 KB, as the editor does after a keystroke.
void RevalidateTenKilobytePolicy(benchmark::State &state)
{
    // The corpus document closest to 10,000 bytes.
    const std::vector<std::string> &documents = corpus();
    const std::string *chosen = &documents.front();
    for (const std::string &document : documents) {
        const auto distance = [](const std::string &d) {
            return d.size() > 10000 ? d.size() - 10000 : 10000 - d.size();
        };
        if (distance(document) < distance(*chosen))
            chosen = &document;
    }
    ServiceCatalog::builtin();
    for (auto _ : state)
        benchmark::DoNotOptimize(validatePolicyText(*chosen, PolicyKind::Identity).size());
    state.counters["bytes"] = static_cast<double>(chosen->size());
}
BENCHMARK(RevalidateTenKilobytePolicy)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
