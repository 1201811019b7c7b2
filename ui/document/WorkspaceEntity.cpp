// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceEntity.h"

#include "document/StringConversion.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"

#include <QCoreApplication>

#include <algorithm>
#include <type_traits>

namespace rd::doc
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::doc::WorkspaceEntity", text);
}

// Longest names IAM accepts (IAM API Reference: CreateRole and CreateUser take names of up to 64 characters,
// CreateGroup and CreatePolicy up to 128).
constexpr std::size_t kMaxRoleNameLength = 64;
constexpr std::size_t kMaxUserNameLength = 64;
constexpr std::size_t kMaxGroupNameLength = 128;
constexpr std::size_t kMaxPolicyNameLength = 128;
// Resource names and principal labels are not IAM names; this bounds them for display and file size.
constexpr std::size_t kMaxLabelLength = 512;

std::size_t maxNameLength(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Role:
        return kMaxRoleNameLength;
    case EntityKind::User:
        return kMaxUserNameLength;
    case EntityKind::Group:
        return kMaxGroupNameLength;
    case EntityKind::Policy:
        return kMaxPolicyNameLength;
    default:
        return kMaxLabelLength;
    }
}

template <class T> constexpr EntityKind kindOf()
{
    if constexpr (std::is_same_v<T, core::Role>)
        return EntityKind::Role;
    else if constexpr (std::is_same_v<T, core::User>)
        return EntityKind::User;
    else if constexpr (std::is_same_v<T, core::Group>)
        return EntityKind::Group;
    else if constexpr (std::is_same_v<T, core::ManagedPolicy>)
        return EntityKind::Policy;
    else if constexpr (std::is_same_v<T, core::Resource>)
        return EntityKind::Resource;
    else
        return EntityKind::ExternalPrincipal;
}

template <class T> std::optional<std::size_t> positionIn(const std::vector<T> &items, std::uint64_t id)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id.value == id)
            return i;
    }
    return std::nullopt;
}

template <class T> std::optional<WorkspaceEntity> copyFrom(const std::vector<T> &items, std::uint64_t id)
{
    if (auto position = positionIn(items, id))
        return WorkspaceEntity(items[*position]);
    return std::nullopt;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), `aws` when it has none.
std::string partitionOf(std::string_view arn)
{
    const std::size_t colon = arn.find(':', 4);
    if (arn.rfind("arn:", 0) == 0 && colon != std::string_view::npos && colon > 4)
        return std::string(arn.substr(4, colon - 4));
    return "aws";
}

// arn:partition:iam::account:type/path/name (IAM User Guide, "IAM identifiers", IAM ARNs).
std::string iamArn(std::string_view oldArn, const std::string &accountId, std::string_view type,
    const std::string &path, const std::string &name)
{
    return "arn:" + partitionOf(oldArn) + ":iam::" + accountId + ":" + std::string(type) + path + name;
}

std::string policyAccount(const core::ManagedPolicy &policy)
{
    return policy.isAwsManaged() ? std::string() : core::accountOfArn(policy.arn);
}

// The ARN of a resource renamed to `name` when its ARN ends in its name after a `:` or `/` separator (an S3 bucket,
// an SQS queue, a Lambda function, a DynamoDB table...); nothing when the ARN does not carry the name.
std::optional<std::string> resourceArnWithName(const core::Resource &resource, const std::string &name)
{
    const std::string &arn = resource.arn;
    const std::string &old = resource.name;
    if (old.empty() || arn.size() <= old.size() || arn.compare(arn.size() - old.size(), old.size(), old) != 0)
        return std::nullopt;
    const char separator = arn[arn.size() - old.size() - 1];
    if (separator != ':' && separator != '/')
        return std::nullopt;
    return arn.substr(0, arn.size() - old.size()) + name;
}

template <class T>
bool nameTakenInAccount(
    const std::vector<T> &items, std::uint64_t self, const std::string &accountId, const std::string &name)
{
    return std::any_of(items.begin(), items.end(), [&](const T &item) {
        return item.id.value != self && item.accountId == accountId && equalsIgnoringCase(item.name, name);
    });
}

QString iamNameError(const QString &noun, const std::string &name, std::size_t maxLength)
{
    if (name.empty())
        return tr("A %1 needs a name.").arg(noun);
    if (name.size() > maxLength)
        return tr("A %1 name has at most %2 characters.").arg(noun).arg(maxLength);
    if (!core::isValidIamName(name, maxLength))
        return tr("`%1` is not a valid %2 name: IAM names use only letters, digits and + = , . @ _ -")
            .arg(toQString(name), noun);
    return {};
}

QString labelError(const QString &noun, const std::string &name, bool allowSpaces)
{
    if (name.empty())
        return tr("A %1 needs a name.").arg(noun);
    if (name.size() > kMaxLabelLength)
        return tr("A %1 name has at most %2 characters.").arg(noun).arg(kMaxLabelLength);
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f || (!allowSpaces && u == ' '))
            return allowSpaces ? tr("A %1 name cannot contain control characters.").arg(noun)
                               : tr("A %1 name cannot contain spaces or control characters.").arg(noun);
    }
    return {};
}

QString takenError(const QString &noun, const std::string &name, const std::string &accountId)
{
    // IAM User Guide, "IAM and AWS STS quotas", IAM name requirements: names of users, groups and roles are unique
    // within the account and not distinguished by case; IAM API Reference, CreatePolicy: the same for policies.
    return tr("A %1 named %2 already exists in account %3 (IAM names are unique per account, ignoring case).")
        .arg(noun, toQString(name), toQString(accountId));
}

void clearAwsIdentity(core::Role &role)
{
    role.awsId.clear();
    role.createDate.clear();
    // An instance profile holds the original role, not the copy.
    role.instanceProfiles.clear();
}

} // namespace

EntityKind entityKind(const WorkspaceEntity &entity)
{
    return std::visit([](const auto &e) { return kindOf<std::decay_t<decltype(e)>>(); }, entity);
}

std::uint64_t entityId(const WorkspaceEntity &entity)
{
    return std::visit([](const auto &e) { return e.id.value; }, entity);
}

std::string entityName(const WorkspaceEntity &entity)
{
    if (const auto *principal = std::get_if<core::ExternalPrincipal>(&entity))
        return principal->name.empty() ? principal->identifier : principal->name;
    return std::visit([](const auto &e) { return e.name; }, entity);
}

std::string entityAccount(const WorkspaceEntity &entity)
{
    switch (entityKind(entity)) {
    case EntityKind::Role:
        return std::get<core::Role>(entity).accountId;
    case EntityKind::User:
        return std::get<core::User>(entity).accountId;
    case EntityKind::Group:
        return std::get<core::Group>(entity).accountId;
    case EntityKind::Policy:
        return policyAccount(std::get<core::ManagedPolicy>(entity));
    default:
        return {};
    }
}

QString entityKindLabel(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Account:
        return tr("account");
    case EntityKind::Role:
        return tr("role");
    case EntityKind::User:
        return tr("user");
    case EntityKind::Group:
        return tr("group");
    case EntityKind::Policy:
        return tr("policy");
    case EntityKind::Resource:
        return tr("resource");
    case EntityKind::ExternalPrincipal:
        return tr("external principal");
    }
    return {};
}

std::optional<WorkspaceEntity> findEntity(const core::Workspace &workspace, EntityKind kind, std::uint64_t id)
{
    switch (kind) {
    case EntityKind::Role:
        return copyFrom(workspace.roles, id);
    case EntityKind::User:
        return copyFrom(workspace.users, id);
    case EntityKind::Group:
        return copyFrom(workspace.groups, id);
    case EntityKind::Policy:
        return copyFrom(workspace.policies, id);
    case EntityKind::Resource:
        return copyFrom(workspace.resources, id);
    case EntityKind::ExternalPrincipal:
        return copyFrom(workspace.externalPrincipals, id);
    case EntityKind::Account:
        break;
    }
    return std::nullopt;
}

std::optional<std::size_t> entityPosition(const core::Workspace &workspace, EntityKind kind, std::uint64_t id)
{
    switch (kind) {
    case EntityKind::Role:
        return positionIn(workspace.roles, id);
    case EntityKind::User:
        return positionIn(workspace.users, id);
    case EntityKind::Group:
        return positionIn(workspace.groups, id);
    case EntityKind::Policy:
        return positionIn(workspace.policies, id);
    case EntityKind::Resource:
        return positionIn(workspace.resources, id);
    case EntityKind::ExternalPrincipal:
        return positionIn(workspace.externalPrincipals, id);
    case EntityKind::Account:
        break;
    }
    return std::nullopt;
}

bool isRenamable(const WorkspaceEntity &entity)
{
    const auto *policy = std::get_if<core::ManagedPolicy>(&entity);
    return !policy || !policy->isAwsManaged();
}

QString entityNameError(const core::Workspace &workspace, const WorkspaceEntity &entity, const std::string &name)
{
    const std::uint64_t self = entityId(entity);
    const QString noun = entityKindLabel(entityKind(entity));
    switch (entityKind(entity)) {
    case EntityKind::Role: {
        const auto &role = std::get<core::Role>(entity);
        QString error = iamNameError(noun, name, maxNameLength(EntityKind::Role));
        if (error.isEmpty() && nameTakenInAccount(workspace.roles, self, role.accountId, name))
            error = takenError(noun, name, role.accountId);
        return error;
    }
    case EntityKind::User: {
        const auto &user = std::get<core::User>(entity);
        QString error = iamNameError(noun, name, kMaxUserNameLength);
        if (error.isEmpty() && nameTakenInAccount(workspace.users, self, user.accountId, name))
            error = takenError(noun, name, user.accountId);
        return error;
    }
    case EntityKind::Group: {
        const auto &group = std::get<core::Group>(entity);
        QString error = iamNameError(noun, name, kMaxGroupNameLength);
        if (error.isEmpty() && nameTakenInAccount(workspace.groups, self, group.accountId, name))
            error = takenError(noun, name, group.accountId);
        return error;
    }
    case EntityKind::Policy: {
        const auto &policy = std::get<core::ManagedPolicy>(entity);
        if (policy.isAwsManaged())
            return tr("AWS names its managed policies; a copy can have a name of your own.");
        QString error = iamNameError(noun, name, kMaxPolicyNameLength);
        const std::string account = policyAccount(policy);
        const bool taken = std::any_of(workspace.policies.begin(), workspace.policies.end(), [&](const auto &p) {
            return p.id.value != self && !p.isAwsManaged() && policyAccount(p) == account
                && equalsIgnoringCase(p.name, name);
        });
        if (error.isEmpty() && taken)
            error = takenError(noun, name, account);
        return error;
    }
    case EntityKind::Resource: {
        // Colons and slashes separate the parts of an ARN (AWS General Reference, "Amazon Resource Names"); a
        // resource name that the ARN carries cannot hold them.
        QString error = labelError(noun, name, false);
        if (error.isEmpty() && name.find_first_of(":/") != std::string::npos)
            error = tr("A resource name cannot contain `:` or `/`, which separate the parts of an ARN.");
        if (!error.isEmpty())
            return error;
        const auto renamed = std::get<core::Resource>(renamedEntity(entity, name));
        const bool taken = std::any_of(workspace.resources.begin(), workspace.resources.end(),
            [&](const core::Resource &r) { return r.id.value != self && r.arn == renamed.arn; });
        return taken ? tr("The workspace already has a resource %1.").arg(toQString(renamed.arn)) : QString();
    }
    case EntityKind::ExternalPrincipal:
        // A label of the workspace's own: the identifier names the principal.
        return labelError(noun, name, true);
    case EntityKind::Account:
        break;
    }
    return {};
}

WorkspaceEntity renamedEntity(const WorkspaceEntity &entity, const std::string &name)
{
    WorkspaceEntity result = entity;
    if (auto *role = std::get_if<core::Role>(&result)) {
        role->name = name;
        role->arn = iamArn(role->arn, role->accountId, "role", role->path, name);
    } else if (auto *user = std::get_if<core::User>(&result)) {
        user->name = name;
        user->arn = iamArn(user->arn, user->accountId, "user", user->path, name);
    } else if (auto *group = std::get_if<core::Group>(&result)) {
        group->name = name;
        group->arn = iamArn(group->arn, group->accountId, "group", group->path, name);
    } else if (auto *policy = std::get_if<core::ManagedPolicy>(&result)) {
        if (!policy->isAwsManaged()) {
            policy->name = name;
            policy->arn = iamArn(policy->arn, policyAccount(*policy), "policy", policy->path, name);
        }
    } else if (auto *resource = std::get_if<core::Resource>(&result)) {
        if (auto arn = resourceArnWithName(*resource, name))
            resource->arn = std::move(*arn);
        resource->name = name;
    } else if (auto *principal = std::get_if<core::ExternalPrincipal>(&result)) {
        principal->name = name;
    }
    return result;
}

std::optional<WorkspaceEntity> duplicateEntity(const core::Workspace &workspace, const WorkspaceEntity &entity)
{
    WorkspaceEntity copy = entity;
    std::visit([](auto &e) { e.id = {}; }, copy);
    if (auto *role = std::get_if<core::Role>(&copy)) {
        clearAwsIdentity(*role);
    } else if (auto *user = std::get_if<core::User>(&copy)) {
        user->awsId.clear();
        user->createDate.clear();
    } else if (auto *group = std::get_if<core::Group>(&copy)) {
        group->awsId.clear();
        group->createDate.clear();
    } else if (auto *policy = std::get_if<core::ManagedPolicy>(&copy)) {
        if (policy->isAwsManaged()) {
            if (workspace.accounts.empty())
                return std::nullopt;
            policy->path = "/";
            policy->arn = iamArn(policy->arn, workspace.accounts.front().accountId, "policy", "/", policy->name);
        }
        // A new policy starts over at v1, with the document in force.
        const core::PolicyVersion *current = policy->defaultVersion();
        core::PolicyVersion first { "v1", true, {}, current ? current->document : core::Policy {} };
        policy->versions = { std::move(first) };
        policy->defaultVersionId = "v1";
        policy->awsId.clear();
        policy->createDate.clear();
        policy->updateDate.clear();
    } else if (auto *resource = std::get_if<core::Resource>(&copy)) {
        if (!resourceArnWithName(*resource, resource->name + "-copy"))
            return std::nullopt;
    } else {
        return std::nullopt;
    }

    const std::string base = entityName(entity);
    for (int attempt = 1; attempt < 10000; ++attempt) {
        const std::string suffix = attempt == 1 ? "-copy" : "-copy-" + std::to_string(attempt);
        const std::size_t limit = maxNameLength(entityKind(entity));
        if (suffix.size() >= limit)
            return std::nullopt;
        // Shorten the original name rather than give up when the copy's name would be too long.
        const std::string candidate = base.substr(0, std::min(base.size(), limit - suffix.size())) + suffix;
        if (entityNameError(workspace, copy, candidate).isEmpty())
            return renamedEntity(copy, candidate);
    }
    return std::nullopt;
}

std::optional<core::ReferenceTarget> referenceTargetOf(const WorkspaceEntity &entity)
{
    std::optional<core::ReferenceTarget> target;
    if (const auto *role = std::get_if<core::Role>(&entity))
        target = core::ReferenceTarget::of(*role);
    else if (const auto *user = std::get_if<core::User>(&entity))
        target = core::ReferenceTarget::of(*user);
    else if (const auto *group = std::get_if<core::Group>(&entity))
        target = core::ReferenceTarget::of(*group);
    else if (const auto *policy = std::get_if<core::ManagedPolicy>(&entity))
        target = core::ReferenceTarget::of(*policy);
    if (target && !target->isReferable())
        target.reset();
    return target;
}

EntityKind entityKindOf(core::ReferenceHolder holder)
{
    switch (holder) {
    case core::ReferenceHolder::Role:
        return EntityKind::Role;
    case core::ReferenceHolder::User:
        return EntityKind::User;
    case core::ReferenceHolder::Group:
        return EntityKind::Group;
    case core::ReferenceHolder::Resource:
        return EntityKind::Resource;
    }
    return EntityKind::Role;
}

QString referenceText(const core::EntityReference &reference)
{
    const QString holder =
        tr("%1 %2").arg(entityKindLabel(entityKindOf(reference.holder)), toQString(reference.holderName));
    const QString statement = reference.sid.empty()
        ? tr("statement %1").arg(reference.index + 1)
        : tr("statement %1 (%2)").arg(reference.index + 1).arg(toQString(reference.sid));
    switch (reference.field) {
    case core::ReferenceField::AttachedPolicy:
        return tr("%1: attached policies").arg(holder);
    case core::ReferenceField::PermissionsBoundary:
        return tr("%1: permissions boundary").arg(holder);
    case core::ReferenceField::GroupMembership:
        return tr("%1: groups").arg(holder);
    case core::ReferenceField::TrustPrincipal:
        return tr("%1: trust policy, %2").arg(holder, statement);
    case core::ReferenceField::ResourcePolicyPrincipal:
        return tr("%1: resource policy, %2").arg(holder, statement);
    case core::ReferenceField::InstanceProfile:
        return tr("%1: instance profile %2").arg(holder, toQString(reference.value));
    }
    return holder;
}

std::optional<WorkspaceEntity> newEntity(EntityKind kind, const std::string &accountId, const std::string &name)
{
    switch (kind) {
    case EntityKind::User: {
        core::User user;
        user.accountId = accountId;
        return renamedEntity(user, name);
    }
    case EntityKind::Group: {
        core::Group group;
        group.accountId = accountId;
        return renamedEntity(group, name);
    }
    case EntityKind::Policy: {
        core::ManagedPolicy policy;
        policy.arn = iamArn("", accountId, "policy", policy.path, name);
        // The smallest policy document IAM's grammar allows: a version and an empty statement list, to be filled in.
        static const std::string kEmptyPolicy = "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": []\n}\n";
        core::ParseResult parsed = core::parsePolicy(kEmptyPolicy);
        core::Policy document = parsed.policy ? std::move(*parsed.policy) : core::Policy {};
        core::clearSourceRanges(document);
        policy.versions.push_back(core::PolicyVersion { "v1", true, {}, std::move(document) });
        policy.defaultVersionId = "v1";
        return renamedEntity(policy, name);
    }
    default:
        return std::nullopt;
    }
}

} // namespace rd::doc
