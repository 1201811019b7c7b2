// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/GraphProjection.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <tuple>

namespace rd::doc
{

namespace
{

using core::AccessGraph;
using core::GraphEdgeKind;
using core::GraphNode;
using core::GraphNodeKind;

/// A bundle being gathered: its key, the kind of its members, its members.
struct Bundle {
    std::string key;
    GraphNodeKind kind = GraphNodeKind::User;
    std::vector<std::size_t> members;
    bool folded = false;
};

/// The service of a resource node's key: the third field of an ARN (`arn:aws:s3:::bucket` -> `s3`), `*` for `*`
/// and for a wildcard in the service field, `other` for what is not an ARN. A view of `key` or of a literal.
std::string_view resourceService(std::string_view key)
{
    if (key == "*")
        return "*";
    if (key.substr(0, 4) != "arn:")
        return "other";
    const std::size_t partitionEnd = key.find(':', 4);
    if (partitionEnd == std::string_view::npos)
        return "other";
    const std::size_t serviceEnd = key.find(':', partitionEnd + 1);
    const std::string_view service = key.substr(partitionEnd + 1,
        serviceEnd == std::string_view::npos ? std::string_view::npos : serviceEnd - partitionEnd - 1);
    if (service.empty())
        return "other";
    if (service.find_first_of("*?") != std::string_view::npos)
        return "*";
    return service;
}

std::string lowerCase(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isFolded(const GraphCollapse &collapse, const std::string &key, bool byDefault)
{
    if (collapse.expanded.count(key))
        return false;
    if (collapse.collapsed.count(key))
        return true;
    return byDefault;
}

const std::string &labelOf(const GraphNode &node)
{
    return node.label.empty() ? node.key : node.label;
}

/// `alice, bob +18`: the first two member labels in label order, and how many more.
std::string userBundleLabel(const AccessGraph &graph, std::vector<std::size_t> members)
{
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(labelOf(graph.nodes()[a]), a) < std::tie(labelOf(graph.nodes()[b]), b);
    });
    std::string label;
    const std::size_t shown = std::min<std::size_t>(2, members.size());
    for (std::size_t i = 0; i < shown; ++i)
        label += (i ? ", " : "") + labelOf(graph.nodes()[members[i]]);
    if (members.size() > shown)
        label += " +" + std::to_string(members.size() - shown);
    return label;
}

} // namespace

GraphProjection GraphProjection::project(const core::AccessGraph &graph, const GraphCollapse &collapse)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    const std::size_t count = nodes.size();
    constexpr std::size_t none = npos;

    // 1. Gather the bundles every node could go into.
    std::vector<Bundle> bundles;
    std::vector<std::size_t> bundleOf(count, none);
    std::vector<std::size_t> groupBundle(count, none); // by group node
    std::size_t servicesBundle = none;
    std::vector<std::pair<std::string, std::size_t>> resourceBundles; // by service (lower case): a handful
    for (std::size_t n = 0; n < count; ++n) {
        const GraphNode &node = nodes[n];
        if (graph.isVacant(n))
            continue; // drawn by no node
        switch (node.kind) {
        case GraphNodeKind::User: {
            // The first group: the target of the user's first member-of edge.
            std::size_t firstEdge = none;
            for (std::size_t e : graph.outEdges(n)) {
                const core::GraphEdge &edge = graph.edges()[e];
                if (edge.kind == GraphEdgeKind::MemberOf && edge.to < count
                    && nodes[edge.to].kind == GraphNodeKind::Group && (firstEdge == none || e < firstEdge)) {
                    firstEdge = e;
                }
            }
            if (firstEdge == none)
                break;
            const std::size_t groupNode = graph.edges()[firstEdge].to;
            if (groupBundle[groupNode] == none) {
                groupBundle[groupNode] = bundles.size();
                bundles.push_back(
                    { "bundle:group:" + core::graphLayoutKey(nodes[groupNode]), GraphNodeKind::User, {}, false });
            }
            bundleOf[n] = groupBundle[groupNode];
            break;
        }
        case GraphNodeKind::Service:
            if (servicesBundle == none) {
                servicesBundle = bundles.size();
                bundles.push_back({ "bundle:services", GraphNodeKind::Service, {}, false });
            }
            bundleOf[n] = servicesBundle;
            break;
        case GraphNodeKind::Resource: {
            const std::string_view service = resourceService(node.key);
            auto it = std::find_if(resourceBundles.begin(), resourceBundles.end(), [&](const auto &known) {
                return known.first.size() == service.size()
                    && std::equal(service.begin(), service.end(), known.first.begin(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
            });
            if (it == resourceBundles.end()) {
                resourceBundles.emplace_back(lowerCase(service), bundles.size());
                bundles.push_back(
                    { "bundle:resources:" + resourceBundles.back().first, GraphNodeKind::Resource, {}, false });
                it = resourceBundles.end() - 1;
            }
            bundleOf[n] = it->second;
            break;
        }
        default:
            break;
        }
        if (bundleOf[n] != none)
            bundles[bundleOf[n]].members.push_back(n);
    }

    // 2. Decide which bundles are folded.
    for (Bundle &bundle : bundles) {
        const bool byDefault = bundle.kind == GraphNodeKind::User
            ? collapse.groups && bundle.members.size() >= 2
            : collapse.services && bundle.members.size() > collapse.bundleThreshold;
        bundle.folded = isFolded(collapse, bundle.key, byDefault);
    }

    // 3. The drawn nodes, sorted by kind, label and key.
    GraphProjection projection;
    std::vector<ViewNode> &view = projection.m_nodes;
    std::vector<std::size_t> viewOfBundle(bundles.size(), none);
    std::vector<std::size_t> provisional(count, none);
    for (std::size_t n = 0; n < count; ++n) {
        if (graph.isVacant(n))
            continue;
        const std::size_t b = bundleOf[n];
        if (b != none && bundles[b].folded) {
            if (viewOfBundle[b] == none) {
                viewOfBundle[b] = view.size();
                ViewNode bundleNode;
                bundleNode.key = bundles[b].key;
                bundleNode.kind = bundles[b].kind;
                bundleNode.bundle = true;
                bundleNode.members = bundles[b].members;
                view.push_back(std::move(bundleNode));
            }
            provisional[n] = viewOfBundle[b];
            continue;
        }
        provisional[n] = view.size();
        view.push_back({ core::graphLayoutKey(nodes[n]), nodes[n].kind, labelOf(nodes[n]), { n }, false });
    }
    for (std::size_t b = 0; b < bundles.size(); ++b) {
        if (viewOfBundle[b] == none)
            continue;
        ViewNode &node = view[viewOfBundle[b]];
        const std::string members = std::to_string(node.members.size());
        if (node.kind == GraphNodeKind::User) {
            node.label = userBundleLabel(graph, node.members);
        } else if (node.kind == GraphNodeKind::Service) {
            node.label = "AWS services · " + members;
        } else {
            const std::string service = node.key.substr(std::string_view("bundle:resources:").size());
            node.label = service + " · " + members + (node.members.size() == 1 ? " resource" : " resources");
        }
    }
    std::vector<std::size_t> order(view.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(view[a].kind, view[a].label, view[a].key) < std::tie(view[b].kind, view[b].label, view[b].key);
    });
    std::vector<std::size_t> rank(view.size());
    std::vector<ViewNode> sorted;
    sorted.reserve(view.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        rank[order[i]] = i;
        sorted.push_back(std::move(view[order[i]]));
    }
    view = std::move(sorted);
    projection.m_viewOfGraphNode.resize(count);
    for (std::size_t n = 0; n < count; ++n)
        projection.m_viewOfGraphNode[n] = provisional[n] == none ? none : rank[provisional[n]];
    projection.m_byKey.reserve(view.size());
    for (std::size_t i = 0; i < view.size(); ++i)
        projection.m_byKey.emplace(view[i].key, i);

    // 4. The drawn edges: access-graph edges of one kind between the same drawn nodes merged, loops made by folding
    // dropped.
    struct Ref {
        std::size_t from;
        std::size_t to;
        GraphEdgeKind kind;
        std::size_t edge;
    };
    const core::EdgeList &edges = graph.edges();
    std::vector<Ref> refs;
    refs.reserve(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        const core::GraphEdge &edge = edges[e];
        if (edge.from >= count || edge.to >= count)
            continue;
        const std::size_t from = projection.m_viewOfGraphNode[edge.from];
        const std::size_t to = projection.m_viewOfGraphNode[edge.to];
        if (from == to && edge.from != edge.to)
            continue;
        refs.push_back({ from, to, edge.kind, e });
    }
    // Counting sort by source, then each source's few edges by target, kind and index.
    std::vector<std::size_t> start(view.size() + 1, 0);
    for (const Ref &ref : refs)
        ++start[ref.from + 1];
    for (std::size_t v = 0; v < view.size(); ++v)
        start[v + 1] += start[v];
    std::vector<Ref> bySource(refs.size());
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (const Ref &ref : refs)
            bySource[next[ref.from]++] = ref;
    }
    refs = std::move(bySource);
    for (std::size_t v = 0; v < view.size(); ++v) {
        std::sort(refs.begin() + static_cast<std::ptrdiff_t>(start[v]),
            refs.begin() + static_cast<std::ptrdiff_t>(start[v + 1]),
            [](const Ref &a, const Ref &b) { return std::tie(a.to, a.kind, a.edge) < std::tie(b.to, b.kind, b.edge); });
    }
    for (std::size_t i = 0; i < refs.size();) {
        ViewEdge merged;
        merged.from = refs[i].from;
        merged.to = refs[i].to;
        merged.kind = refs[i].kind;
        merged.conditional = true;
        std::size_t j = i;
        while (j < refs.size() && refs[j].from == merged.from && refs[j].to == merged.to && refs[j].kind == merged.kind)
            ++j;
        merged.edges.reserve(j - i);
        for (j = i;
             j < refs.size() && refs[j].from == merged.from && refs[j].to == merged.to && refs[j].kind == merged.kind;
             ++j) {
            merged.edges.push_back(refs[j].edge);
            merged.conditional = merged.conditional && edges[refs[j].edge].conditional;
        }
        projection.m_edges.push_back(std::move(merged));
        i = j;
    }
    return projection;
}

std::size_t GraphProjection::viewNodeOf(std::size_t graphNode) const
{
    return graphNode < m_viewOfGraphNode.size() ? m_viewOfGraphNode[graphNode] : npos;
}

std::size_t GraphProjection::find(const std::string &key) const
{
    auto it = m_byKey.find(key);
    return it == m_byKey.end() ? npos : it->second;
}

} // namespace rd::doc
