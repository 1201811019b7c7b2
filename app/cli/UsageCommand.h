// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli usage`: each workspace role's use from CloudTrail logs (or from the CSV result of
/// docs/cloudtrail-athena.sql): first and last use, calls per IAM action, denied calls, assumers, unused permissions;
/// roles never used; other principals (docs/USAGE.md). Exit 0 with the report, 2 for bad usage, an unreadable
/// workspace or a path that does not exist; files that cannot be read are listed in the report and on stderr.
class UsageCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::string m_workspace;
    std::vector<std::string> m_cloudTrail;
    std::vector<std::string> m_aggregates;
    std::string m_since;
    std::string m_until;
    unsigned m_threads = 0;
    std::string m_format = "text";
};

} // namespace rd::cli
