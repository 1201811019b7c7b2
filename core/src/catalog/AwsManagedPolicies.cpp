// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/catalog/AwsManagedPolicies.h"

#include "base/TextUtil.h"
#include "rd/core/base/Gzip.h"
#include "rd/core/policy/PolicyParser.h"

#include <algorithm>
#include <array>
#include <charconv>

// The gzip bytes of resources/catalog/managed-policies.tsv.gz, embedded by cmake/EmbedFile.cmake.
extern const unsigned char kAwsManagedPoliciesData[];
extern const std::size_t kAwsManagedPoliciesDataSize;

namespace rd::core
{

namespace
{

constexpr std::string_view kFormat = "aws-managed-policies-tsv/1";
// P, ARN, name, path, version id, create date, update date, description; the document is the rest of the line.
constexpr std::size_t kFieldsBeforeDocument = 8;
// A header claiming more is not believed when reserving memory (IAM has fewer than 2,000 AWS managed policies).
constexpr std::size_t kReserveLimit = 10000;

// Undoes the script's escapes: \\ \t \n \r. False for any other backslash sequence.
bool unescape(std::string_view in, std::string &out)
{
    out.clear();
    if (in.find('\\') == std::string_view::npos) {
        out.assign(in);
        return true;
    }
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\') {
            out += in[i];
            continue;
        }
        if (++i == in.size())
            return false;
        switch (in[i]) {
        case '\\':
            out += '\\';
            break;
        case 't':
            out += '\t';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        default:
            return false;
        }
    }
    return true;
}

// Splits off the first `count` tab-separated fields; `rest` gets what follows the last of those tabs. False when the
// line has fewer tabs.
template <std::size_t N>
bool splitFields(std::string_view line, std::array<std::string_view, N> &fields, std::string_view &rest)
{
    std::size_t start = 0;
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t tab = line.find('\t', start);
        if (tab == std::string_view::npos)
            return false;
        fields[i] = line.substr(start, tab - start);
        start = tab + 1;
    }
    rest = line.substr(start);
    return true;
}

std::string lineError(std::size_t lineNumber, std::string_view message)
{
    return "line " + std::to_string(lineNumber) + ": " + std::string(message);
}

} // namespace

std::optional<AwsManagedPolicies> AwsManagedPolicies::parse(std::string_view text, std::string &error)
{
    AwsManagedPolicies policies;
    std::size_t expected = 0;
    std::size_t lineNumber = 0;
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t end = text.find('\n', position);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);

        if (lineNumber == 1) {
            std::array<std::string_view, 3> header;
            std::string_view countText;
            if (!splitFields(line, header, countText) || header[0] != kFormat) {
                error = lineError(lineNumber, "not an AWS managed policy list (expected the header `")
                    + std::string(kFormat) + "`)";
                return std::nullopt;
            }
            const auto [next, status] =
                std::from_chars(countText.data(), countText.data() + countText.size(), expected);
            if (status != std::errc() || next != countText.data() + countText.size()) {
                error = lineError(lineNumber, "the policy count `" + std::string(countText) + "` is not a number");
                return std::nullopt;
            }
            if (!unescape(header[1], policies.m_sourceVersion) || !unescape(header[2], policies.m_newestUpdateDate)) {
                error = lineError(lineNumber, "malformed escape");
                return std::nullopt;
            }
            policies.m_entries.reserve(std::min(expected, kReserveLimit));
            continue;
        }
        if (line.empty())
            continue;

        std::array<std::string_view, kFieldsBeforeDocument> fields;
        std::string_view document;
        if (!splitFields(line, fields, document) || fields[0] != "P") {
            error = lineError(lineNumber, "expected a policy record (P and 8 fields)");
            return std::nullopt;
        }
        Entry entry;
        std::array<std::string *, kFieldsBeforeDocument - 1> targets { &entry.arn, &entry.name, &entry.path,
            &entry.versionId, &entry.createDate, &entry.updateDate, &entry.description };
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (!unescape(fields[i + 1], *targets[i])) {
                error = lineError(lineNumber, "malformed escape");
                return std::nullopt;
            }
        }
        if (entry.arn.rfind("arn:", 0) != 0 || entry.name.empty()) {
            error = lineError(lineNumber, "a policy needs an ARN and a name");
            return std::nullopt;
        }
        if (document.empty() || document.front() != '{') {
            error = lineError(lineNumber, "the document of `" + entry.name + "` is not a JSON object");
            return std::nullopt;
        }
        entry.documentText.assign(document);
        policies.m_entries.push_back(std::move(entry));
    }
    if (lineNumber == 0) {
        error = "empty AWS managed policy list";
        return std::nullopt;
    }
    if (policies.m_entries.size() != expected) {
        error = "the header announces " + std::to_string(expected) + " policies, the list has "
            + std::to_string(policies.m_entries.size()) + " (truncated?)";
        return std::nullopt;
    }
    const auto byArn = [](const Entry &a, const Entry &b) { return a.arn < b.arn; };
    if (!std::is_sorted(policies.m_entries.begin(), policies.m_entries.end(), byArn))
        std::sort(policies.m_entries.begin(), policies.m_entries.end(), byArn);
    const auto duplicate = std::adjacent_find(policies.m_entries.begin(), policies.m_entries.end(),
        [](const Entry &a, const Entry &b) { return a.arn == b.arn; });
    if (duplicate != policies.m_entries.end()) {
        error = "the policy `" + duplicate->arn + "` is listed twice";
        return std::nullopt;
    }
    return policies;
}

std::optional<AwsManagedPolicies> AwsManagedPolicies::loadBuiltin(std::string &error)
{
    std::string text;
    if (!gunzip(kAwsManagedPoliciesData, kAwsManagedPoliciesDataSize, text, error)) {
        error = "the built-in AWS managed policies: " + error;
        return std::nullopt;
    }
    return parse(text, error);
}

const AwsManagedPolicies &AwsManagedPolicies::builtin()
{
    static const AwsManagedPolicies policies = [] {
        std::string error;
        std::optional<AwsManagedPolicies> loaded = loadBuiltin(error);
        // The data is part of the program and TestAwsManagedPolicies reads it: failing here means a broken build,
        // and an empty list then makes every lookup fail rather than the program.
        return loaded ? std::move(*loaded) : AwsManagedPolicies {};
    }();
    return policies;
}

const AwsManagedPolicies::Entry *AwsManagedPolicies::find(std::string_view arn) const
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), arn,
        [](const Entry &entry, std::string_view wanted) { return entry.arn < wanted; });
    return it != m_entries.end() && it->arn == arn ? &*it : nullptr;
}

const AwsManagedPolicies::Entry *AwsManagedPolicies::findByName(std::string_view name) const
{
    const auto it = std::find_if(
        m_entries.begin(), m_entries.end(), [&](const Entry &entry) { return equalsIgnoreCase(entry.name, name); });
    return it != m_entries.end() ? &*it : nullptr;
}

std::optional<ManagedPolicy> AwsManagedPolicies::policy(std::string_view arn) const
{
    const Entry *entry = find(arn);
    if (entry == nullptr)
        return std::nullopt;
    ParseResult parsed = parsePolicy(entry->documentText);
    if (!parsed.isUsable() || hasErrors(parsed.diagnostics))
        return std::nullopt;
    ManagedPolicy policy;
    policy.name = entry->name;
    policy.path = entry->path;
    policy.arn = entry->arn;
    policy.description = entry->description;
    policy.createDate = entry->createDate;
    policy.updateDate = entry->updateDate;
    policy.defaultVersionId = entry->versionId;
    PolicyVersion version;
    version.versionId = entry->versionId;
    version.isDefault = true;
    // The default version is the newest: it was created when the policy was last updated.
    version.createDate = entry->updateDate;
    version.document = std::move(*parsed.policy);
    policy.versions.push_back(std::move(version));
    return policy;
}

} // namespace rd::core
