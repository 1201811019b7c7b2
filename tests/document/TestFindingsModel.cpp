// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The findings model: the validator's findings for the selected role, most severe first, cleared when the role goes;
// and what reading the workspace's file found, whichever role is selected, until the workspace is saved or replaced.
#include "PolicyText.h"
#include "ScratchFiles.h"
#include "document/FindingsModel.h"
#include "document/WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rd;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestFindingsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheFindingsOfTheSelectedRole();
    void hasNoFindingsForTheExampleRole();
    void listsWhatReadingTheFileFoundWhicheverRoleIsSelected();
    void listsTheTagAndDescriptionFindingsOfAnImportedRole();
    void listsTheFindingsOfEveryRoleInTheWorkspaceScope();
    void workspaceScopeFollowsEditsRenamesAndRemovals();
};

namespace
{

core::RoleId roleNamed(const doc::WorkspaceDocument &document, const std::string &name)
{
    for (const core::Role &role : document.workspace().roles) {
        if (role.name == name)
            return role.id;
    }
    return {};
}

} // namespace

void TestFindingsModel::listsTheFindingsOfTheSelectedRole()
{
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/needs-review.rdws"), &error),
        qPrintable(error));
    QSignalSpy changed(&model, &doc::FindingsModel::findingsChanged);
    model.setRole(roleNamed(document, "CiDeploy"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(doc::FindingsModel::ColumnCount));
    // Most severe first.
    QStringList codes;
    for (int row = 0; row < model.rowCount(); ++row)
        codes << model.index(row, doc::FindingsModel::CodeColumn).data().toString();
    QCOMPARE(codes,
        QStringList({ "INVALID_ACTION", "MISSING_GITHUB_REPO_CONDITION_KEY", "PASS_ROLE_WITH_STAR_IN_RESOURCE",
            "REDUNDANT_ACTION" }));
    QCOMPARE(model.count(core::Severity::SecurityWarning), 2);
    const QModelIndex first = model.index(0, doc::FindingsModel::SeverityColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("Error"));
    QVERIFY(first.data(Qt::DecorationRole).value<QColor>().isValid());
    QCOMPARE(first.data(doc::FindingsModel::PolicyRole).toString(), QStringLiteral("Deploy"));
    // The policies are read from their text, so a finding names its line.
    QCOMPARE(model.index(1, doc::FindingsModel::WhereColumn).data().toString(), QStringLiteral("trust policy, line 7"));
    QVERIFY(model.index(0, 0)
                .data(doc::FindingsModel::LearnMoreRole)
                .toString()
                .contains(QStringLiteral("error-invalid-action")));
    QCOMPARE(model.headerData(doc::FindingsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));

    // The other role: a partner account trusted without sts:ExternalId.
    model.setRole(roleNamed(document, "PartnerAudit"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, doc::FindingsModel::CodeColumn).data().toString(), QStringLiteral("MISSING_EXTERNAL_ID"));

    // Loading another workspace clears the list.
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws"), &error),
        qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.role().isValid());
}

void TestFindingsModel::hasNoFindingsForTheExampleRole()
{
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QString error;
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws"), &error),
        qPrintable(error));
    model.setRole(roleNamed(document, "LambdaLogWriter"));
    QVERIFY(model.role().isValid());
    QCOMPARE(model.rowCount(), 0);
}

void TestFindingsModel::listsWhatReadingTheFileFoundWhicheverRoleIsSelected()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // An account export that says it holds only its first page; its role trusts another account without an external
    // id, a finding of the role.
    const QString path = rd::test::writeScratchFile(dir, QStringLiteral("account.json"),
        R"({"RoleDetailList": [{"RoleName": "Audit", "Arn": "arn:aws:iam::111122223333:role/Audit",
  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "sts:AssumeRole"}]}}],
 "IsTruncated": true, "Marker": "abc"})");
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(path, &error), qPrintable(error));

    // No role selected: the file's finding alone.
    QVERIFY(!model.role().isValid());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.fileFindingCount(), 1);
    QCOMPARE(model.index(0, doc::FindingsModel::CodeColumn).data().toString(), QStringLiteral("GAAD_FORMAT_ERROR"));
    QCOMPARE(model.index(0, doc::FindingsModel::SeverityColumn).data().toString(), QStringLiteral("Warning"));
    QCOMPARE(model.index(0, doc::FindingsModel::WhereColumn).data().toString(), QStringLiteral("account.json:1:1"));
    QVERIFY(
        model.index(0, doc::FindingsModel::MessageColumn).data().toString().contains(QStringLiteral("IsTruncated")));
    QCOMPARE(model.index(0, 0).data(doc::FindingsModel::FileRole).toString(), path);
    QCOMPARE(model.count(core::Severity::Warning), 1);

    // A role selected: its findings join the file's, which stay.
    model.setRole(roleNamed(document, "Audit"));
    QVERIFY(model.rowCount() > 1);
    QStringList codes;
    for (int row = 0; row < model.rowCount(); ++row)
        codes << model.index(row, doc::FindingsModel::CodeColumn).data().toString();
    QVERIFY2(codes.contains(QStringLiteral("GAAD_FORMAT_ERROR")), qPrintable(codes.join(QLatin1Char(' '))));
    QVERIFY2(codes.contains(QStringLiteral("MISSING_EXTERNAL_ID")), qPrintable(codes.join(QLatin1Char(' '))));
    QCOMPARE(model.fileFindingCount(), 1);

    // Saved, the file says what the workspace says: the finding about the file as read goes, the role's stay.
    QSignalSpy changed(&model, &doc::FindingsModel::findingsChanged);
    const int before = model.rowCount();
    QVERIFY2(document.save(dir.filePath(QStringLiteral("account.rdws")), &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), before - 1);
    QCOMPARE(model.fileFindingCount(), 0);

    // Opened again, then another workspace opened: the findings of the first file vanish.
    QVERIFY2(document.load(path, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws"), &error),
        qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.fileFindingCount(), 0);
}

void TestFindingsModel::listsTheTagAndDescriptionFindingsOfAnImportedRole()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // An account export whose role breaks IAM's rules for descriptions and tags (IAM API Reference, CreateRole and
    // Tag): opened as it is, with no finding about the file; the role's findings say what IAM would refuse.
    const QString path = rd::test::writeScratchFile(dir, QStringLiteral("account.json"),
        R"({"RoleDetailList": [{"RoleName": "Deploy", "Arn": "arn:aws:iam::111122223333:role/Deploy",
  "Description": "\u90e8\u7f72",
  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
  "Tags": [{"Key": "aws:team", "Value": "web"}]}]})");
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(path, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(document.workspace().roles.front().tags.front().key, std::string("aws:team"));

    model.setRole(roleNamed(document, "Deploy"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.fileFindingCount(), 0);
    QCOMPARE(model.count(core::Severity::Error), 2);
    QCOMPARE(
        model.index(0, doc::FindingsModel::CodeColumn).data().toString(), QStringLiteral("INVALID_ROLE_DESCRIPTION"));
    QCOMPARE(model.index(0, doc::FindingsModel::WhereColumn).data().toString(), QStringLiteral("role"));
    QVERIFY(model.index(0, doc::FindingsModel::MessageColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("the description has `\u90e8` (U+90E8)")));
    QCOMPARE(model.index(1, doc::FindingsModel::CodeColumn).data().toString(), QStringLiteral("INVALID_TAG_KEY"));
    QVERIFY(model.index(1, doc::FindingsModel::MessageColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("tag 1: the key `aws:team` begins with `aws:`")));
    QVERIFY(model.index(1, 0)
                .data(doc::FindingsModel::LearnMoreRole)
                .toString()
                .endsWith(QStringLiteral("/APIReference/API_Tag.html")));
}

QTEST_GUILESS_MAIN(TestFindingsModel)
#include "TestFindingsModel.moc"

void TestFindingsModel::listsTheFindingsOfEveryRoleInTheWorkspaceScope()
{
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/needs-review.rdws"), &error),
        qPrintable(error));
    model.setRole(roleNamed(document, "CiDeploy"));
    QCOMPARE(model.rowCount(), 4);

    model.setScope(doc::FindingsModel::Scope::Workspace);
    QVERIFY(model.waitForCurrent(5000));
    QCOMPARE(model.roleCount(), 2);
    QCOMPARE(model.rolesWithFindings(), 2);
    // CiDeploy's four and PartnerAudit's one, most severe first, each naming its role.
    QCOMPARE(model.rowCount(), 5);
    QMultiMap<QString, QString> codesByRole;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, doc::FindingsModel::RoleColumn);
        codesByRole.insert(index.data().toString(), model.index(row, doc::FindingsModel::CodeColumn).data().toString());
        QVERIFY(index.data(doc::FindingsModel::RoleIdRole).toULongLong() != 0);
    }
    QCOMPARE(codesByRole.values(QStringLiteral("PartnerAudit")), QStringList({ "MISSING_EXTERNAL_ID" }));
    QCOMPARE(codesByRole.values(QStringLiteral("CiDeploy")).size(), 4);
    // The severity column sorts by rank, not by its words.
    QCOMPARE(model.index(0, doc::FindingsModel::SeverityColumn).data(doc::FindingsModel::SortRole).toInt(),
        int(core::Severity::Error));
    QCOMPARE(model.headerData(doc::FindingsModel::RoleColumn, Qt::Horizontal).toString(), QStringLiteral("Role"));

    // No role selected: still every role's findings.
    model.setRole({});
    QCOMPARE(model.rowCount(), 5);
    // Back to the selected role only.
    model.setScope(doc::FindingsModel::Scope::SelectedRole);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isBusy());
}

void TestFindingsModel::workspaceScopeFollowsEditsRenamesAndRemovals()
{
    doc::WorkspaceDocument document;
    doc::FindingsModel model(&document);
    QString error;
    QVERIFY2(document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/platform-team.rdws"), &error),
        qPrintable(error));
    model.setScope(doc::FindingsModel::Scope::Workspace);
    QVERIFY(model.waitForCurrent(5000));
    auto codesOf = [&](const QString &role) {
        QStringList codes;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, doc::FindingsModel::RoleColumn).data().toString() == role)
                codes << model.index(row, doc::FindingsModel::CodeColumn).data().toString();
        }
        return codes;
    };
    auto rebuilt = [&] {
        QSignalSpy changed(&model, &doc::FindingsModel::findingsChanged);
        return changed.wait(2000);
    };
    QVERIFY(!codesOf(QStringLiteral("AppRuntime")).contains(QStringLiteral("DUPLICATE_ROLE_NAME")));

    // A role renamed to another's name regardless of case: both become duplicates (IAM User Guide, "IAM
    // identifiers": role names are unique in an account regardless of case), though only one was edited.
    const core::RoleId breakGlass = roleNamed(document, "BreakGlass");
    QVERIFY(document.editRole(breakGlass, QStringLiteral("Rename"), doc::RoleEditCommand::Field::Other,
        [](core::Role &r) { r.name = "appruntime"; }));
    QVERIFY(rebuilt());
    QVERIFY(codesOf(QStringLiteral("AppRuntime")).contains(QStringLiteral("DUPLICATE_ROLE_NAME")));
    QVERIFY(codesOf(QStringLiteral("appruntime")).contains(QStringLiteral("DUPLICATE_ROLE_NAME")));

    // Undone: neither is a duplicate any more.
    document.undoStack()->undo();
    QVERIFY(rebuilt());
    QVERIFY(!codesOf(QStringLiteral("AppRuntime")).contains(QStringLiteral("DUPLICATE_ROLE_NAME")));
    QVERIFY(codesOf(QStringLiteral("appruntime")).isEmpty());

    // A broken policy in a role that is not selected shows up, and goes with the role.
    const core::RoleId deployer = roleNamed(document, "Deployer");
    QVERIFY(document.editRole(deployer, QStringLiteral("Break"), doc::RoleEditCommand::Field::Other, [](core::Role &r) {
        r.inlinePolicies.front().document =
            policyOf(policyDocument(R"({"Effect":"Allow","Action":"s3:GetObjekt","Resource":"*"})"));
    }));
    QVERIFY(rebuilt());
    QVERIFY(codesOf(QStringLiteral("Deployer")).contains(QStringLiteral("INVALID_ACTION")));
    core::Role copy = *document.workspace().role(deployer);
    document.removeRole(deployer);
    QVERIFY(rebuilt());
    QVERIFY(codesOf(QStringLiteral("Deployer")).isEmpty());
    // A role added: validated without a new sweep.
    copy.name = "Deployer2";
    document.insertRole(copy);
    QVERIFY(rebuilt());
    QVERIFY(codesOf(QStringLiteral("Deployer2")).contains(QStringLiteral("INVALID_ACTION")));
    QVERIFY(!model.isBusy());
}
