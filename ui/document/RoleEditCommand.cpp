// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/RoleEditCommand.h"

#include "document/WorkspaceDocument.h"

namespace rd::doc
{

namespace
{
// Command ids are unique per command type in the stack; the field is folded in so that only same-field edits merge.
constexpr int kRoleEditId = 0x526f6c00;
} // namespace

RoleEditCommand::RoleEditCommand(
    WorkspaceDocument *document, core::Role before, core::Role after, Field field, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_field(field)
{
}

void RoleEditCommand::undo()
{
    m_document->replaceRole(m_before);
}

void RoleEditCommand::redo()
{
    m_document->replaceRole(m_after);
}

int RoleEditCommand::id() const
{
    return m_field == Field::Other ? -1 : kRoleEditId + static_cast<int>(m_field);
}

bool RoleEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RoleEditCommand *>(other);
    if (next->m_after.id != m_after.id || next->m_field != m_field)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace rd::doc
