// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Exporting a role's policies as the files the AWS CLI takes (`file://...`).
#include "rd/core/base/FileIO.h"
#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyParser.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace rd::core;

class TestPolicyExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesAndTexts();
    void writesIntoAFolderOnly();
    void removesWhatInterruptedSavesOfItsFilesLeft();
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

QTEST_APPLESS_MAIN(TestPolicyExport)
#include "TestPolicyExport.moc"
