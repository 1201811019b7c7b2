// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/Version.h"

namespace rd::core
{

std::string_view productVersion()
{
    return RD_VERSION;
}

} // namespace rd::core
