// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/GraphEdits.h"

#include "base/TextUtil.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/StatementMatch.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/TrustHardening.h"

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace rd::core
{

namespace
{

// --- small helpers ----------------------------------------------------------------------------------------------

PolicyString textOf(const std::string &value)
{
    return PolicyString { value, {} };
}

StringList listOf(const std::vector<std::string> &values)
{
    StringList list;
    for (const std::string &v : values)
        list.values.push_back(textOf(v));
    list.isArray = values.size() != 1;
    return list;
}

/// `chain-bucket/*` -> `ChainBucket`: the letters and digits of the text, each run capitalised (IAM User Guide,
/// "IAM JSON policy elements: Sid": a Sid holds only ASCII letters and digits).
std::string camel(std::string_view text, std::size_t limit = 48)
{
    std::string out;
    bool start = true;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            start = true;
            continue;
        }
        out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        start = false;
        if (out.size() >= limit)
            break;
    }
    return out;
}

/// A Sid no statement of the policy has: `stem`, else `stem2`, `stem3`... (IAM User Guide, "IAM JSON policy
/// elements: Sid": Sids must be unique within a policy).
std::string uniqueSid(const Policy &policy, const std::string &stem)
{
    auto taken = [&](const std::string &sid) {
        return std::any_of(policy.statements.begin(), policy.statements.end(),
            [&](const Statement &s) { return s.sid && s.sid->value == sid; });
    };
    std::string sid = stem;
    for (int n = 2; taken(sid); ++n)
        sid = stem + std::to_string(n);
    return sid;
}

void appendStatement(Policy &policy, Statement statement)
{
    if (!policy.version)
        policy.version = textOf("2012-10-17");
    policy.statementForm = StatementForm::Array;
    policy.statements.push_back(std::move(statement));
}

Policy newPolicy()
{
    Policy policy;
    policy.version = textOf("2012-10-17");
    policy.statementForm = StatementForm::Array;
    return policy;
}

/// The name after the last `/` of an ARN's resource (`role/path/deploy` -> `deploy`).
std::string lastSegment(std::string_view arn)
{
    const std::size_t slash = arn.rfind('/');
    return std::string(slash == std::string_view::npos ? arn : arn.substr(slash + 1));
}

std::string nodeKindWord(GraphNodeKind kind)
{
    return kind == GraphNodeKind::Provider ? std::string("identity provider") : std::string(graphNodeKindName(kind));
}

/// `user alice`, `account 444455556666`, `service lambda.amazonaws.com`.
std::string describeNode(const GraphNode &node)
{
    if (node.kind == GraphNodeKind::Account)
        return "account " + (node.accountId.empty() ? node.key : node.accountId);
    return nodeKindWord(node.kind) + " " + node.label;
}

std::string statementName(const Statement &s, std::size_t index)
{
    if (s.sid && !s.sid->value.empty())
        return "statement " + s.sid->value;
    return "statement " + std::to_string(index + 1);
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

PolicyVersion *defaultVersionOf(ManagedPolicy &policy)
{
    const PolicyVersion *version = std::as_const(policy).defaultVersion();
    if (!version)
        return nullptr;
    return &policy.versions[static_cast<std::size_t>(version - policy.versions.data())];
}

const Resource *resourceById(const Workspace &ws, std::uint64_t id)
{
    for (const Resource &r : ws.resources) {
        if (r.id.value == id)
            return &r;
    }
    return nullptr;
}

// --- the entities a plan edits ------------------------------------------------------------------------------------

/// Copies of the workspace's entities, made on first touch and kept in that order.
class EditedEntities
{
public:
    explicit EditedEntities(const Workspace &ws)
        : m_ws(ws)
    {
    }

    Role *role(std::uint64_t id)
    {
        return get<Role>(id, [&] { return m_ws.role(RoleId { id }); });
    }
    User *user(std::uint64_t id)
    {
        return get<User>(id, [&] { return m_ws.user(UserId { id }); });
    }
    Group *group(std::uint64_t id)
    {
        return get<Group>(id, [&] { return m_ws.group(GroupId { id }); });
    }
    ManagedPolicy *policy(std::uint64_t id)
    {
        return get<ManagedPolicy>(id, [&] { return m_ws.policy(PolicyId { id }); });
    }
    Resource *resource(std::uint64_t id)
    {
        return get<Resource>(id, [&] { return resourceById(m_ws, id); });
    }

    /// The current state (edited copy or the workspace's) without making a copy.
    const Role *peekRole(std::uint64_t id) const { return peek<Role>(id, m_ws.role(RoleId { id })); }
    const User *peekUser(std::uint64_t id) const { return peek<User>(id, m_ws.user(UserId { id })); }
    const Group *peekGroup(std::uint64_t id) const { return peek<Group>(id, m_ws.group(GroupId { id })); }
    const ManagedPolicy *peekPolicy(std::uint64_t id) const
    {
        return peek<ManagedPolicy>(id, m_ws.policy(PolicyId { id }));
    }
    const Resource *peekResource(std::uint64_t id) const { return peek<Resource>(id, resourceById(m_ws, id)); }

    std::vector<EditedEntity> take() { return std::vector<EditedEntity>(m_entities.begin(), m_entities.end()); }
    bool empty() const { return m_entities.empty(); }

private:
    template <class T, class Find> T *get(std::uint64_t id, Find find)
    {
        for (EditedEntity &e : m_entities) {
            if (T *t = std::get_if<T>(&e); t && t->id.value == id)
                return t;
        }
        const T *original = find();
        if (!original)
            return nullptr;
        m_entities.emplace_back(*original);
        return &std::get<T>(m_entities.back());
    }

    template <class T> const T *peek(std::uint64_t id, const T *original) const
    {
        for (const EditedEntity &e : m_entities) {
            if (const T *t = std::get_if<T>(&e); t && t->id.value == id)
                return t;
        }
        return original;
    }

    const Workspace &m_ws;
    // A deque keeps references valid while entities are added.
    std::deque<EditedEntity> m_entities;
};

/// The inline policy `name` of a list, created (empty, Version 2012-10-17) when missing.
Policy &inlinePolicy(std::vector<InlinePolicy> &policies, const std::string &name)
{
    for (InlinePolicy &p : policies) {
        if (p.name == name)
            return p.document;
    }
    policies.push_back({ name, newPolicy() });
    return policies.back().document;
}

// --- principals ---------------------------------------------------------------------------------------------------

/// How a trust (or resource policy) principal value relates to a graph node.
enum class Naming { None, Exactly, Broadly };

/// Whether an ARN names the role `name` of `account` (`arn:aws:iam::111122223333:role/path/name`).
bool namesRole(std::string_view value, const GraphNode &role)
{
    std::array<std::string_view, 6> fields;
    if (!splitArn(value, fields) || fields[0] != "arn" || fields[2] != "iam" || fields[4] != role.accountId)
        return false;
    return fields[5].starts_with("role/") && lastSegment(fields[5]) == role.label;
}

/// IAM JSON policy elements: Principal. A user or role is named exactly by its ARN; an account root (or bare account
/// id) and `*` name it broadly, along with every other principal of the account (of every account). An account
/// node stands for every principal of an account outside the workspace: each value of that account names it.
Naming naming(std::string_view type, std::string_view value, const GraphNode &node)
{
    switch (node.kind) {
    case GraphNodeKind::User:
    case GraphNodeKind::Role: {
        if (type != "AWS")
            return Naming::None;
        if (value == "*")
            return Naming::Broadly;
        if (value == node.key || (node.kind == GraphNodeKind::Role && namesRole(value, node)))
            return Naming::Exactly;
        std::array<std::string_view, 6> fields;
        const bool root = isAccountId(value)
            || (splitArn(value, fields) && fields[0] == "arn" && fields[2] == "iam" && fields[5] == "root");
        const std::string account = isAccountId(value) ? std::string(value) : accountOfArn(value);
        return root && account == node.accountId ? Naming::Broadly : Naming::None;
    }
    case GraphNodeKind::Account: {
        if (type != "AWS")
            return Naming::None;
        if (value == "*")
            return Naming::Broadly;
        const std::string account = isAccountId(value) ? std::string(value) : accountOfArn(value);
        return !account.empty() && account == node.accountId ? Naming::Exactly : Naming::None;
    }
    case GraphNodeKind::Service:
        return type == "Service" && toLower(value) == node.key ? Naming::Exactly : Naming::None;
    case GraphNodeKind::Provider:
        return type == "Federated" && toLower(value) == node.key ? Naming::Exactly : Naming::None;
    case GraphNodeKind::Group:
    case GraphNodeKind::Resource:
        return Naming::None;
    }
    return Naming::None;
}

struct PrincipalNaming {
    /// The (type, value) pairs that name the node exactly.
    std::vector<std::pair<std::string, std::string>> exact;
    /// Values that name it along with others (`*`, the account root), as written.
    std::vector<std::string> broad;
    /// How many values the Principal has in all.
    std::size_t total = 0;
};

PrincipalNaming principalNaming(const Statement &s, const GraphNode &node)
{
    PrincipalNaming out;
    if (!s.principal)
        return out;
    if (s.principal->isString) {
        out.total = 1;
        if (s.principal->wildcard.value == "*" && node.kind != GraphNodeKind::Service
            && node.kind != GraphNodeKind::Provider)
            out.broad.push_back("\"*\"");
        return out;
    }
    for (const PrincipalEntry &entry : s.principal->entries) {
        for (const PolicyString &value : entry.values.values) {
            ++out.total;
            switch (naming(entry.type.value, value.value, node)) {
            case Naming::Exactly:
                out.exact.emplace_back(entry.type.value, value.value);
                break;
            case Naming::Broadly:
                out.broad.push_back(value.value);
                break;
            case Naming::None:
                break;
            }
        }
    }
    return out;
}

/// Removes the values from the statement's principal map; entries left empty are dropped. Returns how many values
/// remain.
std::size_t removePrincipalValues(Statement &s, const std::vector<std::pair<std::string, std::string>> &values)
{
    if (!s.principal || s.principal->isString)
        return s.principal ? 1 : 0;
    std::size_t remaining = 0;
    for (PrincipalEntry &entry : s.principal->entries) {
        std::erase_if(entry.values.values, [&](const PolicyString &v) {
            return std::find(values.begin(), values.end(), std::make_pair(entry.type.value, v.value)) != values.end();
        });
        if (entry.values.values.size() == 1)
            entry.values.isArray = false;
        remaining += entry.values.values.size();
    }
    std::erase_if(s.principal->entries, [](const PrincipalEntry &e) { return e.values.values.empty(); });
    return remaining;
}

/// Removes every Resource value equal to `value`; returns how many remain.
std::size_t removeResourceValue(Statement &s, const std::string &value)
{
    if (!s.resource)
        return 0;
    std::erase_if(s.resource->values, [&](const PolicyString &v) { return v.value == value; });
    if (s.resource->values.size() == 1)
        s.resource->isArray = false;
    return s.resource->values.size();
}

bool resourceNames(const Statement &s, const std::string &value)
{
    return s.resource && std::any_of(s.resource->values.begin(), s.resource->values.end(), [&](const PolicyString &v) {
        return v.value == value;
    });
}

std::string resourceText(const Statement &s)
{
    if (s.notResource)
        return "NotResource";
    if (!s.resource)
        return "no Resource";
    std::vector<std::string> values;
    for (const PolicyString &v : s.resource->values)
        values.push_back("\"" + v.value + "\"");
    return "Resource " + joined(values);
}

// --- "already allowed" checks -------------------------------------------------------------------------------------

/// The first policy with a statement that allows `lowerAction` on `arn` without a condition, matched as the evaluator
/// matches Action/NotAction and Resource/NotResource (IAM User Guide, "IAM JSON policy element reference"); null when
/// none does.
const ResolvedPolicy *unconditionalAllow(
    const std::vector<ResolvedPolicyPtr> &policies, const std::string &lowerAction, const std::string &arn)
{
    for (const ResolvedPolicyPtr &policy : policies) {
        for (const CompiledStatement &s : policy->compiled.statements()) {
            if (statementUsable(s) && s.effect == Effect::Allow && s.conditions.empty()
                && s.principalMode == ElementMode::Absent && actionMatches(s, lowerAction) && resourceMatches(s, arn))
                return policy.get();
        }
    }
    return nullptr;
}

/// How a principal's policies treat some actions on one ARN.
struct Allowance {
    /// Every action is allowed without a condition by an identity-based policy and, when the principal has a
    /// permissions boundary, by the boundary too: the effective permissions are their intersection (IAM User Guide,
    /// "Permissions boundaries for IAM entities").
    bool all = true;
    /// The labels of the identity-based policies that allow them.
    std::vector<std::string> grantedBy;
    /// The indexes of the actions the permissions boundary does not allow without a condition.
    std::vector<std::size_t> outsideBoundary;
};

/// What the user should know when a permissions boundary does not allow what the plan grants.
std::string boundaryNote(const PrincipalPolicies &set, const std::string &owner,
    const std::vector<std::string> &actions, const std::string &arn)
{
    return "The permissions boundary " + set.boundaryArn + " of " + owner + " does not allow " + joined(actions)
        + " on " + arn + ": until it does, the identity-based statements grant " + (actions.size() == 1 ? "it" : "them")
        + " nothing (IAM User Guide, \"Permissions boundaries for IAM entities\").";
}

Allowance allowance(const PrincipalPolicies *set, const std::vector<std::string> &lowerActions, const std::string &arn)
{
    Allowance out;
    if (!set) {
        out.all = false;
        return out;
    }
    const std::vector<ResolvedPolicyPtr> boundary =
        set->boundary ? std::vector<ResolvedPolicyPtr> { set->boundary } : std::vector<ResolvedPolicyPtr> {};
    for (std::size_t i = 0; i < lowerActions.size(); ++i) {
        const ResolvedPolicy *grant = unconditionalAllow(set->identity, lowerActions[i], arn);
        // A boundary found nowhere is not applied, as the evaluator and the access graph do not apply it.
        const bool withinBoundary = !set->boundary || unconditionalAllow(boundary, lowerActions[i], arn);
        out.all = out.all && grant && withinBoundary;
        if (grant
            && std::find(out.grantedBy.begin(), out.grantedBy.end(), grant->compiled.name()) == out.grantedBy.end())
            out.grantedBy.push_back(grant->compiled.name());
        if (!withinBoundary)
            out.outsideBoundary.push_back(i);
    }
    return out;
}

/// Errors and notes are sentences: a first word in lower case letters gets its capital (`statement Sid of ...` ->
/// `Statement Sid of ...`); identifiers (`s3:ListBucket ...`) stay as they are.
std::string sentence(std::string text)
{
    const std::size_t space = text.find(' ');
    const bool word = space != std::string::npos && space > 0
        && std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(space),
            [](char c) { return c >= 'a' && c <= 'z'; });
    if (word)
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

GraphEditResult failure(std::string error)
{
    return { std::nullopt, sentence(std::move(error)), nullptr };
}

GraphEditResult success(std::string description, EditedEntities &entities, std::vector<std::string> notes)
{
    GraphEditPlan plan;
    plan.description = std::move(description);
    plan.entities = entities.take();
    for (std::string &note : notes)
        plan.notes.push_back(sentence(std::move(note)));
    return { std::move(plan), {}, nullptr };
}

// --- trust ----------------------------------------------------------------------------------------------------------

/// The original spelling of a provider (graph keys are lower case): from the external principals, else from a trust
/// policy that names it.
std::string providerSpelling(const Workspace &ws, const std::string &key)
{
    for (const ExternalPrincipal &e : ws.externalPrincipals) {
        if (toLower(e.identifier) == key)
            return e.identifier;
    }
    for (const Role &role : ws.roles) {
        for (const Statement &s : role.trustPolicy.statements) {
            if (!s.principal || s.principal->isString)
                continue;
            for (const PrincipalEntry &entry : s.principal->entries) {
                for (const PolicyString &v : entry.values.values) {
                    if (entry.type.value == "Federated" && toLower(v.value) == key)
                        return v.value;
                }
            }
        }
    }
    return key;
}

bool isSamlProviderArn(std::string_view value)
{
    std::array<std::string_view, 6> fields;
    return splitArn(value, fields) && fields[0] == "arn" && fields[5].starts_with("saml-provider/");
}

/// `SAML provider Corp`, `OIDC provider token.actions.githubusercontent.com`, `web identity provider
/// accounts.google.com`.
std::string describeProvider(std::string_view value)
{
    std::array<std::string_view, 6> fields;
    if (splitArn(value, fields) && fields[0] == "arn") {
        if (fields[5].starts_with("saml-provider/"))
            return "SAML provider " + std::string(fields[5].substr(14));
        if (fields[5].starts_with("oidc-provider/"))
            return "OIDC provider " + std::string(fields[5].substr(14));
    }
    return "web identity provider " + std::string(value);
}

/// A node in words, with a provider's own spelling.
std::string describe(const Workspace &ws, const GraphNode &node)
{
    if (node.kind == GraphNodeKind::Provider)
        return describeProvider(providerSpelling(ws, node.key));
    return describeNode(node);
}

} // namespace

GraphEditResult planTrust(const Workspace &ws, const AccountModel &model, std::size_t principalNode, RoleId roleId,
    const std::string &externalId)
{
    const AccessGraph &g = model.graph();
    const Role *role = ws.role(roleId);
    if (!role)
        return failure("The role to trust in is not in the workspace.");
    if (principalNode >= g.nodes().size())
        return failure("The principal is not in the graph (it may have been removed): rebuild the graph.");
    const GraphNode &node = g.nodes()[principalNode];
    // IAM User Guide, "IAM JSON policy elements: Principal": "You cannot identify a user group as a principal in a
    // policy"; resources are never principals.
    if (node.kind == GraphNodeKind::Group)
        return failure("IAM JSON policy elements: Principal: a group cannot be a principal, so group " + node.label
            + " cannot be trusted by role " + role->name + ". Trust its users (or a role they may assume) instead.");
    if (node.kind == GraphNodeKind::Resource)
        return failure(node.label + " is a resource, not a principal: only users, roles, accounts, services and "
            + "identity providers can be trusted by a role.");

    // IAM JSON policy elements: Principal, and the STS action each kind of principal calls (AWS STS API Reference:
    // AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity; IAM User Guide, "Create a role for SAML 2.0
    // federation", "Create a role for OIDC federation").
    std::string type = "AWS";
    std::string value = node.key;
    std::string action = "sts:AssumeRole";
    std::string sidName = node.label;
    switch (node.kind) {
    case GraphNodeKind::User:
    case GraphNodeKind::Role:
        // Least privilege: the principal's exact ARN, never its account's root.
        break;
    case GraphNodeKind::Account:
        value = node.key;
        sidName = "Account" + node.accountId;
        break;
    case GraphNodeKind::Service:
        type = "Service";
        sidName = node.key.substr(0, node.key.find('.'));
        break;
    case GraphNodeKind::Provider:
        type = "Federated";
        value = providerSpelling(ws, node.key);
        action = isSamlProviderArn(value) ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity";
        sidName = lastSegment(value);
        break;
    default:
        break;
    }

    // A user or role of another account the workspace models: its identity side must allow sts:AssumeRole too
    // (IAM User Guide, "Cross account resource access in IAM", "How IAM roles differ from resource-based policies").
    const bool crossAccount = (node.kind == GraphNodeKind::User || node.kind == GraphNodeKind::Role)
        && node.entityId != 0 && node.accountId != role->accountId;
    bool identityAllows = true;
    std::optional<std::string> outsideBoundary;
    if (crossAccount) {
        const bool user = node.kind == GraphNodeKind::User;
        const PrincipalPolicies *set =
            user ? model.policiesOf(UserId { node.entityId }) : model.policiesOf(RoleId { node.entityId });
        if (set) {
            const Allowance allowed = allowance(set, { "sts:assumerole" }, role->arn);
            identityAllows = allowed.all;
            if (!allowed.outsideBoundary.empty())
                outsideBoundary =
                    boundaryNote(*set, (user ? "user " : "role ") + node.label, { "sts:AssumeRole" }, role->arn);
        }
    }

    const std::string who = describe(ws, node);
    std::vector<std::string> notes;
    bool trustedExactly = false;
    static const std::vector<CompiledStatement> s_noStatements;
    const ResolvedPolicyPtr trust = model.trustPolicy(roleId);
    const std::vector<CompiledStatement> &trustStatements = trust ? trust->compiled.statements() : s_noStatements;
    const std::string lowerAction = toLower(action);
    for (const CompiledStatement &compiled : trustStatements) {
        const std::size_t i = compiled.index;
        if (i >= role->trustPolicy.statements.size() || !statementUsable(compiled) || compiled.effect != Effect::Allow
            || !actionMatches(compiled, lowerAction))
            continue;
        const Statement &s = role->trustPolicy.statements[i];
        const PrincipalNaming named = principalNaming(s, node);
        if (named.exact.empty())
            continue;
        if (!s.condition)
            trustedExactly = true;
        else
            notes.push_back("Role " + role->name + " already trusts " + who + " under conditions ("
                + statementName(s, i) + "); the new statement adds another way in.");
    }
    if (trustedExactly && identityAllows)
        return failure("Role " + role->name + " already trusts " + who + " without conditions.");

    EditedEntities entities(ws);
    if (!trustedExactly) {
        Role *edited = entities.role(roleId.value);
        Statement s;
        s.sid =
            textOf(uniqueSid(edited->trustPolicy, "Trust" + (camel(sidName).empty() ? "Principal" : camel(sidName))));
        s.effect = textOf("Allow");
        PrincipalBlock principal;
        principal.entries.push_back({ textOf(type), listOf({ value }) });
        s.principal = std::move(principal);
        s.action = listOf({ action });
        for (TrustHardening h : applicableHardening(s, role->accountId)) {
            applyHardening(s, h, role->accountId, externalId);
            switch (h) {
            case TrustHardening::ExternalId:
                notes.push_back("Requires sts:ExternalId \"" + externalId + "\": give it to the other account, which "
                    + "passes it when assuming the role (IAM User Guide, \"Access to AWS accounts owned by third "
                      "parties\").");
                break;
            case TrustHardening::SourceAccount:
                notes.push_back("Limited to requests on behalf of account " + role->accountId
                    + " with aws:SourceAccount (IAM User Guide, \"The confused deputy problem\").");
                break;
            case TrustHardening::SamlAudience:
                notes.push_back("Requires SAML:aud https://signin.aws.amazon.com/saml (IAM User Guide, \"Create a "
                                "role for SAML 2.0 federation\").");
                break;
            case TrustHardening::OidcAudience:
            case TrustHardening::OidcSubject:
                break;
            }
        }
        // The provider's audience and subject: values the provider implies are written; the others are written as
        // applyHardening() does (empty, which no token matches and the validator accepts, or the provider's
        // placeholder), so that the role stays closed until the user fills them in, and a note says so (IAM User
        // Guide, "Create a role for OIDC federation": without them any identity of the provider may assume it).
        if (s.condition) {
            for (const ConditionClause &clause : s.condition->clauses) {
                for (const ConditionEntry &entry : clause.entries) {
                    const std::string lower = toLower(entry.key.value);
                    if (!lower.ends_with(":aud") && !lower.ends_with(":sub"))
                        continue;
                    if (lower == "saml:aud")
                        continue;
                    const auto placeholder = std::find_if(entry.values.begin(), entry.values.end(),
                        [](const ConditionValue &v) { return isHardeningPlaceholder(v.text); });
                    const std::string what =
                        lower.ends_with(":aud") ? "the client ID (audience)" : "the identities allowed (subject)";
                    if (placeholder != entry.values.end() && placeholder->text.empty())
                        notes.push_back("Fill in " + clause.op.value + " " + entry.key.value + " with " + what
                            + ": until then the empty value matches no token (IAM User Guide, "
                              "\"Create a role for OIDC federation\").");
                    else if (placeholder != entry.values.end())
                        notes.push_back("Fill in " + clause.op.value + " " + entry.key.value + ": replace the "
                            + "placeholder \"" + placeholder->text + "\" with " + what
                            + " (IAM User Guide, \"Create a role for OIDC federation\").");
                    else
                        notes.push_back("Requires " + entry.key.value + " " + entry.values.front().text
                            + " (IAM User Guide, \"Create a role for OIDC federation\").");
                }
            }
        }
        appendStatement(edited->trustPolicy, std::move(s));
    }
    if (crossAccount && !identityAllows) {
        Statement s;
        s.effect = textOf("Allow");
        s.action = listOf({ "sts:AssumeRole" });
        s.resource = listOf({ role->arn });
        const std::string stem = "AssumeRole" + (camel(role->name).empty() ? "Role" : camel(role->name));
        std::string owner;
        if (node.kind == GraphNodeKind::User) {
            User *u = entities.user(node.entityId);
            Policy &p = inlinePolicy(u->inlinePolicies, kGraphEditorPolicyName);
            s.sid = textOf(uniqueSid(p, stem));
            appendStatement(p, std::move(s));
            owner = "user " + u->name;
        } else {
            Role *r = entities.role(node.entityId);
            Policy &p = inlinePolicy(r->inlinePolicies, kGraphEditorPolicyName);
            s.sid = textOf(uniqueSid(p, stem));
            appendStatement(p, std::move(s));
            owner = "role " + r->name;
        }
        notes.push_back("Also allowed sts:AssumeRole on " + role->arn + " in the inline policy "
            + kGraphEditorPolicyName + " of " + owner
            + ": across accounts both the trust policy and the caller's own policies must allow it (IAM User Guide, "
              "\"Cross account resource access in IAM\").");
        if (trustedExactly)
            notes.push_back("The trust policy of role " + role->name + " already named " + who
                + "; only the caller's side was missing.");
        if (outsideBoundary)
            notes.push_back(*outsideBoundary);
    }
    return success("Trust " + who + " in role " + role->name, entities, std::move(notes));
}

// --- permissions ----------------------------------------------------------------------------------------------------

GraphEditResult planPermission(const Workspace &ws, const AccountModel &model, RoleId roleId, std::size_t resourceNode,
    const std::vector<std::string> &actions)
{
    const AccessGraph &g = model.graph();
    const Role *role = ws.role(roleId);
    if (!role)
        return failure("The role to give the permission to is not in the workspace.");
    if (resourceNode >= g.nodes().size())
        return failure("The resource is not in the graph (it may have been removed): rebuild the graph.");
    const GraphNode &node = g.nodes()[resourceNode];
    if (node.kind != GraphNodeKind::Resource)
        return failure(describe(ws, node) + " is not a resource: draw the permission to a resource or ARN pattern.");
    if (actions.empty())
        return failure("Choose at least one action to allow on " + node.label + ".");
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    std::vector<std::string> lower;
    std::vector<std::string> written;
    for (const std::string &action : actions) {
        // IAM JSON policy elements: Action: `service:action`, wildcards allowed; the Service Authorization
        // Reference lists the actions.
        const bool wildcard = hasWildcard(action);
        const bool known = action == "*"
            || (action.find(':') != std::string::npos
                && (wildcard ? !catalog.matchActions(action, 1).empty() : catalog.action(action) != nullptr));
        if (!known)
            return failure("\"" + action + "\" is not an action the service catalog knows"
                + std::string(wildcard ? " (the pattern matches no action)" : "") + ".");
        if (std::find(lower.begin(), lower.end(), toLower(action)) != lower.end())
            continue;
        lower.push_back(toLower(action));
        written.push_back(action);
    }
    const PrincipalPolicies *policies = model.policiesOf(roleId);
    const Allowance allowed = allowance(policies, lower, node.key);
    if (allowed.all)
        return failure("Role " + role->name + "'s policies already allow " + joined(written) + " on " + node.key + " ("
            + joined(allowed.grantedBy) + ").");

    std::vector<std::string> notes;
    if (!allowed.outsideBoundary.empty()) {
        std::vector<std::string> outside;
        for (std::size_t i : allowed.outsideBoundary)
            outside.push_back(written[i]);
        notes.push_back(boundaryNote(*policies, "role " + role->name, outside, node.key));
    }
    if (node.key != "*") {
        std::set<std::string> fitting;
        for (const ResourceAction &a : actionsForResource(catalog, node.key))
            fitting.insert(toLower(a.action));
        std::vector<std::string> unfit;
        for (std::size_t i = 0; i < lower.size(); ++i) {
            if (!hasWildcard(lower[i]) && !fitting.count(lower[i]))
                unfit.push_back(written[i]);
        }
        if (!unfit.empty())
            notes.push_back(joined(unfit) + (unfit.size() == 1 ? " does" : " do")
                + " not act on this kind of resource (Service Authorization Reference): the statement will not "
                  "grant "
                + (unfit.size() == 1 ? "it" : "them") + " on " + node.key + ".");
    }

    EditedEntities entities(ws);
    Role *edited = entities.role(roleId.value);
    const std::set<std::string> wanted(lower.begin(), lower.end());
    std::string placement;
    for (InlinePolicy &policy : edited->inlinePolicies) {
        for (std::size_t i = 0; i < policy.document.statements.size() && placement.empty(); ++i) {
            Statement &s = policy.document.statements[i];
            if (s.effectValue() != Effect::Allow || !s.action || s.notAction || !s.resource || s.notResource
                || s.condition || s.principal || s.notPrincipal)
                continue;
            std::set<std::string> have;
            for (const PolicyString &v : s.action->values)
                have.insert(toLower(v.value));
            if (have != wanted)
                continue;
            if (resourceNames(s, node.key))
                continue;
            s.resource->values.push_back(textOf(node.key));
            s.resource->isArray = true;
            placement = "Added " + node.key + " to " + statementName(s, i) + " of the inline policy " + policy.name
                + ", which allows the same actions.";
        }
        if (!placement.empty())
            break;
    }
    if (placement.empty()) {
        Policy &policy = inlinePolicy(edited->inlinePolicies, kGraphEditorPolicyName);
        std::string services;
        std::set<std::string> seen;
        for (const std::string &a : lower) {
            const std::string service = a.substr(0, a.find(':'));
            if (seen.insert(service).second)
                services += camel(service == "*" ? "All" : service);
        }
        std::array<std::string_view, 6> fields;
        const std::string target = node.key == "*"
            ? std::string("AllResources")
            : camel(splitArn(node.key, fields) ? fields[5] : std::string_view(node.key));
        Statement s;
        s.sid = textOf(uniqueSid(policy, camel("Allow" + services + target, 64)));
        s.effect = textOf("Allow");
        s.action = listOf(written);
        s.resource = listOf({ node.key });
        placement = "Added " + s.sid->value + " to the inline policy " + kGraphEditorPolicyName + " of role "
            + role->name + ".";
        appendStatement(policy, std::move(s));
    }
    notes.insert(notes.begin(), placement);
    const std::string what = written.size() <= 2 ? joined(written) : std::to_string(written.size()) + " actions";
    return success("Allow " + what + " on " + node.label + " for role " + role->name, entities, std::move(notes));
}

// --- removal --------------------------------------------------------------------------------------------------------

namespace
{

/// What to do to one statement.
struct StatementEdit {
    std::string expectedSid;
    bool removeStatement = false;
    std::vector<std::string> removeResources;
    std::vector<std::pair<std::string, std::string>> removePrincipals;
    /// Resource policies: a copy of the statement for the removed principals, keeping the other resources.
    bool splitPrincipals = false;
    std::string splitResource;
};

struct SourceLess {
    bool operator()(const PolicySource &a, const PolicySource &b) const
    {
        return std::tie(a.kind, a.owner, a.name) < std::tie(b.kind, b.owner, b.name);
    }
};

class Remover
{
public:
    Remover(const Workspace &ws, const AccessGraph &g, const GraphEdge &edge)
        : m_ws(ws)
        , m_edge(edge)
        , m_from(g.nodes()[edge.from])
        , m_to(g.nodes()[edge.to])
        , m_entities(ws)
    {
    }

    GraphEditResult run()
    {
        std::string description;
        switch (m_edge.kind) {
        case GraphEdgeKind::MemberOf:
            return memberOf();
        case GraphEdgeKind::MayAssume:
            if (!mayAssume())
                return failure(m_error);
            description = "Stop " + describe(m_ws, m_from) + " from assuming role " + m_to.label;
            break;
        case GraphEdgeKind::MayActOn:
            if (!mayActOn())
                return failure(m_error);
            description = "Stop " + describe(m_ws, m_from) + " from acting on " + m_to.label;
            break;
        }
        if (!commit())
            return failure(m_error);
        if (m_entities.empty())
            return failure("No statement of the workspace grants this edge: rebuild the graph.");
        return success(description, m_entities, std::move(m_notes));
    }

private:
    GraphEditResult memberOf()
    {
        // IAM User Guide, "IAM user groups": a user gets a group's permissions by being one of its members.
        if (m_from.kind != GraphNodeKind::User || m_to.kind != GraphNodeKind::Group)
            return failure("The membership is not in the workspace any more: rebuild the graph.");
        const Group *group = m_ws.group(GroupId { m_to.entityId });
        User *user = group ? m_entities.user(m_from.entityId) : nullptr;
        if (!user)
            return failure("The membership is not in the workspace any more: rebuild the graph.");
        const auto before = user->groupNames.size();
        std::erase(user->groupNames, group->name);
        if (user->groupNames.size() == before)
            return failure("User " + user->name + " is not a member of group " + group->name + ".");
        return success("Remove user " + user->name + " from group " + group->name, m_entities, {});
    }

    bool fail(std::string error)
    {
        m_error = std::move(error);
        return false;
    }

    /// The statement a reference points at, in the current state of the workspace; nullptr (with m_error) when the
    /// graph is stale.
    const Statement *statementOf(const GraphStatementRef &ref)
    {
        const Policy *policy = currentPolicy(ref.source);
        if (!policy || ref.index >= policy->statements.size()) {
            fail("The graph is out of date (" + ref.policy + " changed): rebuild it and try again.");
            return nullptr;
        }
        const Statement &s = policy->statements[ref.index];
        const std::string sid = s.sid ? s.sid->value : std::string();
        if (sid != ref.sid) {
            fail("The graph is out of date (" + ref.policy + " changed): rebuild it and try again.");
            return nullptr;
        }
        return &s;
    }

    const Policy *currentPolicy(const PolicySource &source) const
    {
        auto inlineOf = [&](const std::vector<InlinePolicy> &list) -> const Policy * {
            for (const InlinePolicy &p : list) {
                if (p.name == source.name)
                    return &p.document;
            }
            return nullptr;
        };
        switch (source.kind) {
        case PolicySource::Kind::RoleTrust: {
            const Role *r = m_ws.role(RoleId { source.owner });
            return r ? &r->trustPolicy : nullptr;
        }
        case PolicySource::Kind::RoleInline: {
            const Role *r = m_ws.role(RoleId { source.owner });
            return r ? inlineOf(r->inlinePolicies) : nullptr;
        }
        case PolicySource::Kind::UserInline: {
            const User *u = m_ws.user(UserId { source.owner });
            return u ? inlineOf(u->inlinePolicies) : nullptr;
        }
        case PolicySource::Kind::GroupInline: {
            const Group *gr = m_ws.group(GroupId { source.owner });
            return gr ? inlineOf(gr->inlinePolicies) : nullptr;
        }
        case PolicySource::Kind::CustomerManaged: {
            const ManagedPolicy *m = m_ws.policy(PolicyId { source.owner });
            const PolicyVersion *v = m ? m->defaultVersion() : nullptr;
            return v ? &v->document : nullptr;
        }
        case PolicySource::Kind::ResourcePolicy: {
            const Resource *r = resourceById(m_ws, source.owner);
            return r && r->policy ? &*r->policy : nullptr;
        }
        case PolicySource::Kind::AwsManaged:
            return nullptr;
        }
        return nullptr;
    }

    /// The attached policy ARNs and boundary of the edge's principal (a user or role of the workspace).
    const std::vector<std::string> *attachedOf(const GraphNode &node) const
    {
        if (node.kind == GraphNodeKind::User) {
            const User *u = m_ws.user(UserId { node.entityId });
            return u ? &u->attachedPolicyArns : nullptr;
        }
        if (node.kind == GraphNodeKind::Role) {
            const Role *r = m_ws.role(RoleId { node.entityId });
            return r ? &r->attachedPolicyArns : nullptr;
        }
        return nullptr;
    }

    std::string boundaryOf(const GraphNode &node) const
    {
        if (node.kind == GraphNodeKind::User) {
            const User *u = m_ws.user(UserId { node.entityId });
            return u ? u->permissionsBoundaryArn : std::string();
        }
        if (node.kind == GraphNodeKind::Role) {
            const Role *r = m_ws.role(RoleId { node.entityId });
            return r ? r->permissionsBoundaryArn : std::string();
        }
        return {};
    }

    /// The groups of the edge's user that attach `arn`.
    std::vector<const Group *> attachingGroups(const GraphNode &node, const std::string &arn) const
    {
        std::vector<const Group *> out;
        const User *u = node.kind == GraphNodeKind::User ? m_ws.user(UserId { node.entityId }) : nullptr;
        if (!u)
            return out;
        for (const Group &g : m_ws.groups) {
            if (g.accountId == u->accountId
                && std::find(u->groupNames.begin(), u->groupNames.end(), g.name) != u->groupNames.end()
                && std::find(g.attachedPolicyArns.begin(), g.attachedPolicyArns.end(), arn)
                    != g.attachedPolicyArns.end())
                out.push_back(&g);
        }
        return out;
    }

    bool attachedDirectly(const GraphNode &node, const std::string &arn) const
    {
        const std::vector<std::string> *attached = attachedOf(node);
        return attached && std::find(attached->begin(), attached->end(), arn) != attached->end();
    }

    /// A statement of the principal's permissions boundary, which limits but never grants (IAM User Guide,
    /// "Permissions boundaries for IAM entities"): never edited to remove an edge.
    bool isBoundary(const GraphStatementRef &ref, const GraphNode &node) const
    {
        if (ref.source.kind != PolicySource::Kind::CustomerManaged && ref.source.kind != PolicySource::Kind::AwsManaged)
            return false;
        return !ref.source.name.empty() && ref.source.name == boundaryOf(node)
            && !attachedDirectly(node, ref.source.name) && attachingGroups(node, ref.source.name).empty();
    }

    /// `role deploy` / `user alice` / `group Readers` for who attaches an AWS managed policy.
    std::string attacherText(const GraphNode &node, const std::string &arn) const
    {
        std::vector<std::string> who;
        if (attachedDirectly(node, arn))
            who.push_back(describe(m_ws, node));
        for (const Group *g : attachingGroups(node, arn))
            who.push_back("group " + g->name);
        return who.empty() ? describe(m_ws, node) : joined(who);
    }

    void edit(const GraphStatementRef &ref, StatementEdit e)
    {
        e.expectedSid = ref.sid;
        StatementEdit &slot = m_edits[ref.source][ref.index];
        slot.expectedSid = e.expectedSid;
        slot.removeStatement = slot.removeStatement || e.removeStatement;
        slot.removeResources.insert(slot.removeResources.end(), e.removeResources.begin(), e.removeResources.end());
        slot.removePrincipals.insert(slot.removePrincipals.end(), e.removePrincipals.begin(), e.removePrincipals.end());
        slot.splitPrincipals = slot.splitPrincipals || e.splitPrincipals;
        if (!e.splitResource.empty())
            slot.splitResource = e.splitResource;
        m_labels[ref.source] = ref.policy;
    }

    // IAM User Guide, "How IAM roles differ from resource-based policies" and "Cross account resource access in
    // IAM": the trust policy must name the caller, and a caller named only through its account root (or `*`) also
    // needs its own policies to allow sts:AssumeRole on the role. Removing the exact names, and when a broad grant
    // remains the caller's own Allow, removes the edge.
    bool mayAssume()
    {
        if (m_to.kind != GraphNodeKind::Role)
            return fail("The edge does not end at a role: rebuild the graph.");
        std::vector<std::string> broad;
        std::vector<const GraphStatementRef *> identity;
        for (const GraphStatementRef &ref : m_edge.statements) {
            if (ref.source.kind != PolicySource::Kind::RoleTrust) {
                if (!isBoundary(ref, m_from))
                    identity.push_back(&ref);
                continue;
            }
            const Statement *s = statementOf(ref);
            if (!s)
                return false;
            const PrincipalNaming named = principalNaming(*s, m_from);
            if (!named.broad.empty()) {
                std::vector<std::string> values;
                for (const std::string &b : named.broad)
                    values.push_back(b == "\"*\"" ? b : "\"" + b + "\"");
                broad.push_back(statementName(*s, ref.index) + " of the trust policy of role " + m_to.label
                    + " (Principal " + joined(values) + ")");
            }
            if (named.exact.empty())
                continue;
            StatementEdit e;
            if (named.exact.size() == named.total) {
                e.removeStatement = true;
            } else {
                e.removePrincipals = named.exact;
                m_notes.push_back("Narrowed " + statementName(*s, ref.index) + " of the trust policy of role "
                    + m_to.label + ": it still trusts its other principals.");
            }
            edit(ref, std::move(e));
        }
        if (broad.empty())
            return true;
        // The trust still covers the caller broadly: cut the caller's own Allow, which must name the role exactly.
        if (identity.empty())
            return fail(joined(broad) + " grants the role to " + describe(m_ws, m_from)
                + " along with other principals, and the caller's own policies are not in the workspace: narrow that "
                  "statement in the trust policy.");
        for (const GraphStatementRef *ref : identity) {
            if (ref->source.kind == PolicySource::Kind::AwsManaged)
                return fail(joined(broad) + " grants the role broadly, and the caller's side is granted by AWS "
                    + "managed policy " + ref->source.name + ", which cannot be edited; detach it from "
                    + attacherText(m_from, ref->source.name) + " or narrow the trust policy.");
            const Statement *s = statementOf(*ref);
            if (!s)
                return false;
            if (!resourceNames(*s, m_to.key))
                return fail(joined(broad) + " grants the role broadly, and " + statementName(*s, ref->index) + " of "
                    + ref->policy + " allows sts:AssumeRole with " + resourceText(*s) + ", which covers more than role "
                    + m_to.label + ": narrow one of them by hand.");
            StatementEdit e;
            if (removeResourceCount(*s, m_to.key) > 0) {
                e.removeResources = { m_to.key };
                m_notes.push_back("Narrowed " + statementName(*s, ref->index) + " of " + ref->policy
                    + ": it no longer allows assuming role " + m_to.label + ".");
            } else {
                e.removeStatement = true;
            }
            edit(*ref, std::move(e));
        }
        m_notes.push_back(joined(broad) + " still grants the role broadly; the caller's own permission was removed.");
        return true;
    }

    static std::size_t removeResourceCount(const Statement &s, const std::string &value)
    {
        Statement copy = s;
        return removeResourceValue(copy, value);
    }

    /// Notes about the other principals that share the policy being edited.
    void sharedNotes(const PolicySource &source)
    {
        std::vector<std::string> others;
        if (source.kind == PolicySource::Kind::CustomerManaged) {
            for (const User &u : m_ws.users) {
                if (std::find(u.attachedPolicyArns.begin(), u.attachedPolicyArns.end(), source.name)
                        != u.attachedPolicyArns.end()
                    && !(m_from.kind == GraphNodeKind::User && u.id.value == m_from.entityId))
                    others.push_back("user " + u.name);
            }
            for (const Group &gr : m_ws.groups) {
                if (std::find(gr.attachedPolicyArns.begin(), gr.attachedPolicyArns.end(), source.name)
                    != gr.attachedPolicyArns.end())
                    others.push_back("group " + gr.name);
            }
            for (const Role &r : m_ws.roles) {
                if (std::find(r.attachedPolicyArns.begin(), r.attachedPolicyArns.end(), source.name)
                        != r.attachedPolicyArns.end()
                    && !(m_from.kind == GraphNodeKind::Role && r.id.value == m_from.entityId))
                    others.push_back("role " + r.name);
            }
            if (!others.empty())
                m_notes.push_back("The customer managed policy " + source.name + " is also attached to "
                    + joined(others) + ": the change applies to them too.");
        } else if (source.kind == PolicySource::Kind::GroupInline) {
            const Group *gr = m_ws.group(GroupId { source.owner });
            if (!gr)
                return;
            for (const User &u : m_ws.users) {
                if (u.accountId == gr->accountId
                    && std::find(u.groupNames.begin(), u.groupNames.end(), gr->name) != u.groupNames.end()
                    && u.id.value != m_from.entityId)
                    others.push_back("user " + u.name);
            }
            if (!others.empty())
                m_notes.push_back("The inline policy " + source.name + " belongs to group " + gr->name
                    + ": the change applies to its other members " + joined(others) + " too.");
        }
    }

    // The may-act-on edge's Allow statements: identity policies name the resource pattern in Resource (IAM JSON
    // policy elements: Resource); resource policies name the principal (IAM JSON policy elements: Principal).
    bool mayActOn()
    {
        for (const GraphStatementRef &ref : m_edge.statements) {
            if (isBoundary(ref, m_from))
                continue;
            if (ref.source.kind == PolicySource::Kind::AwsManaged)
                return fail("The access is granted by AWS managed policy " + ref.source.name
                    + ", which cannot be edited; detach it from " + attacherText(m_from, ref.source.name) + ".");
            const Statement *s = statementOf(ref);
            if (!s)
                return false;
            if (ref.source.kind == PolicySource::Kind::ResourcePolicy) {
                if (!resourcePolicyStatement(ref, *s))
                    return false;
                continue;
            }
            if (!resourceNames(*s, m_to.key))
                return fail(statementName(*s, ref.index) + " of " + ref.policy + " grants it with " + resourceText(*s)
                    + ", which does not name " + m_to.key + " by itself: edit that statement by hand.");
            StatementEdit e;
            if (removeResourceCount(*s, m_to.key) > 0) {
                e.removeResources = { m_to.key };
                m_notes.push_back(
                    "Narrowed " + statementName(*s, ref.index) + " of " + ref.policy + ": its other resources stay.");
            } else {
                e.removeStatement = true;
            }
            edit(ref, std::move(e));
        }
        return true;
    }

    bool resourcePolicyStatement(const GraphStatementRef &ref, const Statement &s)
    {
        const PrincipalNaming named = principalNaming(s, m_from);
        if (named.exact.empty()) {
            std::vector<std::string> values = named.broad;
            return fail(statementName(s, ref.index) + " of the " + ref.policy + " grants it to "
                + (values.empty() ? std::string("a broad principal") : joined(values))
                + ", which covers other principals too: narrow that statement by hand.");
        }
        std::size_t resources = 1;
        if (s.resource)
            resources = s.resource->values.size();
        const bool onlyThisPrincipal = named.exact.size() == named.total;
        const bool onlyThisResource = !s.resource || (resources == 1 && resourceNames(s, m_to.key));
        if (!onlyThisResource && !resourceNames(s, m_to.key))
            return fail(statementName(s, ref.index) + " of the " + ref.policy + " grants it with " + resourceText(s)
                + ", which does not name " + m_to.key + " by itself: edit that statement by hand.");
        StatementEdit e;
        if (onlyThisPrincipal && onlyThisResource) {
            e.removeStatement = true;
        } else if (onlyThisPrincipal) {
            e.removeResources = { m_to.key };
            m_notes.push_back(
                "Narrowed " + statementName(s, ref.index) + " of the " + ref.policy + ": its other resources stay.");
        } else if (onlyThisResource) {
            e.removePrincipals = named.exact;
            m_notes.push_back("Narrowed " + statementName(s, ref.index) + " of the " + ref.policy
                + ": it still grants its other principals.");
        } else {
            // Several principals and several resources: the others keep everything, this principal keeps the
            // other resources in a copy of the statement.
            e.removePrincipals = named.exact;
            e.splitPrincipals = true;
            e.splitResource = m_to.key;
            m_notes.push_back("Split " + statementName(s, ref.index) + " of the " + ref.policy + ": "
                + describe(m_ws, m_from) + " keeps its other resources in a statement of its own.");
        }
        edit(ref, std::move(e));
        return true;
    }

    /// Applies the collected statement edits, policy by policy.
    bool commit()
    {
        for (auto &[source, edits] : m_edits) {
            const Policy *current = currentPolicy(source);
            if (!current)
                return fail("The graph is out of date (" + m_labels[source] + " is gone): rebuild it and try again.");
            Policy policy = *current;
            // From the last statement back, so that indexes stay right.
            for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
                const std::size_t index = it->first;
                const StatementEdit &e = it->second;
                if (index >= policy.statements.size())
                    return fail("The graph is out of date: rebuild it and try again.");
                Statement &s = policy.statements[index];
                bool remove = e.removeStatement;
                std::optional<Statement> split;
                if (!remove && e.splitPrincipals) {
                    split = s;
                    PrincipalBlock principal;
                    for (const auto &[type, value] : e.removePrincipals)
                        principal.entries.push_back({ textOf(type), listOf({ value }) });
                    split->principal = std::move(principal);
                    removeResourceValue(*split, e.splitResource);
                    split->sid = textOf(uniqueSid(
                        policy, (s.sid && !s.sid->value.empty() ? s.sid->value : "Grant") + camel(m_from.label, 32)));
                }
                if (!remove && !e.removePrincipals.empty() && removePrincipalValues(s, e.removePrincipals) == 0)
                    remove = true;
                for (const std::string &r : e.removeResources) {
                    if (!remove && removeResourceValue(s, r) == 0)
                        remove = true;
                }
                if (remove)
                    policy.statements.erase(policy.statements.begin() + static_cast<std::ptrdiff_t>(index));
                if (split)
                    policy.statements.push_back(std::move(*split));
            }
            if (!store(source, std::move(policy)))
                return false;
        }
        return true;
    }

    bool store(const PolicySource &source, Policy policy)
    {
        const bool empty = policy.statements.empty();
        auto storeInline = [&](std::vector<InlinePolicy> &list, const std::string &owner) {
            auto it =
                std::find_if(list.begin(), list.end(), [&](const InlinePolicy &p) { return p.name == source.name; });
            if (it == list.end())
                return;
            if (empty) {
                list.erase(it);
                m_notes.push_back(
                    "Removed the inline policy " + source.name + " of " + owner + ": it had no statement left.");
            } else {
                it->document = std::move(policy);
            }
        };
        switch (source.kind) {
        case PolicySource::Kind::RoleTrust: {
            Role *r = m_entities.role(source.owner);
            if (!r)
                return fail("The role is gone: rebuild the graph.");
            r->trustPolicy = std::move(policy);
            if (empty)
                m_notes.push_back(
                    "The trust policy of role " + r->name + " has no statement left: nobody may assume it.");
            return true;
        }
        case PolicySource::Kind::RoleInline: {
            Role *r = m_entities.role(source.owner);
            if (!r)
                return fail("The role is gone: rebuild the graph.");
            storeInline(r->inlinePolicies, "role " + r->name);
            return true;
        }
        case PolicySource::Kind::UserInline: {
            User *u = m_entities.user(source.owner);
            if (!u)
                return fail("The user is gone: rebuild the graph.");
            storeInline(u->inlinePolicies, "user " + u->name);
            return true;
        }
        case PolicySource::Kind::GroupInline: {
            Group *gr = m_entities.group(source.owner);
            if (!gr)
                return fail("The group is gone: rebuild the graph.");
            storeInline(gr->inlinePolicies, "group " + gr->name);
            sharedNotes(source);
            return true;
        }
        case PolicySource::Kind::CustomerManaged: {
            if (empty)
                return detach(source.name);
            ManagedPolicy *m = m_entities.policy(source.owner);
            PolicyVersion *v = m ? defaultVersionOf(*m) : nullptr;
            if (!v)
                return fail("The managed policy " + source.name + " is gone: rebuild the graph.");
            v->document = std::move(policy);
            sharedNotes(source);
            return true;
        }
        case PolicySource::Kind::ResourcePolicy: {
            Resource *r = m_entities.resource(source.owner);
            if (!r)
                return fail("The resource is gone: rebuild the graph.");
            if (empty) {
                r->policy.reset();
                m_notes.push_back("Removed the resource policy of " + r->arn + ": it had no statement left.");
            } else {
                r->policy = std::move(policy);
            }
            return true;
        }
        case PolicySource::Kind::AwsManaged:
            return fail("AWS managed policy " + source.name + " cannot be edited.");
        }
        return true;
    }

    /// A customer managed policy whose every statement would go: detached from the principal (or its groups)
    /// instead, and left as it is for the others that use it.
    bool detach(const std::string &arn)
    {
        bool any = false;
        if (attachedDirectly(m_from, arn)) {
            std::vector<std::string> *list = nullptr;
            if (m_from.kind == GraphNodeKind::User)
                list = &m_entities.user(m_from.entityId)->attachedPolicyArns;
            else
                list = &m_entities.role(m_from.entityId)->attachedPolicyArns;
            std::erase(*list, arn);
            m_notes.push_back(
                "Detached " + arn + " from " + describe(m_ws, m_from) + " instead of emptying the managed policy.");
            any = true;
        }
        for (const Group *g : attachingGroups(m_from, arn)) {
            std::erase(m_entities.group(g->id.value)->attachedPolicyArns, arn);
            m_notes.push_back("Detached " + arn + " from group " + g->name
                + " instead of emptying the managed policy: its other members lose it too.");
            any = true;
        }
        if (!any)
            return fail("Every statement of " + arn + " grants this, and " + describe(m_ws, m_from)
                + " does not attach it directly: detach it where it is attached.");
        return true;
    }

    const Workspace &m_ws;
    const GraphEdge &m_edge;
    const GraphNode &m_from;
    const GraphNode &m_to;
    EditedEntities m_entities;
    std::map<PolicySource, std::map<std::size_t, StatementEdit>, SourceLess> m_edits;
    std::map<PolicySource, std::string, SourceLess> m_labels;
    std::vector<std::string> m_notes;
    std::string m_error;
};

/// Whether the workspace has an entity of this kind and id.
bool entityExists(const Workspace &ws, const EditedEntity &entity)
{
    return std::visit(
        [&](const auto &e) -> bool {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, Role>)
                return ws.role(e.id) != nullptr;
            else if constexpr (std::is_same_v<T, User>)
                return ws.user(e.id) != nullptr;
            else if constexpr (std::is_same_v<T, Group>)
                return ws.group(e.id) != nullptr;
            else if constexpr (std::is_same_v<T, ManagedPolicy>)
                return ws.policy(e.id) != nullptr;
            else
                return resourceById(ws, e.id.value) != nullptr;
        },
        entity);
}

bool entitiesExist(const Workspace &ws, const GraphEditPlan &plan)
{
    return std::all_of(plan.entities.begin(), plan.entities.end(),
        [&](const EditedEntity &entity) { return entityExists(ws, entity); });
}

} // namespace

GraphEditResult planEdgeRemoval(const Workspace &ws, const AccountModel &model, std::size_t edge)
{
    const AccessGraph &g = model.graph();
    if (edge >= g.edges().size())
        return failure("The edge is not in the graph (it may have been removed): rebuild the graph.");
    const GraphEdge &e = g.edges()[edge];
    if (e.from >= g.nodes().size() || e.to >= g.nodes().size())
        return failure("The edge is not in the graph (it may have been removed): rebuild the graph.");
    GraphEditResult result = Remover(ws, g, e).run();
    if (!result.plan)
        return result;
    // Check the plan: with its entities in place, the edge (of the same kind, between the same nodes, as
    // conditional as before) must be gone.
    if (!entitiesExist(ws, *result.plan))
        return failure("The graph is out of date: rebuild it and try again.");
    const std::shared_ptr<const AccountModel> after = model.apply(planDelta(*result.plan));
    const AccessGraph &rebuilt = after->graph();
    const GraphNode &from = g.nodes()[e.from];
    const GraphNode &to = g.nodes()[e.to];
    const std::size_t f = rebuilt.find(from.key, from.kind);
    const std::size_t t = rebuilt.find(to.key, to.kind);
    if (f != AccessGraph::npos && t != AccessGraph::npos) {
        for (std::size_t i : rebuilt.outEdges(f)) {
            const GraphEdge &r = rebuilt.edges()[i];
            if (r.to == t && r.kind == e.kind && r.conditional == e.conditional) {
                std::vector<std::string> grants;
                for (const GraphStatementRef &ref : r.statements)
                    grants.push_back(
                        (ref.sid.empty() ? "statement " + std::to_string(ref.index + 1) : "statement " + ref.sid)
                        + " of " + ref.policy);
                return failure("Removing the edge's statements would not remove it: " + joined(grants)
                    + " would still grant it. Edit those policies by hand.");
            }
        }
    }
    result.after = after;
    return result;
}

WorkspaceDelta planDelta(const GraphEditPlan &plan)
{
    WorkspaceDelta delta;
    for (const EditedEntity &entity : plan.entities) {
        std::visit(
            [&](const auto &e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, Role>)
                    delta.roles.push_back(e);
                else if constexpr (std::is_same_v<T, User>)
                    delta.users.push_back(e);
                else if constexpr (std::is_same_v<T, Group>)
                    delta.groups.push_back(e);
                else if constexpr (std::is_same_v<T, ManagedPolicy>)
                    delta.policies.push_back(e);
                else
                    delta.resources.push_back(e);
            },
            entity);
    }
    return delta;
}

bool applyPlan(Workspace &ws, const GraphEditPlan &plan)
{
    // Every entity must exist before anything changes.
    if (!entitiesExist(ws, plan))
        return false;
    for (const EditedEntity &entity : plan.entities) {
        std::visit(
            [&](const auto &e) {
                using T = std::decay_t<decltype(e)>;
                auto replace = [&](auto &list) {
                    for (auto &item : list) {
                        if (item.id == e.id)
                            item = e;
                    }
                };
                if constexpr (std::is_same_v<T, Role>)
                    replace(ws.roles);
                else if constexpr (std::is_same_v<T, User>)
                    replace(ws.users);
                else if constexpr (std::is_same_v<T, Group>)
                    replace(ws.groups);
                else if constexpr (std::is_same_v<T, ManagedPolicy>)
                    replace(ws.policies);
                else
                    replace(ws.resources);
            },
            entity);
    }
    return true;
}

// --- actions for a resource -------------------------------------------------------------------------------------

namespace
{

/// One element of an ARN pattern: a literal character, or a run that matches any characters (`*` of a policy; a
/// `${Placeholder}` of the catalog, which stays within one ARN field and one path segment unless it is a path).
struct GlobToken {
    enum class Kind { Literal, One, Run } kind = Kind::Literal;
    char c = 0;
    /// For Run: whether it may cross `/` and `:`.
    bool anything = true;
};

std::vector<GlobToken> policyTokens(std::string_view text)
{
    std::vector<GlobToken> out;
    for (char c : text) {
        if (c == '*')
            out.push_back({ GlobToken::Kind::Run, 0, true });
        else if (c == '?')
            out.push_back({ GlobToken::Kind::One, 0, true });
        else
            out.push_back({ GlobToken::Kind::Literal, c, true });
    }
    return out;
}

/// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`: a placeholder is a run within one field and one segment,
/// except a path (`${RoleNameWithPath}`) and the last placeholder after a `/` (`${ObjectName}`), which may hold
/// anything.
std::vector<GlobToken> catalogTokens(std::string_view pattern)
{
    std::vector<GlobToken> out;
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern.compare(i, 2, "${") == 0) {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 2, close - i - 2);
                const bool last = close + 1 == pattern.size();
                const bool afterSlash = i > 0 && pattern[i - 1] == '/';
                const bool anything = name.find("Path") != std::string_view::npos || (last && afterSlash);
                out.push_back({ GlobToken::Kind::Run, 0, anything });
                i = close + 1;
                continue;
            }
        }
        out.push_back({ GlobToken::Kind::Literal, pattern[i], true });
        ++i;
    }
    return out;
}

/// Whether some text matches both patterns (a catalog ARN format and a policy's resource pattern).
bool intersects(const std::vector<GlobToken> &a, const std::vector<GlobToken> &b)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // 0 unknown, 1 false, 2 true
    std::vector<unsigned char> memo((n + 1) * (m + 1), 0);
    auto allowed = [](const GlobToken &run, const GlobToken &t) {
        if (run.anything || t.kind != GlobToken::Kind::Literal)
            return true;
        return t.c != '/' && t.c != ':';
    };
    std::function<bool(std::size_t, std::size_t)> f = [&](std::size_t i, std::size_t j) -> bool {
        unsigned char &cell = memo[i * (m + 1) + j];
        if (cell)
            return cell == 2;
        bool r = false;
        if (i == n && j == m) {
            r = true;
        } else if (i < n && a[i].kind == GlobToken::Kind::Run) {
            r = f(i + 1, j) || (j < m && allowed(a[i], b[j]) && f(i, j + 1));
        } else if (j < m && b[j].kind == GlobToken::Kind::Run) {
            r = f(i, j + 1) || (i < n && allowed(b[j], a[i]) && f(i + 1, j));
        } else if (i < n && j < m) {
            const bool one = a[i].kind == GlobToken::Kind::One || b[j].kind == GlobToken::Kind::One;
            r = (one || a[i].c == b[j].c) && f(i + 1, j + 1);
        }
        cell = r ? 2 : 1;
        return r;
    };
    return f(0, 0);
}

} // namespace

std::vector<ResourceAction> actionsForResource(const ServiceCatalog &catalog, const std::string &arn)
{
    struct Row {
        std::string service;
        AccessLevel level;
        std::string name;
    };
    std::vector<Row> rows;
    const bool everything = arn == "*";
    const std::vector<GlobToken> wanted = policyTokens(arn);
    for (const ServiceInfo &service : catalog.services()) {
        std::set<std::string> types;
        if (!everything) {
            for (const ResourceTypeInfo &type : service.resourceTypes) {
                if (!type.arnPattern.empty() && intersects(catalogTokens(type.arnPattern), wanted))
                    types.insert(toLower(type.name));
            }
            if (types.empty())
                continue;
        }
        for (const ActionInfo &action : service.actions) {
            const bool fits = everything
                || std::any_of(action.resourceTypes.begin(), action.resourceTypes.end(),
                    [&](const ActionResourceType &t) { return types.count(toLower(t.name)) > 0; });
            if (fits)
                rows.push_back({ service.prefix, action.accessLevel, action.name });
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &x, const Row &y) {
        return std::tie(x.service, x.level, x.name) < std::tie(y.service, y.level, y.name);
    });
    std::vector<ResourceAction> out;
    out.reserve(rows.size());
    for (const Row &r : rows)
        out.push_back({ r.service + ":" + r.name, std::string(accessLevelName(r.level)) });
    return out;
}

} // namespace rd::core
