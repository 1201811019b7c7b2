// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ConditionEditor.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/policy/ConditionBlockEdit.h"
#include "rd/core/policy/ConditionOperator.h"
#include "widgets/editors/ConditionRow.h"

#include <QPushButton>
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

/// Whether two operator texts name the same operator (IAM reads operator names without regard to case).
bool sameOperator(const std::string &a, const std::string &b)
{
    return core::sameConditionOperator(a, b);
}

/// The operator a new row gets when the user picks a key of this type, so that the value editor fits the key
/// (IAM User Guide, "Condition operators": each key type has its family of operators).
std::optional<std::string> operatorForKeyType(core::ConditionKeyType type)
{
    switch (type) {
    case core::ConditionKeyType::Bool:
        return "Bool";
    case core::ConditionKeyType::IpAddress:
        return "IpAddress";
    case core::ConditionKeyType::Date:
        return "DateLessThan";
    case core::ConditionKeyType::Numeric:
        return "NumericLessThan";
    case core::ConditionKeyType::Arn:
        return "ArnLike";
    case core::ConditionKeyType::String:
    case core::ConditionKeyType::Binary:
    case core::ConditionKeyType::Unknown:
        break;
    }
    return std::nullopt;
}

std::vector<core::ConditionValue> valuesFrom(const QStringList &texts, const std::vector<core::ConditionValue> &old)
{
    std::vector<core::ConditionValue> values;
    values.reserve(static_cast<std::size_t>(texts.size()));
    for (int i = 0; i < texts.size(); ++i) {
        const std::string text = doc::toStdString(texts[i]);
        // A value that did not change keeps how it was written (a JSON boolean or number stays one).
        if (static_cast<std::size_t>(i) < old.size() && old[static_cast<std::size_t>(i)].text == text)
            values.push_back(old[static_cast<std::size_t>(i)]);
        else
            values.push_back(core::ConditionValue { core::ConditionValue::Kind::String, text, {} });
    }
    return values;
}

/// Moves entry `e` of clause `c` under the operator `op`: into the clause that has it already (merging values into an
/// entry with the same key, since a JSON object cannot hold a key twice), else by renaming a clause that holds only
/// this entry, else into a new clause next to the old one. Returns the entry's new (clause, entry) place.
std::pair<std::size_t, std::size_t> moveEntry(
    core::ConditionBlock &block, std::size_t c, std::size_t e, const std::string &op)
{
    std::optional<std::size_t> target;
    for (std::size_t i = 0; i < block.clauses.size() && !target; ++i) {
        if (i != c && block.clauses[i].op.value == op)
            target = i;
    }
    for (std::size_t i = 0; i < block.clauses.size() && !target; ++i) {
        if (i != c && sameOperator(block.clauses[i].op.value, op))
            target = i;
    }
    if (!target && block.clauses[c].entries.size() == 1) {
        block.clauses[c].op.value = op;
        return { c, 0 };
    }
    core::ConditionEntry entry = std::move(block.clauses[c].entries[e]);
    const bool wasLast = e + 1 == block.clauses[c].entries.size();
    block.clauses[c].entries.erase(block.clauses[c].entries.begin() + static_cast<std::ptrdiff_t>(e));
    if (!target) {
        core::ConditionClause clause;
        clause.op.value = op;
        clause.entries.push_back(std::move(entry));
        const std::size_t at = (e == 0 && !wasLast) ? c : c + 1;
        block.clauses.insert(block.clauses.begin() + static_cast<std::ptrdiff_t>(at), std::move(clause));
        return { at, 0 };
    }
    std::size_t t = *target;
    if (block.clauses[c].entries.empty()) {
        block.clauses.erase(block.clauses.begin() + static_cast<std::ptrdiff_t>(c));
        if (t > c)
            --t;
    }
    auto &entries = block.clauses[t].entries;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!equalsIgnoringCase(entries[i].key.value, entry.key.value))
            continue;
        for (core::ConditionValue &value : entry.values) {
            const bool present = std::any_of(entries[i].values.begin(), entries[i].values.end(),
                [&](const core::ConditionValue &v) { return v.text == value.text; });
            if (!present)
                entries[i].values.push_back(std::move(value));
        }
        entries[i].isArray = entries[i].values.size() != 1;
        return { t, i };
    }
    entries.push_back(std::move(entry));
    return { t, entries.size() - 1 };
}

} // namespace

ConditionEditor::ConditionEditor(QWidget *parent)
    : QWidget(parent)
    , m_rowLayout(new QVBoxLayout)
    , m_add(new QPushButton(tr("Add condition")))
{
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(4);
    m_add->setObjectName(QStringLiteral("addConditionButton"));
    m_add->setToolTip(tr("Add a condition: an operator, a condition key and its values"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowLayout);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    connect(m_add, &QPushButton::clicked, this, &ConditionEditor::addRow);
    setActions({});
}

ConditionEditor::~ConditionEditor() = default;

void ConditionEditor::setCondition(const std::optional<core::ConditionBlock> &condition)
{
    m_block = condition;
    sync();
}

std::optional<core::ConditionBlock> ConditionEditor::condition() const
{
    return m_block;
}

void ConditionEditor::setActions(const std::vector<std::string> &actions)
{
    if (actions == m_actions && !m_keys.isEmpty())
        return;
    m_actions = actions;
    const core::ServiceCatalog &catalog = core::ServiceCatalog::builtin();
    std::set<std::string> names;
    for (const core::ConditionKeyInfo &key : catalog.globalConditionKeys())
        names.insert(key.name);
    for (const std::string &action : actions) {
        for (const auto &[service, info] : catalog.matchActions(action)) {
            names.insert(info->conditionKeys.begin(), info->conditionKeys.end());
            for (const core::ActionResourceType &type : info->resourceTypes) {
                if (const core::ResourceTypeInfo *resourceType = service->resourceType(type.name))
                    names.insert(resourceType->conditionKeys.begin(), resourceType->conditionKeys.end());
            }
        }
    }
    QStringList keys;
    keys.reserve(static_cast<qsizetype>(names.size()));
    for (const std::string &name : names)
        keys.append(doc::toQString(name));
    keys.removeDuplicates();
    std::sort(keys.begin(), keys.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    if (keys == m_keys)
        return;
    m_keys = keys;
    for (ConditionRow *row : m_rows)
        row->setKeys(m_keys);
}

void ConditionEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_add->setVisible(!readOnly);
    for (ConditionRow *row : m_rows)
        row->setReadOnly(readOnly);
}

int ConditionEditor::rowCount() const
{
    return static_cast<int>(m_rows.size());
}

ConditionRow *ConditionEditor::row(int index) const
{
    if (index < 0 || index >= rowCount())
        return nullptr;
    return m_rows[static_cast<std::size_t>(index)];
}

QStringList ConditionEditor::offeredKeys() const
{
    return m_keys;
}

void ConditionEditor::addRow()
{
    if (m_readOnly)
        return;
    // One new row at a time: a second entry with an empty key would repeat a JSON key.
    const std::vector<Position> places = positions();
    for (std::size_t i = 0; i < places.size(); ++i) {
        if (m_block->clauses[places[i].clause].entries[places[i].entry].key.value.empty()) {
            m_rows[i]->focusKey(0);
            return;
        }
    }
    core::ConditionBlock block = m_block.value_or(core::ConditionBlock {});
    core::ConditionEntry entry;
    entry.isArray = true;
    std::size_t clause = block.clauses.size();
    for (std::size_t i = 0; i < block.clauses.size(); ++i) {
        if (block.clauses[i].op.value == "StringEquals") {
            clause = i;
            break;
        }
    }
    if (clause == block.clauses.size()) {
        core::ConditionClause added;
        added.op.value = "StringEquals";
        block.clauses.push_back(std::move(added));
    }
    block.clauses[clause].entries.push_back(std::move(entry));
    m_block = std::move(block);
    sync();
    const std::vector<Position> after = positions();
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (after[i].clause == clause && after[i].entry + 1 == m_block->clauses[clause].entries.size())
            m_rows[i]->focusKey(0);
    }
    Q_EMIT conditionEdited(m_block, tr("Add condition"), QString());
}

void ConditionEditor::addEntry(
    core::ConditionBlock &block, const std::string &op, const std::string &key, const std::vector<std::string> &values)
{
    core::addConditionEntry(block, op, key, values);
}

std::vector<ConditionEditor::Position> ConditionEditor::positions() const
{
    std::vector<Position> result;
    if (!m_block)
        return result;
    for (std::size_t c = 0; c < m_block->clauses.size(); ++c) {
        for (std::size_t e = 0; e < m_block->clauses[c].entries.size(); ++e)
            result.push_back(Position { c, e });
    }
    return result;
}

void ConditionEditor::sync()
{
    const std::vector<Position> places = positions();
    while (m_rows.size() > places.size()) {
        ConditionRow *removed = m_rows.back();
        m_rows.pop_back();
        removed->hide();
        removed->deleteLater();
    }
    while (m_rows.size() < places.size()) {
        ConditionRow *added = makeRow();
        m_rowLayout->addWidget(added);
        m_rows.push_back(added);
    }
    for (std::size_t i = 0; i < places.size(); ++i) {
        const core::ConditionClause &clause = m_block->clauses[places[i].clause];
        m_rows[i]->setEntry(clause.op.value, clause.entries[places[i].entry]);
    }
}

ConditionRow *ConditionEditor::makeRow()
{
    auto *row = new ConditionRow;
    row->setKeys(m_keys);
    row->setReadOnly(m_readOnly);
    connect(row, &ConditionRow::operatorEdited, this, [this, row] { rowGesture(row, Gesture::Operator); });
    connect(row, &ConditionRow::keyEdited, this, [this, row] { rowGesture(row, Gesture::Key); });
    connect(row, &ConditionRow::valuesEdited, this,
        [this, row](bool typing) { rowGesture(row, typing ? Gesture::ValuesTyping : Gesture::Values); });
    connect(row, &ConditionRow::removeRequested, this, [this, row] { removeRowAt(indexOf(row)); });
    return row;
}

int ConditionEditor::indexOf(const ConditionRow *row) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), row);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

void ConditionEditor::rowGesture(ConditionRow *row, Gesture gesture)
{
    const int index = indexOf(row);
    const std::vector<Position> places = positions();
    if (m_readOnly || index < 0 || static_cast<std::size_t>(index) >= places.size())
        return;
    const Position place = places[static_cast<std::size_t>(index)];
    core::ConditionBlock block = *m_block;
    core::ConditionClause &clause = block.clauses[place.clause];
    core::ConditionEntry &entry = clause.entries[place.entry];

    QString undoText;
    QString mergeKey;
    std::string op;
    switch (gesture) {
    case Gesture::Key: {
        const std::string key = doc::toStdString(row->key());
        if (key == entry.key.value)
            return;
        entry.key.value = key;
        undoText = tr("Edit condition key");
        mergeKey = QStringLiteral("cond/%1/key").arg(index);
        // A new row's default operator follows the key picked, until the user picks an operator.
        if (!row->operatorChosen() && entry.values.empty() && clause.op.value == "StringEquals") {
            if (const core::ConditionKeyInfo *info = core::ServiceCatalog::builtin().conditionKey(key)) {
                if (std::optional<std::string> suggested = operatorForKeyType(info->type))
                    op = *suggested;
            }
        }
        break;
    }
    case Gesture::Values:
    case Gesture::ValuesTyping: {
        const QStringList texts = row->values();
        std::vector<core::ConditionValue> values = valuesFrom(texts, entry.values);
        const bool same = values.size() == entry.values.size()
            && std::equal(values.begin(), values.end(), entry.values.begin(),
                [](const core::ConditionValue &a, const core::ConditionValue &b) { return a.text == b.text; });
        if (same)
            return;
        entry.values = std::move(values);
        // One value is written as a string, several as an array.
        entry.isArray = entry.values.size() != 1;
        undoText = tr("Edit condition values");
        if (gesture == Gesture::ValuesTyping)
            mergeKey = QStringLiteral("cond/%1/values").arg(index);
        break;
    }
    case Gesture::Operator:
        op = doc::toStdString(row->operatorText());
        undoText = tr("Change condition operator");
        break;
    }

    std::size_t newIndex = static_cast<std::size_t>(index);
    if (!op.empty() && !sameOperator(op, clause.op.value)) {
        const auto [c, e] = moveEntry(block, place.clause, place.entry, op);
        newIndex = 0;
        for (std::size_t i = 0; i < c; ++i)
            newIndex += block.clauses[i].entries.size();
        newIndex += e;
    } else if (gesture == Gesture::Operator) {
        // Same operator, differently spelled, or an unknown operator left as it was.
        return;
    }

    const bool keyFocus = row->keyHasFocus();
    const int cursor = row->keyCursorPosition();
    m_block = std::move(block);
    sync();
    if (keyFocus && newIndex != static_cast<std::size_t>(index) && newIndex < m_rows.size())
        m_rows[newIndex]->focusKey(cursor);
    Q_EMIT conditionEdited(m_block, undoText, mergeKey);
}

void ConditionEditor::removeRowAt(int index)
{
    const std::vector<Position> places = positions();
    if (m_readOnly || index < 0 || static_cast<std::size_t>(index) >= places.size())
        return;
    const Position place = places[static_cast<std::size_t>(index)];
    core::ConditionBlock block = *m_block;
    auto &entries = block.clauses[place.clause].entries;
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(place.entry));
    if (entries.empty())
        block.clauses.erase(block.clauses.begin() + static_cast<std::ptrdiff_t>(place.clause));
    // No clause left: the Condition element goes.
    if (block.clauses.empty())
        m_block.reset();
    else
        m_block = std::move(block);
    sync();
    Q_EMIT conditionEdited(m_block, tr("Remove condition"), QString());
}

} // namespace rd::ui
