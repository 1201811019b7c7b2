// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/Workspace.h"

#include <QUndoCommand>

namespace rd::doc
{

class WorkspaceDocument;

/// One edit of a role: the role before and after. Consecutive edits of the same field of the same role (typing a
/// name) merge into one step, so that Undo takes back a gesture, not a keystroke.
class RoleEditCommand : public QUndoCommand
{
public:
    /// Fields whose successive edits merge; Other never merges.
    enum class Field { Other, Name, Path, Description, MaxSessionDuration };

    RoleEditCommand(WorkspaceDocument *document, core::Role before, core::Role after, Field field, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkspaceDocument *m_document;
    core::Role m_before;
    core::Role m_after;
    Field m_field;
};

} // namespace rd::doc
