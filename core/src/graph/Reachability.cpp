// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/Reachability.h"

#include "base/TextUtil.h"
#include "rd/core/base/Wildcard.h"

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
    std::deque<std::size_t> queue;
    std::vector<std::size_t> seeds;
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
            matchedGroups[e] = std::move(groups);
            seeds.push_back(e);
        }
    }
    // Unconditional seeds first so that they win their node.
    std::stable_sort(seeds.begin(), seeds.end(), [&](std::size_t a, std::size_t b) {
        return !m_graph.edges()[a].conditional && m_graph.edges()[b].conditional;
    });
    for (std::size_t e : seeds) {
        const GraphEdge &edge = m_graph.edges()[e];
        const std::size_t state = 2 * edge.from + (edge.conditional ? 1 : 0);
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
        answer.path.push_back(hopOf(m_graph, actEdge));
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
