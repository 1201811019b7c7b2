// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "GaadFixture.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QtTest>

#include <algorithm>
#include <tuple>

using namespace rd::core;

namespace
{
const Role *roleNamed(const Workspace &ws, const std::string &name)
{
    for (const Role &r : ws.roles) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}
} // namespace

class TestGaadImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsAHandWrittenAccount();
    void mergesListRoles();
    void mergesListRolesIntoTheFirstMatchingRole();
    void importsAThousandRolesBuiltFromTheCorpus();
    void importsEntriesAsTheyAreReadLikeAWholeDocument();
    void findingsOfDocumentsPointIntoTheFile();
    void reportsBrokenEntriesAndKeepsTheRest_data();
    void reportsBrokenEntriesAndKeepsTheRest();
    void skipsUnnamedVersionsAndProfilesSoTheAccountSaves();
    void refusesWhatIsNotGaad();
    void workspaceLoaderDetectsGaad();
};

void TestGaadImporter::importsAHandWrittenAccount()
{
    // IAM API reference, GetAccountAuthorizationDetails: documents come URL-encoded (RFC 3986) from the API and as
    // objects from the AWS CLI; this file has both.
    RD_REQUIRE_FILE(rd::test::testDataPath("gaad/small-account.json"));
    GaadImportResult r = importGaad(rd::test::readFile(rd::test::testDataPath("gaad/small-account.json")));
    for (const Diagnostic &d : r.diagnostics)
        qWarning("%s %s", d.code.c_str(), d.message.c_str());
    QVERIFY(r.diagnostics.empty());
    QVERIFY(r.workspace);
    const Workspace &ws = *r.workspace;
    QCOMPARE(ws.accounts.size(), std::size_t(1));
    QCOMPARE(ws.accounts[0].accountId, std::string("123456789012"));
    QCOMPARE(ws.users.size(), std::size_t(1));
    QCOMPARE(ws.users[0].groupNames, std::vector<std::string>({ "admins" }));
    QCOMPARE(ws.users[0].inlinePolicies[0].document.statements[0].resource->values[0].value,
        std::string("arn:aws:iam::*:user/${aws:username}"));
    QCOMPARE(ws.users[0].tags[0].value, std::string("42"));
    QCOMPARE(ws.groups[0].attachedPolicyArns[0], std::string("arn:aws:iam::aws:policy/AdministratorAccess"));

    const Role *web = roleNamed(ws, "WebServer");
    QVERIFY(web);
    QCOMPARE(
        web->trustPolicy.statements[0].principal->entries[0].values.values[0].value, std::string("ec2.amazonaws.com"));
    QCOMPARE(web->instanceProfiles.size(), std::size_t(1));
    QCOMPARE(web->inlinePolicies[0].document.statements[0].sid->value, std::string("Assets"));
    QCOMPARE(web->maxSessionDuration, kDefaultMaxSessionDuration);
    QCOMPARE(web->awsId, std::string("AROAWEB"));

    const Role *audit = roleNamed(ws, "ExternalAudit");
    QVERIFY(audit);
    QCOMPARE(audit->path, std::string("/audit/"));
    QCOMPARE(audit->description, std::string("Read-only access for the auditors"));
    QCOMPARE(audit->maxSessionDuration, 14400);
    QCOMPARE(audit->permissionsBoundaryArn, std::string("arn:aws:iam::123456789012:policy/AppLogs"));

    QCOMPARE(ws.policies.size(), std::size_t(1));
    const ManagedPolicy &logs = ws.policies[0];
    QCOMPARE(logs.versions.size(), std::size_t(2));
    QCOMPARE(logs.defaultVersion()->versionId, std::string("v3"));
    QCOMPARE(logs.defaultVersion()->document.statements[0].action->values.size(), std::size_t(2));

    // The trust policies name an AWS service and a role of another account.
    QVERIFY(ws.externalPrincipal(ExternalPrincipalKind::Service, "ec2.amazonaws.com"));
    QVERIFY(ws.externalPrincipal(ExternalPrincipalKind::Account, "999988887777"));
}

void TestGaadImporter::mergesListRoles()
{
    RD_REQUIRE_FILE(rd::test::testDataPath("gaad/small-account.json"));
    RD_REQUIRE_FILE(rd::test::testDataPath("gaad/small-account-list-roles.json"));
    GaadImportResult r = importGaad(rd::test::readFile(rd::test::testDataPath("gaad/small-account.json")));
    QVERIFY(r.workspace);
    // IAM API reference, ListRoles: Role.Description and Role.MaxSessionDuration, which GAAD leaves out.
    Diagnostics merged =
        mergeListRoles(*r.workspace, rd::test::readFile(rd::test::testDataPath("gaad/small-account-list-roles.json")));
    QCOMPARE(merged.size(), std::size_t(1));
    QCOMPARE(merged[0].severity, Severity::Warning);
    QVERIFY(merged[0].message.find("arn:aws:iam::123456789012:role/Unknown") != std::string::npos);
    const Role *web = roleNamed(*r.workspace, "WebServer");
    QCOMPARE(web->description, std::string("Front-end web servers"));
    QCOMPARE(web->maxSessionDuration, 7200);
    QCOMPARE(roleNamed(*r.workspace, "ExternalAudit")->maxSessionDuration, 14400);
}

void TestGaadImporter::mergesListRolesIntoTheFirstMatchingRole()
{
    // An entry is matched by its Arn, or by its RoleName when it has no Arn; the first role in workspace order wins.
    Workspace ws;
    for (const char *arn : { "arn:aws:iam::111122223333:role/a/Same", "arn:aws:iam::111122223333:role/b/Same" }) {
        Role role;
        role.name = "Same";
        role.arn = arn;
        ws.add(std::move(role));
    }
    const Diagnostics byName = mergeListRoles(ws, R"({"Roles":[{"RoleName":"Same","Description":"by name"}]})");
    QVERIFY(byName.empty());
    QCOMPARE(ws.roles[0].description, std::string("by name"));
    QCOMPARE(ws.roles[1].description, std::string());
    const Diagnostics byArn = mergeListRoles(ws,
        R"({"Roles":[{"Arn":"arn:aws:iam::111122223333:role/b/Same","RoleName":"Same","MaxSessionDuration":7200}]})");
    QVERIFY(byArn.empty());
    QCOMPARE(ws.roles[0].maxSessionDuration, Role().maxSessionDuration);
    QCOMPARE(ws.roles[1].maxSessionDuration, 7200);
    const Diagnostics unknown =
        mergeListRoles(ws, R"({"Roles":[{"Arn":"arn:aws:iam::111122223333:role/Other","RoleName":"Same"}]})");
    QCOMPARE(unknown.size(), std::size_t(1));
    QCOMPARE(unknown[0].severity, Severity::Warning);

    // Entries are read as the text is, but applied only when all of it reads: a text cut short changes nothing.
    const Workspace before = ws;
    const Diagnostics cut = mergeListRoles(ws, R"({"Roles":[{"RoleName":"Same","Description":"changed"}, {"Role)");
    QVERIFY(!cut.empty());
    QVERIFY(hasCheckCode(cut.front(), CheckCode::JsonSyntaxError));
    QVERIFY(ws == before);
}

void TestGaadImporter::importsEntriesAsTheyAreReadLikeAWholeDocument()
{
    // The text is imported entry by entry as it is read (the JSON of a whole account is 4 to 10 times its text);
    // that must give what importing the whole document gives, findings included, in the text's order.
    std::string text = rd::test::makeGaad(300, 60);
    // Two broken entries, so that findings of both kinds come out.
    const std::string roles = "\"RoleDetailList\": [\n";
    const std::size_t at = text.find(roles);
    QVERIFY(at != std::string::npos);
    text.insert(at + roles.size(), R"(7, {"RoleName": "Broken", "AssumeRolePolicyDocument": 5},)");
    GaadImportResult streamed = importGaad(std::string_view(text));
    JsonReadResult json = readJson(text);
    QVERIFY(json.isExact());
    GaadImportResult whole = importGaad(std::move(*json.value));
    QVERIFY(streamed.workspace && whole.workspace);
    QVERIFY(*streamed.workspace == *whole.workspace);
    QCOMPARE(streamed.workspace->roles.size(), std::size_t { 301 });
    QCOMPARE(streamed.diagnostics.size(), std::size_t { 3 });
    QCOMPARE(streamed.diagnostics.size(), whole.diagnostics.size());
    for (std::size_t i = 0; i < whole.diagnostics.size(); ++i) {
        QCOMPARE(streamed.diagnostics[i].message, whole.diagnostics[i].message);
        QVERIFY(streamed.diagnostics[i].range == whole.diagnostics[i].range);
    }
    QVERIFY(streamed.diagnostics[0].message.find("RoleDetailList[0]") != std::string::npos);
    // The workspace loader, which tells GAAD from workspace files by content, imports it the same way.
    const WorkspaceLoadResult loaded = loadWorkspaceText(text);
    QCOMPARE(loaded.source, WorkspaceSource::Gaad);
    QVERIFY(loaded.workspace && *loaded.workspace == *whole.workspace);

    // A text that breaks after entries were imported yields no account.
    const std::string cut = text.substr(0, text.size() - 10);
    QVERIFY(!importGaad(std::string_view(cut)).workspace);
    QVERIFY(!loadWorkspaceText(cut).workspace);
}

void TestGaadImporter::importsAThousandRolesBuiltFromTheCorpus()
{
    const std::string text = rd::test::makeGaad(1000, 200);
    GaadImportResult r = importGaad(text);
    for (const Diagnostic &d : r.diagnostics)
        qWarning("%s %s", d.code.c_str(), d.message.c_str());
    QVERIFY(r.diagnostics.empty());
    QVERIFY(r.workspace);
    const Workspace &ws = *r.workspace;
    QCOMPARE(ws.roles.size(), std::size_t(1000));
    QCOMPARE(ws.policies.size(), std::size_t(201));
    QCOMPARE(ws.users.size(), std::size_t(2));
    QCOMPARE(ws.groups.size(), std::size_t(1));
    // URL-encoded (odd) and object (even) documents read to the same kind of AST.
    const Role *odd = roleNamed(ws, "Role1");
    const Role *even = roleNamed(ws, "Role6");
    QCOMPARE(odd->trustPolicy.statements[0].principal->entries[0].type.value, std::string("AWS"));
    QCOMPARE(even->trustPolicy.statements[0].principal->entries[0].type.value, std::string("AWS"));
    QVERIFY(!odd->inlinePolicies[0].document.statements.empty());
    QCOMPARE(roleNamed(ws, "Role0")->instanceProfiles.size(), std::size_t(1));
    QCOMPARE(roleNamed(ws, "Role4")->permissionsBoundaryArn, std::string("arn:aws:iam::111122223333:policy/Boundary"));
    QVERIFY(ws.externalPrincipal(ExternalPrincipalKind::SamlProvider, "arn:aws:iam::111122223333:saml-provider/Okta"));
    QVERIFY(ws.externalPrincipal(ExternalPrincipalKind::OidcProvider,
        "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"));
    QVERIFY(ws.externalPrincipal(ExternalPrincipalKind::Account, "444455556666"));
    QVERIFY(!ws.externalPrincipal(ExternalPrincipalKind::Account, "111122223333"));

    // The imported account survives a save and a load unchanged.
    WorkspaceLoadResult reloaded = loadWorkspaceText(writeWorkspace(ws));
    QVERIFY(reloaded.workspace);
    QVERIFY(sameContent(*reloaded.workspace, ws));
}

void TestGaadImporter::findingsOfDocumentsPointIntoTheFile()
{
    // One misspelt action in three forms of the same document: an object (as the AWS CLI prints it), a URL-encoded
    // string (as the API returns it) and a string of plain JSON. The object keeps the places of its values in the
    // file. A string was read from its decoded text, which the file does not hold: its finding points at the whole
    // string, not at some unrelated place of the file.
    const std::string document =
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjectt","Resource":"*"}]})";
    const std::string encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow"
                                "%22%2C%22Action%22%3A%22s3%3AGetObjectt%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
    std::string escaped;
    for (const char c : document)
        escaped += c == '"' ? std::string(R"(\")") : std::string(1, c);
    auto role = [](const std::string &name, const std::string &policyDocument) {
        return R"({"RoleName":")" + name + R"(","Arn":"arn:aws:iam::111122223333:role/)" + name
            + R"(","RolePolicyList":[{"PolicyName":"Read","PolicyDocument":)" + policyDocument + "}]}";
    };
    const std::string text = "{\"RoleDetailList\": [\n" + role("Objects", document) + ",\n"
        + role("Encoded", '"' + encoded + '"') + ",\n" + role("Quoted", '"' + escaped + '"') + "\n]}\n";
    const GaadImportResult imported = importGaad(text);
    QVERIFY(imported.diagnostics.empty());
    QVERIFY(imported.workspace);
    for (const auto &[name, line, underlined] : { std::tuple { "Objects", 2, std::string(R"("s3:GetObjectt")") },
             std::tuple { "Encoded", 3, '"' + encoded + '"' }, std::tuple { "Quoted", 4, '"' + escaped + '"' } }) {
        const Role *r = roleNamed(*imported.workspace, name);
        QVERIFY(r);
        const Diagnostics findings = validatePolicy(r->inlinePolicies.at(0).document, PolicyKind::Identity);
        const auto invalid = std::find_if(findings.begin(), findings.end(),
            [](const Diagnostic &d) { return hasCheckCode(d, CheckCode::InvalidAction); });
        QVERIFY2(invalid != findings.end(), name);
        QCOMPARE(invalid->range.begin.line, line);
        QCOMPARE(text.substr(invalid->range.begin.offset, invalid->range.length()), underlined);
    }
}

void TestGaadImporter::reportsBrokenEntriesAndKeepsTheRest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("roles");

    QTest::addRow("a malformed percent escape skips that policy")
        << R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A","AssumeRolePolicyDocument":"%7B%2"}]})"
        << "GAAD_POLICY_ERROR"
        << "RoleDetailList[0].AssumeRolePolicyDocument: the URL-encoded document has a malformed `%` escape" << 1;
    QTest::addRow("an encoded document that is not JSON says where")
        << R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A","AssumeRolePolicyDocument":"%7B%22Version%22"}]})"
        << "GAAD_POLICY_ERROR"
        << "RoleDetailList[0].AssumeRolePolicyDocument: unterminated object: no `}` matches this `{` (at line 1, "
           "column 1 of the decoded document); the policy was skipped"
        << 1;
    QTest::addRow("an element of the wrong type skips that policy, so that the account saves (fuzz_gaad_importer)")
        << R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Condition":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}}]})"
        << "GAAD_POLICY_ERROR"
        << "RoleDetailList[0].AssumeRolePolicyDocument: the condition operator `Service` must be an object of "
           "condition keys, not a string; the policy was skipped"
        << 1;
    QTest::addRow("a key repeated in a document held as a string skips that policy, so that the account saves "
                  "(fuzz_gaad_importer)")
        << R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A","AssumeRolePolicyDocument":"{\"Version\":\"2012-10-17\",\"Extra\":{\"a\":1,\"a\":2},\"Statement\":[]}"}]})"
        << "GAAD_POLICY_ERROR"
        << "RoleDetailList[0].AssumeRolePolicyDocument: duplicate key `a`: only the last one counts, so the earlier "
           "value is ignored (in the decoded document); the policy was skipped"
        << 1;
    QTest::addRow("a role that is not an object is skipped")
        << R"({"RoleDetailList":[7,{"RoleName":"B","Arn":"arn:aws:iam::111122223333:role/B"}]})"
        << "GAAD_FORMAT_ERROR"
        << "`RoleDetailList[0]` must be an object, not number" << 1;
    QTest::addRow("a wrong field type is named")
        << R"({"RoleDetailList":[{"RoleName":"B","Arn":"arn:aws:iam::111122223333:role/B","MaxSessionDuration":"long"}]})"
        << "GAAD_FORMAT_ERROR"
        << "`RoleDetailList[0].MaxSessionDuration` must be a whole number, not string" << 1;
    QTest::addRow("a MaxSessionDuration IAM would refuse is ignored")
        << R"({"RoleDetailList":[{"RoleName":"B","Arn":"arn:aws:iam::111122223333:role/B","MaxSessionDuration":99999999999}]})"
        << "GAAD_FORMAT_ERROR"
        << "`RoleDetailList[0].MaxSessionDuration` is 99999999999; IAM accepts 3600 to 43200 seconds, so it was ignored"
        << 1;
    QTest::addRow("a truncated export is flagged")
        << R"({"RoleDetailList":[],"IsTruncated":true,"Marker":"abc"})"
        << "GAAD_FORMAT_ERROR"
        << "the file says `IsTruncated`: it holds only the first page of the account; run the AWS CLI without "
           "--max-items to get all of it"
        << 0;
}

void TestGaadImporter::reportsBrokenEntriesAndKeepsTheRest()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(int, roles);
    GaadImportResult r = importGaad(text.toStdString());
    QVERIFY(r.workspace);
    QVERIFY(!r.diagnostics.empty());
    QCOMPARE(QString::fromStdString(r.diagnostics.front().code), code);
    QCOMPARE(QString::fromStdString(r.diagnostics.front().message), message);
    QCOMPARE(static_cast<int>(r.workspace->roles.size()), roles);
}

void TestGaadImporter::skipsUnnamedVersionsAndProfilesSoTheAccountSaves()
{
    // A workspace names every policy version and instance profile: entries without their name are reported and
    // skipped, so that the imported account can be saved and opened again.
    const std::string text =
        R"({"RoleDetailList":[{"RoleName":"A","Arn":"arn:aws:iam::111122223333:role/A",)"
        R"("InstanceProfileList":[{"Arn":"arn:aws:iam::111122223333:instance-profile/p"}]}],)"
        R"("Policies":[{"PolicyName":"P","Arn":"arn:aws:iam::111122223333:policy/P",)"
        R"("DefaultVersionId":"v1","PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,)"
        R"("Document":{"Version":"2012-10-17","Statement":[]}},{"IsDefaultVersion":false,)"
        R"("Document":{"Version":"2012-10-17","Statement":[]}}]}]})";
    const GaadImportResult r = importGaad(text);
    QVERIFY(r.workspace);
    QCOMPARE(r.diagnostics.size(), std::size_t { 2 });
    for (const Diagnostic &d : r.diagnostics)
        QCOMPARE(d.code, std::string("GAAD_FORMAT_ERROR"));
    QVERIFY(r.workspace->roles.front().instanceProfiles.empty());
    QCOMPARE(r.workspace->policies.front().versions.size(), std::size_t { 1 });
    const WorkspaceLoadResult saved = loadWorkspaceText(writeWorkspace(*r.workspace));
    QVERIFY2(saved.ok(), saved.diagnostics.empty() ? "" : saved.diagnostics.front().message.c_str());
}

void TestGaadImporter::refusesWhatIsNotGaad()
{
    GaadImportResult r = importGaad(R"({"Roles":[]})");
    QVERIFY(!r.workspace);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    GaadImportResult broken = importGaad(R"({"RoleDetailList": [)");
    QVERIFY(!broken.workspace);
    QCOMPARE(broken.diagnostics[0].code, std::string("JSON_SYNTAX_ERROR"));
}

void TestGaadImporter::workspaceLoaderDetectsGaad()
{
    WorkspaceLoadResult r = loadWorkspaceFile(rd::test::testDataPath("gaad/small-account.json"));
    QVERIFY2(r.workspace, r.fileError.c_str());
    QCOMPARE(r.source, WorkspaceSource::Gaad);
    QCOMPARE(r.workspace->roles.size(), std::size_t(2));
}

QTEST_APPLESS_MAIN(TestGaadImporter)
#include "TestGaadImporter.moc"
