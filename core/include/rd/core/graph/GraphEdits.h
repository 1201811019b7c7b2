// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/AccountModel.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rd::core
{

/// The graph editor's edits as whole-entity replacements: each gesture (draw a trust edge, draw a permission edge,
/// delete an edge) becomes one plan, which the document applies as one undoable step.
///
/// Placement and clean-up rules, chosen to be deterministic and unsurprising:
/// - A new trust statement is appended to the role's trust policy with a Sid derived from the principal's name
///   (`TrustAlice`, `TrustLambda`; `2`, `3`... appended when taken); other statements are never touched.
/// - The identity side of a cross-account trust (a user or role of another modelled account) is a statement
///   `AssumeRole<Role>` appended to the principal's inline policy `GraphEditorPermissions`, created when missing.
/// - A new permission merges the resource into the first Allow statement of the role's inline policies (in order)
///   that has exactly the same actions (compared without case, in any order), a Resource list, and no Condition,
///   Principal or NotAction. Otherwise a statement with a Sid derived from the services and the resource is
///   appended to the role's inline policy `GraphEditorPermissions`, created when missing.
/// - Removing the last statement of an inline policy removes the inline policy: one that grants nothing is clutter,
///   and what it granted is what the user removed. A customer managed policy is never left empty: when the edge's
///   statements are all it has, it is detached from the principal (or the group) that attaches it instead, and left
///   as it is for its other users. A role always has a trust policy: it may be left with an empty Statement list
///   (the validator accepts it; nobody may assume the role, and a note says so). A resource policy left with no
///   statement is removed from the resource.
/// - A statement named by several values keeps the others (it is narrowed); values are removed, never rewritten.
///   A resource policy statement that names several principals and several resources is split: the others keep
///   it whole, the removed principal keeps the other resources in a copy with a Sid of its own.
/// - A removal plan is checked before it is returned: with its entities in place (AccountModel::apply()) the graph
///   must lose the edge (of the same kind and conditionality), else the error names the statements that would still
///   grant it.
/// - "Already allowed" means: an identity-based statement of the principal's policy set (AccountModel::policiesOf())
///   allows the action on the ARN without a condition and, when the principal has a permissions boundary, a boundary
///   statement does too (IAM User Guide, "Permissions boundaries for IAM entities"); Action/NotAction and
///   Resource/NotResource are matched as the evaluator matches them (StatementMatch). When the boundary does not
///   allow what a plan adds, a note says so.
///
/// Each plan reads `model`, the AccountModel of `ws` (its graph is the one whose node and edge indexes are given).
using EditedEntity = std::variant<Role, User, Group, ManagedPolicy, Resource>;

struct GraphEditPlan {
    /// The Undo menu's text, e.g. "Trust user alice in role deploy".
    std::string description;
    /// The entities after the edit; each replaces the workspace's entity with its kind and id.
    std::vector<EditedEntity> entities;
    /// What the user should know: narrowed statements, other principals a shared policy also affects, values left
    /// to fill in.
    std::vector<std::string> notes;
};

struct GraphEditResult {
    std::optional<GraphEditPlan> plan;
    /// Why there is no plan, as a sentence.
    std::string error;
    /// planEdgeRemoval(): the model with the plan applied (made to check it), for a caller that plans further on it.
    std::shared_ptr<const AccountModel> after;
};

/// The inline policy the graph editor creates for the statements it adds.
inline constexpr const char *kGraphEditorPolicyName = "GraphEditorPermissions";

/// Trust `principalNode` (a user, role, account, service or identity provider node of `model.graph()`) in the role's
/// trust policy, with least privilege (IAM User Guide, "IAM JSON policy elements: Principal"): users and roles by their
/// exact ARN (never the account root), accounts by their root ARN, services by `Service`, SAML and OIDC providers by
/// `Federated`; only the one STS action the principal uses; every TrustHardening that applies (`externalId` is the
/// sts:ExternalId value). A user or role of another modelled account also gets an identity statement allowing
/// sts:AssumeRole on the role ("Cross account resource access in IAM": both sides are needed), unless its policies
/// already allow it.
GraphEditResult planTrust(const Workspace &ws, const AccountModel &model, std::size_t principalNode, RoleId role,
    const std::string &externalId);

/// Allow `actions` (each an action the catalog knows, or a wildcard pattern that matches some) on the resource node's
/// ARN or pattern in the role's inline policies (see the placement rules above); refused when the role's policies
/// already allow them all.
GraphEditResult planPermission(const Workspace &ws, const AccountModel &model, RoleId role, std::size_t resourceNode,
    const std::vector<std::string> &actions);

/// Removes edge `edge` of `model.graph()`: a group membership, or the statements that decide a may-assume or may-act-on
/// edge (narrowed when they name other principals or resources too). Refuses, with the reason, when a statement grants
/// it broadly (an account root or a wildcard covering others) and the other side cannot be narrowed, and when an
/// AWS managed policy grants it.
GraphEditResult planEdgeRemoval(const Workspace &ws, const AccountModel &model, std::size_t edge);

/// The plan's entities as a change to the workspace, for AccountModel::apply().
WorkspaceDelta planDelta(const GraphEditPlan &plan);

/// Replaces the plan's entities in the workspace (tests, CLI). False, with the workspace unchanged, when one of them
/// does not exist.
bool applyPlan(Workspace &ws, const GraphEditPlan &plan);

/// An action the action picker offers for a resource.
struct ResourceAction {
    /// `s3:GetObject`, as the catalog spells it.
    std::string action;
    /// accessLevelName(): `List`, `Read`, `Write`, `Permissions management`, `Tagging`.
    std::string accessLevel;
    friend bool operator==(const ResourceAction &, const ResourceAction &) = default;
};

/// The catalog's actions that can act on this resource ARN or pattern: those of the resource types whose ARN formats
/// can match it (Service Authorization Reference, "Resource types defined by ..."), sorted by service, access level
/// (the catalog's order: List, Read, Write, Permissions management, Tagging) and name. `*` gives every action.
std::vector<ResourceAction> actionsForResource(const ServiceCatalog &catalog, const std::string &arn);

} // namespace rd::core
