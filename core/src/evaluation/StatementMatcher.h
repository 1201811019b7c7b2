// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/PreparedRequest.h"

#include <optional>
#include <string>
#include <string_view>

namespace rd::core
{

/// How a statement's Principal matched the requester, weakest first: the grant kinds of docs/EVALUATION.md.
enum class Grant {
    None,
    /// The statement names only the requester's account.
    Account,
    /// The statement names the role whose session is asking.
    Role,
    /// The statement names the requester itself, `*`, or has no Principal (identity-based policies).
    Direct
};

/// Matches the elements of statements against one request (IAM User Guide, "IAM JSON policy element reference").
class StatementMatcher
{
public:
    explicit StatementMatcher(const PreparedRequest &request);

    bool actionMatches(const CompiledStatement &statement) const;
    bool resourceMatches(const CompiledStatement &statement);
    /// Direct for a statement without Principal or NotPrincipal. `requesterHasBoundary`: a Deny with NotPrincipal
    /// applies to every requester that has a permissions boundary (IAM User Guide, "Permissions boundaries for IAM
    /// entities").
    Grant principalGrant(const CompiledStatement &statement, bool requesterHasBoundary) const;
    bool conditionHolds(const CompiledCondition &condition);

    /// The grant when every element matches, else None. Checks the cheapest elements first.
    Grant applies(const CompiledStatement &statement, bool requesterHasBoundary);

private:
    bool resourcePatternMatches(const CompiledPattern &pattern);
    /// A request value read once for its operator: its number (Numeric, epoch seconds for Date) or address block.
    struct GivenValue {
        std::string_view text;
        std::optional<double> number;
        std::optional<IpRange> address;
    };
    bool valueMatches(const CompiledCondition &condition, const CompiledConditionValue &value, const GivenValue &given);
    Grant entryGrant(const CompiledPrincipal &entry) const;
    bool excludedBy(const std::vector<CompiledPrincipal> &entries) const;

    const PreparedRequest &m_request;
    // Per-thread buffers for expanded variables and decoded base64, so that matching keeps their capacity across
    // evaluations instead of allocating in each.
    std::string &m_scratch;
    std::string &m_decoded;
};

} // namespace rd::core
