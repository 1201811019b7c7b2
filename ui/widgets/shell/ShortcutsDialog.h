// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QAction;
class QTableWidget;

namespace rd::ui
{

/// Help > Keyboard Shortcuts: every action of the window that has a shortcut, by menu, read from the actions
/// themselves so that the list is never out of date.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    /// `menus` are the menu bar's menus; actions with a shortcut outside them (the graph's, the browser's) come in
    /// `more`, each with where it works.
    ShortcutsDialog(
        const QList<QAction *> &menus, const QList<QPair<QString, QAction *>> &more, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace rd::ui
