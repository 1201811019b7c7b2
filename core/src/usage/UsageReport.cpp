// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/UsageReport.h"

#include "base/TextUtil.h"

namespace rd::core
{

const ActionUsage *PrincipalUsage::action(std::string_view name) const
{
    for (const ActionUsage &a : actions) {
        if (equalsIgnoreCase(a.action, name))
            return &a;
    }
    return nullptr;
}

const RoleUsage *UsageReport::role(std::string_view arn) const
{
    for (const RoleUsage &r : roles) {
        if (equalsIgnoreCase(r.usage.arn, arn))
            return &r;
    }
    return nullptr;
}

const PrincipalUsage *UsageReport::principal(std::string_view arn) const
{
    if (const RoleUsage *r = role(arn))
        return &r->usage;
    for (const PrincipalUsage &p : otherPrincipals) {
        if (equalsIgnoreCase(p.arn, arn))
            return &p;
    }
    return nullptr;
}

} // namespace rd::core
