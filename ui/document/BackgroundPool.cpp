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
    // Two at least, so that an answer or a model is not queued behind a long Graphviz layout.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("rdBackgroundPool"));
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
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
