// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/GaadImporter.h"

#include "base/TextUtil.h"
#include "json/JsonFields.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"
#include "workspace/ReferenceSites.h"

#include <iterator>
#include <string_view>
#include <unordered_map>

namespace rd::core
{
namespace
{

/// A role entry's MaxSessionDuration when it has one IAM accepts (IAM API reference, Role: 3,600 to 43,200 seconds);
/// a value out of that range is reported and ignored.
std::optional<int> sessionDuration(JsonFields &f)
{
    const auto duration = f.integer("MaxSessionDuration");
    if (!duration)
        return std::nullopt;
    if (!isValidMaxSessionDuration(*duration)) {
        f.error(f.value("MaxSessionDuration")->range,
            "`" + f.childPath("MaxSessionDuration") + "` is " + std::to_string(*duration)
                + "; IAM accepts 3600 to 43200 seconds, so it was ignored");
        return std::nullopt;
    }
    return static_cast<int>(*duration);
}

class GaadReader
{
public:
    explicit GaadReader(Diagnostics &out)
        : m_out(out)
    {
    }

    /// Reads an entry of one of GAAD's lists into the account; false when `list` is none of them.
    bool readEntry(std::string_view list, const std::string &path, JsonValue &entry)
    {
        if (list == "UserDetailList")
            readObject(entry, path, [&](JsonFields &f) { readUser(f); });
        else if (list == "GroupDetailList")
            readObject(entry, path, [&](JsonFields &f) { readGroup(f); });
        else if (list == "RoleDetailList")
            readObject(entry, path, [&](JsonFields &f) { readRole(f); });
        else if (list == "Policies")
            readObject(entry, path, [&](JsonFields &f) { readPolicy(f); });
        else
            return false;
        return true;
    }

    /// Reads the entries still in `root` (all of them, unless the JSON reader handed some out before) and returns
    /// the account.
    Workspace finish(JsonValue &root)
    {
        JsonFields top(root, "", m_out, CheckCode::GaadFormatError, false);
        for (std::string_view list : { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" }) {
            std::vector<JsonValue> *entries = top.array(list);
            for (std::size_t i = 0; entries && i < entries->size(); ++i)
                readEntry(list, std::string(list) + "[" + std::to_string(i) + "]", (*entries)[i]);
        }
        if (top.boolean("IsTruncated", false))
            m_out.push_back(makeDiagnostic(CheckCode::GaadFormatWarning, root.range,
                "the file says `IsTruncated`: it holds only the first page of the "
                "account; run the AWS CLI without --max-items to get all of it"));
        m_ws.collectExternalPrincipals();
        m_ws.sortCanonically();
        // Noted, not refused: an export made with --filter legitimately names what it leaves out.
        Diagnostics dangling = m_sites.findings(m_ws, true);
        m_out.insert(m_out.end(), std::make_move_iterator(dangling.begin()), std::make_move_iterator(dangling.end()));
        return std::move(m_ws);
    }

private:
    /// A policy document: an object, a JSON string, or a URL-encoded JSON string.
    std::optional<Policy> document(JsonFields &f, std::string_view key)
    {
        JsonValue *value = f.value(key);
        if (!value || value->isNull())
            return std::nullopt;
        const std::string where = f.childPath(key);
        ParseResult parsed;
        const SourceRange range = value->range;
        bool fromString = false;
        if (value->isObject()) {
            parsed = policyFromJson(std::move(*value));
        } else if (value->isString()) {
            fromString = true;
            std::string_view text = value->text;
            while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t'))
                text.remove_prefix(1);
            if (!text.empty() && text.front() == '{') {
                parsed = parsePolicy(text);
            } else {
                std::string decoded;
                if (!percentDecode(value->text, decoded)) {
                    policyError(range, where + ": the URL-encoded document has a malformed `%` escape");
                    return std::nullopt;
                }
                parsed = parsePolicy(decoded);
            }
        } else {
            policyError(range,
                where + ": a policy document must be an object or a string, not "
                    + std::string(jsonTypeName(value->type)));
            return std::nullopt;
        }
        // A key repeated in a document held as a string: the workspace file, read strictly, would refuse the text
        // the document is saved as (the repeat survives in any element kept verbatim), and which value IAM meant is
        // unclear, so the policy is skipped with the reason.
        for (const Diagnostic &d : parsed.diagnostics) {
            if (fromString && hasCheckCode(d, CheckCode::DuplicateKeys)) {
                policyError(range, where + ": " + d.message + " (in the decoded document); the policy was skipped");
                return std::nullopt;
            }
        }
        if (!parsed.isUsable()) {
            std::string reason = "not a policy document";
            for (const Diagnostic &d : parsed.diagnostics) {
                if (d.severity == Severity::Error) {
                    reason = d.message;
                    if (!fromString)
                        break;
                    reason += " (at line " + std::to_string(d.range.begin.line) + ", column "
                        + std::to_string(d.range.begin.column) + " of the decoded document)";
                    break;
                }
            }
            policyError(range, where + ": " + reason + "; the policy was skipped");
            return std::nullopt;
        }
        // An object document keeps its ranges, positions in the file. A string document's are positions in the
        // string's decoded text, which the file does not hold: they become the string's own range.
        if (fromString)
            setSourceRanges(*parsed.policy, range);
        return std::move(parsed.policy);
    }

    void policyError(SourceRange range, std::string message)
    {
        m_out.push_back(makeDiagnostic(CheckCode::GaadPolicyError, range, std::move(message)));
    }

    std::vector<InlinePolicy> inlinePolicies(JsonFields &f, std::string_view key)
    {
        std::vector<InlinePolicy> out;
        f.forEachObject(key, [&](JsonFields &p) {
            InlinePolicy policy;
            policy.name = p.string("PolicyName", true);
            auto doc = document(p, "PolicyDocument");
            if (!doc)
                return;
            policy.document = std::move(*doc);
            out.push_back(std::move(policy));
        });
        return out;
    }

    /// The ARNs of AttachedManagedPolicies, and in `ranges` where each stands.
    static std::vector<std::string> attached(JsonFields &f, std::vector<SourceRange> &ranges)
    {
        std::vector<std::string> out;
        f.forEachObject("AttachedManagedPolicies", [&](JsonFields &p) {
            std::string arn = p.string("PolicyArn", true);
            if (arn.empty())
                return;
            out.push_back(std::move(arn));
            ranges.push_back(p.value("PolicyArn")->range);
        });
        return out;
    }

    /// The ARN of PermissionsBoundary, and in `range` where it stands.
    std::string boundary(JsonFields &f, SourceRange &range)
    {
        JsonValue *value = f.object("PermissionsBoundary");
        if (!value)
            return {};
        JsonFields b(*value, f.childPath("PermissionsBoundary"), m_out, CheckCode::GaadFormatError, false);
        std::string arn = b.string("PermissionsBoundaryArn");
        if (!arn.empty())
            range = b.value("PermissionsBoundaryArn")->range;
        return arn;
    }

    /// Where the references of an entity stood, noted once it has its id.
    struct Places {
        std::vector<SourceRange> attached;
        SourceRange boundary;
        std::vector<SourceRange> groups;
    };

    void note(ReferenceHolder holder, std::uint64_t id, const Places &places)
    {
        if (id == 0)
            return;
        for (std::size_t i = 0; i < places.attached.size(); ++i)
            m_sites.add(holder, id, ReferenceField::AttachedPolicy, i, places.attached[i]);
        if (places.boundary.isValid())
            m_sites.add(holder, id, ReferenceField::PermissionsBoundary, 0, places.boundary);
        for (std::size_t i = 0; i < places.groups.size(); ++i)
            m_sites.add(holder, id, ReferenceField::GroupMembership, i, places.groups[i]);
    }

    static std::vector<Tag> tags(JsonFields &f)
    {
        std::vector<Tag> out;
        f.forEachObject("Tags", [&](JsonFields &t) {
            out.push_back(Tag { t.string("Key", true), t.string("Value") });
        });
        return out;
    }

    static std::string pathOr(JsonFields &f)
    {
        std::string path = f.string("Path");
        return path.empty() ? std::string("/") : path;
    }

    /// The fields users, groups and roles share; GAAD names two of them after the kind (`RoleName`, `RoleId`).
    template <class Entity> static void readIdentity(JsonFields &f, std::string_view kind, Entity &e)
    {
        e.name = f.string(std::string(kind) + "Name", true);
        e.path = pathOr(f);
        e.arn = f.string("Arn", true);
        e.accountId = accountOfArn(e.arn);
        e.awsId = f.string(std::string(kind) + "Id");
        e.createDate = f.string("CreateDate");
    }

    /// Adds an entity that has a name (one without was already reported) and its account; returns its id (0: not
    /// added).
    template <class Entity> std::uint64_t store(Entity &&e)
    {
        if (e.name.empty())
            return 0;
        m_ws.ensureAccount(e.accountId);
        return m_ws.add(std::forward<Entity>(e)).value;
    }

    template <class Fn> void readObject(JsonValue &entry, const std::string &path, Fn fn)
    {
        JsonFields::readObject(entry, path, m_out, CheckCode::GaadFormatError, false, fn);
    }

    void readUser(JsonFields &f)
    {
        User u;
        Places places;
        readIdentity(f, "User", u);
        u.inlinePolicies = inlinePolicies(f, "UserPolicyList");
        u.groupNames = f.strings("GroupList", &places.groups);
        u.attachedPolicyArns = attached(f, places.attached);
        u.permissionsBoundaryArn = boundary(f, places.boundary);
        u.tags = tags(f);
        note(ReferenceHolder::User, store(std::move(u)), places);
    }

    void readGroup(JsonFields &f)
    {
        Group g;
        Places places;
        readIdentity(f, "Group", g);
        g.inlinePolicies = inlinePolicies(f, "GroupPolicyList");
        g.attachedPolicyArns = attached(f, places.attached);
        note(ReferenceHolder::Group, store(std::move(g)), places);
    }

    void readRole(JsonFields &f)
    {
        Role r;
        readIdentity(f, "Role", r);
        r.description = f.string("Description");
        r.maxSessionDuration = sessionDuration(f).value_or(kDefaultMaxSessionDuration);
        if (auto trust = document(f, "AssumeRolePolicyDocument"))
            r.trustPolicy = std::move(*trust);
        r.inlinePolicies = inlinePolicies(f, "RolePolicyList");
        Places places;
        r.attachedPolicyArns = attached(f, places.attached);
        r.permissionsBoundaryArn = boundary(f, places.boundary);
        r.tags = tags(f);
        f.forEachObject("InstanceProfileList", [&](JsonFields &p) {
            InstanceProfile profile;
            profile.name = p.string("InstanceProfileName", true);
            profile.path = pathOr(p);
            profile.arn = p.string("Arn");
            profile.awsId = p.string("InstanceProfileId");
            // A profile without its name is skipped (the finding says why): a workspace names every profile.
            if (!profile.name.empty())
                r.instanceProfiles.push_back(std::move(profile));
        });
        note(ReferenceHolder::Role, store(std::move(r)), places);
    }

    void readPolicy(JsonFields &f)
    {
        ManagedPolicy p;
        p.name = f.string("PolicyName", true);
        p.path = pathOr(f);
        p.arn = f.string("Arn", true);
        p.awsId = f.string("PolicyId");
        p.description = f.string("Description");
        p.createDate = f.string("CreateDate");
        p.updateDate = f.string("UpdateDate");
        p.defaultVersionId = f.string("DefaultVersionId");
        f.forEachObject("PolicyVersionList", [&](JsonFields &v) {
            PolicyVersion version;
            version.versionId = v.string("VersionId", true);
            version.isDefault = v.boolean("IsDefaultVersion", false);
            version.createDate = v.string("CreateDate");
            auto doc = document(v, "Document");
            // A version without its id is skipped (the finding says why): a workspace names every version.
            if (!doc || version.versionId.empty())
                return;
            version.document = std::move(*doc);
            p.versions.push_back(std::move(version));
        });
        if (p.name.empty())
            return;
        if (!p.isAwsManaged())
            m_ws.ensureAccount(accountOfArn(p.arn));
        m_ws.add(std::move(p));
    }

    Diagnostics &m_out;
    Workspace m_ws;
    ReferenceSites m_sites;
};

} // namespace

bool isGaadDocument(const JsonValue &root)
{
    return root.isObject()
        && (root.find("UserDetailList") || root.find("GroupDetailList") || root.find("RoleDetailList")
            || root.find("Policies"));
}

struct GaadImporter::Reader {
    Diagnostics findings;
    GaadReader reader { findings };
};

GaadImporter::GaadImporter()
    : m_reader(std::make_unique<Reader>())
{
}

GaadImporter::~GaadImporter() = default;

bool GaadImporter::take(std::string_view list, std::size_t index, JsonValue &entry)
{
    return m_reader->reader.readEntry(list, std::string(list) + "[" + std::to_string(index) + "]", entry);
}

GaadImportResult GaadImporter::finish(JsonValue &root)
{
    GaadImportResult result;
    if (!isGaadDocument(root)) {
        result.diagnostics.push_back(makeDiagnostic(CheckCode::GaadFormatError, root.range,
            "this is not the output of `aws iam get-account-authorization-details`: it has none of "
            "UserDetailList, GroupDetailList, RoleDetailList or Policies"));
        return result;
    }
    result.workspace = m_reader->reader.finish(root);
    result.diagnostics = std::move(m_reader->findings);
    return result;
}

GaadImportResult importGaad(JsonValue &&root)
{
    return GaadImporter().finish(root);
}

GaadImportResult importGaad(std::string_view text)
{
    // Entries are imported as they are read, so that the JSON of the whole account is never held at once.
    GaadImporter importer;
    JsonReadOptions options;
    options.takeRootListElement = [&importer](const JsonValue &, std::string_view list, std::size_t index,
                                      JsonValue &entry) { return importer.take(list, index, entry); };
    JsonReadResult json = readJson(text, options);
    if (!json.isExact()) {
        GaadImportResult result;
        result.diagnostics = std::move(json.diagnostics);
        return result;
    }
    GaadImportResult result = importer.finish(*json.value);
    result.diagnostics.insert(result.diagnostics.begin(), json.diagnostics.begin(), json.diagnostics.end());
    return result;
}

Diagnostics mergeListRoles(Workspace &workspace, std::string_view text)
{
    // The first role of each ARN and of each name, as a scan in workspace order would find them.
    std::unordered_map<std::string_view, Role *> byArn;
    std::unordered_map<std::string_view, Role *> byName;
    byArn.reserve(workspace.roles.size());
    byName.reserve(workspace.roles.size());
    for (Role &r : workspace.roles) {
        byArn.emplace(r.arn, &r);
        byName.emplace(r.name, &r);
    }
    // Entries are read as the JSON reader reads them (the JSON of the whole list would be 4 to 10 times its text);
    // what they say is applied once the whole text has read exactly.
    struct Change {
        Role *role = nullptr;
        std::optional<std::string> description;
        std::optional<int> duration;
    };
    std::vector<Change> changes;
    Diagnostics entryFindings;
    const auto readEntry = [&](JsonValue &item, std::size_t index) {
        const std::string path = "Roles[" + std::to_string(index) + "]";
        if (!item.isObject()) {
            entryFindings.push_back(
                makeDiagnostic(CheckCode::GaadFormatError, item.range, "`" + path + "` must be an object"));
            return;
        }
        JsonFields f(item, path, entryFindings, CheckCode::GaadFormatError, false);
        const std::string arn = f.string("Arn");
        const std::string name = f.string("RoleName");
        Change change;
        if (!arn.empty()) {
            if (const auto found = byArn.find(arn); found != byArn.end())
                change.role = found->second;
        } else if (const auto found = byName.find(name); found != byName.end()) {
            change.role = found->second;
        }
        if (!change.role) {
            entryFindings.push_back(makeDiagnostic(CheckCode::GaadFormatWarning, item.range,
                "`" + path + "`: the role `" + (arn.empty() ? name : arn)
                    + "` is not in the workspace; its details were not merged"));
            return;
        }
        if (JsonValue *description = f.value("Description"); description && description->isString())
            change.description = std::move(description->text);
        change.duration = sessionDuration(f);
        changes.push_back(std::move(change));
    };
    JsonReadOptions options;
    options.takeRootListElement = [&](const JsonValue &, std::string_view list, std::size_t index, JsonValue &item) {
        if (list != "Roles")
            return false;
        readEntry(item, index);
        return true;
    };
    JsonReadResult json = readJson(text, options);
    Diagnostics out = std::move(json.diagnostics);
    if (!json.isExact())
        return out;
    JsonValue &root = *json.value;
    if (!root.isObject() || !root.find("Roles")) {
        out.push_back(makeDiagnostic(CheckCode::GaadFormatError, root.range,
            "this is not the output of `aws iam list-roles`: it has no `Roles` list"));
        return out;
    }
    // Every element of a `Roles` list was read as the text was; this reports a `Roles` that is not a list.
    JsonFields top(root, "", out, CheckCode::GaadFormatError, false);
    top.array("Roles", true);
    for (Change &change : changes) {
        if (change.description)
            change.role->description = std::move(*change.description);
        if (change.duration)
            change.role->maxSessionDuration = *change.duration;
    }
    out.insert(out.end(), entryFindings.begin(), entryFindings.end());
    return out;
}

} // namespace rd::core
