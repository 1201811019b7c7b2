// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/BackgroundPool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace rd::doc
{

QThreadPool *backgroundPool()
{
    // Three at least, so that a model or an answer is not queued behind Graphviz layouts (which cannot be stopped
    // when a newer drawing overtakes them, and take tens of seconds on thousands of cards).
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("rdBackgroundPool"));
        p->setMaxThreadCount(std::max(3, QThread::idealThreadCount()));
        // Jobs still running when the application ends finish before it is gone, not during static destruction.
        qAddPostRoutine([] {
            backgroundPool()->clear();
            backgroundPool()->waitForDone();
        });
        return p;
    }();
    return pool;
}

void runInBackground(std::function<void()> task)
{
    backgroundPool()->start([task = std::move(task)] {
#ifdef __linux__
        // Linux applies a nice value to the one thread named (setpriority(2), "Notes"); once per pool thread.
        thread_local const bool lowered = setpriority(PRIO_PROCESS, id_t(gettid()), 10) == 0;
        (void)lowered;
#endif
        task();
    });
}

void releaseInBackground(std::shared_ptr<const void> object)
{
    if (object && object.use_count() == 1)
        runInBackground([object = std::move(object)]() mutable { object.reset(); });
}

} // namespace rd::doc
