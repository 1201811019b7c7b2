// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::core
{

enum class GraphNodeKind { User, Group, Role, Account, Service, Provider, Resource };

/// `user`, `group`, `role`, `account`, `service`, `provider`, `resource`.
std::string_view graphNodeKindName(GraphNodeKind kind);

struct GraphNode {
    GraphNodeKind kind = GraphNodeKind::Resource;
    /// The ARN (users, groups, roles, resources), an account's root ARN, a service principal, a provider ARN or host,
    /// or a resource pattern as an Allow statement writes it (`arn:aws:s3:::bucket/*`, `*`).
    std::string key;
    std::string label;
    /// The account the node belongs to, when known.
    std::string accountId;
    /// A resource node the workspace models (not only a pattern named by a statement).
    bool modelled = false;
    /// The id of the workspace's user, group, role or resource the node stands for; 0 for accounts, services,
    /// providers and resource patterns.
    std::uint64_t entityId = 0;
};

/// The key under which the graph editor keeps a node's position (Workspace::layout): `role:12`, `user:3`,
/// `group:4`, `resource:7` for the workspace's entities (stable across renames), else the kind and the node's key
/// (`service:lambda.amazonaws.com`, `account:arn:aws:iam::111122223333:root`, `provider:...`, `pattern:arn:...`).
std::string graphLayoutKey(const GraphNode &node);

enum class GraphEdgeKind { MemberOf, MayAssume, MayActOn };

/// `member-of`, `may-assume`, `may-act-on`.
std::string_view graphEdgeKindName(GraphEdgeKind kind);

/// A statement that decided an edge.
struct GraphStatementRef {
    /// The policy's label (`inline policy P of role R`, a managed policy's ARN, `trust policy of role R`).
    std::string policy;
    std::size_t index = 0;
    std::string sid;
    /// The policy in the workspace. A managed policy that is a user's or role's permissions boundary has its
    /// managed kind too: compare its ARN with the principal's permissionsBoundaryArn.
    PolicySource source;
};

/// Actions of one service at one access level, kept as the patterns the statements wrote (never enumerated).
struct ActionGroup {
    /// The service prefix in lower case, or `*` for patterns that span services.
    std::string service;
    /// `List`, `Read`, `Write`, `Permissions management`, `Tagging`, `*` (spans levels or services), `Unknown`
    /// (a service or action the catalog does not know), or `NotAction` (everything except the patterns).
    std::string accessLevel;
    /// The action patterns in lower case (`s3:get*`); for NotAction the excluded patterns.
    std::vector<std::string> patterns;
};

struct GraphEdge {
    GraphEdgeKind kind = GraphEdgeKind::MemberOf;
    std::size_t from = 0;
    std::size_t to = 0;
    /// The grant needs conditions to hold: `conditionKeys` names them (lower case).
    bool conditional = false;
    std::vector<std::string> conditionKeys;
    std::vector<GraphStatementRef> statements;
    /// MayActOn only: what may be done on the target pattern, by service and access level.
    std::vector<ActionGroup> actions;
};

/// The resolved policies a graph is made from (AccountModel gives them): each looked up by the entity's id.
struct GraphPolicies {
    std::function<const PrincipalPolicies *(RoleId)> role;
    std::function<const PrincipalPolicies *(UserId)> user;
    std::function<ResolvedPolicyPtr(RoleId)> trust;
    std::function<ResolvedPolicyPtr(ResourceId)> resource;
};

/// The access graph of a workspace (docs/REACHABILITY.md): principals, groups and resource patterns as nodes;
/// member-of, may-assume and may-act-on edges. Symbolic: may-act-on edges keep the Allow statements' action and
/// resource patterns (narrowed by permissions boundaries), never actions x resources. A plain value: build a new one
/// after an edit.
class AccessGraph
{
public:
    /// The graph of a workspace: AccountModel::build(workspace)'s graph (tests and one-off tools; the app and the CLI
    /// keep the model). Bad policies give no edges, never a crash.
    static AccessGraph build(
        const Workspace &workspace, const AwsManagedPolicies &awsManaged = AwsManagedPolicies::builtin());
    /// Builds the graph from policies resolved and compiled by AccountModel.
    static AccessGraph build(const Workspace &workspace, const GraphPolicies &policies);

    const std::vector<GraphNode> &nodes() const { return m_nodes; }
    const std::vector<GraphEdge> &edges() const { return m_edges; }
    /// Edge indexes leaving / entering a node.
    const std::vector<std::size_t> &outEdges(std::size_t node) const { return m_out[node]; }
    const std::vector<std::size_t> &inEdges(std::size_t node) const { return m_in[node]; }
    /// A node by key (ARN, pattern, service principal...); for a resource pattern that equals a principal's ARN the
    /// principal is found. npos when none.
    std::size_t find(std::string_view key) const;
    /// A node by key and kind; npos when none.
    std::size_t find(std::string_view key, GraphNodeKind kind) const;
    /// The edge of `kind` from node `from` to node `to`; npos when none.
    std::size_t findEdge(std::size_t from, std::size_t to, GraphEdgeKind kind) const;
    /// Whether the node is one that requests come from (user, role, account, service, provider).
    bool isPrincipal(std::size_t node) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// Internal: used while building.
    std::size_t addNode(GraphNode node);
    std::size_t addEdge(GraphEdge edge);

private:
    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    std::vector<std::vector<std::size_t>> m_out;
    std::vector<std::vector<std::size_t>> m_in;
    std::unordered_map<std::string, std::vector<std::size_t>> m_byKey;
};

} // namespace rd::core
