// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Editing a role through the undo stack: redo/undo/redo restore it exactly, typing in one field is one step, the ARN
// follows the name and path.
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"

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

QTEST_GUILESS_MAIN(TestRoleEditCommand)
#include "TestRoleEditCommand.moc"
