// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "graph/GraphBuilder.h"

#include "base/TextUtil.h"
#include "graph/DenyCover.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace rd::core
{

namespace
{

// The actions a role's trust policy governs for assuming it (AWS STS API Reference, AssumeRole,
// AssumeRoleWithSAML, AssumeRoleWithWebIdentity).
const std::string kAssumeActions[] = { "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity" };

bool assumeActionMatches(const CompiledStatement &s)
{
    return std::any_of(std::begin(kAssumeActions), std::end(kAssumeActions),
        [&](const std::string &action) { return actionMatches(s, action); });
}

GraphStatementRef refOf(const ResolvedPolicy &policy, const CompiledStatement &s)
{
    return { policy.compiled.name(), s.index, s.sid, policy.source };
}

// Condition keys as the policy spells them, once each.
void addKeys(std::vector<std::string> &keys, const CompiledStatement &s)
{
    for (const CompiledCondition &c : s.conditions)
        addIgnoringCase(keys, c.keyText);
}

void addKeys(std::vector<std::string> &keys, const std::vector<std::string> &more)
{
    for (const std::string &k : more)
        addIgnoringCase(keys, k);
}

using IdentitySet = GraphBuilder::IdentitySet;
using EdgeBucket = GraphBuilder::EdgeBucket;

/// The outcome of one side of an authorization, worked out per statement without a request context: the Allow
/// statements that match, and whether any of them (or a matching conditional Deny) needs conditions.
struct SideVerdict {
    bool allowed = false;
    /// An unconditional Deny matched.
    bool denied = false;
    bool conditional = false;
    std::vector<std::string> keys;
    /// The keys of the conditional Deny statements that matched (also in `keys` when allowed).
    std::vector<std::string> denyKeys;
    std::vector<GraphStatementRef> statements;
};

// IAM User Guide, "Policy evaluation logic": an explicit Deny wins; otherwise some Allow must match. A Deny with
// conditions may or may not apply: the grant is then conditional on it not applying. Conditions on keys the
// principal's facts know are evaluated ("AWS global condition context keys"): a statement whose known conditions
// fail does not apply, one whose conditions all hold applies unconditionally.
using StatementList = GraphBuilder::StatementList;

SideVerdict judge(const StatementList &statements, const std::function<bool(const CompiledStatement &)> &matches,
    const PrincipalFacts *facts = nullptr)
{
    SideVerdict verdict;
    bool unconditionalAllow = false;
    std::vector<std::string> allowKeys;
    std::vector<std::string> denyKeys;
    for (const auto &[policy, statement] : statements) {
        const CompiledStatement &s = *statement;
        if (!statementUsable(s) || !matches(s))
            continue;
        const ConditionVerdict conditions = evaluateKnownConditions(s, facts);
        if (conditions.outcome == ConditionOutcome::Fails)
            continue;
        if (*s.effect == Effect::Deny) {
            if (conditions.outcome == ConditionOutcome::Holds) {
                SideVerdict denied;
                denied.denied = true;
                return denied;
            }
            addKeys(denyKeys, conditions.unknownKeys);
            continue;
        }
        verdict.allowed = true;
        verdict.statements.push_back(refOf(*policy, s));
        if (conditions.outcome == ConditionOutcome::Holds)
            unconditionalAllow = true;
        else
            addKeys(allowKeys, conditions.unknownKeys);
    }
    verdict.denyKeys = denyKeys;
    if (!verdict.allowed) {
        verdict.conditional = !denyKeys.empty();
        verdict.keys = denyKeys;
        return verdict;
    }
    verdict.conditional = !unconditionalAllow || !denyKeys.empty();
    if (!unconditionalAllow)
        verdict.keys = allowKeys;
    addKeys(verdict.keys, denyKeys);
    return verdict;
}

void mergeVerdict(GraphEdge &edge, const SideVerdict &verdict)
{
    edge.conditional = edge.conditional || verdict.conditional;
    for (const std::string &k : verdict.keys) {
        if (std::find(edge.conditionKeys.begin(), edge.conditionKeys.end(), k) == edge.conditionKeys.end())
            edge.conditionKeys.push_back(k);
    }
    edge.statements.insert(edge.statements.end(), verdict.statements.begin(), verdict.statements.end());
}

/// A statement's content as text, for telling whether what an edge depends on changed.
void appendFingerprint(std::string &out, const ResolvedPolicy &policy, const CompiledStatement &s)
{
    out += policy.compiled.name();
    out += '\x1f';
    out += std::to_string(static_cast<int>(policy.source.kind)) + "/" + std::to_string(policy.source.owner) + "/"
        + policy.source.name;
    out += '\x1f' + std::to_string(s.index) + '\x1f' + s.sid + '\x1f';
    out += s.effect ? (*s.effect == Effect::Allow ? 'A' : 'D') : '-';
    out += s.problem;
    auto patterns = [&](char tag, ElementMode mode, const std::vector<CompiledPattern> &list) {
        out += tag;
        out += static_cast<char>('0' + static_cast<int>(mode));
        for (const CompiledPattern &p : list)
            out += p.text + '\x1e';
    };
    patterns('a', s.actionMode, s.actions);
    patterns('r', s.resourceMode, s.resources);
    out += 'p';
    out += static_cast<char>('0' + static_cast<int>(s.principalMode));
    for (const CompiledPrincipal &p : s.principals)
        out += p.text + '\x1e';
    out += 'c';
    for (const CompiledCondition &c : s.conditions) {
        out += c.operatorText + '\x1e' + c.keyText + '\x1e';
        for (const CompiledConditionValue &v : c.values)
            out += v.text + '\x1e';
    }
    out += '\x1d';
}

std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string factsFingerprint(const Role &role)
{
    std::string out = role.arn + '\x1f' + role.accountId;
    for (const Tag &tag : role.tags)
        out += '\x1f' + tag.key + '\x1e' + tag.value;
    return out;
}

std::string factsFingerprint(const User &user)
{
    std::string out = user.arn + '\x1f' + user.accountId + '\x1f' + user.name + '\x1f' + user.awsId;
    for (const Tag &tag : user.tags)
        out += '\x1f' + tag.key + '\x1e' + tag.value;
    return out;
}

} // namespace

/// One build or update of a GraphBuilder's state.
class GraphBuilderRun
{
public:
    GraphBuilderRun(GraphBuilder &state, const GraphInputs &inputs)
        : S(state)
        , m_in(inputs)
        , m_catalog(ServiceCatalog::builtin())
    {
        for (const Role *role : m_in.roles)
            m_roles.emplace(role->id.value, role);
        for (const User *user : m_in.users)
            m_users.emplace(user->id.value, user);
        for (const Resource *resource : m_in.resources)
            m_resources.emplace(resource->id.value, resource);
    }

    void build()
    {
        addPrincipalNodes();
        for (const User *user : m_in.users)
            membership(*user);
        for (const Role *role : m_in.roles)
            S.m_assumeInto[S.m_roleNode.at(role->id.value)] = assumeEdgesInto(*role);
        for (const auto &[node, set] : S.m_sets)
            S.m_actOf[node] = actEdgesOf(node, set);
        for (const Resource *resource : m_in.resources)
            resourceEdges(*resource);
    }

    void update(const GraphChanges &changes)
    {
        std::set<std::size_t> principals;
        std::set<std::uint64_t> resources(changes.resources.begin(), changes.resources.end());
        std::set<std::size_t> trusts;
        for (std::uint64_t id : changes.roles) {
            const std::size_t node = S.m_roleNode.at(id);
            principals.insert(node);
            trusts.insert(node);
        }
        for (std::uint64_t id : changes.users)
            principals.insert(S.m_userNode.at(id));
        // Resource policies first: their denies cut the grants of principals recomputed below.
        for (std::uint64_t id : changes.resources) {
            const Resource &resource = *m_resources.at(id);
            std::erase_if(S.m_resourceWithPolicy, [&](const auto &entry) { return entry.second == id; });
            if (resource.policy)
                S.m_resourceWithPolicy[resource.arn] = id;
            for (std::size_t node : principalsGovernedBy(resource.arn))
                principals.insert(node);
            for (std::uint64_t other : resourcesGovernedBy(resource.arn))
                resources.insert(other);
        }
        std::set<std::size_t> assumeChanged;
        for (std::size_t node : principals) {
            const GraphNode &n = S.m_nodes.nodes()[node];
            if (n.kind == GraphNodeKind::Role) {
                const Role &role = *m_roles.at(n.entityId);
                S.m_sets[node] = identitySet(m_in.rolePolicies(role.id));
                S.m_facts[node] = std::make_shared<const PrincipalFacts>(PrincipalFacts::of(role));
            } else {
                const User &user = *m_users.at(n.entityId);
                S.m_sets[node] = identitySet(m_in.userPolicies(user.id));
                S.m_facts[node] = std::make_shared<const PrincipalFacts>(PrincipalFacts::of(user));
                membership(user);
            }
            if (refreshAssumeStatements(node))
                assumeChanged.insert(node);
        }
        for (std::size_t node : principals)
            S.m_actOf[node] = actEdgesOf(node, S.m_sets.at(node));
        // Resource policies whose edges name a changed principal (their denies and conditions are judged for it).
        for (std::size_t node : principals) {
            for (std::uint64_t id : resourcesNaming(node))
                resources.insert(id);
        }
        for (std::uint64_t id : resources)
            resourceEdges(*m_resources.at(id));
        // Edges into a role whose trust changed, then the edges out of callers whose side changed, pair by pair.
        for (std::size_t role : trusts)
            S.m_assumeInto[role] = assumeEdgesInto(*m_roles.at(S.m_nodes.nodes()[role].entityId));
        for (std::size_t caller : assumeChanged) {
            std::set<std::size_t> roles = trustersOf(caller);
            for (std::size_t role : roles) {
                if (!trusts.count(role))
                    updatePair(role, caller);
            }
        }
    }

private:
    // --- policies and facts ---------------------------------------------------------------------------------------

    // The model that owns this state keeps every resolved policy alive.
    static const ResolvedPolicy *use(const ResolvedPolicyPtr &policy) { return policy.get(); }

    static IdentitySet identitySet(const PrincipalPolicies *policies)
    {
        IdentitySet set;
        if (!policies)
            return set;
        set.identity = policies->identity;
        set.boundary = policies->boundary;
        return set;
    }

    const PrincipalFacts *factsOf(std::size_t node) const
    {
        auto it = S.m_facts.find(node);
        return it == S.m_facts.end() ? nullptr : it->second.get();
    }

    ResolvedPolicyPtr resourcePolicyOf(const Resource &resource) { return m_in.resourcePolicy(resource.id); }

    // The modelled resource with a policy that governs every resource a pattern names: the resource itself, or the
    // S3 bucket of an object pattern (Amazon S3 User Guide, "Bucket policies for Amazon S3"). Null when none.
    const Resource *governingResource(const std::string &pattern)
    {
        auto it = S.m_resourceWithPolicy.find(pattern);
        if (it == S.m_resourceWithPolicy.end())
            it = S.m_resourceWithPolicy.find(bucketOfObject(pattern));
        return it == S.m_resourceWithPolicy.end() ? nullptr : m_resources.at(it->second);
    }

    // The principals whose grants may fall within a resource (a pattern of their identity policies or boundary that
    // is its ARN or one of its objects): a change of the resource's policy changes the denies that cut them.
    std::vector<std::size_t> principalsGovernedBy(const std::string &arn) const
    {
        std::vector<std::size_t> out;
        auto names = [&](const ResolvedPolicy *policy) {
            if (!policy)
                return false;
            for (const CompiledStatement &s : policy->compiled.statements()) {
                for (const CompiledPattern &p : s.resources) {
                    if (p.text == arn || bucketOfObject(p.text) == arn)
                        return true;
                }
            }
            return false;
        };
        for (const auto &[node, set] : S.m_sets) {
            bool governed = names(set.boundary.get());
            for (const ResolvedPolicyPtr &policy : set.identity)
                governed = governed || names(policy.get());
            if (governed)
                out.push_back(node);
        }
        return out;
    }

    // The resources whose policies grant on a resource's ARN or its objects (that resource's denies cut them).
    std::vector<std::uint64_t> resourcesGovernedBy(const std::string &arn) const
    {
        std::vector<std::uint64_t> out;
        for (const auto &[other, id] : S.m_resourceWithPolicy) {
            const ResolvedPolicyPtr policy = m_in.resourcePolicy(ResourceId { id });
            if (!policy)
                continue;
            bool governed = false;
            for (const CompiledStatement &s : policy->compiled.statements()) {
                for (const CompiledPattern &p : s.resources)
                    governed = governed || p.text == arn || bucketOfObject(p.text) == arn;
            }
            if (governed)
                out.push_back(id);
        }
        return out;
    }

    // The resources whose policies name a principal (by ARN, or its account root for principals outside it).
    std::vector<std::uint64_t> resourcesNaming(std::size_t node) const
    {
        std::vector<std::uint64_t> out;
        const GraphNode &n = S.m_nodes.nodes()[node];
        for (const auto &[arn, id] : S.m_resourceWithPolicy) {
            const ResolvedPolicyPtr policy = m_in.resourcePolicy(ResourceId { id });
            if (!policy)
                continue;
            bool named = false;
            for (const CompiledStatement &s : policy->compiled.statements()) {
                for (const CompiledPrincipal &p : s.principals)
                    named = named || principalNames(p, n);
            }
            if (named)
                out.push_back(id);
        }
        return out;
    }

    static bool principalNames(const CompiledPrincipal &p, const GraphNode &n)
    {
        switch (p.kind) {
        case CompiledPrincipal::Kind::Exact:
            return p.value == n.key;
        case CompiledPrincipal::Kind::Role:
            return n.kind == GraphNodeKind::Role && p.account == n.accountId && p.value == n.label;
        default:
            return false;
        }
    }

    // --- nodes ----------------------------------------------------------------------------------------------------

    std::size_t externalNode(GraphNodeKind kind, const std::string &key, const std::string &account = {})
    {
        std::size_t index = S.m_nodes.find(key, kind);
        if (index != AccessGraph::npos)
            return index;
        return S.m_nodes.addNode({ kind, key, key, account, false });
    }

    std::size_t accountNode(const std::string &partition, const std::string &account)
    {
        return externalNode(GraphNodeKind::Account,
            "arn:" + (partition.empty() ? std::string("aws") : partition) + ":iam::" + account + ":root", account);
    }

    std::size_t resourceNode(const std::string &pattern)
    {
        std::size_t index = S.m_nodes.find(pattern, GraphNodeKind::Resource);
        if (index != AccessGraph::npos)
            return index;
        return S.m_nodes.addNode({ GraphNodeKind::Resource, pattern, pattern, accountOfArn(pattern), false });
    }

    void addPrincipalNodes()
    {
        for (const Group *group : m_in.groups) {
            S.m_groupNode[group->id.value] = S.m_nodes.addNode(
                { GraphNodeKind::Group, group->arn, group->name, group->accountId, true, group->id.value });
        }
        for (const User *user : m_in.users) {
            const std::size_t node = S.m_nodes.addNode(
                { GraphNodeKind::User, user->arn, user->name, user->accountId, true, user->id.value });
            S.m_userNode[user->id.value] = node;
            S.m_sets[node] = identitySet(m_in.userPolicies(user->id));
            S.m_facts[node] = std::make_shared<const PrincipalFacts>(PrincipalFacts::of(*user));
            S.m_userByArn.emplace(user->arn, node);
        }
        for (const Role *role : m_in.roles) {
            const std::size_t node = S.m_nodes.addNode(
                { GraphNodeKind::Role, role->arn, role->name, role->accountId, true, role->id.value });
            S.m_roleNode[role->id.value] = node;
            S.m_sets[node] = identitySet(m_in.rolePolicies(role->id));
            S.m_facts[node] = std::make_shared<const PrincipalFacts>(PrincipalFacts::of(*role));
            S.m_roleByName.emplace(role->accountId + "/" + role->name, node);
        }
        for (const ExternalPrincipal &external : *m_in.externalPrincipals) {
            switch (external.kind) {
            case ExternalPrincipalKind::Account:
                accountNode("aws", external.identifier);
                break;
            case ExternalPrincipalKind::Service:
                externalNode(GraphNodeKind::Service, toLower(external.identifier));
                break;
            case ExternalPrincipalKind::SamlProvider:
            case ExternalPrincipalKind::OidcProvider:
            case ExternalPrincipalKind::WebIdentityProvider:
                externalNode(GraphNodeKind::Provider, toLower(external.identifier));
                break;
            case ExternalPrincipalKind::CanonicalUser:
                break;
            }
        }
        for (const Resource *resource : m_in.resources) {
            if (S.m_nodes.find(resource->arn, GraphNodeKind::Resource) == AccessGraph::npos)
                S.m_nodes.addNode(
                    { GraphNodeKind::Resource, resource->arn, resource->name.empty() ? resource->arn : resource->name,
                        resource->accountId, true, resource->id.value });
            if (resource->policy)
                S.m_resourceWithPolicy[resource->arn] = resource->id.value;
        }
        for (const Account &account : *m_in.accounts)
            S.m_modelledAccounts.insert(account.accountId);
        for (const User *user : m_in.users)
            S.m_modelledAccounts.insert(user->accountId);
        for (const Role *role : m_in.roles)
            S.m_modelledAccounts.insert(role->accountId);
        for (const auto &[node, set] : S.m_sets)
            refreshAssumeStatements(node);
    }

    // --- member-of ------------------------------------------------------------------------------------------------

    // IAM User Guide, "IAM user groups": a user has the permissions of the groups it belongs to (the model's policy
    // set includes them); the graph draws the membership.
    void membership(const User &user)
    {
        auto edges = std::make_shared<std::vector<GraphEdge>>();
        const std::size_t node = S.m_userNode.at(user.id.value);
        for (const std::string &groupName : user.groupNames) {
            for (const Group *group : m_in.groups) {
                if (group->accountId != user.accountId || group->name != groupName)
                    continue;
                GraphEdge edge;
                edge.kind = GraphEdgeKind::MemberOf;
                edge.from = node;
                edge.to = S.m_groupNode.at(group->id.value);
                edges->push_back(std::move(edge));
                break;
            }
        }
        S.m_memberOf[node] = std::move(edges);
    }

    // --- may-assume -----------------------------------------------------------------------------------------------

    // The identity statements (Allow or Deny) about sts:AssumeRole*, the only ones a may-assume edge depends on.
    // Principals without one can only assume roles whose trust names them exactly in their own account, so an
    // account-wide or `*` trust skips them.
    static StatementList assumeStatements(const std::vector<const ResolvedPolicy *> &policies)
    {
        StatementList out;
        for (const ResolvedPolicy *policy : policies) {
            if (!policy)
                continue;
            for (const CompiledStatement &s : policy->compiled.statements()) {
                if (statementUsable(s) && assumeActionMatches(s))
                    out.emplace_back(policy, &s);
            }
        }
        return out;
    }

    // Recomputes a principal's statements about sts:AssumeRole* and the indexes over them; true when what its
    // may-assume edges depend on changed.
    bool refreshAssumeStatements(std::size_t node)
    {
        const IdentitySet &set = S.m_sets.at(node);
        std::vector<const ResolvedPolicy *> identity;
        for (const ResolvedPolicyPtr &p : set.identity)
            identity.push_back(p.get());
        StatementList list = assumeStatements(identity);
        StatementList boundary = set.boundary ? assumeStatements({ set.boundary.get() }) : StatementList {};
        std::string fingerprint;
        for (const auto &[policy, s] : list)
            appendFingerprint(fingerprint, *policy, *s);
        fingerprint += "\x1c";
        if (set.boundary) {
            fingerprint += "boundary";
            for (const auto &[policy, s] : boundary)
                appendFingerprint(fingerprint, *policy, *s);
        }
        const GraphNode &n = S.m_nodes.nodes()[node];
        fingerprint += "\x1c";
        if (n.kind == GraphNodeKind::Role)
            fingerprint += factsFingerprint(*m_roles.at(n.entityId));
        else
            fingerprint += factsFingerprint(*m_users.at(n.entityId));

        // The index of identity Allow statements: out with the old list, in with the new.
        auto old = S.m_assumeStatements.find(node);
        if (old != S.m_assumeStatements.end()) {
            for (const auto &[policy, s] : old->second) {
                auto holders = S.m_assumeAllowHolders.find(s);
                if (holders != S.m_assumeAllowHolders.end()) {
                    std::erase(holders->second, node);
                    if (holders->second.empty())
                        S.m_assumeAllowHolders.erase(holders);
                }
            }
        }
        std::vector<std::size_t> &assumers = S.m_assumers[n.accountId];
        std::erase(assumers, node);
        if (!list.empty())
            assumers.insert(std::lower_bound(assumers.begin(), assumers.end(), node), node);
        for (const auto &[policy, s] : list) {
            if (*s->effect == Effect::Allow) {
                std::vector<std::size_t> &holders = S.m_assumeAllowHolders[s];
                if (std::find(holders.begin(), holders.end(), node) == holders.end())
                    holders.push_back(node);
            }
        }
        S.m_assumeStatements[node] = std::move(list);
        if (set.boundary)
            S.m_boundaryAssumeStatements[node] = std::move(boundary);
        else
            S.m_boundaryAssumeStatements.erase(node);
        const std::uint64_t hash = fnv1a(fingerprint);
        std::uint64_t &kept = S.m_assumeFingerprint[node];
        const bool changed = kept != hash;
        kept = hash;
        return changed;
    }

    struct Candidate {
        bool namedExactly = false;
        bool unconditional = false;
        GraphEdge edge;
    };

    void addCandidate(std::map<std::size_t, Candidate> &candidates, std::size_t node, bool exact,
        const ResolvedPolicy &trust, const CompiledStatement &s)
    {
        // The trust statement's conditions on keys known from the caller are evaluated for this caller.
        const ConditionVerdict conditions = evaluateKnownConditions(s, factsOf(node));
        if (conditions.outcome == ConditionOutcome::Fails)
            return;
        Candidate &c = candidates[node];
        c.namedExactly = c.namedExactly || exact;
        c.edge.statements.push_back(refOf(trust, s));
        if (conditions.outcome == ConditionOutcome::Unknown) {
            addKeys(c.edge.conditionKeys, conditions.unknownKeys);
            c.edge.conditional = true;
        } else {
            c.unconditional = true;
        }
    }

    static bool trustAllowStatement(const CompiledStatement &s)
    {
        return statementUsable(s) && *s.effect == Effect::Allow && s.principalMode == ElementMode::Positive
            && assumeActionMatches(s);
    }

    // The node a trust policy's Principal entry names by itself (a role, a user, an account outside the workspace,
    // a service, a provider); npos for `*`, accounts of the workspace and what names nobody.
    std::size_t namedNode(const CompiledPrincipal &p)
    {
        switch (p.kind) {
        case CompiledPrincipal::Kind::Account:
            return S.m_modelledAccounts.count(p.account) ? AccessGraph::npos : accountNode(p.partition, p.account);
        case CompiledPrincipal::Kind::Role: {
            auto it = S.m_roleByName.find(p.account + "/" + p.value);
            return it == S.m_roleByName.end() ? AccessGraph::npos : it->second;
        }
        case CompiledPrincipal::Kind::Exact: {
            auto it = S.m_userByArn.find(p.value);
            if (it != S.m_userByArn.end())
                return it->second;
            if (!S.m_modelledAccounts.count(p.account) && !p.account.empty())
                return accountNode(p.partition, p.account);
            return AccessGraph::npos;
        }
        case CompiledPrincipal::Kind::Service:
            return externalNode(GraphNodeKind::Service, p.value);
        case CompiledPrincipal::Kind::Provider:
            return externalNode(GraphNodeKind::Provider, p.value);
        default:
            return AccessGraph::npos;
        }
    }

    static bool namesExactly(const CompiledPrincipal &p)
    {
        return p.kind != CompiledPrincipal::Kind::Any && p.kind != CompiledPrincipal::Kind::Account;
    }

    // The assumers of the workspace an account-wide or `*` entry could let in for `role`: those whose identity
    // policies have an Allow statement about sts:AssumeRole* on the role's ARN (a caller covered only by its account
    // needs one: IAM User Guide, "Cross-account policy evaluation logic"), and those the trust also names exactly.
    std::vector<std::size_t> accountWideCandidates(const Role &role, const std::set<std::size_t> &exact)
    {
        if (!m_allowsFor || m_allowsForRole != &role) {
            m_allowsForRole = &role;
            m_allowsFor.emplace();
            for (const auto &[statement, holders] : S.m_assumeAllowHolders) {
                if (resourceMatches(*statement, role.arn))
                    m_allowsFor->insert(m_allowsFor->end(), holders.begin(), holders.end());
            }
            for (std::size_t node : exact) {
                if (S.m_assumeStatements.count(node) && !S.m_assumeStatements.at(node).empty())
                    m_allowsFor->push_back(node);
            }
            std::sort(m_allowsFor->begin(), m_allowsFor->end());
            m_allowsFor->erase(std::unique(m_allowsFor->begin(), m_allowsFor->end()), m_allowsFor->end());
        }
        return *m_allowsFor;
    }

    // May-assume edges: IAM User Guide, "Grant a user permissions to switch roles" and "Cross-account policy
    // evaluation logic": the trust policy must allow the caller; a caller of another account, or one covered only
    // by its account's root, also needs an identity policy allowing sts:AssumeRole on the role. Within one account a
    // trust policy naming the user or role exactly suffices ("Policy evaluation logic", resource-based policies).
    EdgeBucket assumeEdgesInto(const Role &role)
    {
        const std::size_t roleNode = S.m_roleNode.at(role.id.value);
        unregisterTrust(roleNode);
        auto edges = std::make_shared<std::vector<GraphEdge>>();
        const ResolvedPolicy *trust = use(m_in.trust(role.id));
        if (!trust)
            return edges;
        GraphBuilder::TrustRegistration &registration = S.m_trustRegistrations[roleNode];
        std::set<std::size_t> exact;
        for (const CompiledStatement &s : trust->compiled.statements()) {
            if (!trustAllowStatement(s))
                continue;
            for (const CompiledPrincipal &p : s.principals) {
                if (namesExactly(p)) {
                    const std::size_t node = namedNode(p);
                    if (node != AccessGraph::npos)
                        exact.insert(node);
                }
            }
        }
        m_allowsFor.reset();
        std::map<std::size_t, Candidate> candidates;
        for (const CompiledStatement &s : trust->compiled.statements()) {
            if (!trustAllowStatement(s))
                continue;
            for (const CompiledPrincipal &p : s.principals) {
                switch (p.kind) {
                case CompiledPrincipal::Kind::Any:
                    registration.any = true;
                    for (std::size_t node : accountWideCandidates(role, exact))
                        addCandidate(candidates, node, false, *trust, s);
                    break;
                case CompiledPrincipal::Kind::Account:
                    if (S.m_modelledAccounts.count(p.account)) {
                        registration.accounts.push_back(p.account);
                        for (std::size_t node : accountWideCandidates(role, exact)) {
                            if (S.m_nodes.nodes()[node].accountId == p.account)
                                addCandidate(candidates, node, false, *trust, s);
                        }
                    } else {
                        addCandidate(candidates, accountNode(p.partition, p.account), false, *trust, s);
                    }
                    break;
                default: {
                    const std::size_t node = namedNode(p);
                    if (node == AccessGraph::npos)
                        break;
                    registration.exact.push_back(node);
                    addCandidate(candidates, node, true, *trust, s);
                    break;
                }
                }
            }
        }
        registerTrust(roleNode);
        for (auto &[node, candidate] : candidates) {
            if (std::optional<GraphEdge> edge = finish(role, roleNode, *trust, node, candidate))
                edges->push_back(std::move(*edge));
        }
        return edges;
    }

    // The may-assume edge from one caller into one role, as assumeEdgesInto() would make it.
    std::optional<GraphEdge> pairEdge(const Role &role, std::size_t roleNode, std::size_t caller)
    {
        const ResolvedPolicy *trust = use(m_in.trust(role.id));
        if (!trust)
            return std::nullopt;
        const GraphNode &n = S.m_nodes.nodes()[caller];
        const bool assumer = S.m_assumeStatements.count(caller) && !S.m_assumeStatements.at(caller).empty();
        std::map<std::size_t, Candidate> candidates;
        for (const CompiledStatement &s : trust->compiled.statements()) {
            if (!trustAllowStatement(s))
                continue;
            for (const CompiledPrincipal &p : s.principals) {
                switch (p.kind) {
                case CompiledPrincipal::Kind::Any:
                    if (assumer)
                        addCandidate(candidates, caller, false, *trust, s);
                    break;
                case CompiledPrincipal::Kind::Account:
                    if (assumer && S.m_modelledAccounts.count(p.account) && n.accountId == p.account)
                        addCandidate(candidates, caller, false, *trust, s);
                    break;
                default:
                    if (namedNode(p) == caller)
                        addCandidate(candidates, caller, true, *trust, s);
                    break;
                }
            }
        }
        auto it = candidates.find(caller);
        if (it == candidates.end())
            return std::nullopt;
        return finish(role, roleNode, *trust, caller, it->second);
    }

    void updatePair(std::size_t roleNode, std::size_t caller)
    {
        const Role &role = *m_roles.at(S.m_nodes.nodes()[roleNode].entityId);
        std::optional<GraphEdge> edge = pairEdge(role, roleNode, caller);
        const EdgeBucket &bucket = S.m_assumeInto[roleNode];
        const std::vector<GraphEdge> empty;
        const std::vector<GraphEdge> &old = bucket ? *bucket : empty;
        auto at = std::lower_bound(
            old.begin(), old.end(), caller, [](const GraphEdge &e, std::size_t node) { return e.from < node; });
        const bool had = at != old.end() && at->from == caller;
        if (!had && !edge)
            return;
        if (had && edge && sameEdge(*at, *edge))
            return;
        auto next = std::make_shared<std::vector<GraphEdge>>(old);
        auto pos = next->begin() + (at - old.begin());
        if (had && edge)
            *pos = std::move(*edge);
        else if (had)
            next->erase(pos);
        else
            next->insert(pos, std::move(*edge));
        S.m_assumeInto[roleNode] = std::move(next);
    }

    static bool sameEdge(const GraphEdge &a, const GraphEdge &b)
    {
        auto sameRefs = [](const std::vector<GraphStatementRef> &x, const std::vector<GraphStatementRef> &y) {
            return x.size() == y.size()
                && std::equal(
                    x.begin(), x.end(), y.begin(), [](const GraphStatementRef &p, const GraphStatementRef &q) {
                        return p.policy == q.policy && p.index == q.index && p.sid == q.sid && p.source == q.source;
                    });
        };
        return a.kind == b.kind && a.from == b.from && a.to == b.to && a.conditional == b.conditional
            && a.conditionKeys == b.conditionKeys && sameRefs(a.statements, b.statements) && a.denies.empty()
            && b.denies.empty() && a.actions.empty() && b.actions.empty();
    }

    void registerTrust(std::size_t roleNode)
    {
        const GraphBuilder::TrustRegistration &r = S.m_trustRegistrations[roleNode];
        for (std::size_t node : r.exact)
            S.m_exactTrusters[node].insert(roleNode);
        for (const std::string &account : r.accounts)
            S.m_accountTrusters[account].insert(roleNode);
        if (r.any)
            S.m_anyTrusters.insert(roleNode);
    }

    void unregisterTrust(std::size_t roleNode)
    {
        auto it = S.m_trustRegistrations.find(roleNode);
        if (it == S.m_trustRegistrations.end())
            return;
        for (std::size_t node : it->second.exact) {
            auto set = S.m_exactTrusters.find(node);
            if (set != S.m_exactTrusters.end()) {
                set->second.erase(roleNode);
                if (set->second.empty())
                    S.m_exactTrusters.erase(set);
            }
        }
        for (const std::string &account : it->second.accounts) {
            auto set = S.m_accountTrusters.find(account);
            if (set != S.m_accountTrusters.end()) {
                set->second.erase(roleNode);
                if (set->second.empty())
                    S.m_accountTrusters.erase(set);
            }
        }
        S.m_anyTrusters.erase(roleNode);
        S.m_trustRegistrations.erase(it);
    }

    // The roles whose trust could cover a caller: naming it, its account, or anyone.
    std::set<std::size_t> trustersOf(std::size_t caller) const
    {
        std::set<std::size_t> out = S.m_anyTrusters;
        auto exact = S.m_exactTrusters.find(caller);
        if (exact != S.m_exactTrusters.end())
            out.insert(exact->second.begin(), exact->second.end());
        auto account = S.m_accountTrusters.find(S.m_nodes.nodes()[caller].accountId);
        if (account != S.m_accountTrusters.end())
            out.insert(account->second.begin(), account->second.end());
        return out;
    }

    // Whether a trust statement's Principal covers a workspace user or role.
    bool principalCovers(const CompiledStatement &s, std::size_t node) const
    {
        return principalCoversNode(s, S.m_nodes.nodes()[node]);
    }

    std::optional<GraphEdge> finish(
        const Role &role, std::size_t roleNode, const ResolvedPolicy &trust, std::size_t node, Candidate &c)
    {
        GraphEdge &edge = c.edge;
        edge.kind = GraphEdgeKind::MayAssume;
        edge.from = node;
        edge.to = roleNode;
        // An unconditional Allow for this caller makes the trust side unconditional.
        if (c.unconditional) {
            edge.conditional = false;
            edge.conditionKeys.clear();
        }
        const PrincipalFacts *facts = factsOf(node);
        // Deny statements of the trust policy that cover the caller, their known conditions evaluated for it.
        for (const CompiledStatement &s : trust.compiled.statements()) {
            if (!statementUsable(s) || *s.effect != Effect::Deny || s.principalMode == ElementMode::Absent
                || !assumeActionMatches(s) || !principalCovers(s, node))
                continue;
            const ConditionVerdict conditions = evaluateKnownConditions(s, facts);
            if (conditions.outcome == ConditionOutcome::Fails)
                continue;
            if (conditions.outcome == ConditionOutcome::Holds)
                return std::nullopt;
            edge.conditional = true;
            addKeys(edge.conditionKeys, conditions.unknownKeys);
        }
        const GraphNode &caller = S.m_nodes.nodes()[node];
        auto set = S.m_sets.find(node);
        if (set != S.m_sets.end()) {
            const bool sameAccount = caller.accountId == role.accountId;
            const bool identityNeeded = !(sameAccount && c.namedExactly);
            auto matches = [&](const CompiledStatement &s) {
                return assumeActionMatches(s) && resourceMatches(s, role.arn);
            };
            SideVerdict identity = judge(S.m_assumeStatements[node], matches, facts);
            if (identity.denied || (!identity.allowed && identityNeeded))
                return std::nullopt;
            if (identity.allowed || identity.conditional)
                mergeVerdict(edge, identity);
            // IAM User Guide, "Permissions boundaries for IAM entities": the boundary limits identity-based grants;
            // its explicit Deny statements apply in any case ("Policy evaluation logic").
            if (set->second.boundary) {
                SideVerdict boundary = judge(S.m_boundaryAssumeStatements[node], matches, facts);
                if (boundary.denied || (identityNeeded && !boundary.allowed))
                    return std::nullopt;
                if (identityNeeded) {
                    mergeVerdict(edge, boundary);
                } else if (!boundary.denyKeys.empty()) {
                    SideVerdict denyOnly;
                    denyOnly.conditional = true;
                    denyOnly.keys = boundary.denyKeys;
                    mergeVerdict(edge, denyOnly);
                }
            }
        }
        return std::move(edge);
    }

    // --- may-act-on ---------------------------------------------------------------------------------------------

    struct Grant {
        std::vector<std::string> actions; // lower-case patterns
        bool notAction = false;
        std::vector<std::string> resources;
        std::vector<GraphStatementRef> statements;
        std::vector<std::string> keys;
        /// Deny statements covering part of the grant, or all of it under conditions (then in `keys` too).
        std::vector<GraphDeny> denies;
    };

    const std::vector<std::pair<std::string, std::string>> &groupsOf(const std::string &pattern)
    {
        GraphBuilder::ActionGroupCache &cache = *S.m_actionGroups;
        std::lock_guard lock(cache.mutex);
        auto it = cache.groups.find(pattern);
        if (it != cache.groups.end())
            return it->second;
        std::vector<std::pair<std::string, std::string>> groups;
        const std::size_t colon = pattern.find(':');
        const std::string service = colon == std::string::npos ? pattern : pattern.substr(0, colon);
        if (colon == std::string::npos || hasWildcard(service)) {
            groups.emplace_back("*", "*");
        } else if (!hasWildcard(pattern.substr(colon + 1))) {
            const ActionInfo *info = m_catalog.action(pattern);
            groups.emplace_back(service, info ? std::string(accessLevelName(info->accessLevel)) : "Unknown");
        } else {
            std::set<std::string> levels;
            for (const auto &[svc, action] : m_catalog.matchActions(pattern))
                levels.insert(std::string(accessLevelName(action->accessLevel)));
            if (levels.empty())
                groups.emplace_back(service, "Unknown");
            for (const std::string &level : levels)
                groups.emplace_back(service, level);
        }
        return cache.groups.emplace(pattern, std::move(groups)).first->second;
    }

    std::vector<Grant> grantsOf(const IdentitySet &set, std::size_t node)
    {
        const PrincipalFacts *facts = factsOf(node);
        std::vector<Grant> grants;
        for (const ResolvedPolicyPtr &policy : set.identity) {
            for (const CompiledStatement &s : policy->compiled.statements()) {
                if (!statementUsable(s) || *s.effect != Effect::Allow || s.resourceMode == ElementMode::Absent)
                    continue;
                // Conditions on keys known from the principal are evaluated ("AWS global condition context keys").
                const ConditionVerdict conditions = evaluateKnownConditions(s, facts);
                if (conditions.outcome == ConditionOutcome::Fails)
                    continue;
                Grant grant;
                grant.notAction = s.actionMode == ElementMode::Negative;
                for (const CompiledPattern &p : s.actions)
                    grant.actions.push_back(p.any ? std::string("*") : p.pattern);
                // NotResource: approximated by `*` (docs/REACHABILITY.md).
                if (s.resourceMode == ElementMode::Negative)
                    grant.resources.push_back("*");
                else
                    for (const CompiledPattern &p : s.resources)
                        grant.resources.push_back(p.text);
                grant.statements.push_back(refOf(*policy, s));
                grant.keys = conditions.unknownKeys;
                grants.push_back(std::move(grant));
            }
        }
        if (set.boundary)
            grants = intersect(grants, *set.boundary, facts);
        return cutByDenies(grants, node, &set);
    }

    // IAM User Guide, "Permissions boundaries for IAM entities": the effective permissions are the intersection of
    // the identity-based policies and the boundary. Symbolically: each pattern is kept when it lies within one of
    // the boundary statement's patterns, or replaced by the boundary's narrower pattern when that lies within it.
    static std::vector<Grant> intersect(
        const std::vector<Grant> &grants, const ResolvedPolicy &boundary, const PrincipalFacts *facts = nullptr)
    {
        std::vector<Grant> out;
        for (const Grant &grant : grants) {
            for (const CompiledStatement &b : boundary.compiled.statements()) {
                if (!statementUsable(b) || *b.effect != Effect::Allow || b.actionMode != ElementMode::Positive
                    || b.resourceMode != ElementMode::Positive)
                    continue;
                const ConditionVerdict conditions = evaluateKnownConditions(b, facts);
                if (conditions.outcome == ConditionOutcome::Fails)
                    continue;
                Grant narrowed;
                narrowed.statements = grant.statements;
                narrowed.statements.push_back(refOf(boundary, b));
                narrowed.keys = grant.keys;
                addKeys(narrowed.keys, conditions.unknownKeys);
                if (grant.notAction) {
                    for (const CompiledPattern &bp : b.actions) {
                        const std::string text = bp.any ? std::string("*") : bp.pattern;
                        bool excluded = false;
                        for (const std::string &a : grant.actions)
                            excluded = excluded || a == "*" || wildcardMatch(a, text);
                        if (!excluded)
                            narrowed.actions.push_back(text);
                    }
                } else {
                    for (const std::string &a : grant.actions) {
                        for (const CompiledPattern &bp : b.actions) {
                            if (actionPatternMatches(bp, a)) {
                                narrowed.actions.push_back(a);
                                break;
                            }
                            if (a == "*" || wildcardMatch(a, bp.pattern)) {
                                narrowed.actions.push_back(bp.pattern);
                                break;
                            }
                        }
                    }
                }
                for (const std::string &r : grant.resources) {
                    for (const CompiledPattern &bp : b.resources) {
                        if (resourcePatternMatches(bp, r)) {
                            narrowed.resources.push_back(r);
                            break;
                        }
                        if (r == "*" || resourceMatch(r, bp.text)) {
                            narrowed.resources.push_back(bp.text);
                            break;
                        }
                    }
                }
                if (!narrowed.actions.empty() && !narrowed.resources.empty())
                    out.push_back(std::move(narrowed));
            }
        }
        return out;
    }

    static GraphDeny denyOf(const ResolvedPolicyPtr &policy, const CompiledStatement &s, const std::string &attachedTo,
        std::vector<std::string> keys)
    {
        // The statement, kept alive by its policy.
        std::shared_ptr<const CompiledStatement> shared(policy, &s);
        return { refOf(*policy, s), std::move(shared), attachedTo, std::move(keys) };
    }

    static void addDeny(std::vector<GraphDeny> &denies, const GraphDeny &deny)
    {
        const bool seen = std::any_of(denies.begin(), denies.end(), [&](const GraphDeny &d) {
            return d.statement.policy == deny.statement.policy && d.statement.index == deny.statement.index
                && d.attachedTo == deny.attachedTo;
        });
        if (!seen)
            denies.push_back(deny);
    }

    struct DenySource {
        ResolvedPolicyPtr policy;
        const CompiledStatement *statement = nullptr;
        /// The resource a resource-based policy is attached to; empty for identity policies and boundaries.
        std::string attachedTo;
    };

    // One grant (a single resource pattern) against one Deny statement: action patterns the deny covers on the whole
    // pattern are removed (unconditional deny) or moved to a conditional copy with the deny's keys (conditional
    // deny); a deny covering part of the grant is recorded on it.
    static void cutOne(
        Grant &grant, const DenySource &deny, const ConditionVerdict &conditions, std::vector<Grant> &next)
    {
        const CompiledStatement &s = *deny.statement;
        const DenyCover resources = resourceCover(s, grant.resources.front(), deny.attachedTo);
        if (resources == DenyCover::None) {
            next.push_back(std::move(grant));
            return;
        }
        const bool unconditional = conditions.outcome == ConditionOutcome::Holds;
        const GraphDeny ref = denyOf(deny.policy, s, deny.attachedTo, conditions.unknownKeys);
        if (grant.notAction) {
            const DenyCover actions = notActionCover(s, grant.actions);
            if (actions == DenyCover::None) {
                next.push_back(std::move(grant));
                return;
            }
            if (combine(actions, resources) == DenyCover::Full) {
                if (unconditional)
                    return;
                addKeys(grant.keys, conditions.unknownKeys);
            }
            addDeny(grant.denies, ref);
            next.push_back(std::move(grant));
            return;
        }
        Grant conditionalPart = grant;
        conditionalPart.actions.clear();
        std::vector<std::string> kept;
        bool partial = false;
        for (std::string &a : grant.actions) {
            const DenyCover actions = actionCover(s, a);
            if (actions == DenyCover::None) {
                kept.push_back(std::move(a));
            } else if (combine(actions, resources) == DenyCover::Full) {
                if (!unconditional)
                    conditionalPart.actions.push_back(std::move(a));
            } else {
                partial = true;
                kept.push_back(std::move(a));
            }
        }
        grant.actions = std::move(kept);
        if (!conditionalPart.actions.empty()) {
            addKeys(conditionalPart.keys, conditions.unknownKeys);
            addDeny(conditionalPart.denies, ref);
            next.push_back(std::move(conditionalPart));
        }
        if (partial)
            addDeny(grant.denies, ref);
        if (!grant.actions.empty())
            next.push_back(std::move(grant));
    }

    // IAM User Guide, "Policy evaluation logic": an explicit deny in any policy overrides any allow. The Deny
    // statements of the principal's identity-based policies (a user's include its groups'), of its permissions
    // boundary, and of the resource-based policy of the modelled resource a grant's pattern lies in (when its
    // Principal covers the principal) cut the grants; their conditions on keys known from the principal are
    // evaluated. Each grant is split by resource pattern first, so a deny covering one pattern cuts only that one.
    std::vector<Grant> cutByDenies(const std::vector<Grant> &grants, std::size_t node, const IdentitySet *set)
    {
        const PrincipalFacts *facts = factsOf(node);
        std::vector<DenySource> principalDenies;
        auto addDenies = [&](const ResolvedPolicyPtr &policy, const std::string &attachedTo) {
            if (!policy)
                return;
            for (const CompiledStatement &s : policy->compiled.statements()) {
                if (!statementUsable(s) || *s.effect != Effect::Deny)
                    continue;
                if (!attachedTo.empty() && (s.principalMode == ElementMode::Absent || !principalCovers(s, node)))
                    continue;
                principalDenies.push_back({ policy, &s, attachedTo });
            }
        };
        if (set) {
            for (const ResolvedPolicyPtr &policy : set->identity)
                addDenies(policy, {});
            addDenies(set->boundary, {});
        }
        const std::size_t ownDenies = principalDenies.size();
        std::vector<Grant> out;
        for (const Grant &grant : grants) {
            for (const std::string &resource : grant.resources) {
                principalDenies.resize(ownDenies);
                if (const Resource *governing = governingResource(resource))
                    addDenies(resourcePolicyOf(*governing), governing->arn);
                std::vector<Grant> pending(1, grant);
                pending.front().resources = { resource };
                for (const DenySource &deny : principalDenies) {
                    const ConditionVerdict conditions = evaluateKnownConditions(*deny.statement, facts);
                    if (conditions.outcome == ConditionOutcome::Fails)
                        continue;
                    std::vector<Grant> next;
                    for (Grant &g : pending)
                        cutOne(g, deny, conditions, next);
                    pending = std::move(next);
                }
                for (Grant &g : pending)
                    out.push_back(std::move(g));
            }
        }
        return out;
    }

    // The principals a resource-based policy's Allow statement grants by itself: a user or role of the resource's
    // account named exactly (IAM User Guide, "Policy evaluation logic": within one account a resource-based policy
    // naming the principal suffices), and principals outside the workspace (other accounts, services), whose own
    // side is unknown. An account of the workspace, or a principal of another modelled account, needs its identity
    // policies as well ("Cross-account policy evaluation logic"): their identity grants already give those edges.
    std::vector<std::size_t> grantees(const CompiledStatement &s, const std::string &resourceAccount)
    {
        std::vector<std::size_t> out;
        for (const CompiledPrincipal &p : s.principals) {
            std::size_t node = AccessGraph::npos;
            switch (p.kind) {
            case CompiledPrincipal::Kind::Exact: {
                auto it = S.m_userByArn.find(p.value);
                if (it != S.m_userByArn.end())
                    node = it->second;
                break;
            }
            case CompiledPrincipal::Kind::Role: {
                auto it = S.m_roleByName.find(p.account + "/" + p.value);
                if (it != S.m_roleByName.end())
                    node = it->second;
                break;
            }
            case CompiledPrincipal::Kind::Account:
                if (!S.m_modelledAccounts.count(p.account))
                    node = accountNode(p.partition, p.account);
                break;
            case CompiledPrincipal::Kind::Service:
                node = externalNode(GraphNodeKind::Service, p.value);
                break;
            default:
                break;
            }
            if (node == AccessGraph::npos)
                continue;
            const GraphNode &n = S.m_nodes.nodes()[node];
            const bool internal = n.kind == GraphNodeKind::User || n.kind == GraphNodeKind::Role;
            if (internal && !resourceAccount.empty() && n.accountId != resourceAccount)
                continue;
            out.push_back(node);
        }
        return out;
    }

    void resourceEdges(const Resource &resource)
    {
        const std::size_t resourceNodeIndex = S.m_nodes.find(resource.arn, GraphNodeKind::Resource);
        const ResolvedPolicyPtr shared = resourcePolicyOf(resource);
        const ResolvedPolicy *policy = shared.get();
        auto bucket = std::make_shared<std::vector<GraphEdge>>();
        S.m_resourceDenies.erase(resourceNodeIndex);
        if (!policy) {
            S.m_resourceEdges[resource.id.value] = std::move(bucket);
            return;
        }
        // Its Deny statements, for who-can queries on ARNs the resource governs (judged per principal there).
        std::vector<GraphDeny> denies;
        for (const CompiledStatement &s : policy->compiled.statements()) {
            if (!statementUsable(s) || *s.effect != Effect::Deny || s.principalMode == ElementMode::Absent)
                continue;
            std::vector<std::string> keys;
            addKeys(keys, s);
            denies.push_back(denyOf(shared, s, resource.arn, std::move(keys)));
        }
        if (!denies.empty())
            S.m_resourceDenies[resourceNodeIndex] = std::move(denies);
        std::map<std::tuple<std::size_t, std::size_t, bool>, GraphEdge> edges;
        for (const CompiledStatement &s : policy->compiled.statements()) {
            if (!statementUsable(s) || *s.effect != Effect::Allow || s.principalMode != ElementMode::Positive)
                continue;
            Grant grant;
            grant.notAction = s.actionMode == ElementMode::Negative;
            for (const CompiledPattern &p : s.actions)
                grant.actions.push_back(p.any ? std::string("*") : p.pattern);
            if (s.resourceMode == ElementMode::Positive) {
                for (const CompiledPattern &p : s.resources)
                    grant.resources.push_back(p.text);
            } else {
                // No Resource (or NotResource): the resource the policy is attached to.
                grant.resources.push_back(resource.arn);
            }
            grant.statements.push_back(refOf(*policy, s));
            for (std::size_t from : grantees(s, resource.accountId)) {
                // Conditions on keys known from the grantee are evaluated for it.
                const ConditionVerdict conditions = evaluateKnownConditions(s, factsOf(from));
                if (conditions.outcome == ConditionOutcome::Fails)
                    continue;
                Grant granted = grant;
                granted.keys = conditions.unknownKeys;
                auto set = S.m_sets.find(from);
                for (Grant &g : cutByDenies({ granted }, from, set == S.m_sets.end() ? nullptr : &set->second)) {
                    const bool conditional = !g.keys.empty();
                    const std::size_t target = resourceNode(g.resources.front());
                    mergeGrant(edges[{ from, target, conditional }], from, target, g);
                }
            }
        }
        for (auto &[key, edge] : edges)
            bucket->push_back(std::move(edge));
        S.m_resourceEdges[resource.id.value] = std::move(bucket);
    }

    // Adds a grant to the may-act-on edge from `from` to `target` (one per target and conditionality): its
    // condition keys, its deciding statements (each once), the denies that narrow it, its action groups.
    void mergeGrant(GraphEdge &edge, std::size_t from, std::size_t target, const Grant &grant)
    {
        edge.kind = GraphEdgeKind::MayActOn;
        edge.from = from;
        edge.to = target;
        edge.conditional = !grant.keys.empty();
        addKeys(edge.conditionKeys, grant.keys);
        for (const GraphStatementRef &ref : grant.statements) {
            const bool seen = std::any_of(edge.statements.begin(), edge.statements.end(),
                [&](const GraphStatementRef &r) { return r.policy == ref.policy && r.index == ref.index; });
            if (!seen)
                edge.statements.push_back(ref);
        }
        for (const GraphDeny &deny : grant.denies)
            addDeny(edge.denies, deny);
        if (grant.notAction) {
            addGroup(edge, "*", "NotAction", grant.actions);
            return;
        }
        for (const std::string &action : grant.actions)
            for (const auto &[service, level] : groupsOf(action))
                addGroup(edge, service, level, { action });
    }

    EdgeBucket actEdgesOf(std::size_t node, const IdentitySet &set)
    {
        // One edge per (target, conditional), merging the grants' action groups.
        std::map<std::pair<std::size_t, bool>, GraphEdge> edges;
        for (const Grant &grant : grantsOf(set, node)) {
            const bool conditional = !grant.keys.empty();
            for (const std::string &resource : grant.resources) {
                const std::size_t target = resourceNode(resource);
                mergeGrant(edges[{ target, conditional }], node, target, grant);
            }
        }
        auto bucket = std::make_shared<std::vector<GraphEdge>>();
        bucket->reserve(edges.size());
        for (auto &[key, edge] : edges)
            bucket->push_back(std::move(edge));
        return bucket;
    }

    static void addGroup(
        GraphEdge &edge, const std::string &service, const std::string &level, const std::vector<std::string> &patterns)
    {
        auto it = std::find_if(edge.actions.begin(), edge.actions.end(),
            [&](const ActionGroup &g) { return g.service == service && g.accessLevel == level; });
        if (it == edge.actions.end()) {
            edge.actions.push_back({ service, level, {} });
            it = std::prev(edge.actions.end());
        }
        for (const std::string &p : patterns)
            if (std::find(it->patterns.begin(), it->patterns.end(), p) == it->patterns.end())
                it->patterns.push_back(p);
    }

    GraphBuilder &S;
    const GraphInputs &m_in;
    const ServiceCatalog &m_catalog;
    std::unordered_map<std::uint64_t, const Role *> m_roles;
    std::unordered_map<std::uint64_t, const User *> m_users;
    std::unordered_map<std::uint64_t, const Resource *> m_resources;
    const Role *m_allowsForRole = nullptr;
    std::optional<std::vector<std::size_t>> m_allowsFor;
};

GraphBuilder::GraphBuilder()
    : m_actionGroups(std::make_shared<ActionGroupCache>())
{
}

void GraphBuilder::build(const GraphInputs &inputs)
{
    std::shared_ptr<ActionGroupCache> cache = m_actionGroups;
    *this = GraphBuilder();
    m_actionGroups = std::move(cache);
    GraphBuilderRun(*this, inputs).build();
}

void GraphBuilder::update(const GraphInputs &inputs, const GraphChanges &changes)
{
    GraphBuilderRun(*this, inputs).update(changes);
}

AccessGraph GraphBuilder::graph() const
{
    // Member-of, may-assume, may-act-on, then resource policies' edges, each in node (or resource id) order.
    std::vector<EdgeBucket> buckets;
    auto addAll = [&](const auto &map) {
        std::vector<std::pair<std::uint64_t, EdgeBucket>> sorted(map.begin(), map.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[key, bucket] : sorted)
            buckets.push_back(std::move(bucket));
    };
    addAll(m_memberOf);
    addAll(m_assumeInto);
    addAll(m_actOf);
    addAll(m_resourceEdges);
    AccessGraph graph = AccessGraph::assemble(m_nodes, buckets);
    for (const auto &[node, denies] : m_resourceDenies)
        graph.setResourceDenies(node, denies);
    for (const auto &[node, facts] : m_facts)
        graph.setFacts(node, facts);
    return graph;
}

} // namespace rd::core
