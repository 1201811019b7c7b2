// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// `role-designer-cli assume` as a user runs it: real processes and files, the JSON contract of docs/SIMULATION.md
// and the exit codes (0 assumed and allowed, 1 assumption or check denied, 2 bad usage or unreadable input).
#include "CliRun.h"
#include "DataFiles.h"
#include "PolicyText.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace
{

using rd::test::CliRun;
using rd::test::policyOf;
using rd::test::runCli;

const QString kExample = QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws");
const QString kLambdaRole = QStringLiteral("arn:aws:iam::111122223333:role/service-role/LambdaLogWriter");

QStringList lambdaArgs()
{
    return { QStringLiteral("assume"), QStringLiteral("--workspace"), kExample, QStringLiteral("--principal"),
        QStringLiteral("lambda.amazonaws.com"), QStringLiteral("--role"), kLambdaRole, QStringLiteral("--time"),
        QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--format"), QStringLiteral("json") };
}

} // namespace

class TestAssumeCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lambdaMayPutButNotGet();
    void outputIsDeterministicWithTime();
    void durationOverMaxSessionDurationFailsWithExitOne();
    void textFormatSummarises();
    void textNumbersStatementsFromOne();
    void chainWithTagsSessionPolicyAndContext();
    void hopOptionsGoWithTheRoleBeforeThem();
    void permissionsListResourcesAndTheDecidingCondition();
    void badUsageExitsTwoWithOneLine_data();
    void badUsageExitsTwoWithOneLine();

private:
    QString writeFile(const QString &name, const QByteArray &text);
    QStringList chainArgs() const;

    QTemporaryDir m_dir;
    QString m_chainWorkspace;
};

void TestAssumeCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    RD_REQUIRE_FILE(kExample);
    using namespace rd::core;
    Workspace w;
    w.accounts.push_back({ "111122223333", "a" });
    User alice;
    alice.accountId = "111122223333";
    alice.name = "alice";
    alice.arn = "arn:aws:iam::111122223333:user/alice";
    w.add(alice);
    Role first;
    first.accountId = "111122223333";
    first.name = "First";
    first.arn = "arn:aws:iam::111122223333:role/First";
    first.maxSessionDuration = 7200;
    first.trustPolicy = policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":)"
                                 R"("arn:aws:iam::111122223333:user/alice"},"Action":["sts:AssumeRole",)"
                                 R"("sts:TagSession"],"Condition":{"StringEquals":{"sts:ExternalId":"X-1"},)"
                                 R"("Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})");
    first.inlinePolicies.push_back({ "Next",
        policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                 R"("Action":"sts:AssumeRole","Resource":"*"}]})") });
    w.add(first);
    Role second;
    second.accountId = "111122223333";
    second.name = "Second";
    second.arn = "arn:aws:iam::111122223333:role/Second";
    second.trustPolicy = policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":)"
                                  R"("arn:aws:iam::111122223333:role/First"},"Action":["sts:AssumeRole",)"
                                  R"("sts:TagSession"],"Condition":{"StringEquals":{"aws:RequestedRegion":)"
                                  R"("eu-west-1"}}}]})");
    second.inlinePolicies.push_back({ "S3",
        policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                 R"("Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]})") });
    w.add(second);
    m_chainWorkspace = m_dir.filePath(QStringLiteral("chain.rdws"));
    QVERIFY(!saveWorkspaceFile(m_chainWorkspace.toStdString(), w).has_value());
}

void TestAssumeCommand::lambdaMayPutButNotGet()
{
    QStringList args = lambdaArgs();
    args << QStringLiteral("--duration") << QStringLiteral("1800") << QStringLiteral("--check")
         << QStringLiteral("s3:PutObject") << QStringLiteral("arn:aws:s3:::my-log-bucket/x");
    const CliRun put = runCli(args);
    QCOMPARE(put.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(put.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("allowed")).toBool(), true);
    const QJsonObject hop = json.value(QStringLiteral("hops")).toArray().first().toObject();
    QCOMPARE(hop.value(QStringLiteral("role")).toString(), kLambdaRole);
    QCOMPARE(hop.value(QStringLiteral("assumedRoleArn")).toString(),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/LambdaLogWriter/role-designer-simulation"));
    QCOMPARE(hop.value(QStringLiteral("durationSeconds")).toInt(), 1800);
    QCOMPARE(hop.value(QStringLiteral("expiration")).toString(), QStringLiteral("2026-01-01T00:30:00Z"));
    const QJsonObject credentials = hop.value(QStringLiteral("credentials")).toObject();
    QVERIFY(credentials.value(QStringLiteral("AccessKeyId")).toString().startsWith(QStringLiteral("ASIA")));
    QCOMPARE(credentials.value(QStringLiteral("SecretAccessKey")).toString().size(), 40);
    QCOMPARE(credentials.value(QStringLiteral("simulated")).toBool(), true);
    QVERIFY(hop.value(QStringLiteral("failure")).isNull());
    QVERIFY(!json.value(QStringLiteral("assumptions")).toArray().isEmpty());
    const QJsonObject check = json.value(QStringLiteral("check")).toObject();
    QCOMPARE(check.value(QStringLiteral("decision")).toString(), QStringLiteral("Allowed"));
    QVERIFY(
        !check.value(QStringLiteral("explanation")).toObject().value(QStringLiteral("reason")).toString().isEmpty());

    args = lambdaArgs();
    args << QStringLiteral("--check") << QStringLiteral("s3:GetObject")
         << QStringLiteral("arn:aws:s3:::my-log-bucket/x");
    const CliRun get = runCli(args);
    QCOMPARE(get.exitCode, 1);
    const QJsonObject denied = QJsonDocument::fromJson(get.out.toUtf8()).object();
    QCOMPARE(denied.value(QStringLiteral("allowed")).toBool(), true);
    QCOMPARE(denied.value(QStringLiteral("check")).toObject().value(QStringLiteral("decision")).toString(),
        QStringLiteral("ImplicitlyDenied"));
}

void TestAssumeCommand::outputIsDeterministicWithTime()
{
    const CliRun a = runCli(lambdaArgs());
    const CliRun b = runCli(lambdaArgs());
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
}

void TestAssumeCommand::durationOverMaxSessionDurationFailsWithExitOne()
{
    // AWS STS API Reference, AssumeRole, "Request Parameters": more than the role's MaxSessionDuration fails.
    QStringList args = lambdaArgs();
    args << QStringLiteral("--duration") << QStringLiteral("3601");
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("allowed")).toBool(), false);
    const QJsonObject failure =
        json.value(QStringLiteral("hops")).toArray().first().toObject().value(QStringLiteral("failure")).toObject();
    QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("ValidationError"));
    QCOMPARE(failure.value(QStringLiteral("message")).toString(),
        QStringLiteral("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."));
    QVERIFY(failure.contains(QStringLiteral("policy")));
    QVERIFY(failure.contains(QStringLiteral("statement")));

    // A trust policy refusal names the policy and the statement.
    args = lambdaArgs();
    args.replace(args.indexOf(QStringLiteral("lambda.amazonaws.com")), QStringLiteral("ec2.amazonaws.com"));
    const CliRun denied = runCli(args);
    QCOMPARE(denied.exitCode, 1);
    const QJsonObject refusal = QJsonDocument::fromJson(denied.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("hops"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QStringLiteral("failure"))
                                    .toObject();
    QCOMPARE(refusal.value(QStringLiteral("code")).toString(), QStringLiteral("AccessDenied"));
    QCOMPARE(
        refusal.value(QStringLiteral("policy")).toString(), QStringLiteral("trust policy of role LambdaLogWriter"));
    QCOMPARE(refusal.value(QStringLiteral("statement")).toInt(-1), 0);
}

void TestAssumeCommand::textFormatSummarises()
{
    QStringList args = lambdaArgs();
    args.removeLast();
    args << QStringLiteral("text") << QStringLiteral("--permissions");
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("ALLOWED\n")));
    QVERIFY(run.out.contains(QStringLiteral("assumed-role/LambdaLogWriter/")));
    QVERIFY(run.out.contains(QStringLiteral("s3: Write 1")));
}

void TestAssumeCommand::textNumbersStatementsFromOne()
{
    // Text numbers statements as people count, from 1 (as the editors and the explorer do); JSON's `statement`
    // counts from 0 (docs/SIMULATION.md). Each policy of the example has one statement.
    QStringList args = lambdaArgs();
    args.removeLast();
    args << QStringLiteral("text") << QStringLiteral("--check") << QStringLiteral("s3:PutObject")
         << QStringLiteral("arn:aws:s3:::my-log-bucket/x");
    const CliRun allowed = runCli(args);
    QCOMPARE(allowed.exitCode, 0);
    QVERIFY2(allowed.out.contains(QStringLiteral("  allowed by: trust policy of role LambdaLogWriter, statement 1\n")),
        qPrintable(allowed.out));
    QVERIFY2(allowed.out.contains(QStringLiteral(
                 "  allowed by: inline policy WriteLogs of role LambdaLogWriter, statement 1 (PutLogObjects)\n")),
        qPrintable(allowed.out));

    args = lambdaArgs();
    args.replace(args.indexOf(QStringLiteral("lambda.amazonaws.com")), QStringLiteral("ec2.amazonaws.com"));
    args.removeLast();
    args << QStringLiteral("text");
    const CliRun denied = runCli(args);
    QCOMPARE(denied.exitCode, 1);
    QVERIFY2(denied.out.contains(QStringLiteral("  policy: trust policy of role LambdaLogWriter, statement 1\n")),
        qPrintable(denied.out));
    QVERIFY2(denied.out.contains(QStringLiteral("nearest: statement 1 of trust policy of role LambdaLogWriter")),
        qPrintable(denied.out));
    QVERIFY(!denied.out.contains(QStringLiteral("statement 0")));
}

void TestAssumeCommand::chainWithTagsSessionPolicyAndContext()
{
    const QString policyFile = m_dir.filePath(QStringLiteral("session.json"));
    QFile file(policyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})");
    file.close();
    QStringList args = { QStringLiteral("assume"), QStringLiteral("--workspace"), m_chainWorkspace,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::111122223333:user/alice"), QStringLiteral("--role"),
        QStringLiteral("arn:aws:iam::111122223333:role/First"), QStringLiteral("--role"),
        QStringLiteral("arn:aws:iam::111122223333:role/Second"), QStringLiteral("--external-id"), QStringLiteral("X-1"),
        QStringLiteral("--mfa"), QStringLiteral("--tag"), QStringLiteral("Project=blue"),
        QStringLiteral("--transitive-tag-key"), QStringLiteral("Project"), QStringLiteral("--context"),
        QStringLiteral("aws:RequestedRegion=eu-west-1"), QStringLiteral("--session-policy"), policyFile,
        QStringLiteral("--session-name"), QStringLiteral("alice"), QStringLiteral("--time"),
        QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--check"), QStringLiteral("s3:GetObject"),
        QStringLiteral("arn:aws:s3:::b/k"), QStringLiteral("--format"), QStringLiteral("json") };
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonArray hops = json.value(QStringLiteral("hops")).toArray();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops.at(1).toObject().value(QStringLiteral("assumedRoleArn")).toString(),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/Second/alice"));
    QCOMPARE(hops.at(1).toObject().value(QStringLiteral("chained")).toBool(), true);
    QCOMPARE(hops.at(1).toObject().value(QStringLiteral("sessionTags")).toArray().size(), 1);

    // The session policy limits the last session: s3:PutObject is denied although the role allows it.
    args[args.indexOf(QStringLiteral("s3:GetObject"))] = QStringLiteral("s3:PutObject");
    QCOMPARE(runCli(args).exitCode, 1);

    // Without the external ID the first hop is denied.
    args.removeAt(args.indexOf(QStringLiteral("--external-id")) + 1);
    args.removeAt(args.indexOf(QStringLiteral("--external-id")));
    const CliRun denied = runCli(args);
    QCOMPARE(denied.exitCode, 1);
    QCOMPARE(QJsonDocument::fromJson(denied.out.toUtf8()).object().value(QStringLiteral("hops")).toArray().size(), 1);
    // The second hop of a chain is capped at one hour (IAM User Guide, "Role chaining").
    args << QStringLiteral("--external-id") << QStringLiteral("X-1") << QStringLiteral("--duration")
         << QStringLiteral("7200");
    const CliRun capped = runCli(args);
    QCOMPARE(capped.exitCode, 1);
    QVERIFY2(capped.out.contains(QStringLiteral("1 hour session limit for roles assumed by role chaining")),
        qPrintable(capped.out));
}

QString TestAssumeCommand::writeFile(const QString &name, const QByteArray &text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// alice assumes First (external ID and MFA), whose session assumes Second (in eu-west-1); no role yet.
QStringList TestAssumeCommand::chainArgs() const
{
    return { QStringLiteral("assume"), QStringLiteral("--workspace"), m_chainWorkspace, QStringLiteral("--principal"),
        QStringLiteral("arn:aws:iam::111122223333:user/alice"), QStringLiteral("--external-id"), QStringLiteral("X-1"),
        QStringLiteral("--mfa"), QStringLiteral("--context"), QStringLiteral("aws:RequestedRegion=eu-west-1"),
        QStringLiteral("--time"), QStringLiteral("2026-01-01T00:00:00Z"), QStringLiteral("--format"),
        QStringLiteral("json") };
}

void TestAssumeCommand::hopOptionsGoWithTheRoleBeforeThem()
{
    const QString first = QStringLiteral("arn:aws:iam::111122223333:role/First");
    const QString second = QStringLiteral("arn:aws:iam::111122223333:role/Second");
    const QString s3Only = writeFile(QStringLiteral("s3-only.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
    const QString getOnly = writeFile(QStringLiteral("get-only.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})");
    auto hops = [](const CliRun &run) {
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("hops")).toArray();
    };

    // IAM User Guide, "Session policies": a session policy on the first hop without sts:AssumeRole stops the second.
    QStringList args = chainArgs();
    args << QStringLiteral("--role") << first << QStringLiteral("--hop-session-policy") << s3Only
         << QStringLiteral("--role") << second;
    CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(hops(run).size(), 2);
    QCOMPARE(hops(run).at(0).toObject().value(QStringLiteral("sessionPolicies")).toArray(),
        QJsonArray { QStringLiteral("inline session policy of hop 1") });
    const QJsonObject failure = hops(run).at(1).toObject().value(QStringLiteral("failure")).toObject();
    QCOMPARE(failure.value(QStringLiteral("code")).toString(), QStringLiteral("AccessDenied"));
    QVERIFY2(failure.value(QStringLiteral("message")).toString().contains(QStringLiteral("session policy")),
        qPrintable(run.out));

    // Tags per hop: the first hop's transitive tag reaches the second session, which adds its own; the second hop's
    // session policy limits the final session (IAM User Guide, "Chaining roles with session tags").
    args = chainArgs();
    args << QStringLiteral("--role") << first << QStringLiteral("--hop-tag") << QStringLiteral("Team=a")
         << QStringLiteral("--hop-transitive-tag-key") << QStringLiteral("Team") << QStringLiteral("--role") << second
         << QStringLiteral("--hop-tag") << QStringLiteral("Project=b") << QStringLiteral("--hop-session-policy")
         << getOnly << QStringLiteral("--check") << QStringLiteral("s3:GetObject")
         << QStringLiteral("arn:aws:s3:::b/k");
    run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject hop2 = hops(run).at(1).toObject();
    QCOMPARE(hop2.value(QStringLiteral("sessionTags")).toArray().size(), 2);
    QCOMPARE(hop2.value(QStringLiteral("inheritedTagKeys")).toArray(), QJsonArray { QStringLiteral("Team") });
    QCOMPARE(hop2.value(QStringLiteral("sessionPolicies")).toArray(),
        QJsonArray { QStringLiteral("inline session policy of hop 2") });
    QCOMPARE(hops(run).at(0).toObject().value(QStringLiteral("sessionTags")).toArray().size(), 1);
    args[args.indexOf(QStringLiteral("s3:GetObject"))] = QStringLiteral("s3:PutObject");
    QCOMPARE(runCli(args).exitCode, 1);

    // Text shows where each tag came from.
    args[args.indexOf(QStringLiteral("json"))] = QStringLiteral("text");
    run = runCli(args);
    QVERIFY2(run.out.contains(QStringLiteral("  session tag: Team=a (inherited) (transitive)\n")), qPrintable(run.out));
    QVERIFY2(
        run.out.contains(QStringLiteral("  session policy: inline session policy of hop 2\n")), qPrintable(run.out));

    // AWS STS API Reference, AssumeRole, "Request Parameters", Tags: the second hop may not pass the inherited key.
    args = chainArgs();
    args << QStringLiteral("--role") << first << QStringLiteral("--hop-tag") << QStringLiteral("Team=a")
         << QStringLiteral("--hop-transitive-tag-key") << QStringLiteral("Team") << QStringLiteral("--role") << second
         << QStringLiteral("--hop-tag") << QStringLiteral("team=c");
    run = runCli(args);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(hops(run).at(1).toObject().value(QStringLiteral("failure")).toObject().value(QStringLiteral("code")),
        QJsonValue(QStringLiteral("InvalidParameterValue")));

    // Per-hop duration: the first hop may last two hours (First allows 7,200 s), the chained one one hour at most.
    args = chainArgs();
    args << QStringLiteral("--role") << first << QStringLiteral("--hop-duration") << QStringLiteral("7200")
         << QStringLiteral("--role") << second;
    run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(hops(run).at(0).toObject().value(QStringLiteral("durationSeconds")).toInt(), 7200);
    QCOMPARE(hops(run).at(1).toObject().value(QStringLiteral("durationSeconds")).toInt(), 3600);
}

void TestAssumeCommand::permissionsListResourcesAndTheDecidingCondition()
{
    // The role may put any object of my-log-bucket; the session policy narrows it to one prefix, on a condition of
    // its own (IAM User Guide, "Session policies").
    const QString narrowing = writeFile(QStringLiteral("narrowing.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject",)"
        R"("Resource":"arn:aws:s3:::my-log-bucket/2026/*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}]})");
    QStringList args = lambdaArgs();
    args << QStringLiteral("--permissions") << QStringLiteral("--session-policy") << narrowing;
    CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject action = QJsonDocument::fromJson(run.out.toUtf8())
                                   .object()
                                   .value(QStringLiteral("effectivePermissions"))
                                   .toObject()
                                   .value(QStringLiteral("services"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QStringLiteral("actions"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(action.value(QStringLiteral("action")).toString(), QStringLiteral("s3:PutObject"));
    QCOMPARE(action.value(QStringLiteral("conditional")).toBool(), true);
    const QJsonObject resource = action.value(QStringLiteral("resources")).toArray().first().toObject();
    QCOMPARE(resource.value(QStringLiteral("pattern")).toString(), QStringLiteral("arn:aws:s3:::my-log-bucket/2026/*"));
    const QJsonObject condition = resource.value(QStringLiteral("conditions")).toArray().first().toObject();
    QCOMPARE(condition.value(QStringLiteral("type")).toString(), QStringLiteral("session"));
    QCOMPARE(condition.value(QStringLiteral("policy")).toString(), QStringLiteral("inline session policy"));
    QCOMPARE(condition.value(QStringLiteral("keys")).toArray(), QJsonArray { QStringLiteral("aws:SourceVpc") });

    args[args.indexOf(QStringLiteral("json"))] = QStringLiteral("text");
    run = runCli(args);
    QVERIFY2(run.out.contains(QStringLiteral("    s3:PutObject (Write): arn:aws:s3:::my-log-bucket/2026/*\n")),
        qPrintable(run.out));
    QVERIFY2(
        run.out.contains(QStringLiteral("      conditional (arn:aws:s3:::my-log-bucket/2026/*): Allow condition of "
                                        "the session policy `inline session policy`, statement 1: aws:SourceVpc\n")),
        qPrintable(run.out));
}

void TestAssumeCommand::badUsageExitsTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("message");
    QTest::newRow("a role the workspace does not have")
        << QStringList { QStringLiteral("--role"), QStringLiteral("arn:aws:iam::111122223333:role/Nope") }
        << QStringLiteral("is not in the workspace");
    QTest::newRow("a tag without =") << QStringList { QStringLiteral("--tag"), QStringLiteral("novalue") }
                                     << QStringLiteral("is not KEY=VALUE");
    QTest::newRow("a time that is not ISO 8601")
        << QStringList { QStringLiteral("--time"), QStringLiteral("soon") } << QStringLiteral("ISO 8601");
    QTest::newRow("an unknown api") << QStringList { QStringLiteral("--api"), QStringLiteral("magic") }
                                    << QStringLiteral("--api");
    QTest::newRow("a missing session policy file")
        << QStringList { QStringLiteral("--session-policy"), QStringLiteral("/nonexistent/policy.json") }
        << QStringLiteral("policy.json");
    QTest::newRow("a per-hop option before any --role")
        << QStringList { QStringLiteral("--hop-tag"), QStringLiteral("Team=a"), QStringLiteral("before") }
        << QStringLiteral("--hop-tag `Team=a` comes before any --role");
    QTest::newRow("a per-hop tag without =") << QStringList { QStringLiteral("--hop-tag"), QStringLiteral("novalue") }
                                             << QStringLiteral("--hop-tag `novalue` is not KEY=VALUE");
    QTest::newRow("a per-hop duration that is not a number") << QStringList { QStringLiteral("--hop-duration"),
        QStringLiteral("1h") } << QStringLiteral("--hop-duration `1h` is not a number of seconds");
    QTest::newRow("a per-hop session policy given twice for one hop")
        << QStringList { QStringLiteral("--hop-session-policy"), QStringLiteral(RD_SOURCE_DIR "/README.md"),
               QStringLiteral("--hop-session-policy"), QStringLiteral(RD_SOURCE_DIR "/README.md") }
        << QStringLiteral("--hop-session-policy is given twice for hop 1");
    QTest::newRow("a missing per-hop session policy file")
        << QStringList { QStringLiteral("--hop-session-policy"), QStringLiteral("/nonexistent/hop-policy.json") }
        << QStringLiteral("cannot open `/nonexistent/hop-policy.json`");
}

void TestAssumeCommand::badUsageExitsTwoWithOneLine()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, message);
    QStringList args = lambdaArgs();
    if (extra.first() == QStringLiteral("--role")) {
        args[args.indexOf(kLambdaRole)] = extra.at(1);
    } else if (extra.first() == QStringLiteral("--time")) {
        args[args.indexOf(QStringLiteral("--time")) + 1] = extra.at(1);
    } else if (extra.last() == QStringLiteral("before")) {
        args.insert(1, extra.at(0));
        args.insert(2, extra.at(1));
    } else {
        args << extra;
    }
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);

    const CliRun noWorkspace = runCli({ QStringLiteral("assume"), QStringLiteral("--workspace"),
        QStringLiteral("/nonexistent.rdws"), QStringLiteral("--principal"), QStringLiteral("lambda.amazonaws.com"),
        QStringLiteral("--role"), kLambdaRole });
    QCOMPARE(noWorkspace.exitCode, 2);
    QCOMPARE(runCli({ QStringLiteral("assume"), QStringLiteral("--workspace"), kExample }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAssumeCommand)
#include "TestAssumeCommand.moc"
