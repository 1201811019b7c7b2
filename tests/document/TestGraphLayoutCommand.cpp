// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

namespace
{

std::vector<core::GraphPosition> positions(std::initializer_list<core::GraphPosition> list)
{
    return list;
}

} // namespace

/// The graph editor's two kinds of document edits: kept node positions (Workspace::layout) and the entity
/// replacements of one gesture, each a single undo step.
class TestGraphLayoutCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aDragIsOneUndoStepThatPutsNodesBack();
    void movingAKeptNodeReplacesItsPosition();
    void layingOutAgainForgetsPositionsUndoably();
    void keptPositionsSurviveSavingAndOpening();
    void oneGestureReplacingTwoEntitiesIsOneUndoStep();
    void aGestureOnAMissingEntityChangesNothing();

private:
    /// tests/data/gaad/small-account.json, read once by initTestCase().
    core::Workspace m_smallAccount;
};

void TestGraphLayoutCommand::initTestCase()
{
    const std::string path = rd::test::testDataPath("gaad/small-account.json");
    RD_REQUIRE_FILE(path);
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(path);
    QVERIFY2(loaded.workspace, qPrintable(QStringLiteral("cannot load %1").arg(QString::fromStdString(path))));
    m_smallAccount = std::move(*loaded.workspace);
}

void TestGraphLayoutCommand::aDragIsOneUndoStepThatPutsNodesBack()
{
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    QSignalSpy changed(&document, &doc::WorkspaceDocument::graphLayoutChanged);
    QVERIFY(document.moveGraphNodes(positions({ { "role:2", 10, 20 }, { "user:1", -5, 7.5 } }), "Move 2 nodes"));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Move 2 nodes"));
    QCOMPARE(document.workspace().layout.size(), std::size_t(2));
    // Kept in the workspace file's order, by node key.
    QCOMPARE(document.workspace().layout.front().node, std::string("role:2"));
    QCOMPARE(changed.count(), 1);
    document.undoStack()->undo();
    QVERIFY(document.workspace().layout.empty());
    QCOMPARE(changed.count(), 2);
    document.undoStack()->redo();
    QCOMPARE(document.workspace().layout.size(), std::size_t(2));
}

void TestGraphLayoutCommand::movingAKeptNodeReplacesItsPosition()
{
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    QVERIFY(document.moveGraphNodes(positions({ { "role:2", 10, 20 } }), "Move node"));
    QVERIFY(document.moveGraphNodes(positions({ { "role:2", 30, 40 } }), "Move node"));
    QCOMPARE(document.workspace().layout, positions({ { "role:2", 30, 40 } }));
    // The same place again is no edit.
    QVERIFY(!document.moveGraphNodes(positions({ { "role:2", 30, 40 } }), "Move node"));
    QCOMPARE(document.undoStack()->count(), 2);
    document.undoStack()->undo();
    QCOMPARE(document.workspace().layout, positions({ { "role:2", 10, 20 } }));
}

void TestGraphLayoutCommand::layingOutAgainForgetsPositionsUndoably()
{
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    QVERIFY(!document.clearGraphLayout("Lay out again"));
    QVERIFY(document.moveGraphNodes(positions({ { "role:2", 10, 20 }, { "group:3", 1, 2 } }), "Move"));
    QVERIFY(document.clearGraphLayout("Lay out again"));
    QVERIFY(document.workspace().layout.empty());
    document.undoStack()->undo();
    QCOMPARE(document.workspace().layout.size(), std::size_t(2));
    QVERIFY(document.hasUnsavedChanges());
}

void TestGraphLayoutCommand::keptPositionsSurviveSavingAndOpening()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("layout.rdws");
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    QVERIFY(document.moveGraphNodes(
        positions({ { "role:2", 10.25, -20 }, { "pattern:arn:aws:s3:::logs/*", 300, 4 } }), "Move"));
    QString error;
    QVERIFY2(document.save(path, &error), qPrintable(error));
    doc::WorkspaceDocument reopened;
    QVERIFY2(reopened.load(path, &error), qPrintable(error));
    QCOMPARE(reopened.workspace().layout, document.workspace().layout);
}

void TestGraphLayoutCommand::oneGestureReplacingTwoEntitiesIsOneUndoStep()
{
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    const core::Workspace before = document.workspace();
    QVERIFY(!before.roles.empty() && !before.users.empty());
    core::Role role = before.roles.front();
    role.description = "Changed by a gesture";
    core::User user = before.users.front();
    user.groupNames.clear();
    QVERIFY(document.replaceEntities({ role, user }, "Connect"));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Connect"));
    QCOMPARE(document.workspace().roles.front().description, std::string("Changed by a gesture"));
    QVERIFY(document.workspace().users.front().groupNames.empty());
    document.undoStack()->undo();
    QVERIFY(document.workspace() == before);
    document.undoStack()->redo();
    QCOMPARE(document.workspace().roles.front().description, std::string("Changed by a gesture"));
    // Nothing to change is no step.
    QVERIFY(!document.replaceEntities({ document.workspace().roles.front() }, "Connect"));
    QCOMPARE(document.undoStack()->count(), 1);
}

void TestGraphLayoutCommand::aGestureOnAMissingEntityChangesNothing()
{
    doc::WorkspaceDocument document;
    document.reset(m_smallAccount);
    const core::Workspace before = document.workspace();
    core::Role role = before.roles.front();
    role.description = "changed";
    core::User ghost;
    ghost.id = core::UserId { 9999 };
    ghost.name = "ghost";
    QVERIFY(!document.replaceEntities({ role, ghost }, "Connect"));
    QVERIFY(document.workspace() == before);
    QCOMPARE(document.undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestGraphLayoutCommand)
#include "TestGraphLayoutCommand.moc"
