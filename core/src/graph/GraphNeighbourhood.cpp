// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/GraphNeighbourhood.h"

#include <algorithm>

namespace rd::core
{

namespace
{

/// Breadth first from `focus`, backwards (in-edges) or forwards (out-edges), `depth` hops.
void walk(const AccessGraph &graph, std::size_t focus, int depth, bool backwards, std::vector<int> &hops)
{
    const EdgeList &edges = graph.edges();
    std::vector<std::size_t> frontier { focus };
    hops[focus] = 0;
    for (int hop = 1; hop <= depth && !frontier.empty(); ++hop) {
        std::vector<std::size_t> next;
        for (std::size_t n : frontier) {
            for (std::size_t e : backwards ? graph.inEdges(n) : graph.outEdges(n)) {
                const std::size_t m = backwards ? edges[e].from : edges[e].to;
                if (m < hops.size() && hops[m] < 0 && !graph.isVacant(m)) {
                    hops[m] = hop;
                    next.push_back(m);
                }
            }
        }
        frontier = std::move(next);
    }
}

} // namespace

GraphNeighbourhood neighbourhoodOf(const AccessGraph &graph, std::size_t focus, int depth)
{
    const std::size_t count = graph.nodes().size();
    const EdgeList &edges = graph.edges();
    GraphNeighbourhood hood;
    hood.reaching.assign(count, -1);
    hood.reached.assign(count, -1);
    hood.edges.assign(edges.size(), false);
    if (focus >= count || graph.isVacant(focus))
        return hood;
    depth = std::max(depth, 1);
    walk(graph, focus, depth, true, hood.reaching);
    walk(graph, focus, depth, false, hood.reached);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const std::size_t a = edges[e].from;
        const std::size_t b = edges[e].to;
        if (a >= count || b >= count)
            continue;
        const bool towards = hood.reaching[a] >= 1 && hood.reaching[b] >= 0 && hood.reaching[b] <= hood.reaching[a];
        const bool away = hood.reached[b] >= 1 && hood.reached[a] >= 0 && hood.reached[a] <= hood.reached[b];
        hood.edges[e] = towards || away || (a == focus && b == focus);
    }
    return hood;
}

} // namespace rd::core
