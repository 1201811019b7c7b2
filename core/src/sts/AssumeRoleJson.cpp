// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/sts/AssumeRoleJson.h"

#include "json/JsonTextWriter.h"

namespace rd::core
{

namespace
{

void writeStringList(JsonTextWriter &out, const std::vector<std::string> &values)
{
    out.beginArray();
    for (const std::string &value : values)
        out.string(value);
    out.endArray();
}

void writeTags(JsonTextWriter &out, const std::vector<Tag> &tags)
{
    out.beginArray();
    for (const Tag &tag : tags) {
        out.beginObject();
        out.key("Key");
        out.string(tag.key);
        out.key("Value");
        out.string(tag.value);
        out.endObject();
    }
    out.endArray();
}

void writeLine(JsonTextWriter &out, const SourceRange &range)
{
    if (range.begin.line > 0) {
        out.key("line");
        out.number(std::to_string(range.begin.line));
    }
}

void writeStatementRef(JsonTextWriter &out, const StatementRef &ref)
{
    out.beginObject();
    out.key("type");
    out.string(policyTypeName(ref.type));
    out.key("policy");
    out.string(ref.policy);
    out.key("statement");
    out.number(std::to_string(ref.statement));
    out.key("sid");
    out.string(ref.sid);
    out.key("effect");
    out.string(ref.effect == Effect::Allow ? "Allow" : "Deny");
    writeLine(out, ref.range);
    out.endObject();
}

void writeExplanation(JsonTextWriter &out, const std::string &reason, const std::vector<StatementRef> &deciding,
    const std::vector<NearMiss> &nearMisses)
{
    out.key("reason");
    out.string(reason);
    out.key("deciding");
    out.beginArray();
    for (const StatementRef &ref : deciding)
        writeStatementRef(out, ref);
    out.endArray();
    out.key("nearMisses");
    out.beginArray();
    for (const NearMiss &miss : nearMisses) {
        out.beginObject();
        out.key("statement");
        writeStatementRef(out, miss.statement);
        out.key("element");
        out.string(miss.element);
        out.key("detail");
        out.string(miss.detail);
        out.endObject();
    }
    out.endArray();
}

void writeFailure(JsonTextWriter &out, const StsFailure &failure)
{
    out.beginObject();
    out.key("code");
    out.string(failure.code);
    out.key("message");
    out.string(failure.message);
    out.key("policy");
    if (failure.policy.empty())
        out.null();
    else
        out.string(failure.policy);
    out.key("statement");
    if (failure.statement)
        out.number(std::to_string(*failure.statement));
    else
        out.null();
    out.key("sid");
    out.string(failure.sid);
    writeLine(out, failure.range);
    out.key("parameter");
    out.string(failure.parameter);
    out.key("rule");
    out.string(failure.rule);
    out.endObject();
}

void writeHop(JsonTextWriter &out, const AssumeRoleHop &hop)
{
    out.beginObject();
    out.key("role");
    out.string(hop.roleArn);
    out.key("caller");
    out.string(hop.caller);
    out.key("api");
    out.string(stsApiName(hop.api));
    out.key("chained");
    out.boolean(hop.chained);
    out.key("sessionName");
    out.string(hop.sessionName);
    out.key("assumedRoleArn");
    out.string(hop.assumedRoleArn);
    out.key("assumedRoleId");
    out.string(hop.assumedRoleId);
    out.key("durationSeconds");
    out.number(std::to_string(hop.durationSeconds));
    out.key("issued");
    out.string(hop.issued);
    out.key("expiration");
    out.string(hop.expiration);
    out.key("credentials");
    if (hop.credentials) {
        const SimulatedCredentials &c = *hop.credentials;
        out.beginObject();
        out.key("AccessKeyId");
        out.string(c.accessKeyId);
        out.key("SecretAccessKey");
        out.string(c.secretAccessKey);
        out.key("SessionToken");
        out.string(c.sessionToken);
        out.key("Expiration");
        out.string(c.expiration);
        out.key("simulated");
        out.boolean(c.simulated);
        out.key("note");
        out.string(c.note);
        out.endObject();
    } else {
        out.null();
    }
    out.key("packedPolicySize");
    out.number(std::to_string(hop.packedPolicySize));
    out.key("sessionTags");
    writeTags(out, hop.sessionTags);
    out.key("transitiveTagKeys");
    writeStringList(out, hop.transitiveTagKeys);
    out.key("inheritedTagKeys");
    writeStringList(out, hop.inheritedTagKeys);
    out.key("sessionPolicies");
    writeStringList(out, hop.sessionPolicies);
    out.key("sourceIdentity");
    out.string(hop.sourceIdentity);
    out.key("failure");
    if (hop.failure)
        writeFailure(out, *hop.failure);
    else
        out.null();
    out.key("checks");
    out.beginArray();
    for (const StsCheck &check : hop.checks) {
        out.beginObject();
        out.key("rule");
        out.string(check.rule);
        out.key("source");
        out.string(check.source);
        out.key("passed");
        out.boolean(check.passed);
        out.key("detail");
        out.string(check.detail);
        out.endObject();
    }
    out.endArray();
    writeExplanation(out, hop.reason, hop.deciding, hop.nearMisses);
    out.endObject();
}

void writeResource(JsonTextWriter &out, const EffectiveResource &resource)
{
    out.beginObject();
    out.key("pattern");
    out.string(resource.pattern);
    out.key("alsoMatching");
    writeStringList(out, resource.alsoMatching);
    out.key("except");
    writeStringList(out, resource.except);
    out.key("conditional");
    out.boolean(resource.conditional());
    out.key("conditions");
    out.beginArray();
    for (const EffectiveCondition &condition : resource.conditions) {
        out.beginObject();
        out.key("type");
        out.string(policyTypeName(condition.type));
        out.key("policy");
        out.string(condition.policy);
        out.key("statement");
        out.number(std::to_string(condition.statement));
        out.key("sid");
        out.string(condition.sid);
        out.key("effect");
        out.string(condition.effect == Effect::Allow ? "Allow" : "Deny");
        out.key("keys");
        writeStringList(out, condition.keys);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

void writePermissions(JsonTextWriter &out, const EffectivePermissions &permissions)
{
    out.beginObject();
    out.key("actionCount");
    out.number(std::to_string(permissions.actionCount));
    out.key("unlisted");
    out.number(std::to_string(permissions.unlisted));
    out.key("services");
    out.beginArray();
    for (const EffectiveService &service : permissions.services) {
        out.beginObject();
        out.key("prefix");
        out.string(service.prefix);
        out.key("name");
        out.string(service.name);
        out.key("byAccessLevel");
        out.beginObject();
        for (std::size_t level = 0; level < service.countByLevel.size(); ++level) {
            out.key(accessLevelName(static_cast<AccessLevel>(level)));
            out.number(std::to_string(service.countByLevel[level]));
        }
        out.endObject();
        out.key("actions");
        out.beginArray();
        for (const EffectiveAction &action : service.actions) {
            out.beginObject();
            out.key("action");
            out.string(action.action);
            out.key("accessLevel");
            out.string(accessLevelName(action.accessLevel));
            out.key("resources");
            out.beginArray();
            for (const EffectiveResource &resource : action.resources)
                writeResource(out, resource);
            out.endArray();
            out.key("conditional");
            out.boolean(action.conditional);
            out.endObject();
        }
        out.endArray();
        out.endObject();
    }
    out.endArray();
    out.key("unresolvedPolicies");
    writeStringList(out, permissions.unresolvedPolicies);
    out.key("notes");
    writeStringList(out, permissions.notes);
    out.endObject();
}

} // namespace

std::string assumeRoleResultToJson(
    const AssumeRoleResult &result, const EffectivePermissions *permissions, const SessionCheck *check)
{
    JsonTextWriter out(true);
    out.beginObject();
    out.key("allowed");
    out.boolean(result.allowed);
    if (!result.error.empty()) {
        out.key("error");
        out.string(result.error);
    }
    out.key("hops");
    out.beginArray();
    for (const AssumeRoleHop &hop : result.hops)
        writeHop(out, hop);
    out.endArray();
    out.key("assumptions");
    writeStringList(out, result.assumptions);
    if (result.session) {
        out.key("session");
        out.beginObject();
        out.key("assumedRoleArn");
        out.string(result.session->assumedRoleArn);
        out.key("principalTags");
        writeTags(out, result.session->principalTags);
        out.key("sourceIdentity");
        out.string(result.session->sourceIdentity);
        out.key("sessionPolicies");
        out.beginArray();
        for (const auto &policy : result.session->sessionPolicies)
            out.string(policy->name());
        out.endArray();
        out.endObject();
    }
    if (permissions) {
        out.key("effectivePermissions");
        writePermissions(out, *permissions);
    }
    if (check) {
        out.key("check");
        out.beginObject();
        out.key("action");
        out.string(check->action);
        out.key("resource");
        out.string(check->resource);
        out.key("decision");
        out.string(decisionName(check->decision));
        if (!check->error.empty()) {
            out.key("error");
            out.string(check->error);
        }
        out.key("resourcePolicy");
        out.string(check->resourcePolicy);
        out.key("explanation");
        out.beginObject();
        writeExplanation(out, check->explanation.reason, check->explanation.deciding, check->explanation.nearMisses);
        out.endObject();
        out.endObject();
    }
    out.endObject();
    return out.take();
}

} // namespace rd::core
