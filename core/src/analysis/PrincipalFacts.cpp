// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/analysis/PrincipalFacts.h"

#include "base/TextUtil.h"
#include "evaluation/StatementMatcher.h"
#include "rd/core/evaluation/PreparedRequest.h"

#include <algorithm>

namespace rd::core
{

namespace
{

constexpr std::string_view kPrincipalTag = "aws:principaltag/";

} // namespace

PrincipalFacts PrincipalFacts::of(const User &user)
{
    PrincipalFacts facts;
    facts.m_user = true;
    facts.m_arn = user.arn;
    facts.m_accountId = user.accountId;
    facts.m_userIdKnown = !user.awsId.empty();
    facts.prepare(user.tags, user.name, user.awsId);
    return facts;
}

PrincipalFacts PrincipalFacts::of(const Role &role)
{
    PrincipalFacts facts;
    facts.m_arn = role.arn;
    facts.m_accountId = role.accountId;
    facts.prepare(role.tags, {}, {});
    return facts;
}

void PrincipalFacts::prepare(const std::vector<Tag> &tags, const std::string &userName, const std::string &userId)
{
    // IAM User Guide, "AWS global condition context keys": aws:PrincipalArn is the user's ARN, or for a role session
    // the role's ARN; aws:PrincipalAccount the principal's account; aws:PrincipalTag/<key> its tags; aws:username is
    // present for IAM users only; aws:userid is the user's unique id (for a role, `role-id:session-name`).
    Request request;
    request.principal = m_arn;
    request.action = "sts:GetCallerIdentity";
    request.resource = "*";
    request.context.set("aws:PrincipalArn", m_arn);
    request.context.set("aws:PrincipalAccount", m_accountId);
    for (const Tag &tag : tags)
        request.context.set(std::string(kPrincipalTag) + tag.key, tag.value);
    if (m_user) {
        request.context.set("aws:username", userName);
        if (m_userIdKnown)
            request.context.set("aws:userid", userId);
    }
    m_request = std::make_shared<const PreparedRequest>(std::move(request));
}

bool PrincipalFacts::knows(std::string_view lowerKey) const
{
    if (lowerKey == "aws:principalarn" || lowerKey == "aws:principalaccount" || lowerKey == "aws:username")
        return true;
    if (lowerKey == "aws:userid")
        return m_userIdKnown;
    // A tag the principal lacks is known to be absent.
    return lowerKey.size() > kPrincipalTag.size() && lowerKey.substr(0, kPrincipalTag.size()) == kPrincipalTag;
}

ConditionVerdict evaluateKnownConditions(const CompiledStatement &statement, const PrincipalFacts *facts)
{
    ConditionVerdict verdict;
    if (statement.conditions.empty())
        return verdict;
    std::optional<StatementMatcher> matcher;
    for (const CompiledCondition &condition : statement.conditions) {
        bool known = facts && facts->knows(condition.key);
        for (const CompiledConditionValue &value : condition.values) {
            if (!known || !value.variables)
                continue;
            for (const VariableTemplate::Part &part : value.variables->parts())
                known = known && (!part.isVariable || facts->knows(part.text));
        }
        if (!known) {
            // As the policy spells it: what answers show.
            addIgnoringCase(verdict.unknownKeys, condition.keyText);
            continue;
        }
        if (!matcher)
            matcher.emplace(facts->request());
        if (!matcher->conditionHolds(condition))
            return { ConditionOutcome::Fails, {} };
    }
    verdict.outcome = verdict.unknownKeys.empty() ? ConditionOutcome::Holds : ConditionOutcome::Unknown;
    return verdict;
}

} // namespace rd::core
