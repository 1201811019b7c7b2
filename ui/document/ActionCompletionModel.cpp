// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/ActionCompletionModel.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServiceCatalog.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace rd::doc
{

ActionCompletionModel::ActionCompletionModel(const core::ServiceCatalog &catalog, QObject *parent)
    : QAbstractListModel(parent)
{
    struct Entry {
        std::string lower;
        const core::ServiceInfo *service;
        const core::ActionInfo *action;
    };
    std::vector<Entry> entries;
    entries.reserve(catalog.actionCount());
    for (const core::ServiceInfo &service : catalog.services()) {
        for (const core::ActionInfo &action : service.actions) {
            std::string lower;
            lower.reserve(service.prefix.size() + 1 + action.name.size());
            lower.append(service.prefix).append(1, ':').append(action.name);
            std::transform(lower.begin(), lower.end(), lower.begin(),
                [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            entries.push_back(Entry { std::move(lower), &service, &action });
        }
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.lower < b.lower; });
    m_names.reserve(static_cast<qsizetype>(entries.size()));
    m_levels.reserve(entries.size());
    for (const Entry &e : entries) {
        QString name = toQString(e.service->prefix);
        name += QLatin1Char(':');
        name += toQString(e.action->name);
        m_names.append(std::move(name));
        m_levels.push_back(e.action->accessLevel);
    }
}

ActionCompletionModel *ActionCompletionModel::instance()
{
    static QPointer<ActionCompletionModel> s_instance;
    if (!s_instance)
        s_instance = new ActionCompletionModel(core::ServiceCatalog::builtin(), QCoreApplication::instance());
    return s_instance;
}

int ActionCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

QVariant ActionCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_names.at(index.row());
    case Qt::ToolTipRole:
        return toQString(core::accessLevelName(m_levels[static_cast<std::size_t>(index.row())]));
    default:
        return {};
    }
}

} // namespace rd::doc
