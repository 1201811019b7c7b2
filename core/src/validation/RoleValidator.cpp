// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/validation/RoleValidator.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>
#include <map>
#include <optional>

namespace rd::core
{

namespace
{

// IAM identifiers: "/" alone, or starting and ending with "/", up to 512 printable ASCII characters.
bool validPath(std::string_view path)
{
    return !path.empty() && path.size() <= 512 && path.front() == '/' && path.back() == '/'
        && std::all_of(path.begin(), path.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

/// A character a pattern refuses, and where: its position in code points, from 1.
struct RefusedCharacter {
    char32_t character;
    std::size_t position;
};

template <class Allowed> std::optional<RefusedCharacter> firstRefused(std::string_view text, Allowed allowed)
{
    std::size_t position = 1;
    for (std::size_t i = 0; i < text.size(); i += utf8SequenceLength(text, i), ++position) {
        const char32_t c = codePointAt(text, i);
        if (!allowed(c))
            return RefusedCharacter { c, position };
    }
    return std::nullopt;
}

/// A character for a message: "`#` (U+0023)", or only "U+0009" for one that does not print.
std::string describe(char32_t c)
{
    const auto value = static_cast<std::uint32_t>(c);
    std::string digits = (value > 0xFFFF ? hex2(value >> 16) : std::string()) + hex4(value & 0xFFFF);
    while (digits.size() > 4 && digits.front() == '0')
        digits.erase(0, 1);
    std::string code = "U+" + digits;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return code;
    std::string out = "`";
    appendUtf8(out, value);
    return out + "` (" + code + ")";
}

/// A tag key or value for a message, its first 40 characters when it is longer.
std::string shown(std::string_view text)
{
    constexpr std::size_t kShown = 40;
    std::size_t end = 0;
    for (std::size_t n = 0; end < text.size() && n < kShown; ++n)
        end += utf8SequenceLength(text, end);
    return "`" + std::string(text.substr(0, end)) + (end < text.size() ? "...`" : "`");
}

constexpr std::string_view kTagCharacters = "letters, numbers, spaces and `_.:/=+-@` only";

// IAM API Reference, "CreateRole": Description, at most 1,000 characters of
// [\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*.
void checkDescription(const Role &role, Diagnostics &out)
{
    const SourceRange none;
    if (const std::size_t length = codePointCount(role.description); length > kMaxRoleDescriptionLength)
        out.push_back(makeDiagnostic(CheckCode::InvalidRoleDescription, none,
            "the description has " + std::to_string(length) + " characters: IAM allows at most "
                + std::to_string(kMaxRoleDescriptionLength)));
    if (const auto bad = firstRefused(role.description, isRoleDescriptionCharacter))
        out.push_back(makeDiagnostic(CheckCode::InvalidRoleDescription, none,
            "the description has " + describe(bad->character) + " at character " + std::to_string(bad->position)
                + ": IAM allows only tab, line feed, carriage return and the printable characters of Latin-1 "
                  "(U+0020 to U+007E, U+00A1 to U+00FF)"));
}

// IAM API Reference, "Tag": a key of 1 to 128 and a value of 0 to 256 characters of [\p{L}\p{Z}\p{N}_.:/=+\-@];
// IAM User Guide, "Tagging IAM resources": neither begins with aws:. One finding per key and per value: the first rule
// it breaks.
std::optional<std::string> tagKeyProblem(std::string_view key)
{
    if (key.empty())
        return "the key is empty: a tag key has 1 to " + std::to_string(kMaxTagKeyLength) + " characters";
    if (const std::size_t length = codePointCount(key); length > kMaxTagKeyLength)
        return "the key " + shown(key) + " has " + std::to_string(length) + " characters: IAM allows at most "
            + std::to_string(kMaxTagKeyLength);
    if (const auto bad = firstRefused(key, isTagCharacter))
        return "the key " + shown(key) + " has " + describe(bad->character) + ": tag keys are "
            + std::string(kTagCharacters);
    if (hasReservedTagPrefix(key))
        return "the key " + shown(key) + " begins with `aws:`, a prefix AWS reserves for its own tags";
    return std::nullopt;
}

std::optional<std::string> tagValueProblem(std::string_view value)
{
    if (const std::size_t length = codePointCount(value); length > kMaxTagValueLength)
        return "the value " + shown(value) + " has " + std::to_string(length) + " characters: IAM allows at most "
            + std::to_string(kMaxTagValueLength);
    if (const auto bad = firstRefused(value, isTagCharacter))
        return "the value " + shown(value) + " has " + describe(bad->character) + ": tag values are "
            + std::string(kTagCharacters);
    if (hasReservedTagPrefix(value))
        return "the value " + shown(value) + " begins with `aws:`, a prefix AWS reserves for its own tags";
    return std::nullopt;
}

void checkTags(const Role &role, Diagnostics &out)
{
    const SourceRange none;
    if (role.tags.size() > kMaxTagsPerRole)
        out.push_back(makeDiagnostic(CheckCode::TagsPerRoleExceeded, none,
            "the role has " + std::to_string(role.tags.size()) + " tags: IAM allows at most "
                + std::to_string(kMaxTagsPerRole) + " per role"));
    // IAM User Guide, "Tagging IAM resources": the tag keys of a role are not case sensitive, so `Department` and
    // `department` are one key. Compared with ASCII case folding.
    std::map<std::string, std::size_t> firstWithKey;
    for (std::size_t i = 0; i < role.tags.size(); ++i) {
        const Tag &tag = role.tags[i];
        const std::string where = "tag " + std::to_string(i + 1);
        if (const auto problem = tagKeyProblem(tag.key))
            out.push_back(makeDiagnostic(CheckCode::InvalidTagKey, none, where + ": " + *problem));
        if (const auto problem = tagValueProblem(tag.value))
            out.push_back(makeDiagnostic(CheckCode::InvalidTagValue, none,
                where + (tag.key.empty() ? std::string() : " (" + shown(tag.key) + ")") + ": " + *problem));
        if (tag.key.empty())
            continue;
        const auto [first, inserted] = firstWithKey.emplace(toLower(tag.key), i);
        if (!inserted)
            out.push_back(makeDiagnostic(CheckCode::DuplicateTagKey, none,
                "tags " + std::to_string(first->second + 1) + " and " + std::to_string(i + 1) + " have the keys "
                    + shown(role.tags[first->second].key) + " and " + shown(tag.key)
                    + ": the tag keys of a role are the same regardless of case"));
    }
}

bool atLeast(const Diagnostics &diagnostics, Severity severity)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [&](const Diagnostic &d) { return static_cast<int>(d.severity) <= static_cast<int>(severity); });
}

} // namespace

std::size_t RoleFindings::count() const
{
    std::size_t n = role.size() + trustPolicy.size();
    for (const auto &[name, findings] : inlinePolicies)
        n += findings.size();
    return n;
}

bool RoleFindings::hasSeverityAtLeast(Severity severity) const
{
    if (atLeast(role, severity) || atLeast(trustPolicy, severity))
        return true;
    return std::any_of(inlinePolicies.begin(), inlinePolicies.end(),
        [&](const auto &entry) { return atLeast(entry.second, severity); });
}

namespace
{

/// The findings of `role`, given the other role of its account with the same name (or nullptr).
RoleFindings validateRoleWith(const Role &role, const Role *duplicate, const ValidationOptions &options)
{
    RoleFindings findings;
    const SourceRange none;
    if (!isValidIamName(role.name, 64))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidRoleName, none,
            "the role name `" + role.name + "` must be 1 to 64 letters, digits or `+=,.@_-`"));
    if (duplicate)
        findings.role.push_back(makeDiagnostic(CheckCode::DuplicateRoleName, none,
            "another role of account " + role.accountId + " is named `" + duplicate->name
                + "`: IAM role names are unique regardless of case"));
    if (!validPath(role.path))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidRolePath, none,
            "the path `" + role.path
                + "` must be `/` or start and end with `/`, printable ASCII, at most 512 "
                  "characters"));
    if (!isValidMaxSessionDuration(role.maxSessionDuration))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidMaxSessionDuration, none,
            "MaxSessionDuration is " + std::to_string(role.maxSessionDuration)
                + " seconds: it must be from 3600 (1 hour) to 43200 (12 hours)"));
    if (role.attachedPolicyArns.size() > static_cast<std::size_t>(options.quotas.managedPoliciesPerRole))
        findings.role.push_back(makeDiagnostic(CheckCode::ManagedPoliciesPerRoleExceeded, none,
            std::to_string(role.attachedPolicyArns.size()) + " managed policies are attached: the account allows "
                + std::to_string(options.quotas.managedPoliciesPerRole) + " per role"));

    checkDescription(role, findings.role);
    checkTags(role, findings.role);

    ValidationOptions trustOptions = options;
    trustOptions.ownerAccount = role.accountId;
    findings.trustPolicy = validatePolicy(role.trustPolicy, PolicyKind::Trust, trustOptions);

    // Inline policies count against one aggregate quota rather than one each.
    ValidationOptions inlineOptions = options;
    inlineOptions.checkSize = false;
    std::size_t inlineSize = 0;
    for (const InlinePolicy &policy : role.inlinePolicies) {
        findings.inlinePolicies.emplace_back(
            policy.name, validatePolicy(policy.document, PolicyKind::Identity, inlineOptions));
        inlineSize += policySize(policy.document);
    }
    if (inlineSize > static_cast<std::size_t>(options.quotas.roleInlinePoliciesTotal))
        findings.role.push_back(makeDiagnostic(CheckCode::RoleInlinePoliciesSizeExceedsQuota, none,
            "the role's inline policies have " + std::to_string(inlineSize)
                + " characters without white space together, more than the "
                + std::to_string(options.quotas.roleInlinePoliciesTotal) + " IAM allows per role"));
    return findings;
}

} // namespace

RoleFindings validateRole(const Workspace &workspace, const Role &role, const ValidationOptions &options)
{
    // One role: a scan costs less than building an index.
    const Role *duplicate = nullptr;
    for (const Role &other : workspace.roles) {
        if (other.id != role.id && other.accountId == role.accountId && equalsIgnoreCase(other.name, role.name)) {
            duplicate = &other;
            break;
        }
    }
    return validateRoleWith(role, duplicate, options);
}

RoleFindings validateRole(const Role &role, const RoleNameIndex &names, const ValidationOptions &options)
{
    return validateRoleWith(role, names.otherWithSameName(role), options);
}

} // namespace rd::core
