// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/WorkspaceFile.h"

#include "json/JsonFields.h"
#include "json/JsonTextWriter.h"
#include "policy/PolicyJson.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/workspace/GaadImporter.h"
#include "workspace/ReferenceSites.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <set>
#include <tuple>

namespace rd::core
{
namespace
{

// ---- writing -------------------------------------------------------------------------------------------------

/// The shortest text that reads back as the same double.
std::string formatCoordinate(double value)
{
    if (!std::isfinite(value))
        return "0";
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

void writeString(JsonTextWriter &w, std::string_view key, const std::string &value)
{
    if (value.empty())
        return;
    w.key(key);
    w.string(value);
}

void writeStrings(JsonTextWriter &w, std::string_view key, const std::vector<std::string> &values)
{
    if (values.empty())
        return;
    w.key(key);
    w.beginArray();
    for (const std::string &v : values)
        w.string(v);
    w.endArray();
}

void writeId(JsonTextWriter &w, std::uint64_t id)
{
    w.key("id");
    w.number(std::to_string(id));
}

void writeTags(JsonTextWriter &w, const std::vector<Tag> &tags)
{
    if (tags.empty())
        return;
    w.key("tags");
    w.beginArray();
    for (const Tag &t : tags) {
        w.beginObject();
        w.key("key");
        w.string(t.key);
        w.key("value");
        w.string(t.value);
        w.endObject();
    }
    w.endArray();
}

void writeInlinePolicies(JsonTextWriter &w, const std::vector<InlinePolicy> &policies)
{
    if (policies.empty())
        return;
    w.key("inlinePolicies");
    w.beginArray();
    for (const InlinePolicy &p : policies) {
        w.beginObject();
        w.key("name");
        w.string(p.name);
        w.key("document");
        writePolicyValue(w, p.document);
        w.endObject();
    }
    w.endArray();
}

/// The fields users, groups and roles share.
template <class Entity> void writeIdentity(JsonTextWriter &w, const Entity &e)
{
    writeId(w, e.id.value);
    writeString(w, "name", e.name);
    writeString(w, "path", e.path);
    writeString(w, "arn", e.arn);
    writeString(w, "accountId", e.accountId);
    writeString(w, "awsId", e.awsId);
    writeString(w, "createDate", e.createDate);
}

void writeUser(JsonTextWriter &w, const User &u)
{
    w.beginObject();
    writeIdentity(w, u);
    writeStrings(w, "groups", u.groupNames);
    writeString(w, "permissionsBoundary", u.permissionsBoundaryArn);
    writeStrings(w, "attachedPolicies", u.attachedPolicyArns);
    writeInlinePolicies(w, u.inlinePolicies);
    writeTags(w, u.tags);
    w.endObject();
}

void writeGroup(JsonTextWriter &w, const Group &g)
{
    w.beginObject();
    writeIdentity(w, g);
    writeStrings(w, "attachedPolicies", g.attachedPolicyArns);
    writeInlinePolicies(w, g.inlinePolicies);
    w.endObject();
}

void writeRole(JsonTextWriter &w, const Role &r)
{
    w.beginObject();
    writeIdentity(w, r);
    writeString(w, "description", r.description);
    w.key("maxSessionDuration");
    w.number(std::to_string(r.maxSessionDuration));
    w.key("trustPolicy");
    writePolicyValue(w, r.trustPolicy);
    writeString(w, "permissionsBoundary", r.permissionsBoundaryArn);
    writeStrings(w, "attachedPolicies", r.attachedPolicyArns);
    writeInlinePolicies(w, r.inlinePolicies);
    writeTags(w, r.tags);
    if (!r.instanceProfiles.empty()) {
        w.key("instanceProfiles");
        w.beginArray();
        for (const InstanceProfile &p : r.instanceProfiles) {
            w.beginObject();
            writeString(w, "name", p.name);
            writeString(w, "path", p.path);
            writeString(w, "arn", p.arn);
            writeString(w, "awsId", p.awsId);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

void writeManagedPolicy(JsonTextWriter &w, const ManagedPolicy &p)
{
    w.beginObject();
    writeId(w, p.id.value);
    writeString(w, "name", p.name);
    writeString(w, "path", p.path);
    writeString(w, "arn", p.arn);
    writeString(w, "awsId", p.awsId);
    writeString(w, "description", p.description);
    writeString(w, "createDate", p.createDate);
    writeString(w, "updateDate", p.updateDate);
    writeString(w, "defaultVersionId", p.defaultVersionId);
    w.key("versions");
    w.beginArray();
    for (const PolicyVersion &v : p.versions) {
        w.beginObject();
        writeString(w, "versionId", v.versionId);
        w.key("isDefault");
        w.boolean(v.isDefault);
        writeString(w, "createDate", v.createDate);
        w.key("document");
        writePolicyValue(w, v.document);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

void writeResource(JsonTextWriter &w, const Resource &r)
{
    w.beginObject();
    writeId(w, r.id.value);
    writeString(w, "arn", r.arn);
    writeString(w, "type", r.type);
    writeString(w, "accountId", r.accountId);
    writeString(w, "name", r.name);
    if (r.policy) {
        w.key("policy");
        writePolicyValue(w, *r.policy);
    }
    w.endObject();
}

void writeOrganization(JsonTextWriter &w, const Organization &org)
{
    w.key("organization");
    w.beginObject();
    w.key("id");
    w.string(org.id);
    writeString(w, "arn", org.arn);
    writeString(w, "managementAccountId", org.managementAccountId);
    writeString(w, "managementAccountArn", org.managementAccountArn);
    writeString(w, "managementAccountEmail", org.managementAccountEmail);
    writeString(w, "featureSet", org.featureSet);
    w.key("root");
    w.beginObject();
    w.key("id");
    w.string(org.rootId);
    writeString(w, "arn", org.rootArn);
    writeString(w, "name", org.rootName);
    w.endObject();
    if (!org.units.empty()) {
        w.key("organizationalUnits");
        w.beginArray();
        for (const OrganizationalUnit &u : org.units) {
            w.beginObject();
            w.key("id");
            w.string(u.id);
            writeString(w, "arn", u.arn);
            writeString(w, "name", u.name);
            w.key("parentId");
            w.string(u.parentId);
            w.endObject();
        }
        w.endArray();
    }
    if (!org.accounts.empty()) {
        w.key("accounts");
        w.beginArray();
        for (const OrganizationAccount &a : org.accounts) {
            w.beginObject();
            w.key("id");
            w.string(a.id);
            writeString(w, "arn", a.arn);
            writeString(w, "name", a.name);
            writeString(w, "email", a.email);
            writeString(w, "status", a.status);
            w.key("parentId");
            w.string(a.parentId);
            w.endObject();
        }
        w.endArray();
    }
    if (!org.policies.empty()) {
        w.key("policies");
        w.beginArray();
        for (const OrganizationPolicy &p : org.policies) {
            w.beginObject();
            w.key("id");
            w.string(p.id);
            writeString(w, "arn", p.arn);
            writeString(w, "name", p.name);
            writeString(w, "description", p.description);
            w.key("type");
            w.string(organizationPolicyTypeName(p.type));
            if (p.awsManaged) {
                w.key("awsManaged");
                w.boolean(true);
            }
            w.key("document");
            writePolicyValue(w, p.document);
            writeStrings(w, "targets", p.targetIds);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
}

/// Writes a list in canonicalLess() order without copying or reordering the workspace.
template <class T, class Fn> void writeList(JsonTextWriter &w, std::string_view key, const std::vector<T> &items, Fn fn)
{
    if (items.empty())
        return;
    std::vector<const T *> ordered;
    ordered.reserve(items.size());
    for (const T &item : items)
        ordered.push_back(&item);
    std::stable_sort(ordered.begin(), ordered.end(), [](const T *a, const T *b) { return canonicalLess(*a, *b); });
    w.key(key);
    w.beginArray();
    for (const T *item : ordered)
        fn(w, *item);
    w.endArray();
}

// ---- reading -------------------------------------------------------------------------------------------------

class WorkspaceReader
{
public:
    explicit WorkspaceReader(Diagnostics &out)
        : m_out(out)
    {
    }

    /// True when `root`, as read so far, has the `format` and `formatVersion` of a workspace this version reads:
    /// only then may its lists be read before the whole file is (JsonReadOptions::takeRootListElement).
    static bool readableSoFar(const JsonValue &root)
    {
        const JsonValue *format = root.find("format");
        const JsonValue *version = root.find("formatVersion");
        if (!format || !format->isString() || format->text != kWorkspaceFormatName || !version || !version->isNumber())
            return false;
        const std::string &digits = version->text;
        int number = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
        return error == std::errc() && end == digits.data() + digits.size() && number >= 1
            && number <= kWorkspaceFormatVersion;
    }

    /// Reads an element of one of the workspace's lists; false when `list` is none of them.
    bool readEntry(std::string_view list, const std::string &path, JsonValue &entry)
    {
        const auto read = [&](auto member) {
            JsonFields::readObject(
                entry, path, m_out, CheckCode::WorkspaceFormatError, true, [&](JsonFields &f) { (this->*member)(f); });
        };
        if (list == "accounts")
            read(&WorkspaceReader::readAccount);
        else if (list == "users")
            read(&WorkspaceReader::readUser);
        else if (list == "groups")
            read(&WorkspaceReader::readGroup);
        else if (list == "roles")
            read(&WorkspaceReader::readRole);
        else if (list == "managedPolicies")
            read(&WorkspaceReader::readManagedPolicy);
        else if (list == "resources")
            read(&WorkspaceReader::readResource);
        else if (list == "externalPrincipals")
            read(&WorkspaceReader::readExternalPrincipal);
        else if (list == "layout")
            read(&WorkspaceReader::readPosition);
        else
            return false;
        return true;
    }

    /// Checks the format, reads what `root` still holds (every list, unless the JSON reader handed elements out
    /// before) and returns the workspace, or nothing when anything is wrong.
    std::optional<Workspace> finish(JsonValue &root)
    {
        if (!root.isObject()) {
            m_out.push_back(makeDiagnostic(
                CheckCode::WorkspaceFormatError, root.range, "a workspace file must hold a JSON object"));
            return std::nullopt;
        }
        JsonFields top(root, "", m_out, CheckCode::WorkspaceFormatError, true);
        const std::string format = top.string("format", true);
        const JsonValue *formatValue = top.value("format");
        if (formatValue && formatValue->isString() && format != kWorkspaceFormatName) {
            top.error(formatValue->range, "`" + format + "` is not a role designer workspace");
            return std::nullopt;
        }
        const auto version = top.integer("formatVersion", true);
        if (!version)
            return std::nullopt;
        if (*version < 1) {
            top.error(top.value("formatVersion")->range,
                "`formatVersion` is " + std::to_string(*version) + ": format versions start at 1");
            return std::nullopt;
        }
        if (*version > kWorkspaceFormatVersion) {
            top.error(top.value("formatVersion")->range,
                "this workspace has format version " + std::to_string(*version)
                    + "; this version of the "
                      "role designer reads format "
                    + std::to_string(kWorkspaceFormatVersion) + ": open it with a newer version");
            return std::nullopt;
        }
        m_ws.name = top.string("name");
        const std::int64_t nextId = top.integer("nextId").value_or(1);
        for (std::string_view list : { "accounts", "users", "groups", "roles", "managedPolicies", "resources",
                 "externalPrincipals", "layout" }) {
            std::vector<JsonValue> *items = top.array(list);
            for (std::size_t i = 0; items && i < items->size(); ++i)
                readEntry(list, std::string(list) + "[" + std::to_string(i) + "]", (*items)[i]);
        }
        if (JsonValue *org = top.object("organization")) {
            JsonFields::readObject(*org, "organization", m_out, CheckCode::WorkspaceFormatError, true,
                [&](JsonFields &f) { readOrganization(f); });
        }
        top.finish();
        if (nextId > 0)
            m_ws.reserveId(static_cast<std::uint64_t>(nextId) - 1);
        if (hasErrors(m_out))
            return std::nullopt;
        return std::move(m_ws);
    }

    /// DANGLING_REFERENCE warnings for the workspace read, at their places in the file.
    Diagnostics referenceFindings(const Workspace &workspace) const { return m_sites.findings(workspace, false); }

private:
    void readAccount(JsonFields &f)
    {
        m_ws.accounts.push_back(Account { f.string("accountId", true), f.string("name") });
    }

    void readUser(JsonFields &f)
    {
        User u;
        readIdentity(f, u);
        std::vector<SourceRange> groups;
        u.groupNames = f.strings("groups", &groups);
        noteSites(ReferenceHolder::User, u.id.value, ReferenceField::GroupMembership, groups);
        readPolicyReferences(f, ReferenceHolder::User, u, &u.permissionsBoundaryArn);
        u.inlinePolicies = inlinePolicies(f);
        u.tags = tags(f);
        m_ws.add(std::move(u));
    }

    void readGroup(JsonFields &f)
    {
        Group g;
        readIdentity(f, g);
        readPolicyReferences(f, ReferenceHolder::Group, g, nullptr);
        g.inlinePolicies = inlinePolicies(f);
        m_ws.add(std::move(g));
    }

    void readRole(JsonFields &f)
    {
        Role r;
        readIdentity(f, r);
        r.description = f.string("description");
        if (auto duration = f.integer("maxSessionDuration")) {
            if (!isValidMaxSessionDuration(*duration))
                f.error(f.value("maxSessionDuration")->range,
                    "`" + f.childPath("maxSessionDuration") + "` is " + std::to_string(*duration)
                        + "; IAM accepts 3600 to 43200 seconds");
            else
                r.maxSessionDuration = static_cast<int>(*duration);
        }
        if (auto policy = document(f, "trustPolicy", true))
            r.trustPolicy = std::move(*policy);
        readPolicyReferences(f, ReferenceHolder::Role, r, &r.permissionsBoundaryArn);
        r.inlinePolicies = inlinePolicies(f);
        r.tags = tags(f);
        f.forEachObject("instanceProfiles", [&](JsonFields &p) {
            InstanceProfile profile;
            profile.name = p.string("name", true);
            profile.path = pathOr(p);
            profile.arn = p.string("arn");
            profile.awsId = p.string("awsId");
            r.instanceProfiles.push_back(std::move(profile));
        });
        m_ws.add(std::move(r));
    }

    void readManagedPolicy(JsonFields &f)
    {
        ManagedPolicy p;
        p.id.value = id(f);
        p.name = f.string("name", true);
        p.path = pathOr(f);
        p.arn = f.string("arn");
        p.awsId = f.string("awsId");
        p.description = f.string("description");
        p.createDate = f.string("createDate");
        p.updateDate = f.string("updateDate");
        p.defaultVersionId = f.string("defaultVersionId");
        f.forEachObject("versions", [&](JsonFields &v) {
            PolicyVersion entry;
            entry.versionId = v.string("versionId", true);
            entry.isDefault = v.boolean("isDefault", false);
            entry.createDate = v.string("createDate");
            if (auto policy = document(v, "document", true))
                entry.document = std::move(*policy);
            p.versions.push_back(std::move(entry));
        });
        m_ws.add(std::move(p));
    }

    void readResource(JsonFields &f)
    {
        Resource r;
        r.id.value = id(f);
        r.arn = f.string("arn", true);
        r.type = f.string("type");
        r.accountId = f.string("accountId");
        r.name = f.string("name");
        r.policy = document(f, "policy", false);
        m_ws.add(std::move(r));
    }

    void readExternalPrincipal(JsonFields &f)
    {
        ExternalPrincipal p;
        p.id.value = id(f);
        const std::string kind = f.string("kind", true);
        if (auto k = externalPrincipalKindFromName(kind))
            p.kind = *k;
        else if (!kind.empty())
            f.error(f.value("kind")->range, "`" + kind + "` is not a kind of external principal");
        p.identifier = f.string("identifier", true);
        p.name = f.string("name");
        m_ws.add(std::move(p));
    }

    /// Format version 2: the organization (absent from version 1 files, which load without one).
    void readOrganization(JsonFields &f)
    {
        Organization org;
        org.id = f.string("id", true);
        org.arn = f.string("arn");
        org.managementAccountId = f.string("managementAccountId");
        org.managementAccountArn = f.string("managementAccountArn");
        org.managementAccountEmail = f.string("managementAccountEmail");
        org.featureSet = f.string("featureSet");
        if (JsonValue *root = f.object("root", true)) {
            JsonFields::readObject(
                *root, f.childPath("root"), m_out, CheckCode::WorkspaceFormatError, true, [&](JsonFields &r) {
                    org.rootId = r.string("id", true);
                    org.rootArn = r.string("arn");
                    org.rootName = r.string("name");
                });
        }
        f.forEachObject("organizationalUnits", [&](JsonFields &u) {
            org.units.push_back(OrganizationalUnit {
                u.string("id", true), u.string("arn"), u.string("name"), u.string("parentId", true) });
        });
        f.forEachObject("accounts", [&](JsonFields &a) {
            org.accounts.push_back(OrganizationAccount { a.string("id", true), a.string("arn"), a.string("name"),
                a.string("email"), a.string("status"), a.string("parentId", true) });
        });
        f.forEachObject("policies", [&](JsonFields &p) {
            OrganizationPolicy policy;
            policy.id = p.string("id", true);
            policy.arn = p.string("arn");
            policy.name = p.string("name");
            policy.description = p.string("description");
            const std::string type = p.string("type", true);
            if (auto t = organizationPolicyTypeFromName(type))
                policy.type = *t;
            else if (!type.empty())
                p.error(
                    p.value("type")->range, "`" + type + "` is not SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY");
            policy.awsManaged = p.boolean("awsManaged", false);
            if (auto doc = document(p, "document", true))
                policy.document = std::move(*doc);
            policy.targetIds = p.strings("targets");
            org.policies.push_back(std::move(policy));
        });
        m_ws.organization = std::move(org);
    }

    void readPosition(JsonFields &f)
    {
        GraphPosition pos;
        pos.node = f.string("node", true);
        pos.x = f.number("x", true).value_or(0);
        pos.y = f.number("y", true).value_or(0);
        m_ws.layout.push_back(std::move(pos));
    }

    std::uint64_t id(JsonFields &f)
    {
        const auto value = f.integer("id", true);
        if (!value)
            return 0;
        if (*value <= 0) {
            f.error(f.value("id")->range, "`" + f.childPath("id") + "` must be a positive number");
            return 0;
        }
        const auto id = static_cast<std::uint64_t>(*value);
        if (!m_ids.insert(id).second)
            f.error(f.value("id")->range, "`" + f.childPath("id") + "` repeats the id " + std::to_string(id));
        return id;
    }

    /// The fields users, groups and roles share.
    template <class Entity> void readIdentity(JsonFields &f, Entity &e)
    {
        e.id.value = id(f);
        e.name = f.string("name", true);
        e.path = pathOr(f);
        e.arn = f.string("arn");
        e.accountId = f.string("accountId");
        e.awsId = f.string("awsId");
        e.createDate = f.string("createDate");
    }

    static std::string pathOr(JsonFields &f)
    {
        std::string path = f.string("path");
        return path.empty() ? std::string("/") : path;
    }

    void noteSites(
        ReferenceHolder holder, std::uint64_t id, ReferenceField field, const std::vector<SourceRange> &ranges)
    {
        for (std::size_t i = 0; i < ranges.size(); ++i)
            m_sites.add(holder, id, field, i, ranges[i]);
    }

    /// `attachedPolicies` and, where the entity has one, `permissionsBoundary`, noting where each stands.
    template <class Entity>
    void readPolicyReferences(JsonFields &f, ReferenceHolder holder, Entity &e, std::string *boundary)
    {
        std::vector<SourceRange> attached;
        e.attachedPolicyArns = f.strings("attachedPolicies", &attached);
        noteSites(holder, e.id.value, ReferenceField::AttachedPolicy, attached);
        if (!boundary)
            return;
        *boundary = f.string("permissionsBoundary");
        if (!boundary->empty())
            m_sites.add(
                holder, e.id.value, ReferenceField::PermissionsBoundary, 0, f.value("permissionsBoundary")->range);
    }

    std::optional<Policy> document(JsonFields &f, std::string_view key, bool required)
    {
        JsonValue *value = f.object(key, required);
        if (!value)
            return std::nullopt;
        ParseResult parsed = policyFromJson(std::move(*value));
        for (const Diagnostic &d : parsed.diagnostics) {
            // Grammar-level findings stay with the validator; here only what makes the document unreadable counts.
            if (hasCheckCode(d, CheckCode::DataTypeMismatch))
                m_out.push_back(makeDiagnostic(
                    CheckCode::WorkspaceFormatError, d.range, "`" + f.childPath(key) + "`: " + d.message));
        }
        // The policy keeps its ranges, positions in the file's text (the reader hands entries out one by one, but
        // their positions are the file's), so that findings about it point into the file.
        return std::move(parsed.policy);
    }

    std::vector<InlinePolicy> inlinePolicies(JsonFields &f)
    {
        std::vector<InlinePolicy> out;
        f.forEachObject("inlinePolicies", [&](JsonFields &p) {
            InlinePolicy policy;
            policy.name = p.string("name", true);
            if (auto doc = document(p, "document", true))
                policy.document = std::move(*doc);
            out.push_back(std::move(policy));
        });
        return out;
    }

    static std::vector<Tag> tags(JsonFields &f)
    {
        std::vector<Tag> out;
        f.forEachObject("tags", [&](JsonFields &t) {
            out.push_back(Tag { t.string("key", true), t.string("value") });
        });
        return out;
    }

    Diagnostics &m_out;
    std::set<std::uint64_t> m_ids;
    Workspace m_ws;
    ReferenceSites m_sites;
};

} // namespace

namespace
{

void writeWorkspaceTo(JsonTextWriter &w, const Workspace &ws)
{
    w.beginObject();
    w.key("format");
    w.string(kWorkspaceFormatName);
    w.key("formatVersion");
    w.number(std::to_string(kWorkspaceFormatVersion));
    writeString(w, "name", ws.name);
    w.key("nextId");
    w.number(std::to_string(ws.nextId()));
    writeList(w, "accounts", ws.accounts, [](JsonTextWriter &out, const Account &a) {
        out.beginObject();
        out.key("accountId");
        out.string(a.accountId);
        writeString(out, "name", a.name);
        out.endObject();
    });
    writeList(w, "users", ws.users, writeUser);
    writeList(w, "groups", ws.groups, writeGroup);
    writeList(w, "roles", ws.roles, writeRole);
    writeList(w, "managedPolicies", ws.policies, writeManagedPolicy);
    writeList(w, "resources", ws.resources, writeResource);
    writeList(w, "externalPrincipals", ws.externalPrincipals, [](JsonTextWriter &out, const ExternalPrincipal &p) {
        out.beginObject();
        writeId(out, p.id.value);
        out.key("kind");
        out.string(externalPrincipalKindName(p.kind));
        out.key("identifier");
        out.string(p.identifier);
        writeString(out, "name", p.name);
        out.endObject();
    });
    writeList(w, "layout", ws.layout, [](JsonTextWriter &out, const GraphPosition &p) {
        out.beginObject();
        out.key("node");
        out.string(p.node);
        out.key("x");
        out.number(formatCoordinate(p.x));
        out.key("y");
        out.number(formatCoordinate(p.y));
        out.endObject();
    });
    if (ws.organization)
        writeOrganization(w, *ws.organization);
    w.endObject();
}

/// How much text a streamed save holds before it writes it out.
constexpr std::size_t kSavePieceBytes = std::size_t { 1 } << 20;

} // namespace

std::string writeWorkspace(const Workspace &ws)
{
    JsonTextWriter w(true, 4096);
    writeWorkspaceTo(w, ws);
    return w.take();
}

WorkspaceLoadResult loadWorkspaceText(std::string_view text)
{
    WorkspaceLoadResult result;
    // The lists' elements are read into a workspace, or imported from GAAD, as the JSON reader reads them, so that
    // the JSON of a whole account (4 to 10 times the size of its text) is never held at once. Which of the two the
    // text is shows in the root's members before the lists (`format` first in a workspace file, as it is written);
    // an element that comes before that is decided stays in the JSON and is read at the end.
    Diagnostics listFindings;
    WorkspaceReader workspaceReader(listFindings);
    GaadImporter gaad;
    JsonReadOptions options;
    options.takeRootListElement = [&](const JsonValue &root, std::string_view list, std::size_t index,
                                      JsonValue &element) {
        if (root.find("format"))
            return WorkspaceReader::readableSoFar(root)
                && workspaceReader.readEntry(list, std::string(list) + "[" + std::to_string(index) + "]", element);
        return gaad.take(list, index, element);
    };
    JsonReadResult json = readJson(text, options);
    // Decided before the findings move into the result: isExact() looks at them.
    const bool exact = json.isExact();
    if (json.refusedForSize) {
        // Not a finding about the file's content: the text cannot be held in memory, so it cannot be read at all.
        result.fileError = json.diagnostics.back().message;
        return result;
    }
    result.diagnostics = std::move(json.diagnostics);
    if (!exact)
        return result;
    JsonValue &root = *json.value;
    if (root.isObject() && !root.find("format") && isGaadDocument(root)) {
        result.source = WorkspaceSource::Gaad;
        GaadImportResult imported = gaad.finish(root);
        result.workspace = std::move(imported.workspace);
        result.diagnostics.insert(result.diagnostics.end(), imported.diagnostics.begin(), imported.diagnostics.end());
        return result;
    }
    result.workspace = workspaceReader.finish(root);
    result.diagnostics.insert(result.diagnostics.end(), listFindings.begin(), listFindings.end());
    // A workspace is read strictly: the reader's findings and the text's (a duplicate key) alike refuse it.
    if (hasErrors(result.diagnostics)) {
        result.workspace.reset();
        return result;
    }
    // References to entities the file does not hold are only noted: the workspace reads as it is.
    if (result.workspace) {
        Diagnostics dangling = workspaceReader.referenceFindings(*result.workspace);
        result.diagnostics.insert(result.diagnostics.end(), std::make_move_iterator(dangling.begin()),
            std::make_move_iterator(dangling.end()));
    }
    return result;
}

bool WorkspaceLoadResult::ok() const
{
    return workspace.has_value() && fileError.empty() && !hasErrors(diagnostics);
}

WorkspaceLoadResult loadWorkspaceFile(const std::string &path)
{
    FileReadResult file = readTextFile(path, kMaxWorkspaceFileBytes);
    if (!file.ok()) {
        WorkspaceLoadResult result;
        result.fileError = file.error;
        return result;
    }
    WorkspaceLoadResult result = loadWorkspaceText(file.text);
    if (!result.fileError.empty())
        result.fileError = "cannot read `" + path + "`: " + result.fileError;
    return result;
}

std::optional<std::string> saveWorkspaceFile(const std::string &path, const Workspace &workspace)
{
    // Written as it is made: the text of a large account (twice the size of its GAAD) is never whole in memory.
    return writeFileAtomically(path, [&workspace](const TextSink &sink) {
        JsonTextWriter w(true);
        w.drainInto(sink, kSavePieceBytes);
        writeWorkspaceTo(w, workspace);
        return w.finish();
    });
}

} // namespace rd::core
