// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli validate [FILE...] [--workspace W] [--kind K] [--account ID] [--fail-on SEVERITY]
/// [--format text|json|sarif]`: prints the findings of policy files (`-` for stdin), read as policies of account ID
/// when given, and of every role and resource policy of a workspace. Exit 0
/// when no finding reaches --fail-on, 1 when one does, 2 for bad usage or an input that cannot be read.
class ValidateCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::vector<std::string> m_files;
    std::string m_workspace;
    std::string m_failOn = "error";
    std::string m_kind;
    std::string m_account;
    std::string m_format = "text";
};

} // namespace rd::cli
