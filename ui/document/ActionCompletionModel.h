// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace rd::core
{
class ServiceCatalog;
enum class AccessLevel : std::uint8_t;
}

namespace rd::doc
{

/// Every `service:Action` name of a service catalog (about 22,000 for the built-in one), sorted case-insensitively,
/// for the completers of Action fields. Read-only. The tool tip role gives the action's access level.
class ActionCompletionModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ActionCompletionModel(const core::ServiceCatalog &catalog, QObject *parent = nullptr);

    /// The one model over ServiceCatalog::builtin(), built on first use and shared by every form (building it takes
    /// milliseconds; a form card must not). Owned by the application object; requires one.
    static ActionCompletionModel *instance();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList m_names;
    std::vector<core::AccessLevel> m_levels;
};

} // namespace rd::doc
