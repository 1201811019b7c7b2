// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The role editor's tags, permissions boundary and attached managed policies, driven as a user would: every gesture
// is one undo step, undo and redo bring the role back exactly, and IAM's tag rules show on the offending cell.
#include "CorpusFiles.h"
#include "document/WorkspaceDocument.h"
#include "widgets/editors/ManagedPolicyPicker.h"
#include "widgets/editors/RoleEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace rd;

namespace
{

const QString kAppLogs = QStringLiteral("arn:aws:iam::123456789012:policy/AppLogs");
const QString kLambdaBasic = QStringLiteral("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
const QString kPowerUser = QStringLiteral("arn:aws:iam::aws:policy/PowerUserAccess");

/// The small GAAD account: WebServer (tag app=web, AppLogs attached, no boundary) and ExternalAudit.
struct Fixture {
    doc::WorkspaceDocument document;
    ui::RoleEditor editor { &document };
    core::RoleId webServer;

    bool load()
    {
        QString error;
        if (!document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        for (const core::Role &role : document.workspace().roles)
            if (role.name == "WebServer")
                webServer = role.id;
        editor.setRole(webServer);
        editor.resize(700, 900);
        editor.show();
        return webServer.isValid() && QTest::qWaitForWindowExposed(&editor);
    }
    const core::Role &role() const { return *document.workspace().role(webServer); }
    QUndoStack *stack() const { return document.undoStack(); }
    template <class T> T *child(const char *name) const { return editor.findChild<T *>(QLatin1String(name)); }
};

// Types into a tag cell as a user does: open its editor, type, press Return.
bool typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    QTableWidgetItem *item = table->item(row, column);
    if (!item)
        return false;
    table->setCurrentItem(item);
    table->editItem(item);
    // The open editor; one closed a moment ago may still await deletion, hidden.
    QLineEdit *editor = nullptr;
    for (QLineEdit *candidate : table->viewport()->findChildren<QLineEdit *>())
        if (candidate->isVisible())
            editor = candidate;
    if (!editor)
        return false;
    editor->selectAll();
    QTest::keyClicks(editor, text);
    const QPointer<QLineEdit> open(editor);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits the typed text, and closes its editor, from the event loop.
    return QTest::qWaitFor([&open] { return open.isNull(); });
}

// Selects the table row whose policy has `arn` by clicking it (after scrolling it into view).
bool clickPolicyRow(QTableView *table, const QString &arn, bool withControl = false)
{
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        if (index.data(Qt::UserRole + 1).toString() != arn)
            continue;
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, withControl ? Qt::ControlModifier : Qt::NoModifier,
            table->visualRect(index).center());
        return true;
    }
    return false;
}

} // namespace

class TestRoleEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hasItsControls();
    void addsAndEditsTagsOneUndoStepEach();
    void removesTags();
    void tagKeyRules_data();
    void tagKeyRules();
    void tagValueRules_data();
    void tagValueRules();
    void showsABadTagKeyOnItsCell();
    void setsAndClearsTheBoundary();
    void refusesABoundaryThatIsNoPolicy();
    void attachesThroughThePicker();
    void attachesTheOnlyMatchWithReturn();
    void warnsAboveTheManagedPolicyQuota();
    void detachesPolicies();
};

void TestRoleEditor::hasItsControls()
{
    Fixture f;
    QVERIFY(f.load());
    for (const char *name : { "roleNameLineEdit", "rolePathLineEdit", "roleDescriptionLineEdit",
             "roleMaxSessionSpinBox", "tagsTable", "addTagButton", "removeTagButton", "boundaryCombo",
             "attachedPoliciesList", "attachPolicyButton", "detachPolicyButton" })
        QVERIFY2(f.editor.findChild<QWidget *>(QLatin1String(name)), name);
    auto *tags = f.child<QTableWidget>("tagsTable");
    QCOMPARE(tags->rowCount(), 1);
    QCOMPARE(tags->item(0, 0)->text(), QStringLiteral("app"));
    QCOMPARE(tags->item(0, 1)->text(), QStringLiteral("web"));
    auto *attached = f.child<QListWidget>("attachedPoliciesList");
    QCOMPARE(attached->count(), 1);
    QCOMPARE(attached->item(0)->data(Qt::UserRole).toString(), kAppLogs);
    QVERIFY(attached->item(0)->text().contains(QStringLiteral("customer managed")));
    QCOMPARE(f.child<QComboBox>("boundaryCombo")->currentText(), QString());
    QVERIFY(!f.child<QPushButton>("detachPolicyButton")->isEnabled());
    QVERIFY(!f.child<QPushButton>("removeTagButton")->isEnabled());

    f.editor.setRole({});
    QVERIFY(!f.editor.isEnabled());
    QCOMPARE(tags->rowCount(), 0);
    QCOMPARE(attached->count(), 0);
}

void TestRoleEditor::addsAndEditsTagsOneUndoStepEach()
{
    Fixture f;
    QVERIFY(f.load());
    const core::Role before = f.role();
    auto *tags = f.child<QTableWidget>("tagsTable");
    const int steps = f.stack()->count();

    QTest::mouseClick(f.child<QPushButton>("addTagButton"), Qt::LeftButton);
    QCOMPARE(f.stack()->count(), steps + 1);
    QCOMPARE(tags->rowCount(), 2);
    // The new key's cell is open for typing, its placeholder selected.
    auto *cellEditor = tags->viewport()->findChild<QLineEdit *>();
    QVERIFY(cellEditor);
    QTest::keyClicks(cellEditor, QStringLiteral("team"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(f.stack()->count(), steps + 2);
    QVERIFY(typeIntoCell(tags, 1, 1, QStringLiteral("platform")));
    QCOMPARE(f.stack()->count(), steps + 3);
    QVERIFY(typeIntoCell(tags, 0, 1, QStringLiteral("web-2")));
    QCOMPARE(f.stack()->count(), steps + 4);

    const std::vector<core::Tag> expected { { "app", "web-2" }, { "team", "platform" } };
    QVERIFY(f.role().tags == expected);
    const core::Role after = f.role();
    QCOMPARE(tags->item(1, 0)->text(), QStringLiteral("team"));
    QCOMPARE(tags->item(1, 1)->data(ui::RoleEditor::TagErrorRole).toString(), QString());

    for (int i = 0; i < 4; ++i)
        f.stack()->undo();
    QVERIFY(f.role() == before);
    QCOMPARE(tags->rowCount(), 1);
    QCOMPARE(tags->item(0, 1)->text(), QStringLiteral("web"));
    for (int i = 0; i < 4; ++i)
        f.stack()->redo();
    QVERIFY(f.role() == after);
    QCOMPARE(tags->rowCount(), 2);
    QCOMPARE(tags->item(1, 1)->text(), QStringLiteral("platform"));
}

void TestRoleEditor::removesTags()
{
    Fixture f;
    QVERIFY(f.load());
    const core::Role before = f.role();
    auto *tags = f.child<QTableWidget>("tagsTable");
    auto *remove = f.child<QPushButton>("removeTagButton");
    QTest::mouseClick(tags->viewport(), Qt::LeftButton, {}, tags->visualItemRect(tags->item(0, 0)).center());
    QVERIFY(remove->isEnabled());
    const int steps = f.stack()->count();
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(f.stack()->count(), steps + 1);
    QVERIFY(f.role().tags.empty());
    QCOMPARE(tags->rowCount(), 0);
    f.stack()->undo();
    QVERIFY(f.role() == before);
    QCOMPARE(tags->rowCount(), 1);
}

void TestRoleEditor::tagKeyRules_data()
{
    // IAM User Guide, "Tagging IAM resources" (naming rules); IAM API Reference, Tag data type.
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error");
    QTest::newRow("a plain key is fine") << QStringLiteral("CostCenter") << QString();
    QTest::newRow("all the allowed symbols and spaces are fine") << QStringLiteral("a b_c.d:e/f=g+h-i@j") << QString();
    QTest::newRow("letters of any script are fine") << QStringLiteral("Café 部門") << QString();
    QTest::newRow("128 characters are fine") << QString(128, QLatin1Char('k')) << QString();
    QTest::newRow("an empty key is refused") << QString() << QStringLiteral("at least one character");
    QTest::newRow("129 characters are too many") << QString(129, QLatin1Char('k')) << QStringLiteral("at most 128");
    QTest::newRow("a hash is not allowed") << QStringLiteral("bad#key") << QStringLiteral("`#`");
    QTest::newRow("a comma is not allowed") << QStringLiteral("a,b") << QStringLiteral("`,`");
    QTest::newRow("an emoji is not a letter") << QStringLiteral("team\U0001F680") << QStringLiteral("`\U0001F680`");
    QTest::newRow("the aws: prefix is reserved") << QStringLiteral("aws:team") << QStringLiteral("aws: prefix");
    QTest::newRow("the aws: prefix is reserved in any case")
        << QStringLiteral("AWS:team") << QStringLiteral("aws: prefix");
    QTest::newRow("aws without a colon is an ordinary key") << QStringLiteral("awsteam") << QString();
    QTest::newRow("a key another tag has in another case is a duplicate")
        << QStringLiteral("APP") << QStringLiteral("regardless of case");
}

void TestRoleEditor::tagKeyRules()
{
    QFETCH(QString, key);
    QFETCH(QString, error);
    const QString found = ui::RoleEditor::tagKeyError(key, { QStringLiteral("app"), QStringLiteral("team") });
    if (error.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(error), qPrintable(found));
}

void TestRoleEditor::tagValueRules_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("an empty value is fine") << QString() << QString();
    QTest::newRow("256 characters are fine") << QString(256, QLatin1Char('v')) << QString();
    QTest::newRow("257 characters are too many") << QString(257, QLatin1Char('v')) << QStringLiteral("at most 256");
    // IAM User Guide, "Tagging IAM resources": "You cannot create a tag key or value that begins with the text aws:".
    QTest::newRow("a value may not begin with aws: either")
        << QStringLiteral("aws:thing") << QStringLiteral("aws: prefix");
    QTest::newRow("a value may hold aws: later on") << QStringLiteral("thing aws:") << QString();
    QTest::newRow("a semicolon is not allowed") << QStringLiteral("a;b") << QStringLiteral("`;`");
}

void TestRoleEditor::tagValueRules()
{
    QFETCH(QString, value);
    QFETCH(QString, error);
    const QString found = ui::RoleEditor::tagValueError(value);
    if (error.isEmpty())
        QCOMPARE(found, QString());
    else
        QVERIFY2(found.contains(error), qPrintable(found));
}

void TestRoleEditor::showsABadTagKeyOnItsCell()
{
    Fixture f;
    QVERIFY(f.load());
    auto *tags = f.child<QTableWidget>("tagsTable");
    auto *status = f.child<QLabel>("tagsStatusLabel");
    QVERIFY(status->text().contains(QStringLiteral("1 of 50")));

    QVERIFY(typeIntoCell(tags, 0, 0, QStringLiteral("bad#key")));
    // The edit is kept (the findings and the cell say what is wrong), and the cell shows why.
    QCOMPARE(f.role().tags.front().key, std::string("bad#key"));
    const QString error = tags->item(0, 0)->data(ui::RoleEditor::TagErrorRole).toString();
    QVERIFY2(error.contains(QStringLiteral("`#`")), qPrintable(error));
    QCOMPARE(tags->item(0, 0)->toolTip(), error);
    QVERIFY(tags->item(0, 0)->background().color() != tags->item(0, 1)->background().color());
    QVERIFY(status->text().contains(QStringLiteral("break IAM's rules")));

    // Two keys that differ only in case: both cells say so.
    QTest::mouseClick(f.child<QPushButton>("addTagButton"), Qt::LeftButton);
    auto *newKey = tags->viewport()->findChild<QLineEdit *>();
    QVERIFY(newKey);
    QTest::keyClicks(newKey, QStringLiteral("Team"));
    QTest::keyClick(newKey, Qt::Key_Return);
    QTRY_COMPARE(f.role().tags.back().key, std::string("Team"));
    QVERIFY(typeIntoCell(tags, 0, 0, QStringLiteral("team")));
    QVERIFY(tags->item(0, 0)->data(ui::RoleEditor::TagErrorRole).toString().contains(QStringLiteral("regardless")));
    QVERIFY(tags->item(1, 0)->data(ui::RoleEditor::TagErrorRole).toString().contains(QStringLiteral("regardless")));

    // Fixing it clears both.
    QVERIFY(typeIntoCell(tags, 0, 0, QStringLiteral("owner")));
    QCOMPARE(tags->item(0, 0)->data(ui::RoleEditor::TagErrorRole).toString(), QString());
    QCOMPARE(tags->item(1, 0)->data(ui::RoleEditor::TagErrorRole).toString(), QString());
    QVERIFY(status->text().contains(QStringLiteral("2 of 50")));
}

void TestRoleEditor::setsAndClearsTheBoundary()
{
    Fixture f;
    QVERIFY(f.load());
    const core::Role before = f.role();
    auto *combo = f.child<QComboBox>("boundaryCombo");
    // The workspace's customer policy and every AWS managed policy are offered.
    QVERIFY(combo->findText(kAppLogs) >= 0);
    QVERIFY(combo->findText(kPowerUser) >= 0);
    QVERIFY(combo->count() > 1594);
    QLineEdit *line = combo->lineEdit();
    const int steps = f.stack()->count();

    // A bare name is enough: it completes to the AWS managed policy's ARN.
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("PowerUserAccess"));
    QCOMPARE(f.stack()->count(), steps);
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps + 1);
    QCOMPARE(f.role().permissionsBoundaryArn, kPowerUser.toStdString());
    QCOMPARE(combo->currentText(), kPowerUser);
    const core::Role withBoundary = f.role();

    // Emptying the field removes the boundary, in one step.
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QCOMPARE(f.stack()->count(), steps + 2);
    QCOMPARE(f.role().permissionsBoundaryArn, std::string());
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps + 2);

    // A customer policy's ARN, typed in full.
    QTest::keyClicks(line, kAppLogs);
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps + 3);
    QCOMPARE(f.role().permissionsBoundaryArn, kAppLogs.toStdString());

    f.stack()->undo();
    QVERIFY(f.role().permissionsBoundaryArn.empty());
    QCOMPARE(combo->currentText(), QString());
    f.stack()->undo();
    QVERIFY(f.role() == withBoundary);
    QCOMPARE(combo->currentText(), kPowerUser);
    f.stack()->undo();
    QVERIFY(f.role() == before);
    f.stack()->redo();
    QVERIFY(f.role() == withBoundary);
}

void TestRoleEditor::refusesABoundaryThatIsNoPolicy()
{
    Fixture f;
    QVERIFY(f.load());
    auto *combo = f.child<QComboBox>("boundaryCombo");
    auto *status = f.child<QLabel>("boundaryStatusLabel");
    QLineEdit *line = combo->lineEdit();
    const int steps = f.stack()->count();
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("NoSuchPolicyAnywhere"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps);
    QVERIFY(!status->isHidden());
    QVERIFY2(status->text().contains(QStringLiteral("NoSuchPolicyAnywhere")), qPrintable(status->text()));

    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("arn:aws:iam::123456789012:role/NotAPolicy"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps);
    QVERIFY(status->text().contains(QStringLiteral("not the ARN of a managed policy")));
    QVERIFY(f.role().permissionsBoundaryArn.empty());

    // A well-formed ARN the workspace does not know is taken, with a warning.
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("arn:aws:iam::123456789012:policy/boundaries/Elsewhere"));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(f.stack()->count(), steps + 1);
    QVERIFY(!status->isHidden());
    QVERIFY(status->text().contains(QStringLiteral("Neither")));
}

void TestRoleEditor::attachesThroughThePicker()
{
    Fixture f;
    QVERIFY(f.load());
    const core::Role before = f.role();
    const int steps = f.stack()->count();
    QTest::mouseClick(f.child<QPushButton>("attachPolicyButton"), Qt::LeftButton);
    ui::ManagedPolicyPicker *picker = f.editor.policyPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    auto *filter = picker->findChild<QLineEdit *>(QStringLiteral("managedPolicyFilterEdit"));
    auto *table = picker->findChild<QTableView *>(QStringLiteral("managedPolicyTable"));
    auto *attach = picker->findChild<QPushButton *>(QStringLiteral("managedPolicyAttachButton"));
    QVERIFY(filter && table && attach);
    QVERIFY(!attach->isEnabled());

    // The policy already attached is listed but cannot be chosen.
    QTest::keyClicks(filter, QStringLiteral("applogs"));
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(table->model()->index(0, 0).data().toString().contains(QStringLiteral("attached")));
    QVERIFY(clickPolicyRow(table, kAppLogs));
    QVERIFY(!table->selectionModel()->hasSelection());
    QVERIFY(!attach->isEnabled());

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("lambda basicexecution"));
    QVERIFY(table->model()->rowCount() >= 1);
    QVERIFY(table->model()->rowCount() < 5);
    QVERIFY(clickPolicyRow(table, kLambdaBasic));
    QCOMPARE(picker->selectedArns(), QStringList { kLambdaBasic });
    QVERIFY(attach->isEnabled());
    QCOMPARE(f.stack()->count(), steps);
    QTest::mouseClick(attach, Qt::LeftButton);
    QTRY_VERIFY(!f.editor.policyPicker());

    QCOMPARE(f.stack()->count(), steps + 1);
    QCOMPARE(
        f.role().attachedPolicyArns, (std::vector<std::string> { kAppLogs.toStdString(), kLambdaBasic.toStdString() }));
    auto *list = f.child<QListWidget>("attachedPoliciesList");
    QCOMPARE(list->count(), 2);
    QVERIFY(list->item(1)->text().contains(QStringLiteral("AWSLambdaBasicExecutionRole (AWS managed)")));
    const core::Role after = f.role();
    f.stack()->undo();
    QVERIFY(f.role() == before);
    QCOMPARE(list->count(), 1);
    f.stack()->redo();
    QVERIFY(f.role() == after);

    // Cancel attaches nothing.
    QTest::mouseClick(f.child<QPushButton>("attachPolicyButton"), Qt::LeftButton);
    picker = f.editor.policyPicker();
    QVERIFY(picker);
    picker->setFilterText(QStringLiteral("PowerUserAccess"));
    QVERIFY(clickPolicyRow(picker->findChild<QTableView *>(QStringLiteral("managedPolicyTable")), kPowerUser));
    picker->reject();
    QTRY_VERIFY(!f.editor.policyPicker());
    QVERIFY(f.role() == after);
}

void TestRoleEditor::attachesTheOnlyMatchWithReturn()
{
    Fixture f;
    QVERIFY(f.load());
    const int steps = f.stack()->count();
    QTest::mouseClick(f.child<QPushButton>("attachPolicyButton"), Qt::LeftButton);
    ui::ManagedPolicyPicker *picker = f.editor.policyPicker();
    QVERIFY(picker);
    auto *filter = picker->findChild<QLineEdit *>(QStringLiteral("managedPolicyFilterEdit"));
    QTest::keyClicks(filter, QStringLiteral("/job-function/ ViewOnlyAccess"));
    QCOMPARE(picker->visibleCount(), 1);
    QTest::keyClick(filter, Qt::Key_Return);
    QTRY_VERIFY(!f.editor.policyPicker());
    QCOMPARE(f.stack()->count(), steps + 1);
    QCOMPARE(f.role().attachedPolicyArns.back(), std::string("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"));
}

void TestRoleEditor::warnsAboveTheManagedPolicyQuota()
{
    // IAM User Guide, "IAM and AWS STS quotas": 10 managed policies per role by default.
    Fixture f;
    QVERIFY(f.load());
    auto *status = f.child<QLabel>("attachedPoliciesStatusLabel");
    QVERIFY(status->text().contains(QStringLiteral("1 of 10")));
    const int steps = f.stack()->count();
    QTest::mouseClick(f.child<QPushButton>("attachPolicyButton"), Qt::LeftButton);
    ui::ManagedPolicyPicker *picker = f.editor.policyPicker();
    QVERIFY(picker);
    auto *table = picker->findChild<QTableView *>(QStringLiteral("managedPolicyTable"));
    auto *quota = picker->findChild<QLabel *>(QStringLiteral("managedPolicyQuotaLabel"));
    picker->setFilterText(QStringLiteral("/job-function/"));
    QCOMPARE(table->model()->rowCount(), 11);
    // Ctrl+click every row: ten more would make eleven.
    for (int row = 0; row < 10; ++row) {
        const QModelIndex index = table->model()->index(row, 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, table->visualRect(index).center());
    }
    QCOMPARE(picker->selectedArns().size(), 10);
    QVERIFY2(quota->text().contains(QStringLiteral("11")), qPrintable(quota->text()));
    QTest::mouseClick(picker->findChild<QPushButton *>(QStringLiteral("managedPolicyAttachButton")), Qt::LeftButton);
    QTRY_VERIFY(!f.editor.policyPicker());
    QCOMPARE(f.stack()->count(), steps + 1);
    QCOMPARE(f.role().attachedPolicyArns.size(), std::size_t { 11 });
    QVERIFY2(status->text().contains(QStringLiteral("quota")), qPrintable(status->text()));
    f.stack()->undo();
    QVERIFY(status->text().contains(QStringLiteral("1 of 10")));
}

void TestRoleEditor::detachesPolicies()
{
    Fixture f;
    QVERIFY(f.load());
    const core::Role before = f.role();
    auto *list = f.child<QListWidget>("attachedPoliciesList");
    auto *detach = f.child<QPushButton>("detachPolicyButton");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(0)).center());
    QVERIFY(detach->isEnabled());
    const int steps = f.stack()->count();
    QTest::mouseClick(detach, Qt::LeftButton);
    QCOMPARE(f.stack()->count(), steps + 1);
    QVERIFY(f.role().attachedPolicyArns.empty());
    QCOMPARE(list->count(), 0);
    QVERIFY(!detach->isEnabled());
    QVERIFY(f.stack()->undoText().contains(QStringLiteral("AppLogs")));
    f.stack()->undo();
    QVERIFY(f.role() == before);
    QCOMPARE(list->count(), 1);
}

QTEST_MAIN(TestRoleEditor)
#include "TestRoleEditor.moc"
