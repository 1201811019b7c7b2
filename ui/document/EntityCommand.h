// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"
#include "document/WorkspaceEntity.h"

#include <QUndoCommand>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace rd::doc
{

class WorkspaceDocument;

/// Adds, removes or replaces one entity of any kind (role, user, group, managed policy, resource, external
/// principal). Undo takes the change back exactly: a removed entity returns at the same place of its list with the
/// same id, an added one leaves with the account it brought. A rename and an edit are replacements; a duplicate is
/// the addition of a copy (duplicateEntity()).
class EntityCommand : public QUndoCommand
{
public:
    enum class Operation { Add, Remove, Replace };

    /// Adds `entity` at the end of its list (with a fresh id when it has none). `text` defaults to "Add <kind>
    /// <name>".
    static std::unique_ptr<EntityCommand> add(
        WorkspaceDocument *document, WorkspaceEntity entity, const QString &text = {});
    /// Removes the entity of `kind` with `id`; nullptr when there is none. `text` defaults to "Delete <kind>
    /// <name>".
    static std::unique_ptr<EntityCommand> remove(
        WorkspaceDocument *document, EntityKind kind, std::uint64_t id, const QString &text = {});
    /// Puts `after` in place of the entity with its kind and id; nullptr when there is none or nothing changes.
    /// `text` defaults to "Rename <kind> <old> to <new>" when the name changed, else "Edit <kind> <name>".
    static std::unique_ptr<EntityCommand> replace(
        WorkspaceDocument *document, WorkspaceEntity after, const QString &text = {});

    void undo() override;
    void redo() override;

    Operation operation() const { return m_operation; }
    EntityKind kind() const { return entityKind(m_entity); }
    /// The entity's id; for an addition, known after the first redo().
    std::uint64_t entityId() const { return doc::entityId(m_entity); }

private:
    EntityCommand(WorkspaceDocument *document, Operation operation, WorkspaceEntity entity, const QString &text);

    void insert();
    void take();

    WorkspaceDocument *m_document;
    Operation m_operation;
    /// The entity added or removed, or the entity after a replacement.
    WorkspaceEntity m_entity;
    /// The entity before a replacement.
    std::optional<WorkspaceEntity> m_before;
    /// Where the entity stands in its list while it is in the workspace (SIZE_MAX: the end, before the first redo
    /// of an addition).
    std::size_t m_position = static_cast<std::size_t>(-1);
    /// Whether the last insertion brought the entity's account, which its removal then takes away again.
    bool m_addedAccount = false;
};

} // namespace rd::doc
