// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The 1,594 AWS managed policies (third_party/aws-data/managed-policies.tar.gz) as a real-world corpus: every one
// parses with no error, parse -> write -> parse gives an identical AST, and the minified output is the same JSON as the
// original, key order included. nlohmann/json is the independent oracle.
#include "CorpusFiles.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/validation/PolicyValidator.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace rd::core;

class TestManagedPolicyCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusIsThere();
    void roundTrip_data();
    void roundTrip();
    void validatesWithOnlyKnownErrors();
};

void TestManagedPolicyCorpus::corpusIsThere()
{
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    QVERIFY2(corpus.ok(), corpus.error.c_str());
    QVERIFY2(corpus.files.size() >= 1594,
        qPrintable(QStringLiteral("found %1 managed policies in the archive").arg(corpus.files.size())));
}

void TestManagedPolicyCorpus::roundTrip_data()
{
    QTest::addColumn<int>("file");
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    // Without its data the test fails (one row saying why) rather than passing with no rows.
    if (!corpus.ok())
        QTest::addRow("the managed policy archive is readable") << -1;
    for (std::size_t i = 0; i < corpus.files.size(); ++i)
        QTest::addRow("%s", corpus.files[i].name.c_str()) << static_cast<int>(i);
}

void TestManagedPolicyCorpus::roundTrip()
{
    QFETCH(int, file);
    if (file < 0)
        QFAIL(rd::test::managedPolicyCorpus().error.c_str());
    const rd::test::ManagedPolicyFile &source = rd::test::managedPolicyFiles()[static_cast<std::size_t>(file)];
    const auto original = nlohmann::ordered_json::parse(source.text).at("Document");
    // A layout unlike ours (2-space indent), so that reading does not lean on the writer's own habits.
    const std::string text = original.dump(2);

    ParseResult first = parsePolicy(text);
    QVERIFY(first.isUsable());
    for (const Diagnostic &d : first.diagnostics)
        QFAIL(qPrintable(QString::fromStdString(d.code + " " + d.message)));
    // AWS wrote these as identity policies: the grammar must accept all of them.
    for (const Diagnostic &d : validateGrammar(*first.policy, PolicyKind::Identity))
        QFAIL(qPrintable(QString::fromStdString(d.code + " " + d.message)));

    const std::string pretty = writePolicy(*first.policy, WriteStyle::Pretty);
    ParseResult second = parsePolicy(pretty);
    QVERIFY(second.isUsable());
    QVERIFY(sameContent(*first.policy, *second.policy));
    QCOMPARE(nlohmann::ordered_json::parse(pretty), original);

    const std::string minified = writePolicy(*first.policy, WriteStyle::Minified);
    QCOMPARE(minified, original.dump());
}

void TestManagedPolicyCorpus::validatesWithOnlyKnownErrors()
{
    // Validated as identity policies, AWS's own policies raise no ERROR except actions and services the bundled
    // catalog lacks (retired services, catalog gaps), MISSING_QUALIFIER where AWS wrote a multivalued key without
    // ForAllValues/ForAnyValue, and INVALID_ARN_RESOURCE for ARNs no resource type of the catalog or of its
    // supplement fits (mostly slips: `statemachine` for `stateMachine`, `logs:...:/aws-glue/*` without
    // `log-group:`). docs/VALIDATION.md lists every finding with its policy.
    const std::set<std::string> allowed { "INVALID_ACTION", "INVALID_SERVICE", "MISSING_QUALIFIER",
        "INVALID_ARN_RESOURCE" };
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    QVERIFY2(corpus.ok(), corpus.error.c_str());
    QStringList unexpected;
    int errors = 0;
    for (const rd::test::ManagedPolicyFile &file : corpus.files) {
        const std::string document = rd::test::managedPolicyDocument(file.text);
        for (const Diagnostic &d : validatePolicyText(document, PolicyKind::Identity)) {
            if (d.severity != Severity::Error)
                continue;
            ++errors;
            if (!allowed.count(d.code))
                unexpected << QString::fromStdString(file.name + ": " + d.code + " " + d.message);
        }
    }
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    // The known gaps: 95 actions of 11 retired services, 53 missing actions, 3 keys of a retired service, 3 unqualified
    // multivalued keys (third_party/aws-data/README.md counts the first two), 36 resource ARNs of no known form.
    QCOMPARE(errors, 98 + 53 + 3 + 36);
}

QTEST_APPLESS_MAIN(TestManagedPolicyCorpus)
#include "TestManagedPolicyCorpus.moc"
