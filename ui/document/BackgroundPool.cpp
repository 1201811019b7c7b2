// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/BackgroundPool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

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

void releaseInBackground(std::shared_ptr<const void> object)
{
    if (object && object.use_count() == 1)
        backgroundPool()->start([object = std::move(object)]() mutable { object.reset(); });
}

} // namespace rd::doc
