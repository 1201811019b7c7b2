// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Reachability with explicit denies and conditions on keys known from the principal (docs/REACHABILITY.md, "Denies
// and conditions"). Each row names the page it relies on: IAM User Guide, "Policy evaluation logic", "IAM JSON policy
// elements: NotAction", "IAM JSON policy elements: NotResource", "Permissions boundaries for IAM entities", "AWS
// global condition context keys", "Role chaining"; Amazon S3 User Guide, "Bucket policies for Amazon S3".
#include "PolicyText.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/Reachability.h"

#include <QtTest>

#include <algorithm>
#include <string>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestReachDenies : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whoCan_data();
    void whoCan();
    void trustConditionsPerCaller_data();
    void trustConditionsPerCaller();
    void roleChainActsAsTheLastRole_data();
    void roleChainActsAsTheLastRole();
    void whatCan_data();
    void whatCan();
};

namespace
{

const std::string kA = "111122223333";
const std::string kApp = "arn:aws:iam::111122223333:role/App";
const std::string kOther = "arn:aws:iam::111122223333:role/Other";
const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kBob = "arn:aws:iam::111122223333:user/bob";
const std::string kCarol = "arn:aws:iam::111122223333:user/carol";
const std::string kHop = "arn:aws:iam::111122223333:role/Hop";
const std::string kFinal = "arn:aws:iam::111122223333:role/Final";
const std::string kTarget = "arn:aws:iam::111122223333:role/Target";
const std::string kBoundary = "arn:aws:iam::111122223333:policy/Boundary";
const std::string kSecretBucket = "arn:aws:s3:::secret";
const std::string kSecretObject = "arn:aws:s3:::secret/report.csv";
const std::string kPublicObject = "arn:aws:s3:::public/index.html";

std::string trustOf(const std::string &principal, const std::string &condition = {})
{
    return R"({"Effect":"Allow","Principal":{"AWS":")" + principal + R"("},"Action":"sts:AssumeRole")"
        + (condition.empty() ? std::string() : ",\"Condition\":" + condition) + "}";
}

std::vector<Tag> tagsOf(const QString &text)
{
    std::vector<Tag> tags;
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList kv = pair.split(QLatin1Char('='));
        tags.push_back({ kv.value(0).toStdString(), kv.value(1).toStdString() });
    }
    return tags;
}

Role roleOf(const std::string &arn, const std::string &trust, const std::string &permissions)
{
    Role role;
    role.accountId = accountOfArn(arn);
    role.name = arn.substr(arn.rfind('/') + 1);
    role.arn = arn;
    role.trustPolicy = policyOf(policyDocument(trust));
    if (!permissions.empty())
        role.inlinePolicies.push_back({ role.name + "Permissions", policyOf(policyDocument(permissions)) });
    return role;
}

User userOf(const std::string &arn, const std::string &permissions = {})
{
    User user;
    user.accountId = accountOfArn(arn);
    user.name = arn.substr(arn.rfind('/') + 1);
    user.arn = arn;
    if (!permissions.empty())
        user.inlinePolicies.push_back({ user.name + "Permissions", policyOf(policyDocument(permissions)) });
    return user;
}

/// Role App with the given inline statements, boundary statements and tags; the bucket `secret` modelled with the
/// given policy statements (when any).
Workspace appWorkspace(
    const QString &identity, const QString &boundary, const QString &resourcePolicy, const QString &tags)
{
    Workspace w;
    w.name = "denies";
    w.accounts.push_back({ kA, "a" });
    Role app = roleOf(kApp, trustOf("arn:aws:iam::111122223333:root"), identity.toStdString());
    app.tags = tagsOf(tags);
    if (!boundary.isEmpty()) {
        app.permissionsBoundaryArn = kBoundary;
        ManagedPolicy policy;
        policy.name = "Boundary";
        policy.arn = kBoundary;
        policy.defaultVersionId = "v1";
        policy.versions.push_back({ "v1", true, {}, policyOf(policyDocument(boundary.toStdString())) });
        w.add(policy);
    }
    w.add(app);
    w.add(roleOf(kOther, trustOf("arn:aws:iam::111122223333:root"), {}));
    if (!resourcePolicy.isEmpty()) {
        Resource bucket;
        bucket.arn = kSecretBucket;
        bucket.type = "AWS::S3::Bucket";
        bucket.accountId = kA;
        bucket.policy = policyOf(policyDocument(resourcePolicy.toStdString()));
        w.add(bucket);
    }
    return w;
}

const ReachAnswer *answerOf(const std::vector<ReachAnswer> &answers, const std::string &principal)
{
    auto it =
        std::find_if(answers.begin(), answers.end(), [&](const ReachAnswer &a) { return a.principal == principal; });
    return it == answers.end() ? nullptr : &*it;
}

QStringList keysOf(const ReachAnswer &answer)
{
    QStringList keys;
    for (const ReachHop &hop : answer.path)
        for (const std::string &k : hop.conditionKeys)
            if (!keys.contains(QString::fromStdString(k)))
                keys << QString::fromStdString(k);
    return keys;
}

QStringList deniesOf(const ReachAnswer &answer)
{
    QStringList out;
    for (const GraphDeny &d : answer.denies)
        out << QStringLiteral("%1#%2").arg(QString::fromStdString(d.statement.policy)).arg(d.statement.index);
    return out;
}

/// JSON text written as a raw string (moc cannot read raw strings inside QStringLiteral).
QString j(const char *text)
{
    return QString::fromUtf8(text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

const QString kAllowS3 = j(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
const QString kAllowAll = j(R"({"Effect":"Allow","Action":"*","Resource":"*"})");

} // namespace

void TestReachDenies::whoCan_data()
{
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("boundary");
    QTest::addColumn<QString>("resourcePolicy");
    QTest::addColumn<QString>("tags");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("reaches");
    QTest::addColumn<bool>("conditional");
    QTest::addColumn<QStringList>("keys");

    const QString denyGet =
        kAllowS3 + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})");
    const QString secret = q(kSecretObject);
    const QString pub = q(kPublicObject);
    const QString get = QStringLiteral("s3:GetObject");
    const QString put = QStringLiteral("s3:PutObject");

    QTest::newRow("Policy evaluation logic: an identity deny of the exact action and resource removes the answer")
        << denyGet << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    QTest::newRow("Policy evaluation logic: an identity deny on another resource keeps the answer")
        << denyGet << ""
        << ""
        << "" << pub << get << true << false << QStringList();
    QTest::newRow("Policy evaluation logic: an identity deny of another action keeps the answer")
        << denyGet << ""
        << ""
        << "" << secret << put << true << false << QStringList();
    QTest::newRow("Policy evaluation logic: without an action, the answer keeps the actions the deny leaves")
        << denyGet << ""
        << ""
        << "" << secret << "" << true << false << QStringList();
    const QString notAction = kAllowS3 + j(R"(,{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*"})");
    QTest::newRow("IAM JSON policy elements: NotAction: a deny of all but s3:GetObject keeps s3:GetObject")
        << notAction << ""
        << ""
        << "" << secret << get << true << false << QStringList();
    QTest::newRow("IAM JSON policy elements: NotAction: a deny of all but s3:GetObject removes s3:PutObject")
        << notAction << ""
        << ""
        << "" << secret << put << false << false << QStringList();
    const QString notResource =
        kAllowS3 + j(R"(,{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::public/*"})");
    QTest::newRow("IAM JSON policy elements: NotResource: a deny outside the public bucket removes the secret object")
        << notResource << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    QTest::newRow("IAM JSON policy elements: NotResource: a deny outside the public bucket keeps the public object")
        << notResource << ""
        << ""
        << "" << pub << get << true << false << QStringList();
    const QString boundaryDeny =
        kAllowAll + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})");
    QTest::newRow("Permissions boundaries for IAM entities: a deny in the boundary removes the answer")
        << kAllowS3 << boundaryDeny << ""
        << "" << secret << get << false << false << QStringList();
    QTest::newRow("Permissions boundaries for IAM entities: a boundary deny on another resource keeps the answer")
        << kAllowS3 << boundaryDeny << ""
        << "" << pub << get << true << false << QStringList();
    const QString bucketDenyApp = QStringLiteral(
        R"({"Effect":"Deny","Principal":{"AWS":"%1"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})")
                                      .arg(q(kApp));
    QTest::newRow("Policy evaluation logic: a deny in the modelled bucket's policy naming the role removes the answer")
        << kAllowS3 << "" << bucketDenyApp << "" << secret << get << false << false << QStringList();
    const QString bucketDenyOther = QString(bucketDenyApp).replace(q(kApp), q(kOther));
    QTest::newRow("Policy evaluation logic: a deny in the bucket's policy naming another principal keeps the answer")
        << kAllowS3 << "" << bucketDenyOther << "" << secret << get << true << false << QStringList();
    QTest::newRow("Bucket policies for Amazon S3: the secret bucket's policy does not govern another bucket")
        << kAllowS3 << "" << bucketDenyApp << "" << pub << get << true << false << QStringList();
    const QString bucketDenyArnLike =
        j(R"({"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::secret/*",)"
          R"("Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/A*"}}})");
    QTest::newRow("AWS global condition context keys: a bucket deny on aws:PrincipalArn matching the role applies")
        << kAllowS3 << "" << bucketDenyArnLike << "" << secret << get << false << false << QStringList();
    const QString conditionalDeny = kAllowS3
        + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*",)"
            R"("Condition":{"Bool":{"aws:SecureTransport":"false"}}})");
    QTest::newRow("Policy evaluation logic: a conditional deny keeps the answer, conditional on the deny's keys")
        << conditionalDeny << ""
        << ""
        << "" << secret << get << true << true << QStringList { "aws:SecureTransport" };
    const QString conditionalBucketDeny =
        j(R"({"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::secret/*",)"
          R"("Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}})");
    QTest::newRow("Policy evaluation logic: a conditional bucket-policy deny keeps the answer with its keys")
        << kAllowS3 << "" << conditionalBucketDeny << "" << secret << get << true << true
        << QStringList { "aws:SourceIp" };
    const QString arnDeny = kAllowS3
        + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"*",)"
            R"("Condition":{"StringEquals":{"aws:PrincipalArn":"%1"}}})");
    QTest::newRow("AWS global condition context keys: a deny on aws:PrincipalArn naming the role applies")
        << arnDeny.arg(q(kApp)) << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    QTest::newRow("AWS global condition context keys: a deny on aws:PrincipalArn naming another principal does not")
        << arnDeny.arg(q(kOther)) << ""
        << ""
        << "" << secret << get << true << false << QStringList();
    const QString accountDeny = kAllowS3
        + j(R"(,{"Effect":"Deny","Action":"s3:*","Resource":"*",)"
            R"("Condition":{"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}})");
    QTest::newRow("AWS global condition context keys: a deny for principals outside the account skips the role")
        << accountDeny << ""
        << ""
        << "" << secret << get << true << false << QStringList();
    const QString tagAllow = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                               R"("Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}})");
    QTest::newRow(
        "AWS global condition context keys: an allow on aws:PrincipalTag the role has applies unconditionally")
        << tagAllow << ""
        << ""
        << "team=blue" << secret << get << true << false << QStringList();
    QTest::newRow("AWS global condition context keys: an allow on aws:PrincipalTag with another value does not apply")
        << tagAllow << ""
        << ""
        << "team=red" << secret << get << false << false << QStringList();
    QTest::newRow("AWS global condition context keys: an allow on aws:PrincipalTag the role lacks does not apply")
        << tagAllow << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    const QString tagAndIp = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                               R"("Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"},)"
                               R"("IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}})");
    QTest::newRow("AWS global condition context keys: a known tag condition that holds leaves only the unknown key")
        << tagAndIp << ""
        << ""
        << "team=blue" << secret << get << true << true << QStringList { "aws:SourceIp" };
    const QString tagDeny = kAllowS3
        + j(R"(,{"Effect":"Deny","Action":"s3:*","Resource":"*",)"
            R"("Condition":{"StringNotEquals":{"aws:PrincipalTag/team":"blue"}}})");
    QTest::newRow("AWS global condition context keys: a deny for all but team blue skips the role tagged blue")
        << tagDeny << ""
        << ""
        << "team=blue" << secret << get << true << false << QStringList();
    QTest::newRow("AWS global condition context keys: a deny for all but team blue applies to an untagged role")
        << tagDeny << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    const QString usernameAllow = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                                    R"("Condition":{"StringEquals":{"aws:username":"App"}}})");
    QTest::newRow("AWS global condition context keys: aws:username is absent for roles, so an allow on it fails")
        << usernameAllow << ""
        << ""
        << "" << secret << get << false << false << QStringList();
    const QString userIdAllow = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                                  R"("Condition":{"StringLike":{"aws:userid":"AROA*"}}})");
    QTest::newRow("AWS global condition context keys: a role's aws:userid holds its session name, so it stays unknown")
        << userIdAllow << ""
        << ""
        << "" << secret << get << true << true << QStringList { "aws:userid" };
}

void TestReachDenies::whoCan()
{
    QFETCH(QString, identity);
    QFETCH(QString, boundary);
    QFETCH(QString, resourcePolicy);
    QFETCH(QString, tags);
    QFETCH(QString, resource);
    QFETCH(QString, action);
    QFETCH(bool, reaches);
    QFETCH(bool, conditional);
    QFETCH(QStringList, keys);

    const AccessGraph graph = AccessGraph::build(appWorkspace(identity, boundary, resourcePolicy, tags));
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers = reach.whoCan(
        resource.toStdString(), action.isEmpty() ? std::nullopt : std::optional<std::string>(action.toStdString()));
    const ReachAnswer *answer = answerOf(answers, kApp);
    QCOMPARE(answer != nullptr, reaches);
    if (!answer)
        return;
    QCOMPARE(answer->conditional, conditional);
    QCOMPARE(keysOf(*answer), keys);
    if (action.isEmpty()) {
        // The deny of s3:GetObject on the secret objects narrows `s3:*` there: the answer lists it.
        QCOMPARE(answer->denies.size(), std::size_t(1));
        QCOMPARE(answer->denies[0].statement.index, std::size_t(1));
    }
}

void TestReachDenies::trustConditionsPerCaller_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("caller");
    QTest::addColumn<bool>("mayAssume");
    QTest::addColumn<bool>("conditional");

    const QString arnIsAlice = j(R"({"StringEquals":{"aws:PrincipalArn":"%1"}})").arg(q(kAlice));
    QTest::newRow("AWS global condition context keys: a trust allowing aws:PrincipalArn alice lets alice assume")
        << arnIsAlice << q(kAlice) << true << false;
    QTest::newRow("AWS global condition context keys: a trust allowing aws:PrincipalArn alice refuses bob")
        << arnIsAlice << q(kBob) << false << false;
    const QString rolesOnly = j(R"({"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"}})");
    QTest::newRow("AWS global condition context keys: a trust for roles only refuses a user")
        << rolesOnly << q(kAlice) << false << false;
    QTest::newRow("AWS global condition context keys: a trust for roles only lets a role assume")
        << rolesOnly << q(kHop) << true << false;
    const QString usernameBob = j(R"({"StringEquals":{"aws:username":"bob"}})");
    QTest::newRow("AWS global condition context keys: aws:username is the user's name")
        << usernameBob << q(kBob) << true << false;
    const QString userIdAndMfa =
        j(R"({"StringEquals":{"aws:userid":"AIDAALICE"},"Bool":{"aws:MultiFactorAuthPresent":"true"}})");
    QTest::newRow("AWS global condition context keys: a user's aws:userid is known; the MFA key stays unknown")
        << userIdAndMfa << q(kAlice) << true << true;
    QTest::newRow("AWS global condition context keys: another user's aws:userid fails")
        << userIdAndMfa << q(kBob) << false << false;
    QTest::newRow("AWS global condition context keys: without the user's unique id, aws:userid stays unknown")
        << j(R"({"StringEquals":{"aws:userid":"AIDAALICE"}})") << q(kCarol) << true << true;
}

void TestReachDenies::trustConditionsPerCaller()
{
    QFETCH(QString, condition);
    QFETCH(QString, caller);
    QFETCH(bool, mayAssume);
    QFETCH(bool, conditional);

    Workspace w;
    w.accounts.push_back({ kA, "a" });
    const std::string assumeAny = R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})";
    User alice = userOf(kAlice, assumeAny);
    alice.awsId = "AIDAALICE";
    w.add(alice);
    User bob = userOf(kBob, assumeAny);
    bob.awsId = "AIDABOB";
    w.add(bob);
    // A user whose unique id the workspace lacks: aws:userid stays unknown.
    w.add(userOf(kCarol, assumeAny));
    w.add(roleOf(kHop, trustOf(kAlice), assumeAny));
    w.add(roleOf(kTarget, trustOf("arn:aws:iam::111122223333:root", condition.toStdString()), {}));
    const AccessGraph graph = AccessGraph::build(w);
    const std::size_t edge =
        graph.findEdge(graph.find(caller.toStdString()), graph.find(kTarget), GraphEdgeKind::MayAssume);
    QCOMPARE(edge != AccessGraph::npos, mayAssume);
    if (edge != AccessGraph::npos) {
        QCOMPARE(graph.edges()[edge].conditional, conditional);
        if (conditional)
            QCOMPARE(graph.edges()[edge].conditionKeys.front(),
                std::string(caller == q(kCarol) ? "aws:userid" : "aws:MultiFactorAuthPresent"));
    }
}

void TestReachDenies::roleChainActsAsTheLastRole_data()
{
    QTest::addColumn<QString>("finalPermissions");
    QTest::addColumn<QString>("finalTags");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("aliceReaches");
    QTest::addColumn<int>("hops");

    const QString denySecret =
        kAllowS3 + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})");
    QTest::newRow("Role chaining: the final role's deny removes the answer for alice at the start of the chain")
        << denySecret << "" << q(kSecretObject) << false << 0;
    QTest::newRow("Role chaining: the final role's deny leaves alice the other bucket, through both roles")
        << denySecret << "" << q(kPublicObject) << true << 3;
    const QString tagged = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                             R"("Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}})");
    QTest::newRow("Role chaining: conditions are judged on the acting role's tags, not alice's (tagged blue)")
        << tagged << "team=blue" << q(kSecretObject) << true << 3;
    QTest::newRow("Role chaining: conditions are judged on the acting role's tags, not alice's (untagged)")
        << tagged << "" << q(kSecretObject) << false << 0;
    const QString arnOfFinal = j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*",)"
                                 R"("Condition":{"StringEquals":{"aws:PrincipalArn":"%1"}}})")
                                   .arg(q(kFinal));
    QTest::newRow("Role chaining: aws:PrincipalArn of the acting session is the final role's ARN")
        << arnOfFinal << "" << q(kSecretObject) << true << 3;
}

void TestReachDenies::roleChainActsAsTheLastRole()
{
    QFETCH(QString, finalPermissions);
    QFETCH(QString, finalTags);
    QFETCH(QString, resource);
    QFETCH(bool, aliceReaches);
    QFETCH(int, hops);

    Workspace w;
    w.accounts.push_back({ kA, "a" });
    User alice = userOf(kAlice, R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})");
    alice.tags = { { "team", "blue" } };
    w.add(alice);
    w.add(roleOf(kHop, trustOf(kAlice), R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})"));
    Role final = roleOf(kFinal, trustOf(kHop), finalPermissions.toStdString());
    final.tags = tagsOf(finalTags);
    w.add(final);
    const AccessGraph graph = AccessGraph::build(w);
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers = reach.whoCan(resource.toStdString(), std::string("s3:GetObject"));
    const ReachAnswer *answer = answerOf(answers, kAlice);
    QCOMPARE(answer != nullptr, aliceReaches);
    QCOMPARE(answerOf(answers, kFinal) != nullptr, aliceReaches);
    if (answer) {
        QCOMPARE(int(answer->path.size()), hops);
        QVERIFY(!answer->conditional);
    }
}

void TestReachDenies::whatCan_data()
{
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("resourcePolicy");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("reaches");
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QStringList>("denies");
    QTest::addColumn<bool>("conditional");
    QTest::addColumn<QStringList>("keys");

    const QString inlinePolicy = QStringLiteral("inline policy AppPermissions of role App#%1");
    const QString bucketPolicy = QStringLiteral("resource policy of arn:aws:s3:::secret#%1");
    QTest::newRow("Policy evaluation logic: what-can keeps s3:* on * and lists the deny that narrows it")
        << kAllowS3 + j(R"(,{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})") << ""
        << "*" << true << QStringList { "s3:*" } << QStringList { inlinePolicy.arg(1) } << false << QStringList();
    QTest::newRow("Policy evaluation logic: a deny covering the whole grant removes the what-can answer")
        << j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"},)"
             R"({"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::secret/*"})")
        << ""
        << "arn:aws:s3:::secret/*" << false << QStringList() << QStringList() << false << QStringList();
    QTest::newRow("Policy evaluation logic: a deny of one of the grant's actions removes that action only")
        << j(R"({"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],)"
             R"("Resource":"arn:aws:s3:::secret/*"},)"
             R"({"Effect":"Deny","Action":"s3:PutObject","Resource":"*"})")
        << ""
        << "arn:aws:s3:::secret/*" << true << QStringList { "s3:getobject" } << QStringList() << false << QStringList();
    QTest::newRow("Policy evaluation logic: a conditional deny covering the whole grant makes it conditional")
        << j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"},)"
             R"({"Effect":"Deny","Action":"s3:*","Resource":"*",)"
             R"("Condition":{"Bool":{"aws:SecureTransport":"false"}}})")
        << ""
        << "arn:aws:s3:::secret/*" << true << QStringList { "s3:getobject" } << QStringList { inlinePolicy.arg(1) }
        << true << QStringList { "aws:SecureTransport" };
    QTest::newRow("IAM JSON policy elements: NotResource: a deny outside the public bucket cuts s3:* on * in part")
        << kAllowS3 + j(R"(,{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::public/*"})") << ""
        << "*" << true << QStringList { "s3:*" } << QStringList { inlinePolicy.arg(1) } << false << QStringList();
    QTest::newRow("Bucket policies for Amazon S3: the bucket's deny of one action narrows a grant on its objects")
        << j(R"({"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::secret/*"})")
        << j(R"({"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject",)"
             R"("Resource":"arn:aws:s3:::secret/*"})")
        << "arn:aws:s3:::secret/*" << true << QStringList { "s3:*" } << QStringList { bucketPolicy.arg(0) } << false
        << QStringList();
    QTest::newRow("Bucket policies for Amazon S3: the bucket's deny of everything removes a grant on its objects")
        << j(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::secret/*"})")
        << j(R"({"Effect":"Deny","Principal":{"AWS":"%1"},"Action":"s3:*",)"
             R"("Resource":"arn:aws:s3:::secret/*"})")
               .arg(q(kApp))
        << "arn:aws:s3:::secret/*" << false << QStringList() << QStringList() << false << QStringList();
}

void TestReachDenies::whatCan()
{
    QFETCH(QString, identity);
    QFETCH(QString, resourcePolicy);
    QFETCH(QString, resource);
    QFETCH(bool, reaches);
    QFETCH(QStringList, patterns);
    QFETCH(QStringList, denies);
    QFETCH(bool, conditional);
    QFETCH(QStringList, keys);

    const AccessGraph graph = AccessGraph::build(appWorkspace(identity, {}, resourcePolicy, {}));
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers = reach.whatCan(kApp);
    auto it = std::find_if(
        answers.begin(), answers.end(), [&](const ReachAnswer &a) { return a.resource == resource.toStdString(); });
    QCOMPARE(it != answers.end(), reaches);
    if (it == answers.end())
        return;
    QStringList actual;
    for (const ActionGroup &g : it->actions)
        for (const std::string &p : g.patterns)
            if (!actual.contains(q(p)))
                actual << q(p);
    QCOMPARE(actual, patterns);
    QCOMPARE(deniesOf(*it), denies);
    QCOMPARE(it->conditional, conditional);
    QCOMPARE(keysOf(*it), keys);
}

QTEST_APPLESS_MAIN(TestReachDenies)
#include "TestReachDenies.moc"
