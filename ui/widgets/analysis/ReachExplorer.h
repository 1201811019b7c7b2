// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstddef>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QTreeWidget;

namespace rd::core
{
class AccessGraph;
struct ReachAnswer;
} // namespace rd::core

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// "Which principals reach which resources?" as a table: what a principal can reach (directly or through role
/// chains), or who can reach a resource (and action); each answer with its actions, its shortest path of hops, and
/// per hop the deciding statements, which open in the policy editors. Conditional answers are marked. The access
/// graph is rebuilt after edits of the workspace, while the explorer is visible.
class ReachExplorer : public QWidget
{
    Q_OBJECT
public:
    explicit ReachExplorer(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~ReachExplorer() override;

    enum class Mode { WhatCan, WhoCan };
    /// Asks a question (what the tests and scripted screenshots do; typing in the fields does the same).
    void ask(Mode mode, const QString &subject, const QString &action = {});
    /// Answers now instead of after the pause.
    void answerNow();
    /// How many answers the table shows.
    int answerCount() const;
    /// Selects the answer in `row` (what clicking it does).
    void selectAnswer(int row);

Q_SIGNALS:
    /// A deciding statement was activated: the policy's label (`trust policy of role R`...) and the statement.
    void statementActivated(const QString &policy, int statement);
    /// The part of `graph` to highlight: after an answer, every answer's principal, resource and path; after a row is
    /// selected, that answer's. `graph` is the explorer's own and lives until the next signal.
    void subgraphSelected(const rd::core::AccessGraph *graph, const std::vector<std::size_t> &nodes,
        const std::vector<std::size_t> &edges);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void schedule();
    /// Emits subgraphSelected() for answers [first, last).
    void highlightAnswers(std::size_t first, std::size_t last);

    doc::WorkspaceDocument *m_document;
    QComboBox *m_mode;
    QComboBox *m_subject;
    QLineEdit *m_action;
    QSpinBox *m_hops;
    QLabel *m_summary;
    QTreeWidget *m_answers;
    QTimer *m_pending;
    std::unique_ptr<core::AccessGraph> m_graph;
    std::vector<core::ReachAnswer> m_shown;
    bool m_graphStale = true;
};

} // namespace rd::ui
