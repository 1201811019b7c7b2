// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::core
{

/// The Service Authorization Reference's access levels.
enum class AccessLevel : std::uint8_t { List, Read, Write, PermissionsManagement, Tagging };
std::string_view accessLevelName(AccessLevel level);

/// Condition key types of the Service Authorization Reference ("ArrayOf..." for multivalued keys).
enum class ConditionKeyType : std::uint8_t { String, Numeric, Date, Bool, Arn, IpAddress, Binary, Unknown };

struct ConditionKeyInfo {
    /// As AWS spells it, placeholders included (`aws:ResourceTag/${TagKey}`, `aws:PrincipalTag/tag-key`).
    std::string name;
    ConditionKeyType type = ConditionKeyType::String;
    /// An `ArrayOf...` key: requests may carry several values (set operators apply).
    bool multivalued = false;
};

struct ResourceTypeInfo;

struct ActionResourceType {
    std::string name;
    /// The service's type of that name, resolved when the catalog is read; nullptr when the service has none.
    const ResourceTypeInfo *info = nullptr;
    /// The Service Authorization Reference's `*`: the action needs a resource of this type.
    bool required = false;
};

struct ActionInfo {
    std::string name;
    AccessLevel accessLevel = AccessLevel::Read;
    /// Empty: the action takes only `"Resource": "*"`.
    std::vector<ActionResourceType> resourceTypes;
    std::vector<std::string> conditionKeys;
};

struct ResourceTypeInfo {
    std::string name;
    /// `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`
    std::string arnPattern;
    std::vector<std::string> conditionKeys;
    /// A form of third_party/aws-data/resource-supplement.json, which the Service Authorization Reference lacks: no
    /// action lists it.
    bool supplement = false;
};

struct ServiceInfo;

/// One form of a resource type's ARN (a type may have several, "pattern, pattern"), split for matching ARNs of
/// policies against it.
struct ArnForm {
    const ServiceInfo *service = nullptr;
    const ResourceTypeInfo *type = nullptr;
    /// The pattern's region and account fields: empty where the service's ARNs have none (IAM, S3 buckets).
    bool hasRegion = false;
    bool hasAccount = false;
    /// The resource part (after the fifth colon) as the matcher reads it: one byte a position, see ServiceCatalog.cpp.
    std::string resourceTokens;
    /// The resource part's text before its first placeholder: an ARN whose own literal start disagrees with it cannot
    /// fit, which settles most forms without the matcher.
    std::string literalStart;
};

struct ServiceInfo {
    std::string prefix;
    std::string name;
    std::vector<ActionInfo> actions;
    std::vector<ResourceTypeInfo> resourceTypes;
    std::vector<ConditionKeyInfo> conditionKeys;

    /// Case-insensitive.
    const ActionInfo *action(std::string_view actionName) const;
    const ResourceTypeInfo *resourceType(std::string_view typeName) const;

private:
    friend class ServiceCatalog;
    std::unordered_map<std::string, std::size_t> m_actionIndex;
    /// The action names in lower case, in `actions` order, for wildcard matching.
    std::vector<std::string> m_lowerNames;
};

/// The AWS service authorization catalog: 456 services, their actions with access levels, resource types with ARN
/// patterns, condition keys with types, and the global condition keys. Built into the program from the resource
/// iam-catalog.tsv.gz, which scripts/make_catalog.py makes from third_party/aws-data/iam-catalog.json.gz.
class ServiceCatalog
{
public:
    ServiceCatalog() = default;
    // The indexes point into the service lists: moving keeps them valid, copying would not.
    ServiceCatalog(const ServiceCatalog &) = delete;
    ServiceCatalog &operator=(const ServiceCatalog &) = delete;
    ServiceCatalog(ServiceCatalog &&) = default;
    ServiceCatalog &operator=(ServiceCatalog &&) = default;

    /// The built-in catalog, read on first use (thread-safe) and kept for the life of the program.
    static const ServiceCatalog &builtin();
    /// Reads the built-in catalog afresh (what builtin() does once).
    static std::optional<ServiceCatalog> loadBuiltin(std::string &error);

    /// Reads the catalog's text form (see scripts/make_catalog.py); a reason in `error` when it is not one.
    static std::optional<ServiceCatalog> parse(std::string_view text, std::string &error);

    const std::vector<ServiceInfo> &services() const { return m_services; }
    const std::vector<ConditionKeyInfo> &globalConditionKeys() const { return m_globalKeys; }
    /// The catalog's version: the source package version and when its data was collected.
    const std::string &version() const { return m_version; }
    std::size_t actionCount() const { return m_actionCount; }

    /// A service by prefix, case-insensitively (`S3`, `s3`).
    const ServiceInfo *service(std::string_view prefix) const;
    /// `service:Action`, case-insensitively; nullptr for a wildcard or an unknown action.
    const ActionInfo *action(std::string_view serviceAction) const;
    /// The actions an Action value matches (`s3:Get*`, `ec2:*Instances`, `*`), each with its service. Empty when the
    /// value matches nothing. Stops after `limit` matches (1 answers "does it match anything?").
    std::vector<std::pair<const ServiceInfo *, const ActionInfo *>> matchActions(
        std::string_view pattern, std::size_t limit = static_cast<std::size_t>(-1)) const;
    /// A condition key used in a policy: a global key, or a service key where each placeholder (`${TagKey}`,
    /// `<key>`, `tag-key`) stands for one or more characters; case-insensitive. Keys of identity providers (`saml:`,
    /// `<host>:aud`...) are in the sts service's list.
    const ConditionKeyInfo *conditionKey(std::string_view key) const;
    /// A service name that ARNs use (the third field of some resource type's ARN pattern: `catalog` for AWS Service
    /// Catalog, `s3`, `iam`...), case-insensitively.
    bool isArnService(std::string_view name) const;
    /// Whether the resource part of an ARN (after the fifth colon, wildcards allowed) can be a resource of some type
    /// whose ARNs use this service name: the two agree up to the first placeholder or wildcard of either.
    bool arnResourceFits(std::string_view arnService, std::string_view resourcePart) const;
    /// The ARN forms of the resource types whose ARNs use this service name (case-sensitive: ARN service names are
    /// lower case), or nullptr.
    const std::vector<ArnForm> *arnForms(std::string_view arnService) const;
    /// Whether an ARN's resource part (wildcards `*` `?` and policy variables allowed, each standing for any text)
    /// can name a resource of this form: some text matches both. A placeholder of the pattern stands for one or more
    /// characters; one that is the whole resource part (an S3 bucket name, an SNS topic name) holds no `/`.
    static bool formFits(const ArnForm &form, std::string_view resourcePart);

private:
    std::vector<ServiceInfo> m_services;
    std::vector<ConditionKeyInfo> m_globalKeys;
    std::unordered_map<std::string, std::size_t> m_serviceIndex;
    /// ARN service name → the literal start of each of its resource types' resource parts (`role/`, `table/`).
    std::unordered_map<std::string, std::vector<std::string>> m_arnServices;
    /// ARN service name → the forms of its resource types.
    std::unordered_map<std::string, std::vector<ArnForm>> m_arnForms;
    /// Every key without a placeholder, lower case, global keys first.
    std::unordered_map<std::string, const ConditionKeyInfo *> m_keyIndex;
    /// Keys with placeholders, as lower-case wildcard patterns.
    std::vector<std::pair<std::string, const ConditionKeyInfo *>> m_keyPatterns;
    std::string m_version;
    std::size_t m_actionCount = 0;
};

} // namespace rd::core
