// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The two kinds of AWS Organizations authorization policies the workspace models (AWS Organizations User Guide,
/// "Service control policies (SCPs)" and "Resource control policies (RCPs)").
enum class OrganizationPolicyType { ServiceControl, ResourceControl };

/// `SERVICE_CONTROL_POLICY`, `RESOURCE_CONTROL_POLICY` (the Organizations API's names).
std::string_view organizationPolicyTypeName(OrganizationPolicyType type);
std::optional<OrganizationPolicyType> organizationPolicyTypeFromName(std::string_view name);

/// What a policy is attached to: the root, an organizational unit or an account.
enum class OrganizationTargetKind { Root, OrganizationalUnit, Account };

/// An organizational unit; `parentId` is the root's id or another OU's.
struct OrganizationalUnit {
    std::string id;
    std::string arn;
    std::string name;
    std::string parentId;
    friend bool operator==(const OrganizationalUnit &, const OrganizationalUnit &) = default;
};

/// An account placed in the organization; `parentId` is the root's id or an OU's.
struct OrganizationAccount {
    std::string id;
    std::string arn;
    std::string name;
    std::string email;
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE` as ListAccounts gives it.
    std::string status;
    std::string parentId;
    friend bool operator==(const OrganizationAccount &, const OrganizationAccount &) = default;
};

/// An SCP or RCP with its content and the roots, OUs and accounts it is attached to.
struct OrganizationPolicy {
    /// `p-...`, or `p-FullAWSAccess` for the AWS managed FullAWSAccess SCP.
    std::string id;
    std::string arn;
    std::string name;
    std::string description;
    OrganizationPolicyType type = OrganizationPolicyType::ServiceControl;
    bool awsManaged = false;
    Policy document;
    /// Ids of the root, OUs and accounts it is attached to.
    std::vector<std::string> targetIds;
    friend bool operator==(const OrganizationPolicy &, const OrganizationPolicy &) = default;
};

/// One AWS organization: its id, management account, root, OU tree, accounts and SCPs/RCPs (AWS Organizations API
/// Reference: DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent, ListAccounts, DescribePolicy,
/// ListTargetsForPolicy). A plain value held by Workspace::organization.
struct Organization {
    /// `o-...`
    std::string id;
    std::string arn;
    std::string managementAccountId;
    std::string managementAccountArn;
    std::string managementAccountEmail;
    /// `ALL` or `CONSOLIDATED_BILLING`.
    std::string featureSet;
    std::string rootId;
    std::string rootArn;
    std::string rootName;
    std::vector<OrganizationalUnit> units;
    std::vector<OrganizationAccount> accounts;
    std::vector<OrganizationPolicy> policies;

    const OrganizationalUnit *unit(std::string_view nodeId) const;
    const OrganizationAccount *account(std::string_view accountId) const;
    const OrganizationPolicy *policy(std::string_view nodeId) const;
    /// The kind of a target id (`r-...`, `ou-...`, 12 digits); nullopt when the organization has no such node.
    std::optional<OrganizationTargetKind> targetKind(std::string_view nodeId) const;
    /// The node's name: the root's, an OU's, an account's; "" when unknown.
    std::string targetName(std::string_view nodeId) const;
    /// The ids from the root down to the account, the account's id last (root, OUs outermost first, account); empty
    /// when the account is not in the organization or its parents do not lead to the root.
    std::vector<std::string> pathOf(std::string_view accountId) const;
    /// The account's aws:PrincipalOrgPaths / aws:ResourceOrgPaths value: `o-a/r-b/ou-c/ou-d/` (IAM User Guide, "AWS
    /// global condition context keys": the path of the account's parent, the organization id first); "" when the
    /// account is not in the organization.
    std::string orgPathOf(std::string_view accountId) const;
    /// The policies of `type` attached directly to a node, in the organization's order.
    std::vector<const OrganizationPolicy *> attachedTo(std::string_view targetId, OrganizationPolicyType type) const;
    /// The OUs and accounts whose parent is `parentId`, OUs first, each in the organization's order.
    std::vector<std::string> childrenOf(std::string_view parentId) const;

    friend bool operator==(const Organization &, const Organization &) = default;
};

} // namespace rd::core
