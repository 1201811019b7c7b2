// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "Subcommand.h"

namespace rd::cli
{

Subcommand::~Subcommand() = default;

} // namespace rd::cli
