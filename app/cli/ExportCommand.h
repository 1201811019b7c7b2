// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

/// `role-designer-cli export --workspace W --format F [--role NAME ...] [--minify] [--force] --out DIR`: writes the
/// roles of a workspace (all, or those named) as policy JSON, a CloudFormation template, a Terraform configuration or
/// an AWS CLI script. Exit 0 when written, 1 when ERROR findings refuse the export (each printed as `ROLE: SEVERITY
/// CODE message`), 2 for an unreadable workspace, an unknown role or a folder that cannot be written.
class ExportCommand
{
public:
    explicit ExportCommand(CLI::App &app);

    bool parsed() const;
    int run();

private:
    CLI::App *m_sub = nullptr;
    std::string m_workspace;
    std::string m_format;
    std::vector<std::string> m_roles;
    bool m_minify = false;
    bool m_force = false;
    std::string m_out;
};
