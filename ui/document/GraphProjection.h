// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace rd::doc
{

/// Which parts of the access graph the graph editor folds so that a large account stays legible.
///
/// Bundles and their keys (ViewNode::key):
/// - `bundle:group:<layout key of the group>` (`bundle:group:group:4`): the users whose first group (their first
///   member-of edge) is that group, labelled `alice, bob +18`. The group keeps its own node; the bundle has one
///   member-of edge to it (and to the users' other groups). Folded by default when `groups` is on and at least two
///   users would be in it (a bundle of one user would only hide its name).
/// - `bundle:services`: every AWS service principal, labelled `AWS services · 14`.
/// - `bundle:resources:<service>` (`bundle:resources:s3`, `bundle:resources:*` for `*` and patterns whose service
///   is a wildcard, `bundle:resources:other` for what is not an ARN): the resource nodes (modelled resources and
///   patterns) of one service, labelled `s3 · 120 resources`.
///   Services and resources are folded by default when `services` is on and there are more than `bundleThreshold`
///   members.
/// A key in `collapsed` folds its bundle whatever the defaults (even one member); a key in `expanded` shows its
/// members as plain nodes. A key in both sets counts as expanded.
struct GraphCollapse {
    /// Users that belong to a group are folded into one bundle per (first) group.
    bool groups = true;
    /// AWS service principals are folded into one node, and resource nodes into one node per service (`s3`,
    /// `dynamodb`...), each when there are more of them than `bundleThreshold`.
    bool services = true;
    std::size_t bundleThreshold = 12;
    /// Bundle keys (ViewNode::key) the user opened, and ones the user closed, overriding the defaults above.
    std::set<std::string> expanded;
    std::set<std::string> collapsed;
};

/// An access-graph edge named by the layout keys of its ends (core::graphLayoutKey) and its kind: it names the same
/// edge in every model of a workspace, whatever the node indexes.
struct GraphEdgeKey {
    std::string from;
    std::string to;
    core::GraphEdgeKind kind = core::GraphEdgeKind::MayAssume;
    friend auto operator<=>(const GraphEdgeKey &, const GraphEdgeKey &) = default;
};

/// Which part of the access graph is drawn.
///
/// - `Account`: every node, folded as GraphCollapse says.
/// - `Focus`: one node (`focus`, a layout key) and its neighbourhood: what reaches it (who may assume it, act on it,
///   belong to it), `depth` hops back along the edges, and what it reaches, `depth` hops forward. Only edges that lead
///   towards the focus on its reaching side, or away from it on its reached side, are drawn (a user who may assume the
///   focused role and also reads a bucket the role reads is drawn with its edge to the role only).
/// - `Paths`: exactly the nodes and edges named (a reach query's answers).
/// - `Overview`: every node, in clusters: by account (`bundle:cluster:<account>`; `aws` for AWS service principals,
///   `external` for what has no account), then by path prefix or resource service (`<cluster key>:/team-3/`), then by
///   kind (`<cluster key>:role`), then a page of members at a time; clusters open on their own, level by level, while
///   the cards stay within half of `cardCap`, and a key in GraphCollapse::expanded opens its cluster, one in
///   GraphCollapse::collapsed keeps it closed. Edges between two clusters are merged (ViewEdge::edges counts them).
///
/// In the focus and path scopes GraphCollapse's family folds do not apply; instead, when more than `cardCap` cards
/// would be drawn, each family of nodes (side of the focus, kind and account) gets a fair share of the cards, nearest
/// hops and then labels first, and the rest of the family is summed up on one "+N more" bundle,
/// `bundle:more:<side>:<kind>:<account>` (side `in`, `out` or `path`). A bundle key in GraphCollapse::expanded
/// opens it: into one bundle per path prefix (`/team-3/`) or service (`s3`) when its members are many and have
/// several (`<bundle key>:<prefix>`), else into its first kBundlePage members and a bundle of the rest
/// (`<bundle key>+`).
struct GraphScope {
    enum class Mode { Account, Focus, Paths, Overview };
    Mode mode = Mode::Account;
    std::string focus;
    int depth = 1;
    std::size_t cardCap = 300;
    std::set<std::string> pathNodes;
    std::set<GraphEdgeKey> pathEdges;

    static constexpr int kMaxDepth = 3;
    static constexpr std::size_t kBundlePage = 40;
};

/// One drawn node: a node of the access graph, or a folded bundle of several.
struct ViewNode {
    /// The layout key (core::graphLayoutKey) for a plain node; `bundle:...` for a bundle.
    std::string key;
    core::GraphNodeKind kind = core::GraphNodeKind::Resource;
    std::string label;
    /// The access graph's node indexes it stands for, ascending (one for a plain node).
    std::vector<std::size_t> members;
    bool bundle = false;
    /// Focus scope: hops from the focus, negative on its reaching side (-1: reaches it directly), positive on its
    /// reached side; 0 for the focus itself; a bundle's nearest member's. 0 in the other scopes.
    int hops = 0;
    /// Focus and path scopes: the opened bundle this node was drawn out of ("" when none); closing it folds the node
    /// back.
    std::string openedFrom;
};

/// One drawn edge: every access-graph edge of one kind between the same two drawn nodes. Edges that folding turns
/// into a loop (a user bundle's edge to itself) are not drawn; a loop of the access graph itself (a role that trusts
/// itself) is.
struct ViewEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    core::GraphEdgeKind kind = core::GraphEdgeKind::MayAssume;
    /// Every edge it stands for needs conditions.
    bool conditional = false;
    /// The access graph's edge indexes it stands for, ascending.
    std::vector<std::size_t> edges;
};

/// What the graph editor draws: the part of the access graph a GraphScope names, with bundles folded (GraphCollapse).
/// A plain value; build a new one after an edit or a fold. In the account scope every access-graph node is shown by
/// exactly one drawn node, except vacant ones (AccessGraph::isVacant()), shown by none; in the focus and path scopes,
/// nodes outside the scope are shown by none. Deterministic: nodes sorted by kind (GraphNodeKind order), then label,
/// then key; edges by source, target, kind.
class GraphProjection
{
public:
    static GraphProjection project(
        const core::AccessGraph &graph, const GraphCollapse &collapse, const GraphScope &scope = {});

    const std::vector<ViewNode> &nodes() const { return m_nodes; }
    const std::vector<ViewEdge> &edges() const { return m_edges; }
    /// The drawn node that shows access-graph node `graphNode`; npos for a vacant node.
    std::size_t viewNodeOf(std::size_t graphNode) const;
    /// The drawn node with this key; npos when none.
    std::size_t find(const std::string &key) const;
    /// The focus scope's focused node (drawn), npos when there is none or it is not in the graph.
    std::size_t focus() const { return m_focus; }
    /// How many access-graph nodes the scope holds, drawn or summed up on bundles.
    std::size_t scopeSize() const { return m_scopeSize; }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<ViewNode> m_nodes;
    std::vector<ViewEdge> m_edges;
    std::vector<std::size_t> m_viewOfGraphNode;
    std::unordered_map<std::string, std::size_t> m_byKey;
    std::size_t m_focus = npos;
    std::size_t m_scopeSize = 0;
};

/// The access-graph node whose layout key (core::graphLayoutKey) is `key`; GraphProjection::npos when none.
std::size_t findByLayoutKey(const core::AccessGraph &graph, const std::string &key);

} // namespace rd::doc
