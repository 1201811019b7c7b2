// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "ThousandRoleAccount.h"
#include "document/EntityCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

#include <memory>

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

/// A workspace browser over a document of its own, as the main window has them.
struct Fixture {
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser { &document };
    /// Why the last open() failed.
    QString error;

    bool open(const QString &path) { return document.load(path, &error); }
    /// Shows the browser and waits until it is the active window.
    bool show()
    {
        browser.show();
        return QTest::qWaitForWindowActive(&browser);
    }
    QAction *action(const char *name) const
    {
        auto *found = browser.findChild<QAction *>(QLatin1String(name));
        if (!found)
            qWarning("no action %s", name);
        return found;
    }
    /// The names under a section as the tree shows them (sorted, filtered).
    QStringList shownNames(EntityKind kind) const
    {
        QSortFilterProxyModel *proxy = browser.filterModel();
        const QModelIndex section = proxy->mapFromSource(browser.model()->sectionIndex(kind));
        QStringList names;
        for (int row = 0; row < proxy->rowCount(section); ++row)
            names << proxy->index(row, 0, section).data().toString();
        return names;
    }
};

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

// Answers the next question about references (`referencesMessageBox`): agrees or cancels, and keeps its text and
// informative text in `shown`. Waits for the box (a rename asks once the inline editor has closed).
void answerReferencesQuestion(bool agree, QString *shown)
{
    auto *timer = new QTimer(qApp);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, tries, agree, shown] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QStringLiteral("referencesMessageBox")) {
            if (++*tries > 500)
                timer->deleteLater();
            return;
        }
        timer->stop();
        timer->deleteLater();
        *shown = box->text() + QLatin1Char('\n') + box->informativeText();
        if (agree)
            box->findChild<QPushButton *>(QStringLiteral("confirmReferencesButton"))->click();
        else
            box->button(QMessageBox::Cancel)->click();
    });
    timer->start(10);
}

const core::User &userNamed(const core::Workspace &ws, const std::string &name)
{
    return *std::find_if(ws.users.begin(), ws.users.end(), [&](const core::User &u) { return u.name == name; });
}

const core::Role &roleNamed(const core::Workspace &ws, const std::string &name)
{
    return *std::find_if(ws.roles.begin(), ws.roles.end(), [&](const core::Role &r) { return r.name == name; });
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
    void deletingAReferencedEntityAsksAndUpdatesTheReferencesInOneStep();
    void renamingAReferencedRoleInPlaceAsksAndRewritesTheTrustPolicies();
    void returnOpensTheCurrentEntity();
    void filterShowsMatchesAndCtrlFFocusesIt();
    void selectRoleFromOutside();
    void aLargeAccountShowsEveryRoleAndFiltersToOne();
    void anotherWorkspaceIsNotFilteredByTheLastOnesFilter();
};

void TestWorkspaceBrowser::showsRolesAndMakesTheFirstCurrent()
{
    Fixture f;
    QSignalSpy activated(&f.browser, &ui::WorkspaceBrowser::roleActivated);
    QVERIFY2(f.open(example("needs-review.rdws")), qPrintable(f.error));

    auto *tree = f.browser.findChild<QTreeView *>(QStringLiteral("workspaceTree"));
    QVERIFY(tree);
    QVERIFY(tree->uniformRowHeights());
    auto *filter = f.browser.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"));
    QVERIFY(filter);
    QCOMPARE(filter->placeholderText(), QStringLiteral("Filter"));
    const QModelIndex roles = f.browser.filterModel()->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Role));
    QVERIFY(tree->isExpanded(roles));
    QCOMPARE(roles.data().toString(), QStringLiteral("Roles (2)"));
    QCOMPARE(
        f.shownNames(EntityKind::Role), (QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") }));
    QCOMPARE(f.browser.currentRole(), f.document.workspace().roles.front().id);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<core::RoleId>(), f.document.workspace().roles.front().id);
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
    Fixture f;
    QVERIFY2(f.open(gaadAccount()), qPrintable(f.error));
    f.document.undoStack()->push(doc::EntityCommand::add(&f.document,
        core::Resource { {}, "arn:aws:s3:::my-log-bucket", "AWS::S3::Bucket", "123456789012", "my-log-bucket",
            {} }).release());
    QSortFilterProxyModel *proxy = f.browser.filterModel();
    const QModelIndex sectionIndex = proxy->mapFromSource(f.browser.model()->sectionIndex(kind));
    const QModelIndex row = section ? sectionIndex : proxy->index(0, 0, sectionIndex);
    QVERIFY(row.isValid());
    QStringList names;
    for (const QAction *action : f.browser.contextActions(row))
        names << action->objectName();
    QCOMPARE(names, actions);
}

void TestWorkspaceBrowser::duplicateAndDeleteActionsGoThroughUndo()
{
    Fixture f;
    QVERIFY2(f.open(gaadAccount()), qPrintable(f.error));
    QSignalSpy entityActivated(&f.browser, &ui::WorkspaceBrowser::entityActivated);
    const core::User carol = f.document.workspace().users.front();
    QVERIFY(f.browser.selectEntity(EntityKind::User, carol.id.value));
    QCOMPARE(entityActivated.count(), 1);
    QCOMPARE(entityActivated.at(0).at(0).value<EntityKind>(), EntityKind::User);
    QCOMPARE(entityActivated.at(0).at(1).value<quint64>(), quint64(carol.id.value));

    QAction *duplicate = f.action("browserDuplicateAction");
    QVERIFY(duplicate && duplicate->isEnabled());
    duplicate->trigger();
    QCOMPARE(f.shownNames(EntityKind::User), (QStringList { QStringLiteral("carol"), QStringLiteral("carol-copy") }));
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Duplicate user carol as carol-copy"));
    QCOMPARE(f.browser.currentKind(), EntityKind::User);
    QCOMPARE(
        f.document.workspace().user(core::UserId { f.browser.currentEntityId() })->name, std::string("carol-copy"));
    QCOMPARE(f.document.workspace().users.back().arn, std::string("arn:aws:iam::123456789012:user/carol-copy"));

    QAction *remove = f.action("browserDeleteAction");
    QVERIFY(remove && remove->isEnabled());
    remove->trigger();
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Delete user carol-copy"));
    QCOMPARE(f.shownNames(EntityKind::User), QStringList { QStringLiteral("carol") });
    f.document.undoStack()->undo();
    QCOMPARE(f.shownNames(EntityKind::User), (QStringList { QStringLiteral("carol"), QStringLiteral("carol-copy") }));

    // On a section nothing can be deleted, renamed or copied.
    f.browser.treeView()->setCurrentIndex(
        f.browser.filterModel()->mapFromSource(f.browser.model()->sectionIndex(EntityKind::User)));
    QVERIFY(!remove->isEnabled());
    QVERIFY(!f.action("browserRenameAction")->isEnabled());
    QVERIFY(!duplicate->isEnabled());
    const int steps = f.document.undoStack()->count();
    remove->trigger();
    QCOMPARE(f.document.undoStack()->count(), steps);
}

void TestWorkspaceBrowser::newRoleAsksTheMainWindow()
{
    Fixture f;
    QSignalSpy requested(&f.browser, &ui::WorkspaceBrowser::newRoleRequested);
    // An empty workspace has no account yet: users, groups and policies wait for one; roles bring theirs.
    QVERIFY(f.action("browserNewRoleAction")->isEnabled());
    QVERIFY(!f.action("browserNewUserAction")->isEnabled());
    f.action("browserNewRoleAction")->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(f.document.undoStack()->count(), 0);
}

void TestWorkspaceBrowser::newUserAsksForAName()
{
    Fixture f;
    QVERIFY2(f.open(example("lambda-logging.rdws")), qPrintable(f.error));
    QAction *newUser = f.action("browserNewUserAction");
    QVERIFY(newUser->isEnabled());
    answerNameDialog(QStringLiteral("dave"));
    newUser->trigger();
    QCOMPARE(f.document.workspace().users.size(), std::size_t(1));
    QCOMPARE(f.document.workspace().users.front().arn, std::string("arn:aws:iam::111122223333:user/dave"));
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Add user dave"));
    QCOMPARE(f.browser.currentKind(), EntityKind::User);
    QCOMPARE(f.browser.currentEntityId(), quint64(f.document.workspace().users.front().id.value));

    answerNameDialog(QStringLiteral("Deploy"));
    f.action("browserNewPolicyAction")->trigger();
    QCOMPARE(f.document.workspace().policies.size(), std::size_t(1));
    QCOMPARE(f.document.workspace().policies.front().arn, std::string("arn:aws:iam::111122223333:policy/Deploy"));
    QCOMPARE(f.shownNames(EntityKind::Policy), QStringList { QStringLiteral("Deploy") });
}

void TestWorkspaceBrowser::refusedNamesAreExplainedAndChangeNothing()
{
    Fixture f;
    QSignalSpy messages(&f.browser, &ui::WorkspaceBrowser::messageShown);
    QVERIFY2(f.open(gaadAccount()), qPrintable(f.error));

    answerNameDialog(QStringLiteral("bad name"));
    f.action("browserNewGroupAction")->trigger();
    QCOMPARE(f.document.undoStack()->count(), 0);
    QCOMPARE(messages.count(), 1);
    QVERIFY2(f.browser.message().contains(QStringLiteral("not a valid group name")), qPrintable(f.browser.message()));
    QVERIFY(!f.browser.findChild<QLabel *>(QStringLiteral("browserMessageLabel"))->isHidden());

    // IAM names are unique per account whatever their letter case.
    QCOMPARE(f.browser.addNewEntity(EntityKind::Group, QStringLiteral("ADMINS")), quint64(0));
    QVERIFY(f.browser.message().contains(QStringLiteral("already exists")));
    QCOMPARE(f.document.undoStack()->count(), 0);

    // AWS managed policies keep AWS's names.
    core::ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    f.document.undoStack()->push(doc::EntityCommand::add(&f.document, readOnly).release());
    QVERIFY(f.browser.selectEntity(EntityKind::Policy, f.document.workspace().policies.back().id.value));
    QAction *rename = f.action("browserRenameAction");
    QVERIFY(!rename->isEnabled());
    f.browser.renameCurrent();
    QVERIFY(f.browser.message().contains(QStringLiteral("AWS names its managed policies")));
    // ...but a copy is the user's own.
    QVERIFY(f.action("browserDuplicateAction")->isEnabled());
    f.action("browserDuplicateAction")->trigger();
    QCOMPARE(f.document.workspace().policies.back().arn,
        std::string("arn:aws:iam::123456789012:policy/ReadOnlyAccess-copy"));
    QVERIFY(f.browser.message().isEmpty());
}

void TestWorkspaceBrowser::f2RenamesInPlace()
{
    Fixture f;
    QVERIFY2(f.open(example("lambda-logging.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    QTreeView *tree = f.browser.treeView();
    tree->setFocus();
    const core::RoleId id = f.document.workspace().roles.front().id;
    QCOMPARE(f.browser.currentRole(), id);

    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>(QStringLiteral("entityNameEditor"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());
    QCOMPARE(editor->text(), QStringLiteral("LambdaLogWriter"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("LogShipper"));
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    QTRY_COMPARE(f.document.workspace().role(id)->name, std::string("LogShipper"));
    QCOMPARE(
        f.document.workspace().role(id)->arn, std::string("arn:aws:iam::111122223333:role/service-role/LogShipper"));
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Rename role LambdaLogWriter to LogShipper"));
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("LogShipper") });
    QCOMPARE(f.browser.currentRole(), id);
    f.document.undoStack()->undo();
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("LambdaLogWriter") });
}

void TestWorkspaceBrowser::f2WithAnInvalidNameChangesNothing()
{
    Fixture f;
    QVERIFY2(f.open(example("needs-review.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    QTreeView *tree = f.browser.treeView();
    tree->setFocus();

    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>(QStringLiteral("entityNameEditor"));
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Ci Deploy!"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!f.browser.message().isEmpty());
    QCOMPARE(f.document.undoStack()->count(), 0);
    QCOMPARE(f.document.workspace().roles.front().name, std::string("CiDeploy"));
    QVERIFY2(f.browser.message().contains(QStringLiteral("not a valid role name")), qPrintable(f.browser.message()));
}

void TestWorkspaceBrowser::deleteKeyDeletesAndUndoRestoresTheRole()
{
    Fixture f;
    QVERIFY2(f.open(example("needs-review.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    const core::Workspace before = f.document.workspace();
    const core::RoleId ci = before.roles.front().id;
    QVERIFY(f.browser.selectRole(ci));
    f.browser.treeView()->setFocus();
    QSignalSpy activated(&f.browser, &ui::WorkspaceBrowser::roleActivated);

    QTest::keyClick(f.browser.treeView(), Qt::Key_Delete);
    QVERIFY(!f.document.workspace().role(ci));
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Delete role CiDeploy"));
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("PartnerAudit") });
    // The neighbour becomes current.
    QCOMPARE(f.browser.currentRole(), before.roles.back().id);
    QCOMPARE(activated.count(), 1);

    f.document.undoStack()->undo();
    QVERIFY(f.document.workspace() == before);
    QCOMPARE(
        f.shownNames(EntityKind::Role), (QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") }));
    QVERIFY(f.browser.selectRole(ci));
}

void TestWorkspaceBrowser::deletingAReferencedEntityAsksAndUpdatesTheReferencesInOneStep()
{
    // platform-team.rdws: alice, bob and dave are in the group developers; the role Developer trusts all three.
    Fixture f;
    QVERIFY2(f.open(example("platform-team.rdws")), qPrintable(f.error));
    const core::Workspace before = f.document.workspace();
    const core::Group developers = *std::find_if(
        before.groups.begin(), before.groups.end(), [](const core::Group &g) { return g.name == "developers"; });
    QVERIFY(f.browser.selectEntity(EntityKind::Group, developers.id.value));
    QAction *remove = f.action("browserDeleteAction");

    // Cancelled: nothing changes.
    QString shown;
    answerReferencesQuestion(false, &shown);
    remove->trigger();
    QVERIFY2(shown.contains(QStringLiteral("The group developers is named in 3 places")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("user alice: groups")), qPrintable(shown));
    QCOMPARE(f.document.undoStack()->count(), 0);
    QVERIFY(f.document.workspace() == before);

    // Agreed: the group goes and its users leave it, in one step.
    answerReferencesQuestion(true, &shown);
    remove->trigger();
    QCOMPARE(f.document.undoStack()->count(), 1);
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Delete group developers"));
    QVERIFY(!f.document.workspace().group(developers.id));
    QCOMPARE(userNamed(f.document.workspace(), "alice").groupNames, std::vector<std::string>());
    QCOMPARE(userNamed(f.document.workspace(), "dave").groupNames, std::vector<std::string> { "admins" });
    QCOMPARE(f.shownNames(EntityKind::Group), QStringList { QStringLiteral("admins") });
    const core::Workspace deleted = f.document.workspace();
    f.document.undoStack()->undo();
    QVERIFY(f.document.workspace() == before);
    QCOMPARE(f.shownNames(EntityKind::Group), (QStringList { QStringLiteral("admins"), QStringLiteral("developers") }));
    f.document.undoStack()->redo();
    QVERIFY(f.document.workspace() == deleted);

    // A user named in a trust policy: the question says what AWS does with a deleted principal.
    f.document.undoStack()->undo();
    QVERIFY(f.browser.selectEntity(EntityKind::User, userNamed(before, "alice").id.value));
    answerReferencesQuestion(true, &shown);
    remove->trigger();
    QVERIFY2(
        shown.contains(QStringLiteral("role Developer: trust policy, statement 1 (Developers)")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("unique ID")), qPrintable(shown));
    QCOMPARE(roleNamed(f.document.workspace(), "Developer")
                 .trustPolicy.statements.front()
                 .principal->entries.front()
                 .values.values.size(),
        std::size_t { 2 });

    // Nothing names the role AppRuntime: deleted without a question.
    QVERIFY(f.browser.selectRole(roleNamed(before, "AppRuntime").id));
    const int steps = f.document.undoStack()->count();
    remove->trigger();
    QCOMPARE(f.document.undoStack()->count(), steps + 1);
    QVERIFY(!f.document.workspace().role(roleNamed(before, "AppRuntime").id));
}

void TestWorkspaceBrowser::renamingAReferencedRoleInPlaceAsksAndRewritesTheTrustPolicies()
{
    // platform-team.rdws: the role Deployer trusts the role Developer.
    Fixture f;
    QVERIFY2(f.open(example("platform-team.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    const core::Workspace before = f.document.workspace();
    const core::RoleId developer = roleNamed(before, "Developer").id;
    QVERIFY(f.browser.selectRole(developer));
    QTreeView *tree = f.browser.treeView();
    tree->setFocus();

    QString shown;
    answerReferencesQuestion(true, &shown);
    QTest::keyClick(tree, Qt::Key_F2);
    auto *editor = tree->findChild<QLineEdit *>(QStringLiteral("entityNameEditor"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->hasFocus());
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Engineer"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(f.document.workspace().role(developer)->name, std::string("Engineer"));
    QVERIFY2(shown.contains(QStringLiteral("Renaming it to Engineer also updates what names it")), qPrintable(shown));
    QVERIFY2(
        shown.contains(QStringLiteral("role Deployer: trust policy, statement 1 (Developers)")), qPrintable(shown));
    const core::Statement &trusted = roleNamed(f.document.workspace(), "Deployer").trustPolicy.statements.front();
    QCOMPARE(trusted.principal->entries.front().values.values.front().value,
        std::string("arn:aws:iam::111122223333:role/Engineer"));
    QCOMPARE(f.document.undoStack()->count(), 1);
    QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Rename role Developer to Engineer"));
    f.document.undoStack()->undo();
    QVERIFY(f.document.workspace() == before);
}

void TestWorkspaceBrowser::returnOpensTheCurrentEntity()
{
    Fixture f;
    QVERIFY2(f.open(example("lambda-logging.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    QTreeView *tree = f.browser.treeView();
    tree->setFocus();
    QSignalSpy roleOpened(&f.browser, &ui::WorkspaceBrowser::roleOpened);
    QSignalSpy entityOpened(&f.browser, &ui::WorkspaceBrowser::entityOpened);

    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(roleOpened.count(), 1);
    QCOMPARE(roleOpened.at(0).at(0).value<core::RoleId>(), f.document.workspace().roles.front().id);

    QVERIFY(f.browser.selectEntity(EntityKind::Resource, f.document.workspace().resources.front().id.value));
    QTest::keyClick(tree, Qt::Key_Enter);
    QCOMPARE(entityOpened.count(), 1);
    QCOMPARE(entityOpened.at(0).at(0).value<EntityKind>(), EntityKind::Resource);

    const QModelIndex resources =
        f.browser.filterModel()->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Resource));
    tree->setCurrentIndex(resources);
    QVERIFY(tree->isExpanded(resources));
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(!tree->isExpanded(resources));
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(tree->isExpanded(resources));
}

void TestWorkspaceBrowser::filterShowsMatchesAndCtrlFFocusesIt()
{
    Fixture f;
    QVERIFY2(f.open(example("lambda-logging.rdws")), qPrintable(f.error));
    QVERIFY(f.show());
    QTreeView *tree = f.browser.treeView();
    tree->setFocus();
    QLineEdit *filter = f.browser.filterEdit();

    QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("S3:::MY-LOG"));
    QSortFilterProxyModel *proxy = f.browser.filterModel();
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(f.shownNames(EntityKind::Resource), QStringList { QStringLiteral("my-log-bucket") });
    const QModelIndex resources = proxy->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Resource));
    QVERIFY(tree->isExpanded(resources));

    filter->clear();
    QCOMPARE(proxy->rowCount(), doc::kEntityKindCount);
    // The sections are as they were before the filter: roles open, the others closed.
    QVERIFY(tree->isExpanded(proxy->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Role))));
    QVERIFY(!tree->isExpanded(proxy->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Resource))));
}

void TestWorkspaceBrowser::selectRoleFromOutside()
{
    Fixture f;
    QVERIFY2(f.open(example("needs-review.rdws")), qPrintable(f.error));
    const core::RoleId partner = f.document.workspace().roles.back().id;
    f.browser.filterEdit()->setText(QStringLiteral("CiDeploy"));
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("CiDeploy") });
    QSignalSpy activated(&f.browser, &ui::WorkspaceBrowser::roleActivated);

    QVERIFY(f.browser.selectRole(partner));
    QVERIFY(f.browser.filterEdit()->text().isEmpty());
    QCOMPARE(f.browser.currentRole(), partner);
    QCOMPARE(activated.count(), 1);
    QVERIFY(f.browser.selectRole(partner));
    QCOMPARE(activated.count(), 1);
    QVERIFY(!f.browser.selectRole(core::RoleId { 9999 }));
    QCOMPARE(f.browser.currentRole(), partner);
}

void TestWorkspaceBrowser::aLargeAccountShowsEveryRoleAndFiltersToOne()
{
    // bench_editor's WorkspaceBrowser benchmarks measure how long showing and filtering this account take.
    std::optional<core::Workspace> ws = rd::test::makeThousandRoleAccount();
    QVERIFY(ws);
    Fixture f;
    f.browser.resize(320, 700);
    QVERIFY(f.show());
    f.document.reset(std::move(*ws));
    QCOMPARE(f.shownNames(EntityKind::Role).size(), 1000);
    QCOMPARE(f.shownNames(EntityKind::Policy).size(), 1000);
    QTest::keyClicks(f.browser.filterEdit(), QStringLiteral("Role1999"));
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("Role1999") });
    QCOMPARE(f.shownNames(EntityKind::Policy), QStringList { QStringLiteral("PolicyRole1999") });
}

void TestWorkspaceBrowser::anotherWorkspaceIsNotFilteredByTheLastOnesFilter()
{
    // A filter typed for one workspace would make the next one look empty.
    Fixture f;
    QVERIFY2(f.open(example("needs-review.rdws")), qPrintable(f.error));
    auto *filter = f.browser.findChild<QLineEdit *>(QStringLiteral("browserFilterEdit"));
    filter->setText(QStringLiteral("CiDeploy"));
    QCOMPARE(f.shownNames(EntityKind::Role), QStringList { QStringLiteral("CiDeploy") });
    QVERIFY2(f.open(example("platform-team.rdws")), qPrintable(f.error));
    QVERIFY(filter->text().isEmpty());
    QCOMPARE(f.shownNames(EntityKind::Role).size(), 6);
    QVERIFY(f.browser.currentRole().isValid());
    auto *tree = f.browser.findChild<QTreeView *>(QStringLiteral("workspaceTree"));
    QVERIFY(
        tree->isExpanded(f.browser.filterModel()->mapFromSource(f.browser.model()->sectionIndex(EntityKind::Role))));
    QVERIFY(
        !tree->isExpanded(f.browser.filterModel()->mapFromSource(f.browser.model()->sectionIndex(EntityKind::User))));
}

QTEST_MAIN(TestWorkspaceBrowser)
#include "TestWorkspaceBrowser.moc"
