// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/TrustPolicyForm.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServicePrincipals.h"
#include "widgets/editors/TrustStatementCard.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStringListModel>
#include <QVBoxLayout>

namespace rd::ui
{

namespace
{

// IAM User Guide, "IAM JSON policy elements: Version": the current version of the policy language.
constexpr const char *kPolicyVersion = "2012-10-17";

// IAM User Guide, "Create a role for OpenID Connect federation" and "...web identity federation": the web identity
// providers STS knows by name.
const QStringList &webIdentityProviders()
{
    static const QStringList providers { QStringLiteral("cognito-identity.amazonaws.com"),
        QStringLiteral("accounts.google.com"), QStringLiteral("graph.facebook.com"), QStringLiteral("www.amazon.com") };
    return providers;
}

// Common OpenID Connect providers, offered when typing an OIDC provider host.
const QStringList &oidcHosts()
{
    static const QStringList hosts { QStringLiteral("token.actions.githubusercontent.com"),
        QStringLiteral("gitlab.com"), QStringLiteral("app.terraform.io"),
        QStringLiteral("oidc.eks.REGION.amazonaws.com/id/CLUSTER_ID"),
        QStringLiteral("oidc.circleci.com/org/ORGANIZATION_ID") };
    return hosts;
}

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

const QString kAccount = QStringLiteral("[0-9]{12}");
// ARN partitions: aws, aws-cn, aws-us-gov, aws-iso...
const QString kPartition = QStringLiteral("aws(-[a-z]+)*");

} // namespace

TrustPolicyForm::TrustPolicyForm(QWidget *parent)
    : QWidget(parent)
    , m_servicePrincipals(new QStringListModel(this))
    , m_banner(new QLabel)
    , m_body(new QWidget)
    , m_empty(new QLabel)
    , m_cardLayout(new QVBoxLayout)
    , m_kind(new QComboBox)
    , m_value(new QComboBox)
    , m_add(new QPushButton(tr("Add trusted entity")))
    , m_valueError(new QLabel)
{
    QStringList services;
    for (const std::string &name : core::knownServicePrincipals())
        services.append(doc::toQString(name));
    m_servicePrincipals->setStringList(services);

    m_banner->setObjectName(QStringLiteral("staleBanner"));
    m_banner->setWordWrap(true);
    m_banner->setText(tr("The JSON text has errors: this is the last version that could be read. Fix the text to edit "
                         "the form again."));
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 4px; }"));
    m_banner->hide();
    m_empty->setObjectName(QStringLiteral("noTrustedEntityLabel"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No one can assume this role yet: add a trusted entity below."));

    m_kind->setObjectName(QStringLiteral("kindCombo"));
    for (int i = 0; i < kTrustedEntityKindCount; ++i)
        m_kind->addItem(trustedEntityKindName(static_cast<TrustedEntityKind>(i)), i);
    m_kind->setToolTip(tr("Who may assume the role"));
    m_value->setObjectName(QStringLiteral("principalValueEdit"));
    m_value->setEditable(true);
    m_value->setInsertPolicy(QComboBox::NoInsert);
    // The field takes the row's width; its minimum stays small enough for the default window size.
    m_value->setMinimumContentsLength(12);
    m_value->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_value->lineEdit()->setObjectName(QStringLiteral("principalValueLineEdit"));
    auto *completer = new QCompleter(m_value->model(), m_value);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_value->setCompleter(completer);
    m_add->setObjectName(QStringLiteral("addPrincipalButton"));
    m_add->setDefault(false);
    m_add->setAutoDefault(false);
    m_valueError->setObjectName(QStringLiteral("principalValueErrorLabel"));
    m_valueError->setWordWrap(true);
    m_valueError->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_valueError->hide();

    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    auto *chooser = new QHBoxLayout;
    chooser->setContentsMargins(0, 0, 0, 0);
    chooser->addWidget(m_kind);
    chooser->addWidget(m_value, 1);
    chooser->addWidget(m_add);
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_empty);
    body->addLayout(m_cardLayout);
    body->addLayout(chooser);
    body->addWidget(m_valueError);
    body->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_body, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &TrustPolicyForm::kindChanged);
    connect(m_add, &QPushButton::clicked, this, &TrustPolicyForm::addFromChooser);
    connect(m_value->lineEdit(), &QLineEdit::returnPressed, this, &TrustPolicyForm::addFromChooser);
    connect(m_value, &QComboBox::editTextChanged, m_valueError, &QLabel::hide);
    kindChanged();

    m_policy.version = core::PolicyString { kPolicyVersion, {} };
    m_policy.statementForm = core::StatementForm::Array;
    syncCards();
}

TrustPolicyForm::~TrustPolicyForm() = default;

void TrustPolicyForm::setPolicy(const core::Policy &policy)
{
    m_policy = policy;
    syncCards();
}

void TrustPolicyForm::setRoleAccount(const QString &accountId)
{
    if (m_roleAccount == accountId)
        return;
    m_roleAccount = accountId;
    syncCards();
}

void TrustPolicyForm::setStale(bool stale)
{
    m_stale = stale;
    m_banner->setVisible(stale);
    updateEnabled();
}

core::Policy TrustPolicyForm::policy() const
{
    return m_policy;
}

TrustStatementCard *TrustPolicyForm::card(int index) const
{
    if (index < 0 || index >= cardCount())
        return nullptr;
    return m_cards[static_cast<std::size_t>(index)];
}

QString TrustPolicyForm::principalValueFor(
    TrustedEntityKind kind, const QString &typed, const QString &roleAccount, QString *error)
{
    const QString value = typed.trimmed();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (value.isEmpty())
        return fail(tr("Type who may assume the role."));
    switch (kind) {
    case TrustedEntityKind::Service:
        // IAM User Guide, "AWS JSON policy elements: Principal", "AWS service principals": service-name.amazonaws.com.
        if (!matches(QStringLiteral("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(amazonaws\\.com(\\.cn)?|amazon\\.com)"), value))
            return fail(tr("A service principal is a name such as lambda.amazonaws.com."));
        return value;
    case TrustedEntityKind::Account:
        // IAM User Guide, "AWS account principals": the account ID or arn:aws:iam::123456789012:root (what the console
        // writes).
        if (matches(kAccount, value))
            return QStringLiteral("arn:aws:iam::%1:root").arg(value);
        if (matches(QStringLiteral("arn:%1:iam::%2:root").arg(kPartition, kAccount), value))
            return value;
        return fail(tr("An AWS account ID is 12 digits, such as 123456789012."));
    case TrustedEntityKind::RoleOrUser:
        // IAM User Guide, "IAM role principals", "IAM user principals", "Role session principals".
        if (matches(QStringLiteral("arn:%1:iam::%2:(role|user)/\\S+").arg(kPartition, kAccount), value)
            || matches(QStringLiteral("arn:%1:sts::%2:assumed-role/\\S+").arg(kPartition, kAccount), value))
            return value;
        return fail(tr("A role or user ARN looks like arn:aws:iam::123456789012:role/Name."));
    case TrustedEntityKind::Saml:
        // IAM User Guide, "Create a role for SAML 2.0 federation": arn:aws:iam::ACCOUNT:saml-provider/NAME.
        if (matches(QStringLiteral("arn:%1:iam::%2:saml-provider/[\\w+=,.@-]+").arg(kPartition, kAccount), value))
            return value;
        return fail(tr("A SAML provider ARN looks like arn:aws:iam::123456789012:saml-provider/Name."));
    case TrustedEntityKind::Oidc: {
        // IAM User Guide, "Create a role for OpenID Connect federation": arn:aws:iam::ACCOUNT:oidc-provider/HOST.
        if (value.startsWith(QLatin1String("arn:"))) {
            if (matches(QStringLiteral("arn:%1:iam::%2:oidc-provider/[A-Za-z0-9.-]+(/\\S*)?").arg(kPartition, kAccount),
                    value))
                return value;
            return fail(tr("An OIDC provider ARN looks like "
                           "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com."));
        }
        QString host = value;
        host.remove(QRegularExpression(QStringLiteral("^https://")));
        if (!matches(QStringLiteral("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/\\S*)?"), host))
            return fail(tr("Type the provider's host name (token.actions.githubusercontent.com) or its ARN."));
        if (!matches(kAccount, roleAccount))
            return fail(tr("The role's account is not known: type the provider's full ARN."));
        return QStringLiteral("arn:aws:iam::%1:oidc-provider/%2").arg(roleAccount, host);
    }
    case TrustedEntityKind::WebIdentity:
        if (!matches(QStringLiteral("[a-z0-9-]+(\\.[a-z0-9-]+)+"), value))
            return fail(tr("A web identity provider is a name such as accounts.google.com."));
        return value;
    }
    return fail(tr("Unknown kind of trusted entity."));
}

bool TrustPolicyForm::addTrustedEntity(TrustedEntityKind kind, const QString &value, QString *error)
{
    if (m_stale)
        return false;
    const QString principal = principalValueFor(kind, value, m_roleAccount, error);
    if (principal.isEmpty())
        return false;

    core::Statement statement;
    statement.effect = core::PolicyString { "Allow", {} };
    core::PrincipalEntry entry;
    entry.type.value = principalTypeOf(kind);
    entry.values.values.push_back(core::PolicyString { doc::toStdString(principal), {} });
    statement.principal.emplace();
    statement.principal->entries.push_back(std::move(entry));
    statement.action.emplace();
    statement.action->values.push_back(core::PolicyString { defaultActionOf(kind), {} });

    core::Policy policy = m_policy;
    if (!policy.version) {
        policy.version = core::PolicyString { kPolicyVersion, {} };
        if (!policy.order.empty())
            policy.order.insert(policy.order.begin(), core::PolicyElementSlot { core::PolicyElement::Version, {} });
    }
    policy.statements.push_back(std::move(statement));
    // A lone statement object cannot hold a second statement.
    if (policy.statementForm != core::StatementForm::Array && policy.statements.size() != 1)
        policy.statementForm = core::StatementForm::Array;
    if (policy.statementForm == core::StatementForm::Absent)
        policy.statementForm = core::StatementForm::Array;
    m_policy = std::move(policy);
    syncCards();
    Q_EMIT policyEdited(m_policy, tr("Add trusted entity"), QString());
    return true;
}

void TrustPolicyForm::syncCards()
{
    const std::size_t count = m_policy.statements.size();
    while (m_cards.size() > count) {
        TrustStatementCard *removed = m_cards.back();
        m_cards.pop_back();
        removed->hide();
        removed->deleteLater();
    }
    while (m_cards.size() < count) {
        auto *added = new TrustStatementCard(m_servicePrincipals);
        added->setReadOnly(m_stale);
        connect(added, &TrustStatementCard::statementEdited, this, &TrustPolicyForm::statementEdited);
        connect(added, &TrustStatementCard::removeRequested, this, &TrustPolicyForm::removeStatement);
        m_cardLayout->addWidget(added);
        m_cards.push_back(added);
    }
    for (std::size_t i = 0; i < count; ++i)
        m_cards[i]->setStatement(static_cast<int>(i), m_policy.statements[i], m_roleAccount);
    m_empty->setVisible(count == 0);
}

void TrustPolicyForm::statementEdited(
    int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey)
{
    if (m_stale || index < 0 || static_cast<std::size_t>(index) >= m_policy.statements.size())
        return;
    m_policy.statements[static_cast<std::size_t>(index)] = statement;
    syncCards();
    const QString key = mergeKey.isEmpty() ? QString() : QStringLiteral("trust/stmt/%1/%2").arg(index).arg(mergeKey);
    Q_EMIT policyEdited(m_policy, undoText, key);
}

void TrustPolicyForm::removeStatement(int index)
{
    if (m_stale || index < 0 || static_cast<std::size_t>(index) >= m_policy.statements.size())
        return;
    m_policy.statements.erase(m_policy.statements.begin() + index);
    if (m_policy.statementForm == core::StatementForm::Object && m_policy.statements.empty())
        m_policy.statementForm = core::StatementForm::Array;
    syncCards();
    Q_EMIT policyEdited(m_policy, tr("Remove trusted entity"), QString());
}

void TrustPolicyForm::kindChanged()
{
    const auto kind = static_cast<TrustedEntityKind>(m_kind->currentData().toInt());
    QStringList items;
    QString placeholder;
    switch (kind) {
    case TrustedEntityKind::Service:
        items = m_servicePrincipals->stringList();
        placeholder = QStringLiteral("lambda.amazonaws.com");
        break;
    case TrustedEntityKind::Account:
        placeholder = tr("12-digit account ID");
        break;
    case TrustedEntityKind::RoleOrUser:
        placeholder = QStringLiteral("arn:aws:iam::123456789012:role/Name");
        break;
    case TrustedEntityKind::Saml:
        placeholder = QStringLiteral("arn:aws:iam::123456789012:saml-provider/Name");
        break;
    case TrustedEntityKind::Oidc:
        items = oidcHosts();
        placeholder = tr("token.actions.githubusercontent.com or the provider ARN");
        break;
    case TrustedEntityKind::WebIdentity:
        items = webIdentityProviders();
        placeholder = QStringLiteral("accounts.google.com");
        break;
    }
    m_value->clear();
    m_value->addItems(items);
    m_value->setCurrentIndex(-1);
    m_value->clearEditText();
    m_value->lineEdit()->setPlaceholderText(placeholder);
    m_valueError->hide();
}

void TrustPolicyForm::addFromChooser()
{
    if (m_stale)
        return;
    const auto kind = static_cast<TrustedEntityKind>(m_kind->currentData().toInt());
    QString error;
    if (!addTrustedEntity(kind, m_value->currentText(), &error)) {
        m_valueError->setText(error);
        m_valueError->setVisible(!error.isEmpty());
        return;
    }
    m_value->setCurrentIndex(-1);
    m_value->clearEditText();
    m_valueError->hide();
}

void TrustPolicyForm::updateEnabled()
{
    // Greyed and read-only: the cards keep showing the last good state but take no gesture.
    m_body->setEnabled(!m_stale);
    for (TrustStatementCard *card : m_cards)
        card->setReadOnly(m_stale);
}

} // namespace rd::ui
