// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/Workspace.h"

#include <QAbstractListModel>

namespace rd::doc
{

class WorkspaceDocument;

/// The roles of a workspace, one row each, in workspace order.
class RoleListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { RoleIdRole = Qt::UserRole + 1, ArnRole, AccountRole, PathRole };

    explicit RoleListModel(WorkspaceDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The stable id of a row's role.
    core::RoleId roleId(const QModelIndex &index) const;
    /// The row of a role, or an invalid index.
    QModelIndex indexOf(core::RoleId id) const;

private:
    void onWorkspaceReset();

    WorkspaceDocument *m_document;
};

} // namespace rd::doc
