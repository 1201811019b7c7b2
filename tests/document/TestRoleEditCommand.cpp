// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Editing a role through the undo stack: redo/undo/redo restore it exactly, typing in one field is one step, the ARN
// follows the name and path.
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

class TestRoleEditCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redoUndoRedoRestoresTheRole();
    void typingInOneFieldIsOneStep();
    void refusesNoOpsAndUnknownRoles();
    void policyEditsMergeOnlyWithinOneField();
    void typedTextComesBackWithUndoAndRedo();
    void aPauseInTypingEndsTheStep();
    void undoingAnAddedRoleTakesItsAccountAlong();
};

namespace
{

using Field = doc::RoleEditCommand::Field;

core::RoleId loadExample(doc::WorkspaceDocument &document)
{
    QString error;
    if (!document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws"), &error))
        qFatal("cannot load the example: %s", qPrintable(error));
    return document.workspace().roles.front().id;
}

} // namespace

void TestRoleEditCommand::redoUndoRedoRestoresTheRole()
{
    doc::WorkspaceDocument document;
    doc::WorkspaceTreeModel list(&document);
    const core::RoleId id = loadExample(document);
    const core::Role before = *document.workspace().role(id);
    QSignalSpy changed(&document, &doc::WorkspaceDocument::roleChanged);
    QSignalSpy rowChanged(&list, &QAbstractItemModel::dataChanged);

    QVERIFY(
        document.editRole(id, QStringLiteral("Rename role"), Field::Name, [](core::Role &r) { r.name = "LogWriter"; }));
    const core::Role after = *document.workspace().role(id);
    QCOMPARE(after.name, std::string("LogWriter"));
    // IAM User Guide, "IAM identifiers": arn:aws:iam::account:role/path/name.
    QCOMPARE(after.arn, std::string("arn:aws:iam::111122223333:role/service-role/LogWriter"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().value<core::RoleId>(), id);
    QCOMPARE(rowChanged.count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename role"));
    QVERIFY(!document.undoStack()->isClean());

    document.undoStack()->undo();
    QCOMPARE(*document.workspace().role(id), before);
    QVERIFY(document.undoStack()->isClean());
    document.undoStack()->redo();
    QCOMPARE(*document.workspace().role(id), after);
    QCOMPARE(changed.count(), 3);
}

void TestRoleEditCommand::typingInOneFieldIsOneStep()
{
    doc::WorkspaceDocument document;
    const core::RoleId id = loadExample(document);
    const core::Role before = *document.workspace().role(id);
    for (const char *text : { "L", "Lo", "Log" })
        document.editRole(id, QStringLiteral("Rename role"), Field::Name, [&](core::Role &r) { r.name = text; });
    QCOMPARE(document.undoStack()->count(), 1);
    document.editRole(id, QStringLiteral("Change maximum session"), Field::MaxSessionDuration,
        [](core::Role &r) { r.maxSessionDuration = 7200; });
    document.editRole(id, QStringLiteral("Rename role"), Field::Name, [](core::Role &r) { r.name = "Logs"; });
    QCOMPARE(document.undoStack()->count(), 3);
    document.undoStack()->undo();
    QCOMPARE(document.workspace().role(id)->name, std::string("Log"));
    document.undoStack()->undo();
    QCOMPARE(document.workspace().role(id)->maxSessionDuration, 3600);
    document.undoStack()->undo();
    QCOMPARE(*document.workspace().role(id), before);
}

void TestRoleEditCommand::refusesNoOpsAndUnknownRoles()
{
    doc::WorkspaceDocument document;
    const core::RoleId id = loadExample(document);
    QVERIFY(!document.editRole(id, QStringLiteral("Rename role"), Field::Name, [](core::Role &) {}));
    QVERIFY(!document.editRole(
        core::RoleId { 999 }, QStringLiteral("Rename role"), Field::Name, [](core::Role &r) { r.name = "x"; }));
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestRoleEditCommand::policyEditsMergeOnlyWithinOneField()
{
    doc::WorkspaceDocument document;
    const core::RoleId id = loadExample(document);
    const doc::PolicyRef ref { id, "WriteLogs" };
    const core::Policy original = document.workspace().role(id)->inlinePolicies.front().document;
    auto withResource = [&](const std::string &arn) {
        core::Policy p = original;
        p.statements.front().resource->values.front().value = arn;
        return p;
    };
    // Keystrokes in one field (one merge key) are one step; another field, or a gesture without a key, is another.
    QVERIFY(document.editPolicy(
        ref, withResource("arn:aws:s3:::b"), QStringLiteral("Edit resource"), QStringLiteral("r0")));
    QVERIFY(document.editPolicy(
        ref, withResource("arn:aws:s3:::bu"), QStringLiteral("Edit resource"), QStringLiteral("r0")));
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(
        document.editPolicy(ref, withResource("arn:aws:s3:::bux"), QStringLiteral("Edit Sid"), QStringLiteral("sid")));
    QCOMPARE(document.undoStack()->count(), 2);
    QVERIFY(document.editPolicy(ref, original, QStringLiteral("Remove"), {}));
    QVERIFY(document.editPolicy(ref, withResource("arn:aws:s3:::c"), QStringLiteral("Add"), {}));
    QCOMPARE(document.undoStack()->count(), 4);
    // The same policy again is no step at all.
    QVERIFY(!document.editPolicy(ref, withResource("arn:aws:s3:::c"), QStringLiteral("Add"), {}));
    QCOMPARE(document.undoStack()->count(), 4);
    for (int i = 0; i < 4; ++i)
        document.undoStack()->undo();
    QCOMPARE(document.workspace().role(id)->inlinePolicies.front().document, original);
    QVERIFY(!document.editPolicy(doc::PolicyRef { id, "NoSuchPolicy" }, original, QStringLiteral("x"), {}));
}

void TestRoleEditCommand::typedTextComesBackWithUndoAndRedo()
{
    doc::WorkspaceDocument document;
    const core::RoleId id = loadExample(document);
    const doc::PolicyRef ref { id, {} };
    const QString writer = document.policyText(ref);
    const QString typed = QStringLiteral(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    core::ParseResult parsed = core::parsePolicy(typed.toStdString());
    QVERIFY(document.editPolicy(ref, *parsed.policy, QStringLiteral("Edit text"), QStringLiteral("json:"), &typed));
    QCOMPARE(document.policyText(ref), typed);
    document.undoStack()->undo();
    QCOMPARE(document.policyText(ref), writer);
    document.undoStack()->redo();
    QCOMPARE(document.policyText(ref), typed);
    // A form edit that changes the policy makes the writer's text the current one again.
    core::Policy changed = *parsed.policy;
    changed.statements.front().effect->value = "Deny";
    document.editPolicy(ref, changed, QStringLiteral("Deny"), {});
    QVERIFY(document.policyText(ref).contains(QStringLiteral("\n")));
}

void TestRoleEditCommand::aPauseInTypingEndsTheStep()
{
    // Two JSON edits about ten seconds apart were one undo step; the rule is one step per pause in typing (about a
    // second) or per gesture.
    doc::WorkspaceDocument document;
    const core::RoleId id = loadExample(document);
    const doc::PolicyRef ref { id, {} };
    const QString original = document.policyText(ref);
    const auto typeText = [&](const char *service) {
        const QString typed = QStringLiteral(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"%1"},"Action":"sts:AssumeRole"}]})")
                                  .arg(QLatin1String(service));
        core::ParseResult parsed = core::parsePolicy(typed.toStdString());
        QVERIFY(document.editPolicy(ref, *parsed.policy, QStringLiteral("Edit text"), QStringLiteral("json:"), &typed));
    };
    typeText("ec2.amazonaws.com");
    typeText("ecs.amazonaws.com"); // at once: the same step
    QCOMPARE(document.undoStack()->count(), 1);
    QTest::qWait(int(doc::RoleEditCommand::kTypingPause.count()) + 100);
    typeText("eks.amazonaws.com"); // after a pause: a step of its own
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    QVERIFY(document.policyText(ref).contains(QStringLiteral("ecs.amazonaws.com")));
    document.undoStack()->undo();
    QCOMPARE(document.policyText(ref), original);
}

void TestRoleEditCommand::undoingAnAddedRoleTakesItsAccountAlong()
{
    doc::WorkspaceDocument document;
    std::string error;
    std::optional<core::Role> role = core::buildEmptyRole("Fresh", "444455556666", error);
    QVERIFY2(role, error.c_str());
    const core::RoleId id = document.addRole(*role);
    QVERIFY(document.workspace().hasAccount("444455556666"));
    document.undoStack()->undo();
    QVERIFY(!document.workspace().hasAccount("444455556666"));
    QVERIFY(document.workspace().roles.empty());
    document.undoStack()->redo();
    QVERIFY(document.workspace().hasAccount("444455556666"));
    QCOMPARE(document.workspace().roles.front().id, id);
}

QTEST_GUILESS_MAIN(TestRoleEditCommand)
#include "TestRoleEditCommand.moc"
