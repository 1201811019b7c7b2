// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/Workspace.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

class RoleEditor;

/// One role: its editable properties (RoleEditor), what it is attached to, and its trust policy and inline policies
/// as the core writer prints them, one tab each.
class RoleSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit RoleSummaryView(doc::WorkspaceDocument *document, QWidget *parent = nullptr);

    /// Shows the role with this id, or an empty state when there is none.
    void showRole(core::RoleId id);
    core::RoleId role() const { return m_role; }
    /// Brings a policy's tab to the front: "trust" or an inline policy's name ("" leaves the tabs as they are).
    void showPolicy(const QString &policy);
    /// The title of the tab in front.
    QString currentPolicyTitle() const;
    /// The JSON text of the policy in front.
    QString currentPolicyText() const;

private:
    void refresh();
    void addPolicyTab(const QString &title, const QString &text);
    void removePolicyTabs();

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QLabel *m_title;
    RoleEditor *m_editor;
    QLabel *m_details;
    QTabWidget *m_policies;
};

} // namespace rd::ui
