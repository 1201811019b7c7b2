// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/workspace/Workspace.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rd::doc
{

class WorkspaceDocument;

/// The workspace as a two-level tree for the browser: one top-level section per entity kind (Accounts, Roles, Users,
/// Groups, Policies, Resources, External principals, in EntityKind order, each titled with its count) and the
/// entities of that kind below it, in workspace order. Every entity appears exactly once, under its kind; the account
/// an entity belongs to is in its ARN (Details column and tooltip) rather than a level of the tree, so that a
/// selection is never ambiguous, counts need no summing, and the common one-account workspace has no extra level.
///
/// Rows are vectors of entity ids, one per section; no item objects. Row r of a section is entity r of the
/// workspace's list whenever the model is in step with the document (checked on every read, with a search by id as
/// the fallback while a change is being announced). Document signals become precise row insertions and removals;
/// only a reordering of a list replaces that section's rows.
class WorkspaceTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, DetailColumn, ColumnCount };
    enum Roles {
        /// int: the EntityKind of the row's entity, or of a section's entities.
        EntityKindRole = Qt::UserRole + 1,
        /// quint64: the entity's id (an account's: its 12 digits as a number); 0 on a section.
        EntityIdRole,
        /// QString: the entity's ARN (an account's root, a provider's ARN); "" when it has none.
        ArnRole,
        /// QString: the account the row belongs to, when it is known.
        AccountIdRole,
        /// bool: a top-level section row.
        IsSectionRole,
        /// int: the number of entities of a section.
        CountRole,
        /// bool: an AWS managed policy.
        AwsManagedRole,
        /// QString: what the browser's filter searches, the name and ARN (or identifier); "" on sections, which show
        /// when one of their entities matches.
        FilterTextRole,
        /// The browser's order: the section's place for sections; for entities their name (customer managed
        /// policies before AWS managed ones).
        SortRole,
    };

    explicit WorkspaceTreeModel(WorkspaceDocument *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Renaming (EditRole on the name column) goes through the undo stack as one step that also rewrites whatever
    /// names the entity (WorkspaceDocument::renameEntity()); it asks nothing (the browser asks before it commits).
    /// Refuses, changing nothing, a name that nameError() objects to.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// True for a top-level section row.
    static bool isSection(const QModelIndex &index);
    /// The kind of a row's entity, or of a section's entities.
    static EntityKind kindOf(const QModelIndex &index);
    /// The id of a row's entity (see EntityIdRole).
    static quint64 idOf(const QModelIndex &index);

    /// The section of a kind.
    QModelIndex sectionIndex(EntityKind kind, int column = NameColumn) const;
    /// The row of an entity, or an invalid index.
    QModelIndex entityIndex(EntityKind kind, quint64 id, int column = NameColumn) const;
    QModelIndex roleIndex(core::RoleId id, int column = NameColumn) const;
    QModelIndex accountIndex(const QString &accountId, int column = NameColumn) const;
    /// A copy of a row's entity; nothing for sections and accounts.
    std::optional<WorkspaceEntity> entity(const QModelIndex &index) const;
    /// Why a row's entity cannot be renamed to `name` (already trimmed), or "" when it can.
    QString nameError(const QModelIndex &index, const QString &name) const;

    /// Decorations: a section's, an entity kind's, and the one that marks AWS managed policies (when null, the
    /// policy icon).
    void setSectionIcon(const QIcon &icon);
    void setKindIcon(EntityKind kind, const QIcon &icon);
    void setAwsManagedPolicyIcon(const QIcon &icon);

private:
    void rebuild();
    void onWorkspaceReset();
    void syncKind(EntityKind kind);
    void syncAccounts();
    void onEntityEdited(EntityKind kind, quint64 id);
    template <class Key> void syncRows(EntityKind kind, std::vector<Key> &rows, const std::vector<Key> &fresh);
    void countChanged(EntityKind kind);
    int awsManagedCount() const;

    QVariant sectionData(EntityKind kind, int column, int role) const;
    QVariant accountData(const core::Account &account, int column, int role) const;
    QVariant roleData(const core::Role &r, int column, int role) const;
    QVariant userData(const core::User &user, int column, int role) const;
    QVariant groupData(const core::Group &group, int column, int role) const;
    QVariant policyData(const core::ManagedPolicy &policy, int column, int role) const;
    QVariant resourceData(const core::Resource &resource, int column, int role) const;
    QVariant principalData(const core::ExternalPrincipal &principal, int column, int role) const;

    WorkspaceDocument *m_document;
    /// INVARIANT: between document signals, m_ids[k] lists the ids of the workspace's list of kind k, in order.
    std::array<std::vector<quint64>, kEntityKindCount> m_ids;
    /// The same for accounts, which have no ids: their account ids.
    std::vector<std::string> m_accounts;
    int m_awsManagedPolicies = 0;
    QIcon m_sectionIcon;
    std::array<QIcon, kEntityKindCount> m_kindIcons;
    QIcon m_awsManagedPolicyIcon;
};

} // namespace rd::doc
