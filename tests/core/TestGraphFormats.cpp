// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The access graph's file formats (core/GraphFormats.h): GraphML ("The GraphML File Format",
// http://graphml.graphdrawing.org/) read back with QXmlStreamReader, XML 1.0 escaping of hostile text ("2.2
// Characters": only tab, line feed, carriage return and U+0020 upwards but U+FFFE/U+FFFF are allowed), the subgraph of
// reach answers, Graphviz dot unchanged from the writer the CLI had before it moved to core, and the text format.
#include "ChainWorkspace.h"
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "PolicyText.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/GraphFormats.h"
#include "rd/core/graph/Reachability.h"
#include "rd/core/policy/PolicyParser.h"

#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <QtTest>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestGraphFormats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void graphMlDeclaresItsKeysAndCarriesEveryNodeAndEdge();
    void hostileTextStaysWellFormed_data();
    void hostileTextStaysWellFormed();
    void selectionOfAnswersIsTheirPathsSubgraph();
    void selectedEdgesBringTheirEndsAndBadAnswersAreSkipped();
    void dotIsUnchangedFromTheCliWriter();
    void reachTextIsTheCliTextFormat();
};

namespace
{

const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kCarol = "arn:aws:iam::111122223333:user/carol";
const std::string kRoleA = "arn:aws:iam::111122223333:role/A";
const std::string kRoleB = "arn:aws:iam::111122223333:role/B";
const std::string kReaders = "arn:aws:iam::111122223333:group/Readers";
const std::string kData = "arn:aws:s3:::data-bucket/*";
const std::string kOther = "arn:aws:s3:::other-bucket";

GraphNode nodeOf(GraphNodeKind kind, const std::string &key, const std::string &label, bool modelled = false)
{
    GraphNode node;
    node.kind = kind;
    node.key = key;
    node.label = label;
    node.accountId = key.rfind("arn:aws:iam::", 0) == 0 ? "111122223333" : "";
    node.modelled = modelled;
    return node;
}

GraphStatementRef statementOf(const std::string &policy, std::size_t index, const std::string &sid)
{
    GraphStatementRef ref;
    ref.policy = policy;
    ref.index = index;
    ref.sid = sid;
    return ref;
}

// alice -(may-assume, MFA)-> A -(may-assume)-> B -(may-act-on s3 Read, List)-> data-bucket/*; carol -(may-act-on)->
// other-bucket; carol -(member-of)-> Readers. `label` replaces role B's label (hostile text rows).
AccessGraph smallGraph(const std::string &label = "B")
{
    AccessGraph g;
    const std::size_t alice = g.addNode(nodeOf(GraphNodeKind::User, kAlice, "alice"));
    const std::size_t a = g.addNode(nodeOf(GraphNodeKind::Role, kRoleA, "A"));
    const std::size_t b = g.addNode(nodeOf(GraphNodeKind::Role, kRoleB, label));
    const std::size_t data = g.addNode(nodeOf(GraphNodeKind::Resource, kData, kData));
    const std::size_t carol = g.addNode(nodeOf(GraphNodeKind::User, kCarol, "carol"));
    const std::size_t other = g.addNode(nodeOf(GraphNodeKind::Resource, kOther, "other-bucket", true));
    const std::size_t readers = g.addNode(nodeOf(GraphNodeKind::Group, kReaders, "Readers"));
    GraphEdge e0;
    e0.kind = GraphEdgeKind::MayAssume;
    e0.from = alice;
    e0.to = a;
    e0.conditional = true;
    e0.conditionKeys = { "aws:multifactorauthpresent", "aws:sourceip" };
    e0.statements = { statementOf("trust policy of role A", 0, "") };
    g.addEdge(e0);
    GraphEdge e1;
    e1.kind = GraphEdgeKind::MayAssume;
    e1.from = a;
    e1.to = b;
    e1.statements = { statementOf("inline policy Hop of role A", 0, "Hop"),
        statementOf("trust policy of role B", 1, "") };
    g.addEdge(e1);
    GraphEdge e2;
    e2.kind = GraphEdgeKind::MayActOn;
    e2.from = b;
    e2.to = data;
    e2.actions = { { "s3", "Read", { "s3:getobject", "s3:get*" } }, { "s3", "List", { "s3:listbucket" } } };
    e2.statements = { statementOf("inline policy Read of role B", 2, "ReadData") };
    g.addEdge(e2);
    GraphEdge e3;
    e3.kind = GraphEdgeKind::MayActOn;
    e3.from = carol;
    e3.to = other;
    e3.actions = { { "*", "*", { "*" } } };
    e3.statements = { statementOf("arn:aws:iam::aws:policy/AdministratorAccess", 0, "") };
    g.addEdge(e3);
    GraphEdge e4;
    e4.kind = GraphEdgeKind::MemberOf;
    e4.from = carol;
    e4.to = readers;
    g.addEdge(e4);
    return g;
}

struct ParsedGraphMl {
    QString error;
    QString namespaceUri;
    QString edgeDefault;
    // key id -> "for/attr.name/attr.type"
    QMap<QString, QString> keys;
    // node id -> (key id -> data)
    QMap<QString, QMap<QString, QString>> nodes;
    // edge id -> (key id -> data), plus "source" and "target"
    QMap<QString, QMap<QString, QString>> edges;
};

ParsedGraphMl parseGraphMl(const std::string &text)
{
    ParsedGraphMl out;
    QXmlStreamReader xml(QByteArray::fromStdString(text));
    QMap<QString, QString> *current = nullptr;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        const QXmlStreamAttributes attrs = xml.attributes();
        if (name == QLatin1String("graphml")) {
            out.namespaceUri = xml.namespaceUri().toString();
        } else if (name == QLatin1String("key")) {
            out.keys.insert(attrs.value(QLatin1String("id")).toString(),
                attrs.value(QLatin1String("for")).toString() + QLatin1Char('/')
                    + attrs.value(QLatin1String("attr.name")).toString() + QLatin1Char('/')
                    + attrs.value(QLatin1String("attr.type")).toString());
        } else if (name == QLatin1String("graph")) {
            out.edgeDefault = attrs.value(QLatin1String("edgedefault")).toString();
        } else if (name == QLatin1String("node")) {
            current = &out.nodes[attrs.value(QLatin1String("id")).toString()];
        } else if (name == QLatin1String("edge")) {
            current = &out.edges[attrs.value(QLatin1String("id")).toString()];
            current->insert(QStringLiteral("source"), attrs.value(QLatin1String("source")).toString());
            current->insert(QStringLiteral("target"), attrs.value(QLatin1String("target")).toString());
        } else if (name == QLatin1String("data") && current) {
            const QString key = attrs.value(QLatin1String("key")).toString();
            current->insert(key, xml.readElementText());
        }
    }
    if (xml.hasError())
        out.error = xml.errorString() + QStringLiteral(" at line ") + QString::number(xml.lineNumber());
    return out;
}

// Whether xmllint (libxml2-utils) accepts the document; true when it is not installed.
bool xmllintAccepts(const std::string &text, QString *message)
{
    const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (xmllint.isEmpty())
        return true;
    QProcess process;
    process.start(xmllint, { QStringLiteral("--noout"), QStringLiteral("-") });
    if (!process.waitForStarted())
        return true;
    process.write(QByteArray::fromStdString(text));
    process.closeWriteChannel();
    process.waitForFinished(30000);
    *message = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// A DOT file under tests/data/graph/, written by the CLI's writer before it moved into core (hand-checked).
std::string expectedDot(const std::string &name)
{
    std::ifstream in(rd::test::testDataPath("graph/" + name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The reach tests' chain, B's inline policy with a quoted, back-slashed name.
Workspace chainWorkspace()
{
    return rd::test::chainWorkspace("formats", "Read \"quoted\" \\ <&>");
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

void TestGraphFormats::initTestCase()
{
    // The hand-checked DOT files that expectedDot() reads.
    for (const char *name : { "small-selection.dot", "small-quoted.dot", "chain.dot", "chain-alice.dot" })
        RD_REQUIRE_FILE(rd::test::testDataPath(std::string("graph/") + name));
}

void TestGraphFormats::graphMlDeclaresItsKeysAndCarriesEveryNodeAndEdge()
{
    const AccessGraph g = smallGraph();
    const std::string text = writeGraphMl(g);
    const ParsedGraphMl parsed = parseGraphMl(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QString lint;
    QVERIFY2(xmllintAccepts(text, &lint), qPrintable(lint));
    QCOMPARE(parsed.namespaceUri, QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
    QCOMPARE(parsed.edgeDefault, QStringLiteral("directed"));
    const QMap<QString, QString> expectedKeys {
        { QStringLiteral("nkind"), QStringLiteral("node/kind/string") },
        { QStringLiteral("nlabel"), QStringLiteral("node/label/string") },
        { QStringLiteral("nkey"), QStringLiteral("node/key/string") },
        { QStringLiteral("naccount"), QStringLiteral("node/account/string") },
        { QStringLiteral("nmodelled"), QStringLiteral("node/modelled/boolean") },
        { QStringLiteral("ekind"), QStringLiteral("edge/kind/string") },
        { QStringLiteral("econditional"), QStringLiteral("edge/conditional/boolean") },
        { QStringLiteral("econditionkeys"), QStringLiteral("edge/conditionKeys/string") },
        { QStringLiteral("eactions"), QStringLiteral("edge/actions/string") },
        { QStringLiteral("estatements"), QStringLiteral("edge/statements/string") },
    };
    QCOMPARE(parsed.keys, expectedKeys);
    QCOMPARE(parsed.nodes.size(), qsizetype(g.nodes().size()));
    QCOMPARE(parsed.edges.size(), qsizetype(g.edges().size()));
    // Every data element names a declared key of its own domain.
    for (const auto &node : parsed.nodes) {
        for (auto it = node.begin(); it != node.end(); ++it)
            QVERIFY2(parsed.keys.value(it.key()).startsWith(QLatin1String("node/")), qPrintable(it.key()));
    }

    const QMap<QString, QString> alice = parsed.nodes.value(QStringLiteral("n0"));
    QCOMPARE(alice.value(QStringLiteral("nkind")), QStringLiteral("user"));
    QCOMPARE(alice.value(QStringLiteral("nlabel")), QStringLiteral("alice"));
    QCOMPARE(alice.value(QStringLiteral("nkey")), q(kAlice));
    QCOMPARE(alice.value(QStringLiteral("naccount")), QStringLiteral("111122223333"));
    QVERIFY(!alice.contains(QStringLiteral("nmodelled"))); // the key's default, false
    const QMap<QString, QString> other = parsed.nodes.value(QStringLiteral("n5"));
    QCOMPARE(other.value(QStringLiteral("nkind")), QStringLiteral("resource"));
    QCOMPARE(other.value(QStringLiteral("nmodelled")), QStringLiteral("true"));
    QVERIFY(!other.contains(QStringLiteral("naccount")));
    QCOMPARE(parsed.nodes.value(QStringLiteral("n6")).value(QStringLiteral("nkind")), QStringLiteral("group"));

    const QMap<QString, QString> mfa = parsed.edges.value(QStringLiteral("e0"));
    QCOMPARE(mfa.value(QStringLiteral("source")), QStringLiteral("n0"));
    QCOMPARE(mfa.value(QStringLiteral("target")), QStringLiteral("n1"));
    QCOMPARE(mfa.value(QStringLiteral("ekind")), QStringLiteral("may-assume"));
    QCOMPARE(mfa.value(QStringLiteral("econditional")), QStringLiteral("true"));
    QCOMPARE(mfa.value(QStringLiteral("econditionkeys")), QStringLiteral("aws:multifactorauthpresent\naws:sourceip"));
    QCOMPARE(mfa.value(QStringLiteral("estatements")), QStringLiteral("trust policy of role A, statement 1"));
    const QMap<QString, QString> hop = parsed.edges.value(QStringLiteral("e1"));
    QVERIFY(!hop.contains(QStringLiteral("econditional")));
    QCOMPARE(hop.value(QStringLiteral("estatements")),
        QStringLiteral("inline policy Hop of role A, statement 1 (Hop)\ntrust policy of role B, statement 2"));
    const QMap<QString, QString> read = parsed.edges.value(QStringLiteral("e2"));
    QCOMPARE(read.value(QStringLiteral("ekind")), QStringLiteral("may-act-on"));
    QCOMPARE(read.value(QStringLiteral("source")), QStringLiteral("n2"));
    QCOMPARE(read.value(QStringLiteral("target")), QStringLiteral("n3"));
    QCOMPARE(read.value(QStringLiteral("eactions")),
        QStringLiteral("s3 Read (s3:getobject s3:get*)\ns3 List (s3:listbucket)"));
    QCOMPARE(read.value(QStringLiteral("estatements")),
        QStringLiteral("inline policy Read of role B, statement 3 (ReadData)"));
    const QMap<QString, QString> member = parsed.edges.value(QStringLiteral("e4"));
    QCOMPARE(member.value(QStringLiteral("ekind")), QStringLiteral("member-of"));
    QVERIFY(!member.contains(QStringLiteral("eactions")));

    // An empty graph is still a GraphML document.
    const ParsedGraphMl empty = parseGraphMl(writeGraphMl(AccessGraph {}));
    QVERIFY2(empty.error.isEmpty(), qPrintable(empty.error));
    QCOMPARE(empty.keys.size(), expectedKeys.size());
    QVERIFY(empty.nodes.isEmpty());
}

void TestGraphFormats::hostileTextStaysWellFormed_data()
{
    QTest::addColumn<QByteArray>("label");
    QTest::addColumn<QString>("expected");
    const QString replacement(QChar(0xFFFD));
    QTest::newRow("quotes and apostrophes are entities")
        << QByteArray("say \"hi\" it's") << QStringLiteral("say \"hi\" it's");
    QTest::newRow("ampersands and angle brackets are entities")
        << QByteArray("a & b <c/> ]]> &amp;") << QStringLiteral("a & b <c/> ]]> &amp;");
    QTest::newRow("tab and line feed stay, carriage return survives as a reference")
        << QByteArray("x\r\ny\tz") << QStringLiteral("x\r\ny\tz");
    QTest::newRow("C0 control characters XML forbids become U+FFFD")
        << QByteArray("a\x01"
                      "b\x1b"
                      "c\x7f"
                      "d")
        << (QStringLiteral("a") + replacement + QStringLiteral("b") + replacement
               + QStringLiteral("c\x7f"
                                "d"));
    QTest::newRow("a NUL byte becomes U+FFFD")
        << QByteArray("a\0b", 3) << (QStringLiteral("a") + replacement + QStringLiteral("b"));
    QTest::newRow("non-ASCII text is kept as UTF-8")
        << QByteArray("r\xc3\xb4le \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\x91")
        << QString::fromUtf8("r\xc3\xb4le \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x94\x91");
    QTest::newRow("malformed UTF-8 becomes U+FFFD per byte")
        << QByteArray("a\xff"
                      "b\xe2\x82"
                      "c")
        << (QStringLiteral("a") + replacement + QStringLiteral("b") + replacement + replacement + QStringLiteral("c"));
    QTest::newRow("an encoded surrogate is malformed UTF-8")
        << QByteArray("\xed\xa0\x80") << (replacement + replacement + replacement);
    QTest::newRow("the noncharacters U+FFFE and U+FFFF become U+FFFD")
        << QByteArray("\xef\xbf\xbe\xef\xbf\xbf") << (replacement + replacement);
}

void TestGraphFormats::hostileTextStaysWellFormed()
{
    QFETCH(QByteArray, label);
    QFETCH(QString, expected);
    const std::string hostile = label.toStdString();
    AccessGraph g = smallGraph(hostile);
    // The same text as a key, an account, a condition key, an action pattern and a statement's policy and Sid.
    GraphNode node = nodeOf(GraphNodeKind::Resource, hostile, hostile);
    node.accountId = hostile;
    const std::size_t n = g.addNode(node);
    GraphEdge edge;
    edge.kind = GraphEdgeKind::MayActOn;
    edge.from = 2;
    edge.to = n;
    edge.conditional = true;
    edge.conditionKeys = { hostile };
    edge.actions = { { "s3", "Read", { hostile } } };
    edge.statements = { statementOf(hostile, 0, hostile) };
    const std::size_t e = g.addEdge(edge);

    const std::string text = writeGraphMl(g);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8(QByteArray::fromStdString(text));
    QVERIFY2(!utf8.hasError(), "the GraphML is not valid UTF-8");
    for (const QChar c : decoded) {
        const ushort u = c.unicode();
        QVERIFY2(u >= 0x20 || u == '\t' || u == '\n', "a control character reached the file");
        QVERIFY(u != 0xFFFE && u != 0xFFFF);
    }
    const ParsedGraphMl parsed = parseGraphMl(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QString lint;
    QVERIFY2(xmllintAccepts(text, &lint), qPrintable(lint));
    QCOMPARE(parsed.nodes.value(QStringLiteral("n2")).value(QStringLiteral("nlabel")), expected);
    const QMap<QString, QString> hostileNode = parsed.nodes.value(QStringLiteral("n") + QString::number(n));
    QCOMPARE(hostileNode.value(QStringLiteral("nkey")), expected);
    QCOMPARE(hostileNode.value(QStringLiteral("naccount")), expected);
    const QMap<QString, QString> hostileEdge = parsed.edges.value(QStringLiteral("e") + QString::number(e));
    QCOMPARE(hostileEdge.value(QStringLiteral("econditionkeys")), expected);
    QCOMPARE(hostileEdge.value(QStringLiteral("eactions")), QStringLiteral("s3 Read (") + expected + QLatin1Char(')'));
    QCOMPARE(hostileEdge.value(QStringLiteral("estatements")),
        expected + QStringLiteral(", statement 1 (") + expected + QLatin1Char(')'));

    // Dot: every string is one double-quoted ID; no raw control character, no unescaped quote.
    const std::string dot = writeDot(g);
    for (unsigned char c : dot)
        QVERIFY(c >= 0x20 || c == '\n');
    QVERIFY(dot.find("label=\"role\\n") != std::string::npos);
}

void TestGraphFormats::selectionOfAnswersIsTheirPathsSubgraph()
{
    const AccessGraph g = smallGraph();
    const Reachability reach(g);
    const std::vector<ReachAnswer> answers = reach.whatCan(kAlice);
    QCOMPARE(answers.size(), std::size_t(1)); // data-bucket through A and B ("Role chaining")
    const GraphSelection selection = selectionOf(g, answers);
    QCOMPARE(selection.nodes, (std::vector<bool> { true, true, true, true, false, false, false }));
    QCOMPARE(selection.edges, (std::vector<bool> { true, true, true, false, false }));

    const ParsedGraphMl parsed = parseGraphMl(writeGraphMl(g, selection));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.nodes.keys(),
        (QStringList { QStringLiteral("n0"), QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3") }));
    QCOMPARE(parsed.edges.keys(), (QStringList { QStringLiteral("e0"), QStringLiteral("e1"), QStringLiteral("e2") }));

    // Who can read the bucket: alice, A and B; their union is the same subgraph.
    const std::vector<ReachAnswer> who = reach.whoCan("arn:aws:s3:::data-bucket/x", std::string("s3:GetObject"));
    QCOMPARE(who.size(), std::size_t(3));
    const GraphSelection whoSelection = selectionOf(g, who);
    QCOMPARE(whoSelection.nodes, selection.nodes);
    QCOMPARE(whoSelection.edges, selection.edges);

    // No answers: nothing selected, an empty graph element.
    const GraphSelection none = selectionOf(g, {});
    QCOMPARE(none.nodes, std::vector<bool>(g.nodes().size(), false));
    const ParsedGraphMl emptyParsed = parseGraphMl(writeGraphMl(g, none));
    QVERIFY2(emptyParsed.error.isEmpty(), qPrintable(emptyParsed.error));
    QVERIFY(emptyParsed.nodes.isEmpty());
    QVERIFY(emptyParsed.edges.isEmpty());
    QCOMPARE(writeDot(g, none), std::string("digraph access {\n  rankdir=LR;\n}\n"));
}

void TestGraphFormats::selectedEdgesBringTheirEndsAndBadAnswersAreSkipped()
{
    const AccessGraph g = smallGraph();
    // Only edge e3 (carol -> other-bucket), no node: both its ends are written, and no other node or edge.
    GraphSelection selection;
    selection.nodes.assign(g.nodes().size(), false);
    selection.edges = { false, false, false, true };
    const ParsedGraphMl parsed = parseGraphMl(writeGraphMl(g, selection));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.nodes.keys(), (QStringList { QStringLiteral("n4"), QStringLiteral("n5") }));
    QCOMPARE(parsed.edges.keys(), QStringList { QStringLiteral("e3") });
    QCOMPARE(writeDot(g, selection), expectedDot("small-selection.dot"));

    // Only nodes selected (edges all false): the nodes alone.
    GraphSelection nodesOnly;
    nodesOnly.nodes = { false, false, false, false, false, false, true };
    nodesOnly.edges.assign(g.edges().size(), false);
    QCOMPARE(parseGraphMl(writeGraphMl(g, nodesOnly)).nodes.keys(), QStringList { QStringLiteral("n6") });

    // Answers from another graph (indexes out of range) select nothing and never crash.
    ReachAnswer stray;
    stray.principalNode = 100;
    stray.resourceNode = 3;
    ReachAnswer strayHop;
    strayHop.principalNode = 0;
    strayHop.resourceNode = 3;
    strayHop.path.push_back({});
    strayHop.path.back().edge = 99;
    const GraphSelection skipped = selectionOf(g, { stray, strayHop });
    QCOMPARE(skipped.nodes, std::vector<bool>(g.nodes().size(), false));
    QCOMPARE(skipped.edges, std::vector<bool>(g.edges().size(), false));
    const GraphSelection onEmpty = selectionOf(AccessGraph {}, { stray });
    QVERIFY(onEmpty.nodes.empty());
}

void TestGraphFormats::dotIsUnchangedFromTheCliWriter()
{
    const AccessGraph small = smallGraph("B \"the\" \\ role\nsecond line");
    QCOMPARE(writeDot(small), expectedDot("small-quoted.dot"));

    const AccessGraph g = AccessGraph::build(chainWorkspace());
    QVERIFY(g.edges().size() >= 3);
    const std::string whole = writeDot(g);
    QCOMPARE(whole, expectedDot("chain.dot"));
    QVERIFY(whole.find("style=dashed") != std::string::npos); // the MFA hop

    // The CLI's subgraph of a query: the hops' edges and their ends, as it computed them before.
    const Reachability reach(g);
    const std::vector<ReachAnswer> answers = reach.whatCan(kAlice);
    QVERIFY(!answers.empty());
    QCOMPARE(writeDot(g, selectionOf(g, answers)), expectedDot("chain-alice.dot"));

    // The same workspace as GraphML: the policy name with quotes, a backslash and markup comes back intact.
    const std::string graphMl = writeGraphMl(g);
    const ParsedGraphMl parsed = parseGraphMl(graphMl);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QString lint;
    QVERIFY2(xmllintAccepts(graphMl, &lint), qPrintable(lint));
    bool found = false;
    for (const auto &edge : parsed.edges) {
        found = found
            || edge.value(QStringLiteral("estatements"))
                   .contains(QStringLiteral("inline policy Read \"quoted\" \\ <&> of role B, statement 1 (ReadData)"));
    }
    QVERIFY(found);
}

void TestGraphFormats::reachTextIsTheCliTextFormat()
{
    const AccessGraph g = smallGraph();
    const Reachability reach(g);
    const std::string text = writeReachText(reach.whatCan(kAlice));
    const std::string expected = kAlice + " -> " + kData + "  [conditional]\n"
        + "    actions: s3 Read (s3:getobject s3:get*)\n"
          "    actions: s3 List (s3:listbucket)\n"
          "    may-assume: "
        + kAlice + " -> " + kRoleA
        + " (if aws:multifactorauthpresent, aws:sourceip)\n"
          "        trust policy of role A, statement 1\n"
          "    may-assume: "
        + kRoleA + " -> " + kRoleB
        + "\n"
          "        inline policy Hop of role A, statement 1 (Hop)\n"
          "        trust policy of role B, statement 2\n"
          "    may-act-on: "
        + kRoleB + " -> " + kData
        + "\n"
          "        inline policy Read of role B, statement 3 (ReadData)\n"
          "1 answer\n";
    QCOMPARE(text, expected);
    QCOMPARE(writeReachText({}), std::string("0 answers\n"));
    QCOMPARE(actionGroupText({ "*", "NotAction", { "iam:*", "sts:*" } }), std::string("* NotAction (iam:* sts:*)"));
}

// QProcess (xmllint) needs the event dispatcher of a QCoreApplication.
QTEST_GUILESS_MAIN(TestGraphFormats)
#include "TestGraphFormats.moc"
