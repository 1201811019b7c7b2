// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPushButton;
class QTableView;

namespace rd::doc
{
class PolicyDiffModel;
}

namespace rd::ui
{

/// A proposed policy beside the current one, line by line, with what the proposal leaves to the user (notes), and a
/// button that accepts it. The caller applies the proposal when exec() returns Accepted, as one undoable edit.
class PolicyDiffDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PolicyDiffDialog(QWidget *parent = nullptr);

    /// `heading` says what is compared ("Least-privilege policy for role app"), `applyText` names the button.
    void setComparison(const QString &heading, const QString &currentTitle, const QString &current,
        const QString &proposedTitle, const QString &proposed, const QString &applyText);
    /// Lines shown above the comparison (placeholders to fill in, permissions CloudTrail cannot show...).
    void setNotes(const QStringList &notes);

    doc::PolicyDiffModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPushButton *applyButton() const { return m_apply; }

private:
    doc::PolicyDiffModel *m_model;
    QLabel *m_heading;
    QLabel *m_summary;
    QLabel *m_notes;
    QTableView *m_table;
    QPushButton *m_apply;
};

} // namespace rd::ui
