// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <array>
#include <string>
#include <vector>

namespace CLI
{
class Option;
}

namespace rd::core
{
struct AssumeRoleRequest;
}

namespace rd::cli
{

/// `role-designer-cli assume`: simulates AWS STS AssumeRole (and its SAML and web identity forms, and role chains)
/// over a workspace, prints the hops, the simulated credentials and, with --check, what the session may do
/// (docs/SIMULATION.md). The `--hop-*` options apply to the `--role` before them (the hop that assumes it). Exit 0
/// when the role is assumed and the check (if any) is allowed, 1 when either is denied, 2 for bad usage or an
/// unreadable workspace.
class AssumeCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    /// Fills `request.hops` from the `--hop-*` options in command-line order; returns a usage error, or empty.
    std::string readHopOptions(core::AssumeRoleRequest &request) const;

    CLI::App *m_sub = nullptr;
    CLI::Option *m_roleOption = nullptr;
    CLI::Option *m_hopTagOption = nullptr;
    CLI::Option *m_hopTransitiveOption = nullptr;
    CLI::Option *m_hopPolicyOption = nullptr;
    CLI::Option *m_hopPolicyArnOption = nullptr;
    CLI::Option *m_hopSessionNameOption = nullptr;
    CLI::Option *m_hopDurationOption = nullptr;
    CLI::Option *m_hopExternalIdOption = nullptr;
    std::string m_workspace;
    std::string m_principal;
    std::vector<std::string> m_roles;
    std::string m_api;
    long long m_duration = 0;
    std::string m_sessionName;
    std::string m_externalId;
    std::string m_sourceIdentity;
    std::vector<std::string> m_tags;
    std::vector<std::string> m_transitiveTagKeys;
    bool m_mfa = false;
    long long m_mfaAge = -1;
    std::string m_sourceIp;
    std::string m_time;
    std::string m_orgId;
    std::vector<std::string> m_principalTags;
    std::vector<std::string> m_context;
    std::string m_sessionPolicyFile;
    std::vector<std::string> m_sessionPolicyArns;
    /// Bound to the --hop-* options, in the order declared (readHopOptions reads their results instead).
    std::array<std::vector<std::string>, 7> m_hopValues;
    std::vector<std::string> m_check;
    bool m_permissions = false;
    std::string m_format = "text";
};

} // namespace rd::cli
