// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "SubcommandRegistry.h"

#include "AssumeCommand.h"
#include "ExportCommand.h"
#include "FmtCommand.h"
#include "GeneratePolicyCommand.h"
#include "ImportCommand.h"
#include "ReachCommand.h"
#include "SimulateCommand.h"
#include "UsageCommand.h"
#include "ValidateCommand.h"

namespace rd::cli
{

std::vector<std::unique_ptr<Subcommand>> subcommandRegistry()
{
    // A new subcommand is one class (app/cli/<Name>Command.{h,cpp}) and one line here.
    std::vector<std::unique_ptr<Subcommand>> subcommands;
    subcommands.push_back(std::make_unique<ValidateCommand>());
    subcommands.push_back(std::make_unique<FmtCommand>());
    subcommands.push_back(std::make_unique<ImportCommand>());
    subcommands.push_back(std::make_unique<SimulateCommand>());
    subcommands.push_back(std::make_unique<ReachCommand>());
    subcommands.push_back(std::make_unique<AssumeCommand>());
    subcommands.push_back(std::make_unique<ExportCommand>());
    subcommands.push_back(std::make_unique<UsageCommand>());
    subcommands.push_back(std::make_unique<GeneratePolicyCommand>());
    return subcommands;
}

} // namespace rd::cli
