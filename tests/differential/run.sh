#!/bin/sh
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
#
# Differential test: N generated cases (default 20000, seed default 1) through `role-designer-cli simulate --batch`
# and through the reference evaluator @cloud-copilot/iam-simulate (pinned in package.json; an external test tool,
# never linked, copied or shipped). Prints the agreement; the disagreements, grouped by class, go to
# $OUT/disagreements.jsonl (OUT defaults to build/ci/differential). Needs node and npm; builds nothing: build the
# targets role-designer-cli and make_large_inputs first (BUILD defaults to build/ci).
#
#   tests/differential/run.sh [N] [SEED]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-20000}
seed=${2:-1}
build=${BUILD:-$root/build/ci}
out=${OUT:-$build/differential}
cli=$build/app/role-designer-cli
make=$build/tests/bench/make_large_inputs

for tool in "$cli" "$make"; do
    if [ ! -x "$tool" ]; then
        echo "run.sh: $tool is missing: cmake --build $build --target role-designer-cli make_large_inputs" >&2
        exit 2
    fi
done
if [ ! -d "$here/node_modules/@cloud-copilot/iam-simulate" ]; then
    (cd "$here" && npm ci --no-audit --no-fund) >&2
fi

mkdir -p "$out"
"$make" batch-cases "$n" "$out/cases.jsonl" "$seed"
# Exit 1 means some cases were refused: they are counted, not fatal.
status=0
"$cli" simulate --batch "$out/cases.jsonl" >"$out/ours.jsonl" || status=$?
if [ "$status" -gt 1 ]; then
    echo "run.sh: role-designer-cli simulate --batch failed (exit $status)" >&2
    exit 2
fi
echo "seed $seed, $n cases ($(date -u +%Y-%m-%d))"
cd "$here"
node compare.mjs "$cli" "$out/cases.jsonl" "$out/ours.jsonl" "$out/disagreements.jsonl"
