// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <cstddef>
#include <vector>

namespace rd::core
{

/// The neighbourhood of one node of an AccessGraph: what reaches it (who may assume it, act on it, belong to it),
/// following edges backwards, and what it reaches, following them forwards, each up to a number of hops. Vacant nodes
/// (AccessGraph::isVacant()) are never part of it.
struct GraphNeighbourhood {
    /// Per node: hops back from the focus (0 for the focus), -1 when the node does not reach it within the depth.
    std::vector<int> reaching;
    /// Per node: hops forward from the focus (0 for the focus), -1 when the focus does not reach it within the depth.
    std::vector<int> reached;
    /// Per edge: whether it belongs to the neighbourhood. Only edges that lead towards the focus on its reaching side,
    /// or away from it on its reached side, belong (edges between nodes at the same hop included): a user who may
    /// assume the focused role and also reads a bucket the role reads keeps its edge to the role only.
    std::vector<bool> edges;

    bool contains(std::size_t node) const
    {
        return node < reaching.size() && (reaching[node] >= 0 || reached[node] >= 0);
    }
};

/// The neighbourhood of `focus` within `depth` hops on each side (at least 1). An index past the graph gives an empty
/// neighbourhood (nothing contained, no edge).
GraphNeighbourhood neighbourhoodOf(const AccessGraph &graph, std::size_t focus, int depth);

} // namespace rd::core
