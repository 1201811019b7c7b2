// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QString>

#include <string>
#include <vector>

namespace rd::doc
{

class WorkspaceDocument;

/// The workspace's AWS organization as a tree (the workspace browser's Organization tab): the root, its OUs and
/// accounts as the organization nests them, and under each node the SCPs and RCPs attached to it directly. Columns:
/// the name and the id. Accounts the workspace does not model (no IAM of theirs was imported) are marked. Empty when
/// the workspace has no organization. Made again when the workspace is replaced; editing a policy's content changes
/// nothing the tree shows. One column: the name with the id (`prod (222222222222)`), policies by kind and name
/// (`SCP DenyDeleteBucket`), their ids in NodeIdRole.
class OrganizationTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ColumnCount };
    enum class NodeKind { Root, OrganizationalUnit, Account, Policy };
    enum Role {
        /// NodeKind as int.
        NodeKindRole = Qt::UserRole + 1,
        /// The node's id: `r-...`, `ou-...`, the account's 12 digits, or the policy's `p-...`.
        NodeIdRole,
        /// For a policy row: the id of the node it is attached to (its parent row).
        TargetIdRole,
        /// For an account: whether the workspace models it.
        InWorkspaceRole,
    };

    explicit OrganizationTreeModel(WorkspaceDocument *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The first row of a node or policy with `id` (a policy attached to several nodes: its first attachment, in
    /// tree order; with `targetId`, its row under that node). Invalid when there is none.
    QModelIndex find(const QString &id, const QString &targetId = {}) const;

private:
    void rebuild();
    int addNode(int parent, NodeKind kind, std::string id, std::string targetId = {});
    void addSubtree(int parent, const std::string &nodeId, NodeKind kind);

    struct Node {
        NodeKind kind = NodeKind::Root;
        std::string id;
        std::string targetId;
        int parent = -1;
        int row = 0;
        std::vector<int> children;
    };
    WorkspaceDocument *m_document;
    /// INVARIANT: m_nodes[0] is an invisible top whose only child is the root row (none without an organization).
    std::vector<Node> m_nodes;
};

} // namespace rd::doc
