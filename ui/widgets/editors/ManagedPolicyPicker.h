// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rd::doc
{
class ManagedPolicyListModel;
class WorkspaceDocument;
} // namespace rd::doc

namespace rd::ui
{

/// Picks managed policies to attach to a role: a filter line over a table of the workspace's managed policies and
/// every AWS managed policy (doc::ManagedPolicyListModel). Several rows can be selected; those already attached are
/// listed but cannot be. Down in the filter moves to the table; Return takes the selection, or the only row left.
class ManagedPolicyPicker : public QDialog
{
    Q_OBJECT
public:
    /// IAM User Guide, "IAM and AWS STS quotas": managed policies attached to a role, 10 by default (an account can
    /// ask AWS to raise it).
    static constexpr int kDefaultAttachedPolicyQuota = 10;

    /// `attachedArns`: the policies the role has now (marked, and counted against the quota).
    ManagedPolicyPicker(
        const doc::WorkspaceDocument *document, const QStringList &attachedArns, QWidget *parent = nullptr);
    ~ManagedPolicyPicker() override;

    /// The selected policies' ARNs, in table order.
    QStringList selectedArns() const;
    /// Filters as if typed in the filter line.
    void setFilterText(const QString &text);
    /// The number of rows the filter lets through.
    int visibleCount() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter(const QString &text);
    void updateState();

    doc::ManagedPolicyListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_count;
    QLabel *m_quota;
    QPushButton *m_attach;
    int m_attachedCount;
};

} // namespace rd::ui
