// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <optional>

namespace rd::test
{

/// An account (111122223333) of 1,000 roles made from the Lambda logging template, named Role1000 to Role1999 and
/// added in a scrambled order, each with a customer managed policy named after it (PolicyRole1000…): the large
/// workspace the browser's tests and benchmarks open. Nothing when the template is missing.
std::optional<rd::core::Workspace> makeThousandRoleAccount();

} // namespace rd::test
