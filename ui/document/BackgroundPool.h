// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QPromise>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class QThreadPool;

namespace rd::doc
{

/// The threads that compute models, layouts and answers for the views. Not QThreadPool::globalInstance(): Qt's
/// raster painting splits large fills across the global pool and waits for them, so a long job there (building the
/// model of a large account takes seconds) would stall every repaint of the window.
QThreadPool *backgroundPool();

/// Runs `task` on backgroundPool() at a lower scheduling priority than the GUI thread (on Linux a nice value of 10 for
/// the pool's threads): on a machine of two cores, three busy workers would otherwise take two thirds of the CPU time
/// the GUI thread needs to paint and answer input.
void runInBackground(std::function<void()> task);

/// Runs `job` in the background (runInBackground()); the future holds its result.
template <class Job> QFuture<std::invoke_result_t<Job>> runInPool(Job job)
{
    using R = std::invoke_result_t<Job>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    runInBackground([promise, job = std::move(job)] {
        promise->addResult(job());
        promise->finish();
    });
    return future;
}

/// Drops `object` on a background thread when this is its last reference: freeing the model or the graph of a large
/// account takes tens of milliseconds that the GUI thread need not spend.
void releaseInBackground(std::shared_ptr<const void> object);

} // namespace rd::doc
