// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace rd::ui
{

/// Help > Guide (F1): a short guide to roles, findings, the simulation and the reach explorer, bundled with the app
/// (resources/help/guide.html). A window beside the main one, not modal: it stays open while you work.
class GuideWindow : public QDialog
{
    Q_OBJECT
public:
    explicit GuideWindow(QWidget *parent = nullptr);

    /// Shows the section with that anchor (`roles`, `editing`, `findings`, `simulation`, `reach`, `graph`, `keys`),
    /// or the top when empty.
    void showSection(const QString &anchor);
    /// The anchor of the section shown last.
    QString section() const { return m_section; }
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
    QString m_section;
};

} // namespace rd::ui
