// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/GraphFormats.h"

#include "base/TextUtil.h"

#include <charconv>
#include <iterator>
#include <string_view>

namespace rd::core
{

namespace
{

// What to write: the selection, closed under "an edge's ends are written with it".
struct Resolved {
    std::vector<bool> nodes;
    std::vector<bool> edges;
};

Resolved resolve(const AccessGraph &graph, const GraphSelection &selection)
{
    const std::size_t nodeCount = graph.nodes().size();
    const std::size_t edgeCount = graph.edges().size();
    Resolved r;
    r.nodes.assign(nodeCount, selection.nodes.empty());
    r.edges.assign(edgeCount, selection.edges.empty());
    for (std::size_t n = 0; n < nodeCount && n < selection.nodes.size(); ++n)
        r.nodes[n] = selection.nodes[n];
    for (std::size_t n = 0; n < nodeCount; ++n) {
        if (graph.isVacant(n))
            r.nodes[n] = false;
    }
    for (std::size_t e = 0; e < edgeCount && e < selection.edges.size(); ++e)
        r.edges[e] = selection.edges[e];
    for (std::size_t e = 0; e < edgeCount; ++e) {
        if (!r.edges[e])
            continue;
        const GraphEdge &edge = graph.edges()[e];
        if (edge.from < nodeCount && edge.to < nodeCount) {
            r.nodes[edge.from] = true;
            r.nodes[edge.to] = true;
        } else {
            r.edges[e] = false; // a malformed edge is never written
        }
    }
    return r;
}

// A Graphviz double-quoted ID: `"` and `\` escaped, control characters dropped (Graphviz, "The DOT Language").
void appendDotString(std::string &out, std::string_view text)
{
    out += '"';
    for (unsigned char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c < 0x20)
            continue;
        out += static_cast<char>(c);
    }
    out += '"';
}

std::string_view dotShape(GraphNodeKind kind)
{
    switch (kind) {
    case GraphNodeKind::User:
        return "ellipse";
    case GraphNodeKind::Group:
        return "folder";
    case GraphNodeKind::Role:
        return "box";
    case GraphNodeKind::Resource:
        return "note";
    default:
        return "diamond";
    }
}

std::string_view dotStyle(const GraphEdge &edge)
{
    if (edge.conditional)
        return "dashed";
    switch (edge.kind) {
    case GraphEdgeKind::MemberOf:
        return "dotted";
    case GraphEdgeKind::MayAssume:
        return "solid";
    default:
        return "bold";
    }
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Text as XML 1.0 character data or attribute value (XML 1.0, "2.2 Characters", "2.4 Character Data and Markup"):
// markup characters as entities; carriage returns as a character reference (a parser would turn a literal one into a
// line feed); characters outside the Char production (C0 controls but tab and line feed, U+FFFE, U+FFFF) and bytes
// that are not well-formed UTF-8 replaced by U+FFFD.
void appendXml(std::string &out, std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c < 0x80) {
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\r':
                out += "&#xD;";
                break;
            case '\t':
            case '\n':
                out += static_cast<char>(c);
                break;
            default:
                if (c < 0x20)
                    out += kReplacement;
                else
                    out += static_cast<char>(c);
            }
            ++pos;
            continue;
        }
        const std::size_t length = validUtf8Length(text, pos);
        if (length == 0) {
            out += kReplacement;
            ++pos;
            continue;
        }
        const std::string_view sequence = text.substr(pos, length);
        if (sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF") // U+FFFE, U+FFFF
            out += kReplacement;
        else
            out += sequence;
        pos += length;
    }
}

void appendData(std::string &out, std::string_view indent, std::string_view key, std::string_view value)
{
    out += indent;
    out += "<data key=\"";
    out += key;
    out += "\">";
    appendXml(out, value);
    out += "</data>\n";
}

// `<policy>, statement <n> (<sid>)`, appended without temporaries (all-pairs output writes millions). Text numbers
// statements from 1, as the editors do; `ref.index` (and JSON's `index`) counts from 0 (docs/REACHABILITY.md).
void appendStatementText(std::string &out, const GraphStatementRef &ref)
{
    out += ref.policy;
    out += ", statement ";
    char digits[24];
    auto *const end = std::to_chars(std::begin(digits), std::end(digits), ref.index + 1).ptr;
    out.append(digits, end);
    if (!ref.sid.empty()) {
        out += " (";
        out += ref.sid;
        out += ')';
    }
}

void appendActionGroupText(std::string &out, const ActionGroup &group)
{
    out += group.service;
    out += ' ';
    out += group.accessLevel;
    out += " (";
    for (std::size_t i = 0; i < group.patterns.size(); ++i) {
        if (i)
            out += ' ';
        out += group.patterns[i];
    }
    out += ')';
}

} // namespace

std::string writeDot(const AccessGraph &graph, const GraphSelection &selection)
{
    const Resolved r = resolve(graph, selection);
    std::string out = "digraph access {\n  rankdir=LR;\n";
    for (std::size_t n = 0; n < r.nodes.size(); ++n) {
        if (!r.nodes[n])
            continue;
        const GraphNode &node = graph.nodes()[n];
        out += "  n" + std::to_string(n) + " [shape=";
        out += dotShape(node.kind);
        out += ", label=";
        appendDotString(out, std::string(graphNodeKindName(node.kind)) + "\n" + node.label);
        out += ", tooltip=";
        appendDotString(out, node.key);
        out += "];\n";
    }
    for (std::size_t e = 0; e < r.edges.size(); ++e) {
        if (!r.edges[e])
            continue;
        const GraphEdge &edge = graph.edges()[e];
        std::string label(graphEdgeKindName(edge.kind));
        for (const ActionGroup &g : edge.actions)
            label += "\n" + g.service + " " + g.accessLevel;
        out += "  n" + std::to_string(edge.from) + " -> n" + std::to_string(edge.to) + " [label=";
        appendDotString(out, label);
        out += ", style=";
        out += dotStyle(edge);
        out += "];\n";
    }
    out += "}\n";
    return out;
}

std::string writeGraphMl(const AccessGraph &graph, const GraphSelection &selection)
{
    const Resolved r = resolve(graph, selection);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                      "  <key id=\"nkind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                      "  <key id=\"nlabel\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                      "  <key id=\"nkey\" for=\"node\" attr.name=\"key\" attr.type=\"string\"/>\n"
                      "  <key id=\"naccount\" for=\"node\" attr.name=\"account\" attr.type=\"string\"/>\n"
                      "  <key id=\"nmodelled\" for=\"node\" attr.name=\"modelled\" attr.type=\"boolean\">"
                      "<default>false</default></key>\n"
                      "  <key id=\"ekind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
                      "  <key id=\"econditional\" for=\"edge\" attr.name=\"conditional\" attr.type=\"boolean\">"
                      "<default>false</default></key>\n"
                      "  <key id=\"econditionkeys\" for=\"edge\" attr.name=\"conditionKeys\" attr.type=\"string\"/>\n"
                      "  <key id=\"eactions\" for=\"edge\" attr.name=\"actions\" attr.type=\"string\"/>\n"
                      "  <key id=\"estatements\" for=\"edge\" attr.name=\"statements\" attr.type=\"string\"/>\n"
                      "  <graph id=\"access\" edgedefault=\"directed\">\n";
    constexpr std::string_view kIndent = "      ";
    for (std::size_t n = 0; n < r.nodes.size(); ++n) {
        if (!r.nodes[n])
            continue;
        const GraphNode &node = graph.nodes()[n];
        out += "    <node id=\"n" + std::to_string(n) + "\">\n";
        appendData(out, kIndent, "nkind", graphNodeKindName(node.kind));
        appendData(out, kIndent, "nlabel", node.label);
        appendData(out, kIndent, "nkey", node.key);
        if (!node.accountId.empty())
            appendData(out, kIndent, "naccount", node.accountId);
        if (node.modelled)
            appendData(out, kIndent, "nmodelled", "true");
        out += "    </node>\n";
    }
    for (std::size_t e = 0; e < r.edges.size(); ++e) {
        if (!r.edges[e])
            continue;
        const GraphEdge &edge = graph.edges()[e];
        out += "    <edge id=\"e" + std::to_string(e) + "\" source=\"n" + std::to_string(edge.from) + "\" target=\"n"
            + std::to_string(edge.to) + "\">\n";
        appendData(out, kIndent, "ekind", graphEdgeKindName(edge.kind));
        if (edge.conditional)
            appendData(out, kIndent, "econditional", "true");
        if (!edge.conditionKeys.empty()) {
            std::string keys;
            for (const std::string &k : edge.conditionKeys)
                keys += (keys.empty() ? "" : "\n") + k;
            appendData(out, kIndent, "econditionkeys", keys);
        }
        if (!edge.actions.empty()) {
            std::string actions;
            for (const ActionGroup &g : edge.actions) {
                if (!actions.empty())
                    actions += '\n';
                appendActionGroupText(actions, g);
            }
            appendData(out, kIndent, "eactions", actions);
        }
        if (!edge.statements.empty()) {
            std::string statements;
            for (const GraphStatementRef &ref : edge.statements) {
                if (!statements.empty())
                    statements += '\n';
                appendStatementText(statements, ref);
            }
            appendData(out, kIndent, "estatements", statements);
        }
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

GraphSelection selectionOf(const AccessGraph &graph, const std::vector<ReachAnswer> &answers)
{
    const std::size_t nodeCount = graph.nodes().size();
    const std::size_t edgeCount = graph.edges().size();
    GraphSelection selection;
    selection.nodes.assign(nodeCount, false);
    selection.edges.assign(edgeCount, false);
    for (const ReachAnswer &a : answers) {
        bool valid = a.principalNode < nodeCount && a.resourceNode < nodeCount;
        for (const ReachHop &h : a.path) {
            valid = valid && h.edge < edgeCount && graph.edges()[h.edge].from < nodeCount
                && graph.edges()[h.edge].to < nodeCount;
        }
        if (!valid)
            continue;
        selection.nodes[a.principalNode] = true;
        selection.nodes[a.resourceNode] = true;
        for (const ReachHop &h : a.path) {
            selection.edges[h.edge] = true;
            selection.nodes[graph.edges()[h.edge].from] = true;
            selection.nodes[graph.edges()[h.edge].to] = true;
        }
    }
    return selection;
}

std::string actionGroupText(const ActionGroup &group)
{
    std::string out;
    appendActionGroupText(out, group);
    return out;
}

void appendReachText(std::string &out, const ReachAnswer &answer)
{
    out += answer.principal;
    out += " -> ";
    out += answer.resource;
    if (answer.conditional)
        out += "  [conditional]";
    out += '\n';
    for (const ActionGroup &g : answer.actions) {
        out += "    actions: ";
        appendActionGroupText(out, g);
        out += '\n';
    }
    // The Deny statements that narrow the answer (docs/REACHABILITY.md, "Denies and conditions").
    for (const GraphDeny &d : answer.denies) {
        out += "    except: ";
        appendStatementText(out, d.statement);
        if (!d.conditionKeys.empty()) {
            out += " (if ";
            for (std::size_t k = 0; k < d.conditionKeys.size(); ++k) {
                if (k)
                    out += ", ";
                out += d.conditionKeys[k];
            }
            out += ")";
        }
        out += '\n';
    }
    for (const ReachHop &h : answer.path) {
        out += "    ";
        out += graphEdgeKindName(h.kind);
        out += ": ";
        out += h.from;
        out += " -> ";
        out += h.to;
        if (h.conditional) {
            out += " (if ";
            for (std::size_t k = 0; k < h.conditionKeys.size(); ++k) {
                if (k)
                    out += ", ";
                out += h.conditionKeys[k];
            }
            out += ")";
        }
        out += '\n';
        for (const GraphStatementRef &r : h.statements) {
            out += "        ";
            appendStatementText(out, r);
            out += '\n';
        }
    }
}

std::string writeReachText(const std::vector<ReachAnswer> &answers)
{
    std::string out;
    for (const ReachAnswer &a : answers)
        appendReachText(out, a);
    out += std::to_string(answers.size()) + (answers.size() == 1 ? " answer" : " answers") + "\n";
    return out;
}

} // namespace rd::core
