// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Workspace.h"

#include <QAbstractTableModel>
#include <QHash>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

class QTimer;

namespace rd::core
{
class RoleNameIndex;
}

namespace rd::doc
{

class WorkspaceDocument;

/// The validator's findings (core::validateRole) for the selected role, or for every role of the workspace: the role
/// itself, its trust policy, its inline policies; and, whichever role is selected (or none), what reading the
/// workspace's file found (WorkspaceDocument::loadFindings()). Recomputed when the role, the workspace or the load
/// findings change. The selected role is validated at once, from the texts its editors show (so that ranges point
/// into them). The workspace scope validates every role in slices of a few milliseconds per turn of the event loop,
/// then after each edit only the edited roles and those sharing a name with them.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Scope { SelectedRole, Workspace };
    enum Column { SeverityColumn, RoleColumn, CodeColumn, WhereColumn, MessageColumn, ColumnCount };
    enum Roles {
        /// core::Severity as an int.
        SeverityRole = Qt::UserRole + 1,
        /// "role", "trust" or the inline policy's name.
        PolicyRole,
        LearnMoreRole,
        /// For a finding about the workspace's file as read: that file's path; empty for the role's findings.
        FileRole,
        /// The role's id (core::RoleId::value) as a qulonglong; 0 for the file's findings.
        RoleIdRole,
        /// What the column sorts by: the severity's rank, the role's name, else the text shown.
        SortRole
    };

    struct Finding {
        core::Diagnostic diagnostic;
        /// Empty for the role itself, "trust" for its trust policy, else the inline policy's name.
        QString policy;
        /// For a finding of the load (WorkspaceDocument::loadFindings()): the file it is about. Empty otherwise.
        QString file;
        /// The role it is about; invalid for the file's findings.
        core::RoleId role;
        QString roleName;
    };

    explicit FindingsModel(WorkspaceDocument *document, QObject *parent = nullptr);
    ~FindingsModel() override;

    /// Validates this role (an invalid id clears the list).
    void setRole(core::RoleId id);
    core::RoleId role() const { return m_role; }
    /// Validates the current role again (and, in the workspace scope, every role).
    void refresh();

    /// The selected role only (the default), or every role of the workspace.
    void setScope(Scope scope);
    Scope scope() const { return m_scope; }
    /// In the workspace scope: true while every role is being validated (a slice per turn of the event loop);
    /// findings() then holds the selected role's and those of the previous sweep.
    bool isBusy() const { return m_sweeping; }
    /// Runs the event loop (user input excluded) until the workspace scope's sweep is done, at most `timeoutMs`
    /// (negative: no limit). For scripted views and tests. True when done.
    bool waitForCurrent(int timeoutMs = -1);
    /// In the workspace scope: the workspace's roles, and how many of them findings() is about.
    int roleCount() const;
    int rolesWithFindings() const;

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
    /// The selected role's findings, validated now from its editors' texts.
    QList<Finding> selectedRoleFindings() const;
    /// Puts together the file's, the selected role's and (workspace scope) every other role's findings.
    void rebuild();
    /// Workspace scope: rebuild() soon, so that edits in a burst (typing) rebuild once.
    void scheduleRebuild();
    /// Workspace scope: validates every role again, a slice of at most a few milliseconds per turn of the event
    /// loop, so that the window never waits (and no copy of the workspace is needed).
    void startSweep();
    void sweepSlice();
    /// Workspace scope: validates again the roles `ids` and every role that shares a name (account and name
    /// regardless of case) with them, before or after the edit, or with `keys`.
    void revalidate(const std::vector<core::RoleId> &ids, std::vector<std::string> keys);
    /// Workspace scope: forgets removed roles (and validates again those that shared their names), validates added
    /// ones.
    void onRolesAddedOrRemoved();

    WorkspaceDocument *m_document;
    core::RoleId m_role;
    Scope m_scope = Scope::SelectedRole;
    QList<Finding> m_findings;
    // Workspace scope: the findings of every role validated that has any; the name key of every role validated.
    QHash<std::uint64_t, QList<Finding>> m_byRole;
    std::unordered_map<std::uint64_t, std::string> m_nameKeys;
    /// The sweep's index of roles by name; dropped when roles change.
    std::unique_ptr<core::RoleNameIndex> m_names;
    std::size_t m_sweepNext = 0;
    bool m_sweeping = false;
    QTimer *m_sweepTimer;
    QTimer *m_rebuildTimer;
};

} // namespace rd::doc
