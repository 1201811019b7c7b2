// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ActionMatchPreview.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServiceCatalog.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>
#include <array>

namespace rd::ui
{

namespace
{

constexpr int kMaxHeight = 240;
constexpr std::array<core::AccessLevel, 5> kLevels { core::AccessLevel::List, core::AccessLevel::Read,
    core::AccessLevel::Write, core::AccessLevel::PermissionsManagement, core::AccessLevel::Tagging };

bool hasWildcard(const QString &value)
{
    return value.contains(QLatin1Char('*')) || value.contains(QLatin1Char('?'));
}

QString levelName(core::AccessLevel level)
{
    return doc::toQString(core::accessLevelName(level));
}

} // namespace

ActionMatchPreview::ActionMatchPreview(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("actionMatchPreview"));
    setColumnCount(2);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->resizeSection(0, 260);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("What each action matches in the Service Authorization Reference; expand a wildcard to list the "
                  "actions"));
    connect(this, &QTreeWidget::itemExpanded, this, [this](QTreeWidgetItem *item) {
        fillChildren(item);
        updateHeight();
    });
    connect(this, &QTreeWidget::itemCollapsed, this, [this] { updateHeight(); });
    hide();
}

QString ActionMatchPreview::summary(const QString &value, int *matchCount, bool *unknown)
{
    const core::ServiceCatalog &catalog = core::ServiceCatalog::builtin();
    const std::string pattern = doc::toStdString(value.trimmed());
    const auto matches = catalog.matchActions(pattern);
    if (matchCount)
        *matchCount = static_cast<int>(matches.size());
    if (unknown)
        *unknown = matches.empty();
    if (matches.empty()) {
        // Service Authorization Reference: an action is `service-prefix:ActionName`; wildcards may stand for parts.
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon < 0 && value.trimmed() != QLatin1String("*"))
            return tr("not an action: write it as service:ActionName");
        const QString prefix = value.left(colon).trimmed();
        if (!hasWildcard(prefix) && !catalog.service(doc::toStdString(prefix)))
            return tr("unknown service prefix \u201c%1\u201d").arg(prefix);
        return hasWildcard(value) ? tr("matches no action") : tr("unknown action");
    }
    if (matches.size() == 1 && !hasWildcard(value))
        return levelName(matches.front().second->accessLevel);
    std::array<int, kLevels.size()> counts {};
    for (const auto &[service, action] : matches)
        ++counts[static_cast<std::size_t>(action->accessLevel)];
    QStringList parts;
    for (core::AccessLevel level : kLevels) {
        if (const int n = counts[static_cast<std::size_t>(level)])
            parts.append(QStringLiteral("%1 %2").arg(levelName(level)).arg(n));
    }
    const QString count = matches.size() == 1 ? tr("1 action") : tr("%1 actions").arg(matches.size());
    return tr("%1: %2").arg(count, parts.join(QStringLiteral(", ")));
}

void ActionMatchPreview::setActions(const QStringList &values)
{
    if (values == m_values)
        return;
    m_values = values;
    setUpdatesEnabled(false);
    while (topLevelItemCount() > values.size())
        delete takeTopLevelItem(topLevelItemCount() - 1);
    for (qsizetype i = 0; i < values.size(); ++i) {
        QTreeWidgetItem *item = topLevelItem(static_cast<int>(i));
        if (!item) {
            item = new QTreeWidgetItem;
            addTopLevelItem(item);
        } else if (item->data(0, ValueRole).toString() == values.at(i)) {
            continue;
        }
        fillRow(item, values.at(i));
    }
    setUpdatesEnabled(true);
    setVisible(!values.isEmpty());
    updateHeight();
}

void ActionMatchPreview::fillRow(QTreeWidgetItem *item, const QString &value)
{
    qDeleteAll(item->takeChildren());
    item->setExpanded(false);
    int count = 0;
    bool unknown = false;
    const QString text = summary(value, &count, &unknown);
    item->setText(0, value);
    item->setText(1, text);
    item->setData(0, ValueRole, value);
    item->setData(0, MatchCountRole, count);
    item->setData(0, UnknownRole, unknown);
    item->setToolTip(1, text);
    const bool expandable = count > 1 || (count == 1 && hasWildcard(value));
    item->setChildIndicatorPolicy(
        expandable ? QTreeWidgetItem::ShowIndicator : QTreeWidgetItem::DontShowIndicatorWhenChildless);
    if (unknown) {
        item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setForeground(1, QBrush(Qt::red));
        item->setToolTip(0,
            tr("Not in the Service Authorization Reference (catalog %1): IAM ignores an action it does not know")
                .arg(doc::toQString(core::ServiceCatalog::builtin().version())));
    } else {
        item->setIcon(0, QIcon());
        item->setData(1, Qt::ForegroundRole, QVariant());
        item->setToolTip(0, QString());
    }
}

void ActionMatchPreview::fillChildren(QTreeWidgetItem *item)
{
    if (item->parent() || item->childCount() > 0)
        return;
    const auto matches =
        core::ServiceCatalog::builtin().matchActions(doc::toStdString(item->data(0, ValueRole).toString()));
    QList<QTreeWidgetItem *> children;
    children.reserve(static_cast<qsizetype>(matches.size()));
    for (const auto &[service, action] : matches) {
        children.append(new QTreeWidgetItem(
            QStringList { doc::toQString(service->prefix + ':' + action->name), levelName(action->accessLevel) }));
    }
    item->addChildren(children);
}

void ActionMatchPreview::updateHeight()
{
    int rows = 0;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = topLevelItem(i);
        rows += 1 + (item->isExpanded() ? item->childCount() : 0);
    }
    const int rowHeight = std::max(fontMetrics().height() + 4, 18);
    setFixedHeight(std::min(rows * rowHeight + 2 * frameWidth() + 2, kMaxHeight));
    updateGeometry();
}

QSize ActionMatchPreview::sizeHint() const
{
    return QSize(QTreeWidget::sizeHint().width(), height());
}

QSize ActionMatchPreview::minimumSizeHint() const
{
    return QSize(QTreeWidget::minimumSizeHint().width(), height());
}

} // namespace rd::ui
