// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/CliScriptExport.h"

#include "export/ExportModel.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace rd::core
{

std::string shellQuote(std::string_view text)
{
    const bool plain = !text.empty() && text.front() != '-' && text.front() != '='
        && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c))
                   || std::string_view("_./:=@%+,-").find(c) != std::string_view::npos;
           });
    if (plain)
        return std::string(text);
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    out += '\'';
    return out;
}

namespace
{

// Comments hold names only on one line.
std::string commentText(std::string text)
{
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return text;
}

class Command
{
public:
    explicit Command(std::string head)
        : m_text(std::move(head))
    {
    }
    // A flag and its value, the value quoted.
    Command &arg(std::string_view flag, std::string_view value) { return raw(flag, shellQuote(value)); }
    // A flag and a value already made a shell word (a "$variable").
    Command &raw(std::string_view flag, const std::string &word)
    {
        m_text += " \\\n    ";
        m_text += flag;
        m_text += ' ';
        m_text += word;
        return *this;
    }
    std::string text(std::string_view tail = {}) const { return m_text + std::string(tail) + '\n'; }

private:
    std::string m_text;
};

std::string tagsJson(const std::vector<Tag> &tags)
{
    std::string out = "[";
    for (const Tag &tag : tags) {
        if (out.size() > 1)
            out += ',';
        out += "{\"Key\":" + jsonQuote(tag.key) + ",\"Value\":" + jsonQuote(tag.value) + "}";
    }
    return out + "]";
}

} // namespace

std::vector<ExportedFile> cliScriptFiles(const Workspace &workspace, const std::vector<RoleId> &roles)
{
    const ExportSet set = makeExportSet(workspace, roles);
    const PolicyFileNames names = policyFileNames(set.roles, set.customerPolicies);
    std::string script = "#!/usr/bin/env bash\n";
    script += "# " + commentText(exportSourceLine(workspace)) + ".\n";
    script += "# Creates the roles with the AWS CLI; reads the policy files next to this script.\n";
    script += "set -euo pipefail\n";
    script += "cd \"$(dirname \"$0\")\"\n";
    script += "export AWS_PAGER=\"\"\n";

    std::map<std::string, std::string, std::less<>> arnVariables;
    for (std::size_t i = 0; i < set.customerPolicies.size(); ++i) {
        const ManagedPolicy &policy = *set.customerPolicies[i];
        const std::string variable = "policy_arn_" + std::to_string(i + 1);
        arnVariables[policy.arn] = "\"$" + variable + "\"";
        script += "\n# Customer managed policy " + commentText(policy.name) + "\n";
        Command command(variable + "=$(aws iam create-policy");
        command.arg("--policy-name", policy.name).arg("--path", policy.path);
        if (!policy.description.empty())
            command.arg("--description", policy.description);
        command.arg("--policy-document", "file://" + names.managedPolicies[i])
            .raw("--query", "Policy.Arn")
            .raw("--output", "text");
        script += command.text(")");
    }
    auto arnWord = [&](const std::string &arn) {
        const auto it = arnVariables.find(arn);
        return it == arnVariables.end() ? shellQuote(arn) : it->second;
    };

    for (std::size_t r = 0; r < set.roles.size(); ++r) {
        const Role &role = *set.roles[r];
        const RolePolicyFileNames &files = names.roles[r];
        script += "\n# Role " + commentText(role.name) + "\n";
        Command create("aws iam create-role");
        create.arg("--role-name", role.name)
            .arg("--path", role.path)
            .arg("--assume-role-policy-document", "file://" + files.trustPolicy);
        if (!role.description.empty())
            create.arg("--description", role.description);
        create.raw("--max-session-duration", std::to_string(role.maxSessionDuration));
        if (!role.permissionsBoundaryArn.empty())
            create.raw("--permissions-boundary", arnWord(role.permissionsBoundaryArn));
        if (!role.tags.empty())
            create.arg("--tags", tagsJson(role.tags));
        script += create.text(" >/dev/null");
        for (std::size_t p = 0; p < role.inlinePolicies.size(); ++p) {
            script += Command("aws iam put-role-policy")
                          .arg("--role-name", role.name)
                          .arg("--policy-name", role.inlinePolicies[p].name)
                          .arg("--policy-document", "file://" + files.inlinePolicies[p])
                          .text();
        }
        for (const std::string &arn : role.attachedPolicyArns) {
            script += Command("aws iam attach-role-policy")
                          .arg("--role-name", role.name)
                          .raw("--policy-arn", arnWord(arn))
                          .text();
        }
        for (const InstanceProfile &profile : role.instanceProfiles) {
            script += Command("aws iam create-instance-profile")
                          .arg("--instance-profile-name", profile.name)
                          .arg("--path", profile.path)
                          .text(" >/dev/null");
            script += Command("aws iam add-role-to-instance-profile")
                          .arg("--instance-profile-name", profile.name)
                          .arg("--role-name", role.name)
                          .text();
        }
    }
    std::vector<ExportedFile> files;
    files.push_back(ExportedFile { std::string(kCliScriptName), std::move(script), true });
    std::vector<ExportedFile> documents = policyJsonFiles(workspace, roles, WriteStyle::Pretty);
    files.insert(files.end(), std::make_move_iterator(documents.begin()), std::make_move_iterator(documents.end()));
    return files;
}

} // namespace rd::core
