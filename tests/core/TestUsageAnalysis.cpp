// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// UsageAnalysis and UsageCollector on the project's CloudTrail fixture (tests/support/CloudTrailFixture.h): each rule
// of docs/USAGE.md, named with the page that states it.
#include "CloudTrailFixture.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/usage/UsageAnalysis.h"
#include "rd/core/usage/UsageReportFormat.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace rd::core;
using namespace rd::test;

namespace
{

UsageReport fixtureReport(const QTemporaryDir &dir, const Workspace &workspace, UsageOptions options = {})
{
    const std::string root = writeCloudTrailFixture(dir.path().toStdString());
    return UsageAnalysis::fromCloudTrail({ root }, &workspace, nullptr, options);
}

long long at(const char *time)
{
    return *UsageCollector::parseEventTime(time);
}

std::vector<std::string> unusedActions(const RoleUsage &role)
{
    std::vector<std::string> out;
    for (const UnusedService &s : role.unused) {
        for (const UnusedAction &a : s.actions)
            out.push_back(a.action);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class TestUsageAnalysis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void callsCountForTheRoleOfTheSessionIssuer();
    void assumersComeFromAssumeRoleEvents();
    void serviceEventsAreNotCallsOfTheRole();
    void callsWithAnErrorCodeAreDeniedNeverUse();
    void unmappedNamesAreReportedNotGuessed();
    void resourcesFromRecordsAndRequestParameters();
    void theWindowLeavesOutRecordsOutsideIt();
    void unusedPermissionsByServiceAndAccessLevel();
    void rolesNeverUsedAndOtherPrincipals();
    void callsPerDay();
    void everyThreadCountGivesTheSameReport();
    void jsonHasTheDocumentedShape();
    void eventTimes();

private:
    Workspace m_workspace;
};

void TestUsageAnalysis::initTestCase()
{
    m_workspace = cloudTrailWorkspace();
}

void TestUsageAnalysis::callsCountForTheRoleOfTheSessionIssuer()
{
    // CloudTrail User Guide, "CloudTrail userIdentity element": sessionContext.sessionIssuer is the role whose
    // temporary credentials made the call.
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const RoleUsage *app = report.role(kTrailAppRole);
    QVERIFY(app);
    QCOMPARE(app->usage.calls, std::uint64_t(11));
    QCOMPARE(app->usage.firstUsed, at("2026-03-01T09:00:00Z"));
    QCOMPARE(app->usage.lastUsed, at("2026-03-05T12:00:00Z"));
    const ActionUsage *get = app->usage.action("s3:GetObject");
    QVERIFY(get);
    QCOMPARE(get->count, std::uint64_t(4)); // 3 GetObject + HeadObject
    QCOMPARE(get->lastUsed, at("2026-03-02T10:00:00Z"));
    QVERIFY(app->usage.action("lambda:UpdateFunctionCode"));
    QVERIFY(app->usage.action("s3:ListBucket"));
    QVERIFY(app->usage.action("s3:GetLifecycleConfiguration"));
    QCOMPARE(app->usage.action("s3:GetLifecycleConfiguration")->accessLevel, AccessLevel::Read);
    // The session's own ARN (assumed-role/AppRole/s1) is not a principal of its own.
    QVERIFY(!report.principal("arn:aws:sts::111111111111:assumed-role/AppRole/s1"));
}

void TestUsageAnalysis::assumersComeFromAssumeRoleEvents()
{
    // AWS STS API Reference, "AssumeRole": RoleArn names the role; the caller is the event's userIdentity.
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const RoleUsage *app = report.role(kTrailAppRole);
    QCOMPARE(app->usage.assumedBy.size(), std::size_t(2));
    QCOMPARE(app->usage.assumedBy[0].principal, kTrailAlice);
    QCOMPARE(app->usage.assumedBy[0].count, std::uint64_t(1));
    QCOMPARE(app->usage.assumedBy[1].principal, std::string("ec2.amazonaws.com"));
    const RoleUsage *idle = report.role(kTrailIdleRole);
    QCOMPARE(idle->usage.assumedBy.size(), std::size_t(1));
    QCOMPARE(idle->usage.assumedBy[0].count, std::uint64_t(0));
    QCOMPARE(idle->usage.assumedBy[0].denied, std::uint64_t(1));
    // The assumption is alice's call of sts:AssumeRole too.
    const PrincipalUsage *alice = report.principal(kTrailAlice);
    QVERIFY(alice);
    QCOMPARE(alice->action("sts:AssumeRole")->count, std::uint64_t(2));
    QCOMPARE(
        alice->action("sts:AssumeRole")->resources, (std::vector<std::string> { kTrailDeployRole, kTrailAppRole }));
}

void TestUsageAnalysis::serviceEventsAreNotCallsOfTheRole()
{
    // CloudTrail User Guide, "CloudTrail record contents": AwsServiceEvent is an event the service generated.
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    QCOMPARE(report.serviceEvents, std::uint64_t(1));
    const RoleUsage *app = report.role(kTrailAppRole);
    QVERIFY(!app->usage.action("kms:Decrypt"));
    const std::vector<std::string> unused = unusedActions(*app);
    QVERIFY(std::find(unused.begin(), unused.end(), "kms:Decrypt") != unused.end());
}

void TestUsageAnalysis::callsWithAnErrorCodeAreDeniedNeverUse()
{
    // CloudTrail User Guide, "CloudTrail record contents": errorCode is present when the request failed.
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const RoleUsage *app = report.role(kTrailAppRole);
    QCOMPARE(app->usage.deniedCalls, std::uint64_t(2));
    QVERIFY(!app->usage.action("s3:PutObject"));
    QVERIFY(!app->usage.action("s3:DeleteObject"));
    QCOMPARE(app->usage.denied.size(), std::size_t(2));
    QCOMPARE(app->usage.denied[0].action, std::string("s3:DeleteObject"));
    QCOMPARE(app->usage.denied[0].errorCode, std::string("AccessDenied"));
    QCOMPARE(app->usage.denied[0].lastAttempt, at("2026-03-01T09:09:00Z"));
    const std::vector<std::string> unused = unusedActions(*app);
    QVERIFY(std::find(unused.begin(), unused.end(), "s3:PutObject") != unused.end());
}

void TestUsageAnalysis::unmappedNamesAreReportedNotGuessed()
{
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const RoleUsage *app = report.role(kTrailAppRole);
    QCOMPARE(app->usage.unmapped.size(), std::size_t(1));
    QCOMPARE(app->usage.unmapped[0].eventSource, std::string("s3.amazonaws.com"));
    QCOMPARE(app->usage.unmapped[0].eventName, std::string("MadeUpOperation"));
    QCOMPARE(app->usage.unmapped[0].count, std::uint64_t(1));
}

void TestUsageAnalysis::resourcesFromRecordsAndRequestParameters()
{
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const RoleUsage *app = report.role(kTrailAppRole);
    // Objects summed up as bucket/*; the bucket ARN the records list too is not an object.
    QCOMPARE(app->usage.action("s3:GetObject")->resources, std::vector<std::string> { "arn:aws:s3:::app-data/*" });
    QCOMPARE(app->usage.action("s3:ListBucket")->resources, std::vector<std::string> { "arn:aws:s3:::app-data" });
    // No `resources` in the record: built from requestParameters with the catalog's ARN pattern.
    QCOMPARE(app->usage.action("s3:GetLifecycleConfiguration")->resources,
        std::vector<std::string> { "arn:aws:s3:::app-data" });
    QCOMPARE(app->usage.action("dynamodb:GetItem")->resources,
        std::vector<std::string> { "arn:aws:dynamodb:us-east-1:111111111111:table/Orders" });
    // A parameter that is an ARN already.
    QCOMPARE(app->usage.action("lambda:UpdateFunctionCode")->resources,
        std::vector<std::string> { "arn:aws:lambda:us-east-1:111111111111:function:ingest" });
    QVERIFY(app->usage.action("ec2:DescribeInstances")->resources.empty());
    const RoleUsage *deploy = report.role(kTrailDeployRole);
    QVERIFY(deploy->usage.action("dynamodb:DescribeTable")->resources.empty());
}

void TestUsageAnalysis::theWindowLeavesOutRecordsOutsideIt()
{
    QTemporaryDir dir;
    UsageOptions options;
    options.since = at("2026-03-01T09:00:00Z");
    options.until = at("2026-03-04T00:00:00Z");
    const UsageReport report = fixtureReport(dir, m_workspace, options);
    QCOMPARE(report.read.records, std::uint64_t(22));
    QCOMPARE(report.recordsInWindow, std::uint64_t(17));
    const RoleUsage *app = report.role(kTrailAppRole);
    QVERIFY(!app->usage.action("dynamodb:PutItem"));
    QCOMPARE(app->usage.lastUsed, at("2026-03-02T10:00:00Z"));
    QCOMPARE(report.role(kTrailAppRole)->usage.assumedBy.size(), std::size_t(0));
    QCOMPARE(report.firstRecord, at("2026-03-01T09:00:00Z"));
}

void TestUsageAnalysis::unusedPermissionsByServiceAndAccessLevel()
{
    QTemporaryDir dir;
    UsageOptions options;
    options.until = at("2026-03-04T00:00:00Z");
    const UsageReport report = fixtureReport(dir, m_workspace, options);
    const RoleUsage *app = report.role(kTrailAppRole);
    QCOMPARE(app->grantedActions, std::size_t(12));
    QCOMPARE(unusedActions(*app),
        (std::vector<std::string> { "dynamodb:PutItem", "iam:PassRole", "kms:Decrypt", "lambda:GetFunction",
            "s3:DeleteObject", "s3:PutObject" }));
    QCOMPARE(app->unusedActions, std::size_t(6));
    const auto s3 =
        std::find_if(app->unused.begin(), app->unused.end(), [](const UnusedService &s) { return s.prefix == "s3"; });
    QVERIFY(s3 != app->unused.end());
    QCOMPARE(s3->countByLevel[static_cast<std::size_t>(AccessLevel::Write)], std::size_t(2));
    QCOMPARE(s3->name, std::string("Amazon S3"));
}

void TestUsageAnalysis::rolesNeverUsedAndOtherPrincipals()
{
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    QVERIFY(!report.role(kTrailIdleRole)->usage.used());
    QVERIFY(report.role(kTrailDeployRole)->usage.used());
    QCOMPARE(report.otherPrincipals.size(), std::size_t(3));
    const PrincipalUsage *partner = report.principal(kTrailPartnerRole);
    QVERIFY(partner);
    QCOMPARE(partner->calls, std::uint64_t(1));
    QVERIFY(std::any_of(report.otherPrincipals.begin(), report.otherPrincipals.end(),
        [](const PrincipalUsage &p) { return p.arn == kTrailPartnerRole; }));
    // Without a workspace every principal is another principal.
    const UsageReport bare = UsageAnalysis::fromCloudTrail({ dir.path().toStdString() }, nullptr, nullptr);
    QVERIFY(bare.roles.empty());
    QCOMPARE(bare.otherPrincipals.size(), std::size_t(6));
}

void TestUsageAnalysis::callsPerDay()
{
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const std::vector<DailyCalls> &days = report.role(kTrailAppRole)->usage.callsPerDay;
    QCOMPARE(days.size(), std::size_t(3));
    QCOMPARE(days[0].day, at("2026-03-01T00:00:00Z"));
    QCOMPARE(days[0].count, std::uint64_t(9));
    QCOMPARE(days[1].count, std::uint64_t(1));
    QCOMPARE(days[2].day, at("2026-03-05T00:00:00Z"));
}

void TestUsageAnalysis::everyThreadCountGivesTheSameReport()
{
    QTemporaryDir dir;
    writeLargeTrail(dir.path().toStdString(), 4000, 100, 7);
    writeCloudTrailFixture(dir.path().toStdString() + "/fixture");
    UsageOptions one;
    one.threads = 1;
    UsageOptions four;
    four.threads = 4;
    const UsageReport a = UsageAnalysis::fromCloudTrail({ dir.path().toStdString() }, &m_workspace, nullptr, one);
    const UsageReport b = UsageAnalysis::fromCloudTrail({ dir.path().toStdString() }, &m_workspace, nullptr, four);
    QCOMPARE(b.read.threads, 4u);
    QCOMPARE(a.read.records, std::uint64_t(4022));
    QVERIFY(usageReportJson(a) == usageReportJson(b));
}

void TestUsageAnalysis::jsonHasTheDocumentedShape()
{
    QTemporaryDir dir;
    const UsageReport report = fixtureReport(dir, m_workspace);
    const std::string text = usageReportJson(report);
    const JsonReadResult json = readJson(text);
    QVERIFY(json.value && json.value->isObject());
    const JsonValue &root = *json.value;
    for (const char *key : { "window", "files", "records", "skipped", "roles", "neverUsed", "otherPrincipals" })
        QVERIFY2(root.find(key), key);
    QCOMPARE(root.find("files")->text, std::string("3"));
    QCOMPARE(root.find("skipped")->text, std::string("2"));
    const JsonValue &roles = *root.find("roles");
    QCOMPARE(roles.elements.size(), std::size_t(3));
    const JsonValue *app = nullptr;
    for (const JsonValue &r : roles.elements) {
        if (r.find("arn")->text == kTrailAppRole)
            app = &r;
    }
    QVERIFY(app);
    for (const char *key : { "firstUsed", "lastUsed", "actions", "denied", "assumedBy", "unused" })
        QVERIFY2(app->find(key), key);
    const JsonValue &first = app->find("actions")->elements.front();
    QCOMPARE(first.find("action")->text, std::string("s3:GetObject"));
    QCOMPARE(first.find("count")->text, std::string("4"));
    QCOMPARE(first.find("lastUsed")->text, std::string("2026-03-02T10:00:00Z"));
    QCOMPARE(first.find("resources")->elements.front().text, std::string("arn:aws:s3:::app-data/*"));
    QCOMPARE(root.find("neverUsed")->elements.size(), std::size_t(1));
    QCOMPARE(root.find("neverUsed")->elements[0].text, kTrailIdleRole);
    QVERIFY(usageReportText(report).find("s3:GetObject  4 calls") != std::string::npos);
}

void TestUsageAnalysis::eventTimes()
{
    QCOMPARE(at("1970-01-01T00:00:00Z"), 0LL);
    QCOMPARE(at("2026-03-01T00:00:00Z"), 1772323200LL);
    QCOMPARE(*UsageCollector::parseEventTime("2026-03-01T01:00:00+01:00"), 1772323200LL);
    QVERIFY(!UsageCollector::parseEventTime("yesterday"));
}

QTEST_APPLESS_MAIN(TestUsageAnalysis)
#include "TestUsageAnalysis.moc"
