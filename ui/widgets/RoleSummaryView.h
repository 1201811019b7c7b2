// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/Workspace.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// A read-only summary of one role: identity, session duration, attached and inline policies, and its trust policy
/// as the core writer prints it.
class RoleSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit RoleSummaryView(doc::WorkspaceDocument *document, QWidget *parent = nullptr);

    /// Shows the role with this id, or an empty state when there is none.
    void showRole(core::RoleId id);
    core::RoleId role() const { return m_role; }

private:
    void refresh();

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QLabel *m_title;
    QLabel *m_details;
    QPlainTextEdit *m_trustPolicy;
};

} // namespace rd::ui
