// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ReachCommand.h"

#include "CliSupport.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/GraphFormats.h"
#include "rd/core/graph/GraphNeighbourhood.h"
#include "rd/core/graph/OrganizationFilter.h"
#include "rd/core/graph/Reachability.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>
#include <tuple>

namespace rd::cli
{

namespace
{

using namespace rd::core;

std::string actionsJson(const std::vector<ActionGroup> &groups)
{
    std::string out = "[";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const ActionGroup &g = groups[i];
        out += (i ? "," : "") + std::string("{\"service\":") + rd::core::jsonQuote(g.service)
            + ",\"accessLevel\":" + rd::core::jsonQuote(g.accessLevel) + ",\"patterns\":[";
        for (std::size_t j = 0; j < g.patterns.size(); ++j)
            out += (j ? "," : "") + rd::core::jsonQuote(g.patterns[j]);
        out += "]}";
    }
    return out + "]";
}

/// The answer's principal stands for an account the workspace does not model: its own policies are not known.
bool fromOutsideTheWorkspace(const AccessGraph &graph, const Workspace &workspace, const ReachAnswer &a)
{
    const std::size_t node = graph.find(a.principal);
    if (node == AccessGraph::npos)
        return false;
    const GraphNode &n = graph.nodes()[node];
    return n.kind == GraphNodeKind::Account && !workspace.hasAccount(n.accountId);
}

std::string answerJson(const ReachAnswer &a, bool outside = false)
{
    std::string out = "{\"principal\":" + rd::core::jsonQuote(a.principal)
        + ",\"resource\":" + rd::core::jsonQuote(a.resource) + ",\"actions\":" + actionsJson(a.actions) + ",\"path\":[";
    for (std::size_t i = 0; i < a.path.size(); ++i) {
        const ReachHop &h = a.path[i];
        out += (i ? "," : "") + std::string("{\"from\":") + rd::core::jsonQuote(h.from) + ",\"to\":"
            + rd::core::jsonQuote(h.to) + ",\"kind\":" + rd::core::jsonQuote(std::string(graphEdgeKindName(h.kind)))
            + ",\"conditional\":" + (h.conditional ? "true" : "false") + ",\"conditionKeys\":[";
        for (std::size_t k = 0; k < h.conditionKeys.size(); ++k)
            out += (k ? "," : "") + rd::core::jsonQuote(h.conditionKeys[k]);
        out += "],\"statements\":[";
        for (std::size_t s = 0; s < h.statements.size(); ++s) {
            const GraphStatementRef &r = h.statements[s];
            out += (s ? "," : "") + std::string("{\"policy\":") + rd::core::jsonQuote(r.policy)
                + ",\"index\":" + std::to_string(r.index) + ",\"sid\":" + rd::core::jsonQuote(r.sid) + "}";
        }
        out += "]}";
    }
    out += "],\"denies\":[";
    for (std::size_t i = 0; i < a.denies.size(); ++i) {
        const GraphDeny &d = a.denies[i];
        out += (i ? "," : "") + std::string("{\"policy\":") + rd::core::jsonQuote(d.statement.policy)
            + ",\"index\":" + std::to_string(d.statement.index) + ",\"sid\":" + rd::core::jsonQuote(d.statement.sid)
            + ",\"conditionKeys\":[";
        for (std::size_t k = 0; k < d.conditionKeys.size(); ++k)
            out += (k ? "," : "") + rd::core::jsonQuote(d.conditionKeys[k]);
        out += "]}";
    }
    out += "],\"conditional\":" + std::string(a.conditional ? "true" : "false");
    if (outside)
        out += ",\"note\":\"account not in the workspace: its principals are assumed to allow on their side\"";
    return out + "}";
}

// The order of the output: by principal, then resource pattern (one answer per pair, so no ties).
bool answerBefore(const ReachAnswer &a, const ReachAnswer &b)
{
    return std::tie(a.principal, a.resource, a.conditional) < std::tie(b.principal, b.resource, b.conditional);
}

void printJsonAnswer(const ReachAnswer &answer, std::size_t index, bool outside = false)
{
    std::cout << (index ? ",\n " : "\n ") << answerJson(answer, outside);
}

void printJsonEnd(std::size_t count)
{
    std::cout << (count == 0 ? "]\n" : "\n]\n");
}

void printTextAnswer(const ReachAnswer &answer, std::string &scratch, bool outside = false)
{
    scratch.clear();
    appendReachText(scratch, answer);
    std::cout << scratch;
    if (outside)
        std::cout << "  (account not in the workspace: its principals are assumed to allow on their side)\n";
}

void printTextCount(std::size_t count)
{
    std::cout << count << (count == 1 ? " answer" : " answers") << '\n';
}

} // namespace

int ReachCommand::streamEveryAnswer(
    const AccessGraph &graph, const Reachability &reach, const OrganizationFilter *organization) const
{
    // 16 million answers on the generated 5,000-role account (docs/PERFORMANCE.md): held together they would need
    // tens of gigabytes, so each principal's answers are computed, sorted, printed and dropped in turn. The order is
    // the one a sort of every answer would give, since each principal's answers share its key.
    std::vector<std::size_t> principals;
    for (std::size_t node = 0; node < graph.nodes().size(); ++node) {
        if (graph.isPrincipal(node))
            principals.push_back(node);
    }
    std::stable_sort(principals.begin(), principals.end(),
        [&](std::size_t a, std::size_t b) { return graph.nodes()[a].key < graph.nodes()[b].key; });
    const bool json = m_format == "json";
    std::size_t count = 0;
    std::string scratch;
    if (json)
        std::cout << "[";
    for (const std::size_t node : principals) {
        std::vector<ReachAnswer> answers = reach.whatCan(node, m_maxHops);
        if (organization)
            organization->apply(answers);
        std::stable_sort(answers.begin(), answers.end(), answerBefore);
        for (const ReachAnswer &answer : answers) {
            if (json)
                printJsonAnswer(answer, count);
            else
                printTextAnswer(answer, scratch);
            ++count;
        }
    }
    if (json)
        printJsonEnd(count);
    else
        printTextCount(count);
    return kOkExit;
}

CLI::App *ReachCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("reach", "Who reaches what, directly or through role chains");
    sub->add_option("--workspace", m_workspace, "Workspace file (or GAAD output)")->required();
    sub->add_option("--principal", m_principal, "What can this principal reach (user, role, account root, service)");
    sub->add_option("--resource", m_resource, "Who can reach this resource ARN");
    sub->add_option("--action", m_action, "Only this action (service:Action)");
    sub->add_option("--max-hops", m_maxHops, "At most this many role assumptions (default 8)")
        ->check(CLI::Range(0, 1000));
    sub->add_option("--focus", m_focus,
        "With --format dot or graphml: the neighbourhood of this node (an ARN, service principal or resource pattern) "
        "as the graph editor's focus draws it: what reaches it and what it reaches");
    sub->add_option("--depth", m_depth, "Hops on each side of --focus (default 1)")->check(CLI::Range(1, 100));
    sub->add_option("--format", m_format,
           "text, json, dot (Graphviz) or graphml: dot and graphml write the query's subgraph, the --focus node's "
           "neighbourhood, or the whole graph")
        ->check(CLI::IsMember({ "json", "text", "dot", "graphml" }));
    return sub;
}

int ReachCommand::run()
{
    WorkspaceLoadResult loaded = loadWorkspaceFile(m_workspace);
    if (!loaded.ok())
        return usageError(workspaceLoadError(m_workspace, loaded));
    // A one-shot command: the process's exit frees the workspace and its model at once, faster than their
    // destructors would free their hundreds of thousands of allocations one by one (a fifth of the run on 5,000
    // roles). Deliberately kept until exit.
    struct Kept {
        Workspace workspace;
        std::shared_ptr<const AccountModel> model;
    };
    static Kept *kept = nullptr; // a plain pointer: no destructor at exit, still reachable for leak checkers
    kept = new Kept { std::move(*loaded.workspace), nullptr };
    kept->model = AccountModel::build(kept->workspace);
    const AccessGraph &graph = kept->model->graph();
    const Reachability reach(graph);
    // The organization's SCPs and RCPs remove the answers they deny (docs/REACHABILITY.md, "The organization").
    std::optional<OrganizationFilter> organization;
    if (const OrganizationModel *org = kept->model->organization())
        organization.emplace(graph, *org);
    const std::string lowerAction = [&] {
        std::string a = m_action;
        std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return a;
    }();

    std::vector<ReachAnswer> answers;
    const bool query = !m_principal.empty() || !m_resource.empty() || !m_action.empty();
    if (!m_focus.empty()) {
        // A picture of the node's neighbourhood, not a query.
        if (query)
            return usageError("--focus draws a neighbourhood: it takes no --principal, --resource or --action");
        if (m_format != "dot" && m_format != "graphml")
            return usageError("--focus draws a graph: use --format dot or graphml");
        const std::size_t node = graph.find(m_focus);
        if (node == AccessGraph::npos)
            return usageError("`" + m_focus + "` is not in the workspace's access graph");
        const GraphNeighbourhood hood = neighbourhoodOf(graph, node, m_depth);
        GraphSelection selection;
        selection.nodes.resize(graph.nodes().size());
        for (std::size_t n = 0; n < graph.nodes().size(); ++n)
            selection.nodes[n] = hood.contains(n);
        selection.edges = hood.edges;
        std::cout << (m_format == "dot" ? writeDot(graph, selection) : writeGraphMl(graph, selection));
        return kOkExit;
    }
    if (!m_principal.empty()) {
        const std::size_t node = graph.find(m_principal);
        if (node == AccessGraph::npos || !graph.isPrincipal(node))
            return usageError("principal `" + m_principal + "` is not in the workspace's access graph");
        for (ReachAnswer &a : reach.whatCan(node, m_maxHops)) {
            if (!m_resource.empty() && !(a.resource == "*" || resourceMatch(a.resource, m_resource)))
                continue;
            if (!lowerAction.empty()) {
                std::erase_if(a.actions, [&](const ActionGroup &g) {
                    bool any = false;
                    for (const std::string &p : g.patterns)
                        any = any || p == "*" || wildcardMatch(p, lowerAction);
                    return g.accessLevel == "NotAction" ? any : !any;
                });
                if (a.actions.empty())
                    continue;
            }
            answers.push_back(std::move(a));
        }
    } else if (!m_resource.empty()) {
        answers = reach.whoCan(m_resource,
            m_action.empty() ? std::optional<std::string>() : std::optional<std::string>(m_action), m_maxHops);
    } else if (!m_action.empty()) {
        return usageError("--action needs --principal or --resource");
    } else if (m_format != "dot" && m_format != "graphml") {
        return streamEveryAnswer(graph, reach, organization ? &*organization : nullptr);
    }
    if (organization)
        organization->apply(answers,
            m_action.empty() ? std::optional<std::string>() : std::optional<std::string>(m_action), m_resource);
    std::sort(answers.begin(), answers.end(), answerBefore);

    if (m_format == "json") {
        std::cout << "[";
        for (std::size_t i = 0; i < answers.size(); ++i)
            printJsonAnswer(answers[i], i, fromOutsideTheWorkspace(graph, kept->workspace, answers[i]));
        printJsonEnd(answers.size());
    } else if (m_format == "dot" || m_format == "graphml") {
        const GraphSelection selection = query ? selectionOf(graph, answers) : GraphSelection {};
        std::cout << (m_format == "dot" ? writeDot(graph, selection) : writeGraphMl(graph, selection));
    } else {
        std::string scratch;
        for (const ReachAnswer &a : answers)
            printTextAnswer(a, scratch, fromOutsideTheWorkspace(graph, kept->workspace, a));
        printTextCount(answers.size());
    }
    return query && answers.empty() ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
