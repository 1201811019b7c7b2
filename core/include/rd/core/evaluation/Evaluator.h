// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/PreparedRequest.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

enum class Decision { Allowed, ImplicitlyDenied, ExplicitlyDenied };

/// `Allowed`, `ImplicitlyDenied`, `ExplicitlyDenied`.
std::string_view decisionName(Decision decision);
std::optional<Decision> decisionFromName(std::string_view name);

/// The policies that apply to one request (docs/EVALUATION.md). Pointers are not owned; null means none.
struct PolicySet {
    /// The requester's policies: the user's with its groups', or the role's.
    std::vector<const CompiledPolicy *> identity;
    /// The resource's policy; for sts:AssumeRole* the role's trust policy; for kms: the key policy.
    const CompiledPolicy *resource = nullptr;
    const CompiledPolicy *boundary = nullptr;
    /// Role and federated user sessions: the session may do what these allow (any of them) and its identity allows.
    std::vector<const CompiledPolicy *> session;
    /// The requester's account's SCPs, root level first; every level must allow.
    std::vector<std::vector<const CompiledPolicy *>> scps;
    /// The resource's account's RCPs, root level first; they only deny.
    std::vector<std::vector<const CompiledPolicy *>> rcps;
};

enum class PolicyType { Identity, Resource, PermissionsBoundary, Session, ServiceControl, ResourceControl };

/// `identity`, `resource`, `permissions boundary`, `session`, `SCP`, `RCP`.
std::string_view policyTypeName(PolicyType type);

/// A statement named by an explanation.
struct StatementRef {
    PolicyType type = PolicyType::Identity;
    std::string policy;
    std::size_t statement = 0;
    std::string sid;
    Effect effect = Effect::Allow;
    SourceRange range;
};

/// A statement that matched the request in every element but one.
struct NearMiss {
    StatementRef statement;
    /// `action`, `resource`, `principal` or `condition`.
    std::string element;
    /// For a condition: the operator and the key; otherwise the element's values.
    std::string detail;
    /// The failing element's (or condition key's) place in the policy text.
    SourceRange range;
};

/// Why a decision was reached: what the GUI's explanation panel and `simulate --explain` show.
struct Explanation {
    Decision decision = Decision::ImplicitlyDenied;
    /// One sentence: which rule decided.
    std::string reason;
    /// The statements that decided: the matching Deny statements of an explicit deny; the Allow statements that
    /// granted an allowed request; none for an implicit deny (nothing allowed it).
    std::vector<StatementRef> deciding;
    /// Statements that failed on one element only.
    std::vector<NearMiss> nearMisses;
};

/// The decision for a request following the IAM policy evaluation logic (IAM User Guide, "Policy evaluation
/// logic"); docs/EVALUATION.md gives every rule with its source. Fills `explanation` when given (slower: every
/// statement is then checked in full).
Decision evaluate(const PolicySet &policies, const PreparedRequest &request, Explanation *explanation = nullptr);

} // namespace rd::core
