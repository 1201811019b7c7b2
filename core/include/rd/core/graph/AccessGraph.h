// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::core
{

struct CompiledStatement;
class PrincipalFacts;

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

/// An explicit Deny statement that cuts part of a may-act-on edge, or all of it under conditions (IAM User Guide,
/// "Policy evaluation logic": an explicit deny in any policy overrides any allow).
struct GraphDeny {
    GraphStatementRef statement;
    /// The statement as compiled, shared between edges: queries match it against a concrete action and ARN.
    std::shared_ptr<const CompiledStatement> compiled;
    /// A resource-based policy's Deny: the ARN of the resource the policy is attached to (it governs only that
    /// resource, and an S3 bucket's objects); empty for identity-based policies and permissions boundaries.
    std::string attachedTo;
    /// The deny's conditions on keys the principal's facts do not tell (lower case); empty when it applies
    /// unconditionally wherever it matches.
    std::vector<std::string> conditionKeys;
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
    /// MayActOn only: the Deny statements (identity-based, permissions boundary, or the policy of the modelled
    /// resource the target lies in) that cover part of `actions` on the target, or all of it under conditions
    /// (then `conditional` is set and `conditionKeys` has their keys). Deny statements covering the whole edge
    /// unconditionally removed it or its action patterns while building.
    std::vector<GraphDeny> denies;
};

/// The edges of a graph, by index: a view over edges that graphs of successive workspace revisions share (an edit
/// rebuilds only the edges that depend on it).
class EdgeList
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = GraphEdge;
        using difference_type = std::ptrdiff_t;
        using pointer = const GraphEdge *;
        using reference = const GraphEdge &;
        const_iterator() = default;
        explicit const_iterator(const GraphEdge *const *at)
            : m_at(at)
        {
        }
        reference operator*() const { return **m_at; }
        pointer operator->() const { return *m_at; }
        const_iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_at;
            return before;
        }
        difference_type operator-(const const_iterator &other) const { return m_at - other.m_at; }
        const_iterator operator+(difference_type n) const { return const_iterator(m_at + n); }
        bool operator==(const const_iterator &other) const = default;

    private:
        const GraphEdge *const *m_at = nullptr;
    };

    std::size_t size() const { return m_edges.size(); }
    bool empty() const { return m_edges.empty(); }
    const GraphEdge &operator[](std::size_t index) const { return *m_edges[index]; }
    const_iterator begin() const { return const_iterator(m_edges.data()); }
    const_iterator end() const { return const_iterator(m_edges.data() + m_edges.size()); }

private:
    friend class AccessGraph;
    std::vector<const GraphEdge *> m_edges;
};

/// The access graph of a workspace (docs/REACHABILITY.md): principals, groups and resource patterns as nodes;
/// member-of, may-assume and may-act-on edges. Symbolic: may-act-on edges keep the Allow statements' action and
/// resource patterns (narrowed by permissions boundaries), never actions x resources. An AccountModel makes it and
/// keeps it up to date; graphs of successive revisions share the edges an edit did not touch.
class AccessGraph
{
public:
    /// The graph of a workspace: AccountModel::build(workspace)'s graph (tests and one-off tools; the app and the CLI
    /// keep the model). Bad policies give no edges, never a crash.
    static AccessGraph build(
        const Workspace &workspace, const AwsManagedPolicies &awsManaged = AwsManagedPolicies::builtin());

    const std::vector<GraphNode> &nodes() const { return m_table->nodes; }
    const EdgeList &edges() const { return m_edges; }
    /// Edge indexes leaving / entering a node.
    const std::vector<std::size_t> &outEdges(std::size_t node) const
    {
        return node < m_out.size() ? m_out[node] : kNoEdges;
    }
    const std::vector<std::size_t> &inEdges(std::size_t node) const
    {
        return node < m_in.size() ? m_in[node] : kNoEdges;
    }
    /// A node by key (ARN, pattern, service principal...); for a resource pattern that equals a principal's ARN the
    /// principal is found. npos when none.
    std::size_t find(std::string_view key) const;
    /// A node by key and kind; npos when none.
    std::size_t find(std::string_view key, GraphNodeKind kind) const;
    /// The edge of `kind` from node `from` to node `to`; npos when none.
    std::size_t findEdge(std::size_t from, std::size_t to, GraphEdgeKind kind) const;
    /// Whether the node is one that requests come from (user, role, account, service, provider).
    bool isPrincipal(std::size_t node) const;
    /// Whether the node is a resource pattern (not a modelled resource) that no edge uses any more. An updated
    /// model keeps such nodes so that node indexes stay stable across revisions (AccountModel::apply()), where a
    /// rebuilt one has none; views and exports skip them.
    bool isVacant(std::size_t node) const;

    /// The Deny statements of a modelled resource's resource-based policy, not yet judged against any principal
    /// (`conditionKeys` lists all their keys); empty for other nodes. whoCan applies them to concrete ARNs that the
    /// resource governs.
    const std::vector<GraphDeny> &resourceDenies(std::size_t node) const;
    /// What the workspace tells about a user or role node (its ARN, account, tags...); null for other nodes.
    const PrincipalFacts *facts(std::size_t node) const;

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// Internal: used while building.
    std::size_t addNode(GraphNode node);
    std::size_t addEdge(GraphEdge edge);
    /// Internal: adds edges that other graphs may share (their `from` and `to` must be nodes of this graph).
    void addEdges(std::shared_ptr<const std::vector<GraphEdge>> edges);
    /// Internal: a graph with the nodes of `other` (shared until one of them adds a node) and the given edges, in
    /// order.
    static AccessGraph assemble(
        const AccessGraph &other, const std::vector<std::shared_ptr<const std::vector<GraphEdge>>> &edges);
    void setResourceDenies(std::size_t node, std::vector<GraphDeny> denies);
    void setFacts(std::size_t node, std::shared_ptr<const PrincipalFacts> facts);

private:
    struct NodeTable {
        std::vector<GraphNode> nodes;
        std::unordered_map<std::string, std::vector<std::size_t>> byKey;
    };
    static const std::vector<std::size_t> kNoEdges;
    /// Adjacency lists for every node (nodes added since the last edge have none yet).
    void growAdjacency()
    {
        m_out.resize(m_table->nodes.size());
        m_in.resize(m_table->nodes.size());
    }

    /// Shared between graphs of successive revisions; copied before a node is added to a shared one.
    std::shared_ptr<NodeTable> m_table = std::make_shared<NodeTable>();
    EdgeList m_edges;
    /// Keeps the edges alive: vectors shared with other graphs, and edges added one by one.
    std::vector<std::shared_ptr<const void>> m_keep;
    std::vector<std::vector<std::size_t>> m_out;
    std::vector<std::vector<std::size_t>> m_in;
    std::unordered_map<std::size_t, std::vector<GraphDeny>> m_resourceDenies;
    std::unordered_map<std::size_t, std::shared_ptr<const PrincipalFacts>> m_facts;
};

} // namespace rd::core
