// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <cstddef>
#include <string>

namespace rd::cli
{

/// `role-designer-cli simulate --batch FILE [--explain] [--threads N]`: evaluates each case of a JSON Lines file (`-`
/// for stdin) with runBatch() and prints one result line per case (docs/EVALUATION.md). Exit 0 when every case was read
/// and got its expected decision (if any), 1 when one did not or was malformed, 2 for bad usage or a file that cannot
/// be read.
class SimulateCommand : public Subcommand
{
public:
    CLI::App *configure(CLI::App &app) override;
    int run() override;

private:
    std::string m_batchFile;
    bool m_explain = false;
    std::size_t m_threads = 0;
};

} // namespace rd::cli
