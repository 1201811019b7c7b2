// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/TerraformExport.h"

#include "export/ExportModel.h"
#include "workspace/UniqueNames.h"

#include <cctype>
#include <cstdio>
#include <map>

namespace rd::core
{

std::string hclQuote(std::string_view text)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
            out += buffer;
        } else if ((c == '$' || c == '%') && next == '{') {
            // `$${` and `%%{` are the literal `${` and `%{`.
            out += static_cast<char>(c);
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

std::string terraformName(std::string_view name)
{
    std::string out;
    for (char c : name)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
    if (out.empty() || !(std::isalpha(static_cast<unsigned char>(out.front())) || out.front() == '_'))
        out.insert(out.begin(), '_');
    return out;
}

namespace
{

// Attributes or object items as `terraform fmt` lays them out: a run of one-line items has its `=` aligned; an
// item whose value spans lines is not padded and ends the run.
void writeAligned(
    std::string &out, const std::vector<std::pair<std::string, std::string>> &items, const std::string &pad)
{
    std::size_t i = 0;
    while (i < items.size()) {
        std::size_t end = i;
        std::size_t width = 0;
        while (end < items.size() && items[end].second.find('\n') == std::string::npos)
            width = std::max(width, items[end++].first.size());
        for (; i < end; ++i)
            out +=
                pad + items[i].first + std::string(width - items[i].first.size(), ' ') + " = " + items[i].second + '\n';
        if (i < items.size()) {
            out += pad + items[i].first + " = " + items[i].second + '\n';
            ++i;
        }
    }
}

void writeHcl(std::string &out, const JsonValue &v, int indent)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    switch (v.type) {
    case JsonType::Null:
        out += "null";
        return;
    case JsonType::Bool:
        out += v.boolean ? "true" : "false";
        return;
    case JsonType::Number:
        out += v.text;
        return;
    case JsonType::String:
        out += hclQuote(v.text);
        return;
    case JsonType::Array:
        if (v.elements.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (const JsonValue &element : v.elements) {
            out += pad + "  ";
            writeHcl(out, element, indent + 2);
            out += ",\n";
        }
        out += pad + "]";
        return;
    case JsonType::Object:
        if (v.members.empty()) {
            out += "{}";
            return;
        }
        std::vector<std::pair<std::string, std::string>> items;
        for (const JsonMember &m : v.members) {
            std::string value;
            writeHcl(value, m.value, indent + 2);
            items.emplace_back(hclQuote(m.key), std::move(value));
        }
        out += "{\n";
        writeAligned(out, items, pad + "  ");
        out += pad + "}";
        return;
    }
}

// One block's attributes, in order.
class Block
{
public:
    void attribute(std::string name, std::string value) { m_lines.push_back({ std::move(name), std::move(value) }); }

    void write(std::string &out, const std::string &header) const
    {
        out += header + " {\n";
        writeAligned(out, m_lines, "  ");
        out += "}\n";
    }

private:
    std::vector<std::pair<std::string, std::string>> m_lines;
};

std::string jsonencode(const Policy &policy)
{
    std::string out = "jsonencode(";
    writeHcl(out, policyToJson(policy), 2);
    out += ")";
    return out;
}

std::string tagsMap(const std::vector<Tag> &tags)
{
    std::vector<std::pair<std::string, std::string>> items;
    items.reserve(tags.size());
    for (const Tag &tag : tags)
        items.emplace_back(hclQuote(tag.key), hclQuote(tag.value));
    std::string out = "{\n";
    writeAligned(out, items, "    ");
    return out + "  }";
}

// The policy name at the end of a policy ARN (`arn:aws:iam::aws:policy/service-role/X` -> `X`).
std::string_view policyNameOfArn(std::string_view arn)
{
    const auto slash = arn.rfind('/');
    return slash == std::string_view::npos ? arn : arn.substr(slash + 1);
}

} // namespace

std::string terraformConfiguration(const Workspace &workspace, const std::vector<RoleId> &roles)
{
    const ExportSet set = makeExportSet(workspace, roles);
    std::string out = "# " + exportSourceLine(workspace) + ".\n";
    out += "terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}\n";

    UniqueNames policyNames;
    std::map<std::string, std::string, std::less<>> policyReferences;
    for (const ManagedPolicy *policy : set.customerPolicies) {
        const std::string name = policyNames.claim(terraformName(policy->name), {}, "_");
        policyReferences[policy->arn] = "aws_iam_policy." + name + ".arn";
        Block block;
        block.attribute("name", hclQuote(policy->name));
        block.attribute("path", hclQuote(policy->path));
        if (!policy->description.empty())
            block.attribute("description", hclQuote(policy->description));
        block.attribute("policy", jsonencode(managedPolicyDocument(*policy)));
        out += '\n';
        block.write(out, "resource \"aws_iam_policy\" \"" + name + "\"");
    }
    auto policyArn = [&](const std::string &arn) {
        const auto it = policyReferences.find(arn);
        return it == policyReferences.end() ? hclQuote(arn) : it->second;
    };

    UniqueNames roleNames;
    UniqueNames inlineNames;
    UniqueNames attachmentNames;
    UniqueNames profileNames;
    for (const Role *role : set.roles) {
        const std::string name = roleNames.claim(terraformName(role->name), {}, "_");
        const std::string roleRef = "aws_iam_role." + name + ".name";
        Block block;
        block.attribute("name", hclQuote(role->name));
        block.attribute("path", hclQuote(role->path));
        if (!role->description.empty())
            block.attribute("description", hclQuote(role->description));
        block.attribute("max_session_duration", std::to_string(role->maxSessionDuration));
        if (!role->permissionsBoundaryArn.empty())
            block.attribute("permissions_boundary", policyArn(role->permissionsBoundaryArn));
        block.attribute("assume_role_policy", jsonencode(role->trustPolicy));
        if (!role->tags.empty())
            block.attribute("tags", tagsMap(role->tags));
        out += '\n';
        block.write(out, "resource \"aws_iam_role\" \"" + name + "\"");

        for (const InlinePolicy &inlinePolicy : role->inlinePolicies) {
            Block policyBlock;
            policyBlock.attribute("name", hclQuote(inlinePolicy.name));
            policyBlock.attribute("role", roleRef);
            policyBlock.attribute("policy", jsonencode(inlinePolicy.document));
            out += '\n';
            policyBlock.write(out,
                "resource \"aws_iam_role_policy\" \""
                    + inlineNames.claim(name + "_" + terraformName(inlinePolicy.name), {}, "_") + "\"");
        }
        for (const std::string &arn : role->attachedPolicyArns) {
            Block attachment;
            attachment.attribute("role", roleRef);
            attachment.attribute("policy_arn", policyArn(arn));
            out += '\n';
            attachment.write(out,
                "resource \"aws_iam_role_policy_attachment\" \""
                    + attachmentNames.claim(name + "_" + terraformName(policyNameOfArn(arn)), {}, "_") + "\"");
        }
        for (const InstanceProfile &profile : role->instanceProfiles) {
            Block profileBlock;
            profileBlock.attribute("name", hclQuote(profile.name));
            profileBlock.attribute("path", hclQuote(profile.path));
            profileBlock.attribute("role", roleRef);
            out += '\n';
            profileBlock.write(out,
                "resource \"aws_iam_instance_profile\" \"" + profileNames.claim(terraformName(profile.name), {}, "_")
                    + "\"");
        }
    }
    return out;
}

} // namespace rd::core
