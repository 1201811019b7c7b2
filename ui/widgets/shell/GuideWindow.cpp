// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/GuideWindow.h"

#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace rd::ui
{

GuideWindow::GuideWindow(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("guideWindow"));
    setWindowTitle(tr("IAM Role Designer Guide"));
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QStringLiteral("qrc:/help/guide.html")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    resize(720, 640);
}

void GuideWindow::showSection(const QString &anchor)
{
    m_section = anchor;
    if (anchor.isEmpty())
        m_browser->setSource(QUrl(QStringLiteral("qrc:/help/guide.html")));
    else
        m_browser->scrollToAnchor(anchor);
    show();
    raise();
    activateWindow();
}

} // namespace rd::ui
