// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QPushButton;
class QVBoxLayout;

namespace rd::ui
{

class ConditionRow;

/// Edits a Condition block as rows of (operator, key, values), one row per entry of each operator clause. The value
/// editor follows the operator's family and the key's catalog type. Edits are made on a copy of the block, so that
/// whatever the form does not show is kept.
class ConditionEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConditionEditor(QWidget *parent = nullptr);
    ~ConditionEditor() override;

    /// Shows the block, in place like StringListEditor::setValues: rows that already show the right entry are kept.
    void setCondition(const std::optional<core::ConditionBlock> &condition);
    std::optional<core::ConditionBlock> condition() const;
    /// Actions of the statement (e.g. "s3:PutObject", "sts:AssumeRole", wildcards allowed): the key picker offers the
    /// global condition keys plus the keys of these actions and of their resource types (ServiceCatalog::builtin()).
    void setActions(const std::vector<std::string> &actions);
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /// The number of (operator, key) rows shown, and one of them (for tests and focus); nullptr when out of range.
    int rowCount() const;
    ConditionRow *row(int index) const;
    /// Appends a StringEquals row with an empty key (what the Add condition button does).
    void addRow();
    /// The keys the key picker offers, sorted.
    QStringList offeredKeys() const;

    /// Adds one entry (used by hardening suggestions): merges into an existing clause with the same operator, and
    /// into an existing entry with the same key (values appended when not already there).
    static void addEntry(core::ConditionBlock &block, const std::string &op, const std::string &key,
        const std::vector<std::string> &values);

Q_SIGNALS:
    /// `mergeKey` identifies the gesture (e.g. "cond/2/values") so that successive keystrokes in one field merge into
    /// one undo step; empty = never merge.
    void conditionEdited(
        const std::optional<core::ConditionBlock> &condition, const QString &undoText, const QString &mergeKey);

private:
    enum class Gesture { Operator, Key, Values, ValuesTyping };
    struct Position {
        std::size_t clause = 0;
        std::size_t entry = 0;
    };

    std::vector<Position> positions() const;
    /// Makes the rows show m_block, in place.
    void sync();
    ConditionRow *makeRow();
    int indexOf(const ConditionRow *row) const;
    void rowGesture(ConditionRow *row, Gesture gesture);
    void removeRowAt(int index);

    std::optional<core::ConditionBlock> m_block;
    std::vector<ConditionRow *> m_rows;
    std::vector<std::string> m_actions;
    QStringList m_keys;
    QVBoxLayout *m_rowLayout;
    QPushButton *m_add;
    bool m_readOnly = false;
};

} // namespace rd::ui
