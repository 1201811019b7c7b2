// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "workspace/ReferenceSites.h"

#include "rd/core/base/CheckCodes.h"

#include <functional>
#include <unordered_map>

namespace rd::core
{

namespace
{

/// A reference by its holder and place, for looking up where it stood.
struct SiteKey {
    std::uint64_t id = 0;
    std::size_t index = 0;
    ReferenceHolder holder = ReferenceHolder::Role;
    ReferenceField field = ReferenceField::AttachedPolicy;
    friend bool operator==(const SiteKey &, const SiteKey &) = default;
};

struct SiteKeyHash {
    std::size_t operator()(const SiteKey &key) const
    {
        std::size_t h = std::hash<std::uint64_t>()(key.id);
        h = h * 31 + key.index;
        h = h * 31 + static_cast<std::size_t>(key.holder);
        return h * 31 + static_cast<std::size_t>(key.field);
    }
};

std::string message(const EntityReference &r, bool fromExport)
{
    const std::string holder = std::string(referenceHolderName(r.holder)) + " `" + r.holderName + "`";
    std::string text;
    switch (r.field) {
    case ReferenceField::GroupMembership:
        text = holder + " is in the group `" + r.value + "`, which its account does not have in the workspace";
        break;
    case ReferenceField::PermissionsBoundary:
        text = holder + " has the permissions boundary `" + r.value
            + "`, a customer managed policy the workspace does not have";
        break;
    default:
        text = holder + " attaches `" + r.value + "`, a customer managed policy the workspace does not have";
        break;
    }
    text += ": the analysis leaves it out";
    if (fromExport)
        text += " (an export made with --filter holds only the kinds of entity it names)";
    return text;
}

} // namespace

void ReferenceSites::add(
    ReferenceHolder holder, std::uint64_t id, ReferenceField field, std::size_t index, SourceRange range)
{
    m_sites.push_back(Site { id, static_cast<std::uint32_t>(index), holder, field, range });
}

Diagnostics ReferenceSites::findings(const Workspace &workspace, bool fromExport) const
{
    const std::vector<EntityReference> dangling = findDanglingReferences(workspace);
    Diagnostics out;
    if (dangling.empty())
        return out;
    std::unordered_map<SiteKey, std::size_t, SiteKeyHash> wanted;
    wanted.reserve(dangling.size());
    for (std::size_t i = 0; i < dangling.size(); ++i) {
        const EntityReference &r = dangling[i];
        wanted.emplace(SiteKey { r.holderId, r.index, r.holder, r.field }, i);
    }
    std::vector<SourceRange> ranges(dangling.size());
    for (const Site &site : m_sites) {
        const auto found = wanted.find(SiteKey { site.id, site.index, site.holder, site.field });
        if (found != wanted.end())
            ranges[found->second] = site.range;
    }
    out.reserve(dangling.size());
    for (std::size_t i = 0; i < dangling.size(); ++i)
        out.push_back(makeDiagnostic(CheckCode::DanglingReference, ranges[i], message(dangling[i], fromExport)));
    // In the order of the file, as the reader's other findings.
    sortByPosition(out);
    return out;
}

} // namespace rd::core
