// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "SimulateCommand.h"

#include "CliSupport.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/RequestSimulator.h"
#include "rd/core/evaluation/BatchSimulation.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace rd::cli
{

namespace
{

using namespace rd::core;

/// `{"type": "root", "id": "r-ab12", "name": "Root"}`.
std::string attachmentJson(const OrganizationAttachment &at)
{
    return "{\"type\": " + jsonQuote(at.targetKindName()) + ", \"id\": " + jsonQuote(at.targetId)
        + ", \"name\": " + jsonQuote(at.targetName) + "}";
}

std::string decisionJson(const WorkspaceRequest &request, const WorkspaceDecision &d)
{
    std::string out = "{\"decision\": " + jsonQuote(decisionName(d.decision))
        + ",\n \"principal\": " + jsonQuote(request.principal) + ", \"action\": " + jsonQuote(request.action)
        + ", \"resource\": " + jsonQuote(request.resource) + ", \"resourceAccount\": " + jsonQuote(d.resourceAccount)
        + ",\n \"reason\": " + jsonQuote(d.explanation.reason) + ",\n \"deciding\": [";
    for (std::size_t i = 0; i < d.deciding.size(); ++i) {
        const DecidingStatement &s = d.deciding[i];
        const bool org = s.attachment.has_value();
        out += std::string(i ? ",\n  " : "\n  ") + "{\"kind\": " + jsonQuote(policyTypeName(s.statement.type))
            + ", \"policy\": " + jsonQuote(org ? s.attachment->policyName : s.statement.policy);
        if (org)
            out += ", \"policyId\": " + jsonQuote(s.attachment->policyId)
                + ", \"attachedTo\": " + attachmentJson(*s.attachment);
        out += ", \"statement\": " + std::to_string(s.statement.statement) + ", \"sid\": " + jsonQuote(s.statement.sid)
            + ", \"effect\": " + jsonQuote(s.statement.effect == Effect::Deny ? "Deny" : "Allow") + "}";
    }
    out += d.deciding.empty() ? "]" : "\n ]";
    if (d.scpLevelWithoutAllow)
        out += ",\n \"scpLevelWithoutAllow\": " + attachmentJson(*d.scpLevelWithoutAllow);
    out += ",\n \"organization\": {\"scpsApplied\": " + std::string(d.scpsApplied ? "true" : "false")
        + ", \"rcpsApplied\": " + (d.rcpsApplied ? "true" : "false") + "},\n \"assumptions\": [";
    for (std::size_t i = 0; i < d.assumptions.size(); ++i)
        out += (i ? ", " : "") + jsonQuote(d.assumptions[i]);
    return out + "]}\n";
}

void printDecisionText(const WorkspaceRequest &request, const WorkspaceDecision &d)
{
    std::cout << decisionName(d.decision) << ": " << request.principal << " " << request.action << " on "
              << request.resource << '\n';
    std::cout << "  " << d.explanation.reason << '\n';
    for (const DecidingStatement &s : d.deciding) {
        std::cout << "  " << policyTypeName(s.statement.type) << " "
                  << (s.attachment ? s.attachment->policyName : s.statement.policy);
        if (s.attachment)
            std::cout << " attached to "
                      << (s.attachment->targetKind == OrganizationTargetKind::Root
                                 ? "the root " + s.attachment->targetId
                                 : std::string(s.attachment->targetKindName()) + " " + s.attachment->targetName + " ("
                                     + s.attachment->targetId + ")");
        std::cout << ", statement " << s.statement.statement;
        if (!s.statement.sid.empty())
            std::cout << " (" << s.statement.sid << ")";
        std::cout << '\n';
    }
    if (d.scpLevelWithoutAllow)
        std::cout << "  no SCP attached to " << d.scpLevelWithoutAllow->targetKindName() << " "
                  << d.scpLevelWithoutAllow->targetId << " allows the request\n";
    for (const std::string &a : d.assumptions)
        std::cout << "  assumed: " << a << '\n';
}

} // namespace

CLI::App *SimulateCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("simulate", "Evaluate requests against policies");
    CLI::Option *batch = sub->add_option("--batch", m_batchFile, "JSON Lines file of cases (`-` for stdin)");
    sub->add_flag("--explain", m_explain, "Add the deciding statements and near misses to every result");
    CLI::Option *workspace = sub->add_option("--workspace", m_workspace,
        "Workspace file (or GAAD output): evaluate one request against it, its organization's SCPs and RCPs included");
    batch->excludes(workspace);
    sub->add_option("--principal", m_principal, "With --workspace: the principal's ARN (user, role, role session...)")
        ->needs(workspace);
    sub->add_option("--action", m_action, "With --workspace: the action (service:Action)")->needs(workspace);
    sub->add_option("--resource", m_resource, "With --workspace: the resource ARN, or `*`")->needs(workspace);
    sub->add_option("--context", m_context, "With --workspace: a condition key and its value, KEY=VALUE (repeatable)")
        ->needs(workspace);
    sub->add_option("--format", m_format, "With --workspace: output format")
        ->check(CLI::IsMember({ "text", "json" }))
        ->needs(workspace);
    return sub;
}

int SimulateCommand::run()
{
    if (!m_workspace.empty())
        return runWorkspaceRequest();
    if (m_batchFile.empty())
        return usageError("simulate needs --batch FILE or --workspace W");
    return runBatch();
}

int SimulateCommand::runWorkspaceRequest()
{
    if (m_principal.empty() || m_action.empty() || m_resource.empty())
        return usageError("simulate --workspace needs --principal, --action and --resource");
    WorkspaceRequest request { m_principal, m_action, m_resource, {} };
    for (const std::string &entry : m_context) {
        const std::size_t eq = entry.find('=');
        if (eq == std::string::npos || eq == 0)
            return usageError("--context `" + entry + "`: expected KEY=VALUE");
        request.context.emplace_back(entry.substr(0, eq), entry.substr(eq + 1));
    }
    WorkspaceLoadResult loaded = loadWorkspaceFile(m_workspace);
    if (!loaded.ok())
        return usageError(workspaceLoadError(m_workspace, loaded));
    const RequestSimulator simulator(*loaded.workspace, nullptr);
    const WorkspaceDecision decision = simulator.simulate(request);
    if (!decision.error.empty())
        return usageError(decision.error);
    if (m_format == "json")
        std::cout << decisionJson(request, decision);
    else
        printDecisionText(request, decision);
    return decision.decision == Decision::Allowed ? kOkExit : kCheckFailedExit;
}

int SimulateCommand::runBatch()
{
    std::ifstream file;
    if (m_batchFile != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(m_batchFile, ec))
            return usageError("`" + m_batchFile + "` is a folder, not a case file");
        file.open(m_batchFile, std::ios::binary);
        if (!file)
            return usageError("cannot open `" + m_batchFile + "`: " + std::strerror(errno));
    }
    std::istream &in = m_batchFile == "-" ? std::cin : file;
    core::BatchOptions options;
    options.explain = m_explain;
    const core::BatchSummary summary = core::runBatch(in, std::cout, options);
    std::cout.flush();
    if (file.bad() || (m_batchFile == "-" && std::cin.bad()))
        return usageError("cannot read `" + m_batchFile + "`");
    if (summary.unendedLine > 0)
        return usageError("line " + std::to_string(summary.unendedLine) + " of `" + m_batchFile + "` is longer than "
            + std::to_string(options.maxLineBytes) + " bytes and no newline ends it: is it a case file?");
    return summary.failed > 0 || summary.errors > 0 ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
