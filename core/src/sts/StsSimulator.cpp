// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/sts/StsSimulator.h"

#include "base/TextUtil.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/evaluation/RequestPrincipal.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/sts/StsParameterRules.h"
#include "sts/EffectivePermissionsBuilder.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <set>

namespace rd::core
{

namespace
{

constexpr std::string_view kDefaultSessionName = "role-designer-simulation";
constexpr std::string_view kCredentialsNote =
    "Simulated by IAM Role Designer from a hash of the request: not credentials, no AWS service accepts them.";

// Source pages, as the checks cite them.
constexpr std::string_view kSrcAssumeRoleParams = "AWS STS API Reference, AssumeRole, \"Request Parameters\"";
constexpr std::string_view kSrcAssumeRoleErrors = "AWS STS API Reference, AssumeRole, \"Errors\"";
constexpr std::string_view kSrcRoleChaining = "IAM User Guide, \"Role chaining\"";
constexpr std::string_view kSrcSessionTags = "IAM User Guide, \"Passing session tags in AWS STS\"";
constexpr std::string_view kSrcChainingTags = "IAM User Guide, \"Chaining roles with session tags\"";
constexpr std::string_view kSrcSourceIdentity =
    "IAM User Guide, \"Monitor and control actions taken with assumed roles\"";
constexpr std::string_view kSrcQuotas = "IAM User Guide, \"IAM and AWS STS quotas\"";
constexpr std::string_view kSrcCrossAccount = "IAM User Guide, \"Cross-account policy evaluation logic\"";
constexpr std::string_view kSrcSwitchRoles = "IAM User Guide, \"Grant a user permissions to switch roles\"";

std::string sourceOf(StsApi api, std::string_view section)
{
    return "AWS STS API Reference, " + std::string(stsApiName(api)) + ", \"" + std::string(section) + "\"";
}

// --- time -------------------------------------------------------------------------------------------------------

long long nowEpoch()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// --- deterministic simulated credentials --------------------------------------------------------------------------

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::uint64_t splitMix(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::string randomText(std::uint64_t &state, std::string_view alphabet, std::size_t length)
{
    std::string out;
    out.reserve(length);
    for (std::size_t i = 0; i < length; ++i)
        out += alphabet[splitMix(state) % alphabet.size()];
    return out;
}

SimulatedCredentials makeCredentials(std::string_view seed, const std::string &expiration)
{
    std::uint64_t state = fnv1a(seed);
    SimulatedCredentials credentials;
    // Temporary access keys begin with ASIA (IAM User Guide, "IAM identifiers", "Understanding unique ID prefixes").
    credentials.accessKeyId = "ASIA" + randomText(state, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    credentials.secretAccessKey =
        randomText(state, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40);
    credentials.sessionToken = "SIMULATED-NOT-VALID/"
        + randomText(state, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 120);
    credentials.expiration = expiration;
    credentials.simulated = true;
    credentials.note = std::string(kCredentialsNote);
    return credentials;
}

// --- the caller ---------------------------------------------------------------------------------------------------

struct IdentitySide {
    std::vector<const CompiledPolicy *> identity;
    const CompiledPolicy *boundary = nullptr;
};

// Who calls STS for one hop.
struct Caller {
    std::string arn;
    /// How answers name the caller: its ARN, or the principal as given when it stands for some principal of an
    /// account the workspace does not model.
    std::string shownAs;
    RequestPrincipal principal;
    IdentitySide side;
    std::vector<std::shared_ptr<const CompiledPolicy>> sessionPolicies;
    /// aws:PrincipalTag values.
    std::vector<Tag> principalTags;
    std::string principalArnKey;
    std::string principalType;
    std::string userId;
    std::string userName;
    /// The caller uses temporary credentials (a role session): role chaining.
    bool chained = false;
    /// aws:MultiFactorAuthPresent is "false" rather than absent without MFA (temporary credentials).
    bool temporary = false;
    std::vector<Tag> transitiveTags;
    std::vector<std::string> transitiveKeys;
    std::string sourceIdentity;
};

void setTag(std::vector<Tag> &tags, const Tag &tag)
{
    for (Tag &existing : tags) {
        if (equalsIgnoreCase(existing.key, tag.key)) {
            existing.value = tag.value;
            return;
        }
    }
    tags.push_back(tag);
}

} // namespace

// --- private data ---------------------------------------------------------------------------------------------------

struct StsSimulator::Private {
    const Workspace &workspace;
    // INVARIANT: the model of `workspace`; the policy sets, trust, resource and managed policies all come from it.
    std::shared_ptr<const AccountModel> model;
    // ARNs of attached policies and boundaries found nowhere, of the sides read since the last clear().
    mutable std::set<std::string> unresolved;

    Private(const Workspace &w, std::shared_ptr<const AccountModel> m)
        : workspace(w)
        , model(std::move(m))
    {
    }

    IdentitySide sideOf(const PrincipalPolicies *policies) const
    {
        IdentitySide side;
        if (!policies)
            return side;
        for (const ResolvedPolicyPtr &policy : policies->identity)
            side.identity.push_back(&policy->compiled);
        if (policies->boundary)
            side.boundary = &policies->boundary->compiled;
        unresolved.insert(policies->unresolvedArns.begin(), policies->unresolvedArns.end());
        return side;
    }

    IdentitySide roleSide(const Role &role) const { return sideOf(model->policiesOf(role.id)); }
    IdentitySide userSide(const User &user) const { return sideOf(model->policiesOf(user.id)); }

    /// Null only when the model does not have the role (it was made from another workspace).
    const CompiledPolicy *trustPolicy(const Role &role) const
    {
        const ResolvedPolicyPtr policy = model->trustPolicy(role.id);
        return policy ? &policy->compiled : nullptr;
    }

    // The caller's own account's policies, when the workspace does not model that account: allowed, by assumption.
    static const CompiledPolicy *assumedOwnAccountPolicy()
    {
        static const CompiledPolicy allowSts = [] {
            ParseResult parsed = parsePolicy(
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]})");
            return CompiledPolicy::compile(
                parsed.policy.value_or(Policy {}), "assumed: the caller's own account's policies");
        }();
        return &allowSts;
    }

    const Role *findRole(std::string_view arn) const
    {
        for (const Role &role : workspace.roles) {
            if (role.arn == arn)
                return &role;
        }
        // An ARN written without the role's path still names it (IAM compares role ARNs with their paths, but a
        // session ARN never carries one).
        RequestPrincipal principal;
        std::string error;
        if (!RequestPrincipal::parse(arn, principal, error))
            return nullptr;
        return findRoleByName(principal.account, principal.name);
    }

    const Role *findRoleByName(std::string_view account, std::string_view name) const
    {
        for (const Role &role : workspace.roles) {
            if (role.accountId == account && role.name == name)
                return &role;
        }
        return nullptr;
    }

    const User *findUser(const RequestPrincipal &principal) const
    {
        for (const User &user : workspace.users) {
            if (user.arn == principal.text || (user.accountId == principal.account && user.name == principal.name))
                return &user;
        }
        return nullptr;
    }

    const Resource *findResource(std::string_view arn) const
    {
        for (const Resource &resource : workspace.resources) {
            if (resource.arn == arn)
                return &resource;
        }
        // An S3 object is governed by its bucket's policy (Amazon S3 User Guide, "Bucket policies").
        if (arn.rfind("arn:aws:s3:::", 0) == 0) {
            const std::size_t slash = arn.find('/');
            if (slash != std::string_view::npos)
                return findResource(arn.substr(0, slash));
        }
        return nullptr;
    }

    bool accountModelled(std::string_view account) const
    {
        if (workspace.hasAccount(account))
            return true;
        auto inAccount = [&](const auto &list) {
            return std::any_of(
                list.begin(), list.end(), [&](const auto &entity) { return entity.accountId == account; });
        };
        return inAccount(workspace.users) || inAccount(workspace.roles);
    }
};

StsSimulator::StsSimulator(const Workspace &workspace, std::shared_ptr<const AccountModel> model)
    : d(std::make_unique<Private>(workspace, model ? std::move(model) : AccountModel::build(workspace)))
{
}

StsSimulator::StsSimulator(const Workspace &workspace, const AwsManagedPolicies &awsManaged)
    : StsSimulator(workspace, AccountModel::build(workspace, awsManaged))
{
}

StsSimulator::~StsSimulator() = default;

std::string formatIsoTime(long long epochSeconds)
{
    // Days from the civil calendar (Howard Hinnant's algorithm).
    long long days = epochSeconds / 86400;
    long long rest = epochSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long dayOfEra = days - era * 146097;
    const long long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long long year = yearOfEra + era * 400;
    const long long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const long long mp = (5 * dayOfYear + 2) / 153;
    const long long day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    if (month <= 2)
        ++year;
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", year, month, day, rest / 3600,
        (rest / 60) % 60, rest % 60);
    return buffer;
}

namespace
{

// The request context of a call made by `caller` (IAM User Guide, "AWS global condition context keys").
void addCallerContext(RequestContext &context, const Caller &caller, const AssumeRoleRequest &request, long long now)
{
    context.set("aws:CurrentTime", formatIsoTime(now));
    context.set("aws:EpochTime", std::to_string(now));
    context.set("aws:SecureTransport", "true");
    const PrincipalKind kind = caller.principal.kind;
    if (caller.principal.hasIdentityPolicies() || kind == PrincipalKind::Root) {
        context.set("aws:PrincipalArn", caller.principalArnKey);
        context.set("aws:PrincipalAccount", caller.principal.account);
        context.set("aws:PrincipalType", caller.principalType);
        if (!caller.userId.empty())
            context.set("aws:userid", caller.userId);
        if (!caller.userName.empty())
            context.set("aws:username", caller.userName);
        for (const Tag &tag : caller.principalTags)
            context.set("aws:PrincipalTag/" + tag.key, tag.value);
        if (!request.organizationId.empty())
            context.set("aws:PrincipalOrgID", request.organizationId);
        // "aws:MultiFactorAuthPresent ... is not present when an API or CLI command is called with long-term
        // credentials, such as user access key pairs" (IAM User Guide, "AWS global condition context keys").
        if (request.mfaPresent) {
            context.set("aws:MultiFactorAuthPresent", "true");
            context.set("aws:MultiFactorAuthAge", std::to_string(request.mfaAgeSeconds.value_or(0)));
        } else if (caller.temporary) {
            context.set("aws:MultiFactorAuthPresent", "false");
        }
        if (!caller.sourceIdentity.empty())
            context.set("aws:SourceIdentity", caller.sourceIdentity);
    } else if (kind == PrincipalKind::Service) {
        context.set("aws:PrincipalServiceName", caller.principal.text);
        context.set("aws:PrincipalIsAWSService", "true");
    } else if (kind == PrincipalKind::IdentityProvider) {
        context.set("aws:FederatedProvider", caller.principal.text);
    }
    if (!request.sourceIp.empty())
        context.set("aws:SourceIp", request.sourceIp);
}

void addExtraContext(RequestContext &context, const AssumeRoleRequest &request)
{
    for (const auto &[key, value] : request.context)
        context.set(key, value);
}

bool hasExtraKey(const AssumeRoleRequest &request, std::string_view key)
{
    return std::any_of(request.context.begin(), request.context.end(),
        [&](const auto &entry) { return equalsIgnoreCase(entry.first, key); });
}

std::string principalNoun(const Caller &caller)
{
    switch (caller.principal.kind) {
    case PrincipalKind::User:
    case PrincipalKind::Role:
    case PrincipalKind::RoleSession:
        return "User";
    default:
        return "Principal";
    }
}

// The parameters one hop passes: the hop's own where AssumeRoleRequest::hops sets them, else the request-wide ones
// (tags and transitive keys on the first hop, session policies on the last, the rest on every hop).
struct HopInput {
    std::vector<Tag> sessionTags;
    std::vector<std::string> transitiveTagKeys;
    std::optional<std::string> sessionPolicy;
    std::vector<std::string> sessionPolicyArns;
    std::string roleSessionName;
    std::optional<long long> durationSeconds;
    std::optional<std::string> externalId;
};

HopInput hopInput(const AssumeRoleRequest &request, std::size_t index)
{
    const bool first = index == 0;
    const bool last = index + 1 == request.roleArns.size();
    const AssumeRoleHopParameters none;
    const AssumeRoleHopParameters &own = index < request.hops.size() ? request.hops[index] : none;
    HopInput input;
    input.sessionTags = own.sessionTags.value_or(first ? request.sessionTags : std::vector<Tag> {});
    input.transitiveTagKeys =
        own.transitiveTagKeys.value_or(first ? request.transitiveTagKeys : std::vector<std::string> {});
    input.sessionPolicy = own.sessionPolicy ? own.sessionPolicy : (last ? request.sessionPolicy : std::nullopt);
    input.sessionPolicyArns =
        own.sessionPolicyArns.value_or(last ? request.sessionPolicyArns : std::vector<std::string> {});
    input.roleSessionName = own.roleSessionName.value_or(request.roleSessionName);
    input.durationSeconds = own.durationSeconds ? own.durationSeconds : request.durationSeconds;
    input.externalId = own.externalId ? own.externalId : request.externalId;
    return input;
}

} // namespace

AssumeRoleResult StsSimulator::assume(const AssumeRoleRequest &request) const
{
    AssumeRoleResult result;
    d->unresolved.clear();
    if (request.roleArns.empty()) {
        result.error = "no role to assume: give at least one role ARN";
        return result;
    }
    const long long now = request.currentTime.value_or(nowEpoch());

    // The first caller.
    Caller caller;
    caller.arn = request.principal;
    std::string parseError;
    if (!RequestPrincipal::parse(request.principal, caller.principal, parseError)) {
        result.error = "the principal `" + request.principal + "` cannot be read: " + parseError;
        return result;
    }
    const PrincipalKind kind = caller.principal.kind;
    if (kind == PrincipalKind::Anonymous || kind == PrincipalKind::CanonicalUser
        || kind == PrincipalKind::FederatedUser) {
        result.error = "a " + std::string(principalKindName(kind))
            + " cannot call AssumeRole here: give a user, role session, role, service, identity provider or external "
              "account";
        return result;
    }
    const bool samlProvider =
        kind == PrincipalKind::IdentityProvider && caller.principal.text.find(":saml-provider/") != std::string::npos;
    const StsApi api = request.api.value_or(kind != PrincipalKind::IdentityProvider
            ? StsApi::AssumeRole
            : (samlProvider ? StsApi::AssumeRoleWithSaml : StsApi::AssumeRoleWithWebIdentity));
    // AssumeRoleWithSAML takes a SAML provider's assertion, AssumeRoleWithWebIdentity an OIDC token, AssumeRole an
    // IAM principal's or a service's signed request (AWS STS API Reference, the three operations).
    if (api == StsApi::AssumeRoleWithSaml && !samlProvider) {
        result.error =
            "AssumeRoleWithSAML needs a SAML provider as the principal (arn:aws:iam::ACCOUNT:saml-provider/NAME)";
        return result;
    }
    if (api == StsApi::AssumeRoleWithWebIdentity && (kind != PrincipalKind::IdentityProvider || samlProvider)) {
        result.error = "AssumeRoleWithWebIdentity needs an OIDC or web identity provider as the principal";
        return result;
    }
    if (api == StsApi::AssumeRole && kind == PrincipalKind::IdentityProvider) {
        result.error = "an identity provider calls AssumeRoleWithSAML or AssumeRoleWithWebIdentity, not AssumeRole";
        return result;
    }

    if (caller.principal.hasIdentityPolicies() || kind == PrincipalKind::Root) {
        const std::string &account = caller.principal.account;
        const bool modelled = d->accountModelled(account);
        caller.principalArnKey = caller.principal.text;
        caller.principalType = "User";
        if (!modelled) {
            // A caller from an account the workspace does not model is assumed to be allowed by its own account's
            // policies (docs/SIMULATION.md, "Callers the workspace does not model").
            caller.side.identity.push_back(d->assumedOwnAccountPolicy());
            if (kind == PrincipalKind::Root) {
                // `arn:aws:iam::A:root` of an outside account stands for some IAM principal of it (root user
                // credentials cannot call AssumeRole: IAM User Guide, "AWS account root user").
                caller.arn = "arn:" + caller.principal.partition + ":iam::" + account + ":user/ExternalPrincipal";
                caller.shownAs = request.principal;
                RequestPrincipal::parse(caller.arn, caller.principal, parseError);
                caller.principalArnKey = caller.arn;
                result.assumptions.push_back("`" + request.principal + "` stands for an IAM principal of account "
                    + account + ", simulated as `" + caller.arn + "`");
            }
            result.assumptions.push_back("account " + account
                + " is not in the workspace: its own identity-based policies are assumed to allow sts:AssumeRole, "
                  "sts:TagSession and sts:SetSourceIdentity (only the role's side is checked)");
            if (kind == PrincipalKind::RoleSession || kind == PrincipalKind::Role) {
                caller.chained = true;
                caller.temporary = kind == PrincipalKind::RoleSession;
                caller.principalArnKey =
                    "arn:" + caller.principal.partition + ":iam::" + account + ":role/" + caller.principal.name;
                caller.principalType = "AssumedRole";
            }
        } else if (kind == PrincipalKind::User) {
            const User *user = d->findUser(caller.principal);
            if (!user) {
                result.error = "the user `" + request.principal + "` is not in the workspace";
                return result;
            }
            caller.side = d->userSide(*user);
            caller.principalTags = user->tags;
            caller.principalArnKey = user->arn;
            caller.userId = user->awsId.empty() ? user->name : user->awsId;
            caller.userName = user->name;
        } else if (kind == PrincipalKind::Role || kind == PrincipalKind::RoleSession) {
            const Role *role = kind == PrincipalKind::Role ? d->findRole(request.principal)
                                                           : d->findRoleByName(account, caller.principal.name);
            if (!role) {
                result.error = "the role of `" + request.principal + "` is not in the workspace";
                return result;
            }
            caller.side = d->roleSide(*role);
            caller.principalTags = role->tags;
            caller.principalArnKey = role->arn;
            caller.principalType = "AssumedRole";
            caller.chained = true;
            caller.temporary = true;
            const std::string session =
                kind == PrincipalKind::RoleSession ? caller.principal.sessionName : std::string(kDefaultSessionName);
            caller.userId = (role->awsId.empty() ? role->name : role->awsId) + ":" + session;
            if (kind == PrincipalKind::Role) {
                caller.arn = "arn:" + caller.principal.partition + ":sts::" + account + ":assumed-role/" + role->name
                    + "/" + session;
                RequestPrincipal::parse(caller.arn, caller.principal, parseError);
                result.assumptions.push_back("the role `" + request.principal + "` calls through one of its sessions, `"
                    + caller.arn + "` (role chaining)");
            }
        } else if (kind == PrincipalKind::Root) {
            caller.principalType = "Account";
        }
        for (const Tag &tag : request.principalTags)
            setTag(caller.principalTags, tag);
    }
    if (request.hops.size() > request.roleArns.size()) {
        result.error = "parameters are given for hop " + std::to_string(request.hops.size()) + " but the chain has "
            + std::to_string(request.roleArns.size()) + (request.roleArns.size() == 1 ? " role" : " roles");
        return result;
    }
    bool defaultSessionName = false;
    for (std::size_t hopIndex = 0; hopIndex < request.roleArns.size(); ++hopIndex) {
        const HopInput input = hopInput(request, hopIndex);
        defaultSessionName = defaultSessionName
            || (input.roleSessionName.empty() && (hopIndex > 0 || api != StsApi::AssumeRoleWithSaml));
    }
    if (defaultSessionName)
        result.assumptions.push_back(
            "no RoleSessionName given: the session is named `" + std::string(kDefaultSessionName) + "`");
    result.assumptions.push_back("the workspace models no service control policies: none were applied (AWS "
                                 "Organizations User Guide, \"Service control policies\")");

    for (std::size_t hopIndex = 0; hopIndex < request.roleArns.size(); ++hopIndex) {
        const std::string &roleArn = request.roleArns[hopIndex];
        const HopInput input = hopInput(request, hopIndex);
        const std::string sessionName =
            input.roleSessionName.empty() ? std::string(kDefaultSessionName) : input.roleSessionName;
        const long long duration = input.durationSeconds.value_or(kStsDefaultDurationSeconds);
        const Role *role = d->findRole(roleArn);
        if (!role) {
            result.error = "the role `" + roleArn + "` is not in the workspace";
            result.hops.clear();
            result.allowed = false;
            result.session.reset();
            return result;
        }
        const bool first = hopIndex == 0;
        const bool last = hopIndex + 1 == request.roleArns.size();
        const StsApi hopApi = first ? api : StsApi::AssumeRole;
        AssumeRoleHop hop;
        hop.roleArn = roleArn;
        hop.caller = caller.shownAs.empty() ? caller.arn : caller.shownAs;
        hop.api = hopApi;
        hop.sessionName = sessionName;
        hop.chained = caller.chained;
        hop.durationSeconds = duration;
        hop.issuedEpoch = now;
        hop.issued = formatIsoTime(now);
        hop.expiration = formatIsoTime(now + duration);
        const std::string partition =
            role->arn.rfind("arn:aws-", 0) == 0 ? role->arn.substr(4, role->arn.find(':', 4) - 4) : std::string("aws");
        hop.assumedRoleArn =
            "arn:" + partition + ":sts::" + role->accountId + ":assumed-role/" + role->name + "/" + sessionName;
        hop.assumedRoleId = (role->awsId.empty() ? role->name : role->awsId) + ":" + sessionName;

        const std::vector<Tag> &passedTags = input.sessionTags;
        const std::vector<std::string> &passedTransitive = input.transitiveTagKeys;
        // "Chaining roles with session tags": transitive tags pass to later sessions of the chain, and stay
        // transitive there.
        hop.sessionTags = caller.transitiveTags;
        for (const Tag &tag : caller.transitiveTags)
            hop.inheritedTagKeys.push_back(tag.key);
        for (const Tag &tag : passedTags)
            setTag(hop.sessionTags, tag);
        hop.transitiveTagKeys = caller.transitiveKeys;
        for (const std::string &key : passedTransitive) {
            if (std::none_of(hop.transitiveTagKeys.begin(), hop.transitiveTagKeys.end(),
                    [&](const std::string &k) { return equalsIgnoreCase(k, key); }))
                hop.transitiveTagKeys.push_back(key);
        }
        hop.sourceIdentity =
            caller.sourceIdentity.empty() ? request.sourceIdentity.value_or("") : caller.sourceIdentity;

        bool failed = false;
        auto record = [&](std::string rule, std::string source, const std::optional<StsFailure> &failure,
                          std::string detail = {}) {
            StsCheck check { std::move(rule), std::move(source), !failure, std::move(detail) };
            if (failure && check.detail.empty())
                check.detail = failure->message;
            hop.checks.push_back(std::move(check));
            if (failure && !failed) {
                failed = true;
                hop.failure = failure;
            }
        };

        // --- parameter rules (AWS STS API Reference, "Request Parameters") ---
        if (hopApi != StsApi::AssumeRoleWithSaml || !input.roleSessionName.empty())
            record("RoleSessionName is 2 to 64 characters of [\\w+=,.@-]", sourceOf(hopApi, "Request Parameters"),
                checkRoleSessionName(sessionName), "`" + sessionName + "`");
        if (!failed && input.externalId) {
            std::optional<StsFailure> failure;
            if (hopApi != StsApi::AssumeRole) {
                StsFailure f;
                f.code = "InvalidParameterValue";
                f.message = "ExternalId is a parameter of AssumeRole only, not of " + std::string(stsApiName(hopApi));
                f.parameter = "ExternalId";
                f.rule = "ExternalId exists on AssumeRole only (" + std::string(kSrcAssumeRoleParams) + ")";
                failure = f;
            } else {
                failure = checkExternalId(*input.externalId);
            }
            record("ExternalId is 2 to 1224 characters of [\\w+=,.@:/-]", std::string(kSrcAssumeRoleParams), failure);
        }
        if (!failed && request.sourceIdentity) {
            const std::optional<StsFailure> failure = checkSourceIdentity(*request.sourceIdentity);
            record("SourceIdentity is 2 to 64 characters of [\\w+=,.@-]", std::string(kSrcSourceIdentity), failure);
        }
        if (!failed)
            record("DurationSeconds is from 900 to 43200", sourceOf(hopApi, "Request Parameters"),
                checkDurationRange(duration), std::to_string(duration) + " s");
        // The chaining cap is checked first: it is the more specific rule, and STS names it whatever the role's
        // MaxSessionDuration.
        if (!failed && caller.chained)
            record("a session from role chaining lasts at most one hour", std::string(kSrcRoleChaining),
                checkRoleChainingDuration(duration), std::to_string(duration) + " s of at most 3600 s");
        if (!failed)
            record("DurationSeconds is at most the role's MaxSessionDuration", sourceOf(hopApi, "Request Parameters"),
                checkMaxSessionDuration(duration, role->maxSessionDuration),
                std::to_string(duration) + " s of at most " + std::to_string(role->maxSessionDuration) + " s");

        // The session policies of this hop limit this hop's session only (IAM User Guide, "Session policies"): the
        // next hop's caller, or the final session.
        std::vector<std::shared_ptr<const CompiledPolicy>> newSessionPolicies;
        std::string minifiedSessionPolicy;
        if (!failed && input.sessionPolicy) {
            std::optional<StsFailure> failure = checkSessionPolicyText(*input.sessionPolicy);
            record("the inline session policy is at most 2048 characters and a policy", std::string(kSrcQuotas),
                failure, std::to_string(input.sessionPolicy->size()) + " characters");
            if (!failure) {
                ParseResult parsed = parsePolicy(*input.sessionPolicy);
                minifiedSessionPolicy = writePolicy(*parsed.policy, WriteStyle::Minified);
                const std::string label = request.roleArns.size() == 1
                    ? std::string("inline session policy")
                    : "inline session policy of hop " + std::to_string(hopIndex + 1);
                newSessionPolicies.push_back(
                    std::make_shared<const CompiledPolicy>(CompiledPolicy::compile(*parsed.policy, label)));
                hop.sessionPolicies.push_back(label);
            }
        }
        if (!failed && !input.sessionPolicyArns.empty()) {
            std::optional<StsFailure> failure = checkSessionPolicyArns(input.sessionPolicyArns);
            record("at most 10 managed session policy ARNs", std::string(kSrcQuotas), failure,
                std::to_string(input.sessionPolicyArns.size()) + " ARNs");
            if (!failure) {
                hop.sessionPolicies.insert(
                    hop.sessionPolicies.end(), input.sessionPolicyArns.begin(), input.sessionPolicyArns.end());
                for (const std::string &arn : input.sessionPolicyArns) {
                    if (const ResolvedPolicyPtr policy = d->model->managedPolicy(arn)) {
                        // Shares the model's compiled policy: the session keeps it alive after the simulator is gone.
                        newSessionPolicies.push_back(std::shared_ptr<const CompiledPolicy>(policy, &policy->compiled));
                    } else {
                        // A session policy that cannot be read allows nothing: it must not widen the session.
                        newSessionPolicies.push_back(std::make_shared<const CompiledPolicy>(
                            CompiledPolicy::compile(Policy {}, "managed session policy " + arn + " (not found)")));
                        result.assumptions.push_back("the managed session policy `" + arn
                            + "` is neither in the workspace nor an AWS managed policy: it is taken to allow nothing");
                    }
                }
            }
        }
        if (!failed && !passedTags.empty())
            record("at most 50 session tags, keys up to 128 and values up to 256 characters, no key twice",
                std::string(kSrcSessionTags), checkSessionTags(passedTags, passedTransitive),
                std::to_string(passedTags.size()) + " tags");
        if (!failed && !passedTags.empty() && !caller.transitiveTags.empty())
            record("a session tag cannot have the key of an inherited transitive tag", std::string(kSrcChainingTags),
                checkInheritedTagConflict(passedTags, caller.transitiveTags),
                std::to_string(caller.transitiveTags.size()) + " inherited transitive tags");

        // --- authorization through the evaluation engine ---
        const Role &target = *role;
        PolicySet set;
        set.identity = caller.side.identity;
        set.boundary = caller.side.boundary;
        for (const auto &policy : caller.sessionPolicies)
            set.session.push_back(policy.get());
        set.resource = d->trustPolicy(target);
        // The caller's account's SCPs and the role's account's RCPs (STS supports RCPs): docs/EVALUATION.md, "The
        // organization". A hop's caller is the previous hop's session, so each session meets its own account's SCPs.
        const OrganizationModel *organization = d->model->organization();
        if (organization) {
            set.scps = organization->scpLevels(caller.principal.account);
            set.rcps = organization->rcpLevels(target.accountId, stsApiAction(hopApi));
        }
        if (!set.resource) {
            result.error = "the role `" + roleArn + "` is not in the account model the simulator was given";
            result.hops.clear();
            result.allowed = false;
            result.session.reset();
            return result;
        }
        auto evaluateAction = [&](std::string_view action, Explanation &explanation) {
            Request stsRequest;
            stsRequest.principal = caller.arn;
            stsRequest.action = std::string(action);
            stsRequest.resource = target.arn;
            stsRequest.resourceAccount = target.accountId;
            addCallerContext(stsRequest.context, caller, request, now);
            if (hopApi != StsApi::AssumeRoleWithSaml)
                stsRequest.context.set("sts:RoleSessionName", sessionName);
            if (input.externalId && hopApi == StsApi::AssumeRole)
                stsRequest.context.set("sts:ExternalId", *input.externalId);
            if (!hop.sourceIdentity.empty())
                stsRequest.context.set("sts:SourceIdentity", hop.sourceIdentity);
            if (!hop.sessionTags.empty()) {
                std::vector<std::string> keys;
                for (const Tag &tag : hop.sessionTags) {
                    stsRequest.context.set("aws:RequestTag/" + tag.key, tag.value);
                    keys.push_back(tag.key);
                }
                stsRequest.context.set("aws:TagKeys", keys, true);
            }
            if (!hop.transitiveTagKeys.empty())
                stsRequest.context.set("sts:TransitiveTagKeys", hop.transitiveTagKeys, true);
            if (caller.principal.kind == PrincipalKind::Service && !hasExtraKey(request, "aws:SourceAccount"))
                stsRequest.context.set("aws:SourceAccount", target.accountId);
            if (hopApi == StsApi::AssumeRoleWithSaml && !hasExtraKey(request, "saml:aud"))
                stsRequest.context.set("saml:aud", "https://signin.aws.amazon.com/saml");
            addExtraContext(stsRequest.context, request);
            if (organization)
                organization->addContext(stsRequest.context, caller.principal.account, target.accountId);
            PreparedRequest prepared(std::move(stsRequest));
            if (!prepared.ok()) {
                explanation = Explanation {};
                explanation.reason = prepared.error();
                return Decision::ImplicitlyDenied;
            }
            return evaluate(set, prepared, &explanation);
        };
        if (first && caller.principal.kind == PrincipalKind::Service && !hasExtraKey(request, "aws:SourceAccount"))
            result.assumptions.push_back("the service `" + caller.principal.text
                + "` acts for a resource of the role's account: aws:SourceAccount is " + target.accountId);
        if (first && api == StsApi::AssumeRoleWithSaml && !hasExtraKey(request, "saml:aud"))
            result.assumptions.push_back(
                "the SAML assertion is for the AWS sign-in endpoint: saml:aud is https://signin.aws.amazon.com/saml");

        const bool crossAccount = !caller.principal.account.empty() && caller.principal.account != target.accountId;
        auto authorize = [&](std::string_view action, std::string rule, std::string source, bool keepExplanation) {
            Explanation explanation;
            const Decision decision = evaluateAction(action, explanation);
            std::optional<StsFailure> failure;
            if (decision != Decision::Allowed) {
                StsFailure f;
                f.code = "AccessDenied";
                // AWS's AccessDenied message names the caller's ARN; a stand-in for an unmodelled account's
                // principal is named as the user gave it.
                f.message = (caller.shownAs.empty() ? principalNoun(caller) + ": " + caller.arn
                                                    : "An IAM principal of account " + caller.principal.account + " ("
                                        + caller.shownAs + ")")
                    + " is not authorized to perform: " + std::string(action) + " on resource: " + target.arn
                    + (decision == Decision::ExplicitlyDenied ? " with an explicit deny" : "") + " ("
                    + explanation.reason + ")";
                f.rule = rule + " (" + source + ")";
                if (!explanation.deciding.empty()) {
                    const StatementRef &ref = explanation.deciding.front();
                    f.policy = ref.policy;
                    f.statement = ref.statement;
                    f.sid = ref.sid;
                    f.range = ref.range;
                } else if (!explanation.nearMisses.empty()) {
                    const NearMiss &miss = explanation.nearMisses.front();
                    f.policy = miss.statement.policy;
                    f.statement = miss.statement.statement;
                    f.sid = miss.statement.sid;
                    f.range = miss.range;
                    f.message += "; nearest: statement " + std::to_string(miss.statement.statement + 1)
                        + (miss.statement.sid.empty() ? std::string() : " (" + miss.statement.sid + ")") + " of "
                        + miss.statement.policy + " matches all but its " + miss.element
                        + (miss.detail.empty() ? std::string() : " (" + miss.detail + ")");
                } else if (explanation.reason.find("trust") != std::string::npos
                    || explanation.reason.find("resource policy") != std::string::npos) {
                    f.policy = set.resource->name();
                } else if (!caller.side.identity.empty()) {
                    f.policy = "the identity-based policies of " + caller.arn;
                }
                failure = f;
            }
            record(std::move(rule), std::move(source), failure, explanation.reason);
            if (keepExplanation) {
                hop.deciding = explanation.deciding;
                hop.reason = explanation.reason;
                hop.nearMisses = explanation.nearMisses;
            }
        };
        if (!failed) {
            const std::string rule = crossAccount
                ? "cross-account: the trust policy and the caller's identity-based policies both allow "
                    + std::string(stsApiAction(hopApi))
                : "the trust policy allows " + std::string(stsApiAction(hopApi))
                    + " (alone when it names the caller, with the identity side when it names the account)";
            authorize(stsApiAction(hopApi), rule,
                crossAccount ? std::string(kSrcCrossAccount) : std::string(kSrcSwitchRoles), true);
        }
        // Session tags need sts:TagSession, in the trust policy (and, for IAM callers, their policies); inherited
        // transitive tags too ("Chaining roles with session tags").
        if (!failed && !hop.sessionTags.empty())
            authorize("sts:TagSession", "sts:TagSession is allowed, as session tags are passed",
                passedTags.empty() ? std::string(kSrcChainingTags) : std::string(kSrcSessionTags), false);
        // A source identity needs sts:SetSourceIdentity in the trust policy and the caller's policies; in a chain
        // the next role's trust policy must allow it too.
        if (!failed && !hop.sourceIdentity.empty())
            authorize("sts:SetSourceIdentity", "sts:SetSourceIdentity is allowed, as a source identity is set",
                std::string(kSrcSourceIdentity), false);

        // --- packed size ---
        if (!failed) {
            hop.packedPolicySize =
                packedPolicySizePercent(minifiedSessionPolicy, input.sessionPolicyArns, hop.sessionTags);
            const int tagsOnly = packedPolicySizePercent({}, {}, hop.sessionTags);
            record("the packed session policies and tags fit in the allotted space (approximated)",
                std::string(kSrcAssumeRoleErrors),
                checkPackedPolicySize(hop.packedPolicySize, tagsOnly * 2 > hop.packedPolicySize),
                std::to_string(hop.packedPolicySize) + " %");
        }

        if (failed) {
            result.hops.push_back(std::move(hop));
            result.allowed = false;
            for (const std::string &arn : d->unresolved)
                result.assumptions.push_back("the attached policy `" + arn
                    + "` is neither in the workspace nor an AWS managed policy: it is taken to allow nothing");
            return result;
        }
        const std::string seed = caller.arn + "\n" + hop.roleArn + "\n" + sessionName + "\n" + std::to_string(now)
            + "\n" + std::to_string(duration) + "\n" + std::to_string(hopIndex);
        hop.credentials = makeCredentials(seed, hop.expiration);

        // The next caller: this hop's session.
        Caller next;
        next.arn = hop.assumedRoleArn;
        RequestPrincipal::parse(next.arn, next.principal, parseError);
        next.side = d->roleSide(target);
        next.sessionPolicies = newSessionPolicies;
        next.principalTags = target.tags;
        // Session tags override the role's tags of the same key (IAM User Guide, "Passing session tags in AWS STS").
        for (const Tag &tag : hop.sessionTags)
            setTag(next.principalTags, tag);
        next.principalArnKey = target.arn;
        next.principalType = "AssumedRole";
        next.userId = hop.assumedRoleId;
        next.chained = true;
        next.temporary = true;
        for (const Tag &tag : hop.sessionTags) {
            if (std::any_of(hop.transitiveTagKeys.begin(), hop.transitiveTagKeys.end(),
                    [&](const std::string &k) { return equalsIgnoreCase(k, tag.key); }))
                next.transitiveTags.push_back(tag);
        }
        next.transitiveKeys = hop.transitiveTagKeys;
        next.sourceIdentity = hop.sourceIdentity;

        if (last) {
            AssumedSession session;
            session.roleArn = target.arn;
            session.assumedRoleArn = hop.assumedRoleArn;
            session.assumedRoleId = hop.assumedRoleId;
            session.accountId = target.accountId;
            session.sessionName = sessionName;
            session.principalTags = next.principalTags;
            session.sourceIdentity = hop.sourceIdentity;
            session.issuedEpoch = now;
            session.sessionPolicies = newSessionPolicies;
            result.session = std::move(session);
        }
        result.hops.push_back(std::move(hop));
        caller = std::move(next);
    }
    result.allowed = true;
    for (const std::string &arn : d->unresolved)
        result.assumptions.push_back("the attached policy `" + arn
            + "` is neither in the workspace nor an AWS managed policy: it is taken to allow nothing");
    return result;
}

SessionCheck StsSimulator::check(const AssumeRoleResult &result, const AssumeRoleRequest &request,
    std::string_view action, std::string_view resource) const
{
    SessionCheck out;
    out.action = std::string(action);
    out.resource = std::string(resource);
    if (!result.session) {
        out.error = "there is no session: the role was not assumed";
        out.explanation.reason = out.error;
        return out;
    }
    const AssumedSession &session = *result.session;
    const Role *role = d->findRole(session.roleArn);
    if (!role) {
        out.error = "the role `" + session.roleArn + "` is not in the workspace";
        out.explanation.reason = out.error;
        return out;
    }
    const IdentitySide side = d->roleSide(*role);
    PolicySet set;
    set.identity = side.identity;
    set.boundary = side.boundary;
    for (const auto &policy : session.sessionPolicies)
        set.session.push_back(policy.get());

    Request checkRequest;
    checkRequest.principal = session.assumedRoleArn;
    checkRequest.action = std::string(action);
    checkRequest.resource = std::string(resource);
    const std::string lowerAction = toLower(action);
    const bool trustAction = lowerAction.rfind("sts:assumerole", 0) == 0 || lowerAction == "sts:tagsession"
        || lowerAction == "sts:setsourceidentity";
    ResolvedPolicyPtr resourcePolicy;
    if (const Role *target = trustAction ? d->findRole(resource) : nullptr) {
        set.resource = d->trustPolicy(*target);
        checkRequest.resourceAccount = target->accountId;
        if (set.resource)
            out.resourcePolicy = set.resource->name();
    } else if (const Resource *known = d->findResource(resource)) {
        if ((resourcePolicy = d->model->resourcePolicy(known->id))) {
            set.resource = &resourcePolicy->compiled;
            out.resourcePolicy = set.resource->name();
        }
        checkRequest.resourceAccount = known->accountId;
    }
    if (checkRequest.resourceAccount.empty())
        checkRequest.resourceAccount = accountOfArn(resource);

    Caller caller;
    caller.arn = session.assumedRoleArn;
    std::string error;
    RequestPrincipal::parse(caller.arn, caller.principal, error);
    caller.principalTags = session.principalTags;
    caller.principalArnKey = session.roleArn;
    caller.principalType = "AssumedRole";
    caller.userId = session.assumedRoleId;
    caller.temporary = true;
    caller.sourceIdentity = session.sourceIdentity;
    const long long now = request.currentTime.value_or(nowEpoch());
    addCallerContext(checkRequest.context, caller, request, now);
    checkRequest.context.set("aws:TokenIssueTime", formatIsoTime(session.issuedEpoch));
    addExtraContext(checkRequest.context, request);
    // The session's account's SCPs and the resource's account's RCPs (docs/EVALUATION.md, "The organization").
    if (const OrganizationModel *organization = d->model->organization()) {
        const std::string resourceAccount =
            checkRequest.resourceAccount.empty() ? role->accountId : checkRequest.resourceAccount;
        set.scps = organization->scpLevels(role->accountId);
        set.rcps = organization->rcpLevels(resourceAccount, action);
        organization->addContext(checkRequest.context, role->accountId, resourceAccount);
    }
    PreparedRequest prepared(std::move(checkRequest));
    if (!prepared.ok()) {
        out.error = prepared.error();
        out.explanation.reason = out.error;
        return out;
    }
    out.decision = evaluate(set, prepared, &out.explanation);
    return out;
}

EffectivePermissions StsSimulator::effectivePermissions(const AssumeRoleResult &result, std::size_t listLimit) const
{
    if (!result.session)
        return {};
    const Role *role = d->findRole(result.session->roleArn);
    if (!role)
        return {};
    d->unresolved.clear();
    const IdentitySide side = d->roleSide(*role);
    std::vector<const CompiledPolicy *> sessionPolicies;
    for (const auto &policy : result.session->sessionPolicies)
        sessionPolicies.push_back(policy.get());
    EffectivePermissions out =
        EffectivePermissionsBuilder(side.identity, side.boundary, sessionPolicies, ServiceCatalog::builtin())
            .build(listLimit);
    out.unresolvedPolicies.assign(d->unresolved.begin(), d->unresolved.end());
    if (!side.boundary && !role->permissionsBoundaryArn.empty())
        out.notes.push_back("the permissions boundary `" + role->permissionsBoundaryArn + "` could not be found");
    return out;
}

std::string_view stsApiName(StsApi api)
{
    switch (api) {
    case StsApi::AssumeRole:
        return "AssumeRole";
    case StsApi::AssumeRoleWithSaml:
        return "AssumeRoleWithSAML";
    case StsApi::AssumeRoleWithWebIdentity:
        return "AssumeRoleWithWebIdentity";
    }
    return "AssumeRole";
}

std::string_view stsApiAction(StsApi api)
{
    switch (api) {
    case StsApi::AssumeRole:
        return "sts:AssumeRole";
    case StsApi::AssumeRoleWithSaml:
        return "sts:AssumeRoleWithSAML";
    case StsApi::AssumeRoleWithWebIdentity:
        return "sts:AssumeRoleWithWebIdentity";
    }
    return "sts:AssumeRole";
}

std::optional<StsApi> stsApiFromName(std::string_view name)
{
    const std::string lower = toLower(name);
    if (lower == "assume-role" || lower == "assumerole")
        return StsApi::AssumeRole;
    if (lower == "saml" || lower == "assumerolewithsaml")
        return StsApi::AssumeRoleWithSaml;
    if (lower == "web-identity" || lower == "assumerolewithwebidentity")
        return StsApi::AssumeRoleWithWebIdentity;
    return std::nullopt;
}

} // namespace rd::core
