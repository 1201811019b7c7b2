// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "sts/EffectivePermissionsBuilder.h"

#include "base/TextUtil.h"
#include "graph/DenyCover.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/evaluation/StatementMatch.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace rd::core
{

namespace
{

// A statement with the policy and the layer it belongs to.
struct LayeredStatement {
    const CompiledPolicy *policy = nullptr;
    const CompiledStatement *statement = nullptr;
    PolicyType type = PolicyType::Identity;
};

// A Resource pattern: the form compared (escaped; a policy variable read as `*`, which may match more than the
// variable will) and the form shown (as written).
struct Pattern {
    std::string compared;
    std::string text;
    bool variable = false;
};

Pattern patternOf(const CompiledPattern &p)
{
    if (p.any)
        return { "*", p.text, false };
    if (!p.variables)
        return { p.pattern, p.text, false };
    std::string compared;
    for (std::size_t i = 0; i < p.text.size(); ++i) {
        const std::size_t close = p.text.compare(i, 2, "${") == 0 ? p.text.find('}', i) : std::string::npos;
        if (close != std::string::npos) {
            compared += '*';
            i = close;
        } else {
            compared += p.text[i];
        }
    }
    return { compared, p.text, true };
}

// `inner` lies within `outer`. A pattern with a variable is never taken as the outer one: its `*` stands for one
// value per request.
bool within(const Pattern &inner, const Pattern &outer)
{
    if (inner.compared == outer.compared && inner.variable == outer.variable)
        return true;
    return !outer.variable && resourcePatternWithin(inner.compared, outer.compared);
}

bool overlap(const Pattern &a, const Pattern &b)
{
    return patternsOverlap(a.compared, b.compared);
}

// What an EffectiveResource is while it is built: the patterns the resource must match (all of them), the patterns it
// must not, and the conditions that decide.
struct Grant {
    std::vector<Pattern> patterns;
    std::vector<Pattern> except;
    std::vector<EffectiveCondition> conditions;
};

bool samePatterns(const std::vector<Pattern> &a, const std::vector<Pattern> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Pattern &x, const Pattern &y) {
        return x.compared == y.compared && x.text == y.text;
    });
}

void addCondition(std::vector<EffectiveCondition> &conditions, const EffectiveCondition &condition)
{
    const bool seen = std::any_of(conditions.begin(), conditions.end(), [&](const EffectiveCondition &c) {
        return c.policy == condition.policy && c.statement == condition.statement && c.type == condition.type;
    });
    if (!seen)
        conditions.push_back(condition);
}

EffectiveCondition conditionOf(const LayeredStatement &s)
{
    EffectiveCondition condition;
    condition.type = s.type;
    condition.policy = s.policy->name();
    condition.statement = s.statement->index;
    condition.sid = s.statement->sid;
    condition.effect = s.statement->effect.value_or(Effect::Allow);
    for (const CompiledCondition &c : s.statement->conditions) {
        if (std::find(condition.keys.begin(), condition.keys.end(), c.keyText) == condition.keys.end())
            condition.keys.push_back(c.keyText);
    }
    return condition;
}

// The intersection of two grants, or nothing when they share no resource: the patterns of both, each dropped when
// another lies within it; the exceptions of both; the conditions of both.
std::optional<Grant> intersect(const Grant &a, const Grant &b)
{
    std::vector<Pattern> kept;
    auto add = [&](const Pattern &p) {
        if (std::any_of(kept.begin(), kept.end(), [&](const Pattern &k) { return within(k, p); }))
            return;
        kept.erase(
            std::remove_if(kept.begin(), kept.end(), [&](const Pattern &k) { return within(p, k); }), kept.end());
        kept.push_back(p);
    };
    for (const Pattern &p : a.patterns)
        add(p);
    for (const Pattern &p : b.patterns)
        add(p);
    for (std::size_t i = 0; i < kept.size(); ++i) {
        for (std::size_t j = i + 1; j < kept.size(); ++j) {
            if (!overlap(kept[i], kept[j]))
                return std::nullopt;
        }
    }
    Grant out;
    out.patterns = std::move(kept);
    for (const std::vector<Pattern> *list : { &a.except, &b.except }) {
        for (const Pattern &e : *list) {
            if (!overlap(out.patterns.front(), e))
                continue;
            if (!e.variable && std::any_of(out.patterns.begin(), out.patterns.end(), [&](const Pattern &p) {
                    return within(p, e);
                }))
                return std::nullopt;
            const bool seen = std::any_of(
                out.except.begin(), out.except.end(), [&](const Pattern &x) { return x.compared == e.compared; });
            if (!seen)
                out.except.push_back(e);
        }
    }
    out.conditions = a.conditions;
    for (const EffectiveCondition &c : b.conditions)
        addCondition(out.conditions, c);
    return out;
}

// A union of grants without repeats: equal patterns merge (unconditional when either is), and a grant that lies within
// an unconditional grant without exceptions goes.
void simplify(std::vector<Grant> &grants)
{
    std::vector<Grant> merged;
    for (Grant &g : grants) {
        auto same = std::find_if(merged.begin(), merged.end(),
            [&](const Grant &m) { return samePatterns(m.patterns, g.patterns) && samePatterns(m.except, g.except); });
        if (same == merged.end()) {
            merged.push_back(std::move(g));
        } else if (same->conditions.empty() || g.conditions.empty()) {
            same->conditions.clear();
        } else {
            for (const EffectiveCondition &c : g.conditions)
                addCondition(same->conditions, c);
        }
    }
    auto plain = [](const Grant &g) { return g.conditions.empty() && g.except.empty() && g.patterns.size() == 1; };
    std::vector<Grant> out;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        const Grant &grant = merged[i];
        bool covered = false;
        for (std::size_t j = 0; j < merged.size() && !covered; ++j) {
            const Grant &wider = merged[j];
            if (i == j || !plain(wider))
                continue;
            covered = std::any_of(grant.patterns.begin(), grant.patterns.end(),
                [&](const Pattern &p) { return within(p, wider.patterns.front()); });
            // Two plain grants that lie within each other (`a*` and `a**`): the first stays.
            if (covered && plain(grant) && within(wider.patterns.front(), grant.patterns.front()))
                covered = j < i;
        }
        if (!covered)
            out.push_back(std::move(merged[i]));
    }
    grants = std::move(out);
}

// The grants of one layer's Allow statements (those matching the action): a pattern each for Resource, `*` less the
// patterns for NotResource.
std::vector<Grant> grantsOf(const std::vector<const LayeredStatement *> &allows)
{
    std::vector<Grant> grants;
    for (const LayeredStatement *s : allows) {
        const CompiledStatement &statement = *s->statement;
        std::vector<EffectiveCondition> conditions;
        if (!statement.conditions.empty())
            conditions.push_back(conditionOf(*s));
        if (statement.resourceMode == ElementMode::Positive) {
            for (const CompiledPattern &p : statement.resources)
                grants.push_back({ { patternOf(p) }, {}, conditions });
        } else if (statement.resourceMode == ElementMode::Negative) {
            Grant g { { Pattern { "*", "*", false } }, {}, conditions };
            for (const CompiledPattern &p : statement.resources)
                g.except.push_back(patternOf(p));
            grants.push_back(std::move(g));
        }
    }
    simplify(grants);
    return grants;
}

std::vector<Grant> intersectAll(const std::vector<Grant> &left, const std::vector<Grant> &right)
{
    std::vector<Grant> out;
    for (const Grant &a : left) {
        for (const Grant &b : right) {
            if (std::optional<Grant> both = intersect(a, b))
                out.push_back(std::move(*both));
        }
    }
    simplify(out);
    return out;
}

// One Deny statement (matching the action) against the grants: an unconditional deny removes a grant whose patterns
// it covers, takes its Resource patterns out of one it covers in part (NotResource: narrows the grant to the patterns
// it spares); a conditional deny that touches a grant makes its condition decide.
void applyDeny(std::vector<Grant> &grants, const LayeredStatement &deny)
{
    const CompiledStatement &s = *deny.statement;
    std::vector<Grant> out;
    for (Grant &g : grants) {
        DenyCover cover = DenyCover::None;
        // The grant lies within each of its patterns (a variable's read as `*`, which holds more): covering one
        // covers the grant.
        for (const Pattern &p : g.patterns)
            cover = std::max(cover, resourceCover(s, p.compared));
        if (cover == DenyCover::None) {
            out.push_back(std::move(g));
            continue;
        }
        if (!s.conditions.empty()) {
            addCondition(g.conditions, conditionOf(deny));
            out.push_back(std::move(g));
            continue;
        }
        if (cover == DenyCover::Full)
            continue;
        if (s.resourceMode == ElementMode::Positive) {
            for (const CompiledPattern &p : s.resources) {
                const Pattern taken = patternOf(p);
                const bool seen = std::any_of(
                    g.except.begin(), g.except.end(), [&](const Pattern &e) { return e.compared == taken.compared; });
                if (!seen && overlap(g.patterns.front(), taken))
                    g.except.push_back(taken);
            }
            out.push_back(std::move(g));
        } else if (std::any_of(s.resources.begin(), s.resources.end(),
                       [](const CompiledPattern &p) { return p.variables.has_value(); })) {
            // NotResource with a policy variable: what it spares is known per request only; the grant stays whole.
            out.push_back(std::move(g));
        } else {
            // NotResource: what is left is the grant within the patterns the deny spares.
            for (const CompiledPattern &p : s.resources) {
                if (std::optional<Grant> kept = intersect(g, Grant { { patternOf(p) }, {}, {} }))
                    out.push_back(std::move(*kept));
            }
        }
    }
    grants = std::move(out);
    simplify(grants);
}

EffectiveResource resourceOf(const Grant &g)
{
    EffectiveResource r;
    r.pattern = g.patterns.front().text;
    for (std::size_t i = 1; i < g.patterns.size(); ++i)
        r.alsoMatching.push_back(g.patterns[i].text);
    for (const Pattern &e : g.except)
        r.except.push_back(e.text);
    r.conditions = g.conditions;
    return r;
}

} // namespace

EffectivePermissionsBuilder::EffectivePermissionsBuilder(std::vector<const CompiledPolicy *> identity,
    const CompiledPolicy *boundary, std::vector<const CompiledPolicy *> session, const ServiceCatalog &catalog)
    : m_identity(std::move(identity))
    , m_boundary(boundary)
    , m_session(std::move(session))
    , m_catalog(catalog)
{
}

EffectivePermissions EffectivePermissionsBuilder::build(std::size_t listLimit) const
{
    EffectivePermissions out;
    // Every usable statement of the three layers, in one list: an action's answer depends only on which of them match
    // it, so actions matched by the same statements share one computation.
    std::vector<LayeredStatement> statements;
    auto collect = [&](const CompiledPolicy *policy, PolicyType type) {
        for (const CompiledStatement &s : policy->statements()) {
            if (statementUsable(s))
                statements.push_back({ policy, &s, type });
        }
    };
    for (const CompiledPolicy *policy : m_identity)
        collect(policy, PolicyType::Identity);
    if (m_boundary)
        collect(m_boundary, PolicyType::PermissionsBoundary);
    for (const CompiledPolicy *policy : m_session)
        collect(policy, PolicyType::Session);

    // The candidates: every action an identity Allow statement names.
    std::map<std::string, std::pair<const ServiceInfo *, const ActionInfo *>> candidates;
    for (const LayeredStatement &layered : statements) {
        const CompiledStatement &statement = *layered.statement;
        if (layered.type != PolicyType::Identity || *statement.effect != Effect::Allow)
            continue;
        if (statement.actionMode == ElementMode::Positive) {
            for (const CompiledPattern &pattern : statement.actions) {
                for (const auto &entry : m_catalog.matchActions(pattern.text))
                    candidates.emplace(toLower(entry.first->prefix + ":" + entry.second->name), entry);
            }
        } else if (statement.actionMode == ElementMode::Negative) {
            for (const auto &entry : m_catalog.matchActions("*")) {
                std::string lower = toLower(entry.first->prefix + ":" + entry.second->name);
                if (actionMatches(statement, lower))
                    candidates.emplace(std::move(lower), entry);
            }
        }
    }

    std::map<std::vector<std::uint32_t>, std::vector<EffectiveResource>> answers;
    auto answerFor = [&](const std::vector<std::uint32_t> &matching) -> const std::vector<EffectiveResource> & {
        if (auto it = answers.find(matching); it != answers.end())
            return it->second;
        std::vector<const LayeredStatement *> identity;
        std::vector<const LayeredStatement *> boundary;
        std::vector<const LayeredStatement *> session;
        std::vector<const LayeredStatement *> denies;
        for (std::uint32_t i : matching) {
            const LayeredStatement &s = statements[i];
            if (*s.statement->effect == Effect::Deny)
                denies.push_back(&s);
            else if (s.type == PolicyType::Identity)
                identity.push_back(&s);
            else if (s.type == PolicyType::PermissionsBoundary)
                boundary.push_back(&s);
            else
                session.push_back(&s);
        }
        std::vector<Grant> grants = grantsOf(identity);
        if (m_boundary)
            grants = intersectAll(grants, grantsOf(boundary));
        if (!m_session.empty())
            grants = intersectAll(grants, grantsOf(session));
        for (const LayeredStatement *deny : denies)
            applyDeny(grants, *deny);
        std::vector<EffectiveResource> resources;
        resources.reserve(grants.size());
        for (const Grant &g : grants)
            resources.push_back(resourceOf(g));
        return answers.emplace(matching, std::move(resources)).first->second;
    };

    std::map<std::string, EffectiveService> services;
    std::size_t listed = 0;
    std::vector<std::uint32_t> matching;
    for (const auto &[lowerAction, entry] : candidates) {
        const auto &[serviceInfo, actionInfo] = entry;
        matching.clear();
        for (std::size_t i = 0; i < statements.size(); ++i) {
            if (actionMatches(*statements[i].statement, lowerAction))
                matching.push_back(static_cast<std::uint32_t>(i));
        }
        const std::vector<EffectiveResource> &resources = answerFor(matching);
        if (resources.empty())
            continue;
        EffectiveService &service = services[serviceInfo->prefix];
        service.prefix = serviceInfo->prefix;
        service.name = serviceInfo->name;
        ++service.countByLevel[static_cast<std::size_t>(actionInfo->accessLevel)];
        ++out.actionCount;
        if (listed < listLimit) {
            EffectiveAction action;
            action.action = serviceInfo->prefix + ":" + actionInfo->name;
            action.accessLevel = actionInfo->accessLevel;
            action.resources = resources;
            action.conditional = std::all_of(
                resources.begin(), resources.end(), [](const EffectiveResource &r) { return r.conditional(); });
            service.actions.push_back(std::move(action));
            ++listed;
        } else {
            ++out.unlisted;
        }
    }
    for (auto &[prefix, service] : services)
        out.services.push_back(std::move(service));
    out.notes.push_back(
        "Actions and resources are intersected: for each action, the Resource patterns of the role's Allow statements "
        "are narrowed to those the permissions boundary and the session policies (when present) allow for it, and "
        "unconditional Deny statements take out what they cover (wholly, or as exceptions). Conditions are not "
        "evaluated: each conditional resource names the statements whose conditions decide. Patterns are compared as "
        "wildcards; use a check for an exact answer on one resource.");
    return out;
}

std::string effectiveResourceText(const EffectiveResource &resource)
{
    std::string text = resource.pattern;
    for (const std::string &also : resource.alsoMatching)
        text += " and " + also;
    for (std::size_t i = 0; i < resource.except.size(); ++i)
        text += (i == 0 ? " except " : ", ") + resource.except[i];
    return text;
}

std::string effectiveConditionText(const EffectiveCondition &condition)
{
    std::string text = condition.effect == Effect::Allow ? "Allow condition of the " : "Deny condition of the ";
    switch (condition.type) {
    case PolicyType::PermissionsBoundary:
        text += "permissions boundary ";
        break;
    case PolicyType::Session:
        text += "session policy ";
        break;
    default:
        text += "identity-based policy ";
        break;
    }
    text += "`" + condition.policy + "`, statement " + std::to_string(condition.statement + 1);
    if (!condition.sid.empty())
        text += " (" + condition.sid + ")";
    for (std::size_t i = 0; i < condition.keys.size(); ++i)
        text += (i == 0 ? ": " : ", ") + condition.keys[i];
    return text;
}

} // namespace rd::core
