// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Opening a file (File > Open): what the load found reaches the user instead of a silently partial workspace.
#include "ScratchFiles.h"
#include "document/WorkspaceDocument.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rd;

class TestWorkspaceDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void openingABrokenAccountExportShowsWhere_data();
    void openingABrokenAccountExportShowsWhere();
    void aFileWithSeveralErrorsIsRefusedNamingEachOne_data();
    void aFileWithSeveralErrorsIsRefusedNamingEachOne();
    void warningsOfALoadStayUntilTheWorkspaceIsSavedOrReplaced();
    void aRestoredRecoveryCopyKeepsTheFindingsOfItsFile();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

namespace
{

// An account export that says it holds only its first page: it opens, with a warning.
const QByteArray kTruncatedExport =
    R"({"RoleDetailList": [{"RoleName": "A", "Arn": "arn:aws:iam::111122223333:role/A"}],
 "IsTruncated": true, "Marker": "abc"})";
const QByteArray kEmptyWorkspace = R"({"format": "role-designer-workspace", "formatVersion": 1})";

} // namespace

void TestWorkspaceDocument::initTestCase()
{
    // Recovery copies go under the test-mode data folder, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("role-designer-document-test"));
    QVERIFY(m_dir.isValid());
}

QString TestWorkspaceDocument::write(const QString &name, const QByteArray &content)
{
    return rd::test::writeScratchFile(m_dir, name, content);
}

void TestWorkspaceDocument::openingABrokenAccountExportShowsWhere_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::addRow("a GAAD entry that is not an object")
        << QByteArray(R"({"RoleDetailList":[0]})") << "line 1, column 20: `RoleDetailList[0]`";
    QTest::addRow("a number JSON does not have (RFC 8259 section 6)")
        << QByteArray("{\"RoleDetailList\":[{\"RoleName\":\"r\",\n\"MaxSessionDuration\": Infinity}]}")
        << "line 2, column 23: ";
    // More values than the JSON reader's budget (docs/VALIDATION.md, JSON_SYNTAX_ERROR): refused before the
    // gigabytes they would take once read.
    QByteArray zeros("[");
    zeros.reserve(20'000'004);
    for (int i = 0; i < 10'000'000; ++i)
        zeros.append("0,", 2);
    zeros.append("0]");
    QTest::addRow("ten million and one zeros")
        << zeros << "the text holds more than 10000000 JSON values, more than can be held in memory here";
}

void TestWorkspaceDocument::openingABrokenAccountExportShowsWhere()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = write(QStringLiteral("account.json"), content);

    const doc::WorkspaceDocument::LoadedFile loaded = doc::WorkspaceDocument::readFile(path);
    QVERIFY(!loaded.workspace);
    QVERIFY2(loaded.error.contains(path), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(reason), qPrintable(loaded.error));

    doc::WorkspaceDocument document;
    const std::size_t rolesBefore = document.workspace().roles.size();
    QString error;
    QVERIFY(!document.load(path, &error));
    QCOMPARE(error, loaded.error);
    QCOMPARE(document.workspace().roles.size(), rolesBefore);
    QVERIFY(document.filePath() != path);
}

void TestWorkspaceDocument::aFileWithSeveralErrorsIsRefusedNamingEachOne_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("details");
    QTest::addRow("two fields this version does not know")
        << QByteArray("{\"format\": \"role-designer-workspace\", \"formatVersion\": 1,\n"
                      " \"colour\": \"blue\",\n \"shape\": \"round\"}")
        << "line 2, column 2: " << QStringList { "line 2, column 2: ", "`colour`", "line 3, column 2: ", "`shape`" };
    // Twenty-five unknown fields: the details list the first twenty, then say how many more there are.
    QByteArray many("{\"format\": \"role-designer-workspace\", \"formatVersion\": 1");
    for (int i = 1; i <= 25; ++i)
        many += ",\n\"field" + QByteArray::number(i) + "\": 0";
    many += "}";
    QTest::addRow("twenty-five fields this version does not know")
        << many << "(and 24 more errors)"
        << QStringList { "`field1`", "line 21, column 1: ", "`field20`", "and 5 more" };
}

void TestWorkspaceDocument::aFileWithSeveralErrorsIsRefusedNamingEachOne()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QFETCH(QStringList, details);
    const QString path = write(QStringLiteral("several-errors.rdws"), content);

    const doc::WorkspaceDocument::LoadedFile loaded = doc::WorkspaceDocument::readFile(path);
    QVERIFY(!loaded.workspace);
    QVERIFY2(loaded.error.contains(path), qPrintable(loaded.error));
    QVERIFY2(loaded.error.contains(reason), qPrintable(loaded.error));
    QVERIFY2(!loaded.error.contains(QLatin1Char('\n')), qPrintable(loaded.error));
    for (const QString &part : details)
        QVERIFY2(loaded.errorDetails.contains(part), qPrintable(part + QStringLiteral(" in:\n") + loaded.errorDetails));
    QVERIFY(loaded.errorDetails.count(QLatin1Char('\n')) < doc::WorkspaceDocument::kErrorDetailLines + 1);
    QVERIFY(!loaded.errorDetails.contains(QStringLiteral("`field21`")));
    QVERIFY(core::hasErrors(loaded.diagnostics));
}

void TestWorkspaceDocument::warningsOfALoadStayUntilTheWorkspaceIsSavedOrReplaced()
{
    const QString path = write(QStringLiteral("truncated.json"), kTruncatedExport);
    const doc::WorkspaceDocument::LoadedFile loaded = doc::WorkspaceDocument::readFile(path);
    QVERIFY2(loaded.workspace, qPrintable(loaded.error));
    QCOMPARE(loaded.diagnostics.size(), std::size_t(1));

    doc::WorkspaceDocument document;
    QVERIFY(document.loadFindings().empty());
    QSignalSpy reset(&document, &doc::WorkspaceDocument::workspaceReset);
    QString error;
    QVERIFY2(document.load(path, &error), qPrintable(error));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(document.loadFindings().size(), std::size_t(1));
    const doc::WorkspaceDocument::LoadFinding &finding = document.loadFindings().front();
    QCOMPARE(finding.path, path);
    QCOMPARE(finding.diagnostic.code, std::string("GAAD_FORMAT_ERROR"));
    QCOMPARE(finding.diagnostic.severity, core::Severity::Warning);
    QVERIFY(finding.diagnostic.message.find("IsTruncated") != std::string::npos);
    QCOMPARE(finding.diagnostic.range.begin.line, 1);

    // An edit does not change what the file says.
    QVERIFY(document.editRole(document.workspace().roles.front().id, QStringLiteral("Rename role"),
        doc::RoleEditCommand::Field::Name, [](core::Role &r) { r.name = "B"; }));
    QCOMPARE(document.loadFindings().size(), std::size_t(1));

    // Saved, the file holds what the workspace says: the findings about the file as read go.
    QSignalSpy changed(&document, &doc::WorkspaceDocument::loadFindingsChanged);
    QVERIFY2(document.save(m_dir.filePath(QStringLiteral("saved.rdws")), &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QVERIFY(document.loadFindings().empty());

    // Another workspace replaces them; a new one has none.
    QVERIFY2(document.load(path, &error), qPrintable(error));
    QCOMPARE(document.loadFindings().size(), std::size_t(1));
    QVERIFY2(document.load(write(QStringLiteral("empty.rdws"), kEmptyWorkspace), &error), qPrintable(error));
    QVERIFY(document.loadFindings().empty());
    QVERIFY2(document.load(path, &error), qPrintable(error));
    document.reset(core::Workspace {});
    QVERIFY(document.loadFindings().empty());
}

void TestWorkspaceDocument::aRestoredRecoveryCopyKeepsTheFindingsOfItsFile()
{
    const QString path = write(QStringLiteral("truncated.json"), kTruncatedExport);
    QString error;
    doc::WorkspaceDocument document;
    QVERIFY2(document.load(path, &error), qPrintable(error));
    // An import is unsaved: its copy is kept as the untitled workspace's.
    QVERIFY2(document.autosave(&error), qPrintable(error));
    QVERIFY2(document.restoreRecovery(&error), qPrintable(error));
    QCOMPARE(document.loadFindings().size(), std::size_t(1));
    QCOMPARE(document.loadFindings().front().path, path);
    document.discardRecovery();

    // A copy that does not read is refused with its errors.
    const QString recovery = doc::WorkspaceDocument::recoveryFilePath(document.filePath());
    QFile copy(recovery);
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write("{\"format\": \"role-designer-workspace\", \"formatVersion\": 1,\n \"colour\": 1,\n \"shape\": 2}");
    copy.close();
    QVERIFY(!document.restoreRecovery(&error));
    QVERIFY2(
        error.contains(QStringLiteral("`colour`")) && error.contains(QStringLiteral("`shape`")), qPrintable(error));
    QCOMPARE(document.loadFindings().size(), std::size_t(1));
    document.discardRecovery();
}

QTEST_GUILESS_MAIN(TestWorkspaceDocument)
#include "TestWorkspaceDocument.moc"
