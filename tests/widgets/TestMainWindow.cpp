// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "document/WorkspaceDocument.h"
#include "widgets/MainWindow.h"
#include "widgets/NewRoleDialog.h"
#include "widgets/RoleSummaryView.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>
#include <QUrl>
#include <QtTest>

using namespace rd;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheExampleRoleAndItsTrustPolicy();
    void filtersRolesAsYouType();
    void reportsAFileThatCannotBeOpened();
    void showsTheSelectedRolesFindings();
    void exportsAndCopiesTheRolesPolicies();
    void editsARoleAndUndoesIt();
    void buildsTheClassicLambdaRoleFromATemplate();
    void remembersRecentFilesAndOpensDroppedOnes();
};

void TestMainWindow::showsTheExampleRoleAndItsTrustPolicy()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *list = window.findChild<QListView *>(QStringLiteral("roleListView"));
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 1);
    auto *title = window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"));
    QTRY_COMPARE(title->text(), QStringLiteral("LambdaLogWriter"));
    auto *trust = window.findChild<QPlainTextEdit *>(QStringLiteral("trustPolicyTextEdit"));
    QVERIFY(trust->toPlainText().contains(QStringLiteral("\"Service\": \"lambda.amazonaws.com\"")));
    auto *inlinePolicy = window.findChild<QPlainTextEdit *>(QStringLiteral("inlinePolicyTextEdit"));
    QVERIFY(inlinePolicy);
    QVERIFY(inlinePolicy->toPlainText().contains(QStringLiteral("\"Resource\": \"arn:aws:s3:::my-log-bucket/*\"")));
    auto *details = window.findChild<QLabel *>(QStringLiteral("roleDetailsLabel"));
    QVERIFY(details->text().contains(QStringLiteral("WriteLogs")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("lambda-logging.rdws")));
}

void TestMainWindow::filtersRolesAsYouType()
{
    ui::MainWindow window;
    QString error;
    QVERIFY(window.openFile(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error));
    window.show();
    auto *list = window.findChild<QListView *>(QStringLiteral("roleListView"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("roleFilterLineEdit"));
    QCOMPARE(list->model()->rowCount(), 2);
    QTest::keyClicks(filter, QStringLiteral("audit"));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("ExternalAudit"));
    QVERIFY(window.selectRole(QStringLiteral("ExternalAudit")));
    auto *title = window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"));
    QCOMPARE(title->text(), QStringLiteral("ExternalAudit"));
    // An imported account is unsaved until saved as a workspace.
    QVERIFY(window.isWindowModified());
}

void TestMainWindow::reportsAFileThatCannotBeOpened()
{
    ui::MainWindow window;
    QString error;
    QVERIFY(!window.openFile(QStringLiteral("/no/such/workspace.rdws"), &error));
    QVERIFY(error.contains(QStringLiteral("/no/such/workspace.rdws")));
}

void TestMainWindow::showsTheSelectedRolesFindings()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_NEEDS_REVIEW_WORKSPACE), &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectRole(QStringLiteral("CiDeploy")));
    auto *summary = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("1 error, 2 security warnings, 1 suggestion"));
    auto *table = window.findChild<QTreeView *>(QStringLiteral("findingsTreeView"));
    QCOMPARE(table->model()->rowCount(), 4);

    // Activating the GitHub finding (Return, or a double-click where the platform activates so) brings the trust
    // policy to the front.
    QVERIFY(window.summaryView()->currentPolicyTitle() == QStringLiteral("Trust policy"));
    window.summaryView()->showPolicy(QStringLiteral("Deploy"));
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Deploy"));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_COMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust policy"));

    QVERIFY(window.selectRole(QStringLiteral("PartnerAudit")));
    QCOMPARE(summary->text(), QStringLiteral("1 security warning"));
}

void TestMainWindow::exportsAndCopiesTheRolesPolicies()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    auto *exportAction = window.findChild<QAction *>(QStringLiteral("exportRolePoliciesAction"));
    QVERIFY(exportAction);
    QTRY_VERIFY(exportAction->isEnabled());
    QTemporaryDir dir;
    QStringList written;
    QVERIFY2(window.exportRolePolicies(dir.path(), &written, &error), qPrintable(error));
    QCOMPARE(written, QStringList({ "LambdaLogWriter.trust-policy.json", "LambdaLogWriter.WriteLogs.json" }));
    QFile permissions(dir.filePath(QStringLiteral("LambdaLogWriter.WriteLogs.json")));
    QVERIFY(permissions.open(QIODevice::ReadOnly));
    QCOMPARE(permissions.readAll(),
        QByteArray("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Sid\": "
                   "\"PutLogObjects\",\n            \"Effect\": \"Allow\",\n            \"Action\": \"s3:PutObject\",\n"
                   "            \"Resource\": \"arn:aws:s3:::my-log-bucket/*\"\n        }\n    ]\n}\n"));

    auto *copy = window.findChild<QAction *>(QStringLiteral("copyPolicyAction"));
    QVERIFY(copy && copy->isEnabled());
    copy->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("lambda.amazonaws.com")));
}

void TestMainWindow::editsARoleAndUndoesIt()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *name = window.findChild<QLineEdit *>(QStringLiteral("roleNameLineEdit"));
    auto *list = window.findChild<QListView *>(QStringLiteral("roleListView"));
    auto *findings = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    QTRY_COMPARE(name->text(), QStringLiteral("LambdaLogWriter"));
    QCOMPARE(findings->text(), QStringLiteral("No findings: the role passes every check."));

    // Typing a character IAM does not allow: the list follows, and the findings name the rule at once; the policy
    // in front stays in front.
    window.summaryView()->showPolicy(QStringLiteral("WriteLogs"));
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral(" v2"));
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("LambdaLogWriter v2"));
    QCOMPARE(findings->text(), QStringLiteral("1 error"));
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("WriteLogs"));
    QVERIFY(window.isWindowModified());

    // One undo takes back the whole gesture; the History panel lists it.
    QCOMPARE(window.document()->undoStack()->count(), 1);
    auto *history = window.findChild<QUndoView *>(QStringLiteral("historyUndoView"));
    QVERIFY(history);
    QCOMPARE(history->model()->rowCount(), 2); // the opened workspace, then the rename
    QCOMPARE(history->model()->index(1, 0).data().toString(), QStringLiteral("Rename role"));
    window.document()->undoStack()->undo();
    QCOMPARE(name->text(), QStringLiteral("LambdaLogWriter"));
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("LambdaLogWriter"));
    QCOMPARE(findings->text(), QStringLiteral("No findings: the role passes every check."));

    auto *session = window.findChild<QSpinBox *>(QStringLiteral("roleMaxSessionSpinBox"));
    QCOMPARE(session->maximum(), 43200);
    session->setValue(7200);
    QCOMPARE(window.document()->workspace().roles.front().maxSessionDuration, 7200);
}

void TestMainWindow::buildsTheClassicLambdaRoleFromATemplate()
{
    // A new, empty workspace; the role is made without touching JSON.
    ui::MainWindow window;
    window.show();
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 0 });
    ui::NewRoleDialog dialog(QStringLiteral("111122223333"), &window);
    QVERIFY(dialog.selectTemplate(QStringLiteral("lambda-s3-logs")));
    auto *bucket = dialog.findChild<QLineEdit *>(QStringLiteral("blank_bucket"));
    QVERIFY(bucket);
    QTest::keyClicks(bucket, QStringLiteral("Bad_Bucket"));
    dialog.accept();
    QVERIFY(!dialog.role());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("templateErrorLabel"))->text().isEmpty());
    bucket->clear();
    QTest::keyClicks(bucket, QStringLiteral("my-log-bucket"));
    dialog.accept();
    QVERIFY(dialog.role());
    window.addRole(*dialog.role());

    auto *findings = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    QCOMPARE(findings->text(), QStringLiteral("No findings: the role passes every check."));
    QTemporaryDir dir;
    QString error;
    QVERIFY2(window.exportRolePolicies(dir.path(), nullptr, &error), qPrintable(error));
    auto read = [&](const QString &name) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.trust-policy.json")),
        QByteArray(
            "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n"
            "            \"Principal\": {\n                \"Service\": \"lambda.amazonaws.com\"\n            },\n"
            "            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}\n"));
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.WriteLogs.json")),
        QByteArray(
            "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n"
            "            \"Action\": \"s3:PutObject\",\n            \"Resource\": \"arn:aws:s3:::my-log-bucket/*\"\n"
            "        }\n    ]\n}\n"));

    // Undo takes the workspace back to the empty one.
    window.document()->undoStack()->undo();
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 0 });
    window.document()->undoStack()->redo();
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 1 });
}

void TestMainWindow::remembersRecentFilesAndOpensDroppedOnes()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error));
    QCOMPARE(window.recentFiles(), QStringList({ QStringLiteral(RD_EXAMPLE_WORKSPACE) }));

    // Dropping a workspace file on the window opens it.
    auto *mime = new QMimeData;
    mime->setUrls({ QUrl::fromLocalFile(QStringLiteral(RD_NEEDS_REVIEW_WORKSPACE)) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 2 });
    QCOMPARE(window.recentFiles().first(), QStringLiteral(RD_NEEDS_REVIEW_WORKSPACE));
    QCOMPARE(window.recentFiles().size(), 2);
    delete mime;
    QSettings().remove(QStringLiteral("recentFiles"));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
