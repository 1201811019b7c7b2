// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTabWidget;
class QToolButton;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

class PolicyEditorPane;
class RoleEditor;

/// One role, as tabs: its properties (RoleEditor), its trust relationships, and each inline policy, the policies
/// each as a form beside its JSON text (PolicyEditorPane). A button beside the tabs adds an inline policy; a tab's
/// context menu renames or deletes one.
class RoleSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit RoleSummaryView(doc::WorkspaceDocument *document, QWidget *parent = nullptr);

    /// Shows the role with this id, or an empty state when there is none.
    void showRole(core::RoleId id);
    core::RoleId role() const { return m_role; }
    /// Brings a tab to the front: "role", "trust" or an inline policy's name ("" leaves the tabs as they are).
    void showPolicy(const QString &policy);
    /// The title of the tab in front.
    QString currentPolicyTitle() const;
    /// The JSON text of the policy in front (the trust policy's when the role's own tab is in front).
    QString currentPolicyText() const;
    /// The policy pane in front, or nullptr.
    PolicyEditorPane *currentPane() const;
    /// The pane of "trust" or of an inline policy, or nullptr.
    PolicyEditorPane *pane(const QString &policy) const;
    RoleEditor *roleEditor() const { return m_editor; }
    QTabWidget *tabs() const { return m_tabs; }

    /// Reads typing not yet read in every policy text (before an undo, a save or an export).
    void flushTextEdits();
    /// Adds an empty inline policy named Permissions (or Permissions2, ...) through the undo stack and shows it.
    void addInlinePolicy();
    /// Renames or deletes an inline policy through the undo stack.
    bool renameInlinePolicy(const QString &from, const QString &to, QString *error = nullptr);
    void deleteInlinePolicy(const QString &name);
    /// Notes on the Action values of the role's permission policies (an action the role never used, from CloudTrail):
    /// greyed with the note as tool tip. `note` gets the role and the value; an empty function clears the notes.
    void setActionNotes(std::function<QString(core::RoleId, const QString &)> note);

private:
    void applyActionNotes(PolicyEditorPane *pane) const;
    void refresh();
    void syncPolicyTabs(const core::Role &role);
    void removePolicyTabs();
    void onTabContextMenu(const QPoint &position);

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QLabel *m_title;
    QWidget *m_rolePage;
    RoleEditor *m_editor;
    QLabel *m_details;
    QTabWidget *m_tabs;
    QToolButton *m_addPolicy;
    QLabel *m_empty;
    std::function<QString(core::RoleId, const QString &)> m_actionNote;
};

} // namespace rd::ui
