// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <string>

namespace rd::cli
{

/// `role-designer-cli fmt FILE [--minify] [--format text|json]`: prints a policy in canonical form (`-` for stdin),
/// keeping the order of its keys. Exit 0 when printed, 1 when the text is not exact JSON or repeats a key (the
/// findings on stderr, or on stdout as JSON), 2 for bad usage or a file that cannot be read.
class FmtCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::string m_file;
    bool m_minify = false;
    std::string m_format = "text";
};

} // namespace rd::cli
