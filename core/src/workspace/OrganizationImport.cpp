// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/OrganizationImport.h"

#include "json/JsonFields.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"

#include <set>

namespace rd::core
{

namespace
{

/// A policy document held as a JSON string (Organizations' Content, the services' get-policy output) or an object.
/// Its ranges become the string's own range: the decoded text is not in the file.
std::optional<Policy> documentOf(JsonFields &f, std::string_view key, CheckCode code, Diagnostics &out)
{
    JsonValue *value = f.value(key);
    if (!value || value->isNull())
        return std::nullopt;
    const SourceRange range = value->range;
    const std::string where = f.childPath(key);
    ParseResult parsed;
    if (value->isString()) {
        parsed = parsePolicy(value->text);
    } else if (value->isObject()) {
        parsed = policyFromJson(std::move(*value));
    } else {
        out.push_back(makeDiagnostic(code, range,
            "`" + where + "` must be the policy JSON as a string, not " + std::string(jsonTypeName(value->type))));
        return std::nullopt;
    }
    if (!parsed.isUsable()) {
        std::string reason = "not a policy document";
        for (const Diagnostic &d : parsed.diagnostics) {
            if (d.severity == Severity::Error) {
                reason = d.message;
                break;
            }
        }
        out.push_back(makeDiagnostic(code, range, "`" + where + "`: " + reason + "; the policy was skipped"));
        return std::nullopt;
    }
    setSourceRanges(*parsed.policy, range);
    return std::move(parsed.policy);
}

/// The root of an import file, or nothing (with the reason) when the text is not a JSON object.
std::optional<JsonValue> rootOf(std::string_view text, CheckCode code, std::string_view what, Diagnostics &out)
{
    JsonReadResult json = readJson(text);
    const bool exact = json.isExact();
    out.insert(out.end(), json.diagnostics.begin(), json.diagnostics.end());
    if (!exact || !json.value)
        return std::nullopt;
    if (!json.value->isObject()) {
        out.push_back(makeDiagnostic(code, json.value->range, "an " + std::string(what) + " file holds a JSON object"));
        return std::nullopt;
    }
    return std::move(json.value);
}

} // namespace

OrganizationImportResult importOrganization(std::string_view text)
{
    OrganizationImportResult result;
    Diagnostics &out = result.diagnostics;
    constexpr CheckCode kCode = CheckCode::OrganizationFormatError;
    std::optional<JsonValue> root = rootOf(text, kCode, "organization", out);
    if (!root)
        return result;
    JsonFields top(*root, "", out, kCode, false);
    JsonValue *orgValue = top.object("Organization", true);
    if (!orgValue)
        return result;
    Organization org;
    JsonFields::readObject(*orgValue, "Organization", out, kCode, false, [&](JsonFields &f) {
        org.id = f.string("Id", true);
        org.arn = f.string("Arn");
        org.featureSet = f.string("FeatureSet");
        // describe-organization still names the management account `Master...`.
        org.managementAccountId = f.string("MasterAccountId");
        if (org.managementAccountId.empty())
            org.managementAccountId = f.string("ManagementAccountId");
        org.managementAccountArn = f.string("MasterAccountArn");
        if (org.managementAccountArn.empty())
            org.managementAccountArn = f.string("ManagementAccountArn");
        org.managementAccountEmail = f.string("MasterAccountEmail");
        if (org.managementAccountEmail.empty())
            org.managementAccountEmail = f.string("ManagementAccountEmail");
    });
    if (org.id.empty())
        return result;
    // ListRoots: "an organization has one root".
    std::size_t roots = 0;
    top.forEachObject("Roots", [&](JsonFields &f) {
        if (roots++ == 0) {
            org.rootId = f.string("Id", true);
            org.rootArn = f.string("Arn");
            org.rootName = f.string("Name");
        } else {
            f.error(f.value("Id") ? f.value("Id")->range : SourceRange {},
                "`" + f.path() + "`: an organization has one root; this one was skipped");
        }
    });
    if (org.rootId.empty()) {
        out.push_back(makeDiagnostic(kCode, root->range, "the organization file has no `Roots` entry"));
        return result;
    }
    std::set<std::string> nodes { org.rootId };
    std::vector<std::pair<OrganizationalUnit, SourceRange>> units;
    top.forEachObject("OrganizationalUnits", [&](JsonFields &f) {
        OrganizationalUnit u { f.string("Id", true), f.string("Arn"), f.string("Name"), f.string("ParentId", true) };
        const JsonValue *parent = f.value("ParentId");
        if (!u.id.empty() && !u.parentId.empty() && nodes.insert(u.id).second)
            units.emplace_back(std::move(u), parent ? parent->range : SourceRange {});
    });
    // Parents may come after their children in the file: every OU is known before any parent is checked.
    for (auto &[unit, range] : units) {
        if (!nodes.count(unit.parentId)) {
            out.push_back(makeDiagnostic(kCode, range,
                "the parent `" + unit.parentId + "` of OU `" + unit.id + "` is not in the file; the OU was skipped"));
            continue;
        }
        org.units.push_back(std::move(unit));
    }
    top.forEachObject("Accounts", [&](JsonFields &f) {
        OrganizationAccount a { f.string("Id", true), f.string("Arn"), f.string("Name"), f.string("Email"),
            f.string("Status"), f.string("ParentId", true) };
        if (a.id.empty() || a.parentId.empty())
            return;
        if (!nodes.count(a.parentId)) {
            f.error(f.value("ParentId")->range,
                "the parent `" + a.parentId + "` of account `" + a.id
                    + "` is not in the file; the account was skipped");
            return;
        }
        if (org.account(a.id)) {
            f.error(f.value("Id")->range, "the account `" + a.id + "` is listed twice; the second was skipped");
            return;
        }
        nodes.insert(a.id);
        org.accounts.push_back(std::move(a));
    });
    top.forEachObject("Policies", [&](JsonFields &f) {
        OrganizationPolicy p;
        JsonValue *summary = f.object("PolicySummary", true);
        if (!summary)
            return;
        std::string type;
        JsonFields::readObject(*summary, f.childPath("PolicySummary"), out, kCode, false, [&](JsonFields &s) {
            p.id = s.string("Id", true);
            p.arn = s.string("Arn");
            p.name = s.string("Name");
            p.description = s.string("Description");
            type = s.string("Type", true);
            p.awsManaged = s.boolean("AwsManaged", false);
        });
        const std::optional<OrganizationPolicyType> policyType = organizationPolicyTypeFromName(type);
        // Tag, backup, AI opt-out and chatbot policies do not authorize requests.
        if (p.id.empty() || !policyType)
            return;
        p.type = *policyType;
        std::optional<Policy> document = documentOf(f, "Content", kCode, out);
        if (!document) {
            if (!f.value("Content"))
                f.error(summary->range, "`" + f.path() + "` has no `Content`; the policy was skipped");
            return;
        }
        p.document = std::move(*document);
        f.forEachObject("Targets", [&](JsonFields &t) {
            std::string target = t.string("TargetId", true);
            if (target.empty())
                return;
            if (!nodes.count(target)) {
                t.error(t.value("TargetId")->range,
                    "policy `" + p.name + "` is attached to `" + target + "`, which the file does not hold; "
                        + "that attachment was skipped");
                return;
            }
            p.targetIds.push_back(std::move(target));
        });
        org.policies.push_back(std::move(p));
    });
    result.organization = std::move(org);
    return result;
}

void setOrganization(Workspace &workspace, Organization organization)
{
    for (Account &account : workspace.accounts) {
        if (const OrganizationAccount *placed = organization.account(account.accountId); placed && account.name.empty())
            account.name = placed->name;
    }
    workspace.organization = std::move(organization);
}

Diagnostics importResources(Workspace &workspace, std::string_view text)
{
    Diagnostics out;
    constexpr CheckCode kCode = CheckCode::ResourceListFormatError;
    std::optional<JsonValue> root = rootOf(text, kCode, "resources", out);
    if (!root)
        return out;
    std::set<std::string> known;
    for (const Resource &r : workspace.resources)
        known.insert(r.arn);
    JsonFields top(*root, "", out, kCode, false);
    if (!top.array("Resources", true))
        return out;
    top.forEachObject("Resources", [&](JsonFields &f) {
        Resource r;
        r.arn = f.string("Arn", true);
        r.type = f.string("Type");
        r.accountId = f.string("AccountId");
        if (r.accountId.empty())
            r.accountId = accountOfArn(r.arn);
        r.name = f.string("Name");
        if (r.arn.empty())
            return;
        if (!known.insert(r.arn).second) {
            f.error(f.value("Arn")->range, "the resource `" + r.arn + "` is listed twice; the second was skipped");
            return;
        }
        if (f.value("Policy") && !f.value("Policy")->isNull()) {
            r.policy = documentOf(f, "Policy", kCode, out);
            if (!r.policy)
                return;
        }
        if (r.name.empty()) {
            const std::size_t cut = r.arn.find_last_of(":/");
            r.name = cut == std::string::npos ? r.arn : r.arn.substr(cut + 1);
        }
        workspace.add(std::move(r));
    });
    return out;
}

} // namespace rd::core
