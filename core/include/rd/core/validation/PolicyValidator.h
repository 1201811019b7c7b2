// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/policy/Policy.h"
#include "rd/core/policy/PolicyKind.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rd::core
{

/// The policy grammar checks for a kind of policy (IAM User Guide, "IAM JSON policy element reference" and "Grammar
/// of the IAM JSON policy language"): the Grammar group of the check table (rd/core/base/CheckCodes.h).
Diagnostics validateGrammar(const Policy &policy, PolicyKind kind);

/// IAM's size quotas, in characters without white space (IAM User Guide, "IAM and AWS STS quotas"; AWS
/// Organizations User Guide, "Quotas"). Accounts can raise some: set them per account.
struct PolicyQuotas {
    int managedPolicy = 6144;
    int roleInlinePoliciesTotal = 10240;
    int roleTrustPolicy = 2048;
    int serviceControlPolicy = 5120;
    int resourceControlPolicy = 5120;
    int managedPoliciesPerRole = 10;
};

struct ValidationOptions {
    /// The catalog for actions, services, resource ARNs and condition keys; nullptr leaves those checks out.
    const ServiceCatalog *catalog = &ServiceCatalog::builtin();
    /// The account the policy belongs to, when known: trust to other accounts then needs `sts:ExternalId`.
    std::string ownerAccount;
    /// For a resource policy: the ARN of the resource it is attached to, when known. Its statements may then name
    /// only that resource and what it holds (a bucket and its objects).
    std::string attachedResourceArn;
    PolicyQuotas quotas;
    /// Check the policy's size against its quota (identity policies: the managed-policy quota).
    bool checkSize = true;
};

/// Every check for one policy of a kind: the grammar (validateGrammar), then the catalog and value checks (actions,
/// resource ARNs, condition operators, keys, types and values, policy variables, empty values). Findings in text
/// order. Cheap enough for every keystroke: the catalog is indexed once.
Diagnostics validatePolicy(const Policy &policy, PolicyKind kind, const ValidationOptions &options = {});

/// The policy's size as IAM counts it against its quotas: characters without white space.
std::size_t policySize(const Policy &policy);

/// Parses the text and, when that yields a policy, validates it as `kind` (or as guessPolicyKind() when no kind is
/// given): every finding in text order.
Diagnostics validatePolicyText(
    std::string_view text, std::optional<PolicyKind> kind = std::nullopt, const ValidationOptions &options = {});

} // namespace rd::core
