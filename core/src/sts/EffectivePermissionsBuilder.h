// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/sts/AssumeRoleResult.h"

#include <cstddef>
#include <vector>

namespace rd::core
{

/// What a role session may do, by action and resource pattern: for each action an Allow statement of the role's
/// identity-based policies grants (patterns expanded through the service catalog), the Resource patterns of those
/// statements intersected with the patterns the permissions boundary and the session policies allow for the action
/// (IAM User Guide, "Permissions boundaries for IAM entities", "Session policies": the session gets the intersection),
/// less what Deny statements of any of them take out ("Policy evaluation logic": an explicit deny wins). Patterns are
/// intersected as wildcards (resourcePatternWithin, patternsOverlap); docs/SIMULATION.md, "Effective permissions", has
/// the approximations. The policies must outlive the builder.
class EffectivePermissionsBuilder
{
public:
    /// `boundary` may be null (no boundary); an empty `session` means no session policy.
    EffectivePermissionsBuilder(std::vector<const CompiledPolicy *> identity, const CompiledPolicy *boundary,
        std::vector<const CompiledPolicy *> session, const ServiceCatalog &catalog);

    /// Every action counted by service and access level; at most `listLimit` listed, with their resources.
    EffectivePermissions build(std::size_t listLimit) const;

private:
    std::vector<const CompiledPolicy *> m_identity;
    const CompiledPolicy *m_boundary;
    std::vector<const CompiledPolicy *> m_session;
    const ServiceCatalog &m_catalog;
};

} // namespace rd::core
