// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/OrganizationTreeModel.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace rd::doc
{

OrganizationTreeModel::OrganizationTreeModel(WorkspaceDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, [this] {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    rebuild();
}

void OrganizationTreeModel::rebuild()
{
    m_nodes.clear();
    m_nodes.push_back(Node {});
    const core::Workspace &workspace = m_document->workspace();
    if (!workspace.organization || workspace.organization->rootId.empty())
        return;
    addSubtree(0, workspace.organization->rootId, NodeKind::Root);
}

int OrganizationTreeModel::addNode(int parent, NodeKind kind, std::string id, std::string targetId)
{
    const int index = int(m_nodes.size());
    Node node;
    node.kind = kind;
    node.id = std::move(id);
    node.targetId = std::move(targetId);
    node.parent = parent;
    node.row = int(m_nodes[std::size_t(parent)].children.size());
    m_nodes.push_back(std::move(node));
    m_nodes[std::size_t(parent)].children.push_back(index);
    return index;
}

void OrganizationTreeModel::addSubtree(int parent, const std::string &nodeId, NodeKind kind)
{
    const core::Organization &org = *m_document->workspace().organization;
    const int self = addNode(parent, kind, nodeId);
    // What is attached here first (SCPs, then RCPs), then the OUs and accounts below.
    for (const core::OrganizationPolicyType type :
        { core::OrganizationPolicyType::ServiceControl, core::OrganizationPolicyType::ResourceControl }) {
        for (const core::OrganizationPolicy *policy : org.attachedTo(nodeId, type))
            addNode(self, NodeKind::Policy, policy->id, nodeId);
    }
    if (kind == NodeKind::Account)
        return;
    for (const std::string &child : org.childrenOf(nodeId)) {
        // A cycle in a malformed file must not recurse for ever: a node appears once.
        bool seen = false;
        for (const Node &n : m_nodes)
            seen = seen || (n.kind != NodeKind::Policy && n.id == child);
        if (seen)
            continue;
        addSubtree(self, child, org.unit(child) ? NodeKind::OrganizationalUnit : NodeKind::Account);
    }
}

QModelIndex OrganizationTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    const auto &children = m_nodes[std::size_t(p)].children;
    if (row >= int(children.size()))
        return {};
    return createIndex(row, column, quintptr(children[std::size_t(row)]));
}

QModelIndex OrganizationTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node &node = m_nodes[std::size_t(child.internalId())];
    if (node.parent <= 0)
        return {};
    return createIndex(m_nodes[std::size_t(node.parent)].row, 0, quintptr(node.parent));
}

int OrganizationTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const int p = parent.isValid() ? int(parent.internalId()) : 0;
    return int(m_nodes[std::size_t(p)].children.size());
}

int OrganizationTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant OrganizationTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_document->workspace().organization)
        return {};
    const core::Workspace &workspace = m_document->workspace();
    const core::Organization &org = *workspace.organization;
    const Node &node = m_nodes[std::size_t(index.internalId())];
    const bool inWorkspace = node.kind != NodeKind::Account || workspace.hasAccount(node.id);
    switch (role) {
    case NodeKindRole:
        return int(node.kind);
    case NodeIdRole:
        return toQString(node.id);
    case TargetIdRole:
        return toQString(node.targetId);
    case InWorkspaceRole:
        return inWorkspace;
    case Qt::DisplayRole: {
        const QString id = toQString(node.id);
        switch (node.kind) {
        case NodeKind::Root:
            return QStringLiteral("%1 (%2)").arg(org.rootName.empty() ? tr("Root") : toQString(org.rootName), id);
        case NodeKind::OrganizationalUnit:
            return QStringLiteral("%1 (%2)").arg(toQString(org.targetName(node.id)), id);
        case NodeKind::Account: {
            QStringList notes { id };
            if (node.id == org.managementAccountId)
                notes << tr("management account");
            if (!inWorkspace)
                notes << tr("not in the workspace");
            return QStringLiteral("%1 (%2)").arg(toQString(org.targetName(node.id)), notes.join(QStringLiteral(", ")));
        }
        case NodeKind::Policy: {
            const core::OrganizationPolicy *policy = org.policy(node.id);
            if (!policy)
                return id;
            return QStringLiteral("%1 %2").arg(policy->type == core::OrganizationPolicyType::ServiceControl
                    ? QStringLiteral("SCP")
                    : QStringLiteral("RCP"),
                toQString(policy->name));
        }
        }
        return {};
    }
    case Qt::ToolTipRole: {
        switch (node.kind) {
        case NodeKind::Root:
            return tr("The root of organization %1").arg(toQString(org.id));
        case NodeKind::OrganizationalUnit:
            return tr("Organizational unit %1").arg(toQString(node.id));
        case NodeKind::Account:
            return inWorkspace ? tr("Account %1").arg(toQString(node.id))
                               : tr("Account %1: the workspace has none of its IAM (its principals are assumed to "
                                    "allow on their side)")
                                     .arg(toQString(node.id));
        case NodeKind::Policy: {
            const core::OrganizationPolicy *policy = org.policy(node.id);
            const QString description = policy ? toQString(policy->description) : QString();
            return tr("Attached to %1. Return or a double-click opens it.%2")
                .arg(toQString(org.targetName(node.targetId)),
                    description.isEmpty() ? QString() : QLatin1Char('\n') + description);
        }
        }
        return {};
    }
    case Qt::ForegroundRole:
        if (!inWorkspace)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (!inWorkspace) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant OrganizationTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : QVariant();
}

QModelIndex OrganizationTreeModel::find(const QString &id, const QString &targetId) const
{
    const std::string wanted = toStdString(id);
    const std::string target = toStdString(targetId);
    // Tree order: depth first from the root.
    std::vector<int> stack { 0 };
    while (!stack.empty()) {
        const int at = stack.back();
        stack.pop_back();
        const Node &node = m_nodes[std::size_t(at)];
        if (at != 0 && node.id == wanted && (target.empty() || node.targetId == target))
            return createIndex(node.row, 0, quintptr(at));
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
            stack.push_back(*it);
    }
    return {};
}

} // namespace rd::doc
