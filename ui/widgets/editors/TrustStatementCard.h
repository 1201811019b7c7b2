// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QFrame>
#include <QString>

#include <array>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QStringListModel;
class QToolButton;

namespace rd::ui
{

class ConditionEditor;
class StringListEditor;

/// One statement of a trust policy as a card, a "trusted entity": Effect, the principals by type, the STS actions
/// as check boxes, the conditions, and one-click hardening suggestions. Edits are made on a copy of the statement,
/// so elements the card does not show (NotPrincipal, NotAction, Sid, unknown elements) are kept. Used by
/// TrustPolicyForm.
class TrustStatementCard : public QFrame
{
    Q_OBJECT
public:
    /// The trust actions offered as check boxes (AWS STS API Reference; IAM User Guide, "Passing session tags in AWS
    /// STS" for sts:TagSession and "Monitor and control actions taken with assumed roles" for sts:SetSourceIdentity).
    static constexpr std::array<const char *, 5> kTrustActions { "sts:AssumeRole", "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity" };

    /// A hardening suggestion shown on the card when it applies.
    enum class Suggestion { ExternalId, SourceAccount, OidcAudience, OidcSubject, SamlAudience };

    explicit TrustStatementCard(QStringListModel *servicePrincipals, QWidget *parent = nullptr);
    ~TrustStatementCard() override;

    /// Shows statement `index`, in place: fields that already show the value are not touched, and the principal
    /// editors are kept while the principal types stay the same. `roleAccount` is the role's own account ("" when
    /// unknown), which decides what is a third party.
    void setStatement(int index, const core::Statement &statement, const QString &roleAccount);
    const core::Statement &statement() const { return m_statement; }
    int index() const { return m_index; }
    void setReadOnly(bool readOnly);

    /// Whether a suggestion applies to the statement shown, and applying it (what its button does).
    bool suggestionApplies(Suggestion suggestion) const;
    void applySuggestion(Suggestion suggestion);

    /// IAM User Guide, "Access to AWS accounts owned by third parties": an AWS principal of another account than
    /// the role's (any account when the role's is unknown). Same as core::hasThirdPartyAccount().
    static bool hasThirdPartyAccount(const core::Statement &statement, const std::string &roleAccount);

Q_SIGNALS:
    /// A gesture changed the statement; `mergeKey` names the field being typed in, relative to the statement
    /// ("principal/1", "cond/0/values"), empty for structural changes.
    void statementEdited(int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey);
    void removeRequested(int index);

private:
    struct PrincipalRow {
        QLabel *label = nullptr;
        StringListEditor *editor = nullptr;
    };

    void emitEdited(const QString &undoText, const QString &mergeKey);
    void showTitle();
    void showEffect();
    void showPrincipals();
    void showActions();
    void showSuggestions();
    void principalEdited(int entry, const QStringList &values, int row);
    void actionToggled(int action, bool checked);
    std::vector<std::string> actionValues() const;

    core::Statement m_statement;
    int m_index = 0;
    std::string m_roleAccount;
    bool m_readOnly = false;
    bool m_updating = false;

    QStringListModel *m_servicePrincipals;
    QLabel *m_title;
    QComboBox *m_effect;
    QToolButton *m_remove;
    QGridLayout *m_principalGrid;
    std::vector<PrincipalRow> m_principalRows;
    /// The principal types the grid shows, with "*" for the wildcard string form; rebuilt only when it changes.
    std::vector<std::string> m_principalShape;
    bool m_principalShapeSet = false;
    QLabel *m_principalNote;
    std::array<QCheckBox *, 5> m_actionBoxes {};
    QLabel *m_otherActions;
    ConditionEditor *m_condition;
    QWidget *m_suggestionBox;
    std::array<QPushButton *, 5> m_suggestionButtons {};
};

} // namespace rd::ui
