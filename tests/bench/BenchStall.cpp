// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Does the window freeze? The generated 5,000-role account (tests/support/LargeAccount.h) is opened in a real
// (offscreen) main window, which then shows the access graph, asks the reach explorer a question (a user's name typed
// key by key in its picker, then Return) and takes five
// edits (a trust statement added, a permission statement removed, one graph edge and three graph edges deleted through
// the graph's gestures, the permissions boundary of one role and user in twenty deleted with its 309 references, as
// the workspace browser does once the user agrees) and the undo of the last. For each phase: the longest time the GUI
// thread went without turning its event loop (a 1 ms timer records the longest gap between its ticks), and the time
// until the views show the answer of the phase. Target: no stall over 100 ms. RD_BENCH_GRAPH_SMALL=1 shrinks the
// account fifty-fold (CTest's smoke run).
#include "LargeAccount.h"
#include "document/AccountAnalysis.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/WorkspaceFile.h"
#include "widgets/analysis/EntityPicker.h"
#include "widgets/analysis/ReachExplorer.h"
#include "widgets/graph/GraphEditActions.h"
#include "widgets/graph/GraphEditor.h"
#include "widgets/shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <string>

using namespace rd;

namespace
{

/// The longest time between two turns of the GUI thread's event loop: a 1 ms timer notes the longest gap between its
/// ticks (a tick is late by as long as the thread was busy elsewhere).
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void restart()
    {
        m_last = m_clock.nsecsElapsed();
        m_longest = 0;
    }
    /// The longest gap since restart(), in milliseconds, counting the one still open.
    double longestMs() const { return double(std::max(m_longest, m_clock.nsecsElapsed() - m_last)) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

/// Times every event the GUI thread delivers (outermost deliveries only), so that each phase can name the longest:
/// the receiver's class and object name and the event type.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth++ > 0) {
            const bool handled = QApplication::notify(receiver, event);
            --m_depth;
            return handled;
        }
        // The receiver may be deleted by its own event: note what it was first.
        const char *className = receiver->metaObject()->className();
        const QString name = receiver->objectName();
        const int type = int(event->type());
        QElapsedTimer clock;
        clock.start();
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        const qint64 ns = clock.nsecsElapsed();
        if (ns > m_longestNs) {
            m_longestNs = ns;
            m_longest = QStringLiteral("%1 '%2' event %3").arg(QLatin1String(className), name).arg(type);
        }
        return handled;
    }
    void restartLongest()
    {
        m_longestNs = 0;
        m_longest.clear();
    }
    QString longest() const { return QStringLiteral("%1 ms in %2").arg(double(m_longestNs) / 1e6).arg(m_longest); }

private:
    int m_depth = 0;
    qint64 m_longestNs = 0;
    QString m_longest;
};

TimingApplication *timingApp()
{
    return static_cast<TimingApplication *>(QCoreApplication::instance());
}

/// Turns the event loop until `done` holds; false after `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 600000)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

struct Phase {
    double stallMs = 0;
    double readyMs = 0;
};

/// Runs `act`, then turns the event loop until `ready` holds: the phase's longest stall and time until ready.
Phase measure(StallMeter &meter, const std::function<void()> &act, const std::function<bool()> &ready,
    benchmark::State &state, const char *name)
{
    QElapsedTimer clock;
    clock.start();
    meter.restart();
    timingApp()->restartLongest();
    act();
    if (!waitUntil(ready))
        state.SkipWithError((std::string(name) + ": the views did not show the answer").c_str());
    Phase phase;
    phase.readyMs = double(clock.nsecsElapsed()) / 1e6;
    // One more turn, so that a stall of the last step counts.
    QApplication::processEvents();
    phase.stallMs = meter.longestMs();
    state.counters[std::string(name) + "_stall_ms"] = phase.stallMs;
    state.counters[std::string(name) + "_ready_ms"] = phase.readyMs;
    std::cerr << name << ": longest stall " << phase.stallMs << " ms, views ready after " << phase.readyMs
              << " ms; longest event: " << timingApp()->longest().toStdString() << "\n";
    return phase;
}

/// The first may-act-on edges of `graph` that an inline policy of a role grants (which a gesture can remove), one per
/// role.
std::vector<std::size_t> removableEdges(const core::AccessGraph &graph, std::size_t count, std::size_t skip)
{
    std::vector<std::size_t> found;
    std::vector<std::size_t> roles;
    for (std::size_t e = 0; e < graph.edges().size() && found.size() < count + skip; ++e) {
        const core::GraphEdge &edge = graph.edges()[e];
        if (edge.kind != core::GraphEdgeKind::MayActOn || edge.conditional || edge.statements.size() != 1
            || edge.statements.front().policy.rfind("inline policy", 0) != 0
            || graph.nodes()[edge.from].kind != core::GraphNodeKind::Role
            || std::find(roles.begin(), roles.end(), edge.from) != roles.end())
            continue;
        roles.push_back(edge.from);
        found.push_back(e);
    }
    if (found.size() > skip)
        found.erase(found.begin(), found.begin() + std::ptrdiff_t(skip));
    return found;
}

void StallOpenSwitchEdit(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.rdws"));
    const core::Workspace generated = test::makeLargeAccount(test::LargeAccountSize::forBenchmarks({}));
    if (auto failure = core::saveWorkspaceFile(path.toStdString(), generated)) {
        state.SkipWithError(failure->c_str());
        return;
    }
    const std::string subject = generated.users.front().arn;
    const std::string subjectName = generated.users.front().name;
    const core::RoleId trustingRole = generated.roles[generated.roles.size() / 2].id;
    const core::RoleId editedRole = [&] {
        for (const core::Role &role : generated.roles) {
            if (!role.inlinePolicies.empty() && role.inlinePolicies.front().document.statements.size() > 1)
                return role.id;
        }
        return generated.roles.front().id;
    }();

    // The user trusted by the first edit: the reach explorer's subject then reaches what that role may do.
    core::Policy trusting = *core::parsePolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                               R"("Principal":{"AWS":")"
        + subject + R"("},"Action":"sts:AssumeRole"}]})")
                                 .policy;
    core::clearSourceRanges(trusting);
    const core::Statement trustStatement = trusting.statements.front();

    for (auto _ : state) {
        ui::MainWindow window;
        window.resize(1600, 960);
        window.show();
        QApplication::processEvents();
        ui::GraphEditor *graph = window.graphEditor();
        auto *explorer = window.findChild<ui::ReachExplorer *>();
        int redrawn = 0;
        int answered = 0;
        QObject::connect(graph, &ui::GraphEditor::graphRedrawn, [&] { ++redrawn; });
        QObject::connect(explorer, &ui::ReachExplorer::answered, [&] { ++answered; });
        auto graphShown = [&] { return graph->graph() && graph->drawnNodeCount() > 0 && !graph->isLayingOut(); };
        StallMeter meter;
        double longest = 0;
        const auto start = std::chrono::steady_clock::now();

        // File > Open until the window shows the account and its first role, and the analysis model is ready.
        longest = std::max(longest,
            measure(
                meter,
                [&] {
                    QString error;
                    if (!window.openFile(path, &error))
                        state.SkipWithError(error.toUtf8().constData());
                },
                [&] {
                    return window.document()->workspace().roles.size() == generated.roles.size()
                        && window.document()->analysis()->isCurrent();
                },
                state, "open")
                .stallMs);

        // View > Access Graph until the graph is drawn.
        longest = std::max(longest,
            measure(
                meter, [&] { window.findChild<QAction *>(QStringLiteral("showAccessGraphAction"))->trigger(); },
                graphShown, state, "graph")
                .stallMs);

        // The reach explorer in front, a user's name typed key by key in its subject picker (which filters its list
        // of some 20,000 names at each key and shows it), then Return (the name becomes the user's ARN): until it
        // answers. A key's stall is the longest of the keys.
        {
            auto *dock = window.findChild<QDockWidget *>(QStringLiteral("reachDockWidget"));
            dock->show();
            dock->raise();
            auto *picker = explorer->findChild<ui::EntityPicker *>(QStringLiteral("reachSubjectPicker"));
            picker->setFocus();
            QApplication::processEvents();
            const auto press = [picker](int key, const QString &text) {
                QKeyEvent down(QEvent::KeyPress, key, Qt::NoModifier, text);
                QApplication::sendEvent(picker, &down);
                QKeyEvent up(QEvent::KeyRelease, key, Qt::NoModifier, text);
                QApplication::sendEvent(picker, &up);
            };
            double keyStall = 0;
            for (const QChar c : QString::fromStdString(subjectName)) {
                keyStall = std::max(keyStall,
                    measure(
                        meter, [&] { press(0, QString(c)); }, [] { return true; }, state, "reach_key")
                        .stallMs);
            }
            state.counters["reach_key_stall_ms"] = keyStall;
            longest = std::max(longest, keyStall);
            longest = std::max(longest,
                measure(
                    meter, [&] { press(Qt::Key_Return, QStringLiteral("\r")); },
                    [&] { return explorer->answerCount() > 0; }, state, "reach")
                    .stallMs);
        }

        // Edits, each until the reach explorer shows its answer for the workspace after it and the graph editor draws
        // that workspace's model.
        auto editPhase = [&](const char *name, const std::function<void()> &edit) {
            const int redrawnBefore = redrawn;
            const int answeredBefore = answered;
            longest = std::max(longest,
                measure(
                    meter, edit,
                    [&] {
                        // The graph editor is drawing the model of the edited workspace: drawn already, or laid out
                        // in the background when the highlight of the answers unfolded bundles (Graphviz on
                        // thousands of cards takes tens of seconds, during which the window stays responsive).
                        return answered > answeredBefore && graph->isUpToDate()
                            && (redrawn > redrawnBefore || graph->isLayingOut());
                    },
                    state, name)
                    .stallMs);
        };
        editPhase("trust_edit", [&] {
            window.document()->editRole(trustingRole, QStringLiteral("Trust a user"),
                doc::RoleEditCommand::Field::Other,
                [&](core::Role &role) { role.trustPolicy.statements.push_back(trustStatement); });
        });
        editPhase("statement_edit", [&] {
            window.document()->editRole(editedRole, QStringLiteral("Remove a statement"),
                doc::RoleEditCommand::Field::Other,
                [](core::Role &role) { role.inlinePolicies.front().document.statements.pop_back(); });
        });
        editPhase("edge_removal", [&] {
            const std::vector<std::size_t> edges = removableEdges(*graph->graph(), 1, 0);
            if (edges.empty() || !window.graphEditActions()->removeEdges(graph->sharedModel(), edges))
                state.SkipWithError("no removable edge");
        });
        editPhase("edges_removal", [&] {
            const std::vector<std::size_t> edges = removableEdges(*graph->graph(), 3, 1);
            if (edges.size() < 3 || !window.graphEditActions()->removeEdges(graph->sharedModel(), edges))
                state.SkipWithError("no removable edges");
        });
        editPhase("boundary_deletion", [&] {
            const auto &policies = window.document()->workspace().policies;
            const auto boundary = std::find_if(policies.begin(), policies.end(),
                [](const core::ManagedPolicy &p) { return p.name == "boundary-data"; });
            if (boundary == policies.end()
                || !window.document()->deleteEntity(doc::EntityKind::Policy, boundary->id.value))
                state.SkipWithError("no boundary policy");
        });
        editPhase("boundary_deletion_undo", [&] { window.document()->undoStack()->undo(); });

        // The autosave timer firing with the edits unsaved: until the recovery copy is written.
        {
            bool saved = false;
            const QMetaObject::Connection done = QObject::connect(window.document(),
                &doc::WorkspaceDocument::autosaveFinished, [&saved](const QString &) { saved = true; });
            longest = std::max(longest,
                measure(
                    meter, [&] { window.document()->autosaveInBackground(); }, [&] { return saved; }, state, "autosave")
                    .stallMs);
            QObject::disconnect(done);
            window.document()->discardRecovery();
        }

        state.SetIterationTime(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        state.counters["max_stall_ms"] = longest;
        state.counters["cards"] = graph->drawnNodeCount();
        state.counters["answers"] = explorer->answerCount();
        // Nothing pending outlives the window.
        window.document()->undoStack()->setClean();
    }
}
BENCHMARK(StallOpenSwitchEdit)->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime();

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("role-designer-bench"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
