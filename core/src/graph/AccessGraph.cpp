// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/AccessGraph.h"

#include "base/TextUtil.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/evaluation/CompiledPolicy.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace rd::core
{

std::string_view graphNodeKindName(GraphNodeKind kind)
{
    switch (kind) {
    case GraphNodeKind::User:
        return "user";
    case GraphNodeKind::Group:
        return "group";
    case GraphNodeKind::Role:
        return "role";
    case GraphNodeKind::Account:
        return "account";
    case GraphNodeKind::Service:
        return "service";
    case GraphNodeKind::Provider:
        return "provider";
    case GraphNodeKind::Resource:
        return "resource";
    }
    return "resource";
}

std::string graphLayoutKey(const GraphNode &node)
{
    if (node.entityId != 0)
        return std::string(graphNodeKindName(node.kind)) + ":" + std::to_string(node.entityId);
    if (node.kind == GraphNodeKind::Resource)
        return "pattern:" + node.key;
    return std::string(graphNodeKindName(node.kind)) + ":" + node.key;
}

std::string_view graphEdgeKindName(GraphEdgeKind kind)
{
    switch (kind) {
    case GraphEdgeKind::MemberOf:
        return "member-of";
    case GraphEdgeKind::MayAssume:
        return "may-assume";
    case GraphEdgeKind::MayActOn:
        return "may-act-on";
    }
    return "member-of";
}

std::size_t AccessGraph::findEdge(std::size_t from, std::size_t to, GraphEdgeKind kind) const
{
    if (from >= m_out.size())
        return npos;
    for (std::size_t edge : m_out[from]) {
        if (m_edges[edge].to == to && m_edges[edge].kind == kind)
            return edge;
    }
    return npos;
}

std::size_t AccessGraph::addNode(GraphNode node)
{
    const std::size_t index = m_nodes.size();
    m_byKey[node.key].push_back(index);
    m_nodes.push_back(std::move(node));
    m_out.emplace_back();
    m_in.emplace_back();
    return index;
}

std::size_t AccessGraph::addEdge(GraphEdge edge)
{
    const std::size_t index = m_edges.size();
    m_out[edge.from].push_back(index);
    m_in[edge.to].push_back(index);
    m_edges.push_back(std::move(edge));
    return index;
}

std::size_t AccessGraph::find(std::string_view key) const
{
    auto it = m_byKey.find(std::string(key));
    if (it == m_byKey.end() || it->second.empty())
        return npos;
    for (std::size_t index : it->second) {
        if (isPrincipal(index))
            return index;
    }
    return it->second.front();
}

std::size_t AccessGraph::find(std::string_view key, GraphNodeKind kind) const
{
    auto it = m_byKey.find(std::string(key));
    if (it == m_byKey.end())
        return npos;
    for (std::size_t index : it->second) {
        if (m_nodes[index].kind == kind)
            return index;
    }
    return npos;
}

bool AccessGraph::isPrincipal(std::size_t node) const
{
    if (node >= m_nodes.size())
        return false;
    const GraphNodeKind kind = m_nodes[node].kind;
    return kind != GraphNodeKind::Group && kind != GraphNodeKind::Resource;
}

namespace
{

// The actions a role's trust policy governs for assuming it (AWS STS API Reference, AssumeRole,
// AssumeRoleWithSAML, AssumeRoleWithWebIdentity).
const std::string kAssumeActions[] = { "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity" };

bool usable(const CompiledStatement &s)
{
    return s.problem.empty() && s.effect.has_value() && s.actionMode != ElementMode::Absent;
}

bool actionMatches(const CompiledStatement &s, std::string_view lowerAction)
{
    bool any = false;
    for (const CompiledPattern &p : s.actions) {
        if (p.any || wildcardMatch(p.pattern, lowerAction)) {
            any = true;
            break;
        }
    }
    return s.actionMode == ElementMode::Positive ? any : !any;
}

bool assumeActionMatches(const CompiledStatement &s)
{
    return std::any_of(std::begin(kAssumeActions), std::end(kAssumeActions),
        [&](const std::string &action) { return actionMatches(s, action); });
}

bool resourceMatches(const CompiledStatement &s, std::string_view arn)
{
    if (s.resourceMode == ElementMode::Absent)
        return false;
    bool any = false;
    for (const CompiledPattern &p : s.resources) {
        if (p.any || resourceMatch(p.pattern, arn)) {
            any = true;
            break;
        }
    }
    return s.resourceMode == ElementMode::Positive ? any : !any;
}

/// Where each compiled policy lives in the workspace.
using SourceMap = std::unordered_map<const CompiledPolicy *, PolicySource>;

GraphStatementRef refOf(const SourceMap &sources, const CompiledPolicy &policy, const CompiledStatement &s)
{
    auto it = sources.find(&policy);
    return { policy.name(), s.index, s.sid, it == sources.end() ? PolicySource {} : it->second };
}

void addKeys(std::vector<std::string> &keys, const CompiledStatement &s)
{
    for (const CompiledCondition &c : s.conditions) {
        if (std::find(keys.begin(), keys.end(), c.key) == keys.end())
            keys.push_back(c.key);
    }
}

struct IdentitySet {
    std::vector<const CompiledPolicy *> identity;
    const CompiledPolicy *boundary = nullptr;
};

/// The outcome of one side of an authorization, worked out per statement without a request context: the Allow
/// statements that match, and whether any of them (or a matching conditional Deny) needs conditions.
struct SideVerdict {
    bool allowed = false;
    /// An unconditional Deny matched.
    bool denied = false;
    bool conditional = false;
    std::vector<std::string> keys;
    std::vector<GraphStatementRef> statements;
};

// IAM User Guide, "Policy evaluation logic": an explicit Deny wins; otherwise some Allow must match. A Deny with
// conditions may or may not apply: the grant is then conditional on it not applying.
using StatementList = std::vector<std::pair<const CompiledPolicy *, const CompiledStatement *>>;

SideVerdict judge(const SourceMap &sources, const StatementList &statements,
    const std::function<bool(const CompiledStatement &)> &matches)
{
    SideVerdict verdict;
    bool unconditionalAllow = false;
    std::vector<std::string> allowKeys;
    std::vector<std::string> denyKeys;
    for (const auto &[policy, statement] : statements) {
        const CompiledStatement &s = *statement;
        if (!usable(s) || !matches(s))
            continue;
        if (*s.effect == Effect::Deny) {
            if (s.conditions.empty()) {
                SideVerdict denied;
                denied.denied = true;
                return denied;
            }
            addKeys(denyKeys, s);
            continue;
        }
        verdict.allowed = true;
        verdict.statements.push_back(refOf(sources, *policy, s));
        if (s.conditions.empty())
            unconditionalAllow = true;
        else
            addKeys(allowKeys, s);
    }
    if (!verdict.allowed)
        return verdict;
    verdict.conditional = !unconditionalAllow || !denyKeys.empty();
    if (!unconditionalAllow)
        verdict.keys = allowKeys;
    for (const std::string &k : denyKeys) {
        if (std::find(verdict.keys.begin(), verdict.keys.end(), k) == verdict.keys.end())
            verdict.keys.push_back(k);
    }
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

/// `a` lies within `b` (both action patterns in lower case): `b` matches `a` read literally.
bool actionWithin(const std::string &a, const CompiledPattern &b)
{
    return b.any || wildcardMatch(b.pattern, a);
}

class Builder
{
public:
    Builder(const Workspace &workspace, const GraphPolicies &policies)
        : m_workspace(workspace)
        , m_policies(policies)
        , m_catalog(ServiceCatalog::builtin())
    {
    }

    AccessGraph run()
    {
        addPrincipalNodes();
        addMembership();
        addAssumeEdges();
        addActEdges();
        addResourcePolicyEdges();
        return std::move(m_graph);
    }

private:
    // A policy the model resolved: its statements are cited with its source.
    const CompiledPolicy *use(const ResolvedPolicyPtr &policy)
    {
        if (!policy)
            return nullptr;
        m_sources.emplace(&policy->compiled, policy->source);
        return &policy->compiled;
    }

    IdentitySet identitySet(const PrincipalPolicies *policies)
    {
        IdentitySet set;
        if (!policies)
            return set;
        for (const ResolvedPolicyPtr &policy : policies->identity)
            set.identity.push_back(use(policy));
        set.boundary = use(policies->boundary);
        return set;
    }

    GraphStatementRef refOf(const CompiledPolicy &policy, const CompiledStatement &s) const
    {
        return rd::core::refOf(m_sources, policy, s);
    }

    std::size_t externalNode(GraphNodeKind kind, const std::string &key, const std::string &account = {})
    {
        std::size_t index = m_graph.find(key, kind);
        if (index != AccessGraph::npos)
            return index;
        return m_graph.addNode({ kind, key, key, account, false });
    }

    std::size_t accountNode(const std::string &partition, const std::string &account)
    {
        return externalNode(GraphNodeKind::Account,
            "arn:" + (partition.empty() ? std::string("aws") : partition) + ":iam::" + account + ":root", account);
    }

    void addPrincipalNodes()
    {
        std::map<std::pair<std::string, std::string>, const Group *> groups;
        for (const Group &group : m_workspace.groups) {
            groups.emplace(std::make_pair(group.accountId, group.name), &group);
            m_groupNode[&group] =
                m_graph.addNode({ GraphNodeKind::Group, group.arn, group.name, group.accountId, true, group.id.value });
        }
        for (const User &user : m_workspace.users) {
            const std::size_t node =
                m_graph.addNode({ GraphNodeKind::User, user.arn, user.name, user.accountId, true, user.id.value });
            IdentitySet set = identitySet(m_policies.user(user.id));
            // IAM User Guide, "IAM user groups": a user has the permissions of the groups it belongs to (the
            // model's policy set includes them); the graph draws the membership.
            for (const std::string &groupName : user.groupNames) {
                auto it = groups.find({ user.accountId, groupName });
                if (it != groups.end())
                    m_memberships.emplace_back(node, m_groupNode[it->second]);
            }
            m_sets[node] = std::move(set);
            m_userByArn.emplace(user.arn, node);
        }
        for (const Role &role : m_workspace.roles) {
            const std::size_t node =
                m_graph.addNode({ GraphNodeKind::Role, role.arn, role.name, role.accountId, true, role.id.value });
            IdentitySet set = identitySet(m_policies.role(role.id));
            m_sets[node] = std::move(set);
            m_roleByName.emplace(role.accountId + "/" + role.name, node);
            m_roles.emplace_back(&role, node);
        }
        for (const ExternalPrincipal &external : m_workspace.externalPrincipals) {
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
        for (const Resource &resource : m_workspace.resources) {
            if (m_graph.find(resource.arn, GraphNodeKind::Resource) == AccessGraph::npos)
                m_graph.addNode(
                    { GraphNodeKind::Resource, resource.arn, resource.name.empty() ? resource.arn : resource.name,
                        resource.accountId, true, resource.id.value });
        }
        for (const Account &account : m_workspace.accounts)
            m_modelledAccounts.insert(account.accountId);
        for (const User &user : m_workspace.users)
            m_modelledAccounts.insert(user.accountId);
        for (const Role &role : m_workspace.roles)
            m_modelledAccounts.insert(role.accountId);
        for (const auto &[node, set] : m_sets) {
            StatementList list = assumeStatements(set.identity);
            if (!list.empty())
                m_assumers[m_graph.nodes()[node].accountId].push_back(node);
            m_assumeStatements.emplace(node, std::move(list));
            if (set.boundary)
                m_boundaryAssumeStatements.emplace(node, assumeStatements({ set.boundary }));
        }
        for (auto &[account, list] : m_assumers)
            std::sort(list.begin(), list.end());
    }

    // The identity statements (Allow or Deny) about sts:AssumeRole*, the only ones a may-assume edge depends on.
    // Principals without one can only assume roles whose trust names them exactly in their own account, so an
    // account-wide or `*` trust skips them.
    StatementList assumeStatements(const std::vector<const CompiledPolicy *> &policies)
    {
        StatementList out;
        for (const CompiledPolicy *policy : policies) {
            if (!policy)
                continue;
            auto cached = m_policyAssumes.find(policy);
            if (cached == m_policyAssumes.end()) {
                std::vector<const CompiledStatement *> list;
                for (const CompiledStatement &s : policy->statements()) {
                    if (usable(s) && assumeActionMatches(s))
                        list.push_back(&s);
                }
                cached = m_policyAssumes.emplace(policy, std::move(list)).first;
            }
            for (const CompiledStatement *s : cached->second)
                out.emplace_back(policy, s);
        }
        return out;
    }

    void addMembership()
    {
        for (const auto &[user, group] : m_memberships) {
            GraphEdge edge;
            edge.kind = GraphEdgeKind::MemberOf;
            edge.from = user;
            edge.to = group;
            m_graph.addEdge(std::move(edge));
        }
    }

    struct Candidate {
        bool namedExactly = false;
        bool unconditional = false;
        GraphEdge edge;
    };

    void addCandidate(std::map<std::size_t, Candidate> &candidates, std::size_t node, bool exact,
        const CompiledPolicy &trust, const CompiledStatement &s)
    {
        Candidate &c = candidates[node];
        c.namedExactly = c.namedExactly || exact;
        c.edge.statements.push_back(refOf(trust, s));
        if (!s.conditions.empty()) {
            addKeys(c.edge.conditionKeys, s);
            c.edge.conditional = true;
        } else {
            c.unconditional = true;
        }
    }

    // May-assume edges: IAM User Guide, "Grant a user permissions to switch roles" and "Cross-account policy
    // evaluation logic": the trust policy must allow the caller; a caller of another account, or one covered only
    // by its account's root, also needs an identity policy allowing sts:AssumeRole on the role. Within one account a
    // trust policy naming the user or role exactly suffices ("Policy evaluation logic", resource-based policies).
    void addAssumeEdges()
    {
        for (const auto &[role, roleNode] : m_roles) {
            const CompiledPolicy *trust = use(m_policies.trust(role->id));
            if (!trust)
                continue;
            std::map<std::size_t, Candidate> candidates;
            for (const CompiledStatement &s : trust->statements()) {
                if (!usable(s) || *s.effect != Effect::Allow || s.principalMode != ElementMode::Positive
                    || !assumeActionMatches(s))
                    continue;
                for (const CompiledPrincipal &p : s.principals)
                    collect(candidates, *trust, s, p);
            }
            for (auto &[node, candidate] : candidates)
                finish(*role, roleNode, *trust, node, candidate);
        }
    }

    void collect(std::map<std::size_t, Candidate> &candidates, const CompiledPolicy &trust, const CompiledStatement &s,
        const CompiledPrincipal &p)
    {
        switch (p.kind) {
        case CompiledPrincipal::Kind::Any:
            for (const auto &[account, nodes] : m_assumers)
                for (std::size_t node : nodes)
                    addCandidate(candidates, node, false, trust, s);
            break;
        case CompiledPrincipal::Kind::Account: {
            if (m_modelledAccounts.count(p.account)) {
                auto it = m_assumers.find(p.account);
                if (it != m_assumers.end())
                    for (std::size_t node : it->second)
                        addCandidate(candidates, node, false, trust, s);
            } else {
                addCandidate(candidates, accountNode(p.partition, p.account), false, trust, s);
            }
            break;
        }
        case CompiledPrincipal::Kind::Role: {
            auto it = m_roleByName.find(p.account + "/" + p.value);
            if (it != m_roleByName.end())
                addCandidate(candidates, it->second, true, trust, s);
            break;
        }
        case CompiledPrincipal::Kind::Exact: {
            auto it = m_userByArn.find(p.value);
            if (it != m_userByArn.end())
                addCandidate(candidates, it->second, true, trust, s);
            else if (!m_modelledAccounts.count(p.account) && !p.account.empty())
                addCandidate(candidates, accountNode(p.partition, p.account), true, trust, s);
            break;
        }
        case CompiledPrincipal::Kind::Service:
            addCandidate(candidates, externalNode(GraphNodeKind::Service, p.value), true, trust, s);
            break;
        case CompiledPrincipal::Kind::Provider:
            addCandidate(candidates, externalNode(GraphNodeKind::Provider, p.value), true, trust, s);
            break;
        case CompiledPrincipal::Kind::CanonicalUser:
        case CompiledPrincipal::Kind::Nothing:
            break;
        }
    }

    // Whether a trust statement's Principal covers a workspace user or role.
    bool principalCovers(const CompiledStatement &s, std::size_t node) const
    {
        const GraphNode &n = m_graph.nodes()[node];
        bool any = false;
        for (const CompiledPrincipal &p : s.principals) {
            switch (p.kind) {
            case CompiledPrincipal::Kind::Any:
                any = true;
                break;
            case CompiledPrincipal::Kind::Account:
                any = any
                    || (n.kind != GraphNodeKind::Service && n.kind != GraphNodeKind::Provider
                        && p.account == n.accountId);
                break;
            case CompiledPrincipal::Kind::Role:
                any = any || (n.kind == GraphNodeKind::Role && p.account == n.accountId && p.value == n.label);
                break;
            case CompiledPrincipal::Kind::Exact:
            case CompiledPrincipal::Kind::Service:
            case CompiledPrincipal::Kind::Provider:
                any = any || p.value == n.key;
                break;
            default:
                break;
            }
        }
        return s.principalMode == ElementMode::Negative ? !any : any;
    }

    void finish(const Role &role, std::size_t roleNode, const CompiledPolicy &trust, std::size_t node, Candidate &c)
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
        // Deny statements of the trust policy that cover the caller.
        for (const CompiledStatement &s : trust.statements()) {
            if (!usable(s) || *s.effect != Effect::Deny || s.principalMode == ElementMode::Absent
                || !assumeActionMatches(s) || !principalCovers(s, node))
                continue;
            if (s.conditions.empty())
                return;
            edge.conditional = true;
            addKeys(edge.conditionKeys, s);
        }
        const GraphNode &caller = m_graph.nodes()[node];
        auto set = m_sets.find(node);
        if (set != m_sets.end()) {
            const bool sameAccount = caller.accountId == role.accountId;
            const bool identityNeeded = !(sameAccount && c.namedExactly);
            auto matches = [&](const CompiledStatement &s) {
                return assumeActionMatches(s) && resourceMatches(s, role.arn);
            };
            SideVerdict identity = judge(m_sources, m_assumeStatements[node], matches);
            if (identity.denied || (!identity.allowed && identityNeeded))
                return;
            if (identity.allowed)
                mergeVerdict(edge, identity);
            // IAM User Guide, "Permissions boundaries for IAM entities": the boundary limits identity-based grants.
            if (identityNeeded && set->second.boundary) {
                SideVerdict boundary = judge(m_sources, m_boundaryAssumeStatements[node], matches);
                if (!boundary.allowed)
                    return;
                mergeVerdict(edge, boundary);
            }
        }
        m_graph.addEdge(std::move(edge));
    }

    // --- may-act-on ---------------------------------------------------------------------------------------------

    struct Grant {
        std::vector<std::string> actions; // lower-case patterns
        bool notAction = false;
        std::vector<std::string> resources;
        std::vector<GraphStatementRef> statements;
        std::vector<std::string> keys;
    };

    const std::vector<std::pair<std::string, std::string>> &groupsOf(const std::string &pattern)
    {
        auto it = m_actionGroups.find(pattern);
        if (it != m_actionGroups.end())
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
        return m_actionGroups.emplace(pattern, std::move(groups)).first->second;
    }

    std::vector<Grant> grantsOf(const IdentitySet &set)
    {
        std::vector<Grant> grants;
        for (const CompiledPolicy *policy : set.identity) {
            for (const CompiledStatement &s : policy->statements()) {
                if (!usable(s) || *s.effect != Effect::Allow || s.resourceMode == ElementMode::Absent)
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
                addKeys(grant.keys, s);
                grants.push_back(std::move(grant));
            }
        }
        // Unconditional Deny statements of the identity policies remove the action patterns they cover on resources
        // they cover (IAM User Guide, "Policy evaluation logic": an explicit deny overrides any allow).
        for (const CompiledPolicy *policy : set.identity) {
            for (const CompiledStatement &s : policy->statements()) {
                if (!usable(s) || *s.effect != Effect::Deny || !s.conditions.empty()
                    || s.actionMode != ElementMode::Positive || s.resourceMode != ElementMode::Positive)
                    continue;
                for (Grant &grant : grants) {
                    if (grant.notAction)
                        continue;
                    const bool allResources =
                        std::all_of(grant.resources.begin(), grant.resources.end(), [&](const std::string &r) {
                            return std::any_of(s.resources.begin(), s.resources.end(),
                                [&](const CompiledPattern &d) { return d.any || resourceMatch(d.pattern, r); });
                        });
                    if (!allResources)
                        continue;
                    std::erase_if(grant.actions, [&](const std::string &a) {
                        return std::any_of(s.actions.begin(), s.actions.end(),
                            [&](const CompiledPattern &d) { return actionWithin(a, d); });
                    });
                }
            }
        }
        std::erase_if(grants, [](const Grant &g) { return g.actions.empty() && !g.notAction; });
        if (set.boundary)
            grants = intersect(grants, *set.boundary);
        return grants;
    }

    // IAM User Guide, "Permissions boundaries for IAM entities": the effective permissions are the intersection of
    // the identity-based policies and the boundary. Symbolically: each pattern is kept when it lies within one of
    // the boundary statement's patterns, or replaced by the boundary's narrower pattern when that lies within it.
    std::vector<Grant> intersect(const std::vector<Grant> &grants, const CompiledPolicy &boundary)
    {
        std::vector<Grant> out;
        for (const Grant &grant : grants) {
            for (const CompiledStatement &b : boundary.statements()) {
                if (!usable(b) || *b.effect != Effect::Allow || b.actionMode != ElementMode::Positive
                    || b.resourceMode != ElementMode::Positive)
                    continue;
                Grant narrowed;
                narrowed.statements = grant.statements;
                narrowed.statements.push_back(refOf(boundary, b));
                narrowed.keys = grant.keys;
                addKeys(narrowed.keys, b);
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
                            if (actionWithin(a, bp)) {
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
                        if (bp.any || resourceMatch(bp.pattern, r)) {
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

    std::size_t resourceNode(const std::string &pattern)
    {
        std::size_t index = m_graph.find(pattern, GraphNodeKind::Resource);
        if (index != AccessGraph::npos)
            return index;
        return m_graph.addNode({ GraphNodeKind::Resource, pattern, pattern, accountOfArn(pattern), false });
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
                auto it = m_userByArn.find(p.value);
                if (it != m_userByArn.end())
                    node = it->second;
                break;
            }
            case CompiledPrincipal::Kind::Role: {
                auto it = m_roleByName.find(p.account + "/" + p.value);
                if (it != m_roleByName.end())
                    node = it->second;
                break;
            }
            case CompiledPrincipal::Kind::Account:
                if (!m_modelledAccounts.count(p.account))
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
            const GraphNode &n = m_graph.nodes()[node];
            const bool internal = n.kind == GraphNodeKind::User || n.kind == GraphNodeKind::Role;
            if (internal && !resourceAccount.empty() && n.accountId != resourceAccount)
                continue;
            out.push_back(node);
        }
        return out;
    }

    void addResourcePolicyEdges()
    {
        for (const Resource &resource : m_workspace.resources) {
            const CompiledPolicy *policy = use(m_policies.resource(resource.id));
            if (!policy)
                continue;
            std::map<std::tuple<std::size_t, std::size_t, bool>, GraphEdge> edges;
            for (const CompiledStatement &s : policy->statements()) {
                if (!usable(s) || *s.effect != Effect::Allow || s.principalMode != ElementMode::Positive)
                    continue;
                std::vector<std::string> resources;
                if (s.resourceMode == ElementMode::Positive) {
                    for (const CompiledPattern &p : s.resources)
                        resources.push_back(p.text);
                } else {
                    // No Resource (or NotResource): the resource the policy is attached to.
                    resources.push_back(resource.arn);
                }
                const bool conditional = !s.conditions.empty();
                for (std::size_t from : grantees(s, resource.accountId)) {
                    for (const std::string &pattern : resources) {
                        const std::size_t target = resourceNode(pattern);
                        GraphEdge &edge = edges[{ from, target, conditional }];
                        edge.kind = GraphEdgeKind::MayActOn;
                        edge.from = from;
                        edge.to = target;
                        edge.conditional = conditional;
                        addKeys(edge.conditionKeys, s);
                        edge.statements.push_back(refOf(*policy, s));
                        std::vector<std::string> actions;
                        for (const CompiledPattern &p : s.actions)
                            actions.push_back(p.any ? std::string("*") : p.pattern);
                        if (s.actionMode == ElementMode::Negative) {
                            addGroup(edge, "*", "NotAction", actions);
                            continue;
                        }
                        for (const std::string &action : actions)
                            for (const auto &[service, level] : groupsOf(action))
                                addGroup(edge, service, level, { action });
                    }
                }
            }
            for (auto &[key, edge] : edges)
                m_graph.addEdge(std::move(edge));
        }
    }

    void addActEdges()
    {
        for (const auto &[node, set] : m_sets) {
            // One edge per (target, conditional), merging the grants' action groups.
            std::map<std::pair<std::size_t, bool>, GraphEdge> edges;
            for (const Grant &grant : grantsOf(set)) {
                const bool conditional = !grant.keys.empty();
                for (const std::string &resource : grant.resources) {
                    const std::size_t target = resourceNode(resource);
                    GraphEdge &edge = edges[{ target, conditional }];
                    edge.kind = GraphEdgeKind::MayActOn;
                    edge.from = node;
                    edge.to = target;
                    edge.conditional = conditional;
                    for (const std::string &k : grant.keys)
                        if (std::find(edge.conditionKeys.begin(), edge.conditionKeys.end(), k)
                            == edge.conditionKeys.end())
                            edge.conditionKeys.push_back(k);
                    for (const GraphStatementRef &ref : grant.statements) {
                        const bool seen = std::any_of(edge.statements.begin(), edge.statements.end(),
                            [&](const GraphStatementRef &r) { return r.policy == ref.policy && r.index == ref.index; });
                        if (!seen)
                            edge.statements.push_back(ref);
                    }
                    if (grant.notAction) {
                        addGroup(edge, "*", "NotAction", grant.actions);
                        continue;
                    }
                    for (const std::string &action : grant.actions)
                        for (const auto &[service, level] : groupsOf(action))
                            addGroup(edge, service, level, { action });
                }
            }
            for (auto &[key, edge] : edges)
                m_graph.addEdge(std::move(edge));
        }
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

    const Workspace &m_workspace;
    const GraphPolicies &m_policies;
    const ServiceCatalog &m_catalog;
    AccessGraph m_graph;
    SourceMap m_sources;
    std::unordered_map<const Group *, std::size_t> m_groupNode;
    std::map<std::size_t, IdentitySet> m_sets;
    std::unordered_map<std::string, std::size_t> m_userByArn;
    std::unordered_map<std::string, std::size_t> m_roleByName;
    std::vector<std::pair<const Role *, std::size_t>> m_roles;
    std::vector<std::pair<std::size_t, std::size_t>> m_memberships;
    std::set<std::string> m_modelledAccounts;
    std::map<std::string, std::vector<std::size_t>> m_assumers;
    std::unordered_map<const CompiledPolicy *, std::vector<const CompiledStatement *>> m_policyAssumes;
    std::unordered_map<std::size_t, StatementList> m_assumeStatements;
    std::unordered_map<std::size_t, StatementList> m_boundaryAssumeStatements;
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> m_actionGroups;
};

} // namespace

AccessGraph AccessGraph::build(const Workspace &workspace, const GraphPolicies &policies)
{
    Builder builder(workspace, policies);
    return builder.run();
}

AccessGraph AccessGraph::build(const Workspace &workspace, const AwsManagedPolicies &awsManaged)
{
    return AccountModel::build(workspace, awsManaged)->graph();
}

} // namespace rd::core
