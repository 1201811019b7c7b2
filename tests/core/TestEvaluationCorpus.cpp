// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The evaluation corpus: every case of tests/data/eval/*.jsonl, written from the AWS documentation (each names its
// rule and page in "rule"), must give its expected decision; every case must also explain itself.
#include "DataFiles.h"
#include "rd/core/evaluation/BatchSimulation.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace rd::core;

namespace
{

struct CorpusCase {
    QString file;
    int line = 0;
    QByteArray text;
};

const QString kCorpusFolder = QStringLiteral(RD_TEST_DATA_DIR "/eval");

} // namespace

class TestEvaluationCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void corpusIsLargeAndNamed();
    void everyCase_data();
    void everyCase();

private:
    /// Every non-empty line of the corpus files, read once by initTestCase().
    QList<CorpusCase> m_cases;
};

void TestEvaluationCorpus::initTestCase()
{
    RD_REQUIRE_FILES(kCorpusFolder, QStringLiteral("*.jsonl"));
    const QDir dir(kCorpusFolder);
    for (const QString &name : dir.entryList({ QStringLiteral("*.jsonl") }, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY2(
            file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + QStringLiteral(": ") + file.errorString()));
        int line = 0;
        while (!file.atEnd()) {
            ++line;
            const QByteArray text = file.readLine().trimmed();
            if (!text.isEmpty())
                m_cases.append(CorpusCase { name, line, text });
        }
    }
}

void TestEvaluationCorpus::corpusIsLargeAndNamed()
{
    QVERIFY2(m_cases.size() >= 300, qPrintable(QString::number(m_cases.size())));
    QSet<QString> ids;
    QMap<QString, int> decisions;
    for (const CorpusCase &c : std::as_const(m_cases)) {
        const auto json = nlohmann::json::parse(c.text.toStdString());
        const QString id = QString::fromStdString(json.at("id").get<std::string>());
        QVERIFY2(!ids.contains(id), qPrintable("duplicate id " + id));
        ids.insert(id);
        // Every case names the rule it checks and where AWS documents it.
        const std::string rule = json.value("rule", std::string());
        QVERIFY2(rule.find("https://docs.aws.amazon.com/") != std::string::npos, qPrintable(id));
        ++decisions[QString::fromStdString(json.at("expected").get<std::string>())];
    }
    // All three decisions are well represented.
    for (const char *decision : { "Allowed", "ImplicitlyDenied", "ExplicitlyDenied" })
        QVERIFY2(decisions.value(QString::fromLatin1(decision)) >= 30, decision);
}

void TestEvaluationCorpus::everyCase_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    for (const CorpusCase &c : std::as_const(m_cases)) {
        const auto json = nlohmann::json::parse(c.text.toStdString(), nullptr, false);
        const std::string id = json.is_object() ? json.value("id", std::string("?")) : std::string("?");
        QTest::addRow("%s:%d %s", qPrintable(c.file), c.line, id.c_str()) << c.text << c.line;
    }
}

void TestEvaluationCorpus::everyCase()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    const std::string_view caseText(text.constData(), static_cast<std::size_t>(text.size()));
    const auto input = nlohmann::json::parse(caseText);

    BatchSummary summary;
    const std::string result = runBatchCase(caseText, static_cast<std::size_t>(line), BatchOptions {}, summary);
    const auto output = nlohmann::json::parse(result);
    QVERIFY2(!output.contains("error"), result.c_str());
    const std::string rule = input.value("rule", std::string());
    QVERIFY2(summary.passed == 1,
        qPrintable(QString::fromStdString("got " + output.at("decision").get<std::string>() + ", expected "
            + input.at("expected").get<std::string>() + "; rule: " + rule)));

    // The explanation agrees with the decision: an explicit deny names a Deny statement, an allow names Allows.
    BatchOptions explain;
    explain.explain = true;
    BatchSummary explainedSummary;
    const auto explained =
        nlohmann::json::parse(runBatchCase(caseText, static_cast<std::size_t>(line), explain, explainedSummary));
    QCOMPARE(explained.at("decision"), output.at("decision"));
    const auto &trace = explained.at("trace");
    QVERIFY(!trace.at("reason").get<std::string>().empty());
    const std::string decision = output.at("decision").get<std::string>();
    for (const auto &statement : trace.at("deciding"))
        QCOMPARE(statement.at("effect").get<std::string>(), decision == "ExplicitlyDenied" ? "Deny" : "Allow");
    if (decision == "ExplicitlyDenied")
        QVERIFY(!trace.at("deciding").empty());
    if (decision == "ImplicitlyDenied")
        QVERIFY(trace.at("deciding").empty());
}

QTEST_APPLESS_MAIN(TestEvaluationCorpus)
#include "TestEvaluationCorpus.moc"
