// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/RoleSummaryView.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/PolicyWriter.h"
#include "widgets/RoleEditor.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace rd::ui
{

using doc::toQString;

RoleSummaryView::RoleSummaryView(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_editor(new RoleEditor(document, this))
    , m_details(new QLabel(this))
    , m_policies(new QTabWidget(this))
{
    setObjectName(QStringLiteral("roleSummaryView"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("roleTitleLabel"));
    m_details->setObjectName(QStringLiteral("roleDetailsLabel"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_policies->setObjectName(QStringLiteral("policyTabWidget"));
    m_policies->setDocumentMode(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_editor);
    layout->addWidget(m_details);
    layout->addWidget(m_policies, 1);

    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, &RoleSummaryView::refresh);
    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    refresh();
}

void RoleSummaryView::showRole(core::RoleId id)
{
    m_role = id;
    m_editor->setRole(id);
    refresh();
}

void RoleSummaryView::refresh()
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role) {
        m_title->setText(tr("No role selected"));
        m_details->setText(tr("Pick a role in the list to see who may assume it and what it may do."));
        removePolicyTabs();
        return;
    }
    m_title->setText(toQString(role->name));
    QString details;
    details += tr("<b>ARN</b> %1<br>").arg(toQString(role->arn).toHtmlEscaped());
    QStringList policies;
    for (const std::string &arn : role->attachedPolicyArns)
        policies << toQString(arn).section(QLatin1Char('/'), -1).toHtmlEscaped();
    details += tr("<b>Attached policies</b> %1<br>")
                   .arg(policies.isEmpty() ? tr("none") : policies.join(QStringLiteral(", ")));
    QStringList inlineNames;
    for (const core::InlinePolicy &p : role->inlinePolicies)
        inlineNames << toQString(p.name).toHtmlEscaped();
    details += tr("<b>Inline policies</b> %1")
                   .arg(inlineNames.isEmpty() ? tr("none") : inlineNames.join(QStringLiteral(", ")));
    if (!role->permissionsBoundaryArn.empty())
        details +=
            tr("<br><b>Permissions boundary</b> %1").arg(toQString(role->permissionsBoundaryArn).toHtmlEscaped());
    m_details->setText(details);
    QList<QPair<QString, QString>> wanted { { tr("Trust policy"), toQString(core::writePolicy(role->trustPolicy)) } };
    for (const core::InlinePolicy &p : role->inlinePolicies)
        wanted.append({ toQString(p.name), toQString(core::writePolicy(p.document)) });
    // An edit of the role (typing its name) keeps the tabs, their scroll positions and the one in front; only a
    // different set of policies rebuilds them.
    bool sameTabs = m_policies->count() == wanted.size();
    for (int i = 0; sameTabs && i < wanted.size(); ++i)
        sameTabs = m_policies->tabText(i) == wanted[i].first;
    if (sameTabs) {
        for (int i = 0; i < wanted.size(); ++i) {
            auto *view = static_cast<QPlainTextEdit *>(m_policies->widget(i));
            if (view->toPlainText() != wanted[i].second)
                view->setPlainText(wanted[i].second);
        }
        return;
    }
    removePolicyTabs();
    for (const auto &[title, text] : wanted)
        addPolicyTab(title, text);
}

void RoleSummaryView::removePolicyTabs()
{
    while (m_policies->count() > 0) {
        QWidget *page = m_policies->widget(0);
        m_policies->removeTab(0);
        delete page;
    }
}

void RoleSummaryView::showPolicy(const QString &policy)
{
    if (policy.isEmpty())
        return;
    if (policy == QLatin1String("trust")) {
        m_policies->setCurrentIndex(0);
        return;
    }
    for (int i = 1; i < m_policies->count(); ++i) {
        if (m_policies->tabText(i) == policy)
            m_policies->setCurrentIndex(i);
    }
}

QString RoleSummaryView::currentPolicyTitle() const
{
    return m_policies->tabText(m_policies->currentIndex());
}

QString RoleSummaryView::currentPolicyText() const
{
    const auto *view = qobject_cast<const QPlainTextEdit *>(m_policies->currentWidget());
    return view ? view->toPlainText() : QString();
}

void RoleSummaryView::addPolicyTab(const QString &title, const QString &text)
{
    auto *view = new QPlainTextEdit(m_policies);
    view->setObjectName(
        m_policies->count() == 0 ? QStringLiteral("trustPolicyTextEdit") : QStringLiteral("inlinePolicyTextEdit"));
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setPlainText(text);
    m_policies->addTab(view, title);
}

} // namespace rd::ui
