// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceDocument.h"
#include "widgets/shell/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace rd;

class TestExportDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewsEachFormatOfTheChosenRoles();
    void errorsBlockTheExportUnlessForced();
    void writesThePreviewedFiles();
};

namespace
{
void load(doc::WorkspaceDocument &document, const char *path)
{
    QString error;
    if (!document.load(QString::fromUtf8(path), &error))
        qFatal("%s", qPrintable(error));
}
} // namespace

void TestExportDialog::previewsEachFormatOfTheChosenRoles()
{
    doc::WorkspaceDocument document;
    load(document, RD_EXAMPLE_WORKSPACE);
    ui::ExportDialog dialog(&document, {});
    QCOMPARE(dialog.checkedRoles().size(), std::size_t { 1 });
    dialog.setFormat(core::ExportFormat::PolicyJson);
    QCOMPARE(
        dialog.fileNames(), QStringList({ "LambdaLogWriter.trust-policy.json", "LambdaLogWriter.WriteLogs.json" }));
    auto *preview = dialog.findChild<QPlainTextEdit *>(QStringLiteral("exportPreview"));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("lambda.amazonaws.com")));
    // The preview follows the format at once.
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormatCombo"));
    format->setCurrentIndex(format->findData(int(core::ExportFormat::CloudFormationYaml)));
    QCOMPARE(dialog.fileNames(), QStringList { QStringLiteral("iam-roles.yaml") });
    QVERIFY(preview->toPlainText().contains(QStringLiteral("AWS::IAM::Role")));
    dialog.setFormat(core::ExportFormat::Terraform);
    QVERIFY(preview->toPlainText().contains(QStringLiteral("resource \"aws_iam_role\"")));
    dialog.setFormat(core::ExportFormat::CliScript);
    QVERIFY(dialog.fileNames().contains(QStringLiteral("create-roles.sh")));
    // No role, no file.
    dialog.setRoleChecked(document.workspace().roles.front().id, false);
    QVERIFY(dialog.fileNames().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
}

void TestExportDialog::errorsBlockTheExportUnlessForced()
{
    // needs-review.rdws has a role with an unknown action: IAM would refuse it, so the export refuses ERROR
    // findings unless forced.
    doc::WorkspaceDocument document;
    load(document, RD_NEEDS_REVIEW_WORKSPACE);
    ui::ExportDialog dialog(&document, {});
    dialog.setFormat(core::ExportFormat::CloudFormationJson);
    auto *blockers = dialog.findChild<QListWidget *>(QStringLiteral("exportBlockerList"));
    QVERIFY(blockers->count() > 0);
    QVERIFY(blockers->item(0)->text().contains(QStringLiteral("INVALID_ACTION")));
    QVERIFY(dialog.result().refused);
    QVERIFY(dialog.fileNames().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
    dialog.findChild<QCheckBox *>(QStringLiteral("exportForceCheckBox"))->setChecked(true);
    QCOMPARE(dialog.fileNames(), QStringList { QStringLiteral("iam-roles.json") });
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
}

void TestExportDialog::writesThePreviewedFiles()
{
    doc::WorkspaceDocument document;
    load(document, RD_EXAMPLE_WORKSPACE);
    ui::ExportDialog dialog(&document, {});
    dialog.setFormat(core::ExportFormat::PolicyJson);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(dialog.exportTo(dir.path(), &error), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), dialog.fileNames());
}

QTEST_MAIN(TestExportDialog)
#include "TestExportDialog.moc"
