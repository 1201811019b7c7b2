// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "document/EntityCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"
#include "rd/core/workspace/RoleTemplate.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace rd;
using doc::EntityKind;
using Model = doc::WorkspaceTreeModel;

namespace
{

QString example(const char *name)
{
    return QStringLiteral(RD_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
}

QString gaadAccount()
{
    return QString::fromStdString(rd::test::testDataPath("gaad/small-account.json"));
}

QAction *action(ui::WorkspaceBrowser &browser, const char *name)
{
    auto *found = browser.findChild<QAction *>(QLatin1String(name));
    if (!found)
        qWarning("no action %s", name);
    return found;
}

// The names under a section as the tree shows them (sorted, filtered).
QStringList shownNames(ui::WorkspaceBrowser &browser, EntityKind kind)
{
    QSortFilterProxyModel *proxy = browser.filterModel();
    const QModelIndex section = proxy->mapFromSource(browser.model()->sectionIndex(kind));
    QStringList names;
    for (int row = 0; row < proxy->rowCount(section); ++row)
        names << proxy->index(row, 0, section).data().toString();
    return names;
}

// Answers the next modal name dialog with `name`, typed into its line edit.
void answerNameDialog(const QString &name)
{
    QTimer::singleShot(0, qApp, [name] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("entityNameDialog"))
            return;
        auto *edit = dialog->findChild<QLineEdit *>();
        QTest::keyClicks(edit, name);
        QTest::keyClick(edit, Qt::Key_Return);
    });
}

} // namespace

class TestWorkspaceBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsRolesAndMakesTheFirstCurrent();
    void contextMenuOffersWhatFitsTheRow_data();
    void contextMenuOffersWhatFitsTheRow();
    void duplicateAndDeleteActionsGoThroughUndo();
    void newRoleAsksTheMainWindow();
    void newUserAsksForAName();
    void refusedNamesAreExplainedAndChangeNothing();
    void f2RenamesInPlace();
    void f2WithAnInvalidNameChangesNothing();
    void deleteKeyDeletesAndUndoRestoresTheRole();
    void returnOpensTheCurrentEntity();
    void filterShowsMatchesAndCtrlFFocusesIt();
    void selectRoleFromOutside();
    void largeWorkspaceShowsQuickly();
};

void TestWorkspaceBrowser::showsRolesAndMakesTheFirstCurrent()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QSignalSpy activated(&browser, &ui::WorkspaceBrowser::roleActivated);
    QString error;
    QVERIFY(document.load(example("needs-review.rdws"), &error));

    auto *tree = browser.findChild<QTreeView *>(QStringLiteral("workspaceTree"));
    QVERIFY(tree);
    QVERIFY(tree->uniformRowHeights());
    auto *filter = browser.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"));
    QVERIFY(filter);
    QCOMPARE(filter->placeholderText(), QStringLiteral("Filter"));
    const QModelIndex roles = browser.filterModel()->mapFromSource(browser.model()->sectionIndex(EntityKind::Role));
    QVERIFY(tree->isExpanded(roles));
    QCOMPARE(roles.data().toString(), QStringLiteral("Roles (2)"));
    QCOMPARE(shownNames(browser, EntityKind::Role),
        (QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") }));
    QCOMPARE(browser.currentRole(), document.workspace().roles.front().id);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<core::RoleId>(), document.workspace().roles.front().id);
}

void TestWorkspaceBrowser::contextMenuOffersWhatFitsTheRow_data()
{
    QTest::addColumn<EntityKind>("kind");
    QTest::addColumn<bool>("section");
    QTest::addColumn<QStringList>("actions");
    const QString open = QStringLiteral("browserOpenAction");
    const QString rename = QStringLiteral("browserRenameAction");
    const QString duplicate = QStringLiteral("browserDuplicateAction");
    const QString remove = QStringLiteral("browserDeleteAction");
    const QString newRole = QStringLiteral("browserNewRoleAction");
    const QString newUser = QStringLiteral("browserNewUserAction");
    const QString newGroup = QStringLiteral("browserNewGroupAction");
    const QString newPolicy = QStringLiteral("browserNewPolicyAction");
    QTest::newRow("a role can be opened, renamed, copied and deleted, and has roles beside it")
        << EntityKind::Role << false << QStringList { open, rename, duplicate, remove, newRole };
    QTest::newRow("a user has users beside it")
        << EntityKind::User << false << QStringList { open, rename, duplicate, remove, newUser };
    QTest::newRow("a resource has nothing made beside it by name")
        << EntityKind::Resource << false << QStringList { open, rename, duplicate, remove };
    QTest::newRow("an account can be opened and anything made in it")
        << EntityKind::Account << false << QStringList { open, newRole, newUser, newGroup, newPolicy };
    QTest::newRow("the Roles section makes roles") << EntityKind::Role << true << QStringList { newRole };
    QTest::newRow("the Policies section makes policies") << EntityKind::Policy << true << QStringList { newPolicy };
    QTest::newRow("the External principals section has no menu")
        << EntityKind::ExternalPrincipal << true << QStringList {};
}

void TestWorkspaceBrowser::contextMenuOffersWhatFitsTheRow()
{
    QFETCH(EntityKind, kind);
    QFETCH(bool, section);
    QFETCH(QStringList, actions);
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(gaadAccount(), &error));
    document.undoStack()->push(doc::EntityCommand::add(&document,
        core::Resource { {}, "arn:aws:s3:::my-log-bucket", "AWS::S3::Bucket", "123456789012", "my-log-bucket",
            {} }).release());
    QSortFilterProxyModel *proxy = browser.filterModel();
    const QModelIndex sectionIndex = proxy->mapFromSource(browser.model()->sectionIndex(kind));
    const QModelIndex row = section ? sectionIndex : proxy->index(0, 0, sectionIndex);
    QVERIFY(row.isValid());
    QStringList names;
    for (const QAction *action : browser.contextActions(row))
        names << action->objectName();
    QCOMPARE(names, actions);
}

void TestWorkspaceBrowser::duplicateAndDeleteActionsGoThroughUndo()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(gaadAccount(), &error));
    QSignalSpy entityActivated(&browser, &ui::WorkspaceBrowser::entityActivated);
    const core::User carol = document.workspace().users.front();
    QVERIFY(browser.selectEntity(EntityKind::User, carol.id.value));
    QCOMPARE(entityActivated.count(), 1);
    QCOMPARE(entityActivated.at(0).at(0).value<EntityKind>(), EntityKind::User);
    QCOMPARE(entityActivated.at(0).at(1).value<quint64>(), quint64(carol.id.value));

    QAction *duplicate = action(browser, "browserDuplicateAction");
    QVERIFY(duplicate && duplicate->isEnabled());
    duplicate->trigger();
    QCOMPARE(
        shownNames(browser, EntityKind::User), (QStringList { QStringLiteral("carol"), QStringLiteral("carol-copy") }));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Duplicate user carol as carol-copy"));
    QCOMPARE(browser.currentKind(), EntityKind::User);
    QCOMPARE(document.workspace().user(core::UserId { browser.currentEntityId() })->name, std::string("carol-copy"));
    QCOMPARE(document.workspace().users.back().arn, std::string("arn:aws:iam::123456789012:user/carol-copy"));

    QAction *remove = action(browser, "browserDeleteAction");
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete user carol-copy"));
    QCOMPARE(shownNames(browser, EntityKind::User), QStringList { QStringLiteral("carol") });
    document.undoStack()->undo();
    QCOMPARE(
        shownNames(browser, EntityKind::User), (QStringList { QStringLiteral("carol"), QStringLiteral("carol-copy") }));

    // On a section nothing can be deleted, renamed or copied.
    browser.treeView()->setCurrentIndex(
        browser.filterModel()->mapFromSource(browser.model()->sectionIndex(EntityKind::User)));
    QVERIFY(!remove->isEnabled());
    QVERIFY(!action(browser, "browserRenameAction")->isEnabled());
    QVERIFY(!duplicate->isEnabled());
    const int steps = document.undoStack()->count();
    remove->trigger();
    QCOMPARE(document.undoStack()->count(), steps);
}

void TestWorkspaceBrowser::newRoleAsksTheMainWindow()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QSignalSpy requested(&browser, &ui::WorkspaceBrowser::newRoleRequested);
    // An empty workspace has no account yet: users, groups and policies wait for one; roles bring theirs.
    QVERIFY(action(browser, "browserNewRoleAction")->isEnabled());
    QVERIFY(!action(browser, "browserNewUserAction")->isEnabled());
    action(browser, "browserNewRoleAction")->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestWorkspaceBrowser::newUserAsksForAName()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("lambda-logging.rdws"), &error));
    QAction *newUser = action(browser, "browserNewUserAction");
    QVERIFY(newUser->isEnabled());
    answerNameDialog(QStringLiteral("dave"));
    newUser->trigger();
    QCOMPARE(document.workspace().users.size(), std::size_t(1));
    QCOMPARE(document.workspace().users.front().arn, std::string("arn:aws:iam::111122223333:user/dave"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Add user dave"));
    QCOMPARE(browser.currentKind(), EntityKind::User);
    QCOMPARE(browser.currentEntityId(), quint64(document.workspace().users.front().id.value));

    answerNameDialog(QStringLiteral("Deploy"));
    action(browser, "browserNewPolicyAction")->trigger();
    QCOMPARE(document.workspace().policies.size(), std::size_t(1));
    QCOMPARE(document.workspace().policies.front().arn, std::string("arn:aws:iam::111122223333:policy/Deploy"));
    QCOMPARE(shownNames(browser, EntityKind::Policy), QStringList { QStringLiteral("Deploy") });
}

void TestWorkspaceBrowser::refusedNamesAreExplainedAndChangeNothing()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QSignalSpy messages(&browser, &ui::WorkspaceBrowser::messageShown);
    QString error;
    QVERIFY(document.load(gaadAccount(), &error));

    answerNameDialog(QStringLiteral("bad name"));
    action(browser, "browserNewGroupAction")->trigger();
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(browser.message().contains(QStringLiteral("not a valid group name")), qPrintable(browser.message()));
    QVERIFY(!browser.findChild<QLabel *>(QStringLiteral("browserMessageLabel"))->isHidden());

    // IAM names are unique per account whatever their letter case.
    QCOMPARE(browser.addNewEntity(EntityKind::Group, QStringLiteral("ADMINS")), quint64(0));
    QVERIFY(browser.message().contains(QStringLiteral("already exists")));
    QCOMPARE(document.undoStack()->count(), 0);

    // AWS managed policies keep AWS's names.
    core::ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    document.undoStack()->push(doc::EntityCommand::add(&document, readOnly).release());
    QVERIFY(browser.selectEntity(EntityKind::Policy, document.workspace().policies.back().id.value));
    QAction *rename = action(browser, "browserRenameAction");
    QVERIFY(!rename->isEnabled());
    browser.renameCurrent();
    QVERIFY(browser.message().contains(QStringLiteral("AWS names its managed policies")));
    // ...but a copy is the user's own.
    QVERIFY(action(browser, "browserDuplicateAction")->isEnabled());
    action(browser, "browserDuplicateAction")->trigger();
    QCOMPARE(
        document.workspace().policies.back().arn, std::string("arn:aws:iam::123456789012:policy/ReadOnlyAccess-copy"));
    QVERIFY(browser.message().isEmpty());
}

void TestWorkspaceBrowser::f2RenamesInPlace()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("lambda-logging.rdws"), &error));
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    QTreeView *tree = browser.treeView();
    tree->setFocus();
    const core::RoleId id = document.workspace().roles.front().id;
    QCOMPARE(browser.currentRole(), id);

    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>(QStringLiteral("entityNameEditor"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());
    QCOMPARE(editor->text(), QStringLiteral("LambdaLogWriter"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("LogShipper"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(document.workspace().role(id)->name, std::string("LogShipper"));
    QCOMPARE(document.workspace().role(id)->arn, std::string("arn:aws:iam::111122223333:role/service-role/LogShipper"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename role LambdaLogWriter to LogShipper"));
    QCOMPARE(shownNames(browser, EntityKind::Role), QStringList { QStringLiteral("LogShipper") });
    QCOMPARE(browser.currentRole(), id);
    document.undoStack()->undo();
    QCOMPARE(shownNames(browser, EntityKind::Role), QStringList { QStringLiteral("LambdaLogWriter") });
}

void TestWorkspaceBrowser::f2WithAnInvalidNameChangesNothing()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("needs-review.rdws"), &error));
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    QTreeView *tree = browser.treeView();
    tree->setFocus();

    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>(QStringLiteral("entityNameEditor"));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Ci Deploy!"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!browser.message().isEmpty());
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.workspace().roles.front().name, std::string("CiDeploy"));
    QVERIFY2(browser.message().contains(QStringLiteral("not a valid role name")), qPrintable(browser.message()));
}

void TestWorkspaceBrowser::deleteKeyDeletesAndUndoRestoresTheRole()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("needs-review.rdws"), &error));
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    const core::Workspace before = document.workspace();
    const core::RoleId ci = before.roles.front().id;
    QVERIFY(browser.selectRole(ci));
    browser.treeView()->setFocus();
    QSignalSpy activated(&browser, &ui::WorkspaceBrowser::roleActivated);

    QTest::keyClick(browser.treeView(), Qt::Key_Delete);
    QVERIFY(!document.workspace().role(ci));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete role CiDeploy"));
    QCOMPARE(shownNames(browser, EntityKind::Role), QStringList { QStringLiteral("PartnerAudit") });
    // The neighbour becomes current.
    QCOMPARE(browser.currentRole(), before.roles.back().id);
    QCOMPARE(activated.count(), 1);

    document.undoStack()->undo();
    QVERIFY(document.workspace() == before);
    QCOMPARE(shownNames(browser, EntityKind::Role),
        (QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") }));
    QVERIFY(browser.selectRole(ci));
}

void TestWorkspaceBrowser::returnOpensTheCurrentEntity()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("lambda-logging.rdws"), &error));
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    QTreeView *tree = browser.treeView();
    tree->setFocus();
    QSignalSpy roleOpened(&browser, &ui::WorkspaceBrowser::roleOpened);
    QSignalSpy entityOpened(&browser, &ui::WorkspaceBrowser::entityOpened);

    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(roleOpened.count(), 1);
    QCOMPARE(roleOpened.at(0).at(0).value<core::RoleId>(), document.workspace().roles.front().id);

    QVERIFY(browser.selectEntity(EntityKind::Resource, document.workspace().resources.front().id.value));
    QTest::keyClick(tree, Qt::Key_Enter);
    QCOMPARE(entityOpened.count(), 1);
    QCOMPARE(entityOpened.at(0).at(0).value<EntityKind>(), EntityKind::Resource);

    const QModelIndex resources =
        browser.filterModel()->mapFromSource(browser.model()->sectionIndex(EntityKind::Resource));
    tree->setCurrentIndex(resources);
    QVERIFY(tree->isExpanded(resources));
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(!tree->isExpanded(resources));
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(tree->isExpanded(resources));
}

void TestWorkspaceBrowser::filterShowsMatchesAndCtrlFFocusesIt()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("lambda-logging.rdws"), &error));
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    QTreeView *tree = browser.treeView();
    tree->setFocus();
    QLineEdit *filter = browser.filterEdit();

    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("S3:::MY-LOG"));
    QSortFilterProxyModel *proxy = browser.filterModel();
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(shownNames(browser, EntityKind::Resource), QStringList { QStringLiteral("my-log-bucket") });
    const QModelIndex resources = proxy->mapFromSource(browser.model()->sectionIndex(EntityKind::Resource));
    QVERIFY(tree->isExpanded(resources));

    filter->clear();
    QCOMPARE(proxy->rowCount(), doc::kEntityKindCount);
    // The sections are as they were before the filter: roles open, the others closed.
    QVERIFY(tree->isExpanded(proxy->mapFromSource(browser.model()->sectionIndex(EntityKind::Role))));
    QVERIFY(!tree->isExpanded(proxy->mapFromSource(browser.model()->sectionIndex(EntityKind::Resource))));
}

void TestWorkspaceBrowser::selectRoleFromOutside()
{
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    QString error;
    QVERIFY(document.load(example("needs-review.rdws"), &error));
    const core::RoleId partner = document.workspace().roles.back().id;
    browser.filterEdit()->setText(QStringLiteral("CiDeploy"));
    QCOMPARE(shownNames(browser, EntityKind::Role), QStringList { QStringLiteral("CiDeploy") });
    QSignalSpy activated(&browser, &ui::WorkspaceBrowser::roleActivated);

    QVERIFY(browser.selectRole(partner));
    QVERIFY(browser.filterEdit()->text().isEmpty());
    QCOMPARE(browser.currentRole(), partner);
    QCOMPARE(activated.count(), 1);
    QVERIFY(browser.selectRole(partner));
    QCOMPARE(activated.count(), 1);
    QVERIFY(!browser.selectRole(core::RoleId { 9999 }));
    QCOMPARE(browser.currentRole(), partner);
}

void TestWorkspaceBrowser::largeWorkspaceShowsQuickly()
{
    core::Workspace ws;
    ws.ensureAccount("111122223333");
    std::string reason;
    std::optional<core::Role> prototype =
        core::buildRole(*core::findRoleTemplate("lambda-s3-logs"), "111122223333", {}, reason);
    QVERIFY(prototype);
    for (int i = 0; i < 1000; ++i) {
        const std::string name = "Role" + std::to_string(1000 + i);
        ws.add(std::get<core::Role>(doc::renamedEntity(*prototype, name)));
        ws.add(std::get<core::ManagedPolicy>(*doc::newEntity(EntityKind::Policy, "111122223333", "Policy" + name)));
    }
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    browser.resize(320, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));

    QElapsedTimer timer;
    timer.start();
    document.reset(std::move(ws));
    browser.treeView()->viewport()->grab();
    const qint64 shownMs = timer.elapsed();
    timer.restart();
    QTest::keyClicks(browser.filterEdit(), QStringLiteral("Role1999"));
    browser.treeView()->viewport()->grab();
    const qint64 filterMs = timer.elapsed();
    qInfo("1,000 roles + 1,000 policies: reset to first paint %lld ms; typing an 8-letter filter and painting %lld ms",
        shownMs, filterMs);
    QCOMPARE(shownNames(browser, EntityKind::Role), QStringList { QStringLiteral("Role1999") });
    QVERIFY(shownMs < 3000);
}

QTEST_MAIN(TestWorkspaceBrowser)
#include "TestWorkspaceBrowser.moc"
