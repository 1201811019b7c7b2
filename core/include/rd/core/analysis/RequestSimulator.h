// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/workspace/Workspace.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rd::core
{

class AccountModel;

/// One request against a workspace, as `simulate --workspace` and the simulation panel ask it.
struct WorkspaceRequest {
    /// A user, role or role session ARN of the workspace; an account root; a principal of an account the workspace
    /// does not model; a service principal or identity provider.
    std::string principal;
    std::string action;
    /// An ARN, or `*`.
    std::string resource;
    /// Condition keys given by the user: they win over the keys the workspace and the organization give.
    std::vector<std::pair<std::string, std::string>> context;
};

/// A statement that decided, and for an SCP or RCP where its policy is attached.
struct DecidingStatement {
    StatementRef statement;
    std::optional<OrganizationAttachment> attachment;
};

struct WorkspaceDecision {
    /// Set when the request cannot be evaluated (an unreadable principal, a user or role the workspace's account
    /// should have but does not); nothing else is then meaningful.
    std::string error;
    Decision decision = Decision::ImplicitlyDenied;
    Explanation explanation;
    /// explanation.deciding with the attachment point of each SCP and RCP statement.
    std::vector<DecidingStatement> deciding;
    /// For an SCP implicit deny: the organization node (root, OU or account) whose SCPs allow nothing of the request.
    std::optional<OrganizationAttachment> scpLevelWithoutAllow;
    /// The account that owns the resource, as used.
    std::string resourceAccount;
    /// Whether SCPs and RCPs took part (levels were given to the evaluator).
    bool scpsApplied = false;
    bool rcpsApplied = false;
    /// What the simulation had to assume, one sentence each (a principal of an account outside the workspace is
    /// "assumed to allow on its side").
    std::vector<std::string> assumptions;
};

/// Evaluates single requests against a workspace with everything that applies (docs/EVALUATION.md): the principal's
/// identity policies and boundary, the resource's policy (a role's trust policy for the actions it governs), the SCPs
/// of the principal's account and the RCPs of the resource's account, level by level, and the condition keys the
/// workspace knows (the principal's ARN, account and tags; the organization's keys). The workspace must outlive the
/// simulator and be the one `model` was made from.
class RequestSimulator
{
public:
    /// Reads the policy sets from `model` (the workspace's, e.g. the document's snapshot). Without one, only what a
    /// request needs is compiled, when it is asked (the principal's policies, the resource's policy, the
    /// organization): a one-shot command need not build the model and its graph.
    RequestSimulator(const Workspace &workspace, std::shared_ptr<const AccountModel> model);
    ~RequestSimulator();
    RequestSimulator(const RequestSimulator &) = delete;
    RequestSimulator &operator=(const RequestSimulator &) = delete;

    WorkspaceDecision simulate(const WorkspaceRequest &request) const;

private:
    struct Own;
    const Workspace &m_workspace;
    std::shared_ptr<const AccountModel> m_model;
    /// Without a model: what simulate() compiled for itself.
    std::unique_ptr<Own> m_own;
};

} // namespace rd::core
