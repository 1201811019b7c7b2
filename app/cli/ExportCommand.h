// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace rd::cli
{

/// `role-designer-cli export --workspace W --format F [--role NAME ...] [--minify] [--force] --out DIR`: writes the
/// roles of a workspace (all, or those named) in one of core::exportFormats() (`--format` takes each row's cliName).
/// Exit 0 when written, 1 when ERROR findings refuse the export (each printed as `ROLE: SEVERITY CODE message`), 2
/// for an unreadable workspace, an unknown role or a folder that cannot be written.
class ExportCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::string m_workspace;
    std::string m_format;
    std::vector<std::string> m_roles;
    bool m_minify = false;
    bool m_force = false;
    std::string m_out;
};

} // namespace rd::cli
