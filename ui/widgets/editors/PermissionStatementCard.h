// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QFrame>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace rd::ui
{

class ActionMatchPreview;
class ConditionEditor;
class StringListEditor;

/// One statement of a permission policy as a card: Sid, Effect, Action/NotAction with a catalog completer and a
/// wildcard preview, Resource/NotResource with an ARN builder button, Condition, and the buttons that move,
/// duplicate or remove it. Edits are made on a copy of the statement, so elements the card does not show
/// (Principal, unknown elements) are kept. Used by PermissionPolicyForm.
class PermissionStatementCard : public QFrame
{
    Q_OBJECT
public:
    explicit PermissionStatementCard(QWidget *parent = nullptr);
    ~PermissionStatementCard() override;

    /// Shows statement `index` of `count`, in place: fields that already show the value are not touched. Before
    /// ensureBuilt() the card shows only a one-line summary at about its final height.
    void setStatement(int index, int count, const core::Statement &statement);
    /// Makes the editors (they are made on first need, so that a policy of many statements shows at once).
    void ensureBuilt();
    bool isBuilt() const;
    const core::Statement &statement() const { return m_statement; }
    int index() const { return m_index; }
    void setReadOnly(bool readOnly);
    /// The values of the Action element (empty when the statement uses NotAction).
    QStringList actionValues() const;
    /// Notes on the Action element's values (StringListEditor::setValueNote): an unused action is greyed with the
    /// note as its tool tip. An empty function clears the notes.
    void setActionNote(std::function<QString(const QString &)> note);
    /// Appends an ARN to the Resource or NotResource list shown (emits statementEdited unless it is there already).
    void insertResource(const QString &arn);

    /// IAM User Guide, "IAM JSON policy elements: Sid": identity policies allow only ASCII letters and digits.
    static bool isValidSid(const QString &sid);

Q_SIGNALS:
    /// A gesture changed the statement; `mergeKey` names the field for keystrokes ("perm/stmt/0/action/1"), empty
    /// for structural changes.
    void statementEdited(int index, const core::Statement &statement, const QString &undoText, const QString &mergeKey);
    void removeRequested(int index);
    void duplicateRequested(int index);
    void moveRequested(int from, int to);
    void arnBuilderRequested(int index);

private:
    void emitEdited(const QString &undoText, const QString &mergeKey);
    void sidEdited(const QString &text);
    void effectActivated(int row);
    void elementActivated(bool actions, int row);
    void listEdited(bool actions, const QStringList &values, int row);
    void showLists();
    void showSummary();
    void showEffect();
    void showSidState();
    void showHiddenElements();
    QString key(const QString &field) const;
    core::StatementElement actionElement() const;
    core::StatementElement resourceElement() const;
    bool &created(core::StatementElement element);

    core::Statement m_statement;
    int m_index = 0;
    int m_count = 0;
    bool m_readOnly = false;
    bool m_updating = false;
    bool m_notAction = false;
    bool m_notResource = false;
    QString m_lastSid;
    /// The lists this card created (absent before the user typed into them): emptied, they are left out again
    /// instead of being written as `[]`. Indexed by Action, NotAction, Resource, NotResource.
    std::array<bool, 4> m_created {};
    std::vector<std::string> m_conditionActions;

    QVBoxLayout *m_layout = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_title = nullptr;
    QLineEdit *m_sid = nullptr;
    QComboBox *m_effect = nullptr;
    QToolButton *m_moveUp = nullptr;
    QToolButton *m_moveDown = nullptr;
    QToolButton *m_duplicate = nullptr;
    QToolButton *m_remove = nullptr;
    QComboBox *m_actionElement = nullptr;
    StringListEditor *m_actions = nullptr;
    std::function<QString(const QString &)> m_actionNote;
    ActionMatchPreview *m_preview = nullptr;
    QComboBox *m_resourceElement = nullptr;
    StringListEditor *m_resources = nullptr;
    QPushButton *m_arnBuilder = nullptr;
    ConditionEditor *m_condition = nullptr;
    QLabel *m_hidden = nullptr;
};

} // namespace rd::ui
