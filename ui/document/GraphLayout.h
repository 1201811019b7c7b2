// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rd::doc
{

class GraphProjection;

/// Node positions in points (y grows downwards, as in Qt), by drawn node index.
struct GraphLayoutResult {
    /// The centre of each drawn node (GraphProjection::nodes() order). The top-left node's box starts near (0, 0):
    /// every box lies within (0, 0)-(width, height).
    std::vector<std::pair<double, double>> positions;
    /// The size of the laid-out graph, in points.
    double width = 0;
    double height = 0;
    /// How many edges Graphviz was given: one per pair of drawn nodes, thinned on large graphs (GraphLayout.cpp).
    std::size_t edgesLaidOut = 0;
    /// Empty on success; otherwise why Graphviz failed (the positions are then a simple grid).
    std::string error;
    /// Nothing was laid out (no positions): Graphviz was laying out another graph and the caller would not wait
    /// (GraphLayoutControl::waitForGraphviz).
    bool busy = false;
    /// Nothing was laid out (no positions): the layout was no longer wanted when its turn came
    /// (GraphLayoutControl::stillWanted).
    bool superseded = false;
};

/// How a layoutGraph() call shares Graphviz, which lays out one graph at a time (it keeps global state).
struct GraphLayoutControl {
    /// False: return at once, with `busy` set, when another layout is running. The GUI thread must never wait for
    /// one: a large account's layout can take seconds.
    bool waitForGraphviz = true;
    /// Asked once Graphviz is free, before any work (Graphviz cannot be stopped once it runs): false drops the
    /// layout, with `superseded` set, so that a layout a newer drawing replaced does not delay the newer one.
    std::function<bool()> stillWanted;
};

/// Sizes the graph editor draws nodes at, so that the layout leaves room for them.
struct GraphLayoutOptions {
    double nodeWidth = 150;
    double nodeHeight = 44;
    /// Left to right: principals, roles, resources. Otherwise top to bottom.
    bool leftToRight = true;
    /// The gap between neighbouring nodes of one rank, and between ranks, in points.
    double nodeSpacing = 18;
    double rankSpacing = 72;
};

/// Layered layout by Graphviz `dot` (a proven layered layout rather than one of our own): edges point from a principal
/// to the role it may assume and from a role to the resource it may act on, so ranks read principals -> roles ->
/// resources. Only node positions are computed (the editor draws its own straight edges); labels are never passed to
/// Graphviz (node sizes come from `options`), so any label text is safe. Graphs of more than 400 distinct edges get
/// cheaper settings and only three incoming edges per node (one above 2,500 nodes) count for the layout
/// (GraphLayout.cpp, effortFor): a principal still lies left of a role it may assume through a kept edge, but not
/// necessarily through every drawn one. Graphviz keeps global state, so calls are serialised by a lock (`control` says
/// whether to wait for it, and whether the layout is still wanted once it is free); the editor runs them off the GUI
/// thread. Never throws: on a Graphviz failure the result holds a grid and the error.
GraphLayoutResult layoutGraph(
    const GraphProjection &projection, const GraphLayoutOptions &options = {}, const GraphLayoutControl &control = {});

/// The zoom at which a card's 9-point title is still at least 9 pixels tall, with a little to spare: what
/// layoutColumns() aims for and what the graph editor's card cap allows for.
inline constexpr double kReadableZoom = 0.8;

/// The focus and path scopes' layout, instant and without Graphviz: each node in the column of its layer
/// (`layers[i]`, any integers: the focus scope's signed hops, pathLayers()), columns left to right by layer. A layer of
/// many cards wraps into several columns side by side, the nearest to the middle layer first, with the same number of
/// rows in every layer: the fewest columns that still let the drawing fit a `viewWidth` x `viewHeight` window (in
/// pixels) near the largest zoom it can have there (four fifths of it, or 80 % of full size, which keeps titles
/// readable). Within a layer, cards follow their neighbours in the next
/// layer towards the middle (their mean row), then the projection's order. Positions as layoutGraph's.
GraphLayoutResult layoutColumns(const GraphProjection &projection, const std::vector<int> &layers,
    const GraphLayoutOptions &options = {}, double viewWidth = 1600, double viewHeight = 900);

/// The layers of a path drawing: a node without drawn predecessors in layer 0, any other one step right of its
/// rightmost predecessor (edges that close a cycle are ignored).
std::vector<int> pathLayers(const GraphProjection &projection);

} // namespace rd::doc
