// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Opening a file (File > Open): what the load found reaches the user instead of a silently partial workspace.
#include "ScratchFiles.h"
#include "document/WorkspaceDocument.h"

#include <QFile>
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

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestWorkspaceDocument::initTestCase()
{
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

QTEST_GUILESS_MAIN(TestWorkspaceDocument)
#include "TestWorkspaceDocument.moc"
