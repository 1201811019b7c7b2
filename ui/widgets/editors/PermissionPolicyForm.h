// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace rd::ui
{

class PermissionStatementCard;
class VerticalScrollArea;

/// A permission (identity) policy as a form: one card per statement (PermissionStatementCard) in a scroll area, and
/// buttons to add, remove, duplicate and move statements. Every gesture emits policyEdited once with the whole policy:
/// a copy of the last policy shown with only the edited element changed, so that what the form does not show
/// (Principal, Id, unknown elements, element order) is kept.
class PermissionPolicyForm : public QWidget
{
    Q_OBJECT
public:
    explicit PermissionPolicyForm(QWidget *parent = nullptr);
    ~PermissionPolicyForm() override;

    /// Shows the policy in place: cards are added or removed only when the number of statements changed, and a
    /// field that already shows its value is not touched (focus and cursor survive while the user types).
    void setPolicy(const core::Policy &policy);
    /// The account that the ARN builder puts in `${Account}` by default.
    void setRoleAccount(const QString &accountId);
    /// Stale: the JSON text does not parse. The last good policy stays, greyed and read-only, under a banner.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    core::Policy policy() const { return m_policy; }

    /// The card of statement `index`, built, or nullptr (for tests and focus).
    PermissionStatementCard *card(int index) const;
    int cardCount() const { return static_cast<int>(m_cards.size()); }

    /// Notes on action values in every card (PermissionStatementCard::setActionNote), kept for cards made later.
    void setActionNote(std::function<QString(const QString &)> note);

    /// Appends a statement (`"Effect": "Allow"`, nothing else) and focuses its first action row: what the Add
    /// statement button does.
    void addStatement();

Q_SIGNALS:
    /// One gesture changed the policy. `mergeKey` names the field typed in ("perm/stmt/0/action/0") so that
    /// keystrokes merge into one undo step; empty for structural changes.
    void policyEdited(const core::Policy &policy, const QString &undoText, const QString &mergeKey);

private:
    PermissionStatementCard *createCard(int position);
    void syncCards();
    void commit(core::Policy next, const QString &undoText, const QString &mergeKey);
    void statementEdited(int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey);
    void removeStatement(int index);
    void duplicateStatement(int index);
    void moveStatement(int from, int to);
    void openArnBuilder(int index);
    bool editable() const;
    /// Builds the cards in view now, and the others a few at a time from the event loop.
    void buildVisibleCards();
    void buildSlice();

    core::Policy m_policy;
    QString m_account;
    bool m_stale = false;
    std::function<QString(const QString &)> m_actionNote;
    std::vector<PermissionStatementCard *> m_cards;
    QLabel *m_staleBanner;
    VerticalScrollArea *m_scroll;
    QWidget *m_cardBox;
    QVBoxLayout *m_cardLayout;
    QLabel *m_emptyLabel;
    QPushButton *m_add;
    QTimer *m_buildTimer;
};

} // namespace rd::ui
