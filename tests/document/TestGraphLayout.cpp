// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "LargeAccount.h"
#include "document/GraphLayout.h"
#include "document/GraphProjection.h"
#include "rd/core/graph/AccessGraph.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <future>
#include <string>
#include <thread>
#include <vector>

using namespace rd;
using core::GraphEdgeKind;
using core::GraphNodeKind;
using doc::GraphLayoutControl;
using doc::GraphLayoutOptions;
using doc::GraphLayoutResult;
using doc::GraphProjection;

namespace
{

std::size_t node(core::AccessGraph &graph, GraphNodeKind kind, const std::string &key, const std::string &label,
    std::uint64_t id = 0)
{
    return graph.addNode({ kind, key, label, "111122223333", id != 0, id });
}

void edge(core::AccessGraph &graph, GraphEdgeKind kind, std::size_t from, std::size_t to)
{
    core::GraphEdge e;
    e.kind = kind;
    e.from = from;
    e.to = to;
    graph.addEdge(std::move(e));
}

doc::GraphCollapse nothingFolded()
{
    doc::GraphCollapse c;
    c.groups = false;
    c.services = false;
    return c;
}

/// A generated account small enough for a test, large enough (a few hundred drawn nodes, over a thousand edges) to
/// take the large-graph settings.
const core::AccessGraph &generated()
{
    static const core::AccessGraph graph = [] {
        test::LargeAccountSize size;
        size.roles = 250;
        size.users = 100;
        size.groups = 10;
        size.policies = 50;
        size.resources = 500;
        return core::AccessGraph::build(test::makeLargeAccount(size));
    }();
    return graph;
}

/// The first pair of drawn nodes whose boxes overlap, as text; empty when none do.
QString overlap(const GraphLayoutResult &layout, const GraphLayoutOptions &options)
{
    for (std::size_t i = 0; i < layout.positions.size(); ++i) {
        for (std::size_t j = i + 1; j < layout.positions.size(); ++j) {
            const double dx = std::abs(layout.positions[i].first - layout.positions[j].first);
            const double dy = std::abs(layout.positions[i].second - layout.positions[j].second);
            if (dx < options.nodeWidth - 0.5 && dy < options.nodeHeight - 0.5)
                return QStringLiteral("nodes %1 and %2 overlap").arg(i).arg(j);
        }
    }
    return {};
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranksReadLeftToRight_data();
    void ranksReadLeftToRight();
    void topToBottomWhenAsked();
    void noTwoNodesOverlap_data();
    void noTwoNodesOverlap();
    void deterministicAcrossRuns();
    void emptyGraph();
    void labelsAreNeverGraphvizSyntax_data();
    void labelsAreNeverGraphvizSyntax();
    void callsFromTwoThreadsAreSerialised();
    void aCallerThatWillNotWaitIsToldGraphvizIsBusy();
    void aLayoutNoLongerWantedIsDroppedBeforeItRuns();
    void nonsenseSizesAreClamped_data();
    void nonsenseSizesAreClamped();
};

void TestGraphLayout::ranksReadLeftToRight_data()
{
    QTest::addColumn<int>("shape");
    QTest::newRow("A user left of the role it may assume, the role left of the bucket it may act on") << 0;
    QTest::newRow("A service principal left of its role, a chain of two roles left to right") << 1;
    QTest::newRow("Users left of their group") << 2;
}

void TestGraphLayout::ranksReadLeftToRight()
{
    QFETCH(int, shape);
    core::AccessGraph g;
    std::vector<std::size_t> chain;
    if (shape == 0) {
        chain.push_back(node(g, GraphNodeKind::User, "arn:aws:iam::111122223333:user/alice", "alice", 1));
        chain.push_back(node(g, GraphNodeKind::Role, "arn:aws:iam::111122223333:role/deploy", "deploy", 2));
        chain.push_back(node(g, GraphNodeKind::Resource, "arn:aws:s3:::bucket", "bucket", 3));
        edge(g, GraphEdgeKind::MayAssume, chain[0], chain[1]);
        edge(g, GraphEdgeKind::MayActOn, chain[1], chain[2]);
    } else if (shape == 1) {
        chain.push_back(node(g, GraphNodeKind::Service, "lambda.amazonaws.com", "lambda.amazonaws.com"));
        chain.push_back(node(g, GraphNodeKind::Role, "arn:aws:iam::111122223333:role/fn", "fn", 1));
        chain.push_back(node(g, GraphNodeKind::Role, "arn:aws:iam::111122223333:role/admin", "admin", 2));
        edge(g, GraphEdgeKind::MayAssume, chain[0], chain[1]);
        edge(g, GraphEdgeKind::MayAssume, chain[1], chain[2]);
    } else {
        const std::size_t group = node(g, GraphNodeKind::Group, "arn:aws:iam::111122223333:group/devs", "devs", 9);
        for (int i = 0; i < 3; ++i) {
            chain.push_back(node(g, GraphNodeKind::User, "u" + std::to_string(i), "u" + std::to_string(i), 1 + i));
            edge(g, GraphEdgeKind::MemberOf, chain.back(), group);
        }
        chain.push_back(group);
    }
    const GraphProjection p = GraphProjection::project(g, nothingFolded());
    const GraphLayoutOptions options;
    const GraphLayoutResult layout = doc::layoutGraph(p, options);
    QVERIFY2(layout.error.empty(), layout.error.c_str());
    QCOMPARE(layout.positions.size(), p.nodes().size());
    const auto x = [&](std::size_t graphNode) { return layout.positions[p.viewNodeOf(graphNode)].first; };
    if (shape == 2) {
        for (std::size_t i = 0; i + 1 < chain.size(); ++i)
            QVERIFY(x(chain[i]) + options.nodeWidth <= x(chain.back()));
    } else {
        QVERIFY(x(chain[0]) + options.nodeWidth <= x(chain[1]));
        QVERIFY(x(chain[1]) + options.nodeWidth <= x(chain[2]));
    }
    // Every box lies within the reported size, starting at the origin.
    for (const auto &[cx, cy] : layout.positions) {
        QVERIFY(cx - options.nodeWidth / 2 >= -0.5);
        QVERIFY(cy - options.nodeHeight / 2 >= -0.5);
        QVERIFY(cx + options.nodeWidth / 2 <= layout.width + 0.5);
        QVERIFY(cy + options.nodeHeight / 2 <= layout.height + 0.5);
    }
}

void TestGraphLayout::topToBottomWhenAsked()
{
    core::AccessGraph g;
    const std::size_t user = node(g, GraphNodeKind::User, "alice", "alice", 1);
    const std::size_t role = node(g, GraphNodeKind::Role, "deploy", "deploy", 2);
    edge(g, GraphEdgeKind::MayAssume, user, role);
    const GraphProjection p = GraphProjection::project(g, {});
    GraphLayoutOptions options;
    options.leftToRight = false;
    const GraphLayoutResult layout = doc::layoutGraph(p, options);
    QVERIFY(layout.error.empty());
    QVERIFY(layout.positions[p.viewNodeOf(user)].second + options.nodeHeight
        <= layout.positions[p.viewNodeOf(role)].second);
    QCOMPARE(layout.positions[p.viewNodeOf(user)].first, layout.positions[p.viewNodeOf(role)].first);
}

void TestGraphLayout::noTwoNodesOverlap_data()
{
    QTest::addColumn<bool>("folded");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");
    QTest::newRow("The generated account, folded, at the editor's default node size") << true << 150.0 << 44.0;
    QTest::newRow("The generated account, unfolded, with wide nodes") << false << 260.0 << 30.0;
    QTest::newRow("The generated account, folded, with tall nodes and no spacing") << true << 60.0 << 90.0;
}

void TestGraphLayout::noTwoNodesOverlap()
{
    QFETCH(bool, folded);
    QFETCH(double, width);
    QFETCH(double, height);
    const GraphProjection p = GraphProjection::project(generated(), folded ? doc::GraphCollapse {} : nothingFolded());
    GraphLayoutOptions options;
    options.nodeWidth = width;
    options.nodeHeight = height;
    if (height > 80)
        options.nodeSpacing = 0;
    const GraphLayoutResult layout = doc::layoutGraph(p, options);
    QVERIFY2(layout.error.empty(), layout.error.c_str());
    QCOMPARE(layout.positions.size(), p.nodes().size());
    QVERIFY(layout.edgesLaidOut > 0);
    const QString clash = overlap(layout, options);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
}

void TestGraphLayout::deterministicAcrossRuns()
{
    const GraphProjection p = GraphProjection::project(generated(), {});
    const GraphLayoutResult first = doc::layoutGraph(p);
    const GraphLayoutResult second = doc::layoutGraph(GraphProjection::project(generated(), {}));
    QVERIFY(first.error.empty());
    QCOMPARE(second.positions, first.positions);
    QCOMPARE(second.width, first.width);
    QCOMPARE(second.height, first.height);
}

void TestGraphLayout::emptyGraph()
{
    const GraphLayoutResult layout = doc::layoutGraph(GraphProjection::project(core::AccessGraph {}, {}));
    QVERIFY(layout.positions.empty());
    QVERIFY(layout.error.empty());
    QCOMPARE(layout.width, 0.0);
    QCOMPARE(layout.height, 0.0);
}

void TestGraphLayout::labelsAreNeverGraphvizSyntax_data()
{
    QTest::addColumn<QString>("label");
    QTest::newRow("Double quotes and a backslash") << QStringLiteral("say \"hi\" \\ \\N \\G");
    QTest::newRow("Newlines and tabs") << QStringLiteral("line one\nline two\r\n\tend");
    QTest::newRow("Non-ASCII text") << QStringLiteral("rôle · 日本語 · 🚀");
    QTest::newRow("HTML-like text") << QStringLiteral("<b>bold</b> <table><tr><td>x</td></tr></table>");
    QTest::newRow("An unclosed angle bracket and braces") << QStringLiteral("<unclosed { digraph } ; -> [label=x]");
    QTest::newRow("An empty label") << QString();
}

void TestGraphLayout::labelsAreNeverGraphvizSyntax()
{
    QFETCH(QString, label);
    const std::string text = label.toStdString();
    core::AccessGraph g;
    const std::size_t user = node(g, GraphNodeKind::User, "user:" + text, text, 1);
    const std::size_t role = node(g, GraphNodeKind::Role, "role:" + text, text, 2);
    const std::size_t bucket = node(g, GraphNodeKind::Resource, text, text);
    edge(g, GraphEdgeKind::MayAssume, user, role);
    edge(g, GraphEdgeKind::MayActOn, role, bucket);
    const GraphProjection p = GraphProjection::project(g, {});
    const GraphLayoutOptions options;
    const GraphLayoutResult layout = doc::layoutGraph(p, options);
    QVERIFY2(layout.error.empty(), layout.error.c_str());
    QCOMPARE(layout.positions.size(), std::size_t(3));
    QVERIFY(layout.positions[p.viewNodeOf(user)].first < layout.positions[p.viewNodeOf(role)].first);
    QVERIFY(overlap(layout, options).isEmpty());
}

void TestGraphLayout::callsFromTwoThreadsAreSerialised()
{
    const GraphProjection p = GraphProjection::project(generated(), {});
    const GraphLayoutResult expected = doc::layoutGraph(p);
    GraphLayoutResult a;
    GraphLayoutResult b;
    std::thread first([&] { a = doc::layoutGraph(p); });
    std::thread second([&] { b = doc::layoutGraph(p); });
    first.join();
    second.join();
    QCOMPARE(a.positions, expected.positions);
    QCOMPARE(b.positions, expected.positions);
}

void TestGraphLayout::aCallerThatWillNotWaitIsToldGraphvizIsBusy()
{
    // Another layout holds Graphviz (its stillWanted() is asked under the lock, and here waits to be released).
    const GraphProjection large = GraphProjection::project(generated(), {});
    std::promise<void> holding;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    bool releasedInTime = false;
    GraphLayoutResult held;
    std::thread other([&] {
        GraphLayoutControl control;
        control.stillWanted = [&] {
            holding.set_value();
            releasedInTime = released.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
            return true;
        };
        held = doc::layoutGraph(large, {}, control);
    });
    holding.get_future().wait();
    // A caller that will not wait (the GUI thread) hears at once that Graphviz is busy, and gets no positions.
    core::AccessGraph small;
    node(small, GraphNodeKind::Role, "role:a", "a");
    const GraphProjection one = GraphProjection::project(small, nothingFolded());
    GraphLayoutControl noWait;
    noWait.waitForGraphviz = false;
    const GraphLayoutResult busy = doc::layoutGraph(one, {}, noWait);
    release.set_value();
    other.join();
    QVERIFY(busy.busy);
    QVERIFY(busy.positions.empty());
    // Had the call waited, the other layout would have stayed blocked until its 30 seconds ran out.
    QVERIFY(releasedInTime);
    QCOMPARE(held.positions.size(), large.nodes().size());
    QVERIFY(!held.busy && !held.superseded);
    // Free again: the same call lays out.
    const GraphLayoutResult free = doc::layoutGraph(one, {}, noWait);
    QVERIFY(!free.busy);
    QCOMPARE(free.positions.size(), std::size_t { 1 });
}

void TestGraphLayout::aLayoutNoLongerWantedIsDroppedBeforeItRuns()
{
    const GraphProjection large = GraphProjection::project(generated(), {});
    GraphLayoutControl control;
    int asked = 0;
    control.stillWanted = [&] {
        ++asked;
        return false;
    };
    const GraphLayoutResult dropped = doc::layoutGraph(large, {}, control);
    QCOMPARE(asked, 1);
    QVERIFY(dropped.superseded);
    QVERIFY(dropped.positions.empty());
    QVERIFY(dropped.error.empty());
}

void TestGraphLayout::nonsenseSizesAreClamped_data()
{
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<double>("laidOutWidth");
    QTest::newRow("A width that is not a number is the default width") << std::nan("") << 18.0 << 150.0;
    QTest::newRow("A negative width is one point") << -40.0 << 18.0 << 1.0;
    QTest::newRow("An infinite width is ten thousand points") << HUGE_VAL << 18.0 << 10000.0;
    QTest::newRow("A negative spacing is none") << 150.0 << -5.0 << 150.0;
}

void TestGraphLayout::nonsenseSizesAreClamped()
{
    QFETCH(double, width);
    QFETCH(double, spacing);
    QFETCH(double, laidOutWidth);
    core::AccessGraph g;
    const std::size_t user = node(g, GraphNodeKind::User, "alice", "alice", 1);
    const std::size_t role = node(g, GraphNodeKind::Role, "deploy", "deploy", 2);
    edge(g, GraphEdgeKind::MayAssume, user, role);
    node(g, GraphNodeKind::Role, "other", "other", 3);
    const GraphProjection p = GraphProjection::project(g, {});
    GraphLayoutOptions options;
    options.nodeWidth = width;
    options.nodeSpacing = spacing;
    options.rankSpacing = spacing;
    const GraphLayoutResult layout = doc::layoutGraph(p, options);
    QVERIFY2(layout.error.empty(), layout.error.c_str());
    QCOMPARE(layout.positions.size(), std::size_t(3));
    // Two ranks of boxes laidOutWidth wide (Graphviz rounds to whole points).
    QVERIFY(layout.width >= 2 * laidOutWidth - 1);
    QVERIFY(layout.positions[p.viewNodeOf(user)].first < layout.positions[p.viewNodeOf(role)].first);
    options.nodeWidth = laidOutWidth;
    QVERIFY(overlap(layout, options).isEmpty());
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "TestGraphLayout.moc"
