// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "validation/CatalogChecker.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/DateTime.h"
#include "rd/core/base/IpRange.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/ConditionOperator.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/VariableTemplate.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace rd::core
{

namespace
{

std::string quoted(std::string_view text)
{
    return "`" + std::string(text) + "`";
}

// The partitions of the AWS ARN reference ("Amazon Resource Names": aws, aws-cn, aws-us-gov, and the isolated ones).
constexpr std::array<std::string_view, 8> kPartitions { "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
    "aws-iso-e", "aws-iso-f", "aws-eusc" };

// A region code: two letters, an optional `-gov`/`-iso...` qualifier, a direction word and a number
// (us-east-1, us-gov-west-1, us-isob-east-1, eu-central-2, ap-southeast-5, il-central-1).
bool isRegion(std::string_view text)
{
    const auto parts = [&] {
        std::vector<std::string_view> out;
        std::size_t start = 0;
        while (true) {
            const std::size_t dash = text.find('-', start);
            out.push_back(text.substr(start, dash - start));
            if (dash == std::string_view::npos)
                return out;
            start = dash + 1;
        }
    }();
    if (parts.size() < 3 || parts.size() > 4 || parts.front().size() != 2)
        return false;
    auto letters = [](std::string_view p) {
        return !p.empty() && std::all_of(p.begin(), p.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    const std::string_view number = parts.back();
    if (number.empty() || number.size() > 2
        || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!letters(parts[i]))
            return false;
    }
    return true;
}

bool familyAccepts(ConditionFamily family, ConditionKeyType type)
{
    switch (family) {
    case ConditionFamily::String:
        // Every value reaches IAM as a string: string operators apply to keys of most types (AWS's own policies
        // compare ARN, numeric and date keys with StringEquals and StringLike). Not to Bool keys: Access Analyzer's
        // reference names aws:MultiFactorAuthPresent, which needs a Bool operator, as its TYPE_MISMATCH example.
        return type != ConditionKeyType::Bool;
    case ConditionFamily::Arn:
        // ARN operators also apply to string keys that hold ARNs (kms:EncryptionContext:aws:s3:arn).
        return type == ConditionKeyType::Arn || type == ConditionKeyType::String;
    case ConditionFamily::Numeric:
        return type == ConditionKeyType::Numeric;
    case ConditionFamily::Date:
        return type == ConditionKeyType::Date;
    case ConditionFamily::Bool:
        return type == ConditionKeyType::Bool;
    case ConditionFamily::IpAddress:
        return type == ConditionKeyType::IpAddress;
    case ConditionFamily::Binary:
        return type == ConditionKeyType::Binary;
    case ConditionFamily::Null:
        return true;
    }
    return true;
}

/// How the Service Authorization Reference names a key type, and the operators it calls for (TYPE_MISMATCH's advice).
struct KeyTypeNames {
    std::string_view type;
    std::string_view operators;
};

KeyTypeNames keyTypeNames(ConditionKeyType type)
{
    switch (type) {
    case ConditionKeyType::String:
        return { "String", "String" };
    case ConditionKeyType::Numeric:
        return { "Numeric", "Numeric" };
    case ConditionKeyType::Date:
        return { "Date", "Date" };
    case ConditionKeyType::Bool:
        return { "Bool", "Bool" };
    case ConditionKeyType::Arn:
        return { "ARN", "Arn" };
    case ConditionKeyType::IpAddress:
        return { "IPAddress", "IpAddress" };
    case ConditionKeyType::Binary:
        return { "Binary", "BinaryEquals" };
    case ConditionKeyType::Unknown:
        break;
    }
    return { "unknown", "String" };
}

// Condition keys that AWS's own managed policies use but the bundled catalog does not list (its source package
// missed them): AmazonDataZoneGlueManageAccessRolePolicy uses lakeformation:GlueARN, AWSSSOServiceRolePolicy the older
// global key aws:PrincipalOrgMasterAccountId.
bool isKeyMissingFromCatalog(std::string_view key)
{
    return equalsIgnoreCase(key, "lakeformation:GlueARN") || equalsIgnoreCase(key, "aws:PrincipalOrgMasterAccountId");
}

} // namespace

CatalogChecker::CatalogChecker(const ServiceCatalog &catalog, PolicyKind kind, Diagnostics &out)
    : m_catalog(catalog)
    , m_kind(kind)
    , m_out(out)
{
}

void CatalogChecker::check(const Policy &policy)
{
    m_variablesSupported = policy.version && policy.version->value == "2012-10-17";
    for (const Statement &statement : policy.statements) {
        if (statement.sid) {
            const std::string &sid = statement.sid->value;
            // IAM User Guide, "IAM JSON policy elements: Sid": ASCII letters and digits. Resource policies of other
            // services (S3, SQS, SNS) accept more, so the rule applies to the policies IAM and Organizations store.
            const bool alnum = std::all_of(sid.begin(), sid.end(),
                [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
            if (sid.empty())
                m_out.push_back(makeDiagnostic(CheckCode::EmptySidValue, statement.sid->range,
                    "the Sid is empty: give the statement a name or remove the Sid"));
            else if (!alnum && m_kind != PolicyKind::Resource)
                m_out.push_back(makeDiagnostic(CheckCode::UnsupportedSid, statement.sid->range,
                    "a Sid may hold only the letters A-Z and a-z and the digits 0-9"));
        }
        checkActions(statement);
        checkResources(statement);
        if (statement.condition) {
            if (statement.condition->clauses.empty())
                m_out.push_back(makeDiagnostic(CheckCode::EmptyObjectCondition, statement.condition->range,
                    "the `Condition` element is empty: remove it"));
            checkConditions(*statement.condition);
        }
        for (const auto *block : { statement.principal ? &*statement.principal : nullptr,
                 statement.notPrincipal ? &*statement.notPrincipal : nullptr }) {
            if (block && !block->isString && block->entries.empty())
                m_out.push_back(makeDiagnostic(
                    CheckCode::EmptyObjectPrincipal, block->range, "the principal map is empty: it names nobody"));
            for (const PrincipalEntry &entry : block ? block->entries : std::vector<PrincipalEntry> {}) {
                if (entry.values.isArray && entry.values.values.empty())
                    m_out.push_back(makeDiagnostic(CheckCode::EmptyArrayPrincipal, entry.values.range,
                        "the " + quoted(entry.type.value) + " list is empty: it names nobody"));
                // IAM User Guide, "IAM policy elements: Variables and tags": variables in Resource and Condition
                // values only; a principal is named literally.
                for (const PolicyString &value : entry.values.values)
                    checkVariables(value, false, "a principal: name it literally, or compare `aws:PrincipalArn`");
            }
        }
    }
}

// The statement's Action or NotAction (Resource or NotResource) values, with a suggestion when the list is empty.
const StringList *CatalogChecker::elementList(const std::optional<StringList> &positive,
    const std::optional<StringList> &negative, std::string_view element, CheckCode emptyCode)
{
    const StringList *list = positive ? &*positive : (negative ? &*negative : nullptr);
    if (list && list->isArray && list->values.empty())
        m_out.push_back(makeDiagnostic(emptyCode, list->range,
            "the `" + std::string(positive ? "" : "Not") + std::string(element)
                + "` list is empty, so the statement does not affect the policy"));
    return list;
}

// IAM User Guide, "IAM JSON policy elements: Action": `service:action`, wildcards allowed, case-insensitive; the
// Service Authorization Reference lists the actions that exist.
void CatalogChecker::checkActions(const Statement &statement)
{
    const StringList *list = elementList(statement.action, statement.notAction, "Action", CheckCode::EmptyArrayAction);
    if (!list)
        return;
    for (const PolicyString &value : list->values) {
        const std::string &text = value.value;
        if (text == "*")
            continue;
        if (text.find("${") != std::string::npos) {
            m_out.push_back(makeDiagnostic(CheckCode::VariableUnsupportedInElement, value.range,
                "policy variables cannot stand in an action: " + quoted(text)));
            continue;
        }
        const std::size_t colon = text.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
            m_out.push_back(makeDiagnostic(CheckCode::InvalidAction, value.range,
                quoted(text) + " is not an action: write `service:ActionName`, for example `s3:GetObject`"));
            continue;
        }
        const std::string_view prefix = std::string_view(text).substr(0, colon);
        if (!hasWildcard(prefix) && !m_catalog.service(prefix)) {
            m_out.push_back(makeDiagnostic(
                CheckCode::InvalidService, value.range, "the service prefix " + quoted(prefix) + " does not exist"));
            continue;
        }
        const std::string_view name = std::string_view(text).substr(colon + 1);
        if (!hasWildcard(text)) {
            if (!m_catalog.action(text))
                m_out.push_back(makeDiagnostic(CheckCode::InvalidAction, value.range,
                    "the action " + quoted(name) + " does not exist in the service " + quoted(prefix)));
        } else if (m_catalog.matchActions(text, 1).empty()) {
            m_out.push_back(makeDiagnostic(CheckCode::InvalidAction, value.range,
                quoted(text) + " matches no action" + (hasWildcard(prefix) ? std::string() : " of " + quoted(prefix))));
        }
    }
}

void CatalogChecker::checkResources(const Statement &statement)
{
    const StringList *list =
        elementList(statement.resource, statement.notResource, "Resource", CheckCode::EmptyArrayResource);
    if (!list)
        return;
    std::vector<ResourceFit> fits;
    bool everyResourceKnown = true;
    for (const PolicyString &value : list->values) {
        ResourceFit fit { &value, {} };
        // An ARN of a supplement form only (resources/catalog: no action lists those) is not judged.
        if (checkResourceArn(value, fit.forms)
            && std::any_of(fit.forms.begin(), fit.forms.end(), [](const ArnForm *f) { return !f->type->supplement; }))
            fits.push_back(std::move(fit));
        else
            everyResourceKnown = false;
    }
    if (statement.resource && statement.action)
        checkActionResourceTypes(*statement.action, fits, everyResourceKnown);
}

// Service Authorization Reference, "Actions, resources, and condition keys for AWS services": each action lists the
// resource types it takes (none: only "Resource": "*"). An action whose statement names no resource of those types
// is granted (or denied) on nothing; a resource that no action of the statement takes is named for nothing.
void CatalogChecker::checkActionResourceTypes(
    const StringList &actions, const std::vector<ResourceFit> &fits, bool everyResourceKnown)
{
    if (fits.empty())
        return;
    struct ActionTypes {
        const PolicyString *value;
        std::vector<const ResourceTypeInfo *> types;
        /// A type of another service, or one the catalog does not define: the action is not judged.
        bool unknownType = false;
    };
    std::vector<ActionTypes> resolved;
    for (const PolicyString &value : actions.values) {
        const std::string &text = value.value;
        const std::size_t colon = text.find(':');
        if (colon == std::string::npos || text.find("${") != std::string::npos
            || hasWildcard(std::string_view(text).substr(0, colon)))
            return;
        ActionTypes entry { &value, {} };
        auto addTypes = [&](const ServiceInfo &service, const ActionInfo &action) {
            // The catalog merges Elastic Load Balancing v1 and v2 under one prefix and misses pairs of their actions
            // and types: not judged.
            entry.unknownType = entry.unknownType || service.prefix == "elasticloadbalancing";
            for (const ActionResourceType &type : action.resourceTypes) {
                if (type.info)
                    entry.types.push_back(type.info);
                else
                    entry.unknownType = true;
            }
        };
        if (hasWildcard(text)) {
            const auto matches = m_catalog.matchActions(text);
            if (matches.empty())
                return;
            for (const auto &[service, action] : matches)
                addTypes(*service, *action);
        } else {
            const ServiceInfo *service = m_catalog.service(std::string_view(text).substr(0, colon));
            const ActionInfo *action = service ? service->action(std::string_view(text).substr(colon + 1)) : nullptr;
            if (!action)
                return;
            addTypes(*service, *action);
        }
        resolved.push_back(std::move(entry));
    }
    auto takes = [](const ActionTypes &action, const ResourceFit &fit) {
        return action.unknownType || std::any_of(fit.forms.begin(), fit.forms.end(), [&](const ArnForm *form) {
            return std::find(action.types.begin(), action.types.end(), form->type) != action.types.end();
        });
    };
    auto typeNames = [](const ResourceFit &fit) {
        std::string names;
        for (const ArnForm *form : fit.forms) {
            const std::string name = quoted(form->type->name);
            if (names.find(name) == std::string::npos)
                names += (names.empty() ? "" : " or ") + name;
        }
        return names;
    };
    std::vector<const ActionTypes *> flagged;
    for (const ActionTypes &action : resolved) {
        if (everyResourceKnown
            && std::none_of(fits.begin(), fits.end(), [&](const ResourceFit &fit) { return takes(action, fit); }))
            flagged.push_back(&action);
    }
    const std::string example = " (" + quoted(fits.front().value->value) + " is " + typeNames(fits.front()) + ")";
    if (flagged.size() == 1) {
        const ActionTypes &action = *flagged.front();
        std::string message = quoted(action.value->value);
        if (action.types.empty()) {
            message += " takes no resource ARN, only \"Resource\": \"*\"";
        } else {
            std::string wanted;
            for (const ResourceTypeInfo *type : action.types) {
                if (wanted.find(quoted(type->name)) == std::string::npos)
                    wanted += (wanted.empty() ? "" : ", ") + quoted(type->name);
            }
            message += " applies to resources of type " + wanted + ", and no resource of this statement is one";
        }
        m_out.push_back(makeDiagnostic(CheckCode::MismatchedActionForResource, action.value->range, message + example));
    } else if (flagged.size() > 1) {
        // One finding for the statement: AWS's own policies list dozens of actions against a few ARNs.
        std::string names;
        for (std::size_t i = 0; i < flagged.size() && i < 3; ++i)
            names += (i ? ", " : "") + quoted(flagged[i]->value->value);
        if (flagged.size() > 3)
            names += " and " + std::to_string(flagged.size() - 3) + " more";
        m_out.push_back(makeDiagnostic(CheckCode::MismatchedActionForResource, actions.range,
            std::to_string(flagged.size()) + " actions of this statement apply to no resource of it: " + names + example
                + "; give them their resources, or `\"Resource\": \"*\"` for those that take none, in a "
                  "statement of their own"));
    }
    if (flagged.size() == resolved.size())
        return;
    for (const ResourceFit &fit : fits) {
        if (fit.forms.front()->service->prefix == "elasticloadbalancing"
            || std::any_of(resolved.begin(), resolved.end(), [&](const ActionTypes &a) { return takes(a, fit); }))
            continue;
        m_out.push_back(makeDiagnostic(CheckCode::MismatchedActionForResource, fit.value->range,
            "no action of this statement applies to " + quoted(fit.value->value) + ", a resource of type "
                + typeNames(fit)));
    }
}

// IAM User Guide, "IAM JSON policy elements: Resource" and "IAM identifiers" (ARN format); variables only in the
// resource part of the ARN ("IAM policy elements: Variables and tags"). Returns true, with the ARN forms of the
// catalog the value can name, when it names resources of a known type.
bool CatalogChecker::checkResourceArn(const PolicyString &value, std::vector<const ArnForm *> &fitting)
{
    const std::string &text = value.value;
    if (text == "*")
        return false;
    const bool hasVariable = checkVariables(value, true, "a Resource");
    std::array<std::string_view, 6> fields;
    if (text.rfind("arn:", 0) != 0) {
        m_out.push_back(makeDiagnostic(CheckCode::InvalidArnPrefix, value.range,
            quoted(text) + " is not an ARN: a resource is `*` or starts with `arn:`"));
        return false;
    }
    if (!splitArn(text, fields)) {
        m_out.push_back(makeDiagnostic(CheckCode::MissingArnField, value.range,
            quoted(text) + " has fewer than the six fields of an ARN, arn:partition:service:region:account:resource"));
        return false;
    }
    const std::string_view partition = fields[1];
    if (!hasWildcard(partition) && std::find(kPartitions.begin(), kPartitions.end(), partition) == kPartitions.end())
        m_out.push_back(makeDiagnostic(CheckCode::InvalidPartition, value.range,
            quoted(partition) + " is not a partition: use `aws`, `aws-cn` or `aws-us-gov`"));
    const std::string_view service = fields[2];
    const bool knownService = !hasWildcard(service) && m_catalog.isArnService(service);
    if (!hasWildcard(service)) {
        if (!knownService) {
            // Not an Access Analyzer code: it checks the service of ARNs with INVALID_ARN_RESOURCE. The catalog lacks
            // a few ARN service names (migrationhub-strategy, devops-guru), hence a warning.
            m_out.push_back(makeDiagnostic(CheckCode::InvalidArnService, value.range,
                "the catalog knows no service that uses " + quoted(service) + " in its ARNs"));
            return false;
        }
    }
    const std::string lowerService = toLower(service);
    if (knownService && lowerService != service)
        m_out.push_back(makeDiagnostic(CheckCode::InvalidArnServiceCase, value.range,
            "write the service name " + quoted(service) + " of the ARN in lower case: " + quoted(lowerService)));
    const std::string_view region = fields[3];
    auto variable = [](std::string_view field) { return field.find("${") != std::string_view::npos; };
    if (!region.empty() && !hasWildcard(region) && !variable(region) && !isRegion(region))
        m_out.push_back(
            makeDiagnostic(CheckCode::InvalidArnRegion, value.range, quoted(region) + " is not a region code"));
    const std::string_view account = fields[4];
    if (!account.empty() && !hasWildcard(account) && !variable(account) && !isAccountId(account) && account != "aws")
        m_out.push_back(makeDiagnostic(CheckCode::InvalidArnAccount, value.range,
            quoted(account) + " is not an account id: use the 12 digits, no dashes"));
    if (!knownService)
        return false;
    // INVALID_ARN_RESOURCE when the resource part fits no resource type whose ARNs use this service name. Checked
    // against the service's types rather than the statement's actions: the catalog merges services that share a
    // prefix (Elastic Load Balancing v1 and v2), so its per-action resource lists miss real pairs. An error, as
    // Access Analyzer has it, since resources/catalog adds the forms the Service Authorization Reference lacks
    // (third_party/aws-data/resource-supplement.json).
    if (!hasVariable && !m_catalog.arnResourceFits(service, fields[5])) {
        m_out.push_back(makeDiagnostic(CheckCode::InvalidArnResource, value.range,
            "the catalog knows no resource of " + quoted(service) + " whose ARN ends like " + quoted(fields[5])
                + ": check the resource part of the ARN"));
        return false;
    }
    if (const std::vector<ArnForm> *forms = m_catalog.arnForms(lowerService)) {
        for (const ArnForm &form : *forms) {
            if (ServiceCatalog::formFits(form, fields[5]))
                fitting.push_back(&form);
        }
    }
    if (fitting.empty())
        return false;
    // Access Analyzer's ARN_REGION_NOT_ALLOWED, MISSING_ARN_REGION and ARN_ACCOUNT_NOT_ALLOWED: the region and
    // account fields of every resource type the ARN can name agree (IAM and S3 buckets have neither, most services
    // need a region).
    const bool anyRegion = std::any_of(fitting.begin(), fitting.end(), [](const ArnForm *f) { return f->hasRegion; });
    const bool anyNoRegion =
        std::any_of(fitting.begin(), fitting.end(), [](const ArnForm *f) { return !f->hasRegion; });
    const bool anyAccount = std::any_of(fitting.begin(), fitting.end(), [](const ArnForm *f) { return f->hasAccount; });
    const std::string typeName = quoted(fitting.front()->type->name);
    if (!hasWildcard(region) && !variable(region)) {
        if (!region.empty() && !anyRegion)
            m_out.push_back(makeDiagnostic(CheckCode::ArnRegionNotAllowed, value.range,
                "the " + typeName + " ARNs of " + quoted(lowerService) + " have no region: remove " + quoted(region)));
        else if (region.empty() && !anyNoRegion)
            m_out.push_back(makeDiagnostic(CheckCode::MissingArnRegion, value.range,
                "the " + typeName + " ARNs of " + quoted(lowerService)
                    + " need a region: add one, or `*` for every region"));
    }
    if (!account.empty() && !hasWildcard(account) && !variable(account) && !anyAccount)
        m_out.push_back(makeDiagnostic(CheckCode::ArnAccountNotAllowed, value.range,
            "the " + typeName + " ARNs of " + quoted(lowerService) + " have no account: remove " + quoted(account)));
    return true;
}

bool CatalogChecker::checkVariables(const PolicyString &value, bool allowed, std::string_view where)
{
    return checkVariables(value.value, value.range, allowed, where);
}

// IAM User Guide, "IAM policy elements: Variables and tags": `${key}`, `${key, 'default'}`, `${*}` `${?}` `${$}`,
// Version 2012-10-17 only. The evaluator's own reader (VariableTemplate) finds the problems.
bool CatalogChecker::checkVariables(
    std::string_view text, const SourceRange &range, bool allowed, std::string_view where)
{
    if (text.find("${") == std::string_view::npos)
        return false;
    const VariableTemplate parsed = VariableTemplate::parse(text);
    for (VariableTemplate::Problem problem : parsed.problems()) {
        switch (problem) {
        case VariableTemplate::Problem::MissingBrace:
            m_out.push_back(makeDiagnostic(CheckCode::MissingBraceInVariable, range,
                "a policy variable that starts with `${` has no closing `}`"));
            break;
        case VariableTemplate::Problem::Empty:
            m_out.push_back(makeDiagnostic(CheckCode::EmptyVariable, range, "`${}` names no key"));
            break;
        case VariableTemplate::Problem::SpaceInKey:
            m_out.push_back(makeDiagnostic(CheckCode::UnsupportedSpaceInVariable, range,
                "a space is not supported inside a policy variable's key"));
            break;
        case VariableTemplate::Problem::UnquotedDefault:
            m_out.push_back(makeDiagnostic(CheckCode::MissingQuoteInVariable, range,
                "the default value of a policy variable must be in single quotes"));
            break;
        }
    }
    if (!parsed.hasWellFormedVariables())
        return false;
    if (!m_variablesSupported) {
        m_out.push_back(makeDiagnostic(CheckCode::VariableUnsupportedInVersion, range,
            "policy variables need \"Version\": \"2012-10-17\"; with an older version they are literal text"));
        return false;
    }
    if (!allowed) {
        m_out.push_back(makeDiagnostic(
            CheckCode::VariableUnsupportedInElement, range, "policy variables cannot stand in " + std::string(where)));
        return false;
    }
    return true;
}

// Keys of identity providers, valid in trust policies though the catalog lists only some: `saml:...`, and
// `<host>[/path]:<claim>` for OIDC providers (IAM User Guide, "Available keys for SAML-based AWS STS federation" and
// "Available keys for AWS web identity federation").
bool CatalogChecker::isProviderKey(std::string_view key)
{
    if (key.size() > 5 && equalsIgnoreCase(key.substr(0, 5), "saml:"))
        return true;
    const std::size_t colon = key.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == key.size())
        return false;
    const std::string_view host = key.substr(0, colon);
    return host.find('.') != std::string_view::npos && host.find(' ') == std::string_view::npos;
}

// IAM User Guide, "IAM JSON policy elements: Condition operators" and "Single-valued vs. multivalued context keys".
void CatalogChecker::checkConditions(const ConditionBlock &block)
{
    for (const ConditionClause &clause : block.clauses) {
        const std::string &opText = clause.op.value;
        const std::optional<ConditionOperatorSpec> spec = parseConditionOperator(opText);
        if (!spec) {
            if (equalsIgnoreCase(opText, "NullIfExists"))
                m_out.push_back(makeDiagnostic(CheckCode::NullWithIfExists, clause.op.range,
                    "`Null` already tests whether the key exists: `NullIfExists` is not an operator"));
            else
                m_out.push_back(makeDiagnostic(CheckCode::InvalidConditionOperator, clause.op.range,
                    quoted(opText) + " is not a condition operator"));
            continue;
        }
        if (clause.entries.empty())
            m_out.push_back(makeDiagnostic(CheckCode::EmptyObjectCondition, clause.valueRange,
                "the " + quoted(opText) + " block names no condition key and does not affect the policy"));
        const ConditionFamily family = conditionFamily(spec->op);
        std::unordered_map<std::string, const PolicyString *> seenKeys;
        for (const ConditionEntry &entry : clause.entries) {
            const std::string &key = entry.key.value;
            const ConditionKeyInfo *info = m_catalog.conditionKey(key);
            const bool global = key.size() > 4 && equalsIgnoreCase(std::string_view(key).substr(0, 4), "aws:");
            const std::string_view keyService = std::string_view(key).substr(0, key.find(':'));
            if (!info && !(!global && isProviderKey(key)) && !isKeyMissingFromCatalog(key)) {
                if (!global && key.find(':') != std::string::npos && !m_catalog.service(keyService))
                    m_out.push_back(makeDiagnostic(CheckCode::InvalidService, entry.key.range,
                        "the service " + quoted(keyService) + " of the condition key " + quoted(key)
                            + " does not exist"));
                else if (global)
                    m_out.push_back(makeDiagnostic(CheckCode::InvalidGlobalConditionKey, entry.key.range,
                        quoted(key) + " is not a global condition key"));
                else
                    m_out.push_back(makeDiagnostic(CheckCode::InvalidServiceConditionKey, entry.key.range,
                        quoted(key) + " is not a condition key of its service"));
            }
            if (info && info->type != ConditionKeyType::Unknown && !familyAccepts(family, info->type))
                m_out.push_back(makeDiagnostic(CheckCode::TypeMismatch, clause.op.range,
                    "use a " + std::string(keyTypeNames(info->type).operators) + " operator instead of "
                        + quoted(opText) + " for the condition key " + quoted(key) + " (type "
                        + std::string(keyTypeNames(info->type).type) + ")"));
            if (info && info->type == ConditionKeyType::Arn && family == ConditionFamily::String
                && (spec->op == ConditionOperator::StringLike || spec->op == ConditionOperator::StringNotLike))
                m_out.push_back(makeDiagnostic(CheckCode::StringLikeOperatorWithArnConditionKeys, clause.op.range,
                    "use `ArnLike` instead of " + quoted(opText) + " for the ARN key " + quoted(key)
                        + ": a `*` in a string pattern also matches across the colons of an ARN"));
            if (spec->op == ConditionOperator::Null && spec->qualifier != SetQualifier::None)
                m_out.push_back(makeDiagnostic(CheckCode::NullWithQualifier, clause.op.range,
                    "`Null` with `ForAllValues:` or `ForAnyValue:` is always true or always false: drop the "
                    "qualifier"));
            if (info && spec->op != ConditionOperator::Null) {
                if (info->multivalued && spec->qualifier == SetQualifier::None)
                    m_out.push_back(makeDiagnostic(CheckCode::MissingQualifier, clause.op.range,
                        quoted(key) + " can carry several values: write `ForAllValues:` or `ForAnyValue:` before "
                            + quoted(opText)));
                else if (!info->multivalued && spec->qualifier == SetQualifier::ForAllValues)
                    m_out.push_back(makeDiagnostic(CheckCode::ForAllValuesWithSingleValuedKey, clause.op.range,
                        "`ForAllValues:` with the single-valued key " + quoted(key)
                            + " is true when the key is absent: remove the qualifier"));
            }
            if (entry.isArray && entry.values.empty()) {
                CheckCode code = CheckCode::EmptyArrayCondition;
                if (spec->qualifier == SetQualifier::ForAllValues)
                    code = CheckCode::EmptyArrayConditionForAllValues;
                else if (spec->qualifier == SetQualifier::ForAnyValue)
                    code = CheckCode::EmptyArrayConditionForAnyValue;
                else if (spec->ifExists)
                    code = CheckCode::EmptyArrayConditionIfExists;
                m_out.push_back(makeDiagnostic(code, entry.valueRange,
                    "the key " + quoted(key)
                        + " has no value to compare, so this condition does not do what it seems"));
            }
            if (!seenKeys.emplace(toLower(key), &entry.key).second && seenKeys[toLower(key)]->value != key)
                m_out.push_back(makeDiagnostic(CheckCode::DuplicateKeysWithDifferentCase, entry.key.range,
                    "the condition key " + quoted(key) + " appears again in this block as "
                        + quoted(seenKeys[toLower(key)]->value) + ": keys are case-insensitive, keep one"));
            if (equalsIgnoreCase(key, "aws:RequestedRegion") && family == ConditionFamily::String) {
                for (const ConditionValue &value : entry.values) {
                    if (!hasWildcard(value.text) && value.text.find("${") == std::string::npos && !isRegion(value.text))
                        m_out.push_back(makeDiagnostic(
                            CheckCode::InvalidRegion, value.range, quoted(value.text) + " is not a region code"));
                }
            }
            for (const ConditionValue &value : entry.values)
                checkConditionValue(clause, value, family, acceptsPolicyVariables(spec->op));
            if (family == ConditionFamily::IpAddress && equalsIgnoreCase(key, "aws:SourceIp"))
                checkPrivateAddresses(spec->op == ConditionOperator::NotIpAddress, entry);
        }
    }
}

// IAM User Guide, "AWS global condition context keys" (aws:SourceIp): the key holds the requester's public address;
// a request through a VPC endpoint has aws:VpcSourceIp instead. The private ranges are RFC 1918's and RFC 4193's.
void CatalogChecker::checkPrivateAddresses(bool negated, const ConditionEntry &entry)
{
    static const std::array<IpRange, 4> kPrivate { *IpRange::parse("10.0.0.0/8"), *IpRange::parse("172.16.0.0/12"),
        *IpRange::parse("192.168.0.0/16"), *IpRange::parse("fc00::/7") };
    std::vector<const ConditionValue *> privateValues;
    bool publicValue = false;
    for (const ConditionValue &value : entry.values) {
        const std::optional<IpRange> range = IpRange::parse(value.text);
        if (!range)
            continue;
        const bool isPrivate =
            std::any_of(kPrivate.begin(), kPrivate.end(), [&](const IpRange &p) { return p.contains(*range); });
        if (isPrivate)
            privateValues.push_back(&value);
        else
            publicValue = true;
    }
    if (privateValues.empty())
        return;
    if (!publicValue) {
        m_out.push_back(
            makeDiagnostic(negated ? CheckCode::PrivateNotIpAddress : CheckCode::PrivateIpAddress, entry.key.range,
                negated ? "`aws:SourceIp` holds only public addresses, so `NotIpAddress` with private ones only always "
                          "matches: compare `aws:VpcSourceIp` for private addresses"
                        : "`aws:SourceIp` holds only public addresses, so private ones only never match: compare "
                          "`aws:VpcSourceIp` for private addresses"));
        return;
    }
    for (const ConditionValue *value : privateValues)
        m_out.push_back(makeDiagnostic(
            negated ? CheckCode::PrivateNotIpAddressSubset : CheckCode::PrivateIpAddressSubset, value->range,
            quoted(value->text) + " is private, and `aws:SourceIp` holds only public addresses: "
                + (negated ? "it has no effect here" : "it never matches")
                + "; compare `aws:VpcSourceIp` for private addresses"));
}

void CatalogChecker::checkConditionValue(
    const ConditionClause &clause, const ConditionValue &value, ConditionFamily family, bool variablesAllowed)
{
    const std::string &text = value.text;
    const std::string &op = clause.op.value;
    if (text.find("${") != std::string::npos) {
        if (!variablesAllowed) {
            m_out.push_back(makeDiagnostic(CheckCode::InvalidVariableForOperator, value.range,
                "policy variables work only with the String and Arn operators, not " + quoted(op)));
            return;
        }
        if (checkVariables(text, value.range, true, "a condition value"))
            return;
    }
    switch (family) {
    case ConditionFamily::String:
        if (hasWildcard(text) && op.find("Like") == std::string::npos)
            m_out.push_back(makeDiagnostic(CheckCode::WildcardWithoutLikeOperator, value.range,
                quoted(op) + " compares literally: the `*` or `?` in " + quoted(text)
                    + " matches only itself; use a `Like` operator for a wildcard"));
        break;
    case ConditionFamily::Numeric:
        if (!parseDecimal(text))
            m_out.push_back(makeDiagnostic(CheckCode::TypeMismatchNumber, value.range,
                quoted(text) + " is not a number, which " + quoted(op) + " needs"));
        break;
    case ConditionFamily::Date:
        if (!parseDateTime(text))
            m_out.push_back(makeDiagnostic(CheckCode::TypeMismatchDate, value.range,
                quoted(text) + " is not a date: use YYYY-MM-DD or another ISO 8601 form"));
        else if (text.find('-') == std::string::npos)
            m_out.push_back(makeDiagnostic(CheckCode::InvalidDateValue, value.range,
                "the epoch time " + quoted(text) + " might not resolve as expected: write the date as YYYY-MM-DD"));
        break;
    case ConditionFamily::Bool:
    case ConditionFamily::Null:
        if (!equalsIgnoreCase(text, "true") && !equalsIgnoreCase(text, "false"))
            m_out.push_back(makeDiagnostic(CheckCode::TypeMismatchBoolean, value.range,
                quoted(text) + " is not a boolean: use `true` or `false` with " + quoted(op)));
        break;
    case ConditionFamily::IpAddress: {
        const std::optional<IpRange> range = IpRange::parse(text);
        if (!range)
            m_out.push_back(makeDiagnostic(CheckCode::TypeMismatchIpRange, value.range,
                quoted(text) + " is not an IP address or a CIDR block such as `203.0.113.0/24`"));
        else if (range->hasHostBits())
            m_out.push_back(makeDiagnostic(CheckCode::ImproveIpRange, value.range,
                quoted(text) + " has bits set after its /" + std::to_string(range->prefixLength())
                    + " prefix, which IAM ignores: write the network address"));
        break;
    }
    case ConditionFamily::Binary: {
        std::string decoded;
        if (!base64Decode(text, decoded))
            m_out.push_back(makeDiagnostic(CheckCode::TypeMismatchString, value.range,
                quoted(text) + " is not base64, which " + quoted(op) + " needs"));
        break;
    }
    case ConditionFamily::Arn:
        break;
    }
}

} // namespace rd::core
