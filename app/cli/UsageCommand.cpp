// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "UsageCommand.h"

#include "CliSupport.h"
#include "UsageInputs.h"
#include "rd/core/usage/UsageReportFormat.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rd::cli
{

CLI::App *UsageCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("usage",
        "Role usage from CloudTrail logs: calls, denied calls, assumers, "
        "unused permissions, roles never used");
    sub->add_option("--workspace", m_workspace, "Workspace file (or GAAD output)")->required();
    sub->add_option("--cloudtrail", m_cloudTrail,
        "CloudTrail log file (.json or .json.gz) or folder, walked recursively (AWSLogs/... layout); repeatable");
    sub->add_option("--aggregates", m_aggregates,
        "CSV result of docs/cloudtrail-athena.sql (Amazon Athena) instead of, or besides, raw logs; repeatable");
    sub->add_option("--since", m_since, "Only records at or after this time (2026-01-31 or 2026-01-31T12:00:00Z)");
    sub->add_option("--until", m_until, "Only records at or before this time");
    sub->add_option("--threads", m_threads, "Reading threads (default: one per core)")->check(CLI::Range(0, 256));
    sub->add_option("--format", m_format, "text or json")->check(CLI::IsMember({ "json", "text" }));
    return sub;
}

int UsageCommand::run()
{
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(m_workspace);
    if (!loaded.ok())
        return usageError(workspaceLoadError(m_workspace, loaded));
    UsageInputs inputs { m_cloudTrail, m_aggregates, m_since, m_until, m_threads };
    std::string error;
    const std::optional<core::UsageReport> report = inputs.read(&*loaded.workspace, nullptr, error);
    if (!report)
        return usageError(error);
    std::cout << (m_format == "json" ? core::usageReportJson(*report) : core::usageReportText(*report));
    return kOkExit;
}

} // namespace rd::cli
