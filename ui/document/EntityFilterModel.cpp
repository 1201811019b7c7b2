// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/EntityFilterModel.h"

#include "document/StringConversion.h"

#include <algorithm>

namespace rd::doc
{

EntityFilterModel::EntityFilterModel(EntityCompletionModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
    , m_kinds(EntityCompletionModel::principalKinds())
{
    sort(0);
}

void EntityFilterModel::setActive(bool active)
{
    if (active == isActive())
        return;
    m_ranks.clear();
    setSourceModel(active ? m_source : nullptr);
}

void EntityFilterModel::setKinds(EntityCompletionModel::Kinds kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidate();
}

void EntityFilterModel::setText(const QString &text, bool exactNames)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text && exactNames == m_exactNames)
        return;
    m_text = trimmed;
    m_lower = toStdString(trimmed.toLower());
    m_exactNames = exactNames;
    m_keyText = trimmed.contains(QLatin1Char(':'));
    // The ranks change with the text: filtered and sorted again (invalidateFilter() would keep the old order).
    invalidate();
}

void EntityFilterModel::setPreferredKeys(const QStringList &keys)
{
    std::vector<std::string> preferred;
    preferred.reserve(std::size_t(keys.size()));
    for (const QString &key : keys)
        preferred.push_back(toStdString(key));
    if (preferred == m_preferred)
        return;
    m_preferred = std::move(preferred);
    invalidate();
}

std::uint8_t EntityFilterModel::rankOf(int sourceRow) const
{
    const EntityCompletionModel::Entry &entry = m_source->entry(sourceRow);
    if (!m_kinds.testFlag(entry.kind))
        return kRejected;
    // An ARN being typed is matched against the keys, anything else against the names.
    const EntityCompletionModel::Match match = EntityCompletionModel::match(entry, m_lower, m_keyText);
    if (match == EntityCompletionModel::Match::NoMatch
        || (m_exactNames && match != EntityCompletionModel::Match::Whole))
        return kRejected;
    const bool preferred = std::find(m_preferred.begin(), m_preferred.end(), entry.key) != m_preferred.end();
    // What the workspace holds before what statements or the catalog merely name.
    const bool secondary =
        entry.kind == EntityCompletionModel::Kind::Pattern || entry.kind == EntityCompletionModel::Kind::KnownService;
    return std::uint8_t(int(match) * 4 + (preferred ? 0 : 2) + (secondary ? 1 : 0));
}

bool EntityFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const std::uint8_t rank = rankOf(sourceRow);
    if (m_ranks.size() != std::size_t(m_source->rowCount()))
        m_ranks.assign(std::size_t(m_source->rowCount()), kRejected);
    m_ranks[std::size_t(sourceRow)] = rank;
    return rank != kRejected;
}

bool EntityFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto rank = [this](int row) {
        return std::size_t(row) < m_ranks.size() ? m_ranks[std::size_t(row)] : rankOf(row);
    };
    const std::uint8_t a = rank(left.row());
    const std::uint8_t b = rank(right.row());
    // The source is sorted by name: its order breaks ties.
    return a != b ? a < b : left.row() < right.row();
}

} // namespace rd::doc
