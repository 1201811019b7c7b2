// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

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

class EntityPicker;

/// "Which principals reach which resources?" as a table: what a principal can reach (directly or through role
/// chains), or who can reach a resource (and action); each answer with its actions, its shortest path of hops, and
/// per hop the deciding statements, which open in the policy editors. Conditional answers are marked. The graph is
/// the document's analysis model (doc::AccountAnalysis), whose edges already take Deny statements and permissions
/// boundaries into account; the explorer asks again when a newer model is ready, while it is visible. Questions typed
/// are answered on a worker thread; until the first model is ready the explorer says it is analysing the account. The
/// subject is picked by name or ARN (EntityPicker): principals when asking what one reaches, resources (and the IAM
/// users, groups and roles, resources too) when asking who reaches one. The answers that the organization's SCPs and
/// RCPs deny are left out (core::OrganizationFilter), and the summary says how many.
class ReachExplorer : public QWidget
{
    Q_OBJECT
public:
    explicit ReachExplorer(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~ReachExplorer() override;

    enum class Mode { WhatCan, WhoCan };
    /// A question as asked, with the model it is asked of (defined in the .cpp).
    struct Question;
    /// Asks a question and answers it at once, on this thread, once the document's model is current (what the tests and
    /// scripted screenshots do; typing in the fields does the same, answered in the background).
    void ask(Mode mode, const QString &subject, const QString &action = {});
    /// Answers now, on this thread, instead of in the background after the pause; waits for the current model.
    void answerNow();
    /// How many answers the table shows.
    int answerCount() const;
    /// Expands every answer and its hops (for pictures of the panel).
    void expandAllAnswers();
    /// Selects the answer in `row` (what clicking it does).
    void selectAnswer(int row);

Q_SIGNALS:
    /// The table shows a new answer (after a question or an edit of the workspace).
    void answered();
    /// A deciding statement was activated: the policy's label (`trust policy of role R`...) and the statement.
    void statementActivated(const QString &policy, int statement);
    /// The part of `graph` to highlight: after an answer, every answer's principal, resource and path; after a row is
    /// selected, that answer's. `graph` is the one the answers came from and lives until the next signal.
    void subgraphSelected(const rd::core::AccessGraph *graph, const std::vector<std::size_t> &nodes,
        const std::vector<std::size_t> &edges);
    /// Every answer's principal, resource and path in `graph`, after each answer (none when there is no question):
    /// what the graph editor's path scope draws. `newQuestion`: the question differs from the last one answered (an
    /// edit of the workspace answers the same question again).
    void pathsAnswered(const rd::core::AccessGraph *graph, const std::vector<std::size_t> &nodes,
        const std::vector<std::size_t> &edges, bool newQuestion);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// Lets the hops and statements under an expanded item span the row.
    void spanChildren(QTreeWidgetItem *item);
    struct Mailbox;

    void schedule();
    /// Asks the question in the fields on a worker thread (after the pause).
    void answerInBackground();
    /// The question in the fields; false (with the summary saying why) when there is nothing to ask yet.
    bool prepare(Question &question);
    void showAnswers(const Question &question, std::vector<core::ReachAnswer> answers);
    /// Clears the answers and says why there is no question to ask (`summary`).
    void showNoQuestion(const std::shared_ptr<const core::AccessGraph> &graph, const QString &summary);
    /// The subject field offers what the mode asks about.
    void onModeChanged();
    /// Emits subgraphSelected() for answers [first, last).
    void highlightAnswers(std::size_t first, std::size_t last);
    /// The nodes and edges of answers [first, last) of m_shown in m_graph, sorted and unique.
    void subgraphOf(
        std::size_t first, std::size_t last, std::vector<std::size_t> &nodes, std::vector<std::size_t> &edges) const;
    /// Emits pathsAnswered(), then subgraphSelected(), for every answer shown to `question` (one subgraph for both).
    void announcePaths(const Question &question);

    doc::WorkspaceDocument *m_document;
    QComboBox *m_mode;
    EntityPicker *m_subject;
    QLineEdit *m_action;
    QSpinBox *m_hops;
    QLabel *m_summary;
    QTreeWidget *m_answers;
    QTimer *m_pending;
    /// The graph of the answers shown.
    std::shared_ptr<const core::AccessGraph> m_graph;
    std::vector<core::ReachAnswer> m_shown;
    /// Counts questions: an answer to an earlier one is dropped.
    std::uint64_t m_generation = 0;
    /// The last question answered (mode, subject, action, hops), to tell a new question from an edit's new answer.
    std::string m_lastQuestion;
    std::shared_ptr<Mailbox> m_mailbox;
};

} // namespace rd::ui
