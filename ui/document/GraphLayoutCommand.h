// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QUndoCommand>

#include <vector>

namespace rd::doc
{

class WorkspaceDocument;

/// Moves nodes of the graph editor (or forgets every kept position): the workspace's graph layout before and after.
class GraphLayoutCommand : public QUndoCommand
{
public:
    GraphLayoutCommand(WorkspaceDocument *document, std::vector<core::GraphPosition> before,
        std::vector<core::GraphPosition> after, const QString &text);

    void undo() override;
    void redo() override;

private:
    WorkspaceDocument *m_document;
    std::vector<core::GraphPosition> m_before;
    std::vector<core::GraphPosition> m_after;
};

} // namespace rd::doc
