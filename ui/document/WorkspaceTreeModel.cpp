// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceTreeModel.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <QFont>
#include <QUndoStack>

#include <algorithm>
#include <unordered_set>

namespace rd::doc
{

namespace
{

// Sections carry 0 as internal id; an entity row carries its section's row + 1.
constexpr quintptr kSectionId = 0;

int kindIndex(EntityKind kind)
{
    return static_cast<int>(kind);
}

// For indexes of this model (the public isSection() and kindOf() also take a proxy's).
bool isSectionRow(const QModelIndex &index)
{
    return index.isValid() && index.internalId() == kSectionId;
}

EntityKind kindOfRow(const QModelIndex &index)
{
    return static_cast<EntityKind>(isSectionRow(index) ? index.row() : static_cast<int>(index.internalId() - 1));
}

// Row `row` of a section: the workspace's item at that position when the model is in step with the document,
// otherwise (while a change is being announced) the item with the row's id, wherever it is; nullptr once it is gone.
template <class T> const T *itemAt(const std::vector<T> &items, const std::vector<quint64> &ids, int row)
{
    if (row < 0 || static_cast<std::size_t>(row) >= ids.size())
        return nullptr;
    const quint64 id = ids[static_cast<std::size_t>(row)];
    if (static_cast<std::size_t>(row) < items.size() && items[static_cast<std::size_t>(row)].id.value == id)
        return &items[static_cast<std::size_t>(row)];
    const auto it = std::find_if(items.begin(), items.end(), [id](const T &item) { return item.id.value == id; });
    return it == items.end() ? nullptr : &*it;
}

template <class T> std::vector<quint64> idsOf(const std::vector<T> &items)
{
    std::vector<quint64> ids;
    ids.reserve(items.size());
    for (const T &item : items)
        ids.push_back(item.id.value);
    return ids;
}

std::vector<std::string> accountIdsOf(const std::vector<core::Account> &accounts)
{
    std::vector<std::string> ids;
    ids.reserve(accounts.size());
    for (const core::Account &account : accounts)
        ids.push_back(account.accountId);
    return ids;
}

QString externalKindLabel(core::ExternalPrincipalKind kind)
{
    switch (kind) {
    case core::ExternalPrincipalKind::Account:
        return WorkspaceTreeModel::tr("AWS account");
    case core::ExternalPrincipalKind::Service:
        return WorkspaceTreeModel::tr("AWS service");
    case core::ExternalPrincipalKind::SamlProvider:
        return WorkspaceTreeModel::tr("SAML provider");
    case core::ExternalPrincipalKind::OidcProvider:
        return WorkspaceTreeModel::tr("OIDC provider");
    case core::ExternalPrincipalKind::WebIdentityProvider:
        return WorkspaceTreeModel::tr("Web identity provider");
    case core::ExternalPrincipalKind::CanonicalUser:
        return WorkspaceTreeModel::tr("Canonical user");
    }
    return {};
}

// The ARN of an account's root principal (IAM User Guide, "AWS JSON policy elements: Principal", AWS account
// principals).
QString accountRootArn(const std::string &accountId)
{
    return QStringLiteral("arn:aws:iam::%1:root").arg(toQString(accountId));
}

QString filterText(const std::string &name, const std::string &arn)
{
    return toQString(name) + QLatin1Char('\n') + toQString(arn);
}

QString sortKey(const std::string &name)
{
    return toQString(name);
}

// The common columns and roles of roles, users and groups.
template <class T> QVariant identityData(const T &item, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return column == WorkspaceTreeModel::NameColumn ? toQString(item.name) : toQString(item.arn);
    case Qt::EditRole:
        return column == WorkspaceTreeModel::NameColumn ? QVariant(toQString(item.name)) : QVariant();
    case Qt::ToolTipRole:
        return toQString(item.arn);
    case WorkspaceTreeModel::ArnRole:
        return toQString(item.arn);
    case WorkspaceTreeModel::AccountIdRole:
        return toQString(item.accountId);
    case WorkspaceTreeModel::FilterTextRole:
        return filterText(item.name, item.arn);
    case WorkspaceTreeModel::SortRole:
        return sortKey(item.name);
    default:
        return {};
    }
}

} // namespace

WorkspaceTreeModel::WorkspaceTreeModel(WorkspaceDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    rebuild();
    connect(m_document, &WorkspaceDocument::workspaceReset, this, &WorkspaceTreeModel::onWorkspaceReset);
    // Adding a role can bring its account, and undoing that takes the account away again.
    connect(m_document, &WorkspaceDocument::rolesChanged, this, [this] {
        syncKind(EntityKind::Role);
        syncAccounts();
    });
    connect(m_document, &WorkspaceDocument::roleChanged, this,
        [this](core::RoleId id) { onEntityEdited(EntityKind::Role, id.value); });
    connect(m_document, &WorkspaceDocument::entitiesChanged, this, &WorkspaceTreeModel::syncKind);
    connect(m_document, &WorkspaceDocument::entityChanged, this, &WorkspaceTreeModel::onEntityEdited);
}

void WorkspaceTreeModel::rebuild()
{
    const core::Workspace &ws = m_document->workspace();
    m_accounts = accountIdsOf(ws.accounts);
    m_ids[kindIndex(EntityKind::Role)] = idsOf(ws.roles);
    m_ids[kindIndex(EntityKind::User)] = idsOf(ws.users);
    m_ids[kindIndex(EntityKind::Group)] = idsOf(ws.groups);
    m_ids[kindIndex(EntityKind::Policy)] = idsOf(ws.policies);
    m_ids[kindIndex(EntityKind::Resource)] = idsOf(ws.resources);
    m_ids[kindIndex(EntityKind::ExternalPrincipal)] = idsOf(ws.externalPrincipals);
    m_awsManagedPolicies = awsManagedCount();
}

void WorkspaceTreeModel::onWorkspaceReset()
{
    // The whole workspace was replaced: a reset is the precise notification.
    beginResetModel();
    rebuild();
    endResetModel();
}

int WorkspaceTreeModel::awsManagedCount() const
{
    const auto &policies = m_document->workspace().policies;
    return static_cast<int>(
        std::count_if(policies.begin(), policies.end(), [](const core::ManagedPolicy &p) { return p.isAwsManaged(); }));
}

void WorkspaceTreeModel::syncKind(EntityKind kind)
{
    const core::Workspace &ws = m_document->workspace();
    std::vector<quint64> &rows = m_ids[kindIndex(kind)];
    switch (kind) {
    case EntityKind::Account:
        syncAccounts();
        return;
    case EntityKind::Role:
        syncRows(kind, rows, idsOf(ws.roles));
        return;
    case EntityKind::User:
        syncRows(kind, rows, idsOf(ws.users));
        return;
    case EntityKind::Group:
        syncRows(kind, rows, idsOf(ws.groups));
        return;
    case EntityKind::Policy: {
        syncRows(kind, rows, idsOf(ws.policies));
        const int aws = awsManagedCount();
        if (aws != m_awsManagedPolicies) {
            m_awsManagedPolicies = aws;
            countChanged(kind);
        }
        return;
    }
    case EntityKind::Resource:
        syncRows(kind, rows, idsOf(ws.resources));
        return;
    case EntityKind::ExternalPrincipal:
        syncRows(kind, rows, idsOf(ws.externalPrincipals));
        return;
    }
}

void WorkspaceTreeModel::syncAccounts()
{
    syncRows(EntityKind::Account, m_accounts, accountIdsOf(m_document->workspace().accounts));
}

template <class Key>
void WorkspaceTreeModel::syncRows(EntityKind kind, std::vector<Key> &rows, const std::vector<Key> &fresh)
{
    if (rows == fresh)
        return;
    const QModelIndex parent = sectionIndex(kind);
    const std::unordered_set<Key> freshKeys(fresh.begin(), fresh.end());
    const std::unordered_set<Key> oldKeys(rows.begin(), rows.end());
    std::vector<Key> keptOld;
    std::copy_if(
        rows.begin(), rows.end(), std::back_inserter(keptOld), [&](const Key &k) { return freshKeys.count(k); });
    std::vector<Key> keptNew;
    std::copy_if(
        fresh.begin(), fresh.end(), std::back_inserter(keptNew), [&](const Key &k) { return oldKeys.count(k); });

    if (keptOld == keptNew && freshKeys.size() == fresh.size()) {
        // Removals, as runs from the back so that the rows before each run keep their numbers.
        for (int i = static_cast<int>(rows.size()) - 1; i >= 0;) {
            if (freshKeys.count(rows[static_cast<std::size_t>(i)])) {
                --i;
                continue;
            }
            const int last = i;
            while (i >= 0 && !freshKeys.count(rows[static_cast<std::size_t>(i)]))
                --i;
            beginRemoveRows(parent, i + 1, last);
            rows.erase(rows.begin() + (i + 1), rows.begin() + (last + 1));
            endRemoveRows();
        }
        // Insertions, as runs from the front: the rows before each run are already those of `fresh`.
        for (std::size_t i = 0; i < fresh.size();) {
            if (oldKeys.count(fresh[i])) {
                ++i;
                continue;
            }
            const std::size_t first = i;
            while (i < fresh.size() && !oldKeys.count(fresh[i]))
                ++i;
            beginInsertRows(parent, static_cast<int>(first), static_cast<int>(i) - 1);
            rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(first),
                fresh.begin() + static_cast<std::ptrdiff_t>(first), fresh.begin() + static_cast<std::ptrdiff_t>(i));
            endInsertRows();
        }
    }
    if (rows != fresh) {
        // The list was reordered (or holds an id twice): this section's rows are replaced, the others stay.
        if (!rows.empty()) {
            beginRemoveRows(parent, 0, static_cast<int>(rows.size()) - 1);
            rows.clear();
            endRemoveRows();
        }
        if (!fresh.empty()) {
            beginInsertRows(parent, 0, static_cast<int>(fresh.size()) - 1);
            rows = fresh;
            endInsertRows();
        }
    }
    countChanged(kind);
}

void WorkspaceTreeModel::countChanged(EntityKind kind)
{
    Q_EMIT dataChanged(sectionIndex(kind, NameColumn), sectionIndex(kind, DetailColumn));
}

void WorkspaceTreeModel::onEntityEdited(EntityKind kind, quint64 id)
{
    // An edit can move a role to an account the workspace did not list (accounts are cheap to compare).
    syncAccounts();
    if (kind == EntityKind::Policy) {
        const int aws = awsManagedCount();
        if (aws != m_awsManagedPolicies) {
            m_awsManagedPolicies = aws;
            countChanged(kind);
        }
    }
    const QModelIndex first = entityIndex(kind, id, NameColumn);
    if (first.isValid())
        Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
}

QModelIndex WorkspaceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kSectionId);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex WorkspaceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kSectionId);
}

int WorkspaceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return kEntityKindCount;
    if (parent.column() != NameColumn || parent.internalId() != kSectionId)
        return 0;
    const auto kind = static_cast<EntityKind>(parent.row());
    if (kind == EntityKind::Account)
        return static_cast<int>(m_accounts.size());
    return static_cast<int>(m_ids[kindIndex(kind)].size());
}

int WorkspaceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool WorkspaceTreeModel::isSection(const QModelIndex &index)
{
    return index.data(IsSectionRole).toBool();
}

EntityKind WorkspaceTreeModel::kindOf(const QModelIndex &index)
{
    return static_cast<EntityKind>(index.data(EntityKindRole).toInt());
}

quint64 WorkspaceTreeModel::idOf(const QModelIndex &index)
{
    return index.data(EntityIdRole).value<quint64>();
}

QModelIndex WorkspaceTreeModel::sectionIndex(EntityKind kind, int column) const
{
    return index(kindIndex(kind), column);
}

QModelIndex WorkspaceTreeModel::entityIndex(EntityKind kind, quint64 id, int column) const
{
    if (kind == EntityKind::Account)
        return {};
    const std::vector<quint64> &rows = m_ids[kindIndex(kind)];
    const auto it = std::find(rows.begin(), rows.end(), id);
    if (it == rows.end())
        return {};
    return index(static_cast<int>(it - rows.begin()), column, sectionIndex(kind));
}

QModelIndex WorkspaceTreeModel::roleIndex(core::RoleId id, int column) const
{
    return entityIndex(EntityKind::Role, id.value, column);
}

QModelIndex WorkspaceTreeModel::accountIndex(const QString &accountId, int column) const
{
    const auto it = std::find(m_accounts.begin(), m_accounts.end(), toStdString(accountId));
    if (it == m_accounts.end())
        return {};
    return index(static_cast<int>(it - m_accounts.begin()), column, sectionIndex(EntityKind::Account));
}

std::optional<WorkspaceEntity> WorkspaceTreeModel::entity(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || isSectionRow(index))
        return std::nullopt;
    return findEntity(m_document->workspace(), kindOfRow(index), idOf(index));
}

QVariant WorkspaceTreeModel::data(const QModelIndex &index, int role) const
{
    // Views and testers ask about the invalid index (the row before the first): that is no programming error.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const EntityKind kind = kindOfRow(index);
    if (isSectionRow(index))
        return sectionData(kind, index.column(), role);

    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case EntityKindRole:
        return kindIndex(kind);
    case IsSectionRole:
        return false;
    case Qt::DecorationRole:
        if (column != NameColumn)
            return {};
        break;
    default:
        break;
    }

    const core::Workspace &ws = m_document->workspace();
    const std::vector<quint64> &ids = m_ids[kindIndex(kind)];
    switch (kind) {
    case EntityKind::Account: {
        if (row < 0 || static_cast<std::size_t>(row) >= m_accounts.size())
            return {};
        const std::string &key = m_accounts[static_cast<std::size_t>(row)];
        const auto &accounts = ws.accounts;
        const core::Account *account =
            static_cast<std::size_t>(row) < accounts.size() && accounts[static_cast<std::size_t>(row)].accountId == key
            ? &accounts[static_cast<std::size_t>(row)]
            : nullptr;
        if (!account) {
            const auto it = std::find_if(
                accounts.begin(), accounts.end(), [&](const core::Account &a) { return a.accountId == key; });
            account = it == accounts.end() ? nullptr : &*it;
        }
        return account ? accountData(*account, column, role) : QVariant();
    }
    case EntityKind::Role:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::Role *r = itemAt(ws.roles, ids, row))
            return roleData(*r, column, role);
        return {};
    case EntityKind::User:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::User *user = itemAt(ws.users, ids, row))
            return userData(*user, column, role);
        return {};
    case EntityKind::Group:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::Group *group = itemAt(ws.groups, ids, row))
            return groupData(*group, column, role);
        return {};
    case EntityKind::Policy:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::ManagedPolicy *policy = itemAt(ws.policies, ids, row))
            return policyData(*policy, column, role);
        return {};
    case EntityKind::Resource:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::Resource *resource = itemAt(ws.resources, ids, row))
            return resourceData(*resource, column, role);
        return {};
    case EntityKind::ExternalPrincipal:
        if (role == EntityIdRole)
            return QVariant::fromValue<quint64>(ids[static_cast<std::size_t>(row)]);
        if (const core::ExternalPrincipal *principal = itemAt(ws.externalPrincipals, ids, row))
            return principalData(*principal, column, role);
        return {};
    }
    return {};
}

QVariant WorkspaceTreeModel::sectionData(EntityKind kind, int column, int role) const
{
    const int count = rowCount(sectionIndex(kind));
    switch (role) {
    case Qt::DisplayRole:
        if (column == DetailColumn) {
            if (kind == EntityKind::Policy && m_awsManagedPolicies > 0)
                return tr("%n AWS managed", nullptr, m_awsManagedPolicies);
            return {};
        }
        switch (kind) {
        case EntityKind::Account:
            return tr("Accounts (%1)").arg(count);
        case EntityKind::Role:
            return tr("Roles (%1)").arg(count);
        case EntityKind::User:
            return tr("Users (%1)").arg(count);
        case EntityKind::Group:
            return tr("Groups (%1)").arg(count);
        case EntityKind::Policy:
            return tr("Policies (%1)").arg(count);
        case EntityKind::Resource:
            return tr("Resources (%1)").arg(count);
        case EntityKind::ExternalPrincipal:
            return tr("External principals (%1)").arg(count);
        }
        return {};
    case Qt::ToolTipRole:
        if (kind == EntityKind::Policy)
            return tr("%1 managed policies: %2 customer managed, %3 AWS managed")
                .arg(count)
                .arg(count - m_awsManagedPolicies)
                .arg(m_awsManagedPolicies);
        return {};
    case Qt::DecorationRole:
        return column == NameColumn && !m_sectionIcon.isNull() ? QVariant(m_sectionIcon) : QVariant();
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case EntityKindRole:
        return kindIndex(kind);
    case EntityIdRole:
        return QVariant::fromValue<quint64>(0);
    case IsSectionRole:
        return true;
    case CountRole:
        return count;
    case FilterTextRole:
        return QString();
    case SortRole:
        return kindIndex(kind);
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::accountData(const core::Account &account, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == DetailColumn)
            return toQString(account.accountId);
        return toQString(account.name.empty() ? account.accountId : account.name);
    case Qt::ToolTipRole:
        return account.name.empty() ? tr("Account %1").arg(toQString(account.accountId))
                                    : tr("Account %1 (%2)").arg(toQString(account.accountId), toQString(account.name));
    case Qt::DecorationRole:
        return m_kindIcons[kindIndex(EntityKind::Account)];
    case EntityIdRole:
        // Account ids are exactly 12 digits and fit a quint64; other text has no number.
        return QVariant::fromValue<quint64>(core::isAccountId(account.accountId) ? std::stoull(account.accountId) : 0);
    case ArnRole:
        return accountRootArn(account.accountId);
    case AccountIdRole:
        return toQString(account.accountId);
    case FilterTextRole:
        return filterText(account.name, account.accountId);
    case SortRole:
        return sortKey(account.name.empty() ? account.accountId : account.name);
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::roleData(const core::Role &r, int column, int role) const
{
    switch (role) {
    case Qt::ToolTipRole:
        return r.description.empty() ? toQString(r.arn)
                                     : toQString(r.arn) + QLatin1Char('\n') + toQString(r.description);
    case Qt::DecorationRole:
        return m_kindIcons[kindIndex(EntityKind::Role)];
    default:
        return identityData(r, column, role);
    }
}

QVariant WorkspaceTreeModel::userData(const core::User &user, int column, int role) const
{
    if (role == Qt::DecorationRole)
        return m_kindIcons[kindIndex(EntityKind::User)];
    return identityData(user, column, role);
}

QVariant WorkspaceTreeModel::groupData(const core::Group &group, int column, int role) const
{
    if (role == Qt::DecorationRole)
        return m_kindIcons[kindIndex(EntityKind::Group)];
    return identityData(group, column, role);
}

QVariant WorkspaceTreeModel::policyData(const core::ManagedPolicy &policy, int column, int role) const
{
    const bool aws = policy.isAwsManaged();
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? toQString(policy.name) : toQString(policy.arn);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(toQString(policy.name)) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = (aws ? tr("AWS managed policy") : tr("Customer managed policy")) + QLatin1Char('\n')
            + toQString(policy.arn);
        if (!policy.description.empty())
            tip += QLatin1Char('\n') + toQString(policy.description);
        return tip;
    }
    case Qt::DecorationRole:
        return aws && !m_awsManagedPolicyIcon.isNull() ? m_awsManagedPolicyIcon
                                                       : m_kindIcons[kindIndex(EntityKind::Policy)];
    case Qt::FontRole:
        if (!aws)
            return {};
        {
            QFont font;
            font.setItalic(true);
            return font;
        }
    case ArnRole:
        return toQString(policy.arn);
    case AccountIdRole:
        return aws ? QString() : toQString(core::accountOfArn(policy.arn));
    case AwsManagedRole:
        return aws;
    case FilterTextRole:
        return filterText(policy.name, policy.arn);
    case SortRole:
        // Customer managed policies first: they are the ones the workspace is about.
        return (aws ? QStringLiteral("1 ") : QStringLiteral("0 ")) + toQString(policy.name);
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::resourceData(const core::Resource &resource, int column, int role) const
{
    const std::string &name = resource.name.empty() ? resource.arn : resource.name;
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? toQString(name) : toQString(resource.type);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(toQString(resource.name)) : QVariant();
    case Qt::ToolTipRole:
        return resource.type.empty() ? toQString(resource.arn)
                                     : toQString(resource.arn) + QLatin1Char('\n') + toQString(resource.type);
    case Qt::DecorationRole:
        return m_kindIcons[kindIndex(EntityKind::Resource)];
    case ArnRole:
        return toQString(resource.arn);
    case AccountIdRole:
        return toQString(resource.accountId);
    case FilterTextRole:
        return filterText(resource.name, resource.arn);
    case SortRole:
        return sortKey(name);
    default:
        return {};
    }
}

QVariant WorkspaceTreeModel::principalData(const core::ExternalPrincipal &principal, int column, int role) const
{
    const std::string &name = principal.name.empty() ? principal.identifier : principal.name;
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? toQString(name) : externalKindLabel(principal.kind);
    case Qt::EditRole:
        return column == NameColumn ? QVariant(toQString(name)) : QVariant();
    case Qt::ToolTipRole:
        return externalKindLabel(principal.kind) + QLatin1Char('\n') + toQString(principal.identifier);
    case Qt::DecorationRole:
        return m_kindIcons[kindIndex(EntityKind::ExternalPrincipal)];
    case ArnRole:
        if (principal.kind == core::ExternalPrincipalKind::Account)
            return accountRootArn(principal.identifier);
        return principal.identifier.rfind("arn:", 0) == 0 ? toQString(principal.identifier) : QString();
    case AccountIdRole:
        return principal.kind == core::ExternalPrincipalKind::Account ? toQString(principal.identifier) : QString();
    case FilterTextRole:
        return filterText(principal.name, principal.identifier);
    case SortRole:
        return sortKey(name);
    default:
        return {};
    }
}

Qt::ItemFlags WorkspaceTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isSectionRow(index))
        return flags;
    flags |= Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn && kindOfRow(index) != EntityKind::Account) {
        // AWS names its managed policies; everything else is renamed in place.
        if (kindOfRow(index) != EntityKind::Policy || !index.data(AwsManagedRole).toBool())
            flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant WorkspaceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkspaceTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(EntityKindRole, "entityKind");
    names.insert(EntityIdRole, "entityId");
    names.insert(ArnRole, "arn");
    names.insert(AccountIdRole, "accountId");
    names.insert(IsSectionRole, "isSection");
    names.insert(CountRole, "count");
    names.insert(AwsManagedRole, "awsManaged");
    names.insert(FilterTextRole, "filterText");
    names.insert(SortRole, "sortKey");
    return names;
}

QString WorkspaceTreeModel::nameError(const QModelIndex &index, const QString &name) const
{
    const std::optional<WorkspaceEntity> current = entity(index);
    if (!current)
        return tr("Only roles, users, groups, policies, resources and external principals can be renamed.");
    return entityNameError(m_document->workspace(), *current, toStdString(name));
}

bool WorkspaceTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != NameColumn)
        return false;
    const std::optional<WorkspaceEntity> current = entity(index);
    if (!current || !isRenamable(*current))
        return false;
    const QString name = value.toString().trimmed();
    const std::string newName = toStdString(name);
    if (newName == entityName(*current))
        return true;
    if (!entityNameError(m_document->workspace(), *current, newName).isEmpty())
        return false;
    const QString label = entityKindLabel(entityKind(*current));
    const QString text = tr("Rename %1 %2 to %3").arg(label, toQString(entityName(*current)), name);
    // One step: the entity, its ARN, and everything that names it (WorkspaceDocument::renameEntity()).
    return m_document->renameEntity(entityKind(*current), entityId(*current), newName, text);
}

void WorkspaceTreeModel::setSectionIcon(const QIcon &icon)
{
    m_sectionIcon = icon;
    Q_EMIT dataChanged(index(0, NameColumn), index(kEntityKindCount - 1, NameColumn), { Qt::DecorationRole });
}

void WorkspaceTreeModel::setKindIcon(EntityKind kind, const QIcon &icon)
{
    m_kindIcons[kindIndex(kind)] = icon;
    const int count = rowCount(sectionIndex(kind));
    if (count > 0)
        Q_EMIT dataChanged(index(0, NameColumn, sectionIndex(kind)), index(count - 1, NameColumn, sectionIndex(kind)),
            { Qt::DecorationRole });
}

void WorkspaceTreeModel::setAwsManagedPolicyIcon(const QIcon &icon)
{
    m_awsManagedPolicyIcon = icon;
    setKindIcon(EntityKind::Policy, m_kindIcons[kindIndex(EntityKind::Policy)]);
}

} // namespace rd::doc
