// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The built-in AWS service catalog: complete against its source (third_party/aws-data/iam-catalog.json.gz), and its
// lookups follow IAM's rules (action names and condition keys case-insensitive, placeholders in key names).
#include "CorpusFiles.h"
#include "rd/core/catalog/ServiceCatalog.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace rd::core;

class TestServiceCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesItsSourceExactly();
    void looksUpServicesAndActions();
    void expandsActionWildcards_data();
    void expandsActionWildcards();
    void findsConditionKeys_data();
    void findsConditionKeys();
    void refusesWhatIsNotACatalog_data();
    void refusesWhatIsNotACatalog();
};

void TestServiceCatalog::matchesItsSourceExactly()
{
    std::string error;
    const std::string text = rd::test::catalogSourceJson(error);
    QVERIFY2(error.empty(), error.c_str());
    const nlohmann::json source = nlohmann::json::parse(text);
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    QCOMPARE(catalog.services().size(), source["counts"]["services"].get<std::size_t>());
    QCOMPARE(catalog.actionCount(), source["counts"]["actions"].get<std::size_t>());
    QCOMPARE(catalog.globalConditionKeys().size(), source["counts"]["globalConditionKeys"].get<std::size_t>());
    std::size_t resourceTypes = 0;
    std::size_t supplementTypes = 0;
    std::size_t conditionKeys = 0;
    for (const auto &service : source["services"]) {
        const ServiceInfo *s = catalog.service(service["prefix"].get<std::string>());
        QVERIFY(s);
        QCOMPARE(s->actions.size(), service["actions"].size());
        for (const auto &action : service["actions"]) {
            const ActionInfo *a = s->action(action["name"].get<std::string>());
            QVERIFY(a);
            QCOMPARE(QString::fromUtf8(accessLevelName(a->accessLevel).data()),
                QString::fromStdString(action["accessLevel"].get<std::string>()));
            QCOMPARE(a->resourceTypes.size(), action["resourceTypes"].size());
            for (std::size_t i = 0; i < a->resourceTypes.size(); ++i)
                QCOMPARE(a->resourceTypes[i].required, action["resourceTypes"][i].value("required", false));
        }
        for (const auto &type : service["resourceTypes"]) {
            const ResourceTypeInfo *t = s->resourceType(type["name"].get<std::string>());
            QVERIFY(t);
            QCOMPARE(t->arnPattern, type["arnPattern"].get<std::string>());
        }
        for (const ResourceTypeInfo &type : s->resourceTypes)
            ++(type.supplement ? supplementTypes : resourceTypes);
        conditionKeys += s->conditionKeys.size();
    }
    QCOMPARE(resourceTypes, source["counts"]["resourceTypes"].get<std::size_t>());
    // Plus the forms of the resource supplement, each once (third_party/aws-data/resource-supplement.json).
    std::ifstream supplementFile(rd::test::awsDataPath("resource-supplement.json"));
    const nlohmann::json supplement = nlohmann::json::parse(supplementFile, nullptr, false);
    QVERIFY(supplement.is_object());
    QCOMPARE(supplementTypes, supplement["forms"].size());
    for (const auto &form : supplement["forms"]) {
        const ServiceInfo *s = catalog.service(form["service"].get<std::string>());
        QVERIFY(s);
        const ResourceTypeInfo *t = s->resourceType(form["resourceType"].get<std::string>());
        QVERIFY(t && t->supplement);
        QCOMPARE(t->arnPattern, form["arnPattern"].get<std::string>());
    }
    QCOMPARE(conditionKeys, source["counts"]["conditionKeys"].get<std::size_t>());
}

void TestServiceCatalog::looksUpServicesAndActions()
{
    const ServiceCatalog &catalog = ServiceCatalog::builtin();
    // IAM User Guide, "IAM JSON policy elements: Action": service prefixes and action names are case-insensitive.
    QVERIFY(catalog.service("S3"));
    QCOMPARE(catalog.service("s3")->name, std::string("Amazon S3"));
    const ActionInfo *passRole = catalog.action("IAM:passrole");
    QVERIFY(passRole);
    QCOMPARE(passRole->name, std::string("PassRole"));
    QCOMPARE(passRole->resourceTypes.size(), std::size_t { 1 });
    QCOMPARE(passRole->resourceTypes.front().name, std::string("role"));
    QVERIFY(passRole->resourceTypes.front().required);
    QCOMPARE(catalog.action("iam:CreatePolicyVersion")->accessLevel, AccessLevel::PermissionsManagement);
    QCOMPARE(catalog.action("s3:ListAllMyBuckets")->accessLevel, AccessLevel::List);
    QVERIFY(catalog.action("s3:ListAllMyBuckets")->resourceTypes.empty());
    QVERIFY(!catalog.action("s3:NoSuchAction"));
    QVERIFY(!catalog.action("nosuchservice:GetObject"));
    QVERIFY(!catalog.action("s3:Get*"));
    QVERIFY(!catalog.action("GetObject"));
    QCOMPARE(catalog.service("iam")->resourceType("ROLE")->arnPattern,
        std::string("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"));
}

void TestServiceCatalog::expandsActionWildcards_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QString>("mustInclude");
    // IAM User Guide, "IAM JSON policy elements: Action": wildcards anywhere in the action name.
    QTest::addRow("prefix") << "s3:Get*" << 50 << "s3:GetObject";
    QTest::addRow("case-insensitive") << "S3:get*" << 50 << "s3:GetObject";
    QTest::addRow("inner and leading") << "ec2:*Instances" << 5 << "ec2:DescribeInstances";
    QTest::addRow("single character") << "iam:?assRole" << 1 << "iam:PassRole";
    QTest::addRow("whole service") << "kms:*" << 40 << "kms:Decrypt";
    QTest::addRow("every action") << "*" << 22091 << "sts:AssumeRole";
    QTest::addRow("wildcard in the prefix") << "s3*:Get*" << 60 << "s3:GetObject";
    QTest::addRow("nothing: unknown service") << "nosuch:*" << 0 << "";
    QTest::addRow("nothing: no such action") << "s3:Frobnicate*" << 0 << "";
    QTest::addRow("nothing: no colon") << "GetObject" << 0 << "";
}

void TestServiceCatalog::expandsActionWildcards()
{
    QFETCH(QString, pattern);
    QFETCH(int, minimum);
    QFETCH(QString, mustInclude);
    const auto matches = ServiceCatalog::builtin().matchActions(pattern.toStdString());
    QVERIFY2(int(matches.size()) >= minimum, qPrintable(QString::number(matches.size())));
    if (minimum == 0)
        QCOMPARE(matches.size(), std::size_t { 0 });
    if (mustInclude.isEmpty())
        return;
    bool found = false;
    for (const auto &[service, action] : matches)
        found = found || QString::fromStdString(service->prefix + ":" + action->name) == mustInclude;
    QVERIFY(found);
    // A limit stops the search: what the validator asks to learn whether a pattern matches anything.
    QCOMPARE(ServiceCatalog::builtin().matchActions(pattern.toStdString(), 1).size(), std::size_t { 1 });
}

void TestServiceCatalog::findsConditionKeys_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("known");
    QTest::addColumn<int>("type");
    QTest::addColumn<bool>("multivalued");
    // IAM User Guide, "AWS global condition context keys" and the Service Authorization Reference's key tables.
    QTest::addRow("global Bool") << "aws:MultiFactorAuthPresent" << true << int(ConditionKeyType::Bool) << false;
    QTest::addRow("global key, other case") << "AWS:SourceIP" << true << int(ConditionKeyType::IpAddress) << false;
    QTest::addRow("global multivalued") << "aws:TagKeys" << true << int(ConditionKeyType::String) << true;
    QTest::addRow("global with tag-key placeholder")
        << "aws:PrincipalTag/team" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("service key") << "iam:PassedToService" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("service key with ${TagKey}")
        << "iam:ResourceTag/Owner" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("placeholder in the middle")
        << "kms:EncryptionContext:Department" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("S3 <key> placeholder")
        << "s3:ExistingObjectTag/classification" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("OIDC provider key") << "token.actions.githubusercontent.com:actor" << true
                                       << int(ConditionKeyType::String) << false;
    QTest::addRow("OIDC key with a path placeholder")
        << "token.actions.githubusercontent.com/acme:repository" << true << int(ConditionKeyType::String) << false;
    // The catalog lists some claims only: the validator accepts provider keys it lacks (issue codes aside).
    QTest::addRow("OIDC sub is not in the catalog") << "token.actions.githubusercontent.com:sub" << false << 0 << false;
    QTest::addRow("SAML key") << "saml:aud" << true << int(ConditionKeyType::String) << false;
    QTest::addRow("session key listed as global")
        << "ec2:SourceInstanceArn" << true << int(ConditionKeyType::Arn) << false;
    QTest::addRow("unknown global key") << "aws:NoSuchKey" << false << 0 << false;
    QTest::addRow("unknown service key") << "s3:NoSuchKey" << false << 0 << false;
    QTest::addRow("placeholder needs a character") << "iam:ResourceTag/" << false << 0 << false;
}

void TestServiceCatalog::findsConditionKeys()
{
    QFETCH(QString, key);
    QFETCH(bool, known);
    const ConditionKeyInfo *info = ServiceCatalog::builtin().conditionKey(key.toStdString());
    QCOMPARE(info != nullptr, known);
    if (!known)
        return;
    QFETCH(int, type);
    QFETCH(bool, multivalued);
    QCOMPARE(int(info->type), type);
    QCOMPARE(info->multivalued, multivalued);
}

void TestServiceCatalog::refusesWhatIsNotACatalog_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("empty") << QByteArray() << "empty catalog";
    QTest::addRow("other format") << QByteArray("iam-catalog/1\tx\ty\n") << "not an iam-catalog-tsv/1 file";
    QTest::addRow("record before a service")
        << QByteArray("iam-catalog-tsv/1\tv\td\nA\tGet\tR\t\t\n") << "line 2: a record before the first service";
    QTest::addRow("unknown access level")
        << QByteArray("iam-catalog-tsv/1\tv\td\nS\tx\tX\nA\tGet\tZ\t\t\n") << "unknown access level";
    QTest::addRow("short record") << QByteArray("iam-catalog-tsv/1\tv\td\nS\tx\tX\nR\tthing\n") << "unreadable record";
}

void TestServiceCatalog::refusesWhatIsNotACatalog()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    std::string reason;
    QVERIFY(!ServiceCatalog::parse(text.toStdString(), reason));
    QVERIFY2(QString::fromStdString(reason).contains(error), reason.c_str());
}

QTEST_APPLESS_MAIN(TestServiceCatalog)
#include "TestServiceCatalog.moc"
