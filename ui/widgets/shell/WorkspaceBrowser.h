// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"
#include "rd/core/workspace/EntityReferences.h"
#include "rd/core/workspace/Workspace.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSortFilterProxyModel;
class QTabWidget;
class QTimer;
class QTreeView;

namespace rd::doc
{
class OrganizationTreeModel;
class WorkspaceDocument;
class WorkspaceTreeModel;
} // namespace rd::doc

namespace rd::ui
{

/// The workspace browser, the main window's left panel: a filter line over a tree of the workspace's accounts,
/// roles, users, groups, policies, resources and external principals (doc::WorkspaceTreeModel), sorted by name.
/// Every change goes through the document's undo stack: rename in place (F2), duplicate (Ctrl+D), delete (Delete),
/// and new users, groups and policies by name; a new role is asked of the main window (newRoleRequested()), which has
/// the template dialog. Deleting or renaming an entity that others name (an attached policy, a group with users, a
/// user or role in a trust policy) first asks, listing those references (referencesMessageBox), and then changes the
/// entity and every reference as one undo step; one nothing names is deleted without asking (Undo brings it back).
/// A workspace with an AWS organization has a second tab, Organization: the root, OUs and accounts with the SCPs and
/// RCPs attached at each node (doc::OrganizationTreeModel); a policy row made current opens it
/// (organizationPolicyActivated()).
class WorkspaceBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspaceBrowser(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~WorkspaceBrowser() override;

    doc::WorkspaceTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    /// The IAM tab and the Organization tab (shown only when the workspace has an organization).
    QTabWidget *tabs() const { return m_tabs; }
    doc::OrganizationTreeModel *organizationModel() const { return m_organizationModel; }
    QTreeView *organizationView() const { return m_organizationTree; }
    /// Ctrl+F: focuses the filter and selects its text. A window-wide shortcut; the main window may also put it in
    /// its Edit menu (and must then drop any other action on Ctrl+F, or neither fires).
    QAction *focusFilterAction() const { return m_focusFilterAction; }

    /// The kind of the current row (of its entities for a section), and its entity id (0 for a section; an
    /// account's 12 digits as a number).
    doc::EntityKind currentKind() const;
    quint64 currentEntityId() const;
    /// The current role, or an invalid id when the current row is not a role.
    core::RoleId currentRole() const;
    /// The message shown last (why a name was refused...), "" when none is shown.
    QString message() const;
    /// What the context menu offers on a row of the tree (an index of filterModel(); invalid: the empty area below
    /// the rows): on an entity Open, Rename, Duplicate and Delete (enabled as they apply), then the New… actions of
    /// its kind; on a section its kind's New… action; on an account or the empty area every New… action.
    QList<QAction *> contextActions(const QModelIndex &index) const;

public Q_SLOTS:
    /// Makes a role current, clearing the filter when it hides the role; false when there is no such role. Emits
    /// roleActivated() only when the current row changes.
    bool selectRole(core::RoleId id);
    /// The same for an entity of any kind but accounts.
    bool selectEntity(doc::EntityKind kind, quint64 id);
    /// Brings the Organization tab to the front and makes the row of `id` current there (a node, or a policy at its
    /// first attachment, or under `targetId`); false when the tree has no such row.
    bool selectOrganizationRow(const QString &id, const QString &targetId = {});
    /// Starts renaming the current row in place, or says why it cannot be renamed.
    void renameCurrent();
    /// Adds a copy of the current entity (`name-copy`, its own ARN) and makes it current.
    void duplicateCurrent();
    /// Deletes the current entity through the undo stack, with the references to it (see the class comment); asks
    /// first when there are any.
    void deleteCurrent();
    /// Return, or a double-click: opens the current entity (roleOpened(), entityOpened()); on a section, expands or
    /// collapses it.
    void openCurrent();
    /// Asks for a name (dialog `entityNameDialog`) and adds a user, group or customer managed policy in the current
    /// row's account, else the workspace's first.
    void promptNewEntity(doc::EntityKind kind);
    /// Adds a user, group or customer managed policy named `name`, as promptNewEntity() does after asking; shows the
    /// reason and returns 0 when the name is refused.
    quint64 addNewEntity(doc::EntityKind kind, const QString &name);

Q_SIGNALS:
    /// A role became the current row.
    void roleActivated(core::RoleId id);
    /// Another row became current: an entity, an account (id: its 12 digits as a number) or a section (id 0).
    void entityActivated(doc::EntityKind kind, quint64 id);
    /// Return or a double-click on a role.
    void roleOpened(core::RoleId id);
    /// Return or a double-click on another entity or an account.
    void entityOpened(doc::EntityKind kind, quint64 id);
    /// A row of the Organization tab became current: an SCP or RCP (`policyId` its `p-...` id, `targetId` the node
    /// it is attached to there).
    void organizationPolicyActivated(const QString &policyId, const QString &targetId);
    /// A root, OU or account row of the Organization tab became current.
    void organizationNodeActivated(const QString &nodeId);
    /// "New Role…" was chosen: the main window opens its template dialog.
    void newRoleRequested();
    /// A message for the user (also shown under the filter), such as why a name was refused.
    void messageShown(const QString &text);

private:
    friend class EntityNameDelegate;

    void createActions();
    void installIcons();
    void onCurrentChanged(const QModelIndex &current);
    void onFilterChanged(const QString &text);
    void onModelReset();
    void showContextMenu(const QPoint &position);
    void updateActions();
    void showMessage(const QString &text);
    void clearMessage();
    /// For the inline editor: renames the row's entity, or shows why not. An entity that others name is renamed
    /// after the editor has closed, once the user agrees (renameAfterAsking()).
    void commitName(const QModelIndex &proxyIndex, const QString &text);
    /// Asks whether to rename the entity to `name` and rewrite the references to it, then does.
    void renameAfterAsking(doc::EntityKind kind, quint64 id, const QString &name);
    /// Asks whether to go on with a deletion (`newName` empty) or a rename of the entity that `references` name:
    /// the message box `referencesMessageBox` lists them (the first ones, with counts by kind, every one in the
    /// details). True when the user agrees.
    bool confirmReferences(
        doc::EntityKind kind, quint64 id, const std::vector<core::EntityReference> &references, const QString &newName);
    bool selectSourceIndex(const QModelIndex &source);
    QModelIndex currentSourceIndex() const;
    /// The account for a new entity: the current row's, else the workspace's first; "" when there is none.
    std::string targetAccount() const;

    doc::WorkspaceDocument *m_document;
    doc::WorkspaceTreeModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_filterEdit;
    QLabel *m_messageLabel;
    QTimer *m_messageTimer;
    QTreeView *m_tree;
    QTabWidget *m_tabs;
    doc::OrganizationTreeModel *m_organizationModel;
    QTreeView *m_organizationTree;
    /// Sections expanded before a filter was typed, restored when it is cleared.
    QSet<int> m_expandedBeforeFilter;
    bool m_filtering = false;

    QAction *m_focusFilterAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_newRoleAction = nullptr;
    QAction *m_newUserAction = nullptr;
    QAction *m_newGroupAction = nullptr;
    QAction *m_newPolicyAction = nullptr;
};

} // namespace rd::ui
