// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rd::ui
{

namespace
{

QString plain(QString text)
{
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

/// The action's shortcuts as the platform writes them, comma-separated.
QString shortcutsOf(const QAction *action)
{
    QStringList texts;
    for (const QKeySequence &key : action->shortcuts())
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral(", "));
}

void collect(const QString &where, QMenu *menu, QList<QStringList> &rows, QSet<QAction *> &seen)
{
    for (QAction *action : menu->actions()) {
        if (action->menu()) {
            collect(where + QStringLiteral(" > ") + plain(action->text()), action->menu(), rows, seen);
            continue;
        }
        if (action->isSeparator() || seen.contains(action))
            continue;
        seen.insert(action);
        if (!action->shortcuts().isEmpty())
            rows.append({ plain(action->text()), shortcutsOf(action), where });
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(
    const QList<QAction *> &menus, const QList<QPair<QString, QAction *>> &more, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QStringList> rows;
    QSet<QAction *> seen;
    for (QAction *menu : menus) {
        if (menu->menu())
            collect(plain(menu->text()), menu->menu(), rows, seen);
    }
    for (const auto &[where, action] : more) {
        if (seen.contains(action) || action->shortcuts().isEmpty())
            continue;
        seen.insert(action);
        rows.append({ plain(action->text()), shortcutsOf(action), where });
    }
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({ tr("Command"), tr("Shortcut"), tr("Where") });
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_table->setItem(r, c, item);
        }
    }
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(2, Qt::AscendingOrder);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(620, 560);
}

} // namespace rd::ui
