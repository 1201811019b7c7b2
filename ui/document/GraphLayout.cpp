// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/GraphLayout.h"

#include "document/GraphProjection.h"

#include <algorithm>
#include <cgraph.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <gvc.h>
#include <map>
#include <mutex>
#include <string>

namespace rd::doc
{

namespace
{

/// Graphviz keeps global state (its error handler, the context's plugins, cgraph's dictionaries' disciplines).
std::mutex &graphvizLock()
{
    static std::mutex lock;
    return lock;
}

/// One Graphviz context for the process (created on first use under the lock, never freed): gvContext() reads the
/// plugin configuration each time and Graphviz 2.42 leaks part of it, and a context serves any number of layouts.
GVC_t *graphvizContext()
{
    static GVC_t *context = gvContext();
    return context;
}

/// Graphviz's error messages of the current call (set under the lock).
std::string &graphvizErrors()
{
    static std::string errors;
    return errors;
}

int collectGraphvizError(char *message)
{
    if (message)
        graphvizErrors() += message;
    return 0;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

/// Sets a graph, node or edge attribute's default (cgraph wants writable strings).
void setDefault(Agraph_t *graph, int kind, const char *name, const std::string &value)
{
    std::string n = name;
    std::string v = value;
    agattr(graph, kind, n.data(), v.data());
}

/// `value` if it is a number within [low, high], else the nearest bound (`fallback` for NaN).
double within(double value, double low, double high, double fallback)
{
    if (std::isnan(value))
        return fallback;
    return std::clamp(value, low, high);
}

/// Options Graphviz can work with: sizes of at least one point and at most 10,000 (an inch is 72 points).
GraphLayoutOptions sanitised(GraphLayoutOptions options)
{
    const GraphLayoutOptions defaults;
    options.nodeWidth = within(options.nodeWidth, 1, 10000, defaults.nodeWidth);
    options.nodeHeight = within(options.nodeHeight, 1, 10000, defaults.nodeHeight);
    options.nodeSpacing = within(options.nodeSpacing, 0, 10000, defaults.nodeSpacing);
    options.rankSpacing = within(options.rankSpacing, 0, 10000, defaults.rankSpacing);
    return options;
}

/// The simple grid used when Graphviz fails: rows of nodes in projection order.
GraphLayoutResult gridLayout(std::size_t count, const GraphLayoutOptions &options, std::string error)
{
    GraphLayoutResult result;
    result.error = std::move(error);
    const std::size_t columns = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(std::sqrt(count))));
    const double stepX = options.nodeWidth + options.nodeSpacing;
    const double stepY = options.nodeHeight + options.nodeSpacing;
    result.positions.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        result.positions.emplace_back(options.nodeWidth / 2 + static_cast<double>(i % columns) * stepX,
            options.nodeHeight / 2 + static_cast<double>(i / columns) * stepY);
    }
    if (count > 0) {
        result.width = static_cast<double>(std::min(count, columns)) * stepX - options.nodeSpacing;
        result.height = static_cast<double>((count + columns - 1) / columns) * stepY - options.nodeSpacing;
    }
    return result;
}

/// How hard `dot` works, chosen by the graph's size. Measured on generated accounts (tests/bench/BenchGraphView.cpp,
/// RelWithDebInfo, 2 shared cores): with dot's defaults 283 drawn nodes and 1,108 edges took 2-7 s and 553 nodes and
/// 3,080 edges three minutes, the time going to crossing minimisation over the many long edges of a dense role-to-role
/// and role-to-resource graph.
struct Effort {
    /// Each node keeps at most this many incoming edges for the layout (all are still drawn); 0: all.
    std::size_t inEdges = 0;
    /// Graph attributes, from the Graphviz attribute reference (https://graphviz.org/docs/attrs/<name>/):
    /// - nslimit / nslimit1: network simplex stops after "nslimit * # nodes" iterations, for x coordinates / for
    ///   ranking (unset: INT_MAX).
    /// - mclimit: "multiplicative scale factor" of crossing minimisation's MinQuit (8) and MaxIter (24).
    /// - searchsize: "the maximum number of edges with negative cut values to search when looking for an edge with
    ///   minimum cut value" in network simplex (default 30).
    /// - remincross=false: no second crossing minimisation (it only runs with clusters; set so that it never does).
    const char *nslimit = nullptr;
    const char *mclimit = nullptr;
    const char *searchsize = nullptr;
};

/// Up to 400 distinct edges: dot's defaults, every edge (the tidiest drawing, well under a second).
/// Larger: nslimit 0.1, mclimit 0.01, searchsize 5, and three incoming edges per node up to 2,500 nodes, one (a
/// forest) above. Measured as CPU time on the shared 2-core development machine (figures vary up to twofold with its
/// load): 1,903 nodes and 13,936 edges, thinned to 2,575, take 0.6-1.1 s (1.0-2.2 s with nslimit 1 and mclimit 0.1);
/// the 5,000-role account's 5,413 drawn nodes 2-6 s with one incoming edge each, 8-11 s with two. No overlaps were
/// found with these settings (checked on both accounts, folded and unfolded), although Graphviz warns that a low
/// nslimit may leave some (https://gitlab.com/graphviz/graphviz/-/issues/462).
Effort effortFor(std::size_t nodes, std::size_t edges)
{
    if (edges <= 400)
        return {};
    return { nodes <= 2500 ? std::size_t(3) : std::size_t(1), "0.1", "0.01", "5" };
}

void applyEffort(Agraph_t *graph, const Effort &effort)
{
    if (effort.nslimit) {
        setDefault(graph, AGRAPH, "nslimit", effort.nslimit);
        setDefault(graph, AGRAPH, "nslimit1", effort.nslimit);
    }
    if (effort.mclimit)
        setDefault(graph, AGRAPH, "mclimit", effort.mclimit);
    if (effort.searchsize)
        setDefault(graph, AGRAPH, "searchsize", effort.searchsize);
    if (effort.inEdges > 0)
        setDefault(graph, AGRAPH, "remincross", "false");
}

/// Every pair of drawn nodes joined by an edge, once (loops do not change ranks), sorted.
std::vector<std::pair<std::size_t, std::size_t>> edgePairs(const GraphProjection &projection)
{
    const std::size_t count = projection.nodes().size();
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pairs.reserve(projection.edges().size());
    for (const ViewEdge &edge : projection.edges()) {
        if (edge.from != edge.to && edge.from < count && edge.to < count)
            pairs.emplace_back(edge.from, edge.to);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

/// The edges `dot` lays out. With an in-edge limit each node keeps that many incoming edges, the first in projection
/// order (sources by kind: users and their bundles, groups, roles, accounts, services, providers): a role stays right
/// of a principal that may assume it and a resource right of a role acting on it, while the dense role-to-role and
/// role-to-resource parts that make crossing minimisation slow are thinned.
std::vector<std::pair<std::size_t, std::size_t>> thinned(
    const GraphProjection &projection, std::vector<std::pair<std::size_t, std::size_t>> pairs, std::size_t inEdges)
{
    if (inEdges == 0)
        return pairs;
    std::vector<std::size_t> incoming(projection.nodes().size(), 0);
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    for (const auto &edge : pairs) {
        if (incoming[edge.second] < inEdges) {
            ++incoming[edge.second];
            kept.push_back(edge);
        }
    }
    return kept;
}

} // namespace

GraphLayoutResult layoutGraph(
    const GraphProjection &projection, const GraphLayoutOptions &requested, const GraphLayoutControl &control)
{
    const std::size_t count = projection.nodes().size();
    if (count == 0)
        return {};
    const GraphLayoutOptions options = sanitised(requested);

    std::unique_lock<std::mutex> guard(graphvizLock(), std::defer_lock);
    if (control.waitForGraphviz) {
        guard.lock();
    } else if (!guard.try_lock()) {
        GraphLayoutResult busy;
        busy.busy = true;
        return busy;
    }
    if (control.stillWanted && !control.stillWanted()) {
        GraphLayoutResult dropped;
        dropped.superseded = true;
        return dropped;
    }
    graphvizErrors().clear();
    const agerrlevel_t previousLevel = agseterr(AGERR);
    const agusererrf previousHandler = agseterrf(collectGraphvizError);

    std::string name = "g";
    Agraph_t *graph = agopen(name.data(), Agdirected, nullptr);
    if (!graph) {
        agseterrf(previousHandler);
        agseterr(previousLevel);
        return gridLayout(count, options, "Graphviz could not create a graph");
    }
    setDefault(graph, AGRAPH, "rankdir", options.leftToRight ? "LR" : "TB");
    // splines=none: "no edges are drawn at all" (https://graphviz.org/docs/attrs/splines/): the editor draws its own
    // edges, so dot skips routing them, its costliest phase on large graphs.
    setDefault(graph, AGRAPH, "splines", "none");
    setDefault(graph, AGRAPH, "nodesep", number(options.nodeSpacing / 72.0));
    setDefault(graph, AGRAPH, "ranksep", number(options.rankSpacing / 72.0));
    setDefault(graph, AGRAPH, "margin", "0");
    setDefault(graph, AGRAPH, "pad", "0");
    std::vector<std::pair<std::size_t, std::size_t>> pairs = edgePairs(projection);
    const Effort effort = effortFor(count, pairs.size());
    applyEffort(graph, effort);
    const std::vector<std::pair<std::size_t, std::size_t>> edges =
        thinned(projection, std::move(pairs), effort.inEdges);
    // Fixed-size boxes with no text: labels never reach Graphviz, so quotes, newlines or `<b>` in a label cannot be
    // read as Graphviz syntax or HTML-like labels (https://graphviz.org/doc/info/shapes.html#html).
    setDefault(graph, AGNODE, "shape", "box");
    setDefault(graph, AGNODE, "fixedsize", "true");
    setDefault(graph, AGNODE, "label", "");
    setDefault(graph, AGNODE, "width", number(options.nodeWidth / 72.0));
    setDefault(graph, AGNODE, "height", number(options.nodeHeight / 72.0));

    std::vector<Agnode_t *> gvNodes(count, nullptr);
    for (std::size_t i = 0; i < count; ++i) {
        std::string nodeName = "n" + std::to_string(i);
        gvNodes[i] = agnode(graph, nodeName.data(), 1);
    }
    for (const auto &[from, to] : edges)
        agedge(graph, gvNodes[from], gvNodes[to], nullptr, 1);

    GVC_t *context = graphvizContext();
    const int status = context ? gvLayout(context, graph, "dot") : -1;
    GraphLayoutResult result;
    result.edgesLaidOut = edges.size();
    if (status != 0) {
        std::string error = graphvizErrors().empty() ? std::string("Graphviz could not lay the graph out")
                                                     : "Graphviz: " + graphvizErrors();
        while (!error.empty() && (error.back() == '\n' || error.back() == ' '))
            error.pop_back();
        result = gridLayout(count, options, std::move(error));
        result.edgesLaidOut = 0;
    } else {
        const boxf box = GD_bb(graph);
        result.width = box.UR.x - box.LL.x;
        result.height = box.UR.y - box.LL.y;
        result.positions.reserve(count);
        for (Agnode_t *node : gvNodes) {
            const pointf at = ND_coord(node);
            result.positions.emplace_back(at.x - box.LL.x, box.UR.y - at.y);
        }
        gvFreeLayout(context, graph);
    }
    agclose(graph);
    agseterrf(previousHandler);
    agseterr(previousLevel);
    return result;
}

GraphLayoutResult layoutColumns(const GraphProjection &projection, const std::vector<int> &layers,
    const GraphLayoutOptions &options, double viewWidth, double viewHeight)
{
    const std::size_t count = projection.nodes().size();
    GraphLayoutResult result;
    result.positions.resize(count);
    if (count == 0)
        return result;
    auto layerOf = [&](std::size_t n) { return n < layers.size() ? layers[n] : 0; };

    // The layers in left-to-right order, each with its nodes in projection order; the middle one is layer 0 when
    // there is one, else the leftmost.
    std::map<int, std::vector<std::size_t>> byLayer;
    for (std::size_t n = 0; n < count; ++n)
        byLayer[layerOf(n)].push_back(n);
    const int middle = byLayer.count(0) ? 0 : byLayer.begin()->first;

    // Order each layer by its neighbours' rows in the layer next to it towards the middle, from the middle outwards.
    std::vector<std::vector<std::size_t>> neighbours(count);
    for (const ViewEdge &edge : projection.edges()) {
        if (edge.from < count && edge.to < count && edge.from != edge.to) {
            neighbours[edge.from].push_back(edge.to);
            neighbours[edge.to].push_back(edge.from);
        }
    }
    std::vector<double> row(count, 0);
    std::vector<int> order;
    for (const auto &entry : byLayer)
        order.push_back(entry.first);
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return std::abs(a - middle) < std::abs(b - middle); });
    for (int layer : order) {
        std::vector<std::size_t> &members = byLayer[layer];
        if (layer != middle) {
            const int towards = layer < middle ? layer + 1 : layer - 1;
            std::vector<double> key(members.size());
            for (std::size_t i = 0; i < members.size(); ++i) {
                double sum = 0;
                int seen = 0;
                for (std::size_t m : neighbours[members[i]]) {
                    if (layerOf(m) == towards) {
                        sum += row[m];
                        ++seen;
                    }
                }
                // Cards with no neighbour there go after the others, in projection order.
                key[i] = seen ? sum / seen : 1e12 + double(i);
            }
            std::vector<std::size_t> index(members.size());
            for (std::size_t i = 0; i < index.size(); ++i)
                index[i] = i;
            std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
            std::vector<std::size_t> sorted;
            sorted.reserve(members.size());
            for (std::size_t i : index)
                sorted.push_back(members[i]);
            members = std::move(sorted);
        }
        for (std::size_t i = 0; i < members.size(); ++i)
            row[members[i]] = double(i);
    }

    // The number of rows that lets the drawing fill a window of shape `aspect` at the largest scale.
    const double columnWidth = options.nodeWidth + 2 * options.nodeSpacing;
    const double rowHeight = options.nodeHeight + options.nodeSpacing;
    std::size_t largest = 0;
    for (const auto &entry : byLayer)
        largest = std::max(largest, entry.second.size());
    auto columnsOf = [](std::size_t cards, std::size_t rows) { return (cards + rows - 1) / rows; };
    auto widthFor = [&](std::size_t rows) {
        std::size_t columns = 0;
        for (const auto &entry : byLayer)
            columns += columnsOf(entry.second.size(), rows);
        return double(columns) * columnWidth + double(byLayer.size() - 1) * options.rankSpacing;
    };
    // The zoom at which the drawing with `r` rows fits the window, with the margins a view keeps around it.
    auto zoomFor = [&](std::size_t r) {
        return std::min(std::max(viewWidth - 80, 1.0) / widthFor(r),
            std::max(viewHeight - 80, 1.0) / (double(r) * rowHeight + options.nodeSpacing));
    };
    double best = 0;
    for (std::size_t r = 1; r <= largest; ++r)
        best = std::max(best, zoomFor(r));
    // The fewest columns (most rows) that come near that zoom or keep titles readable (three quarters of full size):
    // wrapping moves cards away from their edges.
    const double wanted = std::min(best, std::max(kReadableZoom, 0.8 * std::min(best, 1.0))) * 0.999;
    std::size_t rows = largest;
    while (rows > 1 && zoomFor(rows) < wanted)
        --rows;

    // Place: columns left to right; within a wrapped layer, the column nearest the middle holds its first cards.
    double x = 0;
    const double height = double(rows) * rowHeight;
    for (const auto &[layer, members] : byLayer) {
        const std::size_t columns = columnsOf(members.size(), rows);
        for (std::size_t i = 0; i < members.size(); ++i) {
            std::size_t column = i / rows;
            if (layer < middle)
                column = columns - 1 - column;
            const std::size_t inColumn = std::min(rows, members.size() - (i / rows) * rows);
            const double top = (height - double(inColumn) * rowHeight) / 2;
            result.positions[members[i]] = { x + double(column) * columnWidth + columnWidth / 2,
                top + double(i % rows) * rowHeight + rowHeight / 2 };
        }
        x += double(columns) * columnWidth + options.rankSpacing;
    }
    result.width = x - options.rankSpacing;
    result.height = height;
    return result;
}

std::vector<int> pathLayers(const GraphProjection &projection)
{
    const std::size_t count = projection.nodes().size();
    std::vector<std::vector<std::size_t>> out(count);
    std::vector<std::size_t> indegree(count, 0);
    for (const ViewEdge &edge : projection.edges()) {
        if (edge.from < count && edge.to < count && edge.from != edge.to) {
            out[edge.from].push_back(edge.to);
            ++indegree[edge.to];
        }
    }
    // Longest path from the sources (Kahn's order); what a cycle leaves unvisited starts from its smallest index.
    std::vector<int> layers(count, 0);
    std::vector<bool> done(count, false);
    std::vector<std::size_t> ready;
    for (std::size_t n = 0; n < count; ++n) {
        if (indegree[n] == 0)
            ready.push_back(n);
    }
    std::size_t visited = 0;
    while (visited < count) {
        if (ready.empty()) {
            for (std::size_t n = 0; n < count; ++n) {
                if (!done[n]) {
                    ready.push_back(n);
                    break;
                }
            }
        }
        const std::size_t n = ready.back();
        ready.pop_back();
        if (done[n])
            continue;
        done[n] = true;
        ++visited;
        for (std::size_t m : out[n]) {
            if (done[m])
                continue;
            layers[m] = std::max(layers[m], layers[n] + 1);
            if (--indegree[m] == 0)
                ready.push_back(m);
        }
    }
    return layers;
}

} // namespace rd::doc
