// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/RoleListModel.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

namespace rd::doc
{

RoleListModel::RoleListModel(WorkspaceDocument *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &RoleListModel::onWorkspaceReset);
    connect(m_document, &WorkspaceDocument::rolesChanged, this, &RoleListModel::onWorkspaceReset);
    connect(m_document, &WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        const QModelIndex index = indexOf(id);
        if (index.isValid())
            Q_EMIT dataChanged(index, index);
    });
}

void RoleListModel::onWorkspaceReset()
{
    // The whole workspace was replaced: a reset is the precise notification here.
    beginResetModel();
    endResetModel();
}

int RoleListModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_document->workspace().roles.size());
}

QVariant RoleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Role &r = m_document->workspace().roles.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return toQString(r.name);
    case Qt::ToolTipRole:
        return r.description.empty() ? toQString(r.arn)
                                     : toQString(r.arn) + QLatin1Char('\n') + toQString(r.description);
    case RoleIdRole:
        return QVariant::fromValue<quint64>(r.id.value);
    case ArnRole:
        return toQString(r.arn);
    case AccountRole:
        return toQString(r.accountId);
    case PathRole:
        return toQString(r.path);
    default:
        return {};
    }
}

QHash<int, QByteArray> RoleListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RoleIdRole, "roleId");
    names.insert(ArnRole, "arn");
    names.insert(AccountRole, "account");
    names.insert(PathRole, "path");
    return names;
}

core::RoleId RoleListModel::roleId(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_document->workspace().roles.at(static_cast<std::size_t>(index.row())).id;
}

QModelIndex RoleListModel::indexOf(core::RoleId id) const
{
    const auto &roles = m_document->workspace().roles;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (roles[i].id == id)
            return index(static_cast<int>(i));
    }
    return {};
}

} // namespace rd::doc
