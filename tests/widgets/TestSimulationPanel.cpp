// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ChainWorkspace.h"
#include "ExampleWorkspace.h"
#include "document/EntityCompletionModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/WorkspaceFile.h"
#include "widgets/analysis/EntityPicker.h"
#include "widgets/analysis/SimulationPanel.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

class TestSimulationPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theLambdaStoryWorksEndToEnd();
    void followsAnEditOfTheTrustPolicyByItself();
    void boundsTheDurationByTheRolesMaximumSession();
    void linksTheDecidingStatementToItsEditor();
    void eachHopOfAChainHasItsOwnTagsAndSessionPolicy();
    void takesThePrincipalAndTheResourceByName();
    void asksWhichOfSeveralOfOneName();
};

namespace
{
// 2026-01-01T00:00:00Z, so that expirations are predictable.
const QDateTime kIssued(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());

ui::SimulationPanel *openExample(ui::MainWindow &window)
{
    QString error;
    if (!window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error))
        qFatal("%s", qPrintable(error));
    window.showView(QStringLiteral("simulation"));
    ui::SimulationPanel *panel = window.simulationPanel();
    panel->setCurrentTime(kIssued);
    panel->simulateNow();
    return panel;
}

/// The platform team's example (with a role called bob beside the user bob when `roleBob`), its Developer role in
/// front of the simulation panel; the window active, so that the pickers' lists can open.
ui::SimulationPanel *openPlatformTeam(ui::MainWindow &window, bool roleBob = false)
{
    window.document()->reset(test::exampleWorkspace(RD_PLATFORM_WORKSPACE, roleBob));
    if (!window.selectRole(QStringLiteral("Developer")))
        qFatal("no role Developer");
    window.showView(QStringLiteral("simulation"));
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        qFatal("the window did not become active");
    ui::SimulationPanel *panel = window.simulationPanel();
    panel->setCurrentTime(kIssued);
    return panel;
}
} // namespace

void TestSimulationPanel::theLambdaStoryWorksEndToEnd()
{
    // The Lambda story: lambda.amazonaws.com assumes the role, gets credentials for the chosen duration, and the
    // session may s3:PutObject to my-log-bucket but not s3:GetObject.
    ui::MainWindow window;
    ui::SimulationPanel *panel = openExample(window);
    window.show();
    QCOMPARE(panel->findChild<ui::EntityPicker *>(QStringLiteral("simulationPrincipalPicker"))->text(),
        QStringLiteral("lambda.amazonaws.com"));
    panel->setDurationSeconds(1800);
    panel->simulateNow();
    const core::AssumeRoleResult &result = panel->result();
    QVERIFY2(result.allowed, qPrintable(panel->verdict()));
    QCOMPARE(result.hops.size(), std::size_t { 1 });
    const core::AssumeRoleHop &hop = result.hops.front();
    QCOMPARE(hop.durationSeconds, 1800LL);
    QCOMPARE(QString::fromStdString(hop.expiration), QStringLiteral("2026-01-01T00:30:00Z"));
    QVERIFY(hop.credentials);
    QVERIFY(QString::fromStdString(hop.credentials->accessKeyId).startsWith(QStringLiteral("ASIA")));
    QVERIFY(QString::fromStdString(hop.assumedRoleArn)
                .startsWith(QStringLiteral("arn:aws:sts::111122223333:assumed-role/LambdaLogWriter/")));
    QVERIFY(panel->findChild<QPlainTextEdit *>(QStringLiteral("simulationCredentialsText"))
                ->toPlainText()
                .contains(QStringLiteral("SIMULATED")));

    panel->setCheck(QStringLiteral("s3:PutObject"), QStringLiteral("arn:aws:s3:::my-log-bucket/2026/01/01.log"));
    panel->simulateNow();
    QVERIFY(panel->checkResult());
    QCOMPARE(panel->checkResult()->decision, core::Decision::Allowed);
    panel->setCheck(QStringLiteral("s3:GetObject"), QStringLiteral("arn:aws:s3:::my-log-bucket/2026/01/01.log"));
    panel->simulateNow();
    QVERIFY(panel->checkResult());
    QVERIFY(panel->checkResult()->decision != core::Decision::Allowed);
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("simulationCheckVerdictLabel"))
                ->text()
                .contains(QStringLiteral("s3:GetObject")));
    // The effective permissions list the one action, as Write.
    auto *permissions = panel->findChild<QTreeWidget *>(QStringLiteral("simulationPermissionsTree"));
    QCOMPARE(permissions->topLevelItemCount(), 1);
    QCOMPARE(permissions->topLevelItem(0)->child(0)->text(0), QStringLiteral("s3:PutObject"));
}

void TestSimulationPanel::followsAnEditOfTheTrustPolicyByItself()
{
    ui::MainWindow window;
    ui::SimulationPanel *panel = openExample(window);
    window.show();
    QVERIFY(panel->result().allowed);
    // The trust policy now names another service: Lambda may no longer assume the role. No run button: the panel
    // follows the edit by itself.
    const core::Role &role = window.document()->workspace().roles.front();
    core::Policy trust = role.trustPolicy;
    trust.statements.front().principal->entries.front().values.values.front().value = "ec2.amazonaws.com";
    // (How fast it follows is measured by tests/bench/BenchEditor.cpp, SimulationFollowsTrustEdit.)
    QSignalSpy simulated(panel, &ui::SimulationPanel::simulated);
    window.document()->editPolicy(doc::PolicyRef { role.id, {} }, trust, QStringLiteral("Trust EC2"), {});
    QTRY_VERIFY(simulated.count() > 0);
    QVERIFY(!panel->result().allowed);
    QVERIFY2(panel->verdict().startsWith(QStringLiteral("AccessDenied")), qPrintable(panel->verdict()));
    // Undo: allowed again.
    window.document()->undoStack()->undo();
    QTRY_VERIFY(panel->result().allowed);
}

void TestSimulationPanel::boundsTheDurationByTheRolesMaximumSession()
{
    // AWS STS API Reference, AssumeRole, DurationSeconds: 900 seconds up to the role's MaxSessionDuration.
    ui::MainWindow window;
    ui::SimulationPanel *panel = openExample(window);
    QSlider *slider = panel->durationSlider();
    QCOMPARE(slider->minimum(), 900);
    QCOMPARE(slider->maximum(), 3600);
    QCOMPARE(slider->value(), 3600);
    const core::RoleId id = window.document()->workspace().roles.front().id;
    window.document()->editRole(id, QStringLiteral("Longer sessions"), doc::RoleEditCommand::Field::MaxSessionDuration,
        [](core::Role &r) { r.maxSessionDuration = 43200; });
    QCOMPARE(slider->maximum(), 43200);
    panel->setDurationSeconds(43200);
    panel->simulateNow();
    QVERIFY(panel->result().allowed);
    QCOMPARE(panel->result().hops.front().durationSeconds, 43200LL);
    // Back to one hour: the slider follows and the duration is clamped.
    window.document()->undoStack()->undo();
    QCOMPARE(slider->maximum(), 3600);
    QVERIFY(slider->value() <= 3600);
}

void TestSimulationPanel::linksTheDecidingStatementToItsEditor()
{
    ui::MainWindow window;
    ui::SimulationPanel *panel = openExample(window);
    window.show();
    auto *hops = panel->findChild<QTreeWidget *>(QStringLiteral("simulationHopsTree"));
    QTreeWidgetItem *link = nullptr;
    for (QTreeWidgetItemIterator it(hops); *it; ++it) {
        if ((*it)->text(0).startsWith(QStringLiteral("trust policy of role LambdaLogWriter")))
            link = *it;
    }
    QVERIFY(link);
    window.summaryView()->showPolicy(QStringLiteral("role"));
    Q_EMIT hops->itemActivated(link, 0);
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust relationships"));
    ui::PolicyJsonEditor *editor = window.summaryView()->currentPane()->jsonEditor();
    QVERIFY(editor->hasSelectedText());
    QVERIFY(editor->selectedText().contains(QStringLiteral("lambda.amazonaws.com")));
}

void TestSimulationPanel::eachHopOfAChainHasItsOwnTagsAndSessionPolicy()
{
    // The reach tests' chain: alice (with MFA) assumes A, whose session assumes B, which reads data-bucket.
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("chain.rdws"));
    QVERIFY(!core::saveWorkspaceFile(file.toStdString(), test::chainWorkspace("chain", "Data")).has_value());
    ui::MainWindow window;
    QString error;
    QVERIFY2(window.openFile(file, &error), qPrintable(error));
    window.showView(QStringLiteral("simulation"));
    window.show();
    ui::SimulationPanel *panel = window.simulationPanel();
    const core::Workspace &ws = window.document()->workspace();
    panel->setRole(ws.roles.front().id);
    panel->setCurrentTime(kIssued);
    panel->setPrincipal(QString::fromStdString(test::kChainAlice));
    panel->findChild<QCheckBox *>(QStringLiteral("simulationMfaCheckBox"))->setChecked(true);
    panel->setChain({ QString::fromStdString(test::kChainRoleB) });
    panel->setCheck(QStringLiteral("s3:GetObject"), QStringLiteral("arn:aws:s3:::data-bucket/k"));
    panel->simulateNow();
    QVERIFY2(panel->result().allowed, qPrintable(panel->verdict()));
    QCOMPARE(panel->result().hops.size(), std::size_t { 2 });

    // The per-hop fields are folded away; unfolded, the hop list names both hops.
    auto *toggle = panel->findChild<QToolButton *>(QStringLiteral("simulationHopToggle"));
    auto *box = panel->findChild<QWidget *>(QStringLiteral("simulationHopBox"));
    auto *hops = panel->findChild<QComboBox *>(QStringLiteral("simulationHopCombo"));
    auto *tags = panel->findChild<QLineEdit *>(QStringLiteral("simulationTagsEdit"));
    auto *policy = panel->findChild<QPlainTextEdit *>(QStringLiteral("simulationSessionPolicyEdit"));
    QVERIFY(toggle && box && hops && tags && policy);
    QVERIFY(!box->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(box->isVisible());
    QCOMPARE(hops->count(), 2);
    QCOMPARE(hops->itemText(1), QStringLiteral("2. B"));

    // A session policy typed for the first hop, without sts:AssumeRole, stops the second (IAM User Guide, "Session
    // policies").
    hops->setCurrentIndex(0);
    policy->setFocus();
    QTest::keyClicks(
        policy, R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})");
    panel->simulateNow();
    QVERIFY(!panel->result().allowed);
    QCOMPARE(panel->result().hops.size(), std::size_t { 2 });
    QCOMPARE(
        panel->result().hops.front().sessionPolicies, std::vector<std::string> { "inline session policy of hop 1" });
    QVERIFY2(panel->verdict().startsWith(QStringLiteral("AccessDenied")), qPrintable(panel->verdict()));
    QVERIFY2(toggle->text() == QStringLiteral("policy: hop 1"), qPrintable(toggle->text()));

    // The second hop's fields are its own: empty. Its session policy limits the final session.
    hops->setCurrentIndex(1);
    QVERIFY(policy->toPlainText().isEmpty());
    panel->setHopSession(0, {}, {}, {});
    panel->setHopSession(1, QStringLiteral("Team=a"), QString(),
        QStringLiteral(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket",)"
                       R"("Resource":"*"}]})"));
    panel->simulateNow();
    // B's trust policy does not allow sts:TagSession: the tags of the second hop are refused there.
    QVERIFY(!panel->result().allowed);
    QVERIFY2(panel->result().hops.back().failure->message.find("sts:TagSession") != std::string::npos,
        panel->result().hops.back().failure->message.c_str());
    panel->setHopSession(1, QString(), QString(),
        QStringLiteral(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket",)"
                       R"("Resource":"*"}]})"));
    panel->simulateNow();
    QVERIFY2(panel->result().allowed, qPrintable(panel->verdict()));
    QVERIFY(panel->checkResult());
    QCOMPARE(panel->checkResult()->decision, core::Decision::ImplicitlyDenied);
    // The effective permissions keep what the session policy allows on the role's pattern.
    auto *permissions = panel->findChild<QTreeWidget *>(QStringLiteral("simulationPermissionsTree"));
    QCOMPARE(permissions->topLevelItemCount(), 1);
    QCOMPARE(permissions->topLevelItem(0)->childCount(), 1);
    QCOMPARE(permissions->topLevelItem(0)->child(0)->text(0), QStringLiteral("s3:ListBucket"));
    QCOMPARE(permissions->topLevelItem(0)->child(0)->text(2), QStringLiteral("arn:aws:s3:::data-bucket/*"));
    // Back on the first hop, its own (now empty) fields show.
    hops->setCurrentIndex(0);
    QVERIFY(tags->text().isEmpty());
    QVERIFY(policy->toPlainText().isEmpty());
}

void TestSimulationPanel::takesThePrincipalAndTheResourceByName()
{
    ui::MainWindow window;
    ui::SimulationPanel *panel = openPlatformTeam(window);
    auto *principal = panel->findChild<ui::EntityPicker *>(QStringLiteral("simulationPrincipalPicker"));
    QVERIFY(principal);
    // The first principal the trust policy names is the default, and the trust policy's come first in the list.
    QCOMPARE(principal->text(), QStringLiteral("arn:aws:iam::111122223333:user/alice"));
    principal->clear();
    principal->setFocus();
    QTest::keyClick(principal, Qt::Key_Down);
    QTRY_VERIFY(principal->popup()->isVisible());
    QCOMPARE(principal->popup()->model()->index(2, 0).data(doc::EntityCompletionModel::KeyRole).toString(),
        QStringLiteral("arn:aws:iam::111122223333:user/dave"));
    QTest::keyClick(principal->popup(), Qt::Key_Escape);
    // dave by name; the trust policy wants MFA (IAM User Guide, "AWS global condition context keys",
    // aws:MultiFactorAuthPresent).
    QTest::keyClicks(principal, QStringLiteral("dave"));
    panel->findChild<QCheckBox *>(QStringLiteral("simulationMfaCheckBox"))->setChecked(true);
    panel->simulateNow();
    QVERIFY2(panel->result().allowed, qPrintable(panel->verdict()));
    QCOMPARE(QString::fromStdString(panel->result().hops.front().caller),
        QStringLiteral("arn:aws:iam::111122223333:user/dave"));
    // The resource by name as well: the session may assume the Deployer role (the Developer's ReadApp policy).
    auto *resource = panel->findChild<ui::EntityPicker *>(QStringLiteral("simulationCheckResourcePicker"));
    QVERIFY(resource);
    panel->setCheck(QStringLiteral("sts:AssumeRole"), QString());
    resource->setFocus();
    QTest::keyClicks(resource, QStringLiteral("deployer"));
    QTest::keyClick(resource, Qt::Key_Return);
    QCOMPARE(resource->text(), QStringLiteral("arn:aws:iam::111122223333:role/Deployer"));
    panel->simulateNow();
    QVERIFY(panel->checkResult());
    QCOMPARE(QString::fromStdString(panel->checkResult()->resource), resource->text());
    QCOMPARE(panel->checkResult()->decision, core::Decision::Allowed);
}

void TestSimulationPanel::asksWhichOfSeveralOfOneName()
{
    ui::MainWindow window;
    ui::SimulationPanel *panel = openPlatformTeam(window, true);
    auto *principal = panel->findChild<ui::EntityPicker *>(QStringLiteral("simulationPrincipalPicker"));
    principal->clear();
    principal->setFocus();
    QTest::keyClicks(principal, QStringLiteral("bob"));
    panel->simulateNow();
    QVERIFY(!panel->result().allowed);
    QVERIFY2(
        panel->verdict().contains(QStringLiteral("several principals are called bob")), qPrintable(panel->verdict()));
    QTest::keyClick(
        principal->popup()->isVisible() ? static_cast<QWidget *>(principal->popup()) : principal, Qt::Key_Return);
    QTRY_VERIFY(principal->popup()->isVisible());
    QCOMPARE(principal->popup()->model()->rowCount(), 2);
}

QTEST_MAIN(TestSimulationPanel)
#include "TestSimulationPanel.moc"
