// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "AssumeCommand.h"

#include "CliSupport.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/base/DateTime.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/sts/AssumeRoleJson.h"
#include "rd/core/sts/StsSimulator.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iostream>
#include <map>
#include <optional>

namespace rd::cli
{

namespace
{

using namespace rd::core;

// Effective permissions list at most this many actions (all are counted): AdministratorAccess alone has thousands.
constexpr std::size_t kListedActions = 200;

// `KEY=VALUE`, split at the first `=`.
bool splitPair(const std::string &text, std::string &key, std::string &value)
{
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        return false;
    key = text.substr(0, eq);
    value = text.substr(eq + 1);
    return true;
}

void printText(const AssumeRoleResult &result, const EffectivePermissions *permissions, const SessionCheck *check)
{
    std::cout << (result.allowed ? "ALLOWED" : "DENIED") << '\n';
    for (std::size_t i = 0; i < result.hops.size(); ++i) {
        const AssumeRoleHop &hop = result.hops[i];
        std::cout << "hop " << i + 1 << ": " << hop.caller << " -> " << hop.roleArn << " (" << stsApiName(hop.api)
                  << (hop.chained ? ", role chaining" : "") << ")\n";
        if (hop.failure) {
            const StsFailure &f = *hop.failure;
            std::cout << "  failed: " << f.code << ": " << f.message << '\n';
            if (!f.policy.empty()) {
                std::cout << "  policy: " << f.policy;
                if (f.statement)
                    std::cout << ", statement " << *f.statement + 1 << (f.sid.empty() ? "" : " (" + f.sid + ")");
                std::cout << '\n';
            }
            std::cout << "  rule: " << f.rule << '\n';
            continue;
        }
        std::cout << "  session: " << hop.assumedRoleArn << '\n';
        std::cout << "  duration: " << hop.durationSeconds << " s, issued " << hop.issued << ", expires "
                  << hop.expiration << '\n';
        std::cout << "  packed policy size: " << hop.packedPolicySize << " % (approximation)\n";
        if (hop.credentials) {
            std::cout << "  credentials (simulated, not usable): AccessKeyId " << hop.credentials->accessKeyId << '\n';
        }
        for (const Tag &tag : hop.sessionTags) {
            const auto marked = [&](const std::vector<std::string> &keys) {
                return std::find(keys.begin(), keys.end(), tag.key) != keys.end();
            };
            std::cout << "  session tag: " << tag.key << '=' << tag.value
                      << (marked(hop.inheritedTagKeys) ? " (inherited)" : "")
                      << (marked(hop.transitiveTagKeys) ? " (transitive)" : "") << '\n';
        }
        for (const std::string &policy : hop.sessionPolicies)
            std::cout << "  session policy: " << policy << '\n';
        if (!hop.sourceIdentity.empty())
            std::cout << "  source identity: " << hop.sourceIdentity << '\n';
        for (const StatementRef &ref : hop.deciding)
            std::cout << "  allowed by: " << ref.policy << ", statement " << ref.statement + 1
                      << (ref.sid.empty() ? "" : " (" + ref.sid + ")") << '\n';
    }
    if (!result.error.empty())
        std::cout << "error: " << result.error << '\n';
    for (const std::string &assumption : result.assumptions)
        std::cout << "assumed: " << assumption << '\n';
    if (permissions) {
        std::cout << "effective permissions: " << permissions->actionCount << " actions\n";
        for (const EffectiveService &service : permissions->services) {
            std::cout << "  " << service.prefix << ":";
            for (std::size_t level = 0; level < service.countByLevel.size(); ++level) {
                if (service.countByLevel[level] > 0)
                    std::cout << ' ' << accessLevelName(static_cast<AccessLevel>(level)) << ' '
                              << service.countByLevel[level];
            }
            std::cout << '\n';
            for (const EffectiveAction &action : service.actions) {
                std::cout << "    " << action.action << " (" << accessLevelName(action.accessLevel) << ")";
                for (std::size_t i = 0; i < action.resources.size(); ++i)
                    std::cout << (i == 0 ? ": " : "; ") << effectiveResourceText(action.resources[i]);
                std::cout << '\n';
                for (const EffectiveResource &resource : action.resources) {
                    for (const EffectiveCondition &condition : resource.conditions)
                        std::cout << "      conditional (" << resource.pattern
                                  << "): " << effectiveConditionText(condition) << '\n';
                }
            }
        }
        if (permissions->unlisted > 0)
            std::cout << "  ... and " << permissions->unlisted << " more actions, not listed\n";
    }
    if (check) {
        std::cout << "check " << check->action << " on " << check->resource << ": " << decisionName(check->decision)
                  << '\n';
        std::cout << "  " << check->explanation.reason << '\n';
        for (const StatementRef &ref : check->explanation.deciding)
            std::cout << "  " << (ref.effect == Effect::Allow ? "allowed" : "denied") << " by: " << ref.policy
                      << ", statement " << ref.statement + 1 << (ref.sid.empty() ? "" : " (" + ref.sid + ")") << '\n';
    }
}

} // namespace

CLI::App *AssumeCommand::configure(CLI::App &app)
{
    m_sub = app.add_subcommand("assume", "Simulate AWS STS AssumeRole (and role chains) over a workspace");
    m_sub->add_option("--workspace", m_workspace, "Workspace file (or GAAD output)")->required();
    m_sub
        ->add_option("--principal", m_principal,
            "Caller: user ARN, role or role session ARN, service principal, SAML/OIDC provider, external account root")
        ->required();
    m_roleOption = m_sub->add_option("--role", m_roles, "Role ARN to assume; repeat for a chain")->required();
    m_sub->add_option("--api", m_api, "assume-role, saml or web-identity (default: from the principal)")
        ->check(CLI::IsMember({ "assume-role", "saml", "web-identity" }));
    m_sub->add_option("--duration", m_duration, "DurationSeconds (default 3600)");
    m_sub->add_option("--session-name", m_sessionName, "RoleSessionName");
    m_sub->add_option("--external-id", m_externalId, "ExternalId");
    m_sub->add_option("--source-identity", m_sourceIdentity, "SourceIdentity");
    m_sub->add_option("--tag", m_tags, "Session tag KEY=VALUE (repeatable)");
    m_sub->add_option("--transitive-tag-key", m_transitiveTagKeys, "Transitive session tag key (repeatable)");
    m_sub->add_flag("--mfa", m_mfa, "The caller signed in with MFA");
    m_sub->add_option("--mfa-age", m_mfaAge, "Seconds since the MFA sign-in (aws:MultiFactorAuthAge)");
    m_sub->add_option("--source-ip", m_sourceIp, "aws:SourceIp");
    m_sub->add_option("--time", m_time, "Current time, ISO 8601 (default now)");
    m_sub->add_option("--org-id", m_orgId, "aws:PrincipalOrgID of the caller");
    m_sub->add_option("--principal-tag", m_principalTags, "Extra caller tag KEY=VALUE (repeatable)");
    m_sub->add_option("--context", m_context, "Extra condition key KEY=VALUE (repeatable; overrides derived keys)");
    m_sub->add_option("--session-policy", m_sessionPolicyFile, "Inline session policy file (`-` for stdin)");
    m_sub->add_option("--session-policy-arn", m_sessionPolicyArns, "Managed session policy ARN (repeatable)");
    // Per hop: each applies to the --role before it. Their values are read in command-line order (readHopOptions).
    m_hopTagOption = m_sub->add_option(
        "--hop-tag", m_hopValues[0], "Session tag KEY=VALUE passed by the hop of the --role before it (repeatable)");
    m_hopTransitiveOption = m_sub->add_option("--hop-transitive-tag-key", m_hopValues[1],
        "Transitive tag key of the hop of the --role before it (repeatable)");
    m_hopPolicyOption = m_sub->add_option(
        "--hop-session-policy", m_hopValues[2], "Inline session policy file of the hop of the --role before it");
    m_hopPolicyArnOption = m_sub->add_option("--hop-session-policy-arn", m_hopValues[3],
        "Managed session policy ARN of the hop of the --role before it (repeatable)");
    m_hopSessionNameOption =
        m_sub->add_option("--hop-session-name", m_hopValues[4], "RoleSessionName of the hop of the --role before it");
    m_hopDurationOption =
        m_sub->add_option("--hop-duration", m_hopValues[5], "DurationSeconds of the hop of the --role before it");
    m_hopExternalIdOption =
        m_sub->add_option("--hop-external-id", m_hopValues[6], "ExternalId of the hop of the --role before it");
    m_sub->add_option("--check", m_check, "ACTION RESOURCE: what the session may do")->expected(2);
    m_sub->add_flag("--permissions", m_permissions, "Add the session's effective permissions");
    m_sub->add_option("--format", m_format, "Output format")->check(CLI::IsMember({ "text", "json" }));
    return m_sub;
}

std::string AssumeCommand::readHopOptions(AssumeRoleRequest &request) const
{
    // CLI11 records every value it reads, in command-line order, with the option that read it (App::parse_order):
    // each --hop-* value belongs to the hop of the latest --role before it.
    std::map<const CLI::Option *, std::size_t> seen;
    std::size_t roles = 0;
    for (const CLI::Option *option : m_sub->parse_order()) {
        const std::size_t index = seen[option]++;
        if (option == m_roleOption) {
            ++roles;
            continue;
        }
        const std::array<const CLI::Option *, 7> hopOptions { m_hopTagOption, m_hopTransitiveOption, m_hopPolicyOption,
            m_hopPolicyArnOption, m_hopSessionNameOption, m_hopDurationOption, m_hopExternalIdOption };
        const std::vector<std::string> &values = option->results();
        if (std::find(hopOptions.begin(), hopOptions.end(), option) == hopOptions.end() || index >= values.size())
            continue;
        const std::string name = option->get_name();
        const std::string &value = values[index];
        if (roles == 0)
            return name + " `" + value + "` comes before any --role: put it after the --role of its hop";
        if (request.hops.size() < roles)
            request.hops.resize(roles);
        AssumeRoleHopParameters &hop = request.hops[roles - 1];
        const std::string once = name + " is given twice for hop " + std::to_string(roles);
        if (option == m_hopTagOption) {
            Tag tag;
            if (!splitPair(value, tag.key, tag.value))
                return name + " `" + value + "` is not KEY=VALUE";
            if (!hop.sessionTags)
                hop.sessionTags.emplace();
            hop.sessionTags->push_back(tag);
        } else if (option == m_hopTransitiveOption) {
            if (!hop.transitiveTagKeys)
                hop.transitiveTagKeys.emplace();
            hop.transitiveTagKeys->push_back(value);
        } else if (option == m_hopPolicyOption) {
            if (hop.sessionPolicy)
                return once;
            FileReadResult read = readTextFile(value, kMaxPolicyTextBytes);
            if (!read.ok())
                return read.error;
            hop.sessionPolicy = read.text;
        } else if (option == m_hopPolicyArnOption) {
            if (!hop.sessionPolicyArns)
                hop.sessionPolicyArns.emplace();
            hop.sessionPolicyArns->push_back(value);
        } else if (option == m_hopSessionNameOption) {
            if (hop.roleSessionName)
                return once;
            hop.roleSessionName = value;
        } else if (option == m_hopDurationOption) {
            if (hop.durationSeconds)
                return once;
            long long seconds = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
            if (error != std::errc() || end != value.data() + value.size())
                return name + " `" + value + "` is not a number of seconds";
            hop.durationSeconds = seconds;
        } else if (option == m_hopExternalIdOption) {
            if (hop.externalId)
                return once;
            hop.externalId = value;
        }
    }
    return {};
}

int AssumeCommand::run()
{
    AssumeRoleRequest request;
    request.principal = m_principal;
    request.roleArns = m_roles;
    if (!m_api.empty())
        request.api = stsApiFromName(m_api);
    if (m_sub->count("--duration") > 0)
        request.durationSeconds = m_duration;
    request.roleSessionName = m_sessionName;
    if (m_sub->count("--external-id") > 0)
        request.externalId = m_externalId;
    if (m_sub->count("--source-identity") > 0)
        request.sourceIdentity = m_sourceIdentity;
    for (const std::string &text : m_tags) {
        Tag tag;
        if (!splitPair(text, tag.key, tag.value))
            return usageError("--tag `" + text + "` is not KEY=VALUE");
        request.sessionTags.push_back(tag);
    }
    request.transitiveTagKeys = m_transitiveTagKeys;
    for (const std::string &text : m_principalTags) {
        Tag tag;
        if (!splitPair(text, tag.key, tag.value))
            return usageError("--principal-tag `" + text + "` is not KEY=VALUE");
        request.principalTags.push_back(tag);
    }
    for (const std::string &text : m_context) {
        std::string key;
        std::string value;
        if (!splitPair(text, key, value))
            return usageError("--context `" + text + "` is not KEY=VALUE");
        request.context.emplace_back(key, value);
    }
    request.mfaPresent = m_mfa || m_mfaAge >= 0;
    if (m_mfaAge >= 0)
        request.mfaAgeSeconds = m_mfaAge;
    request.sourceIp = m_sourceIp;
    request.organizationId = m_orgId;
    if (!m_time.empty()) {
        const std::optional<double> seconds = parseDateTime(m_time);
        if (!seconds)
            return usageError("--time `" + m_time + "` is not an ISO 8601 date and time");
        request.currentTime = static_cast<long long>(std::floor(*seconds));
    }
    if (!m_sessionPolicyFile.empty()) {
        FileReadResult read = readTextFile(m_sessionPolicyFile, kMaxPolicyTextBytes);
        if (!read.ok())
            return usageError(read.error);
        request.sessionPolicy = read.text;
    }
    request.sessionPolicyArns = m_sessionPolicyArns;
    if (const std::string error = readHopOptions(request); !error.empty())
        return usageError(error);

    WorkspaceLoadResult loaded = loadWorkspaceFile(m_workspace);
    if (!loaded.ok())
        return usageError(workspaceLoadError(m_workspace, loaded));

    StsSimulator simulator(*loaded.workspace, AccountModel::build(*loaded.workspace));
    const AssumeRoleResult result = simulator.assume(request);
    if (!result.error.empty())
        return usageError(result.error);
    std::optional<EffectivePermissions> permissions;
    if (m_permissions)
        permissions = simulator.effectivePermissions(result, kListedActions);
    std::optional<SessionCheck> check;
    if (m_check.size() == 2)
        check = simulator.check(result, request, m_check[0], m_check[1]);
    if (check && !check->error.empty() && result.allowed)
        return usageError("--check: " + check->error);

    if (m_format == "json")
        std::cout << assumeRoleResultToJson(result, permissions ? &*permissions : nullptr, check ? &*check : nullptr);
    else
        printText(result, permissions ? &*permissions : nullptr, check ? &*check : nullptr);
    const bool checkAllowed = !check || check->decision == Decision::Allowed;
    return result.allowed && checkAllowed ? kOkExit : kCheckFailedExit;
}

} // namespace rd::cli
