// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The built-in AWS managed policies and service principals: complete against their source
// (third_party/aws-data/managed-policies.tar.gz), every document the same as the source's, and malformed text refused
// with a reason instead of a crash.
#include "CorpusFiles.h"
#include "rd/core/base/Gzip.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/catalog/ServicePrincipals.h"
#include "rd/core/policy/PolicyParser.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <regex>

using namespace rd::core;

class TestAwsManagedPolicies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void holdsEveryPolicyOfTheSource();
    void everyPolicyMatchesItsSourceFile();
    void findsAdministratorAccess();
    void parsesReadOnlyAccess();
    void unknownArnsGiveNothing();
    void loadsTheEmbeddedListAgain();
    void refusesMalformedText_data();
    void refusesMalformedText();
    void acceptsTextOutOfOrder();
    void gunzipRefusesWhatIsNotGzip();
    void knowsTheCommonServicePrincipals_data();
    void knowsTheCommonServicePrincipals();
    void servicePrincipalsAreWellFormed();
    void servicePrincipalListIgnoresCommentsAndDuplicates();
};

void TestAwsManagedPolicies::holdsEveryPolicyOfTheSource()
{
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    QVERIFY2(corpus.ok(), corpus.error.c_str());
    const std::size_t files = corpus.files.size();
    QVERIFY2(files >= 1594, qPrintable(QStringLiteral("%1 policies in the archive").arg(files)));
    QCOMPARE(files, nlohmann::json::parse(corpus.index).at("counts").at("policies").get<std::size_t>());
    const AwsManagedPolicies &policies = AwsManagedPolicies::builtin();
    QCOMPARE(policies.entries().size(), files);
    QCOMPARE(QString::fromStdString(policies.sourceVersion()), QStringLiteral("0.0.656"));
    QVERIFY(std::is_sorted(policies.entries().begin(), policies.entries().end(),
        [](const auto &a, const auto &b) { return a.arn < b.arn; }));
}

void TestAwsManagedPolicies::everyPolicyMatchesItsSourceFile()
{
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    QVERIFY2(corpus.ok(), corpus.error.c_str());
    const AwsManagedPolicies &policies = AwsManagedPolicies::builtin();
    int checked = 0;
    for (const rd::test::ManagedPolicyFile &file : corpus.files) {
        const auto source = nlohmann::ordered_json::parse(file.text);
        const std::string arn = source.at("Arn").get<std::string>();
        const AwsManagedPolicies::Entry *entry = policies.find(arn);
        QVERIFY2(entry, arn.c_str());
        QCOMPARE(entry->name, source.at("PolicyName").get<std::string>());
        QCOMPARE(entry->path, source.at("Path").get<std::string>());
        QCOMPARE(entry->versionId, source.at("VersionId").get<std::string>());
        // The embedded text is the source document in compact form, key order kept.
        QCOMPARE(entry->documentText, source.at("Document").dump());

        const std::optional<ManagedPolicy> policy = policies.policy(arn);
        QVERIFY2(policy, arn.c_str());
        QCOMPARE(policy->arn, arn);
        QVERIFY(policy->isAwsManaged());
        QCOMPARE(policy->defaultVersionId, entry->versionId);
        QCOMPARE(policy->versions.size(), std::size_t { 1 });
        QVERIFY(policy->versions.front().isDefault);
        QCOMPARE(policy->defaultVersion(), &policy->versions.front());
        // Parsed from the file as it stands (pretty-printed), the document has the same content.
        const ParseResult fromFile = parsePolicy(rd::test::managedPolicyDocument(file.text));
        QVERIFY(fromFile.isUsable());
        QVERIFY2(sameContent(policy->versions.front().document, *fromFile.policy), arn.c_str());
        ++checked;
    }
    QCOMPARE(static_cast<std::size_t>(checked), policies.entries().size());
}

void TestAwsManagedPolicies::findsAdministratorAccess()
{
    const AwsManagedPolicies &policies = AwsManagedPolicies::builtin();
    const AwsManagedPolicies::Entry *entry = policies.find("arn:aws:iam::aws:policy/AdministratorAccess");
    QVERIFY(entry);
    QCOMPARE(entry->name, std::string("AdministratorAccess"));
    QCOMPARE(entry->path, std::string("/"));
    QCOMPARE(entry->versionId, std::string("v1"));
    const std::string document =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})";
    QCOMPARE(entry->documentText, document);
    QVERIFY(!entry->createDate.empty());
    QCOMPARE(policies.findByName("administratoraccess"), entry);

    const AwsManagedPolicies::Entry *lambda =
        policies.find("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    QVERIFY(lambda);
    QCOMPARE(lambda->path, std::string("/service-role/"));
}

void TestAwsManagedPolicies::parsesReadOnlyAccess()
{
    const std::optional<ManagedPolicy> policy =
        AwsManagedPolicies::builtin().policy("arn:aws:iam::aws:policy/ReadOnlyAccess");
    QVERIFY(policy);
    QCOMPARE(policy->name, std::string("ReadOnlyAccess"));
    const PolicyVersion *version = policy->defaultVersion();
    QVERIFY(version);
    QCOMPARE(version->versionId, policy->defaultVersionId);
    // ReadOnlyAccess is AWS's largest general policy: many statements, thousands of actions.
    QVERIFY(version->document.statements.size() > 1);
    std::size_t actions = 0;
    for (const Statement &s : version->document.statements)
        actions += s.action ? s.action->values.size() : 0;
    QVERIFY2(actions > 1000, qPrintable(QString::number(actions)));
}

void TestAwsManagedPolicies::unknownArnsGiveNothing()
{
    const AwsManagedPolicies &policies = AwsManagedPolicies::builtin();
    QVERIFY(!policies.find("arn:aws:iam::aws:policy/NoSuchPolicy"));
    QVERIFY(!policies.find("arn:aws:iam::aws:policy/administratoraccess"));
    QVERIFY(!policies.find(""));
    QVERIFY(!policies.policy("arn:aws:iam::111122223333:policy/Mine"));
    QVERIFY(!policies.findByName("NoSuchPolicy"));
}

void TestAwsManagedPolicies::loadsTheEmbeddedListAgain()
{
    // What a picker reads when it first opens (bench_core's LoadBuiltinAwsManagedPolicies measures how long it takes):
    // a second load gives the same list as the first.
    std::string error;
    const std::optional<AwsManagedPolicies> loaded = AwsManagedPolicies::loadBuiltin(error);
    QVERIFY2(loaded, error.c_str());
    QCOMPARE(loaded->entries().size(), AwsManagedPolicies::builtin().entries().size());
    QCOMPARE(loaded->sourceVersion(), AwsManagedPolicies::builtin().sourceVersion());
}

void TestAwsManagedPolicies::refusesMalformedText_data()
{
    const std::string good = "P\tarn:aws:iam::aws:policy/A\tA\t/\tv1\t\t\t\t{\"Version\":\"2012-10-17\"}\n";
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty text") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("another format's header")
        << QByteArray("iam-catalog-tsv/1\t1\t2\n") << QStringLiteral("line 1: not an AWS managed policy list");
    QTest::newRow("a header without a count")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\n") << QStringLiteral("line 1: not an AWS managed policy list");
    QTest::newRow("a count that is not a number")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\tmany\n") << QStringLiteral("is not a number");
    QTest::newRow("fewer policies than announced (truncated)") << QByteArray::fromStdString(
        "aws-managed-policies-tsv/1\t1\t2\t2\n" + good) << QStringLiteral("announces 2 policies, the list has 1");
    QTest::newRow("a record of an unknown type")
        << QByteArray::fromStdString("aws-managed-policies-tsv/1\t1\t2\t1\n" + good + "X\t1\t2\t3\t4\t5\t6\t7\t8\n")
        << QStringLiteral("line 3: expected a policy record");
    QTest::newRow("a record with too few fields")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\t1\nP\tarn:aws:iam::aws:policy/A\tA\t/\n")
        << QStringLiteral("line 2: expected a policy record");
    QTest::newRow("a malformed escape") << QByteArray(
        "aws-managed-policies-tsv/1\t1\t2\t1\nP\tarn:aws:iam::aws:policy/A\tA\t/\tv1\t\t\tbad\\x\t{}\n")
                                        << QStringLiteral("line 2: malformed escape");
    QTest::newRow("a backslash at the end of a field")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\t1\nP\tarn:aws:iam::aws:policy/A\tA\\\t/\tv1\t\t\t\t{}\n")
        << QStringLiteral("line 2: malformed escape");
    QTest::newRow("a record without an ARN")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\t1\nP\t\tA\t/\tv1\t\t\t\t{}\n")
        << QStringLiteral("needs an ARN and a name");
    QTest::newRow("a document that is not a JSON object")
        << QByteArray("aws-managed-policies-tsv/1\t1\t2\t1\nP\tarn:aws:iam::aws:policy/A\tA\t/\tv1\t\t\t\t[1]\n")
        << QStringLiteral("the document of `A` is not a JSON object");
    QTest::newRow("the same ARN twice") << QByteArray::fromStdString("aws-managed-policies-tsv/1\t1\t2\t2\n" + good
        + good) << QStringLiteral("`arn:aws:iam::aws:policy/A` is listed twice");
    QTest::newRow("binary noise") << QByteArray("\x1f\x8b\x08\x00\xff\xfe\t\t\n\0\0", 11)
                                  << QStringLiteral("line 1: not an AWS managed policy list");
}

void TestAwsManagedPolicies::refusesMalformedText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    std::string reason;
    const std::optional<AwsManagedPolicies> parsed =
        AwsManagedPolicies::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), reason);
    QVERIFY(!parsed);
    QVERIFY2(QString::fromStdString(reason).contains(error), reason.c_str());
}

void TestAwsManagedPolicies::acceptsTextOutOfOrder()
{
    // Lines in any order, CRLF line ends, escapes in the description: entries still come out sorted by ARN and
    // unescaped, and a document that does not parse gives no policy rather than a broken one.
    const std::string text =
        "aws-managed-policies-tsv/1\t9.9\t2026-01-01\t2\r\n"
        "P\tarn:aws:iam::aws:policy/B\tB\t/\tv2\t\t\tbad doc\t{\"Version\":\r\n"
        "P\tarn:aws:iam::aws:policy/A\tA\t/x/\tv1\t\t\tone\\ttwo\\nthree\\\\\t{\"Statement\":[]}\n";
    std::string error;
    const std::optional<AwsManagedPolicies> parsed = AwsManagedPolicies::parse(text, error);
    QVERIFY2(parsed, error.c_str());
    QCOMPARE(parsed->entries().size(), std::size_t { 2 });
    QCOMPARE(parsed->entries()[0].name, std::string("A"));
    QCOMPARE(parsed->entries()[0].description, std::string("one\ttwo\nthree\\"));
    QCOMPARE(parsed->entries()[0].path, std::string("/x/"));
    QCOMPARE(parsed->sourceVersion(), std::string("9.9"));
    QVERIFY(parsed->policy("arn:aws:iam::aws:policy/A"));
    QVERIFY(parsed->find("arn:aws:iam::aws:policy/B"));
    QVERIFY(!parsed->policy("arn:aws:iam::aws:policy/B"));
}

void TestAwsManagedPolicies::gunzipRefusesWhatIsNotGzip()
{
    const unsigned char noise[] = { 0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03 };
    std::string out;
    std::string error;
    QVERIFY(!gunzip(noise, sizeof noise, out, error));
    QVERIFY(!error.empty());
    error.clear();
    QVERIFY(!gunzip(noise, 0, out, error));
    QVERIFY(!error.empty());
}

void TestAwsManagedPolicies::knowsTheCommonServicePrincipals_data()
{
    // IAM User Guide, "AWS JSON policy elements: Principal", "AWS service principals".
    QTest::addColumn<QString>("principal");
    for (const char *name :
        { "lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "states.amazonaws.com",
            "events.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com", "apigateway.amazonaws.com",
            "glue.amazonaws.com", "sagemaker.amazonaws.com", "codebuild.amazonaws.com", "cloudformation.amazonaws.com",
            "ssm.amazonaws.com", "logs.amazonaws.com", "s3.amazonaws.com", "delivery.logs.amazonaws.com",
            "ses.amazonaws.com", "edgelambda.amazonaws.com", "elasticmapreduce.amazonaws.com" })
        QTest::addRow("%s is known", name) << QString::fromLatin1(name);
}

void TestAwsManagedPolicies::knowsTheCommonServicePrincipals()
{
    QFETCH(QString, principal);
    QVERIFY(isKnownServicePrincipal(principal.toStdString()));
}

void TestAwsManagedPolicies::servicePrincipalsAreWellFormed()
{
    const std::vector<std::string> &names = knownServicePrincipals();
    // The managed policies alone name more than 200.
    QVERIFY2(names.size() > 200, qPrintable(QString::number(names.size())));
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    QVERIFY(std::adjacent_find(names.begin(), names.end()) == names.end());
    const std::regex wellFormed("^[a-z0-9.-]+\\.amazonaws\\.com$");
    for (const std::string &name : names)
        QVERIFY2(std::regex_match(name, wellFormed), name.c_str());
    QVERIFY(!isKnownServicePrincipal("LAMBDA.amazonaws.com"));
    QVERIFY(!isKnownServicePrincipal("*.amazonaws.com"));
    QVERIFY(!isKnownServicePrincipal(""));
}

void TestAwsManagedPolicies::servicePrincipalListIgnoresCommentsAndDuplicates()
{
    const std::vector<std::string> names =
        parseServicePrincipalList("# header\nsqs.amazonaws.com\r\n\nsns.amazonaws.com\nsqs.amazonaws.com");
    QCOMPARE(names, (std::vector<std::string> { "sns.amazonaws.com", "sqs.amazonaws.com" }));
    QVERIFY(parseServicePrincipalList("").empty());
}

QTEST_APPLESS_MAIN(TestAwsManagedPolicies)
#include "TestAwsManagedPolicies.moc"
