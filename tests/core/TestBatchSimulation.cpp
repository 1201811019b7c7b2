// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The batch format (docs/EVALUATION.md, "Batch files"): a malformed case gets an error line naming what is
// wrong and the run goes on; hostile sizes are refused, not suffered.
#include "BatchCaseGenerator.h"
#include "DataFiles.h"
#include "rd/core/evaluation/BatchSimulation.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <array>
#include <sstream>
#include <streambuf>

using namespace rd::core;

class TestBatchSimulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void malformedCasesGetAnErrorLine_data();
    void malformedCasesGetAnErrorLine();
    void streamsLinesAndSkipsBlankOnes();
    void summaryCountsMalformedLinesApart();
    void stopsAtALongLineThatNoNewlineEnds();
    void stopsAnEndlessLineAtTheSkipBound();
    void refusesOverlongLinesWithoutKeepingThem();
    void summaryCountsMismatchesAndErrors();
    void fastReaderGivesTheFullReadersOutput();
    void explanationsUseTheFullReader();
};

namespace
{

const char *kPolicy =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})";
const char *kRequest =
    R"({"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/k"})";

QByteArray withCase(const QByteArray &fields)
{
    return "{\"id\":\"c\"," + fields + "}";
}

/// Lines that the fast reader must decline (or read exactly as the full reader does): every malformed form the
/// full reader has a message for, and valid forms it reads that the fast reader leaves to it.
std::vector<std::string> hostileLines()
{
    const std::string request = std::string("\"request\":") + kRequest;
    const std::string policy(kPolicy);
    const std::string good = "{\"id\":\"g\"," + request + ",\"identityPolicies\":[" + policy + "]}";
    const std::string ctx = "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":"
                            "\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"context\":";
    auto withPolicy = [&](const std::string &document) {
        return "{\"id\":\"p\"," + request + ",\"identityPolicies\":[" + document + "]}";
    };
    auto conditioned = [&](const std::string &condition) {
        return withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",)"
                          R"("Resource":"*","Condition":)"
            + condition + "}]}");
    };
    const std::string principalPolicy = R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                        R"("Principal":{"AWS":["arn:aws:iam::111122223333:user/alice"]},)"
                                        R"("Action":"s3:GetObject","Resource":"*"}]})";
    std::vector<std::string> lines {
        "{\"id\":",
        "[1,2]",
        "{" + request + "}",
        "{\"id\":\"\"," + request + "}",
        "{\"id\":\"c\"," + request + ",\"expectd\":\"Allowed\"}",
        "{\"id\":\"c\",\"request\":{\"principal\":\"x\",\"acton\":\"s3:A\"}}",
        "{\"id\":\"c\",\"identityPolicies\":[]}",
        "{\"id\":\"c\",\"request\":\"s3:GetObject\"}",
        "{\"id\":\"c\",\"request\":{\"principal\":7,\"action\":\"s3:A\",\"resource\":\"*\"}}",
        "{\"id\":\"c\",\"request\":{\"principal\":\"alice\",\"action\":\"s3:A\",\"resource\":\"*\"}}",
        "{\"id\":\"c\"," + ctx + "{},\"resourceAccount\":\"1234\"}}",
        "{\"id\":\"c\"," + ctx + "{\"aws:SourceIp\":{\"ip\":1}}}}",
        "{\"id\":\"c\"," + request + ",\"identityPolicies\":" + policy + "}",
        "{\"id\":\"c\"," + request + ",\"identityPolicies\":[\"s3:*\"]}",
        "{\"id\":\"c\"," + request + ",\"permissionBoundaries\":[" + policy + "," + policy + "]}",
        "{\"id\":\"c\"," + request + ",\"scps\":[" + policy + "]}",
        "{\"id\":\"c\"," + request + ",\"expected\":\"Deny\"}",
        "{\"id\":\"c\"," + request + ",\"rule\":" + std::string(500, '[') + std::string(500, ']') + "}",
        "{\"id\":\"c\",\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":\"s3:A\","
        "\"resource\":\"arn:aws:s3:::"
            + std::string(9000, 'k') + "\"}}",
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Action":"s3:*","Resource":"*"}]})"),
        conditioned(R"({"StringMatches":{"aws:username":"a"}})"),
        // JSON that only the full reader reports on: after the value, inside strings, duplicate keys.
        good + "{\"x\":1}",
        good + " x",
        good + "   ",
        "\xEF\xBB\xBF" + good,
        "{\"id\":\"g\t\"," + request + "}",
        "{\"id\":\t\"g\"," + request + "}",
        "{\"id\":\"g\xff\"," + request + "}",
        "{\"id\":\"g\\ud800\"," + request + "}",
        "{\"id\":\"g\",\"id\":\"h\"," + request + "}",
        "{\"id\":\"g\"," + ctx + "{\"k\":\"a\",\"k\":\"b\"}}}",
        "{\"id\":\"g\"," + ctx + "{},\"action\":\"s3:PutObject\"}}",
        withPolicy(R"({"Version":"2012-10-17","Version":"2012-10-17","Statement":[]})"),
        withPolicy(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]})"),
        conditioned(R"({"StringEquals":{"aws:username":"a"},"StringEquals":{"aws:username":"b"}})"),
        conditioned(R"({"StringEquals":{"aws:username":"a","aws:username":"b"}})"),
        "{\"id\":\"g\"," + request + ",}",
        "{\"id\":\"g\" " + request + "}",
        "{'id':\"g\"," + request + "}",
        "{\"id\":\"g\",/* c */" + request + "}",
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},]})"),
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}})"),
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"])"),
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":tru}]})"),
        // Valid forms the fast reader may leave to the full reader, or read the same way.
        "{\"id\":7," + request + "}",
        "{\"id\":\"g\"," + request + ",\"rule\":7,\"description\":null}",
        "{\"id\":\"g\"," + request + ",\"rule\":\"r\",\"description\":\"d\\u00e9\\/\"}",
        "{\"id\":\"g\"," + ctx + "{\"aws:MultiFactorAuthAge\":3600,\"aws:SecureTransport\":true}}}",
        "{\"id\":\"g\"," + ctx + "null,\"resourceAccount\":null}}",
        "{\"id\":\"g\"," + ctx + "{\"aws:TagKeys\":[\"a\",\"b\"],\"aws:username\":\"\\u0061\"}}}",
        "{\"id\":\"g\",\"identityPolicies\":null,\"resourcePolicy\":null,\"permissionBoundaries\":null,"
        "\"sessionPolicy\":null,\"scps\":null,\"rcps\":null,\"expected\":null,"
            + request + "}",
        "{\"id\":\"g\",\"scps\":[[]],\"rcps\":[[" + policy + "],[]]," + request + "}",
        withPolicy(
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get\u004fbject","Resource":"*"}})"),
        withPolicy(R"({"Version":"2012-10-17","Statement":["s3:GetObject"]})"),
        withPolicy(R"({"Version":"2012-10-17","Statement":[],"Foo":1})"),
        withPolicy(
            R"({"Version":"2012-10-17","Id":"x","Statement":[{"Sid":"A","Effect":"Allow","NotAction":[],"NotResource":"arn:aws:s3:::c/*"}]})"),
        withPolicy(
            R"({"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${aws:username}"}]})"),
        conditioned(R"({"NumericLessThan":{"aws:MultiFactorAuthAge":1.50}})"),
        conditioned(R"({"StringEquals":{"aws:username":[1.50,-0,true,"a"]}})"),
        conditioned(R"({"NumericEquals":{"aws:MultiFactorAuthAge":1e400}})"),
        conditioned(R"({"StringEquals":{"aws:username":[["a"]]}})"),
        conditioned(R"({"StringEquals":{"aws:username":{"a":1}}})"),
        conditioned(R"({"StringEquals":[]})"),
        conditioned(R"({"StringEquals":{}})"),
        conditioned(R"([])"),
        withPolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[7],"Resource":"*"}]})"),
        withPolicy(R"({"Version":2012,"Statement":[]})"),
        // One text as several kinds: the cache must not hand a document checked as one kind out as another.
        "{\"id\":\"r1\",\"resourcePolicy\":" + principalPolicy + "," + request + "}",
        "{\"id\":\"r2\",\"resourcePolicy\":" + principalPolicy + "," + request + "}",
        "{\"id\":\"r3\",\"resourcePolicy\":" + principalPolicy + "," + request + "}",
        "{\"id\":\"r4\",\"identityPolicies\":[" + principalPolicy + "]," + request + "}",
        "{\"id\":\"r5\",\"scps\":[[" + principalPolicy + "]]," + request + "}",
        "{\"id\":\"r6\",\"sessionPolicy\":" + principalPolicy + "," + request + "}",
        "{\"id\":\"r7\",\"resourcePolicy\":" + principalPolicy
            + ",\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":"
              "\"sts:AssumeRole\",\"resource\":\"arn:aws:iam::111122223333:role/R\"}}",
    };
    return lines;
}

} // namespace

void TestBatchSimulation::malformedCasesGetAnErrorLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("error");
    const QByteArray request = QByteArray("\"request\":") + kRequest;
    const QByteArray policy(kPolicy);
    QTest::addRow("not JSON") << QByteArray("{\"id\":") << "not valid JSON";
    QTest::addRow("not an object") << QByteArray("[1,2]") << "no `id`";
    QTest::addRow("no id") << QByteArray("{") + request + "}"
                           << "no `id`";
    QTest::addRow("unknown field (a typo)")
        << withCase(request + ",\"expectd\":\"Allowed\"") << "unknown field `expectd`";
    QTest::addRow("unknown request field")
        << withCase(QByteArray("\"request\":{\"principal\":\"x\",\"acton\":\"s3:A\"}"))
        << "unknown field `request.acton`";
    QTest::addRow("no request") << withCase("\"identityPolicies\":[]") << "`request` is missing";
    QTest::addRow("request of the wrong type")
        << withCase("\"request\":\"s3:GetObject\"") << "`request` must be an object";
    QTest::addRow("no action") << withCase(
        "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"resource\":\"*\"}")
                               << "`request.action` is missing";
    QTest::addRow("principal of the wrong type")
        << withCase("\"request\":{\"principal\":7,\"action\":\"s3:A\",\"resource\":\"*\"}")
        << "`request.principal` must be a string, not number";
    QTest::addRow("principal not an ARN")
        << withCase("\"request\":{\"principal\":\"alice\",\"action\":\"s3:A\",\"resource\":\"*\"}")
        << "`alice` is not a principal";
    QTest::addRow("resource account not 12 digits") << withCase(
        "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":\"s3:A\",\"resource\":\"*\","
        "\"resourceAccount\":\"1234\"}") << "12-digit account id";
    QTest::addRow("context value of the wrong type") << withCase(
        "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/a\",\"action\":\"s3:A\",\"resource\":\"*\","
        "\"context\":{\"aws:SourceIp\":{\"ip\":1}}}") << "must be a string or an array of strings";
    QTest::addRow("identity policies not an array")
        << withCase(request + ",\"identityPolicies\":" + policy) << "`identityPolicies` must be an array";
    QTest::addRow("a policy that is a string")
        << withCase(request + ",\"identityPolicies\":[\"s3:*\"]") << "identityPolicies[0] must be a policy document";
    QTest::addRow("two permissions boundaries")
        << withCase(request + ",\"permissionBoundaries\":[" + policy + "," + policy + "]")
        << "at most one permissions boundary";
    QTest::addRow("SCP levels not nested")
        << withCase(request + ",\"scps\":[" + policy + "]") << "`scps[0]` must be an array of policy documents";
    QTest::addRow("policy grammar error") << withCase(request
        + ",\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"
          "]") << "identityPolicies[0]: MISSING_EFFECT";
    QTest::addRow("unknown condition operator") << withCase(request
        + ",\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          "\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringMatches\":{\"aws:username\":\"a\"}}}]}]")
                                                << "unknown condition operator `StringMatches`";
    QTest::addRow("expected is not a decision") << withCase(request + ",\"expected\":\"Deny\"") << "`expected` must be";
    QTest::addRow("deep nesting") << withCase(request + ",\"rule\":" + QByteArray(500, '[') + QByteArray(500, ']'))
                                  << "not valid JSON";
    QTest::addRow("overlong request value") << withCase("\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/"
                                                        "a\",\"action\":\"s3:A\",\"resource\":\"arn:aws:s3:::"
        + QByteArray(9000, 'k') + "\"}") << "longer than 8192 bytes";
}

void TestBatchSimulation::malformedCasesGetAnErrorLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, error);
    BatchSummary summary;
    const std::string result =
        runBatchCase(std::string_view(line.constData(), static_cast<std::size_t>(line.size())), 7, {}, summary);
    QVERIFY2(QString::fromStdString(result).contains(error), result.c_str());
    QVERIFY2(result.find("\"line\":7") != std::string::npos, result.c_str());
    QCOMPARE(summary.errors, std::size_t { 1 });
    QCOMPARE(summary.failed, std::size_t { 0 });
}

void TestBatchSimulation::streamsLinesAndSkipsBlankOnes()
{
    const std::string good =
        std::string("{\"id\":\"a\",\"request\":") + kRequest + ",\"identityPolicies\":[" + kPolicy + "]}";
    std::istringstream in("\n" + good + "\r\n   \n" + good + "\n{\"id\":\"b\"}");
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, {});
    QCOMPARE(summary.cases, std::size_t { 3 });
    QCOMPARE(summary.errors, std::size_t { 1 });
    const QStringList lines = QString::fromStdString(out.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // No case gives `expected`: no summary line.
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral(R"({"id":"a","decision":"Allowed"})"));
    QCOMPARE(lines[1], QStringLiteral(R"({"id":"a","decision":"Allowed"})"));
    QCOMPARE(lines[2], QStringLiteral(R"({"id":"b","line":5,"error":"`request` is missing"})"));
}

void TestBatchSimulation::summaryCountsMalformedLinesApart()
{
    const std::string checked = std::string("{\"id\":\"a\",\"request\":") + kRequest + ",\"identityPolicies\":["
        + kPolicy + "],\"expected\":\"Allowed\"}";
    std::istringstream in(checked + "\n{not json\n{\"id\":\"b\"}\n");
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, {});
    QCOMPARE(summary.passed, std::size_t { 1 });
    QCOMPARE(summary.failed, std::size_t { 0 });
    QCOMPARE(summary.errors, std::size_t { 2 });
    QVERIFY2(out.str().ends_with("\n1 passed, 0 failed, 2 malformed\n"), out.str().c_str());
}

void TestBatchSimulation::stopsAtALongLineThatNoNewlineEnds()
{
    // 20 MiB without a newline: refused at the 8 MiB limit, read to its end without being kept, and the run stops.
    const std::string good = std::string("{\"id\":\"a\",\"request\":") + kRequest + "}";
    std::istringstream in(good + "\n" + std::string(std::size_t { 20 } << 20, '\0'));
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, {});
    QCOMPARE(summary.unendedLine, std::size_t { 2 });
    QCOMPARE(summary.errors, std::size_t { 1 });
    const QStringList lines = QString::fromStdString(out.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[1],
        QStringLiteral(R"({"id":null,"line":2,"error":"the case is longer than 8388608 bytes and no newline ends it: )"
                       R"(the run stopped"})"));
}

void TestBatchSimulation::stopsAnEndlessLineAtTheSkipBound()
{
    // A stream that never ends and has no newline (like /dev/zero): reading stops after the skip bound.
    class Zeros : public std::streambuf
    {
    public:
        std::size_t served = 0;

    protected:
        int_type underflow() override
        {
            served += m_chunk.size();
            setg(m_chunk.data(), m_chunk.data(), m_chunk.data() + m_chunk.size());
            return traits_type::to_int_type(m_chunk[0]);
        }

    private:
        std::array<char, 4096> m_chunk {};
    } zeros;
    std::istream in(&zeros);
    BatchOptions options;
    options.maxLineBytes = 1000;
    options.maxSkipBytes = 100000;
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, options);
    QCOMPARE(summary.unendedLine, std::size_t { 1 });
    QVERIFY(zeros.served < 1000000);
    QVERIFY(out.str().find("no newline ends it") != std::string::npos);
}

void TestBatchSimulation::refusesOverlongLinesWithoutKeepingThem()
{
    BatchOptions options;
    options.maxLineBytes = 1000;
    const std::string good = std::string("{\"id\":\"a\",\"request\":") + kRequest + "}";
    // A line far longer than the limit, spanning several read buffers, between two good ones.
    std::istringstream in(good + "\n{\"id\":\"big\",\"rule\":\"" + std::string(300000, 'x') + "\"}\n" + good + "\n");
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, options);
    QCOMPARE(summary.cases, std::size_t { 3 });
    const QStringList lines = QString::fromStdString(out.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[1],
        QStringLiteral(R"({"id":null,"line":2,"error":"the case is longer than 1000 bytes and was skipped"})"));
    QCOMPARE(lines[2], QStringLiteral(R"({"id":"a","decision":"ImplicitlyDenied"})"));
    QCOMPARE(summary.unendedLine, std::size_t { 0 });
}

void TestBatchSimulation::summaryCountsMismatchesAndErrors()
{
    const std::string base =
        std::string("{\"id\":\"a\",\"request\":") + kRequest + ",\"identityPolicies\":[" + kPolicy + "],\"expected\":";
    std::istringstream in(base + "\"Allowed\"}\n" + base + "\"ImplicitlyDenied\"}\n" + base + "\"Allowed\"}\n");
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, {});
    QCOMPARE(summary.checked, std::size_t { 3 });
    QCOMPARE(summary.passed, std::size_t { 2 });
    QCOMPARE(summary.failed, std::size_t { 1 });
    QVERIFY(out.str().find(R"({"id":"a","decision":"Allowed","expected":"ImplicitlyDenied"})") != std::string::npos);
    QVERIFY(out.str().ends_with("2 passed, 1 failed\n"));
}

void TestBatchSimulation::fastReaderGivesTheFullReadersOutput()
{
    // The whole evaluation corpus, three times (documents repeat, so the compiled-policy cache serves some), 2,000
    // realistic generated cases, then every hostile line: the fast reader on two threads must write what the full
    // reader writes on one, byte for byte, in the same order.
    const QString folder = QStringLiteral(RD_TEST_DATA_DIR "/eval");
    RD_REQUIRE_FILES(folder, QStringLiteral("*.jsonl"));
    std::string input;
    std::size_t corpusCases = 0;
    for (int round = 0; round < 3; ++round) {
        for (const QString &name : QDir(folder).entryList({ QStringLiteral("*.jsonl") }, QDir::Files, QDir::Name)) {
            QFile file(folder + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            input.append(text.constData(), static_cast<std::size_t>(text.size()));
            corpusCases += static_cast<std::size_t>(text.count("\"id\""));
            if (!input.ends_with('\n'))
                input += '\n';
        }
    }
    rd::test::BatchCaseGenerator generator(1);
    for (int i = 0; i < 2000; ++i) {
        input += generator.next();
        input += '\n';
    }
    for (const std::string &line : hostileLines())
        input += line + "\n";

    BatchOptions full;
    full.fastReader = false;
    full.threads = 1;
    std::istringstream fullIn(input);
    std::ostringstream fullOut;
    const BatchSummary fullSummary = runBatch(fullIn, fullOut, full);
    QCOMPARE(fullSummary.fastCases, std::size_t { 0 });

    BatchOptions fast;
    fast.threads = 2;
    std::istringstream fastIn(input);
    std::ostringstream fastOut;
    const BatchSummary fastSummary = runBatch(fastIn, fastOut, fast);

    const QStringList fullLines = QString::fromStdString(fullOut.str()).split(QLatin1Char('\n'));
    const QStringList fastLines = QString::fromStdString(fastOut.str()).split(QLatin1Char('\n'));
    QCOMPARE(fastLines.size(), fullLines.size());
    for (qsizetype i = 0; i < fullLines.size(); ++i)
        QCOMPARE(fastLines[i], fullLines[i]);
    QCOMPARE(fastSummary.cases, fullSummary.cases);
    QCOMPARE(fastSummary.errors, fullSummary.errors);
    QCOMPARE(fastSummary.passed, fullSummary.passed);
    // Every corpus case is a plain, valid case: the fast reader took each of them (and most generated ones).
    QVERIFY2(fastSummary.fastCases >= corpusCases, qPrintable(QString::number(fastSummary.fastCases)));
    QVERIFY(fastSummary.fastCases < fastSummary.cases);
}

void TestBatchSimulation::explanationsUseTheFullReader()
{
    const std::string good =
        std::string("{\"id\":\"a\",\"request\":") + kRequest + ",\"identityPolicies\":[" + kPolicy + "]}\n";
    BatchOptions options;
    options.explain = true;
    std::istringstream in(good + good);
    std::ostringstream out;
    const BatchSummary summary = runBatch(in, out, options);
    QCOMPARE(summary.cases, std::size_t { 2 });
    QCOMPARE(summary.fastCases, std::size_t { 0 });
    // The trace gives the statement's position in the case line.
    QVERIFY2(out.str().find("\"line\":1,\"column\":") != std::string::npos, out.str().c_str());
}

QTEST_APPLESS_MAIN(TestBatchSimulation)
#include "TestBatchSimulation.moc"
