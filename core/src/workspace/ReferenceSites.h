// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/base/SourceRange.h"
#include "rd/core/workspace/EntityReferences.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rd::core
{

/// Where a file reader found the references of the users, groups and roles it read (attached policies, permissions
/// boundaries, group lists), so that the ones that name nothing the workspace has are reported at their place in the
/// file (DANGLING_REFERENCE). Kept compact: one entry a reference, no copy of its text.
class ReferenceSites
{
public:
    /// Records the place of reference `index` of `field` in the holder with `id`.
    void add(ReferenceHolder holder, std::uint64_t id, ReferenceField field, std::size_t index, SourceRange range);

    /// A DANGLING_REFERENCE warning for every reference of findDanglingReferences(), at its recorded place (none when
    /// nothing was recorded), in the order of the places. `fromExport` adds why an account export can leave them (a
    /// filtered export). Linear in the number of references: one pass over the places.
    Diagnostics findings(const Workspace &workspace, bool fromExport) const;

private:
    struct Site {
        std::uint64_t id = 0;
        std::uint32_t index = 0;
        ReferenceHolder holder = ReferenceHolder::Role;
        ReferenceField field = ReferenceField::AttachedPolicy;
        SourceRange range;
    };
    std::vector<Site> m_sites;
};

} // namespace rd::core
