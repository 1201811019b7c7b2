#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Builds the release preset and runs the core benchmarks with repetitions, printing the medians that
# docs/PERFORMANCE.md reports.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_core
./build/release/tests/bench/bench_core --benchmark_repetitions="${REPETITIONS:-9}" \
    --benchmark_report_aggregates_only=true "$@" | grep -E '^(Benchmark|-|.*_median)'
