// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/TrustStatementCard.h"

#include "document/StringConversion.h"
#include "rd/core/policy/TrustHardening.h"
#include "widgets/editors/ConditionEditor.h"
#include "widgets/editors/FlowLayout.h"
#include "widgets/editors/StringListEditor.h"
#include "widgets/editors/TrustedEntityKind.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>
#include <cctype>
#include <set>

namespace rd::ui
{

namespace
{

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

QString principalTypeLabel(const std::string &type)
{
    if (type == "Service")
        return TrustStatementCard::tr("AWS service");
    if (type == "AWS")
        return TrustStatementCard::tr("AWS account, role or user");
    if (type == "Federated")
        return TrustStatementCard::tr("Identity provider");
    if (type == "CanonicalUser")
        return TrustStatementCard::tr("Canonical user");
    return TrustStatementCard::tr("%1 (not a principal type IAM knows)").arg(doc::toQString(type));
}

QString principalPlaceholder(const std::string &type)
{
    if (type == "Service")
        return QStringLiteral("lambda.amazonaws.com");
    if (type == "AWS")
        return QStringLiteral("arn:aws:iam::123456789012:root");
    if (type == "Federated")
        return QStringLiteral("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
    return {};
}

QString actionObjectName(const char *action)
{
    // "sts:AssumeRole" -> "trustActionCheckBox_AssumeRole"
    const QString name = QString::fromLatin1(action);
    return QStringLiteral("trustActionCheckBox_") + name.mid(name.indexOf(QLatin1Char(':')) + 1);
}

/// Whether the check box of trust action `action` (an index into kTrustActions) suits a principal of this kind.
/// AWS STS API Reference: AssumeRole for AWS principals and services, AssumeRoleWithSAML for SAML providers,
/// AssumeRoleWithWebIdentity for OIDC and web identity providers; IAM User Guide, "Passing session tags in AWS STS"
/// (sts:TagSession with each of them) and "Monitor and control actions taken with assumed roles"
/// (sts:SetSourceIdentity, for principals that carry an identity: not services).
bool actionSuits(std::size_t action, TrustedEntityKind kind)
{
    switch (action) {
    case 0:
        return kind == TrustedEntityKind::Service || kind == TrustedEntityKind::Account
            || kind == TrustedEntityKind::RoleOrUser;
    case 1:
        return kind == TrustedEntityKind::Saml;
    case 2:
        return kind == TrustedEntityKind::Oidc || kind == TrustedEntityKind::WebIdentity;
    case 3:
        return true;
    case 4:
        return kind != TrustedEntityKind::Service;
    default:
        return false;
    }
}

QString suggestionObjectName(TrustStatementCard::Suggestion suggestion)
{
    switch (suggestion) {
    case TrustStatementCard::Suggestion::ExternalId:
        return QStringLiteral("requireExternalIdButton");
    case TrustStatementCard::Suggestion::SourceAccount:
        return QStringLiteral("limitToAccountButton");
    case TrustStatementCard::Suggestion::OidcAudience:
        return QStringLiteral("requireAudienceButton");
    case TrustStatementCard::Suggestion::OidcSubject:
        return QStringLiteral("requireSubjectButton");
    case TrustStatementCard::Suggestion::SamlAudience:
        return QStringLiteral("requireSamlAudienceButton");
    }
    return {};
}

QString suggestionText(TrustStatementCard::Suggestion suggestion)
{
    switch (suggestion) {
    case TrustStatementCard::Suggestion::ExternalId:
        return TrustStatementCard::tr("Require an external ID");
    case TrustStatementCard::Suggestion::SourceAccount:
        return TrustStatementCard::tr("Limit to this account");
    case TrustStatementCard::Suggestion::OidcAudience:
        return TrustStatementCard::tr("Require the token audience");
    case TrustStatementCard::Suggestion::OidcSubject:
        return TrustStatementCard::tr("Require the token subject");
    case TrustStatementCard::Suggestion::SamlAudience:
        return TrustStatementCard::tr("Require the SAML audience");
    }
    return {};
}

QString suggestionToolTip(TrustStatementCard::Suggestion suggestion)
{
    switch (suggestion) {
    case TrustStatementCard::Suggestion::ExternalId:
        return TrustStatementCard::tr(
            "Adds StringEquals sts:ExternalId: the other account must pass this ID when it assumes the role "
            "(IAM User Guide, \"Access to AWS accounts owned by third parties\"). Replace the generated value with "
            "the one agreed with the third party.");
    case TrustStatementCard::Suggestion::SourceAccount:
        return TrustStatementCard::tr(
            "Adds StringEquals aws:SourceAccount with the role's account, so that the service assumes the role only on "
            "behalf of this account's resources (IAM User Guide, \"The confused deputy problem\").");
    case TrustStatementCard::Suggestion::OidcAudience:
        return TrustStatementCard::tr(
            "Adds StringEquals <provider>:aud: only tokens issued for this audience (client ID) are accepted "
            "(IAM User Guide, \"Create a role for OpenID Connect federation\"; for GitHub, \"Configuring a role for "
            "GitHub OIDC identity provider\": sts.amazonaws.com).");
    case TrustStatementCard::Suggestion::OidcSubject:
        return TrustStatementCard::tr(
            "Adds StringLike <provider>:sub: without it any identity of the provider (any GitHub repository) can "
            "assume the role (IAM User Guide, \"Configuring a role for GitHub OIDC identity provider\").");
    case TrustStatementCard::Suggestion::SamlAudience:
        return TrustStatementCard::tr(
            "Adds StringEquals SAML:aud https://signin.aws.amazon.com/saml, the audience of AWS sign-in assertions "
            "(IAM User Guide, \"Create a role for SAML 2.0 federation\").");
    }
    return {};
}

core::TrustHardening hardeningOf(TrustStatementCard::Suggestion suggestion)
{
    switch (suggestion) {
    case TrustStatementCard::Suggestion::ExternalId:
        return core::TrustHardening::ExternalId;
    case TrustStatementCard::Suggestion::SourceAccount:
        return core::TrustHardening::SourceAccount;
    case TrustStatementCard::Suggestion::OidcAudience:
        return core::TrustHardening::OidcAudience;
    case TrustStatementCard::Suggestion::OidcSubject:
        return core::TrustHardening::OidcSubject;
    case TrustStatementCard::Suggestion::SamlAudience:
        return core::TrustHardening::SamlAudience;
    }
    return core::TrustHardening::ExternalId;
}

constexpr std::array<TrustStatementCard::Suggestion, 5> kSuggestions { TrustStatementCard::Suggestion::ExternalId,
    TrustStatementCard::Suggestion::SourceAccount, TrustStatementCard::Suggestion::OidcAudience,
    TrustStatementCard::Suggestion::OidcSubject, TrustStatementCard::Suggestion::SamlAudience };

} // namespace

TrustStatementCard::TrustStatementCard(QStringListModel *servicePrincipals, QWidget *parent)
    : QFrame(parent)
    , m_servicePrincipals(servicePrincipals)
    , m_title(new QLabel)
    , m_effect(new QComboBox)
    , m_remove(new QToolButton)
    , m_principalGrid(new QGridLayout)
    , m_principalNote(new QLabel)
    , m_otherActions(new QLabel)
    , m_condition(new ConditionEditor)
    , m_suggestionBox(new QWidget)
{
    setObjectName(QStringLiteral("trustStatementCard"));
    setFrameShape(QFrame::StyledPanel);
    m_title->setObjectName(QStringLiteral("trustEntityTitleLabel"));
    m_title->setTextFormat(Qt::PlainText);
    // A long provider ARN is cut (its tooltip has it whole) rather than widening the card.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_effect->setObjectName(QStringLiteral("effectCombo"));
    m_effect->addItem(QStringLiteral("Allow"));
    m_effect->addItem(QStringLiteral("Deny"));
    m_effect->setToolTip(tr("Allow lets these principals assume the role; Deny overrides any Allow"));
    m_remove->setObjectName(QStringLiteral("removeStatementButton"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove this trusted entity (the whole statement)"));
    m_principalNote->setObjectName(QStringLiteral("principalNoteLabel"));
    m_principalNote->setWordWrap(true);
    m_principalNote->hide();
    m_otherActions->setObjectName(QStringLiteral("otherActionsLabel"));
    m_otherActions->setWordWrap(true);
    m_otherActions->setTextFormat(Qt::PlainText);
    m_otherActions->hide();
    m_condition->setObjectName(QStringLiteral("conditionEditor"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_effect);
    header->addWidget(m_remove);

    // As many on a line as the card's width holds, so that the card stays narrow enough to sit beside the JSON text
    // at the default window size.
    auto *actions = new FlowLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < kTrustActions.size(); ++i) {
        auto *box = new QCheckBox(QString::fromLatin1(kTrustActions[i]));
        box->setObjectName(actionObjectName(kTrustActions[i]));
        m_actionBoxes[i] = box;
        actions->addWidget(box);
        connect(
            box, &QCheckBox::clicked, this, [this, i](bool checked) { actionToggled(static_cast<int>(i), checked); });
    }

    auto *suggestions = new QHBoxLayout(m_suggestionBox);
    suggestions->setContentsMargins(0, 0, 0, 0);
    auto *hardening = new QLabel(tr("Harden:"));
    suggestions->addWidget(hardening);
    for (std::size_t i = 0; i < kSuggestions.size(); ++i) {
        auto *button = new QPushButton(suggestionText(kSuggestions[i]));
        button->setObjectName(suggestionObjectName(kSuggestions[i]));
        button->setToolTip(suggestionToolTip(kSuggestions[i]));
        button->hide();
        m_suggestionButtons[i] = button;
        suggestions->addWidget(button);
        const Suggestion suggestion = kSuggestions[i];
        connect(button, &QPushButton::clicked, this, [this, suggestion] { applySuggestion(suggestion); });
    }
    suggestions->addStretch(1);
    m_suggestionBox->hide();

    m_principalGrid->setContentsMargins(0, 0, 0, 0);
    m_principalGrid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(new QLabel(tr("Principals")));
    layout->addLayout(m_principalGrid);
    layout->addWidget(m_principalNote);
    layout->addWidget(new QLabel(tr("Actions")));
    layout->addLayout(actions);
    layout->addWidget(m_otherActions);
    layout->addWidget(new QLabel(tr("Conditions")));
    layout->addWidget(m_condition);
    layout->addWidget(m_suggestionBox);

    connect(m_effect, &QComboBox::activated, this, [this] {
        if (m_updating || m_readOnly)
            return;
        const std::string effect = doc::toStdString(m_effect->currentText());
        if (m_statement.effect && m_statement.effect->value == effect)
            return;
        if (!m_statement.effect)
            m_statement.effect.emplace();
        m_statement.effect->value = effect;
        emitEdited(tr("Change effect"), QString());
    });
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(m_index); });
    connect(m_condition, &ConditionEditor::conditionEdited, this,
        [this](const std::optional<core::ConditionBlock> &condition, const QString &undoText, const QString &mergeKey) {
            if (m_updating || m_readOnly)
                return;
            m_statement.condition = condition;
            showSuggestions();
            emitEdited(undoText, mergeKey);
        });
}

TrustStatementCard::~TrustStatementCard() = default;

void TrustStatementCard::setStatement(int index, const core::Statement &statement, const QString &roleAccount)
{
    m_updating = true;
    m_index = index;
    m_statement = statement;
    m_roleAccount = doc::toStdString(roleAccount);
    showEffect();
    showPrincipals();
    showActions();
    m_condition->setActions(actionValues());
    m_condition->setCondition(statement.condition);
    showTitle();
    showSuggestions();
    m_updating = false;
}

void TrustStatementCard::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_effect->setEnabled(!readOnly);
    m_remove->setVisible(!readOnly);
    for (const PrincipalRow &row : m_principalRows)
        row.editor->setReadOnly(readOnly);
    m_condition->setReadOnly(readOnly);
    showActions();
    showSuggestions();
}

bool TrustStatementCard::hasThirdPartyAccount(const core::Statement &statement, const std::string &roleAccount)
{
    return core::hasThirdPartyAccount(statement, roleAccount);
}

bool TrustStatementCard::suggestionApplies(Suggestion suggestion) const
{
    // The rules and their sources are in core/TrustHardening.
    return core::hardeningApplies(m_statement, hardeningOf(suggestion), m_roleAccount);
}

void TrustStatementCard::applySuggestion(Suggestion suggestion)
{
    if (m_readOnly || !suggestionApplies(suggestion))
        return;
    // A fresh external ID for each use (IAM User Guide, "Access to AWS accounts owned by third parties": the ID
    // should be unique to the third party); the user replaces it with the agreed one.
    core::applyHardening(m_statement, hardeningOf(suggestion), m_roleAccount,
        doc::toStdString(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    m_updating = true;
    m_condition->setCondition(m_statement.condition);
    m_updating = false;
    showSuggestions();
    emitEdited(suggestionText(suggestion), QString());
}

void TrustStatementCard::emitEdited(const QString &undoText, const QString &mergeKey)
{
    showTitle();
    Q_EMIT statementEdited(m_index, m_statement, undoText, mergeKey);
}

void TrustStatementCard::showTitle()
{
    QStringList parts;
    bool thirdParty = false;
    if (m_statement.principal && m_statement.principal->isString) {
        parts.append(tr("Anyone (%1)").arg(doc::toQString(m_statement.principal->wildcard.value)));
    } else if (m_statement.principal) {
        for (const core::PrincipalEntry &entry : m_statement.principal->entries) {
            for (const core::PolicyString &value : entry.values.values) {
                const std::optional<TrustedEntityKind> kind = classifyPrincipal(entry.type.value, value.value);
                const QString kindName = kind ? trustedEntityKindName(*kind) : doc::toQString(entry.type.value);
                parts.append(kindName + QStringLiteral(": ") + doc::toQString(value.value));
            }
        }
        thirdParty = hasThirdPartyAccount(m_statement, m_roleAccount) && !m_roleAccount.empty();
    }
    QString title;
    if (parts.isEmpty())
        title = tr("Trusted entity %1 (no principal)").arg(m_index + 1);
    else if (parts.size() > 2)
        title = tr("%1, %2 and %3 more").arg(parts[0], parts[1]).arg(parts.size() - 2);
    else
        title = parts.join(QStringLiteral(", "));
    if (thirdParty)
        title += tr(" (another account)");
    if (m_statement.effectValue() == core::Effect::Deny)
        title = tr("Denied: %1").arg(title);
    m_title->setText(title);
    m_title->setToolTip(parts.join(QLatin1Char('\n')));
}

void TrustStatementCard::showEffect()
{
    const QString effect = m_statement.effect ? doc::toQString(m_statement.effect->value) : QString();
    while (m_effect->count() > 2)
        m_effect->removeItem(2);
    int index = m_effect->findText(effect);
    if (index < 0) {
        // Not exactly Allow or Deny (IAM compares case-sensitively): shown as written so that the user sees it.
        m_effect->addItem(effect.isEmpty() ? tr("(no Effect)") : effect);
        index = 2;
    }
    m_effect->setCurrentIndex(index);
}

void TrustStatementCard::showPrincipals()
{
    std::vector<std::string> shape;
    if (m_statement.principal) {
        if (m_statement.principal->isString)
            shape.push_back("*");
        for (const core::PrincipalEntry &entry : m_statement.principal->entries)
            shape.push_back(entry.type.value);
    }
    if (!m_principalShapeSet || shape != m_principalShape) {
        m_principalShapeSet = true;
        m_principalShape = shape;
        for (const PrincipalRow &row : m_principalRows) {
            row.label->deleteLater();
            row.editor->hide();
            row.editor->deleteLater();
        }
        m_principalRows.clear();
        if (m_statement.principal && !m_statement.principal->isString) {
            for (std::size_t i = 0; i < m_statement.principal->entries.size(); ++i) {
                const std::string &type = m_statement.principal->entries[i].type.value;
                PrincipalRow row;
                row.label = new QLabel(principalTypeLabel(type));
                row.editor = new StringListEditor;
                row.editor->setObjectName(QStringLiteral("principalValuesEditor"));
                row.editor->setProperty("principalType", doc::toQString(type));
                row.editor->setPlaceholderText(principalPlaceholder(type));
                row.editor->setReadOnly(m_readOnly);
                if (type == "Service")
                    row.editor->setCompletionModel(m_servicePrincipals);
                row.label->setBuddy(row.editor->lineEdit(0));
                const int entry = static_cast<int>(i);
                connect(row.editor, &StringListEditor::valuesEdited, this,
                    [this, entry](const QStringList &values, int r) { principalEdited(entry, values, r); });
                m_principalGrid->addWidget(row.label, static_cast<int>(i), 0, Qt::AlignTop);
                m_principalGrid->addWidget(row.editor, static_cast<int>(i), 1);
                m_principalRows.push_back(row);
            }
        }
    }
    if (m_statement.principal && !m_statement.principal->isString) {
        for (std::size_t i = 0; i < m_principalRows.size(); ++i) {
            QStringList values;
            for (const core::PolicyString &value : m_statement.principal->entries[i].values.values)
                values.append(doc::toQString(value.value));
            m_principalRows[i].editor->setValues(values);
        }
    }

    QStringList notes;
    if (!m_statement.principal)
        notes.append(tr("No Principal element: a trust policy statement needs one."));
    else if (m_statement.principal->isString)
        notes.append(tr("\"Principal\": \"%1\" lets any AWS principal try to assume the role; only the conditions "
                        "narrow it. Edit it in the JSON text.")
                         .arg(doc::toQString(m_statement.principal->wildcard.value)));
    if (m_statement.notPrincipal)
        notes.append(tr("This statement also has NotPrincipal, which is kept as written (edit it in the JSON text)."));
    m_principalNote->setText(notes.join(QLatin1Char('\n')));
    m_principalNote->setVisible(!notes.isEmpty());
}

void TrustStatementCard::showActions()
{
    std::set<TrustedEntityKind> kinds;
    bool anyKind = !m_statement.principal || m_statement.principal->isString;
    if (m_statement.principal && !m_statement.principal->isString) {
        for (const core::PrincipalEntry &entry : m_statement.principal->entries) {
            for (const core::PolicyString &value : entry.values.values) {
                if (const std::optional<TrustedEntityKind> kind = classifyPrincipal(entry.type.value, value.value))
                    kinds.insert(*kind);
                else
                    anyKind = true;
            }
        }
    }
    const std::vector<std::string> actions = actionValues();
    QStringList others;
    for (const std::string &action : actions) {
        const bool known = std::any_of(kTrustActions.begin(), kTrustActions.end(),
            [&](const char *trust) { return equalsIgnoringCase(action, trust); });
        if (!known)
            others.append(doc::toQString(action));
    }
    // With NotAction (and no Action) the check boxes would not say what the statement allows.
    const bool usesNotAction = !m_statement.action && m_statement.notAction;
    for (std::size_t i = 0; i < kTrustActions.size(); ++i) {
        QCheckBox *box = m_actionBoxes[i];
        const bool checked = std::any_of(actions.begin(), actions.end(),
            [&](const std::string &a) { return equalsIgnoringCase(a, kTrustActions[i]); });
        const bool suits = anyKind || kinds.empty()
            || std::any_of(kinds.begin(), kinds.end(), [&](TrustedEntityKind k) { return actionSuits(i, k); });
        if (box->isChecked() != checked)
            box->setChecked(checked);
        // An action that does not suit the principals stays enabled while checked, so that it can be unchecked.
        box->setEnabled(!m_readOnly && !usesNotAction && (suits || checked));
    }
    if (usesNotAction)
        others.prepend(tr("NotAction is used; edit it in the JSON text."));
    m_otherActions->setText(others.isEmpty() ? QString() : tr("Also: %1").arg(others.join(QStringLiteral(", "))));
    m_otherActions->setVisible(!others.isEmpty());
}

void TrustStatementCard::showSuggestions()
{
    bool any = false;
    for (std::size_t i = 0; i < kSuggestions.size(); ++i) {
        const bool applies = !m_readOnly && suggestionApplies(kSuggestions[i]);
        m_suggestionButtons[i]->setVisible(applies);
        any = any || applies;
    }
    m_suggestionBox->setVisible(any);
}

void TrustStatementCard::principalEdited(int entry, const QStringList &values, int row)
{
    if (m_updating || m_readOnly || !m_statement.principal || m_statement.principal->isString || entry < 0
        || static_cast<std::size_t>(entry) >= m_statement.principal->entries.size())
        return;
    core::StringList &list = m_statement.principal->entries[static_cast<std::size_t>(entry)].values;
    std::vector<core::PolicyString> updated;
    for (int i = 0; i < values.size(); ++i) {
        const std::string text = doc::toStdString(values[i]);
        if (static_cast<std::size_t>(i) < list.values.size() && list.values[static_cast<std::size_t>(i)].value == text)
            updated.push_back(list.values[static_cast<std::size_t>(i)]);
        else
            updated.push_back(core::PolicyString { text, {} });
    }
    const bool same = updated.size() == list.values.size()
        && std::equal(updated.begin(), updated.end(), list.values.begin(),
            [](const core::PolicyString &a, const core::PolicyString &b) { return a.value == b.value; });
    if (same)
        return;
    list.values = std::move(updated);
    // One value is written as a string, several as an array.
    list.isArray = list.values.size() != 1;
    m_updating = true;
    showActions();
    m_updating = false;
    showSuggestions();
    emitEdited(tr("Edit trusted principal"), row >= 0 ? QStringLiteral("principal/%1").arg(entry) : QString());
}

void TrustStatementCard::actionToggled(int action, bool checked)
{
    if (m_updating || m_readOnly || action < 0 || static_cast<std::size_t>(action) >= kTrustActions.size())
        return;
    const char *name = kTrustActions[static_cast<std::size_t>(action)];
    if (!m_statement.action)
        m_statement.action.emplace();
    auto &values = m_statement.action->values;
    if (checked) {
        const bool present = std::any_of(values.begin(), values.end(),
            [&](const core::PolicyString &v) { return equalsIgnoringCase(v.value, name); });
        if (present)
            return;
        values.push_back(core::PolicyString { name, {} });
    } else {
        const auto removed = std::remove_if(values.begin(), values.end(),
            [&](const core::PolicyString &v) { return equalsIgnoringCase(v.value, name); });
        if (removed == values.end())
            return;
        values.erase(removed, values.end());
    }
    m_statement.action->isArray = values.size() != 1;
    m_updating = true;
    m_condition->setActions(actionValues());
    m_updating = false;
    emitEdited(
        checked ? tr("Allow %1").arg(QString::fromLatin1(name)) : tr("Stop allowing %1").arg(QString::fromLatin1(name)),
        QString());
}

std::vector<std::string> TrustStatementCard::actionValues() const
{
    std::vector<std::string> actions;
    if (m_statement.action) {
        for (const core::PolicyString &value : m_statement.action->values)
            actions.push_back(value.value);
    }
    return actions;
}

} // namespace rd::ui
