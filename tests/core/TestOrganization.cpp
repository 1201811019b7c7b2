// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The organization in a workspace: its import, its file format, and evaluation with its SCPs, RCPs and condition
// keys (docs/EVALUATION.md, "The organization"). Each row names the AWS page its rule comes from.
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/analysis/RequestSimulator.h"
#include "rd/core/evaluation/RequestContext.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/sts/StsSimulator.h"
#include "rd/core/workspace/AccountMerger.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/OrganizationImport.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QtTest>

using namespace rd::core;

namespace
{

const std::string kData = std::string(RD_TEST_DATA_DIR) + "/organization/";
constexpr const char *kMgmt = "111111111111";
constexpr const char *kProd = "222222222222";
constexpr const char *kDev = "333333333333";
constexpr const char *kSandbox = "444444444444";

/// The example organization imported from tests/data/organization: four GAAD files, the organization, resources.
Workspace importedExample()
{
    AccountMerger merger;
    for (const char *account : { "management", "prod", "dev", "sandbox" }) {
        const std::string file = kData + "gaad-" + account + ".json";
        GaadImportResult imported = importGaad(rd::test::readFile(file));
        if (!imported.workspace || merger.add(std::move(*imported.workspace), file))
            return {};
    }
    Workspace ws = merger.take();
    OrganizationImportResult org = importOrganization(rd::test::readFile(kData + "organization.json"));
    if (!org.diagnostics.empty() || !org.organization)
        return {};
    setOrganization(ws, std::move(*org.organization));
    if (!importResources(ws, rd::test::readFile(kData + "resources.json")).empty())
        return {};
    // In the file's order, so that it compares with the workspace read back.
    ws.sortCanonically();
    return ws;
}

} // namespace

class TestOrganization : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsTheOrganizationFile();
    void importsResourcesWithTheirAccount();
    void mergingRefusesAnArnInTwoFiles();
    void theFourInputsRoundTripThroughSaveAndLoad();
    void theBundledExampleIsTheImport();
    void evaluatesWithTheOrganization_data();
    void evaluatesWithTheOrganization();
    void levelsFollowTheTree();
    void assumeAppliesScpsToTheCallerAndEachHopsSession();
    void conditionKeysComeFromTheOrganization();
    void organizationFileFindings_data();
    void organizationFileFindings();

private:
    Workspace m_ws;
};

void TestOrganization::initTestCase()
{
    for (const char *file : { "gaad-management.json", "gaad-prod.json", "gaad-dev.json", "gaad-sandbox.json",
             "organization.json", "resources.json" })
        RD_REQUIRE_FILE(kData + file);
    m_ws = importedExample();
    QVERIFY(m_ws.organization);
    QCOMPARE(m_ws.roles.size(), std::size_t(10));
}

void TestOrganization::importsTheOrganizationFile()
{
    const Organization &org = *m_ws.organization;
    QCOMPARE(org.id, std::string("o-exampleorg1"));
    QCOMPARE(org.managementAccountId, std::string(kMgmt));
    QCOMPARE(org.rootId, std::string("r-ex12"));
    QCOMPARE(org.units.size(), std::size_t(2));
    QCOMPARE(org.accounts.size(), std::size_t(4));
    QCOMPARE(org.account(kSandbox)->name, std::string("sandbox"));
    // The workspace's accounts take their names from the organization.
    QCOMPARE(m_ws.accounts[0].name, std::string("management"));
    QCOMPARE(org.pathOf(kProd), (std::vector<std::string> { "r-ex12", "ou-ex12-workload", kProd }));
    QCOMPARE(org.pathOf(kMgmt), (std::vector<std::string> { "r-ex12", kMgmt }));
    QCOMPARE(org.policies.size(), std::size_t(5));
    const OrganizationPolicy *deny = org.policy("p-denydelete1");
    QVERIFY(deny);
    QCOMPARE(deny->type, OrganizationPolicyType::ServiceControl);
    QCOMPARE(deny->targetIds, std::vector<std::string> { "r-ex12" });
    QCOMPARE(deny->document.statements.size(), std::size_t(2));
    QCOMPARE(org.policy("p-orgperimeter")->type, OrganizationPolicyType::ResourceControl);
    QCOMPARE(org.attachedTo("ou-ex12-sandbox1", OrganizationPolicyType::ServiceControl).size(), std::size_t(1));
    QCOMPARE(org.childrenOf("r-ex12"),
        (std::vector<std::string> { "ou-ex12-workload", "ou-ex12-sandbox1", std::string(kMgmt) }));
}

void TestOrganization::importsResourcesWithTheirAccount()
{
    QCOMPARE(m_ws.resources.size(), std::size_t(4));
    const auto bucket = std::find_if(m_ws.resources.begin(), m_ws.resources.end(),
        [](const Resource &r) { return r.arn == "arn:aws:s3:::prod-data"; });
    QVERIFY(bucket != m_ws.resources.end());
    // S3 ARNs carry no account: the file says which.
    QCOMPARE(bucket->accountId, std::string(kProd));
    QCOMPARE(bucket->type, std::string("AWS::S3::Bucket"));
    QVERIFY(bucket->policy);
    const auto scratch = std::find_if(m_ws.resources.begin(), m_ws.resources.end(),
        [](const Resource &r) { return r.arn == "arn:aws:s3:::sandbox-scratch"; });
    QVERIFY(scratch != m_ws.resources.end() && !scratch->policy);
    // An ARN listed twice is reported, not added twice.
    Workspace ws = m_ws;
    const Diagnostics again = importResources(ws, rd::test::readFile(kData + "resources.json"));
    QCOMPARE(again.size(), std::size_t(4));
    QCOMPARE(again[0].code, std::string("RESOURCE_LIST_FORMAT_ERROR"));
    QCOMPARE(ws.resources.size(), std::size_t(4));
}

void TestOrganization::mergingRefusesAnArnInTwoFiles()
{
    AccountMerger merger;
    const std::string prod = rd::test::readFile(kData + "gaad-prod.json");
    QVERIFY(!merger.add(*importGaad(prod).workspace, "a.json"));
    const std::optional<std::string> clash = merger.add(*importGaad(prod).workspace, "b.json");
    QVERIFY(clash);
    QVERIFY2(
        clash->find("`a.json`") != std::string::npos && clash->find("`b.json`") != std::string::npos, clash->c_str());
    QVERIFY(clash->find("arn:aws:iam::222222222222:role/") != std::string::npos);
    // AWS managed policies, in every account's export, are no clash and are kept once.
    const Workspace merged = merger.take();
    QCOMPARE(merged.roles.size(), std::size_t(3));
}

void TestOrganization::theFourInputsRoundTripThroughSaveAndLoad()
{
    // GAAD of several accounts, the organization and the resources: all of it is in the file and reads back.
    QCOMPARE(m_ws.accounts.size(), std::size_t(4));
    const std::string text = writeWorkspace(m_ws);
    const WorkspaceLoadResult loaded = loadWorkspaceText(text);
    for (const Diagnostic &d : loaded.diagnostics)
        qWarning("%s", d.message.c_str());
    QVERIFY(loaded.ok());
    QVERIFY(sameContent(*loaded.workspace, m_ws));
    QCOMPARE(writeWorkspace(*loaded.workspace), text);
}

void TestOrganization::theBundledExampleIsTheImport()
{
    const std::string path = std::string(RD_SOURCE_DIR) + "/resources/examples/organization.rdws";
    RD_REQUIRE_FILE(path);
    const WorkspaceLoadResult loaded = loadWorkspaceFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(sameContent(*loaded.workspace, m_ws));
}

void TestOrganization::evaluatesWithTheOrganization_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("decision");
    // "KIND POLICY TARGET" of the first deciding statement, or "level TARGET" for an SCP level that allows nothing,
    // or "".
    QTest::addColumn<QString>("decidedBy");

    const QString prodAdmin = QStringLiteral("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole");
    const QString sandboxUser = QStringLiteral("arn:aws:iam::444444444444:role/SandboxUser");
    QTest::addRow("an SCP Deny at the root denies a member account's role (Organizations UG, SCP evaluation: any "
                  "Deny denies)")
        << prodAdmin << "s3:DeleteBucket"
        << "arn:aws:s3:::prod-data"
        << "ExplicitlyDenied"
        << "SCP DenyDeleteBucket r-ex12";
    QTest::addRow("every level allows: root, OU and account each have FullAWSAccess (Organizations UG, SCP evaluation)")
        << prodAdmin << "s3:PutObject"
        << "arn:aws:s3:::prod-data/report.csv"
        << "Allowed"
        << "";
    QTest::addRow("an action must be allowed at every level: the sandbox OU's allow-list leaves DynamoDB out "
                  "(Organizations UG, SCP evaluation)")
        << sandboxUser << "dynamodb:CreateTable"
        << "*"
        << "ImplicitlyDenied"
        << "level ou-ex12-sandbox1";
    QTest::addRow("the allow-list allows what it lists (Organizations UG, SCP evaluation)")
        << sandboxUser << "s3:PutObject"
        << "arn:aws:s3:::sandbox-scratch/x"
        << "Allowed"
        << "";
    QTest::addRow("SCPs do not affect principals of the management account (Organizations UG, \"Service control "
                  "policies (SCPs)\")")
        << "arn:aws:iam::111111111111:role/OrgAdmin"
        << "organizations:LeaveOrganization"
        << "*"
        << "Allowed"
        << "";
    QTest::addRow("SCPs do not affect service-linked roles (Organizations UG, \"Service control policies (SCPs)\")")
        << "arn:aws:iam::444444444444:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"
        << "dynamodb:DescribeTable"
        << "*"
        << "Allowed"
        << "";
    QTest::addRow("a user of the management account is not limited by SCPs either (Organizations UG, SCPs)")
        << "arn:aws:iam::111111111111:user/alice"
        << "s3:DeleteBucket"
        << "arn:aws:s3:::sandbox-scratch"
        << "ImplicitlyDenied"
        << "";
    QTest::addRow("an RCP Deny applies to a principal outside the organization whatever its own policies say "
                  "(Organizations UG, \"Resource control policies (RCPs)\")")
        << "arn:aws:iam::999999999999:user/partner"
        << "s3:GetObject"
        << "arn:aws:s3:::prod-data/x.csv"
        << "ExplicitlyDenied"
        << "RCP EnforceOrgIdentities ou-ex12-workload";
    QTest::addRow(
        "aws:PrincipalOrgID comes from the organization: a member's role passes the RCP (IAM UG, \"AWS global "
        "condition context keys\")")
        << "arn:aws:iam::222222222222:role/DataPipeline"
        << "s3:GetObject"
        << "arn:aws:s3:::prod-data/x.csv"
        << "Allowed"
        << "";
    QTest::addRow("an AWS service passes an RCP that exempts aws:PrincipalIsAWSService (IAM UG, \"AWS global condition "
                  "context keys\")")
        << "sns.amazonaws.com"
        << "sqs:SendMessage"
        << "arn:aws:sqs:eu-west-1:333333333333:builds"
        << "Allowed"
        << "";
    QTest::addRow("RCPs apply to resources in member accounts only for the services that support them: STS is one "
                  "(Organizations UG, RCPs, supported services)")
        << "arn:aws:iam::999999999999:role/Outsider"
        << "sts:AssumeRole"
        << "arn:aws:iam::222222222222:role/DataPipeline"
        << "ExplicitlyDenied"
        << "RCP EnforceOrgIdentities ou-ex12-workload";
    QTest::addRow("a principal of an account outside the workspace is assumed to allow on its side; the SCP still "
                  "applies to a member account that has no IAM data here (Organizations UG, SCPs)")
        << "arn:aws:iam::444444444444:role/Unlisted"
        << "s3:DeleteBucket"
        << "arn:aws:s3:::sandbox-scratch"
        << "ExplicitlyDenied"
        << "SCP DenyDeleteBucket r-ex12";
}

void TestOrganization::evaluatesWithTheOrganization()
{
    QFETCH(QString, principal);
    QFETCH(QString, action);
    QFETCH(QString, resource);
    QFETCH(QString, decision);
    QFETCH(QString, decidedBy);
    Workspace ws = m_ws;
    if (principal.endsWith(QStringLiteral("role/Unlisted")))
        std::erase_if(ws.accounts, [](const Account &a) { return a.accountId == kSandbox; });
    const RequestSimulator simulator(ws, nullptr);
    const WorkspaceDecision result = simulator.simulate(
        WorkspaceRequest { principal.toStdString(), action.toStdString(), resource.toStdString(), {} });
    QVERIFY2(result.error.empty(), result.error.c_str());
    QCOMPARE(QString::fromUtf8(decisionName(result.decision).data()), decision);
    QString by;
    if (!result.deciding.empty() && result.deciding.front().attachment) {
        const OrganizationAttachment &at = *result.deciding.front().attachment;
        by = QString::fromStdString(std::string(at.kindName()) + " " + at.policyName + " " + at.targetId);
    } else if (result.scpLevelWithoutAllow) {
        by = QString::fromStdString("level " + result.scpLevelWithoutAllow->targetId);
    }
    if (decision != QStringLiteral("Allowed"))
        QCOMPARE(by, decidedBy);
    if (principal.contains(QStringLiteral("999999999999")) || principal.endsWith(QStringLiteral("role/Unlisted"))) {
        QCOMPARE(result.assumptions.size(), std::size_t(1));
        QVERIFY(result.assumptions[0].find("assumed to allow on their side") != std::string::npos);
    }
}

void TestOrganization::levelsFollowTheTree()
{
    const std::shared_ptr<const AccountModel> model = AccountModel::build(m_ws);
    const OrganizationModel *org = model->organization();
    QVERIFY(org);
    // Root, OU, account: FullAWSAccess and DenyDeleteBucket at the root, FullAWSAccess at the OU and the account.
    const OrganizationLevels &prod = org->scpLevels(kProd);
    QCOMPARE(prod.size(), std::size_t(3));
    QCOMPARE(prod[0].size(), std::size_t(2));
    const OrganizationAttachment *at = org->attachmentOf(prod[1][0]->name());
    QVERIFY(at);
    QCOMPARE(at->targetKind, OrganizationTargetKind::OrganizationalUnit);
    QCOMPARE(at->targetName, std::string("Workloads"));
    QCOMPARE(at->policyName, std::string("FullAWSAccess"));
    // Organizations UG, SCPs: not the management account.
    QVERIFY(org->scpLevels(kMgmt).empty());
    // Organizations UG, RCPs: member accounts' resources, supported services only.
    QCOMPARE(org->rcpLevels(kDev, "sqs:SendMessage").size(), std::size_t(3));
    QVERIFY(org->rcpLevels(kDev, "sns:Publish").empty());
    QVERIFY(org->rcpLevels(kMgmt, "s3:GetObject").empty());
    for (const char *service : { "s3", "sts", "kms", "sqs", "secretsmanager" })
        QVERIFY2(OrganizationModel::serviceSupportsRcps(service), service);
    QVERIFY(!OrganizationModel::serviceSupportsRcps("lambda"));
    // An account outside the organization has no levels.
    QVERIFY(org->scpLevels("999999999999").empty());
}

void TestOrganization::assumeAppliesScpsToTheCallerAndEachHopsSession()
{
    // Organizations UG, "Service control policies (SCPs)": SCPs limit the IAM principals of member accounts, role
    // sessions included; the management account's are not limited. alice (management) assumes Developer (dev), whose
    // session assumes CiDeploy (dev): the second hop's caller is a dev session, which an SCP on the dev account
    // limits.
    Workspace ws = m_ws;
    OrganizationPolicy denyAssume;
    denyAssume.id = "p-denyassume";
    denyAssume.name = "DenyAssumeRole";
    denyAssume.document = *parsePolicy(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]})")
                               .policy;
    denyAssume.targetIds = { kDev };
    ws.organization->policies.push_back(denyAssume);
    AssumeRoleRequest request;
    request.principal = "arn:aws:iam::111111111111:user/alice";
    request.roleArns = { "arn:aws:iam::333333333333:role/Developer", "arn:aws:iam::333333333333:role/CiDeploy" };
    request.currentTime = 1767225600;
    const StsSimulator simulator(ws);
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(!result.allowed);
    QCOMPARE(result.hops.size(), std::size_t(2));
    QVERIFY(result.hops[0].failure == std::nullopt);
    QVERIFY(result.hops[1].failure.has_value());
    QVERIFY(!result.hops[1].deciding.empty());
    QCOMPARE(result.hops[1].deciding[0].type, PolicyType::ServiceControl);
    QCOMPARE(result.hops[1].deciding[0].policy, std::string("DenyAssumeRole attached to account dev (333333333333)"));

    // The session's own requests (assume --check): the dev session meets the root's DenyDeleteBucket.
    AssumeRoleRequest one = request;
    one.roleArns.resize(1);
    const StsSimulator plain(m_ws);
    const AssumeRoleResult developer = plain.assume(one);
    QVERIFY(developer.allowed);
    const SessionCheck check = plain.check(developer, one, "s3:DeleteBucket", "arn:aws:s3:::prod-data");
    QCOMPARE(check.decision, Decision::ExplicitlyDenied);
    QCOMPARE(check.explanation.deciding.at(0).policy, std::string("DenyDeleteBucket attached to the root r-ex12"));
    // The dev account's own queue: the SCPs allow, and the RCP on the Workloads OU lets the organization's session in
    // (aws:PrincipalOrgID from the organization).
    const SessionCheck send =
        plain.check(developer, one, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:333333333333:builds");
    QCOMPARE(send.decision, Decision::Allowed);
}

void TestOrganization::conditionKeysComeFromTheOrganization()
{
    // IAM UG, "AWS global condition context keys": aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:ResourceOrgID,
    // aws:ResourceOrgPaths, aws:ResourceAccount.
    const std::shared_ptr<const OrganizationModel> org = OrganizationModel::build(*m_ws.organization);
    RequestContext context;
    context.set("aws:ResourceAccount", "given");
    org->addContext(context, kSandbox, kProd);
    auto value = [&](const char *key) {
        const RequestContext::Entry *entry = context.find(key);
        return entry ? entry->values : std::vector<std::string> {};
    };
    QCOMPARE(value("aws:principalorgid"), std::vector<std::string> { "o-exampleorg1" });
    QCOMPARE(value("aws:principalorgpaths"), std::vector<std::string> { "o-exampleorg1/r-ex12/ou-ex12-sandbox1/" });
    QVERIFY(context.find("aws:principalorgpaths")->multivalued);
    QCOMPARE(value("aws:resourceorgid"), std::vector<std::string> { "o-exampleorg1" });
    QCOMPARE(value("aws:resourceorgpaths"), std::vector<std::string> { "o-exampleorg1/r-ex12/ou-ex12-workload/" });
    // What the user gave wins.
    QCOMPARE(value("aws:resourceaccount"), std::vector<std::string> { "given" });
    RequestContext outside;
    org->addContext(outside, "999999999999", kMgmt);
    QVERIFY(!outside.find("aws:principalorgid"));
    QCOMPARE(outside.find("aws:resourceorgpaths")->values, std::vector<std::string> { "o-exampleorg1/r-ex12/" });
    QCOMPARE(outside.find("aws:resourceaccount")->values, std::vector<std::string> { kMgmt });
}

void TestOrganization::organizationFileFindings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const QString head =
        QStringLiteral(R"({"Organization": {"Id": "o-x"}, "Roots": [{"Id": "r-1", "Name": "Root"}], )");
    QTest::addRow("an account whose parent is not in the file")
        << head + R"("Accounts": [{"Id": "222222222222", "ParentId": "ou-missing"}]})"
        << "the parent `ou-missing` of account `222222222222` is not in the file; the account was skipped";
    QTest::addRow("a policy attached to a node the file does not hold")
        << head
            + R"("Policies": [{"PolicySummary": {"Id": "p-1", "Name": "P", "Type": "SERVICE_CONTROL_POLICY"}, "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "Targets": [{"TargetId": "ou-gone"}]}]})"
        << "policy `P` is attached to `ou-gone`, which the file does not hold; that attachment was skipped";
    QTest::addRow("policy content that is not a policy")
        << head
            + R"("Policies": [{"PolicySummary": {"Id": "p-1", "Name": "P", "Type": "SERVICE_CONTROL_POLICY"}, "Content": "[1]"}]})"
        << "`Policies[0].Content`: a policy document must be an object, not an array; the policy was skipped";
}

void TestOrganization::organizationFileFindings()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const OrganizationImportResult result = importOrganization(text.toStdString());
    QVERIFY(result.organization);
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    QCOMPARE(result.diagnostics[0].code, std::string("ORGANIZATION_FORMAT_ERROR"));
    QCOMPARE(QString::fromStdString(result.diagnostics[0].message), message);
}

QTEST_APPLESS_MAIN(TestOrganization)

#include "TestOrganization.moc"
