// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/ConditionOperator.h"
#include "rd/core/policy/Policy.h"

#include <QStringList>
#include <QWidget>

#include <string>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QToolButton;

namespace rd::ui
{

class StringListEditor;

/// One (operator, key, values) row of a ConditionEditor. It shows what it is given and reports the user's gestures;
/// the editor turns them into changes of the Condition block.
class ConditionRow : public QWidget
{
    Q_OBJECT
public:
    /// How the values are edited: a list of line edits (checked by the operator's family), a date picker over that
    /// list, or a true/false combo.
    enum class ValueMode { List, Date, Bool };

    explicit ConditionRow(QWidget *parent = nullptr);

    /// The keys the key field offers in its list and completion. Keeps the key being shown.
    void setKeys(const QStringList &keys);

    /// Shows one entry of the clause whose operator is written `op`. Updates in place: fields that already show the
    /// right text are not touched.
    void setEntry(const std::string &op, const core::ConditionEntry &entry);
    void setReadOnly(bool readOnly);

    /// The operator as the row's controls compose it (`ForAnyValue:StringLikeIfExists`), or the operator text as it
    /// was read when it is not one IAM knows and the user has not picked another.
    QString operatorText() const;
    QString key() const;
    QStringList values() const;
    ValueMode valueMode() const { return m_mode; }
    /// Whether the user picked the operator (rather than the default of a new row).
    bool operatorChosen() const { return m_operatorChosen; }
    /// Whether the keyboard focus is in this row's key field (and where its cursor is).
    bool keyHasFocus() const;
    int keyCursorPosition() const;
    void focusKey(int cursorPosition);

    QComboBox *operatorCombo() const { return m_operator; }
    QComboBox *qualifierCombo() const { return m_qualifier; }
    QCheckBox *ifExistsCheckBox() const { return m_ifExists; }
    QComboBox *keyCombo() const { return m_key; }
    StringListEditor *valuesEditor() const { return m_values; }
    QDateTimeEdit *dateEdit() const { return m_date; }
    QComboBox *boolCombo() const { return m_bool; }
    QToolButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    /// The operator, its qualifier or IfExists changed.
    void operatorEdited();
    /// The key was typed or picked.
    void keyEdited();
    /// The values changed; `typing` for keystrokes in one field (successive ones merge into one undo step).
    void valuesEdited(bool typing);
    void removeRequested();

private:
    void showOperator(const std::string &op);
    void updateMode();
    void updateQualifierVisibility();
    std::optional<core::ConditionOperatorSpec> composedSpec() const;
    void setValueTexts(const QStringList &texts);

    QComboBox *m_operator;
    QComboBox *m_qualifier;
    QCheckBox *m_ifExists;
    QComboBox *m_key;
    StringListEditor *m_values;
    QDateTimeEdit *m_date;
    QComboBox *m_bool;
    QToolButton *m_remove;
    /// The operator text as last given by setEntry.
    std::string m_op;
    /// The operator text when it is not one IAM knows: the operator combo then has it as its first item.
    QString m_unknownOp;
    /// The values as last shown or edited, whatever widget shows them.
    QStringList m_texts;
    ValueMode m_mode = ValueMode::List;
    /// The family whose check the value list applies; -1 for none yet.
    int m_checkedFamily = -1;
    bool m_updating = false;
    bool m_operatorChosen = false;
    bool m_readOnly = false;
};

} // namespace rd::ui
