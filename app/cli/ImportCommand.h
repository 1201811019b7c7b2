// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>

namespace rd::cli
{

/// `role-designer-cli import --gaad FILE [--list-roles FILE] --out W [--format text|json]`: turns the output of `aws
/// iam get-account-authorization-details` (and, optionally, `aws iam list-roles`) into a workspace file, the import's
/// findings on stderr and a summary on stdout. Exit 0 when imported without ERROR findings, 1 with some, 2 for bad
/// usage, a file that cannot be read or is not GAAD output, or a workspace that cannot be written.
class ImportCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::string m_gaadFile;
    std::string m_listRolesFile;
    std::string m_out;
    std::string m_format = "text";
};

} // namespace rd::cli
