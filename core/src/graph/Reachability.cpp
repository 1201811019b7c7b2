// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/Reachability.h"

#include "base/TextUtil.h"
#include "graph/DenyCover.h"
#include "rd/core/analysis/PrincipalFacts.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <set>

namespace rd::core
{

namespace
{

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

ReachHop hopOf(const AccessGraph &graph, std::size_t edgeIndex)
{
    const GraphEdge &edge = graph.edges()[edgeIndex];
    ReachHop hop;
    hop.edge = edgeIndex;
    hop.from = graph.nodes()[edge.from].key;
    hop.to = graph.nodes()[edge.to].key;
    hop.kind = edge.kind;
    hop.conditional = edge.conditional;
    hop.conditionKeys = edge.conditionKeys;
    hop.statements = edge.statements;
    return hop;
}

// Whether a group allows a lower-case action.
bool groupAllows(const ActionGroup &group, const std::string &action)
{
    bool any = false;
    for (const std::string &p : group.patterns)
        any = any || p == "*" || wildcardMatch(p, action);
    return group.accessLevel == "NotAction" ? !any : any;
}

void addKeys(std::vector<std::string> &keys, const std::vector<std::string> &more)
{
    for (const std::string &k : more) {
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
            keys.push_back(k);
    }
}

void addDeny(std::vector<GraphDeny> &denies, GraphDeny deny)
{
    const bool seen = std::any_of(denies.begin(), denies.end(), [&](const GraphDeny &d) {
        return d.statement.policy == deny.statement.policy && d.statement.index == deny.statement.index
            && d.attachedTo == deny.attachedTo;
    });
    if (!seen)
        denies.push_back(std::move(deny));
}

/// What the explicit Deny statements do to one may-act-on edge for a concrete ARN (and action, when given).
struct ConcreteCut {
    /// An unconditional deny covers everything the edge allows there.
    bool removed = false;
    /// The keys of conditional denies that cover it (the answer becomes conditional on them not applying).
    std::vector<std::string> keys;
    std::vector<GraphDeny> denies;
};

// IAM User Guide, "Policy evaluation logic": an explicit deny in any policy overrides any allow. The deny is matched
// concretely (Action or NotAction against the action, Resource or NotResource against the ARN, within the governed
// scope for a resource-based policy); without an action, per action pattern of the groups that remain.
void cutByDeny(ConcreteCut &cut, const GraphDeny &deny, const std::vector<std::string> &keys, std::string_view arn,
    const std::optional<std::string> &lowerAction, std::vector<ActionGroup> &groups)
{
    if (!denyCoversArn(deny, arn))
        return;
    const bool unconditional = keys.empty();
    GraphDeny judged = deny;
    judged.conditionKeys = keys;
    if (lowerAction) {
        if (!actionMatches(*deny.compiled, *lowerAction))
            return;
        if (unconditional) {
            cut.removed = true;
            return;
        }
        addKeys(cut.keys, keys);
        addDeny(cut.denies, std::move(judged));
        return;
    }
    bool listed = false;
    std::vector<bool> dropped(groups.size(), false);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        ActionGroup &g = groups[i];
        if (g.accessLevel == "NotAction") {
            const DenyCover cover = notActionCover(*deny.compiled, g.patterns);
            if (cover == DenyCover::Full && unconditional)
                dropped[i] = true;
            else if (cover != DenyCover::None)
                listed = true;
            if (cover == DenyCover::Full && !unconditional)
                addKeys(cut.keys, keys);
            continue;
        }
        std::erase_if(g.patterns, [&](const std::string &pattern) {
            const DenyCover cover = actionCover(*deny.compiled, pattern);
            if (cover == DenyCover::Full && unconditional)
                return true;
            if (cover == DenyCover::Full)
                addKeys(cut.keys, keys);
            listed = listed || cover != DenyCover::None;
            return false;
        });
        dropped[i] = g.patterns.empty();
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (!dropped[i])
            groups[kept++] = std::move(groups[i]);
    }
    groups.resize(kept);
    cut.removed = groups.empty();
    if (listed)
        addDeny(cut.denies, std::move(judged));
}

} // namespace

std::vector<ReachAnswer> Reachability::whatCan(std::string_view principal, int maxHops) const
{
    const std::size_t node = m_graph.find(principal);
    if (node == AccessGraph::npos || !m_graph.isPrincipal(node))
        return {};
    return whatCan(node, maxHops);
}

void Reachability::search(std::size_t start, int maxHops) const
{
    const std::size_t n = m_graph.nodes().size();
    // Scratch buffers, sized once and reset only where the last search wrote.
    if (m_depth.size() != 2 * n) {
        m_depth.assign(2 * n, -1);
        m_parent.assign(2 * n, kNone);
        m_parentState.assign(2 * n, kNone);
        m_bestIndex.assign(m_graph.edges().size(), kNone);
    }
    for (std::size_t state : m_order) {
        m_depth[state] = -1;
        m_parent[state] = kNone;
        m_parentState[state] = kNone;
    }
    for (const auto &[e, state] : m_best)
        m_bestIndex[e] = kNone;
    m_order.clear();
    m_best.clear();
    // BFS over states (node, conditional so far): conditional hops are kept apart, so an unconditional path is
    // never hidden behind a shorter conditional one.
    std::size_t head = 0;
    m_depth[2 * start] = 0;
    m_order.push_back(2 * start);
    while (head < m_order.size()) {
        const std::size_t state = m_order[head++];
        if (m_depth[state] >= maxHops)
            continue;
        const std::size_t node = state / 2;
        const bool cond = state % 2;
        for (std::size_t e : m_graph.outEdges(node)) {
            const GraphEdge &edge = m_graph.edges()[e];
            if (edge.kind != GraphEdgeKind::MayAssume)
                continue;
            const std::size_t next = 2 * edge.to + ((cond || edge.conditional) ? 1 : 0);
            if (m_depth[next] >= 0 || m_depth[2 * edge.to] >= 0)
                continue;
            m_depth[next] = m_depth[state] + 1;
            m_parent[next] = e;
            m_parentState[next] = state;
            m_order.push_back(next);
        }
    }
    // Per may-act-on edge, the best state reaching it: unconditional first, then shortest (BFS order).
    for (std::size_t state : m_order) {
        const bool cond = state % 2;
        if (cond && m_depth[state & ~std::size_t(1)] >= 0)
            continue;
        for (std::size_t e : m_graph.outEdges(state / 2)) {
            const GraphEdge &edge = m_graph.edges()[e];
            if (edge.kind != GraphEdgeKind::MayActOn)
                continue;
            const bool total = cond || edge.conditional;
            std::size_t &slot = m_bestIndex[e];
            if (slot == kNone) {
                slot = m_best.size();
                m_best.emplace_back(e, state);
            } else if (!total && m_best[slot].second % 2) {
                m_best[slot].second = state;
            }
        }
    }
}

void Reachability::visitReach(std::size_t start, int maxHops,
    const std::function<void(std::size_t edge, bool conditional, int hops)> &visit) const
{
    if (start >= m_graph.nodes().size())
        return;
    search(start, maxHops);
    for (const auto &[e, state] : m_best)
        visit(e, (state % 2) || m_graph.edges()[e].conditional, m_depth[state] + 1);
}

std::vector<ReachAnswer> Reachability::whatCan(std::size_t start, int maxHops) const
{
    std::vector<ReachAnswer> answers;
    if (start >= m_graph.nodes().size())
        return answers;
    search(start, maxHops);
    const auto &best = m_best;
    const auto &parent = m_parent;
    const auto &parentState = m_parentState;
    answers.reserve(best.size());
    for (const auto &[e, state] : best) {
        const GraphEdge &edge = m_graph.edges()[e];
        ReachAnswer answer;
        answer.principalNode = start;
        answer.principal = m_graph.nodes()[start].key;
        answer.resourceNode = edge.to;
        answer.resource = m_graph.nodes()[edge.to].key;
        answer.actions = edge.actions;
        answer.conditional = (state % 2) || edge.conditional;
        answer.denies = edge.denies;
        std::vector<ReachHop> path;
        for (std::size_t s = state; parent[s] != kNone; s = parentState[s])
            path.push_back(hopOf(m_graph, parent[s]));
        std::reverse(path.begin(), path.end());
        path.push_back(hopOf(m_graph, e));
        answer.path = std::move(path);
        answers.push_back(std::move(answer));
    }
    return answers;
}

std::vector<ReachAnswer> Reachability::whoCan(
    std::string_view resourceArn, std::optional<std::string> action, int maxHops) const
{
    std::vector<ReachAnswer> answers;
    const std::optional<std::string> lowerAction = action ? std::optional<std::string>(toLower(*action)) : std::nullopt;
    const std::size_t n = m_graph.nodes().size();
    // Reverse BFS from the principals holding a matching may-act-on edge. Per state: the next edge toward the
    // resource, and the may-act-on edge that ends the path with the groups that matched.
    std::vector<std::size_t> next(2 * n, kNone);
    std::vector<std::size_t> nextState(2 * n, kNone);
    std::vector<std::size_t> act(2 * n, kNone);
    std::vector<int> depth(2 * n, -1);
    std::vector<std::vector<ActionGroup>> matchedGroups(m_graph.edges().size());
    std::vector<ConcreteCut> cuts(m_graph.edges().size());
    std::deque<std::size_t> queue;
    std::vector<std::size_t> seeds;
    // The Deny statements of the modelled resource whose policy governs the ARN (the resource, or an object's
    // bucket), judged below for each acting principal.
    std::vector<const GraphDeny *> governing;
    for (const std::string &key : { std::string(resourceArn), bucketOfObject(resourceArn) }) {
        const std::size_t node = key.empty() ? AccessGraph::npos : m_graph.find(key, GraphNodeKind::Resource);
        if (node == AccessGraph::npos)
            continue;
        for (const GraphDeny &deny : m_graph.resourceDenies(node))
            governing.push_back(&deny);
    }
    for (std::size_t r = 0; r < n; ++r) {
        const GraphNode &node = m_graph.nodes()[r];
        if (node.kind != GraphNodeKind::Resource)
            continue;
        // IAM User Guide, "IAM JSON policy elements: Resource".
        if (!(node.key == "*" || node.key == resourceArn || resourceMatch(node.key, resourceArn)))
            continue;
        for (std::size_t e : m_graph.inEdges(r)) {
            const GraphEdge &edge = m_graph.edges()[e];
            if (edge.kind != GraphEdgeKind::MayActOn)
                continue;
            std::vector<ActionGroup> groups;
            for (const ActionGroup &g : edge.actions) {
                if (!lowerAction || groupAllows(g, *lowerAction))
                    groups.push_back(g);
            }
            if (groups.empty())
                continue;
            // The acting principal is the edge's (the last role of a chain).
            ConcreteCut &cut = cuts[e];
            for (const GraphDeny &deny : edge.denies) {
                if (!cut.removed)
                    cutByDeny(cut, deny, deny.conditionKeys, resourceArn, lowerAction, groups);
            }
            const GraphNode &acting = m_graph.nodes()[edge.from];
            for (const GraphDeny *deny : governing) {
                if (cut.removed || !principalCoversNode(*deny->compiled, acting))
                    continue;
                const ConditionVerdict conditions = evaluateKnownConditions(*deny->compiled, m_graph.facts(edge.from));
                if (conditions.outcome != ConditionOutcome::Fails)
                    cutByDeny(cut, *deny, conditions.unknownKeys, resourceArn, lowerAction, groups);
            }
            if (cut.removed)
                continue;
            matchedGroups[e] = std::move(groups);
            seeds.push_back(e);
        }
    }
    const auto seedConditional = [&](std::size_t e) { return m_graph.edges()[e].conditional || !cuts[e].keys.empty(); };
    // Unconditional seeds first so that they win their node.
    std::stable_sort(seeds.begin(), seeds.end(),
        [&](std::size_t a, std::size_t b) { return !seedConditional(a) && seedConditional(b); });
    for (std::size_t e : seeds) {
        const GraphEdge &edge = m_graph.edges()[e];
        const std::size_t state = 2 * edge.from + (seedConditional(e) ? 1 : 0);
        if (depth[state] >= 0)
            continue;
        depth[state] = 0;
        act[state] = e;
        queue.push_back(state);
    }
    std::vector<std::size_t> order;
    while (!queue.empty()) {
        const std::size_t state = queue.front();
        queue.pop_front();
        order.push_back(state);
        if (depth[state] >= maxHops)
            continue;
        const bool cond = state % 2;
        for (std::size_t e : m_graph.inEdges(state / 2)) {
            const GraphEdge &edge = m_graph.edges()[e];
            if (edge.kind != GraphEdgeKind::MayAssume)
                continue;
            const std::size_t prev = 2 * edge.from + ((cond || edge.conditional) ? 1 : 0);
            if (depth[prev] >= 0 || depth[2 * edge.from] >= 0)
                continue;
            depth[prev] = depth[state] + 1;
            next[prev] = e;
            nextState[prev] = state;
            act[prev] = act[state];
            queue.push_back(prev);
        }
    }
    std::set<std::size_t> done;
    for (std::size_t state : order) {
        const std::size_t node = state / 2;
        if (state % 2 && depth[2 * node] >= 0)
            continue;
        if (!done.insert(node).second)
            continue;
        ReachAnswer answer;
        answer.principalNode = node;
        answer.principal = m_graph.nodes()[node].key;
        const std::size_t actEdge = act[state];
        answer.resourceNode = m_graph.edges()[actEdge].to;
        answer.resource = m_graph.nodes()[answer.resourceNode].key;
        answer.actions = matchedGroups[actEdge];
        answer.conditional = state % 2;
        // Walk forward along `next`: each step's state is the one the BFS came from.
        for (std::size_t s = state; next[s] != kNone; s = nextState[s])
            answer.path.push_back(hopOf(m_graph, next[s]));
        ReachHop last = hopOf(m_graph, actEdge);
        if (!cuts[actEdge].keys.empty()) {
            last.conditional = true;
            addKeys(last.conditionKeys, cuts[actEdge].keys);
        }
        answer.path.push_back(std::move(last));
        answer.denies = cuts[actEdge].denies;
        answers.push_back(std::move(answer));
    }
    return answers;
}

std::vector<ReachPair> Reachability::allPairs(int maxHops) const
{
    std::vector<ReachPair> pairs;
    for (std::size_t node = 0; node < m_graph.nodes().size(); ++node) {
        if (!m_graph.isPrincipal(node))
            continue;
        visitReach(node, maxHops, [&](std::size_t e, bool conditional, int) {
            const GraphEdge &edge = m_graph.edges()[e];
            for (const ActionGroup &g : edge.actions)
                pairs.push_back(
                    { m_graph.nodes()[node].key, m_graph.nodes()[edge.to].key, g.service, g.accessLevel, conditional });
        });
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

ReachDiff diffReachability(const AccessGraph &before, const AccessGraph &after, int maxHops)
{
    const std::vector<ReachPair> a = Reachability(before).allPairs(maxHops);
    const std::vector<ReachPair> b = Reachability(after).allPairs(maxHops);
    ReachDiff diff;
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(diff.added));
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(diff.removed));
    return diff;
}

ReachDiff diffReachability(
    const Workspace &before, const Workspace &after, int maxHops, const AwsManagedPolicies &awsManaged)
{
    return diffReachability(AccessGraph::build(before, awsManaged), AccessGraph::build(after, awsManaged), maxHops);
}

} // namespace rd::core
