// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// AWS service principal names (`lambda.amazonaws.com`, `ecs-tasks.amazonaws.com`...), sorted and unique, for
/// completion in trust policies. Built into the program from resources/catalog/service-principals.txt, which
/// scripts/make_managed_policies.py derives from the AWS managed policies plus the common names of the IAM User
/// Guide ("AWS services that work with IAM", "AWS service principals"). Read on first use, thread-safe.
const std::vector<std::string> &knownServicePrincipals();

/// True when `name` is in knownServicePrincipals() (exact: service principals are lower case).
bool isKnownServicePrincipal(std::string_view name);

/// Reads the list's text form: one name per line, `#` lines and blank lines ignored, `\r` tolerated. Returns the
/// names sorted and unique.
std::vector<std::string> parseServicePrincipalList(std::string_view text);

} // namespace rd::core
