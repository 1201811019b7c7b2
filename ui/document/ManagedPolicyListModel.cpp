// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/ManagedPolicyListModel.h"

#include "document/EntityKind.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/catalog/AwsManagedPolicies.h"

#include <QFont>

#include <algorithm>

namespace rd::doc
{

struct ManagedPolicyListModel::Row {
    QString arn;
    QString name;
    QString path;
    QString description;
    bool awsManaged = false;
    QString searchText;
};

namespace
{

QString searchText(const QString &name, const QString &path, const QString &arn, const QString &description)
{
    return name + QLatin1Char(' ') + path + QLatin1Char(' ') + arn + QLatin1Char(' ') + description;
}

bool lessByName(const QString &a, const QString &b)
{
    const int c = QString::compare(a, b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

} // namespace

ManagedPolicyListModel::ManagedPolicyListModel(const WorkspaceDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    reload();
    if (m_document) {
        const auto reloadModel = [this] {
            beginResetModel();
            reload();
            endResetModel();
        };
        connect(m_document, &WorkspaceDocument::workspaceReset, this, reloadModel);
        connect(m_document, &WorkspaceDocument::entitiesChanged, this, [reloadModel](EntityKind kind) {
            if (kind == EntityKind::Policy)
                reloadModel();
        });
        connect(m_document, &WorkspaceDocument::entityChanged, this, [reloadModel](EntityKind kind, quint64) {
            if (kind == EntityKind::Policy)
                reloadModel();
        });
    }
}

ManagedPolicyListModel::~ManagedPolicyListModel() = default;

void ManagedPolicyListModel::reload()
{
    // The built-in rows are the same for every model: converted to QString once, sorted by name.
    static const std::vector<Row> builtinRows = [] {
        std::vector<Row> rows;
        const auto &entries = core::AwsManagedPolicies::builtin().entries();
        rows.reserve(entries.size());
        for (const core::AwsManagedPolicies::Entry &e : entries) {
            Row row { toQString(e.arn), toQString(e.name), toQString(e.path), toQString(e.description), true, {} };
            row.searchText = searchText(row.name, row.path, row.arn, row.description);
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return lessByName(a.name, b.name); });
        return rows;
    }();

    m_rows.clear();
    m_rowByArn.clear();
    if (m_document) {
        std::vector<Row> own;
        for (const core::ManagedPolicy &p : m_document->workspace().policies) {
            Row row { toQString(p.arn), toQString(p.name), toQString(p.path), toQString(p.description),
                p.isAwsManaged(), {} };
            // An imported AWS managed policy usually lacks its description: take the built-in one.
            if (row.description.isEmpty() && row.awsManaged) {
                if (const auto *entry = core::AwsManagedPolicies::builtin().find(p.arn))
                    row.description = toQString(entry->description);
            }
            row.searchText = searchText(row.name, row.path, row.arn, row.description);
            own.push_back(std::move(row));
        }
        std::stable_sort(own.begin(), own.end(), [](const Row &a, const Row &b) {
            return a.awsManaged != b.awsManaged ? !a.awsManaged : lessByName(a.name, b.name);
        });
        for (Row &row : own) {
            if (row.arn.isEmpty() || m_rowByArn.contains(row.arn))
                continue;
            m_rowByArn.insert(row.arn, static_cast<int>(m_rows.size()));
            m_rows.push_back(std::move(row));
        }
    }
    m_rows.reserve(m_rows.size() + builtinRows.size());
    for (const Row &row : builtinRows) {
        if (m_rowByArn.contains(row.arn))
            continue;
        m_rowByArn.insert(row.arn, static_cast<int>(m_rows.size()));
        m_rows.push_back(row);
    }
}

int ManagedPolicyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ManagedPolicyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ManagedPolicyListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<std::size_t>(index.row())];
    const bool marked = m_marked.contains(row.arn);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return marked ? tr("%1 (attached)").arg(row.name) : row.name;
        case KindColumn:
            return row.awsManaged ? tr("AWS") : tr("Customer");
        case PathColumn:
            return row.path;
        case DescriptionColumn:
            return row.description;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return marked ? tr("%1\nAlready attached to this role").arg(row.arn) : row.arn;
    case Qt::FontRole:
        if (marked) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ArnRole:
        return row.arn;
    case AwsManagedRole:
        return row.awsManaged;
    case MarkedRole:
        return marked;
    case SearchTextRole:
        return row.searchText;
    default:
        return {};
    }
}

QVariant ManagedPolicyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case PathColumn:
        return tr("Path");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

Qt::ItemFlags ManagedPolicyListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    if (m_marked.contains(m_rows[static_cast<std::size_t>(index.row())].arn))
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ManagedPolicyListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ArnRole, "arn");
    names.insert(AwsManagedRole, "awsManaged");
    names.insert(MarkedRole, "marked");
    names.insert(SearchTextRole, "searchText");
    return names;
}

void ManagedPolicyListModel::setMarkedArns(const QStringList &arns)
{
    QSet<QString> marked(arns.begin(), arns.end());
    if (marked == m_marked)
        return;
    // Rows whose mark changes: those in one set and not the other.
    QList<int> changed;
    for (const QString &arn : std::as_const(m_marked))
        if (!marked.contains(arn) && m_rowByArn.contains(arn))
            changed << m_rowByArn.value(arn);
    for (const QString &arn : std::as_const(marked))
        if (!m_marked.contains(arn) && m_rowByArn.contains(arn))
            changed << m_rowByArn.value(arn);
    m_marked = std::move(marked);
    for (int row : std::as_const(changed))
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ManagedPolicyListModel::rowOf(const QString &arn) const
{
    return m_rowByArn.value(arn, -1);
}

QString ManagedPolicyListModel::arn(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].arn : QString();
}

QRegularExpression ManagedPolicyListModel::filterExpression(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString pattern;
    if (words.size() == 1) {
        pattern = QRegularExpression::escape(words.front());
    } else {
        // One lookahead per word: all of them, in any order.
        for (const QString &word : words)
            pattern += QStringLiteral("(?=.*") + QRegularExpression::escape(word) + QLatin1Char(')');
        if (!pattern.isEmpty())
            pattern.prepend(QLatin1Char('^'));
    }
    QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
    expression.optimize();
    return expression;
}

} // namespace rd::doc
