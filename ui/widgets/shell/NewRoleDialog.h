// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
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
    /// The roles the workspace has, as (account id, name): the dialog proposes a name none of them has in the account
    /// (the template's example, or it with 2, 3...) and refuses one that is taken. IAM API reference, CreateRole: role
    /// names are unique within an account, and not distinguished by case.
    void setExistingRoles(const QList<QPair<QString, QString>> &accountAndName);
    /// The role, once accepted.
    const std::optional<core::Role> &role() const { return m_role; }

    void accept() override;

private:
    void showTemplate(int index);
    /// Tab goes through the fields as they read, top to bottom, then OK and Cancel.
    void orderTabs();
    /// Makes m_role from the template and the blanks, or says why not in m_error.
    void build();
    /// Whether `account` has a role named `name`, whatever the case.
    bool isTaken(const QString &account, const QString &name) const;
    /// Fills the name blank with `base`, or the first of `base`2, `base`3... that no role of the account has.
    void proposeName(const QString &base);

    QComboBox *m_templates;
    QLabel *m_description;
    QLineEdit *m_account;
    QFormLayout *m_blanks;
    QList<QPair<QString, QLineEdit *>> m_fields;
    QList<QPair<QString, QString>> m_existing;
    QLabel *m_error;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<core::Role> m_role;
};

} // namespace rd::ui
