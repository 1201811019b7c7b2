// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "document/RoleListModel.h"
#include "document/WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

class TestRoleListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheRolesOfALoadedWorkspace();
    void failedLoadKeepsTheCurrentWorkspace();
    void savesAndReopens();
};

void TestRoleListModel::listsTheRolesOfALoadedWorkspace()
{
    doc::WorkspaceDocument document;
    doc::RoleListModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&document, &doc::WorkspaceDocument::workspaceReset);
    QCOMPARE(model.rowCount(), 0);

    QString error;
    QVERIFY2(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error),
        qPrintable(error));
    QCOMPARE(reset.count(), 1);
    QVERIFY(document.isImported());
    QCOMPARE(document.filePath(), QString());
    QCOMPARE(model.rowCount(), 2);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row).data().toString();
    QCOMPARE(names, QStringList({ "WebServer", "ExternalAudit" }));
    const QModelIndex audit = model.index(1);
    QCOMPARE(audit.data(doc::RoleListModel::ArnRole).toString(),
        QStringLiteral("arn:aws:iam::123456789012:role/audit/ExternalAudit"));
    QCOMPARE(audit.data(doc::RoleListModel::PathRole).toString(), QStringLiteral("/audit/"));
    const core::RoleId id = model.roleId(audit);
    QVERIFY(id.isValid());
    QCOMPARE(model.indexOf(id), audit);
    QVERIFY(audit.data(Qt::ToolTipRole).toString().contains(QStringLiteral("auditors")));
}

void TestRoleListModel::failedLoadKeepsTheCurrentWorkspace()
{
    doc::WorkspaceDocument document;
    doc::RoleListModel model(&document);
    QString error;
    QVERIFY(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error));
    QSignalSpy reset(&document, &doc::WorkspaceDocument::workspaceReset);

    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.rdws"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"role-designer-workspace\",\n \"formatVersion\": 1, \"roles\": [{\"id\": 1,");
    file.close();
    QVERIFY(!document.load(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("line 2, column")), qPrintable(error));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 2);
}

void TestRoleListModel::savesAndReopens()
{
    QTemporaryDir dir;
    doc::WorkspaceDocument document;
    QString error;
    QVERIFY(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error));
    const QString path = dir.filePath(QStringLiteral("account.rdws"));
    QSignalSpy pathChanged(&document, &doc::WorkspaceDocument::filePathChanged);
    QVERIFY2(document.save(path, &error), qPrintable(error));
    QCOMPARE(pathChanged.count(), 1);
    QVERIFY(!document.isImported());
    QVERIFY(document.undoStack()->isClean());

    doc::WorkspaceDocument reopened;
    QVERIFY(reopened.load(path, &error));
    QCOMPARE(reopened.filePath(), path);
    QVERIFY(reopened.workspace() == document.workspace());
}

QTEST_GUILESS_MAIN(TestRoleListModel)
#include "TestRoleListModel.moc"
