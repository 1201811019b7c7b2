// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QUndoCommand>

namespace rd::doc
{

class WorkspaceDocument;

/// Adds a role to the workspace; undo removes it, redo puts it back with the same id.
class AddRoleCommand : public QUndoCommand
{
public:
    AddRoleCommand(WorkspaceDocument *document, core::Role role);

    void undo() override;
    void redo() override;
    core::RoleId roleId() const { return m_role.id; }

private:
    WorkspaceDocument *m_document;
    core::Role m_role;
    bool m_addedAccount = false;
};

} // namespace rd::doc
