// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceDocument.h"
#include "rd/core/export/ExportFormats.h"
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
    void offersEveryExportFormat_data();
    void offersEveryExportFormat();
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

void TestExportDialog::offersEveryExportFormat_data()
{
    QTest::addColumn<int>("row");
    const std::span<const core::ExportFormatInfo> formats = core::exportFormats();
    for (std::size_t i = 0; i < formats.size(); ++i)
        QTest::addRow("%s", std::string(formats[i].label).c_str()) << int(i);
}

void TestExportDialog::offersEveryExportFormat()
{
    QFETCH(int, row);
    const core::ExportFormatInfo &info = core::exportFormats()[std::size_t(row)];
    doc::WorkspaceDocument document;
    load(document, RD_EXAMPLE_WORKSPACE);
    ui::ExportDialog dialog(&document, {});
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormatCombo"));
    auto *minify = dialog.findChild<QCheckBox *>(QStringLiteral("exportMinifyCheckBox"));
    // One entry per row of the table, in its order, named by its label.
    QCOMPARE(format->count(), int(core::exportFormats().size()));
    QCOMPARE(format->itemData(row).toInt(), int(info.id));
    QCOMPARE(format->itemText(row), QString::fromUtf8(info.label.data(), qsizetype(info.label.size())));
    // Choosing it previews that format's files; "Minify JSON" is enabled only where it changes them.
    minify->setChecked(true);
    format->setCurrentIndex(row);
    QCOMPARE(minify->isEnabled(), info.supportsMinify);
    const core::WriteStyle style = info.supportsMinify ? core::WriteStyle::Minified : core::WriteStyle::Pretty;
    QStringList expected;
    for (const core::ExportedFile &file :
        core::exportFiles(document.workspace(), dialog.checkedRoles(), info.id, style))
        expected << QString::fromStdString(file.name);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(dialog.fileNames(), expected);
    QCOMPARE(dialog.result().files.front().text,
        core::exportFiles(document.workspace(), dialog.checkedRoles(), info.id, style).front().text);
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
