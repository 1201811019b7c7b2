// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Saves cut short by SIGKILL: the real role-designer-cli, started again and again on the same output and killed at
// varied moments (part-way through a run, as soon as a temporary file of its save appears or a little later, as soon
// as a target changes), never leaves a target holding anything but its old content byte for byte (or nothing, when
// there was none) or the whole new content; the temporary files it leaves are removed by the next save that
// completes. A process killed outright runs no clean-up code, so this checks the order of the writes themselves
// (temporary file first, rename last), not the flushes to disk, which only a power cut would test.
#include "CliRun.h"
#include "GaadFixture.h"
#include "LargeAccount.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <set>
#include <spawn.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using rd::test::CliRun;
using rd::test::runCli;

class TestKilledSaves : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedSavesLeaveTheOldOrTheNewContent_data();
    void killedSavesLeaveTheOldOrTheNewContent();

private:
    QTemporaryDir m_dir;
};

namespace
{

/// The files of a folder by name, without the temporary files of saves.
using Snapshot = std::map<std::string, QByteArray>;

bool isTemporaryName(const std::string &name)
{
    return name.starts_with(".rd-") && name.ends_with(".tmp");
}

/// The names in `folder` (read with readdir: this runs between polls of a child process).
std::vector<std::string> namesIn(const QString &folder)
{
    std::vector<std::string> names;
    DIR *dir = ::opendir(folder.toLocal8Bit().constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    return names;
}

std::set<std::string> temporaryFilesIn(const QString &folder)
{
    std::set<std::string> temporaries;
    for (const std::string &name : namesIn(folder)) {
        if (isTemporaryName(name))
            temporaries.insert(name);
    }
    return temporaries;
}

Snapshot snapshotOf(const QString &folder)
{
    Snapshot files;
    for (const std::string &name : namesIn(folder)) {
        if (isTemporaryName(name))
            continue;
        QFile file(QDir(folder).filePath(QString::fromStdString(name)));
        files[name] = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
    }
    return files;
}

/// What tells that a file was replaced or written: its inode, size and modification time (all 0 when it is absent).
struct FileStamp {
    ino_t inode = 0;
    off_t size = 0;
    std::int64_t modified = 0;

    bool operator==(const FileStamp &) const = default;
};

FileStamp stampOf(const QString &path)
{
    struct stat info {
    };
    if (::stat(path.toLocal8Bit().constData(), &info) != 0)
        return {};
    return { info.st_ino, info.st_size, std::int64_t(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec };
}

/// When a run is killed.
enum class KillMoment {
    /// `delay` after the start, whatever it is doing then (reading its input, most often).
    PartWayThroughTheRun,
    /// `delay` after the first temporary file of this run appears (0: at once, in the middle of writing it).
    AfterATemporaryFileAppears,
    /// As soon as one of the targets is another file or changes size or time (in the middle of a batch's renames;
    /// for a writer that wrote in place, in the middle of its writing).
    WhenATargetChanges,
};

const char *nameOf(KillMoment moment)
{
    switch (moment) {
    case KillMoment::PartWayThroughTheRun:
        return "part-way through the run";
    case KillMoment::AfterATemporaryFileAppears:
        return "after a temporary file appears";
    case KillMoment::WhenATargetChanges:
        return "when a target changes";
    }
    return "";
}

struct KilledRun {
    /// Empty when the run went as planned; otherwise why the test cannot go on.
    QString failure;
    /// Killed by the signal (false: it ended on its own before the kill, with `exitCode`).
    bool killed = false;
    int exitCode = -1;
};

/// Starts role-designer-cli with `arguments` (its output thrown away) and kills it with SIGKILL at `moment`.
/// `targets` are the paths of the files it writes, in `folder`.
KilledRun runAndKill(const QStringList &arguments, KillMoment moment, std::chrono::microseconds delay,
    const QString &folder, const QStringList &targets)
{
    KilledRun result;
    const std::set<std::string> temporariesBefore = temporaryFilesIn(folder);
    std::vector<FileStamp> stampsBefore;
    for (const QString &target : targets)
        stampsBefore.push_back(stampOf(target));

    std::vector<std::string> storage { std::string(RD_CLI_PATH) };
    for (const QString &argument : arguments)
        storage.push_back(argument.toStdString());
    std::vector<char *> argv;
    for (std::string &s : storage)
        argv.push_back(s.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    ::posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t child = 0;
    const int spawned = ::posix_spawn(&child, RD_CLI_PATH, &actions, nullptr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        result.failure =
            QStringLiteral("cannot start %1: %2").arg(QStringLiteral(RD_CLI_PATH), qt_error_string(spawned));
        return result;
    }
    const auto start = std::chrono::steady_clock::now();
    auto triggered = [&] {
        switch (moment) {
        case KillMoment::PartWayThroughTheRun:
            return std::chrono::steady_clock::now() - start >= delay;
        case KillMoment::AfterATemporaryFileAppears:
            for (const std::string &name : temporaryFilesIn(folder)) {
                if (!temporariesBefore.contains(name))
                    return true;
            }
            return false;
        case KillMoment::WhenATargetChanges:
            for (qsizetype i = 0; i < targets.size(); ++i) {
                if (stampOf(targets[i]) != stampsBefore[std::size_t(i)])
                    return true;
            }
            return false;
        }
        return false;
    };

    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child)
            break;
        if (done < 0) {
            result.failure = QStringLiteral("waitpid failed: %1").arg(qt_error_string(errno));
            return result;
        }
        if (triggered()) {
            if (moment == KillMoment::AfterATemporaryFileAppears)
                std::this_thread::sleep_for(delay);
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            break;
        }
        if (std::chrono::steady_clock::now() - start > std::chrono::minutes(2)) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            result.failure = QStringLiteral("the run did not end within two minutes");
            return result;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    result.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

/// The first file of `after` that holds neither its content of `before` (or is there though it was not) nor its
/// content of `next`, described; empty when there is none.
QString mixedFile(const Snapshot &before, const Snapshot &after, const Snapshot &next)
{
    std::set<std::string> names;
    for (const Snapshot *snapshot : { &before, &after, &next }) {
        for (const auto &[name, content] : *snapshot)
            names.insert(name);
    }
    for (const std::string &name : names) {
        const auto was = before.find(name);
        const auto is = after.find(name);
        const auto becomes = next.find(name);
        const bool asBefore = was == before.end() ? is == after.end() : is != after.end() && is->second == was->second;
        const bool asNext = becomes != next.end() && is != after.end() && is->second == becomes->second;
        if (!asBefore && !asNext)
            return QStringLiteral("`%1` holds %2 bytes; before the run %3, the whole new file %4")
                .arg(QString::fromStdString(name),
                    is == after.end() ? QStringLiteral("no") : QString::number(is->second.size()),
                    was == before.end() ? QStringLiteral("it was absent") : QString::number(was->second.size()),
                    becomes == next.end() ? QStringLiteral("is not written") : QString::number(becomes->second.size()));
    }
    return {};
}

QStringList namesOf(const Snapshot &snapshot)
{
    QStringList names;
    for (const auto &[name, content] : snapshot)
        names << QString::fromStdString(name);
    return names;
}

/// Which of the two complete outputs `now` holds fewer files of: the one to write next, so that each run has files to
/// replace (an export leaves a file that already holds its content as it is).
std::size_t lessHeld(const Snapshot &now, const std::vector<Snapshot> &complete)
{
    std::size_t held[2] = { 0, 0 };
    for (std::size_t k = 0; k < 2; ++k) {
        for (const auto &[name, content] : complete[k]) {
            const auto it = now.find(name);
            held[k] += it != now.end() && it->second == content ? 1 : 0;
        }
    }
    return held[0] <= held[1] ? 0 : 1;
}

QStringList withOutput(QStringList arguments, const QString &folder)
{
    arguments.replaceInStrings(QStringLiteral("{out}"), folder);
    return arguments;
}

} // namespace

void TestKilledSaves::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Inputs large enough that writing takes a while (a workspace of megabytes, an export of more files than a
    // batch flushes one by one), small enough for a run to take a fraction of a second. Few files: replacing and
    // removing files is slow on some file systems (online discard).
    for (const auto &[name, roles] : { std::pair { "first.json", 400 }, std::pair { "second.json", 300 } }) {
        QFile gaad(m_dir.filePath(QLatin1String(name)));
        const std::string text = rd::test::makeGaad(roles, 150);
        QVERIFY(gaad.open(QIODevice::WriteOnly));
        QCOMPARE(gaad.write(text.data(), qint64(text.size())), qint64(text.size()));
    }
    rd::test::LargeAccountSize size;
    size.roles = 40;
    size.users = 10;
    size.groups = 5;
    size.policies = 20;
    size.resources = 50;
    const auto error = rd::core::saveWorkspaceFile(
        m_dir.filePath(QStringLiteral("account.rdws")).toStdString(), rd::test::makeLargeAccount(size));
    QVERIFY2(!error, error ? error->c_str() : "");
}

void TestKilledSaves::killedSavesLeaveTheOldOrTheNewContent_data()
{
    // Two commands that write the same files with other content; each run is the one whose content the output
    // folder holds less of, so that it replaces what the runs before it left. `{out}` is the output folder.
    QTest::addColumn<QStringList>("first");
    QTest::addColumn<QStringList>("second");
    const QString account = m_dir.filePath(QStringLiteral("account.rdws"));
    QTest::addRow("an import saving one workspace file")
        << QStringList { QStringLiteral("import"), QStringLiteral("--gaad"),
               m_dir.filePath(QStringLiteral("first.json")), QStringLiteral("--out"),
               QStringLiteral("{out}/imported.rdws") }
        << QStringList { QStringLiteral("import"), QStringLiteral("--gaad"),
               m_dir.filePath(QStringLiteral("second.json")), QStringLiteral("--out"),
               QStringLiteral("{out}/imported.rdws") };
    const QStringList exportArguments { QStringLiteral("export"), QStringLiteral("--workspace"), account,
        QStringLiteral("--format"), QStringLiteral("policy-json"), QStringLiteral("--force"), QStringLiteral("--out"),
        QStringLiteral("{out}") };
    // About sixty files: a batch flushed once (syncfs) rather than file by file.
    QTest::addRow("a policy JSON export writing a batch of files")
        << exportArguments << exportArguments + QStringList { QStringLiteral("--minify") };
}

void TestKilledSaves::killedSavesLeaveTheOldOrTheNewContent()
{
    QFETCH(QStringList, first);
    QFETCH(QStringList, second);
    QTemporaryDir row;
    QVERIFY(row.isValid());

    // What each command writes when it runs to its end, and how long that takes.
    std::vector<Snapshot> complete;
    std::chrono::microseconds fullRun {};
    for (const QStringList &command : { first, second }) {
        const QString reference = row.filePath(QStringLiteral("reference%1").arg(complete.size()));
        QVERIFY(QDir().mkpath(reference));
        QElapsedTimer timer;
        timer.start();
        const CliRun run = runCli(withOutput(command, reference));
        fullRun = std::max(fullRun, std::chrono::microseconds(timer.nsecsElapsed() / 1000));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        complete.push_back(snapshotOf(reference));
        QVERIFY(!complete.back().empty());
        QVERIFY(temporaryFilesIn(reference).empty());
        for (const auto &[name, content] : complete.back()) {
            if (name.ends_with(".rdws"))
                QVERIFY2(
                    rd::core::loadWorkspaceFile(QDir(reference).filePath(QString::fromStdString(name)).toStdString())
                        .ok(),
                    name.c_str());
        }
    }
    QCOMPARE(namesOf(complete[0]), namesOf(complete[1]));
    QVERIFY(complete[0] != complete[1]);

    const QString out = row.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    QStringList targets;
    for (const auto &[name, content] : complete[0])
        targets << QDir(out).filePath(QString::fromStdString(name));

    // Eight kills at varied moments; the first run finds no file there.
    Snapshot before;
    int killedWhileSaving = 0;
    int killed = 0;
    for (int i = 0; i < 8; ++i) {
        const std::size_t which = lessHeld(before, complete);
        const int round = i / 4;
        KillMoment moment = KillMoment::WhenATargetChanges;
        std::chrono::microseconds delay {};
        if (i % 4 == 1) {
            moment = KillMoment::PartWayThroughTheRun;
            delay = fullRun * (1 + 2 * round) / 4;
        } else if (i % 4 == 2) {
            moment = KillMoment::AfterATemporaryFileAppears;
            delay = std::chrono::microseconds(1000 + 3000 * round);
        } else if (i % 4 == 3) {
            // The last run too, so that temporary files are left for the save below to remove.
            moment = KillMoment::AfterATemporaryFileAppears;
        }
        const std::set<std::string> temporariesBefore = temporaryFilesIn(out);
        const KilledRun run = runAndKill(withOutput(which == 0 ? first : second, out), moment, delay, out, targets);
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        const Snapshot after = snapshotOf(out);
        const QString mixed = mixedFile(before, after, complete[which]);
        QVERIFY2(mixed.isEmpty(),
            qPrintable(QStringLiteral("run %1, killed %2 (%3 µs): %4")
                           .arg(i)
                           .arg(QLatin1String(nameOf(moment)))
                           .arg(delay.count())
                           .arg(mixed)));
        if (run.killed) {
            ++killed;
            // A temporary file of this run left behind: it was killed between creating one and renaming it.
            for (const std::string &name : temporaryFilesIn(out)) {
                if (!temporariesBefore.contains(name)) {
                    ++killedWhileSaving;
                    break;
                }
            }
        } else {
            // It ended before the kill: then it saved everything.
            QCOMPARE(run.exitCode, 0);
            QVERIFY(after == complete[which]);
        }
        before = after;
    }
    // The kills did catch saves in the middle; if they never do, the runs are too short for this test to say much.
    QVERIFY2(killedWhileSaving >= 2,
        qPrintable(QStringLiteral("%1 runs killed, %2 of them while saving").arg(killed).arg(killedWhileSaving)));
    QVERIFY(!temporaryFilesIn(out).empty());

    // A save that completes leaves the whole new content and removes every temporary file the killed ones left.
    const std::size_t which = lessHeld(before, complete);
    const CliRun last = runCli(withOutput(which == 0 ? first : second, out));
    QVERIFY2(last.exitCode == 0, qPrintable(last.err));
    QVERIFY(snapshotOf(out) == complete[which]);
    const std::set<std::string> left = temporaryFilesIn(out);
    QVERIFY2(left.empty(), qPrintable(QStringLiteral("left behind: %1").arg(QString::fromStdString(*left.begin()))));
    qInfo("%d runs killed, %d of them while saving", killed, killedWhileSaving);
}

QTEST_GUILESS_MAIN(TestKilledSaves)
#include "TestKilledSaves.moc"
