// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/PermissionPolicyForm.h"

#include "document/PolicyFormEdit.h"
#include "document/StringConversion.h"
#include "widgets/editors/ArnBuilderDialog.h"
#include "widgets/editors/PermissionStatementCard.h"
#include "widgets/editors/StringListEditor.h"
#include "widgets/editors/VerticalScrollArea.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace rd::ui
{

namespace
{

namespace Edit = doc::PolicyFormEdit;

/// Cards built as soon as a policy is shown; the others are built in slices of about this many milliseconds, so
/// that a policy of 50 statements shows at once and the form stays responsive while the rest is made.
constexpr int kEagerCards = 4;
constexpr qint64 kSliceMilliseconds = 10;

/// A Sid for a copy of a statement: the original's with a number, unused in the policy (IAM User Guide, "IAM JSON
/// policy elements: Sid": a Sid must be unique within the policy).
std::string unusedSid(const core::Policy &policy, const std::string &sid)
{
    auto used = [&](const std::string &candidate) {
        return std::any_of(policy.statements.begin(), policy.statements.end(),
            [&](const core::Statement &s) { return s.sid && s.sid->value == candidate; });
    };
    // "Read" -> "Read2", "Stmt1" -> "Stmt2".
    std::string base = sid;
    while (!base.empty() && base.back() >= '0' && base.back() <= '9')
        base.pop_back();
    const std::string digits = sid.substr(base.size());
    long long n = digits.empty() || digits.size() > 9 ? 1 : std::stoll(digits);
    for (;;) {
        std::string candidate = base + std::to_string(++n);
        if (!used(candidate))
            return candidate;
    }
}

} // namespace

PermissionPolicyForm::PermissionPolicyForm(QWidget *parent)
    : QWidget(parent)
    , m_staleBanner(new QLabel)
    , m_scroll(new VerticalScrollArea)
    , m_cardBox(new QWidget)
    , m_cardLayout(new QVBoxLayout(m_cardBox))
    , m_emptyLabel(new QLabel)
    , m_add(new QPushButton(tr("&Add statement")))
    , m_buildTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("permissionPolicyForm"));
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->setText(tr("The JSON text has errors: the form shows the last valid policy and is read-only "
                              "until the text parses again."));
    m_staleBanner->setWordWrap(true);
    m_staleBanner->setAutoFillBackground(true);
    m_staleBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; padding: 6px; border: 1px solid #e0c060; }"));
    m_staleBanner->hide();
    m_scroll->setObjectName(QStringLiteral("statementScrollArea"));
    m_cardBox->setObjectName(QStringLiteral("statementCardBox"));
    m_emptyLabel->setObjectName(QStringLiteral("noStatementLabel"));
    m_emptyLabel->setText(tr("No statements: the policy allows nothing. Add a statement to grant permissions."));
    m_emptyLabel->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("addStatementButton"));
    m_add->setToolTip(tr("Append an Allow statement"));

    m_cardLayout->addWidget(m_emptyLabel);
    m_cardLayout->addWidget(m_add, 0, Qt::AlignLeft);
    m_cardLayout->addStretch(1);
    m_scroll->setWidget(m_cardBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_staleBanner);
    layout->addWidget(m_scroll, 1);

    connect(m_add, &QPushButton::clicked, this, &PermissionPolicyForm::addStatement);
    m_buildTimer->setSingleShot(true);
    m_buildTimer->setInterval(0);
    connect(m_buildTimer, &QTimer::timeout, this, &PermissionPolicyForm::buildSlice);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, &PermissionPolicyForm::buildVisibleCards);
    syncCards();
}

PermissionPolicyForm::~PermissionPolicyForm() = default;

PermissionStatementCard *PermissionPolicyForm::card(int index) const
{
    if (index < 0 || index >= cardCount())
        return nullptr;
    PermissionStatementCard *found = m_cards[static_cast<std::size_t>(index)];
    found->ensureBuilt();
    return found;
}

void PermissionPolicyForm::setPolicy(const core::Policy &policy)
{
    m_policy = policy;
    syncCards();
}

void PermissionPolicyForm::setRoleAccount(const QString &accountId)
{
    m_account = accountId;
}

void PermissionPolicyForm::setStale(bool stale)
{
    m_stale = stale;
    m_staleBanner->setVisible(stale);
    // Greyed (disabled) and read-only: nothing typed or clicked can reach the last good policy.
    m_cardBox->setEnabled(!stale);
    m_add->setEnabled(!stale);
    for (PermissionStatementCard *card : m_cards)
        card->setReadOnly(stale);
}

bool PermissionPolicyForm::editable() const
{
    return !m_stale;
}

void PermissionPolicyForm::setActionNote(std::function<QString(const QString &)> note)
{
    m_actionNote = std::move(note);
    for (PermissionStatementCard *card : m_cards)
        card->setActionNote(m_actionNote);
}

PermissionStatementCard *PermissionPolicyForm::createCard(int position)
{
    auto *card = new PermissionStatementCard;
    card->setReadOnly(m_stale);
    card->setActionNote(m_actionNote);
    connect(card, &PermissionStatementCard::statementEdited, this, &PermissionPolicyForm::statementEdited);
    connect(card, &PermissionStatementCard::removeRequested, this, &PermissionPolicyForm::removeStatement);
    connect(card, &PermissionStatementCard::duplicateRequested, this, &PermissionPolicyForm::duplicateStatement);
    connect(card, &PermissionStatementCard::moveRequested, this, &PermissionPolicyForm::moveStatement);
    connect(card, &PermissionStatementCard::arnBuilderRequested, this, &PermissionPolicyForm::openArnBuilder);
    m_cardLayout->insertWidget(position, card);
    m_cards.insert(m_cards.begin() + position, card);
    return card;
}

void PermissionPolicyForm::syncCards()
{
    const int count = static_cast<int>(m_policy.statements.size());
    while (cardCount() > count) {
        PermissionStatementCard *card = m_cards.back();
        m_cards.pop_back();
        m_cardLayout->removeWidget(card);
        card->hide();
        // The card may be the sender of the signal being handled.
        card->deleteLater();
    }
    const bool building = cardCount() < count;
    if (building)
        m_cardBox->setUpdatesEnabled(false);
    while (cardCount() < count)
        createCard(cardCount());
    for (int i = 0; i < count; ++i)
        m_cards[static_cast<std::size_t>(i)]->setStatement(i, count, m_policy.statements[static_cast<std::size_t>(i)]);
    // The first cards at once (they fill the view of a new form), the rest from the event loop.
    for (int i = 0; i < std::min(count, kEagerCards); ++i)
        m_cards[static_cast<std::size_t>(i)]->ensureBuilt();
    buildVisibleCards();
    if (building)
        m_cardBox->setUpdatesEnabled(true);
    m_emptyLabel->setVisible(count == 0);
}

void PermissionPolicyForm::buildVisibleCards()
{
    const QRect view(QPoint(0, m_scroll->verticalScrollBar()->value()), m_scroll->viewport()->size());
    bool pending = false;
    for (PermissionStatementCard *card : m_cards) {
        if (card->isBuilt())
            continue;
        if (card->geometry().intersects(view) && m_cardBox->isVisible())
            card->ensureBuilt();
        else
            pending = true;
    }
    if (pending && !m_buildTimer->isActive())
        m_buildTimer->start();
}

void PermissionPolicyForm::buildSlice()
{
    QElapsedTimer timer;
    timer.start();
    for (PermissionStatementCard *card : m_cards) {
        if (timer.elapsed() >= kSliceMilliseconds)
            break;
        card->ensureBuilt();
    }
    buildVisibleCards();
}

void PermissionPolicyForm::commit(core::Policy next, const QString &undoText, const QString &mergeKey)
{
    Edit::prepareForWrite(next);
    m_policy = std::move(next);
    // A copy: a receiver may call setPolicy() while the signal is being delivered.
    const core::Policy emitted = m_policy;
    Q_EMIT policyEdited(emitted, undoText, mergeKey);
}

void PermissionPolicyForm::statementEdited(
    int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey)
{
    if (!editable() || index < 0 || static_cast<std::size_t>(index) >= m_policy.statements.size())
        return;
    core::Policy next = m_policy;
    next.statements[static_cast<std::size_t>(index)] = statement;
    commit(std::move(next), undoText, mergeKey);
}

void PermissionPolicyForm::addStatement()
{
    if (!editable())
        return;
    core::Policy next = m_policy;
    next.statements.push_back(Edit::newStatement());
    m_policy.statements.push_back(next.statements.back());
    syncCards();
    PermissionStatementCard *added = card(cardCount() - 1);
    commit(std::move(next), tr("Add statement"), QString());
    QPointer<PermissionStatementCard> target(added);
    if (auto *actions = added->findChild<StringListEditor *>(QStringLiteral("actionListEditor"))) {
        if (QLineEdit *edit = actions->lineEdit(0))
            edit->setFocus(Qt::OtherFocusReason);
    }
    // Once the layout has placed the new card.
    QTimer::singleShot(0, this, [this, target] {
        if (target)
            m_scroll->ensureWidgetVisible(target);
    });
}

void PermissionPolicyForm::removeStatement(int index)
{
    if (!editable() || index < 0 || index >= cardCount())
        return;
    core::Policy next = m_policy;
    next.statements.erase(next.statements.begin() + index);
    PermissionStatementCard *card = m_cards[static_cast<std::size_t>(index)];
    m_cards.erase(m_cards.begin() + index);
    m_cardLayout->removeWidget(card);
    card->hide();
    card->deleteLater();
    m_policy.statements.erase(m_policy.statements.begin() + index);
    syncCards();
    commit(std::move(next), tr("Remove statement"), QString());
}

void PermissionPolicyForm::duplicateStatement(int index)
{
    if (!editable() || index < 0 || index >= cardCount())
        return;
    core::Policy next = m_policy;
    core::Statement copy = next.statements[static_cast<std::size_t>(index)];
    if (copy.sid && !copy.sid->value.empty())
        copy.sid->value = unusedSid(next, copy.sid->value);
    next.statements.insert(next.statements.begin() + index + 1, copy);
    m_policy.statements.insert(m_policy.statements.begin() + index + 1, copy);
    createCard(index + 1)->ensureBuilt();
    syncCards();
    commit(std::move(next), tr("Duplicate statement"), QString());
}

void PermissionPolicyForm::moveStatement(int from, int to)
{
    if (!editable() || from < 0 || to < 0 || from >= cardCount() || to >= cardCount() || from == to)
        return;
    core::Policy next = m_policy;
    std::swap(next.statements[static_cast<std::size_t>(from)], next.statements[static_cast<std::size_t>(to)]);
    // The cards move with their statements, so that what the user was looking at (expanded previews, focus) goes
    // along.
    std::swap(m_cards[static_cast<std::size_t>(from)], m_cards[static_cast<std::size_t>(to)]);
    std::swap(m_policy.statements[static_cast<std::size_t>(from)], m_policy.statements[static_cast<std::size_t>(to)]);
    for (int i = std::min(from, to); i <= std::max(from, to); ++i) {
        m_cardLayout->removeWidget(m_cards[static_cast<std::size_t>(i)]);
        m_cardLayout->insertWidget(i, m_cards[static_cast<std::size_t>(i)]);
    }
    syncCards();
    commit(std::move(next), tr("Move statement"), QString());
}

void PermissionPolicyForm::openArnBuilder(int index)
{
    PermissionStatementCard *source = card(index);
    if (!editable() || !source)
        return;
    auto *dialog = new ArnBuilderDialog(source->actionValues(), m_account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<PermissionStatementCard> target(source);
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        if (target && editable())
            target->insertResource(dialog->arn());
    });
    dialog->open();
}

} // namespace rd::ui
