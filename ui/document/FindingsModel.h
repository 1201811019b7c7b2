// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Workspace.h"

#include <QAbstractTableModel>

namespace rd::doc
{

class WorkspaceDocument;

/// The validator's findings for one role of the workspace (core::validateRole): the role itself, its trust policy,
/// its inline policies; and, whichever role is selected (or none), what reading the workspace's file found
/// (WorkspaceDocument::loadFindings()). Recomputed when the role, the workspace or the load findings change.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, CodeColumn, WhereColumn, MessageColumn, ColumnCount };
    enum Roles {
        /// core::Severity as an int.
        SeverityRole = Qt::UserRole + 1,
        /// "role", "trust" or the inline policy's name.
        PolicyRole,
        LearnMoreRole,
        /// For a finding about the workspace's file as read: that file's path; empty for the role's findings.
        FileRole
    };

    struct Finding {
        core::Diagnostic diagnostic;
        /// Empty for the role itself, "trust" for its trust policy, else the inline policy's name.
        QString policy;
        /// For a finding of the load (WorkspaceDocument::loadFindings()): the file it is about. Empty otherwise.
        QString file;
    };

    explicit FindingsModel(WorkspaceDocument *document, QObject *parent = nullptr);

    /// Validates this role (an invalid id clears the list).
    void setRole(core::RoleId id);
    core::RoleId role() const { return m_role; }
    /// Validates the current role again.
    void refresh();

    const QList<Finding> &findings() const { return m_findings; }
    int count(core::Severity severity) const;
    /// How many of findings() are about the workspace's file as read.
    int fileFindingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// After each validation.
    void findingsChanged();

private:
    WorkspaceDocument *m_document;
    core::RoleId m_role;
    QList<Finding> m_findings;
};

} // namespace rd::doc
