// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "export/ExportModel.h"

#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyWriter.h"
#include "workspace/UniqueNames.h"

#include <algorithm>
#include <set>

namespace rd::core
{

const ManagedPolicy *ExportSet::customerPolicy(std::string_view arn) const
{
    for (const ManagedPolicy *policy : customerPolicies) {
        if (policy->arn == arn)
            return policy;
    }
    return nullptr;
}

ExportSet makeExportSet(const Workspace &workspace, const std::vector<RoleId> &roles)
{
    ExportSet set;
    set.workspace = &workspace;
    const std::set<RoleId> wanted(roles.begin(), roles.end());
    std::set<std::string_view> used;
    for (const Role &role : workspace.roles) {
        if (!wanted.count(role.id))
            continue;
        set.roles.push_back(&role);
        used.insert(role.attachedPolicyArns.begin(), role.attachedPolicyArns.end());
        if (!role.permissionsBoundaryArn.empty())
            used.insert(role.permissionsBoundaryArn);
    }
    std::set<std::string_view> seen;
    for (const ManagedPolicy &policy : workspace.policies) {
        if (!policy.isAwsManaged() && !policy.arn.empty() && used.count(policy.arn) && seen.insert(policy.arn).second)
            set.customerPolicies.push_back(&policy);
    }
    return set;
}

JsonValue policyToJson(const Policy &policy)
{
    JsonReadResult read = readJson(writePolicy(policy, WriteStyle::Minified));
    return read.value ? std::move(*read.value) : jsonObject();
}

const Policy &managedPolicyDocument(const ManagedPolicy &policy)
{
    static const Policy empty;
    const PolicyVersion *version = policy.defaultVersion();
    return version ? version->document : empty;
}

JsonValue jsonString(std::string text)
{
    JsonValue value;
    value.type = JsonType::String;
    value.text = std::move(text);
    return value;
}

JsonValue jsonNumber(long long number)
{
    JsonValue value;
    value.type = JsonType::Number;
    value.text = std::to_string(number);
    return value;
}

JsonValue jsonObject()
{
    JsonValue value;
    value.type = JsonType::Object;
    return value;
}

JsonValue jsonArray()
{
    JsonValue value;
    value.type = JsonType::Array;
    return value;
}

void addMember(JsonValue &object, std::string key, JsonValue value)
{
    object.members.push_back(JsonMember { std::move(key), {}, std::move(value) });
}

std::string fileSafeName(std::string_view name)
{
    std::string out;
    for (char c : name)
        out += isIamNameCharacter(c) ? c : '_';
    return out.empty() || out == "." || out == ".." ? "_" + out : out;
}

PolicyFileNames policyFileNames(
    const std::vector<const Role *> &roles, const std::vector<const ManagedPolicy *> &policies)
{
    UniqueNames used(true);
    PolicyFileNames names;
    for (const ManagedPolicy *policy : policies)
        names.managedPolicies.push_back(used.claim(fileSafeName(policy->name) + ".managed-policy", ".json", "-"));
    for (const Role *role : roles) {
        RolePolicyFileNames files;
        const std::string base = fileSafeName(role->name);
        files.trustPolicy = used.claim(base + ".trust-policy", ".json", "-");
        for (const InlinePolicy &policy : role->inlinePolicies)
            files.inlinePolicies.push_back(used.claim(base + "." + fileSafeName(policy.name), ".json", "-"));
        names.roles.push_back(std::move(files));
    }
    return names;
}

std::string exportSourceLine(const Workspace &workspace)
{
    // Kept short and on one line: it goes into comments and CloudFormation's 1,024-byte Description.
    std::size_t cut = std::min<std::size_t>(workspace.name.size(), 200);
    // Never cut a UTF-8 sequence: back up while the cut would fall on a continuation byte.
    while (cut > 0 && cut < workspace.name.size() && (static_cast<unsigned char>(workspace.name[cut]) & 0xC0) == 0x80)
        --cut;
    std::string name = workspace.name.substr(0, cut);
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return name.empty() ? std::string("IAM roles exported by IAM Role Designer")
                        : "IAM roles of " + name + ", exported by IAM Role Designer";
}

} // namespace rd::core
