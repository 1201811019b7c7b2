// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <string>
#include <vector>

namespace rd::test
{

inline const std::string kTrailAccount = "111111111111";
inline const std::string kTrailAppRole = "arn:aws:iam::111111111111:role/service/AppRole";
inline const std::string kTrailDeployRole = "arn:aws:iam::111111111111:role/DeployRole";
inline const std::string kTrailIdleRole = "arn:aws:iam::111111111111:role/IdleRole";
inline const std::string kTrailAlice = "arn:aws:iam::111111111111:user/alice";
inline const std::string kTrailPartnerRole = "arn:aws:iam::222222222222:role/Partner";

/// One API call of the fixture trail, as the done-when test replays it against a generated policy.
struct TrailCall {
    std::string principal;
    std::string action;
    std::string resource;
};

/// The project's own CloudTrail fixture, written the same way on every run: the S3 layout
/// `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz` (AWS CloudTrail
/// User Guide, "Finding your CloudTrail log files") with a digest file in `CloudTrail-Digest`, a stray text file, and
/// one uncompressed `.json`. Its records (cloudTrailFixtureRecords() lists what each shows):
/// - AppRole (assumed by alice and by ec2.amazonaws.com) calls s3 GetObject (3 objects of app-data), HeadObject,
///   ListObjectsV2, GetBucketLifecycle, lambda UpdateFunctionCode20150331v2, dynamodb GetItem (no `resources`),
///   ec2 DescribeInstances, an unmapped `s3 MadeUpOperation`; PutObject and DeleteObject denied (AccessDenied);
///   dynamodb PutItem on 2026-03-05 only; a kms Decrypt AwsServiceEvent under its name that is not its call;
/// - DeployRole (assumed by alice) calls lambda GetFunction20150331v2, dynamodb DescribeLimits (no resource-level
///   permissions) and DescribeTable with no table named; alice's assumption of IdleRole is denied, IdleRole is never
///   used;
/// - the role Partner of account 222222222222 reads an object (another principal).
/// Returns the folder that holds `AWSLogs`.
std::string writeCloudTrailFixture(const std::string &root);

/// The fixture's log records as one `{"Records":[...]}` text each, by file name relative to the root.
std::vector<std::pair<std::string, std::string>> cloudTrailFixtureFiles();

/// The workspace whose roles the fixture's records name: AppRole grants more than it uses (s3:DeleteObject,
/// s3:PutObject, dynamodb:PutItem, kms:Decrypt, iam:PassRole...), IdleRole grants s3:ListAllMyBuckets.
core::Workspace cloudTrailWorkspace();

/// The successful calls of AppRole up to 2026-03-04, each with the resource the request named.
std::vector<TrailCall> appRoleCallsUntilMarch4();

/// gzip (RFC 1952) of `text`, deterministic (no name, no time).
std::string gzipText(const std::string &text);

/// A large generated trail for the benchmark: `records` records of `roles` roles (`bench-role-N` of 111111111111) in
/// files of `recordsPerFile`, gzip-compressed, under `root` in the S3 layout, each record about 1.4 KB as CloudTrail
/// writes them (identity, session context, TLS details, request and response). Returns the bytes written.
std::size_t writeLargeTrail(
    const std::string &root, std::size_t records, std::size_t recordsPerFile, std::size_t roles);

} // namespace rd::test
