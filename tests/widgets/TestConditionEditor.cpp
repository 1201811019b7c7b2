// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "widgets/editors/ConditionEditor.h"
#include "widgets/editors/ConditionRow.h"
#include "widgets/editors/StringListEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QtTest>

using namespace rd;

namespace
{

/// JSON written with single quotes, for readability in tests.
QString J(const char *text)
{
    return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"'));
}

struct Edit {
    std::optional<core::ConditionBlock> condition;
    QString undoText;
    QString mergeKey;
};

/// Every conditionEdited of an editor, in order.
struct EditLog {
    std::vector<Edit> edits;
    explicit EditLog(ui::ConditionEditor &editor)
    {
        QObject::connect(&editor, &ui::ConditionEditor::conditionEdited, &editor,
            [this](const std::optional<core::ConditionBlock> &c, const QString &u, const QString &m) {
                edits.push_back(Edit { c, u, m });
            });
    }
};

/// The Condition element's JSON (minified), "" when there is none.
QString conditionJson(const std::optional<core::ConditionBlock> &block)
{
    core::Policy policy;
    policy.statementForm = core::StatementForm::Array;
    core::Statement statement;
    statement.condition = block;
    policy.statements.push_back(statement);
    const std::string text = core::writePolicy(policy, core::WriteStyle::Minified);
    const std::string prefix = "{\"Statement\":[{\"Condition\":";
    if (!text.starts_with(prefix))
        return {};
    return QString::fromStdString(text.substr(prefix.size(), text.size() - prefix.size() - 3));
}

std::optional<core::ConditionBlock> parseCondition(const QString &json)
{
    const std::string text = "{\"Statement\":[{\"Condition\":" + json.toStdString() + "}]}";
    core::ParseResult result = core::parsePolicy(text);
    if (!result.isUsable() || result.policy->statements.empty())
        return std::nullopt;
    return result.policy->statements.front().condition;
}

QLineEdit *valueEdit(ui::ConditionRow *row, int index)
{
    return row->valuesEditor()->lineEdit(index);
}

} // namespace

class TestConditionEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void addEntryMergesIntoClauses_data();
    void addEntryMergesIntoClauses();
    void offersEveryOperatorOfTheUserGuide();
    void buildsAnIpConditionFromKeyPresses();
    void writesOneValueAsAStringAndSeveralAsAnArray();
    void changingTheOperatorMovesTheEntry_data();
    void changingTheOperatorMovesTheEntry();
    void composesQualifierAndIfExists();
    void typedValueEditorsFollowTheOperator();
    void keepsWhatTheFormDoesNotShow();
    void removingTheLastRowRemovesTheElement();
    void setConditionInPlaceKeepsFocusAndCursor();
    void offersTheKeysOfTheActions();
    void readOnlyTakesNoGesture();
    void stringListEditorUpdatesInPlace();
};

void TestConditionEditor::addEntryMergesIntoClauses_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("after");

    QTest::newRow("an empty block gets a clause and a one-value entry written as a string")
        << QStringLiteral("{}") << QStringLiteral("StringEquals") << QStringLiteral("sts:ExternalId")
        << QStringList { QStringLiteral("abc") } << J("{'StringEquals':{'sts:ExternalId':'abc'}}");
    QTest::newRow("a clause with the same operator takes the new key")
        << J("{'StringEquals':{'aws:SourceAccount':'111122223333'}}") << QStringLiteral("StringEquals")
        << QStringLiteral("sts:ExternalId") << QStringList { QStringLiteral("abc") }
        << J("{'StringEquals':{'aws:SourceAccount':'111122223333','sts:ExternalId':'abc'}}");
    QTest::newRow("an entry with the same key takes the value and becomes an array")
        << J("{'StringLike':{'host:sub':'repo:a/b:*'}}") << QStringLiteral("StringLike") << QStringLiteral("host:sub")
        << QStringList { QStringLiteral("repo:c/d:*") } << J("{'StringLike':{'host:sub':['repo:a/b:*','repo:c/d:*']}}");
    QTest::newRow("another operator gets its own clause after the others")
        << J("{'StringEquals':{'a:b':'1'}}") << QStringLiteral("StringLike") << QStringLiteral("a:b")
        << QStringList { QStringLiteral("2") } << J("{'StringEquals':{'a:b':'1'},'StringLike':{'a:b':'2'}}");
    QTest::newRow("operator names are matched without regard to case, as IAM reads them")
        << J("{'stringequals':{'a:b':'1'}}") << QStringLiteral("StringEquals") << QStringLiteral("c:d")
        << QStringList { QStringLiteral("2") } << J("{'stringequals':{'a:b':'1','c:d':'2'}}");
    QTest::newRow("a value already there is not repeated")
        << J("{'StringEquals':{'a:b':'1'}}") << QStringLiteral("StringEquals") << QStringLiteral("A:B")
        << QStringList { QStringLiteral("1") } << J("{'StringEquals':{'a:b':'1'}}");
}

void TestConditionEditor::addEntryMergesIntoClauses()
{
    QFETCH(QString, before);
    QFETCH(QString, op);
    QFETCH(QString, key);
    QFETCH(QStringList, values);
    QFETCH(QString, after);
    std::optional<core::ConditionBlock> block = parseCondition(before);
    QVERIFY(block);
    std::vector<std::string> list;
    for (const QString &v : values)
        list.push_back(v.toStdString());
    ui::ConditionEditor::addEntry(*block, op.toStdString(), key.toStdString(), list);
    QCOMPARE(conditionJson(block), after);
}

void TestConditionEditor::offersEveryOperatorOfTheUserGuide()
{
    // IAM User Guide, "IAM JSON policy elements: Condition operators": 27 operators (ConditionOperator.h).
    ui::ConditionEditor editor;
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:SourceAccount':'111122223333'}}")));
    QCOMPARE(editor.rowCount(), 1);
    QComboBox *ops = editor.row(0)->operatorCombo();
    QCOMPARE(ops->count(), static_cast<int>(core::ConditionOperator::Null) + 1);
    for (const char *name : { "StringEquals", "StringNotEqualsIgnoreCase", "NumericGreaterThanEquals", "DateEquals",
             "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnNotLike", "Null" })
        QVERIFY2(ops->findText(QString::fromLatin1(name)) >= 0, name);
    QCOMPARE(ops->currentText(), QStringLiteral("StringEquals"));
    QCOMPARE(editor.row(0)->key(), QStringLiteral("aws:SourceAccount"));
    QCOMPARE(valueEdit(editor.row(0), 0)->text(), QStringLiteral("111122223333"));
}

void TestConditionEditor::buildsAnIpConditionFromKeyPresses()
{
    ui::ConditionEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    EditLog log(editor);
    auto *add = editor.findChild<QPushButton *>(QStringLiteral("addConditionButton"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(log.edits.size(), std::size_t { 1 });
    QCOMPARE(log.edits.back().mergeKey, QString());
    QCOMPARE(editor.rowCount(), 1);
    ui::ConditionRow *row = editor.row(0);
    QVERIFY(row->keyHasFocus());

    // Typing the key: one edit per keystroke, all with the same merge key. When the key is complete the row's
    // operator follows the key's catalog type (aws:SourceIp is an IpAddress key).
    QTest::keyClicks(row->keyCombo()->lineEdit(), QStringLiteral("aws:SourceIp"));
    QCOMPARE(log.edits.size(), std::size_t { 1 + 12 });
    QCOMPARE(log.edits.back().mergeKey, QStringLiteral("cond/0/key"));
    QCOMPARE(conditionJson(editor.condition()), J("{'IpAddress':{'aws:SourceIp':[]}}"));
    QCOMPARE(editor.row(0)->operatorCombo()->currentText(), QStringLiteral("IpAddress"));

    // A bad CIDR block is written (the document keeps what was typed) and flagged under the field.
    row = editor.row(0);
    QLineEdit *value = valueEdit(row, 0);
    QTest::keyClicks(value, QStringLiteral("10.0.0.0/33"));
    QCOMPARE(log.edits.back().mergeKey, QStringLiteral("cond/0/values"));
    QCOMPARE(conditionJson(editor.condition()), J("{'IpAddress':{'aws:SourceIp':'10.0.0.0/33'}}"));
    QVERIFY(!row->valuesEditor()->rowError(0).isEmpty());
    auto *error = row->valuesEditor()->findChild<QLabel *>(QStringLiteral("valueErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QTest::keyClick(value, Qt::Key_Backspace);
    QTest::keyClick(value, Qt::Key_Backspace);
    QTest::keyClicks(value, QStringLiteral("8"));
    QCOMPARE(conditionJson(editor.condition()), J("{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}"));
    QCOMPARE(row->valuesEditor()->rowError(0), QString());
    QVERIFY(error->isHidden());
    // IPv6 blocks are checked too.
    value->clear();
    QTest::keyClicks(value, QStringLiteral("2001:db8::/32"));
    QCOMPARE(row->valuesEditor()->rowError(0), QString());
}

void TestConditionEditor::writesOneValueAsAStringAndSeveralAsAnArray()
{
    ui::ConditionEditor editor;
    EditLog log(editor);
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:PrincipalOrgID':'o-1'}}")));
    ui::StringListEditor *values = editor.row(0)->valuesEditor();
    QTest::mouseClick(values->findChild<QPushButton *>(QStringLiteral("addValueButton")), Qt::LeftButton);
    QCOMPARE(values->rowCount(), 2);
    QTest::keyClicks(values->lineEdit(1), QStringLiteral("o-2"));
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEquals':{'aws:PrincipalOrgID':['o-1','o-2']}}"));
    QTest::mouseClick(
        values->lineEdit(0)->parentWidget()->findChild<QToolButton *>(QStringLiteral("removeValueButton")),
        Qt::LeftButton);
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEquals':{'aws:PrincipalOrgID':'o-2'}}"));
    QCOMPARE(log.edits.back().mergeKey, QString());
}

void TestConditionEditor::changingTheOperatorMovesTheEntry_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("after");

    QTest::newRow("a clause holding only this entry is renamed in place")
        << J("{'StringEquals':{'a:b':'x'},'Bool':{'aws:SecureTransport':'true'}}") << 0 << QStringLiteral("StringLike")
        << J("{'StringLike':{'a:b':'x'},'Bool':{'aws:SecureTransport':'true'}}");
    QTest::newRow("an entry joins the clause that already has the operator")
        << J("{'StringEquals':{'a:b':'x','c:d':'y'},'StringLike':{'e:f':'z'}}") << 1 << QStringLiteral("StringLike")
        << J("{'StringEquals':{'a:b':'x'},'StringLike':{'e:f':'z','c:d':'y'}}");
    QTest::newRow("an entry leaving a shared clause gets a new clause next to it")
        << J("{'StringEquals':{'a:b':'x','c:d':'y'},'Bool':{'g:h':'true'}}") << 1 << QStringLiteral("StringNotEquals")
        << J("{'StringEquals':{'a:b':'x'},'StringNotEquals':{'c:d':'y'},'Bool':{'g:h':'true'}}");
    QTest::newRow("the same key in the target clause merges the values (a JSON object holds a key once)")
        << J("{'StringEquals':{'a:b':'x'},'StringLike':{'a:b':'y'}}") << 0 << QStringLiteral("StringLike")
        << J("{'StringLike':{'a:b':['y','x']}}");
}

void TestConditionEditor::changingTheOperatorMovesTheEntry()
{
    QFETCH(QString, before);
    QFETCH(int, row);
    QFETCH(QString, op);
    QFETCH(QString, after);
    ui::ConditionEditor editor;
    EditLog log(editor);
    editor.setCondition(parseCondition(before));
    QComboBox *combo = editor.row(row)->operatorCombo();
    const int index = combo->findText(op);
    QVERIFY(index >= 0);
    // Choose by keyboard: focus the combo and step to the operator.
    combo->setFocus();
    while (combo->currentIndex() < index)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > index)
        QTest::keyClick(combo, Qt::Key_Up);
    QVERIFY(!log.edits.empty());
    QCOMPARE(log.edits.back().mergeKey, QString());
    QCOMPARE(log.edits.back().undoText, QStringLiteral("Change condition operator"));
    QCOMPARE(conditionJson(log.edits.back().condition), after);
    QCOMPARE(conditionJson(editor.condition()), after);
}

void TestConditionEditor::composesQualifierAndIfExists()
{
    ui::ConditionEditor editor;
    editor.show();
    EditLog log(editor);
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:RequestedRegion':'eu-west-1'}}")));
    ui::ConditionRow *row = editor.row(0);
    // Rows added to a shown editor show from the event loop: until then none of their controls is visible.
    QTRY_VERIFY(row->isVisible());
    // aws:RequestedRegion has one value per request: no set qualifier offered.
    QVERIFY(!row->qualifierCombo()->isVisible());
    QTest::mouseClick(row->ifExistsCheckBox(), Qt::LeftButton);
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEqualsIfExists':{'aws:RequestedRegion':'eu-west-1'}}"));

    // aws:TagKeys is multivalued (ArrayOfString): ForAnyValue/ForAllValues are offered.
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:TagKeys':['a','b']}}")));
    row = editor.row(0);
    QTRY_VERIFY(row->isVisible());
    QVERIFY(row->qualifierCombo()->isVisible());
    row->qualifierCombo()->setFocus();
    QTest::keyClick(row->qualifierCombo(), Qt::Key_Down);
    QTest::keyClick(row->qualifierCombo(), Qt::Key_Down);
    QCOMPARE(conditionJson(editor.condition()), J("{'ForAllValues:StringEquals':{'aws:TagKeys':['a','b']}}"));

    // A qualified operator read from the text shows in the three controls.
    editor.setCondition(parseCondition(J("{'ForAnyValue:StringLikeIfExists':{'aws:TagKeys':'x*'}}")));
    row = editor.row(0);
    QCOMPARE(row->operatorCombo()->currentText(), QStringLiteral("StringLike"));
    QCOMPARE(row->qualifierCombo()->currentText(), QStringLiteral("ForAnyValue"));
    QVERIFY(row->ifExistsCheckBox()->isChecked());
    QCOMPARE(row->operatorText(), QStringLiteral("ForAnyValue:StringLikeIfExists"));

    // Null takes no IfExists (IAM refuses NullIfExists).
    editor.setCondition(parseCondition(J("{'Null':{'aws:TokenIssueTime':'true'}}")));
    QVERIFY(!editor.row(0)->ifExistsCheckBox()->isEnabled());
}

void TestConditionEditor::typedValueEditorsFollowTheOperator()
{
    ui::ConditionEditor editor;
    editor.show();
    EditLog log(editor);

    // Bool: a true/false combo.
    editor.setCondition(parseCondition(J("{'Bool':{'aws:SecureTransport':'false'}}")));
    ui::ConditionRow *row = editor.row(0);
    // Rows added to a shown editor show from the event loop.
    QTRY_VERIFY(row->isVisible());
    QCOMPARE(row->valueMode(), ui::ConditionRow::ValueMode::Bool);
    QVERIFY(row->boolCombo()->isVisible());
    QCOMPARE(row->boolCombo()->currentText(), QStringLiteral("false"));
    row->boolCombo()->setFocus();
    QTest::keyClick(row->boolCombo(), Qt::Key_Up);
    QCOMPARE(conditionJson(editor.condition()), J("{'Bool':{'aws:SecureTransport':'true'}}"));

    // Null: also true/false.
    editor.setCondition(parseCondition(J("{'Null':{'aws:MultiFactorAuthAge':'true'}}")));
    QCOMPARE(editor.row(0)->valueMode(), ui::ConditionRow::ValueMode::Bool);

    // Date: a date-time picker writing ISO 8601 UTC, and free text checked as a date.
    editor.setCondition(parseCondition(J("{'DateLessThan':{'aws:CurrentTime':'2025-06-30T00:00:00Z'}}")));
    row = editor.row(0);
    QTRY_VERIFY(row->isVisible());
    QCOMPARE(row->valueMode(), ui::ConditionRow::ValueMode::Date);
    QVERIFY(row->dateEdit()->isVisible());
    QCOMPARE(row->dateEdit()->dateTime(), QDateTime(QDate(2025, 6, 30), QTime(0, 0), Qt::UTC));
    row->dateEdit()->setDateTime(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
    QCOMPARE(conditionJson(editor.condition()), J("{'DateLessThan':{'aws:CurrentTime':'2026-01-01T00:00:00Z'}}"));
    QLineEdit *text = valueEdit(row, 0);
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("next year"));
    QVERIFY(!row->valuesEditor()->rowError(0).isEmpty());
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("1767225600"));
    QCOMPARE(row->valuesEditor()->rowError(0), QString());

    // Numeric: checked as a number.
    editor.setCondition(parseCondition(J("{'NumericLessThan':{'aws:MultiFactorAuthAge':'3600'}}")));
    row = editor.row(0);
    QCOMPARE(row->valueMode(), ui::ConditionRow::ValueMode::List);
    text = valueEdit(row, 0);
    QTest::keyClicks(text, QStringLiteral("s"));
    QCOMPARE(row->valuesEditor()->rowError(0), QStringLiteral("Not a number"));
    QCOMPARE(conditionJson(editor.condition()), J("{'NumericLessThan':{'aws:MultiFactorAuthAge':'3600s'}}"));
    QTest::keyClick(text, Qt::Key_Backspace);
    QCOMPARE(row->valuesEditor()->rowError(0), QString());

    // String and ARN keys: plain values, no check.
    editor.setCondition(parseCondition(J("{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::bucket'}}")));
    row = editor.row(0);
    QCOMPARE(row->valueMode(), ui::ConditionRow::ValueMode::List);
    QTest::keyClicks(valueEdit(row, 0), QStringLiteral("/*"));
    QCOMPARE(row->valuesEditor()->rowError(0), QString());
}

void TestConditionEditor::keepsWhatTheFormDoesNotShow()
{
    // An operator IAM does not know and JSON booleans are kept as written while another entry is edited.
    ui::ConditionEditor editor;
    editor.setCondition(parseCondition(
        J("{'StringEqualz':{'a:b':'x'},'Bool':{'aws:SecureTransport':true},'StringEquals':{'c:d':'y'}}")));
    QCOMPARE(editor.rowCount(), 3);
    QCOMPARE(editor.row(0)->operatorCombo()->currentText(), QStringLiteral("StringEqualz"));
    QTest::keyClicks(valueEdit(editor.row(2), 0), QStringLiteral("z"));
    QCOMPARE(conditionJson(editor.condition()),
        J("{'StringEqualz':{'a:b':'x'},'Bool':{'aws:SecureTransport':true},'StringEquals':{'c:d':'yz'}}"));
    // Editing the unknown operator's entry keeps the operator too.
    QTest::keyClicks(valueEdit(editor.row(0), 0), QStringLiteral("x"));
    QCOMPARE(conditionJson(editor.condition()),
        J("{'StringEqualz':{'a:b':'xx'},'Bool':{'aws:SecureTransport':true},'StringEquals':{'c:d':'yz'}}"));
}

void TestConditionEditor::removingTheLastRowRemovesTheElement()
{
    ui::ConditionEditor editor;
    EditLog log(editor);
    editor.setCondition(parseCondition(J("{'StringEquals':{'a:b':'x'},'Bool':{'c:d':'true'}}")));
    QTest::mouseClick(editor.row(0)->removeButton(), Qt::LeftButton);
    QCOMPARE(conditionJson(editor.condition()), J("{'Bool':{'c:d':'true'}}"));
    QTest::mouseClick(editor.row(0)->removeButton(), Qt::LeftButton);
    QVERIFY(!editor.condition());
    QVERIFY(!log.edits.back().condition);
    QCOMPARE(log.edits.back().undoText, QStringLiteral("Remove condition"));
    QCOMPARE(editor.rowCount(), 0);
}

void TestConditionEditor::setConditionInPlaceKeepsFocusAndCursor()
{
    ui::ConditionEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    // The host's round trip: each edit goes through the JSON text and comes back with setCondition.
    QObject::connect(&editor, &ui::ConditionEditor::conditionEdited, &editor,
        [&editor](
            const std::optional<core::ConditionBlock> &c) { editor.setCondition(parseCondition(conditionJson(c))); });
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:PrincipalAccount':'1111','c:d':'y'}}")));
    QLineEdit *value = valueEdit(editor.row(0), 0);
    value->setFocus();
    value->setCursorPosition(2);
    QTest::keyClicks(value, QStringLiteral("22"));
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEquals':{'aws:PrincipalAccount':'112211','c:d':'y'}}"));
    QCOMPARE(valueEdit(editor.row(0), 0), value);
    QVERIFY(value->hasFocus());
    QCOMPARE(value->cursorPosition(), 4);
    QLineEdit *key = editor.row(1)->keyCombo()->lineEdit();
    editor.row(1)->focusKey(1);
    QTest::keyClicks(key, QStringLiteral("x"));
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEquals':{'aws:PrincipalAccount':'112211','cx:d':'y'}}"));
    QVERIFY(key->hasFocus());
    QCOMPARE(key->cursorPosition(), 2);
}

void TestConditionEditor::offersTheKeysOfTheActions()
{
    ui::ConditionEditor editor;
    editor.setCondition(parseCondition(J("{'StringEquals':{'aws:SourceAccount':'111122223333'}}")));
    // Global keys always.
    QVERIFY(editor.offeredKeys().contains(QStringLiteral("aws:SourceIp")));
    QVERIFY(!editor.offeredKeys().contains(QStringLiteral("sts:ExternalId")));
    editor.setActions({ "sts:AssumeRole" });
    QVERIFY(editor.offeredKeys().contains(QStringLiteral("sts:ExternalId")));
    // A wildcard action brings the keys of every action it matches, and of their resource types.
    editor.setActions({ "s3:Put*" });
    QVERIFY(editor.offeredKeys().contains(QStringLiteral("s3:x-amz-acl")));
    QVERIFY(!editor.offeredKeys().contains(QStringLiteral("sts:ExternalId")));
    // The key field offers them, and setActions keeps the key shown.
    QComboBox *key = editor.row(0)->keyCombo();
    QVERIFY(key->findText(QStringLiteral("s3:x-amz-acl")) >= 0);
    QCOMPARE(key->currentText(), QStringLiteral("aws:SourceAccount"));
}

void TestConditionEditor::readOnlyTakesNoGesture()
{
    ui::ConditionEditor editor;
    EditLog log(editor);
    editor.show();
    editor.setCondition(parseCondition(J("{'StringEquals':{'a:b':'x'}}")));
    editor.setReadOnly(true);
    QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("addConditionButton"))->isVisible());
    QVERIFY(valueEdit(editor.row(0), 0)->isReadOnly());
    QVERIFY(!editor.row(0)->operatorCombo()->isEnabled());
    QVERIFY(!editor.row(0)->removeButton()->isVisible());
    QTest::keyClicks(valueEdit(editor.row(0), 0), QStringLiteral("zz"));
    QVERIFY(log.edits.empty());
    QCOMPARE(conditionJson(editor.condition()), J("{'StringEquals':{'a:b':'x'}}"));
}

void TestConditionEditor::stringListEditorUpdatesInPlace()
{
    ui::StringListEditor list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    std::vector<std::pair<QStringList, int>> edits;
    std::vector<int> activated;
    connect(&list, &ui::StringListEditor::valuesEdited, &list,
        [&](const QStringList &values, int row) { edits.emplace_back(values, row); });
    connect(&list, &ui::StringListEditor::rowActivated, &list, [&](int row) { activated.push_back(row); });
    // The host echoes every edit back, as the document does.
    connect(
        &list, &ui::StringListEditor::valuesEdited, &list, [&](const QStringList &values) { list.setValues(values); });

    // An empty list still has a row to type into.
    QCOMPARE(list.rowCount(), 1);
    list.setValues({ QStringLiteral("s3:GetObject") });
    QTest::mouseClick(list.findChild<QPushButton *>(QStringLiteral("addValueButton")), Qt::LeftButton);
    // The new empty row survives the echo (values() has no empty rows), and has the focus.
    QCOMPARE(list.rowCount(), 2);
    QCOMPARE(edits.back().second, -1);
    QVERIFY(list.lineEdit(1)->hasFocus());
    QTest::keyClicks(list.lineEdit(1), QStringLiteral("s3:Put "));
    QCOMPARE(edits.back().first, (QStringList { QStringLiteral("s3:GetObject"), QStringLiteral("s3:Put") }));
    QCOMPARE(edits.back().second, 1);
    // The trailing space being typed is kept, with the cursor.
    QCOMPARE(list.lineEdit(1)->text(), QStringLiteral("s3:Put "));
    QCOMPARE(list.lineEdit(1)->cursorPosition(), 7);
    QTest::keyClick(list.lineEdit(1), Qt::Key_Return);
    QCOMPARE(activated, std::vector<int> { 1 });

    // A change from outside updates only the row that differs.
    QLineEdit *first = list.lineEdit(0);
    list.setValues({ QStringLiteral("s3:GetObject"), QStringLiteral("s3:PutObject") });
    QCOMPARE(list.lineEdit(0), first);
    QCOMPARE(list.lineEdit(1)->text(), QStringLiteral("s3:PutObject"));
    list.setValues({});
    QCOMPARE(list.rowCount(), 1);
    QCOMPARE(list.lineEdit(0)->text(), QString());

    // Completion matches anywhere in the text, without regard to case.
    QStringListModel model({ QStringLiteral("lambda.amazonaws.com"), QStringLiteral("ec2.amazonaws.com") });
    list.setCompletionModel(&model);
    QCompleter *completer = list.lineEdit(0)->completer();
    QVERIFY(completer);
    completer->setCompletionPrefix(QStringLiteral("LAMBDA"));
    QCOMPARE(completer->completionCount(), 1);
    completer->setCompletionPrefix(QStringLiteral("amazonaws"));
    QCOMPARE(completer->completionCount(), 2);
}

QTEST_MAIN(TestConditionEditor)
#include "TestConditionEditor.moc"
