// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/UsageReport.h"

#include <QAbstractTableModel>

#include <memory>

namespace rd::doc
{

/// One role's usage as a table, in one of four views: its calls per IAM action, its denied calls, who assumed it,
/// and the granted actions it never used. Holds the report it shows (shared), so the rows stay valid whatever
/// happens to the workspace meanwhile. Numbers and times sort as numbers (SortRole).
class UsageTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class View { Actions, Denied, AssumedBy, Unused };
    enum Roles {
        /// The value to sort by: numbers for counts and times, text otherwise.
        SortRole = Qt::UserRole + 1,
    };

    explicit UsageTableModel(View view, QObject *parent = nullptr);

    /// Shows `role` of `report` (both null: empty).
    void setUsage(std::shared_ptr<const core::UsageReport> report, const core::RoleUsage *role);
    View view() const { return m_view; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct UnusedRow {
        const core::UnusedService *service;
        const core::UnusedAction *action;
    };
    QVariant actionData(const core::ActionUsage &row, int column, int role) const;
    QVariant deniedData(const core::DeniedCalls &row, int column, int role) const;
    QVariant assumerData(const core::Assumer &row, int column, int role) const;
    QVariant unusedData(const UnusedRow &row, int column, int role) const;

    View m_view;
    std::shared_ptr<const core::UsageReport> m_report;
    const core::RoleUsage *m_role = nullptr;
    std::vector<UnusedRow> m_unused;
};

} // namespace rd::doc
