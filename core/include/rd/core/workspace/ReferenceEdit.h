// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/EntityReferences.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace rd::core
{

/// What deleting or renaming an entity does to the places that name it (EntityReferences.h), so that none is left
/// naming what the workspace no longer has:
/// - a removal takes the name out: from attached-policy and group lists, a permissions boundary is cleared, a
///   Principal loses the user's or role's ARN and a statement whose Principal is left empty is dropped;
/// - a rename writes the new name or ARN in its place.
/// A removal does not touch the target itself (it goes, with its own trust policy and instance profiles); a rename
/// also rewrites the target's own trust policy where it names the target.
///
/// Why the principals are edited rather than left: IAM stores a user or role named in a trust policy's Principal as
/// its unique principal ID, so once the user or role is deleted the statement names no one, even if an entity of the
/// same name is made again, and the console shows the bare ID (IAM User Guide, "AWS JSON policy elements: Principal",
/// IAM role and user principals: "If you delete the role, then you break the relationship ... you must edit the role
/// to replace the ARN"). The editors therefore ask before they edit.
class ReferenceEdit
{
public:
    /// The references to `target` are removed.
    static ReferenceEdit removal(ReferenceTarget target);
    /// The references to `before` come to name `after` (the same entity with a new name, path or ARN).
    static ReferenceEdit rename(ReferenceTarget before, ReferenceTarget after);

    const ReferenceTarget &target() const { return m_target; }
    bool isRemoval() const { return !m_renamed.has_value(); }

    /// The references the edit changes, as findReferences() lists them, except on a removal the principals the
    /// target holds itself; a removal of a role adds its instance profiles (InstanceProfile), which lose their role.
    std::vector<EntityReference> references(const Workspace &workspace) const;

    /// Edits one holder; true when it changed. A removal leaves the target itself untouched.
    bool applyTo(Role &role) const;
    bool applyTo(User &user) const;
    bool applyTo(Group &group) const;
    bool applyTo(Resource &resource) const;
    /// Edits every holder of the workspace (never removes or renames the target itself); returns how many changed.
    std::size_t applyTo(Workspace &workspace) const;

private:
    ReferenceEdit(ReferenceTarget target, std::optional<ReferenceTarget> renamed);

    /// Edits the Principal of each statement; drops a statement whose Principal is left empty.
    bool editPrincipals(Policy &policy) const;
    bool editArn(std::string &arn) const;
    bool editList(std::vector<std::string> &values, bool (*names)(const std::string &, const ReferenceTarget &)) const;
    bool isSelf(std::uint64_t holderId, ReferenceTarget::Kind holderKind) const;

    ReferenceTarget m_target;
    std::optional<ReferenceTarget> m_renamed;
};

} // namespace rd::core
