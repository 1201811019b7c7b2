// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "GeneratePolicyCommand.h"

#include "CliSupport.h"
#include "UsageInputs.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/usage/LeastPrivilegePolicy.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace rd::cli
{

CLI::App *GeneratePolicyCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("generate-policy",
        "A least-privilege policy covering exactly a principal's successful calls in CloudTrail logs");
    sub->add_option("--cloudtrail", m_cloudTrail, "CloudTrail log file (.json or .json.gz) or folder; repeatable");
    sub->add_option("--aggregates", m_aggregates, "CSV result of docs/cloudtrail-athena.sql; repeatable");
    sub->add_option("--principal", m_principal, "The role (or user) ARN whose calls the policy allows")->required();
    sub->add_option("--workspace", m_workspace,
        "Workspace file (or GAAD output): its policies of the principal are checked for iam:PassRole");
    sub->add_option("--since", m_since, "Only records at or after this time (2026-01-31 or 2026-01-31T12:00:00Z)");
    sub->add_option("--until", m_until, "Only records at or before this time");
    sub->add_option("--threads", m_threads, "Reading threads (default: one per core)")->check(CLI::Range(0, 256));
    return sub;
}

int GeneratePolicyCommand::run()
{
    std::optional<core::Workspace> workspace;
    std::shared_ptr<const core::AccountModel> model;
    if (!m_workspace.empty()) {
        core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(m_workspace);
        if (!loaded.ok())
            return usageError(workspaceLoadError(m_workspace, loaded));
        workspace = std::move(*loaded.workspace);
        model = core::AccountModel::build(*workspace);
    }
    UsageInputs inputs { m_cloudTrail, m_aggregates, m_since, m_until, m_threads };
    std::string error;
    const std::optional<core::UsageReport> report = inputs.read(workspace ? &*workspace : nullptr, model, error);
    if (!report)
        return usageError(error);
    const core::PrincipalUsage *usage = report->principal(m_principal);
    if (!usage || usage->actions.empty()) {
        std::cerr << "role-designer-cli: `" << m_principal
                  << "` made no successful call that maps to an IAM action in the window: no policy to propose\n";
        return kCheckFailedExit;
    }
    const core::PrincipalPolicies *current = nullptr;
    if (const core::RoleUsage *role = report->role(usage->arn); role && model)
        current = model->policiesOf(role->role);
    const core::LeastPrivilegePolicy policy =
        core::LeastPrivilegePolicy::generate(*usage, core::ServiceCatalog::builtin(), current);
    std::cout << policy.text;
    for (const std::string &line : policy.placeholders)
        std::cerr << "placeholder: " << line << '\n';
    for (const std::string &line : policy.notes)
        std::cerr << "note: " << line << '\n';
    return kOkExit;
}

} // namespace rd::cli
