// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/Reachability.h"

#include <string>
#include <vector>

namespace rd::core
{

/// Which nodes and edges of an AccessGraph to write. Each vector is indexed like AccessGraph::nodes() / edges(); an
/// empty vector selects all, an index past the end is not selected. The writers also write the two ends of every
/// selected edge, so that a file never names a node it does not declare.
struct GraphSelection {
    std::vector<bool> nodes;
    std::vector<bool> edges;
};

/// The graph as Graphviz dot (Graphviz, "The DOT Language"): `digraph access`, nodes `n<index>` shaped by kind and
/// labelled `<kind>\n<label>` with the key as tooltip; edges labelled with their kind and action groups, dotted
/// (member-of), solid (may-assume), bold (may-act-on) or dashed (conditional). Strings are double-quoted IDs with `"`
/// and `\` escaped, newlines as `\n`, other control characters dropped.
std::string writeDot(const AccessGraph &graph, const GraphSelection &selection = {});

/// The graph as GraphML (http://graphml.graphdrawing.org/xmlns, "The GraphML File Format"), directed, with `<key>`
/// declarations for the node data `kind`, `label`, `key` (ARN or pattern), `account`, `modelled` and the edge data
/// `kind`, `conditional`, `conditionKeys`, `actions` (one group a line: `s3 Read (s3:get*)`) and `statements` (one
/// deciding statement a line: `<policy>, statement <index> (<sid>)`). Nodes are `n<index>`, edges `e<index>`, as in
/// the dot output. Text is escaped for XML 1.0: `&`, `<`, `>`, `"`, `'` as entities, carriage returns as `&#xD;`;
/// control characters XML 1.0 forbids and malformed UTF-8 become U+FFFD, so the file is always well formed.
std::string writeGraphMl(const AccessGraph &graph, const GraphSelection &selection = {});

/// The subgraph of reach answers: their principals, resources, and every hop's edge and both its nodes. Answers that
/// name indexes outside the graph are skipped.
GraphSelection selectionOf(const AccessGraph &graph, const std::vector<ReachAnswer> &answers);

/// `s3 Read (s3:getobject s3:get*)`: an action group as the text formats write it.
std::string actionGroupText(const ActionGroup &group);

/// Appends one answer as `role-designer-cli reach --format text` prints it: `<principal> -> <resource>` (with
/// `  [conditional]`), one `    actions: ` line per group, one `    except: <policy>, statement <index> (<sid>)` line
/// per Deny statement that narrows it (with ` (if keys)` when it has conditions), one line per hop
/// (`    may-assume: A -> B (if keys)`) and one per deciding statement (`        <policy>, statement <index> (<sid>)`).
void appendReachText(std::string &out, const ReachAnswer &answer);

/// Every answer as appendReachText writes it, then `<n> answer(s)`.
std::string writeReachText(const std::vector<ReachAnswer> &answers);

} // namespace rd::core
