// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Autosave and recovery: unsaved edits survive a crash in a recovery copy, which saving or discarding removes.
#include "DataFiles.h"
#include "document/WorkspaceDocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

class TestWorkspaceRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unsavedEditsSurviveInTheRecoveryCopy();
    void nothingIsKeptWithoutChanges();
    void autosaveInTheBackgroundKeepsTheEditsAndDropsAStaleCopy();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
};

void TestWorkspaceRecovery::initTestCase()
{
    // Recovery files go under the test-mode data folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("role-designer-recovery-test"));
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(QStringLiteral("example.rdws"));
    const QString example = QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws");
    RD_REQUIRE_FILE(example);
    QVERIFY(QFile::copy(example, m_workspace));
    QVERIFY(QFile::setPermissions(m_workspace, QFile::ReadOwner | QFile::WriteOwner));
}

void TestWorkspaceRecovery::unsavedEditsSurviveInTheRecoveryCopy()
{
    QString error;
    {
        doc::WorkspaceDocument document;
        QVERIFY2(document.load(m_workspace, &error), qPrintable(error));
        const core::RoleId id = document.workspace().roles.front().id;
        QVERIFY(document.editRole(id, QStringLiteral("Rename role"), doc::RoleEditCommand::Field::Name,
            [](core::Role &r) { r.name = "Renamed"; }));
        QVERIFY2(document.autosave(&error), qPrintable(error));
        QVERIFY(QFile::exists(doc::WorkspaceDocument::recoveryFilePath(m_workspace)));
        // The process "crashes" here: the document goes away without saving.
    }
    doc::WorkspaceDocument reopened;
    QVERIFY2(reopened.load(m_workspace, &error), qPrintable(error));
    QCOMPARE(reopened.workspace().roles.front().name, std::string("LambdaLogWriter"));
    QVERIFY(doc::WorkspaceDocument::recoveryTime(m_workspace).isValid());
    QSignalSpy unsaved(&reopened, &doc::WorkspaceDocument::unsavedChangesChanged);
    QVERIFY2(reopened.restoreRecovery(&error), qPrintable(error));
    QCOMPARE(reopened.workspace().roles.front().name, std::string("Renamed"));
    QCOMPARE(reopened.filePath(), m_workspace);
    QVERIFY(reopened.hasUnsavedChanges());
    QCOMPARE(unsaved.count(), 1);
    QCOMPARE(unsaved.last().front().toBool(), true);

    // Saving makes the copy obsolete, and says the workspace is saved though its undo history was clean already.
    QVERIFY(reopened.save(m_workspace, &error));
    QVERIFY(!reopened.hasUnsavedChanges());
    QCOMPARE(unsaved.count(), 2);
    QCOMPARE(unsaved.last().front().toBool(), false);
    QVERIFY(!QFile::exists(doc::WorkspaceDocument::recoveryFilePath(m_workspace)));
    QVERIFY(!doc::WorkspaceDocument::recoveryTime(m_workspace).isValid());
}

void TestWorkspaceRecovery::nothingIsKeptWithoutChanges()
{
    QString error;
    doc::WorkspaceDocument document;
    QVERIFY2(document.load(m_workspace, &error), qPrintable(error));
    const core::RoleId id = document.workspace().roles.front().id;
    document.editRole(
        id, QStringLiteral("Rename role"), doc::RoleEditCommand::Field::Name, [](core::Role &r) { r.name = "Other"; });
    QVERIFY(document.autosave());
    QVERIFY(QFile::exists(doc::WorkspaceDocument::recoveryFilePath(m_workspace)));
    // Undoing back to the saved state: the next autosave removes the copy.
    document.undoStack()->undo();
    QVERIFY(!document.hasUnsavedChanges());
    QVERIFY(document.autosave());
    QVERIFY(!QFile::exists(doc::WorkspaceDocument::recoveryFilePath(m_workspace)));
    // Untitled workspaces have a copy of their own.
    QVERIFY(doc::WorkspaceDocument::recoveryFilePath({}).endsWith(QStringLiteral("/recovery/untitled.rdws")));
}

void TestWorkspaceRecovery::autosaveInTheBackgroundKeepsTheEditsAndDropsAStaleCopy()
{
    QString error;
    const QString recovery = doc::WorkspaceDocument::recoveryFilePath(m_workspace);
    {
        doc::WorkspaceDocument document;
        QVERIFY2(document.load(m_workspace, &error), qPrintable(error));
        QSignalSpy finished(&document, &doc::WorkspaceDocument::autosaveFinished);
        const core::RoleId id = document.workspace().roles.front().id;
        QVERIFY(document.editRole(id, QStringLiteral("Rename role"), doc::RoleEditCommand::Field::Name,
            [](core::Role &r) { r.name = "Autosaved"; }));
        document.autosaveInBackground();
        // Edits after the copy was taken are the next autosave's.
        QVERIFY(document.editRole(id, QStringLiteral("Rename role"), doc::RoleEditCommand::Field::Name,
            [](core::Role &r) { r.name = "Later"; }));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.front().front().toString(), QString());
        QVERIFY(QFile::exists(recovery));
        // The process "crashes" here.
    }
    {
        doc::WorkspaceDocument reopened;
        QVERIFY2(reopened.load(m_workspace, &error), qPrintable(error));
        QVERIFY2(reopened.restoreRecovery(&error), qPrintable(error));
        QCOMPARE(reopened.workspace().roles.front().name, std::string("Autosaved"));
        reopened.discardRecovery();
    }
    // Saved while the copy was being written: the copy is stale and goes.
    doc::WorkspaceDocument document;
    QVERIFY2(document.load(m_workspace, &error), qPrintable(error));
    QSignalSpy finished(&document, &doc::WorkspaceDocument::autosaveFinished);
    const core::RoleId id = document.workspace().roles.front().id;
    const std::string name = document.workspace().roles.front().name;
    QVERIFY(document.editRole(
        id, QStringLiteral("Rename role"), doc::RoleEditCommand::Field::Name, [](core::Role &r) { r.name = "Stale"; }));
    document.autosaveInBackground();
    document.undoStack()->undo();
    QVERIFY(!document.hasUnsavedChanges());
    QVERIFY(finished.wait(10000));
    QVERIFY(!QFile::exists(recovery));
    QCOMPARE(document.workspace().roles.front().name, name);
}

QTEST_GUILESS_MAIN(TestWorkspaceRecovery)
#include "TestWorkspaceRecovery.moc"
