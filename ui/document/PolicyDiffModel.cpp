// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/PolicyDiffModel.h"

#include <QColor>
#include <QFontDatabase>

namespace rd::doc
{

namespace
{

QString lineText(const std::vector<std::string_view> &lines, const std::optional<std::size_t> &line)
{
    if (!line)
        return {};
    const std::string_view text = lines[*line];
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

PolicyDiffModel::PolicyDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PolicyDiffModel::setTexts(
    const QString &currentTitle, const QString &current, const QString &proposedTitle, const QString &proposed)
{
    beginResetModel();
    m_currentTitle = currentTitle;
    m_proposedTitle = proposedTitle;
    m_current = current.toStdString();
    m_proposed = proposed.toStdString();
    m_currentLines = core::splitLines(m_current);
    m_proposedLines = core::splitLines(m_proposed);
    m_diff = core::diffLines(m_currentLines, m_proposedLines);
    endResetModel();
}

QString PolicyDiffModel::summary() const
{
    if (m_diff.identical())
        return tr("No difference");
    const auto removed = static_cast<qsizetype>(m_diff.removedLines);
    return (removed == 1 ? tr("1 line removed") : tr("%1 lines removed").arg(removed))
        + tr(", %1 added").arg(static_cast<qsizetype>(m_diff.addedLines));
}

int PolicyDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_diff.rows.size());
}

int PolicyDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::LineDiffRow &row = m_diff.rows[static_cast<std::size_t>(index.row())];
    const bool oldSide = index.column() == OldNumberColumn || index.column() == OldTextColumn;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OldNumberColumn:
            return row.oldLine ? QVariant(static_cast<int>(*row.oldLine) + 1) : QVariant();
        case OldTextColumn:
            return lineText(m_currentLines, row.oldLine);
        case NewNumberColumn:
            return row.newLine ? QVariant(static_cast<int>(*row.newLine) + 1) : QVariant();
        case NewTextColumn:
            return lineText(m_proposedLines, row.newLine);
        default:
            return {};
        }
    case Qt::BackgroundRole: {
        // Translucent tints read on light and dark themes alike.
        const QColor removed(220, 50, 47, 70);
        const QColor added(40, 170, 70, 70);
        switch (row.kind) {
        case core::LineDiffRow::Kind::Same:
            return {};
        case core::LineDiffRow::Kind::Removed:
            return oldSide ? QVariant(removed) : QVariant();
        case core::LineDiffRow::Kind::Added:
            return oldSide ? QVariant() : QVariant(added);
        case core::LineDiffRow::Kind::Changed:
            return oldSide ? removed : added;
        }
        return {};
    }
    case Qt::FontRole:
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    case Qt::TextAlignmentRole:
        if (index.column() == OldNumberColumn || index.column() == NewNumberColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case KindRole:
        return static_cast<int>(row.kind);
    default:
        return {};
    }
}

QVariant PolicyDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OldTextColumn:
        return m_currentTitle;
    case NewTextColumn:
        return m_proposedTitle;
    default:
        return {};
    }
}

} // namespace rd::doc
