// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/UsageCollector.h"

#include "base/TextUtil.h"
#include "rd/core/base/DateTime.h"
#include "usage/ActionResources.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace rd::core
{

namespace
{

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view> {}(text); }
};
template <typename T> using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// What one (event source, event name) pair means, worked out once per collector.
struct EventKind {
    MappedAction mapped;
    std::optional<ActionResources> resources;
    /// sts:AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity (AWS STS API Reference).
    bool assume = false;
    /// `eventSource/EventName`: how an unmapped event is named.
    std::string name;
};

struct ActionStats {
    AccessLevel accessLevel = AccessLevel::Read;
    std::uint64_t count = 0;
    long long first = 0;
    long long last = 0;
    std::set<std::string> resources;
    bool more = false;
};

struct CountStats {
    std::uint64_t count = 0;
    long long last = 0;
};

struct AssumerStats {
    std::uint64_t count = 0;
    std::uint64_t denied = 0;
    long long last = 0;
};

struct PrincipalStats {
    std::uint64_t calls = 0;
    std::uint64_t denied = 0;
    long long first = 0;
    long long last = 0;
    StringMap<ActionStats> actions;
    /// (action or eventSource/EventName, errorCode)
    std::map<std::pair<std::string, std::string>, CountStats> deniedCalls;
    /// (eventSource, eventName)
    std::map<std::pair<std::string, std::string>, CountStats> unmapped;
    std::map<long long, std::uint64_t> days;
};

void widen(long long &first, long long &last, long long time)
{
    if (first == 0 || time < first)
        first = time;
    if (time > last)
        last = time;
}

void addResources(ActionStats &stats, const std::vector<std::string> &resources)
{
    for (const std::string &arn : resources) {
        if (stats.resources.size() < kMaxResourcesPerAction)
            stats.resources.insert(arn);
        else if (!stats.resources.count(arn))
            stats.more = true;
    }
}

// 1970-01-01 + days, for the civil date (Howard Hinnant's days_from_civil).
long long daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::string_view principalOf(const CloudTrailEvent &event)
{
    if (!event.sessionIssuerArn.empty())
        return event.sessionIssuerArn;
    if (!event.identityArn.empty())
        return event.identityArn;
    if (!event.invokedBy.empty())
        return event.invokedBy;
    if (!event.identityProvider.empty())
        return event.identityProvider;
    if (!event.principalId.empty())
        return event.principalId;
    if (!event.identityType.empty())
        return event.identityType;
    return "unknown";
}

// The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`); `aws` for anything else.
std::string_view partitionOf(std::string_view arn)
{
    if (arn.substr(0, 4) != "arn:")
        return "aws";
    const std::size_t end = arn.find(':', 4);
    return end == std::string_view::npos ? std::string_view("aws") : arn.substr(4, end - 4);
}

} // namespace

namespace
{

void addCall(PrincipalStats &p, const EventKind &kind, std::string_view errorCode, std::uint64_t count, long long first,
    long long last, const std::vector<std::string> &resources)
{
    if (!errorCode.empty()) {
        p.denied += count;
        CountStats &stats =
            p.deniedCalls[{ kind.mapped.mapped() ? kind.mapped.action : kind.name, std::string(errorCode) }];
        stats.count += count;
        stats.last = std::max(stats.last, last);
        return;
    }
    p.calls += count;
    widen(p.first, p.last, first);
    widen(p.first, p.last, last);
    p.days[first - (first % 86400 + 86400) % 86400] += count;
    if (!kind.mapped.mapped()) {
        const std::size_t slash = kind.name.find('/');
        CountStats &stats = p.unmapped[{ kind.name.substr(0, slash), kind.name.substr(slash + 1) }];
        stats.count += count;
        stats.last = std::max(stats.last, last);
        return;
    }
    auto it = p.actions.find(kind.mapped.action);
    if (it == p.actions.end()) {
        it = p.actions.emplace(kind.mapped.action, ActionStats {}).first;
        it->second.accessLevel = kind.mapped.info->accessLevel;
    }
    ActionStats &stats = it->second;
    stats.count += count;
    widen(stats.first, stats.last, first);
    widen(stats.first, stats.last, last);
    addResources(stats, resources);
}

} // namespace

struct UsageCollector::Private {
    const ServiceCatalog &catalog;
    CloudTrailActionMap actionMap;
    std::optional<long long> since;
    std::optional<long long> until;
    StringMap<EventKind> kinds;
    StringMap<PrincipalStats> principals;
    /// role ARN -> caller -> stats
    StringMap<StringMap<AssumerStats>> assumers;
    std::uint64_t recordsInWindow = 0;
    std::uint64_t serviceEvents = 0;
    long long firstRecord = 0;
    long long lastRecord = 0;
    std::string key;
    std::vector<std::string> resources;

    explicit Private(const ServiceCatalog &c)
        : catalog(c)
        , actionMap(c)
    {
    }

    const EventKind &kindOf(std::string_view source, std::string_view name)
    {
        key.assign(source);
        key += '/';
        key += name;
        if (auto it = kinds.find(key); it != kinds.end())
            return it->second;
        EventKind kind;
        kind.mapped = actionMap.map(source, name);
        if (kind.mapped.mapped())
            kind.resources.emplace(*kind.mapped.service, *kind.mapped.info);
        kind.assume = source == "sts.amazonaws.com" && name.substr(0, 10) == "AssumeRole";
        kind.name = key;
        return kinds.emplace(key, std::move(kind)).first->second;
    }

    PrincipalStats &principal(std::string_view arn)
    {
        if (auto it = principals.find(arn); it != principals.end())
            return it->second;
        return principals.emplace(std::string(arn), PrincipalStats {}).first->second;
    }

    bool inWindow(long long time) const { return (!since || time >= *since) && (!until || time <= *until); }

    void assumed(std::string_view role, std::string_view caller, bool denied, std::uint64_t count, long long time)
    {
        auto it = assumers.find(role);
        if (it == assumers.end())
            it = assumers.emplace(std::string(role), StringMap<AssumerStats> {}).first;
        auto callerIt = it->second.find(caller);
        if (callerIt == it->second.end())
            callerIt = it->second.emplace(std::string(caller), AssumerStats {}).first;
        AssumerStats &stats = callerIt->second;
        (denied ? stats.denied : stats.count) += count;
        stats.last = std::max(stats.last, time);
    }
};

UsageCollector::UsageCollector(
    std::optional<long long> since, std::optional<long long> until, const ServiceCatalog &catalog)
    : d(std::make_unique<Private>(catalog))
{
    d->since = since;
    d->until = until;
}

UsageCollector::~UsageCollector() = default;

std::optional<long long> UsageCollector::parseEventTime(std::string_view t)
{
    // CloudTrail writes `YYYY-MM-DDTHH:MM:SSZ`; read that directly, anything else through parseDateTime.
    auto digits = [&](std::size_t at, std::size_t n, unsigned &out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            const char c = t[i];
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + static_cast<unsigned>(c - '0');
        }
        return true;
    };
    unsigned year = 0;
    unsigned month = 0;
    unsigned day = 0;
    unsigned hour = 0;
    unsigned minute = 0;
    unsigned second = 0;
    if (t.size() == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z'
        && digits(0, 4, year) && digits(5, 2, month) && digits(8, 2, day) && digits(11, 2, hour)
        && digits(14, 2, minute) && digits(17, 2, second) && month >= 1 && month <= 12 && day >= 1 && day <= 31
        && hour < 24 && minute < 60 && second < 61) {
        return daysFromCivil(year, month, day) * 86400 + hour * 3600LL + minute * 60LL + second;
    }
    const std::optional<double> parsed = parseDateTime(t);
    if (!parsed)
        return std::nullopt;
    return static_cast<long long>(std::floor(*parsed));
}

void UsageCollector::consume(const CloudTrailEvent &event)
{
    const std::optional<long long> time = parseEventTime(event.eventTime);
    if (!time || !d->inWindow(*time))
        return;
    ++d->recordsInWindow;
    widen(d->firstRecord, d->lastRecord, *time);
    // AWS CloudTrail User Guide, "CloudTrail record contents": eventType AwsServiceEvent is "an event generated by an
    // AWS service" itself, not a call made with a principal's credentials.
    if (event.eventType == "AwsServiceEvent") {
        ++d->serviceEvents;
        return;
    }
    const EventKind &kind = d->kindOf(event.eventSource, event.eventName);
    const std::string_view principal = principalOf(event);
    if (kind.assume) {
        const std::string_view role = event.requestParameter("roleArn");
        if (!role.empty())
            d->assumed(role, principal, !event.errorCode.empty(), 1, *time);
    }
    PrincipalStats &p = d->principal(principal);
    if (kind.resources && event.errorCode.empty())
        kind.resources->resourcesOf(event, partitionOf(principal), d->resources);
    else
        d->resources.clear();
    addCall(p, kind, event.errorCode, 1, *time, *time, d->resources);
}

void UsageCollector::addAggregate(std::string_view principal, std::string_view eventSource, std::string_view eventName,
    std::string_view errorCode, std::uint64_t count, long long first, long long last, std::string_view assumedRole)
{
    if (count == 0)
        return;
    // A row counts when it lies in the window; a row across an edge cannot be split and counts whole.
    if ((d->since && last < *d->since) || (d->until && first > *d->until))
        return;
    d->recordsInWindow += count;
    widen(d->firstRecord, d->lastRecord, first);
    widen(d->firstRecord, d->lastRecord, last);
    const EventKind &kind = d->kindOf(eventSource, eventName);
    if (kind.assume && !assumedRole.empty())
        d->assumed(assumedRole, principal, !errorCode.empty(), count, last);
    d->resources.clear();
    addCall(d->principal(principal), kind, errorCode, count, first, last, d->resources);
}

void UsageCollector::merge(UsageCollector &other)
{
    Private &o = *other.d;
    d->recordsInWindow += o.recordsInWindow;
    d->serviceEvents += o.serviceEvents;
    if (o.firstRecord) {
        widen(d->firstRecord, d->lastRecord, o.firstRecord);
        widen(d->firstRecord, d->lastRecord, o.lastRecord);
    }
    for (auto &[arn, theirs] : o.principals) {
        PrincipalStats &mine = d->principal(arn);
        mine.calls += theirs.calls;
        mine.denied += theirs.denied;
        if (theirs.first) {
            widen(mine.first, mine.last, theirs.first);
            widen(mine.first, mine.last, theirs.last);
        }
        for (auto &[action, stats] : theirs.actions) {
            auto it = mine.actions.find(action);
            if (it == mine.actions.end()) {
                mine.actions.emplace(action, std::move(stats));
                continue;
            }
            ActionStats &m = it->second;
            m.count += stats.count;
            widen(m.first, m.last, stats.first);
            widen(m.first, m.last, stats.last);
            m.more = m.more || stats.more;
            addResources(m, std::vector<std::string>(stats.resources.begin(), stats.resources.end()));
        }
        for (const auto &[k, stats] : theirs.deniedCalls) {
            CountStats &m = mine.deniedCalls[k];
            m.count += stats.count;
            m.last = std::max(m.last, stats.last);
        }
        for (const auto &[k, stats] : theirs.unmapped) {
            CountStats &m = mine.unmapped[k];
            m.count += stats.count;
            m.last = std::max(m.last, stats.last);
        }
        for (const auto &[day, count] : theirs.days)
            mine.days[day] += count;
    }
    for (const auto &[role, callers] : o.assumers) {
        for (const auto &[caller, stats] : callers) {
            d->assumed(role, caller, false, stats.count, stats.last);
            d->assumed(role, caller, true, stats.denied, stats.last);
        }
    }
    o.principals.clear();
    o.assumers.clear();
}

std::vector<PrincipalUsage> UsageCollector::principals() const
{
    std::map<std::string, PrincipalUsage> out;
    for (const auto &[arn, p] : d->principals) {
        PrincipalUsage u;
        u.arn = arn;
        u.calls = p.calls;
        u.deniedCalls = p.denied;
        u.firstUsed = p.first;
        u.lastUsed = p.last;
        for (const auto &[action, stats] : p.actions) {
            ActionUsage a;
            a.action = action;
            a.accessLevel = stats.accessLevel;
            a.count = stats.count;
            a.firstUsed = stats.first;
            a.lastUsed = stats.last;
            a.resources.assign(stats.resources.begin(), stats.resources.end());
            a.moreResources = stats.more;
            u.actions.push_back(std::move(a));
        }
        std::sort(u.actions.begin(), u.actions.end(), [](const ActionUsage &a, const ActionUsage &b) {
            return std::tie(b.count, a.action) < std::tie(a.count, b.action);
        });
        for (const auto &[k, stats] : p.deniedCalls)
            u.denied.push_back({ k.first, k.second, stats.count, stats.last });
        std::stable_sort(u.denied.begin(), u.denied.end(),
            [](const DeniedCalls &a, const DeniedCalls &b) { return a.count > b.count; });
        for (const auto &[k, stats] : p.unmapped)
            u.unmapped.push_back({ k.first, k.second, stats.count, stats.last });
        std::stable_sort(u.unmapped.begin(), u.unmapped.end(),
            [](const UnmappedCalls &a, const UnmappedCalls &b) { return a.count > b.count; });
        for (const auto &[day, count] : p.days)
            u.callsPerDay.push_back({ day, count });
        out.emplace(arn, std::move(u));
    }
    for (const auto &[role, callers] : d->assumers) {
        auto it = out.find(role);
        if (it == out.end()) {
            PrincipalUsage u;
            u.arn = role;
            it = out.emplace(role, std::move(u)).first;
        }
        for (const auto &[caller, stats] : callers)
            it->second.assumedBy.push_back({ caller, stats.count, stats.denied, stats.last });
        std::sort(it->second.assumedBy.begin(), it->second.assumedBy.end(), [](const Assumer &a, const Assumer &b) {
            return std::tie(b.count, a.principal) < std::tie(a.count, b.principal);
        });
    }
    std::vector<PrincipalUsage> list;
    list.reserve(out.size());
    for (auto &[arn, u] : out)
        list.push_back(std::move(u));
    return list;
}

std::uint64_t UsageCollector::recordsInWindow() const
{
    return d->recordsInWindow;
}

std::uint64_t UsageCollector::serviceEvents() const
{
    return d->serviceEvents;
}

long long UsageCollector::firstRecord() const
{
    return d->firstRecord;
}

long long UsageCollector::lastRecord() const
{
    return d->lastRecord;
}

std::optional<long long> UsageCollector::since() const
{
    return d->since;
}

std::optional<long long> UsageCollector::until() const
{
    return d->until;
}

} // namespace rd::core
