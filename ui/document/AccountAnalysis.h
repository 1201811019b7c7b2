// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"

#include <QObject>

#include <array>
#include <cstdint>
#include <memory>
#include <set>
#include <unordered_set>

template <typename T> class QFutureWatcher;

namespace rd::core
{
class AccountModel;
struct WorkspaceDelta;
} // namespace rd::core

namespace rd::doc
{

class WorkspaceDocument;

/// The one analysis model of a document's workspace (core::AccountModel), which every view reads: the graph, the
/// reach explorer, the graph edits. Computed off the GUI thread: built whole after a workspaceReset(), then after each
/// edit brought up to date by AccountModel::apply() with a WorkspaceDelta of the entities that changed, copied on the
/// GUI thread (the worker never reads the document). Edits that arrive while a computation runs are gathered into
/// the next delta; a result computed for a workspace that has since been replaced is dropped. Nothing here waits on
/// the worker, except waitForCurrent() (for tests and scripted screenshots).
class AccountAnalysis : public QObject
{
    Q_OBJECT
public:
    /// Follows `document`'s signals; owned by it.
    explicit AccountAnalysis(WorkspaceDocument *document);
    ~AccountAnalysis() override;

    /// The latest model computed, an immutable snapshot safe to share with worker threads; null until the first one of
    /// the current workspace is ready. While isCurrent() is false it describes an earlier revision of the workspace.
    std::shared_ptr<const core::AccountModel> model() const { return m_model; }
    /// True when model() describes the workspace as it is now.
    bool isCurrent() const;
    /// True while a model is being computed.
    bool isBusy() const { return m_running; }
    /// Counts the workspace's changes (edits and replacements) seen so far; model() is of revision modelRevision().
    std::uint64_t revision() const { return m_revision; }
    std::uint64_t modelRevision() const { return m_modelRevision; }

    /// The model of the workspace that the document is about to take (WorkspaceDocument::adopt(), whose reader built it
    /// off the GUI thread): the next workspaceReset() makes it model() at once instead of building one.
    void prepare(std::shared_ptr<const core::AccountModel> model) { m_prepared = std::move(model); }

    /// Turns the event loop (user input excluded) until model() is current or `timeoutMs` has passed (-1: no limit).
    /// For tests and scripted screenshots only: interactive code reacts to modelChanged() instead.
    bool waitForCurrent(int timeoutMs = -1);

Q_SIGNALS:
    /// model() changed: a newer snapshot is ready, or the workspace was replaced and there is none yet (null).
    void modelChanged();

private:
    struct Result;

    void onReset();
    void onEntityEdited(EntityKind kind, std::uint64_t id);
    void onEntitiesAddedOrRemoved(EntityKind kind);
    void changed();
    /// Starts the next computation when none runs and something is pending.
    void dispatch();
    void finished(QFutureWatcher<Result> *watcher);
    /// The delta from the entities the last dispatched computation saw to the workspace now; forgets what it took.
    core::WorkspaceDelta takeDelta();
    void rememberIds();

    WorkspaceDocument *m_document;
    std::shared_ptr<const core::AccountModel> m_model;
    std::shared_ptr<const core::AccountModel> m_prepared;
    std::uint64_t m_revision = 0;
    std::uint64_t m_modelRevision = 0;
    /// Counts workspace replacements: a result of an earlier epoch is stale.
    std::uint64_t m_epoch = 0;
    bool m_running = false;
    bool m_dispatchQueued = false;
    /// The whole workspace must be built (a replacement since the last dispatch).
    bool m_needsBuild = true;

    // What changed since the last dispatch. Indexed by EntityKind.
    std::array<std::set<std::uint64_t>, kEntityKindCount> m_edited;
    std::array<bool, kEntityKindCount> m_membershipChanged {};
    bool m_accountsChanged = false;
    bool m_externalPrincipalsChanged = false;
    /// The ids of each kind as the last dispatched computation saw them.
    std::array<std::unordered_set<std::uint64_t>, kEntityKindCount> m_knownIds;
};

} // namespace rd::doc
