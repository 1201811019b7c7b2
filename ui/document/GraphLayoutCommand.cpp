// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/GraphLayoutCommand.h"

#include "document/WorkspaceDocument.h"

namespace rd::doc
{

GraphLayoutCommand::GraphLayoutCommand(WorkspaceDocument *document, std::vector<core::GraphPosition> before,
    std::vector<core::GraphPosition> after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
}

void GraphLayoutCommand::undo()
{
    m_document->setGraphLayout(m_before);
}

void GraphLayoutCommand::redo()
{
    m_document->setGraphLayout(m_after);
}

} // namespace rd::doc
