// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityCompletionModel.h"

#include <QLineEdit>

class QAbstractItemView;
class QAction;
class QCompleter;

namespace rd::doc
{
class EntityFilterModel;
}

namespace rd::ui
{

/// A field for a principal or a resource of the workspace, by name or by ARN: as a name is typed, a list under it
/// offers the users, roles, groups, resources and external principals whose name holds the text (those that start
/// with it first), each with its kind and ARN; choosing one puts its ARN in the field. Return on a name that only one
/// of them has puts that one's ARN; on a name several have (a role and a user both called `x`), the list shows them
/// to choose from. An ARN is taken as typed. Down, Alt+Down or the arrow at the end shows the whole list.
///
/// The list is the document's doc::EntityCompletionModel, filtered per picker (doc::EntityFilterModel).
class EntityPicker : public QLineEdit
{
    Q_OBJECT
public:
    EntityPicker(
        doc::EntityCompletionModel *entities, doc::EntityCompletionModel::Kinds kinds, QWidget *parent = nullptr);
    ~EntityPicker() override;

    /// The kinds offered and resolved (the reach explorer's mode changes them).
    void setKinds(doc::EntityCompletionModel::Kinds kinds);
    doc::EntityCompletionModel::Kinds kinds() const;
    /// Keys listed first (the principals the role's trust policy names).
    void setPreferredKeys(const QStringList &keys);

    /// What the text stands for now (a name is resolved without Return: the panels ask with `key`).
    doc::EntityCompletionModel::Resolution resolution() const;
    /// resolution().key: the ARN (or other key) to ask with.
    QString key() const;

    /// Shows the list: the entries matching the text, or all of them when the text is empty or already names one.
    void showCompletions();
    /// The list (for tests and pictures).
    QAbstractItemView *popup() const;

Q_SIGNALS:
    /// An entry was chosen in the list, or Return resolved a name: the field now holds `key`.
    void picked(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onTextEdited(const QString &text);
    /// Return: a unique name becomes its key; a name of several shows them.
    void commit();
    void choose(const QModelIndex &index);
    /// Shows the popup over the filter's rows, none of them selected (Return then resolves the text, never guesses).
    void popUp();
    void updateArrowIcon();

    doc::EntityFilterModel *m_filter;
    QCompleter *m_completer;
    QAction *m_arrow;
};

} // namespace rd::ui
