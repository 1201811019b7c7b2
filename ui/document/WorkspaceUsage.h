// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/UsageReport.h"
#include "rd/core/workspace/Workspace.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QTimer;

namespace rd::doc
{

class WorkspaceDocument;

/// How the roles of the workspace were used, from CloudTrail logs the user imported (core::UsageAnalysis): the
/// report, and the import that makes it. The logs are read in the background (both cores, as the CLI's `usage`
/// does) from a copy of the workspace as it was when the import began; progress is polled ten times a second and the
/// import can be cancelled. A report belongs to the workspace open when it was made: opening another drops it.
/// Reports are looked up by role ARN, so a role renamed since the import shows no usage (its ARN has none).
class WorkspaceUsage : public QObject
{
    Q_OBJECT
public:
    struct Progress {
        quint64 records = 0;
        quint64 bytesDone = 0;
        quint64 bytesTotal = 0;
        int filesDone = 0;
        int filesTotal = 0;
        /// Seconds since the import began.
        double seconds = 0;
    };

    explicit WorkspaceUsage(WorkspaceDocument *document);
    ~WorkspaceUsage() override;

    /// Starts reading `paths` (files or folders); false when an import is already running.
    bool importLogs(const QStringList &paths);
    void cancelImport();
    bool isImporting() const { return m_state != nullptr; }
    Progress progress() const;
    /// Waits for the running import, if any (tests, benchmarks).
    void waitForImport();

    std::shared_ptr<const core::UsageReport> report() const { return m_report; }
    /// The paths of the report's logs.
    QStringList sources() const { return m_sources; }
    /// The report's entry for a role of the workspace, or nullptr (no report, or the role has no entry).
    const core::RoleUsage *roleUsage(const core::Role &role) const;
    /// The window the report covers, as "2026-09-01 to 2026-11-30", or "" without a report.
    QString windowText() const;
    /// A note for an Action value of one of the role's permission policies when no successful call of the role in
    /// the report matches it ("No call of s3:Put* in the CloudTrail logs (window)"), else "". "" without a report.
    QString unusedActionNote(const core::Role &role, const QString &action) const;
    /// Drops the report (File > Close Usage Report, or another workspace opened).
    void clear();

Q_SIGNALS:
    /// Ten times a second while an import runs.
    void importProgress();
    /// The import ended: `error` is "" when a report was made (reportChanged() came first), else why not
    /// ("Cancelled.", or every file failed).
    void importFinished(const QString &error);
    void reportChanged();

private:
    struct State;
    void finish(std::shared_ptr<State> state, std::shared_ptr<const core::UsageReport> report);

    WorkspaceDocument *m_document;
    std::shared_ptr<State> m_state;
    std::shared_ptr<const core::UsageReport> m_report;
    QStringList m_sources;
    QStringList m_pendingSources;
    QTimer *m_poll;
};

} // namespace rd::doc
