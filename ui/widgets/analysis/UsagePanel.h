// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace rd::doc
{
class UsageTableModel;
class WorkspaceDocument;
class WorkspaceUsage;
} // namespace rd::doc

namespace rd::ui
{

/// How the selected role was used, from the imported CloudTrail logs: when it was last used, a bar chart and a table
/// of its calls per IAM action, its calls per day, its denied calls, who assumed it, and the granted actions it never
/// used. Offers to import logs when there are none, and to generate a least-privilege policy from the calls.
class UsagePanel : public QWidget
{
    Q_OBJECT
public:
    UsagePanel(doc::WorkspaceDocument *document, doc::WorkspaceUsage *usage, QWidget *parent = nullptr);

    void setRole(core::RoleId id);
    core::RoleId role() const { return m_role; }
    /// The one-line summary above the tabs ("Last used ... · N calls ...").
    QString summary() const;
    QTabWidget *tabs() const { return m_tabs; }
    /// The table of a tab: 0 calls per action, 1 denied, 2 assumed by, 3 unused.
    QTableView *table(int view) const;
    QChartView *actionChart() const { return m_actionChart; }
    QChartView *dayChart() const { return m_dayChart; }
    QPushButton *generateButton() const { return m_generate; }

Q_SIGNALS:
    void importRequested();
    void generateRequested(core::RoleId id);

private:
    void refresh();
    void refreshCharts();
    QTableView *makeTable(doc::UsageTableModel *model, int sortColumn);

    doc::WorkspaceDocument *m_document;
    doc::WorkspaceUsage *m_usage;
    core::RoleId m_role;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QLabel *m_heading;
    QLabel *m_summary;
    QLabel *m_source;
    QPushButton *m_generate;
    QTabWidget *m_tabs;
    QChartView *m_actionChart;
    QChartView *m_dayChart;
    std::vector<doc::UsageTableModel *> m_models;
    std::vector<QTableView *> m_tables;
};

} // namespace rd::ui
