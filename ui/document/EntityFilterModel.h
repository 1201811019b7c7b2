// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityCompletionModel.h"

#include <QSortFilterProxyModel>

#include <cstdint>
#include <string>
#include <vector>

namespace rd::doc
{

/// One picker's view of an EntityCompletionModel: the entries of some kinds whose name holds the typed text
/// (case-insensitively), those whose name starts with it first; or, for a text with `:`, the entries whose key holds
/// it. Empty until setActive(true): an inactive filter (a picker whose list is closed) follows no reset of the
/// entries, so that an edit of the workspace costs the pickers nothing. Within a rank: the preferred keys first, then
/// what the workspace holds, then the patterns that statements name and the services the program knows; then by name.
/// One pass over the entries per change of the text, without allocating per entry.
class EntityFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EntityFilterModel(EntityCompletionModel *source, QObject *parent = nullptr);

    EntityCompletionModel *entities() const { return m_source; }
    /// Lists the entries (true) or nothing (false); active, it filters and sorts them again after each reset.
    void setActive(bool active);
    bool isActive() const { return sourceModel() != nullptr; }

    void setKinds(EntityCompletionModel::Kinds kinds);
    EntityCompletionModel::Kinds kinds() const { return m_kinds; }
    /// Filters by `text` (trimmed). `exactNames`: only the entries called exactly that (a name's candidates).
    void setText(const QString &text, bool exactNames = false);
    const QString &text() const { return m_text; }
    /// Keys listed before the others of their rank (the principals a role's trust policy names).
    void setPreferredKeys(const QStringList &keys);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    /// How well the entry in `sourceRow` matches (lower is better), or kRejected.
    std::uint8_t rankOf(int sourceRow) const;
    static constexpr std::uint8_t kRejected = 0xff;

    EntityCompletionModel *m_source;
    EntityCompletionModel::Kinds m_kinds;
    QString m_text;
    /// m_text in lower case, UTF-8.
    std::string m_lower;
    bool m_exactNames = false;
    bool m_keyText = false;
    /// A few keys (a trust policy's principals): a list is the quickest to search.
    std::vector<std::string> m_preferred;
    /// The rank filterAcceptsRow() gave each source row, for lessThan() (the proxy filters every row before it sorts).
    mutable std::vector<std::uint8_t> m_ranks;
};

} // namespace rd::doc
