// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/usage/CloudTrailEvent.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The resources of an action's types (Service Authorization Reference: each action's resource types and their ARN
/// patterns): whether an ARN is one, and the ARN a call names, from the record's resources or built from its
/// requestParameters by filling the pattern's placeholders (`${Partition}`, `${Region}`, `${Account}` from the
/// record, the others from the request parameter of the same name, case-insensitively; `${ObjectName}` from `key`,
/// `${...WithPath}` from the name without it).
class ActionResources
{
public:
    ActionResources(const ServiceInfo &service, const ActionInfo &action);

    /// The action takes only `"Resource": "*"`.
    bool resourceless() const { return m_types.empty(); }
    /// The ARN is a resource of one of the action's types: the pattern's literal text matches, each placeholder
    /// stands for one or more characters other than `:` (and `/` unless it is a path or an object name).
    bool fits(std::string_view arn) const;
    /// The resources of the action's types that the event names (S3 objects summed up as `bucket/*`), each once.
    void resourcesOf(const CloudTrailEvent &event, std::string_view partition, std::vector<std::string> &out) const;
    /// The first type's pattern with the placeholders the record fills filled and the others kept (`${TableName}`).
    std::string patternFor(std::string_view partition, std::string_view region, std::string_view account) const;

    /// `arn:aws:s3:::bucket/any/key` -> `arn:aws:s3:::bucket/*`; other ARNs unchanged.
    static std::string generalised(std::string_view arn);

private:
    struct Part {
        std::string text;
        bool placeholder = false;
        bool spansSlash = false;
    };
    using Pattern = std::vector<Part>;
    static bool matches(const Pattern &pattern, std::size_t part, std::string_view text);

    std::vector<Pattern> m_types;
};

} // namespace rd::core
