// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The files a QtTest test reads (tests/data, resources/examples): a missing one fails the test with its name, so
// that a data-driven test never runs no rows, nor a fixture falls back to an empty workspace.
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QtTest>

#include <string>

namespace rd::test
{

/// Why `path` is not a readable file, naming it; "" when it is one.
inline QString missingFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("missing test data file %1").arg(path);
    if (!info.isFile())
        return QStringLiteral("test data path %1 is not a file").arg(path);
    if (!info.isReadable())
        return QStringLiteral("test data file %1 cannot be read").arg(path);
    return {};
}

inline QString missingFile(const std::string &path)
{
    return missingFile(QString::fromStdString(path));
}

inline QString missingFile(const char *path)
{
    return missingFile(QString::fromUtf8(path));
}

/// Why the folder `path` holds no file matching `nameFilter` (a wildcard such as `*.jsonl`), naming it; "" when it
/// holds at least one.
inline QString missingFiles(const QString &path, const QString &nameFilter)
{
    const QDir dir(path);
    if (!dir.exists())
        return QStringLiteral("missing test data folder %1").arg(path);
    if (dir.entryList({ nameFilter }, QDir::Files).isEmpty())
        return QStringLiteral("test data folder %1 has no %2 file").arg(path, nameFilter);
    return {};
}

} // namespace rd::test

/// Fails the current test function unless `path` (a QString, std::string or C string) names a readable file; the
/// message names the file.
#define RD_REQUIRE_FILE(path)                                                                                          \
    do {                                                                                                               \
        const QString rdMissing = rd::test::missingFile(path);                                                         \
        QVERIFY2(rdMissing.isEmpty(), qPrintable(rdMissing));                                                          \
    } while (false)

/// Fails the current test function unless the folder `path` holds a file matching `nameFilter`; the message names
/// the folder.
#define RD_REQUIRE_FILES(path, nameFilter)                                                                             \
    do {                                                                                                               \
        const QString rdMissing = rd::test::missingFiles(path, nameFilter);                                            \
        QVERIFY2(rdMissing.isEmpty(), qPrintable(rdMissing));                                                          \
    } while (false)
