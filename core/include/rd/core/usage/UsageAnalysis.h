// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/AccountModel.h"
#include "rd/core/usage/CloudTrailReader.h"
#include "rd/core/usage/UsageCollector.h"
#include "rd/core/usage/UsageReport.h"
#include "rd/core/workspace/Workspace.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

struct UsageOptions {
    /// The window, inclusive, in seconds since the epoch; unset: open.
    std::optional<long long> since;
    std::optional<long long> until;
    /// Reading threads; 0 for one per core (CloudTrailReader::defaultThreads()).
    unsigned threads = 0;
    /// Progress and cancel flag, handed to the reader.
    CloudTrailReadOptions read;
};

/// Role usage from CloudTrail (docs/USAGE.md): reads the logs (CloudTrailReader) into one UsageCollector per thread,
/// joins them, and sets the answer against the workspace: each role's calls, denied calls and assumers, and its unused
/// permissions, the actions that its identity policies grant within its permissions boundary (the effective
/// permissions of its sessions without a session policy, docs/SIMULATION.md) and that had no successful call in the
/// window; roles never used; the other principals' calls. Without a workspace every principal is an other principal.
/// Thread-safe for distinct arguments; a Qt panel runs it on a worker thread and shows the UsageReport.
class UsageAnalysis
{
public:
    /// `model` is the workspace's AccountModel (null: built here when there is a workspace).
    static UsageReport fromCloudTrail(const std::vector<std::string> &paths, const Workspace *workspace,
        std::shared_ptr<const AccountModel> model, const UsageOptions &options = {});

    /// The report of what `collector` gathered (its window), after `read`.
    static UsageReport report(const UsageCollector &collector, CloudTrailReadSummary read, const Workspace *workspace,
        std::shared_ptr<const AccountModel> model);

    /// The actions a role's identity policies grant within its permissions boundary, as the catalog spells them,
    /// by service and access level; those `usage` used are left out when it is given. `granted` receives the count of
    /// every granted action.
    static std::vector<UnusedService> unusedPermissions(
        const Role &role, const AccountModel &model, const PrincipalUsage *usage, std::size_t &granted);
};

} // namespace rd::core
