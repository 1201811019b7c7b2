// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/policy/Policy.h"

namespace rd::core
{

/// Access Analyzer's redundancy suggestions: REDUNDANT_ACTION (a value another value of the same list already
/// matches), REDUNDANT_RESOURCE (likewise for resources), REDUNDANT_STATEMENT (a statement that says exactly what
/// an earlier one says, Sid aside).
class RedundancyChecker
{
public:
    explicit RedundancyChecker(Diagnostics &out);

    void check(const Policy &policy);

private:
    void checkList(const StringList &list, bool actions);

    Diagnostics &m_out;
};

} // namespace rd::core
