// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli import --gaad FILE [--gaad FILE...] [--organization FILE] [--resources FILE] [--list-roles FILE]
/// --out W [--format text|json]`: turns the output of `aws iam get-account-authorization-details` of each account (and,
/// optionally, the organization file, the resources file and `aws iam list-roles`) into one workspace file, the
/// import's findings on stderr and a summary on stdout. Exit 0 when imported without ERROR findings, 1 with some, 2 for
/// bad usage, a file that cannot be read or is not GAAD output, an ARN in two GAAD files, or a workspace that cannot
/// be written.
class ImportCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::vector<std::string> m_gaadFiles;
    std::string m_organizationFile;
    std::string m_resourcesFile;
    std::string m_listRolesFile;
    std::string m_out;
    std::string m_format = "text";
};

} // namespace rd::cli
