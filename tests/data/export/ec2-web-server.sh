#!/usr/bin/env bash
# IAM roles of EC2 web server, exported by IAM Role Designer.
# Creates the roles with the AWS CLI; reads the policy files next to this script.
set -euo pipefail
cd "$(dirname "$0")"
export AWS_PAGER=""

# Customer managed policy AppConfigRead
policy_arn_1=$(aws iam create-policy \
    --policy-name AppConfigRead \
    --path /app/ \
    --description 'Read the application'\''s parameters' \
    --policy-document file://AppConfigRead.managed-policy.json \
    --query Policy.Arn \
    --output text)

# Customer managed policy DeveloperBoundary
policy_arn_2=$(aws iam create-policy \
    --policy-name DeveloperBoundary \
    --path / \
    --policy-document file://DeveloperBoundary.managed-policy.json \
    --query Policy.Arn \
    --output text)

# Role WebServer
aws iam create-role \
    --role-name WebServer \
    --path /app/ \
    --assume-role-policy-document file://WebServer.trust-policy.json \
    --description 'Instances of the web tier: read their configuration, "no" writes' \
    --max-session-duration 7200 \
    --permissions-boundary "$policy_arn_2" \
    --tags '[{"Key":"team","Value":"web"},{"Key":"cost-center","Value":"4711"}]' >/dev/null
aws iam put-role-policy \
    --role-name WebServer \
    --policy-name ReadReleases \
    --policy-document file://WebServer.ReadReleases.json
aws iam attach-role-policy \
    --role-name WebServer \
    --policy-arn "$policy_arn_1"
aws iam attach-role-policy \
    --role-name WebServer \
    --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam create-instance-profile \
    --instance-profile-name WebServer \
    --path /app/ >/dev/null
aws iam add-role-to-instance-profile \
    --instance-profile-name WebServer \
    --role-name WebServer
