// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The access graph and reachability (docs/REACHABILITY.md). Each row names the IAM User Guide page it relies on:
// "Policy evaluation logic", "Cross-account policy evaluation logic", "Role chaining", "IAM user groups",
// "Permissions boundaries for IAM entities", "Grant a user permissions to switch roles".
#include "PolicyText.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/Reachability.h"
#include "rd/core/policy/PolicyParser.h"

#include <QtTest>

#include <algorithm>
#include <string>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestAccessGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reach_data();
    void reach();
    void threeHopChainHasItsPathAndDecidingStatements();
    void whoCanFollowsTheChainBackwards();
    void conditionalHopNamesItsConditionKeys();
    void editDiffReportsExactlyThePairsANewTrustStatementAdds();
    void boundaryNarrowsTheActionPatterns();
    void badPoliciesGiveNoEdgesAndUnknownNamesNoAnswers();
    void resourcePolicyGrantsNamedAndExternalPrincipals();
};

namespace
{

const std::string kA = "111122223333";
const std::string kB = "444455556666";
const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kCarol = "arn:aws:iam::111122223333:user/carol";
const std::string kDave = "arn:aws:iam::111122223333:user/dave";
const std::string kBob = "arn:aws:iam::444455556666:user/bob";
const std::string kRoleA = "arn:aws:iam::111122223333:role/A";
const std::string kRoleB = "arn:aws:iam::111122223333:role/B";
const std::string kRoleC = "arn:aws:iam::111122223333:role/C";
const std::string kMfaRole = "arn:aws:iam::111122223333:role/Mfa";
const std::string kVendorRole = "arn:aws:iam::111122223333:role/Vendor";
const std::string kCrossRole = "arn:aws:iam::111122223333:role/Cross";
const std::string kBoundedRole = "arn:aws:iam::111122223333:role/Bounded";
const std::string kBoundary = "arn:aws:iam::111122223333:policy/Boundary";
const std::string kBucketObjects = "arn:aws:s3:::chain-bucket/*";
const std::string kMfaBucket = "arn:aws:s3:::mfa-bucket/*";
const std::string kVendorBucket = "arn:aws:s3:::vendor-bucket/*";
const std::string kCrossQueue = "arn:aws:sqs:us-east-1:111122223333:cross-queue";
const std::string kTeamBucket = "arn:aws:s3:::team-bucket";
const std::string kLogs = "arn:aws:logs:us-east-1:111122223333:log-group:app";

std::string trustOf(const std::string &principal, const std::string &condition = {})
{
    return "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"sts:AssumeRole\""
        + (condition.empty() ? std::string() : ",\"Condition\":" + condition) + "}";
}

std::string allowOf(const std::string &action, const std::string &resource, const std::string &sid = {})
{
    return "{" + (sid.empty() ? std::string() : "\"Sid\":\"" + sid + "\",") + "\"Effect\":\"Allow\",\"Action\":\""
        + action + "\",\"Resource\":\"" + resource + "\"}";
}

Role roleOf(const std::string &name, const std::string &arn, const std::string &trust, const std::string &permissions)
{
    Role role;
    role.accountId = accountOfArn(arn);
    role.name = name;
    role.arn = arn;
    role.trustPolicy = policyOf(policyDocument(trust));
    if (!permissions.empty())
        role.inlinePolicies.push_back({ name + "Permissions", policyOf(policyDocument(permissions)) });
    return role;
}

User userOf(const std::string &name, const std::string &arn, const std::string &permissions = {})
{
    User user;
    user.accountId = accountOfArn(arn);
    user.name = name;
    user.arn = arn;
    if (!permissions.empty())
        user.inlinePolicies.push_back({ name + "Permissions", policyOf(policyDocument(permissions)) });
    return user;
}

struct Options {
    bool bobMayAssume = false;
};

Workspace makeWorkspace(const Options &options = {})
{
    Workspace w;
    w.name = "reach";
    w.accounts.push_back({ kA, "a" });
    w.accounts.push_back({ kB, "b" });
    w.add(userOf("alice", kAlice, allowOf("sts:AssumeRole", kRoleA, "AssumeA")));
    w.add(userOf("carol", kCarol));
    User dave = userOf("dave", kDave);
    dave.groupNames.push_back("Readers");
    w.add(dave);
    Group readers;
    readers.accountId = kA;
    readers.name = "Readers";
    readers.arn = "arn:aws:iam::111122223333:group/Readers";
    readers.inlinePolicies.push_back(
        { "ReadTeam", policyOf(policyDocument(allowOf("s3:ListBucket", kTeamBucket, "List"))) });
    w.add(readers);
    w.add(userOf("bob", kBob, options.bobMayAssume ? allowOf("sts:AssumeRole", kCrossRole) : std::string()));
    // alice -> A (account root in the trust, alice's identity policy allows) -> B -> C (each naming its caller).
    w.add(roleOf("A", kRoleA, trustOf("arn:aws:iam::111122223333:root"), allowOf("sts:AssumeRole", kRoleB)));
    w.add(roleOf("B", kRoleB, trustOf(kRoleA), allowOf("sts:AssumeRole", "*")));
    w.add(roleOf("C", kRoleC, trustOf(kRoleB), allowOf("s3:GetObject", kBucketObjects, "ReadChain")));
    w.add(roleOf("Mfa", kMfaRole, trustOf(kAlice, R"({"Bool":{"aws:MultiFactorAuthPresent":"true"}})"),
        allowOf("s3:GetObject", kMfaBucket)));
    w.add(roleOf("Vendor", kVendorRole,
        trustOf("arn:aws:iam::999988887777:root", R"({"StringEquals":{"sts:ExternalId":"x-42"}})"),
        allowOf("s3:PutObject", kVendorBucket)));
    w.add(roleOf(
        "Cross", kCrossRole, trustOf("arn:aws:iam::444455556666:root"), allowOf("sqs:SendMessage", kCrossQueue)));
    Role bounded = roleOf("Bounded", kBoundedRole, trustOf(kAlice), allowOf("*", "*", "Admin"));
    bounded.permissionsBoundaryArn = kBoundary;
    w.add(bounded);
    ManagedPolicy boundary;
    boundary.name = "Boundary";
    boundary.arn = kBoundary;
    boundary.defaultVersionId = "v1";
    boundary.versions.push_back(
        { "v1", true, {}, policyOf(policyDocument(allowOf("logs:*", "arn:aws:logs:us-east-1:111122223333:*"))) });
    w.add(boundary);
    return w;
}

const ReachAnswer *answerFor(
    const std::vector<ReachAnswer> &answers, const std::string &principal, const std::string &resource)
{
    for (const ReachAnswer &a : answers) {
        if (a.principal == principal && a.resource == resource)
            return &a;
    }
    return nullptr;
}

} // namespace

void TestAccessGraph::reach_data()
{
    QTest::addColumn<bool>("bobMayAssume");
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<bool>("reaches");
    QTest::addColumn<bool>("conditional");
    QTest::addColumn<int>("hops");

    auto q = [](const std::string &s) { return QString::fromStdString(s); };
    QTest::newRow("Role chaining: alice reaches role C's bucket through A and B (three assumptions)")
        << false << q(kAlice) << q(kBucketObjects) << true << false << 4;
    QTest::newRow("Role chaining: role A reaches the bucket through B and C")
        << false << q(kRoleA) << q(kBucketObjects) << true << false << 3;
    QTest::newRow("Policy evaluation logic: carol, named by no trust policy, reaches nothing through the chain")
        << false << q(kCarol) << q(kBucketObjects) << false << false << 0;
    QTest::newRow("Grant a user permissions to switch roles: an MFA condition in the trust makes the hop conditional")
        << false << q(kAlice) << q(kMfaBucket) << true << true << 2;
    QTest::newRow("Cross-account policy evaluation logic: an sts:ExternalId condition makes the vendor hop conditional")
        << false << q("arn:aws:iam::999988887777:root") << q(kVendorBucket) << true << true << 2;
    QTest::newRow("Cross-account policy evaluation logic: the trust allows account B but bob's policies do not: no hop")
        << false << q(kBob) << q(kCrossQueue) << false << false << 0;
    QTest::newRow("Cross-account policy evaluation logic: with bob's identity policy allowing it, both sides allow")
        << true << q(kBob) << q(kCrossQueue) << true << false << 2;
    QTest::newRow("IAM user groups: dave reaches the team bucket through the Readers group's policy")
        << false << q(kDave) << q(kTeamBucket) << true << false << 1;
    QTest::newRow("Permissions boundaries for IAM entities: the boundary cuts the admin grant down to logs")
        << false << q(kBoundedRole) << q("*") << false << false << 0;
    QTest::newRow("Permissions boundaries for IAM entities: what the boundary allows stays reachable")
        << false << q(kBoundedRole) << q("arn:aws:logs:us-east-1:111122223333:*") << true << false << 1;
}

void TestAccessGraph::reach()
{
    QFETCH(bool, bobMayAssume);
    QFETCH(QString, principal);
    QFETCH(QString, resource);
    QFETCH(bool, reaches);
    QFETCH(bool, conditional);
    QFETCH(int, hops);

    const Workspace w = makeWorkspace({ bobMayAssume });
    const AccessGraph graph = AccessGraph::build(w);
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers = reach.whatCan(principal.toStdString());
    const ReachAnswer *answer = answerFor(answers, principal.toStdString(), resource.toStdString());
    QCOMPARE(answer != nullptr, reaches);
    if (!answer)
        return;
    QCOMPARE(answer->conditional, conditional);
    QCOMPARE(int(answer->path.size()), hops);
    QCOMPARE(answer->path.back().kind, GraphEdgeKind::MayActOn);
}

void TestAccessGraph::threeHopChainHasItsPathAndDecidingStatements()
{
    const Workspace w = makeWorkspace();
    const AccessGraph graph = AccessGraph::build(w);
    const std::vector<ReachAnswer> answers = Reachability(graph).whatCan(kAlice);
    const ReachAnswer *answer = answerFor(answers, kAlice, kBucketObjects);
    QVERIFY(answer);
    QCOMPARE(answer->path.size(), std::size_t(4));
    QCOMPARE(answer->path[0].from, kAlice);
    QCOMPARE(answer->path[0].to, kRoleA);
    QCOMPARE(answer->path[1].to, kRoleB);
    QCOMPARE(answer->path[2].to, kRoleC);
    QCOMPARE(answer->path[3].to, kBucketObjects);
    // Hop 1 needs both the trust (account root) and alice's identity statement AssumeA.
    const auto &first = answer->path[0].statements;
    QVERIFY(std::any_of(first.begin(), first.end(), [](const GraphStatementRef &r) { return r.sid == "AssumeA"; }));
    QVERIFY(std::any_of(
        first.begin(), first.end(), [](const GraphStatementRef &r) { return r.policy == "trust policy of role A"; }));
    QCOMPARE(answer->path[3].statements.size(), std::size_t(1));
    QCOMPARE(answer->path[3].statements[0].sid, std::string("ReadChain"));
    QCOMPARE(answer->path[3].statements[0].index, std::size_t(0));
    QCOMPARE(answer->actions.size(), std::size_t(1));
    QCOMPARE(answer->actions[0].service, std::string("s3"));
    QCOMPARE(answer->actions[0].accessLevel, std::string("Read"));
    QCOMPARE(answer->actions[0].patterns, std::vector<std::string> { "s3:getobject" });
}

void TestAccessGraph::whoCanFollowsTheChainBackwards()
{
    // Role chaining, and IAM JSON policy elements: Resource (a `*` at the end matches the object key).
    const Workspace w = makeWorkspace();
    const AccessGraph graph = AccessGraph::build(w);
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers = reach.whoCan("arn:aws:s3:::chain-bucket/report.csv", "s3:GetObject");
    std::vector<std::string> principals;
    for (const ReachAnswer &a : answers)
        principals.push_back(a.principal);
    std::sort(principals.begin(), principals.end());
    QCOMPARE(principals, (std::vector<std::string> { kRoleA, kRoleB, kRoleC, kAlice }));
    const ReachAnswer *alice = answerFor(answers, kAlice, kBucketObjects);
    QVERIFY(alice);
    QCOMPARE(alice->path.size(), std::size_t(4));
    QCOMPARE(alice->path[1].from, kRoleA);
    QCOMPARE(alice->path[3].kind, GraphEdgeKind::MayActOn);
    // Another action on the same object: nobody.
    QVERIFY(reach.whoCan("arn:aws:s3:::chain-bucket/report.csv", "s3:DeleteObject").empty());
    // A hop limit of one assumption leaves alice (three away) out.
    const std::vector<ReachAnswer> limited = reach.whoCan("arn:aws:s3:::chain-bucket/report.csv", "s3:GetObject", 1);
    QVERIFY(!answerFor(limited, kAlice, kBucketObjects));
    QVERIFY(answerFor(limited, kRoleB, kBucketObjects));
}

void TestAccessGraph::conditionalHopNamesItsConditionKeys()
{
    // Grant a user permissions to switch roles (MFA condition); Cross-account policy evaluation logic (external id).
    const Workspace w = makeWorkspace();
    const AccessGraph graph = AccessGraph::build(w);
    const ReachAnswer *mfa = nullptr;
    const std::vector<ReachAnswer> answers = Reachability(graph).whatCan(kAlice);
    mfa = answerFor(answers, kAlice, kMfaBucket);
    QVERIFY(mfa);
    QVERIFY(mfa->conditional);
    QVERIFY(mfa->path[0].conditional);
    QCOMPARE(mfa->path[0].conditionKeys, std::vector<std::string> { "aws:MultiFactorAuthPresent" });
    QVERIFY(!mfa->path[1].conditional);
    const std::vector<ReachAnswer> vendor = Reachability(graph).whoCan("arn:aws:s3:::vendor-bucket/x", "s3:PutObject");
    const ReachAnswer *external = answerFor(vendor, "arn:aws:iam::999988887777:root", kVendorBucket);
    QVERIFY(external);
    QVERIFY(external->conditional);
    QCOMPARE(external->path[0].conditionKeys, std::vector<std::string> { "sts:ExternalId" });
    // The role itself reaches its bucket unconditionally.
    const ReachAnswer *role = answerFor(vendor, kVendorRole, kVendorBucket);
    QVERIFY(role);
    QVERIFY(!role->conditional);
}

void TestAccessGraph::editDiffReportsExactlyThePairsANewTrustStatementAdds()
{
    // Policy evaluation logic: within one account a trust policy naming the user suffices.
    const Workspace before = makeWorkspace();
    Workspace after = before;
    for (Role &role : after.roles) {
        if (role.arn == kRoleC)
            role.trustPolicy = policyOf(policyDocument(trustOf(kRoleB) + "," + trustOf(kCarol)));
    }
    const ReachDiff diff = diffReachability(before, after);
    QVERIFY(diff.removed.empty());
    QCOMPARE(diff.added.size(), std::size_t(1));
    QCOMPARE(diff.added[0].principal, kCarol);
    QCOMPARE(diff.added[0].resource, kBucketObjects);
    QCOMPARE(diff.added[0].service, std::string("s3"));
    QCOMPARE(diff.added[0].accessLevel, std::string("Read"));
    QVERIFY(!diff.added[0].conditional);
    // And the reverse edit removes exactly that pair.
    const ReachDiff back = diffReachability(after, before);
    QVERIFY(back.added.empty());
    QCOMPARE(back.removed, diff.added);
}

void TestAccessGraph::boundaryNarrowsTheActionPatterns()
{
    // Permissions boundaries for IAM entities: effective permissions are the intersection.
    const Workspace w = makeWorkspace();
    const AccessGraph graph = AccessGraph::build(w);
    const std::vector<ReachAnswer> answers = Reachability(graph).whatCan(kBoundedRole);
    QCOMPARE(answers.size(), std::size_t(1));
    // `logs:*` spans every access level of the service: one group per level, each keeping the pattern.
    QVERIFY(answers[0].actions.size() > 1);
    for (const ActionGroup &group : answers[0].actions) {
        QCOMPARE(group.service, std::string("logs"));
        QCOMPARE(group.patterns, std::vector<std::string> { "logs:*" });
    }
    QCOMPARE(answers[0].path[0].statements.size(), std::size_t(2));
    QCOMPARE(answers[0].path[0].statements[1].policy, kBoundary);
    QVERIFY(Reachability(graph).whoCan(kLogs, "logs:PutLogEvents").size() >= 1);
    QVERIFY(!answerFor(Reachability(graph).whoCan("arn:aws:s3:::anything", "s3:GetObject"), kBoundedRole, "*"));
}

void TestAccessGraph::badPoliciesGiveNoEdgesAndUnknownNamesNoAnswers()
{
    Workspace w = makeWorkspace();
    Role broken = roleOf("Broken", "arn:aws:iam::111122223333:role/Broken",
        R"({"Effect":"Maybe","Principal":"*","Action":"sts:AssumeRole"})", R"({"Effect":"Allow","Resource":"*"})");
    w.add(broken);
    const AccessGraph graph = AccessGraph::build(w);
    const std::size_t node = graph.find("arn:aws:iam::111122223333:role/Broken");
    QVERIFY(node != AccessGraph::npos);
    QVERIFY(graph.inEdges(node).empty());
    QVERIFY(graph.outEdges(node).empty());
    const Reachability reach(graph);
    QVERIFY(reach.whatCan("arn:aws:iam::111122223333:user/nobody").empty());
    QVERIFY(reach.whatCan("").empty());
    QVERIFY(reach.whoCan("not an arn", std::string("s3:GetObject")).empty());
    QVERIFY(reach.whatCan(kAlice, 0).size() < reach.whatCan(kAlice).size());
}

void TestAccessGraph::resourcePolicyGrantsNamedAndExternalPrincipals()
{
    // Policy evaluation logic: within one account a resource-based policy naming the principal suffices; an account
    // outside the workspace is granted by the resource's side alone (its own side is unknown). Cross-account policy
    // evaluation logic: bob of a modelled account still needs his identity policy, so the bucket policy alone gives
    // him nothing.
    Workspace w = makeWorkspace();
    Resource bucket;
    bucket.arn = "arn:aws:s3:::shared-bucket";
    bucket.type = "AWS::S3::Bucket";
    bucket.accountId = kA;
    bucket.policy = policyOf(
        policyDocument("{\"Sid\":\"Carol\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + kCarol + "\",\"" + kBob
            + "\",\"arn:aws:iam::999988887777:root\"]},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared-"
              "bucket/*\"}"));
    w.add(bucket);
    const AccessGraph graph = AccessGraph::build(w);
    const Reachability reach(graph);
    const std::vector<ReachAnswer> answers =
        reach.whoCan("arn:aws:s3:::shared-bucket/a.txt", std::string("s3:GetObject"));
    const ReachAnswer *carol = answerFor(answers, kCarol, "arn:aws:s3:::shared-bucket/*");
    QVERIFY(carol);
    QCOMPARE(carol->path.size(), std::size_t(1));
    QCOMPARE(carol->path[0].statements[0].policy, std::string("resource policy of arn:aws:s3:::shared-bucket"));
    QCOMPARE(carol->path[0].statements[0].sid, std::string("Carol"));
    QVERIFY(answerFor(answers, "arn:aws:iam::999988887777:root", "arn:aws:s3:::shared-bucket/*"));
    QVERIFY(!answerFor(answers, kBob, "arn:aws:s3:::shared-bucket/*"));
}

QTEST_APPLESS_MAIN(TestAccessGraph)
#include "TestAccessGraph.moc"
