// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Role templates: each fills its blanks and yields a role with no finding at all; the classic Lambda role's
// documents are exactly the ones AWS's tutorials use.
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/validation/RoleValidator.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <QtTest>

using namespace rd::core;

class TestRoleTemplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTemplateHasNoFinding_data();
    void everyTemplateHasNoFinding();
    void theClassicLambdaRole();
    void refusesMalformedBlanks_data();
    void refusesMalformedBlanks();
};

void TestRoleTemplate::everyTemplateHasNoFinding_data()
{
    QTest::addColumn<QString>("id");
    for (const RoleTemplate &t : roleTemplates())
        QTest::newRow(t.id.c_str()) << QString::fromStdString(t.id);
}

void TestRoleTemplate::everyTemplateHasNoFinding()
{
    QFETCH(QString, id);
    const RoleTemplate *t = findRoleTemplate(id.toStdString());
    QVERIFY(t);
    QVERIFY(!t->title.empty() && !t->description.empty());
    std::string error;
    std::optional<Role> role = buildRole(*t, "111122223333", {}, error);
    QVERIFY2(role, error.c_str());
    Workspace ws;
    ws.ensureAccount("111122223333");
    const RoleId rid = ws.add(*role);
    const RoleFindings findings = validateRole(ws, *ws.role(rid));
    QString list;
    auto collect = [&](const Diagnostics &ds) {
        for (const Diagnostic &d : ds)
            list += QString::fromStdString(d.code + " " + d.message + "\n");
    };
    collect(findings.role);
    collect(findings.trustPolicy);
    for (const auto &[name, ds] : findings.inlinePolicies)
        collect(ds);
    QVERIFY2(findings.count() == 0, qPrintable(list));
}

void TestRoleTemplate::theClassicLambdaRole()
{
    std::string error;
    const std::optional<Role> role =
        buildRole(*findRoleTemplate("lambda-s3-logs"), "111122223333", { { "bucket", "my-log-bucket" } }, error);
    QVERIFY(role);
    QCOMPARE(role->name, std::string("LambdaLogWriter"));
    QCOMPARE(role->arn, std::string("arn:aws:iam::111122223333:role/service-role/LambdaLogWriter"));
    // The two documents AWS's Lambda tutorials use (kept out of the macros: moc misreads raw strings in them).
    const std::string trust =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
    const std::string permissions =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-log-bucket/*"}]})";
    QCOMPARE(writePolicy(role->trustPolicy, WriteStyle::Minified), trust);
    QCOMPARE(role->inlinePolicies.size(), std::size_t { 1 });
    QCOMPARE(writePolicy(role->inlinePolicies.front().document, WriteStyle::Minified), permissions);
}

void TestRoleTemplate::refusesMalformedBlanks_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addRow("role name with a space") << "lambda-s3-logs"
                                            << "name"
                                            << "my role";
    QTest::addRow("upper-case bucket") << "lambda-s3-logs"
                                       << "bucket"
                                       << "MyBucket";
    QTest::addRow("short account id") << "cross-account"
                                      << "trustedAccount"
                                      << "1234";
    QTest::addRow("external id with a quote") << "cross-account"
                                              << "externalId"
                                              << "a\"b";
    QTest::addRow("repository without owner") << "github-oidc"
                                              << "repository"
                                              << "website";
}

void TestRoleTemplate::refusesMalformedBlanks()
{
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, value);
    std::string error;
    QVERIFY(!buildRole(
        *findRoleTemplate(id.toStdString()), "111122223333", { { key.toStdString(), value.toStdString() } }, error));
    QVERIFY(!error.empty());
    QVERIFY(!buildRole(*findRoleTemplate(id.toStdString()), "not-an-account", {}, error));
}

QTEST_APPLESS_MAIN(TestRoleTemplate)
#include "TestRoleTemplate.moc"
