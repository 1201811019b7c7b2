// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ExampleWorkspace.h"
#include "PolicyText.h"
#include "document/AccountAnalysis.h"
#include "document/EntityCompletionModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/WorkspaceFile.h"
#include "widgets/analysis/EntityPicker.h"
#include "widgets/analysis/ReachExplorer.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/shell/MainWindow.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QtTest>

using namespace rd;

class TestReachExplorer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answersWhatTheLambdaServiceReaches();
    void answersWhoReachesTheBucketAndFollowsEdits();
    void answersWithDeniesApplied();
    void saysItIsAnalysingUntilTheFirstModelIsReady();
    void listsTheDenyThatNarrowsAnAnswer();
    void saysAllActionsAndCountsManyServices();
    void completesAliceFromTheList();
    void resolvesAUniqueNameOnReturn();
    void answersForANameWithoutReturn();
    void listsTheResourcesInResourceMode();
    void takesAnArnAsTyped();
    void asksWhichOfSeveralOfOneName();
};

namespace
{

/// A role that Lambda may assume, allowed to read and write a bucket's objects but denied writing them.
core::Workspace deniedWriter()
{
    core::Workspace ws;
    ws.ensureAccount("111122223333");
    core::Role role;
    role.accountId = "111122223333";
    role.name = "Reader";
    role.arn = "arn:aws:iam::111122223333:role/Reader";
    role.trustPolicy = rd::test::policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
        R"("Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    role.inlinePolicies.push_back(core::InlinePolicy { "objects",
        rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[)"
            R"({"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::data-bucket/x"},)"
            R"({"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::data-bucket/x"}]})") });
    ws.add(std::move(role));
    return ws;
}

/// The bundled example opened in `window`, the reach explorer in front.
ui::ReachExplorer *openExample(ui::MainWindow &window)
{
    QString error;
    if (!window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error))
        qFatal("%s", qPrintable(error));
    window.showView(QStringLiteral("reach"));
    window.show();
    auto *explorer = window.findChild<ui::ReachExplorer *>();
    if (!explorer)
        qFatal("the window has no reach explorer");
    return explorer;
}

/// The platform team's example (users alice, bob..., roles, resources, external principals), with a role called bob
/// when `roleBob`, in a window with the reach explorer in front.
ui::ReachExplorer *openPlatformTeam(ui::MainWindow &window, bool roleBob = false)
{
    window.document()->reset(test::exampleWorkspace(RD_PLATFORM_WORKSPACE, roleBob));
    window.showView(QStringLiteral("reach"));
    window.show();
    // Active, so that the picker has the focus that its list needs to stay open.
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        qFatal("the window did not become active");
    auto *explorer = window.findChild<ui::ReachExplorer *>();
    if (!explorer)
        qFatal("the window has no reach explorer");
    // No question yet.
    explorer->ask(ui::ReachExplorer::Mode::WhatCan, QString());
    return explorer;
}

ui::EntityPicker *subjectPicker(ui::ReachExplorer *explorer)
{
    auto *picker = explorer->findChild<ui::EntityPicker *>(QStringLiteral("reachSubjectPicker"));
    if (!picker)
        qFatal("the reach explorer has no subject picker");
    picker->setFocus();
    return picker;
}

QStringList listedKeys(const QAbstractItemView *popup)
{
    QStringList keys;
    for (int row = 0; row < popup->model()->rowCount(); ++row)
        keys << popup->model()->index(row, 0).data(doc::EntityCompletionModel::KeyRole).toString();
    return keys;
}

const QString kAlice = QStringLiteral("arn:aws:iam::111122223333:user/alice");

} // namespace

void TestReachExplorer::answersWhatTheLambdaServiceReaches()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openExample(window);
    // lambda.amazonaws.com assumes the role (IAM User Guide, "Role chaining" counts that hop), whose policy allows
    // s3:PutObject on the bucket's objects.
    explorer->ask(ui::ReachExplorer::Mode::WhatCan, QStringLiteral("lambda.amazonaws.com"));
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QVERIFY(explorer->answerCount() >= 1);
    QTreeWidgetItem *bucket = nullptr;
    for (int i = 0; i < answers->topLevelItemCount(); ++i) {
        if (answers->topLevelItem(i)->text(1) == QLatin1String("arn:aws:s3:::my-log-bucket/*"))
            bucket = answers->topLevelItem(i);
    }
    QVERIFY(bucket);
    QVERIFY(bucket->text(2).contains(QStringLiteral("s3 Write")));
    QCOMPARE(bucket->text(3), QStringLiteral("2"));
    // The first hop's deciding statement is the trust policy's; activating it opens it in the editor.
    QTreeWidgetItem *statement = bucket->child(0)->child(0);
    QVERIFY(statement);
    QVERIFY(statement->text(0).startsWith(QStringLiteral("trust policy of role LambdaLogWriter")));
    Q_EMIT answers->itemActivated(statement, 0);
    QCOMPARE(window.summaryView()->currentPolicyTitle(), QStringLiteral("Trust relationships"));
    QVERIFY(window.summaryView()->currentPane()->jsonEditor()->hasSelectedText());
}

void TestReachExplorer::answersWhoReachesTheBucketAndFollowsEdits()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openExample(window);
    explorer->ask(ui::ReachExplorer::Mode::WhoCan, QStringLiteral("arn:aws:s3:::my-log-bucket/app.log"),
        QStringLiteral("s3:PutObject"));
    const int before = explorer->answerCount();
    QVERIFY(before >= 2); // the role itself and the Lambda service through it
    explorer->ask(ui::ReachExplorer::Mode::WhoCan, QStringLiteral("arn:aws:s3:::my-log-bucket/app.log"),
        QStringLiteral("s3:GetObject"));
    QCOMPARE(explorer->answerCount(), 0);
    // Remove the permission: nobody reaches the bucket any more, without asking again.
    explorer->ask(ui::ReachExplorer::Mode::WhoCan, QStringLiteral("arn:aws:s3:::my-log-bucket/app.log"),
        QStringLiteral("s3:PutObject"));
    const core::RoleId id = window.document()->workspace().roles.front().id;
    window.document()->editRole(id, QStringLiteral("Drop permissions"), doc::RoleEditCommand::Field::Other,
        [](core::Role &r) { r.inlinePolicies.clear(); });
    QTRY_COMPARE(explorer->answerCount(), 0);
}

void TestReachExplorer::answersWithDeniesApplied()
{
    // The explorer reads the document's analysis model, whose edges take identity Deny statements into account
    // (docs/REACHABILITY.md): the role may read the object but not write it.
    doc::WorkspaceDocument document;
    document.reset(deniedWriter());
    ui::ReachExplorer explorer(&document);
    explorer.show();
    const QString object = QStringLiteral("arn:aws:s3:::data-bucket/x");
    explorer.ask(ui::ReachExplorer::Mode::WhoCan, object, QStringLiteral("s3:GetObject"));
    QVERIFY(explorer.answerCount() >= 1); // the role, and Lambda through it
    explorer.ask(ui::ReachExplorer::Mode::WhoCan, object, QStringLiteral("s3:PutObject"));
    QCOMPARE(explorer.answerCount(), 0);
    // A Deny of reading too, added by an edit: the answer follows without asking again.
    explorer.ask(ui::ReachExplorer::Mode::WhoCan, object, QStringLiteral("s3:GetObject"));
    QVERIFY(explorer.answerCount() >= 1);
    QSignalSpy answered(&explorer, &ui::ReachExplorer::answered);
    const core::RoleId id = document.workspace().roles.front().id;
    document.editRole(id, QStringLiteral("Deny reading"), doc::RoleEditCommand::Field::Other, [](core::Role &r) {
        r.inlinePolicies.front().document.statements.push_back(rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject",)"
            R"("Resource":"arn:aws:s3:::data-bucket/x"}]})")
                                                                   .statements.front());
    });
    QTRY_VERIFY(answered.count() >= 1 && explorer.answerCount() == 0);
}

void TestReachExplorer::saysItIsAnalysingUntilTheFirstModelIsReady()
{
    doc::WorkspaceDocument document;
    QTRY_VERIFY(document.analysis()->isCurrent()); // the empty workspace's model
    ui::ReachExplorer explorer(&document);
    explorer.show();
    document.reset(deniedWriter());
    auto *summary = explorer.findChild<QLabel *>(QStringLiteral("reachSummaryLabel"));
    QVERIFY(summary);
    // The model of the new workspace is computed in the background; the explorer never waits for it when typed in.
    QVERIFY(!document.analysis()->model());
    QVERIFY(summary->text().contains(QStringLiteral("Analysing")));
    QSignalSpy answered(&explorer, &ui::ReachExplorer::answered);
    explorer.findChild<ui::EntityPicker *>(QStringLiteral("reachSubjectPicker"))
        ->setText(QStringLiteral("lambda.amazonaws.com"));
    QTRY_VERIFY(explorer.answerCount() >= 1);
    QVERIFY(answered.count() >= 1);
}

void TestReachExplorer::listsTheDenyThatNarrowsAnAnswer()
{
    // IAM User Guide, "Policy evaluation logic": a Deny of s3:PutObject under private/ covers part of the role's grant
    // on the bucket's objects: the answer stays and an "except:" row names the deny; activating it opens it.
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openExample(window);
    const core::RoleId id = window.document()->workspace().roles.front().id;
    window.document()->editRole(
        id, QStringLiteral("Deny private logs"), doc::RoleEditCommand::Field::Other, [](core::Role &r) {
            r.inlinePolicies.push_back({ "NoPrivate",
                rd::test::policyOf(
                    rd::test::policyDocument(R"({"Sid":"NoPrivate","Effect":"Deny","Action":"s3:PutObject",)"
                                             R"("Resource":"arn:aws:s3:::my-log-bucket/private/*"})")) });
        });
    explorer->ask(ui::ReachExplorer::Mode::WhatCan, QStringLiteral("lambda.amazonaws.com"));
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QTreeWidgetItem *bucket = nullptr;
    for (int i = 0; i < answers->topLevelItemCount(); ++i) {
        if (answers->topLevelItem(i)->text(1) == QLatin1String("arn:aws:s3:::my-log-bucket/*"))
            bucket = answers->topLevelItem(i);
    }
    QVERIFY(bucket);
    QTreeWidgetItem *except = bucket->child(bucket->childCount() - 1);
    QCOMPARE(except->text(0),
        QStringLiteral("except: inline policy NoPrivate of role LambdaLogWriter, statement 1 (NoPrivate)"));
    Q_EMIT answers->itemActivated(except, 0);
    QVERIFY(window.summaryView()->currentPane()->jsonEditor()->hasSelectedText());
}

void TestReachExplorer::saysAllActionsAndCountsManyServices()
{
    // `"Action": "*"` read as "* *", and a broad read-only policy as every service one by one.
    core::Workspace ws = deniedWriter();
    core::Role &role = ws.roles.front();
    role.inlinePolicies.push_back(core::InlinePolicy { "admin",
        rd::test::policyWithoutRangesOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*",)"
                                        R"("Resource":"arn:aws:s3:::everything"}]})") });
    role.inlinePolicies.push_back(core::InlinePolicy { "reader",
        rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","ec2:Describe*",)"
            R"("iam:Get*","iam:List*","lambda:Get*","lambda:List*","logs:Describe*","logs:Get*","sqs:Get*",)"
            R"("sns:Get*","kms:Describe*"],"Resource":"arn:aws:s3:::many"}]})") });
    // A wildcard in the service part spans services, but is not every action.
    role.inlinePolicies.push_back(core::InlinePolicy { "spanning",
        rd::test::policyWithoutRangesOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
                                        R"("Action":"s*:Get*","Resource":"arn:aws:s3:::spanning"}]})") });
    doc::WorkspaceDocument document;
    document.reset(std::move(ws));
    ui::ReachExplorer explorer(&document);
    explorer.show();
    explorer.ask(ui::ReachExplorer::Mode::WhatCan, QStringLiteral("arn:aws:iam::111122223333:role/Reader"));
    auto *answers = explorer.findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QTRY_VERIFY(answers->topLevelItemCount() >= 4);
    QTreeWidgetItem *everything = nullptr;
    QTreeWidgetItem *many = nullptr;
    QTreeWidgetItem *object = nullptr;
    QTreeWidgetItem *spanning = nullptr;
    for (int i = 0; i < answers->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = answers->topLevelItem(i);
        if (item->text(1) == QStringLiteral("arn:aws:s3:::everything"))
            everything = item;
        else if (item->text(1) == QStringLiteral("arn:aws:s3:::many"))
            many = item;
        else if (item->text(1) == QStringLiteral("arn:aws:s3:::data-bucket/x"))
            object = item;
        else if (item->text(1) == QStringLiteral("arn:aws:s3:::spanning"))
            spanning = item;
    }
    QVERIFY(everything && many && object && spanning);
    QCOMPARE(everything->text(2), QStringLiteral("all actions (*)"));
    QCOMPARE(spanning->text(2), QStringLiteral("s*:get*"));
    // Eight services: counted by access level (as the catalog levels their actions), each named in the tooltip.
    QVERIFY2(many->text(2).contains(QRegularExpression(QStringLiteral("^List: \\d services; Read: \\d services$"))),
        qPrintable(many->text(2)));
    QVERIFY(many->toolTip(2).contains(QStringLiteral("kms Read: kms:describe*")));
    // An answer's hops span the row once it is expanded (set then, not for every hop of thousands of answers).
    QVERIFY(many->childCount() > 0);
    many->setExpanded(true);
    QVERIFY(many->child(0)->isFirstColumnSpanned());
    // A few: by name, the levels of a service together.
    QVERIFY2(object->text(2) == QStringLiteral("s3 Read") || object->text(2) == QStringLiteral("s3 Read, Write"),
        qPrintable(object->text(2)));
}

void TestReachExplorer::completesAliceFromTheList()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window);
    ui::EntityPicker *picker = subjectPicker(explorer);
    QTest::keyClicks(picker, QStringLiteral("ali"));
    QAbstractItemView *popup = picker->popup();
    QTRY_VERIFY(popup->isVisible());
    // The user whose name starts with the text, with its kind and ARN; nothing chosen yet.
    QCOMPARE(listedKeys(popup).front(), kAlice);
    QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("alice"));
    QCOMPARE(
        popup->model()->index(0, 0).data(doc::EntityCompletionModel::KindNameRole).toString(), QStringLiteral("user"));
    QVERIFY(!popup->currentIndex().isValid());
    QSignalSpy picked(picker, &ui::EntityPicker::picked);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(picker->text(), kAlice);
    QCOMPARE(picked.count(), 1);
    QVERIFY(!popup->isVisible());
    // And the explorer answers for her.
    QTRY_VERIFY(explorer->answerCount() > 0);
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QCOMPARE(answers->topLevelItem(0)->text(0), kAlice);
    // Down on the chosen one shows the whole list, that one current (as a combo box's list does).
    QTest::keyClick(picker, Qt::Key_Down);
    QTRY_VERIFY(popup->isVisible());
    QVERIFY(popup->model()->rowCount() > 10);
    QCOMPARE(popup->currentIndex().data(doc::EntityCompletionModel::KeyRole).toString(), kAlice);
    QTest::keyClick(popup, Qt::Key_Escape);
    QCOMPARE(picker->text(), kAlice);
}

void TestReachExplorer::resolvesAUniqueNameOnReturn()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window);
    ui::EntityPicker *picker = subjectPicker(explorer);
    QSignalSpy picked(picker, &ui::EntityPicker::picked);
    // IAM API Reference, CreateUser, UserName: names are not distinguished by case.
    QTest::keyClicks(picker, QStringLiteral("Alice"));
    QTest::keyClick(picker, Qt::Key_Return);
    QCOMPARE(picker->text(), kAlice);
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.front().front().toString(), kAlice);
    // A part of a name stays as typed: nothing is guessed.
    picker->clear();
    QTest::keyClicks(picker, QStringLiteral("alic"));
    QTest::keyClick(picker, Qt::Key_Return);
    QCOMPARE(picker->text(), QStringLiteral("alic"));
    QCOMPARE(picked.count(), 1);
    explorer->answerNow();
    QVERIFY2(explorer->findChild<QLabel *>(QStringLiteral("reachSummaryLabel"))
                 ->text()
                 .startsWith(QStringLiteral("No principal is called alic")),
        qPrintable(explorer->findChild<QLabel *>(QStringLiteral("reachSummaryLabel"))->text()));
}

void TestReachExplorer::answersForANameWithoutReturn()
{
    // Typing `alice` asks about the user alice: what she reaches through Developer (IAM User Guide, "Role chaining").
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window);
    ui::EntityPicker *picker = subjectPicker(explorer);
    QTest::keyClicks(picker, QStringLiteral("alice"));
    QTRY_VERIFY(explorer->answerCount() > 0);
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QCOMPARE(answers->topLevelItem(0)->text(0), kAlice);
    QStringList resources;
    for (int i = 0; i < answers->topLevelItemCount(); ++i)
        resources << answers->topLevelItem(i)->text(1);
    QVERIFY2(resources.contains(QStringLiteral("arn:aws:iam::111122223333:role/Developer")),
        qPrintable(resources.join(QLatin1Char(' '))));
    QCOMPARE(picker->text(), QStringLiteral("alice"));
}

void TestReachExplorer::listsTheResourcesInResourceMode()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window);
    explorer->findChild<QComboBox *>(QStringLiteral("reachModeCombo"))->setCurrentIndex(1);
    ui::EntityPicker *picker = subjectPicker(explorer);
    // Down opens the whole list: the workspace's resources, then what else a question can be about.
    QTest::keyClick(picker, Qt::Key_Down);
    QAbstractItemView *popup = picker->popup();
    QTRY_VERIFY(popup->isVisible());
    const QStringList listed = listedKeys(popup);
    for (const QString &resource : { QStringLiteral("arn:aws:s3:::example-artifacts"),
             QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"),
             QStringLiteral("arn:aws:sqs:eu-west-1:111122223333:jobs"),
             QStringLiteral("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
             QStringLiteral("arn:aws:iam::111122223333:role/Deployer") })
        QVERIFY2(listed.contains(resource), qPrintable(resource));
    QVERIFY(!listed.contains(QStringLiteral("lambda.amazonaws.com")));
    QTest::keyClick(popup, Qt::Key_Escape);
    QVERIFY(!popup->isVisible());
    // A resource by name: who reaches the orders table.
    QTest::keyClicks(picker, QStringLiteral("orders"));
    QTest::keyClick(picker, Qt::Key_Return);
    QCOMPARE(picker->text(), QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"));
    QTRY_VERIFY(explorer->answerCount() > 0);
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QStringList principals;
    for (int i = 0; i < answers->topLevelItemCount(); ++i)
        principals << answers->topLevelItem(i)->text(0);
    QVERIFY2(principals.contains(QStringLiteral("arn:aws:iam::111122223333:role/DataReader")),
        qPrintable(principals.join(QLatin1Char(' '))));
}

void TestReachExplorer::takesAnArnAsTyped()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window);
    explorer->findChild<QComboBox *>(QStringLiteral("reachModeCombo"))->setCurrentIndex(1);
    ui::EntityPicker *picker = subjectPicker(explorer);
    // An object of the bucket: no entry of the list, asked about as it is.
    const QString object = QStringLiteral("arn:aws:s3:::example-artifacts/builds/app.zip");
    QSignalSpy picked(picker, &ui::EntityPicker::picked);
    QTest::keyClicks(picker, object);
    QTest::keyClick(picker, Qt::Key_Return);
    QCOMPARE(picker->text(), object);
    QCOMPARE(picked.count(), 1);
    QCOMPARE(picked.front().front().toString(), object);
    QTRY_VERIFY(explorer->answerCount() > 0);
    auto *answers = explorer->findChild<QTreeWidget *>(QStringLiteral("reachAnswersTree"));
    QVERIFY(answers->topLevelItem(0)->text(1).startsWith(QStringLiteral("arn:aws:s3:::example-artifacts")));
}

void TestReachExplorer::asksWhichOfSeveralOfOneName()
{
    ui::MainWindow window;
    ui::ReachExplorer *explorer = openPlatformTeam(window, true);
    ui::EntityPicker *picker = subjectPicker(explorer);
    QTest::keyClicks(picker, QStringLiteral("bob"));
    QAbstractItemView *popup = picker->popup();
    QTRY_VERIFY(popup->isVisible());
    // With the list open, keys go to the list, which hands those it does not use to the field.
    QTest::keyClick(popup, Qt::Key_Return);
    // Not a guess: the text stays, the list shows the two to choose from, and the explorer says why it waits.
    QCOMPARE(picker->text(), QStringLiteral("bob"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(listedKeys(popup),
        QStringList({ QStringLiteral("arn:aws:iam::111122223333:user/bob"),
            QStringLiteral("arn:aws:iam::111122223333:role/bob") }));
    explorer->answerNow();
    QCOMPARE(explorer->answerCount(), 0);
    QVERIFY(explorer->findChild<QLabel *>(QStringLiteral("reachSummaryLabel"))
                ->text()
                .startsWith(QStringLiteral("Several principals are called bob")));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(picker->text(), QStringLiteral("arn:aws:iam::111122223333:role/bob"));
}

QTEST_MAIN(TestReachExplorer)

#include "TestReachExplorer.moc"
