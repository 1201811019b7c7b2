// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Role usage from CloudTrail (docs/USAGE.md): the generated trail of tests/support/CloudTrailFixture.h (200,000
// records in 200 gzip files by default; RD_BENCH_USAGE_RECORDS sets the count) read end to end, one thread and one per
// core: records per second as the `records/s` counter. The 1-million-record run with peak memory is the CLI's,
// measured with /usr/bin/time (docs/PERFORMANCE.md).
#include "CloudTrailFixture.h"
#include "rd/core/usage/UsageAnalysis.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace
{

using namespace rd::core;

std::size_t recordCount()
{
    const char *value = std::getenv("RD_BENCH_USAGE_RECORDS");
    return value ? std::strtoul(value, nullptr, 10) : 200000;
}

// The trail, written once per run into a temporary folder that the program removes at exit.
const std::string &trail()
{
    static const std::string root = [] {
        const std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("rd-bench-usage-" + std::to_string(::getpid()));
        rd::test::writeLargeTrail(path.string(), recordCount(), 1000, 200);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(trail(), ec);
        });
        return path.string();
    }();
    return root;
}

void BM_UsageFromGzipTrail(benchmark::State &state)
{
    const std::string &root = trail();
    UsageOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    std::uint64_t records = 0;
    for (auto _ : state) {
        const UsageReport report = UsageAnalysis::fromCloudTrail({ root }, nullptr, nullptr, options);
        records = report.read.records;
        benchmark::DoNotOptimize(report.otherPrincipals.size());
    }
    state.counters["records/s"] = benchmark::Counter(
        static_cast<double>(records) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_UsageFromGzipTrail)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
