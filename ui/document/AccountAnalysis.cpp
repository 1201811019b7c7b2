// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/AccountAnalysis.h"

#include "document/BackgroundPool.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/analysis/AccountModel.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>

#include <exception>
#include <functional>
#include <type_traits>
#include <utility>

namespace rd::doc
{

/// What a computation hands back: the model, and which workspace and revision it is of.
struct AccountAnalysis::Result {
    std::shared_ptr<const core::AccountModel> model;
    std::uint64_t epoch = 0;
    std::uint64_t revision = 0;
};

namespace
{

constexpr EntityKind kDeltaKinds[] = { EntityKind::Role, EntityKind::User, EntityKind::Group, EntityKind::Policy,
    EntityKind::Resource };

std::size_t slot(EntityKind kind)
{
    return std::size_t(kind);
}

template <class T> void collectIds(const std::vector<T> &items, std::unordered_set<std::uint64_t> &ids)
{
    ids.reserve(items.size());
    for (const T &item : items)
        ids.insert(item.id.value);
}

std::unordered_set<std::uint64_t> idsOf(const core::Workspace &workspace, EntityKind kind)
{
    std::unordered_set<std::uint64_t> ids;
    switch (kind) {
    case EntityKind::Role:
        collectIds(workspace.roles, ids);
        break;
    case EntityKind::User:
        collectIds(workspace.users, ids);
        break;
    case EntityKind::Group:
        collectIds(workspace.groups, ids);
        break;
    case EntityKind::Policy:
        collectIds(workspace.policies, ids);
        break;
    case EntityKind::Resource:
        collectIds(workspace.resources, ids);
        break;
    case EntityKind::ExternalPrincipal:
        collectIds(workspace.externalPrincipals, ids);
        break;
    case EntityKind::Account:
        break;
    }
    return ids;
}

void addRemoved(core::WorkspaceDelta &delta, EntityKind kind, std::uint64_t id)
{
    switch (kind) {
    case EntityKind::Role:
        delta.removedRoles.push_back(core::RoleId { id });
        break;
    case EntityKind::User:
        delta.removedUsers.push_back(core::UserId { id });
        break;
    case EntityKind::Group:
        delta.removedGroups.push_back(core::GroupId { id });
        break;
    case EntityKind::Policy:
        delta.removedPolicies.push_back(core::PolicyId { id });
        break;
    case EntityKind::Resource:
        delta.removedResources.push_back(core::ResourceId { id });
        break;
    case EntityKind::ExternalPrincipal:
    case EntityKind::Account:
        break;
    }
}

void addChanged(core::WorkspaceDelta &delta, WorkspaceEntity entity)
{
    std::visit(
        [&](auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, core::Role>)
                delta.roles.push_back(std::move(e));
            else if constexpr (std::is_same_v<T, core::User>)
                delta.users.push_back(std::move(e));
            else if constexpr (std::is_same_v<T, core::Group>)
                delta.groups.push_back(std::move(e));
            else if constexpr (std::is_same_v<T, core::ManagedPolicy>)
                delta.policies.push_back(std::move(e));
            else if constexpr (std::is_same_v<T, core::Resource>)
                delta.resources.push_back(std::move(e));
        },
        entity);
}

} // namespace

AccountAnalysis::AccountAnalysis(WorkspaceDocument *document)
    : QObject(document)
    , m_document(document)
{
    connect(document, &WorkspaceDocument::workspaceReset, this, &AccountAnalysis::onReset);
    connect(document, &WorkspaceDocument::roleChanged, this,
        [this](core::RoleId id) { onEntityEdited(EntityKind::Role, id.value); });
    connect(document, &WorkspaceDocument::rolesChanged, this, [this] { onEntitiesAddedOrRemoved(EntityKind::Role); });
    connect(document, &WorkspaceDocument::entitiesChanged, this, &AccountAnalysis::onEntitiesAddedOrRemoved);
    connect(document, &WorkspaceDocument::entityChanged, this, &AccountAnalysis::onEntityEdited);
    // The organization is not part of a workspace delta: an SCP or RCP edit builds the model afresh (in the
    // background, as after a load).
    connect(document, &WorkspaceDocument::organizationPolicyChanged, this, [this] {
        m_needsBuild = true;
        changed();
    });
    // The document's first (empty) workspace.
    changed();
}

AccountAnalysis::~AccountAnalysis()
{
    // A computation still running finishes on its own; its result, held by nobody, is dropped on the worker.
    releaseInBackground(std::move(m_model));
}

bool AccountAnalysis::isCurrent() const
{
    return m_model && !m_needsBuild && m_modelRevision == m_revision;
}

bool AccountAnalysis::waitForCurrent(int timeoutMs)
{
    if (isCurrent())
        return true;
    QEventLoop loop;
    connect(this, &AccountAnalysis::modelChanged, &loop, [this, &loop] {
        if (isCurrent())
            loop.quit();
    });
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return isCurrent();
}

void AccountAnalysis::onReset()
{
    // Another workspace: nothing computed so far applies to it.
    ++m_epoch;
    m_needsBuild = true;
    for (auto &edited : m_edited)
        edited.clear();
    m_membershipChanged.fill(false);
    m_accountsChanged = false;
    m_externalPrincipalsChanged = false;
    const bool hadModel = m_model != nullptr;
    releaseInBackground(std::move(m_model));
    m_model.reset();
    if (m_prepared) {
        // Built with the workspace, off the GUI thread: current at once.
        m_model = std::move(m_prepared);
        ++m_revision;
        m_modelRevision = m_revision;
        m_needsBuild = false;
        rememberIds();
        Q_EMIT modelChanged();
        return;
    }
    changed();
    if (hadModel)
        Q_EMIT modelChanged();
}

void AccountAnalysis::onEntityEdited(EntityKind kind, std::uint64_t id)
{
    if (kind == EntityKind::Account)
        m_accountsChanged = true;
    else if (kind == EntityKind::ExternalPrincipal)
        m_externalPrincipalsChanged = true;
    else
        m_edited[slot(kind)].insert(id);
    changed();
}

void AccountAnalysis::onEntitiesAddedOrRemoved(EntityKind kind)
{
    if (kind == EntityKind::Account)
        m_accountsChanged = true;
    else if (kind == EntityKind::ExternalPrincipal)
        m_externalPrincipalsChanged = true;
    else
        m_membershipChanged[slot(kind)] = true;
    changed();
}

void AccountAnalysis::changed()
{
    ++m_revision;
    // Signals of one gesture come in a burst (a macro replaces several entities): one delta takes them all.
    if (!m_dispatchQueued) {
        m_dispatchQueued = true;
        QTimer::singleShot(0, this, &AccountAnalysis::dispatch);
    }
}

void AccountAnalysis::rememberIds()
{
    const core::Workspace &workspace = m_document->workspace();
    for (EntityKind kind : kDeltaKinds)
        m_knownIds[slot(kind)] = idsOf(workspace, kind);
}

core::WorkspaceDelta AccountAnalysis::takeDelta()
{
    const core::Workspace &workspace = m_document->workspace();
    core::WorkspaceDelta delta;
    for (EntityKind kind : kDeltaKinds) {
        std::unordered_set<std::uint64_t> &known = m_knownIds[slot(kind)];
        std::set<std::uint64_t> &edited = m_edited[slot(kind)];
        if (m_membershipChanged[slot(kind)]) {
            std::unordered_set<std::uint64_t> now = idsOf(workspace, kind);
            for (std::uint64_t id : known) {
                if (!now.contains(id))
                    addRemoved(delta, kind, id);
            }
            for (std::uint64_t id : now) {
                if (!known.contains(id))
                    edited.insert(id);
            }
            known = std::move(now);
            m_membershipChanged[slot(kind)] = false;
        }
        for (std::uint64_t id : edited) {
            if (std::optional<WorkspaceEntity> entity = findEntity(workspace, kind, id))
                addChanged(delta, std::move(*entity));
        }
        edited.clear();
    }
    if (m_accountsChanged)
        delta.accounts = workspace.accounts;
    if (m_externalPrincipalsChanged)
        delta.externalPrincipals = workspace.externalPrincipals;
    m_accountsChanged = false;
    m_externalPrincipalsChanged = false;
    return delta;
}

void AccountAnalysis::dispatch()
{
    m_dispatchQueued = false;
    if (m_running)
        return; // finished() dispatches what gathered meanwhile
    const std::uint64_t epoch = m_epoch;
    const std::uint64_t revision = m_revision;
    std::function<std::shared_ptr<const core::AccountModel>()> compute;
    if (m_needsBuild || !m_model) {
        m_needsBuild = false;
        for (auto &edited : m_edited)
            edited.clear();
        m_membershipChanged.fill(false);
        m_accountsChanged = false;
        m_externalPrincipalsChanged = false;
        rememberIds();
        // The worker gets its own copy: the document's workspace changes under edits.
        auto workspace = std::make_shared<const core::Workspace>(m_document->workspace());
        compute = [workspace] { return core::AccountModel::build(*workspace); };
    } else {
        if (m_modelRevision == revision)
            return;
        auto delta = std::make_shared<const core::WorkspaceDelta>(takeDelta());
        if (delta->empty()) {
            // Edits that cancel out (an edit and its undo) before the worker saw them.
            m_modelRevision = revision;
            Q_EMIT modelChanged();
            return;
        }
        compute = [base = m_model, delta] { return base->apply(*delta); };
    }
    m_running = true;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] { finished(watcher); });
    watcher->setFuture(runInPool([compute = std::move(compute), epoch, revision] {
        Result result { nullptr, epoch, revision };
        try {
            result.model = compute();
        } catch (const std::exception &) {
            // Out of memory: the previous model stays, and the next change builds afresh.
        }
        return result;
    }));
}

void AccountAnalysis::finished(QFutureWatcher<Result> *watcher)
{
    Result result = watcher->result();
    watcher->deleteLater();
    m_running = false;
    const bool failed = result.epoch == m_epoch && !result.model;
    if (result.epoch != m_epoch) {
        // Computed for a workspace that has been replaced since.
        releaseInBackground(std::move(result.model));
    } else if (!result.model) {
        m_needsBuild = true;
    } else {
        releaseInBackground(std::move(m_model));
        m_model = std::move(result.model);
        m_modelRevision = result.revision;
        Q_EMIT modelChanged();
    }
    // What gathered meanwhile; after a failure, only the next change tries again.
    if (!failed && (m_needsBuild || m_modelRevision != m_revision))
        dispatch();
}

} // namespace rd::doc
