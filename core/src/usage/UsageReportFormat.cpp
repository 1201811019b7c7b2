// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/UsageReportFormat.h"

#include "json/JsonTextWriter.h"
#include "rd/core/sts/StsSimulator.h"

#include <sstream>

namespace rd::core
{

namespace
{

constexpr AccessLevel kLevels[] = { AccessLevel::List, AccessLevel::Read, AccessLevel::Write,
    AccessLevel::PermissionsManagement, AccessLevel::Tagging };

void number(JsonTextWriter &out, std::uint64_t value)
{
    out.number(std::to_string(value));
}

void time(JsonTextWriter &out, long long value)
{
    if (value == 0)
        out.null();
    else
        out.string(usageTime(value));
}

void optionalTime(JsonTextWriter &out, const std::optional<long long> &value)
{
    if (!value)
        out.null();
    else
        out.string(usageTime(*value));
}

void writeUsage(JsonTextWriter &out, const PrincipalUsage &u)
{
    out.key("firstUsed");
    time(out, u.firstUsed);
    out.key("lastUsed");
    time(out, u.lastUsed);
    out.key("calls");
    number(out, u.calls);
    out.key("deniedCalls");
    number(out, u.deniedCalls);
    out.key("actions");
    out.beginArray();
    for (const ActionUsage &a : u.actions) {
        out.beginObject();
        out.key("action");
        out.string(a.action);
        out.key("accessLevel");
        out.string(accessLevelName(a.accessLevel));
        out.key("count");
        number(out, a.count);
        out.key("firstUsed");
        time(out, a.firstUsed);
        out.key("lastUsed");
        time(out, a.lastUsed);
        out.key("resources");
        out.beginArray();
        for (const std::string &r : a.resources)
            out.string(r);
        out.endArray();
        if (a.moreResources) {
            out.key("moreResources");
            out.boolean(true);
        }
        out.endObject();
    }
    out.endArray();
    out.key("denied");
    out.beginArray();
    for (const DeniedCalls &d : u.denied) {
        out.beginObject();
        out.key("action");
        out.string(d.action);
        out.key("errorCode");
        out.string(d.errorCode);
        out.key("count");
        number(out, d.count);
        out.key("lastAttempt");
        time(out, d.lastAttempt);
        out.endObject();
    }
    out.endArray();
    out.key("unmapped");
    out.beginArray();
    for (const UnmappedCalls &m : u.unmapped) {
        out.beginObject();
        out.key("eventSource");
        out.string(m.eventSource);
        out.key("eventName");
        out.string(m.eventName);
        out.key("count");
        number(out, m.count);
        out.key("lastUsed");
        time(out, m.lastUsed);
        out.endObject();
    }
    out.endArray();
    out.key("assumedBy");
    out.beginArray();
    for (const Assumer &a : u.assumedBy) {
        out.beginObject();
        out.key("principal");
        out.string(a.principal);
        out.key("count");
        number(out, a.count);
        out.key("denied");
        number(out, a.denied);
        out.key("lastAssumed");
        time(out, a.lastAssumed);
        out.endObject();
    }
    out.endArray();
    out.key("callsPerDay");
    out.beginArray();
    for (const DailyCalls &d : u.callsPerDay) {
        out.beginObject();
        out.key("day");
        out.string(usageTime(d.day).substr(0, 10));
        out.key("count");
        number(out, d.count);
        out.endObject();
    }
    out.endArray();
}

std::string levelCounts(const std::array<std::size_t, 5> &counts)
{
    std::string out;
    for (AccessLevel level : kLevels) {
        const std::size_t n = counts[static_cast<std::size_t>(level)];
        if (n == 0)
            continue;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(accessLevelName(level));
    }
    return out;
}

} // namespace

std::string usageTime(long long epochSeconds)
{
    return formatIsoTime(epochSeconds);
}

std::string usageReportJson(const UsageReport &report)
{
    JsonTextWriter out(true);
    out.beginObject();
    out.key("window");
    out.beginObject();
    out.key("since");
    optionalTime(out, report.since);
    out.key("until");
    optionalTime(out, report.until);
    out.key("firstRecord");
    time(out, report.firstRecord);
    out.key("lastRecord");
    time(out, report.lastRecord);
    out.endObject();
    out.key("files");
    number(out, report.read.files);
    out.key("records");
    number(out, report.read.records);
    out.key("recordsInWindow");
    number(out, report.recordsInWindow);
    out.key("serviceEvents");
    number(out, report.serviceEvents);
    out.key("skipped");
    number(out, report.read.skipped());
    out.key("skippedDigests");
    number(out, report.read.skippedDigests);
    out.key("skippedOther");
    number(out, report.read.skippedOther);
    out.key("errors");
    out.beginArray();
    for (const CloudTrailFileError &e : report.read.errors) {
        out.beginObject();
        out.key("file");
        out.string(e.path);
        out.key("reason");
        out.string(e.reason);
        out.endObject();
    }
    out.endArray();
    out.key("roles");
    out.beginArray();
    for (const RoleUsage &role : report.roles) {
        out.beginObject();
        out.key("arn");
        out.string(role.usage.arn);
        out.key("name");
        out.string(role.name);
        out.key("used");
        out.boolean(role.usage.used());
        writeUsage(out, role.usage);
        out.key("grantedActions");
        number(out, role.grantedActions);
        out.key("unusedActions");
        number(out, role.unusedActions);
        out.key("unused");
        out.beginArray();
        for (const UnusedService &service : role.unused) {
            out.beginObject();
            out.key("service");
            out.string(service.prefix);
            out.key("name");
            out.string(service.name);
            out.key("byAccessLevel");
            out.beginObject();
            for (AccessLevel level : kLevels) {
                out.key(accessLevelName(level));
                number(out, service.countByLevel[static_cast<std::size_t>(level)]);
            }
            out.endObject();
            out.key("actions");
            out.beginArray();
            for (const UnusedAction &a : service.actions) {
                out.beginObject();
                out.key("action");
                out.string(a.action);
                out.key("accessLevel");
                out.string(accessLevelName(a.accessLevel));
                out.endObject();
            }
            out.endArray();
            out.endObject();
        }
        out.endArray();
        out.endObject();
    }
    out.endArray();
    out.key("neverUsed");
    out.beginArray();
    for (const RoleUsage &role : report.roles) {
        if (!role.usage.used())
            out.string(role.usage.arn);
    }
    out.endArray();
    out.key("otherPrincipals");
    out.beginArray();
    for (const PrincipalUsage &p : report.otherPrincipals) {
        out.beginObject();
        out.key("principal");
        out.string(p.arn);
        writeUsage(out, p);
        out.endObject();
    }
    out.endArray();
    out.endObject();
    return out.take();
}

std::string usageReportText(const UsageReport &report)
{
    std::ostringstream out;
    out << report.read.files << " files, " << report.read.records << " records (" << report.recordsInWindow
        << " in the window, " << report.serviceEvents << " service events), " << report.read.skipped()
        << " files skipped (" << report.read.skippedDigests << " digests, " << report.read.skippedOther << " other)\n";
    out << "window: " << (report.since ? usageTime(*report.since) : std::string("open")) << " to "
        << (report.until ? usageTime(*report.until) : std::string("open"));
    if (report.firstRecord)
        out << ", records from " << usageTime(report.firstRecord) << " to " << usageTime(report.lastRecord);
    out << '\n';
    for (const CloudTrailFileError &e : report.read.errors)
        out << "unreadable: " << e.path << ": " << e.reason << '\n';
    for (const RoleUsage &role : report.roles) {
        const PrincipalUsage &u = role.usage;
        out << '\n' << "role " << u.arn << '\n';
        if (u.used()) {
            out << "  used " << u.calls << " times, first " << usageTime(u.firstUsed) << ", last "
                << usageTime(u.lastUsed) << '\n';
        } else {
            out << "  never used in the window\n";
        }
        for (const ActionUsage &a : u.actions) {
            out << "  " << a.action << "  " << a.count << " calls, last " << usageTime(a.lastUsed);
            if (!a.resources.empty()) {
                out << ", on ";
                for (std::size_t i = 0; i < a.resources.size() && i < 3; ++i)
                    out << (i ? ", " : "") << a.resources[i];
                if (a.resources.size() > 3 || a.moreResources)
                    out << " and more";
            }
            out << '\n';
        }
        for (const DeniedCalls &d : u.denied)
            out << "  denied " << d.action << " (" << d.errorCode << ")  " << d.count << " calls\n";
        for (const UnmappedCalls &m : u.unmapped)
            out << "  unmapped " << m.eventSource << " " << m.eventName << "  " << m.count << " calls\n";
        for (const Assumer &a : u.assumedBy) {
            out << "  assumed by " << a.principal << "  " << a.count << " times";
            if (a.denied)
                out << ", " << a.denied << " denied";
            out << '\n';
        }
        out << "  unused: " << role.unusedActions << " of " << role.grantedActions << " granted actions\n";
        for (const UnusedService &service : role.unused)
            out << "    " << service.prefix << ": " << levelCounts(service.countByLevel) << '\n';
    }
    std::size_t never = 0;
    for (const RoleUsage &role : report.roles)
        never += role.usage.used() ? 0 : 1;
    if (!report.roles.empty())
        out << '\n' << never << " of " << report.roles.size() << " roles never used\n";
    if (!report.otherPrincipals.empty()) {
        out << '\n' << "other principals:\n";
        for (const PrincipalUsage &p : report.otherPrincipals) {
            out << "  " << p.arn << "  " << p.calls << " calls";
            if (p.deniedCalls)
                out << ", " << p.deniedCalls << " denied";
            if (p.lastUsed)
                out << ", last " << usageTime(p.lastUsed);
            out << '\n';
        }
    }
    return out.str();
}

} // namespace rd::core
