// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// docs/cloudtrail-athena.sql and AthenaAggregates: the query, run by SQLite on the fixture's records (its Trino
// struct fields read with json_extract), gives a CSV that, read back, answers what the raw logs answer (less the
// resources and calls per day, which the query does not keep); the CSV reader takes Athena's quoting.
#include "CloudTrailFixture.h"
#include "rd/core/usage/AthenaAggregates.h"
#include "rd/core/usage/UsageAnalysis.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rd::core;
using namespace rd::test;

namespace
{

void compareUsage(const PrincipalUsage &raw, const PrincipalUsage &csv)
{
    QCOMPARE(csv.arn, raw.arn);
    QCOMPARE(csv.calls, raw.calls);
    QCOMPARE(csv.deniedCalls, raw.deniedCalls);
    QCOMPARE(csv.firstUsed, raw.firstUsed);
    QCOMPARE(csv.lastUsed, raw.lastUsed);
    QCOMPARE(csv.actions.size(), raw.actions.size());
    for (std::size_t i = 0; i < raw.actions.size(); ++i) {
        QCOMPARE(csv.actions[i].action, raw.actions[i].action);
        QCOMPARE(csv.actions[i].count, raw.actions[i].count);
        QCOMPARE(csv.actions[i].firstUsed, raw.actions[i].firstUsed);
        QCOMPARE(csv.actions[i].lastUsed, raw.actions[i].lastUsed);
    }
    QCOMPARE(csv.denied.size(), raw.denied.size());
    for (std::size_t i = 0; i < raw.denied.size(); ++i) {
        QCOMPARE(csv.denied[i].action, raw.denied[i].action);
        QCOMPARE(csv.denied[i].errorCode, raw.denied[i].errorCode);
        QCOMPARE(csv.denied[i].count, raw.denied[i].count);
        QCOMPARE(csv.denied[i].lastAttempt, raw.denied[i].lastAttempt);
    }
    QCOMPARE(csv.unmapped.size(), raw.unmapped.size());
    QCOMPARE(csv.assumedBy.size(), raw.assumedBy.size());
    for (std::size_t i = 0; i < raw.assumedBy.size(); ++i) {
        QCOMPARE(csv.assumedBy[i].principal, raw.assumedBy[i].principal);
        QCOMPARE(csv.assumedBy[i].count, raw.assumedBy[i].count);
        QCOMPARE(csv.assumedBy[i].denied, raw.assumedBy[i].denied);
    }
}

// The query as SQLite reads it: Trino's struct fields of the CloudTrail table become json_extract over the JSON
// text of the userIdentity column, json_extract_scalar becomes json_extract.
QString sqliteQuery(QString sql)
{
    const std::pair<const char *, const char *> fields[] = {
        { "useridentity.sessioncontext.sessionissuer.arn",
            "json_extract(useridentity, '$.sessionContext.sessionIssuer.arn')" },
        { "useridentity.arn", "json_extract(useridentity, '$.arn')" },
        { "useridentity.invokedby", "json_extract(useridentity, '$.invokedBy')" },
        { "useridentity.principalid", "json_extract(useridentity, '$.principalId')" },
        { "useridentity.type", "json_extract(useridentity, '$.type')" },
        { "json_extract_scalar(", "json_extract(" },
    };
    for (const auto &[from, to] : fields)
        sql.replace(QString::fromLatin1(from), QString::fromLatin1(to));
    return sql;
}

} // namespace

class TestAthenaAggregates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theQueryResultGivesTheRawLogAnswer();
    void readsAthenasQuotingAndLineEnds();
    void refusesWhatIsNotTheQuerysResult_data();
    void refusesWhatIsNotTheQuerysResult();
};

void TestAthenaAggregates::theQueryResultGivesTheRawLogAnswer()
{
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        QSKIP("sqlite3 is not installed (scripts/debian-packages.txt lists it): the query cannot be run locally");
    QTemporaryDir dir;
    const std::string root = writeCloudTrailFixture(dir.path().toStdString() + "/trail");
    QString script = QStringLiteral(
        "CREATE TABLE cloudtrail_logs (eventtime TEXT, eventsource TEXT, eventname TEXT, eventtype TEXT, "
        "errorcode TEXT, requestparameters TEXT, useridentity TEXT);\n");
    int n = 0;
    for (const auto &[name, text] : cloudTrailFixtureFiles()) {
        const std::string path = dir.path().toStdString() + "/records" + std::to_string(n++) + ".json";
        std::ofstream(path) << text;
        script += QStringLiteral("INSERT INTO cloudtrail_logs SELECT json_extract(value, '$.eventTime'), "
                                 "json_extract(value, '$.eventSource'), json_extract(value, '$.eventName'), "
                                 "json_extract(value, '$.eventType'), json_extract(value, '$.errorCode'), "
                                 "json_extract(value, '$.requestParameters'), json_extract(value, '$.userIdentity') "
                                 "FROM json_each(readfile('%1'), '$.Records');\n")
                      .arg(QString::fromStdString(path));
    }
    QFile query(QStringLiteral(RD_SOURCE_DIR "/docs/cloudtrail-athena.sql"));
    QVERIFY(query.open(QIODevice::ReadOnly));
    script += sqliteQuery(QString::fromUtf8(query.readAll())) + QStringLiteral(";\n");
    QProcess process;
    process.start(sqlite, { QStringLiteral("-csv"), QStringLiteral("-header"), QStringLiteral(":memory:") });
    QVERIFY(process.waitForStarted());
    process.write(script.toUtf8());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const std::string csv = process.readAllStandardOutput().toStdString();

    const Workspace workspace = cloudTrailWorkspace();
    UsageCollector collector;
    std::size_t rows = 0;
    const std::string error = AthenaAggregates::read(csv, collector, rows);
    QVERIFY2(error.empty(), (error + "\n" + csv).c_str());
    QVERIFY(rows > 10);
    const UsageReport fromCsv = UsageAnalysis::report(collector, {}, &workspace, nullptr);
    const UsageReport raw = UsageAnalysis::fromCloudTrail({ root }, &workspace, nullptr);
    QCOMPARE(fromCsv.roles.size(), raw.roles.size());
    for (std::size_t i = 0; i < raw.roles.size(); ++i) {
        compareUsage(raw.roles[i].usage, fromCsv.roles[i].usage);
        QCOMPARE(fromCsv.roles[i].unusedActions, raw.roles[i].unusedActions);
    }
    QCOMPARE(fromCsv.otherPrincipals.size(), raw.otherPrincipals.size());
    for (std::size_t i = 0; i < raw.otherPrincipals.size(); ++i)
        compareUsage(raw.otherPrincipals[i], fromCsv.otherPrincipals[i]);
    // Service events are left out by the query: the records it counts are the raw ones less those.
    QCOMPARE(fromCsv.recordsInWindow, raw.recordsInWindow - raw.serviceEvents);
}

void TestAthenaAggregates::readsAthenasQuotingAndLineEnds()
{
    // Athena quotes every field and ends lines with CRLF; a field may hold a comma or a doubled quote.
    const std::string csv =
        "\"principal\",\"event_source\",\"event_name\",\"error_code\",\"assumed_role\",\"calls\",\"first_time\","
        "\"last_time\"\r\n"
        "\"arn:aws:iam::111111111111:role/A\",\"s3.amazonaws.com\",\"HeadObject\",\"\",\"\",\"5\","
        "\"2026-03-01T00:00:00Z\",\"2026-03-02T00:00:00Z\"\r\n"
        "\"arn:aws:iam::111111111111:user/bob\",\"sts.amazonaws.com\",\"AssumeRole\",\"\","
        "\"arn:aws:iam::111111111111:role/A\",\"2\",\"2026-03-01T00:00:00Z\",\"2026-03-01T00:00:00Z\"\r\n"
        "\"arn:aws:iam::111111111111:role/A\",\"s3.amazonaws.com\",\"Made,\"\"Up\"\"\",\"AccessDenied\",\"\",\"1\","
        "\"2026-03-01T00:00:00Z\",\"2026-03-01T00:00:00Z\"\r\n";
    UsageCollector collector;
    std::size_t rows = 0;
    QCOMPARE(AthenaAggregates::read(csv, collector, rows), std::string());
    QCOMPARE(rows, std::size_t(3));
    const std::vector<PrincipalUsage> principals = collector.principals();
    QCOMPARE(principals.size(), std::size_t(2));
    const PrincipalUsage &a = principals[0];
    QCOMPARE(a.arn, std::string("arn:aws:iam::111111111111:role/A"));
    QCOMPARE(a.actions.size(), std::size_t(1));
    QCOMPARE(a.actions[0].action, std::string("s3:GetObject"));
    QCOMPARE(a.actions[0].count, std::uint64_t(5));
    QCOMPARE(a.denied[0].action, std::string("s3.amazonaws.com/Made,\"Up\""));
    QCOMPARE(a.assumedBy.size(), std::size_t(1));
    QCOMPARE(a.assumedBy[0].count, std::uint64_t(2));
}

void TestAthenaAggregates::refusesWhatIsNotTheQuerysResult_data()
{
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << ""
                           << "the file is empty";
    QTest::newRow("a column missing") << "principal,event_source\n"
                                      << "no `event_name` column";
    QTest::newRow("calls not a number")
        << "principal,event_source,event_name,error_code,assumed_role,calls,first_time,last_time\n"
           "a,s3.amazonaws.com,GetObject,,,many,2026-03-01T00:00:00Z,2026-03-01T00:00:00Z\n"
        << "line 2: calls `many` is not a number";
    QTest::newRow("a time that is none")
        << "principal,event_source,event_name,error_code,assumed_role,calls,first_time,last_time\n"
           "a,s3.amazonaws.com,GetObject,,,1,soon,2026-03-01T00:00:00Z\n"
        << "line 2: first_time and last_time";
}

void TestAthenaAggregates::refusesWhatIsNotTheQuerysResult()
{
    QFETCH(QString, csv);
    QFETCH(QString, error);
    UsageCollector collector;
    std::size_t rows = 0;
    const QString got = QString::fromStdString(AthenaAggregates::read(csv.toStdString(), collector, rows));
    QVERIFY2(got.contains(error), qPrintable(got));
}

QTEST_APPLESS_MAIN(TestAthenaAggregates)
#include "TestAthenaAggregates.moc"
