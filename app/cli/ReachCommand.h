// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>

namespace rd::core
{
class AccessGraph;
class OrganizationFilter;
class Reachability;
} // namespace rd::core

namespace rd::cli
{

/// `role-designer-cli reach`: who reaches what through role chains (docs/REACHABILITY.md). With --principal, every
/// resource pattern and action group it reaches; with --resource (and --action), every principal that reaches it;
/// with both, the principal's answers for that resource; with neither, every principal's answers, streamed principal
/// by principal (sorted by key, each one's answers by resource) so that memory stays flat. Output as JSON
/// (`[{principal, resource, actions, path, conditional}]`), text, Graphviz dot or GraphML (core/GraphFormats.h: the
/// query's subgraph, or the whole graph without a query). A workspace with an organization has the answers its SCPs and
/// RCPs deny removed (OrganizationFilter); an answer from an account the workspace does not model says that its
/// principals are assumed to allow on their side. Exit 0 with answers, 1 when a query has none, 2 for bad usage
/// or an unreadable workspace.
class ReachCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    /// Every principal's answers as text or JSON, one principal at a time; returns the exit code.
    int streamEveryAnswer(const rd::core::AccessGraph &graph, const rd::core::Reachability &reach,
        const rd::core::OrganizationFilter *organization) const;

    std::string m_workspace;
    std::string m_principal;
    std::string m_resource;
    std::string m_action;
    int m_maxHops = 8;
    std::string m_focus;
    int m_depth = 1;
    std::string m_format = "text";
};

} // namespace rd::cli
