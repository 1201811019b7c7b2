// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/OrganizationPolicyEditor.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"
#include "widgets/editors/PolicyJsonEditor.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace rd::ui
{

using doc::toQString;

namespace
{
const core::OrganizationPolicy *findPolicy(const core::Workspace &workspace, const std::string &id)
{
    return workspace.organization ? workspace.organization->policy(id) : nullptr;
}

// AWS Organizations User Guide, "Quotas and service limits for AWS Organizations": an SCP or RCP holds at most
// 5,120 characters.
constexpr std::size_t kOrganizationPolicyMaxCharacters = 5120;
} // namespace

OrganizationPolicyEditor::OrganizationPolicyEditor(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_editor(new PolicyJsonEditor(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("organizationPolicyEditor"));
    m_title->setObjectName(QStringLiteral("organizationPolicyTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("organizationPolicyDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editor->setObjectName(QStringLiteral("organizationPolicyJsonEditor"));
    m_status->setObjectName(QStringLiteral("organizationPolicyStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &OrganizationPolicyEditor::flushTextEdit);
    connect(m_editor, &PolicyJsonEditor::textEdited, this, &OrganizationPolicyEditor::onTextEdited);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (m_textPending && old && (old == m_editor || m_editor->isAncestorOf(old))
            && !(now && (now == m_editor || m_editor->isAncestorOf(now))))
            flushTextEdit();
    });
    connect(m_document, &doc::WorkspaceDocument::organizationPolicyChanged, this, [this](const QString &id) {
        if (doc::toStdString(id) == m_policyId && m_editor->text() != m_document->organizationPolicyText(m_policyId))
            refresh();
    });
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] { setPolicy({}); });
    refresh();
}

OrganizationPolicyEditor::~OrganizationPolicyEditor() = default;

void OrganizationPolicyEditor::setPolicy(const QString &policyId)
{
    flushTextEdit();
    m_policyId = doc::toStdString(policyId);
    refresh();
}

QString OrganizationPolicyEditor::policyId() const
{
    return toQString(m_policyId);
}

const core::Diagnostics &OrganizationPolicyEditor::diagnostics() const
{
    return m_editor->diagnostics();
}

void OrganizationPolicyEditor::refresh()
{
    m_debounce->stop();
    m_textPending = false;
    const core::Workspace &workspace = m_document->workspace();
    const core::OrganizationPolicy *policy = findPolicy(workspace, m_policyId);
    if (!policy) {
        m_policyId.clear();
        m_title->setText(tr("No SCP or RCP open"));
        m_details->setText(workspace.organization
                ? tr("Pick a service control policy or a resource control policy in the workspace browser's "
                     "Organization tab.")
                : tr("This workspace has no AWS organization: import one with File > Import (the organization "
                     "file of scripts/collect-account.sh)."));
        m_editor->setPolicyText(QString());
        m_editor->setReadOnly(true);
        m_editor->setDiagnostics({});
        m_status->clear();
        return;
    }
    const core::Organization &org = *workspace.organization;
    const bool scp = policy->type == core::OrganizationPolicyType::ServiceControl;
    m_title->setText(
        QStringLiteral("%1 %2").arg(scp ? QStringLiteral("SCP") : QStringLiteral("RCP"), toQString(policy->name)));
    QStringList targets;
    for (const std::string &target : policy->targetIds) {
        const std::optional<core::OrganizationTargetKind> kind = org.targetKind(target);
        const QString kindName = !kind                       ? tr("unknown node")
            : *kind == core::OrganizationTargetKind::Root    ? tr("root")
            : *kind == core::OrganizationTargetKind::Account ? tr("account")
                                                             : tr("OU");
        targets << tr("%1 %2 (%3)").arg(kindName, toQString(org.targetName(target)), toQString(target));
    }
    QString details = tr("%1 · %2").arg(toQString(policy->id),
        scp ? tr("service control policy: what the principals of the accounts below may do at most")
            : tr("resource control policy: what may be done at most to the resources of the accounts below"));
    if (!policy->description.empty())
        details += QStringLiteral("\n") + toQString(policy->description);
    details += QStringLiteral("\n")
        + (targets.isEmpty() ? tr("Attached nowhere.") : tr("Attached to %1.").arg(targets.join(QStringLiteral("; "))));
    if (policy->awsManaged)
        details += QStringLiteral("\n") + tr("AWS managed: read-only, as AWS keeps it.");
    m_details->setText(details);
    m_editor->setReadOnly(policy->awsManaged);
    m_editor->setPolicyText(m_document->organizationPolicyText(m_policyId));
    validateText(false);
}

void OrganizationPolicyEditor::onTextEdited()
{
    m_textPending = true;
    m_debounce->start();
}

void OrganizationPolicyEditor::flushTextEdit()
{
    m_debounce->stop();
    if (!m_textPending)
        return;
    m_textPending = false;
    validateText(true);
}

void OrganizationPolicyEditor::validateText(bool commit)
{
    const core::OrganizationPolicy *policy = findPolicy(m_document->workspace(), m_policyId);
    if (!policy)
        return;
    const QString text = m_editor->text();
    const QByteArray utf8 = text.toUtf8();
    core::ParseResult parsed = core::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    core::Diagnostics findings = parsed.diagnostics;
    const bool usable = parsed.isUsable();
    if (usable) {
        const core::PolicyKind kind = policy->type == core::OrganizationPolicyType::ServiceControl
            ? core::PolicyKind::ServiceControl
            : core::PolicyKind::ResourceControl;
        core::Diagnostics more = core::validatePolicy(*parsed.policy, kind);
        findings.insert(findings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        std::stable_sort(findings.begin(), findings.end(), [](const core::Diagnostic &a, const core::Diagnostic &b) {
            return a.range.begin.offset < b.range.begin.offset;
        });
        const std::size_t size = core::policySize(*parsed.policy);
        const int problems = int(findings.size());
        m_status->setText(tr("%1 of %2 characters (without white space) · %3")
                              .arg(QLocale().toString(qulonglong(size)),
                                  QLocale().toString(qulonglong(kOrganizationPolicyMaxCharacters)),
                                  problems == 0       ? tr("no findings")
                                      : problems == 1 ? tr("1 finding")
                                                      : tr("%1 findings").arg(problems)));
    } else {
        m_status->setText(tr("The text is not a policy yet: the organization keeps the last policy that was."));
    }
    m_editor->setDiagnostics(findings);
    if (usable && commit && !policy->awsManaged) {
        core::Policy edited = std::move(*parsed.policy);
        m_document->editOrganizationPolicy(m_policyId, std::move(edited), text,
            tr("Edit text of %1 %2")
                .arg(policy->type == core::OrganizationPolicyType::ServiceControl ? QStringLiteral("SCP")
                                                                                  : QStringLiteral("RCP"),
                    toQString(policy->name)));
    }
    Q_EMIT validated();
}

} // namespace rd::ui
