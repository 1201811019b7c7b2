// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/graph/OrganizationFilter.h"

#include "evaluation/StatementMatcher.h"
#include "graph/DenyCover.h"
#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/analysis/PrincipalFacts.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/PreparedRequest.h"

#include <algorithm>
#include <memory>

namespace rd::core
{

namespace
{

/// Keys the filter always knows, present or absent: the organization's and the principal's kind.
bool organizationKey(std::string_view key)
{
    return key == "aws:principalorgid" || key == "aws:principalorgpaths" || key == "aws:resourceorgid"
        || key == "aws:resourceorgpaths" || key == "aws:resourceaccount" || key == "aws:principalisawsservice";
}

enum class Verdict { Allowed, Denied, Conditional };

struct HopVerdict {
    Verdict verdict = Verdict::Allowed;
    std::vector<GraphDeny> denies;
};

GraphDeny denyOf(const CompiledPolicy &policy, const CompiledStatement &statement, std::vector<std::string> keys)
{
    GraphDeny deny;
    deny.statement = GraphStatementRef { policy.name(), statement.index, statement.sid, PolicySource {} };
    // Not owned: the organization model keeps the statement (the filter's contract).
    deny.compiled = std::shared_ptr<const CompiledStatement>(std::shared_ptr<const void> {}, &statement);
    deny.conditionKeys = std::move(keys);
    return deny;
}

/// One request made by a graph principal, judged against SCP and RCP levels.
class HopJudge
{
public:
    HopJudge(const PreparedRequest &request, const PrincipalFacts *facts)
        : m_matcher(request)
        , m_facts(facts)
        , m_context(request.context())
    {
    }

    /// Holds: every condition is known and holds; Fails: a known one fails; else the unknown keys.
    ConditionOutcome conditions(const CompiledStatement &statement, std::vector<std::string> &unknown)
    {
        for (const CompiledCondition &condition : statement.conditions) {
            const bool known = organizationKey(condition.key) || m_context.find(condition.key)
                || (m_facts && m_facts->knows(condition.key));
            if (!known) {
                unknown.push_back(condition.key);
                continue;
            }
            if (!m_matcher.conditionHolds(condition))
                return ConditionOutcome::Fails;
        }
        return unknown.empty() ? ConditionOutcome::Holds : ConditionOutcome::Unknown;
    }

    bool elementsMatch(const CompiledStatement &statement)
    {
        return statement.effect && statement.problem.empty() && m_matcher.actionMatches(statement)
            && m_matcher.resourceMatches(statement) && m_matcher.principalGrant(statement, false) != Grant::None;
    }

    void judge(const OrganizationLevels &levels, bool allowList, HopVerdict &out)
    {
        for (const std::vector<const CompiledPolicy *> &level : levels) {
            bool allowed = !allowList;
            bool allowedConditionally = false;
            for (const CompiledPolicy *policy : level) {
                for (const CompiledStatement &statement : policy->statements()) {
                    if (!elementsMatch(statement))
                        continue;
                    std::vector<std::string> unknown;
                    const ConditionOutcome outcome = conditions(statement, unknown);
                    if (outcome == ConditionOutcome::Fails)
                        continue;
                    if (statement.effect == Effect::Deny) {
                        if (outcome == ConditionOutcome::Holds) {
                            out.verdict = Verdict::Denied;
                            out.denies.push_back(denyOf(*policy, statement, {}));
                            return;
                        }
                        out.verdict = Verdict::Conditional;
                        out.denies.push_back(denyOf(*policy, statement, std::move(unknown)));
                    } else if (outcome == ConditionOutcome::Holds) {
                        allowed = true;
                    } else {
                        allowedConditionally = true;
                    }
                }
            }
            if (!allowed && !allowedConditionally) {
                // Organizations UG, SCP evaluation: a level that allows nothing of the request denies it.
                out.verdict = Verdict::Denied;
                return;
            }
            if (!allowed && out.verdict == Verdict::Allowed)
                out.verdict = Verdict::Conditional;
        }
    }

private:
    StatementMatcher m_matcher;
    const PrincipalFacts *m_facts;
    const RequestContext &m_context;
};

} // namespace

OrganizationFilter::OrganizationFilter(const AccessGraph &graph, const OrganizationModel &organization)
    : m_graph(graph)
    , m_org(organization)
{
}

std::size_t OrganizationFilter::apply(
    std::vector<ReachAnswer> &answers, const std::optional<std::string> &action, std::string_view resourceArn) const
{
    const std::size_t before = answers.size();
    // One request: `from` (a graph key) does `act` on `resource` of `resourceAccount`.
    auto judge = [&](std::string_view from, const std::string &act, const std::string &resource,
                     std::string resourceAccount) {
        HopVerdict out;
        const std::size_t node = m_graph.find(from);
        if (node == AccessGraph::npos)
            return out;
        const GraphNode &n = m_graph.nodes()[node];
        const bool iam =
            n.kind == GraphNodeKind::User || n.kind == GraphNodeKind::Role || n.kind == GraphNodeKind::Account;
        const std::string principalAccount = iam ? n.accountId : std::string();
        if (resourceAccount.empty())
            resourceAccount = principalAccount;
        Request request;
        request.principal = n.kind == GraphNodeKind::Account ? "arn:aws:iam::" + n.accountId + ":root" : n.key;
        request.action = act;
        request.resource = resource;
        request.resourceAccount = principalAccount;
        const PrincipalFacts *facts = m_graph.facts(node);
        if (facts) {
            for (const RequestContext::Entry &entry : facts->request().context().entries())
                request.context.set(entry.name, entry.values, entry.multivalued);
        }
        request.context.set("aws:PrincipalIsAWSService", n.kind == GraphNodeKind::Service ? "true" : "false");
        m_org.addContext(request.context, principalAccount, resourceAccount);
        PreparedRequest prepared(std::move(request));
        if (!prepared.ok())
            return out;
        HopJudge hop(prepared, facts);
        if (iam && !prepared.principal().isServiceLinkedRole())
            hop.judge(m_org.scpLevels(principalAccount), true, out);
        if (out.verdict != Verdict::Denied && !prepared.principal().isServiceLinkedRole())
            hop.judge(m_org.rcpLevels(resourceAccount, act), false, out);
        return out;
    };
    auto accountOfNode = [&](std::string_view key) {
        const std::size_t node = m_graph.find(key);
        return node == AccessGraph::npos ? std::string() : m_graph.nodes()[node].accountId;
    };

    std::erase_if(answers, [&](ReachAnswer &answer) {
        // The may-assume hops.
        for (ReachHop &hop : answer.path) {
            if (hop.kind != GraphEdgeKind::MayAssume)
                continue;
            HopVerdict v = judge(hop.from, "sts:AssumeRole", hop.to, accountOfNode(hop.to));
            if (v.verdict == Verdict::Denied)
                return true;
            if (v.verdict == Verdict::Conditional) {
                answer.conditional = true;
                hop.conditional = true;
                answer.denies.insert(answer.denies.end(), v.denies.begin(), v.denies.end());
            }
        }
        if (answer.path.empty() || answer.path.back().kind != GraphEdgeKind::MayActOn)
            return false;
        const std::string &actor = answer.path.back().from;
        const std::string resource = resourceArn.empty() ? answer.resource : std::string(resourceArn);
        std::string resourceAccount = accountOfNode(resource);
        if (resourceAccount.empty())
            resourceAccount = accountOfArn(resource);
        if (action) {
            HopVerdict v = judge(actor, *action, resource, resourceAccount);
            if (v.verdict == Verdict::Denied)
                return true;
            if (v.verdict == Verdict::Conditional) {
                answer.conditional = true;
                answer.denies.insert(answer.denies.end(), v.denies.begin(), v.denies.end());
            }
            return false;
        }
        // Action patterns: a pattern without wildcards is judged as that action; a wildcard pattern only loses what
        // an SCP or RCP denies of it whole (a Deny whose Action covers it fully, conditions holding).
        std::erase_if(answer.actions, [&](ActionGroup &group) {
            if (group.accessLevel == "NotAction")
                return false;
            std::erase_if(group.patterns, [&](const std::string &pattern) {
                const bool wildcard = pattern.find_first_of("*?") != std::string::npos;
                if (!wildcard)
                    return judge(actor, pattern, resource, resourceAccount).verdict == Verdict::Denied;
                // A wildcard pattern: judged by the actions' service, as `service:*` would be, for the whole-pattern
                // denies only.
                HopVerdict v = judge(actor, pattern, resource, resourceAccount);
                return v.verdict == Verdict::Denied
                    && std::all_of(v.denies.begin(), v.denies.end(),
                        [&](const GraphDeny &d) {
                            return d.compiled && actionCover(*d.compiled, pattern) == DenyCover::Full;
                        })
                    && !v.denies.empty();
            });
            return group.patterns.empty();
        });
        return answer.actions.empty();
    });
    return before - answers.size();
}

} // namespace rd::core
