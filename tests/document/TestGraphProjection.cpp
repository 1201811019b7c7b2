// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "LargeAccount.h"
#include "document/GraphLayout.h"
#include "document/GraphProjection.h"
#include "rd/core/graph/AccessGraph.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace rd;
using core::GraphEdgeKind;
using core::GraphNodeKind;
using doc::GraphCollapse;
using doc::GraphProjection;

Q_DECLARE_METATYPE(rd::doc::GraphCollapse)

namespace
{

const std::string kAccount = "111122223333";

/// A hand-made access graph: group `devs` (id 1) with alice, bob and carol (carol's first group is `ops`, id 2,
/// which has her alone), dave in no group, roles `deploy` (id 10) and `audit` (id 11), `count` service principals,
/// s3 and sqs resources, a few edges.
struct Sample {
    core::AccessGraph graph;
    std::size_t devs, ops, alice, bob, carol, dave, deploy, audit;
    std::vector<std::size_t> services, s3, sqs;
    std::size_t aliceMember, bobMember, carolOps, carolDevs, aliceAssume, bobAssume, deployActs, auditActs;
};

std::size_t node(core::AccessGraph &graph, GraphNodeKind kind, const std::string &key, const std::string &label,
    std::uint64_t id = 0)
{
    return graph.addNode({ kind, key, label, kAccount, id != 0, id });
}

std::size_t edge(core::AccessGraph &graph, GraphEdgeKind kind, std::size_t from, std::size_t to, bool conditional)
{
    core::GraphEdge e;
    e.kind = kind;
    e.from = from;
    e.to = to;
    e.conditional = conditional;
    return graph.addEdge(std::move(e));
}

Sample sample(std::size_t services = 14, std::size_t s3 = 13, std::size_t sqs = 2)
{
    Sample s;
    core::AccessGraph &g = s.graph;
    const std::string iam = "arn:aws:iam::" + kAccount + ":";
    s.devs = node(g, GraphNodeKind::Group, iam + "group/devs", "devs", 1);
    s.ops = node(g, GraphNodeKind::Group, iam + "group/ops", "ops", 2);
    s.alice = node(g, GraphNodeKind::User, iam + "user/alice", "alice", 3);
    s.bob = node(g, GraphNodeKind::User, iam + "user/bob", "bob", 4);
    s.carol = node(g, GraphNodeKind::User, iam + "user/carol", "carol", 5);
    s.dave = node(g, GraphNodeKind::User, iam + "user/dave", "dave", 6);
    s.deploy = node(g, GraphNodeKind::Role, iam + "role/deploy", "deploy", 10);
    s.audit = node(g, GraphNodeKind::Role, iam + "role/audit", "audit", 11);
    for (std::size_t i = 0; i < services; ++i) {
        const std::string name = "svc" + std::to_string(100 + i) + ".amazonaws.com";
        s.services.push_back(node(g, GraphNodeKind::Service, name, name));
    }
    for (std::size_t i = 0; i < s3; ++i) {
        const std::string arn = "arn:aws:s3:::bucket-" + std::to_string(100 + i);
        s.s3.push_back(node(g, GraphNodeKind::Resource, arn, arn, 1000 + i)); // modelled buckets
    }
    for (std::size_t i = 0; i < sqs; ++i) {
        const std::string arn = "arn:aws:sqs:us-east-1:" + kAccount + ":queue-" + std::to_string(i);
        s.sqs.push_back(node(g, GraphNodeKind::Resource, arn, arn, 2000 + i));
    }
    s.aliceMember = edge(g, GraphEdgeKind::MemberOf, s.alice, s.devs, false);
    s.bobMember = edge(g, GraphEdgeKind::MemberOf, s.bob, s.devs, false);
    s.carolOps = edge(g, GraphEdgeKind::MemberOf, s.carol, s.ops, false);
    s.carolDevs = edge(g, GraphEdgeKind::MemberOf, s.carol, s.devs, false);
    s.aliceAssume = edge(g, GraphEdgeKind::MayAssume, s.alice, s.deploy, true);
    s.bobAssume = edge(g, GraphEdgeKind::MayAssume, s.bob, s.deploy, true);
    s.deployActs = s3 > 0 ? edge(g, GraphEdgeKind::MayActOn, s.deploy, s.s3.front(), false) : 0;
    s.auditActs = s3 > 1 ? edge(g, GraphEdgeKind::MayActOn, s.audit, s.s3[1], true) : 0;
    return s;
}

std::vector<std::size_t> sorted(std::vector<std::size_t> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

/// The drawn edge from `from` to `to` of `kind`, or nullptr.
const doc::ViewEdge *viewEdge(const GraphProjection &p, std::size_t from, std::size_t to, GraphEdgeKind kind)
{
    for (const doc::ViewEdge &e : p.edges())
        if (e.from == from && e.to == to && e.kind == kind)
            return &e;
    return nullptr;
}

GraphCollapse nothingFolded()
{
    GraphCollapse c;
    c.groups = false;
    c.services = false;
    return c;
}

} // namespace

class TestGraphProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyGraphNodeInExactlyOneDrawnNode_data();
    void everyGraphNodeInExactlyOneDrawnNode();
    void folding_data();
    void folding();
    void bundleLabels();
    void overrides_data();
    void overrides();
    void mergedEdgesCarryEveryGraphEdge();
    void conditionalOnlyWhenEveryMergedEdgeIs_data();
    void conditionalOnlyWhenEveryMergedEdgeIs();
    void loopsMadeByFoldingAreDropped();
    void orderIsByKindThenLabel();
    void emptyGraphAndBadIndexes();
    void vacantPatternsAreNotDrawn();
    void focusScopeDrawsTheNeighbourhood();
    void cardCapSumsUpTheRestOnBundles();
    void bundlesOpenByPathPrefixAndFoldBack();
    void pathScopeDrawsExactlyTheNamedPaths();
    void columnLayoutKeepsLayersApartAndFillsTheWindow();
    void overviewOpensClustersWhileTheyFit();
    void everyNodeIsFoundByItsLayoutKey();
};

void TestGraphProjection::everyGraphNodeInExactlyOneDrawnNode_data()
{
    QTest::addColumn<GraphCollapse>("collapse");
    QTest::newRow("The generated account folded by default") << GraphCollapse {};
    QTest::newRow("The generated account with nothing folded") << nothingFolded();
    GraphCollapse low;
    low.bundleThreshold = 0;
    QTest::newRow("The generated account with every service and resource folded") << low;
}

void TestGraphProjection::everyGraphNodeInExactlyOneDrawnNode()
{
    QFETCH(GraphCollapse, collapse);
    test::LargeAccountSize size;
    size.roles = 200;
    size.users = 80;
    size.groups = 8;
    size.policies = 40;
    size.resources = 400;
    const core::AccessGraph graph = core::AccessGraph::build(test::makeLargeAccount(size));
    const GraphProjection p = GraphProjection::project(graph, collapse);
    std::vector<int> seen(graph.nodes().size(), 0);
    std::set<std::string> keys;
    for (std::size_t v = 0; v < p.nodes().size(); ++v) {
        const doc::ViewNode &view = p.nodes()[v];
        QVERIFY2(keys.insert(view.key).second, view.key.c_str());
        QCOMPARE(p.find(view.key), v);
        QVERIFY(!view.members.empty());
        QCOMPARE(view.bundle, view.key.rfind("bundle:", 0) == 0);
        QVERIFY(std::is_sorted(view.members.begin(), view.members.end()));
        for (std::size_t m : view.members) {
            ++seen[m];
            QCOMPARE(p.viewNodeOf(m), v);
            QCOMPARE(graph.nodes()[m].kind, view.kind);
        }
        if (!view.bundle)
            QCOMPARE(view.key, core::graphLayoutKey(graph.nodes()[view.members.front()]));
    }
    for (std::size_t n = 0; n < seen.size(); ++n)
        QVERIFY2(seen[n] == 1, graph.nodes()[n].key.c_str());
    // Every graph edge is in one drawn edge, unless folding made it a loop.
    std::vector<int> edgeSeen(graph.edges().size(), 0);
    for (const doc::ViewEdge &e : p.edges())
        for (std::size_t i : e.edges)
            ++edgeSeen[i];
    for (std::size_t i = 0; i < edgeSeen.size(); ++i) {
        const core::GraphEdge &e = graph.edges()[i];
        const bool foldedLoop = e.from != e.to && p.viewNodeOf(e.from) == p.viewNodeOf(e.to);
        QCOMPARE(edgeSeen[i], foldedLoop ? 0 : 1);
    }
    if (collapse.groups)
        QVERIFY(p.nodes().size() < graph.nodes().size());
    else if (!collapse.services)
        QCOMPARE(p.nodes().size(), graph.nodes().size());
}

void TestGraphProjection::folding_data()
{
    QTest::addColumn<GraphCollapse>("collapse");
    QTest::addColumn<bool>("usersFolded");
    QTest::addColumn<bool>("servicesFolded");
    QTest::addColumn<bool>("s3Folded");
    QTest::newRow("By default users fold per group, services and s3 (above the threshold) fold, sqs does not")
        << GraphCollapse {} << true << true << true;
    GraphCollapse noGroups;
    noGroups.groups = false;
    QTest::newRow("With group folding off every user is drawn, the rest folds as before")
        << noGroups << false << true << true;
    GraphCollapse noServices;
    noServices.services = false;
    QTest::newRow("With service folding off services and resources are drawn one by one")
        << noServices << true << false << false;
    GraphCollapse highThreshold;
    highThreshold.bundleThreshold = 14;
    QTest::newRow("A threshold of 14 keeps 14 services and 13 buckets unfolded")
        << highThreshold << true << false << false;
    QTest::newRow("With nothing folded the drawing is the access graph") << nothingFolded() << false << false << false;
}

void TestGraphProjection::folding()
{
    QFETCH(GraphCollapse, collapse);
    QFETCH(bool, usersFolded);
    QFETCH(bool, servicesFolded);
    QFETCH(bool, s3Folded);
    const Sample s = sample();
    const GraphProjection p = GraphProjection::project(s.graph, collapse);

    const std::size_t devsBundle = p.find("bundle:group:group:1");
    QCOMPARE(devsBundle != GraphProjection::npos, usersFolded);
    if (usersFolded) {
        // alice and bob, and carol? No: carol's first group is ops, where she is alone (a bundle of one is not made).
        QCOMPARE(p.nodes()[devsBundle].members, sorted({ s.alice, s.bob }));
        QCOMPARE(p.nodes()[devsBundle].kind, GraphNodeKind::User);
        QVERIFY(p.nodes()[devsBundle].bundle);
        QCOMPARE(p.viewNodeOf(s.alice), devsBundle);
    } else {
        QCOMPARE(p.viewNodeOf(s.alice), p.find("user:3"));
    }
    QCOMPARE(p.find("bundle:group:group:2"), GraphProjection::npos);
    QCOMPARE(p.viewNodeOf(s.carol), p.find("user:5"));
    // A user in no group is never folded; groups and roles never are.
    QCOMPARE(p.viewNodeOf(s.dave), p.find("user:6"));
    QCOMPARE(p.viewNodeOf(s.devs), p.find("group:1"));
    QCOMPARE(p.viewNodeOf(s.deploy), p.find("role:10"));

    QCOMPARE(p.find("bundle:services") != GraphProjection::npos, servicesFolded);
    QCOMPARE(
        p.viewNodeOf(s.services.front()), p.find(servicesFolded ? "bundle:services" : "service:svc100.amazonaws.com"));
    QCOMPARE(p.viewNodeOf(s.s3.front()), p.find(s3Folded ? "bundle:resources:s3" : "resource:1000"));
    if (s3Folded)
        QCOMPARE(p.nodes()[p.find("bundle:resources:s3")].members, s.s3);
    QCOMPARE(p.find("bundle:resources:sqs"), GraphProjection::npos);
    QVERIFY(p.viewNodeOf(s.sqs.front()) != p.viewNodeOf(s.sqs.back()));
}

void TestGraphProjection::bundleLabels()
{
    core::AccessGraph g;
    const std::size_t group = node(g, GraphNodeKind::Group, "arn:aws:iam::1:group/g", "g", 7);
    for (const char *name : { "zoe", "bob", "alice", "mallory" })
        edge(g, GraphEdgeKind::MemberOf, node(g, GraphNodeKind::User, std::string("u/") + name, name), group, false);
    const std::size_t role = node(g, GraphNodeKind::Role, "arn:aws:iam::1:role/r", "r", 8);
    for (const char *arn : { "*", "arn:aws:*:::x", "bucket-without-arn" })
        edge(g, GraphEdgeKind::MayActOn, role, node(g, GraphNodeKind::Resource, arn, arn), false);
    GraphCollapse c;
    c.collapsed = { "bundle:resources:*", "bundle:resources:other" };
    const GraphProjection p = GraphProjection::project(g, c);
    QCOMPARE(p.nodes()[p.find("bundle:group:group:7")].label, std::string("alice, bob +2"));
    QCOMPARE(p.nodes()[p.find("bundle:resources:*")].label, std::string("* · 2 resources"));
    QCOMPARE(p.nodes()[p.find("bundle:resources:other")].label, std::string("other · 1 resource"));

    const Sample s = sample();
    const GraphProjection q = GraphProjection::project(s.graph, {});
    QCOMPARE(q.nodes()[q.find("bundle:group:group:1")].label, std::string("alice, bob"));
    QCOMPARE(q.nodes()[q.find("bundle:services")].label, std::string("AWS services · 14"));
    QCOMPARE(q.nodes()[q.find("bundle:resources:s3")].label, std::string("s3 · 13 resources"));
}

void TestGraphProjection::overrides_data()
{
    QTest::addColumn<QStringList>("expanded");
    QTest::addColumn<QStringList>("collapsed");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::newRow("Expanding the s3 bundle draws every bucket, the other bundles stay")
        << QStringList { "bundle:resources:s3" } << QStringList {}
        << QStringList { "resource:1000", "bundle:services", "bundle:group:group:1" }
        << QStringList { "bundle:resources:s3" };
    QTest::newRow("Collapsing the sqs resources folds two queues below the threshold")
        << QStringList {} << QStringList { "bundle:resources:sqs" } << QStringList { "bundle:resources:sqs" }
        << QStringList { "resource:2000" };
    QTest::newRow("Collapsing a group of one folds its single user")
        << QStringList {} << QStringList { "bundle:group:group:2" } << QStringList { "bundle:group:group:2" }
        << QStringList { "user:5" };
    QTest::newRow("Expanding a group's bundle draws its users")
        << QStringList { "bundle:group:group:1" } << QStringList {} << QStringList { "user:3", "user:4" }
        << QStringList { "bundle:group:group:1" };
    QTest::newRow("A key both expanded and collapsed counts as expanded")
        << QStringList { "bundle:services" } << QStringList { "bundle:services" }
        << QStringList { "service:svc100.amazonaws.com" } << QStringList { "bundle:services" };
    QTest::newRow("Overriding a key that names no bundle changes nothing")
        << QStringList { "bundle:resources:kms" } << QStringList { "role:10" }
        << QStringList { "role:10", "bundle:resources:s3" } << QStringList { "bundle:resources:kms" };
}

void TestGraphProjection::overrides()
{
    QFETCH(QStringList, expanded);
    QFETCH(QStringList, collapsed);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    GraphCollapse c;
    for (const QString &key : expanded)
        c.expanded.insert(key.toStdString());
    for (const QString &key : collapsed)
        c.collapsed.insert(key.toStdString());
    const Sample s = sample();
    const GraphProjection p = GraphProjection::project(s.graph, c);
    for (const QString &key : present)
        QVERIFY2(p.find(key.toStdString()) != GraphProjection::npos, qPrintable(key));
    for (const QString &key : absent)
        QVERIFY2(p.find(key.toStdString()) == GraphProjection::npos, qPrintable(key));
}

void TestGraphProjection::mergedEdgesCarryEveryGraphEdge()
{
    const Sample s = sample();
    const GraphProjection p = GraphProjection::project(s.graph, {});
    const std::size_t bundle = p.find("bundle:group:group:1");
    const doc::ViewEdge *assume = viewEdge(p, bundle, p.find("role:10"), GraphEdgeKind::MayAssume);
    QVERIFY(assume);
    QCOMPARE(assume->edges, sorted({ s.aliceAssume, s.bobAssume }));
    const doc::ViewEdge *member = viewEdge(p, bundle, p.find("group:1"), GraphEdgeKind::MemberOf);
    QVERIFY(member);
    QCOMPARE(member->edges, sorted({ s.aliceMember, s.bobMember }));
    // carol is drawn alone; her second group is reached by her own edge.
    const doc::ViewEdge *carol = viewEdge(p, p.find("user:5"), p.find("group:1"), GraphEdgeKind::MemberOf);
    QVERIFY(carol);
    QCOMPARE(carol->edges, std::vector<std::size_t> { s.carolDevs });
    // Two roles acting on buckets of one bundle: one drawn edge per role.
    const std::size_t buckets = p.find("bundle:resources:s3");
    QVERIFY(viewEdge(p, p.find("role:10"), buckets, GraphEdgeKind::MayActOn));
    QVERIFY(viewEdge(p, p.find("role:11"), buckets, GraphEdgeKind::MayActOn));
    // Edges of different kinds between the same nodes stay apart.
    core::AccessGraph g = s.graph;
    const std::size_t extra = edge(g, GraphEdgeKind::MayActOn, s.alice, s.deploy, false);
    const GraphProjection q = GraphProjection::project(g, {});
    QCOMPARE(
        viewEdge(q, bundle, q.find("role:10"), GraphEdgeKind::MayActOn)->edges, std::vector<std::size_t> { extra });
    QCOMPARE(viewEdge(q, bundle, q.find("role:10"), GraphEdgeKind::MayAssume)->edges.size(), std::size_t(2));
    // Sorted by source, target, kind.
    for (std::size_t i = 1; i < q.edges().size(); ++i) {
        const doc::ViewEdge &a = q.edges()[i - 1];
        const doc::ViewEdge &b = q.edges()[i];
        QVERIFY(std::tie(a.from, a.to, a.kind) < std::tie(b.from, b.to, b.kind));
    }
}

void TestGraphProjection::conditionalOnlyWhenEveryMergedEdgeIs_data()
{
    QTest::addColumn<bool>("aliceConditional");
    QTest::addColumn<bool>("bobConditional");
    QTest::addColumn<bool>("drawnConditional");
    QTest::newRow("Both users need conditions: the drawn edge is conditional") << true << true << true;
    QTest::newRow("One user may assume without conditions: the drawn edge is not conditional")
        << true << false << false;
    QTest::newRow("Neither needs conditions: the drawn edge is not conditional") << false << false << false;
}

void TestGraphProjection::conditionalOnlyWhenEveryMergedEdgeIs()
{
    QFETCH(bool, aliceConditional);
    QFETCH(bool, bobConditional);
    QFETCH(bool, drawnConditional);
    core::AccessGraph g;
    const std::size_t group = node(g, GraphNodeKind::Group, "g", "g", 1);
    const std::size_t alice = node(g, GraphNodeKind::User, "alice", "alice", 2);
    const std::size_t bob = node(g, GraphNodeKind::User, "bob", "bob", 3);
    const std::size_t role = node(g, GraphNodeKind::Role, "role", "role", 4);
    edge(g, GraphEdgeKind::MemberOf, alice, group, false);
    edge(g, GraphEdgeKind::MemberOf, bob, group, false);
    edge(g, GraphEdgeKind::MayAssume, alice, role, aliceConditional);
    edge(g, GraphEdgeKind::MayAssume, bob, role, bobConditional);
    const GraphProjection p = GraphProjection::project(g, {});
    const doc::ViewEdge *e = viewEdge(p, p.find("bundle:group:group:1"), p.find("role:4"), GraphEdgeKind::MayAssume);
    QVERIFY(e);
    QCOMPARE(e->conditional, drawnConditional);
    // Unfolded, each keeps its own.
    const GraphProjection q = GraphProjection::project(g, nothingFolded());
    QCOMPARE(viewEdge(q, q.find("user:2"), q.find("role:4"), GraphEdgeKind::MayAssume)->conditional, aliceConditional);
}

void TestGraphProjection::loopsMadeByFoldingAreDropped()
{
    Sample s = sample();
    // An edge between two buckets of one bundle (not one the builder makes, but the rule holds for any), and a role
    // that may assume itself (a loop of the access graph, kept).
    const std::size_t between = edge(s.graph, GraphEdgeKind::MayActOn, s.s3[2], s.s3[3], false);
    const std::size_t self = edge(s.graph, GraphEdgeKind::MayAssume, s.audit, s.audit, false);
    const GraphProjection folded = GraphProjection::project(s.graph, {});
    for (const doc::ViewEdge &e : folded.edges())
        QVERIFY(std::find(e.edges.begin(), e.edges.end(), between) == e.edges.end());
    const std::size_t audit = folded.find("role:11");
    QCOMPARE(viewEdge(folded, audit, audit, GraphEdgeKind::MayAssume)->edges, std::vector<std::size_t> { self });
    const GraphProjection open = GraphProjection::project(s.graph, nothingFolded());
    QVERIFY(viewEdge(open, open.viewNodeOf(s.s3[2]), open.viewNodeOf(s.s3[3]), GraphEdgeKind::MayActOn));
}

void TestGraphProjection::orderIsByKindThenLabel()
{
    const Sample s = sample();
    const GraphProjection p = GraphProjection::project(s.graph, nothingFolded());
    for (std::size_t i = 1; i < p.nodes().size(); ++i) {
        const doc::ViewNode &a = p.nodes()[i - 1];
        const doc::ViewNode &b = p.nodes()[i];
        QVERIFY(std::tie(a.kind, a.label, a.key) < std::tie(b.kind, b.label, b.key));
    }
    QCOMPARE(p.nodes().front().label, std::string("alice"));
    // The same graph with its nodes added in another order draws the same nodes in the same order.
    core::AccessGraph reversed;
    for (std::size_t n = s.graph.nodes().size(); n-- > 0;)
        reversed.addNode(s.graph.nodes()[n]);
    const GraphProjection r = GraphProjection::project(reversed, nothingFolded());
    QCOMPARE(r.nodes().size(), p.nodes().size());
    for (std::size_t i = 0; i < p.nodes().size(); ++i)
        QCOMPARE(r.nodes()[i].key, p.nodes()[i].key);
}

void TestGraphProjection::emptyGraphAndBadIndexes()
{
    const GraphProjection p = GraphProjection::project(core::AccessGraph {}, {});
    QVERIFY(p.nodes().empty());
    QVERIFY(p.edges().empty());
    QCOMPARE(p.viewNodeOf(0), GraphProjection::npos);
    QCOMPARE(p.find("role:1"), GraphProjection::npos);
    const Sample s = sample(0, 0, 0);
    const GraphProjection q = GraphProjection::project(s.graph, {});
    QCOMPARE(q.viewNodeOf(s.graph.nodes().size()), GraphProjection::npos);
    QCOMPARE(q.find("bundle:services"), GraphProjection::npos);
}

void TestGraphProjection::vacantPatternsAreNotDrawn()
{
    // A resource pattern that no edge uses (an updated model keeps its node: AccessGraph::isVacant()) is drawn by no
    // node and counted in no bundle; a modelled resource without edges is still drawn.
    for (const bool folded : { false, true }) {
        core::AccessGraph g;
        const std::size_t role = node(g, GraphNodeKind::Role, "arn:aws:iam::1:role/r", "r", 8);
        const std::size_t used = node(g, GraphNodeKind::Resource, "arn:aws:s3:::used/*", "arn:aws:s3:::used/*");
        const std::size_t vacant = node(g, GraphNodeKind::Resource, "arn:aws:s3:::gone/*", "arn:aws:s3:::gone/*");
        const std::size_t bucket = node(g, GraphNodeKind::Resource, "arn:aws:s3:::idle", "idle", 9);
        edge(g, GraphEdgeKind::MayActOn, role, used, false);
        QVERIFY(g.isVacant(vacant));
        QVERIFY(!g.isVacant(used) && !g.isVacant(bucket) && !g.isVacant(role));
        GraphCollapse c = folded ? GraphCollapse {} : nothingFolded();
        c.bundleThreshold = 0;
        const GraphProjection p = GraphProjection::project(g, c);
        QCOMPARE(p.viewNodeOf(vacant), GraphProjection::npos);
        QVERIFY(p.viewNodeOf(used) != GraphProjection::npos);
        QVERIFY(p.viewNodeOf(bucket) != GraphProjection::npos);
        QCOMPARE(p.find("pattern:arn:aws:s3:::gone/*"), GraphProjection::npos);
        if (folded)
            QCOMPARE(p.nodes()[p.find("bundle:resources:s3")].label, std::string("s3 · 2 resources"));
        else
            QCOMPARE(p.nodes().size(), std::size_t(3));
    }
}

namespace
{

/// A role `app` (id 500) that 30 users of /team-a/ and 30 of /team-b/ may assume, that acts on five buckets and may
/// assume role `worker` (id 501), which acts on a queue; `outsider` (id 502) may assume `worker` only; the first user
/// also reads the first bucket directly.
struct Star {
    core::AccessGraph graph;
    std::size_t app = 0, worker = 0, queue = 0, outsider = 0;
    std::vector<std::size_t> users, buckets;
    std::size_t directRead = 0;
};

Star star()
{
    Star s;
    core::AccessGraph &g = s.graph;
    const std::string iam = "arn:aws:iam::" + kAccount + ":";
    s.app = node(g, GraphNodeKind::Role, iam + "role/app", "app", 500);
    s.worker = node(g, GraphNodeKind::Role, iam + "role/worker", "worker", 501);
    s.outsider = node(g, GraphNodeKind::User, iam + "user/outsider", "outsider", 502);
    s.queue = node(g, GraphNodeKind::Resource, "arn:aws:sqs:eu-west-1:" + kAccount + ":jobs", "jobs", 503);
    for (int i = 0; i < 60; ++i) {
        const std::string name = (i < 30 ? "a" : "b") + std::to_string(100 + i);
        s.users.push_back(node(g, GraphNodeKind::User, iam + "user/" + (i < 30 ? "team-a/" : "team-b/") + name, name,
            std::uint64_t(1000 + i)));
        edge(g, GraphEdgeKind::MayAssume, s.users.back(), s.app, false);
    }
    for (int i = 0; i < 5; ++i) {
        const std::string name = "bucket-" + std::to_string(i);
        s.buckets.push_back(node(g, GraphNodeKind::Resource, "arn:aws:s3:::" + name, name, std::uint64_t(2000 + i)));
        edge(g, GraphEdgeKind::MayActOn, s.app, s.buckets.back(), false);
    }
    edge(g, GraphEdgeKind::MayAssume, s.app, s.worker, false);
    edge(g, GraphEdgeKind::MayActOn, s.worker, s.queue, false);
    edge(g, GraphEdgeKind::MayAssume, s.outsider, s.worker, false);
    s.directRead = edge(g, GraphEdgeKind::MayActOn, s.users.front(), s.buckets.front(), false);
    return s;
}

doc::GraphScope focusOn(const std::string &key, int depth, std::size_t cap = 300)
{
    doc::GraphScope scope;
    scope.mode = doc::GraphScope::Mode::Focus;
    scope.focus = key;
    scope.depth = depth;
    scope.cardCap = cap;
    return scope;
}

/// Every access-graph node the projection shows, each once, with the drawn node that shows it.
std::vector<std::size_t> shownNodes(const GraphProjection &p)
{
    std::vector<std::size_t> shown;
    for (const doc::ViewNode &v : p.nodes())
        shown.insert(shown.end(), v.members.begin(), v.members.end());
    std::sort(shown.begin(), shown.end());
    return shown;
}

} // namespace

void TestGraphProjection::focusScopeDrawsTheNeighbourhood()
{
    const Star s = star();
    // One hop: who may assume the role, what it acts on and may assume; not the queue two hops on, not the outsider
    // (who reaches only the role it may assume), and not the first user's own read of a bucket.
    const GraphProjection one = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:500", 1));
    QCOMPARE(one.scopeSize(), std::size_t(1 + 60 + 5 + 1));
    QCOMPARE(one.nodes().size(), one.scopeSize());
    QVERIFY(one.focus() < one.nodes().size());
    QCOMPARE(one.nodes()[one.focus()].key, std::string("role:500"));
    QCOMPARE(one.viewNodeOf(s.queue), GraphProjection::npos);
    QCOMPARE(one.viewNodeOf(s.outsider), GraphProjection::npos);
    QCOMPARE(one.nodes()[one.viewNodeOf(s.users.front())].hops, -1);
    QCOMPARE(one.nodes()[one.viewNodeOf(s.worker)].hops, 1);
    for (const doc::ViewEdge &e : one.edges())
        QVERIFY(std::find(e.edges.begin(), e.edges.end(), s.directRead) == e.edges.end());
    QCOMPARE(one.edges().size(), std::size_t(60 + 5 + 1));
    // Two hops: the worker's queue too; still not the outsider, whose edge leads away from the focus's side.
    const GraphProjection two = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:500", 2));
    QVERIFY(two.viewNodeOf(s.queue) != GraphProjection::npos);
    QCOMPARE(two.nodes()[two.viewNodeOf(s.queue)].hops, 2);
    QCOMPARE(two.viewNodeOf(s.outsider), GraphProjection::npos);
    // Focus on the worker: the outsider and the role reach it.
    const GraphProjection worker = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:501", 1));
    QVERIFY(worker.viewNodeOf(s.outsider) != GraphProjection::npos);
    QVERIFY(worker.viewNodeOf(s.app) != GraphProjection::npos);
    QCOMPARE(worker.viewNodeOf(s.users.front()), GraphProjection::npos);
    // A focus that is not in the graph draws nothing.
    const GraphProjection missing = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:999", 1));
    QVERIFY(missing.nodes().empty() && missing.edges().empty());
    QCOMPARE(missing.focus(), GraphProjection::npos);
}

void TestGraphProjection::cardCapSumsUpTheRestOnBundles()
{
    const Star s = star();
    for (const std::size_t cap : { std::size_t(10), std::size_t(20), std::size_t(40) }) {
        const GraphProjection p = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:500", 1, cap));
        QVERIFY2(p.nodes().size() <= cap, qPrintable(QString::number(p.nodes().size())));
        // Nothing is lost: every node of the scope is shown once, on its own card or in a bundle.
        std::vector<std::size_t> expected { s.app, s.worker };
        expected.insert(expected.end(), s.users.begin(), s.users.end());
        expected.insert(expected.end(), s.buckets.begin(), s.buckets.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(shownNodes(p), expected);
        // The small families are whole; the users share what is left, nearest and then by name, and the rest is on
        // one bundle.
        QVERIFY(!p.nodes()[p.viewNodeOf(s.worker)].bundle);
        // With ten cards the buckets do not fit whole: four of them share the nine cards' fair share with a bundle.
        QCOMPARE(p.nodes()[p.viewNodeOf(s.buckets.back())].bundle, cap == 10);
        const std::size_t bundle = p.find("bundle:more:in:user:" + kAccount);
        QVERIFY(bundle < p.nodes().size());
        QVERIFY(p.nodes()[bundle].bundle);
        QVERIFY(!p.nodes()[p.viewNodeOf(s.users.front())].bundle); // a100 comes first by name
        const std::string count = std::to_string(p.nodes()[bundle].members.size());
        QCOMPARE(QString::fromStdString(p.nodes()[bundle].label),
            QString::fromStdString("+" + count + " more users · " + kAccount));
        QCOMPARE(p.nodes()[bundle].hops, -1);
    }
}

void TestGraphProjection::bundlesOpenByPathPrefixAndFoldBack()
{
    const Star s = star();
    const doc::GraphScope scope = focusOn("role:500", 1, 12);
    const std::string family = "bundle:more:in:user:" + kAccount;
    GraphCollapse collapse = nothingFolded();
    const GraphProjection folded = GraphProjection::project(s.graph, collapse, scope);
    const std::size_t inBundle = folded.nodes()[folded.find(family)].members.size();
    QVERIFY(inBundle > doc::GraphScope::kBundlePage);
    // Opened: more than a page of members from two path prefixes, so one bundle per prefix.
    collapse.expanded.insert(family);
    const GraphProjection byPrefix = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(byPrefix.find(family), GraphProjection::npos);
    const std::size_t teamA = byPrefix.find(family + ":/team-a/");
    const std::size_t teamB = byPrefix.find(family + ":/team-b/");
    QVERIFY(teamA < byPrefix.nodes().size() && teamB < byPrefix.nodes().size());
    QCOMPARE(byPrefix.nodes()[teamA].openedFrom, family);
    QCOMPARE(byPrefix.nodes()[teamA].members.size() + byPrefix.nodes()[teamB].members.size(), inBundle);
    QVERIFY(byPrefix.nodes()[teamB].label.find("/team-b/") != std::string::npos);
    QCOMPARE(shownNodes(byPrefix), shownNodes(folded));
    // A prefix opened: its members on cards of their own, which name the bundle they fold back into.
    collapse.expanded.insert(family + ":/team-b/");
    const GraphProjection members = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(members.find(family + ":/team-b/"), GraphProjection::npos);
    const std::size_t last = members.viewNodeOf(s.users.back());
    QVERIFY(!members.nodes()[last].bundle);
    QCOMPARE(members.nodes()[last].openedFrom, family + ":/team-b/");
    QCOMPARE(shownNodes(members), shownNodes(folded));
    // Folded back: as before.
    collapse.expanded.clear();
    const GraphProjection again = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(again.nodes().size(), folded.nodes().size());
    QVERIFY(again.find(family) < again.nodes().size());
}

void TestGraphProjection::pathScopeDrawsExactlyTheNamedPaths()
{
    const Star s = star();
    doc::GraphScope scope;
    scope.mode = doc::GraphScope::Mode::Paths;
    const std::string user = core::graphLayoutKey(s.graph.nodes()[s.users.front()]);
    scope.pathNodes = { user, "role:500", "role:501", "resource:503" };
    scope.pathEdges = { { user, "role:500", GraphEdgeKind::MayAssume },
        { "role:500", "role:501", GraphEdgeKind::MayAssume }, { "role:501", "resource:503", GraphEdgeKind::MayActOn } };
    const GraphProjection p = GraphProjection::project(s.graph, nothingFolded(), scope);
    QCOMPARE(p.nodes().size(), std::size_t(4));
    QCOMPARE(p.edges().size(), std::size_t(3));
    QCOMPARE(p.focus(), GraphProjection::npos);
    // The user's direct read of a bucket and the role's buckets are not on the paths.
    for (const std::size_t bucket : s.buckets)
        QCOMPARE(p.viewNodeOf(bucket), GraphProjection::npos);
    // Left to right: the user, the role, the worker, the queue.
    const std::vector<int> layers = doc::pathLayers(p);
    QCOMPARE(layers[p.viewNodeOf(s.users.front())], 0);
    QCOMPARE(layers[p.viewNodeOf(s.app)], 1);
    QCOMPARE(layers[p.viewNodeOf(s.worker)], 2);
    QCOMPARE(layers[p.viewNodeOf(s.queue)], 3);
}

void TestGraphProjection::columnLayoutKeepsLayersApartAndFillsTheWindow()
{
    const Star s = star();
    const GraphProjection p = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:500", 2));
    std::vector<int> layers;
    for (const doc::ViewNode &v : p.nodes())
        layers.push_back(v.hops);
    doc::GraphLayoutOptions options;
    options.nodeWidth = 200;
    options.nodeHeight = 50;
    const doc::GraphLayoutResult layout = doc::layoutColumns(p, layers, options, 1600, 1000);
    QCOMPARE(layout.positions.size(), p.nodes().size());
    // Layers left to right: every user left of the role, the role left of the worker, the worker left of the queue.
    auto x = [&](std::size_t graphNode) { return layout.positions[p.viewNodeOf(graphNode)].first; };
    for (const std::size_t user : s.users)
        QVERIFY(x(user) < x(s.app));
    QVERIFY(x(s.app) < x(s.worker));
    QVERIFY(x(s.worker) < x(s.queue));
    // Sixty users wrap into several columns, so that the drawing is wider than tall rather than one tall column.
    QVERIFY2(layout.width > layout.height, qPrintable(QStringLiteral("%1 x %2").arg(layout.width).arg(layout.height)));
    // A few cards stay in one column per layer when they fit at full size.
    const GraphProjection few = GraphProjection::project(s.graph, nothingFolded(), focusOn("role:501", 1));
    std::vector<int> fewLayers;
    for (const doc::ViewNode &v : few.nodes())
        fewLayers.push_back(v.hops);
    const doc::GraphLayoutResult narrow = doc::layoutColumns(few, fewLayers, options, 1600, 1000);
    QCOMPARE(narrow.positions[few.viewNodeOf(s.outsider)].first, narrow.positions[few.viewNodeOf(s.app)].first);
    // No two cards overlap.
    for (std::size_t a = 0; a < layout.positions.size(); ++a) {
        for (std::size_t b = a + 1; b < layout.positions.size(); ++b) {
            const bool apart = std::abs(layout.positions[a].first - layout.positions[b].first) >= options.nodeWidth
                || std::abs(layout.positions[a].second - layout.positions[b].second) >= options.nodeHeight;
            QVERIFY(apart);
        }
    }
}

void TestGraphProjection::overviewOpensClustersWhileTheyFit()
{
    const Star s = star();
    doc::GraphScope scope;
    scope.mode = doc::GraphScope::Mode::Overview;
    scope.cardCap = 20;
    const std::string account = "bundle:cluster:" + kAccount;
    GraphCollapse collapse = nothingFolded();
    // Twenty cards (ten for the clusters opened on their own): the account opens into its path prefixes and
    // services, those into kinds; the kinds' members would be 69 cards, so they stay closed.
    const GraphProjection p = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(shownNodes(p).size(), s.graph.nodes().size());
    QVERIFY(p.nodes().size() <= scope.cardCap / 2);
    const std::size_t teamA = p.find(account + ":/team-a/:user");
    const std::size_t roles = p.find(account + ":/:role");
    QVERIFY(teamA < p.nodes().size() && roles < p.nodes().size());
    QCOMPARE(p.nodes()[teamA].members.size(), std::size_t(30));
    QCOMPARE(p.nodes()[teamA].label, std::string("user"));
    QCOMPARE(p.nodes()[teamA].openedFrom, account + ":/team-a/");
    QVERIFY(p.find(account + ":s3:resource") < p.nodes().size());
    // A cluster of one is its member: the outsider and the queue.
    QVERIFY(!p.nodes()[p.viewNodeOf(s.outsider)].bundle);
    QVERIFY(!p.nodes()[p.viewNodeOf(s.queue)].bundle);
    // Edges between clusters are merged and counted: the thirty users of /team-a/ may assume the role `app`.
    bool counted = false;
    for (const doc::ViewEdge &e : p.edges())
        counted = counted || (e.from == teamA && e.to == roles && e.edges.size() == 30);
    QVERIFY(counted);
    // Opened by the user: the thirty users on cards of their own; the cap then gives way.
    collapse.expanded.insert(account + ":/team-a/:user");
    const GraphProjection opened = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(opened.find(account + ":/team-a/:user"), GraphProjection::npos);
    QVERIFY(!opened.nodes()[opened.viewNodeOf(s.users.front())].bundle);
    QCOMPARE(opened.nodes()[opened.viewNodeOf(s.users.front())].openedFrom, account + ":/team-a/:user");
    QCOMPARE(shownNodes(opened).size(), s.graph.nodes().size());
    // Closed by the user: the whole account on one card.
    collapse.expanded.clear();
    collapse.collapsed.insert(account);
    const GraphProjection closed = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(closed.nodes().size(), std::size_t(1));
    QCOMPARE(closed.nodes().front().key, account);
    QCOMPARE(closed.nodes().front().members.size(), s.graph.nodes().size());
    // With room for every card, every cluster opens.
    scope.cardCap = 300;
    collapse.collapsed.clear();
    const GraphProjection all = GraphProjection::project(s.graph, collapse, scope);
    QCOMPARE(all.nodes().size(), s.graph.nodes().size());
}

void TestGraphProjection::everyNodeIsFoundByItsLayoutKey()
{
    // Entities by id, services, accounts, patterns and resources by key: each node found again from the key the
    // editor keeps for it; keys of no node are not.
    for (const core::AccessGraph &g : { sample().graph, star().graph }) {
        for (std::size_t n = 0; n < g.nodes().size(); ++n)
            QCOMPARE(doc::findByLayoutKey(g, core::graphLayoutKey(g.nodes()[n])), n);
        for (const char *missing : { "role:999999", "role:", "service:nobody.amazonaws.com",
                 "pattern:arn:aws:s3:::none", "nonsense", "user:x1" })
            QCOMPARE(doc::findByLayoutKey(g, missing), GraphProjection::npos);
    }
}

QTEST_GUILESS_MAIN(TestGraphProjection)
#include "TestGraphProjection.moc"
