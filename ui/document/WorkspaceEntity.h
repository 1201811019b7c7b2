// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"
#include "rd/core/workspace/EntityReferences.h"
#include "rd/core/workspace/Workspace.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace rd::doc
{

/// Any workspace entity that has an id: what EntityCommand adds, removes and replaces. Accounts have no id and are
/// not entities in this sense.
using WorkspaceEntity =
    std::variant<core::Role, core::User, core::Group, core::ManagedPolicy, core::Resource, core::ExternalPrincipal>;

/// The kind of the entity held.
EntityKind entityKind(const WorkspaceEntity &entity);
/// The entity's id (0 while it has none).
std::uint64_t entityId(const WorkspaceEntity &entity);
/// The entity's name; for an external principal its label, or its identifier when it has no label.
std::string entityName(const WorkspaceEntity &entity);
/// The account an IAM entity (role, user, group, customer managed policy) belongs to; "" for the others.
std::string entityAccount(const WorkspaceEntity &entity);
/// A lower-case noun for messages and undo texts: "role", "user", "group", "policy", "resource", "external
/// principal", "account".
QString entityKindLabel(EntityKind kind);

/// A copy of the entity of `kind` with `id`; nothing when there is none (and always for accounts).
std::optional<WorkspaceEntity> findEntity(const core::Workspace &workspace, EntityKind kind, std::uint64_t id);
/// Where the entity stands in its kind's list of the workspace; nothing when it is not there.
std::optional<std::size_t> entityPosition(const core::Workspace &workspace, EntityKind kind, std::uint64_t id);

/// True when the entity's name can be changed: everything but AWS managed policies, which AWS names.
bool isRenamable(const WorkspaceEntity &entity);
/// Why `name` cannot be the entity's name in `workspace`, or "" when it can: IAM's name characters and lengths for
/// roles, users, groups and policies, names unique per account, resource ARNs unique.
QString entityNameError(const core::Workspace &workspace, const WorkspaceEntity &entity, const std::string &name);
/// The entity with `name`; the ARN of an IAM entity, and of a resource whose ARN ends in its name, follows.
WorkspaceEntity renamedEntity(const WorkspaceEntity &entity, const std::string &name);
/// A copy to add as a new entity: no id, a name not used yet (`name-copy`, `name-copy-2`...), its own ARN, no AWS
/// unique id or dates. An AWS managed policy becomes a customer managed copy in the workspace's first account.
/// Nothing for external principals (a copy would be the same principal) and for resources whose ARN does not end in
/// their name (the copy would have no ARN of its own).
std::optional<WorkspaceEntity> duplicateEntity(const core::Workspace &workspace, const WorkspaceEntity &entity);
/// What other entities name this one by (core::ReferenceTarget): users, groups, roles and customer managed
/// policies; nothing for resources and external principals, which no other entity of a workspace names, and for AWS
/// managed policies.
std::optional<core::ReferenceTarget> referenceTargetOf(const WorkspaceEntity &entity);
/// The kind of entity that holds a reference.
EntityKind entityKindOf(core::ReferenceHolder holder);
/// Where a reference is, for a list shown to the user: `role Deploy: attached policies`, `role Deploy: trust
/// policy, statement 2 (AllowCi)`, `role Audit: instance profile AuditProfile`.
QString referenceText(const core::EntityReference &reference);

/// A new, empty user, group or customer managed policy (with one empty default version) in `accountId`; nothing for
/// other kinds, which need more than a name.
std::optional<WorkspaceEntity> newEntity(EntityKind kind, const std::string &accountId, const std::string &name);

} // namespace rd::doc
