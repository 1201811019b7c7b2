// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The AWS managed policies (arn:aws:iam::aws:policy/...), 1,594 of them, built into the program from
/// resources/catalog/managed-policies.tsv.gz (scripts/make_managed_policies.py makes it from
/// third_party/aws-data/managed-policies.tar.gz). Documents stay text until a caller asks for one: loading takes a
/// few milliseconds, parsing all of them would take far longer.
class AwsManagedPolicies
{
public:
    struct Entry {
        /// `arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole`
        std::string arn;
        std::string name;
        /// `/`, `/service-role/`, `/aws-service-role/`, `/job-function/`...
        std::string path;
        /// Empty when the source has none (the current one never has).
        std::string description;
        /// The default version, `v1`, `v188`...
        std::string versionId;
        /// ISO 8601 in UTC, as IAM's API gives them.
        std::string createDate;
        std::string updateDate;
        /// The default version's document, compact JSON.
        std::string documentText;
    };

    /// The built-in list, read on first use (thread-safe) and kept for the life of the program. Empty only if the
    /// embedded data is broken, which TestAwsManagedPolicies would have caught.
    static const AwsManagedPolicies &builtin();
    /// Reads the built-in list afresh (what builtin() does once).
    static std::optional<AwsManagedPolicies> loadBuiltin(std::string &error);
    /// Reads the text form (see scripts/make_managed_policies.py); nothing and a reason with its line number in
    /// `error` when it is not one. Entries come out sorted by ARN whatever the order of the lines.
    static std::optional<AwsManagedPolicies> parse(std::string_view text, std::string &error);

    /// Sorted by ARN (byte order).
    const std::vector<Entry> &entries() const { return m_entries; }
    /// The source package's version and the newest UpdateDate among the policies.
    const std::string &sourceVersion() const { return m_sourceVersion; }
    const std::string &newestUpdateDate() const { return m_newestUpdateDate; }

    /// The entry with exactly this ARN, or nullptr.
    const Entry *find(std::string_view arn) const;
    /// The entry with this policy name, compared case-insensitively (IAM policy names are unique regardless of
    /// case), or nullptr.
    const Entry *findByName(std::string_view name) const;
    /// The policy as the workspace models one: no id, its metadata and one version, the default, whose document is
    /// parsed now. Nothing when the ARN is unknown or its document does not parse without errors.
    std::optional<ManagedPolicy> policy(std::string_view arn) const;

private:
    std::vector<Entry> m_entries;
    std::string m_sourceVersion;
    std::string m_newestUpdateDate;
};

} // namespace rd::core
