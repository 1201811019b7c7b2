// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// LeastPrivilegePolicy: the policy generated from the fixture trail, evaluated with our engine, allows every observed
// call and denies every granted action that was not used (the done-when test); it validates with no ERROR.
#include "CloudTrailFixture.h"
#include "PolicyText.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/evaluation/PreparedRequest.h"
#include "rd/core/usage/LeastPrivilegePolicy.h"
#include "rd/core/usage/UsageAnalysis.h"
#include "rd/core/validation/PolicyValidator.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rd::core;
using namespace rd::test;

namespace
{

Decision decide(const std::vector<const CompiledPolicy *> &identity, const std::string &principal,
    const std::string &action, const std::string &resource)
{
    PolicySet set;
    set.identity = identity;
    Request request;
    request.principal = principal;
    request.action = action;
    request.resource = resource;
    const PreparedRequest prepared(std::move(request));
    return prepared.ok() ? evaluate(set, prepared) : Decision::ExplicitlyDenied;
}

std::string errorsOf(const Diagnostics &diagnostics)
{
    std::string out;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Error)
            out += d.code + ": " + d.message + "\n";
    }
    return out;
}

} // namespace

class TestLeastPrivilegePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allowsEveryObservedCallAndDeniesEveryUnusedGrant();
    void validatesWithNoError();
    void actionsWithoutResourceLevelPermissionsGetAStar();
    void aResourceNotInTheRecordsIsAPlaceholder();
    void passRoleIsNotedWhenTheCurrentPolicyGrantsIt();
};

void TestLeastPrivilegePolicy::allowsEveryObservedCallAndDeniesEveryUnusedGrant()
{
    QTemporaryDir dir;
    const Workspace workspace = cloudTrailWorkspace();
    const std::shared_ptr<const AccountModel> model = AccountModel::build(workspace);
    UsageOptions options;
    options.until = UsageCollector::parseEventTime("2026-03-04T00:00:00Z");
    const UsageReport report =
        UsageAnalysis::fromCloudTrail({ writeCloudTrailFixture(dir.path().toStdString()) }, &workspace, model, options);
    const RoleUsage *app = report.role(kTrailAppRole);
    QVERIFY(app);
    const LeastPrivilegePolicy generated =
        LeastPrivilegePolicy::generate(app->usage, ServiceCatalog::builtin(), model->policiesOf(app->role));
    const CompiledPolicy proposal = compiledPolicyOf(generated.text, "generated");
    QVERIFY2(proposal.problems().empty(), generated.text.c_str());
    std::vector<const CompiledPolicy *> current;
    for (const ResolvedPolicyPtr &p : model->policiesOf(app->role)->identity)
        current.push_back(&p->compiled);

    for (const TrailCall &call : appRoleCallsUntilMarch4()) {
        QVERIFY2(decide({ &proposal }, call.principal, call.action, call.resource) == Decision::Allowed,
            (call.action + " on " + call.resource + "\n" + generated.text).c_str());
    }
    // Every granted action without a successful call: allowed now on some resource, denied by the proposal there
    // and everywhere else tried.
    const std::vector<std::string> resources { "*", "arn:aws:s3:::app-data/out/x.csv", "arn:aws:s3:::app-data",
        "arn:aws:dynamodb:us-east-1:111111111111:table/Orders", "arn:aws:lambda:us-east-1:111111111111:function:ingest",
        "arn:aws:iam::111111111111:role/service/Worker", "arn:aws:kms:us-east-1:111111111111:key/k1" };
    std::size_t checked = 0;
    for (const UnusedService &service : app->unused) {
        for (const UnusedAction &unused : service.actions) {
            bool grantedSomewhere = false;
            for (const std::string &resource : resources) {
                grantedSomewhere =
                    grantedSomewhere || decide(current, kTrailAppRole, unused.action, resource) == Decision::Allowed;
                QVERIFY2(decide({ &proposal }, kTrailAppRole, unused.action, resource) != Decision::Allowed,
                    (unused.action + " on " + resource).c_str());
            }
            QVERIFY2(grantedSomewhere, unused.action.c_str());
            ++checked;
        }
    }
    QCOMPARE(checked, std::size_t(6));
    QCOMPARE(generated.actions, std::size_t(6));
}

void TestLeastPrivilegePolicy::validatesWithNoError()
{
    QTemporaryDir dir;
    const Workspace workspace = cloudTrailWorkspace();
    const UsageReport report =
        UsageAnalysis::fromCloudTrail({ writeCloudTrailFixture(dir.path().toStdString()) }, &workspace, nullptr);
    for (const std::string &arn : { kTrailAppRole, kTrailDeployRole, kTrailPartnerRole, kTrailAlice }) {
        const LeastPrivilegePolicy generated =
            LeastPrivilegePolicy::generate(*report.principal(arn), ServiceCatalog::builtin(), nullptr);
        const Diagnostics diagnostics = validatePolicyText(generated.text, PolicyKind::Identity);
        QVERIFY2(!hasErrors(diagnostics), (arn + "\n" + errorsOf(diagnostics) + generated.text).c_str());
    }
}

void TestLeastPrivilegePolicy::actionsWithoutResourceLevelPermissionsGetAStar()
{
    // Service Authorization Reference: an action with no resource type takes only "Resource": "*".
    PrincipalUsage usage;
    usage.arn = kTrailDeployRole;
    usage.actions.push_back({ "dynamodb:DescribeLimits", AccessLevel::Read, 1, 1, 1, {}, false });
    const LeastPrivilegePolicy generated = LeastPrivilegePolicy::generate(usage, ServiceCatalog::builtin(), nullptr);
    QVERIFY(generated.placeholders.empty());
    const CompiledPolicy proposal = compiledPolicyOf(generated.text, "generated");
    QCOMPARE(decide({ &proposal }, kTrailDeployRole, "dynamodb:DescribeLimits", "*"), Decision::Allowed);
}

void TestLeastPrivilegePolicy::aResourceNotInTheRecordsIsAPlaceholder()
{
    PrincipalUsage usage;
    usage.arn = kTrailDeployRole;
    usage.actions.push_back({ "dynamodb:DescribeTable", AccessLevel::Read, 1, 1, 1, {}, false });
    const LeastPrivilegePolicy generated = LeastPrivilegePolicy::generate(usage, ServiceCatalog::builtin(), nullptr);
    QCOMPARE(generated.placeholders.size(), std::size_t(1));
    QVERIFY2(generated.placeholders[0].find("arn:aws:dynamodb:${Region}:111111111111:table/${TableName}")
            != std::string::npos,
        generated.placeholders[0].c_str());
    QVERIFY(generated.text.find("table/${TableName}") != std::string::npos);
    QVERIFY(!hasErrors(validatePolicyText(generated.text, PolicyKind::Identity)));
}

void TestLeastPrivilegePolicy::passRoleIsNotedWhenTheCurrentPolicyGrantsIt()
{
    // IAM User Guide, "Granting a user permissions to pass a role to an AWS service": iam:PassRole is a permission
    // checked by the service, never an API call that CloudTrail records.
    const Workspace workspace = cloudTrailWorkspace();
    const std::shared_ptr<const AccountModel> model = AccountModel::build(workspace);
    PrincipalUsage usage;
    usage.arn = kTrailAppRole;
    usage.actions.push_back({ "ec2:DescribeInstances", AccessLevel::List, 1, 1, 1, {}, false });
    const Role *app = nullptr;
    const Role *deploy = nullptr;
    for (const Role &r : workspace.roles) {
        if (r.arn == kTrailAppRole)
            app = &r;
        if (r.arn == kTrailDeployRole)
            deploy = &r;
    }
    const LeastPrivilegePolicy withPassRole =
        LeastPrivilegePolicy::generate(usage, ServiceCatalog::builtin(), model->policiesOf(app->id));
    QCOMPARE(withPassRole.notes.size(), std::size_t(1));
    QVERIFY(withPassRole.notes[0].find("iam:PassRole") != std::string::npos);
    const LeastPrivilegePolicy without =
        LeastPrivilegePolicy::generate(usage, ServiceCatalog::builtin(), model->policiesOf(deploy->id));
    QVERIFY(without.notes.empty());
}

QTEST_APPLESS_MAIN(TestLeastPrivilegePolicy)
#include "TestLeastPrivilegePolicy.moc"
