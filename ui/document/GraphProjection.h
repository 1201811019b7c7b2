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

/// One drawn node: a node of the access graph, or a folded bundle of several.
struct ViewNode {
    /// The layout key (core::graphLayoutKey) for a plain node; `bundle:...` for a bundle.
    std::string key;
    core::GraphNodeKind kind = core::GraphNodeKind::Resource;
    std::string label;
    /// The access graph's node indexes it stands for, ascending (one for a plain node).
    std::vector<std::size_t> members;
    bool bundle = false;
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

/// What the graph editor draws: the access graph with bundles folded (GraphCollapse). A plain value; build a new one
/// after an edit or a fold. Every access-graph node is shown by exactly one drawn node, except vacant ones
/// (AccessGraph::isVacant()), shown by none. Deterministic: nodes sorted by
/// kind (GraphNodeKind order), then label, then key; edges by source, target, kind.
class GraphProjection
{
public:
    static GraphProjection project(const core::AccessGraph &graph, const GraphCollapse &collapse);

    const std::vector<ViewNode> &nodes() const { return m_nodes; }
    const std::vector<ViewEdge> &edges() const { return m_edges; }
    /// The drawn node that shows access-graph node `graphNode`; npos for a vacant node.
    std::size_t viewNodeOf(std::size_t graphNode) const;
    /// The drawn node with this key; npos when none.
    std::size_t find(const std::string &key) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

private:
    std::vector<ViewNode> m_nodes;
    std::vector<ViewEdge> m_edges;
    std::vector<std::size_t> m_viewOfGraphNode;
    std::unordered_map<std::string, std::size_t> m_byKey;
};

} // namespace rd::doc
