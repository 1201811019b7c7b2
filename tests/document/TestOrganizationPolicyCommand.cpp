// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Editing an SCP's or RCP's content through the undo stack: one step per burst of typing, undo and redo restore the
// policy and the text as typed, the analysis model follows.
#include "document/AccountAnalysis.h"
#include "document/OrganizationPolicyCommand.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/policy/PolicyParser.h"

#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <thread>

using namespace rd;

class TestOrganizationPolicyCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editUndoRedoRestoresThePolicyAndItsText();
    void typingWithoutAPauseIsOneStep();
    void refusesUnknownPoliciesAndNoOps();
    void theAnalysisModelFollowsTheEdit();
};

namespace
{

void loadExample(doc::WorkspaceDocument &document)
{
    QString error;
    if (!document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/organization.rdws"), &error))
        qFatal("cannot load the example: %s", qPrintable(error));
}

core::Policy parsed(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    core::ParseResult result = core::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!result.policy)
        qFatal("not a policy: %s", qPrintable(text));
    return std::move(*result.policy);
}

const core::Policy &denyDelete(const doc::WorkspaceDocument &document)
{
    return document.workspace().organization->policy("p-denydelete1")->document;
}

const QString kNarrower = QStringLiteral(
    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"DenyDeleteBucket\", \"Effect\": \"Deny\", "
    "\"Action\": \"s3:DeleteBucket\", \"Resource\": \"arn:aws:s3:::prod-*\"}]}");

} // namespace

void TestOrganizationPolicyCommand::editUndoRedoRestoresThePolicyAndItsText()
{
    doc::WorkspaceDocument document;
    loadExample(document);
    const core::Policy before = denyDelete(document);
    const QString beforeText = document.organizationPolicyText("p-denydelete1");
    QVERIFY(beforeText.contains(QStringLiteral("DenyLeaveOrganization")));
    QSignalSpy changed(&document, &doc::WorkspaceDocument::organizationPolicyChanged);

    QVERIFY(document.editOrganizationPolicy(
        "p-denydelete1", parsed(kNarrower), kNarrower, QStringLiteral("Edit text of SCP DenyDeleteBucket")));
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Edit text of SCP DenyDeleteBucket"));
    QCOMPARE(denyDelete(document).statements.size(), std::size_t(1));
    QCOMPARE(document.organizationPolicyText("p-denydelete1"), kNarrower);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("p-denydelete1"));
    QVERIFY(document.hasUnsavedChanges());

    document.undoStack()->undo();
    QCOMPARE(denyDelete(document), before);
    QCOMPARE(document.organizationPolicyText("p-denydelete1"), beforeText);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!document.hasUnsavedChanges());

    document.undoStack()->redo();
    QCOMPARE(denyDelete(document).statements.size(), std::size_t(1));
    QCOMPARE(document.organizationPolicyText("p-denydelete1"), kNarrower);
}

void TestOrganizationPolicyCommand::typingWithoutAPauseIsOneStep()
{
    doc::WorkspaceDocument document;
    loadExample(document);
    const core::Policy before = denyDelete(document);
    QString text = kNarrower;
    QVERIFY(document.editOrganizationPolicy("p-denydelete1", parsed(text), text, QStringLiteral("Edit")));
    text.replace(QStringLiteral("prod-*"), QStringLiteral("prod-data"));
    QVERIFY(document.editOrganizationPolicy("p-denydelete1", parsed(text), text, QStringLiteral("Edit")));
    QCOMPARE(document.undoStack()->count(), 1);
    document.undoStack()->undo();
    QCOMPARE(denyDelete(document), before);

    // A pause of a second or more starts a new step.
    document.undoStack()->redo();
    std::this_thread::sleep_for(doc::OrganizationPolicyCommand::kTypingPause);
    text.replace(QStringLiteral("prod-data"), QStringLiteral("prod-logs"));
    QVERIFY(document.editOrganizationPolicy("p-denydelete1", parsed(text), text, QStringLiteral("Edit")));
    QCOMPARE(document.undoStack()->count(), 2);
}

void TestOrganizationPolicyCommand::refusesUnknownPoliciesAndNoOps()
{
    doc::WorkspaceDocument document;
    loadExample(document);
    QVERIFY(!document.editOrganizationPolicy("p-none", parsed(kNarrower), kNarrower, QStringLiteral("Edit")));
    // The same policy in other words: no step, the text is kept.
    const QString same = document.organizationPolicyText("p-denydelete1").simplified();
    QVERIFY(!document.editOrganizationPolicy("p-denydelete1", parsed(same), same, QStringLiteral("Edit")));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.organizationPolicyText("p-denydelete1"), same);
}

void TestOrganizationPolicyCommand::theAnalysisModelFollowsTheEdit()
{
    doc::WorkspaceDocument document;
    loadExample(document);
    document.analysis()->waitForCurrent();
    const auto statementsOfDeny = [&] {
        const core::OrganizationModel *org = document.analysis()->model()->organization();
        return org->organization().policy("p-denydelete1")->document.statements.size();
    };
    QCOMPARE(statementsOfDeny(), std::size_t(2));
    QVERIFY(document.editOrganizationPolicy("p-denydelete1", parsed(kNarrower), kNarrower, QStringLiteral("Edit")));
    document.analysis()->waitForCurrent();
    QCOMPARE(statementsOfDeny(), std::size_t(1));
    document.undoStack()->undo();
    document.analysis()->waitForCurrent();
    QCOMPARE(statementsOfDeny(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestOrganizationPolicyCommand)
#include "TestOrganizationPolicyCommand.moc"
