// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace rd::doc
{
class FindingsModel;
}

namespace rd::ui
{

/// The findings of the selected role, or of the whole workspace: a one-line summary by severity, a scope chooser, and
/// a table sortable by any column (severity, role, code, where, message; the message's hint and the check's reference
/// page in the tooltip). Activating a row asks to show its policy.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(doc::FindingsModel *model, QWidget *parent = nullptr);

    QString summary() const;
    /// The table, sorted as the user chose.
    QTreeView *table() const { return m_table; }

Q_SIGNALS:
    /// A finding was activated: its policy ("" for the role itself, "trust", or an inline policy's name).
    void policyRequested(const QString &policy);
    /// A finding was double-clicked (or Return pressed on it): its row in the model (not in the sorted view).
    void findingActivated(int row);

private:
    void updateSummary();
    void applyScope();

    doc::FindingsModel *m_model;
    QLabel *m_summary;
    QComboBox *m_scope;
    QSortFilterProxyModel *m_sorted;
    QTreeView *m_table;
};

} // namespace rd::ui
