// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Deleting or renaming an entity that others name (WorkspaceDocument::deleteEntity(), renameEntity(), a role renamed
// in the role editor through editRole()): the entity and every reference to it change in one undo step, which undo
// takes back exactly and redo brings again.
#include "PolicyText.h"
#include "document/RoleEditCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "document/WorkspaceTreeModel.h"
#include "rd/core/workspace/EntityReferences.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace rd;
using doc::EntityKind;
using rd::test::policyDocument;
using rd::test::policyWithoutRangesOf;

// Declared before any raw string literal: moc reads "/*" inside one as a comment.
class TestEntityReferenceEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deletingUpdatesEveryReferenceInOneStep_data();
    void deletingUpdatesEveryReferenceInOneStep();
    void renamingRewritesEveryReferenceInOneStep_data();
    void renamingRewritesEveryReferenceInOneStep();
    void deletingWhatNothingNamesIsAPlainRemoval();
    void renamingInTheBrowserModelRewritesTheReferences();
    void typingARoleNameKeepsWhatNamesItInOneStep();
    void typingThroughAnotherRolesNameNeverTakesItsReferences();
};

namespace
{

const std::string kAccount = "111122223333";

std::string arnOf(const std::string &type, const std::string &name)
{
    return "arn:aws:iam::" + kAccount + ":" + type + "/" + name;
}

std::string allowAssume(const std::string &sid, const std::string &principals)
{
    return R"({"Sid":")" + sid + R"(","Effect":"Allow","Principal":{"AWS":)" + principals
        + R"(},"Action":"sts:AssumeRole"})";
}

/// Policy Shared attached to role Deploy, user alice and group devs, and the boundary of role Audit; alice in devs;
/// Deploy's trust policy names alice and Audit (together, and alice alone); the bucket's policy names alice; Audit
/// has an instance profile; role Other trusts the account only.
core::Workspace fixture()
{
    core::Workspace ws;
    ws.accounts = { core::Account { kAccount, "prod" } };
    core::ManagedPolicy shared;
    shared.name = "Shared";
    shared.arn = arnOf("policy", "Shared");
    shared.defaultVersionId = "v1";
    shared.versions.push_back(core::PolicyVersion { "v1", true, {},
        policyWithoutRangesOf(policyDocument(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})")) });
    ws.add(shared);

    core::Role audit;
    audit.accountId = kAccount;
    audit.name = "Audit";
    audit.arn = arnOf("role", "Audit");
    audit.permissionsBoundaryArn = shared.arn;
    audit.trustPolicy =
        policyWithoutRangesOf(policyDocument(allowAssume("Ec2", R"("arn:aws:iam::111122223333:root")")));
    audit.instanceProfiles.push_back(
        core::InstanceProfile { "AuditProfile", "/", arnOf("instance-profile", "Audit"), {} });
    ws.add(audit);
    core::Role deploy;
    deploy.accountId = kAccount;
    deploy.name = "Deploy";
    deploy.arn = arnOf("role", "Deploy");
    deploy.attachedPolicyArns = { shared.arn };
    deploy.trustPolicy = policyWithoutRangesOf(
        policyDocument(allowAssume("Both", "[\"" + arnOf("user", "alice") + "\",\"" + arnOf("role", "Audit") + "\"]")
            + "," + allowAssume("Alice", "\"" + arnOf("user", "alice") + "\"")));
    ws.add(deploy);
    core::Role other;
    other.accountId = kAccount;
    other.name = "Auditor";
    other.arn = arnOf("role", "Auditor");
    other.trustPolicy = policyWithoutRangesOf(policyDocument(allowAssume("Account", "\"" + kAccount + "\"")));
    ws.add(other);

    core::User alice;
    alice.accountId = kAccount;
    alice.name = "alice";
    alice.arn = arnOf("user", "alice");
    alice.attachedPolicyArns = { shared.arn };
    alice.groupNames = { "devs" };
    ws.add(alice);
    core::Group devs;
    devs.accountId = kAccount;
    devs.name = "devs";
    devs.arn = arnOf("group", "devs");
    devs.attachedPolicyArns = { shared.arn };
    ws.add(devs);
    core::Resource bucket;
    bucket.arn = "arn:aws:s3:::logs";
    bucket.name = "logs";
    bucket.type = "AWS::S3::Bucket";
    bucket.policy = policyWithoutRangesOf(policyDocument(R"({"Effect":"Allow","Principal":{"AWS":")"
        + arnOf("user", "alice") + R"("},"Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*"})"));
    ws.add(bucket);
    return ws;
}

/// The id of the entity of `kind` named `name`.
std::uint64_t idOf(const core::Workspace &ws, EntityKind kind, const std::string &name)
{
    const auto find = [&](const auto &items) -> std::uint64_t {
        for (const auto &item : items) {
            if (item.name == name)
                return item.id.value;
        }
        return 0;
    };
    switch (kind) {
    case EntityKind::Role:
        return find(ws.roles);
    case EntityKind::User:
        return find(ws.users);
    case EntityKind::Group:
        return find(ws.groups);
    case EntityKind::Policy:
        return find(ws.policies);
    default:
        return 0;
    }
}

/// Every entity and account, in order (not the id counter, which an addition advances for good).
bool sameEntities(const core::Workspace &a, const core::Workspace &b)
{
    return a.accounts == b.accounts && a.users == b.users && a.groups == b.groups && a.roles == b.roles
        && a.policies == b.policies && a.resources == b.resources && a.externalPrincipals == b.externalPrincipals;
}

/// The references the workspace holds to `target`, by the target's name and ARN (whether it still exists or not).
std::size_t referencesTo(const core::Workspace &ws, const core::ReferenceTarget &target)
{
    return core::findReferences(ws, target).size();
}

core::ReferenceTarget targetOf(const core::Workspace &ws, EntityKind kind, std::uint64_t id)
{
    return *doc::referenceTargetOf(*doc::findEntity(ws, kind, id));
}

const core::Role &roleNamed(const core::Workspace &ws, const std::string &name)
{
    return *std::find_if(ws.roles.begin(), ws.roles.end(), [&](const core::Role &r) { return r.name == name; });
}

/// The principals of every statement of a role's trust policy: `Sid: value,value`.
QStringList trustOf(const core::Role &role)
{
    QStringList out;
    for (const core::Statement &s : role.trustPolicy.statements) {
        QStringList values;
        for (const core::PrincipalEntry &e : s.principal->entries) {
            for (const core::PolicyString &v : e.values.values)
                values << QString::fromStdString(v.value);
        }
        out << QString::fromStdString(s.sid->value) + QStringLiteral(": ") + values.join(QLatin1Char(','));
    }
    return out;
}

} // namespace

void TestEntityReferenceEdits::deletingUpdatesEveryReferenceInOneStep_data()
{
    QTest::addColumn<EntityKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("references");
    // IAM API Reference, "DeletePolicy": detached from every user, group and role first.
    QTest::addRow("a policy attached to a role, a user and a group, and a role's boundary")
        << EntityKind::Policy << QStringLiteral("Shared") << 4;
    QTest::addRow("a group with a user") << EntityKind::Group << QStringLiteral("devs") << 1;
    // IAM User Guide, "AWS JSON policy elements: Principal": a deleted user named in a trust policy leaves only its
    // unique id there, so the statements are edited (the one naming only her goes).
    QTest::addRow("a user named in two trust statements and a bucket policy")
        << EntityKind::User << QStringLiteral("alice") << 3;
    // IAM API Reference, "DeleteRole": out of its instance profiles first.
    QTest::addRow("a role named in another role's trust policy, with an instance profile")
        << EntityKind::Role << QStringLiteral("Audit") << 2;
}

void TestEntityReferenceEdits::deletingUpdatesEveryReferenceInOneStep()
{
    QFETCH(EntityKind, kind);
    QFETCH(QString, name);
    QFETCH(int, references);
    doc::WorkspaceDocument document;
    document.reset(fixture());
    const core::Workspace before = document.workspace();
    const std::uint64_t id = idOf(before, kind, name.toStdString());
    const core::ReferenceTarget target = targetOf(before, kind, id);
    QCOMPARE(static_cast<int>(document.deletionReferences(kind, id).size()), references);

    QVERIFY(document.deleteEntity(kind, id));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete %1 %2").arg(doc::entityKindLabel(kind), name));
    QVERIFY(!doc::findEntity(document.workspace(), kind, id));
    QCOMPARE(referencesTo(document.workspace(), target), std::size_t { 0 });
    const core::Workspace deleted = document.workspace();

    document.undoStack()->undo();
    QVERIFY(sameEntities(document.workspace(), before));
    document.undoStack()->redo();
    QVERIFY(sameEntities(document.workspace(), deleted));
    document.undoStack()->undo();
    QVERIFY(sameEntities(document.workspace(), before));
}

void TestEntityReferenceEdits::renamingRewritesEveryReferenceInOneStep_data()
{
    QTest::addColumn<EntityKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<int>("references");
    QTest::addRow("a policy: its new ARN where it is attached and the boundary")
        << EntityKind::Policy << QStringLiteral("Shared") << QStringLiteral("Common") << 4;
    QTest::addRow("a group: its new name in its user's groups")
        << EntityKind::Group << QStringLiteral("devs") << QStringLiteral("builders") << 1;
    QTest::addRow("a user: its new ARN in the trust and bucket policies")
        << EntityKind::User << QStringLiteral("alice") << QStringLiteral("alicia") << 3;
    QTest::addRow("a role: its new ARN in the other role's trust policy")
        << EntityKind::Role << QStringLiteral("Audit") << QStringLiteral("Inspect") << 1;
}

void TestEntityReferenceEdits::renamingRewritesEveryReferenceInOneStep()
{
    QFETCH(EntityKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, newName);
    QFETCH(int, references);
    doc::WorkspaceDocument document;
    document.reset(fixture());
    const core::Workspace before = document.workspace();
    const std::uint64_t id = idOf(before, kind, name.toStdString());
    const core::ReferenceTarget old = targetOf(before, kind, id);
    QCOMPARE(static_cast<int>(document.renameReferences(kind, id).size()), references);

    QVERIFY(document.renameEntity(kind, id, newName.toStdString()));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(),
        QStringLiteral("Rename %1 %2 to %3").arg(doc::entityKindLabel(kind), name, newName));
    const core::ReferenceTarget renamed = targetOf(document.workspace(), kind, id);
    QCOMPARE(renamed.name, newName.toStdString());
    QCOMPARE(referencesTo(document.workspace(), old), std::size_t { 0 });
    QCOMPARE(static_cast<int>(referencesTo(document.workspace(), renamed)), references);
    const core::Workspace after = document.workspace();

    document.undoStack()->undo();
    QVERIFY(sameEntities(document.workspace(), before));
    document.undoStack()->redo();
    QVERIFY(sameEntities(document.workspace(), after));
}

void TestEntityReferenceEdits::deletingWhatNothingNamesIsAPlainRemoval()
{
    doc::WorkspaceDocument document;
    document.reset(fixture());
    const std::uint64_t id = idOf(document.workspace(), EntityKind::Role, "Deploy");
    QVERIFY(document.deletionReferences(EntityKind::Role, id).empty());
    QSignalSpy roles(&document, &doc::WorkspaceDocument::roleChanged);
    QVERIFY(document.deleteEntity(EntityKind::Role, id));
    // No macro and no other entity touched.
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->command(0)->childCount(), 0);
    QCOMPARE(roles.count(), 0);
    QVERIFY(!document.deleteEntity(EntityKind::Role, id));
}

void TestEntityReferenceEdits::renamingInTheBrowserModelRewritesTheReferences()
{
    doc::WorkspaceDocument document;
    document.reset(fixture());
    doc::WorkspaceTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::uint64_t id = idOf(document.workspace(), EntityKind::Group, "devs");
    const QModelIndex group = model.entityIndex(EntityKind::Group, id);
    QVERIFY(group.isValid());
    QVERIFY(model.setData(group, QStringLiteral("builders")));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.workspace().users.front().groupNames, std::vector<std::string> { "builders" });
    document.undoStack()->undo();
    QCOMPARE(document.workspace().users.front().groupNames, std::vector<std::string> { "devs" });
}

void TestEntityReferenceEdits::typingARoleNameKeepsWhatNamesItInOneStep()
{
    // The role editor's name field: each keystroke an editRole() that merges into one step. On the way the name is
    // empty once (no principal can name that): the other role's trust policy names the role as it was until the
    // name is one IAM takes again.
    doc::WorkspaceDocument document;
    document.reset(fixture());
    const core::Workspace before = document.workspace();
    const core::RoleId audit { idOf(before, EntityKind::Role, "Audit") };
    using Field = doc::RoleEditCommand::Field;
    for (const char *name : { "Audi", "Aud", "", "I", "In", "Ins" }) {
        QVERIFY(document.editRole(
            audit, QStringLiteral("Rename role"), Field::Name, [&](core::Role &r) { r.name = name; }));
        const QString expected = QString::fromStdString(*name ? arnOf("role", name) : arnOf("role", "Audit"));
        QCOMPARE(trustOf(roleNamed(document.workspace(), "Deploy")),
            QStringList({ QStringLiteral("Both: arn:aws:iam::111122223333:user/alice,") + expected,
                QStringLiteral("Alice: arn:aws:iam::111122223333:user/alice") }));
    }
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QVERIFY(sameEntities(document.workspace(), before));
    document.undoStack()->redo();
    QCOMPARE(document.workspace().role(audit)->name, std::string("Ins"));
    QCOMPARE(trustOf(roleNamed(document.workspace(), "Deploy")).constFirst(),
        QStringLiteral("Both: arn:aws:iam::111122223333:user/alice,arn:aws:iam::111122223333:role/Ins"));
}

void TestEntityReferenceEdits::typingThroughAnotherRolesNameNeverTakesItsReferences()
{
    // Renaming Audit by typing `Auditor`, then back: on the way the name is the one of role Auditor, whose references
    // must stay its own. Role Deploy's trust policy comes to name Auditor (as Audit was named) only when the name
    // is no other role's.
    core::Workspace ws = fixture();
    for (core::Role &role : ws.roles) {
        if (role.name == "Deploy")
            role.trustPolicy =
                policyWithoutRangesOf(policyDocument(allowAssume("Audit", "\"" + arnOf("role", "Audit") + "\"") + ","
                    + allowAssume("Auditor", "\"" + arnOf("role", "Auditor") + "\"")));
    }
    doc::WorkspaceDocument document;
    document.reset(ws);
    const core::RoleId audit { idOf(ws, EntityKind::Role, "Audit") };
    using Field = doc::RoleEditCommand::Field;
    const QStringList untouched { "Audit: arn:aws:iam::111122223333:role/Audit",
        "Auditor: arn:aws:iam::111122223333:role/Auditor" };
    for (const char *name : { "Audito", "Auditor", "Auditors" }) {
        QVERIFY(document.editRole(
            audit, QStringLiteral("Rename role"), Field::Name, [&](core::Role &r) { r.name = name; }));
        const QString first = std::string(name) == "Auditor"
            ? untouched.constFirst()
            : QStringLiteral("Audit: arn:aws:iam::111122223333:role/") + QLatin1String(name);
        QCOMPARE(trustOf(roleNamed(document.workspace(), "Deploy")), QStringList({ first, untouched.constLast() }));
    }
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(trustOf(roleNamed(document.workspace(), "Deploy")), untouched);
}

QTEST_GUILESS_MAIN(TestEntityReferenceEdits)
#include "TestEntityReferenceEdits.moc"
