// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// role-designer-cli as a user runs it: real processes, real files, the exit codes and output of the README's
// command-line contract.
#include "CliRun.h"
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "ScratchFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace
{

using rd::test::CliRun;
using rd::test::runCli;

const char *kMissingEffect = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n"
                             "            \"Action\": \"s3:GetObject\",\n            \"Resource\": \"*\"\n        }\n"
                             "    ]\n}\n";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsItsVersion();
    void validateReportsMissingEffectWithItsPosition();
    void validateNamesAUtf16Policy();
    void validateFormats_data();
    void validateFormats();
    void validateExitCodes_data();
    void validateExitCodes();
    void badUsageExitsTwoWithOneLine_data();
    void badUsageExitsTwoWithOneLine();
    void fmtPrintsCanonicalJson();
    void fmtRefusesWhatItCannotKeep();
    void importsGaad();
    void importRefusesWhatIsNotGaad();
    void refusesTextsOfTooManyValues_data();
    void refusesTextsOfTooManyValues();
    void runningOutOfMemoryExitsTwo();
    void validatesAWorkspaceAndFailsOnChosenSeverity();
    void validateWorkspacePointsAtTheOffendingValue_data();
    void validateWorkspacePointsAtTheOffendingValue();
    void validateWorkspaceReportsDanglingReferencesAsWarnings();
    void validateWorkspaceReportsWhatTheLoadFound_data();
    void validateWorkspaceReportsWhatTheLoadFound();
    void validateWorkspaceReportsTheTagsAndDescriptionOfAnImportedRole();
    void workspaceCommandsRefuseABrokenLoad_data();
    void workspaceCommandsRefuseABrokenLoad();
    void simulateReproducesTheCorpus();
    void simulateReportsMismatchesAndKeepsGoing();
    void simulateWithoutExpectationsPrintsNoSummary();
    void simulateMalformedLinesWithoutExpectationsExitOne();
    void simulateStopsAtALineThatNoNewlineEnds();
    void simulateExplains();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCli::write(const QString &name, const QByteArray &content)
{
    return rd::test::writeScratchFile(m_dir, name, content);
}

void TestCli::printsItsVersion()
{
    const CliRun run = runCli({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("role-designer-cli 0.")));
}

void TestCli::validateReportsMissingEffectWithItsPosition()
{
    const QString file = write(QStringLiteral("missing-effect.json"), kMissingEffect);
    const CliRun run = runCli({ QStringLiteral("validate"), file });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out,
        file
            + QStringLiteral(":4:9: ERROR MISSING_EFFECT the statement has no `Effect`: add \"Effect\": \"Allow\" "
                             "or \"Effect\": \"Deny\"\n"));
}

void TestCli::validateNamesAUtf16Policy()
{
    // A policy saved as UTF-16 big-endian without a byte order mark: told by its NUL bytes.
    const QString policy = QString::fromLatin1(kMissingEffect);
    QByteArray wide;
    for (const QChar c : policy)
        wide.append(static_cast<char>(c.unicode() >> 8)).append(static_cast<char>(c.unicode() & 0xFF));
    const QString file = write(QStringLiteral("utf16.json"), wide);
    const CliRun run = runCli({ QStringLiteral("validate"), file });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out,
        file + QStringLiteral(":1:1: ERROR JSON_SYNTAX_ERROR the file is UTF-16 (big-endian); save it as UTF-8\n"));
}

void TestCli::validateFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("json") << "json";
    QTest::addRow("sarif") << "sarif";
}

void TestCli::validateFormats()
{
    QFETCH(QString, format);
    const QString file = write(QStringLiteral("missing-effect.json"), kMissingEffect);
    const CliRun run = runCli({ QStringLiteral("validate"), QStringLiteral("--format"), format, file });
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    if (format == QLatin1String("json")) {
        const QJsonObject finding =
            doc.array().at(0).toObject().value(QStringLiteral("findings")).toArray().at(0).toObject();
        QCOMPARE(finding.value(QStringLiteral("issueCode")).toString(), QStringLiteral("MISSING_EFFECT"));
        QCOMPARE(finding.value(QStringLiteral("findingType")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(finding.value(QStringLiteral("location")).toObject().value(QStringLiteral("line")).toInt(), 4);
        QCOMPARE(finding.value(QStringLiteral("location")).toObject().value(QStringLiteral("column")).toInt(), 9);
    } else {
        QCOMPARE(doc.object().value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject result = doc.object()
                                       .value(QStringLiteral("runs"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("results"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(result.value(QStringLiteral("ruleId")).toString(), QStringLiteral("MISSING_EFFECT"));
        // What code-scanning tools require of SARIF 2.1.0: the rules with their ids, each result's level and the
        // region of its physical location.
        const QJsonObject driver = doc.object()
                                       .value(QStringLiteral("runs"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("tool"))
                                       .toObject()
                                       .value(QStringLiteral("driver"))
                                       .toObject();
        QVERIFY(!driver.value(QStringLiteral("name")).toString().isEmpty());
        QCOMPARE(
            driver.value(QStringLiteral("rules")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("MISSING_EFFECT"));
        QCOMPARE(result.value(QStringLiteral("level")).toString(), QStringLiteral("error"));
        const QJsonObject region = result.value(QStringLiteral("locations"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("physicalLocation"))
                                       .toObject()
                                       .value(QStringLiteral("region"))
                                       .toObject();
        QCOMPARE(region.value(QStringLiteral("startLine")).toInt(), 4);
        QCOMPARE(region.value(QStringLiteral("startColumn")).toInt(), 9);
        QVERIFY(region.contains(QStringLiteral("endLine")));
    }
}

void TestCli::validateExitCodes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput");

    QTest::addRow("a valid policy exits 0 and prints nothing")
        << QByteArray(R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})")
        << QStringList() << 0 << "";
    QTest::addRow("invalid JSON is a finding (exit 1), not an unreadable file")
        << QByteArray("{\"Version\": \"2012-10-17\",}") << QStringList() << 1 << "JSON_SYNTAX_ERROR";
    QTest::addRow("warnings alone exit 0")
        << QByteArray(R"({"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}})") << QStringList() << 0
        << "WARNING MISSING_VERSION";
    QTest::addRow("--kind trust changes the grammar")
        << QByteArray(
               R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}})")
        << QStringList({ QStringLiteral("--kind"), QStringLiteral("trust") }) << 1 << "MISSING_PRINCIPAL";
    // IAM User Guide, "Access to AWS accounts owned by third parties": trust of another account without sts:ExternalId.
    const QByteArray otherAccount(
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow",)"
        R"("Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}})");
    QTest::addRow("--account: another account without sts:ExternalId is a security warning")
        << otherAccount << QStringList({ QStringLiteral("--account"), QStringLiteral("111122223333") }) << 0
        << "SECURITY_WARNING MISSING_EXTERNAL_ID";
    QTest::addRow("--account: the role's own account is no finding")
        << otherAccount << QStringList({ QStringLiteral("--account"), QStringLiteral("444455556666") }) << 0 << "";
    QTest::addRow("without --account, a suggestion to check the account")
        << otherAccount << QStringList({ QStringLiteral("--kind"), QStringLiteral("trust") }) << 0
        << "SUGGESTION MISSING_EXTERNAL_ID";
}

void TestCli::validateExitCodes()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);
    const QString file = write(QStringLiteral("policy.json"), content);
    const CliRun run = runCli(QStringList({ QStringLiteral("validate") }) + extra + QStringList({ file }));
    QCOMPARE(run.exitCode, exitCode);
    if (expectedOutput.isEmpty())
        QCOMPARE(run.out, QString());
    else
        QVERIFY2(run.out.contains(expectedOutput), qPrintable(run.out));
}

void TestCli::badUsageExitsTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    QTest::addRow("no subcommand") << QStringList() << "subcommand";
    QTest::addRow("an unknown subcommand")
        << QStringList({ QStringLiteral("frobnicate") }) << "unknown subcommand `frobnicate`";
    QTest::addRow("a missing file") << QStringList({ QStringLiteral("validate"), QStringLiteral("/no/such.json") })
                                    << "cannot open `/no/such.json`";
    QTest::addRow("a folder instead of a file")
        << QStringList({ QStringLiteral("fmt"), QStringLiteral("/tmp") }) << "is a folder";
    QTest::addRow("an unknown policy kind") << QStringList(
        { QStringLiteral("validate"), QStringLiteral("--kind"), QStringLiteral("bucket"), QStringLiteral("x.json") })
                                            << "bucket";
    QTest::addRow("an account that is not 12 digits") << QStringList(
        { QStringLiteral("validate"), QStringLiteral("--account"), QStringLiteral("1234"), QStringLiteral("x.json") })
                                                      << "`1234` is not an account id";
    QTest::addRow("simulate without --batch") << QStringList({ QStringLiteral("simulate") }) << "--batch";
    QTest::addRow("simulate on a missing file")
        << QStringList({ QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("/no/such.jsonl") })
        << "cannot open `/no/such.jsonl`";
    QTest::addRow("simulate on a folder")
        << QStringList({ QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("/tmp") })
        << "is a folder";
    QTest::addRow("import without --out")
        << QStringList({ QStringLiteral("import"), QStringLiteral("--gaad"), QStringLiteral("x.json") }) << "--out";
}

void TestCli::badUsageExitsTwoWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("role-designer-cli: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
}

void TestCli::fmtPrintsCanonicalJson()
{
    const QByteArray input =
        R"({"Statement":{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"*"},"Version":"2012-10-17"})";
    const CliRun pretty = runCli({ QStringLiteral("fmt"), QStringLiteral("-") }, input);
    QCOMPARE(pretty.exitCode, 0);
    QCOMPARE(pretty.out,
        QStringLiteral("{\n    \"Statement\": {\n        \"Action\": [\n            \"s3:GetObject\"\n"
                       "        ],\n        \"Effect\": \"Allow\",\n        \"Resource\": \"*\"\n    },\n"
                       "    \"Version\": \"2012-10-17\"\n}\n"));
    const QString file = write(QStringLiteral("fmt.json"), pretty.out.toUtf8());
    const CliRun minified = runCli({ QStringLiteral("fmt"), QStringLiteral("--minify"), file });
    QCOMPARE(minified.exitCode, 0);
    QCOMPARE(minified.out, QString::fromUtf8(input) + QLatin1Char('\n'));
}

void TestCli::fmtRefusesWhatItCannotKeep()
{
    const CliRun broken = runCli({ QStringLiteral("fmt"), QStringLiteral("-") }, "{\"Version\": \"2012-10-17\",,}");
    QCOMPARE(broken.exitCode, 1);
    QCOMPARE(broken.out, QString());
    QVERIFY(broken.err.contains(QStringLiteral("<stdin>:1:")));
    const CliRun duplicate = runCli({ QStringLiteral("fmt"), QStringLiteral("-") },
        R"({"Version":"2012-10-17","Version":"2008-10-17","Statement":[]})");
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY(duplicate.err.contains(QStringLiteral("DUPLICATE_KEYS")));
}

void TestCli::importsGaad()
{
    const QString out = m_dir.filePath(QStringLiteral("account.rdws"));
    const CliRun run = runCli({ QStringLiteral("import"), QStringLiteral("--gaad"),
        QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), QStringLiteral("--list-roles"),
        QString::fromStdString(rd::test::testDataPath("gaad/small-account-list-roles.json")), QStringLiteral("--out"),
        out, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("roles")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 1);
    QVERIFY(run.err.contains(QStringLiteral("role/Unknown")));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject ws = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(ws.value(QStringLiteral("format")).toString(), QStringLiteral("role-designer-workspace"));
    QCOMPARE(ws.value(QStringLiteral("roles")).toArray().size(), 2);
    // list-roles brought in the description GAAD lacks.
    QVERIFY(QString::fromUtf8(QJsonDocument(ws).toJson()).contains(QStringLiteral("Front-end web servers")));
}

void TestCli::importRefusesWhatIsNotGaad()
{
    const QString input = write(QStringLiteral("not-gaad.json"), R"({"Roles":[]})");
    const QString out = m_dir.filePath(QStringLiteral("never.rdws"));
    const CliRun run =
        runCli({ QStringLiteral("import"), QStringLiteral("--gaad"), input, QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("get-account-authorization-details")));
    QVERIFY(!QFile::exists(out));
}

void TestCli::refusesTextsOfTooManyValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("out");
    const QString never = QDir::temp().filePath(QStringLiteral("rd-too-many-values-never-written.rdws"));
    QTest::newRow("validate --workspace")
        << QStringList { QStringLiteral("validate"), QStringLiteral("--workspace") } << QString();
    QTest::newRow("import --gaad") << QStringList { QStringLiteral("import"), QStringLiteral("--out"), never,
        QStringLiteral("--gaad") } << never;
    QTest::newRow("reach --workspace") << QStringList { QStringLiteral("reach"), QStringLiteral("--workspace") }
                                       << QString();
}

void TestCli::refusesTextsOfTooManyValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, out);
    // 20 MB of zeros, ten million and one of them: more values than the reader's budget (docs/VALIDATION.md,
    // JSON_SYNTAX_ERROR), so they are refused before memory is spent on them, instead of taking gigabytes.
    const QString file = m_dir.filePath(QStringLiteral("zeros.json"));
    if (!QFile::exists(file)) {
        QByteArray zeros("[");
        zeros.reserve(20'000'004);
        for (int i = 0; i < 10'000'000; ++i)
            zeros.append("0,", 2);
        zeros.append("0]");
        QVERIFY(write(QStringLiteral("zeros.json"), zeros) == file);
    }
    const CliRun run = runCli(arguments << file);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("role-designer-cli: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(file), qPrintable(run.err));
    QVERIFY2(
        run.err.contains(QStringLiteral("holds more than 10000000 JSON values, more than can be held in memory here")),
        qPrintable(run.err));
    if (!out.isEmpty())
        QVERIFY(!QFile::exists(out));
}

void TestCli::runningOutOfMemoryExitsTwo()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer reserves more address space than the limit this test sets");
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    QSKIP("AddressSanitizer reserves more address space than the limit this test sets");
#endif
#endif
    // Five million zeros: within the value budget, but over 600 MB once read, under an address-space limit of
    // 400 MB. Allocation fails while reading; that is a file that cannot be read, not an abort.
    QByteArray zeros("[");
    zeros.reserve(10'000'004);
    for (int i = 0; i < 5'000'000; ++i)
        zeros.append("0,", 2);
    zeros.append("0]");
    const QString file = write(QStringLiteral("five-million-zeros.json"), zeros);
    const QString out = m_dir.filePath(QStringLiteral("never-imported.rdws"));
    for (const QString &command : { QStringLiteral("validate --workspace '%1'").arg(file),
             QStringLiteral("import --out '%2' --gaad '%1'").arg(file, out) }) {
        const CliRun run = rd::test::runProgram(QStringLiteral("/bin/sh"),
            { QStringLiteral("-c"),
                QStringLiteral("ulimit -v 400000 && exec '%1' %2").arg(QStringLiteral(RD_CLI_PATH), command) });
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.err.contains(file), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("out of memory while reading")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }
}

namespace
{

const QByteArray kAllowedCase =
    R"({"id":"ok","identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}],"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"},"expected":"Allowed"})";

} // namespace

void TestCli::simulateReproducesTheCorpus()
{
    // Done-when of the evaluation engine: the batch command gives the expected decision for every corpus case.
    const QDir dir(QStringLiteral(RD_TEST_DATA_DIR "/eval"));
    RD_REQUIRE_FILES(dir.path(), QStringLiteral("*.jsonl"));
    const QStringList files = dir.entryList({ QStringLiteral("*.jsonl") }, QDir::Files);
    for (const QString &name : files) {
        const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--batch"), dir.filePath(name) });
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(run.exitCode == 0, qPrintable(name + ": " + run.out.right(2000)));
        QVERIFY(lines.size() > 1);
        QCOMPARE(lines.last(), QStringLiteral("%1 passed, 0 failed").arg(lines.size() - 1));
    }
}

void TestCli::simulateReportsMismatchesAndKeepsGoing()
{
    QByteArray mismatch = kAllowedCase;
    mismatch.replace("\"id\":\"ok\"", "\"id\":\"wrong\"").replace("\"Allowed\"}", "\"ExplicitlyDenied\"}");
    const QByteArray input = kAllowedCase + "\n{\"id\":\"broken\",\"request\":7}\n\n{not json\n" + mismatch + "\r\n";
    const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("-") }, input);
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral(R"({"id":"ok","decision":"Allowed"})"));
    QCOMPARE(lines[1], QStringLiteral(R"({"id":"broken","line":2,"error":"`request` must be an object"})"));
    const QString notJson = QStringLiteral("{\"id\":null,\"line\":4,\"error\":\"the case is not valid JSON");
    QVERIFY2(lines[2].startsWith(notJson), qPrintable(lines[2]));
    QCOMPARE(lines[3], QStringLiteral(R"({"id":"wrong","decision":"Allowed","expected":"ExplicitlyDenied"})"));
    QCOMPARE(lines[4], QStringLiteral("1 passed, 1 failed, 2 malformed"));
}

void TestCli::simulateMalformedLinesWithoutExpectationsExitOne()
{
    QByteArray input = kAllowedCase;
    input.replace(",\"expected\":\"Allowed\"", "");
    const CliRun run =
        runCli({ QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("-") }, input + "\n{not json\n");
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // No case gives `expected`: no "N passed, N failed" line, only the error line of the malformed case.
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[1].startsWith(QStringLiteral("{\"id\":null,\"line\":2,\"error\":")), qPrintable(lines[1]));
}

void TestCli::simulateStopsAtALineThatNoNewlineEnds()
{
    // 20 MiB of NUL bytes and no newline, as from /dev/zero cut short: one error line, exit 2 with the reason.
    const CliRun run = runCli(
        { QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("-") }, QByteArray(20 << 20, '\0'));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out,
        QStringLiteral("{\"id\":null,\"line\":1,\"error\":\"the case is longer than 8388608 bytes and no newline "
                       "ends it: the run stopped\"}\n"));
    QVERIFY2(run.err.contains(QStringLiteral("line 1 of `-` is longer than 8388608 bytes")), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
}

void TestCli::simulateWithoutExpectationsPrintsNoSummary()
{
    QByteArray input = kAllowedCase;
    input.replace(",\"expected\":\"Allowed\"", "");
    const QString file = write(QStringLiteral("cases.jsonl"), input + "\n" + input + "\n");
    const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--batch"), file });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("{\"id\":\"ok\",\"decision\":\"Allowed\"}\n").repeated(2));
}

void TestCli::simulateExplains()
{
    const CliRun run = runCli(
        { QStringLiteral("simulate"), QStringLiteral("--batch"), QStringLiteral("-"), QStringLiteral("--explain") },
        kAllowedCase);
    QCOMPARE(run.exitCode, 0);
    const QString expected = QStringLiteral(R"({"id":"ok","decision":"Allowed","trace":{"reason":"allowed by the )"
                                            R"(identity-based policies","deciding":[{"policy":"identityPolicies[0]",)"
                                            R"("statement":0,"effect":"Allow","line":1,)");
    QVERIFY2(run.out.startsWith(expected), qPrintable(run.out));
}

void TestCli::validatesAWorkspaceAndFailsOnChosenSeverity()
{
    // The bundled example has no finding at all.
    const CliRun clean = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"),
        QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws"), QStringLiteral("--fail-on"),
        QStringLiteral("suggestion") });
    QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));
    QCOMPARE(clean.out, QString());

    const QString policy = write(QStringLiteral("pass-role.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]})");
    const CliRun securityOnly = runCli({ QStringLiteral("validate"), policy });
    QCOMPARE(securityOnly.exitCode, 0); // a SECURITY_WARNING is not an ERROR
    QVERIFY(securityOnly.out.contains(QStringLiteral("SECURITY_WARNING PASS_ROLE_WITH_STAR_IN_RESOURCE")));
    const CliRun strict =
        runCli({ QStringLiteral("validate"), QStringLiteral("--fail-on"), QStringLiteral("security_warning"), policy });
    QCOMPARE(strict.exitCode, 1);
    const CliRun bad =
        runCli({ QStringLiteral("validate"), QStringLiteral("--fail-on"), QStringLiteral("loud"), policy });
    QCOMPARE(bad.exitCode, 2);
}

namespace
{

// A workspace whose one inline policy misspells an action, on line 20.
const QByteArray kMisspeltActionWorkspace = R"({
    "format": "role-designer-workspace",
    "formatVersion": 1,
    "nextId": 2,
    "accounts": [{"accountId": "111122223333"}],
    "roles": [
        {
            "id": 1,
            "name": "Reader",
            "arn": "arn:aws:iam::111122223333:role/Reader",
            "accountId": "111122223333",
            "trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                "Principal": {"Service": "lambda.amazonaws.com"}}]},
            "inlinePolicies": [{
                "name": "Read",
                "document": {
                    "Version": "2012-10-17",
                    "Statement": [{
                        "Effect": "Allow",
                        "Action": "s3:GetObjectt",
                        "Resource": "*"
                    }]
                }
            }]
        }
    ]
}
)";
// The same role in GAAD output, its inline policy URL-encoded as the IAM API returns it.
const QByteArray kMisspeltActionGaad = R"({"RoleDetailList": [{
    "RoleName": "Reader", "Arn": "arn:aws:iam::111122223333:role/Reader",
    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
        "Principal": {"Service": "lambda.amazonaws.com"}}]},
    "RolePolicyList": [{"PolicyName": "Read",
        "PolicyDocument": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObjectt%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"}]
}]}
)";

} // namespace

void TestCli::validateWorkspaceReportsDanglingReferencesAsWarnings()
{
    // A user in a group the file does not hold: noted where the name stands, and the file still validates.
    const QByteArray content = R"({
    "format": "role-designer-workspace",
    "formatVersion": 1,
    "accounts": [{"accountId": "111122223333"}],
    "users": [{"id": 1, "name": "alice", "arn": "arn:aws:iam::111122223333:user/alice",
               "accountId": "111122223333", "groups": ["Admins"]}]
}
)";
    const QString file = write(QStringLiteral("dangling.rdws"), content);
    const CliRun run = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file });
    QCOMPARE(run.exitCode, 0);
    const QString expected =
        QStringLiteral("%1:6:56: WARNING DANGLING_REFERENCE user `alice` is in the group `Admins`, "
                       "which its account does not have in the workspace")
            .arg(file);
    QVERIFY2(run.out.contains(expected), qPrintable(expected + QStringLiteral("\nnot in\n") + run.out));
    const CliRun strict = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file,
        QStringLiteral("--fail-on"), QStringLiteral("warning") });
    QCOMPARE(strict.exitCode, 1);
}

void TestCli::validateWorkspacePointsAtTheOffendingValue_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("underlined");
    QTest::addRow("a workspace file: the value") << kMisspeltActionWorkspace << QByteArray(R"("s3:GetObjectt")");
    // The document was read from the string's decoded text, which the file does not hold.
    QTest::addRow("a URL-encoded GAAD document: the whole string")
        << kMisspeltActionGaad
        << QByteArray(R"("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow)"
                      R"(%22%2C%22Action%22%3A%22s3%3AGetObjectt%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D")");
}

void TestCli::validateWorkspacePointsAtTheOffendingValue()
{
    // So that CI can annotate the workspace file: a policy's finding names the line and column of the offending value
    // in the file, as a policy file's does, and SARIF names the file with that region.
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, underlined);
    const QString file = write(QStringLiteral("account.rdws"), content);
    const qsizetype at = content.indexOf(underlined);
    QVERIFY(at > 0);
    const int line = int(content.left(at).count('\n')) + 1;
    const int column = int(at - content.lastIndexOf('\n', at));
    const CliRun text = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file });
    QCOMPARE(text.exitCode, 1);
    const QString expected = QStringLiteral("%1:%2:%3: ERROR INVALID_ACTION role Reader, inline policy Read: ")
                                 .arg(file)
                                 .arg(line)
                                 .arg(column);
    QVERIFY2(text.out.contains(expected), qPrintable(expected + QStringLiteral("\nnot in\n") + text.out));

    const CliRun sarif = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file,
        QStringLiteral("--format"), QStringLiteral("sarif") });
    QCOMPARE(sarif.exitCode, 1);
    const QJsonArray results = QJsonDocument::fromJson(sarif.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("runs"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("results"))
                                   .toArray();
    QJsonObject location;
    for (const QJsonValue &result : results) {
        if (result.toObject().value(QStringLiteral("ruleId")).toString() == QLatin1String("INVALID_ACTION"))
            location = result.toObject()
                           .value(QStringLiteral("locations"))
                           .toArray()
                           .at(0)
                           .toObject()
                           .value(QStringLiteral("physicalLocation"))
                           .toObject();
    }
    QVERIFY2(!location.isEmpty(), qPrintable(sarif.out));
    QCOMPARE(
        location.value(QStringLiteral("artifactLocation")).toObject().value(QStringLiteral("uri")).toString(), file);
    const QJsonObject region = location.value(QStringLiteral("region")).toObject();
    QCOMPARE(region.value(QStringLiteral("startLine")).toInt(), line);
    QCOMPARE(region.value(QStringLiteral("startColumn")).toInt(), column);
    QCOMPARE(region.value(QStringLiteral("endLine")).toInt(), line);
    QCOMPARE(region.value(QStringLiteral("endColumn")).toInt(), column + int(underlined.size()));
}

namespace
{

// GAAD output whose only role entry is not an object: `import --gaad` refuses it with GAAD_FORMAT_ERROR.
const QByteArray kMalformedGaad = R"({"RoleDetailList":[0]})";
// GAAD output with a number JSON does not have (RFC 8259 section 6 allows no Infinity), on line 2.
const QByteArray kInfiniteGaad =
    "{\"RoleDetailList\":[{\"RoleName\":\"r\",\"Arn\":\"arn:aws:iam::111122223333:role/r\",\n"
    "\"MaxSessionDuration\": Infinity}]}";

} // namespace

void TestCli::validateWorkspaceReportsWhatTheLoadFound_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("finding");
    QTest::addRow("a malformed GAAD entry") << kMalformedGaad << ":1:20: ERROR GAAD_FORMAT_ERROR ";
    QTest::addRow("a number JSON does not have") << kInfiniteGaad << ":2:23: ERROR JSON_SYNTAX_ERROR ";
    QTest::addRow("a workspace with a null format version")
        << QByteArray(R"({"format": "role-designer-workspace", "formatVersion": null})")
        << ":1:56: ERROR WORKSPACE_FORMAT_ERROR `formatVersion` must be a whole number, not null";
}

void TestCli::validateWorkspaceReportsWhatTheLoadFound()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, finding);
    const QString file = write(QStringLiteral("broken-account.json"), content);
    const CliRun run = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(file + finding), qPrintable(run.out + run.err));
}

void TestCli::validateWorkspaceReportsTheTagsAndDescriptionOfAnImportedRole()
{
    // An account export whose role IAM could not have been given as it reads (IAM API Reference, CreateRole and Tag):
    // it loads as it is, and each broken rule is a finding of the role, not a load error.
    const QString file = write(QStringLiteral("tagged-account.json"),
        QByteArray(R"({"RoleDetailList": [{"RoleName": "Deploy", "Arn": "arn:aws:iam::111122223333:role/Deploy",
  "Description": "Deploys the \u00e9 \ud83d\ude80 app",
  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
  "Tags": [{"Key": "team\ud83d\ude80", "Value": "web"}, {"Key": "Team", "Value": "aws:web"},
           {"Key": "team", "Value": "a,b"}]}]})"));
    const CliRun run = runCli({ QStringLiteral("validate"), QStringLiteral("--workspace"), file });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QString());
    const QString prefix = file + QStringLiteral(": ERROR ");
    for (const QString &line :
        { QStringLiteral("INVALID_ROLE_DESCRIPTION role Deploy: the description has `\U0001F680` (U+1F680) at "
                         "character 15"),
            QStringLiteral("INVALID_TAG_KEY role Deploy: tag 1: the key `team\U0001F680` has `\U0001F680` (U+1F680)"),
            QStringLiteral("INVALID_TAG_VALUE role Deploy: tag 2 (`Team`): the value `aws:web` begins with `aws:`"),
            QStringLiteral("INVALID_TAG_VALUE role Deploy: tag 3 (`team`): the value `a,b` has `,` (U+002C)"),
            QStringLiteral("DUPLICATE_TAG_KEY role Deploy: tags 2 and 3 have the keys `Team` and `team`") })
        QVERIFY2(run.out.contains(prefix + line), qPrintable(run.out));
    QCOMPARE(run.out.count(QLatin1Char('\n')), 5);
}

void TestCli::workspaceCommandsRefuseABrokenLoad_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("position");
    const QStringList reach { QStringLiteral("reach") };
    const QStringList assume { QStringLiteral("assume"), QStringLiteral("--principal"),
        QStringLiteral("arn:aws:iam::111122223333:root"), QStringLiteral("--role"),
        QStringLiteral("arn:aws:iam::111122223333:role/r") };
    const QStringList exportCli { QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("cli"),
        QStringLiteral("--out"), QDir::temp().filePath(QStringLiteral("rd-export-never-written")) };
    for (const auto &[name, content, position] :
        { std::tuple { "malformed GAAD entry", kMalformedGaad, ":1:20: ERROR GAAD_FORMAT_ERROR " },
            std::tuple { "Infinity", kInfiniteGaad, ":2:23: ERROR JSON_SYNTAX_ERROR " } }) {
        QTest::addRow("reach, %s", name) << content << reach << position;
        QTest::addRow("assume, %s", name) << content << assume << position;
        QTest::addRow("export, %s", name) << content << exportCli << position;
    }
}

void TestCli::workspaceCommandsRefuseABrokenLoad()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, arguments);
    QFETCH(QString, position);
    const QString file = write(QStringLiteral("broken-account.json"), content);
    QStringList args { arguments.first(), QStringLiteral("--workspace"), file };
    args << arguments.mid(1);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.startsWith(QStringLiteral("role-designer-cli: ") + file + position), qPrintable(run.err));
    QVERIFY(!QDir(QDir::temp().filePath(QStringLiteral("rd-export-never-written"))).exists());
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
