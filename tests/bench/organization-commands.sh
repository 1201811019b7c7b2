#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# The whole-process figures of docs/PERFORMANCE.md, "Organizations": an organization of ACCOUNTS accounts with ROLES
# roles each, made by make_large_inputs; `import`, `reach` who-can and `simulate --workspace` timed RUNS times each
# with /usr/bin/time (elapsed, user and system seconds, peak memory).
# usage: tests/bench/organization-commands.sh BUILD_DIR [ACCOUNTS ROLES RUNS]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [ACCOUNTS ROLES RUNS]}
accounts=${2:-50}
roles=${3:-200}
runs=${4:-3}
cli="$build/app/role-designer-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/make_large_inputs" organization "$accounts" "$roles" "$work/in"
time_it() {
    local label=$1
    shift
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "$label: %e s elapsed, %U s user, %S s system, %M KB" "$@" >/dev/null || true
    done
}
time_it import "$cli" import --gaad "$work"/in/gaad-*.json --organization "$work/in/organization.json" \
    --resources "$work/in/resources.json" --out "$work/org.rdws"
time_it "reach who-can" "$cli" reach --workspace "$work/org.rdws" --resource arn:aws:s3:::data-100000000003/x \
    --action s3:GetObject --format json
time_it "simulate --workspace" "$cli" simulate --workspace "$work/org.rdws" \
    --principal arn:aws:iam::100000000003:role/app/Role17 --action s3:DeleteBucket \
    --resource arn:aws:s3:::data-100000000003
