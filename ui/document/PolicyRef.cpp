// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/PolicyRef.h"

namespace rd::doc
{

const core::Policy *PolicyRef::find(const core::Role &owner) const
{
    if (isTrust())
        return &owner.trustPolicy;
    for (const core::InlinePolicy &policy : owner.inlinePolicies) {
        if (policy.name == inlineName)
            return &policy.document;
    }
    return nullptr;
}

core::Policy *PolicyRef::find(core::Role &owner) const
{
    return const_cast<core::Policy *>(find(static_cast<const core::Role &>(owner)));
}

} // namespace rd::doc
