// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/GraphEdits.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <functional>
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
    /// Removes the access of these edges of `model.graph()` in one undo step. False, with message() saying why, when
    /// it cannot (an AWS managed policy grants it, an account-wide grant covers others...).
    bool removeEdges(const core::AccountModel &model, const std::vector<std::size_t> &edges);

Q_SIGNALS:
    /// What the user should read: why a gesture was refused, or what an edit also did (for the status bar).
    void message(const QString &text);

private:
    bool apply(const core::GraphEditResult &result);
    bool addToGroup(core::UserId user, core::GroupId group);

    doc::WorkspaceDocument *m_document;
    QWidget *m_dialogParent;
    ActionPicker m_picker;
};

} // namespace rd::ui
