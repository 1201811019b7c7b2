// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// `role-designer-cli reach` as a user runs it: a real process over a saved workspace, the JSON contract of
// docs/REACHABILITY.md, text, Graphviz and GraphML output, and the exit codes (0 answers, 1 none, 2 bad usage or
// input). The chain follows IAM User Guide, "Role chaining"; the trust rules "Policy evaluation logic".
#include "ChainWorkspace.h"
#include "CliRun.h"
#include "PolicyText.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <utility>

using rd::test::CliRun;
using rd::test::runCli;

class TestReachCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void principalQueryGivesThePathAsJson();
    void resourceQueryFindsEveryPrincipalOnTheChain();
    void textNamesTheHopsAndStatements();
    void jsonAndTextListTheDeniesThatNarrowAnAnswer();
    void dotIsValidGraphvizWithEscapedLabels();
    void graphMlIsTheWholeGraphOrTheQuerysSubgraph_data();
    void graphMlIsTheWholeGraphOrTheQuerysSubgraph();
    void exitCodes_data();
    void exitCodes();
    void everyAnswerWithoutAQueryInOrder();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

namespace
{

const std::string &kAlice = rd::test::kChainAlice;
const std::string &kRoleA = rd::test::kChainRoleA;
const std::string &kRoleB = rd::test::kChainRoleB;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

void TestReachCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    using namespace rd::core;
    using rd::test::policyDocument;
    using rd::test::policyOf;
    const Workspace w = rd::test::chainWorkspace("reach-cli", "Read \"quoted\"");
    m_workspace = m_dir.filePath(QStringLiteral("reach.rdws"));
    QVERIFY(!saveWorkspaceFile(m_workspace.toStdString(), w).has_value());
}

void TestReachCommand::principalQueryGivesThePathAsJson()
{
    const CliRun run = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
        QStringLiteral("--principal"), q(kAlice), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray answers = json.array();
    // The bucket through A and B, and role B itself (alice's session of A may call sts:AssumeRole on it).
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).toObject().value(QStringLiteral("resource")).toString(), q(kRoleB));
    const QJsonObject answer = answers.at(1).toObject();
    QCOMPARE(answer.value(QStringLiteral("principal")).toString(), q(kAlice));
    QCOMPARE(answer.value(QStringLiteral("resource")).toString(), QStringLiteral("arn:aws:s3:::data-bucket/*"));
    QVERIFY(answer.value(QStringLiteral("conditional")).toBool());
    const QJsonArray path = answer.value(QStringLiteral("path")).toArray();
    QCOMPARE(path.size(), 3);
    QCOMPARE(path.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("may-assume"));
    QCOMPARE(path.at(0).toObject().value(QStringLiteral("to")).toString(), q(kRoleA));
    QVERIFY(path.at(0).toObject().value(QStringLiteral("conditional")).toBool());
    QCOMPARE(path.at(1).toObject().value(QStringLiteral("to")).toString(), q(kRoleB));
    QCOMPARE(path.at(2).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("may-act-on"));
    const QJsonObject statement = path.at(2).toObject().value(QStringLiteral("statements")).toArray().at(0).toObject();
    QCOMPARE(statement.value(QStringLiteral("sid")).toString(), QStringLiteral("ReadData"));
    QCOMPARE(statement.value(QStringLiteral("policy")).toString(),
        QStringLiteral("inline policy Read \"quoted\" of role B"));
    const QJsonArray actions = answer.value(QStringLiteral("actions")).toArray();
    QVERIFY(actions.size() >= 2); // s3 Read (GetObject) and s3 List (ListBucket)
}

void TestReachCommand::resourceQueryFindsEveryPrincipalOnTheChain()
{
    const CliRun run =
        runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace, QStringLiteral("--resource"),
            QStringLiteral("arn:aws:s3:::data-bucket/2026/report.csv"), QStringLiteral("--action"),
            QStringLiteral("s3:GetObject"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray answers = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QStringList principals;
    for (const QJsonValue &v : answers)
        principals << v.toObject().value(QStringLiteral("principal")).toString();
    principals.sort();
    QCOMPARE(principals, (QStringList { q(kRoleA), q(kRoleB), q(kAlice) }));
    // --max-hops 1 leaves alice (two assumptions away) out.
    const CliRun limited = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
        QStringLiteral("--resource"), QStringLiteral("arn:aws:s3:::data-bucket/x"), QStringLiteral("--max-hops"),
        QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(limited.exitCode, 0);
    QVERIFY(!limited.out.contains(q(kAlice)));
}

void TestReachCommand::textNamesTheHopsAndStatements()
{
    const CliRun run = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
        QStringLiteral("--principal"), q(kAlice) });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("[conditional]")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("(if aws:MultiFactorAuthPresent)")));
    // Text numbers statements from 1, as the editors and the explorer do (ReadData is B's first statement); JSON's
    // `index` counts from 0 (docs/REACHABILITY.md).
    QVERIFY2(run.out.contains(QStringLiteral("statement 1 (ReadData)")), qPrintable(run.out));
    QVERIFY(!run.out.contains(QStringLiteral("statement 0")));
    QVERIFY(run.out.contains(QStringLiteral("2 answers")));
}

void TestReachCommand::jsonAndTextListTheDeniesThatNarrowAnAnswer()
{
    // IAM User Guide, "Policy evaluation logic": the deny of s3:GetObject on the secret objects narrows `s3:*` on `*`
    // (what-can lists it) and removes the who-can answer for a secret object.
    using namespace rd::core;
    using rd::test::policyDocument;
    using rd::test::policyOf;
    const std::string app = "arn:aws:iam::111122223333:role/App";
    Workspace w;
    w.name = "reach-denies";
    w.accounts.push_back({ "111122223333", "a" });
    Role role;
    role.accountId = "111122223333";
    role.name = "App";
    role.arn = app;
    role.trustPolicy = policyOf(policyDocument(
        R"({"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"})"));
    role.inlinePolicies.push_back({ "Data",
        policyOf(policyDocument(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"},)"
                                R"({"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject",)"
                                R"("Resource":"arn:aws:s3:::secret/*"})")) });
    w.add(role);
    const QString file = m_dir.filePath(QStringLiteral("denies.rdws"));
    QVERIFY(!saveWorkspaceFile(file.toStdString(), w).has_value());

    const CliRun json = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), file,
        QStringLiteral("--principal"), q(app), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(json.exitCode, 0);
    const QJsonArray answers = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(answers.size(), 1);
    const QJsonArray denies = answers.at(0).toObject().value(QStringLiteral("denies")).toArray();
    QCOMPARE(denies.size(), 1);
    const QJsonObject deny = denies.at(0).toObject();
    QCOMPARE(deny.value(QStringLiteral("policy")).toString(), QStringLiteral("inline policy Data of role App"));
    QCOMPARE(deny.value(QStringLiteral("index")).toInt(), 1);
    QCOMPARE(deny.value(QStringLiteral("sid")).toString(), QStringLiteral("NoSecrets"));
    QCOMPARE(deny.value(QStringLiteral("conditionKeys")).toArray().size(), 0);

    const CliRun text =
        runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), file, QStringLiteral("--principal"), q(app) });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("    except: inline policy Data of role App, statement 2 (NoSecrets)\n")),
        qPrintable(text.out));

    const CliRun who =
        runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), file, QStringLiteral("--resource"),
            QStringLiteral("arn:aws:s3:::secret/x"), QStringLiteral("--action"), QStringLiteral("s3:GetObject") });
    QCOMPARE(who.exitCode, 1);
    QVERIFY2(!who.out.contains(q(app)), qPrintable(who.out));
}

void TestReachCommand::dotIsValidGraphvizWithEscapedLabels()
{
    for (const QStringList &query : { QStringList {}, QStringList { QStringLiteral("--principal"), q(kAlice) } }) {
        QStringList args { QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
            QStringLiteral("--format"), QStringLiteral("dot") };
        args << query;
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("digraph access {")));
        QVERIFY(run.out.trimmed().endsWith(QLatin1Char('}')));
        QVERIFY(run.out.contains(QStringLiteral("may-assume")));
        QVERIFY(run.out.contains(QStringLiteral("style=dashed"))); // the MFA hop
        const QString dot = QStandardPaths::findExecutable(QStringLiteral("dot"));
        if (!dot.isEmpty()) {
            const CliRun check = rd::test::runProgram(dot, { QStringLiteral("-Tcanon") }, run.out.toUtf8());
            QCOMPARE(check.exitCode, 0);
        }
    }
}

void TestReachCommand::graphMlIsTheWholeGraphOrTheQuerysSubgraph_data()
{
    QTest::addColumn<QStringList>("query");
    // `kind key` of every node expected, sorted; empty for "the same nodes as the dot output of the whole graph".
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<int>("edges");
    QTest::newRow("without a query the whole graph, as dot writes it") << QStringList {} << QStringList {} << -1;
    QTest::newRow("a principal query gives its answers' principals, resources and hops")
        << QStringList { QStringLiteral("--principal"), q(kAlice) }
        << QStringList { QStringLiteral("resource ") + q(kRoleB), QStringLiteral("resource arn:aws:s3:::data-bucket/*"),
               QStringLiteral("role ") + q(kRoleA), QStringLiteral("role ") + q(kRoleB),
               QStringLiteral("user ") + q(kAlice) }
        << 4;
    QTest::newRow("a resource query gives everyone on the chain to it")
        << QStringList { QStringLiteral("--resource"), QStringLiteral("arn:aws:s3:::data-bucket/2026/report.csv"),
               QStringLiteral("--action"), QStringLiteral("s3:GetObject") }
        << QStringList { QStringLiteral("resource arn:aws:s3:::data-bucket/*"), QStringLiteral("role ") + q(kRoleA),
               QStringLiteral("role ") + q(kRoleB), QStringLiteral("user ") + q(kAlice) }
        << 3;
    QTest::newRow("--focus gives the node's neighbourhood, two hops each side")
        << QStringList { QStringLiteral("--focus"), q(kRoleA), QStringLiteral("--depth"), QStringLiteral("2") }
        << QStringList { QStringLiteral("resource ") + q(kRoleB), QStringLiteral("resource arn:aws:s3:::data-bucket/*"),
               QStringLiteral("role ") + q(kRoleA), QStringLiteral("role ") + q(kRoleB),
               QStringLiteral("user ") + q(kAlice) }
        << 4;
}

void TestReachCommand::graphMlIsTheWholeGraphOrTheQuerysSubgraph()
{
    QFETCH(QStringList, query);
    QFETCH(QStringList, nodes);
    QFETCH(int, edges);
    QStringList args { QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace, QStringLiteral("--format"),
        QStringLiteral("graphml") };
    args << query;
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")));

    QXmlStreamReader xml(run.out);
    QStringList found;
    QSet<QString> nodeIds;
    QString kind;
    QString key;
    int edgeCount = 0;
    bool quotedPolicy = false;
    QString dataKey;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("graphml"))
            QCOMPARE(xml.namespaceUri().toString(), QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
        if (xml.isStartElement() && xml.name() == QLatin1String("node"))
            nodeIds.insert(xml.attributes().value(QLatin1String("id")).toString());
        if (xml.isStartElement() && xml.name() == QLatin1String("edge")) {
            ++edgeCount;
            // Every edge's ends are nodes of the file.
            QVERIFY(nodeIds.contains(xml.attributes().value(QLatin1String("source")).toString()));
            QVERIFY(nodeIds.contains(xml.attributes().value(QLatin1String("target")).toString()));
        }
        if (xml.isStartElement() && xml.name() == QLatin1String("data")) {
            dataKey = xml.attributes().value(QLatin1String("key")).toString();
            const QString value = xml.readElementText();
            if (dataKey == QLatin1String("nkind"))
                kind = value;
            else if (dataKey == QLatin1String("nkey"))
                key = value;
            else if (dataKey == QLatin1String("estatements"))
                quotedPolicy =
                    quotedPolicy || value.contains(QStringLiteral("inline policy Read \"quoted\" of role B"));
        }
        if (xml.isEndElement() && xml.name() == QLatin1String("node"))
            found << kind + QLatin1Char(' ') + key;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    found.sort();
    if (nodes.isEmpty()) {
        const CliRun dot = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
            QStringLiteral("--format"), QStringLiteral("dot") });
        QCOMPARE(found.size(), dot.out.count(QStringLiteral(" [shape=")));
        QCOMPARE(edgeCount, dot.out.count(QStringLiteral(" -> n")));
        QVERIFY(found.contains(QStringLiteral("user ") + q(kAlice)));
    } else {
        QCOMPARE(found, nodes);
        QCOMPARE(edgeCount, edges);
    }
    QVERIFY(quotedPolicy); // the hop to the bucket cites B's inline policy, quotes intact
    const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (!xmllint.isEmpty()) {
        const CliRun check =
            rd::test::runProgram(xmllint, { QStringLiteral("--noout"), QStringLiteral("-") }, run.out.toUtf8());
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    }
}

void TestReachCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("a resource nobody reaches gives 1")
        << QStringList { QStringLiteral("--resource"), QStringLiteral("arn:aws:s3:::other-bucket/x") } << 1;
    QTest::newRow("an action nobody may do on the resource gives 1") << QStringList { QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::data-bucket/x"), QStringLiteral("--action"), QStringLiteral("s3:DeleteObject") }
                                                                     << 1;
    QTest::newRow("an unknown principal gives 2")
        << QStringList { QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::111122223333:user/nobody") } << 2;
    QTest::newRow("an action alone gives 2")
        << QStringList { QStringLiteral("--action"), QStringLiteral("s3:GetObject") } << 2;
    QTest::newRow("a GraphML query nobody answers gives 1") << QStringList { QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::other-bucket/x"), QStringLiteral("--format"), QStringLiteral("graphml") }
                                                            << 1;
    QTest::newRow("an unknown format gives 2")
        << QStringList { QStringLiteral("--format"), QStringLiteral("xml") } << 2;
    QTest::newRow("--focus as text gives 2") << QStringList { QStringLiteral("--focus"), q(kRoleA) } << 2;
    QTest::newRow("--focus on a node not in the graph gives 2") << QStringList { QStringLiteral("--focus"),
        QStringLiteral("arn:aws:iam::111122223333:role/nobody"), QStringLiteral("--format"), QStringLiteral("dot") }
                                                                << 2;
    QTest::newRow("--focus with a query gives 2") << QStringList { QStringLiteral("--focus"), q(kRoleA),
        QStringLiteral("--principal"), q(kAlice), QStringLiteral("--format"), QStringLiteral("dot") }
                                                  << 2;
    QTest::newRow("--focus as dot gives 0")
        << QStringList { QStringLiteral("--focus"), q(kRoleA), QStringLiteral("--format"), QStringLiteral("dot") } << 0;
}

void TestReachCommand::exitCodes()
{
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QStringList args { QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace };
    args << extra;
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 2)
        QVERIFY(!run.err.isEmpty());
    const CliRun missing = runCli(
        { QStringLiteral("reach"), QStringLiteral("--workspace"), m_dir.filePath(QStringLiteral("missing.rdws")) });
    QCOMPARE(missing.exitCode, 2);
}

void TestReachCommand::everyAnswerWithoutAQueryInOrder()
{
    // Without a query the answers are written principal by principal (flat memory: docs/REACHABILITY.md, "Output
    // formats"): sorted by principal, then resource, and each principal's are exactly those of its own query.
    const CliRun all = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
        QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(all.exitCode, 0);
    const QJsonArray answers = QJsonDocument::fromJson(all.out.toUtf8()).array();
    QVERIFY2(answers.size() >= 3, qPrintable(all.out));
    QMap<QString, int> perPrincipal;
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const QJsonObject a = answers[i].toObject();
        ++perPrincipal[a[QStringLiteral("principal")].toString()];
        if (i == 0)
            continue;
        const QJsonObject before = answers[i - 1].toObject();
        const auto key = [](const QJsonObject &o) {
            return std::make_pair(o[QStringLiteral("principal")].toString().toStdString(),
                o[QStringLiteral("resource")].toString().toStdString());
        };
        QVERIFY2(key(before) < key(a), qPrintable(a[QStringLiteral("principal")].toString()));
    }
    for (auto it = perPrincipal.cbegin(); it != perPrincipal.cend(); ++it) {
        const CliRun one = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace,
            QStringLiteral("--principal"), it.key(), QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(QJsonDocument::fromJson(one.out.toUtf8()).array().size(), it.value());
    }
    // The text form counts the same answers.
    const CliRun text = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), m_workspace });
    QVERIFY2(text.out.endsWith(QStringLiteral("%1 answers\n").arg(answers.size())), qPrintable(text.out));
}

QTEST_GUILESS_MAIN(TestReachCommand)
#include "TestReachCommand.moc"
