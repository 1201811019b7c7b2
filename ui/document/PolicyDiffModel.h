// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/LineDiff.h"

#include <QAbstractTableModel>
#include <QString>

#include <string>

namespace rd::doc
{

/// Two texts side by side, line by line (core::diffLines): the current text's line number and line, then the
/// proposed text's. Removed lines are tinted red, added lines green, a changed line red on the left and green on the
/// right; lines both texts share are plain.
class PolicyDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OldNumberColumn, OldTextColumn, NewNumberColumn, NewTextColumn, ColumnCount };
    enum Roles {
        /// core::LineDiffRow::Kind as an int.
        KindRole = Qt::UserRole + 1,
    };

    explicit PolicyDiffModel(QObject *parent = nullptr);

    /// Compares `current` with `proposed`; the headers name them.
    void setTexts(
        const QString &currentTitle, const QString &current, const QString &proposedTitle, const QString &proposed);

    const core::LineDiff &diff() const { return m_diff; }
    /// "3 lines removed, 12 added", or "No difference".
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::string m_current;
    std::string m_proposed;
    std::vector<std::string_view> m_currentLines;
    std::vector<std::string_view> m_proposedLines;
    core::LineDiff m_diff;
    QString m_currentTitle;
    QString m_proposedTitle;
};

} // namespace rd::doc
