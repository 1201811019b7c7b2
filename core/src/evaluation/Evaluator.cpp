// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/Evaluator.h"

#include "evaluation/StatementMatcher.h"

#include <array>
#include <optional>

namespace rd::core
{

namespace
{

constexpr std::array<std::string_view, 3> kDecisionNames { "Allowed", "ImplicitlyDenied", "ExplicitlyDenied" };

/// What one policy says about the request.
struct PolicyOutcome {
    bool allow = false;
    bool deny = false;
    /// The strongest grant among matching Allow statements.
    Grant grant = Grant::None;
};

/// Evaluates policies against one request, collecting an explanation when asked.
class Evaluation
{
public:
    Evaluation(const PolicySet &policies, const PreparedRequest &request, Explanation *explanation)
        : m_policies(policies)
        , m_request(request)
        , m_matcher(request)
        , m_explanation(explanation)
    {
    }

    Decision run();

private:
    PolicyOutcome evaluatePolicy(const CompiledPolicy &policy, PolicyType type);
    PolicyOutcome evaluateAny(const std::vector<const CompiledPolicy *> &policies, PolicyType type);
    void explainStatement(
        const CompiledPolicy &policy, PolicyType type, const CompiledStatement &statement, Grant matched);
    /// The decision; with an explanation, its reason (`reason` then `detail`) and deciding statements. Reasons are
    /// views so that the plain path builds no string.
    Decision finish(Decision decision, std::string_view reason, std::string_view detail = {});
    void keepDeciding(Effect effect, bool keep);

    const PolicySet &m_policies;
    const PreparedRequest &m_request;
    StatementMatcher m_matcher;
    Explanation *m_explanation;
    bool m_hasBoundary = false;
    /// Matching statements seen so far, with their effect; trimmed to the deciding ones at the end.
    std::vector<StatementRef> m_matched;
};

StatementRef makeRef(const CompiledPolicy &policy, PolicyType type, const CompiledStatement &statement)
{
    return StatementRef { type, policy.name(), statement.index, statement.sid, statement.effect.value_or(Effect::Allow),
        statement.range };
}

std::string joinValues(const std::vector<CompiledPattern> &patterns)
{
    std::string out;
    for (const CompiledPattern &pattern : patterns)
        out += (out.empty() ? "" : ", ") + pattern.text;
    return out;
}

void Evaluation::explainStatement(
    const CompiledPolicy &policy, PolicyType type, const CompiledStatement &statement, Grant matched)
{
    if (!statement.effect || !statement.problem.empty())
        return;
    if (matched != Grant::None) {
        m_matched.push_back(makeRef(policy, type, statement));
        return;
    }
    // Check every element to find statements that failed on exactly one.
    int failures = 0;
    NearMiss miss;
    if (!m_matcher.actionMatches(statement)) {
        ++failures;
        miss.element = "action";
        miss.detail =
            (statement.actionMode == ElementMode::Negative ? "NotAction " : "Action ") + joinValues(statement.actions);
        miss.range = statement.actionRange;
    }
    if (!m_matcher.resourceMatches(statement)) {
        ++failures;
        miss.element = "resource";
        miss.detail = (statement.resourceMode == ElementMode::Negative ? "NotResource " : "Resource ")
            + joinValues(statement.resources);
        miss.range = statement.resourceRange;
    }
    if (m_matcher.principalGrant(statement, type == PolicyType::Resource && m_hasBoundary) == Grant::None) {
        ++failures;
        miss.element = "principal";
        miss.detail = statement.principalMode == ElementMode::Negative ? "NotPrincipal lists the requester"
                                                                       : "Principal does not name the requester";
        miss.range = statement.principalRange;
    }
    for (const CompiledCondition &condition : statement.conditions) {
        if (failures > 1)
            break;
        if (!m_matcher.conditionHolds(condition)) {
            ++failures;
            miss.element = "condition";
            miss.detail = condition.operatorText + " " + condition.keyText;
            miss.range = condition.keyRange;
        }
    }
    if (failures == 1) {
        miss.statement = makeRef(policy, type, statement);
        m_explanation->nearMisses.push_back(std::move(miss));
    }
}

PolicyOutcome Evaluation::evaluatePolicy(const CompiledPolicy &policy, PolicyType type)
{
    PolicyOutcome outcome;
    const bool boundaryRule = type == PolicyType::Resource && m_hasBoundary;
    for (const CompiledStatement &statement : policy.statements()) {
        // Once a Deny is found nothing else matters, unless an explanation wants every matching statement.
        if (outcome.deny && !m_explanation)
            break;
        const Grant grant = m_matcher.applies(statement, boundaryRule);
        if (m_explanation)
            explainStatement(policy, type, statement, grant);
        if (grant == Grant::None)
            continue;
        if (statement.effect == Effect::Deny) {
            outcome.deny = true;
        } else {
            outcome.allow = true;
            if (grant > outcome.grant)
                outcome.grant = grant;
        }
    }
    return outcome;
}

PolicyOutcome Evaluation::evaluateAny(const std::vector<const CompiledPolicy *> &policies, PolicyType type)
{
    PolicyOutcome combined;
    for (const CompiledPolicy *policy : policies) {
        const PolicyOutcome outcome = evaluatePolicy(*policy, type);
        combined.allow = combined.allow || outcome.allow;
        combined.deny = combined.deny || outcome.deny;
        if (outcome.grant > combined.grant)
            combined.grant = outcome.grant;
        if (combined.deny && !m_explanation)
            break;
    }
    return combined;
}

Decision Evaluation::finish(Decision decision, std::string_view reason, std::string_view detail)
{
    if (!m_explanation)
        return decision;
    m_explanation->decision = decision;
    m_explanation->reason = std::string(reason) + std::string(detail);
    // For sts:AssumeRole* and the other actions a trust policy governs, the resource policy is the role's trust
    // policy (IAM User Guide, "Roles terms and concepts": "trust policy ... a resource-based policy"): say so.
    if (m_request.isTrustPolicyAction()) {
        static constexpr std::string_view kGeneric = "the resource policy";
        static constexpr std::string_view kTrust = "the role's trust policy";
        for (std::size_t at = m_explanation->reason.find(kGeneric); at != std::string::npos;
             at = m_explanation->reason.find(kGeneric, at + kTrust.size()))
            m_explanation->reason.replace(at, kGeneric.size(), kTrust);
    }
    const Effect wanted = decision == Decision::ExplicitlyDenied ? Effect::Deny : Effect::Allow;
    if (decision != Decision::ImplicitlyDenied) {
        for (StatementRef &ref : m_matched) {
            if (ref.effect == wanted)
                m_explanation->deciding.push_back(std::move(ref));
        }
    }
    return decision;
}

Decision Evaluation::run()
{
    const RequestPrincipal &who = m_request.principal();
    const bool identityApplies = who.hasIdentityPolicies();
    m_hasBoundary = identityApplies && m_policies.boundary;
    // SCPs restrict the IAM principals of member accounts, the root user included, but not service-linked roles
    // (AWS Organizations User Guide, "Service control policies"). RCPs restrict access to the account's resources by
    // any principal, AWS service principals included (AWS's own confused-deputy RCP example denies them), except
    // service-linked roles (AWS Organizations User Guide, "Resource control policies").
    const bool scpsApply =
        !m_policies.scps.empty() && (identityApplies || who.kind == PrincipalKind::Root) && !who.isServiceLinkedRole();
    const bool rcpsApply = !who.isServiceLinkedRole();
    // A role given by its ARN stands for one of its sessions; a session policy makes it a session whose policy
    // applies (IAM User Guide, "Session policies": passed "when you programmatically create a temporary session for a
    // role or federated user").
    const bool sessionApplies = who.kind == PrincipalKind::RoleSession || who.kind == PrincipalKind::FederatedUser
        || (who.kind == PrincipalKind::Role && !m_policies.session.empty());

    // "No permissions are required to perform this operation. If an administrator attaches a policy to your identity
    // that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation" (AWS
    // STS API Reference, "GetCallerIdentity"): any caller with credentials.
    if (m_request.isCallerIdentity() && (identityApplies || who.kind == PrincipalKind::Root))
        return finish(Decision::Allowed, "sts:GetCallerIdentity needs no permission, even under an explicit deny");

    // Step 1: an explicit deny in any policy that applies decides (IAM User Guide, "How AWS enforcement code logic
    // evaluates requests to allow or deny access").
    PolicyOutcome identity;
    PolicyOutcome boundary;
    PolicyOutcome session;
    PolicyOutcome resource;
    // The first SCP level with no matching Allow, if any.
    std::optional<std::size_t> scpLevelWithoutAllow;
    bool denied = false;
    // Where the first deny was found; an organization level only for SCPs and RCPs.
    std::string_view denyWhere;
    std::optional<std::size_t> denyLevel;
    auto noteDeny = [&](const PolicyOutcome &outcome, std::string_view where,
                        std::optional<std::size_t> level = std::nullopt) {
        if (outcome.deny && !denied) {
            denied = true;
            denyWhere = where;
            denyLevel = level;
        }
    };
    if (m_policies.resource) {
        resource = evaluatePolicy(*m_policies.resource, PolicyType::Resource);
        noteDeny(resource, "the resource policy");
    }
    if (identityApplies) {
        identity = evaluateAny(m_policies.identity, PolicyType::Identity);
        noteDeny(identity, "an identity-based policy");
        if (m_policies.boundary && (!denied || m_explanation)) {
            boundary = evaluatePolicy(*m_policies.boundary, PolicyType::PermissionsBoundary);
            noteDeny(boundary, "the permissions boundary");
        }
        if (sessionApplies && !m_policies.session.empty() && (!denied || m_explanation)) {
            session = evaluateAny(m_policies.session, PolicyType::Session);
            noteDeny(session, "the session policy");
        }
    }
    if (scpsApply) {
        for (std::size_t level = 0; level < m_policies.scps.size() && (!denied || m_explanation); ++level) {
            const PolicyOutcome outcome = evaluateAny(m_policies.scps[level], PolicyType::ServiceControl);
            noteDeny(outcome, "an SCP", level);
            if (!outcome.allow && !scpLevelWithoutAllow)
                scpLevelWithoutAllow = level;
        }
    }
    if (rcpsApply) {
        for (std::size_t level = 0; level < m_policies.rcps.size() && (!denied || m_explanation); ++level) {
            const PolicyOutcome outcome = evaluateAny(m_policies.rcps[level], PolicyType::ResourceControl);
            noteDeny(outcome, "an RCP", level);
        }
    }
    if (denied)
        return finish(Decision::ExplicitlyDenied, "explicit deny in ",
            m_explanation ? std::string(denyWhere) + (denyLevel ? " at level " + std::to_string(*denyLevel) : "")
                          : std::string());

    // No policy can grant a change to an AWS managed policy: "You cannot change the permissions defined in AWS
    // managed policies" (IAM User Guide, "Managed policies and inline policies").
    if (m_request.changesAwsManagedPolicy())
        return finish(Decision::ImplicitlyDenied, "AWS managed policies cannot be created, changed, deleted or tagged");

    // Step 2: SCPs: every level needs an Allow.
    if (scpLevelWithoutAllow)
        return finish(Decision::ImplicitlyDenied, "no SCP allows the action at level ",
            m_explanation ? std::to_string(*scpLevelWithoutAllow) + " of the requester's organization" : std::string());

    // Principals with no identity-based policies: the resource policy alone decides.
    if (who.kind == PrincipalKind::Root) {
        // IAM User Guide, "AWS account root user": root credentials cannot call AssumeRole.
        if (m_request.isAssumeRole())
            return finish(Decision::ImplicitlyDenied, "the root user cannot assume a role");
        if (m_request.isCrossAccount() || m_request.requiresResourcePolicy()) {
            if (resource.allow)
                return finish(Decision::Allowed, "the resource policy allows the account's root user");
            return finish(Decision::ImplicitlyDenied,
                m_request.isCrossAccount() ? "cross-account request: the resource policy does not allow it"
                                           : "the resource policy is required and does not allow it");
        }
        return finish(Decision::Allowed, "the root user has full access to its own account");
    }
    if (!identityApplies) {
        if (resource.allow)
            return finish(Decision::Allowed, "the resource policy allows this principal");
        return finish(Decision::ImplicitlyDenied,
            m_policies.resource ? "the resource policy does not allow this principal"
                                : "no resource policy, and this principal has no identity-based policies");
    }

    // The identity side: identity policies, capped by the boundary and the session policies.
    const bool boundaryAllows = !m_policies.boundary || boundary.allow;
    const bool sessionAllows = !sessionApplies
        ? true
        : (m_policies.session.empty() ? who.kind != PrincipalKind::FederatedUser : session.allow);
    const bool identityAllows = identity.allow && boundaryAllows && sessionAllows;
    auto identityFailure = [&]() -> std::string_view {
        if (!identity.allow)
            return "no identity-based policy allows the action";
        if (!boundaryAllows)
            return "the permissions boundary does not allow the action";
        if (m_policies.session.empty())
            return "a federated user session without a session policy has no identity-based permissions";
        return "the session policy does not allow the action";
    };

    if (m_request.isCrossAccount()) {
        // IAM User Guide, "Cross-account policy evaluation logic": both sides must allow.
        if (!resource.allow)
            return finish(Decision::ImplicitlyDenied, "cross-account request: the resource policy does not allow it");
        if (!identityAllows)
            return finish(Decision::ImplicitlyDenied, "cross-account request: ", identityFailure());
        return finish(
            Decision::Allowed, "cross-account request allowed by both the resource policy and the identity side");
    }

    // Same account (IAM User Guide, "Policy evaluation for requests within a single account").
    if (m_request.requiresResourcePolicy() && !resource.allow)
        return finish(Decision::ImplicitlyDenied,
            m_request.isTrustPolicyAction() ? "the role's trust policy does not allow the request"
                                            : "the key policy does not allow the request");
    if (m_request.requiresIdentityAndResourcePolicy()) {
        if (identityAllows)
            return finish(Decision::Allowed, "both the trust policy and the identity side allow sts:SetSourceIdentity");
        return finish(
            Decision::ImplicitlyDenied, "sts:SetSourceIdentity needs the identity side too: ", identityFailure());
    }
    switch (resource.grant) {
    case Grant::Direct:
        // "If a user is listed as the principal in a role's trust policy ... If a permissions boundary is set for the
        // user, then it must allow the sts:AssumeRole action" (IAM User Guide, "Update a role trust policy"). A grant
        // made directly to a session is "not limited by an implicit deny in an identity-based policy, a permissions
        // boundary, or session policy" (IAM User Guide, "How AWS enforcement code logic evaluates requests").
        if (m_request.isTrustPolicyAction() && !boundaryAllows && who.kind == PrincipalKind::User)
            return finish(Decision::ImplicitlyDenied,
                "the trust policy names the requester, but its permissions boundary does not allow the action");
        return finish(Decision::Allowed, "the resource policy names the requester");
    case Grant::Role:
        if (boundaryAllows && sessionAllows)
            return finish(Decision::Allowed, "the resource policy names the requester's role");
        if (identityAllows)
            break;
        return finish(Decision::ImplicitlyDenied,
            !boundaryAllows ? "the resource policy names the role, and the permissions boundary does not allow it"
                            : "the resource policy names the role, and the session policy does not allow it");
    case Grant::Account:
    case Grant::None:
        break;
    }
    if (identityAllows)
        return finish(Decision::Allowed,
            resource.grant == Grant::Account ? "the resource policy trusts the account, and the identity side allows"
                                             : "allowed by the identity-based policies");
    return finish(Decision::ImplicitlyDenied, identityFailure());
}

} // namespace

std::string_view decisionName(Decision decision)
{
    return kDecisionNames[static_cast<std::size_t>(decision)];
}

std::optional<Decision> decisionFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kDecisionNames.size(); ++i) {
        if (kDecisionNames[i] == name)
            return static_cast<Decision>(i);
    }
    return std::nullopt;
}

std::string_view policyTypeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Identity:
        return "identity";
    case PolicyType::Resource:
        return "resource";
    case PolicyType::PermissionsBoundary:
        return "permissions boundary";
    case PolicyType::Session:
        return "session";
    case PolicyType::ServiceControl:
        return "SCP";
    case PolicyType::ResourceControl:
        return "RCP";
    }
    return "";
}

Decision evaluate(const PolicySet &policies, const PreparedRequest &request, Explanation *explanation)
{
    if (explanation)
        *explanation = Explanation {};
    Evaluation evaluation(policies, request, explanation);
    return evaluation.run();
}

} // namespace rd::core
