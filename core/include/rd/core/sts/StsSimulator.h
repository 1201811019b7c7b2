// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/sts/AssumeRoleRequest.h"
#include "rd/core/sts/AssumeRoleResult.h"
#include "rd/core/workspace/Workspace.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace rd::core
{

class AccountModel;

/// Simulates AWS STS AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity, and role chains, over a workspace:
/// the STS parameter rules, both sides of the authorization through the evaluation engine (the role's trust policy as
/// the resource policy), and the resulting session (docs/SIMULATION.md lists every rule with its source).
///
/// The policies come from an AccountModel of the workspace (which policies apply to whom, resolved once there);
/// session policies are compiled per request, managed session policy ARNs resolved through the model. The workspace
/// (read for the principals, roles and resources the request names) must outlive the simulator, must not change
/// while it is in use, and must be the one the model was made from; make a new simulator after an edit. Not
/// thread-safe.
class StsSimulator
{
public:
    /// Reads the policy sets from `model`, the model of `workspace` (shared, e.g. the document's current snapshot);
    /// a null model is built from the workspace.
    StsSimulator(const Workspace &workspace, std::shared_ptr<const AccountModel> model);
    /// Builds the workspace's model (its policy sets and access graph) first: pass the model when there is one.
    explicit StsSimulator(
        const Workspace &workspace, const AwsManagedPolicies &awsManaged = AwsManagedPolicies::builtin());
    ~StsSimulator();
    StsSimulator(const StsSimulator &) = delete;
    StsSimulator &operator=(const StsSimulator &) = delete;

    /// Runs the request's hops in order and stops at the first that fails. Never throws; a request that cannot be
    /// simulated at all (unreadable principal, role not in the workspace...) gives `error` and no hops.
    AssumeRoleResult assume(const AssumeRoleRequest &request) const;

    /// What the session of a successful `result` may do: `action` on `resource`, evaluated with the role's identity
    /// policies, its permissions boundary, the session policies, and the resource's policy when the workspace has one
    /// (a bucket's for its objects; a role's trust policy for sts:AssumeRole on it). The principal is the assumed-role
    /// session, with its session tags as aws:PrincipalTag and its source identity; `request` gives the rest of the
    /// context (time, source IP, MFA, extra keys).
    SessionCheck check(const AssumeRoleResult &result, const AssumeRoleRequest &request, std::string_view action,
        std::string_view resource) const;

    /// The session's effective permissions by service, access level and resource pattern (docs/SIMULATION.md,
    /// "Effective permissions"); at most `listLimit` actions are listed (all are counted). Empty when the result has
    /// no session.
    EffectivePermissions effectivePermissions(const AssumeRoleResult &result, std::size_t listLimit = 1000) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/// Seconds since the epoch as ISO 8601 in UTC: `2026-01-01T12:00:00Z`.
std::string formatIsoTime(long long epochSeconds);

} // namespace rd::core
