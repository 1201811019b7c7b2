// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/catalog/ServiceCatalog.h"

#include "base/TextUtil.h"
#include "rd/core/base/Gzip.h"
#include "rd/core/base/Wildcard.h"

#include <algorithm>
#include <array>

// The gzip bytes of resources/catalog/iam-catalog.tsv.gz, embedded by cmake/EmbedFile.cmake.
extern const unsigned char kServiceCatalogData[];
extern const std::size_t kServiceCatalogDataSize;

namespace rd::core
{

namespace
{

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    if (text.empty())
        return parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            return parts;
        start = end + 1;
    }
}

std::vector<std::string> toStrings(std::string_view list)
{
    std::vector<std::string> out;
    for (std::string_view part : split(list, ','))
        out.emplace_back(part);
    return out;
}

ConditionKeyInfo keyInfo(std::string_view name, std::string_view type)
{
    ConditionKeyInfo info;
    info.name = std::string(name);
    info.multivalued = type.rfind("ArrayOf", 0) == 0;
    if (info.multivalued)
        type.remove_prefix(7);
    if (type == "String")
        info.type = ConditionKeyType::String;
    else if (type == "Numeric" || type == "Long")
        info.type = ConditionKeyType::Numeric;
    else if (type == "Date")
        info.type = ConditionKeyType::Date;
    else if (type == "Bool" || type == "Boolean")
        info.type = ConditionKeyType::Bool;
    else if (type == "ARN" || type == "Arn")
        info.type = ConditionKeyType::Arn;
    else if (type == "IPAddress" || type == "IpAddress")
        info.type = ConditionKeyType::IpAddress;
    else if (type == "Binary")
        info.type = ConditionKeyType::Binary;
    else
        info.type = ConditionKeyType::Unknown;
    return info;
}

// A key name as a lower-case wildcard pattern: each placeholder (`${TagKey}`, `<key>`, a global key's `tag-key`)
// becomes "one or more characters"; empty when the name has none.
std::string placeholderPattern(std::string_view name)
{
    std::string out;
    bool any = false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        std::size_t end = std::string_view::npos;
        if (c == '$' && i + 1 < name.size() && name[i + 1] == '{')
            end = name.find('}', i);
        else if (c == '<')
            end = name.find('>', i);
        else if (name.substr(i, 7) == "tag-key" && i > 0 && name[i - 1] == '/')
            end = i + 6;
        if (end != std::string_view::npos) {
            out += "?*";
            i = end;
            any = true;
            continue;
        }
        if (c == '*' || c == '?')
            out += kWildcardEscape;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return any ? out : std::string();
}

// The text before the first wildcard or placeholder.
std::string_view literalStart(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '*' || text[i] == '?' || (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{'))
            return text.substr(0, i);
    }
    return text;
}

// The tokens of ArnForm::resourceTokens and of the ARNs matched against them: a printable byte is itself; these stand
// for "any text" and "any one character", with or without `/`.
constexpr char kAnyText = '\x01';
constexpr char kAnyChar = '\x02';
constexpr char kAnyTextNoSlash = '\x03';
constexpr char kAnyCharNoSlash = '\x04';

bool isAnyText(char c)
{
    return c == kAnyText || c == kAnyTextNoSlash;
}

/// Whether the token `single` (not "any text") can be one character of the text `other` stands for.
bool oneCharAgrees(char single, char other)
{
    const bool singleAny = single == kAnyChar || single == kAnyCharNoSlash;
    const bool otherAny = other == kAnyChar || other == kAnyCharNoSlash;
    if (singleAny && otherAny)
        return true;
    if (singleAny)
        return other != '/' || single == kAnyChar;
    if (otherAny)
        return single != '/' || other == kAnyChar;
    return single == other;
}

/// Whether the "any text" token `star` can take in what the token `other` stands for.
bool anyTextTakes(char star, char other)
{
    return star == kAnyText || other != '/';
}

/// The resource part of a policy's ARN as tokens: `*` any text, `?` any character, a policy variable any text.
std::string valueTokens(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '*') {
            out += kAnyText;
        } else if (c == '?') {
            out += kAnyChar;
        } else if (c == '$' && i + 1 < text.size() && text[i + 1] == '{'
            && text.find('}', i) != std::string_view::npos) {
            out += kAnyText;
            i = text.find('}', i);
        } else {
            out += (c >= 1 && c <= 4) ? '?' : c;
        }
    }
    return out;
}

/// A pattern's resource part as tokens: each placeholder is one or more characters, without `/` when it is the whole
/// resource part (a bucket, topic or queue name).
std::string patternTokens(std::string_view text)
{
    const bool whole = text.size() > 3 && text.rfind("${", 0) == 0 && text.find('}') == text.size() - 1;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == '{'
            && text.find('}', i) != std::string_view::npos) {
            out += whole ? kAnyCharNoSlash : kAnyChar;
            out += whole ? kAnyTextNoSlash : kAnyText;
            i = text.find('}', i);
        } else {
            out += text[i];
        }
    }
    return out;
}

/// Whether some text matches both token strings (the product of the two patterns is not empty).
bool tokensIntersect(std::string_view a, std::string_view b)
{
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Reused across calls: validation runs per keystroke, over every form of a service.
    thread_local std::vector<char> seen;
    thread_local std::vector<std::pair<std::size_t, std::size_t>> todo;
    seen.assign((n + 1) * (m + 1), 0);
    todo.assign(1, { 0, 0 });
    seen[0] = 1;
    auto push = [&](std::size_t i, std::size_t j) {
        char &s = seen[i * (m + 1) + j];
        if (!s) {
            s = 1;
            todo.emplace_back(i, j);
        }
    };
    while (!todo.empty()) {
        const auto [i, j] = todo.back();
        todo.pop_back();
        if (i == n && j == m)
            return true;
        const bool aStar = i < n && isAnyText(a[i]);
        const bool bStar = j < m && isAnyText(b[j]);
        if (aStar)
            push(i + 1, j);
        if (bStar)
            push(i, j + 1);
        if (i == n || j == m)
            continue;
        if (aStar && anyTextTakes(a[i], b[j]))
            push(i, j + 1);
        if (bStar && anyTextTakes(b[j], a[i]))
            push(i + 1, j);
        if (!aStar && !bStar && oneCharAgrees(a[i], b[j]))
            push(i + 1, j + 1);
    }
    return false;
}

} // namespace

std::string_view accessLevelName(AccessLevel level)
{
    static constexpr std::array<std::string_view, 5> kNames { "List", "Read", "Write", "Permissions management",
        "Tagging" };
    return kNames[static_cast<std::size_t>(level)];
}

const ActionInfo *ServiceInfo::action(std::string_view actionName) const
{
    const auto it = m_actionIndex.find(toLower(actionName));
    return it == m_actionIndex.end() ? nullptr : &actions[it->second];
}

const ResourceTypeInfo *ServiceInfo::resourceType(std::string_view typeName) const
{
    for (const ResourceTypeInfo &type : resourceTypes) {
        if (equalsIgnoreCase(type.name, typeName))
            return &type;
    }
    return nullptr;
}

std::optional<ServiceCatalog> ServiceCatalog::parse(std::string_view text, std::string &error)
{
    ServiceCatalog catalog;
    std::size_t lineNumber = 0;
    ServiceInfo *service = nullptr;
    auto fail = [&](const std::string &why) {
        error = "catalog line " + std::to_string(lineNumber) + ": " + why;
        return std::nullopt;
    };
    for (std::string_view line : split(text, '\n')) {
        ++lineNumber;
        if (line.empty())
            continue;
        const std::vector<std::string_view> f = split(line, '\t');
        if (lineNumber == 1) {
            if (f.size() != 3 || f[0] != "iam-catalog-tsv/1")
                return fail("not an iam-catalog-tsv/1 file");
            catalog.m_version = std::string(f[1]) + " (" + std::string(f[2]) + ")";
            continue;
        }
        const std::string_view kind = f.front();
        if (kind == "G" && f.size() == 3) {
            catalog.m_globalKeys.push_back(keyInfo(f[1], f[2]));
        } else if (kind == "S" && f.size() == 3) {
            service = &catalog.m_services.emplace_back();
            service->prefix = std::string(f[1]);
            service->name = std::string(f[2]);
        } else if (!service) {
            return fail("a record before the first service");
        } else if (kind == "A" && f.size() == 5 && f[2].size() == 1) {
            ActionInfo action;
            action.name = std::string(f[1]);
            static constexpr std::string_view kLevels = "LRWPT";
            const std::size_t level = kLevels.find(f[2].front());
            if (level == std::string_view::npos)
                return fail("unknown access level `" + std::string(f[2]) + "`");
            action.accessLevel = static_cast<AccessLevel>(level);
            for (std::string_view type : split(f[3], ',')) {
                const bool required = !type.empty() && type.back() == '*';
                if (required)
                    type.remove_suffix(1);
                action.resourceTypes.push_back(ActionResourceType { std::string(type), nullptr, required });
            }
            action.conditionKeys = toStrings(f[4]);
            service->m_actionIndex.emplace(toLower(action.name), service->actions.size());
            service->m_lowerNames.push_back(toLower(action.name));
            service->actions.push_back(std::move(action));
            ++catalog.m_actionCount;
        } else if (kind == "R" && f.size() == 4) {
            service->resourceTypes.push_back(
                ResourceTypeInfo { std::string(f[1]), std::string(f[2]), toStrings(f[3]) });
        } else if (kind == "X" && f.size() == 4) {
            service->resourceTypes.push_back(ResourceTypeInfo { std::string(f[1]), std::string(f[2]), {}, true });
        } else if (kind == "K" && f.size() == 3) {
            service->conditionKeys.push_back(keyInfo(f[1], f[2]));
        } else {
            return fail("unreadable record");
        }
    }
    if (catalog.m_version.empty())
        return fail("empty catalog");
    auto indexKey = [&catalog](const ConditionKeyInfo &info) {
        std::string pattern = placeholderPattern(info.name);
        if (pattern.empty())
            catalog.m_keyIndex.emplace(toLower(info.name), &info);
        else
            catalog.m_keyPatterns.emplace_back(std::move(pattern), &info);
    };
    for (const ConditionKeyInfo &info : catalog.m_globalKeys)
        indexKey(info);
    for (std::size_t i = 0; i < catalog.m_services.size(); ++i) {
        for (const ConditionKeyInfo &info : catalog.m_services[i].conditionKeys)
            indexKey(info);
        catalog.m_serviceIndex.emplace(toLower(catalog.m_services[i].prefix), i);
        // Each action's resource types, resolved once (the validator asks per keystroke).
        std::unordered_map<std::string, const ResourceTypeInfo *> types;
        for (const ResourceTypeInfo &type : catalog.m_services[i].resourceTypes)
            types.emplace(toLower(type.name), &type);
        for (ActionInfo &action : catalog.m_services[i].actions) {
            for (ActionResourceType &type : action.resourceTypes) {
                const auto found = types.find(toLower(type.name));
                type.info = found == types.end() ? nullptr : found->second;
            }
        }
        for (const ResourceTypeInfo &type : catalog.m_services[i].resourceTypes) {
            // A few types have several forms, written "pattern, pattern".
            std::string_view patterns = type.arnPattern;
            while (!patterns.empty()) {
                const std::size_t comma = patterns.find(", ");
                std::array<std::string_view, 6> fields;
                // A placeholder service (AWS Backup's `arn:${Partition}:${Vendor}:...` recovery points) stands for
                // the owning service's own ARNs.
                if (splitArn(patterns.substr(0, comma), fields)) {
                    const std::string arnService = fields[2].find("${") == std::string_view::npos
                        ? toLower(fields[2])
                        : toLower(catalog.m_services[i].prefix);
                    catalog.m_arnServices[arnService].push_back(std::string(literalStart(fields[5])));
                    catalog.m_arnForms[arnService].push_back(
                        ArnForm { &catalog.m_services[i], &type, !fields[3].empty(), !fields[4].empty(),
                            patternTokens(fields[5]), std::string(literalStart(fields[5])) });
                }
                patterns = comma == std::string_view::npos ? std::string_view() : patterns.substr(comma + 2);
            }
        }
    }
    return catalog;
}

std::optional<ServiceCatalog> ServiceCatalog::loadBuiltin(std::string &error)
{
    std::string text;
    if (!gunzip(kServiceCatalogData, kServiceCatalogDataSize, text, error)) {
        error = "the built-in service catalog: " + error;
        return std::nullopt;
    }
    return parse(text, error);
}

const ServiceCatalog &ServiceCatalog::builtin()
{
    static const ServiceCatalog catalog = [] {
        std::string error;
        std::optional<ServiceCatalog> loaded = loadBuiltin(error);
        // The data is part of the program and TestServiceCatalog reads it: failing here means a broken build, and
        // an empty catalog then makes every lookup fail rather than the program.
        return loaded ? std::move(*loaded) : ServiceCatalog {};
    }();
    return catalog;
}

bool ServiceCatalog::isArnService(std::string_view name) const
{
    return m_arnServices.count(toLower(name)) > 0;
}

bool ServiceCatalog::arnResourceFits(std::string_view arnService, std::string_view resourcePart) const
{
    const auto it = m_arnServices.find(toLower(arnService));
    if (it == m_arnServices.end())
        return false;
    const std::string_view start = literalStart(resourcePart);
    for (const std::string &typeStart : it->second) {
        const std::size_t common = std::min(typeStart.size(), start.size());
        if (typeStart.compare(0, common, start.substr(0, common)) == 0)
            return true;
    }
    return false;
}

const std::vector<ArnForm> *ServiceCatalog::arnForms(std::string_view arnService) const
{
    const auto it = m_arnForms.find(std::string(arnService));
    return it == m_arnForms.end() ? nullptr : &it->second;
}

bool ServiceCatalog::formFits(const ArnForm &form, std::string_view resourcePart)
{
    const std::string_view start = literalStart(resourcePart);
    const std::size_t common = std::min(start.size(), form.literalStart.size());
    if (start.compare(0, common, std::string_view(form.literalStart).substr(0, common)) != 0)
        return false;
    return tokensIntersect(valueTokens(resourcePart), form.resourceTokens);
}

const ServiceInfo *ServiceCatalog::service(std::string_view prefix) const
{
    const auto it = m_serviceIndex.find(toLower(prefix));
    return it == m_serviceIndex.end() ? nullptr : &m_services[it->second];
}

const ActionInfo *ServiceCatalog::action(std::string_view serviceAction) const
{
    const std::size_t colon = serviceAction.find(':');
    if (colon == std::string_view::npos)
        return nullptr;
    const ServiceInfo *s = service(serviceAction.substr(0, colon));
    return s ? s->action(serviceAction.substr(colon + 1)) : nullptr;
}

std::vector<std::pair<const ServiceInfo *, const ActionInfo *>> ServiceCatalog::matchActions(
    std::string_view pattern, std::size_t limit) const
{
    std::vector<std::pair<const ServiceInfo *, const ActionInfo *>> out;
    const std::string lower = toLower(pattern);
    const std::size_t colon = lower.find(':');
    auto matchIn = [&](const ServiceInfo &s, std::string_view actionPattern) {
        if (!hasWildcard(actionPattern)) {
            if (const ActionInfo *a = s.action(actionPattern))
                out.emplace_back(&s, a);
            return;
        }
        for (std::size_t i = 0; i < s.actions.size() && out.size() < limit; ++i) {
            if (wildcardMatch(actionPattern, s.m_lowerNames[i]))
                out.emplace_back(&s, &s.actions[i]);
        }
    };
    if (colon == std::string::npos) {
        if (lower.find_first_not_of('*') == std::string::npos && !lower.empty()) {
            for (std::size_t i = 0; i < m_services.size() && out.size() < limit; ++i)
                matchIn(m_services[i], "*");
        }
        return out;
    }
    const std::string_view prefix = std::string_view(lower).substr(0, colon);
    const std::string_view actionPattern = std::string_view(lower).substr(colon + 1);
    if (!hasWildcard(prefix)) {
        if (const ServiceInfo *s = service(prefix))
            matchIn(*s, actionPattern);
        return out;
    }
    for (std::size_t i = 0; i < m_services.size() && out.size() < limit; ++i) {
        if (wildcardMatch(prefix, toLower(m_services[i].prefix)))
            matchIn(m_services[i], actionPattern);
    }
    return out;
}

const ConditionKeyInfo *ServiceCatalog::conditionKey(std::string_view key) const
{
    // Keys are looked up across every service: some use a prefix of their own (`catalog:ChangeType` belongs to AWS
    // Marketplace Catalog; identity-provider keys such as `saml:aud` are listed under sts).
    const std::string lower = toLower(key);
    if (const auto it = m_keyIndex.find(lower); it != m_keyIndex.end())
        return it->second;
    for (const auto &[pattern, info] : m_keyPatterns) {
        if (wildcardMatch(pattern, lower))
            return info;
    }
    return nullptr;
}

} // namespace rd::core
