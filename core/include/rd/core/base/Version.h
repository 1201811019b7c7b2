// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace rd::core
{

/// The product version, "MAJOR.MINOR.PATCH".
std::string_view productVersion();

} // namespace rd::core
