// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/GraphProjection.h"

#include "rd/core/graph/GraphNeighbourhood.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
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

/// The account scope: every node not vacant, with the family bundles GraphCollapse folds. Fills `view` (unsorted) and
/// the drawn node of each access-graph node.
void foldAccount(const AccessGraph &graph, const GraphCollapse &collapse, std::vector<ViewNode> &view,
    std::vector<std::size_t> &provisional)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    const std::size_t count = nodes.size();
    constexpr std::size_t none = GraphProjection::npos;

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

    // 3. The drawn nodes.
    std::vector<std::size_t> viewOfBundle(bundles.size(), none);
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
        view.push_back({ core::graphLayoutKey(nodes[n]), nodes[n].kind, labelOf(nodes[n]), { n }, false, 0, {} });
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
}

/// What foldScope() drew beyond the nodes: which edges, the focus, how many nodes the scope holds.
struct ScopeFold {
    std::vector<bool> edgeDrawn;
    std::size_t focus = GraphProjection::npos;
    std::size_t size = 0;
};

/// A node of a focus or path scope, with its hops from the focus (negative on the reaching side).
struct ScopeMember {
    std::size_t node = 0;
    int hops = 0;
};

/// How a bundle of the focus and path scopes subdivides: an IAM entity by the first segment of its path
/// (`arn:aws:iam::1:role/team-3/app` -> `/team-3/`, `/` for none), a resource by its service, anything else not.
std::string subgroupOf(const GraphNode &node)
{
    if (node.kind == GraphNodeKind::Resource)
        return lowerCase(resourceService(node.key));
    if (node.kind != GraphNodeKind::User && node.kind != GraphNodeKind::Group && node.kind != GraphNodeKind::Role)
        return {};
    // The resource part of the ARN: after its fifth colon (`role/team-3/app`).
    std::size_t at = 0;
    for (int i = 0; i < 5 && at != std::string::npos; ++i)
        at = node.key.find(':', i == 0 ? 0 : at + 1);
    if (at == std::string::npos)
        return {};
    const std::size_t typeEnd = node.key.find('/', at + 1);
    if (typeEnd == std::string::npos)
        return "/";
    const std::size_t segmentEnd = node.key.find('/', typeEnd + 1);
    if (segmentEnd == std::string::npos)
        return "/";
    return node.key.substr(typeEnd, segmentEnd - typeEnd + 1);
}

/// `3 roles`, `1 AWS service`, `12 more users`.
std::string countOf(GraphNodeKind kind, std::size_t count, bool more)
{
    // In GraphNodeKind order.
    static const char *const singular[] = { "user", "group", "role", "account", "AWS service", "identity provider",
        "resource" };
    const char *noun = singular[std::min(std::size_t(kind), std::size(singular) - 1)];
    return std::to_string(count) + (more ? " more " : " ") + noun + (count == 1 ? "" : "s");
}

/// Draws the members of one family or bundle of a focus or path scope: each member on its own card, or, unless the
/// bundle key is expanded, all of them on one "+N" card (see GraphScope).
class ScopeBundler
{
public:
    ScopeBundler(const AccessGraph &graph, const GraphCollapse &collapse, std::vector<ViewNode> &view,
        std::vector<std::size_t> &provisional)
        : m_graph(graph)
        , m_collapse(collapse)
        , m_view(view)
        , m_provisional(provisional)
    {
    }

    void show(const ScopeMember &member, const std::string &openedFrom = {})
    {
        const GraphNode &node = m_graph.nodes()[member.node];
        m_provisional[member.node] = m_view.size();
        m_view.push_back(
            { core::graphLayoutKey(node), node.kind, labelOf(node), { member.node }, false, member.hops, openedFrom });
    }

    /// `members` sorted nearest first, then by label; `about` says what they share (an account, a path prefix).
    void bundle(const std::string &key, GraphNodeKind kind, const std::vector<ScopeMember> &members,
        const std::string &about, bool more, const std::string &openedFrom = {})
    {
        if (members.size() == 1) {
            show(members.front(), openedFrom); // a bundle of one would only hide its name
            return;
        }
        if (!m_collapse.expanded.count(key)) {
            ViewNode node;
            node.key = key;
            node.kind = kind;
            node.bundle = true;
            node.label = "+" + countOf(kind, members.size(), more) + (about.empty() ? "" : " · " + about);
            node.hops = members.front().hops;
            node.openedFrom = openedFrom;
            for (const ScopeMember &member : members) {
                node.members.push_back(member.node);
                if (std::abs(member.hops) < std::abs(node.hops))
                    node.hops = member.hops;
                m_provisional[member.node] = m_view.size();
            }
            std::sort(node.members.begin(), node.members.end());
            m_view.push_back(std::move(node));
            return;
        }
        // Opened: by path prefix or service when the members are many and fall into several, else a page at a time.
        if (members.size() > GraphScope::kBundlePage) {
            std::map<std::string, std::vector<ScopeMember>> parts;
            for (const ScopeMember &member : members)
                parts[subgroupOf(m_graph.nodes()[member.node])].push_back(member);
            if (parts.size() > 1) {
                for (const auto &[part, partMembers] : parts)
                    bundle(key + ":" + part, kind, partMembers, part.empty() ? about : part, false, key);
                return;
            }
        }
        const std::size_t page = std::min(members.size(), GraphScope::kBundlePage);
        for (std::size_t i = 0; i < page; ++i)
            show(members[i], key);
        if (page < members.size())
            bundle(key + "+", kind, { members.begin() + std::ptrdiff_t(page), members.end() }, about, true, key);
    }

private:
    const AccessGraph &m_graph;
    const GraphCollapse &m_collapse;
    std::vector<ViewNode> &m_view;
    std::vector<std::size_t> &m_provisional;
};

/// The focus and path scopes (GraphScope): the nodes in scope, each on its own card or summed up on a "+N" bundle so
/// that about `cardCap` cards are drawn. Fills `view` (unsorted) and the drawn node of each access-graph node.
ScopeFold foldScope(const AccessGraph &graph, const GraphCollapse &collapse, const GraphScope &scope,
    std::vector<ViewNode> &view, std::vector<std::size_t> &provisional)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    const core::EdgeList &edges = graph.edges();
    const std::size_t count = nodes.size();
    constexpr std::size_t none = GraphProjection::npos;
    ScopeFold fold;
    fold.edgeDrawn.assign(edges.size(), false);

    // Which nodes are in scope, on which side of the focus and how far from it.
    std::vector<int> in(count, -1);
    std::vector<int> out(count, -1);
    if (scope.mode == GraphScope::Mode::Focus) {
        fold.focus = findByLayoutKey(graph, scope.focus);
        if (fold.focus == none)
            return fold;
        core::GraphNeighbourhood hood =
            core::neighbourhoodOf(graph, fold.focus, std::clamp(scope.depth, 1, GraphScope::kMaxDepth));
        in = std::move(hood.reaching);
        out = std::move(hood.reached);
        fold.edgeDrawn = std::move(hood.edges);
    } else {
        std::vector<std::string> keys(count);
        for (std::size_t n = 0; n < count; ++n) {
            if (graph.isVacant(n))
                continue;
            std::string key = core::graphLayoutKey(nodes[n]);
            if (scope.pathNodes.count(key)) {
                in[n] = 0;
                keys[n] = std::move(key);
            }
        }
        for (std::size_t e = 0; e < edges.size(); ++e) {
            const std::size_t a = edges[e].from;
            const std::size_t b = edges[e].to;
            fold.edgeDrawn[e] = a < count && b < count && in[a] >= 0 && in[b] >= 0
                && scope.pathEdges.count({ keys[a], keys[b], edges[e].kind }) > 0;
        }
    }

    // Families: side, kind and account; members nearest first, then by label.
    std::map<std::string, std::pair<GraphNodeKind, std::vector<ScopeMember>>> families;
    std::map<std::string, std::string> accountOf;
    for (std::size_t n = 0; n < count; ++n) {
        if (n == fold.focus || (in[n] < 0 && out[n] < 0))
            continue;
        ++fold.size;
        const bool reaching = in[n] >= 0 && (out[n] < 0 || in[n] <= out[n]);
        const char *side = scope.mode == GraphScope::Mode::Paths ? "path" : reaching ? "in" : "out";
        const std::string key = std::string("bundle:more:") + side + ":"
            + std::string(core::graphNodeKindName(nodes[n].kind)) + ":" + nodes[n].accountId;
        auto &family = families[key];
        family.first = nodes[n].kind;
        family.second.push_back({ n, reaching ? -in[n] : out[n] });
        accountOf[key] = nodes[n].accountId;
    }
    ScopeBundler bundler(graph, collapse, view, provisional);
    if (fold.focus != none) {
        ++fold.size;
        bundler.show({ fold.focus, 0 });
    }
    std::vector<std::pair<std::string, std::vector<ScopeMember> *>> order;
    for (auto &[key, family] : families) {
        std::sort(family.second.begin(), family.second.end(), [&](const ScopeMember &a, const ScopeMember &b) {
            const int hopsA = std::abs(a.hops);
            const int hopsB = std::abs(b.hops);
            return std::tie(hopsA, labelOf(nodes[a.node]), a.node) < std::tie(hopsB, labelOf(nodes[b.node]), b.node);
        });
        order.emplace_back(key, &family.second);
    }
    // A fair share of the cards for each family: the small ones whole, the rest shared equally (water-filling).
    std::stable_sort(
        order.begin(), order.end(), [](const auto &a, const auto &b) { return a.second->size() < b.second->size(); });
    const std::size_t total = fold.size;
    std::ptrdiff_t remaining = std::ptrdiff_t(scope.cardCap) - std::ptrdiff_t(view.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto &[key, members] = order[i];
        const GraphNodeKind kind = families[key].first;
        const std::ptrdiff_t share = std::max<std::ptrdiff_t>(1, remaining / std::ptrdiff_t(order.size() - i));
        if (total <= scope.cardCap || std::ptrdiff_t(members->size()) <= share) {
            for (const ScopeMember &member : *members)
                bundler.show(member);
            remaining -= std::ptrdiff_t(members->size());
            continue;
        }
        const std::size_t shown = std::size_t(std::max<std::ptrdiff_t>(0, share - 1));
        for (std::size_t m = 0; m < shown; ++m)
            bundler.show((*members)[m]);
        bundler.bundle(
            key, kind, { members->begin() + std::ptrdiff_t(shown), members->end() }, accountOf[key], shown > 0);
        remaining -= share;
    }
    return fold;
}

/// The overview's cluster of a node at `level` (GraphScope, `Overview`): its account, then its path prefix or service
/// (its kind for nodes that have neither), then its kind.
std::string clusterPart(const GraphNode &node, int level)
{
    switch (level) {
    case 0:
        if (node.kind == GraphNodeKind::Service)
            return "aws";
        return node.accountId.empty() || node.accountId == "*" ? "external" : node.accountId;
    case 1: {
        std::string part = subgroupOf(node);
        return part.empty() ? std::string(core::graphNodeKindName(node.kind)) : part;
    }
    default:
        return std::string(core::graphNodeKindName(node.kind));
    }
}

/// Draws the overview scope (GraphScope, `Overview`): clusters opened level by level while they fit the card cap.
void foldOverview(const AccessGraph &graph, const GraphCollapse &collapse, const GraphScope &scope,
    std::vector<ViewNode> &view, std::vector<std::size_t> &provisional)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    struct Cluster {
        std::string key;
        int level = 0;
        std::vector<std::size_t> members;
    };
    auto split = [&](const Cluster &cluster) {
        std::map<std::string, std::vector<std::size_t>> parts;
        for (std::size_t n : cluster.members)
            parts[clusterPart(nodes[n], cluster.level + 1)].push_back(n);
        std::vector<Cluster> children;
        for (auto &[part, members] : parts)
            children.push_back({ cluster.key + ":" + part, cluster.level + 1, std::move(members) });
        return children;
    };
    // How many cards a cluster takes when opened: its parts, or a page of members and a bundle of the rest.
    auto openedCards = [&](const Cluster &cluster) -> std::size_t {
        if (cluster.level >= 2)
            return std::min(cluster.members.size(), GraphScope::kBundlePage + 1);
        std::set<std::string> parts;
        for (std::size_t n : cluster.members)
            parts.insert(clusterPart(nodes[n], cluster.level + 1));
        return parts.size();
    };

    // The accounts' clusters.
    std::map<std::string, std::vector<std::size_t>> accounts;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (!graph.isVacant(n))
            accounts[clusterPart(nodes[n], 0)].push_back(n);
    }
    std::vector<Cluster> roots;
    for (auto &[account, members] : accounts)
        roots.push_back({ "bundle:cluster:" + account, 0, std::move(members) });

    // Open level by level while every cluster of the level fits the cap once opened.
    std::set<std::string> opened;
    std::vector<Cluster> frontier = roots;
    std::size_t cards = frontier.size();
    auto openable = [&](const Cluster &cluster, int level) {
        return cluster.level == level && cluster.members.size() > 1 && !collapse.collapsed.count(cluster.key);
    };
    for (int level = 0; level < 3; ++level) {
        std::size_t next = cards;
        for (const Cluster &cluster : frontier) {
            if (openable(cluster, level))
                next = next - 1 + openedCards(cluster);
        }
        // Half the cap: clusters of one kind share a column, which wraps into several before the drawing is readable.
        if (next == cards || next > scope.cardCap / 2)
            break;
        std::vector<Cluster> deeper;
        for (Cluster &cluster : frontier) {
            if (!openable(cluster, level)) {
                deeper.push_back(std::move(cluster));
                continue;
            }
            opened.insert(cluster.key);
            if (level < 2) {
                for (Cluster &child : split(cluster))
                    deeper.push_back(std::move(child));
            }
        }
        frontier = std::move(deeper);
        cards = next;
    }

    // Draw: each cluster closed, or opened (on its own or by the user) into its parts or a page of its members.
    ScopeBundler bundler(graph, collapse, view, provisional);
    std::function<void(const Cluster &, const std::string &)> draw = [&](const Cluster &cluster,
                                                                         const std::string &parent) {
        if (cluster.members.size() == 1) {
            bundler.show({ cluster.members.front(), 0 }, parent);
            return;
        }
        const bool open = collapse.expanded.count(cluster.key)
            || (opened.count(cluster.key) && !collapse.collapsed.count(cluster.key));
        if (!open) {
            ViewNode node;
            node.key = cluster.key;
            node.bundle = true;
            node.openedFrom = parent;
            node.members = cluster.members;
            std::map<GraphNodeKind, std::size_t> kinds;
            for (std::size_t n : cluster.members)
                ++kinds[nodes[n].kind];
            const auto most = std::max_element(
                kinds.begin(), kinds.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
            node.kind = cluster.level == 0 ? GraphNodeKind::Account : most->first;
            // The name of its part: an account, a path prefix, a service, a kind.
            node.label = cluster.key.substr(cluster.key.rfind(':') + 1);
            if (cluster.level == 0 && node.label == "aws")
                node.label = "AWS services";
            else if (cluster.level == 0 && node.label == "external")
                node.label = "No account";
            for (std::size_t n : cluster.members)
                provisional[n] = view.size();
            view.push_back(std::move(node));
            return;
        }
        if (cluster.level >= 2) {
            std::vector<ScopeMember> members;
            for (std::size_t n : cluster.members)
                members.push_back({ n, 0 });
            std::sort(members.begin(), members.end(), [&](const ScopeMember &a, const ScopeMember &b) {
                return std::tie(labelOf(nodes[a.node]), a.node) < std::tie(labelOf(nodes[b.node]), b.node);
            });
            const std::size_t page = std::min(members.size(), GraphScope::kBundlePage);
            for (std::size_t i = 0; i < page; ++i)
                bundler.show(members[i], cluster.key);
            if (page < members.size()) {
                bundler.bundle(cluster.key + "+", nodes[members.front().node].kind,
                    { members.begin() + std::ptrdiff_t(page), members.end() }, {}, true, cluster.key);
            }
            return;
        }
        for (const Cluster &child : split(cluster))
            draw(child, cluster.key);
    };
    for (const Cluster &root : roots)
        draw(root, {});
}

} // namespace

std::size_t findByLayoutKey(const core::AccessGraph &graph, const std::string &key)
{
    // `<kind>:<entity id>` for the workspace's entities, `pattern:<key>` and `<kind>:<key>` for the rest
    // (core::graphLayoutKey): found by id or through the graph's key index, without a key made for every node.
    const std::vector<GraphNode> &nodes = graph.nodes();
    const std::size_t colon = key.find(':');
    if (colon == std::string::npos)
        return GraphProjection::npos;
    const std::string_view prefix = std::string_view(key).substr(0, colon);
    const std::string_view rest = std::string_view(key).substr(colon + 1);
    std::size_t found = GraphProjection::npos;
    if (prefix == "pattern") {
        found = graph.find(rest, GraphNodeKind::Resource);
    } else {
        for (int k = 0; k <= int(GraphNodeKind::Resource) && found == GraphProjection::npos; ++k) {
            const auto kind = GraphNodeKind(k);
            if (core::graphNodeKindName(kind) != prefix)
                continue;
            const bool number = !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            });
            if (number) {
                const std::uint64_t id = std::stoull(std::string(rest));
                for (std::size_t n = 0; n < nodes.size() && found == GraphProjection::npos; ++n) {
                    if (nodes[n].kind == kind && nodes[n].entityId == id)
                        found = n;
                }
            } else {
                found = graph.find(rest, kind);
            }
        }
    }
    // The key it makes is the one asked for (an entity's node is never found by its ARN here), and it is drawn.
    if (found >= nodes.size() || graph.isVacant(found) || core::graphLayoutKey(nodes[found]) != key)
        return GraphProjection::npos;
    return found;
}

GraphProjection GraphProjection::project(
    const core::AccessGraph &graph, const GraphCollapse &collapse, const GraphScope &scope)
{
    const std::vector<GraphNode> &nodes = graph.nodes();
    const std::size_t count = nodes.size();
    constexpr std::size_t none = npos;

    GraphProjection projection;
    std::vector<ViewNode> &view = projection.m_nodes;
    std::vector<std::size_t> provisional(count, none);
    std::vector<bool> edgeDrawn; // empty: every edge between drawn nodes
    std::size_t focus = none;
    if (scope.mode == GraphScope::Mode::Account) {
        foldAccount(graph, collapse, view, provisional);
        projection.m_scopeSize = count;
    } else if (scope.mode == GraphScope::Mode::Overview) {
        foldOverview(graph, collapse, scope, view, provisional);
        projection.m_scopeSize = count;
    } else {
        ScopeFold fold = foldScope(graph, collapse, scope, view, provisional);
        edgeDrawn = std::move(fold.edgeDrawn);
        focus = fold.focus;
        projection.m_scopeSize = fold.size;
    }

    // 3. The drawn nodes, sorted by kind, label and key.
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
    if (focus != none && provisional[focus] != none)
        projection.m_focus = rank[provisional[focus]];

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
        if (edge.from >= count || edge.to >= count || (!edgeDrawn.empty() && !edgeDrawn[e]))
            continue;
        const std::size_t from = projection.m_viewOfGraphNode[edge.from];
        const std::size_t to = projection.m_viewOfGraphNode[edge.to];
        if (from == none || to == none)
            continue;
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
