// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

namespace CLI
{
class App;
}

namespace rd::cli
{

/// One subcommand of `role-designer-cli` (`validate`, `export`...): it declares its name, help and options, then, when
/// the command line chose it, reads its inputs, calls core and prints. main() builds the app from
/// subcommandRegistry(), parses, and runs the one chosen.
class Subcommand
{
public:
    virtual ~Subcommand();

    /// Adds the subcommand, its one-line help and its options to `app`, the options bound to members of this object
    /// (which must outlive the parse). Returns the subcommand added, owned by `app`.
    virtual CLI::App *configure(CLI::App &app) = 0;

    /// Runs after a parse that chose this subcommand. Returns the exit code of the command-line contract
    /// (CliSupport.h): 0 success, 1 the check failed, kUsageExit for bad usage or an input that cannot be read at all
    /// (with usageError()'s one line on stderr).
    virtual int run() = 0;
};

} // namespace rd::cli
