// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "Subcommand.h"

#include <memory>
#include <vector>

namespace rd::cli
{

/// Every subcommand of `role-designer-cli`, one object each, in the order `--help` lists them.
std::vector<std::unique_ptr<Subcommand>> subcommandRegistry();

} // namespace rd::cli
