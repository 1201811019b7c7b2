// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceUsage.h"

#include "document/AccountAnalysis.h"
#include "document/BackgroundPool.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/usage/UsageAnalysis.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

#include <algorithm>
#include <cctype>

namespace rd::doc
{

/// What the reading threads share with the GUI thread while an import runs.
struct WorkspaceUsage::State {
    std::atomic<bool> cancel { false };
    std::atomic<quint64> records { 0 };
    std::atomic<quint64> bytesDone { 0 };
    std::atomic<quint64> bytesTotal { 0 };
    std::atomic<int> filesDone { 0 };
    std::atomic<int> filesTotal { 0 };
    QElapsedTimer clock;
};

namespace
{

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

QString day(long long seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

WorkspaceUsage::WorkspaceUsage(WorkspaceDocument *document)
    : QObject(document)
    , m_document(document)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, &WorkspaceUsage::importProgress);
    connect(document, &WorkspaceDocument::workspaceReset, this, [this] {
        cancelImport();
        clear();
    });
}

WorkspaceUsage::~WorkspaceUsage()
{
    // A read still running stops at its next check; its result, held by nobody, is dropped on the worker.
    if (m_state)
        m_state->cancel = true;
}

bool WorkspaceUsage::importLogs(const QStringList &paths)
{
    if (m_state || paths.isEmpty())
        return false;
    auto state = std::make_shared<State>();
    state->clock.start();
    m_state = state;
    m_pendingSources = paths;
    std::vector<std::string> files;
    files.reserve(static_cast<std::size_t>(paths.size()));
    for (const QString &path : paths)
        files.push_back(path.toStdString());
    // The report is made from a copy of the workspace as it is now, and the model already built for it.
    auto workspace = std::make_shared<const core::Workspace>(m_document->workspace());
    std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();

    auto *watcher = new QFutureWatcher<std::shared_ptr<const core::UsageReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, state] {
        watcher->deleteLater();
        finish(state, watcher->result());
    });
    watcher->setFuture(runInPool([files = std::move(files), workspace, model, state] {
        core::UsageOptions options;
        options.read.cancel = &state->cancel;
        options.read.progress = [state](const core::CloudTrailProgress &progress) {
            state->records = progress.records;
            state->bytesDone = progress.bytesDone;
            state->bytesTotal = progress.bytesTotal;
            state->filesDone = static_cast<int>(progress.filesDone);
            state->filesTotal = static_cast<int>(progress.filesTotal);
        };
        return std::shared_ptr<const core::UsageReport>(std::make_shared<core::UsageReport>(
            core::UsageAnalysis::fromCloudTrail(files, workspace.get(), model, options)));
    }));
    m_poll->start();
    return true;
}

void WorkspaceUsage::cancelImport()
{
    if (m_state)
        m_state->cancel = true;
}

WorkspaceUsage::Progress WorkspaceUsage::progress() const
{
    Progress progress;
    if (!m_state)
        return progress;
    progress.records = m_state->records;
    progress.bytesDone = m_state->bytesDone;
    progress.bytesTotal = m_state->bytesTotal;
    progress.filesDone = m_state->filesDone;
    progress.filesTotal = m_state->filesTotal;
    progress.seconds = static_cast<double>(m_state->clock.nsecsElapsed()) / 1e9;
    return progress;
}

void WorkspaceUsage::waitForImport()
{
    while (m_state)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

void WorkspaceUsage::finish(std::shared_ptr<State> state, std::shared_ptr<const core::UsageReport> report)
{
    if (state != m_state)
        return; // A reset dropped this import.
    m_state.reset();
    m_poll->stop();
    QString error;
    if (!report || report->read.cancelled || state->cancel) {
        error = tr("Cancelled: the logs read so far were set aside.");
    } else if (report->read.files == 0 || report->read.errors.size() >= report->read.files) {
        // Nothing read, or every file failed: no report that would say "never used".
        error = report->read.errors.empty() ? tr("No CloudTrail log file was found there (.json or .json.gz).")
                                            : tr("No log could be read: %1: %2")
                                                  .arg(QString::fromStdString(report->read.errors.front().path),
                                                      QString::fromStdString(report->read.errors.front().reason));
    } else {
        m_report = std::move(report);
        m_sources = m_pendingSources;
        Q_EMIT reportChanged();
    }
    m_pendingSources.clear();
    Q_EMIT importFinished(error);
}

const core::RoleUsage *WorkspaceUsage::roleUsage(const core::Role &role) const
{
    return m_report ? m_report->role(role.arn) : nullptr;
}

QString WorkspaceUsage::windowText() const
{
    if (!m_report)
        return {};
    const long long from = m_report->since.value_or(m_report->firstRecord);
    const long long to = m_report->until.value_or(m_report->lastRecord);
    if (from == 0 && to == 0)
        return tr("no records");
    return tr("%1 to %2").arg(day(from), day(to));
}

QString WorkspaceUsage::unusedActionNote(const core::Role &role, const QString &action) const
{
    if (!m_report)
        return {};
    const std::string pattern = lowered(action.trimmed().toStdString());
    if (pattern.empty() || pattern.find(':') == std::string::npos)
        return {};
    if (const core::RoleUsage *usage = roleUsage(role)) {
        for (const core::ActionUsage &used : usage->usage.actions) {
            if (core::wildcardMatch(pattern, lowered(used.action)))
                return {};
        }
    }
    return tr("No successful call of %1 by this role in the CloudTrail logs (%2).").arg(action.trimmed(), windowText());
}

void WorkspaceUsage::clear()
{
    if (!m_report)
        return;
    m_report.reset();
    m_sources.clear();
    Q_EMIT reportChanged();
}

} // namespace rd::doc
