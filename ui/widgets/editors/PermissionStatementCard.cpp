// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/PermissionStatementCard.h"

#include "document/ActionCompletionModel.h"
#include "document/PolicyFormEdit.h"
#include "document/StringConversion.h"
#include "widgets/editors/ActionMatchPreview.h"
#include "widgets/editors/ConditionEditor.h"
#include "widgets/editors/StringListEditor.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace rd::ui
{

namespace
{

using core::StatementElement;
namespace Edit = doc::PolicyFormEdit;

constexpr int kAllowRow = 0;
constexpr int kDenyRow = 1;
constexpr int kPlainRow = 0; // Action, Resource
constexpr int kNotRow = 1; // NotAction, NotResource

void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

// Text glyphs, not style icons: QStyle::standardIcon costs about half a millisecond per call, and a policy of 50
// statements must show at once.
QToolButton *toolButton(const QString &objectName, const QString &glyph, const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setObjectName(objectName);
    button->setText(glyph);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    button->setAutoRaise(true);
    return button;
}

QString fieldName(StatementElement element)
{
    return doc::toQString(core::statementElementName(element)).toLower();
}

std::vector<std::string> toStdStrings(const QStringList &values)
{
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(values.size()));
    for (const QString &value : values)
        out.push_back(doc::toStdString(value));
    return out;
}

} // namespace

PermissionStatementCard::PermissionStatementCard(QWidget *parent)
    : QFrame(parent)
    , m_summary(new QLabel)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QStringLiteral("statementCard"));
    m_summary->setObjectName(QStringLiteral("statementSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_layout = new QVBoxLayout(this);
    m_layout->addWidget(m_summary);
}

bool PermissionStatementCard::isBuilt() const
{
    return m_title != nullptr;
}

void PermissionStatementCard::ensureBuilt()
{
    if (isBuilt())
        return;
    // Built hidden: every child shown inside a visible window lays out the whole window again, which made building
    // a card in a long form cost as much as all the others together.
    const bool visible = isVisible();
    if (visible)
        hide();
    m_title = new QLabel;
    m_sid = new QLineEdit;
    m_effect = new QComboBox;
    m_moveUp = toolButton(QStringLiteral("moveUpButton"), QStringLiteral("\u2191"), tr("Move the statement up"));
    m_moveDown = toolButton(QStringLiteral("moveDownButton"), QStringLiteral("\u2193"), tr("Move the statement down"));
    m_duplicate =
        toolButton(QStringLiteral("duplicateButton"), QStringLiteral("\u2750"), tr("Duplicate the statement"));
    m_remove = toolButton(QStringLiteral("removeButton"), QStringLiteral("\u2715"), tr("Remove the statement"));
    m_actionElement = new QComboBox;
    m_actions = new StringListEditor;
    m_preview = new ActionMatchPreview;
    m_resourceElement = new QComboBox;
    m_resources = new StringListEditor;
    m_arnBuilder = new QPushButton(tr("ARN builder\u2026"));
    m_condition = new ConditionEditor;
    m_hidden = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("statementTitleLabel"));
    m_sid->setObjectName(QStringLiteral("sidLineEdit"));
    m_sid->setPlaceholderText(tr("Sid (optional)"));
    m_sid->setToolTip(tr("Statement ID: letters A-Z, a-z and digits 0-9 only, unique in the policy"));
    m_effect->setObjectName(QStringLiteral("effectComboBox"));
    m_effect->addItems({ QStringLiteral("Allow"), QStringLiteral("Deny") });
    m_actionElement->setObjectName(QStringLiteral("actionElementComboBox"));
    m_actionElement->addItems({ QStringLiteral("Action"), QStringLiteral("NotAction") });
    m_actionElement->setToolTip(tr("NotAction matches every action except those listed"));
    m_actions->setObjectName(QStringLiteral("actionListEditor"));
    m_actions->setPlaceholderText(tr("service:Action, e.g. s3:GetObject or s3:Get*"));
    m_actions->setCompletionModel(doc::ActionCompletionModel::instance());
    if (m_actionNote)
        m_actions->setValueNote(m_actionNote);
    m_resourceElement->setObjectName(QStringLiteral("resourceElementComboBox"));
    m_resourceElement->addItems({ QStringLiteral("Resource"), QStringLiteral("NotResource") });
    m_resourceElement->setToolTip(tr("NotResource matches every resource except those listed"));
    m_resources->setObjectName(QStringLiteral("resourceListEditor"));
    m_resources->setPlaceholderText(tr("ARN, e.g. arn:aws:s3:::my-bucket/* or *"));
    m_arnBuilder->setObjectName(QStringLiteral("arnBuilderButton"));
    m_arnBuilder->setToolTip(tr("Build an ARN from the resource types of the statement's actions"));
    m_condition->setObjectName(QStringLiteral("conditionEditor"));
    m_hidden->setObjectName(QStringLiteral("hiddenElementsLabel"));
    m_hidden->setWordWrap(true);
    m_hidden->setTextFormat(Qt::PlainText);
    m_hidden->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_sid, 1);
    header->addWidget(m_effect);
    header->addSpacing(12);
    header->addWidget(m_moveUp);
    header->addWidget(m_moveDown);
    header->addWidget(m_duplicate);
    header->addWidget(m_remove);

    auto *resourceColumn = new QVBoxLayout;
    resourceColumn->setContentsMargins(0, 0, 0, 0);
    resourceColumn->addWidget(m_resources);
    resourceColumn->addWidget(m_arnBuilder, 0, Qt::AlignLeft);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->addWidget(m_actionElement, 0, 0, Qt::AlignTop);
    grid->addWidget(m_actions, 0, 1);
    grid->addWidget(m_preview, 1, 1);
    grid->addWidget(m_resourceElement, 2, 0, Qt::AlignTop);
    grid->addLayout(resourceColumn, 2, 1);
    auto *conditionLabel = new QLabel(tr("Condition"));
    grid->addWidget(conditionLabel, 3, 0, Qt::AlignTop);
    grid->addWidget(m_condition, 3, 1);

    delete m_summary;
    m_summary = nullptr;
    m_layout->addLayout(header);
    m_layout->addLayout(grid);
    m_layout->addWidget(m_hidden);

    connect(m_sid, &QLineEdit::textEdited, this, &PermissionStatementCard::sidEdited);
    connect(m_effect, &QComboBox::activated, this, &PermissionStatementCard::effectActivated);
    connect(m_actionElement, &QComboBox::activated, this, [this](int row) { elementActivated(true, row); });
    connect(m_resourceElement, &QComboBox::activated, this, [this](int row) { elementActivated(false, row); });
    connect(m_actions, &StringListEditor::valuesEdited, this,
        [this](const QStringList &values, int row) { listEdited(true, values, row); });
    connect(m_resources, &StringListEditor::valuesEdited, this,
        [this](const QStringList &values, int row) { listEdited(false, values, row); });
    connect(m_condition, &ConditionEditor::conditionEdited, this,
        [this](const std::optional<core::ConditionBlock> &condition, const QString &undoText, const QString &mergeKey) {
            if (m_updating || m_readOnly)
                return;
            m_statement.condition = condition;
            Edit::syncOrder(m_statement);
            emitEdited(
                undoText.isEmpty() ? tr("Edit condition") : undoText, mergeKey.isEmpty() ? QString() : key(mergeKey));
        });
    connect(m_arnBuilder, &QPushButton::clicked, this, [this] { Q_EMIT arnBuilderRequested(m_index); });
    connect(m_moveUp, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(m_index, m_index - 1); });
    connect(m_moveDown, &QToolButton::clicked, this, [this] { Q_EMIT moveRequested(m_index, m_index + 1); });
    connect(m_duplicate, &QToolButton::clicked, this, [this] { Q_EMIT duplicateRequested(m_index); });
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(m_index); });

    setMinimumHeight(0);
    const core::Statement statement = m_statement;
    setStatement(m_index, m_count, statement);
    setReadOnly(m_readOnly);
    if (visible)
        show();
}

PermissionStatementCard::~PermissionStatementCard() = default;

bool PermissionStatementCard::isValidSid(const QString &sid)
{
    return std::all_of(sid.begin(), sid.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    });
}

void PermissionStatementCard::setStatement(int index, int count, const core::Statement &statement)
{
    m_updating = true;
    m_index = index;
    m_count = count;
    m_statement = statement;
    for (StatementElement element : { StatementElement::Action, StatementElement::NotAction, StatementElement::Resource,
             StatementElement::NotResource }) {
        if (!*Edit::stringListField(m_statement, element))
            created(element) = false;
    }
    // The switches show the element the statement has; with neither (or both), they keep the user's choice.
    if (m_statement.action.has_value() != m_statement.notAction.has_value())
        m_notAction = m_statement.notAction.has_value();
    if (m_statement.resource.has_value() != m_statement.notResource.has_value())
        m_notResource = m_statement.notResource.has_value();
    setObjectName(QStringLiteral("statementCard%1").arg(index));
    if (!isBuilt()) {
        showSummary();
        m_updating = false;
        return;
    }
    m_title->setText(tr("Statement %1").arg(index + 1));
    const QString sid = statement.sid ? doc::toQString(statement.sid->value) : QString();
    setTextKeepingCursor(m_sid, sid);
    m_lastSid = m_sid->text();
    showSidState();
    showEffect();
    showLists();
    if (!Edit::sameCondition(m_condition->condition(), statement.condition))
        m_condition->setCondition(statement.condition);
    showHiddenElements();
    m_moveUp->setEnabled(!m_readOnly && index > 0);
    m_moveDown->setEnabled(!m_readOnly && index + 1 < count);
    m_updating = false;
}

void PermissionStatementCard::showSummary()
{
    // What the card will show, in one line, and about the height it will take, so that the scroll bar is close to
    // right before the card is built.
    const QStringList actions = Edit::values(*Edit::stringListField(m_statement, actionElement()));
    const QStringList resources = Edit::values(*Edit::stringListField(m_statement, resourceElement()));
    QStringList parts { tr("Statement %1").arg(m_index + 1) };
    if (m_statement.sid)
        parts.append(doc::toQString(m_statement.sid->value));
    if (m_statement.effect)
        parts.append(doc::toQString(m_statement.effect->value));
    parts.append(actions.join(QStringLiteral(", ")));
    parts.append(resources.join(QStringLiteral(", ")));
    m_summary->setText(parts.join(QStringLiteral(" \u00b7 ")));
    const int line = fontMetrics().height() + 10;
    std::size_t conditions = 0;
    if (m_statement.condition) {
        for (const core::ConditionClause &clause : m_statement.condition->clauses)
            conditions += clause.entries.size();
    }
    const auto rows = [](qsizetype n) { return static_cast<int>(std::max<qsizetype>(n, 1)); };
    const int estimate = line
        * (1 + rows(actions.size()) + 1 + static_cast<int>(actions.size()) + rows(resources.size()) + 2
            + 2 * static_cast<int>(conditions) + 1);
    setMinimumHeight(estimate);
}

void PermissionStatementCard::setActionNote(std::function<QString(const QString &)> note)
{
    m_actionNote = std::move(note);
    if (m_actions)
        m_actions->setValueNote(m_actionNote);
}

void PermissionStatementCard::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (!isBuilt())
        return;
    m_sid->setReadOnly(readOnly);
    m_effect->setEnabled(!readOnly);
    m_actionElement->setEnabled(!readOnly);
    m_resourceElement->setEnabled(!readOnly);
    m_actions->setReadOnly(readOnly);
    m_resources->setReadOnly(readOnly);
    m_condition->setReadOnly(readOnly);
    m_arnBuilder->setEnabled(!readOnly);
    m_duplicate->setEnabled(!readOnly);
    m_remove->setEnabled(!readOnly);
    m_moveUp->setEnabled(!readOnly && m_index > 0);
    m_moveDown->setEnabled(!readOnly && m_index + 1 < m_count);
}

QStringList PermissionStatementCard::actionValues() const
{
    return actionElement() == StatementElement::Action ? Edit::values(m_statement.action) : QStringList();
}

void PermissionStatementCard::insertResource(const QString &arn)
{
    const QString value = arn.trimmed();
    if (m_readOnly || value.isEmpty())
        return;
    const StatementElement element = resourceElement();
    std::optional<core::StringList> *field = Edit::stringListField(m_statement, element);
    QStringList values = Edit::values(*field);
    if (values.contains(value))
        return;
    values.append(value);
    if (!*field)
        created(element) = true;
    Edit::setStringList(*field, values);
    Edit::syncOrder(m_statement);
    if (isBuilt()) {
        m_updating = true;
        m_resources->setValues(values);
        m_updating = false;
    } else {
        showSummary();
    }
    emitEdited(tr("Insert ARN"), QString());
}

core::StatementElement PermissionStatementCard::actionElement() const
{
    return m_notAction ? StatementElement::NotAction : StatementElement::Action;
}

core::StatementElement PermissionStatementCard::resourceElement() const
{
    return m_notResource ? StatementElement::NotResource : StatementElement::Resource;
}

bool &PermissionStatementCard::created(core::StatementElement element)
{
    switch (element) {
    case StatementElement::NotAction:
        return m_created[1];
    case StatementElement::Resource:
        return m_created[2];
    case StatementElement::NotResource:
        return m_created[3];
    default:
        return m_created[0];
    }
}

QString PermissionStatementCard::key(const QString &field) const
{
    return QStringLiteral("perm/stmt/%1/%2").arg(m_index).arg(field);
}

void PermissionStatementCard::emitEdited(const QString &undoText, const QString &mergeKey)
{
    Q_EMIT statementEdited(m_index, m_statement, undoText, mergeKey);
}

void PermissionStatementCard::sidEdited(const QString &typed)
{
    if (m_updating || m_readOnly)
        return;
    QString text = typed;
    // IAM User Guide, "IAM JSON policy elements: Sid": only A-Z, a-z and 0-9. Characters outside that set are
    // dropped as they are typed or pasted; a Sid that came from the JSON text with such characters is shown as
    // it is (and flagged) until the user fixes it.
    if (!isValidSid(text) && isValidSid(m_lastSid)) {
        int cursor = m_sid->cursorPosition();
        QString kept;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (isValidSid(text.at(i)))
                kept.append(text.at(i));
            else if (i < cursor)
                --cursor;
        }
        text = kept;
        m_sid->setText(text);
        m_sid->setCursorPosition(cursor);
        if (text == m_lastSid)
            return;
    }
    m_lastSid = text;
    showSidState();
    if (text.isEmpty())
        m_statement.sid.reset();
    else
        m_statement.sid = core::PolicyString { doc::toStdString(text),
            m_statement.sid ? m_statement.sid->range : core::SourceRange {} };
    Edit::syncOrder(m_statement);
    emitEdited(tr("Edit statement ID"), key(QStringLiteral("sid")));
}

void PermissionStatementCard::showSidState()
{
    const bool valid = isValidSid(m_sid->text());
    m_sid->setProperty("invalid", !valid);
    m_sid->setStyleSheet(valid ? QString() : QStringLiteral("QLineEdit { color: #c62828; }"));
    m_sid->setToolTip(valid ? tr("Statement ID: letters A-Z, a-z and digits 0-9 only, unique in the policy")
                            : tr("IAM allows only the letters A-Z, a-z and the digits 0-9 in the Sid of an identity "
                                 "policy (IAM User Guide, \"IAM JSON policy elements: Sid\")"));
}

void PermissionStatementCard::showEffect()
{
    // Allow and Deny are the only values (compared case-sensitively); anything else from the text is shown as a
    // third entry until the user picks one of them.
    const std::optional<core::Effect> effect = m_statement.effectValue();
    const QString other = !m_statement.effect ? tr("(no Effect)") : doc::toQString(m_statement.effect->value);
    if (effect) {
        if (m_effect->count() > 2)
            m_effect->removeItem(2);
        m_effect->setCurrentIndex(*effect == core::Effect::Allow ? kAllowRow : kDenyRow);
        return;
    }
    if (m_effect->count() > 2)
        m_effect->setItemText(2, other);
    else
        m_effect->addItem(other);
    m_effect->setCurrentIndex(2);
}

void PermissionStatementCard::effectActivated(int row)
{
    if (m_updating || m_readOnly || (row != kAllowRow && row != kDenyRow))
        return;
    const std::string value = row == kAllowRow ? "Allow" : "Deny";
    if (m_statement.effect && m_statement.effect->value == value)
        return;
    m_statement.effect = core::PolicyString { value, {} };
    Edit::syncOrder(m_statement);
    showEffect();
    emitEdited(row == kAllowRow ? tr("Set effect to Allow") : tr("Set effect to Deny"), QString());
}

void PermissionStatementCard::elementActivated(bool actions, int row)
{
    if (m_updating || m_readOnly)
        return;
    const StatementElement plain = actions ? StatementElement::Action : StatementElement::Resource;
    const StatementElement negated = actions ? StatementElement::NotAction : StatementElement::NotResource;
    const StatementElement from = row == kNotRow ? plain : negated;
    const StatementElement to = row == kNotRow ? negated : plain;
    (actions ? m_notAction : m_notResource) = row == kNotRow;
    if (!*Edit::stringListField(m_statement, from) || *Edit::stringListField(m_statement, to)) {
        // Nothing to move (an empty statement, or both elements present): the choice applies to what is typed next.
        showLists();
        return;
    }
    Edit::switchElement(m_statement, from, to);
    std::swap(created(from), created(to));
    showLists();
    emitEdited(tr("Use %1").arg(doc::toQString(core::statementElementName(to))), QString());
}

void PermissionStatementCard::listEdited(bool actions, const QStringList &values, int row)
{
    if (m_updating || m_readOnly)
        return;
    const StatementElement element = actions ? actionElement() : resourceElement();
    std::optional<core::StringList> &field = *Edit::stringListField(m_statement, element);
    const std::optional<core::StringList> before = field;
    Edit::setStringList(field, values);
    if (!before && field)
        created(element) = true;
    if (values.isEmpty() && created(element)) {
        // The user typed into a list the statement did not have and cleared it again: leave it out.
        field.reset();
        created(element) = false;
    }
    // An empty row added or removed, or a space typed, changes nothing in the policy: no edit to undo.
    if (before.has_value() == field.has_value()
        && (!field || (before->isArray == field->isArray && Edit::values(before) == Edit::values(field))))
        return;
    Edit::syncOrder(m_statement);
    if (actions) {
        m_preview->setActions(Edit::values(*Edit::stringListField(m_statement, element)));
        std::vector<std::string> conditionActions = toStdStrings(actionValues());
        if (conditionActions != m_conditionActions) {
            m_conditionActions = std::move(conditionActions);
            m_condition->setActions(m_conditionActions);
        }
    }
    const QString undoText = tr("Edit %1").arg(doc::toQString(core::statementElementName(element)));
    emitEdited(undoText, row >= 0 ? key(QStringLiteral("%1/%2").arg(fieldName(element)).arg(row)) : QString());
}

void PermissionStatementCard::showLists()
{
    m_actionElement->setCurrentIndex(m_notAction ? kNotRow : kPlainRow);
    m_resourceElement->setCurrentIndex(m_notResource ? kNotRow : kPlainRow);
    const QStringList actionList = Edit::values(*Edit::stringListField(m_statement, actionElement()));
    if (m_actions->values() != actionList)
        m_actions->setValues(actionList);
    m_preview->setActions(actionList);
    const QStringList resourceList = Edit::values(*Edit::stringListField(m_statement, resourceElement()));
    if (m_resources->values() != resourceList)
        m_resources->setValues(resourceList);
    std::vector<std::string> conditionActions = toStdStrings(actionValues());
    if (conditionActions != m_conditionActions) {
        m_conditionActions = std::move(conditionActions);
        m_condition->setActions(m_conditionActions);
    }
}

void PermissionStatementCard::showHiddenElements()
{
    QStringList names;
    if (m_statement.principal)
        names.append(QStringLiteral("Principal"));
    if (m_statement.notPrincipal)
        names.append(QStringLiteral("NotPrincipal"));
    if (m_statement.action && m_statement.notAction)
        names.append(
            actionElement() == StatementElement::Action ? QStringLiteral("NotAction") : QStringLiteral("Action"));
    if (m_statement.resource && m_statement.notResource)
        names.append(resourceElement() == StatementElement::Resource ? QStringLiteral("NotResource")
                                                                     : QStringLiteral("Resource"));
    for (const core::ExtraElement &extra : m_statement.extras)
        names.append(doc::toQString(extra.name.value));
    m_hidden->setText(names.isEmpty()
            ? QString()
            : tr("Also in the JSON and kept as written: %1").arg(names.join(QStringLiteral(", "))));
    m_hidden->setVisible(!names.isEmpty());
}

} // namespace rd::ui
