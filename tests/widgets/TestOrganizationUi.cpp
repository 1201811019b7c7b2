// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The organization in the app: the browser's Organization tab, an SCP opened from it in its JSON editor with its
// grammar's findings, an edit and its undo, the simulation and the reach explorer naming what the SCPs decide.
#include "document/AccountAnalysis.h"
#include "document/OrganizationTreeModel.h"
#include "document/WorkspaceDocument.h"
#include "widgets/analysis/ReachExplorer.h"
#include "widgets/analysis/SimulationPanel.h"
#include "widgets/editors/OrganizationPolicyEditor.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QLabel>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace rd;
using OrgModel = doc::OrganizationTreeModel;

class TestOrganizationUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void theBrowserShowsTheOrganizationTab();
    void clickingAnScpOpensItInItsEditor();
    void theKeyboardMovesFromPolicyToPolicy();
    void editingAnScpIsOneUndoStep();
    void theEditorShowsTheScpGrammarsFindings();
    void theSimulationNamesTheDecidingScp();
    void theSimulationNamesTheLevelWhereNoScpAllows();
    void theReachExplorerLeavesOutWhatAnScpDenies();

private:
    std::unique_ptr<ui::MainWindow> m_window;
};

namespace
{
QModelIndex rowOf(ui::WorkspaceBrowser *browser, const QString &id, const QString &target = {})
{
    return browser->organizationModel()->find(id, target);
}
} // namespace

void TestOrganizationUi::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QString error;
    QVERIFY2(m_window->openFile(QStringLiteral(RD_SOURCE_DIR "/resources/examples/organization.rdws"), &error),
        qPrintable(error));
    m_window->document()->analysis()->waitForCurrent();
}

void TestOrganizationUi::theBrowserShowsTheOrganizationTab()
{
    ui::WorkspaceBrowser *browser = m_window->browser();
    QVERIFY(browser->tabs()->isTabVisible(1));
    QCOMPARE(browser->tabs()->tabText(1), QStringLiteral("Organization"));
    QTreeView *tree = browser->organizationView();
    // Shown whole: every node expanded.
    const QModelIndex workloads = rowOf(browser, QStringLiteral("ou-ex12-workload"));
    QVERIFY(tree->isExpanded(workloads));
    QVERIFY(tree->isExpanded(workloads.parent()));
    // A workspace without an organization has no such tab.
    core::Workspace workspace = m_window->document()->workspace();
    workspace.organization.reset();
    m_window->document()->reset(std::move(workspace));
    QVERIFY(!browser->tabs()->isTabVisible(1));
    auto *center = m_window->findChild<QTabWidget *>(QStringLiteral("centralTabs"));
    QVERIFY(!center->isTabVisible(center->indexOf(m_window->organizationPolicyEditor())));
}

void TestOrganizationUi::clickingAnScpOpensItInItsEditor()
{
    ui::WorkspaceBrowser *browser = m_window->browser();
    browser->tabs()->setCurrentIndex(1);
    QTreeView *tree = browser->organizationView();
    const QModelIndex deny = rowOf(browser, QStringLiteral("p-denydelete1"));
    tree->scrollTo(deny);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(deny).center());
    ui::OrganizationPolicyEditor *editor = m_window->organizationPolicyEditor();
    QCOMPARE(editor->policyId(), QStringLiteral("p-denydelete1"));
    auto *center = m_window->findChild<QTabWidget *>(QStringLiteral("centralTabs"));
    QCOMPARE(center->currentWidget(), editor);
    QVERIFY(editor->jsonEditor()->text().contains(QStringLiteral("s3:DeleteBucket")));
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("organizationPolicyTitle"))->text(),
        QStringLiteral("SCP DenyDeleteBucket"));
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("organizationPolicyDetails"))
                ->text()
                .contains(QStringLiteral("Attached to root Root (r-ex12)")));
    QVERIFY(!editor->jsonEditor()->isReadOnly());
}

void TestOrganizationUi::theKeyboardMovesFromPolicyToPolicy()
{
    ui::WorkspaceBrowser *browser = m_window->browser();
    browser->tabs()->setCurrentIndex(1);
    QTreeView *tree = browser->organizationView();
    tree->setFocus();
    tree->setCurrentIndex(rowOf(browser, QStringLiteral("p-FullAWSAccess")));
    ui::OrganizationPolicyEditor *editor = m_window->organizationPolicyEditor();
    QCOMPARE(editor->policyId(), QStringLiteral("p-FullAWSAccess"));
    // AWS keeps its managed policies: read-only.
    QVERIFY(editor->jsonEditor()->isReadOnly());
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(editor->policyId(), QStringLiteral("p-denydelete1"));
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(editor->policyId(), QStringLiteral("p-RCPFullAWSAccess"));
    QCOMPARE(editor->findChild<QLabel *>(QStringLiteral("organizationPolicyTitle"))->text(),
        QStringLiteral("RCP RCPFullAWSAccess"));
}

void TestOrganizationUi::editingAnScpIsOneUndoStep()
{
    QVERIFY(m_window->openOrganizationPolicy(QStringLiteral("p-denydelete1")));
    ui::OrganizationPolicyEditor *editor = m_window->organizationPolicyEditor();
    ui::PolicyJsonEditor *json = editor->jsonEditor();
    const QString before = json->text();
    const int at = before.toUtf8().indexOf("s3:DeleteBucket") + int(qstrlen("s3:DeleteBucket"));
    int line = 0;
    int index = 0;
    json->lineIndexFromPosition(at, &line, &index);
    json->setCursorPosition(line, index);
    json->setFocus();
    QTest::keyClicks(json, QStringLiteral("Policy"));
    QUndoStack *stack = m_window->document()->undoStack();
    QTRY_COMPARE(stack->count(), 1);
    const core::OrganizationPolicy *policy = m_window->document()->workspace().organization->policy("p-denydelete1");
    QCOMPARE(QString::fromStdString(policy->document.statements.front().action->values.front().value),
        QStringLiteral("s3:DeleteBucketPolicy"));
    QCOMPARE(stack->text(0), QStringLiteral("Edit text of SCP DenyDeleteBucket"));
    stack->undo();
    policy = m_window->document()->workspace().organization->policy("p-denydelete1");
    QCOMPARE(QString::fromStdString(policy->document.statements.front().action->values.front().value),
        QStringLiteral("s3:DeleteBucket"));
    QCOMPARE(json->text(), before);
    stack->redo();
    QVERIFY(json->text().contains(QStringLiteral("s3:DeleteBucketPolicy")));
}

void TestOrganizationUi::theEditorShowsTheScpGrammarsFindings()
{
    QVERIFY(m_window->openOrganizationPolicy(QStringLiteral("p-denydelete1")));
    ui::OrganizationPolicyEditor *editor = m_window->organizationPolicyEditor();
    QVERIFY(editor->diagnostics().empty());
    // IAM Access Analyzer's SCP checks (AWS Organizations User Guide, "SCP syntax"): an SCP has no Principal.
    QString text = editor->jsonEditor()->text();
    text.replace(QStringLiteral("\"Effect\": \"Deny\","),
        QStringLiteral("\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"},"));
    QVERIFY(text.contains(QStringLiteral("Principal")));
    // As pasted: the editor's text changes by the user's hand (not setPolicyText()).
    editor->jsonEditor()->setText(text);
    editor->flushTextEdit();
    const core::Diagnostics &findings = editor->diagnostics();
    QVERIFY(!findings.empty());
    const bool principalFinding = std::any_of(findings.begin(), findings.end(), [&](const core::Diagnostic &d) {
        return QString::fromStdString(d.message).contains(QStringLiteral("Principal"), Qt::CaseInsensitive);
    });
    QVERIFY(principalFinding);
}

void TestOrganizationUi::theSimulationNamesTheDecidingScp()
{
    QVERIFY(m_window->selectRole(QStringLiteral("DataPipeline")));
    QVERIFY(m_window->showView(QStringLiteral("scp-simulation")));
    ui::SimulationPanel *panel = m_window->simulationPanel();
    QVERIFY(panel->checkResult().has_value());
    QCOMPARE(panel->checkResult()->decision, core::Decision::ExplicitlyDenied);
    QCOMPARE(QString::fromStdString(panel->checkResult()->action), QStringLiteral("s3:DeleteBucket"));
    QCOMPARE(QString::fromStdString(panel->checkResult()->resource), QStringLiteral("arn:aws:s3:::prod-data"));
    QVERIFY2(
        panel->checkVerdict().contains(QStringLiteral("Denied by SCP DenyDeleteBucket attached to the root r-ex12")),
        qPrintable(panel->checkVerdict()));
    // The deciding statement opens in the SCP's editor.
    auto *hops = panel->findChild<QTreeWidget *>(QStringLiteral("simulationHopsTree"));
    QVERIFY(hops);
    QTreeWidgetItem *statement = nullptr;
    for (QTreeWidgetItemIterator it(hops); *it; ++it) {
        if ((*it)->text(0).startsWith(QStringLiteral("SCP DenyDeleteBucket attached to the root r-ex12")))
            statement = *it;
    }
    QVERIFY(statement);
    Q_EMIT hops->itemActivated(statement, 0);
    QCOMPARE(m_window->organizationPolicyEditor()->policyId(), QStringLiteral("p-denydelete1"));
    QVERIFY(m_window->organizationPolicyEditor()->jsonEditor()->selectedText().contains(
        QStringLiteral("DenyDeleteBucket")));
}

void TestOrganizationUi::theSimulationNamesTheLevelWhereNoScpAllows()
{
    // The sandbox's allow-list SCP allows no DynamoDB: the OU level denies implicitly.
    QVERIFY(m_window->selectRole(QStringLiteral("SandboxUser")));
    m_window->showView(QStringLiteral("simulation"));
    ui::SimulationPanel *panel = m_window->simulationPanel();
    panel->setPrincipal(QStringLiteral("arn:aws:iam::111111111111:user/alice"));
    panel->setCheck(
        QStringLiteral("dynamodb:GetItem"), QStringLiteral("arn:aws:dynamodb:eu-west-1:444444444444:table/scratch"));
    panel->simulateNow();
    QVERIFY(panel->checkResult().has_value());
    QCOMPARE(panel->checkResult()->decision, core::Decision::ImplicitlyDenied);
    QVERIFY2(
        panel->checkVerdict().contains(QStringLiteral("no SCP attached to OU Sandbox (ou-ex12-sandbox1) allows it")),
        qPrintable(panel->checkVerdict()));
}

void TestOrganizationUi::theReachExplorerLeavesOutWhatAnScpDenies()
{
    auto *explorer = m_window->findChild<ui::ReachExplorer *>();
    QVERIFY(explorer);
    // Who may delete the prod bucket: the member accounts' roles whose policies allow it are denied by
    // DenyDeleteBucket (the management account's are not: SCPs do not apply to it).
    explorer->ask(
        ui::ReachExplorer::Mode::WhoCan, QStringLiteral("arn:aws:s3:::prod-data"), QStringLiteral("s3:DeleteBucket"));
    auto *summary = explorer->findChild<QLabel *>(QStringLiteral("reachSummaryLabel"));
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(QStringLiteral("left out: the organization's SCPs or RCPs deny them")),
        qPrintable(summary->text()));
}

QTEST_MAIN(TestOrganizationUi)
#include "TestOrganizationUi.moc"
