// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/workspace/Workspace.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

class PreparedRequest;

/// What the workspace tells about a user or role as the principal of a request: the values of the global condition
/// keys that come from the principal (IAM User Guide, "AWS global condition context keys"): `aws:PrincipalArn`,
/// `aws:PrincipalAccount`, `aws:PrincipalTag/<key>`, `aws:username` (users only; absent for roles) and `aws:userid`
/// (a user's unique id when the workspace has it; unknown for roles, whose value includes the session name).
/// For a role, the facts are those of its sessions: the role's ARN (not the session's) and the role's tags.
/// Immutable once made; share it with std::shared_ptr.
class PrincipalFacts
{
public:
    static PrincipalFacts of(const User &user);
    static PrincipalFacts of(const Role &role);

    bool isUser() const { return m_user; }
    const std::string &arn() const { return m_arn; }
    const std::string &accountId() const { return m_accountId; }

    /// Whether the value (or the absence) of a condition key (lower case) is known from the principal.
    bool knows(std::string_view lowerKey) const;
    /// A request from this principal whose context holds every known key that is present. Never null.
    const PreparedRequest &request() const { return *m_request; }

private:
    PrincipalFacts() = default;
    void prepare(const std::vector<Tag> &tags, const std::string &userName, const std::string &userId);

    bool m_user = false;
    std::string m_arn;
    std::string m_accountId;
    bool m_userIdKnown = false;
    std::shared_ptr<const PreparedRequest> m_request;
};

enum class ConditionOutcome {
    /// Every condition of the statement holds for the principal: it applies unconditionally.
    Holds,
    /// Some condition on a known key fails: the statement does not apply to the principal.
    Fails,
    /// The known conditions hold, others are on keys the workspace cannot know: `unknownKeys` names them.
    Unknown
};

struct ConditionVerdict {
    ConditionOutcome outcome = ConditionOutcome::Holds;
    /// Unknown only: the remaining condition keys, lower case, each once, in the statement's order.
    std::vector<std::string> unknownKeys;
};

/// Evaluates the statement's conditions on the keys the principal's facts know, with the evaluator's operators
/// (StatementMatcher::conditionHolds); a condition whose key, or one of whose values' policy variables, is not known
/// stays unknown. IAM User Guide, "IAM JSON policy elements: Condition": the conditions of a statement must all hold.
/// Without facts (`facts` null: accounts, services, providers) every condition is unknown.
ConditionVerdict evaluateKnownConditions(const CompiledStatement &statement, const PrincipalFacts *facts);

} // namespace rd::core
