// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/FindingsModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/RoleTemplate.h"
#include "widgets/editors/PermissionPolicyForm.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <algorithm>

using namespace rd;

class TestPolicyEditorPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void aTypoIsUnderlinedAtItsRangeAfterThePause();
    void typingReplacesThePolicyAfterAPauseAsOneUndoStep();
    void unparsableTextMarksTheFormStaleAndKeepsTheModel();
    void undoRestoresTheTextAsTyped();
    void undoWhileTheTextDoesNotParseTakesBackOnlyTheTyping();
    void aFormEditRewritesTheTextThroughTheWriter();
    void anEditElsewhereInTheRoleLeavesTheTypedTextAlone();
    void focusLeavingTheTextReadsItAtOnce();
    void completionOffersCatalogActionsAndConditionKeys();
    void findingsOfTheRoleCarryRangesIntoTheShownText();
    void aRoleLoadedFromAFileIsUnderlinedInTheShownText();

private:
    doc::WorkspaceDocument *m_document = nullptr;
    core::RoleId m_role;
};

void TestPolicyEditorPane::init()
{
    delete m_document;
    m_document = new doc::WorkspaceDocument;
    std::string error;
    std::optional<core::Role> role =
        core::buildRole(*core::findRoleTemplate("lambda-s3-logs"), "111122223333", {}, error);
    QVERIFY2(role, error.c_str());
    core::Workspace workspace;
    workspace.ensureAccount("111122223333");
    m_role = workspace.add(std::move(*role));
    m_document->reset(std::move(workspace));
}

void TestPolicyEditorPane::aTypoIsUnderlinedAtItsRangeAfterThePause()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    pane.show();
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    QSignalSpy validated(&pane, &ui::PolicyEditorPane::validated);
    QVERIFY(editor->text().contains(QStringLiteral("s3:PutObject")));
    // The user types a typo into the action name: s3:PutObjekt.
    const int at = editor->text().toUtf8().indexOf("PutObject") + 7;
    editor->setFocus();
    int line = 0;
    int index = 0;
    editor->lineIndexFromPosition(at, &line, &index);
    editor->setCursorPosition(line, index);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClick(editor, Qt::Key_K);
    QVERIFY(editor->text().contains(QStringLiteral("s3:PutObjekt")));
    const int actionStart = editor->text().toUtf8().indexOf("\"s3:PutObjekt\"");
    const int errorIndicator = ui::PolicyJsonEditor::indicatorFor(core::Severity::Error);
    // Nothing is read before the pause (bench_editor's TypoUnderlinedAfterPause measures how long the wait is).
    QCOMPARE(validated.count(), 0);
    QVERIFY(!editor->hasIndicatorAt(errorIndicator, std::size_t(actionStart + 1)));
    QTRY_COMPARE(validated.count(), 1);
    QVERIFY(editor->hasIndicatorAt(errorIndicator, std::size_t(actionStart + 1)));
    const core::Diagnostic *finding = editor->diagnosticAt(std::size_t(actionStart + 1));
    QVERIFY(finding);
    QCOMPARE(QString::fromStdString(finding->code), QStringLiteral("INVALID_ACTION"));
    // The squiggle covers the string value `"s3:PutObjekt"` and nothing before or after it.
    QCOMPARE(int(finding->range.begin.offset), actionStart);
    QCOMPARE(int(finding->range.end.offset), actionStart + int(qstrlen("\"s3:PutObjekt\"")));
    QVERIFY(!editor->hasIndicatorAt(errorIndicator, std::size_t(actionStart - 1)));
}

void TestPolicyEditorPane::typingReplacesThePolicyAfterAPauseAsOneUndoStep()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    pane.show();
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    const int at = editor->text().toUtf8().indexOf("my-log-bucket") + int(qstrlen("my-log-bucket"));
    int line = 0;
    int index = 0;
    editor->lineIndexFromPosition(at, &line, &index);
    editor->setCursorPosition(line, index);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("-eu"));
    // Nothing is read before the pause.
    QCOMPARE(m_document->undoStack()->count(), 0);
    QTRY_COMPARE(m_document->undoStack()->count(), 1);
    const core::Role *role = m_document->workspace().role(m_role);
    QCOMPARE(
        QString::fromStdString(role->inlinePolicies.front().document.statements.front().resource->values.front().value),
        QStringLiteral("arn:aws:s3:::my-log-bucket-eu/*"));
    // More typing in the same text merges into the same step.
    QTest::keyClicks(editor, QStringLiteral("-1"));
    pane.flushTextEdit();
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(QString::fromStdString(m_document->workspace()
                                        .role(m_role)
                                        ->inlinePolicies.front()
                                        .document.statements.front()
                                        .resource->values.front()
                                        .value),
        QStringLiteral("arn:aws:s3:::my-log-bucket/*"));
    QVERIFY(editor->text().contains(QStringLiteral("\"arn:aws:s3:::my-log-bucket/*\"")));
}

void TestPolicyEditorPane::unparsableTextMarksTheFormStaleAndKeepsTheModel()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    const core::Role before = *m_document->workspace().role(m_role);
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    editor->setCursorPosition(0, 1);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("\"oops"));
    pane.flushTextEdit();
    QVERIFY(pane.isStale());
    // The form shows the last good policy, marked stale.
    auto *form = qobject_cast<ui::PermissionPolicyForm *>(pane.form());
    QVERIFY(form);
    QVERIFY(form->isStale());
    QCOMPARE(*m_document->workspace().role(m_role), before);
    // The typing is an undo step of its own, which changes no policy.
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!pane.diagnostics().empty());
    QCOMPARE(QString::fromStdString(pane.diagnostics().front().code), QStringLiteral("JSON_SYNTAX_ERROR"));
    // The Findings panel says so too, at the line of the text shown, not "no findings".
    doc::FindingsModel findings(m_document);
    findings.setRole(m_role);
    QVERIFY(findings.rowCount() > 0);
    QCOMPARE(findings.index(0, doc::FindingsModel::CodeColumn).data().toString(), QStringLiteral("JSON_SYNTAX_ERROR"));
    QCOMPARE(findings.index(0, doc::FindingsModel::WhereColumn).data().toString(),
        QStringLiteral("inline policy WriteLogs, line 1"));
    // Taking the typing back makes the text a policy again: no longer stale, and still no edit of the model.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(editor, Qt::Key_Backspace);
    pane.flushTextEdit();
    QVERIFY(!pane.isStale());
    QVERIFY(!form->isStale());
    QCOMPARE(*m_document->workspace().role(m_role), before);
    // Typing taken back: no step left to undo.
    QCOMPARE(m_document->undoStack()->count(), 0);
    for (int row = 0; row < findings.rowCount(); ++row)
        QVERIFY(findings.index(row, doc::FindingsModel::CodeColumn).data().toString()
            != QStringLiteral("JSON_SYNTAX_ERROR"));
}

void TestPolicyEditorPane::undoWhileTheTextDoesNotParseTakesBackOnlyTheTyping()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    pane.show();
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    // An unrelated earlier step: the effect set through the form.
    core::Policy changed = m_document->workspace().role(m_role)->inlinePolicies.front().document;
    changed.statements.front().effect->value = "Deny";
    m_document->editPolicy(doc::PolicyRef { m_role, "WriteLogs" }, changed, QStringLiteral("Set effect"), {});
    const QString beforeTyping = editor->text();
    QCOMPARE(m_document->undoStack()->count(), 1);
    // Mid-typing after the last "Resource" line: `,` then `"Sid": "ReadLogs`, which does not parse.
    const int at = editor->text().toUtf8().indexOf("my-log-bucket/*\"") + int(qstrlen("my-log-bucket/*\""));
    int line = 0;
    int index = 0;
    editor->lineIndexFromPosition(at, &line, &index);
    editor->setCursorPosition(line, index);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral(", \"Sid\": \"ReadLogs"));
    pane.flushTextEdit();
    const QString typed = editor->text();
    QVERIFY(pane.isStale());
    QCOMPARE(m_document->undoStack()->count(), 2);
    // Undo takes back exactly the typing, and nothing else: the effect stays Deny.
    m_document->undoStack()->undo();
    QCOMPARE(editor->text(), beforeTyping);
    QVERIFY(!pane.isStale());
    QCOMPARE(
        QString::fromStdString(
            m_document->workspace().role(m_role)->inlinePolicies.front().document.statements.front().effect->value),
        QStringLiteral("Deny"));
    // Redo brings the typed text back, exactly.
    m_document->undoStack()->redo();
    QCOMPARE(editor->text(), typed);
    QVERIFY(pane.isStale());
    // Typing on without a pause continues the same step, which undo takes back whole.
    QTest::keyClicks(editor, QStringLiteral("\""));
    pane.flushTextEdit();
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    QCOMPARE(editor->text(), beforeTyping);
    QCOMPARE(m_document->undoStack()->index(), 1);
}

void TestPolicyEditorPane::undoRestoresTheTextAsTyped()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    // Typed in the user's own layout: compact, one line.
    const QString typed = QStringLiteral(
        R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]})");
    editor->selectAll();
    editor->setFocus();
    editor->replaceSelectedText(typed);
    pane.flushTextEdit();
    QCOMPARE(editor->text(), typed);
    QCOMPARE(m_document->undoStack()->count(), 1);
    // A form edit (through the document, as the form does it) rewrites the text through the writer.
    core::Policy changed = m_document->workspace().role(m_role)->inlinePolicies.front().document;
    changed.statements.front().effect->value = "Deny";
    m_document->editPolicy(doc::PolicyRef { m_role, "WriteLogs" }, changed, QStringLiteral("Deny"), {});
    QCOMPARE(editor->text(), QString::fromStdString(core::writePolicy(changed)));
    // Undo brings back the text exactly as typed, then the text before the typing; redo the typed text again.
    m_document->undoStack()->undo();
    QCOMPARE(editor->text(), typed);
    m_document->undoStack()->undo();
    QVERIFY(editor->text().contains(QStringLiteral("s3:PutObject")));
    m_document->undoStack()->redo();
    QCOMPARE(editor->text(), typed);
    m_document->undoStack()->redo();
    QCOMPARE(editor->text(), QString::fromStdString(core::writePolicy(changed)));
}

void TestPolicyEditorPane::aFormEditRewritesTheTextThroughTheWriter()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, {} });
    core::Policy trust = m_document->workspace().role(m_role)->trustPolicy;
    trust.statements.front().principal->entries.front().values.values.front().value = "edgelambda.amazonaws.com";
    m_document->editPolicy(doc::PolicyRef { m_role, {} }, trust, QStringLiteral("principal"), {});
    QCOMPARE(pane.jsonEditor()->text(), QString::fromStdString(core::writePolicy(trust)));
    QVERIFY(pane.diagnostics().empty() || pane.diagnostics().front().severity != core::Severity::Error);
}

void TestPolicyEditorPane::anEditElsewhereInTheRoleLeavesTheTypedTextAlone()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    editor->setCursorPosition(0, 1);
    QTest::keyClicks(editor, QStringLiteral("  "));
    const QString typing = editor->text();
    // Typing not read yet; meanwhile the role is renamed in the role form.
    m_document->editRole(
        m_role, QStringLiteral("Rename"), doc::RoleEditCommand::Field::Name, [](core::Role &r) { r.name = "Renamed"; });
    QCOMPARE(editor->text(), typing);
}

void TestPolicyEditorPane::focusLeavingTheTextReadsItAtOnce()
{
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    editor->setFocus();
    QTRY_VERIFY(editor->hasFocus());
    const int at = editor->text().toUtf8().indexOf("PutObject");
    int line = 0;
    int index = 0;
    editor->lineIndexFromPosition(at, &line, &index);
    editor->setCursorPosition(line, index);
    QTest::keyClicks(editor, QStringLiteral("Abort"));
    // Before the pause ends, the user clicks into the form: the typing is read first, so the form edits what the
    // text says.
    auto *sid = pane.form()->findChild<QLineEdit *>(QStringLiteral("sidLineEdit"));
    QVERIFY(sid);
    sid->setFocus();
    QTRY_VERIFY(sid->hasFocus());
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->workspace()
                 .role(m_role)
                 ->inlinePolicies.front()
                 .document.statements.front()
                 .action->values.front()
                 .value,
        std::string("s3:AbortPutObject"));
}

void TestPolicyEditorPane::completionOffersCatalogActionsAndConditionKeys()
{
    const QStringList actions = ui::PolicyJsonEditor::completionsFor(QStringLiteral("s3:PutObj"), false);
    QVERIFY(actions.contains(QStringLiteral("s3:PutObject")));
    QVERIFY(actions.contains(QStringLiteral("s3:PutObjectAcl")));
    QVERIFY(!actions.contains(QStringLiteral("s3:GetObject")));
    const QStringList services = ui::PolicyJsonEditor::completionsFor(QStringLiteral("dynamo"), false);
    QCOMPARE(services, QStringList { QStringLiteral("dynamodb:") });
    const QStringList keys = ui::PolicyJsonEditor::completionsFor(QStringLiteral("aws:SourceI"), true);
    QVERIFY(keys.contains(QStringLiteral("aws:SourceIp")));
    QVERIFY(ui::PolicyJsonEditor::completionsFor(QStringLiteral("nosuchservice:Get"), false).isEmpty());
}

void TestPolicyEditorPane::findingsOfTheRoleCarryRangesIntoTheShownText()
{
    doc::FindingsModel findings(m_document);
    findings.setRole(m_role);
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { m_role, "WriteLogs" });
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    const QString text = QStringLiteral(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObjekt","Resource":"*"}]})");
    editor->selectAll();
    editor->replaceSelectedText(text);
    pane.flushTextEdit();
    bool found = false;
    for (const doc::FindingsModel::Finding &f : findings.findings()) {
        if (f.policy != QLatin1String("WriteLogs") || !f.diagnostic.range.isValid())
            continue;
        found = true;
        const QByteArray bytes = editor->text().toUtf8();
        QVERIFY(f.diagnostic.range.end.offset <= std::size_t(bytes.size()));
        // The range names a piece of what the editor shows: the misspelt action.
        if (f.diagnostic.code == "INVALID_ACTION")
            QCOMPARE(bytes.mid(int(f.diagnostic.range.begin.offset), int(f.diagnostic.range.length())),
                QByteArray("\"s3:PutObjekt\""));
    }
    QVERIFY(found);
}

void TestPolicyEditorPane::aRoleLoadedFromAFileIsUnderlinedInTheShownText()
{
    // Core keeps where each policy of a workspace file stood in the file, which is no place in the text the editor
    // shows: the squiggles, the Findings panel and the undo history go by the editor's own text.
    QString error;
    QVERIFY2(m_document->load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/needs-review.rdws"), &error),
        qPrintable(error));
    core::RoleId role;
    for (const core::Role &r : m_document->workspace().roles) {
        if (r.name == "CiDeploy")
            role = r.id;
    }
    ui::PolicyEditorPane pane(m_document, doc::PolicyRef { role, "Deploy" });
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    const int typo = int(editor->text().toUtf8().indexOf("\"s3:GetObjekt\""));
    QVERIFY(typo > 0);
    const core::Diagnostic *underlined = editor->diagnosticAt(std::size_t(typo + 1));
    QVERIFY(underlined);
    QCOMPARE(QString::fromStdString(underlined->code), QStringLiteral("INVALID_ACTION"));
    QCOMPARE(int(underlined->range.begin.offset), typo);
    QCOMPARE(int(underlined->range.end.offset), typo + int(qstrlen("\"s3:GetObjekt\"")));
    // The Findings panel's finding selects the same text.
    doc::FindingsModel findings(m_document);
    findings.setRole(role);
    const auto listed = std::find_if(findings.findings().begin(), findings.findings().end(),
        [](const doc::FindingsModel::Finding &f) { return f.diagnostic.code == "INVALID_ACTION"; });
    QVERIFY(listed != findings.findings().end());
    QCOMPARE(listed->policy, QStringLiteral("Deploy"));
    QCOMPARE(int(listed->diagnostic.range.begin.offset), typo);
    // White space typed into the text says the same policy as the file did: no undo step, nothing to save.
    editor->setCursorPosition(0, 1);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral(" "));
    pane.flushTextEdit();
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->hasUnsavedChanges());
}

QTEST_MAIN(TestPolicyEditorPane)
#include "TestPolicyEditorPane.moc"
