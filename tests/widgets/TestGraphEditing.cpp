// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "MouseGestures.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/policy/PolicyWriter.h"
#include "widgets/analysis/ReachExplorer.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/graph/GraphEdgeItem.h"
#include "widgets/graph/GraphEditActions.h"
#include "widgets/graph/GraphEditor.h"
#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphView.h"
#include "widgets/shell/MainWindow.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include <optional>
#include <set>

using namespace rd;

namespace
{

const QString kExample = QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws");
const std::string kAccount = "arn:aws:iam::111122223333:";

std::string arnOf(const std::string &resource)
{
    return kAccount + resource;
}

/// The main window on the platform team's example, with the access graph in front.
struct Window {
    ui::MainWindow window;

    /// `wholeAccount`: every card drawn (the gestures' tests); otherwise the graph's default, the focus scope.
    bool open(bool wholeAccount = true)
    {
        QString error;
        if (!window.openFile(kExample, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        window.resize(1600, 1000);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.showView(QStringLiteral("graph"));
        if (wholeAccount) {
            editor()->setScopeMode(doc::GraphScope::Mode::Account);
            editor()->rebuildNow();
            editor()->fit();
        }
        return graph() != nullptr;
    }
    /// Clicks the drawn edge that stands for access-graph edge `edge` where it is the topmost item, then presses
    /// Delete.
    bool deleteEdge(std::size_t edge)
    {
        ui::GraphEdgeItem *item = editor()->edgeItem(edge);
        if (!item)
            return false;
        std::optional<QPoint> at;
        for (int percent = 10; percent <= 90 && !at; percent += 5) {
            const QPoint point = editor()->view()->mapFromScene(item->pointAt(percent / 100.0));
            const QList<QGraphicsItem *> items = editor()->view()->items(point);
            if (!items.isEmpty() && items.front() == item)
                at = point;
        }
        if (!at)
            return false;
        test::click(viewport(), *at);
        if (!editor()->edgeItem(edge)->isSelected())
            return false;
        QTest::keyClick(viewport(), Qt::Key_Delete);
        return true;
    }
    ui::GraphEditor *editor() const { return window.graphEditor(); }
    const core::AccessGraph *graph() const { return editor()->graph(); }
    QWidget *viewport() const { return editor()->view()->viewport(); }
    doc::WorkspaceDocument *document() const { return window.document(); }
    QUndoStack *undo() const { return document()->undoStack(); }
    std::size_t node(const std::string &key) const { return graph()->find(key); }
    const core::Role &role(const std::string &name) const
    {
        const auto &roles = document()->workspace().roles;
        return *std::find_if(roles.begin(), roles.end(), [&](const core::Role &r) { return r.name == name; });
    }
    /// The JSON editor's text of a role's policy (`trust` or an inline policy's name), as the user sees it.
    QString jsonText(const QString &roleName, const QString &policy)
    {
        if (!window.selectRole(roleName))
            return {};
        window.showGraph(false);
        window.summaryView()->showPolicy(policy);
        ui::PolicyEditorPane *pane = window.summaryView()->pane(policy);
        const QString text = pane ? pane->jsonEditor()->text() : QString();
        window.showGraph(true);
        return text;
    }
    bool hasEdge(const std::string &from, const std::string &to, core::GraphEdgeKind kind)
    {
        editor()->rebuildNow();
        const std::size_t a = graph()->find(from);
        const std::size_t b = graph()->find(to);
        return a != core::AccessGraph::npos && b != core::AccessGraph::npos
            && graph()->findEdge(a, b, kind) != core::AccessGraph::npos;
    }
};

} // namespace

/// The graph editor's gestures, end to end in the main window: each edits the policies as one undo step that the
/// forms and the JSON show at once, and undo and redo bring both back (drag-to-create and delete-edge included).
class TestGraphEditing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void draggingAUserOntoARoleTrustsExactlyThatUser();
    void draggingARoleOntoAResourceGrantsThePickedActions();
    void cancellingTheActionPickerChangesNothing();
    void deletingAnEdgeNarrowsTheTrustStatement();
    void aGroupCannotBeTrustedAndTheStatusBarSaysWhy();
    void draggingAUserOntoAGroupMakesItAMember();
    void aReachQuestionDrawsExactlyItsPaths();
    void focusFollowsTheBrowserAndGesturesWorkInIt();
    void ctrlFInTheGraphSearchesTheGraph();
    void severalEdgesAreRemovedInTheBackgroundAsOneStep();
};

void TestGraphEditing::draggingAUserOntoARoleTrustsExactlyThatUser()
{
    Window w;
    QVERIFY(w.open());
    const core::Workspace before = w.document()->workspace();
    const std::string bob = arnOf("user/bob");
    const std::string dataReader = arnOf("role/DataReader");
    QVERIFY(!w.hasEdge(bob, dataReader, core::GraphEdgeKind::MayAssume));
    // Bob is folded into the developers' bundle at first: finding him unfolds it.
    QVERIFY(w.editor()->focusNode(QString::fromStdString(bob)));
    const QPoint from = w.editor()->connectorHandle(w.node(bob)).toPoint();
    const QPoint to = w.editor()->nodeCenter(w.node(dataReader)).toPoint();
    QVERIFY(from.x() >= 0 && to.x() >= 0);
    test::drag(w.viewport(), from, to);

    QCOMPARE(w.undo()->count(), 1);
    // IAM User Guide, "IAM JSON policy elements: Principal": the user's own ARN, never the account root.
    const QString trust = w.jsonText(QStringLiteral("DataReader"), QStringLiteral("trust"));
    QVERIFY2(trust.contains(QString::fromStdString(bob)), qPrintable(trust));
    QVERIFY(!trust.contains(QStringLiteral(":root")));
    QVERIFY(w.hasEdge(bob, dataReader, core::GraphEdgeKind::MayAssume));

    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(!w.jsonText(QStringLiteral("DataReader"), QStringLiteral("trust")).contains(QString::fromStdString(bob)));
    QVERIFY(!w.hasEdge(bob, dataReader, core::GraphEdgeKind::MayAssume));
    w.undo()->redo();
    QVERIFY(w.jsonText(QStringLiteral("DataReader"), QStringLiteral("trust")).contains(QString::fromStdString(bob)));
    QVERIFY(w.hasEdge(bob, dataReader, core::GraphEdgeKind::MayAssume));
}

void TestGraphEditing::draggingARoleOntoAResourceGrantsThePickedActions()
{
    Window w;
    QVERIFY(w.open());
    const core::Workspace before = w.document()->workspace();
    QString askedRole;
    QString askedResource;
    w.window.graphEditActions()->setActionPicker([&](const QString &role, const QString &resource) {
        askedRole = role;
        askedResource = resource;
        return QStringList { QStringLiteral("s3:ListBucket") };
    });
    const std::string runtime = arnOf("role/AppRuntime");
    const std::string bucket = "arn:aws:s3:::example-artifacts";
    test::drag(w.viewport(), w.editor()->connectorHandle(w.node(runtime)).toPoint(),
        w.editor()->nodeCenter(w.graph()->find(bucket, core::GraphNodeKind::Resource)).toPoint());
    QCOMPARE(askedRole, QStringLiteral("AppRuntime"));
    QCOMPARE(askedResource, QString::fromStdString(bucket));
    QCOMPARE(w.undo()->count(), 1);

    const core::Role &role = w.role("AppRuntime");
    QString all;
    for (const core::InlinePolicy &policy : role.inlinePolicies)
        all += doc::toQString(core::writePolicy(policy.document));
    QVERIFY2(
        all.contains(QStringLiteral("s3:ListBucket")) && all.contains(QString::fromStdString(bucket)), qPrintable(all));
    QVERIFY(w.hasEdge(runtime, bucket, core::GraphEdgeKind::MayActOn));
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(!w.hasEdge(runtime, bucket, core::GraphEdgeKind::MayActOn));
    w.undo()->redo();
    QVERIFY(w.hasEdge(runtime, bucket, core::GraphEdgeKind::MayActOn));
}

void TestGraphEditing::cancellingTheActionPickerChangesNothing()
{
    Window w;
    QVERIFY(w.open());
    w.window.graphEditActions()->setActionPicker([](const QString &, const QString &) { return QStringList(); });
    test::drag(w.viewport(), w.editor()->connectorHandle(w.node(arnOf("role/AppRuntime"))).toPoint(),
        w.editor()
            ->nodeCenter(w.graph()->find("arn:aws:s3:::example-artifacts", core::GraphNodeKind::Resource))
            .toPoint());
    QCOMPARE(w.undo()->count(), 0);
}

void TestGraphEditing::deletingAnEdgeNarrowsTheTrustStatement()
{
    Window w;
    QVERIFY(w.open());
    const core::Workspace before = w.document()->workspace();
    const std::string alice = arnOf("user/alice");
    const std::string developer = arnOf("role/Developer");
    QVERIFY(w.editor()->focusNode(QString::fromStdString(alice)));
    const std::size_t edge = w.graph()->findEdge(w.node(alice), w.node(developer), core::GraphEdgeKind::MayAssume);
    QVERIFY(edge != core::AccessGraph::npos);
    // Where the edge is the topmost item (edges near a busy role run close together): clicked there.
    ui::GraphEdgeItem *item = w.editor()->edgeItem(edge);
    QVERIFY(item);
    std::optional<QPoint> at;
    for (int percent = 10; percent <= 90 && !at; percent += 5) {
        const QPoint point = w.editor()->view()->mapFromScene(item->pointAt(percent / 100.0));
        const QList<QGraphicsItem *> items = w.editor()->view()->items(point);
        if (!items.isEmpty() && items.front() == item)
            at = point;
    }
    QVERIFY(at.has_value());
    test::click(w.viewport(), *at);
    QVERIFY(w.editor()->edgeItem(edge)->isSelected());
    QTest::keyClick(w.viewport(), Qt::Key_Delete);

    QCOMPARE(w.undo()->count(), 1);
    // The statement named alice, bob and dave: only alice goes.
    const QString trust = w.jsonText(QStringLiteral("Developer"), QStringLiteral("trust"));
    QVERIFY2(!trust.contains(QString::fromStdString(alice)), qPrintable(trust));
    QVERIFY(trust.contains(QString::fromStdString(arnOf("user/bob"))));
    QVERIFY(trust.contains(QString::fromStdString(arnOf("user/dave"))));
    QVERIFY(!w.hasEdge(alice, developer, core::GraphEdgeKind::MayAssume));
    QVERIFY(w.hasEdge(arnOf("user/bob"), developer, core::GraphEdgeKind::MayAssume));
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(w.hasEdge(alice, developer, core::GraphEdgeKind::MayAssume));
    w.undo()->redo();
    QVERIFY(!w.hasEdge(alice, developer, core::GraphEdgeKind::MayAssume));
}

void TestGraphEditing::aGroupCannotBeTrustedAndTheStatusBarSaysWhy()
{
    Window w;
    QVERIFY(w.open());
    QSignalSpy messages(w.window.graphEditActions(), &ui::GraphEditActions::message);
    // What the gesture would do if the view let it through: IAM JSON policy elements: Principal, "You cannot
    // identify a user group as a principal".
    QVERIFY(!w.window.graphEditActions()->connectNodes(
        *w.editor()->model(), w.node(arnOf("group/developers")), w.node(arnOf("role/DataReader"))));
    QCOMPARE(messages.count(), 1);
    QVERIFY2(messages.front().front().toString().contains(QStringLiteral("group"), Qt::CaseInsensitive),
        qPrintable(messages.front().front().toString()));
    QVERIFY(w.window.statusBar()->currentMessage().contains(QStringLiteral("group"), Qt::CaseInsensitive));
    QCOMPARE(w.undo()->count(), 0);
}

void TestGraphEditing::draggingAUserOntoAGroupMakesItAMember()
{
    Window w;
    QVERIFY(w.open());
    const core::Workspace before = w.document()->workspace();
    const std::string carol = arnOf("user/carol");
    const std::string developers = arnOf("group/developers");
    QVERIFY(!w.hasEdge(carol, developers, core::GraphEdgeKind::MemberOf));
    test::drag(w.viewport(), w.editor()->connectorHandle(w.node(carol)).toPoint(),
        w.editor()->nodeCenter(w.node(developers)).toPoint());
    QCOMPARE(w.undo()->count(), 1);
    QVERIFY(w.hasEdge(carol, developers, core::GraphEdgeKind::MemberOf));
    // Joining twice is refused.
    QVERIFY(!w.window.graphEditActions()->connectNodes(*w.editor()->model(), w.node(carol), w.node(developers)));
    QCOMPARE(w.undo()->count(), 1);
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(!w.hasEdge(carol, developers, core::GraphEdgeKind::MemberOf));
}

void TestGraphEditing::aReachQuestionDrawsExactlyItsPaths()
{
    Window w;
    QVERIFY(w.open(false));
    auto *explorer = w.window.findChild<ui::ReachExplorer *>();
    QVERIFY(explorer);
    // The answers' nodes and edges, as layout keys (the explorer may answer on another model than the one drawn).
    std::set<std::string> pathNodes;
    std::set<doc::GraphEdgeKey> pathEdges;
    connect(explorer, &ui::ReachExplorer::pathsAnswered, this,
        [&](const core::AccessGraph *graph, const std::vector<std::size_t> &nodes,
            const std::vector<std::size_t> &edges, bool) {
            pathNodes.clear();
            pathEdges.clear();
            for (std::size_t n : nodes)
                pathNodes.insert(core::graphLayoutKey(graph->nodes()[n]));
            for (std::size_t e : edges) {
                const core::GraphEdge &edge = graph->edges()[e];
                pathEdges.insert({ core::graphLayoutKey(graph->nodes()[edge.from]),
                    core::graphLayoutKey(graph->nodes()[edge.to]), edge.kind });
            }
        });
    // Alice reaches the orders table through Developer, Deployer and DataReader: three hops.
    explorer->ask(ui::ReachExplorer::Mode::WhatCan, QString::fromStdString(arnOf("user/alice")));
    QVERIFY(explorer->answerCount() > 0);
    QCOMPARE(w.editor()->scopeMode(), doc::GraphScope::Mode::Paths);
    w.editor()->rebuildNow();
    // Exactly the answers' nodes and edges are drawn, each node on its own card.
    std::set<std::string> drawnNodes;
    for (const doc::ViewNode &node : w.editor()->projection().nodes()) {
        QVERIFY(!node.bundle);
        drawnNodes.insert(core::graphLayoutKey(w.graph()->nodes()[node.members.front()]));
    }
    QCOMPARE(drawnNodes, pathNodes);
    std::set<doc::GraphEdgeKey> drawnEdges;
    for (const doc::ViewEdge &edge : w.editor()->projection().edges()) {
        for (std::size_t e : edge.edges) {
            const core::GraphEdge &graphEdge = w.graph()->edges()[e];
            drawnEdges.insert({ core::graphLayoutKey(w.graph()->nodes()[graphEdge.from]),
                core::graphLayoutKey(w.graph()->nodes()[graphEdge.to]), graphEdge.kind });
        }
    }
    QCOMPARE(drawnEdges, pathEdges);
    const std::size_t table =
        w.graph()->find("arn:aws:dynamodb:eu-west-1:111122223333:table/orders", core::GraphNodeKind::Resource);
    const std::size_t partner = w.graph()->find("arn:aws:iam::444455556666:root", core::GraphNodeKind::Account);
    QVERIFY(w.editor()->nodeItem(table) && !w.editor()->nodeItem(table)->isDimmed());
    QVERIFY(!w.editor()->nodeItem(partner)); // not on alice's paths
    // The row of the orders table: only its path stays lit.
    const QString orders = QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    int row = 0;
    while (row < explorer->answerCount() && answers->topLevelItem(row)->text(1) != orders)
        ++row;
    QVERIFY(row < explorer->answerCount());
    explorer->selectAnswer(row);
    QVERIFY(!w.editor()->nodeItem(table)->isDimmed());
    const std::size_t deployer = w.node(arnOf("role/Deployer"));
    const std::size_t dataReader = w.node(arnOf("role/DataReader"));
    const std::size_t hop = w.graph()->findEdge(deployer, dataReader, core::GraphEdgeKind::MayAssume);
    QVERIFY(hop != core::AccessGraph::npos);
    QVERIFY(!w.editor()->edgeItem(hop)->isDimmed());
    QVERIFY(std::any_of(w.editor()->projection().nodes().begin(), w.editor()->projection().nodes().end(),
        [&](const doc::ViewNode &node) { return w.editor()->nodeItem(node.members.front())->isDimmed(); }));

    // Deleting an edge of the paths is one undo step, and the paths are drawn again without it.
    const core::Workspace before = w.document()->workspace();
    explorer->selectAnswer(-1);
    QVERIFY(w.deleteEdge(hop));
    QCOMPARE(w.undo()->count(), 1);
    QVERIFY(!w.hasEdge(arnOf("role/Deployer"), arnOf("role/DataReader"), core::GraphEdgeKind::MayAssume));
    QCOMPARE(w.editor()->scopeMode(), doc::GraphScope::Mode::Paths);
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(w.hasEdge(arnOf("role/Deployer"), arnOf("role/DataReader"), core::GraphEdgeKind::MayAssume));
}

void TestGraphEditing::focusFollowsTheBrowserAndGesturesWorkInIt()
{
    Window w;
    QVERIFY(w.open(false));
    QCOMPARE(w.editor()->scopeMode(), doc::GraphScope::Mode::Focus);
    // The browser's role is the focus: DataReader and the cards one hop from it, no other.
    QVERIFY(w.window.selectRole(QStringLiteral("DataReader")));
    w.editor()->rebuildNow();
    const core::RoleId dataReaderId = w.role("DataReader").id;
    QCOMPARE(w.editor()->scope().focus, "role:" + std::to_string(dataReaderId.value));
    const std::size_t dataReader = w.node(arnOf("role/DataReader"));
    const doc::GraphProjection &drawn = w.editor()->projection();
    QVERIFY(drawn.focus() < drawn.nodes().size());
    QCOMPARE(drawn.nodes()[drawn.focus()].members, std::vector<std::size_t> { dataReader });
    for (const doc::ViewNode &node : drawn.nodes()) {
        const std::size_t n = node.members.front();
        QVERIFY(n == dataReader
            || w.graph()->findEdge(n, dataReader, core::GraphEdgeKind::MayAssume) != core::AccessGraph::npos
            || w.graph()->findEdge(dataReader, n, core::GraphEdgeKind::MayActOn) != core::AccessGraph::npos
            || w.graph()->findEdge(dataReader, n, core::GraphEdgeKind::MayAssume) != core::AccessGraph::npos);
    }
    QVERIFY(!w.editor()->nodeItem(w.node(arnOf("role/AppRuntime"))));

    // Searching focuses on the hit; two hops from alice reach Deployer through Developer.
    const std::string alice = arnOf("user/alice");
    const std::string deployer = arnOf("role/Deployer");
    QVERIFY(w.editor()->focusNode(QString::fromStdString(alice)));
    w.editor()->setFocusDepth(2);
    w.editor()->rebuildNow();
    QVERIFY(w.editor()->nodeItem(w.node(deployer)));
    QVERIFY(!w.hasEdge(alice, deployer, core::GraphEdgeKind::MayAssume));
    w.editor()->fit();

    // Drag to trust: alice onto Deployer, one undo step; undone, the workspace is as it was.
    const core::Workspace before = w.document()->workspace();
    const QPoint from = w.editor()->connectorHandle(w.node(alice)).toPoint();
    const QPoint to = w.editor()->nodeCenter(w.node(deployer)).toPoint();
    QVERIFY(from.x() >= 0 && to.x() >= 0);
    test::drag(w.viewport(), from, to);
    QCOMPARE(w.undo()->count(), 1);
    QVERIFY(w.hasEdge(alice, deployer, core::GraphEdgeKind::MayAssume));
    QCOMPARE(w.editor()->scope().focus, "user:" + std::to_string(w.graph()->nodes()[w.node(alice)].entityId));
    // Delete an edge in focus: alice's way into Developer, a second undo step.
    const std::size_t edge =
        w.graph()->findEdge(w.node(alice), w.node(arnOf("role/Developer")), core::GraphEdgeKind::MayAssume);
    QVERIFY(edge != core::AccessGraph::npos);
    QVERIFY(w.deleteEdge(edge));
    QCOMPARE(w.undo()->count(), 2);
    QVERIFY(!w.hasEdge(alice, arnOf("role/Developer"), core::GraphEdgeKind::MayAssume));
    w.undo()->undo();
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);
    QVERIFY(!w.hasEdge(alice, deployer, core::GraphEdgeKind::MayAssume));

    // Back returns to DataReader, Forward to alice.
    QVERIFY(w.editor()->goBack());
    QCOMPARE(w.editor()->scope().focus, "role:" + std::to_string(dataReaderId.value));
    QVERIFY(w.editor()->goForward());
    QVERIFY(w.editor()->scope().focus.rfind("user:", 0) == 0);
    QVERIFY(!w.editor()->goForward());
}

void TestGraphEditing::ctrlFInTheGraphSearchesTheGraph()
{
    Window w;
    QVERIFY(w.open(false));
    // In the graph, Ctrl+F goes to the graph's search (elsewhere it filters the workspace browser); Return focuses on
    // the node found.
    w.editor()->view()->setFocus();
    QTRY_VERIFY(w.editor()->view()->hasFocus());
    QTest::keyClick(w.editor()->view()->viewport(), Qt::Key_F, Qt::ControlModifier);
    auto *search = w.editor()->findChild<QLineEdit *>(QStringLiteral("graphSearch"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("bob"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(
        w.editor()->scope().focus, "user:" + std::to_string(w.graph()->nodes()[w.node(arnOf("user/bob"))].entityId));
    // Back in the browser, Ctrl+F filters the workspace.
    auto *tree = w.window.findChild<QTreeView *>(QStringLiteral("workspaceTree"));
    QVERIFY(tree);
    tree->setFocus();
    QTRY_VERIFY(tree->hasFocus());
    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(w.window.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"))->hasFocus());
}

void TestGraphEditing::severalEdgesAreRemovedInTheBackgroundAsOneStep()
{
    Window w;
    QVERIFY(w.open());
    const core::Workspace before = w.document()->workspace();
    const std::string developer = arnOf("role/Developer");
    const std::vector<std::size_t> edges { w.graph()->findEdge(w.node(arnOf("user/alice")), w.node(developer),
                                               core::GraphEdgeKind::MayAssume),
        w.graph()->findEdge(w.node(arnOf("user/bob")), w.node(developer), core::GraphEdgeKind::MayAssume) };
    QVERIFY(edges[0] != core::AccessGraph::npos && edges[1] != core::AccessGraph::npos);
    ui::GraphEditActions *actions = w.window.graphEditActions();
    QSignalSpy finished(actions, &ui::GraphEditActions::removalFinished);

    // Planned off the GUI thread: nothing changes until the plans arrive, then one undo step.
    QVERIFY(actions->removeEdges(w.editor()->sharedModel(), edges));
    QVERIFY(actions->isRemoving());
    QCOMPARE(w.undo()->count(), 0);
    // A second gesture meanwhile is refused, not queued behind it.
    QVERIFY(!actions->removeEdges(w.editor()->sharedModel(), edges));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.front().front().toBool(), true);
    QCOMPARE(w.undo()->count(), 1);
    QVERIFY(!w.hasEdge(arnOf("user/alice"), developer, core::GraphEdgeKind::MayAssume));
    QVERIFY(!w.hasEdge(arnOf("user/bob"), developer, core::GraphEdgeKind::MayAssume));
    QVERIFY(w.hasEdge(arnOf("user/dave"), developer, core::GraphEdgeKind::MayAssume));
    w.undo()->undo();
    QVERIFY(w.document()->workspace() == before);

    // An edit while the plans are made: they describe a workspace that is gone, so nothing is applied.
    finished.clear();
    QVERIFY(actions->removeEdges(w.editor()->sharedModel(), edges));
    QVERIFY(
        w.document()->editRole(w.role("AppRuntime").id, QStringLiteral("Describe"), doc::RoleEditCommand::Field::Other,
            [](core::Role &role) { role.description = QStringLiteral("x").toStdString(); }));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.front().front().toBool(), false);
    QCOMPARE(w.undo()->count(), 1); // the description only
    QVERIFY(w.hasEdge(arnOf("user/alice"), developer, core::GraphEdgeKind::MayAssume));
}

QTEST_MAIN(TestGraphEditing)
#include "TestGraphEditing.moc"
