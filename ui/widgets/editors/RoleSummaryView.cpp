// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/RoleSummaryView.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"
#include "widgets/editors/PermissionPolicyForm.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleEditor.h"

#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace rd::ui
{

using doc::toQString;
using doc::toStdString;

namespace
{
constexpr int kRoleTab = 0;
constexpr int kTrustTab = 1;

core::Policy emptyPermissionPolicy()
{
    core::ParseResult parsed = core::parsePolicy(R"({"Version":"2012-10-17","Statement":[]})");
    core::Policy policy = std::move(*parsed.policy);
    core::clearSourceRanges(policy);
    return policy;
}
} // namespace

RoleSummaryView::RoleSummaryView(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_rolePage(new QWidget(this))
    , m_editor(new RoleEditor(document, m_rolePage))
    , m_details(new QLabel(m_rolePage))
    , m_tabs(new QTabWidget(this))
    , m_addPolicy(new QToolButton(this))
    , m_empty(new QLabel(this))
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
    m_empty->setObjectName(QStringLiteral("noRoleLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("Pick a role in the workspace to see who may assume it and what it may do, or create one "
                        "with File > New Role."));

    auto *roleLayout = new QVBoxLayout(m_rolePage);
    roleLayout->addWidget(m_editor);
    roleLayout->addWidget(m_details);
    roleLayout->addStretch(1);
    auto *roleScroll = new QScrollArea(this);
    roleScroll->setObjectName(QStringLiteral("roleScrollArea"));
    roleScroll->setWidget(m_rolePage);
    roleScroll->setWidgetResizable(true);
    roleScroll->setFrameShape(QFrame::NoFrame);

    m_tabs->setObjectName(QStringLiteral("policyTabWidget"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(roleScroll, tr("Role"));
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, &RoleSummaryView::onTabContextMenu);
    connect(m_tabs->tabBar(), &QTabBar::tabBarDoubleClicked, this, [this](int index) {
        if (index > kTrustTab) {
            const QString name = m_tabs->tabText(index);
            bool ok = false;
            const QString to =
                QInputDialog::getText(this, tr("Rename Inline Policy"), tr("Name:"), QLineEdit::Normal, name, &ok);
            QString error;
            if (ok && !renameInlinePolicy(name, to, &error))
                QMessageBox::warning(this, tr("Rename Inline Policy"), error);
        }
    });
    m_addPolicy->setObjectName(QStringLiteral("addInlinePolicyButton"));
    m_addPolicy->setText(tr("Add Inline Policy"));
    m_addPolicy->setToolTip(tr("Add an inline permission policy to the role"));
    m_addPolicy->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addPolicy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_addPolicy->setAutoRaise(true);
    m_tabs->setCornerWidget(m_addPolicy, Qt::TopRightCorner);
    connect(m_addPolicy, &QToolButton::clicked, this, &RoleSummaryView::addInlinePolicy);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_empty, 1);

    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] {
        removePolicyTabs();
        refresh();
    });
    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    connect(m_document, &doc::WorkspaceDocument::rolesChanged, this, &RoleSummaryView::refresh);
    refresh();
}

void RoleSummaryView::showRole(core::RoleId id)
{
    if (id != m_role)
        removePolicyTabs();
    m_role = id;
    m_editor->setRole(id);
    refresh();
}

void RoleSummaryView::refresh()
{
    const core::Role *role = m_document->workspace().role(m_role);
    m_tabs->setVisible(role != nullptr);
    m_empty->setVisible(role == nullptr);
    if (!role) {
        m_title->setText(tr("No role selected"));
        removePolicyTabs();
        return;
    }
    m_title->setText(toQString(role->name));
    QString details = tr("<b>ARN</b> %1").arg(toQString(role->arn).toHtmlEscaped());
    for (const core::InstanceProfile &profile : role->instanceProfiles)
        details += tr("<br><b>Instance profile</b> %1")
                       .arg(toQString(profile.arn.empty() ? profile.name : profile.arn).toHtmlEscaped());
    if (!role->awsId.empty())
        details += tr("<br><b>Role id</b> %1").arg(toQString(role->awsId).toHtmlEscaped());
    if (!role->createDate.empty())
        details += tr("<br><b>Created</b> %1").arg(toQString(role->createDate).toHtmlEscaped());
    m_details->setText(details);
    syncPolicyTabs(*role);
}

void RoleSummaryView::syncPolicyTabs(const core::Role &role)
{
    // Tabs stay while their policy does (an edit keeps the one in front and the scroll positions); a policy added,
    // removed or renamed adds or removes just its tab.
    if (m_tabs->count() <= kTrustTab) {
        auto *trust = new PolicyEditorPane(m_document, doc::PolicyRef { role.id, {} }, m_tabs);
        m_tabs->insertTab(kTrustTab, trust, tr("Trust relationships"));
    }
    for (int i = m_tabs->count() - 1; i > kTrustTab; --i) {
        const auto *pane = static_cast<PolicyEditorPane *>(m_tabs->widget(i));
        const bool present = std::any_of(role.inlinePolicies.begin(), role.inlinePolicies.end(),
            [&](const core::InlinePolicy &p) { return p.name == pane->policyRef().inlineName; });
        if (!present) {
            QWidget *page = m_tabs->widget(i);
            m_tabs->removeTab(i);
            delete page;
        }
    }
    for (std::size_t i = 0; i < role.inlinePolicies.size(); ++i) {
        const int index = kTrustTab + 1 + int(i);
        const std::string &name = role.inlinePolicies[i].name;
        if (index < m_tabs->count()
            && static_cast<PolicyEditorPane *>(m_tabs->widget(index))->policyRef().inlineName == name)
            continue;
        int found = -1;
        for (int j = index + 1; j < m_tabs->count(); ++j) {
            if (static_cast<PolicyEditorPane *>(m_tabs->widget(j))->policyRef().inlineName == name)
                found = j;
        }
        if (found >= 0) {
            m_tabs->tabBar()->moveTab(found, index);
            continue;
        }
        auto *pane = new PolicyEditorPane(m_document, doc::PolicyRef { role.id, name }, m_tabs);
        applyActionNotes(pane);
        m_tabs->insertTab(index, pane, toQString(name));
        m_tabs->setTabToolTip(index, tr("Inline policy %1: double-click to rename").arg(toQString(name)));
    }
}

void RoleSummaryView::setActionNotes(std::function<QString(core::RoleId, const QString &)> note)
{
    m_actionNote = std::move(note);
    for (int i = kTrustTab + 1; i < m_tabs->count(); ++i)
        applyActionNotes(static_cast<PolicyEditorPane *>(m_tabs->widget(i)));
}

void RoleSummaryView::applyActionNotes(PolicyEditorPane *pane) const
{
    auto *form = qobject_cast<PermissionPolicyForm *>(pane->form());
    if (!form)
        return;
    if (!m_actionNote) {
        form->setActionNote({});
        return;
    }
    form->setActionNote(
        [note = m_actionNote, role = pane->policyRef().role](const QString &action) { return note(role, action); });
}

void RoleSummaryView::removePolicyTabs()
{
    while (m_tabs->count() > kTrustTab) {
        QWidget *page = m_tabs->widget(kTrustTab);
        m_tabs->removeTab(kTrustTab);
        delete page;
    }
}

void RoleSummaryView::showPolicy(const QString &policy)
{
    if (policy.isEmpty())
        return;
    if (policy == QLatin1String("role")) {
        m_tabs->setCurrentIndex(kRoleTab);
        return;
    }
    if (PolicyEditorPane *target = pane(policy))
        m_tabs->setCurrentWidget(target);
}

PolicyEditorPane *RoleSummaryView::pane(const QString &policy) const
{
    if (policy == QLatin1String("trust"))
        return m_tabs->count() > kTrustTab ? static_cast<PolicyEditorPane *>(m_tabs->widget(kTrustTab)) : nullptr;
    for (int i = kTrustTab + 1; i < m_tabs->count(); ++i) {
        auto *p = static_cast<PolicyEditorPane *>(m_tabs->widget(i));
        if (toQString(p->policyRef().inlineName) == policy)
            return p;
    }
    return nullptr;
}

PolicyEditorPane *RoleSummaryView::currentPane() const
{
    return m_tabs->currentIndex() >= kTrustTab ? static_cast<PolicyEditorPane *>(m_tabs->currentWidget()) : nullptr;
}

QString RoleSummaryView::currentPolicyTitle() const
{
    return m_tabs->tabText(m_tabs->currentIndex());
}

QString RoleSummaryView::currentPolicyText() const
{
    const PolicyEditorPane *p = currentPane() ? currentPane() : pane(QStringLiteral("trust"));
    return p ? p->jsonEditor()->text() : QString();
}

void RoleSummaryView::flushTextEdits()
{
    for (int i = kTrustTab; i < m_tabs->count(); ++i)
        static_cast<PolicyEditorPane *>(m_tabs->widget(i))->flushTextEdit();
}

void RoleSummaryView::addInlinePolicy()
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role)
        return;
    QString name = QStringLiteral("Permissions");
    for (int n = 2; doc::PolicyRef { role->id, toStdString(name) }.find(*role); ++n)
        name = QStringLiteral("Permissions%1").arg(n);
    const std::string stdName = toStdString(name);
    m_document->editRole(
        m_role, tr("Add inline policy %1").arg(name), doc::RoleEditCommand::Field::Other, [&](core::Role &r) {
            r.inlinePolicies.push_back(core::InlinePolicy { stdName, emptyPermissionPolicy() });
        });
    showPolicy(name);
}

bool RoleSummaryView::renameInlinePolicy(const QString &from, const QString &to, QString *error)
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role || from == to)
        return true;
    const std::string name = toStdString(to);
    // IAM User Guide, "IAM and AWS STS quotas": inline policy names are 1-128 characters of [\w+=,.@-].
    if (!core::isValidIamName(name, 128)) {
        if (error)
            *error = tr("%1 is not a valid policy name: use 1 to 128 letters, digits and + = , . @ _ -").arg(to);
        return false;
    }
    if (doc::PolicyRef { role->id, name }.find(*role)) {
        if (error)
            *error = tr("The role already has an inline policy named %1.").arg(to);
        return false;
    }
    const std::string old = toStdString(from);
    m_document->editRole(m_role, tr("Rename inline policy %1 to %2").arg(from, to), doc::RoleEditCommand::Field::Other,
        [&](core::Role &r) {
            for (core::InlinePolicy &p : r.inlinePolicies) {
                if (p.name == old)
                    p.name = name;
            }
        });
    showPolicy(to);
    return true;
}

void RoleSummaryView::deleteInlinePolicy(const QString &name)
{
    const std::string wanted = toStdString(name);
    m_document->editRole(
        m_role, tr("Delete inline policy %1").arg(name), doc::RoleEditCommand::Field::Other, [&](core::Role &r) {
            std::erase_if(r.inlinePolicies, [&](const core::InlinePolicy &p) { return p.name == wanted; });
        });
}

void RoleSummaryView::onTabContextMenu(const QPoint &position)
{
    const int index = m_tabs->tabBar()->tabAt(position);
    QMenu menu(this);
    QAction *add = menu.addAction(tr("Add Inline Policy"));
    QAction *rename = nullptr;
    QAction *remove = nullptr;
    if (index > kTrustTab) {
        rename = menu.addAction(tr("Rename…"));
        remove = menu.addAction(tr("Delete"));
    }
    QAction *chosen = menu.exec(m_tabs->tabBar()->mapToGlobal(position));
    if (!chosen)
        return;
    if (chosen == add) {
        addInlinePolicy();
    } else if (chosen == rename) {
        Q_EMIT m_tabs->tabBar()->tabBarDoubleClicked(index);
    } else if (chosen == remove) {
        deleteInlinePolicy(m_tabs->tabText(index));
    }
}

} // namespace rd::ui
