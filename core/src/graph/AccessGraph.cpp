// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/AccessGraph.h"

#include "base/TextUtil.h"
#include "graph/DenyCover.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/PrincipalFacts.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace rd::core
{

std::string_view graphNodeKindName(GraphNodeKind kind)
{
    switch (kind) {
    case GraphNodeKind::User:
        return "user";
    case GraphNodeKind::Group:
        return "group";
    case GraphNodeKind::Role:
        return "role";
    case GraphNodeKind::Account:
        return "account";
    case GraphNodeKind::Service:
        return "service";
    case GraphNodeKind::Provider:
        return "provider";
    case GraphNodeKind::Resource:
        return "resource";
    }
    return "resource";
}

std::string graphLayoutKey(const GraphNode &node)
{
    if (node.entityId != 0)
        return std::string(graphNodeKindName(node.kind)) + ":" + std::to_string(node.entityId);
    if (node.kind == GraphNodeKind::Resource)
        return "pattern:" + node.key;
    return std::string(graphNodeKindName(node.kind)) + ":" + node.key;
}

std::string_view graphEdgeKindName(GraphEdgeKind kind)
{
    switch (kind) {
    case GraphEdgeKind::MemberOf:
        return "member-of";
    case GraphEdgeKind::MayAssume:
        return "may-assume";
    case GraphEdgeKind::MayActOn:
        return "may-act-on";
    }
    return "member-of";
}

std::size_t AccessGraph::findEdge(std::size_t from, std::size_t to, GraphEdgeKind kind) const
{
    if (from >= m_out.size())
        return npos;
    for (std::size_t edge : m_out[from]) {
        if (m_edges[edge].to == to && m_edges[edge].kind == kind)
            return edge;
    }
    return npos;
}

const std::vector<std::size_t> AccessGraph::kNoEdges;

std::size_t AccessGraph::addNode(GraphNode node)
{
    // The table may be shared with graphs of other revisions, which never change: this graph gets its own copy.
    if (m_table.use_count() > 1)
        m_table = std::make_shared<NodeTable>(*m_table);
    const std::size_t index = m_table->nodes.size();
    m_table->byKey[node.key].push_back(index);
    m_table->nodes.push_back(std::move(node));
    return index;
}

AccessGraph AccessGraph::assemble(
    const AccessGraph &other, const std::vector<std::shared_ptr<const std::vector<GraphEdge>>> &edges)
{
    AccessGraph graph;
    graph.m_table = other.m_table;
    const std::size_t n = graph.nodes().size();
    std::size_t total = 0;
    std::vector<std::size_t> outDegree(n, 0);
    std::vector<std::size_t> inDegree(n, 0);
    for (const auto &bucket : edges) {
        if (!bucket)
            continue;
        total += bucket->size();
        for (const GraphEdge &edge : *bucket) {
            ++outDegree[edge.from];
            ++inDegree[edge.to];
        }
    }
    graph.m_out.resize(n);
    graph.m_in.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        graph.m_out[i].reserve(outDegree[i]);
        graph.m_in[i].reserve(inDegree[i]);
    }
    graph.m_edges.m_edges.reserve(total);
    for (const auto &bucket : edges)
        graph.addEdges(bucket);
    return graph;
}

std::size_t AccessGraph::addEdge(GraphEdge edge)
{
    auto owned = std::make_shared<const GraphEdge>(std::move(edge));
    const std::size_t index = m_edges.size();
    growAdjacency();
    m_out[owned->from].push_back(index);
    m_in[owned->to].push_back(index);
    m_edges.m_edges.push_back(owned.get());
    m_keep.push_back(std::move(owned));
    return index;
}

void AccessGraph::addEdges(std::shared_ptr<const std::vector<GraphEdge>> edges)
{
    if (!edges || edges->empty())
        return;
    growAdjacency();
    for (const GraphEdge &edge : *edges) {
        const std::size_t index = m_edges.size();
        m_out[edge.from].push_back(index);
        m_in[edge.to].push_back(index);
        m_edges.m_edges.push_back(&edge);
    }
    m_keep.push_back(std::move(edges));
}

std::size_t AccessGraph::find(std::string_view key) const
{
    auto it = m_table->byKey.find(std::string(key));
    if (it == m_table->byKey.end() || it->second.empty())
        return npos;
    for (std::size_t index : it->second) {
        if (isPrincipal(index))
            return index;
    }
    return it->second.front();
}

std::size_t AccessGraph::find(std::string_view key, GraphNodeKind kind) const
{
    auto it = m_table->byKey.find(std::string(key));
    if (it == m_table->byKey.end())
        return npos;
    for (std::size_t index : it->second) {
        if (m_table->nodes[index].kind == kind)
            return index;
    }
    return npos;
}

const std::vector<GraphDeny> &AccessGraph::resourceDenies(std::size_t node) const
{
    static const std::vector<GraphDeny> kNone;
    auto it = m_resourceDenies.find(node);
    return it == m_resourceDenies.end() ? kNone : it->second;
}

const PrincipalFacts *AccessGraph::facts(std::size_t node) const
{
    auto it = m_facts.find(node);
    return it == m_facts.end() ? nullptr : it->second.get();
}

void AccessGraph::setResourceDenies(std::size_t node, std::vector<GraphDeny> denies)
{
    if (denies.empty())
        m_resourceDenies.erase(node);
    else
        m_resourceDenies[node] = std::move(denies);
}

void AccessGraph::setFacts(std::size_t node, std::shared_ptr<const PrincipalFacts> facts)
{
    m_facts[node] = std::move(facts);
}

bool AccessGraph::isPrincipal(std::size_t node) const
{
    if (node >= m_table->nodes.size())
        return false;
    const GraphNodeKind kind = m_table->nodes[node].kind;
    return kind != GraphNodeKind::Group && kind != GraphNodeKind::Resource;
}

bool AccessGraph::isVacant(std::size_t node) const
{
    if (node >= m_table->nodes.size())
        return false;
    const GraphNode &n = m_table->nodes[node];
    return n.kind == GraphNodeKind::Resource && !n.modelled && outEdges(node).empty() && inEdges(node).empty();
}

AccessGraph AccessGraph::build(const Workspace &workspace, const AwsManagedPolicies &awsManaged)
{
    return AccountModel::build(workspace, awsManaged)->graph();
}

} // namespace rd::core
