// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The batch format (docs/EVALUATION.md, "Batch files"): a malformed case gets an error line naming what is
// wrong and the run goes on; hostile sizes are refused, not suffered.
#include "rd/core/evaluation/BatchSimulation.h"

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

QTEST_APPLESS_MAIN(TestBatchSimulation)
#include "TestBatchSimulation.moc"
