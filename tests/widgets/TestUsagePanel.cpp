// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Role usage in the app: File > Import CloudTrail Logs reads the project's log fixture in the background, the Usage
// panel shows the selected role's calls (table, charts, denied calls, assumers, never-used permissions), the
// permission forms grey the actions no call used, and the least-privilege proposal replaces the role's policies as one
// undoable edit.
#include "CloudTrailFixture.h"
#include "document/UsageTableModel.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceUsage.h"
#include "rd/core/workspace/WorkspaceFile.h"
#include "widgets/analysis/UsageActions.h"
#include "widgets/analysis/UsagePanel.h"
#include "widgets/editors/PermissionPolicyForm.h"
#include "widgets/editors/PermissionStatementCard.h"
#include "widgets/editors/PolicyDiffDialog.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/editors/StringListEditor.h"
#include "widgets/shell/MainWindow.h"

#include <QChart>
#include <QChartView>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

namespace
{

/// The action rows of the first statement card showing `action` in a permission form.
QLineEdit *actionRow(ui::PermissionPolicyForm *form, const QString &action, QString *note)
{
    for (int i = 0; i < form->cardCount(); ++i) {
        form->card(i)->ensureBuilt();
        auto *editor = form->card(i)->findChild<ui::StringListEditor *>(QStringLiteral("actionListEditor"));
        for (int row = 0; editor && row < editor->rowCount(); ++row) {
            if (editor->lineEdit(row)->text() == action) {
                *note = editor->rowNote(row);
                return editor->lineEdit(row);
            }
        }
    }
    return nullptr;
}

} // namespace

class TestUsagePanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importsAndShowsTheRolesUsage();
    void greysActionsNoCallUsed();
    void proposesAndAppliesLeastPrivilegeAsOneUndoStep();
    void unreadableLogsKeepTheReport();
    void cancelKeepsTheReport();

private:
    bool openFixture(ui::MainWindow &window);
    bool importFixture(ui::MainWindow &window);
    QTemporaryDir m_dir;
    QString m_logs;
};

void TestUsagePanel::init()
{
    QVERIFY(m_dir.isValid());
    m_logs =
        QString::fromStdString(test::writeCloudTrailFixture(m_dir.filePath(QStringLiteral("trail")).toStdString()));
    QVERIFY(!m_logs.isEmpty());
}

bool TestUsagePanel::openFixture(ui::MainWindow &window)
{
    const QString path = m_dir.filePath(QStringLiteral("app.rdws"));
    if (core::saveWorkspaceFile(path.toStdString(), test::cloudTrailWorkspace()))
        return false;
    QString error;
    return window.openFile(path, &error) && window.selectRole(QStringLiteral("AppRole"));
}

bool TestUsagePanel::importFixture(ui::MainWindow &window)
{
    QSignalSpy finished(window.usage(), &doc::WorkspaceUsage::importFinished);
    if (!window.usageActions()->importLogs({ m_logs }))
        return false;
    window.usage()->waitForImport();
    return finished.count() == 1 && finished.front().front().toString().isEmpty() && window.usage()->report();
}

void TestUsagePanel::importsAndShowsTheRolesUsage()
{
    ui::MainWindow window;
    QVERIFY(openFixture(window));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::UsagePanel *panel = window.usagePanel();
    // Before any import, the panel offers one.
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("usageImportButton"))->isVisibleTo(panel));
    QVERIFY(importFixture(window));
    QVERIFY(!window.usageActions()->progressDialog() || !window.usageActions()->progressDialog()->isVisible());

    QVERIFY2(panel->summary().contains(QStringLiteral("Last used")), qPrintable(panel->summary()));
    QVERIFY(panel->summary().contains(QStringLiteral("denied")));
    // Calls per action: GetObject (three objects, HeadObject too) is there with its count, sorted most used first.
    QAbstractItemModel *actions = panel->table(0)->model();
    QVERIFY(actions->rowCount() >= 6);
    QStringList names;
    for (int row = 0; row < actions->rowCount(); ++row)
        names << actions->index(row, 0).data().toString();
    QVERIFY2(names.contains(QStringLiteral("s3:GetObject")), qPrintable(names.join(u' ')));
    QVERIFY(names.contains(QStringLiteral("lambda:UpdateFunctionCode")));
    QVERIFY(!names.contains(QStringLiteral("s3:PutObject"))); // denied, never use
    QVERIFY(actions->index(0, 2).data(doc::UsageTableModel::SortRole).toULongLong()
        >= actions->index(actions->rowCount() - 1, 2).data(doc::UsageTableModel::SortRole).toULongLong());
    // Denied calls, assumers, never-used grants.
    QAbstractItemModel *denied = panel->table(1)->model();
    QStringList deniedActions;
    for (int row = 0; row < denied->rowCount(); ++row)
        deniedActions << denied->index(row, 0).data().toString();
    QVERIFY2(deniedActions.contains(QStringLiteral("s3:PutObject")), qPrintable(deniedActions.join(u' ')));
    QCOMPARE(panel->table(2)->model()->rowCount(), 2); // alice and ec2.amazonaws.com
    QStringList unused;
    for (int row = 0; row < panel->table(3)->model()->rowCount(); ++row)
        unused << panel->table(3)->model()->index(row, 0).data().toString();
    QVERIFY2(unused.contains(QStringLiteral("s3:DeleteObject")), qPrintable(unused.join(u' ')));
    QVERIFY(!unused.contains(QStringLiteral("s3:GetObject")));
    // The charts draw the calls.
    QVERIFY(!panel->actionChart()->chart()->series().isEmpty());
    QVERIFY(!panel->dayChart()->chart()->series().isEmpty());
    QVERIFY(panel->generateButton()->isEnabled());

    // IdleRole was never used: said so, nothing to generate from.
    QVERIFY(window.selectRole(QStringLiteral("IdleRole")));
    QVERIFY2(panel->summary().contains(QStringLiteral("Not used")), qPrintable(panel->summary()));
    QCOMPARE(panel->table(0)->model()->rowCount(), 0);
    QVERIFY(!panel->generateButton()->isEnabled());
    QVERIFY(panel->actionChart()->chart()->series().isEmpty());
}

void TestUsagePanel::greysActionsNoCallUsed()
{
    ui::MainWindow window;
    QVERIFY(openFixture(window));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::RoleSummaryView *summary = window.findChild<ui::RoleSummaryView *>();
    QVERIFY(summary);
    auto *form = qobject_cast<ui::PermissionPolicyForm *>(summary->pane(QStringLiteral("App"))->form());
    QVERIFY(form);
    QString note;
    QVERIFY(actionRow(form, QStringLiteral("s3:DeleteObject"), &note));
    QCOMPARE(note, QString()); // no logs, no notes
    QVERIFY(importFixture(window));
    QVERIFY(actionRow(form, QStringLiteral("s3:DeleteObject"), &note));
    QVERIFY2(note.contains(QStringLiteral("No successful call of s3:DeleteObject")), qPrintable(note));
    QVERIFY(actionRow(form, QStringLiteral("s3:PutObject"), &note));
    QVERIFY(!note.isEmpty()); // denied calls are no use
    QVERIFY(actionRow(form, QStringLiteral("s3:GetObject"), &note));
    QCOMPARE(note, QString());
    QVERIFY(actionRow(form, QStringLiteral("lambda:UpdateFunctionCode"), &note));
    QCOMPARE(note, QString());
    // Another workspace drops the report and the notes.
    QVERIFY(openFixture(window));
    QVERIFY(!window.usage()->report());
    form = qobject_cast<ui::PermissionPolicyForm *>(summary->pane(QStringLiteral("App"))->form());
    QVERIFY(actionRow(form, QStringLiteral("s3:DeleteObject"), &note));
    QCOMPARE(note, QString());
}

void TestUsagePanel::proposesAndAppliesLeastPrivilegeAsOneUndoStep()
{
    ui::MainWindow window;
    QVERIFY(openFixture(window));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(importFixture(window));
    const core::Role *role = nullptr;
    for (const core::Role &r : window.document()->workspace().roles)
        role = r.name == "AppRole" ? &r : role;
    QVERIFY(role);
    const core::RoleId id = role->id;
    const core::Role before = *role;

    QString error;
    const auto proposal = window.usageActions()->proposal(id, &error);
    QVERIFY2(proposal, qPrintable(error));
    QVERIFY(proposal->current.contains(QStringLiteral("// Inline policy App")));
    QVERIFY(proposal->current.contains(QStringLiteral("s3:DeleteObject")));
    QVERIFY(proposal->proposed.contains(QStringLiteral("s3:GetObject")));
    QVERIFY(!proposal->proposed.contains(QStringLiteral("s3:DeleteObject")));
    // iam:PassRole is granted but CloudTrail never records it: the notes say so.
    QVERIFY2(proposal->notes.join(u'\n').contains(QStringLiteral("PassRole")), qPrintable(proposal->notes.join(u'\n')));

    // The button opens the comparison; Apply replaces the policies in one undo step.
    window.usagePanel()->setRole(id);
    QTest::mouseClick(window.usagePanel()->generateButton(), Qt::LeftButton);
    ui::PolicyDiffDialog *dialog = window.usageActions()->proposalDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->applyButton()->isEnabled());
    const int steps = window.document()->undoStack()->count();
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    const core::Role *after = window.document()->workspace().role(id);
    QCOMPARE(after->inlinePolicies.size(), std::size_t { 1 });
    QCOMPARE(after->inlinePolicies.front().name, std::string(ui::UsageActions::kPolicyName));
    QCOMPARE(after->inlinePolicies.front().document, proposal->policy);
    QCOMPARE(window.document()->undoStack()->count(), steps + 1);
    window.document()->undoStack()->undo();
    QCOMPARE(*window.document()->workspace().role(id), before);

    // A role with no successful call has nothing to propose.
    for (const core::Role &r : window.document()->workspace().roles) {
        if (r.name == "IdleRole") {
            QVERIFY(!window.usageActions()->proposal(r.id, &error));
            QVERIFY(error.contains(QStringLiteral("no successful call")));
        }
    }
}

void TestUsagePanel::unreadableLogsKeepTheReport()
{
    ui::MainWindow window;
    QVERIFY(openFixture(window));
    QVERIFY(importFixture(window));
    const auto report = window.usage()->report();
    QSignalSpy finished(window.usage(), &doc::WorkspaceUsage::importFinished);
    // A folder with no log file, and a half-written gzip file: a clear error, the report kept.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("empty")));
    QVERIFY(window.usage()->importLogs({ m_dir.filePath(QStringLiteral("empty")) }));
    window.usage()->waitForImport();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!finished.back().front().toString().isEmpty());
    QFile broken(m_dir.filePath(QStringLiteral("broken.json.gz")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(
        QByteArray::fromStdString(test::gzipText(R"({"Records":[{"eventTime":"2026-03-01T00:00:00Z")")).left(20));
    broken.close();
    QVERIFY(window.usage()->importLogs({ broken.fileName() }));
    window.usage()->waitForImport();
    QCOMPARE(finished.count(), 2);
    QVERIFY2(!finished.back().front().toString().isEmpty(), "a log that cannot be read is no empty report");
    QCOMPARE(window.usage()->report(), report);
}

void TestUsagePanel::cancelKeepsTheReport()
{
    ui::MainWindow window;
    QVERIFY(openFixture(window));
    QVERIFY(importFixture(window));
    const auto report = window.usage()->report();
    const QString large = m_dir.filePath(QStringLiteral("large"));
    QVERIFY(test::writeLargeTrail(large.toStdString(), 20000, 1000, 20) > 0);
    QSignalSpy finished(window.usage(), &doc::WorkspaceUsage::importFinished);
    QVERIFY(window.usage()->importLogs({ large }));
    QVERIFY(!window.usage()->importLogs({ large })); // one at a time
    window.usage()->cancelImport();
    window.usage()->waitForImport();
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.front().front().toString().startsWith(QStringLiteral("Cancelled")));
    QCOMPARE(window.usage()->report(), report);
}

QTEST_MAIN(TestUsagePanel)
#include "TestUsagePanel.moc"
