// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/PolicyEditorPane.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"
#include "widgets/editors/PermissionPolicyForm.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/TrustPolicyForm.h"
#include "widgets/editors/VerticalScrollArea.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace rd::ui
{

using doc::toQString;

namespace
{
template <class Form>
void bindForm(Form *form, std::function<void(const core::Policy &)> &setPolicy, std::function<void(bool)> &setStale,
    std::function<void(const QString &)> &setAccount)
{
    setPolicy = [form](const core::Policy &p) { form->setPolicy(p); };
    setStale = [form](bool stale) { form->setStale(stale); };
    setAccount = [form](const QString &account) { form->setRoleAccount(account); };
}
} // namespace

PolicyEditorPane::PolicyEditorPane(doc::WorkspaceDocument *document, const doc::PolicyRef &policy, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_ref(policy)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_editor(new PolicyJsonEditor(this))
    , m_sizeLabel(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(policy.isTrust() ? QStringLiteral("trustPolicyPane") : QStringLiteral("permissionPolicyPane"));
    auto onFormEdit = [this](const core::Policy &edited, const QString &undoText, const QString &mergeKey) {
        // Focus moving to the form has read any typing in the text already; this catches an edit made without it.
        flushTextEdit();
        m_document->editPolicy(m_ref, edited, undoText, mergeKey);
    };
    if (policy.isTrust()) {
        auto *form = new TrustPolicyForm(this);
        bindForm(form, m_formSetPolicy, m_formSetStale, m_formSetAccount);
        connect(form, &TrustPolicyForm::policyEdited, this, onFormEdit);
        m_form = form;
    } else {
        auto *form = new PermissionPolicyForm(this);
        bindForm(form, m_formSetPolicy, m_formSetStale, m_formSetAccount);
        connect(form, &PermissionPolicyForm::policyEdited, this, onFormEdit);
        m_form = form;
    }
    m_sizeLabel->setObjectName(QStringLiteral("policySizeLabel"));
    m_sizeLabel->setForegroundRole(QPalette::PlaceholderText);
    // Wraps in a narrow pane rather than set the text side's minimum width.
    m_sizeLabel->setWordWrap(true);

    auto *textSide = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textSide);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_editor, 1);
    textLayout->addWidget(m_sizeLabel);

    m_splitter->setObjectName(QStringLiteral("policySplitter"));
    if (policy.isTrust()) {
        // The trust form grows with its cards; the permission form scrolls its own.
        // The form never scrolls sideways: the splitter keeps it as wide as its cards need (the JSON text wraps),
        // and the cards wrap what they can.
        auto *scroll = new VerticalScrollArea(this);
        scroll->setObjectName(QStringLiteral("trustFormScrollArea"));
        scroll->setWidget(m_form);
        m_splitter->addWidget(scroll);
    } else {
        m_splitter->addWidget(m_form);
    }
    m_splitter->addWidget(textSide);
    // Room beyond the form's minimum goes to the text and the form alike.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &PolicyEditorPane::flushTextEdit);
    connect(m_editor, &PolicyJsonEditor::textEdited, this, &PolicyEditorPane::onTextEdited);
    // Focus leaving the text reads what was typed at once: the form's next edit then builds on it.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *old, QWidget *now) {
        if (m_textPending && old && (old == m_editor || m_editor->isAncestorOf(old))
            && !(now && (now == m_editor || m_editor->isAncestorOf(now))))
            flushTextEdit();
    });
    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_ref.role)
            refresh();
    });
    refresh();
}

PolicyEditorPane::~PolicyEditorPane() = default;

void PolicyEditorPane::setPolicyRef(const doc::PolicyRef &policy)
{
    m_ref = policy;
    refresh();
}

const core::Diagnostics &PolicyEditorPane::diagnostics() const
{
    return m_editor->diagnostics();
}

const core::Policy *PolicyEditorPane::modelPolicy() const
{
    const core::Role *role = m_document->workspace().role(m_ref.role);
    return role ? m_ref.find(*role) : nullptr;
}

QString PolicyEditorPane::accountId() const
{
    const core::Role *role = m_document->workspace().role(m_ref.role);
    return role ? toQString(role->accountId) : QString();
}

void PolicyEditorPane::refresh()
{
    const core::Policy *policy = modelPolicy();
    if (!policy)
        return;
    m_formSetAccount(accountId());
    m_formSetPolicy(*policy);
    // The model says what the text last said: the edit was elsewhere in the role (its name) or came from this text.
    // The text stays as typed, typing not read yet included, unless an undo or redo of typed text changed the text
    // the document holds for this policy.
    if (m_shown && *m_shown == *policy && (m_textPending || m_editor->text() == m_document->policyText(m_ref)))
        return;
    m_debounce->stop();
    m_textPending = false;
    m_editor->setPolicyText(m_document->policyText(m_ref));
    m_shown = *policy;
    // The text now says what the model says: it is validated for its squiggles, not read back into the model.
    validateText(false);
}

void PolicyEditorPane::onTextEdited()
{
    m_textPending = true;
    m_debounce->start();
}

void PolicyEditorPane::flushTextEdit()
{
    m_debounce->stop();
    if (!m_textPending)
        return;
    m_textPending = false;
    validateText(true);
}

void PolicyEditorPane::validateText(bool commit)
{
    const QString text = m_editor->text();
    const QByteArray utf8 = text.toUtf8();
    core::ParseResult parsed = core::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    core::Diagnostics findings = parsed.diagnostics;
    const bool usable = parsed.isUsable();
    if (usable) {
        core::ValidationOptions options;
        options.ownerAccount = doc::toStdString(accountId());
        // An inline policy's size counts toward the role's total, which the role's findings report.
        options.checkSize = m_ref.isTrust();
        core::Diagnostics more = core::validatePolicy(
            *parsed.policy, m_ref.isTrust() ? core::PolicyKind::Trust : core::PolicyKind::Identity, options);
        findings.insert(findings.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
        std::stable_sort(findings.begin(), findings.end(), [](const core::Diagnostic &a, const core::Diagnostic &b) {
            return a.range.begin.offset < b.range.begin.offset;
        });
        const std::size_t size = core::policySize(*parsed.policy);
        m_sizeLabel->setText(m_ref.isTrust()
                ? tr("%1 of %2 characters (IAM counts them without white space)")
                      .arg(QLocale().toString(qulonglong(size)),
                          QLocale().toString(core::PolicyQuotas {}.roleTrustPolicy))
                : tr("%1 characters without white space").arg(QLocale().toString(qulonglong(size))));
    } else {
        m_sizeLabel->setText(tr("The text is not a policy yet: the form shows the last policy that was."));
    }
    m_editor->setDiagnostics(findings);
    // The Findings panel says why the text does not read, as the squiggles do.
    m_document->setUnreadPolicyText(m_ref, usable ? QString() : text);
    if (m_stale != !usable) {
        m_stale = !usable;
        m_formSetStale(m_stale);
    }
    const QString undoText =
        m_ref.isTrust() ? tr("Edit trust policy text") : tr("Edit text of %1").arg(toQString(m_ref.inlineName));
    const QString mergeKey = QStringLiteral("json:") + toQString(m_ref.inlineName);
    if (usable && commit) {
        core::Policy policy = std::move(*parsed.policy);
        core::clearSourceRanges(policy);
        m_shown = policy;
        m_document->editPolicy(m_ref, std::move(policy), undoText, mergeKey, &text);
    } else if (commit) {
        // Text that does not read is an undo step too (it changes no policy): undo then takes back this typing,
        // not an unrelated earlier step, and redo brings it back.
        m_document->editPolicyText(m_ref, text, undoText, mergeKey);
    }
    Q_EMIT validated();
}

} // namespace rd::ui
