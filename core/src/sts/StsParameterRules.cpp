// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/sts/StsParameterRules.h"

#include "base/TextUtil.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <zlib.h>

namespace rd::core
{

namespace
{

constexpr std::string_view kRequestParameters = "AWS STS API Reference, AssumeRole, \"Request Parameters\"";

bool isWordCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string quoteForMessage(std::string_view value)
{
    return value.size() > 80 ? std::string(value.substr(0, 77)) + "..." : std::string(value);
}

// STS's wording for a failed constraint: "1 validation error detected: Value 'x' at 'roleSessionName' failed to
// satisfy constraint: Member must ...".
StsFailure validationError(std::string_view parameter, std::string_view member, std::string_view value,
    std::string_view constraint, std::string_view rule)
{
    StsFailure failure;
    failure.code = "ValidationError";
    failure.message = "1 validation error detected: Value '" + quoteForMessage(value) + "' at '" + std::string(member)
        + "' failed to satisfy constraint: Member must " + std::string(constraint);
    failure.parameter = std::string(parameter);
    failure.rule = std::string(rule) + " (" + std::string(kRequestParameters) + ")";
    return failure;
}

std::optional<StsFailure> checkPatterned(std::string_view parameter, std::string_view member, std::string_view value,
    std::size_t minLength, std::size_t maxLength, std::string_view extra, std::string_view pattern)
{
    const std::string rule = std::string(parameter) + ": " + std::to_string(minLength) + " to "
        + std::to_string(maxLength) + " characters of " + std::string(pattern);
    if (value.size() < minLength)
        return validationError(
            parameter, member, value, "have length greater than or equal to " + std::to_string(minLength), rule);
    if (value.size() > maxLength)
        return validationError(
            parameter, member, value, "have length less than or equal to " + std::to_string(maxLength), rule);
    const bool ok = std::all_of(value.begin(), value.end(),
        [&](char c) { return isWordCharacter(c) || extra.find(c) != std::string_view::npos; });
    if (!ok)
        return validationError(
            parameter, member, value, "satisfy regular expression pattern: " + std::string(pattern) + "*", rule);
    return std::nullopt;
}

// Every character of a session tag key or value is one of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`, as for IAM tags.
bool allTagCharacters(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); i += utf8SequenceLength(text, i)) {
        if (!isTagCharacter(codePointAt(text, i)))
            return false;
    }
    return true;
}

} // namespace

std::optional<StsFailure> checkRoleSessionName(std::string_view name)
{
    return checkPatterned("RoleSessionName", "roleSessionName", name, 2, 64, "+=,.@-", "[\\w+=,.@-]");
}

std::optional<StsFailure> checkExternalId(std::string_view externalId)
{
    return checkPatterned("ExternalId", "externalId", externalId, 2, 1224, "+=,.@:/-", "[\\w+=,.@:/-]");
}

std::optional<StsFailure> checkSourceIdentity(std::string_view sourceIdentity)
{
    // The pattern also keeps out the `aws:` prefix that IAM User Guide, "Monitor and control actions taken with
    // assumed roles", reserves ("You cannot use a value that begins with the text aws:"): `:` is not in it.
    return checkPatterned("SourceIdentity", "sourceIdentity", sourceIdentity, 2, 64, "+=,.@-", "[\\w+=,.@-]");
}

std::optional<StsFailure> checkDurationRange(long long seconds)
{
    const std::string rule = "DurationSeconds from 900 to 43200";
    if (seconds < kStsMinDurationSeconds)
        return validationError("DurationSeconds", "durationSeconds", std::to_string(seconds),
            "have value greater than or equal to 900", rule);
    if (seconds > kStsMaxDurationSeconds)
        return validationError("DurationSeconds", "durationSeconds", std::to_string(seconds),
            "have value less than or equal to 43200", rule);
    return std::nullopt;
}

std::optional<StsFailure> checkMaxSessionDuration(long long seconds, int roleMaxSessionDuration)
{
    if (seconds <= roleMaxSessionDuration)
        return std::nullopt;
    StsFailure failure;
    failure.code = "ValidationError";
    failure.message = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    failure.parameter = "DurationSeconds";
    failure.rule = "DurationSeconds at most the role's MaxSessionDuration (" + std::to_string(roleMaxSessionDuration)
        + " s) (" + std::string(kRequestParameters) + ")";
    return failure;
}

std::optional<StsFailure> checkRoleChainingDuration(long long seconds)
{
    if (seconds <= kRoleChainingMaxSeconds)
        return std::nullopt;
    StsFailure failure;
    failure.code = "ValidationError";
    failure.message =
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
    failure.parameter = "DurationSeconds";
    failure.rule = "a role chaining session lasts at most one hour (IAM User Guide, \"Role chaining\")";
    return failure;
}

std::optional<StsFailure> checkSessionPolicyText(std::string_view text)
{
    const std::string rule = "Policy: at most 2048 characters from \\u0020 to \\u00FF, tab, line feed and carriage "
                             "return";
    const std::size_t count = codePointCount(text);
    if (count > kMaxSessionPolicyChars)
        return validationError("Policy", "policy", text, "have length less than or equal to 2048", rule);
    if (text.empty())
        return validationError("Policy", "policy", text, "have length greater than or equal to 1", rule);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = validUtf8Length(text, i);
        unsigned codePoint = static_cast<unsigned char>(text[i]);
        if (length == 2)
            codePoint = ((codePoint & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
        const bool ok = length == 1 || length == 2
            ? (codePoint >= 0x20 && codePoint <= 0xFF) || codePoint == 0x09 || codePoint == 0x0A || codePoint == 0x0D
            : false;
        if (!ok)
            return validationError("Policy", "policy", text,
                "satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+", rule);
        i += length == 0 ? 1 : length;
    }
    const ParseResult parsed = parsePolicy(text);
    const auto error = std::find_if(parsed.diagnostics.begin(), parsed.diagnostics.end(),
        [](const Diagnostic &d) { return d.severity == Severity::Error; });
    if (!parsed.isUsable() || error != parsed.diagnostics.end()) {
        StsFailure failure;
        failure.code = "MalformedPolicyDocument";
        failure.message = "The session policy is not a valid policy: "
            + (error != parsed.diagnostics.end() ? error->message : std::string("it is not a JSON object"));
        failure.parameter = "Policy";
        failure.rule = "Policy must be a policy document (AWS STS API Reference, AssumeRole, \"Errors\": "
                       "MalformedPolicyDocument)";
        return failure;
    }
    return std::nullopt;
}

std::optional<StsFailure> checkSessionPolicyArns(const std::vector<std::string> &arns)
{
    if (arns.size() > kMaxSessionPolicyArns) {
        StsFailure failure = validationError("PolicyArns", "policyArns", std::to_string(arns.size()) + " ARNs",
            "have length less than or equal to 10", "PolicyArns: at most 10 managed policy ARNs");
        failure.message = "1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member "
                          "must have length less than or equal to 10 ("
            + std::to_string(arns.size()) + " given)";
        return failure;
    }
    for (const std::string &arn : arns) {
        if (arn.size() < 20 || arn.size() > 2048)
            return validationError("PolicyArns", "policyArns.member.arn", arn,
                arn.size() < 20 ? "have length greater than or equal to 20" : "have length less than or equal to 2048",
                "PolicyArns: each ARN 20 to 2048 characters");
        if (arn.rfind("arn:", 0) != 0 || arn.find(":iam::") == std::string::npos
            || arn.find(":policy/") == std::string::npos) {
            StsFailure failure;
            failure.code = "InvalidParameterValue";
            failure.message = "`" + arn + "` is not the ARN of an IAM managed policy";
            failure.parameter = "PolicyArns";
            failure.rule = "PolicyArns: ARNs of IAM managed policies (" + std::string(kRequestParameters) + ")";
            return failure;
        }
    }
    return std::nullopt;
}

std::optional<StsFailure> checkSessionTags(const std::vector<Tag> &tags, const std::vector<std::string> &transitiveKeys)
{
    const std::string pattern = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]";
    if (tags.size() > kMaxSessionTags) {
        StsFailure failure = validationError("Tags", "tags", std::to_string(tags.size()) + " tags",
            "have length less than or equal to 50", "Tags: at most 50 session tags");
        failure.message = "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have "
                          "length less than or equal to 50 ("
            + std::to_string(tags.size()) + " given)";
        return failure;
    }
    std::set<std::string> seen;
    for (const Tag &tag : tags) {
        const std::size_t keyLength = codePointCount(tag.key);
        if (keyLength < 1 || keyLength > kMaxSessionTagKeyChars)
            return validationError("Tags", "tags.member.key", tag.key,
                keyLength < 1 ? "have length greater than or equal to 1" : "have length less than or equal to 128",
                "Tags: keys of 1 to 128 characters");
        if (codePointCount(tag.value) > kMaxSessionTagValueChars)
            return validationError("Tags", "tags.member.value", tag.value, "have length less than or equal to 256",
                "Tags: values of at most 256 characters");
        if (!allTagCharacters(tag.key))
            return validationError("Tags", "tags.member.key", tag.key,
                "satisfy regular expression pattern: " + pattern + "+", "Tags: keys of " + pattern);
        if (!allTagCharacters(tag.value))
            return validationError("Tags", "tags.member.value", tag.value,
                "satisfy regular expression pattern: " + pattern + "*", "Tags: values of " + pattern);
        // IAM User Guide, "Passing session tags in AWS STS": "You can't pass session tags that have the same key
        // with different cases" (tag keys are case-insensitive).
        if (!seen.insert(toLower(tag.key)).second) {
            StsFailure failure;
            failure.code = "InvalidParameterValue";
            failure.message =
                "Duplicate tag keys found. Please note that Tag keys are case insensitive. (`" + tag.key + "`)";
            failure.parameter = "Tags";
            failure.rule = "session tag keys are unique, case-insensitively (IAM User Guide, \"Passing session tags "
                           "in AWS STS\")";
            return failure;
        }
    }
    for (const std::string &key : transitiveKeys) {
        if (seen.count(toLower(key)) == 0) {
            StsFailure failure;
            failure.code = "InvalidParameterValue";
            failure.message = "The transitive tag key `" + key + "` is not the key of a session tag of this request";
            failure.parameter = "TransitiveTagKeys";
            failure.rule = "TransitiveTagKeys name session tags passed in the same request (IAM User Guide, "
                           "\"Chaining roles with session tags\")";
            return failure;
        }
    }
    return std::nullopt;
}

std::optional<StsFailure> checkInheritedTagConflict(const std::vector<Tag> &passed, const std::vector<Tag> &inherited)
{
    for (const Tag &tag : passed) {
        for (const Tag &kept : inherited) {
            if (!equalsIgnoreCase(tag.key, kept.key))
                continue;
            StsFailure failure;
            failure.code = "InvalidParameterValue";
            failure.message = "The session tag `" + tag.key + "` has the key of the transitive tag `" + kept.key + "="
                + kept.value + "` inherited from the calling session: a chained session cannot pass it again";
            failure.parameter = "Tags";
            failure.rule = "a session tag cannot have the key of an inherited transitive tag (AWS STS API Reference, "
                           "AssumeRole, \"Request Parameters\"; IAM User Guide, \"Chaining roles with session tags\")";
            return failure;
        }
    }
    return std::nullopt;
}

int packedPolicySizePercent(
    std::string_view minifiedPolicy, const std::vector<std::string> &policyArns, const std::vector<Tag> &tags)
{
    if (minifiedPolicy.empty() && policyArns.empty() && tags.empty())
        return 0;
    std::string packed(minifiedPolicy);
    for (const std::string &arn : policyArns)
        packed.append("\n").append(arn);
    for (const Tag &tag : tags)
        packed.append("\n").append(tag.key).append("=").append(tag.value);
    uLongf size = compressBound(static_cast<uLong>(packed.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(packed.data()),
            static_cast<uLong>(packed.size()), 9)
        != Z_OK)
        size = static_cast<uLongf>(packed.size());
    const double percent = 100.0 * static_cast<double>(size) / static_cast<double>(kPackedPolicyBudgetBytes);
    return static_cast<int>(std::ceil(percent));
}

std::optional<StsFailure> checkPackedPolicySize(int percent, bool tagsDominate)
{
    if (percent <= 100)
        return std::nullopt;
    StsFailure failure;
    failure.code = "PackedPolicyTooLarge";
    // The two wordings STS uses (AWS re:Post knowledge center, "iam-role-aws-sts-error").
    failure.message = tagsDominate
        ? "Packed size of session tags consumes " + std::to_string(percent) + "% of allotted space."
        : "Packed policy consumes " + std::to_string(percent) + "% of allotted space, please use smaller policy.";
    failure.parameter = tagsDominate ? "Tags" : "Policy";
    failure.rule = "the packed session policies and tags fit in 100 % of the allotted space (AWS STS API Reference, "
                   "AssumeRole, \"Errors\": PackedPolicyTooLarge; the simulator's packed size is an approximation)";
    return failure;
}

} // namespace rd::core
