// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// `role-designer-cli usage` and `generate-policy` as a user runs them on the project's CloudTrail fixture
// (tests/support/CloudTrailFixture.h): the JSON shape and the text of docs/USAGE.md, the window, the Athena CSV,
// the policy on stdout that our own validator accepts, its notes on stderr, and the exit codes.
#include "CliRun.h"
#include "CloudTrailFixture.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using rd::test::CliRun;
using rd::test::runCli;

class TestUsageCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageAsJson();
    void usageAsText();
    void theWindowComesFromSinceAndUntil();
    void usageFromAthenasCsv();
    void generatedPolicyValidatesAndNotesGoToStderr();
    void exitCodes_data();
    void exitCodes();

private:
    QJsonObject role(const QJsonObject &report, const std::string &arn) const;

    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_trail;
};

void TestUsageCommand::initTestCase()
{
    m_trail = QString::fromStdString(rd::test::writeCloudTrailFixture(m_dir.filePath("trail").toStdString()));
    m_workspace = m_dir.filePath("ws.rdws");
    QFile file(m_workspace);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(rd::core::writeWorkspace(rd::test::cloudTrailWorkspace())));
}

QJsonObject TestUsageCommand::role(const QJsonObject &report, const std::string &arn) const
{
    for (const QJsonValue &r : report.value("roles").toArray()) {
        if (r.toObject().value("arn").toString().toStdString() == arn)
            return r.toObject();
    }
    return {};
}

void TestUsageCommand::usageAsJson()
{
    const CliRun run =
        runCli({ "usage", "--workspace", m_workspace, "--cloudtrail", m_trail, "--format", "json", "--threads", "2" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value("files").toInt(), 3);
    QCOMPARE(report.value("records").toInt(), 22);
    QCOMPARE(report.value("skipped").toInt(), 2);
    QCOMPARE(report.value("window").toObject().value("lastRecord").toString(), QStringLiteral("2026-03-05T12:00:00Z"));
    const QJsonObject app = role(report, rd::test::kTrailAppRole);
    QCOMPARE(app.value("firstUsed").toString(), QStringLiteral("2026-03-01T09:00:00Z"));
    QCOMPARE(app.value("lastUsed").toString(), QStringLiteral("2026-03-05T12:00:00Z"));
    const QJsonObject first = app.value("actions").toArray().first().toObject();
    QCOMPARE(first.value("action").toString(), QStringLiteral("s3:GetObject"));
    QCOMPARE(first.value("count").toInt(), 4);
    QCOMPARE(first.value("resources").toArray().first().toString(), QStringLiteral("arn:aws:s3:::app-data/*"));
    QCOMPARE(app.value("denied").toArray().size(), 2);
    QCOMPARE(app.value("assumedBy").toArray().first().toObject().value("principal").toString(),
        QString::fromStdString(rd::test::kTrailAlice));
    QCOMPARE(app.value("unusedActions").toInt(), 5);
    QCOMPARE(report.value("neverUsed").toArray().first().toString(), QString::fromStdString(rd::test::kTrailIdleRole));
    QCOMPARE(report.value("otherPrincipals").toArray().size(), 3);
}

void TestUsageCommand::usageAsText()
{
    const CliRun run = runCli({ "usage", "--workspace", m_workspace, "--cloudtrail", m_trail });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith("3 files, 22 records (22 in the window, 1 service events), 2 files skipped (1 digests, "
                                "1 other)\n"),
        qPrintable(run.out));
    QVERIFY(run.out.contains("role arn:aws:iam::111111111111:role/IdleRole\n  never used in the window\n"));
    QVERIFY(run.out.contains("  denied s3:PutObject (AccessDenied)  1 calls\n"));
    QVERIFY(run.out.contains("  unmapped s3.amazonaws.com MadeUpOperation  1 calls\n"));
    QVERIFY(run.out.contains("1 of 3 roles never used\n"));
}

void TestUsageCommand::theWindowComesFromSinceAndUntil()
{
    const CliRun run = runCli({ "usage", "--workspace", m_workspace, "--cloudtrail", m_trail, "--format", "json",
        "--since", "2026-03-01T09:00:00Z", "--until", "2026-03-04" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report.value("window").toObject().value("until").toString(), QStringLiteral("2026-03-04T00:00:00Z"));
    QCOMPARE(report.value("recordsInWindow").toInt(), 17);
    const QJsonObject app = role(report, rd::test::kTrailAppRole);
    QCOMPARE(app.value("lastUsed").toString(), QStringLiteral("2026-03-02T10:00:00Z"));
    QCOMPARE(app.value("unusedActions").toInt(), 6);
}

void TestUsageCommand::usageFromAthenasCsv()
{
    const QString csv = m_dir.filePath("results.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\"principal\",\"event_source\",\"event_name\",\"error_code\",\"assumed_role\",\"calls\",\"first_time\","
               "\"last_time\"\n\"arn:aws:iam::111111111111:role/IdleRole\",\"s3.amazonaws.com\",\"ListBuckets\",\"\","
               "\"\",\"7\",\"2026-03-01T00:00:00Z\",\"2026-03-03T00:00:00Z\"\n");
    file.close();
    const CliRun run = runCli({ "usage", "--workspace", m_workspace, "--aggregates", csv, "--format", "json" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonObject idle = role(report, rd::test::kTrailIdleRole);
    QCOMPARE(idle.value("used").toBool(), true);
    QCOMPARE(idle.value("actions").toArray().first().toObject().value("action").toString(),
        QStringLiteral("s3:ListAllMyBuckets"));
    QCOMPARE(idle.value("unusedActions").toInt(), 0);
    QCOMPARE(report.value("neverUsed").toArray().size(), 2);
}

void TestUsageCommand::generatedPolicyValidatesAndNotesGoToStderr()
{
    const CliRun run = runCli({ "generate-policy", "--cloudtrail", m_trail, "--principal",
        QString::fromStdString(rd::test::kTrailAppRole), "--workspace", m_workspace, "--until", "2026-03-04" });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject policy = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(policy.value("Version").toString(), QStringLiteral("2012-10-17"));
    QStringList sids;
    for (const QJsonValue &s : policy.value("Statement").toArray())
        sids << s.toObject().value("Sid").toString();
    QCOMPARE(sids, (QStringList { "Dynamodb", "Ec2", "Lambda", "S3", "S3Part2" }));
    QVERIFY(!run.out.contains("dynamodb:PutItem"));
    QVERIFY(run.err.contains("note: iam:PassRole never appears in CloudTrail"));
    QVERIFY(run.err.contains("1 kinds of calls map to no IAM action"));
    // Our validator accepts it with no ERROR finding.
    const QString path = m_dir.filePath("proposal.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(run.out.toUtf8());
    file.close();
    const CliRun validate = runCli({ "validate", "--kind", "identity", "--format", "json", path });
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
    QVERIFY(!validate.out.contains("\"ERROR\""));

    // A call whose resource the records do not give: a placeholder, said on stderr; still no ERROR.
    const CliRun deploy = runCli({ "generate-policy", "--cloudtrail", m_trail, "--principal",
        QString::fromStdString(rd::test::kTrailDeployRole) });
    QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.err));
    QVERIFY2(deploy.err.contains("placeholder: dynamodb:DescribeTable: no resource in the records; replace the "
                                 "placeholders in `arn:aws:dynamodb:${Region}:111111111111:table/${TableName}`"),
        qPrintable(deploy.err));
    QVERIFY(deploy.out.contains("\"Resource\": [\n                \"*\"\n            ]"));
    QVERIFY(!deploy.err.contains("PassRole"));
    QFile deployFile(path);
    QVERIFY(deployFile.open(QIODevice::WriteOnly));
    deployFile.write(deploy.out.toUtf8());
    deployFile.close();
    const CliRun validateDeploy = runCli({ "validate", "--kind", "identity", "--format", "json", path });
    QVERIFY2(validateDeploy.exitCode == 0, qPrintable(validateDeploy.out + validateDeploy.err));
}

void TestUsageCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    const QString ws = QStringLiteral("@WS");
    const QString trail = QStringLiteral("@TRAIL");
    QTest::newRow("no logs given") << QStringList { "usage", "--workspace", ws } << 2 << "give --cloudtrail";
    QTest::newRow("a path that does not exist") << QStringList { "usage", "--workspace", ws, "--cloudtrail",
        "/nonexistent/logs" } << 2 << "cannot read `/nonexistent/logs`";
    QTest::newRow("a window that is no time") << QStringList { "usage", "--workspace", ws, "--cloudtrail", trail,
        "--since", "last week" } << 2 << "--since `last week` is not a time";
    QTest::newRow("an unreadable workspace")
        << QStringList { "usage", "--workspace", "/nonexistent.rdws", "--cloudtrail", trail } << 2 << "nonexistent";
    QTest::newRow("a CSV that is not the query's result")
        << QStringList { "usage", "--workspace", ws, "--aggregates", ws } << 2 << "header row";
    QTest::newRow("a principal without calls has no policy") << QStringList { "generate-policy", "--cloudtrail", trail,
        "--principal", QString::fromStdString(rd::test::kTrailIdleRole) }
                                                             << 1 << "made no successful call";
    QTest::newRow("generate-policy needs a principal")
        << QStringList { "generate-policy", "--cloudtrail", trail } << 2 << "--principal";
}

void TestUsageCommand::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    arguments.replaceInStrings(QStringLiteral("@WS"), m_workspace);
    arguments.replaceInStrings(QStringLiteral("@TRAIL"), m_trail);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(stderrHas), qPrintable(run.err));
}

QTEST_MAIN(TestUsageCommand)
#include "TestUsageCommand.moc"
