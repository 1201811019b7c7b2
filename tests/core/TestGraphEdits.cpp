// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The graph editor's edits (core/GraphEdits) and the shared trust hardening rules (core/TrustHardening). Each row
// names the IAM User Guide page it relies on: "IAM JSON policy elements: Principal", "Cross account resource access
// in IAM", "How IAM roles differ from resource-based policies", "Access to AWS accounts owned by third parties",
// "The confused deputy problem", "Create a role for OIDC federation", "Create a role for SAML 2.0 federation",
// "IAM user groups", "Policy evaluation logic".
#include "PolicyText.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/GraphEdits.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/policy/TrustHardening.h"
#include "rd/core/validation/PolicyValidator.h"

#include <QtTest>

#include <algorithm>
#include <string>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestGraphEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hardeningRules_data();
    void hardeningRules();
    void hardeningIsAppliedOnceAndKeepsOtherConditions();

    void trustStatementForEachPrincipalKind_data();
    void trustStatementForEachPrincipalKind();
    void groupsAndResourcesCannotBeTrusted();
    void crossAccountTrustAddsBothSides();
    void duplicateTrustIsRefused();
    void crossAccountTrustCompletesAMissingCallerSide();
    void crossAccountCallerAllowedByItsPoliciesGetsOnlyTheTrust();
    void crossAccountCallerSideReadsBoundaryAndNotElements_data();
    void crossAccountCallerSideReadsBoundaryAndNotElements();

    void permissionStatementIsCreatedThenMerged();
    void permissionActionsAreValidated_data();
    void permissionActionsAreValidated();
    void permissionAlreadyAllowedReadsBoundaryAndNotElements_data();
    void permissionAlreadyAllowedReadsBoundaryAndNotElements();

    void removalNarrowsAMultiPrincipalTrustStatement();
    void removalDeletesASinglePrincipalTrustStatement();
    void removalOfABroadTrustCutsTheCallersSide();
    void removalOfABroadTrustWithAWildcardCallerIsRefused();
    void removalNarrowsAResourceList();
    void removalOfTheLastStatementRemovesTheInlinePolicy();
    void removalInACustomerManagedPolicyNamesItsOtherUsers();
    void removalThatWouldEmptyACustomerManagedPolicyDetachesIt();
    void removalOfAnAwsManagedGrantIsRefused();
    void removalOfAGrantNarrowedByABoundaryIsRefused();
    void removalNarrowsAResourcePolicyPrincipal();
    void memberOfRemovalLeavesTheGroup();
    void removalInAGroupPolicyNamesTheOtherMembers();
    void removalOfTheOnlyTrustStatementLeavesNobodyTrusted();
    void policySourcesNameTheWorkspacePolicies();

    void badInputGivesErrorsNotCrashes();
    void actionsForResourceFollowTheArnFormats();
};

namespace
{

const std::string kA = "111122223333";
const std::string kB = "444455556666";
const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kCarol = "arn:aws:iam::111122223333:user/carol";
const std::string kDave = "arn:aws:iam::111122223333:user/dave";
const std::string kBob = "arn:aws:iam::444455556666:user/bob";
const std::string kDeploy = "arn:aws:iam::111122223333:role/deploy";
const std::string kApp = "arn:aws:iam::111122223333:role/app";
const std::string kTarget = "arn:aws:iam::111122223333:role/target";
const std::string kBroad = "arn:aws:iam::111122223333:role/broad";
const std::string kWorker = "arn:aws:iam::111122223333:role/worker";
const std::string kShared = "arn:aws:iam::111122223333:policy/Shared";
const std::string kOnlyLogs = "arn:aws:iam::111122223333:policy/OnlyLogs";
const std::string kS3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
const std::string kReports = "arn:aws:s3:::reports/*";
const std::string kArchive = "arn:aws:s3:::archive/*";
const std::string kLogs = "arn:aws:s3:::logs/*";
const std::string kQueue = "arn:aws:sqs:us-east-1:111122223333:jobs";
const std::string kTeam = "arn:aws:s3:::team";
const std::string kErin = "arn:aws:iam::111122223333:user/erin";
const std::string kSaml = "arn:aws:iam::111122223333:saml-provider/Corp";
const std::string kGitHub = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";
const std::string kOtherOidc = "arn:aws:iam::111122223333:oidc-provider/auth.example.com";
const std::string kBoundaryA = "arn:aws:iam::111122223333:policy/Boundary";
const std::string kBoundaryB = "arn:aws:iam::444455556666:policy/Boundary";
const std::string kMissingBoundary = "arn:aws:iam::444455556666:policy/Missing";

std::string minified(const Policy &policy)
{
    return writePolicy(policy, WriteStyle::Minified);
}

Role roleOf(const std::string &name, const std::string &arn, const std::string &trust)
{
    Role role;
    role.accountId = accountOfArn(arn);
    role.name = name;
    role.arn = arn;
    role.trustPolicy = policyOf(policyDocument(trust));
    return role;
}

User userOf(const std::string &name, const std::string &arn)
{
    User user;
    user.accountId = accountOfArn(arn);
    user.name = name;
    user.arn = arn;
    return user;
}

ManagedPolicy managedOf(const std::string &name, const std::string &arn, const std::string &statements)
{
    ManagedPolicy policy;
    policy.name = name;
    policy.arn = arn;
    policy.defaultVersionId = "v1";
    policy.versions.push_back({ "v1", true, {}, policyOf(policyDocument(statements)) });
    return policy;
}

Resource resourceOf(const std::string &arn, const std::string &type, const std::string &name)
{
    Resource r;
    r.arn = arn;
    r.type = type;
    r.name = name;
    return r;
}

Workspace makeWorkspace()
{
    Workspace w;
    w.name = "edits";
    w.accounts.push_back({ kA, "a" });
    w.accounts.push_back({ kB, "b" });
    w.add(userOf("alice", kAlice));
    w.add(userOf("carol", kCarol));
    User dave = userOf("dave", kDave);
    dave.groupNames.push_back("Readers");
    w.add(dave);
    User bob = userOf("bob", kBob);
    w.add(bob);
    Group readers;
    readers.accountId = kA;
    readers.name = "Readers";
    readers.arn = "arn:aws:iam::111122223333:group/Readers";
    readers.inlinePolicies.push_back({ "ReadTeam",
        policyOf(policyDocument(
            R"({"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":")" + kTeam + R"("})")) });
    w.add(readers);
    User erin = userOf("erin", kErin);
    erin.groupNames.push_back("Readers");
    w.add(erin);

    // deploy: a statement naming two users, one naming dave alone.
    w.add(roleOf("deploy", kDeploy,
        R"({"Sid":"Pair","Effect":"Allow","Principal":{"AWS":[")" + kAlice + R"(",")" + kCarol
            + R"("]},"Action":"sts:AssumeRole"},{"Sid":"OnlyDave","Effect":"Allow","Principal":{"AWS":")" + kDave
            + R"("},"Action":"sts:AssumeRole"})"));
    // app: trusted by Lambda; reads two buckets in one statement, the queue in another; an AWS managed policy.
    Role app = roleOf(
        "app", kApp, R"({"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"})");
    app.inlinePolicies.push_back({ "AppPermissions",
        policyOf(policyDocument(R"({"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":[")" + kReports
            + R"(",")" + kArchive + R"("]})")) });
    app.inlinePolicies.push_back({ "Queue",
        policyOf(policyDocument(
            R"({"Sid":"Send","Effect":"Allow","Action":"sqs:SendMessage","Resource":")" + kQueue + R"("})")) });
    app.attachedPolicyArns.push_back(kS3ReadOnly);
    app.attachedPolicyArns.push_back(kShared);
    w.add(app);
    // target: trusts nobody yet.
    Role target = roleOf("target", kTarget, "");
    w.add(target);
    // broad: trusts its whole account; alice's own policy names it exactly, carol's allows every role.
    w.add(roleOf("broad", kBroad,
        R"({"Sid":"Account","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"})"));
    // worker: attaches Shared (also attached to app) and OnlyLogs.
    Role worker = roleOf("worker", kWorker,
        R"({"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"})");
    worker.attachedPolicyArns.push_back(kShared);
    worker.attachedPolicyArns.push_back(kOnlyLogs);
    w.add(worker);
    w.add(managedOf("Shared", kShared,
        R"({"Sid":"Jobs","Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":[")" + kQueue
            + R"(","arn:aws:sqs:us-east-1:111122223333:other"]})"));
    w.add(managedOf("OnlyLogs", kOnlyLogs,
        R"({"Sid":"Logs","Effect":"Allow","Action":"s3:PutObject","Resource":")" + kLogs + R"("})"));

    for (User &u : w.users) {
        if (u.name == "alice")
            u.inlinePolicies.push_back({ "AssumeBroad",
                policyOf(policyDocument(
                    R"({"Sid":"Broad","Effect":"Allow","Action":"sts:AssumeRole","Resource":")" + kBroad + R"("})")) });
        if (u.name == "carol")
            u.inlinePolicies.push_back({ "AssumeAny",
                policyOf(
                    policyDocument(R"({"Sid":"Any","Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})")) });
    }

    Resource reports = resourceOf("arn:aws:s3:::reports/*", "AWS::S3::Bucket", "reports");
    w.add(reports);
    w.add(resourceOf(kLogs, "AWS::S3::Bucket", "logs"));
    // A bucket policy that grants carol and dave, on two object prefixes.
    Resource shared = resourceOf("arn:aws:s3:::shared", "AWS::S3::Bucket", "shared");
    shared.accountId = kA;
    shared.policy =
        policyOf(policyDocument(R"({"Sid":"Team","Effect":"Allow","Principal":{"AWS":[")" + kCarol + R"(",")" + kDave
            + R"("]},"Action":"s3:GetObject","Resource":["arn:aws:s3:::shared/a/*","arn:aws:s3:::shared/b/*"]})"));
    w.add(shared);

    w.externalPrincipals.push_back({ {}, ExternalPrincipalKind::Account, "999988887777", "vendor" });
    w.externalPrincipals.push_back({ {}, ExternalPrincipalKind::Service, "ecs-tasks.amazonaws.com", "ecs" });
    w.externalPrincipals.push_back({ {}, ExternalPrincipalKind::SamlProvider, kSaml, "corp" });
    w.externalPrincipals.push_back({ {}, ExternalPrincipalKind::OidcProvider, kGitHub, "github" });
    w.externalPrincipals.push_back({ {}, ExternalPrincipalKind::OidcProvider, kOtherOidc, "example" });
    return w;
}

const Role *roleNamed(const Workspace &w, const std::string &name)
{
    for (const Role &r : w.roles) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const User *userNamed(const Workspace &w, const std::string &name)
{
    for (const User &u : w.users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

std::size_t nodeOf(const AccessGraph &g, const std::string &key, GraphNodeKind kind)
{
    const std::size_t n = g.find(key, kind);
    if (n == AccessGraph::npos)
        qFatal("no node %s", key.c_str());
    return n;
}

/// The edge of a kind between two node keys, npos when none.
std::size_t edgeOf(const AccessGraph &g, GraphEdgeKind kind, const std::string &from, const std::string &to)
{
    const std::size_t f = g.find(from);
    std::size_t t = g.find(to);
    if (kind == GraphEdgeKind::MayActOn)
        t = g.find(to, GraphNodeKind::Resource);
    if (f == AccessGraph::npos || t == AccessGraph::npos)
        return AccessGraph::npos;
    for (std::size_t e : g.outEdges(f)) {
        if (g.edges()[e].kind == kind && g.edges()[e].to == t)
            return e;
    }
    return AccessGraph::npos;
}

bool hasNote(const GraphEditPlan &plan, const std::string &part)
{
    return std::any_of(
        plan.notes.begin(), plan.notes.end(), [&](const std::string &n) { return n.find(part) != std::string::npos; });
}

std::string allNotes(const GraphEditPlan &plan)
{
    std::string out;
    for (const std::string &n : plan.notes)
        out += n + "\n";
    return out;
}

bool anyError(const Diagnostics &diagnostics)
{
    return std::any_of(
        diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

/// Applies a successful plan to a copy of the workspace.
Workspace applied(const Workspace &w, const GraphEditResult &result)
{
    if (!result.plan)
        qFatal("no plan: %s", result.error.c_str());
    Workspace after = w;
    if (!applyPlan(after, *result.plan))
        qFatal("plan does not apply");
    return after;
}

} // namespace

// --- TrustHardening ---------------------------------------------------------------------------------------------

void TestGraphEdits::hardeningRules_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("roleAccount");
    QTest::addColumn<QString>("applicable");
    QTest::addColumn<QString>("conditionAfterAll");

    QTest::newRow("Access to AWS accounts owned by third parties: another account's root needs sts:ExternalId")
        << R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"})"
        << "111122223333"
        << "ExternalId"
        << R"({"StringEquals":{"sts:ExternalId":"ext-1"}})";
    QTest::newRow("Access to AWS accounts owned by third parties: the role's own account needs no external ID")
        << R"({"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"})"
        << "111122223333"
        << ""
        << "";
    QTest::newRow("Access to AWS accounts owned by third parties: an external ID already there is not added again")
        << R"({"Effect":"Allow","Principal":{"AWS":"999988887777"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:externalid":"x"}}})"
        << "111122223333"
        << ""
        << R"({"StringEquals":{"sts:externalid":"x"}})";
    QTest::newRow("The confused deputy problem: a service principal gets aws:SourceAccount")
        << R"({"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"})"
        << "111122223333"
        << "SourceAccount"
        << R"({"StringEquals":{"aws:SourceAccount":"111122223333"}})";
    QTest::newRow("The confused deputy problem: aws:SourceArn already limits the service")
        << R"({"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}})"
        << "111122223333"
        << ""
        << R"({"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}})";
    QTest::newRow("The confused deputy problem: no account to name when the role's is unknown")
        << R"({"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"})"
        << ""
        << ""
        << "";
    QTest::newRow("Create a role for OIDC federation: GitHub gets aud sts.amazonaws.com and a repository subject")
        << R"({"Effect":"Allow","Principal":{"Federated":")" + QString::fromStdString(kGitHub)
            + R"("},"Action":"sts:AssumeRoleWithWebIdentity"})"
        << "111122223333"
        << "OidcAudience,OidcSubject"
        << R"({"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:OWNER/REPO:*"}})";
    QTest::newRow("Create a role for OIDC federation: Amazon Cognito needs an audience (the identity pool)")
        << R"({"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"})"
        << "111122223333"
        << "OidcAudience"
        << R"({"StringEquals":{"cognito-identity.amazonaws.com:aud":""}})";
    QTest::newRow("Create a role for SAML 2.0 federation: SAML:aud is the sign-in endpoint")
        << R"({"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/Corp"},"Action":"sts:AssumeRoleWithSAML"})"
        << "111122223333"
        << "SamlAudience"
        << R"({"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}})";
    QTest::newRow("IAM JSON policy elements: Principal: Deny statements and the * form are not hardened")
        << R"({"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"})"
        << "111122223333"
        << ""
        << "";
}

void TestGraphEdits::hardeningRules()
{
    QFETCH(QString, statement);
    QFETCH(QString, roleAccount);
    QFETCH(QString, applicable);
    QFETCH(QString, conditionAfterAll);

    Policy policy = policyOf(policyDocument(statement.toStdString()));
    clearSourceRanges(policy);
    Statement &s = policy.statements.front();
    const std::string account = roleAccount.toStdString();
    QStringList names;
    for (TrustHardening h : applicableHardening(s, account)) {
        switch (h) {
        case TrustHardening::ExternalId:
            names << "ExternalId";
            break;
        case TrustHardening::SourceAccount:
            names << "SourceAccount";
            break;
        case TrustHardening::OidcAudience:
            names << "OidcAudience";
            break;
        case TrustHardening::OidcSubject:
            names << "OidcSubject";
            break;
        case TrustHardening::SamlAudience:
            names << "SamlAudience";
            break;
        }
    }
    QCOMPARE(names.join(','), applicable);
    for (TrustHardening h : kAllTrustHardening)
        applyHardening(s, h, account, "ext-1");
    QVERIFY(applicableHardening(s, account).empty());
    const std::string text = minified(policy);
    const std::size_t at = text.find("\"Condition\":");
    const std::string condition = at == std::string::npos ? std::string() : text.substr(at + 12, text.size() - at - 15);
    QCOMPARE(QString::fromStdString(condition), conditionAfterAll);
}

void TestGraphEdits::hardeningIsAppliedOnceAndKeepsOtherConditions()
{
    // The confused deputy problem; condition keys are case-insensitive, so a second application adds nothing.
    Policy policy = policyOf(policyDocument(
        R"({"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}})"));
    Statement &s = policy.statements.front();
    applyHardening(s, TrustHardening::SourceAccount, kA, "x");
    applyHardening(s, TrustHardening::SourceAccount, kA, "x");
    applyHardening(s, TrustHardening::ExternalId, kA, "x");
    QCOMPARE(s.condition->clauses.size(), std::size_t(1));
    QCOMPARE(s.condition->clauses[0].entries.size(), std::size_t(2));
    QCOMPARE(s.condition->clauses[0].entries[1].key.value, std::string("aws:SourceAccount"));
    QVERIFY(!hasThirdPartyAccount(s, kA));
}

// --- planTrust ------------------------------------------------------------------------------------------------------

void TestGraphEdits::trustStatementForEachPrincipalKind_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("note");

    auto q = [](const std::string &s) { return QString::fromStdString(s); };
    QTest::newRow("IAM JSON policy elements: Principal: a user by its exact ARN, sts:AssumeRole only")
        << q(kAlice) << int(GraphNodeKind::User)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustAlice","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"sts:AssumeRole"}]})"
        << "";
    QTest::newRow("IAM JSON policy elements: Principal: a role by its exact ARN, never the account root")
        << q(kApp) << int(GraphNodeKind::Role)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustApp","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"sts:AssumeRole"}]})"
        << "";
    QTest::newRow("Access to AWS accounts owned by third parties: an outside account by its root, with an external ID")
        << "arn:aws:iam::999988887777:root" << int(GraphNodeKind::Account)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustAccount999988887777","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-42"}}}]})"
        << "ext-42";
    QTest::newRow("The confused deputy problem: a service with aws:SourceAccount")
        << "ecs-tasks.amazonaws.com" << int(GraphNodeKind::Service)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustEcsTasks","Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}]})"
        << "aws:SourceAccount";
    QTest::newRow("Create a role for SAML 2.0 federation: Federated provider ARN, sts:AssumeRoleWithSAML, SAML:aud")
        << "arn:aws:iam::111122223333:saml-provider/corp" << int(GraphNodeKind::Provider)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustCorp","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/Corp"},"Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]})"
        << "SAML:aud";
    QTest::newRow("Create a role for OIDC federation: GitHub with its audience and a subject to fill in")
        << "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" << int(GraphNodeKind::Provider)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustTokenActionsGithubusercontentCom","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:OWNER/REPO:*"}}}]})"
        << "replace the placeholder \"repo:OWNER/REPO:*\"";
    QTest::newRow("Create a role for OIDC federation: another provider's audience and subject are left to fill in")
        << "arn:aws:iam::111122223333:oidc-provider/auth.example.com" << int(GraphNodeKind::Provider)
        << R"({"Version":"2012-10-17","Statement":[{"Sid":"TrustAuthExampleCom","Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/auth.example.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"auth.example.com:aud":""},"StringLike":{"auth.example.com:sub":""}}}]})"
        << "Fill in StringEquals auth.example.com:aud with the client ID (audience): until then the empty value";
}

void TestGraphEdits::trustStatementForEachPrincipalKind()
{
    QFETCH(QString, principal);
    QFETCH(int, kind);
    QFETCH(QString, expected);
    QFETCH(QString, note);

    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const Role *target = roleNamed(w, "target");
    const std::size_t node = nodeOf(g, principal.toStdString(), GraphNodeKind(kind));
    const GraphEditResult result = planTrust(w, *gModel, node, target->id, "ext-42");
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->entities.size(), std::size_t(1));
    QVERIFY(result.plan->description.starts_with("Trust "));
    QVERIFY(result.plan->description.ends_with(" in role target"));
    if (!note.isEmpty())
        QVERIFY2(hasNote(*result.plan, note.toStdString()), allNotes(*result.plan).c_str());
    const Workspace after = applied(w, result);
    QCOMPARE(QString::fromStdString(minified(roleNamed(after, "target")->trustPolicy)), expected);
    // The validator accepts what the edit writes (no errors; security findings may remain for placeholders).
    ValidationOptions options;
    options.ownerAccount = kA;
    QVERIFY(!anyError(validatePolicy(roleNamed(after, "target")->trustPolicy, PolicyKind::Trust, options)));
    // And the rebuilt graph has the edge.
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    const std::size_t from = rebuilt.find(principal.toStdString(), GraphNodeKind(kind));
    const std::size_t to = rebuilt.find(kTarget, GraphNodeKind::Role);
    const auto &out = rebuilt.outEdges(from);
    const auto edge = std::find_if(out.begin(), out.end(), [&](std::size_t e) {
        return rebuilt.edges()[e].kind == GraphEdgeKind::MayAssume && rebuilt.edges()[e].to == to;
    });
    QVERIFY(edge != out.end());
    // Deleting the new edge takes the statement out again: the trust policy is as it was.
    const GraphEditResult removal = planEdgeRemoval(after, *rebuiltModel, *edge);
    QVERIFY2(removal.plan, removal.error.c_str());
    QCOMPARE(minified(roleNamed(applied(after, removal), "target")->trustPolicy),
        minified(roleNamed(w, "target")->trustPolicy));
}

void TestGraphEdits::groupsAndResourcesCannotBeTrusted()
{
    // IAM JSON policy elements: Principal: "You cannot identify a user group as a principal".
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const Role *target = roleNamed(w, "target");
    const GraphEditResult group = planTrust(
        w, *gModel, nodeOf(g, "arn:aws:iam::111122223333:group/Readers", GraphNodeKind::Group), target->id, "x");
    QVERIFY(!group.plan);
    QVERIFY2(group.error.find("a group cannot be a principal") != std::string::npos, group.error.c_str());
    const GraphEditResult resource = planTrust(w, *gModel, nodeOf(g, kLogs, GraphNodeKind::Resource), target->id, "x");
    QVERIFY(!resource.plan);
    QVERIFY(resource.error.find("not a principal") != std::string::npos);
}

void TestGraphEdits::crossAccountTrustAddsBothSides()
{
    // Cross account resource access in IAM: the trust policy and the caller's identity policy must both allow it.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const Role *target = roleNamed(w, "target");
    const GraphEditResult result = planTrust(w, *gModel, nodeOf(g, kBob, GraphNodeKind::User), target->id, "ext-7");
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->entities.size(), std::size_t(2));
    QVERIFY(std::holds_alternative<Role>(result.plan->entities[0]));
    QVERIFY(std::holds_alternative<User>(result.plan->entities[1]));
    QVERIFY(hasNote(*result.plan, "both the trust policy and the caller's own policies"));
    const Workspace after = applied(w, result);
    const User *bob = userNamed(after, "bob");
    QCOMPARE(bob->inlinePolicies.size(), std::size_t(1));
    QCOMPARE(bob->inlinePolicies[0].name, std::string(kGraphEditorPolicyName));
    const std::string identity =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"AssumeRoleTarget","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/target"}]})";
    QCOMPARE(minified(bob->inlinePolicies[0].document), identity);
    // Another account: the external ID hardening applies too.
    const std::string trust = minified(roleNamed(after, "target")->trustPolicy);
    const std::string bobPrincipal = R"("Principal":{"AWS":"arn:aws:iam::444455556666:user/bob"})";
    const std::string externalId = R"("sts:ExternalId":"ext-7")";
    QVERIFY2(trust.find(bobPrincipal) != std::string::npos, trust.c_str());
    QVERIFY(trust.find(externalId) != std::string::npos);
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    const std::size_t edge = edgeOf(rebuilt, GraphEdgeKind::MayAssume, kBob, kTarget);
    QVERIFY(edge != AccessGraph::npos);
    QCOMPARE(rebuilt.edges()[edge].conditionKeys, std::vector<std::string> { "sts:ExternalId" });
    // Before the edit there was no such edge.
    QCOMPARE(edgeOf(g, GraphEdgeKind::MayAssume, kBob, kTarget), AccessGraph::npos);
}

void TestGraphEdits::duplicateTrustIsRefused()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result =
        planTrust(w, *gModel, nodeOf(g, kDave, GraphNodeKind::User), roleNamed(w, "deploy")->id, "x");
    QVERIFY(!result.plan);
    QVERIFY2(
        result.error.find("already trusts user dave without conditions") != std::string::npos, result.error.c_str());
    // A trust added once is refused the second time.
    const Workspace once =
        applied(w, planTrust(w, *gModel, nodeOf(g, kAlice, GraphNodeKind::User), roleNamed(w, "target")->id, "x"));
    const std::shared_ptr<const AccountModel> g2Model = AccountModel::build(once);
    const AccessGraph &g2 = g2Model->graph();
    QVERIFY(
        !planTrust(once, *g2Model, nodeOf(g2, kAlice, GraphNodeKind::User), roleNamed(once, "target")->id, "x").plan);
}

void TestGraphEdits::crossAccountTrustCompletesAMissingCallerSide()
{
    // Cross account resource access in IAM: a trust that names bob already but bob's side is missing: only his side
    // is added.
    Workspace w = makeWorkspace();
    for (Role &r : w.roles) {
        if (r.name == "target")
            r.trustPolicy = policyOf(policyDocument(
                R"({"Sid":"Bob","Effect":"Allow","Principal":{"AWS":")" + kBob + R"("},"Action":"sts:AssumeRole"})"));
    }
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result =
        planTrust(w, *gModel, nodeOf(g, kBob, GraphNodeKind::User), roleNamed(w, "target")->id, "x");
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->entities.size(), std::size_t(1));
    QVERIFY(std::holds_alternative<User>(result.plan->entities[0]));
    QVERIFY(hasNote(*result.plan, "only the caller's side was missing"));
    const Workspace after = applied(w, result);
    QVERIFY(edgeOf(AccessGraph::build(after), GraphEdgeKind::MayAssume, kBob, kTarget) != AccessGraph::npos);
}

void TestGraphEdits::crossAccountCallerAllowedByItsPoliciesGetsOnlyTheTrust()
{
    // Cross account resource access in IAM: bob's attached AWS managed AdministratorAccess already allows
    // sts:AssumeRole on every role, so only the trust side is added.
    Workspace w = makeWorkspace();
    for (User &u : w.users) {
        if (u.name == "bob")
            u.attachedPolicyArns.push_back("arn:aws:iam::aws:policy/AdministratorAccess");
    }
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result =
        planTrust(w, *gModel, nodeOf(g, kBob, GraphNodeKind::User), roleNamed(w, "target")->id, "x");
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->entities.size(), std::size_t(1));
    QVERIFY(std::holds_alternative<Role>(result.plan->entities[0]));
    QVERIFY(
        edgeOf(AccessGraph::build(applied(w, result)), GraphEdgeKind::MayAssume, kBob, kTarget) != AccessGraph::npos);
}

void TestGraphEdits::crossAccountCallerSideReadsBoundaryAndNotElements_data()
{
    // bob (account B) gets `inline` as his inline policy, `attached` attached, and `boundary` (the statements of a
    // managed policy of his account, or "missing" for an ARN found nowhere) as his permissions boundary; the trust of
    // role target (account A) then needs his side only when his policies do not already allow sts:AssumeRole on it.
    QTest::addColumn<QString>("inlineStatement");
    QTest::addColumn<QString>("attached");
    QTest::addColumn<QString>("boundary");
    QTest::addColumn<bool>("callerSideAdded");
    QTest::addColumn<QString>("note");
    QTest::addColumn<bool>("edgeAfter");
    const QString admin = QStringLiteral("arn:aws:iam::aws:policy/AdministratorAccess");
    const QString onlyS3 = QStringLiteral(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})");
    QTest::newRow("Permissions boundaries for IAM entities: a boundary that does not allow sts:AssumeRole: bob's side "
                  "is still added, with a note")
        << QString() << admin << onlyS3 << true << "does not allow sts:AssumeRole" << false;
    QTest::newRow("Permissions boundaries for IAM entities: a boundary that allows sts:AssumeRole: only the trust")
        << QString() << admin << R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})" << false << QString()
        << true;
    QTest::newRow("Permissions boundaries for IAM entities: a boundary allowing it only under a condition is not "
                  "enough: bob's side is added (the edge stays conditional)")
        << QString() << admin
        << R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}})"
        << true << "does not allow sts:AssumeRole" << true;
    QTest::newRow("Permissions boundaries for IAM entities: a boundary found nowhere is not applied (as by the "
                  "evaluator): only the trust")
        << QString() << admin << "missing" << false << QString() << true;
    QTest::newRow("IAM JSON policy elements: NotAction: NotAction iam:* allows sts:AssumeRole: only the trust")
        << R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"})" << QString() << QString() << false << QString()
        << true;
    QTest::newRow("IAM JSON policy elements: NotAction: NotAction sts:* does not allow sts:AssumeRole: bob's side")
        << R"({"Effect":"Allow","NotAction":"sts:*","Resource":"*"})" << QString() << QString() << true << QString()
        << true;
    QTest::newRow("IAM JSON policy elements: NotResource: NotResource naming another role allows this one: only the "
                  "trust")
        << R"({"Effect":"Allow","Action":"sts:AssumeRole","NotResource":")" + QString::fromStdString(kDeploy) + R"("})"
        << QString() << QString() << false << QString() << true;
    QTest::newRow("IAM JSON policy elements: NotResource: NotResource naming the role does not allow it: bob's side")
        << R"({"Effect":"Allow","Action":"sts:AssumeRole","NotResource":")" + QString::fromStdString(kTarget) + R"("})"
        << QString() << QString() << true << QString() << true;
}

void TestGraphEdits::crossAccountCallerSideReadsBoundaryAndNotElements()
{
    QFETCH(QString, inlineStatement);
    QFETCH(QString, attached);
    QFETCH(QString, boundary);
    QFETCH(bool, callerSideAdded);
    QFETCH(QString, note);
    QFETCH(bool, edgeAfter);

    Workspace w = makeWorkspace();
    if (!boundary.isEmpty() && boundary != QStringLiteral("missing"))
        w.add(managedOf("Boundary", kBoundaryB, boundary.toStdString()));
    for (User &u : w.users) {
        if (u.name != "bob")
            continue;
        if (!inlineStatement.isEmpty())
            u.inlinePolicies.push_back({ "Own", policyOf(policyDocument(inlineStatement.toStdString())) });
        if (!attached.isEmpty())
            u.attachedPolicyArns.push_back(attached.toStdString());
        if (!boundary.isEmpty())
            u.permissionsBoundaryArn = boundary == QStringLiteral("missing") ? kMissingBoundary : kBoundaryB;
    }
    const std::shared_ptr<const AccountModel> model = AccountModel::build(w);
    const GraphEditResult result =
        planTrust(w, *model, nodeOf(model->graph(), kBob, GraphNodeKind::User), roleNamed(w, "target")->id, "x");
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->entities.size(), std::size_t(callerSideAdded ? 2 : 1));
    QVERIFY(std::holds_alternative<Role>(result.plan->entities[0]));
    if (!note.isEmpty())
        QVERIFY2(hasNote(*result.plan, note.toStdString()), allNotes(*result.plan).c_str());
    else
        QVERIFY2(!hasNote(*result.plan, "permissions boundary"), allNotes(*result.plan).c_str());
    const Workspace after = applied(w, result);
    QCOMPARE(edgeOf(AccountModel::build(after)->graph(), GraphEdgeKind::MayAssume, kBob, kTarget) != AccessGraph::npos,
        edgeAfter);
}

// --- planPermission -------------------------------------------------------------------------------------------------

void TestGraphEdits::permissionStatementIsCreatedThenMerged()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const RoleId target = roleNamed(w, "target")->id;
    const GraphEditResult first =
        planPermission(w, *gModel, target, nodeOf(g, kReports, GraphNodeKind::Resource), { "s3:GetObject" });
    QVERIFY2(first.plan, first.error.c_str());
    QCOMPARE(first.plan->description, std::string("Allow s3:GetObject on reports for role target"));
    const Workspace once = applied(w, first);
    const Role *role = roleNamed(once, "target");
    QCOMPARE(role->inlinePolicies.size(), std::size_t(1));
    QCOMPARE(role->inlinePolicies[0].name, std::string(kGraphEditorPolicyName));
    const std::string created =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"AllowS3Reports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]})";
    QCOMPARE(minified(role->inlinePolicies[0].document), created);
    const std::shared_ptr<const AccountModel> g2Model = AccountModel::build(once);
    const AccessGraph &g2 = g2Model->graph();
    QVERIFY(edgeOf(g2, GraphEdgeKind::MayActOn, kTarget, kReports) != AccessGraph::npos);

    // The same actions on another resource: merged into that statement.
    const GraphEditResult second =
        planPermission(once, *g2Model, target, nodeOf(g2, kLogs, GraphNodeKind::Resource), { "S3:getobject" });
    QVERIFY2(second.plan, second.error.c_str());
    QVERIFY(hasNote(*second.plan, "Added arn:aws:s3:::logs/* to statement AllowS3Reports"));
    const Workspace twice = applied(once, second);
    const std::string merged =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"AllowS3Reports","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::reports/*","arn:aws:s3:::logs/*"]}]})";
    QCOMPARE(minified(roleNamed(twice, "target")->inlinePolicies[0].document), merged);

    // Other actions: a statement of their own; the Sid stays unique.
    const std::shared_ptr<const AccountModel> g3Model = AccountModel::build(twice);
    const AccessGraph &g3 = g3Model->graph();
    const GraphEditResult third = planPermission(
        twice, *g3Model, target, nodeOf(g3, kReports, GraphNodeKind::Resource), { "s3:PutObject", "s3:DeleteObject" });
    QVERIFY2(third.plan, third.error.c_str());
    const Workspace thrice = applied(twice, third);
    const std::string appended =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"AllowS3Reports","Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::reports/*","arn:aws:s3:::logs/*"]},{"Sid":"AllowS3Reports2","Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::reports/*"}]})";
    QCOMPARE(minified(roleNamed(thrice, "target")->inlinePolicies[0].document), appended);
    ValidationOptions options;
    options.ownerAccount = kA;
    QVERIFY(!anyError(
        validatePolicy(roleNamed(thrice, "target")->inlinePolicies[0].document, PolicyKind::Identity, options)));

    // Already allowed: refused.
    const std::shared_ptr<const AccountModel> g4Model = AccountModel::build(thrice);
    const AccessGraph &g4 = g4Model->graph();
    const GraphEditResult again =
        planPermission(thrice, *g4Model, target, nodeOf(g4, kLogs, GraphNodeKind::Resource), { "s3:GetObject" });
    QVERIFY(!again.plan);
    QVERIFY(again.error.find("already allow") != std::string::npos);
}

void TestGraphEdits::permissionActionsAreValidated_data()
{
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("message");

    QTest::newRow("IAM JSON policy elements: Action: at least one action") << QStringList {} << false << "at least one";
    QTest::newRow("IAM JSON policy elements: Action: a misspelt action is refused")
        << QStringList { "s3:GetObjekt" } << false << "\"s3:GetObjekt\" is not an action";
    QTest::newRow("IAM JSON policy elements: Action: a pattern that matches nothing is refused")
        << QStringList { "nosuchservice:*" } << false << "matches no action";
    QTest::newRow("IAM JSON policy elements: Action: a value without a service is refused")
        << QStringList { "GetObject" } << false << "is not an action";
    QTest::newRow("IAM JSON policy elements: Action: a wildcard pattern that matches is accepted")
        << QStringList { "s3:Get*" } << true << "";
    QTest::newRow("IAM JSON policy elements: Action: known actions in any case are accepted")
        << QStringList { "s3:putobject", "s3:GetObject" } << true << "";
    QTest::newRow("Service Authorization Reference: an action of another resource type gets a note")
        << QStringList { "s3:ListBucket" } << true << "s3:ListBucket does not act on this kind of resource";
}

void TestGraphEdits::permissionActionsAreValidated()
{
    QFETCH(QStringList, actions);
    QFETCH(bool, accepted);
    QFETCH(QString, message);

    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    std::vector<std::string> list;
    for (const QString &a : actions)
        list.push_back(a.toStdString());
    const GraphEditResult result =
        planPermission(w, *gModel, roleNamed(w, "target")->id, nodeOf(g, kReports, GraphNodeKind::Resource), list);
    QCOMPARE(result.plan.has_value(), accepted);
    if (!accepted)
        QVERIFY2(result.error.find(message.toStdString()) != std::string::npos, result.error.c_str());
    else if (!message.isEmpty())
        QVERIFY2(hasNote(*result.plan, message.toStdString()), allNotes(*result.plan).c_str());
}

void TestGraphEdits::permissionAlreadyAllowedReadsBoundaryAndNotElements_data()
{
    // Role target gets `inline` as an inline policy, `attached` attached and `boundary` (statements of a managed
    // policy) as its permissions boundary; then s3:GetObject is drawn onto the reports bucket's objects.
    QTest::addColumn<QString>("inlineStatement");
    QTest::addColumn<QString>("attached");
    QTest::addColumn<QString>("boundary");
    QTest::addColumn<bool>("added");
    QTest::addColumn<QString>("message");
    const QString allowGet = QStringLiteral(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":")")
        + QString::fromStdString(kReports) + QStringLiteral(R"("})");
    QTest::newRow("Policy evaluation logic: an inline statement already allows it")
        << allowGet << QString() << QString() << false << "already allow s3:GetObject";
    QTest::newRow("Policy evaluation logic: an attached AWS managed policy already allows it")
        << QString() << QString::fromStdString(kS3ReadOnly) << QString() << false
        << "already allow s3:GetObject on arn:aws:s3:::reports/* (" + QString::fromStdString(kS3ReadOnly) + ")";
    QTest::newRow("Policy evaluation logic: a statement with a condition does not already allow it")
        << R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}})"
        << QString() << QString() << true << QString();
    QTest::newRow("Permissions boundaries for IAM entities: allowed, but not by the boundary: the statement is added, "
                  "with a note")
        << allowGet << QString() << R"({"Effect":"Allow","Action":"sqs:*","Resource":"*"})" << true
        << "The permissions boundary " + QString::fromStdString(kBoundaryA)
            + " of role target does not allow s3:GetObject on arn:aws:s3:::reports/*";
    QTest::newRow("Permissions boundaries for IAM entities: allowed by the policies and the boundary: already allowed")
        << allowGet << QString() << R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})" << false << "already allow";
    QTest::newRow("Permissions boundaries for IAM entities: the boundary alone grants nothing: the statement is added")
        << QString() << QString() << R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})" << true << QString();
    QTest::newRow("IAM JSON policy elements: NotAction: NotAction iam:* already allows s3:GetObject")
        << R"({"Effect":"Allow","NotAction":"iam:*","Resource":"*"})" << QString() << QString() << false
        << "already allow";
    QTest::newRow("IAM JSON policy elements: NotAction: NotAction s3:Get* does not allow s3:GetObject")
        << R"({"Effect":"Allow","NotAction":"s3:Get*","Resource":"*"})" << QString() << QString() << true << QString();
    QTest::newRow("IAM JSON policy elements: NotResource: NotResource logs/* already allows reports/*")
        << R"({"Effect":"Allow","Action":"s3:GetObject","NotResource":")" + QString::fromStdString(kLogs) + R"("})"
        << QString() << QString() << false << "already allow";
    QTest::newRow("IAM JSON policy elements: NotResource: NotResource reports/* does not allow reports/*")
        << R"({"Effect":"Allow","Action":"s3:GetObject","NotResource":")" + QString::fromStdString(kReports) + R"("})"
        << QString() << QString() << true << QString();
}

void TestGraphEdits::permissionAlreadyAllowedReadsBoundaryAndNotElements()
{
    QFETCH(QString, inlineStatement);
    QFETCH(QString, attached);
    QFETCH(QString, boundary);
    QFETCH(bool, added);
    QFETCH(QString, message);

    Workspace w = makeWorkspace();
    if (!boundary.isEmpty())
        w.add(managedOf("Boundary", kBoundaryA, boundary.toStdString()));
    for (Role &r : w.roles) {
        if (r.name != "target")
            continue;
        if (!inlineStatement.isEmpty())
            r.inlinePolicies.push_back({ "Own", policyOf(policyDocument(inlineStatement.toStdString())) });
        if (!attached.isEmpty())
            r.attachedPolicyArns.push_back(attached.toStdString());
        if (!boundary.isEmpty())
            r.permissionsBoundaryArn = kBoundaryA;
    }
    const std::shared_ptr<const AccountModel> model = AccountModel::build(w);
    const GraphEditResult result = planPermission(w, *model, roleNamed(w, "target")->id,
        nodeOf(model->graph(), kReports, GraphNodeKind::Resource), { "s3:GetObject" });
    QCOMPARE(result.plan.has_value(), added);
    if (!added)
        QVERIFY2(result.error.find(message.toStdString()) != std::string::npos, result.error.c_str());
    else if (!message.isEmpty())
        QVERIFY2(hasNote(*result.plan, message.toStdString()), allNotes(*result.plan).c_str());
    else
        QVERIFY2(!hasNote(*result.plan, "permissions boundary"), allNotes(*result.plan).c_str());
}

// --- planEdgeRemoval ------------------------------------------------------------------------------------------------

void TestGraphEdits::removalNarrowsAMultiPrincipalTrustStatement()
{
    // IAM JSON policy elements: Principal: removing alice keeps carol in the same statement.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayAssume, kAlice, kDeploy);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->description, std::string("Stop user alice from assuming role deploy"));
    QVERIFY(hasNote(*result.plan, "Narrowed statement Pair"));
    const Workspace after = applied(w, result);
    const std::string expected = policyDocument(R"({"Sid":"Pair","Effect":"Allow","Principal":{"AWS":")" + kCarol
        + R"("},"Action":"sts:AssumeRole"},{"Sid":"OnlyDave","Effect":"Allow","Principal":{"AWS":")" + kDave
        + R"("},"Action":"sts:AssumeRole"})");
    QCOMPARE(minified(roleNamed(after, "deploy")->trustPolicy), expected);
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayAssume, kAlice, kDeploy), AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayAssume, kCarol, kDeploy) != AccessGraph::npos);
}

void TestGraphEdits::removalDeletesASinglePrincipalTrustStatement()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edgeOf(g, GraphEdgeKind::MayAssume, kDave, kDeploy));
    QVERIFY2(result.plan, result.error.c_str());
    const Workspace after = applied(w, result);
    const Policy &trust = roleNamed(after, "deploy")->trustPolicy;
    QCOMPARE(trust.statements.size(), std::size_t(1));
    QCOMPARE(trust.statements[0].sid->value, std::string("Pair"));
    QCOMPARE(edgeOf(AccessGraph::build(after), GraphEdgeKind::MayAssume, kDave, kDeploy), AccessGraph::npos);
}

void TestGraphEdits::removalOfABroadTrustCutsTheCallersSide()
{
    // How IAM roles differ from resource-based policies: a trust naming the account root needs the caller's own
    // policy, which names the role exactly: that statement goes, the trust stays for the others.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayAssume, kAlice, kBroad);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QVERIFY(hasNote(*result.plan, "still grants the role broadly"));
    QVERIFY(hasNote(*result.plan, "Removed the inline policy AssumeBroad of user alice"));
    const Workspace after = applied(w, result);
    QVERIFY(userNamed(after, "alice")->inlinePolicies.empty());
    QVERIFY(roleNamed(after, "broad")->trustPolicy == roleNamed(w, "broad")->trustPolicy);
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayAssume, kAlice, kBroad), AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayAssume, kCarol, kBroad) != AccessGraph::npos);
}

void TestGraphEdits::removalOfABroadTrustWithAWildcardCallerIsRefused()
{
    // carol may assume any role ("Resource": "*") and broad trusts the whole account: neither names the other
    // exactly, so the edit is refused with the statements that grant it.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edgeOf(g, GraphEdgeKind::MayAssume, kCarol, kBroad));
    QVERIFY(!result.plan);
    QVERIFY2(result.error.find("Statement Account of the trust policy of role broad") != std::string::npos,
        result.error.c_str());
    QVERIFY(result.error.find("statement Any of inline policy AssumeAny of user carol") != std::string::npos);
}

void TestGraphEdits::removalNarrowsAResourceList()
{
    // IAM JSON policy elements: Resource: the other bucket stays in the statement.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayActOn, kApp, kReports);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->description, std::string("Stop role app from acting on reports"));
    const Workspace after = applied(w, result);
    const std::string expected =
        policyDocument(R"({"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":")" + kArchive + R"("})");
    QCOMPARE(minified(roleNamed(after, "app")->inlinePolicies[0].document), expected);
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kApp, kReports), AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kApp, kArchive) != AccessGraph::npos);
}

void TestGraphEdits::removalOfTheLastStatementRemovesTheInlinePolicy()
{
    // Only Queue's statement names the queue for sqs:SendMessage... but Shared (customer managed) names it too, so
    // the edge app -> queue has two statements: Queue's is removed with its policy, Shared is narrowed.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edgeOf(g, GraphEdgeKind::MayActOn, kApp, kQueue));
    QVERIFY2(result.plan, result.error.c_str());
    QVERIFY2(hasNote(*result.plan, "Removed the inline policy Queue of role app"), allNotes(*result.plan).c_str());
    const Workspace after = applied(w, result);
    QCOMPARE(roleNamed(after, "app")->inlinePolicies.size(), std::size_t(1));
    QCOMPARE(edgeOf(AccessGraph::build(after), GraphEdgeKind::MayActOn, kApp, kQueue), AccessGraph::npos);
}

void TestGraphEdits::removalInACustomerManagedPolicyNamesItsOtherUsers()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edgeOf(g, GraphEdgeKind::MayActOn, kWorker, kQueue));
    QVERIFY2(result.plan, result.error.c_str());
    QVERIFY2(hasNote(*result.plan, "The customer managed policy " + kShared + " is also attached to role app"),
        allNotes(*result.plan).c_str());
    const Workspace after = applied(w, result);
    const ManagedPolicy *shared = nullptr;
    for (const ManagedPolicy &p : after.policies)
        if (p.arn == kShared)
            shared = &p;
    QVERIFY(shared);
    const std::string expected = policyDocument(
        R"({"Sid":"Jobs","Effect":"Allow","Action":"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:other"})");
    QCOMPARE(minified(shared->defaultVersion()->document), expected);
    QCOMPARE(edgeOf(AccessGraph::build(after), GraphEdgeKind::MayActOn, kWorker, kQueue), AccessGraph::npos);
}

void TestGraphEdits::removalThatWouldEmptyACustomerManagedPolicyDetachesIt()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edgeOf(g, GraphEdgeKind::MayActOn, kWorker, kLogs));
    QVERIFY2(result.plan, result.error.c_str());
    QVERIFY(hasNote(*result.plan, "Detached " + kOnlyLogs + " from role worker"));
    const Workspace after = applied(w, result);
    QCOMPARE(roleNamed(after, "worker")->attachedPolicyArns, std::vector<std::string> { kShared });
    // The managed policy itself is unchanged.
    QVERIFY(after.policies == w.policies);
    QCOMPARE(edgeOf(AccessGraph::build(after), GraphEdgeKind::MayActOn, kWorker, kLogs), AccessGraph::npos);
}

void TestGraphEdits::removalOfAnAwsManagedGrantIsRefused()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayActOn, kApp, "*");
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY(!result.plan);
    QCOMPARE(result.error,
        "The access is granted by AWS managed policy " + kS3ReadOnly
            + ", which cannot be edited; detach it from role app.");
}

void TestGraphEdits::removalOfAGrantNarrowedByABoundaryIsRefused()
{
    // Permissions boundaries for IAM entities: the edge's target is the boundary's pattern; the identity statement
    // allows `*`, which cannot lose that pattern alone, and the boundary (which never grants) is not edited.
    Workspace w = makeWorkspace();
    const std::string boundaryArn = "arn:aws:iam::111122223333:policy/Boundary";
    const std::string logs = "arn:aws:logs:us-east-1:111122223333:*";
    Role bounded = roleOf("bounded", "arn:aws:iam::111122223333:role/bounded",
        R"({"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"})");
    bounded.inlinePolicies.push_back(
        { "Admin", policyOf(policyDocument(R"({"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"})")) });
    bounded.permissionsBoundaryArn = boundaryArn;
    w.add(bounded);
    w.add(managedOf("Boundary", boundaryArn,
        R"({"Sid":"OnlyLogs","Effect":"Allow","Action":"logs:*","Resource":")" + logs + R"("})"));
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayActOn, "arn:aws:iam::111122223333:role/bounded", logs);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY(!result.plan);
    QCOMPARE(result.error,
        "Statement Admin of inline policy Admin of role bounded grants it with Resource \"*\", which does not name "
            + logs + " by itself: edit that statement by hand.");
}

void TestGraphEdits::removalNarrowsAResourcePolicyPrincipal()
{
    // IAM JSON policy elements: Principal, in a bucket policy naming carol and dave on two prefixes: carol loses
    // prefix a only; dave keeps both.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayActOn, kCarol, "arn:aws:s3:::shared/a/*");
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    const Workspace after = applied(w, result);
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kCarol, "arn:aws:s3:::shared/a/*"), AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kCarol, "arn:aws:s3:::shared/b/*") != AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kDave, "arn:aws:s3:::shared/a/*") != AccessGraph::npos);
    QVERIFY(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kDave, "arn:aws:s3:::shared/b/*") != AccessGraph::npos);
}

void TestGraphEdits::memberOfRemovalLeavesTheGroup()
{
    // IAM user groups: dave stops being a member of Readers.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MemberOf, kDave, "arn:aws:iam::111122223333:group/Readers");
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->description, std::string("Remove user dave from group Readers"));
    const Workspace after = applied(w, result);
    QVERIFY(userNamed(after, "dave")->groupNames.empty());
    QCOMPARE(
        edgeOf(AccessGraph::build(after), GraphEdgeKind::MemberOf, kDave, "arn:aws:iam::111122223333:group/Readers"),
        AccessGraph::npos);
}

void TestGraphEdits::removalInAGroupPolicyNamesTheOtherMembers()
{
    // IAM user groups: dave's access to the team bucket comes from the group's inline policy; removing it removes it
    // for erin too, which the notes say. The policy is left empty, so it goes.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayActOn, kDave, kTeam);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QVERIFY2(hasNote(*result.plan, "belongs to group Readers: the change applies to its other members user erin too"),
        allNotes(*result.plan).c_str());
    QVERIFY(hasNote(*result.plan, "Removed the inline policy ReadTeam of group Readers"));
    const Workspace after = applied(w, result);
    QVERIFY(after.group(w.groups[0].id)->inlinePolicies.empty());
    const std::shared_ptr<const AccountModel> rebuiltModel = AccountModel::build(after);
    const AccessGraph &rebuilt = rebuiltModel->graph();
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kDave, kTeam), AccessGraph::npos);
    QCOMPARE(edgeOf(rebuilt, GraphEdgeKind::MayActOn, kErin, kTeam), AccessGraph::npos);
}

void TestGraphEdits::removalOfTheOnlyTrustStatementLeavesNobodyTrusted()
{
    // A role always has a trust policy: its last statement goes, the policy stays with an empty Statement list, which
    // the validator accepts, and a note says that nobody may assume the role.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const std::size_t edge = edgeOf(g, GraphEdgeKind::MayAssume, "lambda.amazonaws.com", kApp);
    QVERIFY(edge != AccessGraph::npos);
    const GraphEditResult result = planEdgeRemoval(w, *gModel, edge);
    QVERIFY2(result.plan, result.error.c_str());
    QCOMPARE(result.plan->description, std::string("Stop service lambda.amazonaws.com from assuming role app"));
    QVERIFY(hasNote(*result.plan, "The trust policy of role app has no statement left: nobody may assume it."));
    const Workspace after = applied(w, result);
    const Policy &trust = roleNamed(after, "app")->trustPolicy;
    const std::string empty = R"({"Version":"2012-10-17","Statement":[]})";
    QCOMPARE(minified(trust), empty);
    ValidationOptions options;
    options.ownerAccount = kA;
    QVERIFY(!anyError(validatePolicy(trust, PolicyKind::Trust, options)));
    QVERIFY(AccessGraph::build(after).inEdges(AccessGraph::build(after).find(kApp)).empty());
}

void TestGraphEdits::policySourcesNameTheWorkspacePolicies()
{
    // Each statement an edge names carries where its policy lives, so that edits need not read labels.
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    auto sourceOf = [&](GraphEdgeKind kind, const std::string &from, const std::string &to, const std::string &policy) {
        const std::size_t e = edgeOf(g, kind, from, to);
        if (e == AccessGraph::npos)
            qFatal("no edge %s -> %s", from.c_str(), to.c_str());
        for (const GraphStatementRef &ref : g.edges()[e].statements) {
            if (ref.policy == policy)
                return ref.source;
        }
        qFatal("no statement of %s", policy.c_str());
    };
    const Role *deploy = roleNamed(w, "deploy");
    const Role *app = roleNamed(w, "app");
    const User *alice = userNamed(w, "alice");
    PolicySource expected { PolicySource::Kind::RoleTrust, deploy->id.value, {} };
    QVERIFY(sourceOf(GraphEdgeKind::MayAssume, kAlice, kDeploy, "trust policy of role deploy") == expected);
    expected = { PolicySource::Kind::UserInline, alice->id.value, "AssumeBroad" };
    QVERIFY(sourceOf(GraphEdgeKind::MayAssume, kAlice, kBroad, "inline policy AssumeBroad of user alice") == expected);
    expected = { PolicySource::Kind::RoleInline, app->id.value, "AppPermissions" };
    QVERIFY(sourceOf(GraphEdgeKind::MayActOn, kApp, kReports, "inline policy AppPermissions of role app") == expected);
    expected = { PolicySource::Kind::GroupInline, w.groups[0].id.value, "ReadTeam" };
    QVERIFY(sourceOf(GraphEdgeKind::MayActOn, kDave, kTeam, "inline policy ReadTeam of group Readers") == expected);
    PolicyId shared;
    for (const ManagedPolicy &p : w.policies)
        if (p.arn == kShared)
            shared = p.id;
    expected = { PolicySource::Kind::CustomerManaged, shared.value, kShared };
    QVERIFY(sourceOf(GraphEdgeKind::MayActOn, kApp, kQueue, kShared) == expected);
    expected = { PolicySource::Kind::AwsManaged, 0, kS3ReadOnly };
    QVERIFY(sourceOf(GraphEdgeKind::MayActOn, kApp, "*", kS3ReadOnly) == expected);
    std::uint64_t bucket = 0;
    for (const Resource &r : w.resources)
        if (r.arn == "arn:aws:s3:::shared")
            bucket = r.id.value;
    expected = { PolicySource::Kind::ResourcePolicy, bucket, {} };
    QVERIFY(
        sourceOf(GraphEdgeKind::MayActOn, kCarol, "arn:aws:s3:::shared/a/*", "resource policy of arn:aws:s3:::shared")
        == expected);
}

// --- bad input ------------------------------------------------------------------------------------------------------

void TestGraphEdits::badInputGivesErrorsNotCrashes()
{
    const Workspace w = makeWorkspace();
    const std::shared_ptr<const AccountModel> gModel = AccountModel::build(w);
    const AccessGraph &g = gModel->graph();
    const RoleId target = roleNamed(w, "target")->id;
    const std::size_t alice = nodeOf(g, kAlice, GraphNodeKind::User);
    const std::size_t reports = nodeOf(g, kReports, GraphNodeKind::Resource);
    const std::size_t far = g.nodes().size() + 5;

    QVERIFY(!planTrust(w, *gModel, far, target, "x").plan);
    QVERIFY(!planTrust(w, *gModel, AccessGraph::npos, target, "x").plan);
    QVERIFY(!planTrust(w, *gModel, alice, RoleId {}, "x").plan);
    QVERIFY(!planTrust(w, *gModel, alice, RoleId { 999999 }, "x").error.empty());
    QVERIFY(!planPermission(w, *gModel, target, far, { "s3:GetObject" }).plan);
    QVERIFY(!planPermission(w, *gModel, RoleId { 999999 }, reports, { "s3:GetObject" }).plan);
    const GraphEditResult notResource = planPermission(w, *gModel, target, alice, { "s3:GetObject" });
    QVERIFY(!notResource.plan);
    QVERIFY(notResource.error.find("is not a resource") != std::string::npos);
    QVERIFY(!planEdgeRemoval(w, *gModel, g.edges().size()).plan);
    QVERIFY(!planEdgeRemoval(w, *gModel, AccessGraph::npos).plan);

    // A graph built before the workspace changed: refused as out of date, never a crash.
    Workspace changed = w;
    for (Role &r : changed.roles) {
        if (r.name == "deploy")
            r.trustPolicy.statements.clear();
    }
    const GraphEditResult stale =
        planEdgeRemoval(changed, *gModel, edgeOf(g, GraphEdgeKind::MayAssume, kAlice, kDeploy));
    QVERIFY(!stale.plan);
    QVERIFY(stale.error.find("out of date") != std::string::npos);

    // applyPlan refuses a plan with an entity the workspace lacks, and changes nothing.
    GraphEditPlan plan;
    Role ghost = *roleNamed(w, "target");
    ghost.id = RoleId { 424242 };
    plan.entities.push_back(*roleNamed(w, "app"));
    plan.entities.push_back(ghost);
    Workspace copy = w;
    QVERIFY(!applyPlan(copy, plan));
    QVERIFY(copy == w);
}

void TestGraphEdits::actionsForResourceFollowTheArnFormats()
{
    // Service Authorization Reference: s3 object actions act on `arn:${Partition}:s3:::${BucketName}/${ObjectName}`,
    // bucket actions on `arn:${Partition}:s3:::${BucketName}`.
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    auto has = [](const std::vector<ResourceAction> &list, const std::string &action) {
        return std::any_of(list.begin(), list.end(), [&](const ResourceAction &a) { return a.action == action; });
    };
    const std::vector<ResourceAction> objects = actionsForResource(catalog, kReports);
    QVERIFY(has(objects, "s3:GetObject"));
    QVERIFY(has(objects, "s3:PutObject"));
    QVERIFY(!has(objects, "s3:ListBucket"));
    QVERIFY(!has(objects, "sqs:SendMessage"));
    const std::vector<ResourceAction> bucket = actionsForResource(catalog, "arn:aws:s3:::reports");
    QVERIFY(has(bucket, "s3:ListBucket"));
    QVERIFY(!has(bucket, "s3:GetObject"));
    const std::vector<ResourceAction> queue = actionsForResource(catalog, kQueue);
    QVERIFY(has(queue, "sqs:SendMessage"));
    QVERIFY(!has(queue, "s3:GetObject"));
    // A wildcard in the pattern may stand for any part: every bucket and every object.
    const std::vector<ResourceAction> anyBucket = actionsForResource(catalog, "arn:aws:s3:::*");
    QVERIFY(has(anyBucket, "s3:ListBucket"));
    QVERIFY(has(anyBucket, "s3:GetObject"));
    const std::vector<ResourceAction> roles = actionsForResource(catalog, "arn:aws:iam::111122223333:role/a/b/deploy");
    QVERIFY(has(roles, "iam:PassRole"));
    QVERIFY(has(roles, "sts:AssumeRole"));
    // Sorted by service, access level (the catalog's order), then name.
    for (std::size_t i = 1; i < objects.size(); ++i) {
        const std::string &a = objects[i - 1].action;
        const std::string &b = objects[i].action;
        const std::string sa = a.substr(0, a.find(':'));
        const std::string sb = b.substr(0, b.find(':'));
        QVERIFY(sa <= sb);
    }
    const auto read = std::find_if(
        objects.begin(), objects.end(), [](const ResourceAction &a) { return a.action == "s3:GetObject"; });
    QCOMPARE(read->accessLevel, std::string("Read"));
    const auto firstWrite = std::find_if(objects.begin(), objects.end(),
        [](const ResourceAction &a) { return a.action.starts_with("s3:") && a.accessLevel == "Write"; });
    QVERIFY(read < firstWrite);
    // `*` offers every action; an ARN of no known type offers none.
    QCOMPARE(actionsForResource(catalog, "*").size(), catalog.actionCount());
    QVERIFY(actionsForResource(catalog, "arn:aws:nosuchservice:::thing").empty());
    QVERIFY(actionsForResource(catalog, "").empty());
}

QTEST_APPLESS_MAIN(TestGraphEdits)
#include "TestGraphEdits.moc"
