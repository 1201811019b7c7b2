// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "graph/DenyCover.h"

#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <algorithm>
#include <array>

namespace rd::core
{

namespace
{

std::string_view textOf(const CompiledPattern &p)
{
    return p.any ? std::string_view("*") : std::string_view(p.pattern);
}

bool withinAny(const std::vector<std::string> &patterns, std::string_view text)
{
    return std::any_of(
        patterns.begin(), patterns.end(), [&](const std::string &p) { return p == "*" || wildcardMatch(p, text); });
}

} // namespace

DenyCover combine(DenyCover a, DenyCover b)
{
    return std::min(a, b);
}

DenyCover actionCover(const CompiledStatement &deny, std::string_view action)
{
    const auto within = [&](const CompiledPattern &p) { return actionPatternMatches(p, action); };
    const auto overlaps = [&](const CompiledPattern &p) { return patternsOverlap(textOf(p), action); };
    switch (deny.actionMode) {
    case ElementMode::Absent:
        return DenyCover::None;
    case ElementMode::Positive:
        if (std::any_of(deny.actions.begin(), deny.actions.end(), within))
            return DenyCover::Full;
        return std::any_of(deny.actions.begin(), deny.actions.end(), overlaps) ? DenyCover::Partial : DenyCover::None;
    case ElementMode::Negative:
        // NotAction: the deny covers every action except its patterns.
        if (std::any_of(deny.actions.begin(), deny.actions.end(), within))
            return DenyCover::None;
        return std::any_of(deny.actions.begin(), deny.actions.end(), overlaps) ? DenyCover::Partial : DenyCover::Full;
    }
    return DenyCover::None;
}

DenyCover notActionCover(const CompiledStatement &deny, const std::vector<std::string> &excluded)
{
    const auto excludedByGrant = [&](const CompiledPattern &p) { return withinAny(excluded, textOf(p)); };
    switch (deny.actionMode) {
    case ElementMode::Absent:
        return DenyCover::None;
    case ElementMode::Positive:
        if (std::any_of(deny.actions.begin(), deny.actions.end(), [](const CompiledPattern &p) { return p.any; }))
            return DenyCover::Full;
        return std::all_of(deny.actions.begin(), deny.actions.end(), excludedByGrant) ? DenyCover::None
                                                                                      : DenyCover::Partial;
    case ElementMode::Negative:
        // Both are "everything except": the grant lies within the deny when the deny's exceptions lie within the
        // grant's.
        if (std::any_of(deny.actions.begin(), deny.actions.end(), [](const CompiledPattern &p) { return p.any; }))
            return DenyCover::None;
        return std::all_of(deny.actions.begin(), deny.actions.end(), excludedByGrant) ? DenyCover::Full
                                                                                      : DenyCover::Partial;
    }
    return DenyCover::None;
}

std::string bucketOfObject(std::string_view arn)
{
    std::array<std::string_view, 6> fields;
    if (!splitArn(arn, fields) || fields[2] != "s3" || !fields[3].empty() || !fields[4].empty())
        return {};
    const std::size_t slash = fields[5].find('/');
    if (slash == std::string_view::npos || slash == 0)
        return {};
    const std::size_t bucketEnd = static_cast<std::size_t>(fields[5].data() - arn.data()) + slash;
    return std::string(arn.substr(0, bucketEnd));
}

bool resourceGovernedBy(std::string_view arn, std::string_view attachedTo)
{
    return arn == attachedTo || (!attachedTo.empty() && bucketOfObject(arn) == attachedTo);
}

DenyCover resourceCover(const CompiledStatement &deny, std::string_view pattern, std::string_view attachedTo)
{
    // The grant's pattern lies within the deny's (resourcePatternWithin); a pattern with policy variables is known
    // only per request, so it covers nothing whole.
    const auto within = [&](const CompiledPattern &p) {
        return p.any || (!p.variables && resourcePatternWithin(pattern, p.pattern));
    };
    const auto overlaps = [&](const CompiledPattern &p) { return patternsOverlap(textOf(p), pattern); };
    DenyCover cover = DenyCover::None;
    switch (deny.resourceMode) {
    case ElementMode::Absent:
        // A resource-based policy may omit Resource: it is then the resource the policy is attached to.
        cover = attachedTo.empty() ? DenyCover::None : DenyCover::Full;
        break;
    case ElementMode::Positive:
        if (std::any_of(deny.resources.begin(), deny.resources.end(), within))
            cover = DenyCover::Full;
        else if (std::any_of(deny.resources.begin(), deny.resources.end(), overlaps))
            cover = DenyCover::Partial;
        break;
    case ElementMode::Negative:
        if (std::any_of(deny.resources.begin(), deny.resources.end(), within))
            cover = DenyCover::None;
        else if (std::any_of(deny.resources.begin(), deny.resources.end(), overlaps))
            cover = DenyCover::Partial;
        else
            cover = DenyCover::Full;
        break;
    }
    if (attachedTo.empty() || cover == DenyCover::None)
        return cover;
    DenyCover scope = DenyCover::None;
    if (resourceGovernedBy(pattern, attachedTo))
        scope = DenyCover::Full;
    else if (patternsOverlap(pattern, attachedTo) || patternsOverlap(pattern, std::string(attachedTo) + "/*"))
        scope = DenyCover::Partial;
    return combine(cover, scope);
}

bool denyCoversArn(const GraphDeny &deny, std::string_view arn)
{
    if (!deny.compiled || !statementUsable(*deny.compiled))
        return false;
    if (deny.attachedTo.empty())
        return resourceMatches(*deny.compiled, arn);
    return resourceGovernedBy(arn, deny.attachedTo) && resourceMatches(*deny.compiled, arn, true);
}

bool denyMatches(const GraphDeny &deny, std::string_view lowerAction, std::string_view arn)
{
    return denyCoversArn(deny, arn) && actionMatches(*deny.compiled, lowerAction);
}

bool principalCoversNode(const CompiledStatement &statement, const GraphNode &node)
{
    bool any = false;
    for (const CompiledPrincipal &p : statement.principals) {
        switch (p.kind) {
        case CompiledPrincipal::Kind::Any:
            any = true;
            break;
        case CompiledPrincipal::Kind::Account:
            any = any
                || (node.kind != GraphNodeKind::Service && node.kind != GraphNodeKind::Provider
                    && p.account == node.accountId);
            break;
        case CompiledPrincipal::Kind::Role:
            any = any || (node.kind == GraphNodeKind::Role && p.account == node.accountId && p.value == node.label);
            break;
        case CompiledPrincipal::Kind::Exact:
        case CompiledPrincipal::Kind::Service:
        case CompiledPrincipal::Kind::Provider:
            any = any || p.value == node.key;
            break;
        default:
            break;
        }
    }
    return statement.principalMode == ElementMode::Negative ? !any : any;
}

} // namespace rd::core
