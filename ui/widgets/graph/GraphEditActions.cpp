// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphEditActions.h"

#include "document/AccountAnalysis.h"
#include "document/BackgroundPool.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/graph/AccessGraph.h"
#include "widgets/graph/ActionPickerDialog.h"

#include <QApplication>
#include <QPointer>
#include <QUuid>

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace rd::ui
{

namespace
{

doc::WorkspaceEntity toWorkspaceEntity(const core::EditedEntity &entity)
{
    return std::visit([](const auto &e) { return doc::WorkspaceEntity { e }; }, entity);
}

std::pair<std::size_t, std::uint64_t> identityOf(const core::EditedEntity &entity)
{
    return { entity.index(), std::visit([](const auto &e) { return e.id.value; }, entity) };
}

/// What identifies an edge across rebuilds of the graph: its ends and its kind.
using EdgeIdentity =
    std::tuple<std::string, core::GraphNodeKind, std::string, core::GraphNodeKind, core::GraphEdgeKind>;

EdgeIdentity identityOf(const core::AccessGraph &graph, std::size_t edge)
{
    const core::GraphEdge &e = graph.edges()[edge];
    const core::GraphNode &from = graph.nodes()[e.from];
    const core::GraphNode &to = graph.nodes()[e.to];
    return { from.key, from.kind, to.key, to.kind, e.kind };
}

std::size_t findEdge(const core::AccessGraph &graph, const EdgeIdentity &identity)
{
    const std::size_t from = graph.find(std::get<0>(identity), std::get<1>(identity));
    const std::size_t to = graph.find(std::get<2>(identity), std::get<3>(identity));
    if (from == core::AccessGraph::npos || to == core::AccessGraph::npos)
        return core::AccessGraph::npos;
    return graph.findEdge(from, to, std::get<4>(identity));
}

} // namespace

GraphEditActions::GraphEditActions(doc::WorkspaceDocument *document, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_document(document)
    , m_dialogParent(dialogParent)
{
    m_picker = [this](const QString &role, const QString &resource) {
        const std::vector<core::ResourceAction> actions =
            core::actionsForResource(core::ServiceCatalog::builtin(), doc::toStdString(resource));
        ActionPickerDialog dialog(role, resource, actions, m_dialogParent);
        return dialog.exec() == QDialog::Accepted ? dialog.selectedActions() : QStringList();
    };
}

void GraphEditActions::setActionPicker(ActionPicker picker)
{
    m_picker = std::move(picker);
}

bool GraphEditActions::connectNodes(const core::AccountModel &model, std::size_t from, std::size_t to)
{
    const core::AccessGraph &graph = model.graph();
    if (from >= graph.nodes().size() || to >= graph.nodes().size() || from == to)
        return false;
    const core::GraphNode &target = graph.nodes()[to];
    const core::GraphNode &source = graph.nodes()[from];
    if (target.kind == core::GraphNodeKind::Role && target.entityId != 0) {
        // IAM User Guide, "Access to AWS accounts owned by third parties": a fresh, unguessable external ID.
        const std::string externalId = doc::toStdString(QUuid::createUuid().toString(QUuid::WithoutBraces));
        return apply(
            core::planTrust(m_document->workspace(), model, from, core::RoleId { target.entityId }, externalId));
    }
    if (target.kind == core::GraphNodeKind::Resource && source.kind == core::GraphNodeKind::Role
        && source.entityId != 0) {
        const QStringList picked = m_picker(doc::toQString(source.label), doc::toQString(target.key));
        if (picked.isEmpty())
            return false;
        std::vector<std::string> actions;
        for (const QString &action : picked)
            actions.push_back(doc::toStdString(action));
        return apply(
            core::planPermission(m_document->workspace(), model, core::RoleId { source.entityId }, to, actions));
    }
    if (source.kind == core::GraphNodeKind::User && target.kind == core::GraphNodeKind::Group && source.entityId != 0
        && target.entityId != 0)
        return addToGroup(core::UserId { source.entityId }, core::GroupId { target.entityId });
    Q_EMIT message(tr("Connect a principal to a role of the workspace to trust it, a role to a resource to grant it "
                      "actions, or a user to a group."));
    return false;
}

bool GraphEditActions::addToGroup(core::UserId userId, core::GroupId groupId)
{
    const core::User *user = m_document->workspace().user(userId);
    const core::Group *group = m_document->workspace().group(groupId);
    if (!user || !group)
        return false;
    // IAM User Guide, "IAM user groups": a user can belong only to groups of its own account.
    if (user->accountId != group->accountId) {
        Q_EMIT message(tr("User %1 and group %2 are in different accounts; a user can only join groups of its own "
                          "account.")
                           .arg(doc::toQString(user->name), doc::toQString(group->name)));
        return false;
    }
    if (std::find(user->groupNames.begin(), user->groupNames.end(), group->name) != user->groupNames.end()) {
        Q_EMIT message(
            tr("User %1 is already in group %2.").arg(doc::toQString(user->name), doc::toQString(group->name)));
        return false;
    }
    core::User joined = *user;
    joined.groupNames.push_back(group->name);
    return m_document->replaceEntities({ doc::WorkspaceEntity { std::move(joined) } },
        tr("Add user %1 to group %2").arg(doc::toQString(user->name), doc::toQString(group->name)));
}

/// What planning the removal of several edges found: the entities to replace and the notes, or why it cannot.
struct GraphEditActions::Removal {
    std::vector<core::EditedEntity> touched;
    QStringList notes;
    QString error;
};

namespace
{

/// Plans the removal of several edges on `work`, each on the workspace and model as the earlier ones left them.
GraphEditActions::Removal planRemovals(core::Workspace &work, std::shared_ptr<const core::AccountModel> model,
    const std::vector<std::size_t> &edges, const std::vector<EdgeIdentity> &identities)
{
    GraphEditActions::Removal removal;
    std::map<std::pair<std::size_t, std::uint64_t>, std::size_t> touchedIndex;
    std::shared_ptr<const core::AccountModel> current = std::move(model);
    for (std::size_t i = 0; i < identities.size(); ++i) {
        std::size_t edge = edges[i];
        if (i > 0) {
            edge = findEdge(current->graph(), identities[i]);
            if (edge == core::AccessGraph::npos)
                continue; // an earlier removal took this access away too
        }
        core::GraphEditResult result = core::planEdgeRemoval(work, *current, edge);
        if (!result.plan) {
            removal.error = doc::toQString(result.error);
            return removal;
        }
        core::applyPlan(work, *result.plan);
        // The next removal is planned on the model as this one leaves it (the plan's check made it).
        if (result.after)
            current = std::move(result.after);
        for (const core::EditedEntity &entity : result.plan->entities) {
            const auto key = identityOf(entity);
            auto it = touchedIndex.find(key);
            if (it == touchedIndex.end()) {
                touchedIndex.emplace(key, removal.touched.size());
                removal.touched.push_back(entity);
            } else {
                removal.touched[it->second] = entity;
            }
        }
        for (const std::string &note : result.plan->notes)
            removal.notes << doc::toQString(note);
    }
    return removal;
}

} // namespace

bool GraphEditActions::removeEdges(
    std::shared_ptr<const core::AccountModel> model, const std::vector<std::size_t> &edges)
{
    if (!model || edges.empty())
        return false;
    const core::AccessGraph &graph = model->graph();
    for (std::size_t edge : edges) {
        if (edge >= graph.edges().size())
            return false;
    }
    if (edges.size() == 1)
        return apply(core::planEdgeRemoval(m_document->workspace(), *model, edges.front()));
    if (m_removing) {
        Q_EMIT message(tr("The last access edges are still being removed: try again in a moment."));
        return false;
    }

    // Several edges (a folded bundle): each removal is planned on the workspace as the earlier ones left it, on a copy,
    // off the GUI thread (three removals on the 5,000-role account take a fifth of a second); the entities they touch
    // are replaced together in one undo step.
    std::vector<EdgeIdentity> identities;
    for (std::size_t edge : edges)
        identities.push_back(identityOf(graph, edge));
    auto work = std::make_shared<core::Workspace>(m_document->workspace());
    const std::uint64_t revision = m_document->analysis()->revision();
    const int count = int(edges.size());
    m_removing = true;
    QPointer<GraphEditActions> self(this);
    doc::runInBackground([self, work, model = std::move(model), edges, identities, revision, count]() mutable {
        auto removal = std::make_shared<const Removal>(planRemovals(*work, std::move(model), edges, identities));
        // Handed over on the GUI thread, where `self` is checked.
        QMetaObject::invokeMethod(
            qApp,
            [self, removal, revision, count] {
                if (self)
                    self->finishRemoval(*removal, revision, count);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void GraphEditActions::finishRemoval(const Removal &removal, std::uint64_t revision, int edgeCount)
{
    m_removing = false;
    if (!removal.error.isEmpty()) {
        Q_EMIT message(removal.error);
        Q_EMIT removalFinished(false);
        return;
    }
    if (m_document->analysis()->revision() != revision) {
        // Planned on the workspace as it was: an edit since may have changed what the edges stand for.
        Q_EMIT message(tr("The workspace changed while the access edges were being removed: remove them again."));
        Q_EMIT removalFinished(false);
        return;
    }
    std::vector<doc::WorkspaceEntity> entities;
    for (const core::EditedEntity &entity : removal.touched)
        entities.push_back(toWorkspaceEntity(entity));
    if (!m_document->replaceEntities(entities, tr("Remove %n access edge(s)", nullptr, edgeCount))) {
        Q_EMIT removalFinished(false);
        return;
    }
    QStringList notes = removal.notes;
    notes.removeDuplicates();
    if (!notes.isEmpty())
        Q_EMIT message(notes.join(QLatin1Char(' ')));
    Q_EMIT removalFinished(true);
}

bool GraphEditActions::apply(const core::GraphEditResult &result)
{
    if (!result.plan) {
        Q_EMIT message(doc::toQString(result.error));
        return false;
    }
    std::vector<doc::WorkspaceEntity> entities;
    for (const core::EditedEntity &entity : result.plan->entities)
        entities.push_back(toWorkspaceEntity(entity));
    if (!m_document->replaceEntities(entities, doc::toQString(result.plan->description)))
        return false;
    QStringList notes;
    for (const std::string &note : result.plan->notes)
        notes << doc::toQString(note);
    if (!notes.isEmpty())
        Q_EMIT message(notes.join(QLatin1Char(' ')));
    return true;
}

} // namespace rd::ui
