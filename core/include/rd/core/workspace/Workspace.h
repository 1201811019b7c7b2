// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"
#include "rd/core/workspace/Organization.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// A stable identity for a workspace entity, independent of its name, ARN and position in any list. Views refer to
/// entities by these, never by pointer or row. 0 is "no entity".
template <class Tag> struct EntityId {
    std::uint64_t value = 0;

    bool isValid() const { return value != 0; }
    friend auto operator<=>(const EntityId &, const EntityId &) = default;
};

using UserId = EntityId<struct UserTag>;
using GroupId = EntityId<struct GroupTag>;
using RoleId = EntityId<struct RoleTag>;
using PolicyId = EntityId<struct PolicyTag>;
using ResourceId = EntityId<struct ResourceTag>;
using ExternalPrincipalId = EntityId<struct ExternalPrincipalTag>;

struct Tag {
    std::string key;
    std::string value;
    friend bool operator==(const Tag &, const Tag &) = default;
};

struct InlinePolicy {
    std::string name;
    Policy document;
    friend bool operator==(const InlinePolicy &, const InlinePolicy &) = default;
};

struct Account {
    /// The 12-digit account id.
    std::string accountId;
    std::string name;
    friend bool operator==(const Account &, const Account &) = default;
};

struct User {
    UserId id;
    std::string accountId;
    std::string name;
    std::string path = "/";
    std::string arn;
    /// IAM's unique id (AIDA...), when known.
    std::string awsId;
    std::string createDate;
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<std::string> attachedPolicyArns;
    std::string permissionsBoundaryArn;
    std::vector<std::string> groupNames;
    std::vector<Tag> tags;
    friend bool operator==(const User &, const User &) = default;
};

struct Group {
    GroupId id;
    std::string accountId;
    std::string name;
    std::string path = "/";
    std::string arn;
    std::string awsId;
    std::string createDate;
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<std::string> attachedPolicyArns;
    friend bool operator==(const Group &, const Group &) = default;
};

struct InstanceProfile {
    std::string name;
    std::string path = "/";
    std::string arn;
    std::string awsId;
    friend bool operator==(const InstanceProfile &, const InstanceProfile &) = default;
};

/// IAM's default MaxSessionDuration and its bounds (IAM API reference, CreateRole: 3,600 to 43,200 seconds).
inline constexpr int kDefaultMaxSessionDuration = 3600;
inline constexpr int kMinMaxSessionDuration = 3600;
inline constexpr int kMaxMaxSessionDuration = 43200;

/// True when IAM would accept this MaxSessionDuration (seconds).
constexpr bool isValidMaxSessionDuration(long long seconds)
{
    return seconds >= kMinMaxSessionDuration && seconds <= kMaxMaxSessionDuration;
}

struct Role {
    RoleId id;
    std::string accountId;
    std::string name;
    std::string path = "/";
    std::string arn;
    /// IAM's unique id (AROA...), when known.
    std::string awsId;
    std::string description;
    std::string createDate;
    int maxSessionDuration = kDefaultMaxSessionDuration;
    Policy trustPolicy;
    std::vector<InlinePolicy> inlinePolicies;
    std::vector<std::string> attachedPolicyArns;
    std::string permissionsBoundaryArn;
    std::vector<Tag> tags;
    std::vector<InstanceProfile> instanceProfiles;
    friend bool operator==(const Role &, const Role &) = default;
};

struct PolicyVersion {
    std::string versionId;
    bool isDefault = false;
    std::string createDate;
    Policy document;
    friend bool operator==(const PolicyVersion &, const PolicyVersion &) = default;
};

/// A customer managed policy, or an AWS managed one (arn:aws:iam::aws:policy/...).
struct ManagedPolicy {
    PolicyId id;
    std::string name;
    std::string path = "/";
    std::string arn;
    std::string awsId;
    std::string description;
    std::string createDate;
    std::string updateDate;
    std::string defaultVersionId;
    std::vector<PolicyVersion> versions;

    bool isAwsManaged() const { return arn.rfind("arn:aws:iam::aws:policy/", 0) == 0; }
    /// The version named by defaultVersionId, else the one marked default, else the first; nullptr when none.
    const PolicyVersion *defaultVersion() const;
    friend bool operator==(const ManagedPolicy &, const ManagedPolicy &) = default;
};

/// A resource the workspace knows, with its resource-based policy if it has one (bucket policy, key policy, queue
/// policy, function policy...).
struct Resource {
    ResourceId id;
    std::string arn;
    /// The resource type in CloudFormation's naming (`AWS::S3::Bucket`, `AWS::KMS::Key`...).
    std::string type;
    /// The owning account; empty when the ARN does not carry it and nobody said (S3).
    std::string accountId;
    std::string name;
    std::optional<Policy> policy;
    friend bool operator==(const Resource &, const Resource &) = default;
};

enum class ExternalPrincipalKind { Account, Service, SamlProvider, OidcProvider, WebIdentityProvider, CanonicalUser };

/// `account`, `service`, `saml-provider`, `oidc-provider`, `web-identity` or `canonical-user`.
std::string_view externalPrincipalKindName(ExternalPrincipalKind kind);
std::optional<ExternalPrincipalKind> externalPrincipalKindFromName(std::string_view name);

/// A principal outside the modelled accounts: another account, an AWS service, an identity provider.
struct ExternalPrincipal {
    ExternalPrincipalId id;
    ExternalPrincipalKind kind = ExternalPrincipalKind::Account;
    /// The account id, service principal (`lambda.amazonaws.com`), provider ARN or provider host.
    std::string identifier;
    std::string name;
    friend bool operator==(const ExternalPrincipal &, const ExternalPrincipal &) = default;
};

/// Where the graph editor drew a node; `node` is an entity key such as `role:12`.
struct GraphPosition {
    std::string node;
    double x = 0;
    double y = 0;
    friend bool operator==(const GraphPosition &, const GraphPosition &) = default;
};

/// Everything one workspace holds: accounts and their IAM entities, managed policies, resources, external
/// principals, the organization and the graph layout. A plain value: the document layer owns one and mutates it through
/// commands.
class Workspace
{
public:
    std::string name;
    std::vector<Account> accounts;
    std::vector<User> users;
    std::vector<Group> groups;
    std::vector<Role> roles;
    std::vector<ManagedPolicy> policies;
    std::vector<Resource> resources;
    std::vector<ExternalPrincipal> externalPrincipals;
    std::vector<GraphPosition> layout;
    /// The AWS organization the accounts belong to, when the workspace models one: its OU tree, the accounts placed
    /// in it (some without IAM entities in the workspace) and its SCPs and RCPs.
    std::optional<Organization> organization;

    /// Adds an entity, giving it a fresh id when it has none; returns the id.
    UserId add(User user);
    GroupId add(Group group);
    RoleId add(Role role);
    PolicyId add(ManagedPolicy policy);
    ResourceId add(Resource resource);
    ExternalPrincipalId add(ExternalPrincipal principal);

    const Role *role(RoleId id) const;
    Role *role(RoleId id);
    const User *user(UserId id) const;
    const Group *group(GroupId id) const;
    const ManagedPolicy *policy(PolicyId id) const;
    const ExternalPrincipal *externalPrincipal(ExternalPrincipalKind kind, std::string_view identifier) const;
    bool hasAccount(std::string_view accountId) const;
    /// Adds the account if it is not there yet.
    void ensureAccount(std::string_view accountId);

    /// The next id add() would give. Kept in the workspace file so that ids are never reused.
    std::uint64_t nextId() const { return m_nextId; }
    /// Raises the counter past `used` (for loaders that bring ids of their own).
    void reserveId(std::uint64_t used);

    /// Puts every list in canonicalLess() order, the workspace file's, so that a workspace and its saved file list
    /// things alike.
    void sortCanonically();

    /// Records every principal that trust policies name outside the workspace's accounts: other accounts, services,
    /// SAML and OIDC providers, web identity providers.
    void collectExternalPrincipals();

    /// Everything compares, the source ranges of the policies included (where a loaded workspace's policies stood in
    /// its file); sameContent() leaves those out.
    friend bool operator==(const Workspace &, const Workspace &) = default;

private:
    std::uint64_t allocate(std::uint64_t wanted);

    std::uint64_t m_nextId = 1;
};

/// The order of the workspace file and of Workspace::sortCanonically(): accounts by id; users, groups, roles,
/// managed policies and resources by ARN, then name, then id; external principals by kind, identifier and id;
/// graph positions by node.
bool canonicalLess(const Account &a, const Account &b);
bool canonicalLess(const User &a, const User &b);
bool canonicalLess(const Group &a, const Group &b);
bool canonicalLess(const Role &a, const Role &b);
bool canonicalLess(const ManagedPolicy &a, const ManagedPolicy &b);
bool canonicalLess(const Resource &a, const Resource &b);
bool canonicalLess(const ExternalPrincipal &a, const ExternalPrincipal &b);
bool canonicalLess(const GraphPosition &a, const GraphPosition &b);

/// Resets the source ranges of every policy in the workspace (see clearSourceRanges(Policy &)), for a workspace kept
/// apart from the file it was read from.
void clearSourceRanges(Workspace &workspace);

/// True when two workspaces hold the same things, wherever the texts they were read from put their policies: as
/// operator== but with the policies' source ranges left out (a workspace as saved and as loaded back, say).
bool sameContent(const Workspace &a, const Workspace &b);

/// The account id in an ARN (`arn:aws:iam::111122223333:role/x` -> `111122223333`), or "" when it has none.
std::string accountOfArn(std::string_view arn);

} // namespace rd::core
