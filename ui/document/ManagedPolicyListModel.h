// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace rd::doc
{

class WorkspaceDocument;

/// Every managed policy a role can attach, one row per ARN: first the workspace's own (customer managed policies,
/// and AWS managed ones an import brought along), then the AWS managed policies built into the program
/// (core::AwsManagedPolicies, 1,594 of them) that the workspace lacks. Reloads when the workspace or its policies
/// change. Rows can be marked (a role's attached policies): they stay listed but cannot be selected.
class ManagedPolicyListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, PathColumn, DescriptionColumn, ColumnCount };
    enum Roles {
        ArnRole = Qt::UserRole + 1,
        /// bool: an AWS managed policy (arn:aws:iam::aws:policy/...).
        AwsManagedRole,
        /// bool: one of the marked ARNs (setMarkedArns()).
        MarkedRole,
        /// Name, path, ARN and description in one string: what the filter searches.
        SearchTextRole
    };

    /// `document` may be null: the model then lists the AWS managed policies only.
    explicit ManagedPolicyListModel(const WorkspaceDocument *document, QObject *parent = nullptr);
    ~ManagedPolicyListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Marks these ARNs (already attached): their rows show "attached", and are neither enabled nor selectable.
    void setMarkedArns(const QStringList &arns);
    /// The row of a policy, or -1.
    int rowOf(const QString &arn) const;
    QString arn(int row) const;

    /// The filter for a QSortFilterProxyModel over SearchTextRole: a row matches when it contains every
    /// space-separated word of `text`, case-insensitively, in any order ("lambda basic" finds
    /// AWSLambdaBasicExecutionRole). Empty text matches everything.
    static QRegularExpression filterExpression(const QString &text);

private:
    struct Row;
    void reload();

    const WorkspaceDocument *m_document;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowByArn;
    QSet<QString> m_marked;
};

} // namespace rd::doc
