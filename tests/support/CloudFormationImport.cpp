// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CloudFormationImport.h"

#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"

#include <charconv>
#include <map>

namespace rd::core
{

namespace
{

class Importer
{
public:
    Importer(const CloudFormationImportOptions &options)
        : m_account(options.accountId.empty() ? std::string("000000000000") : options.accountId)
        , m_roleAccount(options.accountId)
    {
    }

    CloudFormationImportResult run(std::string_view text)
    {
        JsonReadResult read = readJson(text);
        if (!read.value || !read.isExact() || !read.value->isObject()) {
            error("", "the text is not a JSON object");
            return finish(false);
        }
        JsonValue *resources = read.value->find("Resources");
        if (!resources || !resources->isObject()) {
            error("", "the template has no `Resources` object");
            return finish(false);
        }
        if (!m_roleAccount.empty())
            m_workspace.ensureAccount(m_roleAccount);
        // Managed policies first, so that roles can refer to them wherever they stand; then roles; then profiles.
        for (JsonMember &m : resources->members) {
            if (type(m) == "AWS::IAM::ManagedPolicy")
                managedPolicy(m.key, m.value);
        }
        for (JsonMember &m : resources->members) {
            if (type(m) == "AWS::IAM::Role")
                role(m.key, m.value);
        }
        for (JsonMember &m : resources->members) {
            const std::string_view t = type(m);
            if (t == "AWS::IAM::InstanceProfile")
                instanceProfile(m.key, m.value);
            else if (t != "AWS::IAM::Role" && t != "AWS::IAM::ManagedPolicy")
                unsupported(m.key, "resource type `" + std::string(t) + "` is not imported");
        }
        if (const JsonValue *description = read.value->find("Description"); description && description->isString())
            m_workspace.name = description->text;
        m_workspace.collectExternalPrincipals();
        return finish(true);
    }

private:
    static std::string_view type(const JsonMember &m)
    {
        const JsonValue *t = m.value.isObject() ? m.value.find("Type") : nullptr;
        return t && t->isString() ? std::string_view(t->text) : std::string_view();
    }

    CloudFormationImportResult finish(bool ok)
    {
        CloudFormationImportResult result;
        if (ok)
            result.workspace = std::move(m_workspace);
        result.diagnostics = std::move(m_diagnostics);
        return result;
    }

    void error(const std::string &id, const std::string &message)
    {
        m_diagnostics.push_back(
            Diagnostic::error("CFN_FORMAT_ERROR", {}, id.empty() ? message : "resource `" + id + "`: " + message));
    }

    void unsupported(const std::string &id, const std::string &message)
    {
        m_diagnostics.push_back(Diagnostic::warning("CFN_UNSUPPORTED", {}, "resource `" + id + "`: " + message));
    }

    JsonValue *properties(const std::string &id, JsonValue &resource)
    {
        JsonValue *p = resource.find("Properties");
        if (!p || !p->isObject()) {
            error(id, "no `Properties` object");
            return nullptr;
        }
        return p;
    }

    std::string string(const std::string &id, const JsonValue &object, std::string_view key, std::string fallback)
    {
        const JsonValue *v = object.find(key);
        if (!v)
            return fallback;
        if (!v->isString()) {
            error(id, "`" + std::string(key) + "` is not a string");
            return fallback;
        }
        return v->text;
    }

    std::optional<Policy> document(const std::string &id, JsonValue *value, std::string_view what)
    {
        if (!value) {
            error(id, std::string(what) + " is missing");
            return std::nullopt;
        }
        ParseResult parsed = policyFromJson(std::move(*value));
        if (!parsed.policy) {
            error(id, std::string(what) + " is not a policy document");
            return std::nullopt;
        }
        clearSourceRanges(*parsed.policy);
        return std::move(*parsed.policy);
    }

    // A policy ARN: a string, or `Ref` to a managed policy of the template.
    std::optional<std::string> policyArn(const std::string &id, const JsonValue &value)
    {
        if (value.isString())
            return value.text;
        if (const JsonValue *target = value.isObject() && value.members.size() == 1 ? value.find("Ref") : nullptr;
            target && target->isString()) {
            const auto it = m_policyArns.find(target->text);
            if (it != m_policyArns.end())
                return it->second;
            error(id, "`Ref` to `" + target->text + "`, which is not a managed policy of the template");
            return std::nullopt;
        }
        unsupported(id, "a policy ARN that is neither a string nor a `Ref` is skipped");
        return std::nullopt;
    }

    void managedPolicy(const std::string &id, JsonValue &resource)
    {
        JsonValue *p = properties(id, resource);
        if (!p)
            return;
        ManagedPolicy policy;
        policy.name = string(id, *p, "ManagedPolicyName", id);
        policy.path = string(id, *p, "Path", "/");
        policy.description = string(id, *p, "Description", "");
        policy.arn = "arn:aws:iam::" + m_account + ":policy" + policy.path + policy.name;
        std::optional<Policy> doc = document(id, p->find("PolicyDocument"), "`PolicyDocument`");
        if (!doc)
            return;
        policy.defaultVersionId = "v1";
        policy.versions.push_back(PolicyVersion { "v1", true, "", std::move(*doc) });
        m_policyArns[id] = policy.arn;
        m_workspace.add(std::move(policy));
    }

    void role(const std::string &id, JsonValue &resource)
    {
        JsonValue *p = properties(id, resource);
        if (!p)
            return;
        Role role;
        role.accountId = m_roleAccount;
        role.name = string(id, *p, "RoleName", id);
        role.path = string(id, *p, "Path", "/");
        role.description = string(id, *p, "Description", "");
        if (!m_roleAccount.empty())
            role.arn = "arn:aws:iam::" + m_roleAccount + ":role" + role.path + role.name;
        if (const JsonValue *duration = p->find("MaxSessionDuration")) {
            // CloudFormation takes the number or its string.
            int seconds = 0;
            const auto [end, ec] =
                std::from_chars(duration->text.data(), duration->text.data() + duration->text.size(), seconds);
            if ((duration->isNumber() || duration->isString()) && ec == std::errc()
                && end == duration->text.data() + duration->text.size())
                role.maxSessionDuration = seconds;
            else
                error(id, "`MaxSessionDuration` is not a whole number");
        }
        std::optional<Policy> trust = document(id, p->find("AssumeRolePolicyDocument"), "`AssumeRolePolicyDocument`");
        if (!trust)
            return;
        role.trustPolicy = std::move(*trust);
        if (JsonValue *policies = p->find("Policies")) {
            for (JsonValue &entry : policies->elements) {
                if (!entry.isObject()) {
                    error(id, "an entry of `Policies` is not an object");
                    continue;
                }
                const std::string name = string(id, entry, "PolicyName", "");
                std::optional<Policy> doc =
                    document(id, entry.find("PolicyDocument"), "`PolicyDocument` of `" + name + "`");
                if (doc)
                    role.inlinePolicies.push_back(InlinePolicy { name, std::move(*doc) });
            }
        }
        if (const JsonValue *arns = p->find("ManagedPolicyArns")) {
            for (const JsonValue &arn : arns->elements) {
                if (auto value = policyArn(id, arn))
                    role.attachedPolicyArns.push_back(std::move(*value));
            }
        }
        if (const JsonValue *boundary = p->find("PermissionsBoundary")) {
            if (auto value = policyArn(id, *boundary))
                role.permissionsBoundaryArn = std::move(*value);
        }
        if (const JsonValue *tags = p->find("Tags")) {
            for (const JsonValue &tag : tags->elements) {
                if (!tag.isObject()) {
                    error(id, "an entry of `Tags` is not an object");
                    continue;
                }
                role.tags.push_back(Tag { string(id, tag, "Key", ""), string(id, tag, "Value", "") });
            }
        }
        m_roleIndex[id] = m_workspace.roles.size();
        m_workspace.add(std::move(role));
    }

    void instanceProfile(const std::string &id, JsonValue &resource)
    {
        JsonValue *p = properties(id, resource);
        if (!p)
            return;
        InstanceProfile profile;
        profile.name = string(id, *p, "InstanceProfileName", id);
        profile.path = string(id, *p, "Path", "/");
        if (!m_roleAccount.empty())
            profile.arn = "arn:aws:iam::" + m_roleAccount + ":instance-profile" + profile.path + profile.name;
        const JsonValue *roles = p->find("Roles");
        if (!roles || !roles->isArray()) {
            error(id, "`Roles` is not a list");
            return;
        }
        for (const JsonValue &entry : roles->elements) {
            const JsonValue *target = entry.isObject() ? entry.find("Ref") : nullptr;
            const auto it = target && target->isString() ? m_roleIndex.find(target->text) : m_roleIndex.end();
            if (it == m_roleIndex.end()) {
                error(id, "an entry of `Roles` is not a `Ref` to a role of the template");
                continue;
            }
            m_workspace.roles[it->second].instanceProfiles.push_back(profile);
        }
    }

    std::string m_account;
    std::string m_roleAccount;
    Workspace m_workspace;
    Diagnostics m_diagnostics;
    std::map<std::string, std::string, std::less<>> m_policyArns;
    std::map<std::string, std::size_t, std::less<>> m_roleIndex;
};

} // namespace

CloudFormationImportResult importCloudFormationJson(std::string_view text, const CloudFormationImportOptions &options)
{
    return Importer(options).run(text);
}

} // namespace rd::core
