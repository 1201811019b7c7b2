// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/Workspace.h"

#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace rd::core
{

std::string_view externalPrincipalKindName(ExternalPrincipalKind kind)
{
    switch (kind) {
    case ExternalPrincipalKind::Account:
        return "account";
    case ExternalPrincipalKind::Service:
        return "service";
    case ExternalPrincipalKind::SamlProvider:
        return "saml-provider";
    case ExternalPrincipalKind::OidcProvider:
        return "oidc-provider";
    case ExternalPrincipalKind::WebIdentityProvider:
        return "web-identity";
    case ExternalPrincipalKind::CanonicalUser:
        return "canonical-user";
    }
    return "account";
}

std::optional<ExternalPrincipalKind> externalPrincipalKindFromName(std::string_view name)
{
    constexpr std::array kinds { ExternalPrincipalKind::Account, ExternalPrincipalKind::Service,
        ExternalPrincipalKind::SamlProvider, ExternalPrincipalKind::OidcProvider,
        ExternalPrincipalKind::WebIdentityProvider, ExternalPrincipalKind::CanonicalUser };
    for (ExternalPrincipalKind kind : kinds) {
        if (externalPrincipalKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

const PolicyVersion *ManagedPolicy::defaultVersion() const
{
    for (const PolicyVersion &v : versions) {
        if (!defaultVersionId.empty() && v.versionId == defaultVersionId)
            return &v;
    }
    for (const PolicyVersion &v : versions) {
        if (v.isDefault)
            return &v;
    }
    return versions.empty() ? nullptr : &versions.front();
}

std::uint64_t Workspace::allocate(std::uint64_t wanted)
{
    if (wanted == 0)
        return m_nextId++;
    reserveId(wanted);
    return wanted;
}

void Workspace::reserveId(std::uint64_t used)
{
    m_nextId = std::max(m_nextId, used + 1);
}

UserId Workspace::add(User user)
{
    user.id.value = allocate(user.id.value);
    users.push_back(std::move(user));
    return users.back().id;
}

GroupId Workspace::add(Group group)
{
    group.id.value = allocate(group.id.value);
    groups.push_back(std::move(group));
    return groups.back().id;
}

RoleId Workspace::add(Role role)
{
    role.id.value = allocate(role.id.value);
    roles.push_back(std::move(role));
    return roles.back().id;
}

PolicyId Workspace::add(ManagedPolicy policy)
{
    policy.id.value = allocate(policy.id.value);
    policies.push_back(std::move(policy));
    return policies.back().id;
}

ResourceId Workspace::add(Resource resource)
{
    resource.id.value = allocate(resource.id.value);
    resources.push_back(std::move(resource));
    return resources.back().id;
}

ExternalPrincipalId Workspace::add(ExternalPrincipal principal)
{
    principal.id.value = allocate(principal.id.value);
    externalPrincipals.push_back(std::move(principal));
    return externalPrincipals.back().id;
}

namespace
{
template <class Container, class Id> auto findById(Container &items, Id id) -> decltype(&items.front())
{
    for (auto &item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}
} // namespace

const Role *Workspace::role(RoleId id) const
{
    return findById(roles, id);
}

Role *Workspace::role(RoleId id)
{
    return findById(roles, id);
}

const User *Workspace::user(UserId id) const
{
    return findById(users, id);
}

const Group *Workspace::group(GroupId id) const
{
    return findById(groups, id);
}

const ManagedPolicy *Workspace::policy(PolicyId id) const
{
    return findById(policies, id);
}

const ExternalPrincipal *Workspace::externalPrincipal(ExternalPrincipalKind kind, std::string_view identifier) const
{
    auto it = std::find_if(externalPrincipals.begin(), externalPrincipals.end(),
        [&](const ExternalPrincipal &p) { return p.kind == kind && p.identifier == identifier; });
    return it == externalPrincipals.end() ? nullptr : &*it;
}

bool Workspace::hasAccount(std::string_view accountId) const
{
    return std::any_of(accounts.begin(), accounts.end(), [&](const Account &a) { return a.accountId == accountId; });
}

void Workspace::ensureAccount(std::string_view accountId)
{
    if (!accountId.empty() && !hasAccount(accountId))
        accounts.push_back(Account { std::string(accountId), {} });
}

namespace
{
template <class T> bool byArn(const T &a, const T &b)
{
    return std::tie(a.arn, a.name, a.id) < std::tie(b.arn, b.name, b.id);
}

template <class T> void sortCanonicallyIn(std::vector<T> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const T &a, const T &b) { return canonicalLess(a, b); });
}
} // namespace

bool canonicalLess(const Account &a, const Account &b)
{
    return a.accountId < b.accountId;
}

bool canonicalLess(const User &a, const User &b)
{
    return byArn(a, b);
}

bool canonicalLess(const Group &a, const Group &b)
{
    return byArn(a, b);
}

bool canonicalLess(const Role &a, const Role &b)
{
    return byArn(a, b);
}

bool canonicalLess(const ManagedPolicy &a, const ManagedPolicy &b)
{
    return byArn(a, b);
}

bool canonicalLess(const Resource &a, const Resource &b)
{
    return byArn(a, b);
}

bool canonicalLess(const ExternalPrincipal &a, const ExternalPrincipal &b)
{
    return std::tie(a.kind, a.identifier, a.id) < std::tie(b.kind, b.identifier, b.id);
}

bool canonicalLess(const GraphPosition &a, const GraphPosition &b)
{
    return a.node < b.node;
}

void Workspace::sortCanonically()
{
    sortCanonicallyIn(accounts);
    sortCanonicallyIn(users);
    sortCanonicallyIn(groups);
    sortCanonicallyIn(roles);
    sortCanonicallyIn(policies);
    sortCanonicallyIn(resources);
    sortCanonicallyIn(externalPrincipals);
    sortCanonicallyIn(layout);
}

std::string accountOfArn(std::string_view arn)
{
    // arn:partition:service:region:account:resource
    std::size_t pos = 0;
    for (int field = 0; field < 4; ++field) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    if (arn.substr(0, 4) != "arn:")
        return {};
    const std::size_t end = arn.find(':', pos);
    if (end == std::string_view::npos)
        return {};
    return std::string(arn.substr(pos, end - pos));
}

void Workspace::collectExternalPrincipals()
{
    auto note = [this](ExternalPrincipalKind kind, const std::string &identifier) {
        if (identifier.empty() || identifier == "*" || externalPrincipal(kind, identifier))
            return;
        if (kind == ExternalPrincipalKind::Account && hasAccount(identifier))
            return;
        add(ExternalPrincipal { {}, kind, identifier, {} });
    };
    for (const Role &role : roles) {
        for (const Statement &s : role.trustPolicy.statements) {
            if (!s.principal || s.principal->isString)
                continue;
            for (const PrincipalEntry &entry : s.principal->entries) {
                for (const PolicyString &value : entry.values.values) {
                    const std::string &v = value.value;
                    if (entry.type.value == "AWS") {
                        note(ExternalPrincipalKind::Account, isAccountId(v) ? v : accountOfArn(v));
                    } else if (entry.type.value == "Service") {
                        note(ExternalPrincipalKind::Service, v);
                    } else if (entry.type.value == "Federated") {
                        if (v.find(":saml-provider/") != std::string::npos)
                            note(ExternalPrincipalKind::SamlProvider, v);
                        else if (v.find(":oidc-provider/") != std::string::npos)
                            note(ExternalPrincipalKind::OidcProvider, v);
                        else
                            note(ExternalPrincipalKind::WebIdentityProvider, v);
                    } else if (entry.type.value == "CanonicalUser") {
                        note(ExternalPrincipalKind::CanonicalUser, v);
                    }
                }
            }
        }
    }
}

namespace
{

/// Calls `fn` on every policy document of the workspace.
template <class Fn> void forEachPolicy(Workspace &workspace, const Fn &fn)
{
    for (User &user : workspace.users) {
        for (InlinePolicy &p : user.inlinePolicies)
            fn(p.document);
    }
    for (Group &group : workspace.groups) {
        for (InlinePolicy &p : group.inlinePolicies)
            fn(p.document);
    }
    for (Role &role : workspace.roles) {
        fn(role.trustPolicy);
        for (InlinePolicy &p : role.inlinePolicies)
            fn(p.document);
    }
    for (ManagedPolicy &policy : workspace.policies) {
        for (PolicyVersion &version : policy.versions)
            fn(version.document);
    }
    for (Resource &resource : workspace.resources) {
        if (resource.policy)
            fn(*resource.policy);
    }
    if (workspace.organization) {
        for (OrganizationPolicy &policy : workspace.organization->policies)
            fn(policy.document);
    }
}

} // namespace

void clearSourceRanges(Workspace &workspace)
{
    forEachPolicy(workspace, [](Policy &policy) { clearSourceRanges(policy); });
}

bool sameContent(const Workspace &a, const Workspace &b)
{
    Workspace left = a;
    Workspace right = b;
    clearSourceRanges(left);
    clearSourceRanges(right);
    return left == right;
}

} // namespace rd::core
