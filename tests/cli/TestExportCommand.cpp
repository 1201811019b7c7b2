// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// `role-designer-cli export` as a user runs it: real processes and files, exit codes 0 (written), 1 (refused by
// ERROR findings) and 2 (bad usage), and the generated AWS CLI script run against a stand-in `aws` that records its
// arguments.
#include "CliRun.h"
#include "DataFiles.h"
#include "rd/core/export/ExportFormats.h"
#include "rd/core/export/WorkspaceExport.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>

namespace
{

using rd::test::CliRun;
using rd::test::runCli;

CliRun runProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &env = {})
{
    return rd::test::runProgram(program, arguments, {}, env);
}

QString example(const QString &name)
{
    return QStringLiteral(RD_SOURCE_DIR "/resources/examples/") + name;
}

QString exportData(const QString &name)
{
    return QStringLiteral(RD_SOURCE_DIR "/tests/data/export/") + name;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A stand-in for the AWS CLI: records each call's arguments (separated by 0x1F, calls by 0x1E) and answers
// create-policy with the ARN the real one would print for `--query Policy.Arn --output text`.
const char *kFakeAws = "#!/usr/bin/env bash\n"
                       "printf '%s\\037' \"$@\" >> \"$AWS_LOG\"\n"
                       "printf '\\036' >> \"$AWS_LOG\"\n"
                       "if [ \"$2\" = create-policy ]; then\n"
                       "    name=''; path=''\n"
                       "    while [ $# -gt 0 ]; do\n"
                       "        case \"$1\" in --policy-name) name=$2 ;; --path) path=$2 ;; esac\n"
                       "        shift\n"
                       "    done\n"
                       "    echo \"arn:aws:iam::111122223333:policy$path$name\"\n"
                       "fi\n";

const char *kMinifiedWriteLogs =
    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PutLogObjects\",\"Effect\":"
    "\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::my-log-bucket/*\"}]}\n";

/// A file's inode and modification time: both stay when the file is left alone.
QPair<qulonglong, qlonglong> identityOf(const QString &path)
{
    struct stat info {
    };
    if (::stat(path.toLocal8Bit().constData(), &info) != 0)
        return {};
    return { info.st_ino, qlonglong(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec };
}

const char *kTags = "[{\"Key\":\"team\",\"Value\":\"web\"},{\"Key\":\"cost-center\",\"Value\":\"4711\"}]";

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void writesEveryFormat_data();
    void writesEveryFormat();
    void acceptsEveryFormatOfTheTable_data();
    void acceptsEveryFormatOfTheTable();
    void minifiesPolicyJson();
    void exportingAgainLeavesUnchangedFilesUntouched();
    void exportsOnlyTheNamedRoles();
    void refusesErrorFindingsWithExitOne();
    void forceExportsAnyway();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void theScriptPassesEveryArgumentIntact();

private:
    QTemporaryDir m_dir;
};

void TestExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *name : { "lambda-logging.rdws", "needs-review.rdws" })
        RD_REQUIRE_FILE(example(QLatin1String(name)));
}

void TestExportCommand::writesEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("reference");
    QTest::newRow("policy JSON: the trust policy and each inline policy")
        << QStringLiteral("policy-json")
        << QStringList { QStringLiteral("LambdaLogWriter.trust-policy.json"),
               QStringLiteral("LambdaLogWriter.WriteLogs.json") }
        << QString();
    QTest::newRow("CloudFormation YAML: one template")
        << QStringLiteral("cloudformation") << QStringList { QStringLiteral("iam-roles.yaml") }
        << QStringLiteral("lambda-logging.yaml");
    QTest::newRow("CloudFormation JSON: one template")
        << QStringLiteral("cloudformation-json") << QStringList { QStringLiteral("iam-roles.json") }
        << QStringLiteral("lambda-logging.template.json");
    QTest::newRow("Terraform: one configuration")
        << QStringLiteral("terraform") << QStringList { QStringLiteral("iam-roles.tf") }
        << QStringLiteral("lambda-logging.tf");
    QTest::newRow("AWS CLI: the script and the files it reads")
        << QStringLiteral("cli")
        << QStringList { QStringLiteral("create-roles.sh"), QStringLiteral("LambdaLogWriter.trust-policy.json"),
               QStringLiteral("LambdaLogWriter.WriteLogs.json") }
        << QStringLiteral("lambda-logging.sh");
}

void TestExportCommand::writesEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QStringList, files);
    QFETCH(QString, reference);
    // A folder that does not exist yet is made.
    const QString out = m_dir.filePath(QStringLiteral("every/") + format);
    const CliRun run = runCli(
        { QStringLiteral("export"), QStringLiteral("--workspace"), example(QStringLiteral("lambda-logging.rdws")),
            QStringLiteral("--format"), format, QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QStringList listed = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QStringList expected;
    for (const QString &file : files)
        expected << QDir(out).filePath(file);
    QCOMPARE(listed, expected);
    QStringList sorted = files;
    sorted.sort();
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), sorted);
    if (!reference.isEmpty()) {
        RD_REQUIRE_FILE(exportData(reference));
        QCOMPARE(readAll(QDir(out).filePath(files.front())), readAll(exportData(reference)));
    }
}

void TestExportCommand::acceptsEveryFormatOfTheTable_data()
{
    QTest::addColumn<int>("format");
    for (const rd::core::ExportFormatInfo &row : rd::core::exportFormats())
        QTest::addRow("%s", std::string(row.cliName).c_str()) << int(row.id);
}

void TestExportCommand::acceptsEveryFormatOfTheTable()
{
    QFETCH(int, format);
    const rd::core::ExportFormatInfo &row = *rd::core::findExportFormat(rd::core::ExportFormat(format));
    const QString name = QString::fromUtf8(row.cliName.data(), qsizetype(row.cliName.size()));
    // --help names it, and --format takes it.
    const CliRun help = runCli({ QStringLiteral("export"), QStringLiteral("--help") });
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(name), qPrintable(help.out));
    const QString workspace = example(QStringLiteral("lambda-logging.rdws"));
    const QString out = m_dir.filePath(QStringLiteral("table/") + name);
    const CliRun run = runCli({ QStringLiteral("export"), QStringLiteral("--workspace"), workspace,
        QStringLiteral("--format"), name, QStringLiteral("--minify"), QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 0);
    // It writes what core's export of that row writes, --minify passed on.
    rd::core::WorkspaceLoadResult loaded = rd::core::loadWorkspaceFile(workspace.toStdString());
    QVERIFY(loaded.workspace);
    std::vector<rd::core::RoleId> roles;
    for (const rd::core::Role &role : loaded.workspace->roles)
        roles.push_back(role.id);
    const std::vector<rd::core::ExportedFile> files =
        rd::core::exportFiles(*loaded.workspace, roles, row.id, rd::core::WriteStyle::Minified);
    QStringList expected;
    for (const rd::core::ExportedFile &file : files)
        expected << QDir(out).filePath(QString::fromStdString(file.name));
    QCOMPARE(run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    for (const rd::core::ExportedFile &file : files)
        QCOMPARE(readAll(QDir(out).filePath(QString::fromStdString(file.name))), QByteArray::fromStdString(file.text));
}

void TestExportCommand::minifiesPolicyJson()
{
    const QString out = m_dir.filePath(QStringLiteral("minified"));
    const CliRun run = runCli({ QStringLiteral("export"), QStringLiteral("--workspace"),
        example(QStringLiteral("lambda-logging.rdws")), QStringLiteral("--format"), QStringLiteral("policy-json"),
        QStringLiteral("--minify"), QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 0);
    const QByteArray text = readAll(QDir(out).filePath(QStringLiteral("LambdaLogWriter.WriteLogs.json")));
    const QByteArray expected = kMinifiedWriteLogs;
    QCOMPARE(text, expected);
}

void TestExportCommand::exportingAgainLeavesUnchangedFilesUntouched()
{
    const QString out = m_dir.filePath(QStringLiteral("again"));
    const QStringList arguments { QStringLiteral("export"), QStringLiteral("--workspace"),
        example(QStringLiteral("lambda-logging.rdws")), QStringLiteral("--format"), QStringLiteral("policy-json"),
        QStringLiteral("--out"), out };
    const CliRun first = runCli(arguments);
    QCOMPARE(first.exitCode, 0);
    const QStringList files = first.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(files.size(), 2);
    // Modification times a day in the past, so that any write shows.
    const timespec past[2] = { { 1577836800, 0 }, { 1577836800, 0 } };
    QList<QPair<qulonglong, qlonglong>> before;
    for (const QString &file : files) {
        QVERIFY(::utimensat(AT_FDCWD, file.toLocal8Bit().constData(), past, 0) == 0);
        before << identityOf(file);
    }

    // The same export again: every path is printed, no file is written.
    const CliRun again = runCli(arguments);
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.out, first.out);
    for (qsizetype i = 0; i < files.size(); ++i)
        QCOMPARE(identityOf(files[i]), before[i]);

    // Minified, every file changes: each is replaced.
    const CliRun minified = runCli(arguments + QStringList { QStringLiteral("--minify") });
    QCOMPARE(minified.exitCode, 0);
    QCOMPARE(minified.out, first.out);
    for (qsizetype i = 0; i < files.size(); ++i)
        QVERIFY(identityOf(files[i]).first != before[i].first);
    QCOMPARE(
        readAll(QDir(out).filePath(QStringLiteral("LambdaLogWriter.WriteLogs.json"))), QByteArray(kMinifiedWriteLogs));
}

void TestExportCommand::exportsOnlyTheNamedRoles()
{
    const QString out = m_dir.filePath(QStringLiteral("named"));
    const CliRun run =
        runCli({ QStringLiteral("export"), QStringLiteral("--workspace"), example(QStringLiteral("needs-review.rdws")),
            QStringLiteral("--format"), QStringLiteral("policy-json"), QStringLiteral("--role"),
            QStringLiteral("PartnerAudit"), QStringLiteral("--force"), QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 0);
    const QStringList written = QDir(out).entryList(QDir::Files);
    QVERIFY(!written.isEmpty());
    for (const QString &file : written)
        QVERIFY2(file.startsWith(QStringLiteral("PartnerAudit.")), qPrintable(file));
}

void TestExportCommand::refusesErrorFindingsWithExitOne()
{
    const QString out = m_dir.filePath(QStringLiteral("refused"));
    const CliRun run =
        runCli({ QStringLiteral("export"), QStringLiteral("--workspace"), example(QStringLiteral("needs-review.rdws")),
            QStringLiteral("--format"), QStringLiteral("terraform"), QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines.takeLast().contains(QStringLiteral("export refused")));
    // `ROLE: SEVERITY CODE message`.
    const QRegularExpression finding(QStringLiteral("^[A-Za-z0-9+=,.@_-]+: ERROR [A-Z_]+ .+$"));
    for (const QString &line : lines)
        QVERIFY2(finding.match(line).hasMatch(), qPrintable(line));
    QVERIFY(!QDir(out).exists());
}

void TestExportCommand::forceExportsAnyway()
{
    const QString out = m_dir.filePath(QStringLiteral("forced"));
    const CliRun run = runCli({ QStringLiteral("export"), QStringLiteral("--workspace"),
        example(QStringLiteral("needs-review.rdws")), QStringLiteral("--format"), QStringLiteral("terraform"),
        QStringLiteral("--force"), QStringLiteral("--out"), out });
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.contains(QStringLiteral(": ERROR ")));
    QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("iam-roles.tf"))));
}

void TestExportCommand::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    const QString lambda = example(QStringLiteral("lambda-logging.rdws"));
    const QString out = QDir::temp().filePath(QStringLiteral("rd-export-never-written"));
    QTest::newRow("an unknown role is named") << QStringList { QStringLiteral("--workspace"), lambda,
        QStringLiteral("--format"), QStringLiteral("cli"), QStringLiteral("--role"), QStringLiteral("NoSuchRole"),
        QStringLiteral("--out"), out } << QStringLiteral("no role named `NoSuchRole`");
    QTest::newRow("an unknown format") << QStringList { QStringLiteral("--workspace"), lambda,
        QStringLiteral("--format"), QStringLiteral("pulumi"), QStringLiteral("--out"), out }
                                       << QStringLiteral("pulumi");
    QTest::newRow("a workspace that does not exist") << QStringList { QStringLiteral("--workspace"),
        QStringLiteral("/nonexistent/x.rdws"), QStringLiteral("--format"), QStringLiteral("cli"),
        QStringLiteral("--out"), out } << QStringLiteral("/nonexistent/x.rdws");
    QTest::newRow("no output folder") << QStringList { QStringLiteral("--workspace"), lambda,
        QStringLiteral("--format"), QStringLiteral("cli") }
                                      << QStringLiteral("--out");
    QTest::newRow("the output folder is a file") << QStringList { QStringLiteral("--workspace"), lambda,
        QStringLiteral("--format"), QStringLiteral("cli"), QStringLiteral("--out"), lambda }
                                                 << QStringLiteral("lambda-logging.rdws");
}

void TestExportCommand::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    const CliRun run = runCli(QStringList { QStringLiteral("export") } + arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QVERIFY(!QDir(QDir::temp().filePath(QStringLiteral("rd-export-never-written"))).exists());
}

void TestExportCommand::theScriptPassesEveryArgumentIntact()
{
    // A role whose description and tag would break a carelessly quoted script. The description is one IAM takes
    // (IAM API Reference, CreateRole: printable Latin-1, so no snowman): export refuses a role with ERROR findings.
    const QString description = QStringLiteral("it's \"$(touch pwned)\" `id` ${HOME} %{x}\nZürich ©");
    QByteArray workspace = readAll(exportData(QStringLiteral("ec2-web-server.rdws")));
    QVERIFY(!workspace.isEmpty());
    workspace.replace("Instances of the web tier: read their configuration, \\\"no\\\" writes",
        "it's \\\"$(touch pwned)\\\" `id` ${HOME} %{x}\\nZürich ©");
    const QString file = m_dir.filePath(QStringLiteral("awkward.rdws"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(workspace);
    }
    const QString out = m_dir.filePath(QStringLiteral("script"));
    QCOMPARE(runCli({ QStringLiteral("export"), QStringLiteral("--workspace"), file, QStringLiteral("--format"),
                        QStringLiteral("cli"), QStringLiteral("--out"), out })
                 .exitCode,
        0);

    const QString bin = m_dir.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    {
        QFile aws(QDir(bin).filePath(QStringLiteral("aws")));
        QVERIFY(aws.open(QIODevice::WriteOnly));
        aws.write(kFakeAws);
        aws.setPermissions(aws.permissions() | QFileDevice::ExeOwner);
    }
    const QString log = m_dir.filePath(QStringLiteral("aws.log"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("AWS_LOG"), log);
    // Run from elsewhere: the script finds its files itself.
    const CliRun run = runProcess(QDir(out).filePath(QStringLiteral("create-roles.sh")), {}, env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(!QFile::exists(QDir(out).filePath(QStringLiteral("pwned"))));

    QStringList calls;
    for (const QString &call : QString::fromUtf8(readAll(log)).split(QChar(0x1E), Qt::SkipEmptyParts)) {
        QStringList args = call.split(QChar(0x1F));
        args.removeLast();
        calls << args.join(QLatin1Char('|'));
    }
    const QStringList expected {
        QStringLiteral("iam|create-policy|--policy-name|AppConfigRead|--path|/app/|--description|Read the "
                       "application's parameters|--policy-document|file://AppConfigRead.managed-policy.json|--query|"
                       "Policy.Arn|--output|text"),
        QStringLiteral("iam|create-policy|--policy-name|DeveloperBoundary|--path|/|--policy-document|"
                       "file://DeveloperBoundary.managed-policy.json|--query|Policy.Arn|--output|text"),
        QStringLiteral("iam|create-role|--role-name|WebServer|--path|/app/|--assume-role-policy-document|"
                       "file://WebServer.trust-policy.json|--description|")
            + description
            + QStringLiteral("|--max-session-duration|7200|--permissions-boundary|"
                             "arn:aws:iam::111122223333:policy/DeveloperBoundary|--tags|")
            + QString::fromUtf8(kTags),
        QStringLiteral("iam|put-role-policy|--role-name|WebServer|--policy-name|ReadReleases|--policy-document|"
                       "file://WebServer.ReadReleases.json"),
        QStringLiteral("iam|attach-role-policy|--role-name|WebServer|--policy-arn|"
                       "arn:aws:iam::111122223333:policy/app/AppConfigRead"),
        QStringLiteral("iam|attach-role-policy|--role-name|WebServer|--policy-arn|"
                       "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"),
        QStringLiteral("iam|create-instance-profile|--instance-profile-name|WebServer|--path|/app/"),
        QStringLiteral("iam|add-role-to-instance-profile|--instance-profile-name|WebServer|--role-name|WebServer"),
    };
    QCOMPARE(calls, expected);
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "TestExportCommand.moc"
