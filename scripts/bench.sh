#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Builds the release preset and runs the benchmarks with repetitions, printing the medians that docs/PERFORMANCE.md
# reports. Extra arguments go to every benchmark binary (for example --benchmark_filter=Batch).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_core bench_evaluation
for bench in bench_core bench_evaluation; do
    ./build/release/tests/bench/"$bench" --benchmark_repetitions="${REPETITIONS:-9}" \
        --benchmark_report_aggregates_only=true "$@" | grep -E '^(Benchmark|-|.*_median)'
done
