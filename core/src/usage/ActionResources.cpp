// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "usage/ActionResources.h"

#include "base/TextUtil.h"

#include <algorithm>

namespace rd::core
{

namespace
{

std::string_view parameterFor(const CloudTrailEvent &event, std::string_view placeholder)
{
    std::string_view wanted = placeholder;
    if (wanted == "ObjectName")
        wanted = "key";
    constexpr std::string_view kWithPath = "WithPath";
    if (wanted.size() > kWithPath.size() && wanted.substr(wanted.size() - kWithPath.size()) == kWithPath)
        wanted = wanted.substr(0, wanted.size() - kWithPath.size());
    for (const auto &[key, value] : event.requestParameters) {
        if (equalsIgnoreCase(key, wanted))
            return value;
    }
    return {};
}

} // namespace

ActionResources::ActionResources(const ServiceInfo &service, const ActionInfo &action)
{
    for (const ActionResourceType &type : action.resourceTypes) {
        const ResourceTypeInfo *info = service.resourceType(type.name);
        if (!info || info->arnPattern.empty())
            continue;
        Pattern pattern;
        std::string_view rest = info->arnPattern;
        while (!rest.empty()) {
            const std::size_t open = rest.find("${");
            if (open != 0) {
                pattern.push_back({ std::string(rest.substr(0, open)), false, false });
                if (open == std::string_view::npos)
                    break;
                rest.remove_prefix(open);
            }
            const std::size_t close = rest.find('}');
            if (close == std::string_view::npos) {
                pattern.push_back({ std::string(rest), false, false });
                break;
            }
            const std::string name(rest.substr(2, close - 2));
            const bool spans = name.find("Path") != std::string::npos || name == "ObjectName";
            pattern.push_back({ name, true, spans });
            rest.remove_prefix(close + 1);
        }
        m_types.push_back(std::move(pattern));
    }
}

bool ActionResources::matches(const Pattern &pattern, std::size_t part, std::string_view text)
{
    if (part == pattern.size())
        return text.empty();
    const Part &p = pattern[part];
    if (!p.placeholder) {
        return text.substr(0, p.text.size()) == p.text && matches(pattern, part + 1, text.substr(p.text.size()));
    }
    // One or more characters; try the shortest first.
    for (std::size_t n = 1; n <= text.size(); ++n) {
        const char c = text[n - 1];
        if (c == ':' || (c == '/' && !p.spansSlash))
            return false;
        if (matches(pattern, part + 1, text.substr(n)))
            return true;
    }
    return false;
}

bool ActionResources::fits(std::string_view arn) const
{
    return std::any_of(m_types.begin(), m_types.end(), [&](const Pattern &p) { return matches(p, 0, arn); });
}

std::string ActionResources::generalised(std::string_view arn)
{
    constexpr std::string_view kS3 = "arn:aws:s3:::";
    if (arn.substr(0, kS3.size()) != kS3)
        return std::string(arn);
    const std::size_t slash = arn.find('/', kS3.size());
    if (slash == std::string_view::npos)
        return std::string(arn);
    return std::string(arn.substr(0, slash)) + "/*";
}

void ActionResources::resourcesOf(
    const CloudTrailEvent &event, std::string_view partition, std::vector<std::string> &out) const
{
    out.clear();
    if (m_types.empty())
        return;
    auto add = [&](std::string_view arn) {
        if (!fits(arn))
            return;
        std::string value = generalised(arn);
        if (std::find(out.begin(), out.end(), value) == out.end())
            out.push_back(std::move(value));
    };
    for (std::string_view arn : event.resourceArns)
        add(arn);
    if (!out.empty())
        return;
    // Parameters that are ARNs already (a function name given as its ARN, a role ARN).
    for (const auto &[key, value] : event.requestParameters) {
        if (value.substr(0, 4) == "arn:")
            add(value);
    }
    if (!out.empty())
        return;
    const std::string_view account =
        !event.recipientAccountId.empty() ? event.recipientAccountId : event.identityAccountId;
    for (const Pattern &pattern : m_types) {
        std::string arn;
        bool complete = true;
        for (const Part &p : pattern) {
            if (!p.placeholder) {
                arn += p.text;
                continue;
            }
            std::string_view value;
            if (p.text == "Partition")
                value = partition;
            else if (p.text == "Region")
                value = event.awsRegion;
            else if (p.text == "Account")
                value = account;
            else
                value = parameterFor(event, p.text);
            if (value.empty()) {
                complete = false;
                break;
            }
            arn += value;
        }
        if (complete)
            add(arn);
    }
}

std::string ActionResources::patternFor(
    std::string_view partition, std::string_view region, std::string_view account) const
{
    if (m_types.empty())
        return "*";
    std::string out;
    for (const Part &p : m_types.front()) {
        if (!p.placeholder)
            out += p.text;
        else if (p.text == "Partition")
            out += partition;
        else if (p.text == "Region" && !region.empty())
            out += region;
        else if (p.text == "Account" && !account.empty())
            out += account;
        else
            out += "${" + p.text + "}";
    }
    return out;
}

} // namespace rd::core
