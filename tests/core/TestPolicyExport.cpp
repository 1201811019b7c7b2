// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Exporting a role's policies as the files the AWS CLI takes (`file://...`).
#include "rd/core/base/FileIO.h"
#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyParser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace rd::core;

class TestPolicyExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesAndTexts();
    void writesIntoAFolderOnly();
    void removesWhatInterruptedSavesOfItsFilesLeft();
    void exportingAgainRewritesOnlyWhatChanged();
    void rewritesAFileUnlessItHoldsTheNewContent_data();
    void rewritesAFileUnlessItHoldsTheNewContent();
};

namespace
{

Role lambdaRole()
{
    Role role;
    role.name = "LambdaLogWriter";
    role.trustPolicy = *parsePolicy(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})")
                            .policy;
    role.inlinePolicies.push_back(InlinePolicy { "Write Logs/2",
        *parsePolicy(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-log-bucket/*"}]})")
             .policy });
    return role;
}

/// What tells a file left alone from a file written again: a rewrite renames a new file (another inode) onto the
/// name, and a write in place would change the modification time, which the tests first set to a day long past.
struct FileIdentity {
    ino_t inode = 0;
    timespec modified {};
    mode_t mode = 0;

    bool sameAs(const FileIdentity &other) const
    {
        return inode == other.inode && modified.tv_sec == other.modified.tv_sec
            && modified.tv_nsec == other.modified.tv_nsec;
    }
};

FileIdentity identityOf(const QString &path)
{
    struct stat info {
    };
    if (::stat(path.toLocal8Bit().constData(), &info) != 0)
        return {};
    return { info.st_ino, info.st_mtim, info.st_mode & 07777 };
}

/// Sets the modification time of `path` to 2020-01-01, so that any later write shows.
bool backdate(const QString &path)
{
    const timespec times[2] = { { 1577836800, 0 }, { 1577836800, 0 } };
    return ::utimensat(AT_FDCWD, path.toLocal8Bit().constData(), times, 0) == 0;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestPolicyExport::namesAndTexts()
{
    const std::vector<ExportedFile> pretty = rolePolicyFiles(lambdaRole());
    QCOMPARE(pretty.size(), std::size_t { 2 });
    QCOMPARE(pretty[0].name, std::string("LambdaLogWriter.trust-policy.json"));
    // A name with characters IAM does not allow cannot escape the folder.
    QCOMPARE(pretty[1].name, std::string("LambdaLogWriter.Write_Logs_2.json"));
    QCOMPARE(pretty[1].text,
        std::string("{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n        {\n            \"Effect\": "
                    "\"Allow\",\n            \"Action\": \"s3:PutObject\",\n            \"Resource\": "
                    "\"arn:aws:s3:::my-log-bucket/*\"\n        }\n    ]\n}\n"));
    const std::vector<ExportedFile> minified = rolePolicyFiles(lambdaRole(), WriteStyle::Minified);
    QCOMPARE(minified[0].text,
        std::string(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})")
            + "\n");
}

void TestPolicyExport::writesIntoAFolderOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<ExportedFile> files = rolePolicyFiles(lambdaRole());
    QVERIFY(!writeExportedFiles(files, dir.path().toStdString()));
    for (const ExportedFile &file : files) {
        const FileReadResult read =
            readTextFile(dir.filePath(QString::fromStdString(file.name)).toStdString(), 1 << 20);
        QVERIFY(read.ok());
        QCOMPARE(read.text, file.text);
    }
    const auto error = writeExportedFiles(files, dir.filePath(QStringLiteral("missing")).toStdString());
    QVERIFY(error);
    QVERIFY(error->find("is not a folder") != std::string::npos);
}

void TestPolicyExport::removesWhatInterruptedSavesOfItsFilesLeft()
{
    // An export writes many files into one folder: the temporary files that interrupted saves of those files left
    // are removed once, after the last file, and those of other files stay (another save may be under way).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<ExportedFile> files = rolePolicyFiles(lambdaRole());
    auto leave = [&](const std::string &targetName) {
        const QString path =
            dir.filePath(QString::fromStdString(atomicWriteTemporaryPrefix(targetName)) + QStringLiteral("k3x9q2.tmp"));
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("half a policy") > 0 ? path : QString();
    };
    const QString staleTrust = leave(files[0].name);
    const QString staleInline = leave(files[1].name);
    const QString other = leave("notes.txt");
    QVERIFY(!staleTrust.isEmpty() && !staleInline.isEmpty() && !other.isEmpty());
    QVERIFY(!writeExportedFiles(files, dir.path().toStdString()));
    QVERIFY(!QFile::exists(staleTrust));
    QVERIFY(!QFile::exists(staleInline));
    QVERIFY(QFile::exists(other));
}

void TestPolicyExport::exportingAgainRewritesOnlyWhatChanged()
{
    // A workspace's export (a batch large enough to be flushed with one file system flush) written twice into the
    // same folder: the second time writes nothing; after one role's inline policy changed, it writes that file only.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Workspace workspace;
    std::vector<RoleId> roles;
    for (int i = 0; i < 12; ++i) {
        Role role = lambdaRole();
        role.name = "Writer" + std::to_string(i);
        roles.push_back(workspace.add(role));
    }
    const std::vector<ExportedFile> files = policyJsonFiles(workspace, roles);
    QCOMPARE(files.size(), std::size_t { 24 });
    QVERIFY(!writeExportedFiles(files, dir.path().toStdString()));
    std::vector<FileIdentity> before;
    for (const ExportedFile &file : files) {
        const QString path = dir.filePath(QString::fromStdString(file.name));
        QVERIFY(backdate(path));
        before.push_back(identityOf(path));
        QVERIFY(before.back().inode != 0);
    }

    QVERIFY(!writeExportedFiles(files, dir.path().toStdString()));
    for (std::size_t i = 0; i < files.size(); ++i)
        QVERIFY2(
            identityOf(dir.filePath(QString::fromStdString(files[i].name))).sameAs(before[i]), files[i].name.c_str());

    Role &changed = *workspace.role(roles[5]);
    changed.inlinePolicies.front().document = *parsePolicy(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::other-bucket/*"}]})")
                                                   .policy;
    const std::vector<ExportedFile> again = policyJsonFiles(workspace, roles);
    QCOMPARE(again.size(), files.size());
    QVERIFY(!writeExportedFiles(again, dir.path().toStdString()));
    int rewritten = 0;
    for (std::size_t i = 0; i < again.size(); ++i) {
        const QString path = dir.filePath(QString::fromStdString(again[i].name));
        QCOMPARE(contentOf(path), QByteArray::fromStdString(again[i].text));
        const bool untouched = identityOf(path).sameAs(before[i]);
        QVERIFY2(untouched == (again[i].name != "Writer5.Write_Logs_2.json"), again[i].name.c_str());
        rewritten += untouched ? 0 : 1;
    }
    QCOMPARE(rewritten, 1);
}

void TestPolicyExport::rewritesAFileUnlessItHoldsTheNewContent_data()
{
    QTest::addColumn<QByteArray>("old");
    QTest::addColumn<bool>("oldExecutable");
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<bool>("executable");
    QTest::addColumn<bool>("rewritten");
    const QByteArray policy = "{\"Version\": \"2012-10-17\"}\n";
    QTest::addRow("the same bytes are left untouched") << policy << false << policy << false << false;
    QTest::addRow("other bytes of another length are written") << policy << false << policy + "\n" << false << true;
    QTest::addRow("other bytes of the same length are written")
        << policy << false << QByteArray(policy).replace("2012", "2008") << false << true;
    QTest::addRow("a file that ends earlier is written") << policy + "{}" << false << policy << false << true;
    QTest::addRow("an empty file stays when nothing is to be in it")
        << QByteArray() << false << QByteArray() << false << false;
    QTest::addRow("a script with its execute bits is left untouched")
        << QByteArray("#!/bin/sh\n") << true << QByteArray("#!/bin/sh\n") << true << false;
    QTest::addRow("a script without its execute bits is written with them")
        << QByteArray("#!/bin/sh\n") << false << QByteArray("#!/bin/sh\n") << true << true;
    QTest::addRow("execute bits are not taken away from the same bytes")
        << QByteArray("#!/bin/sh\n") << true << QByteArray("#!/bin/sh\n") << false << false;
}

void TestPolicyExport::rewritesAFileUnlessItHoldsTheNewContent()
{
    QFETCH(QByteArray, old);
    QFETCH(bool, oldExecutable);
    QFETCH(QByteArray, written);
    QFETCH(bool, executable);
    QFETCH(bool, rewritten);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("file"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(old), old.size());
    }
    QVERIFY(::chmod(path.toLocal8Bit().constData(), oldExecutable ? 0755 : 0644) == 0);
    QVERIFY(backdate(path));
    const FileIdentity before = identityOf(path);

    QVERIFY(
        !writeExportedFiles({ ExportedFile { "file", written.toStdString(), executable } }, dir.path().toStdString()));
    QCOMPARE(contentOf(path), written);
    const FileIdentity after = identityOf(path);
    QCOMPARE(!after.sameAs(before), rewritten);
    QCOMPARE(after.mode, mode_t(executable || oldExecutable ? 0755 : 0644));
}

QTEST_APPLESS_MAIN(TestPolicyExport)
#include "TestPolicyExport.moc"
