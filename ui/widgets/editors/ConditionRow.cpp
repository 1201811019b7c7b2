// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ConditionRow.h"

#include "document/StringConversion.h"
#include "rd/core/base/DateTime.h"
#include "rd/core/base/IpRange.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "widgets/editors/StringListEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace rd::ui
{

namespace
{

constexpr int kUnknownOperator = -1;

QString checkIpAddress(const QString &text)
{
    // IAM User Guide, "IP address condition operators": an IPv4 or IPv6 address or range in RFC 4632 CIDR notation.
    if (core::IpRange::parse(doc::toStdString(text)))
        return {};
    return ConditionRow::tr("Not an IPv4 or IPv6 address or CIDR block (such as 203.0.113.0/24 or 2001:db8::/32)");
}

QString checkNumber(const QString &text)
{
    // IAM User Guide, "Numeric condition operators": integers and decimal numbers.
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok && std::isfinite(value))
        return {};
    return ConditionRow::tr("Not a number");
}

QString checkDate(const QString &text)
{
    // IAM User Guide, "Date condition operators": W3C ISO 8601 dates or epoch (UNIX) time.
    if (core::parseDateTime(doc::toStdString(text)))
        return {};
    return ConditionRow::tr("Not an ISO 8601 date (2026-01-01T00:00:00Z) or epoch time");
}

QString checkBool(const QString &text)
{
    // IAM User Guide, "Boolean condition operators": true or false.
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
        || text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return {};
    return ConditionRow::tr("Not true or false");
}

std::optional<core::ConditionFamily> familyOfKeyType(core::ConditionKeyType type)
{
    switch (type) {
    case core::ConditionKeyType::String:
        return core::ConditionFamily::String;
    case core::ConditionKeyType::Numeric:
        return core::ConditionFamily::Numeric;
    case core::ConditionKeyType::Date:
        return core::ConditionFamily::Date;
    case core::ConditionKeyType::Bool:
        return core::ConditionFamily::Bool;
    case core::ConditionKeyType::Arn:
        return core::ConditionFamily::Arn;
    case core::ConditionKeyType::IpAddress:
        return core::ConditionFamily::IpAddress;
    case core::ConditionKeyType::Binary:
        return core::ConditionFamily::Binary;
    case core::ConditionKeyType::Unknown:
        break;
    }
    return std::nullopt;
}

} // namespace

ConditionRow::ConditionRow(QWidget *parent)
    : QWidget(parent)
    , m_operator(new QComboBox)
    , m_qualifier(new QComboBox)
    , m_ifExists(new QCheckBox(tr("If exists")))
    , m_key(new QComboBox)
    , m_values(new StringListEditor)
    , m_date(new QDateTimeEdit)
    , m_bool(new QComboBox)
    , m_remove(new QToolButton)
{
    m_operator->setObjectName(QStringLiteral("conditionOperatorCombo"));
    m_operator->setMinimumContentsLength(12);
    m_operator->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_operator->setToolTip(
        tr("Condition operator (IAM User Guide, \"IAM JSON policy elements: Condition operators\")"));
    for (int i = 0; i <= static_cast<int>(core::ConditionOperator::Null); ++i) {
        const auto op = static_cast<core::ConditionOperator>(i);
        m_operator->addItem(doc::toQString(core::conditionOperatorName(op)), i);
    }
    m_qualifier->setObjectName(QStringLiteral("conditionQualifierCombo"));
    m_qualifier->setToolTip(tr("For keys with several values in a request: whether any or all of them must match"));
    m_qualifier->addItem(tr("Single value"), static_cast<int>(core::SetQualifier::None));
    m_qualifier->addItem(QStringLiteral("ForAnyValue"), static_cast<int>(core::SetQualifier::ForAnyValue));
    m_qualifier->addItem(QStringLiteral("ForAllValues"), static_cast<int>(core::SetQualifier::ForAllValues));
    m_qualifier->hide();
    m_ifExists->setObjectName(QStringLiteral("conditionIfExistsCheckBox"));
    m_ifExists->setToolTip(tr("Also true when the request does not have the key"));
    m_key->setObjectName(QStringLiteral("conditionKeyCombo"));
    m_key->setEditable(true);
    m_key->setInsertPolicy(QComboBox::NoInsert);
    // Narrow enough to sit in a trust card beside the JSON text at the default window size; the key's field takes
    // whatever width the row has, and the operator's list shows the names whole.
    m_key->setMinimumContentsLength(12);
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_key->lineEdit()->setPlaceholderText(tr("Condition key, such as aws:SourceIp"));
    auto *completer = new QCompleter(m_key->model(), m_key);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_key->setCompleter(completer);
    m_values->setObjectName(QStringLiteral("conditionValuesEditor"));
    m_values->setPlaceholderText(tr("Value"));
    m_date->setObjectName(QStringLiteral("conditionDateEdit"));
    m_date->setTimeSpec(Qt::UTC);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_date->setCalendarPopup(true);
    m_date->setToolTip(tr("Pick the first value's date and time (UTC); the list below takes any ISO 8601 text"));
    m_date->setDateTime(QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC));
    m_date->hide();
    m_bool->setObjectName(QStringLiteral("conditionBoolCombo"));
    m_bool->addItem(QStringLiteral("true"));
    m_bool->addItem(QStringLiteral("false"));
    m_bool->setCurrentIndex(-1);
    m_bool->hide();
    m_remove->setObjectName(QStringLiteral("removeConditionButton"));
    m_remove->setText(QStringLiteral("\u2715"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_remove->setAccessibleName(tr("Remove condition"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_qualifier);
    top->addWidget(m_operator);
    top->addWidget(m_ifExists);
    top->addWidget(m_key, 1);
    top->addWidget(m_remove);
    auto *valueLine = new QHBoxLayout;
    valueLine->setContentsMargins(16, 0, 0, 0);
    auto *valueColumn = new QVBoxLayout;
    valueColumn->setContentsMargins(0, 0, 0, 0);
    valueColumn->addWidget(m_date);
    valueColumn->addWidget(m_bool);
    valueColumn->addWidget(m_values);
    valueLine->addLayout(valueColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(valueLine);

    auto operatorGesture = [this] {
        if (m_updating)
            return;
        m_operatorChosen = true;
        updateMode();
        updateQualifierVisibility();
        Q_EMIT operatorEdited();
    };
    connect(m_operator, &QComboBox::activated, this, [this, operatorGesture] {
        const bool isNull = m_operator->currentData().toInt() == static_cast<int>(core::ConditionOperator::Null);
        m_ifExists->setEnabled(!m_readOnly && !isNull && m_operator->currentData().toInt() != kUnknownOperator);
        if (isNull)
            m_ifExists->setChecked(false); // IAM does not accept NullIfExists.
        operatorGesture();
    });
    connect(m_qualifier, &QComboBox::activated, this, operatorGesture);
    connect(m_ifExists, &QCheckBox::clicked, this, operatorGesture);
    connect(m_key, &QComboBox::editTextChanged, this, [this] {
        if (m_updating)
            return;
        updateMode();
        updateQualifierVisibility();
        Q_EMIT keyEdited();
    });
    connect(m_values, &StringListEditor::valuesEdited, this, [this](const QStringList &values, int row) {
        m_texts = values;
        Q_EMIT valuesEdited(row >= 0);
    });
    connect(m_date, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &dateTime) {
        if (m_updating || m_readOnly)
            return;
        const QString text = dateTime.toUTC().toString(Qt::ISODate);
        if (m_texts.isEmpty())
            m_texts.append(text);
        else
            m_texts[0] = text;
        m_values->setValues(m_texts);
        Q_EMIT valuesEdited(true);
    });
    connect(m_bool, &QComboBox::activated, this, [this] {
        if (m_updating)
            return;
        m_texts = QStringList { m_bool->currentText() };
        Q_EMIT valuesEdited(false);
    });
    connect(m_remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
}

void ConditionRow::setKeys(const QStringList &keys)
{
    m_updating = true;
    const QString text = m_key->currentText();
    const int position = m_key->lineEdit()->cursorPosition();
    m_key->clear();
    m_key->addItems(keys);
    m_key->setCurrentIndex(-1);
    m_key->setEditText(text);
    m_key->lineEdit()->setCursorPosition(position);
    m_updating = false;
}

void ConditionRow::setEntry(const std::string &op, const core::ConditionEntry &entry)
{
    m_updating = true;
    if (op != m_op || m_op.empty())
        showOperator(op);
    m_op = op;
    const QString key = doc::toQString(entry.key.value);
    if (m_key->currentText() != key) {
        m_key->setEditText(key);
        if (entry.key.value.empty())
            m_operatorChosen = false;
    }
    QStringList texts;
    for (const core::ConditionValue &value : entry.values)
        texts.append(doc::toQString(value.text));
    m_updating = false;
    updateQualifierVisibility();
    if (texts != m_texts)
        setValueTexts(texts);
    updateMode();
}

void ConditionRow::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_operator->setEnabled(!readOnly);
    m_qualifier->setEnabled(!readOnly);
    const int op = m_operator->currentData().toInt();
    m_ifExists->setEnabled(
        !readOnly && op != kUnknownOperator && op != static_cast<int>(core::ConditionOperator::Null));
    m_key->setEnabled(!readOnly);
    m_values->setReadOnly(readOnly);
    m_date->setReadOnly(readOnly);
    m_bool->setEnabled(!readOnly);
    m_remove->setVisible(!readOnly);
}

QString ConditionRow::operatorText() const
{
    const std::optional<core::ConditionOperatorSpec> spec = composedSpec();
    if (!spec)
        return m_unknownOp;
    QString text;
    if (spec->qualifier == core::SetQualifier::ForAnyValue)
        text = QStringLiteral("ForAnyValue:");
    else if (spec->qualifier == core::SetQualifier::ForAllValues)
        text = QStringLiteral("ForAllValues:");
    text += doc::toQString(core::conditionOperatorName(spec->op));
    if (spec->ifExists)
        text += QStringLiteral("IfExists");
    return text;
}

QString ConditionRow::key() const
{
    return m_key->currentText().trimmed();
}

QStringList ConditionRow::values() const
{
    return m_texts;
}

bool ConditionRow::keyHasFocus() const
{
    return m_key->lineEdit()->hasFocus();
}

int ConditionRow::keyCursorPosition() const
{
    return m_key->lineEdit()->cursorPosition();
}

void ConditionRow::focusKey(int cursorPosition)
{
    m_key->lineEdit()->setFocus(Qt::OtherFocusReason);
    m_key->lineEdit()->setCursorPosition(cursorPosition);
}

void ConditionRow::showOperator(const std::string &op)
{
    const std::optional<core::ConditionOperatorSpec> spec = core::parseConditionOperator(op);
    const bool hasUnknownItem = m_operator->count() > 0 && m_operator->itemData(0).toInt() == kUnknownOperator;
    if (!spec) {
        m_unknownOp = doc::toQString(op);
        if (hasUnknownItem)
            m_operator->setItemText(0, m_unknownOp);
        else
            m_operator->insertItem(0, m_unknownOp, kUnknownOperator);
        m_operator->setItemData(0, tr("Not a condition operator IAM knows"), Qt::ToolTipRole);
        m_operator->setCurrentIndex(0);
        m_qualifier->setCurrentIndex(0);
        m_ifExists->setChecked(false);
        m_ifExists->setEnabled(false);
        return;
    }
    if (hasUnknownItem)
        m_operator->removeItem(0);
    m_unknownOp.clear();
    m_operator->setCurrentIndex(m_operator->findData(static_cast<int>(spec->op)));
    m_qualifier->setCurrentIndex(m_qualifier->findData(static_cast<int>(spec->qualifier)));
    m_ifExists->setChecked(spec->ifExists);
    m_ifExists->setEnabled(!m_readOnly && spec->op != core::ConditionOperator::Null);
}

std::optional<core::ConditionOperatorSpec> ConditionRow::composedSpec() const
{
    const int op = m_operator->currentData().toInt();
    if (op == kUnknownOperator || op < 0 || op > static_cast<int>(core::ConditionOperator::Null))
        return std::nullopt;
    core::ConditionOperatorSpec spec;
    spec.op = static_cast<core::ConditionOperator>(op);
    spec.qualifier = static_cast<core::SetQualifier>(m_qualifier->currentData().toInt());
    spec.ifExists = m_ifExists->isChecked() && spec.op != core::ConditionOperator::Null;
    return spec;
}

void ConditionRow::updateMode()
{
    std::optional<core::ConditionFamily> family;
    if (const std::optional<core::ConditionOperatorSpec> spec = composedSpec())
        family = core::conditionFamily(spec->op);
    else if (const core::ConditionKeyInfo *info = core::ServiceCatalog::builtin().conditionKey(doc::toStdString(key())))
        family = familyOfKeyType(info->type);

    const bool boolean = family == core::ConditionFamily::Bool || family == core::ConditionFamily::Null;
    // A true/false combo holds one value: several values stay in the list, where none is lost.
    ValueMode mode = ValueMode::List;
    if (boolean && m_texts.size() <= 1)
        mode = ValueMode::Bool;
    else if (family == core::ConditionFamily::Date)
        mode = ValueMode::Date;

    const int familyIndex = family ? static_cast<int>(*family) : -2;
    if (familyIndex != m_checkedFamily) {
        m_checkedFamily = familyIndex;
        if (family == core::ConditionFamily::IpAddress)
            m_values->setValueCheck(checkIpAddress);
        else if (family == core::ConditionFamily::Numeric)
            m_values->setValueCheck(checkNumber);
        else if (family == core::ConditionFamily::Date)
            m_values->setValueCheck(checkDate);
        else if (boolean)
            m_values->setValueCheck(checkBool);
        else
            m_values->setValueCheck({});
    }
    if (mode != m_mode) {
        m_mode = mode;
        setValueTexts(m_texts);
    }
    m_values->setVisible(mode != ValueMode::Bool);
    m_date->setVisible(mode == ValueMode::Date);
    m_bool->setVisible(mode == ValueMode::Bool);
}

void ConditionRow::updateQualifierVisibility()
{
    const core::ConditionKeyInfo *info = core::ServiceCatalog::builtin().conditionKey(doc::toStdString(key()));
    const bool multivalued = info && info->multivalued;
    m_qualifier->setVisible(multivalued || m_qualifier->currentIndex() > 0);
}

void ConditionRow::setValueTexts(const QStringList &texts)
{
    m_updating = true;
    m_texts = texts;
    m_values->setValues(texts);
    if (!texts.isEmpty()) {
        if (const std::optional<double> seconds = core::parseDateTime(doc::toStdString(texts.front()))) {
            const QDateTime when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(*seconds * 1000.0), Qt::UTC);
            if (m_date->dateTime() != when)
                m_date->setDateTime(when);
        }
    }
    const QString boolText = texts.isEmpty() ? QString() : texts.front();
    if (m_bool->currentText() != boolText || (boolText.isEmpty() && m_bool->currentIndex() >= 0)) {
        // Keep the combo to true and false plus the odd value written in the text, so that nothing is hidden.
        while (m_bool->count() > 2)
            m_bool->removeItem(2);
        int index = boolText.isEmpty() ? -1 : m_bool->findText(boolText);
        if (index < 0 && !boolText.isEmpty()) {
            m_bool->addItem(boolText);
            index = 2;
        }
        m_bool->setCurrentIndex(index);
    }
    m_updating = false;
}

} // namespace rd::ui
