// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "document/EntityCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace rd;
using doc::EntityKind;

namespace
{

// The GAAD test account (roles WebServer and ExternalAudit, user carol, group admins, policy AppLogs) with a
// resource, a second external principal and an AWS managed policy added, so that every kind has an entity.
core::Workspace richWorkspace(core::Workspace ws)
{
    ws.add(core::Resource { {}, "arn:aws:s3:::my-log-bucket", "AWS::S3::Bucket", "123456789012", "my-log-bucket", {} });
    ws.add(core::Resource {
        {}, "arn:aws:sqs:eu-west-1:123456789012:jobs", "AWS::SQS::Queue", "123456789012", "jobs", {} });
    ws.add(core::Resource { {}, "arn:aws:s3:::archive", "AWS::S3::Bucket", "123456789012", "archive", {} });
    ws.add(core::ExternalPrincipal { {}, core::ExternalPrincipalKind::Service, "lambda.amazonaws.com", {} });
    ws.add(core::ExternalPrincipal { {}, core::ExternalPrincipalKind::Account, "444455556666", "Partner" });
    core::ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    readOnly.defaultVersionId = "v2";
    readOnly.versions = { { "v1", false, {}, {} }, { "v2", true, {}, {} } };
    ws.add(readOnly);
    return ws;
}

// Everything but the id counter, which an addition advances for good (ids are never reused).
bool sameEntities(const core::Workspace &a, const core::Workspace &b)
{
    return a.name == b.name && a.accounts == b.accounts && a.users == b.users && a.groups == b.groups
        && a.roles == b.roles && a.policies == b.policies && a.resources == b.resources
        && a.externalPrincipals == b.externalPrincipals && a.layout == b.layout;
}

const core::Role &roleNamed(const core::Workspace &ws, const std::string &name)
{
    return *std::find_if(ws.roles.begin(), ws.roles.end(), [&](const core::Role &r) { return r.name == name; });
}

std::uint64_t firstId(const core::Workspace &ws, EntityKind kind)
{
    switch (kind) {
    case EntityKind::Role:
        return ws.roles.front().id.value;
    case EntityKind::User:
        return ws.users.front().id.value;
    case EntityKind::Group:
        return ws.groups.front().id.value;
    case EntityKind::Policy:
        return ws.policies.front().id.value;
    case EntityKind::Resource:
        return ws.resources.front().id.value;
    case EntityKind::ExternalPrincipal:
        return ws.externalPrincipals.front().id.value;
    case EntityKind::Account:
        break;
    }
    return 0;
}

enum class Operation { AddCopy, Remove, Rename };

} // namespace

class TestEntityCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void redoUndoRedoRestoresTheWorkspace_data();
    void redoUndoRedoRestoresTheWorkspace();
    void removedRoleComesBackAtItsPlaceWithItsId();
    void addedEntityTakesTheAccountItBroughtAlongOnUndo();
    void rolesAndOtherKindsAnnounceTheirChanges();
    void undoTextsNameTheEntity();
    void factoriesRefuseWhatIsNotThere();
    void nameRules_data();
    void nameRules();
    void duplicatesHaveUniqueNamesAndTheirOwnArn();
    void newEntitiesHaveArnsOfTheirAccount();

private:
    /// tests/data/gaad/small-account.json, read once by initTestCase().
    core::Workspace m_smallAccount;
};

void TestEntityCommand::initTestCase()
{
    const std::string path = rd::test::testDataPath("gaad/small-account.json");
    RD_REQUIRE_FILE(path);
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(path);
    QVERIFY2(loaded.workspace, qPrintable(QStringLiteral("cannot load %1").arg(QString::fromStdString(path))));
    m_smallAccount = std::move(*loaded.workspace);
}

void TestEntityCommand::redoUndoRedoRestoresTheWorkspace_data()
{
    QTest::addColumn<EntityKind>("kind");
    QTest::addColumn<Operation>("operation");
    const std::pair<EntityKind, const char *> kinds[] = { { EntityKind::Role, "a role" },
        { EntityKind::User, "a user" }, { EntityKind::Group, "a group" }, { EntityKind::Policy, "a managed policy" },
        { EntityKind::Resource, "a resource" }, { EntityKind::ExternalPrincipal, "an external principal" } };
    for (const auto &[kind, noun] : kinds) {
        QTest::addRow("adding a copy of %s is undone and redone exactly", noun) << kind << Operation::AddCopy;
        QTest::addRow("removing %s is undone and redone exactly", noun) << kind << Operation::Remove;
        QTest::addRow("renaming %s is undone and redone exactly", noun) << kind << Operation::Rename;
    }
}

void TestEntityCommand::redoUndoRedoRestoresTheWorkspace()
{
    QFETCH(EntityKind, kind);
    QFETCH(Operation, operation);
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    const core::Workspace before = document.workspace();
    const std::uint64_t id = firstId(before, kind);
    const std::optional<doc::WorkspaceEntity> entity = doc::findEntity(before, kind, id);
    QVERIFY(entity);

    std::unique_ptr<doc::EntityCommand> command;
    switch (operation) {
    case Operation::AddCopy: {
        std::optional<doc::WorkspaceEntity> copy = doc::duplicateEntity(before, *entity);
        if (kind == EntityKind::ExternalPrincipal) {
            // A copy of a principal would be the same principal: a new one is added instead.
            QVERIFY(!copy);
            copy = core::ExternalPrincipal { {}, core::ExternalPrincipalKind::Service, "ec2.amazonaws.com", {} };
        }
        QVERIFY(copy);
        command = doc::EntityCommand::add(&document, *copy);
        break;
    }
    case Operation::Remove:
        command = doc::EntityCommand::remove(&document, kind, id);
        break;
    case Operation::Rename:
        command = doc::EntityCommand::replace(&document, doc::renamedEntity(*entity, "Renamed"));
        break;
    }
    QVERIFY(command);
    document.undoStack()->push(command.release());
    const core::Workspace after = document.workspace();
    QVERIFY(!sameEntities(after, before));

    document.undoStack()->undo();
    if (operation == Operation::AddCopy) {
        QVERIFY(sameEntities(document.workspace(), before));
        QCOMPARE(document.workspace().nextId(), before.nextId() + 1);
    } else {
        QVERIFY(document.workspace() == before);
    }
    document.undoStack()->redo();
    QVERIFY(document.workspace() == after);
    document.undoStack()->undo();
    document.undoStack()->redo();
    QVERIFY(document.workspace() == after);
}

void TestEntityCommand::removedRoleComesBackAtItsPlaceWithItsId()
{
    doc::WorkspaceDocument document;
    core::Workspace ws = richWorkspace(m_smallAccount);
    core::Role third = ws.roles.back();
    third.id = {};
    third.name = "Third";
    third.arn = "arn:aws:iam::123456789012:role/Third";
    ws.add(third);
    document.reset(ws);
    const core::Workspace before = document.workspace();
    const core::Role middle = document.workspace().roles.at(1);

    auto command = doc::EntityCommand::remove(&document, EntityKind::Role, middle.id.value);
    QVERIFY(command);
    document.undoStack()->push(command.release());
    QCOMPARE(document.workspace().roles.size(), std::size_t(2));
    QVERIFY(!document.workspace().role(middle.id));

    document.undoStack()->undo();
    QCOMPARE(document.workspace().roles.size(), std::size_t(3));
    QVERIFY(document.workspace().roles.at(1) == middle);
    QVERIFY(document.workspace() == before);
}

void TestEntityCommand::addedEntityTakesTheAccountItBroughtAlongOnUndo()
{
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    const core::Workspace before = document.workspace();
    QSignalSpy entities(&document, &doc::WorkspaceDocument::entitiesChanged);
    std::optional<doc::WorkspaceEntity> user = doc::newEntity(EntityKind::User, "999988887777", "dave");
    QVERIFY(user);
    document.undoStack()->push(doc::EntityCommand::add(&document, *user).release());
    QVERIFY(document.workspace().hasAccount("999988887777"));
    QCOMPARE(entities.count(), 2);
    QCOMPARE(entities.at(0).at(0).value<EntityKind>(), EntityKind::User);
    QCOMPARE(entities.at(1).at(0).value<EntityKind>(), EntityKind::Account);

    document.undoStack()->undo();
    QVERIFY(!document.workspace().hasAccount("999988887777"));
    QVERIFY(sameEntities(document.workspace(), before));
    document.undoStack()->redo();
    QVERIFY(document.workspace().hasAccount("999988887777"));
    QCOMPARE(document.workspace().users.back().name, std::string("dave"));
}

void TestEntityCommand::rolesAndOtherKindsAnnounceTheirChanges()
{
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    QSignalSpy roles(&document, &doc::WorkspaceDocument::rolesChanged);
    QSignalSpy role(&document, &doc::WorkspaceDocument::roleChanged);
    QSignalSpy entities(&document, &doc::WorkspaceDocument::entitiesChanged);
    QSignalSpy entity(&document, &doc::WorkspaceDocument::entityChanged);
    const core::Workspace &ws = document.workspace();

    document.undoStack()->push(doc::EntityCommand::remove(&document, EntityKind::Role, ws.roles[0].id.value).release());
    QCOMPARE(roles.count(), 1);
    QCOMPARE(entities.count(), 0);

    const core::Group group = ws.groups.front();
    document.undoStack()->push(doc::EntityCommand::replace(&document, doc::renamedEntity(group, "Ops")).release());
    QCOMPARE(entity.count(), 1);
    QCOMPARE(entity.at(0).at(0).value<EntityKind>(), EntityKind::Group);
    QCOMPARE(entity.at(0).at(1).value<quint64>(), quint64(group.id.value));

    const core::Role kept = ws.roles.front();
    document.undoStack()->push(doc::EntityCommand::replace(&document, doc::renamedEntity(kept, "Kept")).release());
    QCOMPARE(role.count(), 1);
    QCOMPARE(entity.count(), 1);

    document.undoStack()->push(
        doc::EntityCommand::remove(&document, EntityKind::Resource, ws.resources[0].id.value).release());
    QCOMPARE(entities.count(), 1);
    QCOMPARE(entities.at(0).at(0).value<EntityKind>(), EntityKind::Resource);
}

void TestEntityCommand::undoTextsNameTheEntity()
{
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    const core::Workspace &ws = document.workspace();
    QUndoStack *stack = document.undoStack();

    stack->push(doc::EntityCommand::remove(&document, EntityKind::Role, roleNamed(ws, "WebServer").id.value).release());
    QCOMPARE(stack->undoText(), QStringLiteral("Delete role WebServer"));
    stack->push(doc::EntityCommand::add(&document, *doc::duplicateEntity(ws, ws.users.front())).release());
    QCOMPARE(stack->undoText(), QStringLiteral("Add user carol-copy"));
    stack->push(doc::EntityCommand::replace(&document, doc::renamedEntity(ws.groups.front(), "Ops")).release());
    QCOMPARE(stack->undoText(), QStringLiteral("Rename group admins to Ops"));
    core::Resource edited = ws.resources.front();
    edited.type = "AWS::S3::AccessPoint";
    stack->push(doc::EntityCommand::replace(&document, edited).release());
    QCOMPARE(stack->undoText(), QStringLiteral("Edit resource my-log-bucket"));
}

void TestEntityCommand::factoriesRefuseWhatIsNotThere()
{
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    const core::Workspace &ws = document.workspace();
    QVERIFY(!doc::EntityCommand::remove(&document, EntityKind::Role, 9999));
    QVERIFY(!doc::EntityCommand::remove(&document, EntityKind::Account, ws.roles.front().id.value));
    QVERIFY(!doc::EntityCommand::replace(&document, ws.users.front()));
    core::User stranger = ws.users.front();
    stranger.id.value = 9999;
    stranger.name = "stranger";
    QVERIFY(!doc::EntityCommand::replace(&document, stranger));
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestEntityCommand::nameRules_data()
{
    QTest::addColumn<EntityKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("error");
    // IAM User Guide, "IAM and AWS STS quotas" (IAM name requirements); IAM API Reference, CreateRole, CreateUser,
    // CreateGroup and CreatePolicy for the lengths.
    QTest::newRow("a role name of letters, digits and +=,.@_- is accepted")
        << EntityKind::Role << QStringLiteral("Web+Server=1,a.b@c_d-e") << QString();
    QTest::newRow("a role name with a space is refused")
        << EntityKind::Role << QStringLiteral("Web Server") << QStringLiteral("not a valid role name");
    QTest::newRow("a role name with a slash is refused")
        << EntityKind::Role << QStringLiteral("audit/Web") << QStringLiteral("not a valid role name");
    QTest::newRow("an empty role name is refused") << EntityKind::Role << QString() << QStringLiteral("needs a name");
    QTest::newRow("a role name of 64 characters is accepted")
        << EntityKind::Role << QString(64, QLatin1Char('r')) << QString();
    QTest::newRow("a role name of 65 characters is refused")
        << EntityKind::Role << QString(65, QLatin1Char('r')) << QStringLiteral("at most 64");
    QTest::newRow("a role name another role has in other letter case is refused (IAM ignores case)")
        << EntityKind::Role << QStringLiteral("externalaudit") << QStringLiteral("already exists");
    QTest::newRow("the role's own name in other letter case is accepted")
        << EntityKind::Role << QStringLiteral("WEBSERVER") << QString();
    QTest::newRow("a user name of 65 characters is refused")
        << EntityKind::User << QString(65, QLatin1Char('u')) << QStringLiteral("at most 64");
    QTest::newRow("a group name of 128 characters is accepted")
        << EntityKind::Group << QString(128, QLatin1Char('g')) << QString();
    QTest::newRow("a group name of 129 characters is refused")
        << EntityKind::Group << QString(129, QLatin1Char('g')) << QStringLiteral("at most 128");
    QTest::newRow("a policy name of 128 characters is accepted")
        << EntityKind::Policy << QString(128, QLatin1Char('p')) << QString();
    QTest::newRow("a policy name with a star is refused")
        << EntityKind::Policy << QStringLiteral("App*") << QStringLiteral("not a valid policy name");
    QTest::newRow("a customer policy may share the name of an AWS managed policy")
        << EntityKind::Policy << QStringLiteral("ReadOnlyAccess") << QString();
    QTest::newRow("a resource name with a colon is refused")
        << EntityKind::Resource << QStringLiteral("a:b") << QStringLiteral("cannot contain `:`");
    QTest::newRow("a resource name with a space is refused")
        << EntityKind::Resource << QStringLiteral("my bucket") << QStringLiteral("spaces");
    QTest::newRow("a resource name giving the ARN of another resource is refused")
        << EntityKind::Resource << QStringLiteral("archive") << QStringLiteral("already has a resource");
    QTest::newRow("a resource name giving an ARN of its own is accepted")
        << EntityKind::Resource << QStringLiteral("jobs") << QString();
    QTest::newRow("an external principal's label may contain spaces")
        << EntityKind::ExternalPrincipal << QStringLiteral("Lambda service") << QString();
    QTest::newRow("an external principal's label cannot be empty")
        << EntityKind::ExternalPrincipal << QString() << QStringLiteral("needs a name");
}

void TestEntityCommand::nameRules()
{
    QFETCH(EntityKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, error);
    const core::Workspace ws = richWorkspace(m_smallAccount);
    const std::uint64_t id = kind == EntityKind::Role ? roleNamed(ws, "WebServer").id.value : firstId(ws, kind);
    const std::optional<doc::WorkspaceEntity> entity = doc::findEntity(ws, kind, id);
    QVERIFY(entity);
    const QString actual = doc::entityNameError(ws, *entity, doc::toStdString(name));
    if (error.isEmpty())
        QVERIFY2(actual.isEmpty(), qPrintable(actual));
    else
        QVERIFY2(actual.contains(error), qPrintable(actual));
}

void TestEntityCommand::duplicatesHaveUniqueNamesAndTheirOwnArn()
{
    doc::WorkspaceDocument document;
    document.reset(richWorkspace(m_smallAccount));
    const core::Workspace &ws = document.workspace();
    const core::Role web = roleNamed(ws, "WebServer");
    QVERIFY(!web.awsId.empty());

    auto copy = doc::duplicateEntity(ws, web);
    QVERIFY(copy);
    const auto &role = std::get<core::Role>(*copy);
    QCOMPARE(role.name, std::string("WebServer-copy"));
    QCOMPARE(role.arn, std::string("arn:aws:iam::123456789012:role/WebServer-copy"));
    QVERIFY(!role.id.isValid());
    QVERIFY(role.awsId.empty());
    QVERIFY(role.createDate.empty());
    QVERIFY(role.instanceProfiles.empty());
    QVERIFY(role.trustPolicy == web.trustPolicy);
    document.undoStack()->push(doc::EntityCommand::add(&document, *copy).release());

    auto second = doc::duplicateEntity(document.workspace(), roleNamed(document.workspace(), "WebServer-copy"));
    QVERIFY(second);
    QCOMPARE(std::get<core::Role>(*second).name, std::string("WebServer-copy-copy"));
    second = doc::duplicateEntity(document.workspace(), web);
    QCOMPARE(std::get<core::Role>(*second).name, std::string("WebServer-copy-2"));

    core::Role longName = web;
    longName.name = std::string(64, 'L');
    auto truncated = doc::duplicateEntity(ws, longName);
    QVERIFY(truncated);
    QCOMPARE(std::get<core::Role>(*truncated).name, std::string(59, 'L') + "-copy");

    const core::ManagedPolicy &aws = ws.policies.back();
    QVERIFY(aws.isAwsManaged());
    auto policyCopy = doc::duplicateEntity(ws, aws);
    QVERIFY(policyCopy);
    const auto &policy = std::get<core::ManagedPolicy>(*policyCopy);
    QCOMPARE(policy.arn, std::string("arn:aws:iam::123456789012:policy/ReadOnlyAccess-copy"));
    QVERIFY(!policy.isAwsManaged());
    QCOMPARE(policy.versions.size(), std::size_t(1));
    QCOMPARE(policy.defaultVersionId, std::string("v1"));
    QVERIFY(policy.versions.front().isDefault);

    auto bucket = doc::duplicateEntity(ws, ws.resources.front());
    QVERIFY(bucket);
    QCOMPARE(std::get<core::Resource>(*bucket).arn, std::string("arn:aws:s3:::my-log-bucket-copy"));
    core::Resource unnamed = ws.resources.front();
    unnamed.name = "logs";
    QVERIFY(!doc::duplicateEntity(ws, unnamed));
    QVERIFY(!doc::duplicateEntity(ws, ws.externalPrincipals.front()));
}

void TestEntityCommand::newEntitiesHaveArnsOfTheirAccount()
{
    auto user = doc::newEntity(EntityKind::User, "123456789012", "dave");
    QVERIFY(user);
    QCOMPARE(std::get<core::User>(*user).arn, std::string("arn:aws:iam::123456789012:user/dave"));
    auto group = doc::newEntity(EntityKind::Group, "123456789012", "Ops");
    QVERIFY(group);
    QCOMPARE(std::get<core::Group>(*group).arn, std::string("arn:aws:iam::123456789012:group/Ops"));
    auto policy = doc::newEntity(EntityKind::Policy, "123456789012", "Deploy");
    QVERIFY(policy);
    const auto &managed = std::get<core::ManagedPolicy>(*policy);
    QCOMPARE(managed.arn, std::string("arn:aws:iam::123456789012:policy/Deploy"));
    QVERIFY(!managed.isAwsManaged());
    QVERIFY(managed.defaultVersion());
    QVERIFY(managed.defaultVersion()->document.version);
    QCOMPARE(managed.defaultVersion()->document.version->value, std::string("2012-10-17"));
    QVERIFY(managed.defaultVersion()->document.statements.empty());
    QVERIFY(!doc::newEntity(EntityKind::Role, "123456789012", "NoTemplate"));
    QVERIFY(!doc::newEntity(EntityKind::Resource, "123456789012", "bucket"));
}

QTEST_GUILESS_MAIN(TestEntityCommand)
#include "TestEntityCommand.moc"
