// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/CloudFormationExport.h"

#include "export/ExportModel.h"
#include "export/YamlWriter.h"
#include "json/JsonTextWriter.h"
#include "workspace/UniqueNames.h"

#include <cctype>
#include <map>

namespace rd::core
{

std::string cloudFormationLogicalId(std::string_view name, std::string_view suffix)
{
    std::string id;
    bool upper = true;
    for (char c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            upper = true;
            continue;
        }
        id += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    // Logical ids are at most 255 characters (User Guide, "Resources"); leave room for the suffix and a number.
    if (id.size() > 200)
        id.resize(200);
    return id + std::string(suffix);
}

namespace
{

JsonValue cfnRef(const std::string &logicalId)
{
    JsonValue value = jsonObject();
    addMember(value, "Ref", jsonString(logicalId));
    return value;
}

JsonValue resource(std::string_view type, JsonValue properties)
{
    JsonValue value = jsonObject();
    addMember(value, "Type", jsonString(std::string(type)));
    addMember(value, "Properties", std::move(properties));
    return value;
}

JsonValue buildTemplate(const ExportSet &set)
{
    UniqueNames ids;
    JsonValue resources = jsonObject();
    std::map<std::string, std::string, std::less<>> policyIds;
    for (const ManagedPolicy *policy : set.customerPolicies) {
        const std::string id = ids.claim(cloudFormationLogicalId(policy->name, "Policy"));
        policyIds[policy->arn] = id;
        JsonValue properties = jsonObject();
        addMember(properties, "ManagedPolicyName", jsonString(policy->name));
        addMember(properties, "Path", jsonString(policy->path));
        if (!policy->description.empty())
            addMember(properties, "Description", jsonString(policy->description));
        addMember(properties, "PolicyDocument", policyToJson(managedPolicyDocument(*policy)));
        addMember(resources, id, resource("AWS::IAM::ManagedPolicy", std::move(properties)));
    }
    auto policyRef = [&](const std::string &arn) {
        const auto it = policyIds.find(arn);
        return it == policyIds.end() ? jsonString(arn) : cfnRef(it->second);
    };
    for (const Role *role : set.roles) {
        const std::string id = ids.claim(cloudFormationLogicalId(role->name, "Role"));
        JsonValue properties = jsonObject();
        addMember(properties, "RoleName", jsonString(role->name));
        addMember(properties, "Path", jsonString(role->path));
        if (!role->description.empty())
            addMember(properties, "Description", jsonString(role->description));
        addMember(properties, "MaxSessionDuration", jsonNumber(role->maxSessionDuration));
        addMember(properties, "AssumeRolePolicyDocument", policyToJson(role->trustPolicy));
        if (!role->inlinePolicies.empty()) {
            JsonValue policies = jsonArray();
            for (const InlinePolicy &inlinePolicy : role->inlinePolicies) {
                JsonValue entry = jsonObject();
                addMember(entry, "PolicyName", jsonString(inlinePolicy.name));
                addMember(entry, "PolicyDocument", policyToJson(inlinePolicy.document));
                policies.elements.push_back(std::move(entry));
            }
            addMember(properties, "Policies", std::move(policies));
        }
        if (!role->attachedPolicyArns.empty()) {
            JsonValue arns = jsonArray();
            for (const std::string &arn : role->attachedPolicyArns)
                arns.elements.push_back(policyRef(arn));
            addMember(properties, "ManagedPolicyArns", std::move(arns));
        }
        if (!role->permissionsBoundaryArn.empty())
            addMember(properties, "PermissionsBoundary", policyRef(role->permissionsBoundaryArn));
        if (!role->tags.empty()) {
            JsonValue tags = jsonArray();
            for (const Tag &tag : role->tags) {
                JsonValue entry = jsonObject();
                addMember(entry, "Key", jsonString(tag.key));
                addMember(entry, "Value", jsonString(tag.value));
                tags.elements.push_back(std::move(entry));
            }
            addMember(properties, "Tags", std::move(tags));
        }
        addMember(resources, id, resource("AWS::IAM::Role", std::move(properties)));
        for (const InstanceProfile &profile : role->instanceProfiles) {
            JsonValue profileProperties = jsonObject();
            addMember(profileProperties, "InstanceProfileName", jsonString(profile.name));
            addMember(profileProperties, "Path", jsonString(profile.path));
            JsonValue profileRoles = jsonArray();
            profileRoles.elements.push_back(cfnRef(id));
            addMember(profileProperties, "Roles", std::move(profileRoles));
            addMember(resources, ids.claim(cloudFormationLogicalId(profile.name, "InstanceProfile")),
                resource("AWS::IAM::InstanceProfile", std::move(profileProperties)));
        }
    }
    JsonValue root = jsonObject();
    addMember(root, "AWSTemplateFormatVersion", jsonString("2010-09-09"));
    addMember(root, "Description", jsonString(exportSourceLine(*set.workspace)));
    addMember(root, "Resources", std::move(resources));
    return root;
}

} // namespace

std::string cloudFormationTemplate(
    const Workspace &workspace, const std::vector<RoleId> &roles, CloudFormationSyntax syntax, WriteStyle style)
{
    const JsonValue root = buildTemplate(makeExportSet(workspace, roles));
    if (syntax == CloudFormationSyntax::Yaml)
        return writeYamlDocument(root);
    JsonTextWriter writer(style == WriteStyle::Pretty);
    writer.value(root);
    std::string text = writer.take();
    if (text.empty() || text.back() != '\n')
        text += '\n';
    return text;
}

std::vector<std::string> cloudFormationQuotaWarnings(
    const Workspace &workspace, const std::vector<RoleId> &roles, std::string_view templateText)
{
    // AWS CloudFormation User Guide, "CloudFormation quotas": 500 resources per template, a template body of at most
    // 1 MB from S3 (51,200 bytes when passed directly).
    constexpr std::size_t kMaxResources = 500;
    constexpr std::size_t kMaxTemplateBytes = std::size_t { 1024 } * 1024;
    constexpr std::size_t kMaxInlineTemplateBytes = 51200;
    std::vector<std::string> warnings;
    const ExportSet set = makeExportSet(workspace, roles);
    std::size_t resources = set.customerPolicies.size() + set.roles.size();
    for (const Role *role : set.roles)
        resources += role->instanceProfiles.size();
    if (resources > kMaxResources)
        warnings.push_back("the template declares " + std::to_string(resources)
            + " resources; CloudFormation accepts at most 500 per template: export fewer roles at a time");
    const std::size_t bytes = templateText.size();
    if (bytes > kMaxTemplateBytes)
        warnings.push_back("the template is " + std::to_string(bytes)
            + " bytes; CloudFormation accepts at most 1 MB (from S3): export fewer roles at a time");
    else if (bytes > kMaxInlineTemplateBytes)
        warnings.push_back("the template is " + std::to_string(bytes)
            + " bytes; over 51,200 bytes CloudFormation takes it only from an S3 bucket (--s3-bucket)");
    return warnings;
}

} // namespace rd::core
