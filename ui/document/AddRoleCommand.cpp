// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/AddRoleCommand.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

namespace rd::doc
{

AddRoleCommand::AddRoleCommand(WorkspaceDocument *document, core::Role role)
    : QUndoCommand(QObject::tr("Add role %1").arg(toQString(role.name)))
    , m_document(document)
    , m_role(std::move(role))
{
}

void AddRoleCommand::undo()
{
    m_document->removeRole(m_role.id, m_addedAccount ? m_role.accountId : std::string());
}

void AddRoleCommand::redo()
{
    // The first redo gives the role its id; later ones put it back under the same id. The account comes and goes
    // with the role when the role brought it.
    m_addedAccount = !m_role.accountId.empty() && !m_document->workspace().hasAccount(m_role.accountId);
    m_role.id = m_document->insertRole(m_role);
}

} // namespace rd::doc
