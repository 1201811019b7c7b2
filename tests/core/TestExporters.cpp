// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The deployable exports: policy JSON, CloudFormation (YAML and JSON), Terraform and an AWS CLI script, checked
// against hand-checked files under tests/data/export/, their escaping, their refusal on ERROR findings, and the
// round trip through CloudFormation JSON and policy JSON back to an equivalent workspace.
#include "CloudFormationImport.h"
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "GaadFixture.h"
#include "PolicyText.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/export/CliScriptExport.h"
#include "rd/core/export/CloudFormationExport.h"
#include "rd/core/export/ExportFormats.h"
#include "rd/core/export/TerraformExport.h"
#include "rd/core/export/WorkspaceExport.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

using namespace rd::core;
using rd::test::policyWithoutRangesOf;

Q_DECLARE_METATYPE(std::string)

class TestExporters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesTheHandCheckedFiles_data();
    void matchesTheHandCheckedFiles();
    void policyJsonFilesOfTheEc2Role();
    void isDeterministicWhateverTheSelectionOrder();
    void yamlScalars_data();
    void yamlScalars();
    void hclStrings_data();
    void hclStrings();
    void shellWords_data();
    void shellWords();
    void safeNames_data();
    void safeNames();
    void escapesAwkwardNamesInEveryFormat();
    void namesStayUniqueWhenNamesCollide();
    void refusesErrorFindingsUnlessForced();
    void refusesABrokenCustomerPolicy();
    void formatNames();
    void formatTableHasOneRowPerFormat();
    void minifyChangesOnlyTheFormatsThatSupportIt_data();
    void minifyChangesOnlyTheFormatsThatSupportIt();
    void examplesRoundTripThroughCloudFormationJson_data();
    void examplesRoundTripThroughCloudFormationJson();
    void examplesRoundTripThroughPolicyJson_data();
    void examplesRoundTripThroughPolicyJson();
    void aThousandRoleAccountRoundTrips();
    void importReportsWhatItCannotRead();
    void survivesAnyTemplateText();
    void exportsEntitiesWithNothingInThem();
    void writesTheScriptExecutable();
};

namespace
{

std::string examplePath(const std::string &name)
{
    return std::string(RD_TEST_DATA_DIR) + "/../../resources/examples/" + name;
}

Workspace load(const std::string &path)
{
    WorkspaceLoadResult loaded = loadWorkspaceFile(path);
    if (!loaded.workspace)
        qFatal("cannot load %s: %s", path.c_str(), loaded.fileError.c_str());
    return std::move(*loaded.workspace);
}

std::vector<RoleId> allRoles(const Workspace &ws)
{
    std::vector<RoleId> ids;
    for (const Role &role : ws.roles)
        ids.push_back(role.id);
    return ids;
}

const Role *roleNamed(const Workspace &ws, const std::string &name)
{
    const auto it = std::find_if(ws.roles.begin(), ws.roles.end(), [&](const Role &r) { return r.name == name; });
    return it == ws.roles.end() ? nullptr : &*it;
}

const ManagedPolicy *policyWithArn(const Workspace &ws, const std::string &arn)
{
    const auto it =
        std::find_if(ws.policies.begin(), ws.policies.end(), [&](const ManagedPolicy &p) { return p.arn == arn; });
    return it == ws.policies.end() ? nullptr : &*it;
}

const std::string kTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
const std::string kRead =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]})";

// Compares every exported property of the roles of `original` with those of `imported`, by role name.
void compareRoles(const Workspace &original, const std::vector<RoleId> &ids, const Workspace &imported)
{
    QCOMPARE(imported.roles.size(), ids.size());
    for (const RoleId id : ids) {
        const Role &role = *original.role(id);
        const Role *back = roleNamed(imported, role.name);
        QVERIFY2(back, role.name.c_str());
        QCOMPARE(back->path, role.path);
        QCOMPARE(back->description, role.description);
        QCOMPARE(back->maxSessionDuration, role.maxSessionDuration);
        QVERIFY2(sameContent(back->trustPolicy, role.trustPolicy), role.name.c_str());
        QCOMPARE(back->inlinePolicies.size(), role.inlinePolicies.size());
        for (std::size_t i = 0; i < role.inlinePolicies.size(); ++i) {
            QCOMPARE(back->inlinePolicies[i].name, role.inlinePolicies[i].name);
            QVERIFY(sameContent(back->inlinePolicies[i].document, role.inlinePolicies[i].document));
        }
        QCOMPARE(back->attachedPolicyArns, role.attachedPolicyArns);
        QCOMPARE(back->permissionsBoundaryArn, role.permissionsBoundaryArn);
        QCOMPARE(back->tags, role.tags);
        QCOMPARE(back->instanceProfiles.size(), role.instanceProfiles.size());
        for (std::size_t i = 0; i < role.instanceProfiles.size(); ++i) {
            QCOMPARE(back->instanceProfiles[i].name, role.instanceProfiles[i].name);
            QCOMPARE(back->instanceProfiles[i].path, role.instanceProfiles[i].path);
        }
        // Customer managed policies of the workspace come back with the same name, path and document.
        std::vector<std::string> arns = role.attachedPolicyArns;
        if (!role.permissionsBoundaryArn.empty())
            arns.push_back(role.permissionsBoundaryArn);
        for (const std::string &arn : arns) {
            const ManagedPolicy *source = policyWithArn(original, arn);
            if (!source || source->isAwsManaged())
                continue;
            const ManagedPolicy *copy = policyWithArn(imported, arn);
            QVERIFY2(copy, arn.c_str());
            QCOMPARE(copy->name, source->name);
            QCOMPARE(copy->path, source->path);
            QCOMPARE(copy->description, source->description);
            QVERIFY(sameContent(copy->defaultVersion()->document, source->defaultVersion()->document));
        }
    }
}

// One case per ExportFormat enumerator and no default: -Wswitch (an error in CI) flags an enumerator added without a
// case here, and formatTableHasOneRowPerFormat() then requires a row for it.
bool isEnumerator(ExportFormat format)
{
    switch (format) {
    case ExportFormat::PolicyJson:
    case ExportFormat::CloudFormationYaml:
    case ExportFormat::CloudFormationJson:
    case ExportFormat::Terraform:
    case ExportFormat::CliScript:
        return true;
    }
    return false;
}

} // namespace

void TestExporters::matchesTheHandCheckedFiles_data()
{
    QTest::addColumn<std::string>("workspace");
    QTest::addColumn<int>("format");
    QTest::addColumn<std::string>("expected");
    const std::string lambda = examplePath("lambda-logging.rdws");
    const std::string ec2 = std::string(RD_TEST_DATA_DIR) + "/export/ec2-web-server.rdws";
    const std::vector<std::pair<std::string, std::string>> workspaces { { "lambda-logging", lambda },
        { "ec2-web-server", ec2 } };
    for (const auto &[name, path] : workspaces) {
        QTest::addRow("%s as a CloudFormation YAML template", name.c_str())
            << path << int(ExportFormat::CloudFormationYaml) << name + ".yaml";
        QTest::addRow("%s as a CloudFormation JSON template", name.c_str())
            << path << int(ExportFormat::CloudFormationJson) << name + ".template.json";
        QTest::addRow("%s as a Terraform configuration", name.c_str())
            << path << int(ExportFormat::Terraform) << name + ".tf";
        QTest::addRow("%s as an AWS CLI script", name.c_str()) << path << int(ExportFormat::CliScript) << name + ".sh";
    }
}

void TestExporters::matchesTheHandCheckedFiles()
{
    QFETCH(std::string, workspace);
    QFETCH(int, format);
    QFETCH(std::string, expected);
    const Workspace ws = load(workspace);
    const ExportResult result = exportRoles(ws, allRoles(ws), ExportOptions { ExportFormat(format) });
    QVERIFY(!result.refused);
    QVERIFY(!result.files.empty());
    const std::string path = std::string(RD_TEST_DATA_DIR) + "/export/" + expected;
    // RD_WRITE_EXPECTED=1 rewrites the reference files; read every change before keeping it.
    if (qEnvironmentVariableIsSet("RD_WRITE_EXPECTED"))
        std::ofstream(path, std::ios::binary) << result.files.front().text;
    RD_REQUIRE_FILE(path);
    QCOMPARE(result.files.front().text, rd::test::readFile(path));
}

void TestExporters::policyJsonFilesOfTheEc2Role()
{
    const Workspace ws = load(std::string(RD_TEST_DATA_DIR) + "/export/ec2-web-server.rdws");
    const std::vector<ExportedFile> files = exportFiles(ws, allRoles(ws), ExportFormat::PolicyJson, WriteStyle::Pretty);
    std::vector<std::string> names;
    for (const ExportedFile &file : files)
        names.push_back(file.name);
    // Customer managed policies (attached, and the boundary) first, in workspace order; then the role's documents.
    QCOMPARE(names,
        std::vector<std::string>({ "AppConfigRead.managed-policy.json", "DeveloperBoundary.managed-policy.json",
            "WebServer.trust-policy.json", "WebServer.ReadReleases.json" }));
    QCOMPARE(files[2].text,
        std::string("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": "
                    "\"Allow\",\n            \"Principal\": {\n                \"Service\": \"ec2.amazonaws.com\"\n   "
                    "         },\n            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}\n"));
    const std::vector<ExportedFile> minified =
        exportFiles(ws, allRoles(ws), ExportFormat::PolicyJson, WriteStyle::Minified);
    QCOMPARE(minified[2].text,
        std::string(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})")
            + "\n");
    // The CLI script's files are the script, then these.
    const std::vector<ExportedFile> script = cliScriptFiles(ws, allRoles(ws));
    QCOMPARE(script.size(), files.size() + 1);
    QCOMPARE(script[0].name, std::string(kCliScriptName));
    QVERIFY(script[0].executable);
    for (std::size_t i = 0; i < files.size(); ++i) {
        QCOMPARE(script[i + 1].name, files[i].name);
        QCOMPARE(script[i + 1].text, files[i].text);
    }
}

void TestExporters::isDeterministicWhateverTheSelectionOrder()
{
    Workspace ws;
    ws.name = "two roles";
    for (const char *name : { "Beta", "Alpha" }) {
        Role role;
        role.name = name;
        role.accountId = "111122223333";
        role.trustPolicy = policyWithoutRangesOf(kTrust);
        ws.add(role);
    }
    const std::vector<RoleId> forward = allRoles(ws);
    const std::vector<RoleId> backward(forward.rbegin(), forward.rend());
    for (ExportFormat format : { ExportFormat::PolicyJson, ExportFormat::CloudFormationYaml,
             ExportFormat::CloudFormationJson, ExportFormat::Terraform, ExportFormat::CliScript }) {
        const std::vector<ExportedFile> a = exportFiles(ws, forward, format, WriteStyle::Pretty);
        const std::vector<ExportedFile> b = exportFiles(ws, backward, format, WriteStyle::Pretty);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].name, b[i].name);
            QCOMPARE(a[i].text, b[i].text);
        }
        // Workspace order: Beta before Alpha.
        const std::string all = a.front().text + (a.size() > 1 ? a[1].name : std::string());
        QVERIFY2(all.find("Beta") < all.find("Alpha") || format == ExportFormat::PolicyJson,
            std::string(exportFormatName(format)).c_str());
    }
    // Only the chosen roles, and unknown ids are skipped.
    const std::vector<ExportedFile> one =
        exportFiles(ws, { forward[1], RoleId { 999 } }, ExportFormat::PolicyJson, WriteStyle::Pretty);
    QCOMPARE(one.size(), std::size_t(1));
    QCOMPARE(one[0].name, std::string("Alpha.trust-policy.json"));
}

void TestExporters::yamlScalars_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    // YAML 1.2.2, 7.3.3 "Plain Style" and 5.7 "Escaped Characters"; YAML 1.1's booleans for CloudFormation.
    QTest::newRow("an action stays plain") << std::string("sts:AssumeRole") << std::string("sts:AssumeRole");
    QTest::newRow("an ARN with a wildcard stays plain")
        << std::string("arn:aws:s3:::my-log-bucket/*") << std::string("arn:aws:s3:::my-log-bucket/*");
    QTest::newRow("a path stays plain") << std::string("/service-role/") << std::string("/service-role/");
    QTest::newRow("a date is quoted, or YAML reads a timestamp")
        << std::string("2012-10-17") << std::string("\"2012-10-17\"");
    QTest::newRow("an account id is quoted, or YAML reads a number")
        << std::string("111122223333") << std::string("\"111122223333\"");
    QTest::newRow("true is quoted, or YAML reads a boolean") << std::string("true") << std::string("\"true\"");
    QTest::newRow("yes and Off are quoted (YAML 1.1 booleans)") << std::string("Off") << std::string("\"Off\"");
    QTest::newRow("null is quoted") << std::string("null") << std::string("\"null\"");
    QTest::newRow("the empty string is quoted") << std::string() << std::string("\"\"");
    QTest::newRow("a lone star would be an alias") << std::string("*") << std::string("\"*\"");
    QTest::newRow("a colon and a space would start a mapping") << std::string("a: b") << std::string("\"a: b\"");
    QTest::newRow("a trailing colon is quoted") << std::string("key:") << std::string("\"key:\"");
    QTest::newRow("a hash would start a comment") << std::string("a #b") << std::string("\"a #b\"");
    QTest::newRow("quotes and backslashes are escaped")
        << std::string("say \"hi\" \\o/") << std::string("\"say \\\"hi\\\" \\\\o/\"");
    QTest::newRow("a line break is escaped") << std::string("one\ntwo") << std::string("\"one\\ntwo\"");
    QTest::newRow("a control character is escaped") << std::string("a\x01") << std::string("\"a\\x01\"");
    QTest::newRow("unicode stays as it is, quoted") << std::string("Zürich ☃") << std::string("\"Zürich ☃\"");
    QTest::newRow("U+2028 is escaped (a line break to YAML 1.1)")
        << std::string("a\xE2\x80\xA8") << std::string("\"a\\L\"");
    QTest::newRow("a CloudFormation variable is only text")
        << std::string("${AWS::AccountId}") << std::string("\"${AWS::AccountId}\"");
}

void TestExporters::yamlScalars()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    // Through a whole template: the scalar as the value of a key.
    Workspace ws;
    Role role;
    role.name = "R";
    role.description = text;
    role.trustPolicy = policyWithoutRangesOf(kTrust);
    ws.add(role);
    const std::string yaml = cloudFormationTemplate(ws, allRoles(ws), CloudFormationSyntax::Yaml);
    if (!text.empty())
        QVERIFY2(yaml.find("      Description: " + expected + "\n") != std::string::npos, yaml.c_str());
}

void TestExporters::hclStrings_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    // HCL native syntax specification, "Template Expressions" and "Template Interpolation".
    QTest::newRow("plain text is only quoted") << std::string("WebServer") << std::string("\"WebServer\"");
    QTest::newRow("an interpolation is escaped as $${")
        << std::string("${aws:username}") << std::string("\"$${aws:username}\"");
    QTest::newRow("a directive is escaped as %%{") << std::string("%{if x}") << std::string("\"%%{if x}\"");
    QTest::newRow("a dollar without a brace stays") << std::string("$5 and 50%") << std::string("\"$5 and 50%\"");
    QTest::newRow("quotes and backslashes are escaped")
        << std::string("a \"b\" \\c") << std::string("\"a \\\"b\\\" \\\\c\"");
    QTest::newRow("line breaks and tabs are escaped") << std::string("a\nb\r\tc") << std::string("\"a\\nb\\r\\tc\"");
    QTest::newRow("control characters become \\u") << std::string("a\x02") << std::string("\"a\\u0002\"");
    QTest::newRow("unicode stays") << std::string("Zürich ☃") << std::string("\"Zürich ☃\"");
}

void TestExporters::hclStrings()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QCOMPARE(hclQuote(text), expected);
}

void TestExporters::shellWords_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    // POSIX Shell Command Language, 2.2.2 "Single-Quotes": nothing inside single quotes is special but `'` itself.
    QTest::newRow("a plain name stays") << std::string("WebServer") << std::string("WebServer");
    QTest::newRow("a file URL stays") << std::string("file://A.b.json") << std::string("file://A.b.json");
    QTest::newRow("an ARN stays") << std::string("arn:aws:iam::aws:policy/ReadOnlyAccess")
                                  << std::string("arn:aws:iam::aws:policy/ReadOnlyAccess");
    QTest::newRow("a space needs quotes") << std::string("two words") << std::string("'two words'");
    QTest::newRow("a single quote is closed, escaped and reopened") << std::string("it's") << std::string("'it'\\''s'");
    QTest::newRow("command substitution is not run") << std::string("$(rm -rf /)") << std::string("'$(rm -rf /)'");
    QTest::newRow("backticks and variables are not run") << std::string("`id` $HOME") << std::string("'`id` $HOME'");
    QTest::newRow("a leading dash would be an option") << std::string("-x") << std::string("'-x'");
    QTest::newRow("the empty string is two quotes") << std::string() << std::string("''");
    QTest::newRow("a line break stays inside the quotes") << std::string("a\nb") << std::string("'a\nb'");
    QTest::newRow("unicode is quoted") << std::string("Zürich") << std::string("'Zürich'");
}

void TestExporters::shellWords()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QCOMPARE(shellQuote(text), expected);
}

void TestExporters::safeNames_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<std::string>("logicalId");
    QTest::addColumn<std::string>("terraform");
    // CloudFormation User Guide, "Resources": logical ids are alphanumeric (A-Za-z0-9). Terraform: identifiers are
    // letters, digits, `_` and `-`, not starting with a digit or `-`.
    QTest::newRow("a plain name") << std::string("WebServer") << std::string("WebServerRole")
                                  << std::string("WebServer");
    QTest::newRow("dashes and dots become camel case")
        << std::string("my-app.web_role") << std::string("MyAppWebRoleRole") << std::string("my-app_web_role");
    QTest::newRow("IAM's other characters")
        << std::string("a+b=c,d@e") << std::string("ABCDERole") << std::string("a_b_c_d_e");
    QTest::newRow("a leading digit") << std::string("9lives") << std::string("9livesRole") << std::string("_9lives");
    QTest::newRow("only punctuation") << std::string("+=") << std::string("Role") << std::string("__");
}

void TestExporters::safeNames()
{
    QFETCH(std::string, name);
    QFETCH(std::string, logicalId);
    QFETCH(std::string, terraform);
    QCOMPARE(cloudFormationLogicalId(name, "Role"), logicalId);
    QCOMPARE(terraformName(name), terraform);
}

void TestExporters::escapesAwkwardNamesInEveryFormat()
{
    Workspace ws;
    ws.name = "awkward\nworkspace";
    Role role;
    role.name = "it's-a-role";
    role.accountId = "111122223333";
    role.description = "Say \"hi\" to ${aws:username} and %{x}\nthen 'leave' — Zürich ☃";
    role.trustPolicy = policyWithoutRangesOf(kTrust);
    role.inlinePolicies.push_back(InlinePolicy { "Read",
        policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true}}}]})") });
    role.tags.push_back(Tag { "owner's", "a \"b\"\n${c}" });
    ws.add(role);
    const std::vector<RoleId> ids = allRoles(ws);

    const std::string yaml = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Yaml);
    QVERIFY2(yaml.find("      Description: \"Say \\\"hi\\\" to ${aws:username} and %{x}\\nthen 'leave' — Zürich ☃\"\n")
            != std::string::npos,
        yaml.c_str());
    QVERIFY(yaml.find("Description: \"IAM roles of awkward workspace, exported by IAM Role Designer\"\n")
        != std::string::npos);
    // Numbers and booleans in conditions keep their JSON type; logical ids are alphanumeric.
    QVERIFY(yaml.find("s3:max-keys: 10\n") != std::string::npos);
    QVERIFY(yaml.find("aws:SecureTransport: true\n") != std::string::npos);
    QVERIFY(yaml.find("  ItSARoleRole:\n") != std::string::npos);

    const std::string tf = terraformConfiguration(ws, ids);
    QVERIFY2(
        tf.find("description          = \"Say \\\"hi\\\" to $${aws:username} and %%{x}\\nthen 'leave' — Zürich ☃\"\n")
            != std::string::npos,
        tf.c_str());
    QVERIFY(tf.find("\"Resource\" = \"arn:aws:s3:::b/$${aws:username}/*\"") != std::string::npos);
    QVERIFY(tf.find("\"s3:max-keys\" = 10") != std::string::npos);
    QVERIFY(tf.find("resource \"aws_iam_role\" \"it_s-a-role\" {") != std::string::npos);
    QVERIFY(tf.find("\"owner's\" = \"a \\\"b\\\"\\n$${c}\"") != std::string::npos);

    const std::string sh = cliScriptFiles(ws, ids).front().text;
    QVERIFY2(sh.find("--role-name 'it'\\''s-a-role'") != std::string::npos, sh.c_str());
    QVERIFY(sh.find("--description 'Say \"hi\" to ${aws:username} and %{x}\nthen '\\''leave'\\'' — Zürich ☃'")
        != std::string::npos);
    QVERIFY(sh.find("--tags '[{\"Key\":\"owner'\\''s\",\"Value\":\"a \\\"b\\\"\\n${c}\"}]'") != std::string::npos);
    // The workspace name's line break does not end the comment.
    QVERIFY(sh.find("# IAM roles of awkward workspace, exported by IAM Role Designer.\n") != std::string::npos);

    // The JSON template carries every byte back.
    const std::string json = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Json);
    CloudFormationImportResult back = importCloudFormationJson(json, { "111122223333" });
    QVERIFY(back.workspace);
    compareRoles(ws, ids, *back.workspace);
}

void TestExporters::namesStayUniqueWhenNamesCollide()
{
    Workspace ws;
    Role a;
    a.name = "A.b";
    a.trustPolicy = policyWithoutRangesOf(kTrust);
    a.inlinePolicies.push_back(InlinePolicy { "c", policyWithoutRangesOf(kRead) });
    ws.add(a);
    Role b;
    b.name = "A";
    b.trustPolicy = policyWithoutRangesOf(kTrust);
    b.inlinePolicies.push_back(InlinePolicy { "b.c", policyWithoutRangesOf(kRead) });
    b.instanceProfiles.push_back(InstanceProfile { "A-b", "/", "", "" });
    ws.add(b);
    Role c;
    c.name = "a-b";
    c.trustPolicy = policyWithoutRangesOf(kTrust);
    c.instanceProfiles.push_back(InstanceProfile { "AB", "/", "", "" });
    ws.add(c);
    const std::vector<RoleId> ids = allRoles(ws);

    const std::vector<ExportedFile> files = policyJsonFiles(ws, ids);
    QCOMPARE(files[1].name, std::string("A.b.c.json"));
    QCOMPARE(files[3].name, std::string("A.b.c-2.json"));

    const std::string json = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Json);
    JsonReadResult read = readJson(json);
    QVERIFY(read.value);
    std::vector<std::string> logicalIds;
    for (const JsonMember &m : read.value->find("Resources")->members)
        logicalIds.push_back(m.key);
    QCOMPARE(logicalIds,
        std::vector<std::string>({ "ABRole", "ARole", "ABInstanceProfile", "ABRole2", "ABInstanceProfile2" }));

    const std::string tf = terraformConfiguration(ws, ids);
    QVERIFY(tf.find("resource \"aws_iam_role\" \"A_b\" {") != std::string::npos);
    QVERIFY(tf.find("resource \"aws_iam_role\" \"a-b\" {") != std::string::npos);
    QVERIFY(tf.find("resource \"aws_iam_role_policy\" \"A_b_c\" {") != std::string::npos);
    QVERIFY(tf.find("resource \"aws_iam_role_policy\" \"A_b_c_2\" {") != std::string::npos);
}

void TestExporters::refusesErrorFindingsUnlessForced()
{
    const Workspace ws = load(examplePath("needs-review.rdws"));
    const std::vector<RoleId> ids = allRoles(ws);
    const ExportResult refused = exportRoles(ws, ids, ExportOptions { ExportFormat::Terraform });
    QVERIFY(refused.refused);
    QVERIFY(refused.files.empty());
    QVERIFY(!refused.blockers.empty());
    for (const ExportBlocker &blocker : refused.blockers) {
        QCOMPARE(blocker.diagnostic.severity, Severity::Error);
        QVERIFY(roleNamed(ws, blocker.subject));
    }
    const std::string line = formatExportBlocker(refused.blockers.front());
    QVERIFY2(
        line.rfind(refused.blockers.front().subject + ": ERROR " + refused.blockers.front().diagnostic.code, 0) == 0,
        line.c_str());

    ExportOptions forced { ExportFormat::Terraform };
    forced.force = true;
    const ExportResult result = exportRoles(ws, ids, forced);
    QVERIFY(!result.refused);
    QCOMPARE(result.files.size(), std::size_t(1));
    QCOMPARE(result.blockers.size(), refused.blockers.size());

    // A workspace without ERROR findings exports at once.
    const Workspace clean = load(examplePath("lambda-logging.rdws"));
    const ExportResult ok = exportRoles(clean, allRoles(clean), ExportOptions { ExportFormat::CliScript });
    QVERIFY(!ok.refused);
    QVERIFY(ok.blockers.empty());
}

void TestExporters::refusesABrokenCustomerPolicy()
{
    Workspace ws = load(std::string(RD_TEST_DATA_DIR) + "/export/ec2-web-server.rdws");
    QVERIFY(exportBlockers(ws, allRoles(ws)).empty());
    // IAM User Guide, "IAM JSON policy elements: Effect": a statement needs Allow or Deny.
    ws.policies[0].versions[0].document = policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"ssm:GetParameter","Resource":"*"}]})");
    const std::vector<ExportBlocker> blockers = exportBlockers(ws, allRoles(ws));
    QCOMPARE(blockers.size(), std::size_t(1));
    QCOMPARE(blockers[0].subject, std::string("AppConfigRead"));
    QCOMPARE(blockers[0].part, std::string("policy document"));
    QCOMPARE(blockers[0].diagnostic.code, std::string("INVALID_EFFECT"));
}

void TestExporters::formatNames()
{
    for (ExportFormat format : { ExportFormat::PolicyJson, ExportFormat::CloudFormationYaml,
             ExportFormat::CloudFormationJson, ExportFormat::Terraform, ExportFormat::CliScript })
        QCOMPARE(exportFormatFromName(exportFormatName(format)), std::optional<ExportFormat>(format));
    QCOMPARE(exportFormatFromName("yaml"), std::nullopt);
}

void TestExporters::formatTableHasOneRowPerFormat()
{
    const std::span<const ExportFormatInfo> formats = exportFormats();
    std::size_t enumerators = 0;
    for (int value = 0; value < 256; ++value) {
        const ExportFormat format = ExportFormat(value);
        const ExportFormatInfo *row = findExportFormat(format);
        if (!isEnumerator(format)) {
            QVERIFY2(!row, qPrintable(QStringLiteral("a row for %1, which is no ExportFormat").arg(value)));
            continue;
        }
        ++enumerators;
        QVERIFY2(row, qPrintable(QStringLiteral("no row for ExportFormat %1").arg(value)));
        QVERIFY(row->id == format);
        QCOMPARE(
            std::count_if(formats.begin(), formats.end(), [&](const ExportFormatInfo &f) { return f.id == format; }),
            std::ptrdiff_t(1));
    }
    QCOMPARE(formats.size(), enumerators);

    std::set<std::string_view> cliNames;
    std::set<std::string_view> labels;
    for (const ExportFormatInfo &row : formats) {
        const std::string name(row.cliName);
        QVERIFY2(cliNames.insert(row.cliName).second, name.c_str());
        QVERIFY2(labels.insert(row.label).second, name.c_str());
        // A `--format` value needs no quoting in a shell and reads the same in any case-folding.
        QVERIFY(!name.empty());
        QVERIFY2(std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::islower(c) || std::isdigit(c) || c == '-'; }),
            name.c_str());
        QVERIFY2(!row.label.empty(), name.c_str());
        QVERIFY2(row.write, name.c_str());
        QCOMPARE(exportFormatFromName(row.cliName), std::optional<ExportFormat>(row.id));
        QCOMPARE(exportFormatName(row.id), row.cliName);
    }
}

void TestExporters::minifyChangesOnlyTheFormatsThatSupportIt_data()
{
    QTest::addColumn<int>("format");
    for (const ExportFormatInfo &row : exportFormats())
        QTest::addRow("%s", std::string(row.label).c_str()) << int(row.id);
}

void TestExporters::minifyChangesOnlyTheFormatsThatSupportIt()
{
    QFETCH(int, format);
    const ExportFormatInfo &row = *findExportFormat(ExportFormat(format));
    const Workspace ws = load(examplePath("lambda-logging.rdws"));
    const std::vector<ExportedFile> pretty = exportFiles(ws, allRoles(ws), row.id, WriteStyle::Pretty);
    const std::vector<ExportedFile> minified = exportFiles(ws, allRoles(ws), row.id, WriteStyle::Minified);
    QVERIFY(!pretty.empty());
    QCOMPARE(minified.size(), pretty.size());
    bool changed = false;
    for (std::size_t i = 0; i < pretty.size(); ++i) {
        QCOMPARE(minified[i].name, pretty[i].name);
        changed = changed || minified[i].text != pretty[i].text;
        if (row.supportsMinify)
            QVERIFY(minified[i].text.size() <= pretty[i].text.size());
    }
    // The Export dialog enables "Minify JSON", and the CLI's --minify has an effect, exactly for these formats.
    QCOMPARE(changed, row.supportsMinify);
    // The writer and the export entry point agree.
    QCOMPARE(row.write(ws, allRoles(ws), WriteStyle::Pretty).size(), pretty.size());
}

void TestExporters::examplesRoundTripThroughCloudFormationJson_data()
{
    QTest::addColumn<std::string>("workspace");
    QTest::newRow("the Lambda logging example") << examplePath("lambda-logging.rdws");
    QTest::newRow("the roles that need review") << examplePath("needs-review.rdws");
    QTest::newRow("the EC2 web server") << std::string(RD_TEST_DATA_DIR) + "/export/ec2-web-server.rdws";
}

void TestExporters::examplesRoundTripThroughCloudFormationJson()
{
    QFETCH(std::string, workspace);
    const Workspace ws = load(workspace);
    const std::vector<RoleId> ids = allRoles(ws);
    for (WriteStyle style : { WriteStyle::Pretty, WriteStyle::Minified }) {
        const std::string json = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Json, style);
        CloudFormationImportResult back = importCloudFormationJson(json, { "111122223333" });
        QVERIFY(back.workspace);
        for (const Diagnostic &d : back.diagnostics)
            qWarning("%s", d.message.c_str());
        QVERIFY(back.diagnostics.empty());
        compareRoles(ws, ids, *back.workspace);
        // The ARNs are those of the account it is deployed to.
        QCOMPARE(back.workspace->roles[0].arn, ws.roles[0].arn);
    }
}

void TestExporters::examplesRoundTripThroughPolicyJson_data()
{
    examplesRoundTripThroughCloudFormationJson_data();
}

void TestExporters::examplesRoundTripThroughPolicyJson()
{
    QFETCH(std::string, workspace);
    const Workspace ws = load(workspace);
    const std::vector<RoleId> ids = allRoles(ws);
    for (WriteStyle style : { WriteStyle::Pretty, WriteStyle::Minified }) {
        const std::vector<ExportedFile> files = policyJsonFiles(ws, ids, style);
        std::size_t expected = 0;
        for (const Role &role : ws.roles)
            expected += 1 + role.inlinePolicies.size();
        std::size_t i = files.size() - expected;
        for (const Role &role : ws.roles) {
            QVERIFY(sameContent(*parsePolicy(files[i++].text).policy, role.trustPolicy));
            for (const InlinePolicy &p : role.inlinePolicies)
                QVERIFY(sameContent(*parsePolicy(files[i++].text).policy, p.document));
        }
    }
}

void TestExporters::aThousandRoleAccountRoundTrips()
{
    GaadImportResult imported = importGaad(rd::test::makeGaad(1000, 200));
    QVERIFY(imported.workspace);
    const Workspace &ws = *imported.workspace;
    QCOMPARE(ws.roles.size(), std::size_t(1000));
    const std::vector<RoleId> ids = allRoles(ws);

    // bench_core's Export1000Roles measures how long this takes.
    const std::string json = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Json);

    CloudFormationImportResult back = importCloudFormationJson(json, { "111122223333" });
    QVERIFY(back.workspace);
    QVERIFY(back.diagnostics.empty());
    compareRoles(ws, ids, *back.workspace);

    const std::vector<ExportedFile> files = policyJsonFiles(ws, ids, WriteStyle::Minified);
    std::size_t i = 0;
    const std::string suffix = ".managed-policy.json";
    for (; i < files.size() && files[i].name.size() > suffix.size()
         && files[i].name.compare(files[i].name.size() - suffix.size(), suffix.size(), suffix) == 0;
         ++i) {
        const std::string name = files[i].name.substr(0, files[i].name.size() - suffix.size());
        const auto p = std::find_if(ws.policies.begin(), ws.policies.end(),
            [&](const ManagedPolicy &m) { return !m.isAwsManaged() && m.name == name; });
        QVERIFY2(p != ws.policies.end(), name.c_str());
        QVERIFY(sameContent(*parsePolicy(files[i].text).policy, p->defaultVersion()->document));
    }
    QVERIFY(i > 0);
    for (const Role &role : ws.roles) {
        QVERIFY(i < files.size());
        QVERIFY(sameContent(*parsePolicy(files[i++].text).policy, role.trustPolicy));
        for (const InlinePolicy &p : role.inlinePolicies)
            QVERIFY(sameContent(*parsePolicy(files[i++].text).policy, p.document));
    }
    QCOMPARE(i, files.size());

    // AWS CloudFormation User Guide, "CloudFormation quotas": 500 resources and 1 MB per template.
    ExportOptions cfn { ExportFormat::CloudFormationJson };
    cfn.force = true;
    const ExportResult big = exportRoles(ws, ids, cfn);
    QCOMPARE(big.warnings.size(), std::size_t(2));
    QVERIFY(big.warnings[0].find("at most 500") != std::string::npos);
    QVERIFY(big.warnings[1].find("at most 1 MB") != std::string::npos);
    for (const std::string &warning : exportRoles(ws, { ids[0] }, cfn).warnings)
        QVERIFY2(warning.find("51,200") != std::string::npos, warning.c_str());
    QVERIFY(exportRoles(load(examplePath("lambda-logging.rdws")), { RoleId { 1 } }, cfn).warnings.empty());

    // The other formats are as quick and name every role.
    for (ExportFormat format : { ExportFormat::CloudFormationYaml, ExportFormat::Terraform, ExportFormat::CliScript }) {
        const std::string text = exportFiles(ws, ids, format, WriteStyle::Pretty).front().text;
        QVERIFY(text.find(ws.roles.back().name) != std::string::npos);
    }
}

void TestExporters::importReportsWhatItCannotRead()
{
    QVERIFY(!importCloudFormationJson("not json").workspace);
    QVERIFY(!importCloudFormationJson("{\"AWSTemplateFormatVersion\": \"2010-09-09\"}").workspace);
    const std::string text = R"({"Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {}},
        "NoProps": {"Type": "AWS::IAM::Role"},
        "BadRef": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "R",
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
            "ManagedPolicyArns": [{"Ref": "Missing"}, {"Fn::ImportValue": "x"}, "arn:aws:iam::aws:policy/ReadOnlyAccess"],
            "MaxSessionDuration": "7200"}},
        "Profile": {"Type": "AWS::IAM::InstanceProfile", "Properties": {"Roles": ["R"]}}}})";
    const CloudFormationImportResult r = importCloudFormationJson(text);
    QVERIFY(r.workspace);
    QCOMPARE(r.workspace->roles.size(), std::size_t(1));
    QCOMPARE(r.workspace->roles[0].maxSessionDuration, 7200);
    QCOMPARE(r.workspace->roles[0].attachedPolicyArns,
        std::vector<std::string>({ "arn:aws:iam::aws:policy/ReadOnlyAccess" }));
    std::vector<std::string> messages;
    for (const Diagnostic &d : r.diagnostics)
        messages.push_back(d.code + " " + d.message);
    QCOMPARE(messages,
        std::vector<std::string>({ "CFN_FORMAT_ERROR resource `NoProps`: no `Properties` object",
            "CFN_FORMAT_ERROR resource `BadRef`: `Ref` to `Missing`, which is not a managed policy of the template",
            "CFN_UNSUPPORTED resource `BadRef`: a policy ARN that is neither a string nor a `Ref` is skipped",
            "CFN_UNSUPPORTED resource `Bucket`: resource type `AWS::S3::Bucket` is not imported",
            "CFN_FORMAT_ERROR resource `Profile`: an entry of `Roles` is not a `Ref` to a role of the template" }));
}

void TestExporters::survivesAnyTemplateText()
{
    // Bad input never crashes: every prefix of a real template, and the template with single bytes changed.
    const Workspace ws = load(std::string(RD_TEST_DATA_DIR) + "/export/ec2-web-server.rdws");
    const std::string json = cloudFormationTemplate(ws, allRoles(ws), CloudFormationSyntax::Json, WriteStyle::Minified);
    for (std::size_t n = 0; n < json.size(); ++n)
        importCloudFormationJson(std::string_view(json).substr(0, n));
    for (std::size_t i = 0; i < json.size(); i += 3) {
        for (char c : { '"', '{', ']', '1', 'x' }) {
            std::string changed = json;
            changed[i] = c;
            importCloudFormationJson(changed);
        }
    }
    QVERIFY(importCloudFormationJson(json).workspace);
}

void TestExporters::exportsEntitiesWithNothingInThem()
{
    Workspace ws;
    Role empty;
    ws.add(empty);
    ManagedPolicy versionless;
    versionless.name = "";
    versionless.arn = "arn:aws:iam::111122223333:policy/";
    ws.add(versionless);
    ws.roles[0].attachedPolicyArns.push_back(versionless.arn);
    ws.roles[0].permissionsBoundaryArn = versionless.arn;
    ws.roles[0].instanceProfiles.push_back(InstanceProfile {});
    const std::vector<RoleId> ids = allRoles(ws);
    QVERIFY(!exportBlockers(ws, ids).empty());
    for (ExportFormat format : { ExportFormat::PolicyJson, ExportFormat::CloudFormationYaml,
             ExportFormat::CloudFormationJson, ExportFormat::Terraform, ExportFormat::CliScript }) {
        const std::vector<ExportedFile> files = exportFiles(ws, ids, format, WriteStyle::Pretty);
        QVERIFY(!files.empty());
        for (const ExportedFile &file : files) {
            QVERIFY(!file.name.empty());
            QVERIFY(file.name.find('/') == std::string::npos);
        }
    }
    const std::string json = cloudFormationTemplate(ws, ids, CloudFormationSyntax::Json);
    JsonReadResult read = readJson(json);
    QVERIFY(read.isExact());
    std::vector<std::string> logicalIds;
    for (const JsonMember &m : read.value->find("Resources")->members)
        logicalIds.push_back(m.key);
    QCOMPARE(logicalIds, std::vector<std::string>({ "Policy", "Role", "InstanceProfile" }));
}

void TestExporters::writesTheScriptExecutable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Workspace ws = load(examplePath("lambda-logging.rdws"));
    const std::vector<ExportedFile> files = cliScriptFiles(ws, allRoles(ws));
    QVERIFY(!writeExportedFiles(files, dir.path().toStdString()));
    const auto perms =
        std::filesystem::status(dir.filePath(QString::fromStdString(files[0].name)).toStdString()).permissions();
    QVERIFY((perms & std::filesystem::perms::owner_exec) != std::filesystem::perms::none);
    const auto jsonPerms =
        std::filesystem::status(dir.filePath(QString::fromStdString(files[1].name)).toStdString()).permissions();
    QVERIFY((jsonPerms & std::filesystem::perms::owner_exec) == std::filesystem::perms::none);
}

QTEST_APPLESS_MAIN(TestExporters)
#include "TestExporters.moc"
