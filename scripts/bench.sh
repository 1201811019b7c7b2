#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Builds the release preset and runs the benchmarks with repetitions, printing the medians that docs/PERFORMANCE.md
# reports. BENCHES picks the binaries (default: all); extra arguments go to each (for example
# BENCHES=bench_evaluation scripts/bench.sh --benchmark_filter=Batch).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
benches="${BENCHES:-bench_core bench_evaluation bench_validation bench_document bench_editor bench_usage}"
# shellcheck disable=SC2086
cmake --build --preset release --target $benches
for bench in $benches; do
    ./build/release/tests/bench/"$bench" --benchmark_repetitions="${REPETITIONS:-9}" \
        --benchmark_report_aggregates_only=true "$@" | grep -E '^(Benchmark|-|.*_median)'
done
