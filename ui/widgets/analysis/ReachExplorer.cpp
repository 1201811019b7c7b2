// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/ReachExplorer.h"

#include "document/AccountAnalysis.h"
#include "document/BackgroundPool.h"
#include "document/EntityCompletionModel.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/OrganizationFilter.h"
#include "rd/core/graph/Reachability.h"
#include "widgets/analysis/EntityPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace rd::ui
{

/// A question as asked, with the graph it is asked of.
struct ReachExplorer::Question {
    std::uint64_t generation = 0;
    std::shared_ptr<const core::AccessGraph> graph;
    /// The model the graph is of: its organization's SCPs and RCPs remove the answers they deny.
    std::shared_ptr<const core::AccountModel> model;
    /// How many answers the organization removed (set with the answers).
    std::size_t removedByOrganization = 0;
    Mode mode = Mode::WhatCan;
    std::string subject;
    std::optional<std::string> action;
    int maxHops = core::kDefaultMaxHops;
};

/// Where a worker hands an answer back: the explorer, until it is destroyed.
struct ReachExplorer::Mailbox {
    std::mutex mutex;
    ReachExplorer *explorer = nullptr;
};

using doc::toQString;
using doc::toStdString;

namespace
{
enum ItemRole { PolicyLabelRole = Qt::UserRole + 1, StatementIndexRole, AnswerIndexRole };
enum Column { PrincipalColumn, ResourceColumn, ActionsColumn, HopsColumn, ConditionalColumn };

/// The question's answers, less those the organization's SCPs and RCPs deny (docs/REACHABILITY.md, "The
/// organization"), whose number goes to `question.removedByOrganization`.
std::vector<core::ReachAnswer> reachAnswers(ReachExplorer::Question &question)
{
    const core::Reachability reach(*question.graph);
    std::vector<core::ReachAnswer> answers = question.mode == ReachExplorer::Mode::WhatCan
        ? reach.whatCan(question.subject, question.maxHops)
        : reach.whoCan(question.subject, question.action, question.maxHops);
    question.removedByOrganization = 0;
    if (const core::OrganizationModel *organization = question.model ? question.model->organization() : nullptr) {
        const core::OrganizationFilter filter(*question.graph, *organization);
        question.removedByOrganization = question.mode == ReachExplorer::Mode::WhatCan
            ? filter.apply(answers)
            : filter.apply(answers, question.action, question.subject);
    }
    return answers;
}

/// Every group as "service level", one per line: the tooltip of the actions column.
QString actionsDetail(const std::vector<core::ActionGroup> &groups)
{
    QStringList lines;
    for (const core::ActionGroup &g : groups) {
        QStringList patterns;
        for (const std::string &p : g.patterns)
            patterns << toQString(p);
        lines << QStringLiteral("%1 %2: %3")
                     .arg(toQString(g.service), toQString(g.accessLevel), patterns.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

/// What an answer may do, short enough to read in a column: `*` as all actions, a few services by name with their
/// access levels (`s3 List, Read`), many services counted by access level (`Read: 212 services`).
QString actionsText(const std::vector<core::ActionGroup> &groups)
{
    QStringList excluded;
    // Patterns whose service part has a wildcard (`s*:get*`) span services: the graph groups them as service `*`.
    QStringList acrossServices;
    std::map<std::string, QStringList> levelsByService;
    for (const core::ActionGroup &g : groups) {
        if (g.accessLevel == "NotAction") {
            for (const std::string &p : g.patterns)
                excluded << toQString(p);
            continue;
        }
        if (g.service == "*") {
            for (const std::string &p : g.patterns) {
                if (p == "*")
                    return ReachExplorer::tr("all actions (*)");
                acrossServices << toQString(p);
            }
            continue;
        }
        QStringList &levels = levelsByService[g.service];
        if (const QString level = toQString(g.accessLevel); !levels.contains(level))
            levels << level;
    }
    QStringList parts;
    if (!excluded.isEmpty())
        parts << ReachExplorer::tr("all actions except %1").arg(excluded.join(QStringLiteral(", ")));
    if (!acrossServices.isEmpty())
        parts << acrossServices.join(QStringLiteral(", "));
    constexpr std::size_t kServicesByName = 6;
    if (levelsByService.size() <= kServicesByName) {
        for (const auto &[service, levels] : levelsByService)
            parts << QStringLiteral("%1 %2").arg(toQString(service), levels.join(QStringLiteral(", ")));
    } else {
        std::map<QString, int> servicesByLevel;
        for (const auto &[service, levels] : levelsByService) {
            for (const QString &level : levels)
                ++servicesByLevel[level];
        }
        for (const auto &[level, count] : servicesByLevel)
            parts << ReachExplorer::tr("%1: %n services", nullptr, count).arg(level);
    }
    return parts.join(QStringLiteral("; "));
}
} // namespace

ReachExplorer::ReachExplorer(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_mode(new QComboBox(this))
    , m_subject(new EntityPicker(document->entityCompletions(), doc::EntityCompletionModel::principalKinds(), this))
    , m_action(new QLineEdit(this))
    , m_hops(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_answers(new QTreeWidget(this))
    , m_pending(new QTimer(this))
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->explorer = this;
    setObjectName(QStringLiteral("reachExplorer"));
    m_mode->setObjectName(QStringLiteral("reachModeCombo"));
    m_mode->addItem(tr("What can this principal reach?"), int(Mode::WhatCan));
    m_mode->addItem(tr("Who can reach this resource?"), int(Mode::WhoCan));
    m_subject->setObjectName(QStringLiteral("reachSubjectPicker"));
    m_subject->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_subject->setClearButtonEnabled(true);
    m_action->setObjectName(QStringLiteral("reachActionEdit"));
    m_action->setPlaceholderText(tr("action (optional), e.g. s3:GetObject"));
    m_hops->setObjectName(QStringLiteral("reachMaxHopsSpinBox"));
    m_hops->setRange(1, 20);
    m_hops->setValue(core::kDefaultMaxHops);
    m_hops->setPrefix(tr("at most "));
    m_hops->setSuffix(tr(" hops"));
    m_summary->setObjectName(QStringLiteral("reachSummaryLabel"));
    m_summary->setWordWrap(true);
    m_answers->setObjectName(QStringLiteral("reachAnswersTree"));
    m_answers->setHeaderLabels({ tr("Principal"), tr("Resource"), tr("Actions"), tr("Hops"), tr("Conditional") });
    m_answers->setUniformRowHeights(true);
    m_answers->setAlternatingRowColors(true);
    m_answers->header()->setStretchLastSection(false);
    m_answers->header()->setSectionResizeMode(ActionsColumn, QHeaderView::Stretch);

    auto *question = new QHBoxLayout;
    question->addWidget(m_mode);
    question->addWidget(m_subject, 1);
    question->addWidget(m_action);
    question->addWidget(m_hops);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(question);
    layout->addWidget(m_summary);
    layout->addWidget(m_answers, 1);

    m_pending->setSingleShot(true);
    m_pending->setInterval(150);
    connect(m_pending, &QTimer::timeout, this, &ReachExplorer::answerInBackground);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ReachExplorer::onModeChanged);
    connect(m_subject, &QLineEdit::textChanged, this, &ReachExplorer::schedule);
    connect(m_action, &QLineEdit::textChanged, this, &ReachExplorer::schedule);
    connect(m_hops, &QSpinBox::valueChanged, this, &ReachExplorer::schedule);
    // A newer model (after an edit, or of another workspace): the question is asked again.
    connect(m_document->analysis(), &doc::AccountAnalysis::modelChanged, this, [this] {
        if (m_document->analysis()->model()) {
            schedule();
            return;
        }
        // Another workspace, whose model is being computed: the old answers go at once.
        Question none;
        prepare(none);
    });
    // Spanning is set where it shows: each setFirstColumnSpanned() lays the tree out, so setting it on every hop of
    // thousands of answers at once froze the window.
    connect(m_answers, &QTreeWidget::itemExpanded, this, &ReachExplorer::spanChildren);
    // A row (or one of its hops or statements) selected: its answer's path is highlighted.
    connect(m_answers, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (!item) {
            highlightAnswers(0, m_shown.size());
            return;
        }
        const auto index = std::size_t(item->data(0, AnswerIndexRole).toULongLong());
        highlightAnswers(index, index + 1);
    });
    connect(m_answers, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString label = item->data(0, PolicyLabelRole).toString();
        if (!label.isEmpty())
            Q_EMIT statementActivated(label, item->data(0, StatementIndexRole).toInt());
    });
    onModeChanged();
}

void ReachExplorer::onModeChanged()
{
    if (Mode(m_mode->currentData().toInt()) == Mode::WhatCan) {
        m_subject->setKinds(doc::EntityCompletionModel::principalKinds());
        m_subject->setPlaceholderText(tr("a user, role, account or service: a name or an ARN"));
    } else {
        m_subject->setKinds(doc::EntityCompletionModel::resourceKinds());
        m_subject->setPlaceholderText(tr("a resource, or a user, group or role: a name or an ARN"));
    }
    schedule();
}

ReachExplorer::~ReachExplorer()
{
    // An answer still being computed finds no explorer to hand it to.
    std::lock_guard<std::mutex> lock(m_mailbox->mutex);
    m_mailbox->explorer = nullptr;
}

void ReachExplorer::selectAnswer(int row)
{
    if (QTreeWidgetItem *item = m_answers->topLevelItem(row))
        m_answers->setCurrentItem(item);
}

void ReachExplorer::subgraphOf(
    std::size_t first, std::size_t last, std::vector<std::size_t> &nodes, std::vector<std::size_t> &edges) const
{
    for (std::size_t i = first; i < last && i < m_shown.size(); ++i) {
        const core::ReachAnswer &answer = m_shown[i];
        nodes.push_back(answer.principalNode);
        nodes.push_back(answer.resourceNode);
        for (const core::ReachHop &hop : answer.path) {
            edges.push_back(hop.edge);
            nodes.push_back(m_graph->edges()[hop.edge].from);
            nodes.push_back(m_graph->edges()[hop.edge].to);
        }
    }
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
}

void ReachExplorer::highlightAnswers(std::size_t first, std::size_t last)
{
    if (!m_graph)
        return;
    std::vector<std::size_t> nodes;
    std::vector<std::size_t> edges;
    subgraphOf(first, last, nodes, edges);
    Q_EMIT subgraphSelected(m_graph.get(), nodes, edges);
}

void ReachExplorer::announcePaths(const Question &question)
{
    if (!m_graph)
        return;
    std::string asked = std::to_string(int(question.mode)) + '\n' + question.subject + '\n'
        + question.action.value_or(std::string()) + '\n' + std::to_string(question.maxHops);
    const bool newQuestion = asked != m_lastQuestion;
    m_lastQuestion = std::move(asked);
    std::vector<std::size_t> nodes;
    std::vector<std::size_t> edges;
    subgraphOf(0, m_shown.size(), nodes, edges);
    Q_EMIT pathsAnswered(m_graph.get(), nodes, edges, newQuestion && !question.subject.empty());
    // Every answer lit, until one is selected.
    Q_EMIT subgraphSelected(m_graph.get(), nodes, edges);
}

void ReachExplorer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    schedule();
}

void ReachExplorer::schedule()
{
    // Only a visible explorer keeps up with edits.
    if (isVisible())
        m_pending->start();
}

void ReachExplorer::ask(Mode mode, const QString &subject, const QString &action)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    m_subject->setText(subject);
    m_action->setText(action);
    answerNow();
}

int ReachExplorer::answerCount() const
{
    return m_answers->topLevelItemCount();
}

void ReachExplorer::showNoQuestion(const std::shared_ptr<const core::AccessGraph> &graph, const QString &summary)
{
    m_answers->clear();
    m_shown.clear();
    m_graph = graph;
    m_summary->setText(summary);
    Question none;
    none.graph = graph;
    none.mode = Mode(m_mode->currentData().toInt());
    announcePaths(none);
    Q_EMIT answered();
}

bool ReachExplorer::prepare(Question &question)
{
    m_pending->stop();
    const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();
    if (!model) {
        // The first model of this workspace is being computed; modelChanged() asks again.
        ++m_generation;
        m_answers->clear();
        m_shown.clear();
        m_graph.reset();
        m_summary->setText(tr("Analysing the account…"));
        return false;
    }
    question.generation = ++m_generation;
    question.graph = model->sharedGraph();
    question.model = model;
    question.mode = Mode(m_mode->currentData().toInt());
    // A name becomes the ARN of the one entry called that, without Return (EntityPicker).
    const doc::EntityCompletionModel::Resolution subject = m_subject->resolution();
    question.subject = toStdString(subject.key);
    const QString action = m_action->text().trimmed();
    if (!action.isEmpty())
        question.action = toStdString(action);
    question.maxHops = m_hops->value();
    using Status = doc::EntityCompletionModel::Resolution::Status;
    const bool principal = question.mode == Mode::WhatCan;
    switch (subject.status) {
    case Status::Empty:
        showNoQuestion(question.graph,
            tr("%1 nodes, %2 edges. Name a principal or a resource.")
                .arg(question.graph->nodes().size())
                .arg(question.graph->edges().size()));
        return false;
    case Status::Ambiguous:
        showNoQuestion(question.graph,
            (principal ? tr("Several principals are called %1: pick one from the list (Return shows them).")
                       : tr("Several resources are called %1: pick one from the list (Return shows them)."))
                .arg(subject.key));
        return false;
    case Status::Unknown:
        showNoQuestion(question.graph,
            (principal ? tr("No principal is called %1: pick one from the list (Down shows it), or type an ARN.")
                       : tr("No resource is called %1: pick one from the list (Down shows it), or type an ARN."))
                .arg(subject.key));
        return false;
    case Status::Key:
    case Status::Name:
        break;
    }
    return true;
}

void ReachExplorer::answerNow()
{
    m_document->analysis()->waitForCurrent();
    Question question;
    if (!prepare(question))
        return;
    std::vector<core::ReachAnswer> answers = reachAnswers(question);
    showAnswers(question, std::move(answers));
}

void ReachExplorer::answerInBackground()
{
    auto question = std::make_shared<Question>();
    if (!prepare(*question))
        return;
    // The table keeps the last answers until the new ones arrive.
    std::shared_ptr<Mailbox> mailbox = m_mailbox;
    doc::runInBackground([mailbox, question] {
        std::vector<core::ReachAnswer> answers = reachAnswers(*question);
        std::lock_guard<std::mutex> lock(mailbox->mutex);
        if (ReachExplorer *explorer = mailbox->explorer) {
            QMetaObject::invokeMethod(
                explorer,
                [explorer, question, answers = std::move(answers)]() mutable {
                    if (question->generation == explorer->m_generation)
                        explorer->showAnswers(*question, std::move(answers));
                },
                Qt::QueuedConnection);
        }
    });
}

void ReachExplorer::showAnswers(const Question &question, std::vector<core::ReachAnswer> answers)
{
    m_answers->clear();
    m_shown.clear();
    doc::releaseInBackground(std::move(m_graph));
    m_graph = question.graph;
    int conditional = 0;
    // Made apart and added at once: thousands of answers (what a role reaches in a large account) laid out once,
    // not once per item. Hops and statements span the row when their answer is expanded (spanChildren()).
    QList<QTreeWidgetItem *> rows;
    rows.reserve(qsizetype(answers.size()));
    for (const core::ReachAnswer &answer : answers) {
        auto *item = new QTreeWidgetItem(
            QStringList { toQString(answer.principal), toQString(answer.resource), actionsText(answer.actions),
                QString::number(answer.path.size()), answer.conditional ? tr("yes") : QString() });
        rows.append(item);
        item->setToolTip(ActionsColumn, actionsDetail(answer.actions));
        item->setData(0, AnswerIndexRole, qulonglong(&answer - answers.data()));
        conditional += answer.conditional ? 1 : 0;
        for (const core::ReachHop &hop : answer.path) {
            QString text =
                QStringLiteral("%1 → %2 (%3)")
                    .arg(toQString(hop.from), toQString(hop.to), toQString(core::graphEdgeKindName(hop.kind)));
            if (hop.conditional) {
                QStringList keys;
                for (const std::string &key : hop.conditionKeys)
                    keys << toQString(key);
                text += tr(", if %1").arg(keys.join(QStringLiteral(", ")));
            }
            auto *hopItem = new QTreeWidgetItem(item, { text });
            for (const core::GraphStatementRef &ref : hop.statements) {
                const QString sid = ref.sid.empty() ? QString() : QStringLiteral(" (%1)").arg(toQString(ref.sid));
                auto *statement = new QTreeWidgetItem(
                    hopItem, { tr("%1, statement %2%3").arg(toQString(ref.policy)).arg(ref.index + 1).arg(sid) });
                statement->setData(0, PolicyLabelRole, toQString(ref.policy));
                statement->setData(0, StatementIndexRole, int(ref.index));
                statement->setToolTip(0, tr("Double-click to open the statement in its editor"));
            }
        }
        // After the hops: the Deny statements that narrow the answer (docs/REACHABILITY.md, "Denies and
        // conditions").
        for (const core::GraphDeny &deny : answer.denies) {
            const core::GraphStatementRef &ref = deny.statement;
            const QString sid = ref.sid.empty() ? QString() : QStringLiteral(" (%1)").arg(toQString(ref.sid));
            QString text = tr("except: %1, statement %2%3").arg(toQString(ref.policy)).arg(ref.index + 1).arg(sid);
            if (!deny.conditionKeys.empty()) {
                QStringList keys;
                for (const std::string &key : deny.conditionKeys)
                    keys << toQString(key);
                text += tr(", if %1").arg(keys.join(QStringLiteral(", ")));
            }
            auto *except = new QTreeWidgetItem(item, { text });
            except->setData(0, PolicyLabelRole, toQString(ref.policy));
            except->setData(0, StatementIndexRole, int(ref.index));
            except->setToolTip(0, tr("A Deny statement that covers part of this answer; double-click to open it"));
        }
    }
    m_answers->addTopLevelItems(rows);
    m_answers->resizeColumnToContents(PrincipalColumn);
    m_answers->resizeColumnToContents(ResourceColumn);
    QString summary = answers.empty()
        ? tr("No answer: nothing in the workspace reaches that.")
        : tr("%n answer(s), %1 conditional; expand one for its path and the deciding statements.", nullptr,
            int(answers.size()))
              .arg(conditional);
    if (question.removedByOrganization > 0)
        summary += QLatin1Char(' ')
            + tr("%n more left out: the organization's SCPs or RCPs deny them.", nullptr,
                int(question.removedByOrganization));
    m_summary->setText(summary);
    m_shown = std::move(answers);
    announcePaths(question);
    Q_EMIT answered();
}

void ReachExplorer::spanChildren(QTreeWidgetItem *item)
{
    for (int i = 0; i < item->childCount(); ++i)
        item->child(i)->setFirstColumnSpanned(true);
}

void ReachExplorer::expandAllAnswers()
{
    for (int i = 0; i < m_answers->topLevelItemCount(); ++i) {
        QTreeWidgetItem *answer = m_answers->topLevelItem(i);
        answer->setExpanded(true);
        for (int j = 0; j < answer->childCount(); ++j)
            answer->child(j)->setExpanded(true);
    }
}

} // namespace rd::ui
