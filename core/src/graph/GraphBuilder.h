// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/PrincipalFacts.h"
#include "rd/core/analysis/PrincipalPolicies.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/workspace/Workspace.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rd::core
{

class ServiceCatalog;

/// The entities a graph is made of, and their resolved policies (AccountModel owns both).
struct GraphInputs {
    std::vector<const Role *> roles;
    std::vector<const User *> users;
    std::vector<const Group *> groups;
    std::vector<const Resource *> resources;
    const std::vector<Account> *accounts = nullptr;
    const std::vector<ExternalPrincipal> *externalPrincipals = nullptr;
    std::function<const PrincipalPolicies *(RoleId)> rolePolicies;
    std::function<const PrincipalPolicies *(UserId)> userPolicies;
    std::function<ResolvedPolicyPtr(RoleId)> trust;
    std::function<ResolvedPolicyPtr(ResourceId)> resourcePolicy;
};

/// What an edit changed, for GraphBuilder::update(): ids of roles, users and resources whose entity or resolved
/// policies changed. Only changes that keep every node (no entity added, removed, renamed or moved to another
/// account) are incremental; AccountModel rebuilds for the others.
struct GraphChanges {
    std::set<std::uint64_t> roles;
    std::set<std::uint64_t> users;
    std::set<std::uint64_t> resources;
};

/// Makes the access graph (docs/REACHABILITY.md) and keeps what it needs to update it after an edit: the edges in
/// buckets by what they depend on (a user's memberships; a principal's may-act-on edges; the may-assume edges into a
/// role, by caller; a resource policy's edges), and the indexes that say which buckets an edit touches. A value:
/// AccountModel copies it for each revision; the buckets' edges are shared between copies and their graphs.
class GraphBuilder
{
public:
    GraphBuilder();

    /// Makes everything from scratch.
    void build(const GraphInputs &inputs);
    /// Recomputes what depends on the changed entities: their policy sets, facts, edges out (may-act-on, and
    /// may-assume towards every role whose trust could cover them), edges in (a changed role's trust), and the
    /// resource policies' edges that name them or govern their grants.
    void update(const GraphInputs &inputs, const GraphChanges &changes);
    /// The graph of the current buckets.
    AccessGraph graph() const;

    /// Which policies a statement list entry comes from (the resolved policy keeps the statement alive).
    using StatementList = std::vector<std::pair<const ResolvedPolicy *, const CompiledStatement *>>;
    using EdgeBucket = std::shared_ptr<const std::vector<GraphEdge>>;

    struct IdentitySet {
        std::vector<ResolvedPolicyPtr> identity;
        ResolvedPolicyPtr boundary;
    };

    /// Action groups by action pattern: a pure function of the service catalog, shared by every copy.
    struct ActionGroupCache {
        std::mutex mutex;
        std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> groups;
    };

private:
    friend class GraphBuilderRun;

    // Nodes: only ever appended between full builds, so that shared edges keep their node indexes.
    AccessGraph m_nodes;
    std::unordered_map<std::uint64_t, std::size_t> m_roleNode;
    std::unordered_map<std::uint64_t, std::size_t> m_userNode;
    std::unordered_map<std::uint64_t, std::size_t> m_groupNode;
    std::unordered_map<std::string, std::size_t> m_userByArn;
    std::unordered_map<std::string, std::size_t> m_roleByName;
    std::set<std::string> m_modelledAccounts;

    // Per user and role node.
    std::map<std::size_t, IdentitySet> m_sets;
    std::unordered_map<std::size_t, std::shared_ptr<const PrincipalFacts>> m_facts;
    std::unordered_map<std::size_t, StatementList> m_assumeStatements;
    std::unordered_map<std::size_t, StatementList> m_boundaryAssumeStatements;
    /// What may-assume edges out of the node depend on, as text: a change means they need a look.
    std::unordered_map<std::size_t, std::uint64_t> m_assumeFingerprint;
    /// Principals with identity statements about sts:AssumeRole*, by account, sorted.
    std::map<std::string, std::vector<std::size_t>> m_assumers;
    /// Each identity Allow statement about sts:AssumeRole* and the principals whose sets hold it.
    std::unordered_map<const CompiledStatement *, std::vector<std::size_t>> m_assumeAllowHolders;

    // Buckets.
    std::unordered_map<std::size_t, EdgeBucket> m_memberOf;
    std::unordered_map<std::size_t, EdgeBucket> m_actOf;
    /// Edges into a role, sorted by caller node.
    std::unordered_map<std::size_t, EdgeBucket> m_assumeInto;
    std::unordered_map<std::uint64_t, EdgeBucket> m_resourceEdges;
    std::unordered_map<std::size_t, std::vector<GraphDeny>> m_resourceDenies;

    // Which roles' trust could cover a caller: by name, by account, or anyone.
    std::unordered_map<std::size_t, std::set<std::size_t>> m_exactTrusters;
    std::map<std::string, std::set<std::size_t>> m_accountTrusters;
    std::set<std::size_t> m_anyTrusters;
    /// What each role registered in the three indexes above (to take it out when the trust changes).
    struct TrustRegistration {
        std::vector<std::size_t> exact;
        std::vector<std::string> accounts;
        bool any = false;
    };
    std::unordered_map<std::size_t, TrustRegistration> m_trustRegistrations;
    /// Principals whose grants fall within a modelled resource that has a policy (its denies cut them), by the
    /// resource's ARN; and the resources whose policies' edges depend on a principal.
    std::unordered_map<std::string, std::set<std::size_t>> m_governedGrants;
    std::unordered_map<std::size_t, std::set<std::uint64_t>> m_granteeResources;
    std::unordered_map<std::string, std::uint64_t> m_resourceWithPolicy;

    std::shared_ptr<ActionGroupCache> m_actionGroups;
};

} // namespace rd::core
