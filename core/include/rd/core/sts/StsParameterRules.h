// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/sts/AssumeRoleResult.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

// AWS STS API Reference, AssumeRole, "Request Parameters": DurationSeconds "Minimum value of 900. Maximum value of
// 43200", default 3,600 seconds.
inline constexpr long long kStsMinDurationSeconds = 900;
inline constexpr long long kStsMaxDurationSeconds = 43200;
inline constexpr long long kStsDefaultDurationSeconds = 3600;
// IAM User Guide, "Role chaining": "Role chaining limits your AWS CLI or AWS API role session to a maximum of one
// hour."
inline constexpr long long kRoleChainingMaxSeconds = 3600;
// AWS STS API Reference, AssumeRole, "Request Parameters": Policy "can't exceed 2,048 characters"; PolicyArns "You can
// provide up to 10 managed policy ARNs"; Tags "You can pass up to 50 session tags", key "can't exceed 128
// characters", value "can't exceed 256 characters".
inline constexpr std::size_t kMaxSessionPolicyChars = 2048;
inline constexpr std::size_t kMaxSessionPolicyArns = 10;
inline constexpr std::size_t kMaxSessionTags = 50;
inline constexpr std::size_t kMaxSessionTagKeyChars = 128;
inline constexpr std::size_t kMaxSessionTagValueChars = 256;
/// The packed-size model's budget: compressed bytes that make 100 %. AWS does not publish its packed format; see
/// packedPolicySizePercent().
inline constexpr std::size_t kPackedPolicyBudgetBytes = 1024;

/// RoleSessionName: 2 to 64 characters of `[\w+=,.@-]` (AWS STS API Reference, AssumeRole, "Request Parameters").
std::optional<StsFailure> checkRoleSessionName(std::string_view name);
/// ExternalId: 2 to 1,224 characters of `[\w+=,.@:\/-]` (AWS STS API Reference, AssumeRole, "Request Parameters").
std::optional<StsFailure> checkExternalId(std::string_view externalId);
/// SourceIdentity: 2 to 64 characters of `[\w+=,.@-]` (AWS STS API Reference, AssumeRole, "Request Parameters"), which
/// also rules out the reserved `aws:` prefix (IAM User Guide, "Monitor and control actions taken with assumed roles").
std::optional<StsFailure> checkSourceIdentity(std::string_view sourceIdentity);
/// DurationSeconds within 900..43,200 (AWS STS API Reference, AssumeRole, "Request Parameters").
std::optional<StsFailure> checkDurationRange(long long seconds);
/// DurationSeconds at most the role's MaxSessionDuration (AWS STS API Reference, AssumeRole, "Request Parameters":
/// "If you specify a value higher than this setting ... the operation fails").
std::optional<StsFailure> checkMaxSessionDuration(long long seconds, int roleMaxSessionDuration);
/// DurationSeconds at most one hour when a role session assumes a role (IAM User Guide, "Role chaining"; STS answers
/// with a ValidationError).
std::optional<StsFailure> checkRoleChainingDuration(long long seconds);
/// The inline session policy: at most 2,048 characters of \u0020..\u00FF, tab, line feed and carriage return (AWS STS
/// API Reference, AssumeRole, "Request Parameters", Policy), and a readable JSON policy (else MalformedPolicyDocument).
std::optional<StsFailure> checkSessionPolicyText(std::string_view text);
/// PolicyArns: at most 10, each 20 to 2,048 characters and an IAM policy ARN (AWS STS API Reference, AssumeRole,
/// "Request Parameters", PolicyArns and PolicyDescriptorType).
std::optional<StsFailure> checkSessionPolicyArns(const std::vector<std::string> &arns);
/// Tags and TransitiveTagKeys: at most 50 tags; keys 1 to 128 and values 0 to 256 characters of
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]`; no key twice, compared case-insensitively; every transitive key one of the tags'
/// (AWS STS API Reference, AssumeRole, "Request Parameters"; IAM User Guide, "Passing session tags in AWS STS").
std::optional<StsFailure> checkSessionTags(
    const std::vector<Tag> &tags, const std::vector<std::string> &transitiveKeys);
/// A session tag passed by a role session must not have the key of a transitive tag it inherits, compared
/// case-insensitively: "If you pass a session tag with the same key as an inherited tag, the operation fails" (AWS STS
/// API Reference, AssumeRole, "Request Parameters", Tags; IAM User Guide, "Chaining roles with session tags"). The
/// pages name no error code: the failure is InvalidParameterValue, as for duplicate tag keys.
std::optional<StsFailure> checkInheritedTagConflict(const std::vector<Tag> &passed, const std::vector<Tag> &inherited);

/// An approximation of STS's PackedPolicySize, in percent: the zlib-compressed size of the minified inline session
/// policy, the managed policy ARNs and the session tags, against kPackedPolicyBudgetBytes. AWS compresses these into
/// "a packed binary format that has a separate limit" that it does not document, so the figure is indicative only: it
/// grows as AWS's does with longer and less repetitive policies and tags, and requests near 100 % may fare differently
/// in AWS.
int packedPolicySizePercent(
    std::string_view minifiedPolicy, const std::vector<std::string> &policyArns, const std::vector<Tag> &tags);
/// PackedPolicyTooLarge when the packed size exceeds 100 % (AWS STS API Reference, AssumeRole, "Errors").
std::optional<StsFailure> checkPackedPolicySize(int percent, bool tagsDominate);

} // namespace rd::core
