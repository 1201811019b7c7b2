// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli simulate --batch FILE [--explain]`: evaluates each case of a JSON Lines file (`-` for stdin)
/// with runBatch() and prints one result line per case (docs/EVALUATION.md). Exit 0 when every case was read and got
/// its expected decision (if any), 1 when one did not or was malformed, 2 for bad usage or a file that cannot be read.
///
/// `role-designer-cli simulate --workspace W --principal ARN --action A --resource ARN [--context KEY=VALUE...]
/// [--format json|text]`: one request against a workspace, its organization's SCPs and RCPs included
/// (RequestSimulator); prints the decision and the deciding statements with their policy kind, name and, for SCPs
/// and RCPs, attachment point. Exit 0 when allowed, 1 when denied, 2 for bad usage or an unreadable workspace.
class SimulateCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    int runBatch();
    int runWorkspaceRequest();

    std::string m_batchFile;
    bool m_explain = false;
    std::string m_workspace;
    std::string m_principal;
    std::string m_action;
    std::string m_resource;
    std::vector<std::string> m_context;
    std::string m_format = "text";
};

} // namespace rd::cli
