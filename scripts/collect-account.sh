#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
#
# Collects what `role-designer-cli import` reads from real AWS accounts with the AWS CLI (README, "Import a real
# account or organization"):
#   DIR/gaad-ACCOUNT.json   aws iam get-account-authorization-details, one per --profile
#   DIR/organization.json   the AWS Organizations calls, with --org-profile (the management account or a delegated
#                           administrator): describe-organization, list-roots, the OUs (list-organizational-units-for-
#                           parent, recursively), list-accounts with each account's parent (list-parents), and every
#                           SCP and RCP (list-policies, describe-policy, list-targets-for-policy)
#   DIR/resources.json      the resource policies of S3 buckets, KMS keys, SQS queues, SNS topics, Lambda functions
#                           and Secrets Manager secrets of each --profile, in each --region
# Then: role-designer-cli import --gaad DIR/gaad-*.json --organization DIR/organization.json \
#           --resources DIR/resources.json --out W.rdws
# Needs: the AWS CLI (v2) and jq. Read-only calls only.
set -euo pipefail

usage() {
    echo "usage: $0 --profile P [--profile P...] [--org-profile P] [--region R...] --out DIR" >&2
    exit 2
}

profiles=()
regions=()
org_profile=""
out=""
while [ $# -gt 0 ]; do
    case "$1" in
    --profile) profiles+=("${2:?}"); shift 2 ;;
    --org-profile) org_profile="${2:?}"; shift 2 ;;
    --region) regions+=("${2:?}"); shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    *) usage ;;
    esac
done
[ ${#profiles[@]} -gt 0 ] && [ -n "$out" ] || usage
command -v aws >/dev/null || { echo "$0: the AWS CLI (aws) is not on PATH" >&2; exit 2; }
command -v jq >/dev/null || { echo "$0: jq is not on PATH" >&2; exit 2; }
mkdir -p "$out"

# A policy document, or nothing when the resource has none (the service answers with an error or `None`).
policy_or_empty() {
    local text
    if text=$("$@" 2>/dev/null) && [ -n "$text" ] && [ "$text" != "None" ] && [ "$text" != "null" ]; then
        printf '%s' "$text"
    fi
}

# One resource entry: ARN, CloudFormation type, account, policy (a JSON string, or omitted).
resource_entry() {
    jq -n --arg arn "$1" --arg type "$2" --arg account "$3" --arg policy "$4" \
        '{Arn: $arn, Type: $type, AccountId: $account} + (if $policy == "" then {} else {Policy: $policy} end)'
}

resources=()
for profile in "${profiles[@]}"; do
    account=$(aws sts get-caller-identity --profile "$profile" --query Account --output text)
    echo "account $account (profile $profile)" >&2
    aws iam get-account-authorization-details --profile "$profile" --output json >"$out/gaad-$account.json"

    profile_regions=("${regions[@]}")
    if [ ${#profile_regions[@]} -eq 0 ]; then
        profile_regions=("$(aws configure get region --profile "$profile" || echo us-east-1)")
    fi

    # S3 is global: buckets once per account.
    for bucket in $(aws s3api list-buckets --profile "$profile" --query 'Buckets[].Name' --output text); do
        [ "$bucket" = "None" ] && continue
        policy=$(policy_or_empty aws s3api get-bucket-policy --profile "$profile" --bucket "$bucket" --query Policy \
            --output text)
        resources+=("$(resource_entry "arn:aws:s3:::$bucket" AWS::S3::Bucket "$account" "$policy")")
    done
    for region in "${profile_regions[@]}"; do
        for key in $(aws kms list-keys --profile "$profile" --region "$region" --query 'Keys[].KeyArn' --output text); do
        [ "$key" = "None" ] && continue
            policy=$(policy_or_empty aws kms get-key-policy --profile "$profile" --region "$region" --key-id "$key" \
                --policy-name default --query Policy --output text)
            resources+=("$(resource_entry "$key" AWS::KMS::Key "$account" "$policy")")
        done
        for url in $(aws sqs list-queues --profile "$profile" --region "$region" --query 'QueueUrls' --output text); do
            [ "$url" = "None" ] && continue
            attributes=$(aws sqs get-queue-attributes --profile "$profile" --region "$region" --queue-url "$url" \
                --attribute-names Policy QueueArn --query Attributes --output json)
            arn=$(jq -r '.QueueArn' <<<"$attributes")
            policy=$(jq -r '.Policy // ""' <<<"$attributes")
            resources+=("$(resource_entry "$arn" AWS::SQS::Queue "$account" "$policy")")
        done
        for topic in $(aws sns list-topics --profile "$profile" --region "$region" --query 'Topics[].TopicArn' \
            --output text); do
        [ "$topic" = "None" ] && continue
            policy=$(policy_or_empty aws sns get-topic-attributes --profile "$profile" --region "$region" \
                --topic-arn "$topic" --query Attributes.Policy --output text)
            resources+=("$(resource_entry "$topic" AWS::SNS::Topic "$account" "$policy")")
        done
        for function in $(aws lambda list-functions --profile "$profile" --region "$region" \
            --query 'Functions[].FunctionArn' --output text); do
        [ "$function" = "None" ] && continue
            policy=$(policy_or_empty aws lambda get-policy --profile "$profile" --region "$region" \
                --function-name "$function" --query Policy --output text)
            resources+=("$(resource_entry "$function" AWS::Lambda::Function "$account" "$policy")")
        done
        for secret in $(aws secretsmanager list-secrets --profile "$profile" --region "$region" \
            --query 'SecretList[].ARN' --output text); do
        [ "$secret" = "None" ] && continue
            policy=$(policy_or_empty aws secretsmanager get-resource-policy --profile "$profile" --region "$region" \
                --secret-id "$secret" --query ResourcePolicy --output text)
            resources+=("$(resource_entry "$secret" AWS::SecretsManager::Secret "$account" "$policy")")
        done
    done
done
if [ ${#resources[@]} -eq 0 ]; then
    echo '{"Resources": []}' >"$out/resources.json"
else
    printf '%s\n' "${resources[@]}" | jq -s '{Resources: .}' >"$out/resources.json"
fi

if [ -n "$org_profile" ]; then
    org=(--profile "$org_profile")
    organization=$(aws organizations describe-organization "${org[@]}" --query Organization --output json)
    roots=$(aws organizations list-roots "${org[@]}" --query Roots --output json)
    # The OU tree, breadth first from the root, each OU with its ParentId.
    units='[]'
    parents=($(jq -r '.[].Id' <<<"$roots"))
    while [ ${#parents[@]} -gt 0 ]; do
        parent=${parents[0]}
        parents=("${parents[@]:1}")
        children=$(aws organizations list-organizational-units-for-parent "${org[@]}" --parent-id "$parent" \
            --query OrganizationalUnits --output json)
        units=$(jq --arg parent "$parent" --argjson children "$children" \
            '. + [$children[] | . + {ParentId: $parent}]' <<<"$units")
        parents+=($(jq -r '.[].Id' <<<"$children"))
    done
    accounts='[]'
    listed=$(aws organizations list-accounts "${org[@]}" --query Accounts --output json)
    for id in $(jq -r '.[].Id' <<<"$listed"); do
        parent=$(aws organizations list-parents "${org[@]}" --child-id "$id" --query 'Parents[0].Id' --output text)
        accounts=$(jq --arg id "$id" --arg parent "$parent" --argjson listed "$listed" \
            '. + [$listed[] | select(.Id == $id) | . + {ParentId: $parent}]' <<<"$accounts")
    done
    policies='[]'
    for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
        # A policy type that is not enabled answers with an error: it has no policies.
        ids=$(aws organizations list-policies "${org[@]}" --filter "$type" --query 'Policies[].Id' --output text \
            2>/dev/null || true)
        for id in $ids; do
            policy=$(aws organizations describe-policy "${org[@]}" --policy-id "$id" --query Policy --output json)
            targets=$(aws organizations list-targets-for-policy "${org[@]}" --policy-id "$id" --query Targets \
                --output json)
            policies=$(jq --argjson policy "$policy" --argjson targets "$targets" \
                '. + [$policy + {Targets: $targets}]' <<<"$policies")
        done
    done
    jq -n --argjson organization "$organization" --argjson roots "$roots" --argjson units "$units" \
        --argjson accounts "$accounts" --argjson policies "$policies" \
        '{Organization: $organization, Roots: $roots, OrganizationalUnits: $units, Accounts: $accounts,
          Policies: $policies}' >"$out/organization.json"
fi
echo "wrote $out" >&2
