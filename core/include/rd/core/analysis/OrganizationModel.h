// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/workspace/Organization.h"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

class RequestContext;

/// Where an SCP or RCP is attached: one policy at one node of the organization tree. The evaluator names a deciding
/// statement's policy by its compiled name, label(); OrganizationModel::attachmentOf() turns that back into this.
struct OrganizationAttachment {
    std::string policyId;
    std::string policyName;
    OrganizationPolicyType type = OrganizationPolicyType::ServiceControl;
    std::string targetId;
    OrganizationTargetKind targetKind = OrganizationTargetKind::Root;
    std::string targetName;

    /// `SCP` or `RCP`.
    std::string_view kindName() const;
    /// `root`, `OU`, `account`.
    std::string_view targetKindName() const;
    /// `DenyDeleteBucket attached to the root r-ab12`, `... to OU Prod (ou-ab12-11111111)`, `... to account prod
    /// (222222222222)`: unique per attachment, the compiled policy's name.
    std::string label() const;
};

/// SCP or RCP levels as the evaluator takes them (PolicySet::scps, ::rcps): root first, the account last.
using OrganizationLevels = std::vector<std::vector<const CompiledPolicy *>>;

/// The organization of a workspace made ready for evaluation (docs/EVALUATION.md, "The organization"): each SCP and
/// RCP compiled once per attachment, each account's levels from the root through its OUs to the account, and the
/// organization's condition keys. Immutable; AccountModel::organization() holds the one of a workspace revision.
class OrganizationModel
{
public:
    static std::shared_ptr<const OrganizationModel> build(const Organization &organization);

    const Organization &organization() const { return m_org; }

    /// The SCP levels that limit the IAM principals of `accountId`: empty when the account is not in the
    /// organization, is its management account ("SCPs don't affect users or roles in the management account", AWS
    /// Organizations User Guide, "Service control policies (SCPs)") or the organization has no SCP. A level with no
    /// SCP attached is left out (AWS keeps at least one attached at every node: the file did not list it).
    const OrganizationLevels &scpLevels(std::string_view accountId) const;
    /// The RCP levels that limit requests on a resource of `accountId` for `action`: empty when the account is not a
    /// member account (RCPs do not apply to the management account's resources) or the action's service does not
    /// support RCPs (AWS Organizations User Guide, "Resource control policies (RCPs)").
    const OrganizationLevels &rcpLevels(std::string_view accountId, std::string_view action) const;
    /// The services whose resources RCPs restrict, by service prefix (`s3`, `sts`, `kms`, `sqs`, `secretsmanager`).
    static bool serviceSupportsRcps(std::string_view servicePrefix);

    /// Sets the organization's global condition keys that the context does not hold yet (IAM User Guide, "AWS global
    /// condition context keys"): aws:PrincipalOrgID and aws:PrincipalOrgPaths when the principal's account is in the
    /// organization, aws:ResourceOrgID and aws:ResourceOrgPaths when the resource's account is, and
    /// aws:ResourceAccount whenever the resource's account is known.
    void addContext(RequestContext &context, std::string_view principalAccount, std::string_view resourceAccount) const;

    /// The attachment behind a compiled SCP or RCP name (StatementRef::policy of an SCP or RCP statement); null for
    /// any other name.
    const OrganizationAttachment *attachmentOf(std::string_view compiledName) const;

private:
    OrganizationModel() = default;

    struct Compiled {
        OrganizationAttachment attachment;
        CompiledPolicy policy;
    };

    Organization m_org;
    /// Every attachment, compiled; stable addresses.
    std::vector<std::unique_ptr<Compiled>> m_compiled;
    std::map<std::string, const Compiled *, std::less<>> m_byLabel;
    std::map<std::string, OrganizationLevels, std::less<>> m_scps;
    std::map<std::string, OrganizationLevels, std::less<>> m_rcps;
    std::map<std::string, std::string, std::less<>> m_orgPaths;
};

} // namespace rd::core
