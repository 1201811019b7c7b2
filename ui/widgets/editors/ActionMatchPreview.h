// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QTreeWidget>

namespace rd::ui
{

/// What each value of an Action or NotAction list matches in the service catalog: one row per value with the number
/// of actions and their counts per access level (Service Authorization Reference: List, Read, Write, Permissions
/// management, Tagging); expanding a wildcard row lists the actions it matches (`s3:GetObject` | `Read`). Values that
/// match nothing are flagged. Children are made only when a row is expanded, so that a card stays cheap.
class ActionMatchPreview : public QTreeWidget
{
    Q_OBJECT
public:
    /// Data roles of a value row (column 0).
    enum Role {
        /// int: how many catalog actions the value matches.
        MatchCountRole = Qt::UserRole + 1,
        /// bool: the value matches no action of the catalog.
        UnknownRole,
        /// QString: the value as written.
        ValueRole,
    };

    explicit ActionMatchPreview(QWidget *parent = nullptr);

    /// Shows the values, in place: rows whose value did not change keep their expansion. Hidden when empty.
    void setActions(const QStringList &values);
    QStringList actions() const { return m_values; }

    /// The summary the row of `value` shows in its second column: `Write`, `47 actions: List 2, Read 45`, or why it
    /// matches nothing.
    static QString summary(const QString &value, int *matchCount = nullptr, bool *unknown = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void fillRow(QTreeWidgetItem *item, const QString &value);
    void fillChildren(QTreeWidgetItem *item);
    void updateHeight();

    QStringList m_values;
};

} // namespace rd::ui
