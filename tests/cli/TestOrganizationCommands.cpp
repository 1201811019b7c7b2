// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The command line with an organization: `import` of several accounts with the organization and resources files,
// `simulate --workspace`, `assume` and `reach` on the bundled example organization (docs/EVALUATION.md, "The
// organization").
#include "CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using rd::test::CliRun;
using rd::test::runCli;

namespace
{

const QString kData = QStringLiteral(RD_SOURCE_DIR "/tests/data/organization/");
const QString kExample = QStringLiteral(RD_SOURCE_DIR "/resources/examples/organization.rdws");

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestOrganizationCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsSeveralAccountsWithTheOrganization();
    void importRefusesAnArnInTwoFilesNamingBoth();
    void simulateNamesTheScpAndWhereItIsAttached();
    void simulateSaysWhatItAssumedOfAnOutsideAccount();
    void simulateNeedsTheWholeRequest();
    void assumeAppliesScpsToTheSessionCheck();
    void reachDropsWhatAnScpDenies();

private:
    QTemporaryDir m_dir;
};

void TestOrganizationCommands::importsSeveralAccountsWithTheOrganization()
{
    const QString out = m_dir.filePath(QStringLiteral("org.rdws"));
    const CliRun run = runCli({ QStringLiteral("import"), QStringLiteral("--gaad"), kData + "gaad-management.json",
        kData + "gaad-prod.json", QStringLiteral("--gaad"), kData + "gaad-dev.json", QStringLiteral("--gaad"),
        kData + "gaad-sandbox.json", QStringLiteral("--organization"), kData + "organization.json",
        QStringLiteral("--resources"), kData + "resources.json", QStringLiteral("--out"), out,
        QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject summary = jsonObject(run.out);
    QCOMPARE(summary.value(QStringLiteral("accounts")).toInt(), 4);
    QCOMPARE(summary.value(QStringLiteral("roles")).toInt(), 10);
    QCOMPARE(summary.value(QStringLiteral("organizationAccounts")).toInt(), 4);
    QCOMPARE(summary.value(QStringLiteral("organizationPolicies")).toInt(), 5);
    QCOMPARE(summary.value(QStringLiteral("resources")).toInt(), 4);
    // The same file as the bundled example.
    QFile written(out);
    QFile example(kExample);
    QVERIFY(written.open(QIODevice::ReadOnly) && example.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), example.readAll());
}

void TestOrganizationCommands::importRefusesAnArnInTwoFilesNamingBoth()
{
    const CliRun run =
        runCli({ QStringLiteral("import"), QStringLiteral("--gaad"), kData + "gaad-prod.json", QStringLiteral("--gaad"),
            kData + "gaad-prod.json", QStringLiteral("--out"), m_dir.filePath(QStringLiteral("never.rdws")) });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("is in both `%1` and `%1`").arg(kData + "gaad-prod.json")),
        qPrintable(run.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.rdws"))));
}

void TestOrganizationCommands::simulateNamesTheScpAndWhereItIsAttached()
{
    const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole"),
        QStringLiteral("--action"), QStringLiteral("s3:DeleteBucket"), QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::prod-data"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 1);
    const QJsonObject result = jsonObject(run.out);
    QCOMPARE(result.value(QStringLiteral("decision")).toString(), QStringLiteral("ExplicitlyDenied"));
    const QJsonObject deciding = result.value(QStringLiteral("deciding")).toArray().at(0).toObject();
    QCOMPARE(deciding.value(QStringLiteral("kind")).toString(), QStringLiteral("SCP"));
    QCOMPARE(deciding.value(QStringLiteral("policy")).toString(), QStringLiteral("DenyDeleteBucket"));
    const QJsonObject at = deciding.value(QStringLiteral("attachedTo")).toObject();
    QCOMPARE(at.value(QStringLiteral("type")).toString(), QStringLiteral("root"));
    QCOMPARE(at.value(QStringLiteral("id")).toString(), QStringLiteral("r-ex12"));
    // Text: the same, in a sentence.
    const CliRun text =
        runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample, QStringLiteral("--principal"),
            QStringLiteral("arn:aws:iam::444444444444:role/SandboxUser"), QStringLiteral("--action"),
            QStringLiteral("dynamodb:CreateTable"), QStringLiteral("--resource"), QStringLiteral("*") });
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.startsWith(QStringLiteral("ImplicitlyDenied: ")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("no SCP attached to OU ou-ex12-sandbox1 allows the request")),
        qPrintable(text.out));
    const CliRun allowed = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::444444444444:role/SandboxUser"),
        QStringLiteral("--action"), QStringLiteral("s3:PutObject"), QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::sandbox-scratch/x") });
    QCOMPARE(allowed.exitCode, 0);
}

void TestOrganizationCommands::simulateSaysWhatItAssumedOfAnOutsideAccount()
{
    const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::999999999999:user/partner"),
        QStringLiteral("--action"), QStringLiteral("s3:GetObject"), QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::prod-data/x.csv"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 1);
    const QJsonObject result = jsonObject(run.out);
    const QJsonObject deciding = result.value(QStringLiteral("deciding")).toArray().at(0).toObject();
    QCOMPARE(deciding.value(QStringLiteral("kind")).toString(), QStringLiteral("RCP"));
    QCOMPARE(deciding.value(QStringLiteral("attachedTo")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("Workloads"));
    QVERIFY(result.value(QStringLiteral("assumptions"))
                .toArray()
                .at(0)
                .toString()
                .contains(QStringLiteral("assumed to allow on their side")));
    // With the partner's organization id given, the RCP's condition no longer holds: the bucket policy allows.
    const CliRun given = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::999999999999:user/partner"),
        QStringLiteral("--action"), QStringLiteral("s3:GetObject"), QStringLiteral("--resource"),
        QStringLiteral("arn:aws:s3:::prod-data/x.csv"), QStringLiteral("--context"),
        QStringLiteral("aws:PrincipalOrgID=o-exampleorg1") });
    QCOMPARE(given.exitCode, 0);
}

void TestOrganizationCommands::simulateNeedsTheWholeRequest()
{
    const CliRun run = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::444444444444:role/SandboxUser") });
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("--principal, --action and --resource")));
    const CliRun bad = runCli({ QStringLiteral("simulate"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::444444444444:role/SandboxUser"),
        QStringLiteral("--action"), QStringLiteral("s3:GetObject"), QStringLiteral("--resource"), QStringLiteral("*"),
        QStringLiteral("--context"), QStringLiteral("novalue") });
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("expected KEY=VALUE")));
}

void TestOrganizationCommands::assumeAppliesScpsToTheSessionCheck()
{
    const CliRun run = runCli({ QStringLiteral("assume"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--principal"), QStringLiteral("arn:aws:iam::111111111111:user/alice"), QStringLiteral("--role"),
        QStringLiteral("arn:aws:iam::333333333333:role/Developer"), QStringLiteral("--check"),
        QStringLiteral("s3:DeleteBucket"), QStringLiteral("arn:aws:s3:::prod-data"), QStringLiteral("--time"),
        QStringLiteral("2026-01-01T00:00:00Z") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("DenyDeleteBucket attached to the root r-ex12")), qPrintable(run.out));
}

void TestOrganizationCommands::reachDropsWhatAnScpDenies()
{
    // Who can delete the prod bucket: the management account's principals (SCPs do not limit them); not the
    // member accounts' administrators, whom the root's DenyDeleteBucket stops.
    const CliRun run = runCli({ QStringLiteral("reach"), QStringLiteral("--workspace"), kExample,
        QStringLiteral("--resource"), QStringLiteral("arn:aws:s3:::prod-data"), QStringLiteral("--action"),
        QStringLiteral("s3:DeleteBucket"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray answers = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QStringList principals;
    for (const QJsonValue &answer : answers)
        principals << answer.toObject().value(QStringLiteral("principal")).toString();
    QVERIFY2(principals.contains(QStringLiteral("arn:aws:iam::111111111111:role/OrgAdmin")),
        qPrintable(principals.join(QLatin1Char(' '))));
    QVERIFY2(!principals.contains(QStringLiteral("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")),
        qPrintable(principals.join(QLatin1Char(' '))));
    QVERIFY2(!principals.contains(QStringLiteral("arn:aws:iam::333333333333:role/CiDeploy")),
        qPrintable(principals.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestOrganizationCommands)

#include "TestOrganizationCommands.moc"
