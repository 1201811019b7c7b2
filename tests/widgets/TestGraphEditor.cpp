// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "DataFiles.h"
#include "MouseGestures.h"
#include "document/GraphLayout.h"
#include "document/GraphProjection.h"
#include "document/RoleEditCommand.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/graph/AccessGraph.h"
#include "widgets/graph/GraphEdgeItem.h"
#include "widgets/graph/GraphEditor.h"
#include "widgets/graph/GraphMinimap.h"
#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphStyle.h"
#include "widgets/graph/GraphView.h"
#include "widgets/shell/AppTheme.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QXmlStreamReader>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

using namespace rd;

namespace
{

using test::click;
using test::drag;

std::size_t nodeByKey(const core::AccessGraph &graph, const std::string &key)
{
    return graph.find(key);
}

/// A document with a workspace loaded, and a graph editor over it shown at a real size.
struct Fixture {
    doc::WorkspaceDocument document;
    std::unique_ptr<ui::GraphEditor> editor;

    bool open(const QString &path)
    {
        QString error;
        if (!document.load(path, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        editor = std::make_unique<ui::GraphEditor>(&document);
        // The whole account: these tests are about drawing, folding and gestures on every card.
        editor->setScopeMode(doc::GraphScope::Mode::Account);
        editor->resize(1400, 900);
        editor->show();
        if (!QTest::qWaitForWindowExposed(editor.get()))
            return false;
        editor->rebuildNow();
        editor->fit();
        return editor->graph() != nullptr;
    }
    QWidget *viewport() const { return editor->view()->viewport(); }
    const core::AccessGraph &graph() const { return *editor->graph(); }
};

const char *const kRoleArn = "arn:aws:iam::111122223333:role/service-role/LambdaLogWriter";
const char *const kTeam = "arn:aws:iam::111122223333:";

} // namespace

class TestGraphEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsOneCardPerViewNode_data();
    void drawsOneCardPerViewNode();
    void conditionalEdgesAreDashedAndExplainTheirConditions();
    void draggingANodeIsOneUndoStep();
    void draggedPlacesSurviveSaveAndReopen_data();
    void draggedPlacesSurviveSaveAndReopen();
    void searchUnfoldsSelectsAndCentres();
    void searchDrawsAtOnceWhileGraphvizIsBusy();
    void foldingGroupMembersChangesTheCards();
    void aClearedHighlightFoldsWhatItUnfolded();
    void draggingFromTheHandleOntoARoleAsksForAConnection();
    void shiftDraggingANodeAlsoConnects();
    void deletingASelectedEdgeAsksToRemoveIt();
    void doubleClicksOpenRolesAndStatements();
    void highlightDimsTheRest();
    void editsRedrawWithoutMovingCards();
    void laysOutInTheBackgroundAndDropsStaleLayouts();
    void foldsLargeGraphsInTheBackground();
    void minimapShowsTheVisibleArea();
    void rendersLightAndDark();
    void theFocusScopeDrawsTheFocusAndOpensBundles();
    void aNewFocusOpensReadableAndFitsAgainWhenResized();
    void exportsWhatIsShownAsSvgAndPng();
};

void TestGraphEditor::drawsOneCardPerViewNode_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("the Lambda logging example") << QStringLiteral(RD_EXAMPLE_WORKSPACE);
    QTest::addRow("a team account with users, groups and providers") << QStringLiteral(RD_TEAM_WORKSPACE);
}

void TestGraphEditor::drawsOneCardPerViewNode()
{
    QFETCH(QString, path);
    Fixture f;
    QVERIFY(f.open(path));
    const doc::GraphProjection &projection = f.editor->projection();
    QVERIFY(!projection.nodes().empty());
    QCOMPARE(f.editor->drawnNodeCount(), int(projection.nodes().size()));
    QCOMPARE(f.editor->drawnEdgeCount(), int(projection.edges().size()));
    int cards = 0;
    for (QGraphicsItem *item : f.editor->view()->scene()->items()) {
        if (item->type() != ui::GraphNodeItem::Type)
            continue;
        ++cards;
        auto *node = static_cast<ui::GraphNodeItem *>(item);
        const doc::ViewNode &viewNode = projection.nodes()[node->viewNode()];
        QCOMPARE(node->kind(), viewNode.kind);
        QCOMPARE(node->key(), viewNode.key);
        QCOMPARE(node->isBundle(), viewNode.bundle);
        QVERIFY(f.editor->toolTip(node).contains(QString::fromStdString(viewNode.label).toHtmlEscaped()));
    }
    QCOMPARE(cards, int(projection.nodes().size()));
    // No two cards overlap.
    const auto items = f.editor->view()->scene()->items();
    for (QGraphicsItem *a : items) {
        for (QGraphicsItem *b : items) {
            if (a == b || a->type() != ui::GraphNodeItem::Type || b->type() != ui::GraphNodeItem::Type)
                continue;
            const QRectF ra(a->pos() - QPointF(ui::GraphNodeItem::kWidth / 2, ui::GraphNodeItem::kHeight / 2),
                QSizeF(ui::GraphNodeItem::kWidth, ui::GraphNodeItem::kHeight));
            const QRectF rb(b->pos() - QPointF(ui::GraphNodeItem::kWidth / 2, ui::GraphNodeItem::kHeight / 2),
                QSizeF(ui::GraphNodeItem::kWidth, ui::GraphNodeItem::kHeight));
            QVERIFY2(!ra.intersects(rb), qPrintable(static_cast<ui::GraphNodeItem *>(a)->label()));
        }
    }
}

void TestGraphEditor::conditionalEdgesAreDashedAndExplainTheirConditions()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_EXAMPLE_WORKSPACE)));
    // The trust policy lets lambda.amazonaws.com assume the role only if aws:SourceAccount matches.
    const std::size_t lambda = nodeByKey(f.graph(), "lambda.amazonaws.com");
    const std::size_t role = nodeByKey(f.graph(), kRoleArn);
    QVERIFY(lambda != core::AccessGraph::npos && role != core::AccessGraph::npos);
    const std::size_t assume = f.graph().findEdge(lambda, role, core::GraphEdgeKind::MayAssume);
    QVERIFY(assume != core::AccessGraph::npos);
    ui::GraphEdgeItem *edge = f.editor->edgeItem(assume);
    QVERIFY(edge);
    QVERIFY(edge->isConditional());
    QCOMPARE(edge->lineStyle(), Qt::DashLine);
    // The view asks for the tooltip when it is about to show it.
    QVERIFY(edge->toolTip().isEmpty());
    const QPoint at = f.editor->edgePoint(assume).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, f.viewport()->mapToGlobal(at));
    QApplication::sendEvent(f.viewport(), &help);
    QVERIFY(edge->toolTip().contains(QStringLiteral("aws:SourceAccount")));
    // The role's permission on the bucket's objects holds without conditions: solid, labelled with its access level.
    const std::size_t objects = nodeByKey(f.graph(), "arn:aws:s3:::my-log-bucket/*");
    const std::size_t actOn = f.graph().findEdge(role, objects, core::GraphEdgeKind::MayActOn);
    QVERIFY(actOn != core::AccessGraph::npos);
    QCOMPARE(f.editor->edgeItem(actOn)->lineStyle(), Qt::SolidLine);
    QCOMPARE(f.editor->edgeItem(actOn)->label(), QStringLiteral("s3 Write"));
    QVERIFY(f.editor->toolTip(f.editor->edgeItem(actOn)).contains(QStringLiteral("PutLogObjects")));
}

void TestGraphEditor::draggingANodeIsOneUndoStep()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_EXAMPLE_WORKSPACE)));
    const std::size_t role = nodeByKey(f.graph(), kRoleArn);
    ui::GraphNodeItem *card = f.editor->nodeItem(role);
    QVERIFY(card);
    const QPointF before = card->pos();
    const int steps = f.document.undoStack()->count();
    const QPoint from = f.editor->nodeCenter(role).toPoint();
    drag(f.viewport(), from, from + QPoint(60, 90));
    QCOMPARE(f.document.undoStack()->count(), steps + 1);
    QVERIFY(f.document.undoStack()->undoText().startsWith(QStringLiteral("Move")));
    QVERIFY(card->pos() != before);
    QCOMPARE(f.document.workspace().layout.size(), std::size_t(1));
    QCOMPARE(f.document.workspace().layout.front().node, std::string("role:1"));
    QCOMPARE(f.document.workspace().layout.front().x, card->pos().x());
    // Its edges followed it.
    for (ui::GraphEdgeItem *edge : card->edges())
        QVERIFY(edge->shape().boundingRect().intersects(card->sceneBoundingRect()));
    const QPointF moved = card->pos();
    f.document.undoStack()->undo();
    QCOMPARE(card->pos(), before);
    f.document.undoStack()->redo();
    QCOMPARE(card->pos(), moved);
    // A click that does not move is no step.
    click(f.viewport(), f.editor->nodeCenter(role).toPoint());
    QCOMPARE(f.document.undoStack()->count(), steps + 1);
    // Lay Out Again forgets the kept place, as one more step.
    f.editor->findChild<QAction *>(QStringLiteral("graphRelayout"))->trigger();
    QVERIFY(f.document.workspace().layout.empty());
    QCOMPARE(f.document.undoStack()->count(), steps + 2);
    QCOMPARE(f.editor->nodeItem(role)->pos(), before);
}

void TestGraphEditor::draggedPlacesSurviveSaveAndReopen_data()
{
    QTest::addColumn<int>("scope");
    QTest::newRow("whole account") << int(doc::GraphScope::Mode::Account);
    QTest::newRow("focus") << int(doc::GraphScope::Mode::Focus);
}

void TestGraphEditor::draggedPlacesSurviveSaveAndReopen()
{
    QFETCH(int, scope);
    const auto mode = doc::GraphScope::Mode(scope);
    const auto openIn = [mode](doc::WorkspaceDocument &document, const QString &path) {
        QString error;
        auto editor = std::make_unique<ui::GraphEditor>(&document);
        if (!document.load(path, &error))
            return std::unique_ptr<ui::GraphEditor>();
        editor->setScopeMode(mode);
        editor->resize(1400, 900);
        editor->show();
        if (!QTest::qWaitForWindowExposed(editor.get()))
            return std::unique_ptr<ui::GraphEditor>();
        editor->rebuildNow();
        // The role in focus, as selecting it in the workspace browser does.
        if (mode == doc::GraphScope::Mode::Focus && editor->graph())
            editor->focusOn(
                core::graphLayoutKey(editor->graph()->nodes()[nodeByKey(*editor->graph(), kRoleArn)]), true);
        return editor;
    };
    doc::WorkspaceDocument first;
    std::unique_ptr<ui::GraphEditor> editor = openIn(first, QStringLiteral(RD_EXAMPLE_WORKSPACE));
    QVERIFY(editor && editor->graph());
    const std::size_t role = nodeByKey(*editor->graph(), kRoleArn);
    QVERIFY(editor->nodeItem(role));
    const QPoint from = editor->nodeCenter(role).toPoint();
    drag(editor->view()->viewport(), from, from + QPoint(60, 90));
    const QPointF moved = editor->nodeItem(role)->pos();
    QCOMPARE(first.workspace().layout.size(), std::size_t { 1 });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moved.rdws"));
    QString error;
    QVERIFY2(first.save(path, &error), qPrintable(error));
    editor.reset();

    // Reopened: the card is where it was dragged to.
    doc::WorkspaceDocument second;
    std::unique_ptr<ui::GraphEditor> again = openIn(second, path);
    QVERIFY(again && again->graph());
    QCOMPARE(second.workspace().layout.size(), std::size_t { 1 });
    const std::size_t reopened = nodeByKey(*again->graph(), kRoleArn);
    QVERIFY(again->nodeItem(reopened));
    QCOMPARE(again->nodeItem(reopened)->pos(), moved);
}

void TestGraphEditor::searchUnfoldsSelectsAndCentres()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t alice = nodeByKey(f.graph(), std::string(kTeam) + "user/alice");
    QVERIFY(alice != core::AccessGraph::npos);
    // alice is folded with the other developers.
    QVERIFY(f.editor->nodeItem(alice)->isBundle());
    auto *search = f.editor->findChild<QLineEdit *>(QStringLiteral("graphSearch"));
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("alice"));
    QTest::keyClick(search, Qt::Key_Return);
    ui::GraphNodeItem *card = f.editor->nodeItem(alice);
    QVERIFY(card);
    QVERIFY(!card->isBundle());
    QCOMPARE(card->label(), QStringLiteral("alice"));
    QVERIFY(card->isSelected());
    const QPointF center = f.editor->nodeCenter(alice);
    const QRectF middle = QRectF(f.viewport()->rect()).adjusted(500, 300, -500, -300);
    QVERIFY2(middle.contains(center), qPrintable(QStringLiteral("%1,%2").arg(center.x()).arg(center.y())));
    // By ARN too, and nothing for a name nobody has.
    QVERIFY(f.editor->focusNode(QStringLiteral("arn:aws:s3:::app-artifacts")));
    QVERIFY(!f.editor->focusNode(QStringLiteral("no-such-node")));
}

void TestGraphEditor::searchDrawsAtOnceWhileGraphvizIsBusy()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t alice = nodeByKey(f.graph(), std::string(kTeam) + "user/alice");
    QVERIFY(f.editor->nodeItem(alice)->isBundle());
    // Another layout holds Graphviz (a large account's, in the background; here one that waits to be released).
    const doc::GraphProjection other = doc::GraphProjection::project(f.graph(), {});
    std::promise<void> holding;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> releasedInTime = false;
    std::thread background([&] {
        doc::GraphLayoutControl control;
        control.stillWanted = [&] {
            holding.set_value();
            releasedInTime = released.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
            return true;
        };
        doc::layoutGraph(other, {}, control);
    });
    holding.get_future().wait();
    // The search unfolds alice's bundle and draws it at once, in columns, without waiting for Graphviz.
    auto *search = f.editor->findChild<QLineEdit *>(QStringLiteral("graphSearch"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("alice"));
    QTest::keyClick(search, Qt::Key_Return);
    ui::GraphNodeItem *card = f.editor->nodeItem(alice);
    const bool unfolded = card && !card->isBundle() && card->isSelected();
    release.set_value();
    background.join();
    QVERIFY(unfolded);
    // Had the search waited for Graphviz, the other layout would have stayed blocked until its 30 seconds ran out.
    QVERIFY(releasedInTime);
}

void TestGraphEditor::foldingGroupMembersChangesTheCards()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const int folded = f.editor->drawnNodeCount();
    auto *toggle = f.editor->findChild<QAction *>(QStringLiteral("graphFoldGroups"));
    QVERIFY(toggle && toggle->isChecked());
    toggle->trigger();
    // alice, bob and dave get a card each instead of one for the three of them.
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    toggle->trigger();
    QCOMPARE(f.editor->drawnNodeCount(), folded);
    // Double-clicking the bundle unfolds it.
    const std::size_t bob = nodeByKey(f.graph(), std::string(kTeam) + "user/bob");
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, Qt::NoModifier, f.editor->nodeCenter(bob).toPoint());
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    QVERIFY(!f.editor->nodeItem(bob)->isBundle());
    // And folds back through the same key the context menu uses.
    f.editor->setBundleFolded("bundle:group:group:6", true);
    QCOMPARE(f.editor->drawnNodeCount(), folded);
}

void TestGraphEditor::aClearedHighlightFoldsWhatItUnfolded()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const int folded = f.editor->drawnNodeCount();
    auto *toggle = f.editor->findChild<QAction *>(QStringLiteral("graphFoldGroups"));
    QVERIFY(toggle && toggle->isChecked());
    // A reach answer through bob lights him up: his group's bundle opens to show his card.
    const std::size_t bob = nodeByKey(f.graph(), std::string(kTeam) + "user/bob");
    f.editor->highlight({ bob }, {});
    f.editor->rebuildNow();
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    QVERIFY(!f.editor->nodeItem(bob)->isBundle());
    // The answer cleared (or undone): drawn folded again, as the pressed Fold button says.
    f.editor->clearHighlight();
    f.editor->rebuildNow();
    QVERIFY(toggle->isChecked());
    QCOMPARE(f.editor->drawnNodeCount(), folded);
    QVERIFY(f.editor->nodeItem(bob)->isBundle());
    // A bundle the user opened stays open through a highlight and its clearing.
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, Qt::NoModifier, f.editor->nodeCenter(bob).toPoint());
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    f.editor->highlight({ bob }, {});
    f.editor->rebuildNow();
    f.editor->clearHighlight();
    f.editor->rebuildNow();
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
}

void TestGraphEditor::draggingFromTheHandleOntoARoleAsksForAConnection()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t erin = nodeByKey(f.graph(), std::string(kTeam) + "user/erin");
    const std::size_t deployer = nodeByKey(f.graph(), std::string(kTeam) + "role/Deployer");
    const std::size_t lambda = nodeByKey(f.graph(), "lambda.amazonaws.com");
    QVERIFY(erin != core::AccessGraph::npos && deployer != core::AccessGraph::npos);
    std::vector<std::pair<std::size_t, std::size_t>> requests;
    connect(f.editor.get(), &ui::GraphEditor::connectRequested, this,
        [&](std::size_t from, std::size_t to) { requests.emplace_back(from, to); });
    const int steps = f.document.undoStack()->count();
    drag(f.viewport(), f.editor->connectorHandle(erin).toPoint(), f.editor->nodeCenter(deployer).toPoint());
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(requests.front().first, erin);
    QCOMPARE(requests.front().second, deployer);
    // The card did not move, and the target is no longer lit.
    QCOMPARE(f.document.undoStack()->count(), steps);
    QVERIFY(!f.editor->nodeItem(deployer)->isConnectTarget());
    // A user cannot be made to "assume" an AWS service: no request.
    QVERIFY(!ui::GraphView::canConnect(core::GraphNodeKind::User, core::GraphNodeKind::Service));
    drag(f.viewport(), f.editor->connectorHandle(erin).toPoint(), f.editor->nodeCenter(lambda).toPoint());
    QCOMPARE(requests.size(), std::size_t(1));
    // Released over the background: nothing either.
    drag(f.viewport(), f.editor->connectorHandle(erin).toPoint(), QPoint(5, 5));
    QCOMPARE(requests.size(), std::size_t(1));
}

void TestGraphEditor::shiftDraggingANodeAlsoConnects()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t role = nodeByKey(f.graph(), std::string(kTeam) + "role/WebServer");
    const std::size_t bucket = nodeByKey(f.graph(), "arn:aws:s3:::my-log-bucket");
    QVERIFY(role != core::AccessGraph::npos && bucket != core::AccessGraph::npos);
    QSignalSpy spy(f.editor.get(), &ui::GraphEditor::connectRequested);
    const QPointF before = f.editor->nodeItem(role)->pos();
    drag(f.viewport(), f.editor->nodeCenter(role).toPoint(), f.editor->nodeCenter(bucket).toPoint(), Qt::ShiftModifier);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<std::size_t>(), role);
    QCOMPARE(spy.at(0).at(1).value<std::size_t>(), bucket);
    QCOMPARE(f.editor->nodeItem(role)->pos(), before);
}

void TestGraphEditor::deletingASelectedEdgeAsksToRemoveIt()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t role = nodeByKey(f.graph(), std::string(kTeam) + "role/WebServer");
    const std::size_t table = nodeByKey(f.graph(), "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders");
    const std::size_t edge = f.graph().findEdge(role, table, core::GraphEdgeKind::MayActOn);
    QVERIFY(edge != core::AccessGraph::npos);
    std::vector<std::vector<std::size_t>> requests;
    connect(f.editor.get(), &ui::GraphEditor::edgeRemovalRequested, this,
        [&](const std::vector<std::size_t> &edges) { requests.push_back(edges); });
    click(f.viewport(), f.editor->edgePoint(edge).toPoint());
    ui::GraphEdgeItem *item = f.editor->edgeItem(edge);
    QVERIFY(item->isSelected());
    QTest::keyClick(f.editor->view(), Qt::Key_Delete);
    QCOMPARE(requests.size(), std::size_t(1));
    QCOMPARE(requests.front(), item->edges());
    // Nothing selected: Delete asks nothing.
    f.editor->view()->scene()->clearSelection();
    QTest::keyClick(f.editor->view(), Qt::Key_Backspace);
    QCOMPARE(requests.size(), std::size_t(1));
}

void TestGraphEditor::doubleClicksOpenRolesAndStatements()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_EXAMPLE_WORKSPACE)));
    QSignalSpy roles(f.editor.get(), &ui::GraphEditor::roleActivated);
    QSignalSpy statements(f.editor.get(), &ui::GraphEditor::statementActivated);
    const std::size_t role = nodeByKey(f.graph(), kRoleArn);
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, Qt::NoModifier, f.editor->nodeCenter(role).toPoint());
    QCOMPARE(roles.count(), 1);
    QCOMPARE(roles.at(0).at(0).toULongLong(), quint64(1));
    const std::size_t lambda = nodeByKey(f.graph(), "lambda.amazonaws.com");
    const std::size_t assume = f.graph().findEdge(lambda, role, core::GraphEdgeKind::MayAssume);
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, Qt::NoModifier, f.editor->edgePoint(assume).toPoint());
    QCOMPARE(statements.count(), 1);
    QVERIFY(statements.at(0).at(0).toString().startsWith(QStringLiteral("trust policy of role LambdaLogWriter")));
    QCOMPARE(statements.at(0).at(1).toInt(), 0);
}

void TestGraphEditor::highlightDimsTheRest()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    const std::size_t dave = nodeByKey(f.graph(), std::string(kTeam) + "user/dave");
    const std::size_t group = nodeByKey(f.graph(), std::string(kTeam) + "group/developers");
    const std::size_t edge = f.graph().findEdge(dave, group, core::GraphEdgeKind::MemberOf);
    QVERIFY(edge != core::AccessGraph::npos);
    const int folded = f.editor->drawnNodeCount();
    f.editor->highlight({ dave }, { edge });
    // dave's bundle unfolded to show him.
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    QVERIFY(!f.editor->nodeItem(dave)->isBundle());
    QVERIFY(!f.editor->nodeItem(dave)->isDimmed());
    QVERIFY(!f.editor->nodeItem(group)->isDimmed());
    QVERIFY(!f.editor->edgeItem(edge)->isDimmed());
    const std::size_t bob = nodeByKey(f.graph(), std::string(kTeam) + "user/bob");
    QVERIFY(f.editor->nodeItem(bob)->isDimmed());
    int dimmed = 0;
    for (QGraphicsItem *item : f.editor->view()->scene()->items())
        dimmed += item->opacity() < 1 ? 1 : 0;
    QVERIFY(dimmed >= f.editor->drawnNodeCount() - 2);
    f.editor->clearHighlight();
    QVERIFY(!f.editor->nodeItem(bob)->isDimmed());
}

void TestGraphEditor::editsRedrawWithoutMovingCards()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_EXAMPLE_WORKSPACE)));
    const std::size_t role = nodeByKey(f.graph(), kRoleArn);
    const QPointF before = f.editor->nodeItem(role)->pos();
    const int count = f.editor->drawnNodeCount();
    QSignalSpy redrawn(f.editor.get(), &ui::GraphEditor::graphRedrawn);
    // Drop the role's permissions: the bucket pattern goes, the role stays where it was.
    const core::RoleId id = f.document.workspace().roles.front().id;
    f.document.editRole(id, QStringLiteral("Drop permissions"), doc::RoleEditCommand::Field::Other,
        [](core::Role &r) { r.inlinePolicies.clear(); });
    QTRY_COMPARE(redrawn.count(), 1);
    // The updated model keeps the pattern's node, vacant (AccessGraph::isVacant()); nothing draws it.
    QVERIFY(f.editor->drawnNodeCount() < count);
    const std::size_t again = nodeByKey(f.graph(), kRoleArn);
    QCOMPARE(f.editor->nodeItem(again)->pos(), before);
    // Undo brings the pattern back; it gets a place of its own.
    f.document.undoStack()->undo();
    QTRY_COMPARE(redrawn.count(), 2);
    QCOMPARE(f.editor->drawnNodeCount(), count);
    QCOMPARE(f.editor->nodeItem(nodeByKey(f.graph(), kRoleArn))->pos(), before);
}

void TestGraphEditor::laysOutInTheBackgroundAndDropsStaleLayouts()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    f.editor->setBackgroundLayoutThreshold(0);
    QSignalSpy redrawn(f.editor.get(), &ui::GraphEditor::graphRedrawn);
    QSignalSpy layouts(f.editor.get(), &ui::GraphEditor::backgroundLayoutFinished);
    const int folded = f.editor->drawnNodeCount();
    auto *toggle = f.editor->findChild<QAction *>(QStringLiteral("graphFoldGroups"));
    // Unfolding needs places for three new cards: Graphviz runs in the background, the old drawing stays meanwhile.
    toggle->trigger();
    QVERIFY(f.editor->isLayingOut());
    QCOMPARE(f.editor->drawnNodeCount(), folded);
    QTRY_COMPARE(layouts.count(), 1);
    QCOMPARE(layouts.at(0).at(0).toBool(), true);
    QVERIFY(!f.editor->isLayingOut());
    QCOMPARE(redrawn.count(), 1);
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    // Folding needs no layout (the bundle's place is known): at once.
    toggle->trigger();
    QCOMPARE(redrawn.count(), 2);
    QCOMPARE(f.editor->drawnNodeCount(), folded);
    // Layouts overtaken by a newer drawing are dropped when they arrive: Lay Out Again (folded) and unfolding both
    // wait for Graphviz when rebuildNow() draws the unfolded graph at once.
    f.editor->findChild<QAction *>(QStringLiteral("graphRelayout"))->trigger();
    QVERIFY(f.editor->isLayingOut());
    toggle->trigger();
    QVERIFY(f.editor->isLayingOut());
    f.editor->rebuildNow();
    QVERIFY(!f.editor->isLayingOut());
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    const int redraws = redrawn.count();
    // Both overtaken layouts come back, and are dropped: the drawing stays.
    QTRY_COMPARE(layouts.count(), 3);
    QCOMPARE(layouts.at(1).at(0).toBool(), false);
    QCOMPARE(layouts.at(2).at(0).toBool(), false);
    QCOMPARE(redrawn.count(), redraws);
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
}

void TestGraphEditor::foldsLargeGraphsInTheBackground()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    f.editor->setBackgroundFoldThreshold(0);
    QSignalSpy redrawn(f.editor.get(), &ui::GraphEditor::graphRedrawn);
    const int folded = f.editor->drawnNodeCount();
    auto *toggle = f.editor->findChild<QAction *>(QStringLiteral("graphFoldGroups"));
    // Unfolding: the projection is made in the background, the old drawing stays meanwhile.
    toggle->trigger();
    QVERIFY(f.editor->isLayingOut());
    QCOMPARE(f.editor->drawnNodeCount(), folded);
    QCOMPARE(redrawn.count(), 0);
    QTRY_COMPARE(redrawn.count(), 1);
    QVERIFY(!f.editor->isLayingOut());
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    // Folded and unfolded again before either projection came back: only the last one is drawn.
    toggle->trigger();
    toggle->trigger();
    QTRY_COMPARE(redrawn.count(), 2);
    QTRY_VERIFY(!f.editor->isLayingOut());
    QCOMPARE(f.editor->drawnNodeCount(), folded + 2);
    QTest::qWait(50);
    QCOMPARE(redrawn.count(), 2);
}

void TestGraphEditor::minimapShowsTheVisibleArea()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_TEAM_WORKSPACE)));
    ui::GraphMinimap *minimap = f.editor->minimap();
    QCOMPARE(minimap->objectName(), QStringLiteral("graphMinimap"));
    // The whole graph in sight: no overview. Zoomed in: there it is.
    QVERIFY(!minimap->isVisible());
    f.editor->view()->zoomBy(3);
    QVERIFY(minimap->isVisible());
    const QRectF area = minimap->visibleArea();
    QVERIFY(!area.isEmpty());
    QVERIFY(area.width() < minimap->width());
    // A click in a corner of the overview moves the view there.
    const QPoint corner(10, 10);
    const QPointF target = minimap->toScene(corner);
    click(minimap, corner);
    const QPointF center = f.editor->view()->mapToScene(f.editor->view()->viewport()->rect().center());
    QVERIFY(std::abs(center.x() - target.x()) < 5 && std::abs(center.y() - target.y()) < 5);
    // The keyboard: 0 fits again.
    QTest::keyClick(f.editor->view(), Qt::Key_0);
    QVERIFY(minimap->visibleArea().width() >= minimap->width() - 20);
    QVERIFY(!minimap->isVisible());
}

void TestGraphEditor::rendersLightAndDark()
{
    // RD_GRAPH_SCREENSHOTS=<folder> keeps the pictures (graph-light.png, graph-dark.png and the Lambda example's).
    const QString folder = qEnvironmentVariable("RD_GRAPH_SCREENSHOTS");
    const struct {
        const char *name;
        QString path;
    } workspaces[] = { { "graph", QStringLiteral(RD_TEAM_WORKSPACE) },
        { "graph-lambda", QStringLiteral(RD_EXAMPLE_WORKSPACE) },
        { "graph-platform", QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws") } };
    for (const auto &workspace : workspaces) {
        RD_REQUIRE_FILE(workspace.path);
        for (const bool dark : { false, true }) {
            ui::AppTheme::apply(dark ? ui::AppTheme::Mode::Dark : ui::AppTheme::Mode::Light);
            Fixture f;
            QVERIFY(f.open(workspace.path));
            QCoreApplication::processEvents();
            const QImage image = f.editor->grab().toImage();
            QCOMPARE(image.size(), QSize(1400, 900));
            // The view's background follows the palette.
            const QColor background = image.pixelColor(f.editor->view()->geometry().topLeft() + QPoint(3, 3));
            QCOMPARE(background.lightness() < 128, dark);
            if (!folder.isEmpty()) {
                const QString file = QDir(folder).filePath(
                    QStringLiteral("%1-%2.png").arg(QLatin1String(workspace.name), dark ? "dark" : "light"));
                QVERIFY(image.save(file));
            }
        }
    }
    ui::AppTheme::apply(ui::AppTheme::Mode::Light);
}

void TestGraphEditor::theFocusScopeDrawsTheFocusAndOpensBundles()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws")));
    // Nothing focused yet: nothing drawn, and the status says what to do.
    f.editor->setScopeMode(doc::GraphScope::Mode::Focus);
    f.editor->rebuildNow();
    QCOMPARE(f.editor->drawnNodeCount(), 0);
    QVERIFY(f.editor->findChild<QLabel *>(QStringLiteral("graphStatus"))->text().startsWith(QStringLiteral("Select")));
    // Developer: who may assume it and what it reaches, one hop.
    const std::size_t developer = nodeByKey(f.graph(), std::string(kTeam) + "role/Developer");
    QVERIFY(f.editor->focusOnEntity(doc::EntityKind::Role, f.graph().nodes()[developer].entityId));
    f.editor->rebuildNow();
    QVERIFY(f.editor->drawnNodeCount() > 1);
    QVERIFY(f.editor->nodeItem(developer)->isSelected());
    QVERIFY(f.editor->findChild<QLabel *>(QStringLiteral("graphStatus"))
                ->text()
                .startsWith(QStringLiteral("Focus on Developer")));
    QVERIFY(f.editor->nodeItem(nodeByKey(f.graph(), std::string(kTeam) + "user/alice")));
    QVERIFY(!f.editor->nodeItem(nodeByKey(f.graph(), std::string(kTeam) + "role/AppRuntime")));
    // A focus that is not an entity of the graph (a managed policy) leaves the focus as it is.
    QVERIFY(!f.editor->focusOnEntity(doc::EntityKind::Policy, 1));
    QCOMPARE(f.editor->scope().focus, "role:" + std::to_string(f.graph().nodes()[developer].entityId));

    // Five cards at most: the users who may assume Developer share a "+N" card, which a double-click opens and the
    // context menu's Fold Back closes again.
    f.editor->setCardCap(5);
    f.editor->rebuildNow();
    QVERIFY(f.editor->drawnNodeCount() <= 5);
    const std::size_t alice = nodeByKey(f.graph(), std::string(kTeam) + "user/alice");
    const std::size_t dave = nodeByKey(f.graph(), std::string(kTeam) + "user/dave");
    const doc::ViewNode *bundle = nullptr;
    for (const std::size_t user : { alice, dave }) {
        const doc::ViewNode &node = f.editor->projection().nodes()[f.editor->projection().viewNodeOf(user)];
        if (node.bundle)
            bundle = &node;
    }
    QVERIFY(bundle);
    const std::string bundleKey = bundle->key;
    const std::size_t member = bundle->members.back();
    const QPointF focusAt = f.editor->nodeItem(developer)->pos();
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, f.editor->nodeCenter(member).toPoint());
    f.editor->rebuildNow();
    // The cards drawn before stay where they were.
    QCOMPARE(f.editor->nodeItem(developer)->pos(), focusAt);
    QCOMPARE(f.editor->projection().find(bundleKey), doc::GraphProjection::npos);
    const doc::ViewNode &opened = f.editor->projection().nodes()[f.editor->projection().viewNodeOf(member)];
    QVERIFY(!opened.bundle);
    QCOMPARE(opened.openedFrom, bundleKey);
    f.editor->setBundleFolded(bundleKey, true);
    f.editor->rebuildNow();
    QVERIFY(f.editor->projection().find(bundleKey) < f.editor->projection().nodes().size());
    QVERIFY(f.editor->drawnNodeCount() <= 5);
}

void TestGraphEditor::aNewFocusOpensReadableAndFitsAgainWhenResized()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws")));
    // A view too small for the focus's neighbourhood at a zoom where cards show their text.
    f.editor->resize(380, 280);
    f.editor->setScopeMode(doc::GraphScope::Mode::Focus);
    const std::size_t developer = nodeByKey(f.graph(), std::string(kTeam) + "role/AppRuntime");
    QVERIFY(f.editor->focusOnEntity(doc::EntityKind::Role, f.graph().nodes()[developer].entityId));
    f.editor->rebuildNow();
    ui::GraphView *view = f.editor->view();
    // Opened readable, around the focus card, rather than fitted below the zoom at which cards have text.
    QVERIFY2(view->zoom() >= ui::kGraphTextZoom, qPrintable(QString::number(view->zoom())));
    const QPoint focusAt = view->mapFromScene(f.editor->nodeItem(developer)->sceneBoundingRect().center());
    QVERIFY(view->viewport()->rect().contains(focusAt));

    // A larger view (a dock closed, the window grown) fits again, as long as the user has not zoomed or panned.
    f.editor->resize(560, 400);
    QApplication::processEvents();
    const double fitted = view->zoom();
    f.editor->resize(760, 540);
    QApplication::processEvents();
    QVERIFY2(view->zoom() > fitted, qPrintable(QStringLiteral("%1 then %2").arg(fitted).arg(view->zoom())));
    QVERIFY(view->zoom() >= ui::kGraphTextZoom);
    // Once the user zooms, a resize leaves the view alone.
    QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)), QPoint(), QPoint(0, 120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const double chosen = view->zoom();
    f.editor->resize(560, 400);
    QApplication::processEvents();
    QCOMPARE(view->zoom(), chosen);
}

void TestGraphEditor::exportsWhatIsShownAsSvgAndPng()
{
    Fixture f;
    QVERIFY(f.open(QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The whole account: an SVG with every card's title as text, and a PNG of the whole drawing at full size.
    const QString svg = dir.filePath(QStringLiteral("graph.svg"));
    QString error;
    QVERIFY2(f.editor->exportPicture(svg, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QXmlStreamReader xml(svgText);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
    QVERIFY(svgText.contains("DataReader") && svgText.contains("AppRuntime"));
    const QString png = dir.filePath(QStringLiteral("graph.png"));
    QVERIFY2(f.editor->exportPicture(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QRectF drawn;
    for (int v = 0; v < f.editor->drawnNodeCount(); ++v)
        drawn |=
            f.editor->nodeItem(f.editor->projection().nodes()[std::size_t(v)].members.front())->sceneBoundingRect();
    QVERIFY(image.width() >= drawn.width() && image.height() >= drawn.height());
    // The focus: only its cards.
    const std::size_t developer = nodeByKey(f.graph(), std::string(kTeam) + "role/Developer");
    QVERIFY(f.editor->focusOnEntity(doc::EntityKind::Role, f.graph().nodes()[developer].entityId));
    f.editor->rebuildNow();
    const QString focused = dir.filePath(QStringLiteral("focus.svg"));
    QVERIFY2(f.editor->exportPicture(focused, &error), qPrintable(error));
    QFile focusedFile(focused);
    QVERIFY(focusedFile.open(QIODevice::ReadOnly));
    const QByteArray focusedText = focusedFile.readAll();
    QVERIFY(focusedText.contains("Developer"));
    QVERIFY(!focusedText.contains("AppRuntime"));
    // Nothing drawn, or a folder that does not exist: an error, no file.
    QVERIFY(!f.editor->exportPicture(dir.filePath(QStringLiteral("missing/graph.png")), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing/graph.png"))));
}

QTEST_MAIN(TestGraphEditor)
#include "TestGraphEditor.moc"
