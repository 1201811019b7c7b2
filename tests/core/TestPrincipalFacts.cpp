// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// evaluateKnownConditions: the global condition keys a user's or role's facts tell (IAM User Guide, "AWS global
// condition context keys"), evaluated with the evaluator's own operators ("IAM JSON policy elements: Condition
// operators"); every other key stays unknown.
#include "PolicyText.h"
#include "rd/core/analysis/PrincipalFacts.h"

#include <QtTest>

#include <string>

using namespace rd::core;

class TestPrincipalFacts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void evaluate_data();
    void evaluate();
};

namespace
{

User alice()
{
    User user;
    user.accountId = "111122223333";
    user.name = "alice";
    user.arn = "arn:aws:iam::111122223333:user/alice";
    user.awsId = "AIDAALICE";
    user.tags = { { "Team", "blue" } };
    return user;
}

Role app()
{
    Role role;
    role.accountId = "111122223333";
    role.name = "App";
    role.arn = "arn:aws:iam::111122223333:role/App";
    role.tags = { { "team", "red" } };
    return role;
}

} // namespace

void TestPrincipalFacts::evaluate_data()
{
    QTest::addColumn<bool>("user");
    QTest::addColumn<QString>("condition");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QStringList>("unknownKeys");

    const int holds = int(ConditionOutcome::Holds);
    const int fails = int(ConditionOutcome::Fails);
    const int unknown = int(ConditionOutcome::Unknown);
    QTest::newRow("AWS global condition context keys: aws:PrincipalArn with ArnLike holds for the user")
        << true << R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}})" << holds << QStringList();
    QTest::newRow("AWS global condition context keys: a role's aws:PrincipalArn is the role's ARN")
        << false << R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}})" << fails << QStringList();
    QTest::newRow("AWS global condition context keys: aws:PrincipalAccount compares the account")
        << false << R"({"StringEquals":{"aws:PrincipalAccount":"111122223333"}})" << holds << QStringList();
    QTest::newRow("IAM JSON policy elements: Condition: key names are case-insensitive, the tag key too")
        << true << R"({"StringEquals":{"AWS:PrincipalTag/team":"blue"}})" << holds << QStringList();
    QTest::newRow("Condition operators: Null true on a tag the role lacks holds")
        << false << R"({"Null":{"aws:PrincipalTag/owner":"true"}})" << holds << QStringList();
    QTest::newRow("Condition operators: ...IfExists on a tag the role lacks holds")
        << false << R"({"StringEqualsIfExists":{"aws:PrincipalTag/owner":"bob"}})" << holds << QStringList();
    QTest::newRow("AWS global condition context keys: aws:username is absent for roles")
        << false << R"({"StringLike":{"aws:username":"*"}})" << fails << QStringList();
    QTest::newRow("IAM policy elements: Variables: a variable of a known key is expanded")
        << true << R"({"StringEquals":{"aws:PrincipalTag/team":"${aws:PrincipalTag/team}"}})" << holds << QStringList();
    QTest::newRow("IAM policy elements: Variables: a variable of an unknown key leaves the condition unknown")
        << true << R"({"StringEquals":{"aws:username":"${aws:SourceIdentity}"}})" << unknown
        << QStringList { "aws:username" };
    QTest::newRow("AWS global condition context keys: a role's aws:userid is unknown (it holds the session name)")
        << false << R"({"StringLike":{"aws:userid":"AROA*"}})" << unknown << QStringList { "aws:userid" };
    QTest::newRow("IAM JSON policy elements: Condition: a failing known condition fails whatever the unknown ones")
        << true << R"({"StringEquals":{"aws:username":"bob"},"Bool":{"aws:SecureTransport":"true"}})" << fails
        << QStringList();
    QTest::newRow("IAM JSON policy elements: Condition: a holding known condition leaves the unknown keys")
        << true << R"({"StringEquals":{"aws:userid":"AIDAALICE"},"Bool":{"aws:SecureTransport":"true"}})" << unknown
        << QStringList { "aws:SecureTransport" };
}

void TestPrincipalFacts::evaluate()
{
    QFETCH(bool, user);
    QFETCH(QString, condition);
    QFETCH(int, outcome);
    QFETCH(QStringList, unknownKeys);

    const std::string statement =
        R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":)" + condition.toStdString() + "}";
    const CompiledPolicy policy =
        CompiledPolicy::compile(rd::test::policyOf(rd::test::policyDocument(statement)), "test");
    const PrincipalFacts facts = user ? PrincipalFacts::of(alice()) : PrincipalFacts::of(app());
    const ConditionVerdict verdict = evaluateKnownConditions(policy.statements().front(), &facts);
    QCOMPARE(int(verdict.outcome), outcome);
    QStringList keys;
    for (const std::string &k : verdict.unknownKeys)
        keys << QString::fromStdString(k);
    QCOMPARE(keys, unknownKeys);
    // Without facts (accounts, services, providers) every key is unknown.
    QCOMPARE(evaluateKnownConditions(policy.statements().front(), nullptr).outcome, ConditionOutcome::Unknown);
}

QTEST_APPLESS_MAIN(TestPrincipalFacts)
#include "TestPrincipalFacts.moc"
