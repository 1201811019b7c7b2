// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rd::core
{

/// One hop of a path: a may-assume or the final may-act-on edge.
struct ReachHop {
    std::size_t edge = 0;
    std::string from;
    std::string to;
    GraphEdgeKind kind = GraphEdgeKind::MayAssume;
    bool conditional = false;
    std::vector<std::string> conditionKeys;
    /// The statements that decided the hop.
    std::vector<GraphStatementRef> statements;
};

/// One answer: a principal reaches a resource pattern with these actions through `path` (shortest; role chains
/// follow IAM User Guide, "Role chaining").
struct ReachAnswer {
    std::size_t principalNode = 0;
    std::string principal;
    std::size_t resourceNode = 0;
    /// The resource pattern as the granting statement writes it.
    std::string resource;
    std::vector<ActionGroup> actions;
    std::vector<ReachHop> path;
    /// Some hop needs conditions; an answer is only conditional when no unconditional path exists.
    bool conditional = false;
    /// The explicit Deny statements that narrow the answer (docs/REACHABILITY.md, "Denies and conditions"): for
    /// whatCan and for whoCan without an action, those covering part of its actions or resources, or all of them
    /// under conditions; for whoCan with an action, those that match it under conditions (the answer is then
    /// conditional, the last hop naming their keys). Each names the keys it still depends on.
    std::vector<GraphDeny> denies;
};

/// A reachability pair for diffs: (principal, resource pattern, action group).
struct ReachPair {
    std::string principal;
    std::string resource;
    std::string service;
    std::string accessLevel;
    bool conditional = false;
    friend auto operator<=>(const ReachPair &, const ReachPair &) = default;
};

struct ReachDiff {
    std::vector<ReachPair> added;
    std::vector<ReachPair> removed;
};

/// Unlimited enough for any account: IAM allows chains of any length; the default stops at this many assumptions.
inline constexpr int kDefaultMaxHops = 8;

/// Queries over an AccessGraph (docs/REACHABILITY.md). The graph must outlive the object. Not thread-safe (it keeps
/// scratch buffers between queries): use one per thread.
class Reachability
{
public:
    explicit Reachability(const AccessGraph &graph)
        : m_graph(graph)
    {
    }

    /// Every resource pattern and action group the principal (a user, role, account root, service or provider key)
    /// reaches directly or through at most `maxHops` role assumptions. Empty when the principal is unknown.
    std::vector<ReachAnswer> whatCan(std::string_view principal, int maxHops = kDefaultMaxHops) const;
    /// The same from a node index.
    std::vector<ReachAnswer> whatCan(std::size_t start, int maxHops = kDefaultMaxHops) const;

    /// Every principal that reaches `resourceArn` (matched against the graph's resource patterns) and, when given,
    /// `action`, with its shortest path. `actions` of each answer keeps the groups that allow the action.
    std::vector<ReachAnswer> whoCan(
        std::string_view resourceArn, std::optional<std::string> action = {}, int maxHops = kDefaultMaxHops) const;

    /// The light form of whatCan, for all-pairs work: calls `visit` once per may-act-on edge the principal node
    /// `start` reaches, with whether the best path is conditional and its length in hops; builds no paths.
    void visitReach(std::size_t start, int maxHops,
        const std::function<void(std::size_t edge, bool conditional, int hops)> &visit) const;

    /// Every pair reachable from every principal (whatCan for each), sorted.
    std::vector<ReachPair> allPairs(int maxHops = kDefaultMaxHops) const;

private:
    void search(std::size_t start, int maxHops) const;

    const AccessGraph &m_graph;
    // Scratch state of the last search (the object is not thread-safe: one per thread).
    mutable std::vector<int> m_depth;
    mutable std::vector<std::size_t> m_parent;
    mutable std::vector<std::size_t> m_parentState;
    mutable std::vector<std::size_t> m_bestIndex;
    mutable std::vector<std::size_t> m_order;
    mutable std::vector<std::pair<std::size_t, std::size_t>> m_best;
};

/// The pairs an edit adds or removes: a local "no new access" check. A pair that only changes from conditional to
/// unconditional shows as removed and added.
ReachDiff diffReachability(const Workspace &before, const Workspace &after, int maxHops = kDefaultMaxHops,
    const AwsManagedPolicies &awsManaged = AwsManagedPolicies::builtin());
ReachDiff diffReachability(const AccessGraph &before, const AccessGraph &after, int maxHops = kDefaultMaxHops);

} // namespace rd::core
