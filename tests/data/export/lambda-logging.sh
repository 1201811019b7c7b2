#!/usr/bin/env bash
# IAM roles of Lambda logging example, exported by IAM Role Designer.
# Creates the roles with the AWS CLI; reads the policy files next to this script.
set -euo pipefail
cd "$(dirname "$0")"
export AWS_PAGER=""

# Role LambdaLogWriter
aws iam create-role \
    --role-name LambdaLogWriter \
    --path /service-role/ \
    --assume-role-policy-document file://LambdaLogWriter.trust-policy.json \
    --description 'Execution role of a Lambda function that writes its logs to my-log-bucket' \
    --max-session-duration 3600 >/dev/null
aws iam put-role-policy \
    --role-name LambdaLogWriter \
    --policy-name WriteLogs \
    --policy-document file://LambdaLogWriter.WriteLogs.json
