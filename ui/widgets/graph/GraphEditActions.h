// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/GraphEdits.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// What the graph editor's gestures do to the workspace (core/GraphEdits): connecting a principal to a role trusts
/// it with a least-privilege statement and the hardening conditions its kind needs; connecting a role to a resource
/// grants the actions picked in an ActionPickerDialog; removing an edge removes or narrows the statements behind it.
/// Each gesture is one undo step (WorkspaceDocument::replaceEntities), so the forms and the JSON show it at once.
class GraphEditActions : public QObject
{
    Q_OBJECT
public:
    /// `dialogParent` parents the action picker.
    GraphEditActions(doc::WorkspaceDocument *document, QWidget *dialogParent);

    /// Picks the actions for a role and a resource; an empty list cancels. The default shows an ActionPickerDialog;
    /// tests put their own.
    using ActionPicker = std::function<QStringList(const QString &role, const QString &resource)>;
    void setActionPicker(ActionPicker picker);

    /// A drag from node `from` to node `to` of `model.graph()` (`model` is the document's workspace's): a principal
    /// onto a role, a role onto a resource, or a user onto a group (which it joins). False, with message() saying
    /// why, when the gesture makes no edit.
    bool connectNodes(const core::AccountModel &model, std::size_t from, std::size_t to);
    /// Removes the access of these edges of `model->graph()` in one undo step. One edge is planned at once; several
    /// (a folded bundle's) are planned one after the other on a copy of the workspace, off the GUI thread, and the undo
    /// step is pushed when the plans arrive (removalFinished()), unless the workspace changed meanwhile. False, with
    /// message() saying why, when it cannot (an AWS managed policy grants it, an account-wide grant covers others, a
    /// removal is still being planned); true when done or started.
    bool removeEdges(std::shared_ptr<const core::AccountModel> model, const std::vector<std::size_t> &edges);
    /// Whether a removal of several edges is being planned.
    bool isRemoving() const { return m_removing; }
    /// What planning the removal of several edges found (GraphEditActions.cpp).
    struct Removal;

Q_SIGNALS:
    /// What the user should read: why a gesture was refused, or what an edit also did (for the status bar).
    void message(const QString &text);
    /// A removal of several edges planned in the background ended: `applied` when its undo step was pushed.
    void removalFinished(bool applied);

private:
    bool apply(const core::GraphEditResult &result);
    void finishRemoval(const Removal &removal, std::uint64_t revision, int edgeCount);
    bool addToGroup(core::UserId user, core::GroupId group);

    doc::WorkspaceDocument *m_document;
    QWidget *m_dialogParent;
    ActionPicker m_picker;
    bool m_removing = false;
};

} // namespace rd::ui
