// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "DataFiles.h"
#include "LargeAccount.h"
#include "PolicyText.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rd::core;
using rd::test::policyWithoutRangesOf;

// Declared before any raw string literal: moc reads "/*" inside one as a comment.
class TestWorkspaceFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsEveryField();
    void policiesKeepTheirPlacesInTheFile();
    void writesStableText();
    void readsAFileOfFormatVersion1();
    void readsTheBundledExample();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void saveIsAtomicAndKeepsTheOldFileOnFailure();
    void saveWritesALargeTextPieceByPiece();
    void aSaveWhoseTextCannotBeMadeLeavesTheTargetUntouched();
    void readsListsThatComeBeforeTheFormat();
    void readsNoListOfAFileOfAnotherVersion();
    void saveThroughSymbolicLinksKeepsTheLinks();
    void saveErrorsNameTheTargetNotTheTemporaryFile();
    void savesTheLongestLegalFileNames();
    void saveRemovesTemporaryFilesOfAnInterruptedSave();
    void batchWritesEveryFileOrLeavesTargetsUntouched();
    void loadReportsUnreadableFiles();
    void loadNamesAUtf16File();
    void loadFindingsTravelWithTheWorkspace();
    void idsAreNeverReused();
};

namespace
{
Workspace sampleWorkspace()
{
    Workspace ws;
    ws.name = "sample";
    ws.accounts.push_back(Account { "111122223333", "prod" });
    Role role;
    role.name = "Deployer";
    role.path = "/ci/";
    role.arn = "arn:aws:iam::111122223333:role/ci/Deployer";
    role.accountId = "111122223333";
    role.description = "Deploys from CI; \"quoted\" and ünïcode";
    role.maxSessionDuration = 7200;
    role.trustPolicy = policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}})");
    role.inlinePolicies.push_back(InlinePolicy { "Deploy",
        policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudformation:*"],"Resource":"*"}]})") });
    role.attachedPolicyArns = { "arn:aws:iam::aws:policy/ReadOnlyAccess" };
    role.permissionsBoundaryArn = "arn:aws:iam::111122223333:policy/Boundary";
    role.tags = { Tag { "team", "platform" } };
    role.instanceProfiles.push_back(
        InstanceProfile { "Deployer", "/", "arn:aws:iam::111122223333:instance-profile/Deployer", "AIPA1" });
    const RoleId roleId = ws.add(role);
    User user;
    user.name = "alice";
    user.arn = "arn:aws:iam::111122223333:user/alice";
    user.groupNames = { "devs" };
    ws.add(user);
    Group group;
    group.name = "devs";
    group.arn = "arn:aws:iam::111122223333:group/devs";
    ws.add(group);
    ManagedPolicy mp;
    mp.name = "Boundary";
    mp.arn = "arn:aws:iam::111122223333:policy/Boundary";
    mp.defaultVersionId = "v1";
    mp.versions.push_back(PolicyVersion { "v1", true, "2024-01-01T00:00:00Z",
        policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}})") });
    ws.add(mp);
    Resource bucket;
    bucket.arn = "arn:aws:s3:::my-log-bucket";
    bucket.type = "AWS::S3::Bucket";
    bucket.policy = policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::my-log-bucket/*","Condition":{"Bool":{"aws:SecureTransport":false}}}})");
    ws.add(bucket);
    ws.collectExternalPrincipals();
    ws.layout.push_back(GraphPosition { "role:" + std::to_string(roleId.value), 12.5, -3 });
    // Format version 2: the organization, its OU tree, accounts and SCPs/RCPs with their targets.
    Organization org;
    org.id = "o-a1b2c3d4e5";
    org.arn = "arn:aws:organizations::999988887777:organization/o-a1b2c3d4e5";
    org.managementAccountId = "999988887777";
    org.managementAccountArn = "arn:aws:organizations::999988887777:account/o-a1b2c3d4e5/999988887777";
    org.managementAccountEmail = "root@example.com";
    org.featureSet = "ALL";
    org.rootId = "r-ab12";
    org.rootArn = "arn:aws:organizations::999988887777:root/o-a1b2c3d4e5/r-ab12";
    org.rootName = "Root";
    org.units.push_back(OrganizationalUnit { "ou-ab12-11111111", "", "Prod", "r-ab12" });
    org.accounts.push_back(
        OrganizationAccount { "111122223333", "", "prod", "prod@example.com", "ACTIVE", "ou-ab12-11111111" });
    OrganizationPolicy scp;
    scp.id = "p-deny1";
    scp.name = "DenyDeleteBucket";
    scp.type = OrganizationPolicyType::ServiceControl;
    scp.document = policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]})");
    scp.targetIds = { "r-ab12" };
    org.policies.push_back(scp);
    OrganizationPolicy rcp;
    rcp.id = "p-FullAWSAccess";
    rcp.name = "RCPFullAWSAccess";
    rcp.type = OrganizationPolicyType::ResourceControl;
    rcp.awsManaged = true;
    rcp.document = policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]})");
    rcp.targetIds = { "r-ab12", "111122223333" };
    org.policies.push_back(rcp);
    ws.organization = org;
    return ws;
}
} // namespace

void TestWorkspaceFile::roundTripsEveryField()
{
    const Workspace ws = sampleWorkspace();
    QCOMPARE(ws.externalPrincipals.size(), std::size_t(1));
    QCOMPARE(ws.externalPrincipals[0].identifier, std::string("444455556666"));
    const std::string text = writeWorkspace(ws);
    WorkspaceLoadResult loaded = loadWorkspaceText(text);
    for (const Diagnostic &d : loaded.diagnostics)
        qWarning("%s", d.message.c_str());
    QVERIFY(loaded.workspace);
    QVERIFY(sameContent(*loaded.workspace, ws));
    QCOMPARE(writeWorkspace(*loaded.workspace), text);
}

void TestWorkspaceFile::policiesKeepTheirPlacesInTheFile()
{
    // `validate --workspace` reports a policy's findings at their place in the file: the loaded policies keep the
    // ranges of their values in the whole text, though the reader hands the file's entries out one by one.
    const Workspace ws = sampleWorkspace();
    const std::string text = writeWorkspace(ws);
    const WorkspaceLoadResult loaded = loadWorkspaceText(text);
    QVERIFY(loaded.ok());
    const Workspace &back = *loaded.workspace;
    const Role &role = back.roles.front();
    const std::vector<std::pair<const PolicyString *, std::string>> values {
        { &role.trustPolicy.statements[0].principal->entries[0].values.values[0],
            R"("arn:aws:iam::444455556666:root")" },
        { &role.inlinePolicies[0].document.statements[0].action->values[0], R"("cloudformation:*")" },
        { &*back.policies[0].versions[0].document.statements[0].effect, R"("Allow")" },
        { &*back.resources[0].policy->statements[0].effect, R"("Deny")" },
    };
    for (const auto &[value, written] : values) {
        const SourceRange &range = value->range;
        QVERIFY2(range.isValid(), written.c_str());
        QCOMPARE(text.substr(range.begin.offset, range.length()), written);
        const std::size_t lineStart = text.rfind('\n', range.begin.offset) + 1;
        QCOMPARE(range.begin.line, 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(lineStart), '\n')));
        QCOMPARE(range.begin.column, 1 + int(range.begin.offset - lineStart));
    }
    // The workspace as saved, but for those places.
    QVERIFY(sameContent(back, ws));
    QVERIFY(!(back == ws));
}

void TestWorkspaceFile::writesStableText()
{
    // The same content added in another order gives the same file, so that workspaces diff well.
    Workspace a;
    Workspace b;
    for (const char *name : { "B", "A", "C" }) {
        Role r;
        r.name = name;
        r.arn = std::string("arn:aws:iam::111122223333:role/") + name;
        r.id.value = static_cast<std::uint64_t>(name[0]);
        a.add(r);
    }
    for (const char *name : { "C", "B", "A" }) {
        Role r;
        r.name = name;
        r.arn = std::string("arn:aws:iam::111122223333:role/") + name;
        r.id.value = static_cast<std::uint64_t>(name[0]);
        b.add(r);
    }
    QCOMPARE(writeWorkspace(a), writeWorkspace(b));
    const std::string text = writeWorkspace(a);
    QVERIFY(text.find("\"name\": \"A\"") < text.find("\"name\": \"B\""));
    QVERIFY(text.find("\n    \"roles\": [\n        {\n            \"id\": 65,") != std::string::npos);
}

void TestWorkspaceFile::readsAFileOfFormatVersion1()
{
    // Format version 1 had no organization: such files still load, as workspaces without one.
    const std::string path = std::string(RD_TEST_DATA_DIR) + "/graph/team-account.rdws";
    RD_REQUIRE_FILE(path);
    QVERIFY(rd::test::readFile(path).find("\"formatVersion\": 1,") != std::string::npos);
    const WorkspaceLoadResult loaded = loadWorkspaceFile(path);
    QVERIFY(loaded.ok());
    QVERIFY(!loaded.workspace->roles.empty());
    QVERIFY(!loaded.workspace->organization);
    // Saved again, it is a version 2 file.
    QVERIFY(writeWorkspace(*loaded.workspace).find("\"formatVersion\": 2,") != std::string::npos);
}

void TestWorkspaceFile::readsTheBundledExample()
{
    const std::string path = std::string(RD_TEST_DATA_DIR) + "/../../resources/examples/lambda-logging.rdws";
    RD_REQUIRE_FILE(path);
    WorkspaceLoadResult loaded = loadWorkspaceFile(path);
    QVERIFY2(loaded.fileError.empty(), loaded.fileError.c_str());
    QVERIFY(loaded.workspace);
    const Workspace &ws = *loaded.workspace;
    QCOMPARE(ws.roles.size(), std::size_t(1));
    const Role &role = ws.roles[0];
    QCOMPARE(role.trustPolicy.statements[0].principal->entries[0].values.values[0].value,
        std::string("lambda.amazonaws.com"));
    QCOMPARE(role.inlinePolicies[0].document.statements[0].action->values[0].value, std::string("s3:PutObject"));
    QCOMPARE(role.inlinePolicies[0].document.statements[0].resource->values[0].value,
        std::string("arn:aws:s3:::my-log-bucket/*"));
    // The example is kept in the writer's own form.
    QCOMPARE(writeWorkspace(ws), rd::test::readFile(path));
}

void TestWorkspaceFile::rejectsBadFiles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");

    QTest::addRow("a newer format version is refused with a clear reason")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 3}"
        << "this workspace has format version 3; this version of the role designer reads format 2: open it with a "
           "newer version"
        << 1;
    QTest::addRow("an unknown field is refused so that saving cannot drop it")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1,\n \"roles\": [{\"id\": 1, \"name\": \"r\", "
           "\"trustPolicy\": {}, \"colour\": \"red\"}]}"
        << "unknown field `roles[0].colour`: this version does not know it" << 2;
    QTest::addRow("a wrong type names the field")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1, \"name\": \"r\", "
           "\"trustPolicy\": {}, \"maxSessionDuration\": \"1h\"}]}"
        << "`roles[0].maxSessionDuration` must be a whole number, not string" << 1;
    QTest::addRow("MaxSessionDuration outside IAM's 1 to 12 hours is refused")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1, \"name\": \"r\", "
           "\"trustPolicy\": {}, \"maxSessionDuration\": 60}]}"
        << "`roles[0].maxSessionDuration` is 60; IAM accepts 3600 to 43200 seconds" << 1;
    QTest::addRow("a repeated id is refused")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1, \"name\": \"a\", "
           "\"trustPolicy\": {}}, {\"id\": 1, \"name\": \"b\", \"trustPolicy\": {}}]}"
        << "`roles[1].id` repeats the id 1" << 1;
    QTest::addRow("a half-written file is a syntax error with its position")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1,"
        << "unterminated object: no `}` matches this `{`" << 1;
    QTest::addRow("a file that is not a workspace says so") << "{\"format\": \"something-else\", \"formatVersion\": 1}"
                                                            << "`something-else` is not a role designer workspace" << 1;
    QTest::addRow("a null format version names the field")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": null}"
        << "`formatVersion` must be a whole number, not null" << 1;
    QTest::addRow("a null format names the field as a missing one is refused")
        << "{\"format\": null, \"formatVersion\": 1}"
        << "`format` must be a string, not null" << 1;
    QTest::addRow("an empty format is not a workspace") << "{\"format\": \"\", \"formatVersion\": 1}"
                                                        << "`` is not a role designer workspace" << 1;
    QTest::addRow("a missing format names the file in plain words") << "{\"formatVersion\": 1}"
                                                                    << "the file has no `format`" << 1;
    QTest::addRow("format version 0 is invalid, not newer")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 0}"
        << "`formatVersion` is 0: format versions start at 1" << 1;
    QTest::addRow("a negative format version is invalid, not newer")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": -1}"
        << "`formatVersion` is -1: format versions start at 1" << 1;
    QTest::addRow("a null required field of an entity names it")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1, \"name\": null, "
           "\"trustPolicy\": {}}]}"
        << "`roles[0].name` must be a string, not null" << 1;
    QTest::addRow("a policy document of the wrong type is refused")
        << "{\"format\": \"role-designer-workspace\", \"formatVersion\": 1, \"roles\": [{\"id\": 1, \"name\": \"r\", "
           "\"trustPolicy\": {\"Statement\": 5}}]}"
        << "`roles[0].trustPolicy`: `Statement` must be an object or an array of objects, not a number" << 1;
}

void TestWorkspaceFile::rejectsBadFiles()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, line);
    WorkspaceLoadResult loaded = loadWorkspaceText(text.toStdString());
    QVERIFY(!loaded.workspace);
    QVERIFY(!loaded.diagnostics.empty());
    QCOMPARE(QString::fromStdString(loaded.diagnostics.front().message), message);
    QCOMPARE(loaded.diagnostics.front().range.begin.line, line);
}

void TestWorkspaceFile::saveIsAtomicAndKeepsTheOldFileOnFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("ws.rdws")).toStdString();
    const Workspace ws = sampleWorkspace();
    QVERIFY(!saveWorkspaceFile(path, ws));
    const std::string saved = rd::test::readFile(path);
    QCOMPARE(saved, writeWorkspace(ws));
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);

    // A save that cannot happen (its folder is gone) reports why and leaves nothing half-written.
    const std::string missing = dir.filePath(QStringLiteral("no/such/folder/ws.rdws")).toStdString();
    const auto error = saveWorkspaceFile(missing, ws);
    QVERIFY(error);
    QVERIFY(error->find("cannot create") != std::string::npos);

    // A read-only folder: the old file stays intact.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    Workspace changed = ws;
    changed.name = "changed";
    const auto denied = saveWorkspaceFile(path, changed);
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (denied) // root may write anyway; then the save must simply have succeeded
        QCOMPARE(rd::test::readFile(path), saved);
    else
        QCOMPARE(rd::test::readFile(path), writeWorkspace(changed));
}

void TestWorkspaceFile::saveWritesALargeTextPieceByPiece()
{
    // A few megabytes of text: the save hands it to the file in several pieces, and the file holds exactly it.
    rd::test::LargeAccountSize size;
    size.roles = 2000;
    const Workspace ws = rd::test::makeLargeAccount(size);
    const std::string text = writeWorkspace(ws);
    QVERIFY(text.size() > std::size_t { 3 } << 20);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("large.rdws")).toStdString();
    QVERIFY(!saveWorkspaceFile(path, ws));
    QVERIFY(rd::test::readFile(path) == text);
}

void TestWorkspaceFile::aSaveWhoseTextCannotBeMadeLeavesTheTargetUntouched()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("kept.txt")).toStdString();
    QVERIFY(!writeFileAtomically(path, std::string_view("old content\n")));
    // The producer gives up half-way (a text writer whose sink failed, say): nothing of it reaches the target.
    const auto error = writeFileAtomically(path, [](const TextSink &sink) { return sink("half of a new") && false; });
    QVERIFY(error);
    QVERIFY2(error->find("kept.txt") != std::string::npos, error->c_str());
    QCOMPARE(rd::test::readFile(path), std::string("old content\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    // Pieces are written in order.
    QVERIFY(!writeFileAtomically(path, [](const TextSink &sink) { return sink("new ") && sink("") && sink("text"); }));
    QCOMPARE(rd::test::readFile(path), std::string("new text"));
}

void TestWorkspaceFile::readsListsThatComeBeforeTheFormat()
{
    // The reader reads a workspace's lists as it meets them once `format` and `formatVersion` are known (the writer
    // puts them first); lists that come before them, in a file written by hand, are read at the end just the same.
    const Workspace ws = sampleWorkspace();
    JsonReadResult json = readJson(writeWorkspace(ws));
    QVERIFY(json.isExact());
    std::vector<JsonMember> &members = json.value->members;
    std::stable_partition(members.begin(), members.end(),
        [](const JsonMember &m) { return m.key != "format" && m.key != "formatVersion"; });
    QCOMPARE(members.back().key, std::string("formatVersion"));
    const WorkspaceLoadResult loaded = loadWorkspaceText(writeJson(*json.value));
    QVERIFY(loaded.ok());
    QVERIFY(sameContent(*loaded.workspace, ws));
}

void TestWorkspaceFile::readsNoListOfAFileOfAnotherVersion()
{
    // A newer format's lists are not read ahead of the version check: the one finding says what to do.
    const WorkspaceLoadResult loaded = loadWorkspaceText(
        R"({"format": "role-designer-workspace", "formatVersion": 99, "roles": [{"unknown": 1}, 7]})");
    QVERIFY(!loaded.workspace);
    QCOMPARE(loaded.diagnostics.size(), std::size_t { 1 });
    QVERIFY(loaded.diagnostics[0].message.find("newer version") != std::string::npos);
}

namespace
{

/// The names in `folder` that look like writeFileAtomically's temporary files.
QStringList temporaryFiles(const QString &folder)
{
    return QDir(folder).entryList({ QStringLiteral(".rd-*.tmp") }, QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

void TestWorkspaceFile::saveThroughSymbolicLinksKeepsTheLinks()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("real")));
    const QString target = dir.filePath(QStringLiteral("real/account.rdws"));
    const QString link = dir.filePath(QStringLiteral("account.rdws"));
    const QString linkToLink = dir.filePath(QStringLiteral("current.rdws"));
    Workspace ws = sampleWorkspace();
    QVERIFY(!saveWorkspaceFile(target.toStdString(), ws));
    // A relative link, and a link to that link: each is resolved from the folder it is in (symlink(7)).
    QVERIFY(::symlink("real/account.rdws", link.toLocal8Bit().constData()) == 0);
    QVERIFY(::symlink("account.rdws", linkToLink.toLocal8Bit().constData()) == 0);

    ws.name = "changed through the links";
    QVERIFY(!saveWorkspaceFile(linkToLink.toStdString(), ws));
    QVERIFY(QFileInfo(linkToLink).isSymLink());
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(rd::test::readFile(target.toStdString()), writeWorkspace(ws));
    QVERIFY(temporaryFiles(dir.path()).isEmpty());
    QVERIFY(temporaryFiles(dir.filePath(QStringLiteral("real"))).isEmpty());

    // A link whose target does not exist yet: the target is made, the link kept.
    const QString dangling = dir.filePath(QStringLiteral("new.rdws"));
    QVERIFY(::symlink("real/new.rdws", dangling.toLocal8Bit().constData()) == 0);
    QVERIFY(!saveWorkspaceFile(dangling.toStdString(), ws));
    QVERIFY(QFileInfo(dangling).isSymLink());
    QCOMPARE(rd::test::readFile(dir.filePath(QStringLiteral("real/new.rdws")).toStdString()), writeWorkspace(ws));

    // A loop of links is refused, naming the file.
    const QString loop = dir.filePath(QStringLiteral("loop.rdws"));
    QVERIFY(::symlink("loop.rdws", loop.toLocal8Bit().constData()) == 0);
    const auto error = saveWorkspaceFile(loop.toStdString(), ws);
    QVERIFY(error);
    QVERIFY2(error->find("loop.rdws") != std::string::npos, error->c_str());
}

void TestWorkspaceFile::saveErrorsNameTheTargetNotTheTemporaryFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("account.rdws")).toStdString();

    // A folder that cannot be written to.
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    const auto denied = writeFileAtomically(path, "{}");
    QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (denied) { // root may write anyway
        QVERIFY2(denied->starts_with("cannot save `" + path + "`: "), denied->c_str());
        QVERIFY2(denied->find(".rd-") == std::string::npos, denied->c_str());
    }
    // A folder that does not exist (which fails for root too).
    const std::string missing = dir.filePath(QStringLiteral("gone/account.rdws")).toStdString();
    const auto noFolder = writeFileAtomically(missing, "{}");
    QVERIFY(noFolder);
    QCOMPARE(QString::fromStdString(*noFolder),
        QStringLiteral("cannot save `%1`: cannot create a file in its folder: %2")
            .arg(QString::fromStdString(missing), QString::fromLocal8Bit(std::strerror(ENOENT))));

    // A write that fails half-way (the file size limit of setrlimit(2) stands in for a full disk): in a child
    // process, which sends its error back through a pipe.
    const std::string big = dir.filePath(QStringLiteral("big.rdws")).toStdString();
    int fds[2];
    QVERIFY(::pipe(fds) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit { 1000, 1000 };
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const auto error = writeFileAtomically(big, std::string(100000, 'x'));
        const std::string message = error ? *error : std::string("saved");
        const ssize_t written = ::write(fds[1], message.data(), message.size());
        ::_exit(written == static_cast<ssize_t>(message.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string message;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QCOMPARE(QString::fromStdString(message),
        QStringLiteral("cannot save `%1`: %2")
            .arg(QString::fromStdString(big), QString::fromLocal8Bit(std::strerror(EFBIG))));
    QVERIFY(!QFile::exists(QString::fromStdString(big)));
    QVERIFY(temporaryFiles(dir.path()).isEmpty());
}

void TestWorkspaceFile::savesTheLongestLegalFileNames()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Workspace ws = sampleWorkspace();
    // NAME_MAX is 255 bytes on Linux file systems (POSIX <limits.h>); the temporary name must not push past it.
    for (const int length : { 238, 250, 255 }) {
        const QString name = QString(length - 5, QLatin1Char('a')) + QStringLiteral(".rdws");
        QCOMPARE(name.toUtf8().size(), length);
        const std::string path = dir.filePath(name).toStdString();
        const auto error = saveWorkspaceFile(path, ws);
        QVERIFY2(!error, error ? error->c_str() : "");
        QCOMPARE(rd::test::readFile(path), writeWorkspace(ws));
    }
    QVERIFY(temporaryFiles(dir.path()).isEmpty());
}

void TestWorkspaceFile::saveRemovesTemporaryFilesOfAnInterruptedSave()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("account.rdws"));
    auto leave = [&](const std::string &targetName) {
        const QString stale =
            dir.filePath(QString::fromStdString(atomicWriteTemporaryPrefix(targetName)) + QStringLiteral("k3x9q2.tmp"));
        QFile file(stale);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write("half a workspace");
        return stale;
    };
    const QString stale = leave("account.rdws");
    const QString otherTarget = leave("other.rdws");
    QVERIFY(QFile::exists(stale));
    QVERIFY(QFile::exists(otherTarget));

    QVERIFY(!saveWorkspaceFile(path.toStdString(), sampleWorkspace()));
    QVERIFY(!QFile::exists(stale));
    // Another file's save may be under way: its temporary file stays.
    QVERIFY(QFile::exists(otherTarget));
    QCOMPARE(temporaryFiles(dir.path()), QStringList { QFileInfo(otherTarget).fileName() });
    QVERIFY(atomicWriteTemporaryPrefix("account.rdws") != atomicWriteTemporaryPrefix("other.rdws"));
    QVERIFY(atomicWriteTemporaryPrefix(std::string(255, 'a')).size() + 10 <= 31);
}

void TestWorkspaceFile::batchWritesEveryFileOrLeavesTargetsUntouched()
{
    // Many files, one flush: every target gets its whole content, scripts their execute bits, no temporary file stays.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<std::string> texts;
    for (int i = 0; i < 40; ++i)
        texts.push_back("policy " + std::to_string(i) + "\n");
    std::vector<AtomicWrite> files;
    for (int i = 0; i < 40; ++i)
        files.push_back(
            { dir.filePath(QStringLiteral("p%1.json").arg(i)).toStdString(), texts[std::size_t(i)], i == 3 });
    QVERIFY(!writeFilesAtomically(files));
    for (int i = 0; i < 40; ++i) {
        QFile file(dir.filePath(QStringLiteral("p%1.json").arg(i)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), texts[std::size_t(i)]);
    }
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("p3.json"))).isExecutable());
    QVERIFY(!QFileInfo(dir.filePath(QStringLiteral("p4.json"))).isExecutable());
    QVERIFY(temporaryFiles(dir.path()).isEmpty());

    // One file that cannot be written (its folder does not exist): nothing is replaced, nothing is left behind.
    std::vector<std::string> newer;
    for (int i = 0; i < 40; ++i)
        newer.push_back("newer " + std::to_string(i) + "\n");
    std::vector<AtomicWrite> failing;
    for (int i = 0; i < 40; ++i)
        failing.push_back({ dir.filePath(QStringLiteral("p%1.json").arg(i)).toStdString(), newer[std::size_t(i)] });
    failing.push_back({ dir.filePath(QStringLiteral("missing/p.json")).toStdString(), "x" });
    const std::optional<std::string> error = writeFilesAtomically(failing);
    QVERIFY(error);
    QVERIFY2(error->find("missing/p.json") != std::string::npos, error->c_str());
    for (int i = 0; i < 40; ++i) {
        QFile file(dir.filePath(QStringLiteral("p%1.json").arg(i)));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), texts[std::size_t(i)]);
    }
    QVERIFY(temporaryFiles(dir.path()).isEmpty());
}

void TestWorkspaceFile::loadReportsUnreadableFiles()
{
    WorkspaceLoadResult missing = loadWorkspaceFile("/no/such/file.rdws");
    QVERIFY(!missing.workspace);
    QVERIFY(missing.fileError.find("cannot open `/no/such/file.rdws`") != std::string::npos);
    WorkspaceLoadResult folder = loadWorkspaceFile("/tmp");
    QVERIFY(folder.fileError.find("is a folder") != std::string::npos);
}

void TestWorkspaceFile::loadNamesAUtf16File()
{
    // A workspace saved as UTF-16 by an editor: the load names the encoding instead of a syntax error.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("account.rdws"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QString text = QString::fromStdString(writeWorkspace(sampleWorkspace()));
    file.write("\xFF\xFE");
    file.write(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    file.close();
    const WorkspaceLoadResult loaded = loadWorkspaceFile(path.toStdString());
    QVERIFY(!loaded.workspace);
    QVERIFY(!loaded.diagnostics.empty());
    QCOMPARE(QString::fromStdString(loaded.diagnostics.front().message),
        QStringLiteral("the file is UTF-16 (little-endian); save it as UTF-8"));
}

void TestWorkspaceFile::loadFindingsTravelWithTheWorkspace()
{
    // A JSON syntax error the reader recovered from (IEEE Infinity is not JSON, RFC 8259 section 6) yields no
    // workspace: the recovered value is a guess.
    WorkspaceLoadResult infinite =
        loadWorkspaceText("{\"RoleDetailList\": [{\"RoleName\": \"r\", \"Arn\": \"arn:aws:iam::111122223333:role/r\",\n"
                          "  \"MaxSessionDuration\": Infinity}]}");
    QVERIFY(!infinite.workspace);
    QVERIFY(!infinite.ok());
    QVERIFY(!infinite.diagnostics.empty());
    QVERIFY(hasCheckCode(infinite.diagnostics.front(), CheckCode::JsonSyntaxError));
    QCOMPARE(infinite.diagnostics.front().range.begin.line, 2);

    // GAAD output with a malformed entry imports the rest, and says what it skipped and where.
    WorkspaceLoadResult malformed = loadWorkspaceText("{\"RoleDetailList\": [0]}");
    QCOMPARE(malformed.source, WorkspaceSource::Gaad);
    QVERIFY(!malformed.ok());
    QVERIFY(hasErrors(malformed.diagnostics));
    QVERIFY(hasCheckCode(malformed.diagnostics.front(), CheckCode::GaadFormatError));
    QCOMPARE(malformed.diagnostics.front().range.begin.column, 21);

    WorkspaceLoadResult clean = loadWorkspaceText(writeWorkspace(sampleWorkspace()));
    QVERIFY(clean.ok());
    QVERIFY(clean.diagnostics.empty());
}

void TestWorkspaceFile::idsAreNeverReused()
{
    Workspace ws = sampleWorkspace();
    const std::uint64_t next = ws.nextId();
    WorkspaceLoadResult loaded = loadWorkspaceText(writeWorkspace(ws));
    QVERIFY(loaded.workspace);
    QCOMPARE(loaded.workspace->nextId(), next);
    Role r;
    r.name = "new";
    QCOMPARE(loaded.workspace->add(r).value, next);
}

QTEST_APPLESS_MAIN(TestWorkspaceFile)
#include "TestWorkspaceFile.moc"
