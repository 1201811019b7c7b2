// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/LeastPrivilegePolicy.h"

#include "json/JsonTextWriter.h"
#include "rd/core/evaluation/StatementMatch.h"
#include "usage/ActionResources.h"

#include <cctype>
#include <map>

namespace rd::core
{

namespace
{

// The second and fifth fields of an ARN (partition, account); `aws` and "" when it is none.
std::pair<std::string, std::string> partitionAndAccount(const std::string &arn)
{
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        const std::size_t colon = arn.find(':', start);
        if (colon == std::string::npos)
            return { "aws", "" };
        fields.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    return { fields[1].empty() ? "aws" : fields[1], fields[4] };
}

std::string sidOf(const std::string &prefix, std::size_t index)
{
    std::string sid;
    bool upper = true;
    for (const char c : prefix) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        sid += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return index == 0 ? sid : sid + "Part" + std::to_string(index + 1);
}

bool grantsPassRole(const PrincipalPolicies &policies)
{
    for (const ResolvedPolicyPtr &policy : policies.identity) {
        for (const CompiledStatement &s : policy->compiled.statements()) {
            if (statementUsable(s) && *s.effect == Effect::Allow && actionMatches(s, "iam:passrole"))
                return true;
        }
    }
    return false;
}

} // namespace

LeastPrivilegePolicy LeastPrivilegePolicy::generate(
    const PrincipalUsage &usage, const ServiceCatalog &catalog, const PrincipalPolicies *current)
{
    LeastPrivilegePolicy out;
    const auto [partition, account] = partitionAndAccount(usage.arn);
    // service prefix -> resources -> actions
    std::map<std::string, std::map<std::vector<std::string>, std::vector<std::string>>> services;
    for (const ActionUsage &a : usage.actions) {
        const std::size_t colon = a.action.find(':');
        const ServiceInfo *service = catalog.service(a.action.substr(0, colon));
        const ActionInfo *info = service ? service->action(a.action.substr(colon + 1)) : nullptr;
        if (!info)
            continue;
        const ActionResources types(*service, *info);
        std::vector<std::string> resources;
        if (types.resourceless()) {
            resources.push_back("*");
        } else if (!a.resources.empty()) {
            resources = a.resources;
            if (a.moreResources) {
                out.notes.push_back(a.action + ": more than " + std::to_string(a.resources.size())
                    + " distinct resources were called; the policy lists the first ones, widen them by hand");
            }
        } else {
            const std::string pattern = types.patternFor(partition, "", account);
            resources.push_back(pattern);
            out.placeholders.push_back(
                a.action + ": no resource in the records; replace the placeholders in `" + pattern + "`");
        }
        services[service->prefix][resources].push_back(a.action);
        ++out.actions;
    }
    if (!usage.unmapped.empty()) {
        out.notes.push_back(std::to_string(usage.unmapped.size())
            + " kinds of calls map to no IAM action and are not in the policy (see `usage`'s unmapped list)");
    }
    if (current && grantsPassRole(*current)) {
        out.notes.push_back(
            "iam:PassRole never appears in CloudTrail: the current policy grants it; add it by hand, on the roles this "
            "principal passes, if it still needs it");
    }

    JsonTextWriter json(true);
    json.beginObject();
    json.key("Version");
    json.string("2012-10-17");
    json.key("Statement");
    json.beginArray();
    for (auto &[prefix, groups] : services) {
        std::size_t index = 0;
        for (auto &[resources, actions] : groups) {
            std::sort(actions.begin(), actions.end());
            json.beginObject();
            json.key("Sid");
            json.string(sidOf(prefix, index++));
            json.key("Effect");
            json.string("Allow");
            json.key("Action");
            json.beginArray();
            for (const std::string &action : actions)
                json.string(action);
            json.endArray();
            json.key("Resource");
            json.beginArray();
            for (const std::string &resource : resources)
                json.string(resource);
            json.endArray();
            json.endObject();
        }
    }
    json.endArray();
    json.endObject();
    out.text = json.take();
    return out;
}

} // namespace rd::core
