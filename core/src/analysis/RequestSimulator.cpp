// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/analysis/RequestSimulator.h"

#include "analysis/PolicyResolver.h"
#include "evaluation/StatementMatcher.h"
#include "graph/DenyCover.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/PrincipalFacts.h"
#include "rd/core/evaluation/PreparedRequest.h"
#include "rd/core/policy/PolicyParser.h"

#include <algorithm>
#include <type_traits>

namespace rd::core
{

namespace
{

/// The identity side of a principal of an account the workspace does not model: assumed to allow (the workspace
/// cannot know that account's policies; only what the workspace holds is checked).
const CompiledPolicy *assumedAllowPolicy()
{
    static const CompiledPolicy allowAll = [] {
        ParseResult parsed =
            parsePolicy(R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
        return CompiledPolicy::compile(
            parsed.policy.value_or(Policy {}), "assumed: the principal's own account's policies");
    }();
    return &allowAll;
}

template <class T> const T *findByArn(const std::vector<T> &items, std::string_view arn)
{
    auto it = std::find_if(items.begin(), items.end(), [&](const T &item) { return item.arn == arn; });
    return it == items.end() ? nullptr : &*it;
}

const Role *findRoleByName(const Workspace &ws, std::string_view account, std::string_view name)
{
    auto it = std::find_if(
        ws.roles.begin(), ws.roles.end(), [&](const Role &r) { return r.accountId == account && r.name == name; });
    return it == ws.roles.end() ? nullptr : &*it;
}

} // namespace

/// What a simulator without an account model compiles for itself, through the one resolver (PolicyResolver).
struct RequestSimulator::Own {
    explicit Own(const Workspace &workspace)
    {
        for (const ManagedPolicy &policy : workspace.policies)
            copies.emplace(policy.arn, std::make_shared<const ManagedPolicy>(policy));
        if (workspace.organization)
            organization = OrganizationModel::build(*workspace.organization);
    }
    PolicyResolver::ManagedCopies copies;
    PolicyResolver::ManagedCache cache;
    std::shared_ptr<const OrganizationModel> organization;
    /// The sets handed out, kept alive for the policies' addresses.
    std::vector<std::unique_ptr<PrincipalPolicies>> sets;
};

RequestSimulator::RequestSimulator(const Workspace &workspace, std::shared_ptr<const AccountModel> model)
    : m_workspace(workspace)
    , m_model(std::move(model))
{
    if (!m_model)
        m_own = std::make_unique<Own>(workspace);
}

RequestSimulator::~RequestSimulator() = default;

WorkspaceDecision RequestSimulator::simulate(const WorkspaceRequest &request) const
{
    WorkspaceDecision out;
    RequestPrincipal who;
    std::string error;
    if (!RequestPrincipal::parse(request.principal, who, error)) {
        out.error = error;
        return out;
    }
    const OrganizationModel *org = m_model ? m_model->organization() : m_own->organization.get();
    // The policy sets: the model's, or resolved here for this request only.
    auto setOf = [&](const auto &entity) -> const PrincipalPolicies * {
        if (m_model)
            return m_model->policiesOf(entity.id);
        PolicyResolver resolver(AwsManagedPolicies::builtin(), m_own->copies, m_own->cache);
        if constexpr (std::is_same_v<std::decay_t<decltype(entity)>, User>) {
            std::vector<PrincipalPolicies> groups;
            for (const std::string &name : entity.groupNames) {
                for (const Group &group : m_workspace.groups) {
                    if (group.accountId == entity.accountId && group.name == name) {
                        groups.push_back(resolver.groupPolicies(group));
                        break;
                    }
                }
            }
            std::vector<const PrincipalPolicies *> pointers;
            for (const PrincipalPolicies &g : groups)
                pointers.push_back(&g);
            m_own->sets.push_back(std::make_unique<PrincipalPolicies>(resolver.userPolicies(entity, pointers)));
        } else {
            m_own->sets.push_back(std::make_unique<PrincipalPolicies>(resolver.rolePolicies(entity)));
        }
        return m_own->sets.back().get();
    };

    // The principal's side.
    PolicySet set;
    std::optional<PrincipalFacts> facts;
    if (who.hasIdentityPolicies()) {
        if (!m_workspace.hasAccount(who.account)) {
            set.identity.push_back(assumedAllowPolicy());
            out.assumptions.push_back("account " + who.account
                + " is not in the workspace: its identity-based policies are assumed to allow on their side (only "
                  "the workspace's policies, SCPs and RCPs are checked)");
        } else if (who.kind == PrincipalKind::User) {
            const User *user = findByArn(m_workspace.users, request.principal);
            if (!user) {
                out.error = "the user `" + request.principal + "` is not in the workspace";
                return out;
            }
            facts = PrincipalFacts::of(*user);
            if (const PrincipalPolicies *policies = setOf(*user)) {
                for (const ResolvedPolicyPtr &p : policies->identity)
                    set.identity.push_back(&p->compiled);
                if (policies->boundary)
                    set.boundary = &policies->boundary->compiled;
            }
        } else if (who.kind == PrincipalKind::Role || who.kind == PrincipalKind::RoleSession) {
            const Role *role = who.kind == PrincipalKind::Role ? findByArn(m_workspace.roles, request.principal)
                                                               : findRoleByName(m_workspace, who.account, who.name);
            if (!role) {
                out.error = "the role `" + request.principal + "` is not in the workspace";
                return out;
            }
            facts = PrincipalFacts::of(*role);
            if (const PrincipalPolicies *policies = setOf(*role)) {
                for (const ResolvedPolicyPtr &p : policies->identity)
                    set.identity.push_back(&p->compiled);
                if (policies->boundary)
                    set.boundary = &policies->boundary->compiled;
            }
        } else {
            out.assumptions.push_back("a federated user session's policies are not in the workspace: it is "
                                      "simulated without a session policy");
        }
    }

    // The resource's side: a role's trust policy for the actions it governs, else the resource's own policy (a
    // bucket's for its objects).
    Request evaluated;
    evaluated.principal = request.principal;
    evaluated.action = request.action;
    evaluated.resource = request.resource;
    ResolvedPolicyPtr resourcePolicy;
    {
        PreparedRequest probe(Request { request.principal, request.action, request.resource, {}, {} });
        const Role *targetRole = probe.isTrustPolicyAction() ? findByArn(m_workspace.roles, request.resource) : nullptr;
        if (targetRole) {
            resourcePolicy = m_model ? m_model->trustPolicy(targetRole->id) : PolicyResolver::trustPolicy(*targetRole);
            out.resourceAccount = targetRole->accountId;
        } else {
            const Resource *resource = findByArn(m_workspace.resources, request.resource);
            if (!resource) {
                const std::string bucket = bucketOfObject(request.resource);
                if (!bucket.empty())
                    resource = findByArn(m_workspace.resources, bucket);
            }
            if (resource) {
                resourcePolicy =
                    m_model ? m_model->resourcePolicy(resource->id) : PolicyResolver::resourcePolicy(*resource);
                out.resourceAccount = resource->accountId;
            }
        }
    }
    if (resourcePolicy)
        set.resource = &resourcePolicy->compiled;
    if (out.resourceAccount.empty())
        out.resourceAccount = accountOfArn(request.resource);
    if (out.resourceAccount.empty() && request.resource != "*") {
        out.resourceAccount = who.account;
        if (!who.account.empty())
            out.assumptions.push_back("the account that owns `" + request.resource
                + "` is not known: it is taken to be the principal's, " + who.account);
    }
    evaluated.resourceAccount = out.resourceAccount;

    // The context: the user's keys first (they win), then what the workspace knows of the principal, then the
    // organization's keys.
    for (const auto &[key, value] : request.context)
        evaluated.context.set(key, value);
    // IAM User Guide, "AWS global condition context keys": aws:PrincipalIsAWSService is true for AWS service
    // principals, false for every other principal.
    if (!evaluated.context.find("aws:principalisawsservice"))
        evaluated.context.set("aws:PrincipalIsAWSService", who.kind == PrincipalKind::Service ? "true" : "false");
    if (facts) {
        for (const RequestContext::Entry &entry : facts->request().context().entries()) {
            if (!evaluated.context.find(entry.key))
                evaluated.context.set(entry.name, entry.values, entry.multivalued);
        }
    }
    if (org) {
        org->addContext(evaluated.context, who.account, out.resourceAccount);
        set.scps = org->scpLevels(who.account);
        set.rcps = org->rcpLevels(out.resourceAccount, request.action);
    } else if (!out.resourceAccount.empty() && !evaluated.context.find("aws:resourceaccount")) {
        evaluated.context.set("aws:ResourceAccount", out.resourceAccount);
    }
    out.scpsApplied = !set.scps.empty();
    out.rcpsApplied = !set.rcps.empty();

    PreparedRequest prepared(std::move(evaluated));
    if (!prepared.ok()) {
        out.error = prepared.error();
        return out;
    }
    out.decision = evaluate(set, prepared, &out.explanation);
    for (const StatementRef &ref : out.explanation.deciding) {
        DecidingStatement d { ref, std::nullopt };
        if (org && (ref.type == PolicyType::ServiceControl || ref.type == PolicyType::ResourceControl)) {
            if (const OrganizationAttachment *at = org->attachmentOf(ref.policy))
                d.attachment = *at;
        }
        out.deciding.push_back(std::move(d));
    }
    // An SCP implicit deny: the first level none of whose SCPs has an Allow statement that applies to the request.
    if (out.decision == Decision::ImplicitlyDenied && out.scpsApplied && !prepared.principal().isServiceLinkedRole()) {
        StatementMatcher matcher(prepared);
        for (const std::vector<const CompiledPolicy *> &level : set.scps) {
            const bool allows = std::any_of(level.begin(), level.end(), [&](const CompiledPolicy *policy) {
                return std::any_of(
                    policy->statements().begin(), policy->statements().end(), [&](const CompiledStatement &statement) {
                        return statement.effect == Effect::Allow && matcher.applies(statement, false) != Grant::None;
                    });
            });
            if (!allows && !level.empty()) {
                if (const OrganizationAttachment *at = org->attachmentOf(level.front()->name()))
                    out.scpLevelWithoutAllow = *at;
                break;
            }
        }
    }
    return out;
}

} // namespace rd::core
