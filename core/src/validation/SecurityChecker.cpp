// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "validation/SecurityChecker.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>
#include <array>
#include <set>

namespace rd::core
{

namespace
{

std::string quoted(std::string_view text)
{
    return "`" + std::string(text) + "`";
}

std::set<std::string> conditionKeys(const Statement &statement)
{
    std::set<std::string> keys;
    if (statement.condition) {
        for (const ConditionClause &clause : statement.condition->clauses) {
            for (const ConditionEntry &entry : clause.entries)
                keys.insert(toLower(entry.key.value));
        }
    }
    return keys;
}

bool hasAnyKey(const std::set<std::string> &keys, std::initializer_list<std::string_view> wanted)
{
    return std::any_of(wanted.begin(), wanted.end(), [&](std::string_view k) { return keys.count(std::string(k)); });
}

/// How a statement's Action or NotAction reaches one action (lower case).
struct ActionReach {
    bool covered = false;
    /// Reached through a wildcard (`*`, `iam:*`, `iam:Pass*`).
    bool throughWildcard = false;
};

ActionReach reach(const Statement &statement, std::string_view action)
{
    ActionReach result;
    if (statement.action) {
        for (const PolicyString &value : statement.action->values) {
            const std::string pattern = toLower(value.value);
            if (wildcardMatch(pattern, action)) {
                result.covered = true;
                result.throughWildcard = result.throughWildcard || hasWildcard(pattern);
            }
        }
    } else if (statement.notAction) {
        result.covered = std::none_of(statement.notAction->values.begin(), statement.notAction->values.end(),
            [&](const PolicyString &value) { return wildcardMatch(toLower(value.value), action); });
    }
    return result;
}

/// A Resource value that reaches every role (or every resource): `*`, `arn:aws:iam::*:role/*`.
bool broadResource(std::string_view value)
{
    if (value == "*")
        return true;
    const std::size_t role = value.find(":role/");
    if (role == std::string_view::npos)
        return false;
    const std::string_view name = value.substr(role + 6);
    return !name.empty() && (name.front() == '*' || name == "*");
}

/// The principals that assume roles only to run the account's own workloads, and do not send aws:SourceArn or
/// aws:SourceAccount when they do: a confused-deputy condition cannot apply to them (AWS Lambda, Amazon EC2,
/// Amazon ECS tasks, Amazon EKS).
bool isOwnWorkloadService(std::string_view service)
{
    static constexpr std::array<std::string_view, 6> kServices { "lambda.amazonaws.com", "edgelambda.amazonaws.com",
        "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "eks.amazonaws.com", "pods.eks.amazonaws.com" };
    return std::find(kServices.begin(), kServices.end(), toLower(service)) != kServices.end();
}

/// The host of an OIDC provider principal (`arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com`,
/// `accounts.google.com`), or empty for SAML providers and others.
std::string oidcHost(std::string_view federated)
{
    const std::size_t marker = federated.find(":oidc-provider/");
    if (marker != std::string_view::npos)
        return toLower(federated.substr(marker + 15));
    if (federated.find(':') == std::string_view::npos && federated.find('.') != std::string_view::npos)
        return toLower(federated);
    return {};
}

// Known privilege-escalation action sets: any one of them on broad resources lets a principal grant itself more
// (IAM User Guide, "Security best practices in IAM": grant least privilege, and "Granting a user permissions to pass
// a role to an AWS service"; the sets follow Rhino Security Labs' published catalogue of IAM escalation methods).
struct EscalationPath {
    std::string_view name;
    std::array<std::string_view, 3> actions;
};

constexpr std::array<EscalationPath, 14> kEscalationPaths { {
    { "create a new version of a managed policy", { "iam:createpolicyversion", "", "" } },
    { "switch a policy's default version", { "iam:setdefaultpolicyversion", "", "" } },
    { "attach a policy to a user", { "iam:attachuserpolicy", "", "" } },
    { "attach a policy to a group", { "iam:attachgrouppolicy", "", "" } },
    { "attach a policy to a role", { "iam:attachrolepolicy", "", "" } },
    { "write a user's inline policy", { "iam:putuserpolicy", "", "" } },
    { "write a group's inline policy", { "iam:putgrouppolicy", "", "" } },
    { "write a role's inline policy", { "iam:putrolepolicy", "", "" } },
    { "add a user to a group", { "iam:addusertogroup", "", "" } },
    { "rewrite a role's trust policy and assume it", { "iam:updateassumerolepolicy", "sts:assumerole", "" } },
    { "create access keys for another user", { "iam:createaccesskey", "", "" } },
    { "set another user's console password", { "iam:updateloginprofile", "", "" } },
    { "pass a role to a new Lambda function and invoke it",
        { "iam:passrole", "lambda:createfunction", "lambda:invokefunction" } },
    { "pass a role to a new EC2 instance", { "iam:passrole", "ec2:runinstances", "" } },
} };

} // namespace

SecurityChecker::SecurityChecker(PolicyKind kind, const ValidationOptions &options, Diagnostics &out)
    : m_kind(kind)
    , m_options(options)
    , m_out(out)
{
}

void SecurityChecker::check(const Policy &policy)
{
    for (const Statement &statement : policy.statements) {
        if (statement.effectValue() != Effect::Allow)
            continue;
        if (m_kind == PolicyKind::Trust || m_kind == PolicyKind::Resource)
            checkPrincipalWildcards(statement);
        if (m_kind == PolicyKind::Trust)
            checkTrustStatement(statement);
        if (m_kind == PolicyKind::Identity || m_kind == PolicyKind::Resource)
            checkBreadth(statement);
        if (m_kind == PolicyKind::Resource && !m_options.attachedResourceArn.empty() && statement.resource)
            checkAttachedResource(*statement.resource);
        if (m_kind == PolicyKind::Resource) {
            const std::set<std::string> keys = conditionKeys(statement);
            for (const PrincipalEntry &entry :
                statement.principal ? statement.principal->entries : std::vector<PrincipalEntry> {}) {
                if (entry.type.value != "Service")
                    continue;
                if (!hasAnyKey(keys, { "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths" }))
                    m_out.push_back(makeDiagnostic(CheckCode::RestrictAccessToServicePrincipal, entry.values.range,
                        "granting access to a service principal without naming the source is overly permissive: "
                        "add `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceOrgID` or `aws:SourceOrgPaths`"));
            }
        }
    }
    if (m_kind == PolicyKind::Identity)
        checkEscalation(policy);
    if (m_kind == PolicyKind::Trust)
        checkRolesAnywhere(policy);
}

// IAM Roles Anywhere User Guide, "Trust model": the role's trust policy grants the service principal
// sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity. The statements that trust it may share them out.
void SecurityChecker::checkRolesAnywhere(const Policy &policy)
{
    static constexpr std::array<std::string_view, 3> kNeeded { "sts:AssumeRole", "sts:TagSession",
        "sts:SetSourceIdentity" };
    std::array<bool, 3> granted {};
    const PolicyString *first = nullptr;
    for (const Statement &statement : policy.statements) {
        if (statement.effectValue() != Effect::Allow || !statement.principal)
            continue;
        bool trusts = false;
        for (const PrincipalEntry &entry : statement.principal->entries) {
            for (const PolicyString &value : entry.values.values) {
                if (entry.type.value == "Service" && toLower(value.value) == "rolesanywhere.amazonaws.com") {
                    trusts = true;
                    first = first ? first : &value;
                }
            }
        }
        for (std::size_t i = 0; trusts && i < kNeeded.size(); ++i)
            granted[i] = granted[i] || reach(statement, toLower(kNeeded[i])).covered;
    }
    std::string missing;
    for (std::size_t i = 0; first && i < kNeeded.size(); ++i) {
        if (!granted[i])
            missing += (missing.empty() ? "" : ", ") + std::string(kNeeded[i]);
    }
    if (!missing.empty())
        m_out.push_back(makeDiagnostic(CheckCode::MissingActionForRolesAnywhereTrustPolicy, first->range,
            "IAM Roles Anywhere needs sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity to assume the role; "
            "add "
                + missing));
}

// "Wildcards (*, ?) are not supported with the principal key": only a lone `*` names everyone.
void SecurityChecker::checkPrincipalWildcards(const Statement &statement)
{
    if (statement.notPrincipal)
        m_out.push_back(makeDiagnostic(CheckCode::AllowWithNotPrincipal, statement.notPrincipal->range,
            "`Allow` with `NotPrincipal` grants access to every principal not listed, anonymous users included: "
            "name the principals in `Principal` instead"));
    if (!statement.principal)
        return;
    if (statement.principal->isString && statement.principal->wildcard.value == "*" && m_kind == PolicyKind::Trust)
        m_out.push_back(makeDiagnostic(CheckCode::RoleTrustPolicyUnsupportedWildcardInPrincipal,
            statement.principal->wildcard.range,
            "`\"Principal\": \"*\"` is not supported in a role trust policy: name the principals"));
    for (const PrincipalEntry &entry : statement.principal->entries) {
        for (const PolicyString &value : entry.values.values) {
            // A lone `*` means everyone only under `AWS`: `"Service": "*"` names no service.
            if (hasWildcard(value.value) && (value.value != "*" || entry.type.value != "AWS"))
                m_out.push_back(makeDiagnostic(CheckCode::UnsupportedWildcardInPrincipal, value.range,
                    "wildcards are not supported in " + quoted(entry.type.value) + " principals: " + quoted(value.value)
                        + " names nobody; use a condition such as `aws:PrincipalArn` with "
                          "`ArnLike`"));
        }
    }
}

// Role trust policies (IAM User Guide, "Role trust policies", "Create a role for OpenID Connect federation",
// "The confused deputy problem").
void SecurityChecker::checkTrustStatement(const Statement &statement)
{
    if (!statement.principal)
        return;
    const std::set<std::string> keys = conditionKeys(statement);
    auto mismatched = [&](std::initializer_list<std::string_view> allowed, const PolicyString &principal) {
        if (!statement.action)
            return;
        for (const PolicyString &value : statement.action->values) {
            const std::string action = toLower(value.value);
            if (hasWildcard(action))
                continue;
            if (std::find(allowed.begin(), allowed.end(), action) == allowed.end())
                m_out.push_back(makeDiagnostic(CheckCode::MismatchedActionForPrincipal, value.range,
                    "the " + quoted(value.value) + " action is invalid with the principal " + quoted(principal.value)
                        + ": use sts:AssumeRoleWithSAML with a SAML provider, sts:AssumeRoleWithWebIdentity with an "
                          "OIDC provider, sts:AssumeRole with AWS and service principals"));
        }
    };
    const bool principalRestricted = hasAnyKey(keys,
        { "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:userid", "aws:username" });
    for (const PrincipalEntry &entry : statement.principal->entries) {
        const std::string &type = entry.type.value;
        for (const PolicyString &value : entry.values.values) {
            if (type == "AWS") {
                mismatched({ "sts:assumerole", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext" }, value);
                if (value.value == "*") {
                    if (!principalRestricted)
                        m_out.push_back(makeDiagnostic(CheckCode::TrustPolicyAllowsAnyPrincipal, value.range,
                            "any AWS principal of any account may assume this role: restrict it with "
                            "`aws:PrincipalOrgID`, `aws:PrincipalAccount` or `aws:PrincipalArn`"));
                    continue;
                }
                const std::string account = isAccountId(value.value) ? value.value : [&] {
                    const std::size_t start = value.value.find("::");
                    return start == std::string::npos ? std::string() : value.value.substr(start + 2, 12);
                }();
                if (!m_options.ownerAccount.empty() && isAccountId(account) && account != m_options.ownerAccount
                    && !keys.count("sts:externalid"))
                    m_out.push_back(makeDiagnostic(CheckCode::MissingExternalId, value.range,
                        "the account " + account
                            + " may assume this role without `sts:ExternalId`: if it is a "
                              "third party, require the external id it was given"));
                else if (m_options.ownerAccount.empty() && isAccountId(account) && !keys.count("sts:externalid"))
                    m_out.push_back(makeDiagnostic(CheckCode::MissingExternalIdOwnerUnknown, value.range,
                        "the account " + account
                            + " may assume this role without `sts:ExternalId`: if it is not the role's own account "
                              "but a third party's, require the external id it was given (`validate --account ID` "
                              "tells)"));
            } else if (type == "Service") {
                mismatched({ "sts:assumerole", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext" }, value);
                if (!isOwnWorkloadService(value.value)
                    && !hasAnyKey(
                        keys, { "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths" }))
                    m_out.push_back(makeDiagnostic(CheckCode::ConfusedDeputySourceRecommended, value.range,
                        quoted(value.value)
                            + " may assume this role on behalf of any account: add `aws:SourceAccount` "
                              "or `aws:SourceArn` so that only your resources can make it do so"));
            } else if (type == "Federated") {
                const bool saml = value.value.find(":saml-provider/") != std::string::npos;
                if (saml) {
                    mismatched({ "sts:assumerolewithsaml", "sts:tagsession", "sts:setsourceidentity" }, value);
                    continue;
                }
                const std::string host = oidcHost(value.value);
                if (host.empty())
                    continue;
                mismatched({ "sts:assumerolewithwebidentity", "sts:tagsession", "sts:setsourceidentity" }, value);
                const bool hostKey = std::any_of(keys.begin(), keys.end(),
                    [&](const std::string &k) { return k.rfind(host + ":", 0) == 0 || k.rfind(host + "/", 0) == 0; });
                if (host == "token.actions.githubusercontent.com") {
                    if (!keys.count(host + ":sub"))
                        m_out.push_back(makeDiagnostic(CheckCode::MissingGithubRepoConditionKey, value.range,
                            "any GitHub repository may assume this role: add a "
                            "`token.actions.githubusercontent.com:sub`"
                            " condition naming your repository"));
                    else if (statement.condition) {
                        for (const ConditionClause &clause : statement.condition->clauses) {
                            for (const ConditionEntry &entry2 : clause.entries) {
                                if (toLower(entry2.key.value) != host + ":sub")
                                    continue;
                                for (const ConditionValue &sub : entry2.values) {
                                    if (sub.text.find('*') != std::string::npos)
                                        m_out.push_back(makeDiagnostic(
                                            CheckCode::SpecificGithubRepoAndBranchRecommended, sub.range,
                                            "the wildcard in " + quoted(sub.text)
                                                + " lets more repositories or branches assume the role than you may "
                                                  "intend: name the repository and branch"));
                                }
                            }
                        }
                    }
                } else if (!hostKey) {
                    m_out.push_back(makeDiagnostic(CheckCode::MissingConditionKeyForOidcPrincipal, value.range,
                        "any identity of " + quoted(host) + " may assume this role: add conditions on `" + host
                            + ":aud` and `" + host + ":sub`"));
                }
            }
        }
    }
}

// IAM User Guide, "IAM policy validation check reference": the PASS_ROLE_* (security warnings) and CREATE_SLR_*
// (general warnings) families; plus grants of every action, or every IAM action, on every resource, and Allow with
// NotAction or NotResource, which grant whatever is not listed, future actions and resources included.
void SecurityChecker::checkBreadth(const Statement &statement)
{
    const bool notResource = statement.notResource.has_value();
    const bool starResource = statement.resource
        && std::any_of(statement.resource->values.begin(), statement.resource->values.end(),
            [](const PolicyString &v) { return broadResource(v.value); });
    const std::set<std::string> keys = conditionKeys(statement);
    // The family's code for each way a statement can reach the action on broad resources.
    struct Family {
        std::string_view action;
        /// The condition key that narrows the action to named services.
        std::string_view narrowingKey;
        CheckCode starInResource;
        CheckCode starInActionAndResource;
        CheckCode notResource;
        CheckCode starInActionAndNotResource;
        CheckCode starInResourceAndNotAction;
        CheckCode notActionAndNotResource;
        std::string_view message;
    };
    static constexpr std::array<Family, 2> kFamilies { {
        { "iam:passrole", "iam:passedtoservice", CheckCode::PassRoleWithStarInResource,
            CheckCode::PassRoleWithStarInActionAndResource, CheckCode::PassRoleWithNotResource,
            CheckCode::PassRoleWithStarInActionAndNotResource, CheckCode::PassRoleWithStarInResourceAndNotAction,
            CheckCode::PassRoleWithNotActionAndNotResource,
            "this statement lets the principal pass any role to any service: name the roles in `Resource` or add "
            "`iam:PassedToService`" },
        { "iam:createservicelinkedrole", "iam:awsservicename", CheckCode::CreateSlrWithStarInResource,
            CheckCode::CreateSlrWithStarInActionAndResource, CheckCode::CreateSlrWithNotResource,
            CheckCode::CreateSlrWithStarInActionAndNotResource, CheckCode::CreateSlrWithStarInResourceAndNotAction,
            CheckCode::CreateSlrWithNotActionAndNotResource,
            "this statement lets the principal create service-linked roles for any service: name them in "
            "`Resource`" },
    } };
    for (const Family &family : kFamilies) {
        const ActionReach r = reach(statement, family.action);
        if (!r.covered || (!starResource && !notResource))
            continue;
        if (keys.count(std::string(family.narrowingKey)))
            continue;
        CheckCode code = notResource ? family.notResource : family.starInResource;
        if (statement.notAction)
            code = notResource ? family.notActionAndNotResource : family.starInResourceAndNotAction;
        else if (r.throughWildcard)
            code = notResource ? family.starInActionAndNotResource : family.starInActionAndResource;
        m_out.push_back(makeDiagnostic(code, statement.range, std::string(family.message)));
    }
    if (m_kind != PolicyKind::Identity)
        return;
    if (statement.notAction)
        m_out.push_back(makeDiagnostic(CheckCode::AllowWithNotAction, statement.notAction->range,
            "`Allow` with `NotAction` grants every action not listed, including actions AWS adds later: list the "
            "actions to allow"));
    if (statement.notResource)
        m_out.push_back(makeDiagnostic(CheckCode::AllowWithNotResource, statement.notResource->range,
            "`Allow` with `NotResource` grants every resource not listed: list the resources to allow"));
    const bool everyResource = statement.resource
        && std::any_of(statement.resource->values.begin(), statement.resource->values.end(),
            [](const PolicyString &v) { return v.value == "*"; });
    if (!everyResource || !statement.action || statement.condition)
        return;
    for (const PolicyString &value : statement.action->values) {
        if (value.value == "*")
            m_out.push_back(makeDiagnostic(CheckCode::FullAccess, value.range,
                "this statement allows every action on every resource: full administrator access"));
        else if (equalsIgnoreCase(value.value, "iam:*"))
            m_out.push_back(makeDiagnostic(CheckCode::FullIamAccess, value.range,
                "this statement allows every IAM action on every resource: the principal can grant itself anything"));
    }
}

// IAM User Guide, "IAM policy validation check reference": "The resource ARN is not supported for the
// resource-based policy attached to the resource type". A resource policy governs its own resource: a value must
// match the attached resource, or something under it (a bucket's objects), or be matched by it.
void SecurityChecker::checkAttachedResource(const StringList &resources)
{
    const std::string &attached = m_options.attachedResourceArn;
    for (const PolicyString &value : resources.values) {
        if (value.value == "*" || resourceMatch(value.value, attached) || resourceMatch(attached + "*", value.value))
            continue;
        m_out.push_back(makeDiagnostic(CheckCode::UnsupportedResourceArnInPolicy, value.range,
            quoted(value.value) + " is not the resource this policy is attached to (" + quoted(attached)
                + ") or part of it"));
    }
}

void SecurityChecker::checkEscalation(const Policy &policy)
{
    // Which escalation actions the policy's unconditioned Allow statements grant on broad resources.
    auto granted = [&](std::string_view action) -> const Statement * {
        for (const Statement &s : policy.statements) {
            if (s.effectValue() != Effect::Allow || s.condition || s.notResource)
                continue;
            const bool broad = s.resource
                && std::any_of(s.resource->values.begin(), s.resource->values.end(), [](const PolicyString &v) {
                       return broadResource(v.value) || v.value.find(":user/*") != std::string::npos
                           || v.value.find(":policy/*") != std::string::npos
                           || v.value.find(":group/*") != std::string::npos;
                   });
            if (broad && reach(s, action).covered)
                return &s;
        }
        return nullptr;
    };
    std::vector<std::string_view> paths;
    const Statement *first = nullptr;
    for (const EscalationPath &path : kEscalationPaths) {
        const Statement *where = nullptr;
        bool all = true;
        for (std::string_view action : path.actions) {
            if (action.empty())
                continue;
            const Statement *s = granted(action);
            all = all && s;
            if (s && !where)
                where = s;
        }
        if (all && where) {
            paths.push_back(path.name);
            if (!first)
                first = where;
        }
    }
    if (!first)
        return;
    std::string list;
    for (std::size_t i = 0; i < paths.size() && i < 3; ++i)
        list += (i ? "; " : "") + std::string(paths[i]);
    if (paths.size() > 3)
        list += "; and " + std::to_string(paths.size() - 3) + " more";
    m_out.push_back(makeDiagnostic(CheckCode::PrivilegeEscalation, first->range,
        "this policy lets the principal raise its own permissions: it can " + list));
}

} // namespace rd::core
