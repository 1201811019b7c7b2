// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace rd::ui
{

/// A list of strings edited as one line edit per value plus an Add button: principal values, actions, resources,
/// condition values. Each row has a remove button; an empty list shows one empty row to type into.
class StringListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit StringListEditor(QWidget *parent = nullptr);

    /// Shows the values. Updates in place: rows whose text already equals the value are not touched, so focus and
    /// cursor survive a round trip through the document while the user types.
    void setValues(const QStringList &values);
    /// The non-empty rows, trimmed.
    QStringList values() const;
    /// An optional completer for every row (case-insensitive, matching anywhere in the text). The model is not owned.
    void setCompletionModel(QAbstractItemModel *model);
    void setPlaceholderText(const QString &text);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }
    /// The line edit of `row`, or nullptr when out of range.
    QLineEdit *lineEdit(int row) const;
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    /// Checks each row as it is typed: the function returns "" for a good value or a message, shown under the row and
    /// as its tool tip. Bad values are still reported by valuesEdited (the document keeps what the user typed and its
    /// validator reports it too); the message only flags them.
    void setValueCheck(std::function<QString(const QString &)> check);
    /// The message shown for `row`, "" when it is fine.
    QString rowError(int row) const;
    /// Notes on good values, not errors (an action no call used in the usage window): the function returns "" or a
    /// note; a noted row's text is greyed and the note is its tool tip. Checked after setValueCheck's function, whose
    /// message wins.
    void setValueNote(std::function<QString(const QString &)> note);
    /// The note on `row`, "" when none.
    QString rowNote(int row) const;
    /// Appends an empty row and focuses it (what the Add button does); emits valuesEdited with row -1.
    void addRow();
    /// Removes `row` (what its remove button does); emits valuesEdited with row -1.
    void removeRow(int row);

Q_SIGNALS:
    /// On every keystroke, row add or remove. `row` is the edited row (-1 for add/remove structural changes).
    void valuesEdited(const QStringList &values, int row);
    /// A row's line edit got Return; lets hosts (action preview) react.
    void rowActivated(int row);

private:
    struct Row {
        QWidget *container = nullptr;
        QLineEdit *edit = nullptr;
        QToolButton *remove = nullptr;
        QLabel *error = nullptr;
    };

    Row makeRow(const QString &text);
    void setRowCount(int count);
    void applyCompleter(QLineEdit *edit);
    void updateButtons();
    void checkRow(const Row &row);
    int indexOf(const QLineEdit *edit) const;

    std::vector<Row> m_rows;
    QVBoxLayout *m_rowLayout;
    QPushButton *m_add;
    QAbstractItemModel *m_completionModel = nullptr;
    QString m_placeholder;
    std::function<QString(const QString &)> m_check;
    std::function<QString(const QString &)> m_note;
    bool m_readOnly = false;
};

} // namespace rd::ui
