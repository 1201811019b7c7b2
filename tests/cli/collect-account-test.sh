#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# scripts/collect-account.sh against a fake `aws` that replays recorded AWS CLI outputs (tests/data/collect), then
# `role-designer-cli import` of what it wrote: every call the script makes must have been recorded, and the four
# inputs must import into one workspace with both accounts, the organization and the resources.
# usage: collect-account-test.sh SOURCE_DIR CLI
set -euo pipefail
source_dir=$1
cli=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export FAKE_AWS_RECORDINGS="$source_dir/tests/data/collect/recordings.json"
PATH="$source_dir/tests/data/collect/bin:$PATH" bash "$source_dir/scripts/collect-account.sh" --profile mgmt \
    --profile prod --org-profile mgmt --region eu-west-1 --out "$work/out"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
[ -s "$work/out/gaad-111111111111.json" ] || fail "no GAAD file for the management account"
[ -s "$work/out/gaad-222222222222.json" ] || fail "no GAAD file for the prod account"
[ "$(jq '.Resources | length' "$work/out/resources.json")" = 6 ] || fail "expected 6 resources"
[ "$(jq '[.Resources[] | select(.Policy)] | length' "$work/out/resources.json")" = 4 ] ||
    fail "expected 4 resource policies (bucket, key, queue, topic; none for the function and the secret)"
[ "$(jq -r '.Resources[] | select(.Type == "AWS::S3::Bucket") | .AccountId' "$work/out/resources.json")" = 222222222222 ] ||
    fail "the bucket's account"
[ "$(jq -c '[.Accounts[].ParentId]' "$work/out/organization.json")" = \
    '["r-ex12","ou-ex12-workload","ou-ex12-workload","ou-ex12-sandbox1"]' ] || fail "the accounts' parents"
[ "$(jq '.Policies | length' "$work/out/organization.json")" = 5 ] || fail "expected 3 SCPs and 2 RCPs"
[ "$(jq -r '.Policies[0].Targets[0].TargetId' "$work/out/organization.json")" = r-ex12 ] || fail "the targets"

summary=$("$cli" import --gaad "$work/out/gaad-111111111111.json" --gaad "$work/out/gaad-222222222222.json" \
    --organization "$work/out/organization.json" --resources "$work/out/resources.json" --out "$work/w.rdws" \
    --format json)
echo "$summary"
[ "$(jq '.accounts' <<<"$summary")" = 2 ] || fail "two accounts imported"
[ "$(jq '.organizationAccounts' <<<"$summary")" = 4 ] || fail "an organization of four accounts"
[ "$(jq '.organizationPolicies' <<<"$summary")" = 5 ] || fail "five SCPs and RCPs"
[ "$(jq '.resources' <<<"$summary")" = 6 ] || fail "six resources"
echo PASS
