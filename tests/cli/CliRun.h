// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace rd::test
{

/// One run of role-designer-cli (RD_CLI_PATH) as a user runs it: its exit code (-1 when it crashed or never
/// started) and what it printed.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs a program to its end (at most a minute), with `input` on its standard input and, when given, `environment`.
inline CliRun runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
    const QProcessEnvironment &environment = {})
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {})
{
    return runProgram(QStringLiteral(RD_CLI_PATH), arguments, input);
}

} // namespace rd::test
