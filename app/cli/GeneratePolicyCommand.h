// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli generate-policy`: a least-privilege identity policy covering exactly the successful calls of one
/// principal in CloudTrail logs (core/LeastPrivilegePolicy.h), printed on stdout; placeholders to fill and notes
/// (iam:PassRole, unmapped calls) on stderr. Exit 0 with a policy, 1 when the principal made no successful call that
/// maps to an action, 2 for bad usage or an unreadable input.
class GeneratePolicyCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::vector<std::string> m_cloudTrail;
    std::vector<std::string> m_aggregates;
    std::string m_principal;
    std::string m_workspace;
    std::string m_since;
    std::string m_until;
    unsigned m_threads = 0;
};

} // namespace rd::cli
