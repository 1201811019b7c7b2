// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/StringListEditor.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace rd::ui
{

StringListEditor::StringListEditor(QWidget *parent)
    : QWidget(parent)
    , m_rowLayout(new QVBoxLayout)
    , m_add(new QPushButton(tr("Add")))
{
    m_rowLayout->setContentsMargins(0, 0, 0, 0);
    m_rowLayout->setSpacing(2);
    m_add->setObjectName(QStringLiteral("addValueButton"));
    m_add->setToolTip(tr("Add a value"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(m_rowLayout);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    connect(m_add, &QPushButton::clicked, this, &StringListEditor::addRow);
    setRowCount(1);
}

void StringListEditor::setValues(const QStringList &values)
{
    // Nothing to do when the rows already say it: this keeps empty rows the user just added and trailing spaces
    // being typed.
    if (this->values() == values)
        return;
    // The rows that hold a value, in order: when they are as many as the new values, each is updated in place and
    // empty rows stay where they are.
    std::vector<int> filled;
    for (int i = 0; i < rowCount(); ++i) {
        if (!m_rows[static_cast<std::size_t>(i)].edit->text().trimmed().isEmpty())
            filled.push_back(i);
    }
    if (filled.size() != static_cast<std::size_t>(values.size())) {
        setRowCount(std::max(1, static_cast<int>(values.size())));
        filled.clear();
        for (int i = 0; i < values.size(); ++i)
            filled.push_back(i);
        if (values.isEmpty()) {
            m_rows.front().edit->clear();
            checkRow(m_rows.front());
        }
    }
    for (int i = 0; i < values.size(); ++i) {
        const Row &row = m_rows[static_cast<std::size_t>(filled[static_cast<std::size_t>(i)])];
        if (row.edit->text().trimmed() != values[i]) {
            row.edit->setText(values[i]);
            checkRow(row);
        }
    }
    updateButtons();
}

QStringList StringListEditor::values() const
{
    QStringList result;
    for (const Row &row : m_rows) {
        const QString text = row.edit->text().trimmed();
        if (!text.isEmpty())
            result.append(text);
    }
    return result;
}

void StringListEditor::setCompletionModel(QAbstractItemModel *model)
{
    m_completionModel = model;
    for (const Row &row : m_rows)
        applyCompleter(row.edit);
}

void StringListEditor::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    for (const Row &row : m_rows)
        row.edit->setPlaceholderText(text);
}

void StringListEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (const Row &row : m_rows)
        row.edit->setReadOnly(readOnly);
    updateButtons();
}

QLineEdit *StringListEditor::lineEdit(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    return m_rows[static_cast<std::size_t>(row)].edit;
}

void StringListEditor::setValueCheck(std::function<QString(const QString &)> check)
{
    m_check = std::move(check);
    for (const Row &row : m_rows)
        checkRow(row);
}

QString StringListEditor::rowError(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const QLabel *error = m_rows[static_cast<std::size_t>(row)].error;
    return error->isHidden() ? QString() : error->text();
}

void StringListEditor::setValueNote(std::function<QString(const QString &)> note)
{
    m_note = std::move(note);
    for (const Row &row : m_rows)
        checkRow(row);
}

QString StringListEditor::rowNote(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const QLineEdit *edit = m_rows[static_cast<std::size_t>(row)].edit;
    return edit->property("noted").toBool() ? edit->toolTip() : QString();
}

void StringListEditor::addRow()
{
    if (m_readOnly)
        return;
    setRowCount(rowCount() + 1);
    m_rows.back().edit->setFocus(Qt::OtherFocusReason);
    Q_EMIT valuesEdited(values(), -1);
}

void StringListEditor::removeRow(int row)
{
    if (m_readOnly || row < 0 || row >= rowCount())
        return;
    const bool hadFocus = m_rows[static_cast<std::size_t>(row)].container->isAncestorOf(focusWidget());
    Row removed = m_rows[static_cast<std::size_t>(row)];
    m_rows.erase(m_rows.begin() + row);
    removed.container->hide();
    removed.container->deleteLater();
    if (m_rows.empty())
        setRowCount(1);
    if (hadFocus)
        m_rows[static_cast<std::size_t>(std::min(row, rowCount() - 1))].edit->setFocus(Qt::OtherFocusReason);
    updateButtons();
    Q_EMIT valuesEdited(values(), -1);
}

StringListEditor::Row StringListEditor::makeRow(const QString &text)
{
    Row row;
    row.container = new QWidget;
    row.edit = new QLineEdit(text);
    row.edit->setObjectName(QStringLiteral("valueLineEdit"));
    row.edit->setPlaceholderText(m_placeholder);
    row.edit->setReadOnly(m_readOnly);
    row.remove = new QToolButton;
    row.remove->setObjectName(QStringLiteral("removeValueButton"));
    row.remove->setText(QStringLiteral("\u2212"));
    row.remove->setToolTip(tr("Remove this value"));
    row.remove->setAccessibleName(tr("Remove value"));
    row.error = new QLabel;
    row.error->setObjectName(QStringLiteral("valueErrorLabel"));
    row.error->setWordWrap(true);
    row.error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    row.error->hide();
    auto *line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(row.edit, 1);
    line->addWidget(row.remove);
    auto *layout = new QVBoxLayout(row.container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(line);
    layout->addWidget(row.error);
    applyCompleter(row.edit);

    QLineEdit *edit = row.edit;
    connect(edit, &QLineEdit::textEdited, this, [this, edit] {
        const int index = indexOf(edit);
        if (index < 0)
            return;
        checkRow(m_rows[static_cast<std::size_t>(index)]);
        updateButtons();
        Q_EMIT valuesEdited(values(), index);
    });
    connect(edit, &QLineEdit::returnPressed, this, [this, edit] {
        const int index = indexOf(edit);
        if (index >= 0)
            Q_EMIT rowActivated(index);
    });
    connect(row.remove, &QToolButton::clicked, this, [this, edit] { removeRow(indexOf(edit)); });
    return row;
}

void StringListEditor::setRowCount(int count)
{
    while (rowCount() > count) {
        Row removed = m_rows.back();
        m_rows.pop_back();
        removed.container->hide();
        removed.container->deleteLater();
    }
    while (rowCount() < count) {
        Row row = makeRow(QString());
        m_rowLayout->addWidget(row.container);
        m_rows.push_back(row);
        checkRow(row);
    }
    updateButtons();
}

void StringListEditor::applyCompleter(QLineEdit *edit)
{
    if (!m_completionModel) {
        if (QCompleter *old = edit->completer()) {
            edit->setCompleter(nullptr);
            old->deleteLater();
        }
        return;
    }
    if (edit->completer() && edit->completer()->model() == m_completionModel)
        return;
    auto *completer = new QCompleter(m_completionModel, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    QCompleter *old = edit->completer();
    edit->setCompleter(completer);
    if (old)
        old->deleteLater();
    // Picking a completion sets the text without textEdited: report it like typing.
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this, edit](const QString &text) {
        const int index = indexOf(edit);
        if (index < 0 || m_readOnly)
            return;
        if (edit->text() != text)
            edit->setText(text);
        checkRow(m_rows[static_cast<std::size_t>(index)]);
        Q_EMIT valuesEdited(values(), index);
    });
}

void StringListEditor::updateButtons()
{
    m_add->setVisible(!m_readOnly);
    // One empty row is the list's "type here" field: it has nothing to remove.
    const bool single = rowCount() == 1 && m_rows.front().edit->text().isEmpty();
    for (const Row &row : m_rows)
        row.remove->setVisible(!m_readOnly && !single);
}

void StringListEditor::checkRow(const Row &row)
{
    const QString text = row.edit->text().trimmed();
    const QString message = (m_check && !text.isEmpty()) ? m_check(text) : QString();
    row.error->setText(message);
    row.error->setVisible(!message.isEmpty());
    const QString note = (message.isEmpty() && m_note && !text.isEmpty()) ? m_note(text) : QString();
    row.edit->setToolTip(message.isEmpty() ? note : message);
    row.edit->setProperty("invalid", !message.isEmpty());
    row.edit->setProperty("noted", !note.isEmpty());
    if (!message.isEmpty())
        row.edit->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
    else if (!note.isEmpty())
        row.edit->setStyleSheet(QStringLiteral("QLineEdit { color: %1; font-style: italic; }")
                                    .arg(palette().color(QPalette::PlaceholderText).name()));
    else
        row.edit->setStyleSheet(QString());
}

int StringListEditor::indexOf(const QLineEdit *edit) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].edit == edit)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace rd::ui
