// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "PolicyText.h"
#include "document/ActionCompletionModel.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/policy/PolicyWriter.h"
#include "widgets/editors/ActionMatchPreview.h"
#include "widgets/editors/ArnBuilderDialog.h"
#include "widgets/editors/ConditionEditor.h"
#include "widgets/editors/PermissionPolicyForm.h"
#include "widgets/editors/PermissionStatementCard.h"
#include "widgets/editors/StringListEditor.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <array>

using namespace rd;

namespace
{

QString compact(const core::Policy &policy)
{
    return QString::fromStdString(core::writePolicy(policy, core::WriteStyle::Minified));
}

/// Records every policyEdited signal and, like the document does, sends the policy back through its text.
struct Recorder {
    struct Edit {
        QString json;
        QString undoText;
        QString mergeKey;
    };
    std::vector<Edit> edits;

    explicit Recorder(ui::PermissionPolicyForm &form, bool roundTrip = true)
    {
        QObject::connect(&form, &ui::PermissionPolicyForm::policyEdited, &form,
            [this, &form, roundTrip](const core::Policy &policy, const QString &undoText, const QString &mergeKey) {
                edits.push_back(Edit { compact(policy), undoText, mergeKey });
                if (roundTrip)
                    form.setPolicy(test::policyOf(edits.back().json.toStdString()));
            });
    }
    int count() const { return static_cast<int>(edits.size()); }
    const Edit &last() const { return edits.back(); }
};

template <typename T> T *child(QWidget *parent, const char *name)
{
    return parent ? parent->findChild<T *>(QLatin1String(name)) : nullptr;
}

ui::StringListEditor *actionsOf(ui::PermissionPolicyForm &form, int index)
{
    return child<ui::StringListEditor>(form.card(index), "actionListEditor");
}

ui::StringListEditor *resourcesOf(ui::PermissionPolicyForm &form, int index)
{
    return child<ui::StringListEditor>(form.card(index), "resourceListEditor");
}

} // namespace

class TestPermissionPolicyForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addsAStatementAndTypesAnActionAndAResource();
    void previewsWhatAWildcardMatches_data();
    void previewsWhatAWildcardMatches();
    void flagsUnknownActions_data();
    void flagsUnknownActions();
    void setPolicyInPlaceKeepsFocusAndCursor();
    void switchesRoundTrip_data();
    void switchesRoundTrip();
    void keepsElementsTheFormDoesNotShow();
    void writesListsAsStringOrArray_data();
    void writesListsAsStringOrArray();
    void addsAVersionWhenMissing();
    void placesANewElementInGrammarOrder();
    void turnsASingleStatementObjectIntoAnArray();
    void emptyRowsAreNoEdit();
    void buildsLongPoliciesCardByCard();
    void validatesTheSid();
    void movesDuplicatesAndRemovesStatements();
    void insertsAnArnFromTheBuilder();
    void passesActionsAndEditsToTheConditionEditor();
    void sharesOneCompletionModel();
    void staleModeIsReadOnly();
    void greysNotedActions();
};

void TestPermissionPolicyForm::addsAStatementAndTypesAnActionAndAResource()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[]}").toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QVERIFY(child<QLabel>(&form, "noStatementLabel")->isVisible());

    QTest::mouseClick(child<QPushButton>(&form, "addStatementButton"), Qt::LeftButton);
    QCOMPARE(recorder.count(), 1);
    QCOMPARE(recorder.last().mergeKey, QString());
    QCOMPARE(
        recorder.last().json, QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}"));
    QCOMPARE(form.cardCount(), 1);
    QVERIFY(!child<QLabel>(&form, "noStatementLabel")->isVisible());

    QLineEdit *action = actionsOf(form, 0)->lineEdit(0);
    QVERIFY(action);
    QTest::keyClicks(action, QStringLiteral("s3:PutObject"));
    QLineEdit *resource = resourcesOf(form, 0)->lineEdit(0);
    QVERIFY(resource);
    QTest::keyClicks(resource, QStringLiteral("arn:aws:s3:::my-log-bucket/*"));

    const QString expected =
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                       "\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::my-log-bucket/*\"}]}");
    QCOMPARE(compact(form.policy()), expected);
    QCOMPARE(recorder.last().json, expected);
    // One signal per gesture: the click and each keystroke; keystrokes carry the field's merge key.
    QCOMPARE(recorder.count(), 1 + 12 + 28);
    for (int i = 1; i <= 12; ++i)
        QCOMPARE(recorder.edits[static_cast<std::size_t>(i)].mergeKey, QStringLiteral("perm/stmt/0/action/0"));
    QCOMPARE(recorder.last().mergeKey, QStringLiteral("perm/stmt/0/resource/0"));
}

void TestPermissionPolicyForm::previewsWhatAWildcardMatches_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("level");
    QTest::addRow("s3:Get* matches GetObject, a Read action") << "s3:Get*"
                                                              << "s3:GetObject"
                                                              << "Read";
    QTest::addRow("a wildcard in the middle matches ec2:DescribeInstances") << "ec2:Describe*s"
                                                                            << "ec2:DescribeInstances"
                                                                            << "List";
    QTest::addRow("wildcards are case-insensitive") << "IAM:list*"
                                                    << "iam:ListRoles"
                                                    << "List";
}

void TestPermissionPolicyForm::previewsWhatAWildcardMatches()
{
    QFETCH(QString, value);
    QFETCH(QString, action);
    QFETCH(QString, level);
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                 "\"Action\":[\"%1\",\"s3:PutObject\"],\"Resource\":\"*\"}]}")
                                      .arg(value)
                                      .toStdString()));
    auto *preview = child<ui::ActionMatchPreview>(form.card(0), "actionMatchPreview");
    QVERIFY(preview);
    QCOMPARE(preview->topLevelItemCount(), 2);
    QTreeWidgetItem *item = preview->topLevelItem(0);
    QCOMPARE(item->text(0), value);

    // The counts the Service Authorization Reference gives, per access level.
    const auto matches = core::ServiceCatalog::builtin().matchActions(value.toStdString());
    QVERIFY(matches.size() > 1);
    QCOMPARE(item->data(0, ui::ActionMatchPreview::MatchCountRole).toInt(), static_cast<int>(matches.size()));
    QVERIFY(!item->data(0, ui::ActionMatchPreview::UnknownRole).toBool());
    QVERIFY2(item->text(1).startsWith(QStringLiteral("%1 actions").arg(matches.size())), qPrintable(item->text(1)));
    std::array<int, 5> counts {};
    for (const auto &[service, info] : matches)
        ++counts[static_cast<std::size_t>(info->accessLevel)];
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::string_view levelName = core::accessLevelName(static_cast<core::AccessLevel>(i));
        const QString name = QString::fromUtf8(levelName.data(), static_cast<qsizetype>(levelName.size()));
        if (counts[i] > 0)
            QVERIFY2(
                item->text(1).contains(QStringLiteral("%1 %2").arg(name).arg(counts[i])), qPrintable(item->text(1)));
        else
            QVERIFY2(!item->text(1).contains(name + QLatin1Char(' ')), qPrintable(item->text(1)));
    }

    // Expanding lists every action with its level.
    QCOMPARE(item->childCount(), 0);
    preview->expandItem(item);
    QCOMPARE(item->childCount(), static_cast<int>(matches.size()));
    bool found = false;
    for (int i = 0; i < item->childCount(); ++i) {
        if (item->child(i)->text(0) == action) {
            QCOMPARE(item->child(i)->text(1), level);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(action));

    // An exact action shows its level and has nothing to expand.
    QCOMPARE(preview->topLevelItem(1)->text(1), QStringLiteral("Write"));
    QCOMPARE(preview->topLevelItem(1)->data(0, ui::ActionMatchPreview::MatchCountRole).toInt(), 1);
}

void TestPermissionPolicyForm::flagsUnknownActions_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("unknown");
    QTest::addColumn<QString>("summary");
    QTest::addRow("a misspelt action is unknown") << "s3:GetObjectt" << true << "unknown action";
    QTest::addRow("an unknown service prefix is named") << "s4:GetObject" << true << "unknown service prefix";
    QTest::addRow("a value without a service prefix is not an action") << "GetObject" << true << "not an action";
    QTest::addRow("a wildcard that matches nothing is flagged") << "s3:Zzz*" << true << "matches no action";
    QTest::addRow("a known action is not flagged") << "s3:GetObject" << false << "Read";
    QTest::addRow("a known action in other case is not flagged") << "S3:getobject" << false << "Read";
}

void TestPermissionPolicyForm::flagsUnknownActions()
{
    QFETCH(QString, value);
    QFETCH(bool, unknown);
    QFETCH(QString, summary);
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                                 "\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form);
    // Typed, so that the preview follows the edit.
    QLineEdit *edit = actionsOf(form, 0)->lineEdit(0);
    edit->selectAll();
    QTest::keyClicks(edit, value);
    auto *preview = child<ui::ActionMatchPreview>(form.card(0), "actionMatchPreview");
    QCOMPARE(preview->topLevelItemCount(), 1);
    QTreeWidgetItem *item = preview->topLevelItem(0);
    QCOMPARE(item->text(0), value);
    QCOMPARE(item->data(0, ui::ActionMatchPreview::UnknownRole).toBool(), unknown);
    QVERIFY2(item->text(1).contains(summary), qPrintable(item->text(1)));
    QCOMPARE(item->icon(0).isNull(), !unknown);
}

void TestPermissionPolicyForm::setPolicyInPlaceKeepsFocusAndCursor()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadLogs\",\"Effect\":\"Allow\",\"Action\":\"s3:Get\","
        "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form); // every keystroke comes back through the JSON text, as from the document
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    ui::PermissionStatementCard *first = form.card(0);
    ui::PermissionStatementCard *second = form.card(1);

    QLineEdit *action = actionsOf(form, 0)->lineEdit(0);
    action->setFocus();
    QTRY_VERIFY(action->hasFocus());
    action->setCursorPosition(static_cast<int>(action->text().size()));
    QTest::keyClicks(action, QStringLiteral("Object"));
    QCOMPARE(recorder.count(), 6);
    QCOMPARE(form.card(0), first);
    QCOMPARE(actionsOf(form, 0)->lineEdit(0), action);
    QVERIFY(action->hasFocus());
    QCOMPARE(action->text(), QStringLiteral("s3:GetObject"));
    QCOMPARE(action->cursorPosition(), 12);

    QLineEdit *sid = child<QLineEdit>(form.card(0), "sidLineEdit");
    sid->setFocus();
    QTRY_VERIFY(sid->hasFocus());
    sid->setCursorPosition(4);
    QTest::keyClicks(sid, QStringLiteral("All"));
    QCOMPARE(sid->text(), QStringLiteral("ReadAllLogs"));
    QCOMPARE(sid->cursorPosition(), 7);
    QVERIFY(sid->hasFocus());
    QCOMPARE(recorder.last().mergeKey, QStringLiteral("perm/stmt/0/sid"));

    // A change from elsewhere (the JSON editor) to the other statement leaves the field being typed in alone.
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadAllLogs\",\"Effect\":\"Allow\",\"Action\":"
        "\"s3:GetObject\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]"
        "}")
                                      .toStdString()));
    QCOMPARE(form.card(0), first);
    QCOMPARE(form.card(1), second);
    QVERIFY(sid->hasFocus());
    QCOMPARE(sid->cursorPosition(), 7);
    QCOMPARE(actionsOf(form, 1)->lineEdit(0)->text(), QStringLiteral("s3:DeleteObject"));
}

void TestPermissionPolicyForm::switchesRoundTrip_data()
{
    QTest::addColumn<QString>("combo");
    QTest::addColumn<QString>("switched");
    QTest::addRow("Effect switches to Deny")
        << "effectComboBox"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":[\"s3:GetObject\","
           "\"s3:PutObject\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}},\"Resource\":\"*\"}]}";
    QTest::addRow("NotAction takes the place of Action")
        << "actionElementComboBox"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"NotAction\":[\"s3:"
           "GetObject\",\"s3:PutObject\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}},\"Resource\":"
           "\"*\"}]}";
    QTest::addRow("NotResource takes the place of Resource")
        << "resourceElementComboBox"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:"
           "GetObject\",\"s3:PutObject\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}},\"NotResource\":"
           "\"*\"}]}";
}

void TestPermissionPolicyForm::switchesRoundTrip()
{
    QFETCH(QString, combo);
    QFETCH(QString, switched);
    const QString original = QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
        "\"s3:PutObject\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}},\"Resource\":\"*\"}]}");
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(original.toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *box = form.card(0)->findChild<QComboBox *>(combo);
    QVERIFY(box);
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(recorder.count(), 1);
    QCOMPARE(recorder.last().json, switched);
    QCOMPARE(recorder.last().mergeKey, QString());
    QCOMPARE(box->currentIndex(), 1);
    QTest::keyClick(box, Qt::Key_Up);
    QCOMPARE(recorder.count(), 2);
    QCOMPARE(recorder.last().json, original);
}

void TestPermissionPolicyForm::keepsElementsTheFormDoesNotShow()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Id\":\"P1\",\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Principal\":"
        "{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Foo\":{\"x\":[1,2]},\"Resource\":\"*\"}],\"Bar\":true}")
                                      .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *hidden = child<QLabel>(form.card(0), "hiddenElementsLabel");
    QVERIFY(hidden->isVisible());
    QVERIFY(hidden->text().contains(QStringLiteral("Principal")));
    QVERIFY(hidden->text().contains(QStringLiteral("Foo")));

    QLineEdit *sid = child<QLineEdit>(form.card(0), "sidLineEdit");
    sid->setCursorPosition(1);
    QTest::keyClicks(sid, QStringLiteral("B"));
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Id\":\"P1\",\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AB\",\"Effect\":\"Allow\","
                       "\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\",\"Foo\":{\"x\":[1,2]},\"Resource\":"
                       "\"*\"}],\"Bar\":true}"));

    // A second action (Add value, then typing) makes Action an array in its place.
    ui::StringListEditor *actions = actionsOf(form, 0);
    QTest::mouseClick(child<QPushButton>(actions, "addValueButton"), Qt::LeftButton);
    QTest::keyClicks(actions->lineEdit(1), QStringLiteral("s3:PutObject"));
    QCOMPARE(recorder.last().json,
        QStringLiteral(
            "{\"Id\":\"P1\",\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AB\",\"Effect\":\"Allow\","
            "\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Foo\":{\"x\":[1,2]"
            "},\"Resource\":\"*\"}],\"Bar\":true}"));
    QCOMPARE(recorder.last().mergeKey, QStringLiteral("perm/stmt/0/action/1"));
}

void TestPermissionPolicyForm::writesListsAsStringOrArray_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addRow("clearing the only action of an existing Action keeps an empty array")
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":"
           "\"*\"}]}"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}";
    QTest::addRow("clearing an action that was just typed leaves Action out")
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}";
    QTest::addRow("one value left of an array is written as a string")
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:"
           "PutObject\"],\"Resource\":\"*\"}]}"
        << "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":"
           "\"*\"}]}";
}

void TestPermissionPolicyForm::writesListsAsStringOrArray()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(before.toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QLineEdit *edit = actionsOf(form, 0)->lineEdit(0);
    if (edit->text().isEmpty())
        QTest::keyClicks(edit, QStringLiteral("s3:GetObject"));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QCOMPARE(recorder.last().json, after);
}

void TestPermissionPolicyForm::addsAVersionWhenMissing()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(
        QStringLiteral("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")
            .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *effect = child<QComboBox>(form.card(0), "effectComboBox");
    effect->setFocus();
    QTest::keyClick(effect, Qt::Key_Down);
    // IAM User Guide, "IAM JSON policy elements: Version": forms write the current version, 2012-10-17.
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\","
                       "\"Resource\":\"*\"}]}"));
}

void TestPermissionPolicyForm::placesANewElementInGrammarOrder()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Foo\":1}]}")
                                      .toStdString()));
    Recorder recorder(form);
    QTest::keyClicks(resourcesOf(form, 0)->lineEdit(0), QStringLiteral("*"));
    // Before the unknown element that ended the statement, where the grammar puts Resource.
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                       "\"Resource\":\"*\",\"Foo\":1}]}"));
}

void TestPermissionPolicyForm::turnsASingleStatementObjectIntoAnArray()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(
        test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":"
                                      "\"s3:GetObject\",\"Resource\":\"*\"}}")
                           .toStdString()));
    Recorder recorder(form);
    QLineEdit *sid = child<QLineEdit>(form.card(0), "sidLineEdit");
    QTest::keyClicks(sid, QStringLiteral("A"));
    // One statement keeps the object form it was written in.
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:"
                       "GetObject\",\"Resource\":\"*\"}}"));
    form.addStatement();
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:"
                       "GetObject\",\"Resource\":\"*\"},{\"Effect\":\"Allow\"}]}"));
    QCOMPARE(recorder.last().undoText, QStringLiteral("Add statement"));
}

void TestPermissionPolicyForm::emptyRowsAreNoEdit()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":"
        "\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    ui::StringListEditor *actions = actionsOf(form, 0);
    QTest::mouseClick(child<QPushButton>(actions, "addValueButton"), Qt::LeftButton);
    QCOMPARE(actions->rowCount(), 2);
    QTest::keyClicks(actions->lineEdit(1), QStringLiteral(" "));
    QCOMPARE(recorder.count(), 0);
    QTest::keyClicks(actions->lineEdit(1), QStringLiteral("s3:PutObject"));
    QCOMPARE(recorder.count(), 12);
    QCOMPARE(actions->rowCount(), 2);
}

void TestPermissionPolicyForm::buildsLongPoliciesCardByCard()
{
    QString text = QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < 40; ++i) {
        text +=
            QStringLiteral("%1{\"Sid\":\"S%2\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}")
                .arg(i == 0 ? QString() : QStringLiteral(","))
                .arg(i);
    }
    text += QStringLiteral("]}");
    ui::PermissionPolicyForm form;
    form.resize(800, 600);
    form.setPolicy(test::policyOf(text.toStdString()));
    const auto cards = form.findChildren<ui::PermissionStatementCard *>();
    QCOMPARE(cards.size(), 40);
    // The first cards are made at once, the others show a summary until they are built.
    QVERIFY(cards.first()->isBuilt());
    QVERIFY(!cards.last()->isBuilt());
    QVERIFY(child<QLabel>(cards.last(), "statementSummaryLabel")->text().contains(QStringLiteral("S39")));
    // Asking for a card builds it; the rest are built from the event loop.
    QCOMPARE(child<QLineEdit>(form.card(30), "sidLineEdit")->text(), QStringLiteral("S30"));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QTRY_VERIFY(std::all_of(cards.begin(), cards.end(), [](auto *card) { return card->isBuilt(); }));
    QCOMPARE(child<QLineEdit>(cards.last(), "sidLineEdit")->text(), QStringLiteral("S39"));
    QCOMPARE(form.cardCount(), 40);
}

void TestPermissionPolicyForm::validatesTheSid()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":"
        "\"*\"},{\"Sid\":\"Bad-Sid\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    // IAM User Guide, "IAM JSON policy elements: Sid": only A-Z, a-z and 0-9; other characters are not typed.
    QLineEdit *sid = child<QLineEdit>(form.card(0), "sidLineEdit");
    QTest::keyClicks(sid, QStringLiteral("My Sid-1"));
    QCOMPARE(sid->text(), QStringLiteral("MySid1"));
    QCOMPARE(recorder.count(), 6);
    QVERIFY(recorder.last().json.contains(QStringLiteral("\"Sid\":\"MySid1\"")));
    QVERIFY(!sid->property("invalid").toBool());
    // A Sid read from the text is shown as written, flagged.
    QLineEdit *bad = child<QLineEdit>(form.card(1), "sidLineEdit");
    QCOMPARE(bad->text(), QStringLiteral("Bad-Sid"));
    QVERIFY(bad->property("invalid").toBool());
    // Clearing the Sid removes the element.
    sid->selectAll();
    QTest::keyClick(sid, Qt::Key_Delete);
    QVERIFY(!recorder.last().json.contains(QStringLiteral("MySid")));
    QVERIFY(recorder.last().json.startsWith(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\"")));
}

void TestPermissionPolicyForm::movesDuplicatesAndRemovesStatements()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        "\"Resource\":\"*\"},{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"},"
        "{\"Sid\":\"C\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto sids = [&] {
        QStringList out;
        for (int i = 0; i < form.cardCount(); ++i)
            out.append(child<QLineEdit>(form.card(i), "sidLineEdit")->text());
        return out.join(u',');
    };
    QVERIFY(!child<QToolButton>(form.card(0), "moveUpButton")->isEnabled());
    QVERIFY(!child<QToolButton>(form.card(2), "moveDownButton")->isEnabled());

    ui::PermissionStatementCard *a = form.card(0);
    QTest::mouseClick(child<QToolButton>(form.card(0), "moveDownButton"), Qt::LeftButton);
    QCOMPARE(recorder.count(), 1);
    QCOMPARE(recorder.last().mergeKey, QString());
    QCOMPARE(sids(), QStringLiteral("B,A,C"));
    QCOMPARE(form.card(1), a); // the card moved with its statement
    QVERIFY(recorder.last().json.contains(
        QStringLiteral("{\"Sid\":\"B\",\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\"")));

    // A copy gets a Sid of its own (IAM User Guide, "IAM JSON policy elements: Sid": unique within the policy).
    QTest::mouseClick(child<QToolButton>(form.card(1), "duplicateButton"), Qt::LeftButton);
    QCOMPARE(recorder.count(), 2);
    QCOMPARE(sids(), QStringLiteral("B,A,A2,C"));
    QTest::mouseClick(child<QToolButton>(form.card(2), "duplicateButton"), Qt::LeftButton);
    QCOMPARE(sids(), QStringLiteral("B,A,A2,A3,C"));
    QTest::mouseClick(child<QToolButton>(form.card(3), "removeButton"), Qt::LeftButton);
    QCOMPARE(form.cardCount(), 4);

    QTest::mouseClick(child<QToolButton>(form.card(0), "removeButton"), Qt::LeftButton);
    QCOMPARE(recorder.count(), 5);
    QCOMPARE(sids(), QStringLiteral("A,A2,C"));
    QCOMPARE(recorder.last().json,
        QStringLiteral(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:"
            "GetObject\",\"Resource\":\"*\"},{\"Sid\":\"A2\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            "\"Resource\":\"*\"},{\"Sid\":\"C\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":"
            "\"*\"}]}"));
    QCOMPARE(recorder.last().undoText, QStringLiteral("Remove statement"));

    QTest::mouseClick(child<QToolButton>(form.card(2), "moveUpButton"), Qt::LeftButton);
    QCOMPARE(sids(), QStringLiteral("A,C,A2"));
    QVERIFY(child<QToolButton>(form.card(2), "duplicateButton")->isEnabled());
}

void TestPermissionPolicyForm::insertsAnArnFromTheBuilder()
{
    ui::PermissionPolicyForm form;
    form.setRoleAccount(QStringLiteral("111122223333"));
    form.setPolicy(
        test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                                      "\"s3:PutObject\",\"iam:PassRole\"]}]}")
                           .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    QTest::mouseClick(child<QPushButton>(form.card(0), "arnBuilderButton"), Qt::LeftButton);
    ui::ArnBuilderDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = form.findChild<ui::ArnBuilderDialog *>()) && dialog->isVisible());
    QVERIFY(dialog->selectResourceType(QStringLiteral("iam:role")));
    QCOMPARE(dialog->arn(), QStringLiteral("arn:aws:iam::111122223333:role/*"));
    QVERIFY(dialog->selectResourceType(QStringLiteral("s3:object")));
    QTest::keyClicks(dialog->placeholderEdit(QStringLiteral("BucketName")), QStringLiteral("my-log-bucket"));
    dialog->accept();
    QCOMPARE(recorder.count(), 1);
    QCOMPARE(recorder.last().json,
        QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:PutObject\","
                       "\"iam:PassRole\"],\"Resource\":\"arn:aws:s3:::my-log-bucket/*\"}]}"));
    QCOMPARE(resourcesOf(form, 0)->values(), QStringList { QStringLiteral("arn:aws:s3:::my-log-bucket/*") });
}

void TestPermissionPolicyForm::passesActionsAndEditsToTheConditionEditor()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(
        test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                      "\"s3:PutObject\",\"Resource\":\"*\"}]}")
                           .toStdString()));
    Recorder recorder(form);
    auto *conditions = child<ui::ConditionEditor>(form.card(0), "conditionEditor");
    QVERIFY(conditions);
    QVERIFY(conditions->offeredKeys().contains(QStringLiteral("s3:x-amz-server-side-encryption")));
    QVERIFY(!conditions->offeredKeys().contains(QStringLiteral("ec2:Region")));
    conditions->addRow();
    QCOMPARE(recorder.count(), 1);
    QVERIFY2(recorder.last().json.contains(QStringLiteral("\"Resource\":\"*\",\"Condition\":{\"StringEquals\"")),
        qPrintable(recorder.last().json));
}

void TestPermissionPolicyForm::sharesOneCompletionModel()
{
    doc::ActionCompletionModel *model = doc::ActionCompletionModel::instance();
    QCOMPARE(doc::ActionCompletionModel::instance(), model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), static_cast<int>(core::ServiceCatalog::builtin().actionCount()));
    QVERIFY(!model->match(model->index(0, 0), Qt::DisplayRole, QStringLiteral("s3:GetObject"), 1, Qt::MatchExactly)
                 .isEmpty());

    ui::PermissionPolicyForm form;
    form.setPolicy(
        test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"},{\"Effect\":"
                                      "\"Deny\"}]}")
                           .toStdString()));
    QCompleter *first = actionsOf(form, 0)->lineEdit(0)->completer();
    QCompleter *second = actionsOf(form, 1)->lineEdit(0)->completer();
    QVERIFY(first && second);
    QCOMPARE(first->model(), model);
    QCOMPARE(second->model(), model);
    QCOMPARE(first->filterMode(), Qt::MatchContains);
    QCOMPARE(first->caseSensitivity(), Qt::CaseInsensitive);
}

void TestPermissionPolicyForm::staleModeIsReadOnly()
{
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":"
                                                 "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}")
                                      .toStdString()));
    Recorder recorder(form);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto *banner = child<QLabel>(&form, "staleBanner");
    QVERIFY(!banner->isVisible());

    form.setStale(true);
    QVERIFY(form.isStale());
    QVERIFY(banner->isVisible());
    QVERIFY(!child<QPushButton>(&form, "addStatementButton")->isEnabled());
    QLineEdit *sid = child<QLineEdit>(form.card(0), "sidLineEdit");
    QVERIFY(!sid->isEnabled());
    QVERIFY(sid->isReadOnly());
    QVERIFY(actionsOf(form, 0)->isReadOnly());
    QTest::keyClicks(sid, QStringLiteral("B"));
    QTest::keyClicks(actionsOf(form, 0)->lineEdit(0), QStringLiteral("x"));
    QTest::mouseClick(child<QPushButton>(&form, "addStatementButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(form.card(0), "removeButton"), Qt::LeftButton);
    form.addStatement();
    QCOMPARE(recorder.count(), 0);
    QCOMPARE(sid->text(), QStringLiteral("A"));
    QCOMPARE(form.cardCount(), 1);

    form.setStale(false);
    QVERIFY(!banner->isVisible());
    QVERIFY(sid->isEnabled());
    QVERIFY(!sid->isReadOnly());
    sid->setCursorPosition(1);
    QTest::keyClicks(sid, QStringLiteral("B"));
    QCOMPARE(recorder.count(), 1);
    QVERIFY(recorder.last().json.contains(QStringLiteral("\"Sid\":\"AB\"")));
}

void TestPermissionPolicyForm::greysNotedActions()
{
    // The Usage panel notes granted actions no call used: greyed, the note as tool tip, on cards built before and
    // after the notes are set.
    ui::PermissionPolicyForm form;
    form.setPolicy(test::policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",
        "Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}]})"));
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.setActionNote([](const QString &action) {
        return action == QStringLiteral("s3:GetObject") ? QString() : QStringLiteral("Not used");
    });
    ui::StringListEditor *actions = actionsOf(form, 0);
    QCOMPARE(actions->rowNote(0), QString());
    QCOMPARE(actions->rowNote(1), QStringLiteral("Not used"));
    QCOMPARE(actions->lineEdit(1)->toolTip(), QStringLiteral("Not used"));
    QVERIFY(actions->lineEdit(1)->styleSheet().contains(QStringLiteral("italic")));

    form.setPolicy(test::policyOf(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
        "Resource":"*"},{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]})"));
    form.card(1)->ensureBuilt();
    QCOMPARE(actionsOf(form, 1)->rowNote(0), QStringLiteral("Not used"));
    form.setActionNote({});
    QCOMPARE(actionsOf(form, 1)->rowNote(0), QString());
    QCOMPARE(actionsOf(form, 1)->lineEdit(0)->styleSheet(), QString());
}

QTEST_MAIN(TestPermissionPolicyForm)
#include "TestPermissionPolicyForm.moc"
