// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/UsageTableModel.h"

#include "rd/core/catalog/ServiceCatalog.h"

#include <QDateTime>
#include <QLocale>

namespace rd::doc
{

namespace
{

QString when(long long seconds)
{
    if (seconds == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

QString count(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

/// Display text, or for SortRole the value to sort by.
QVariant cell(int role, const QString &display, const QVariant &sortKey = {})
{
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return display;
    if (role == UsageTableModel::SortRole)
        return sortKey.isValid() ? sortKey : QVariant(display);
    return {};
}

} // namespace

UsageTableModel::UsageTableModel(View view, QObject *parent)
    : QAbstractTableModel(parent)
    , m_view(view)
{
}

void UsageTableModel::setUsage(std::shared_ptr<const core::UsageReport> report, const core::RoleUsage *role)
{
    beginResetModel();
    m_report = std::move(report);
    m_role = m_report ? role : nullptr;
    m_unused.clear();
    if (m_role && m_view == View::Unused) {
        for (const core::UnusedService &service : m_role->unused) {
            for (const core::UnusedAction &action : service.actions)
                m_unused.push_back({ &service, &action });
        }
    }
    endResetModel();
}

int UsageTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_role)
        return 0;
    switch (m_view) {
    case View::Actions:
        return static_cast<int>(m_role->usage.actions.size());
    case View::Denied:
        return static_cast<int>(m_role->usage.denied.size());
    case View::AssumedBy:
        return static_cast<int>(m_role->usage.assumedBy.size());
    case View::Unused:
        return static_cast<int>(m_unused.size());
    }
    return 0;
}

int UsageTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    switch (m_view) {
    case View::Actions:
        return 5;
    case View::Denied:
        return 4;
    case View::AssumedBy:
        return 4;
    case View::Unused:
        return 3;
    }
    return 0;
}

QVariant UsageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = (m_view == View::Actions && index.column() == 2)
            || (m_view == View::Denied && index.column() == 2)
            || (m_view == View::AssumedBy && (index.column() == 1 || index.column() == 2));
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    switch (m_view) {
    case View::Actions:
        return actionData(m_role->usage.actions[row], index.column(), role);
    case View::Denied:
        return deniedData(m_role->usage.denied[row], index.column(), role);
    case View::AssumedBy:
        return assumerData(m_role->usage.assumedBy[row], index.column(), role);
    case View::Unused:
        return unusedData(m_unused[row], index.column(), role);
    }
    return {};
}

QVariant UsageTableModel::actionData(const core::ActionUsage &row, int column, int role) const
{
    switch (column) {
    case 0:
        return cell(role, text(row.action));
    case 1:
        return cell(role, text(core::accessLevelName(row.accessLevel)));
    case 2:
        return cell(role, count(row.count), QVariant::fromValue<qulonglong>(row.count));
    case 3:
        return cell(role, when(row.lastUsed), row.lastUsed);
    case 4: {
        QStringList resources;
        for (const std::string &resource : row.resources)
            resources << QString::fromStdString(resource);
        if (resources.isEmpty())
            return cell(role, tr("(no resource-level permissions)"));
        QString shown = resources.join(QStringLiteral(", "));
        if (row.moreResources)
            shown += tr(", and more");
        if (role == Qt::ToolTipRole)
            return resources.join(u'\n') + (row.moreResources ? tr("\n(more not kept)") : QString());
        return cell(role, shown);
    }
    default:
        return {};
    }
}

QVariant UsageTableModel::deniedData(const core::DeniedCalls &row, int column, int role) const
{
    switch (column) {
    case 0:
        return cell(role, text(row.action));
    case 1:
        return cell(role, text(row.errorCode));
    case 2:
        return cell(role, count(row.count), QVariant::fromValue<qulonglong>(row.count));
    case 3:
        return cell(role, when(row.lastAttempt), row.lastAttempt);
    default:
        return {};
    }
}

QVariant UsageTableModel::assumerData(const core::Assumer &row, int column, int role) const
{
    switch (column) {
    case 0:
        return cell(role, text(row.principal));
    case 1:
        return cell(role, count(row.count), QVariant::fromValue<qulonglong>(row.count));
    case 2:
        return cell(role, count(row.denied), QVariant::fromValue<qulonglong>(row.denied));
    case 3:
        return cell(role, when(row.lastAssumed), row.lastAssumed);
    default:
        return {};
    }
}

QVariant UsageTableModel::unusedData(const UnusedRow &row, int column, int role) const
{
    switch (column) {
    case 0:
        return cell(role, text(row.action->action));
    case 1:
        return cell(role, text(row.service->name.empty() ? row.service->prefix : row.service->name));
    case 2:
        return cell(role, text(core::accessLevelName(row.action->accessLevel)));
    default:
        return {};
    }
}

QVariant UsageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (m_view) {
    case View::Actions: {
        const QStringList titles { tr("Action"), tr("Access level"), tr("Calls"), tr("Last used"), tr("Resources") };
        return titles.value(section);
    }
    case View::Denied: {
        const QStringList titles { tr("Action"), tr("Error"), tr("Calls"), tr("Last attempt") };
        return titles.value(section);
    }
    case View::AssumedBy: {
        const QStringList titles { tr("Assumed by"), tr("Times"), tr("Denied"), tr("Last") };
        return titles.value(section);
    }
    case View::Unused: {
        const QStringList titles { tr("Granted, never used"), tr("Service"), tr("Access level") };
        return titles.value(section);
    }
    }
    return {};
}

} // namespace rd::doc
