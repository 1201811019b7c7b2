// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/RoleEditCommand.h"
#include "rd/core/Workspace.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// The editable properties of a role: name, path, description and maximum session duration (IAM allows 1 to 12
/// hours). Each edit goes through the document's undo stack; typing in one field is one undo step.
class RoleEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RoleEditor(doc::WorkspaceDocument *document, QWidget *parent = nullptr);

    void setRole(core::RoleId id);

private:
    void refresh();
    void edit(doc::RoleEditCommand::Field field, const QString &text, const std::function<void(core::Role &)> &change);

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QLineEdit *m_name;
    QLineEdit *m_path;
    QLineEdit *m_description;
    QSpinBox *m_maxSession;
    QLabel *m_maxSessionText;
    bool m_refreshing = false;
};

} // namespace rd::ui
