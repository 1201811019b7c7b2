// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace rd::doc
{
class FindingsModel;
}

namespace rd::ui
{

/// The findings of the selected role: a one-line summary by severity and a table (severity, code, where, message;
/// the message's hint and the check's reference page in the tooltip). Activating a row asks to show its policy.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(doc::FindingsModel *model, QWidget *parent = nullptr);

    QString summary() const;

Q_SIGNALS:
    /// A finding was activated: its policy ("" for the role itself, "trust", or an inline policy's name).
    void policyRequested(const QString &policy);
    /// A finding was double-clicked (or Return pressed on it): its row in the model.
    void findingActivated(int row);

private:
    void updateSummary();

    doc::FindingsModel *m_model;
    QLabel *m_summary;
    QTreeView *m_table;
};

} // namespace rd::ui
