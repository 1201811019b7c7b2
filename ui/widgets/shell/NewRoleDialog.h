// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace rd::ui
{

/// New role from a template: pick a template, fill its blanks (each shows an example, used when left empty), get a
/// role with no finding. The role is built when the dialog is accepted; a malformed blank keeps the dialog open
/// with the reason.
class NewRoleDialog : public QDialog
{
    Q_OBJECT
public:
    /// `accountId`: the account the role will belong to (the workspace's first account, if it has one).
    explicit NewRoleDialog(const QString &accountId, QWidget *parent = nullptr);

    /// Picks a template by id; false when there is none.
    bool selectTemplate(const QString &id);
    /// Fills a blank of the current template.
    void setBlank(const QString &key, const QString &value);
    /// The role, once accepted.
    const std::optional<core::Role> &role() const { return m_role; }

    void accept() override;

private:
    void showTemplate(int index);

    QComboBox *m_templates;
    QLabel *m_description;
    QLineEdit *m_account;
    QFormLayout *m_blanks;
    QList<QPair<QString, QLineEdit *>> m_fields;
    QLabel *m_error;
    std::optional<core::Role> m_role;
};

} // namespace rd::ui
