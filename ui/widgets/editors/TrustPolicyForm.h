// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"
#include "widgets/editors/TrustedEntityKind.h"

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QStringListModel;
class QVBoxLayout;

namespace rd::ui
{

class TrustStatementCard;

/// A role's trust policy as a form: one card per statement ("trusted entity") and a chooser that adds one. Every
/// gesture emits policyEdited once with the whole policy; the form edits a copy of the policy it was given, so
/// whatever it does not show (NotPrincipal, unknown elements and principal types, Id) is kept.
///
/// The chooser: kindCombo (AWS service, AWS account, role or user ARN, SAML provider, OIDC provider, web identity),
/// principalValueEdit (an editable combo with completion) and addPrincipalButton; Return in the value field adds.
class TrustPolicyForm : public QWidget
{
    Q_OBJECT
public:
    explicit TrustPolicyForm(QWidget *parent = nullptr);
    ~TrustPolicyForm() override;

    /// Shows the policy, in place: while the statements are as many, each card updates its fields without being
    /// rebuilt, so focus and cursor survive a round trip through the document.
    void setPolicy(const core::Policy &policy);
    /// The role's own account (12 digits, or "" when unknown): it decides what is a third party, and is the value of
    /// the "Limit to this account" suggestion and of OIDC provider ARNs typed as a host name.
    void setRoleAccount(const QString &accountId);
    /// The JSON text does not parse: shows this last good state greyed, read-only, with a banner.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    core::Policy policy() const;

    /// Adds a statement for a trusted entity of `kind` (what the chooser does). `value` is what the user typed:
    /// a service principal, a 12-digit account ID, a role or user ARN, a SAML provider ARN, an OIDC provider ARN or
    /// host name, or a web identity provider. Returns false with a message in `error` when the value does not fit.
    bool addTrustedEntity(TrustedEntityKind kind, const QString &value, QString *error = nullptr);
    /// The principal value a kind writes for what the user typed (the root ARN for an account ID, the provider ARN
    /// for an OIDC host), or "" with a message in `error` when it does not fit the kind.
    static QString principalValueFor(
        TrustedEntityKind kind, const QString &typed, const QString &roleAccount, QString *error);

    int cardCount() const { return static_cast<int>(m_cards.size()); }
    TrustStatementCard *card(int index) const;

Q_SIGNALS:
    void policyEdited(const core::Policy &policy, const QString &undoText, const QString &mergeKey);

private:
    void syncCards();
    void statementEdited(int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey);
    void removeStatement(int index);
    void kindChanged();
    void addFromChooser();
    void updateEnabled();

    core::Policy m_policy;
    QString m_roleAccount;
    bool m_stale = false;
    std::vector<TrustStatementCard *> m_cards;
    QStringListModel *m_servicePrincipals;
    QLabel *m_banner;
    QWidget *m_body;
    QLabel *m_empty;
    QVBoxLayout *m_cardLayout;
    QComboBox *m_kind;
    QComboBox *m_value;
    QPushButton *m_add;
    QLabel *m_valueError;
};

} // namespace rd::ui
