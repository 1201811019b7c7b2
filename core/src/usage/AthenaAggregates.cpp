// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/AthenaAggregates.h"

#include <algorithm>
#include <charconv>

namespace rd::core
{

namespace
{

// One CSV record from `text` at `pos` (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks);
// false at the end of the text.
bool nextRecord(std::string_view text, std::size_t &pos, std::vector<std::string> &fields, std::size_t &line)
{
    fields.clear();
    if (pos >= text.size())
        return false;
    std::string field;
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"') {
                if (pos < text.size() && text[pos] == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            ++line;
            break;
        } else if (c != '\r') {
            field += c;
        }
    }
    fields.push_back(std::move(field));
    return true;
}

} // namespace

const std::vector<std::string_view> &AthenaAggregates::columns()
{
    static const std::vector<std::string_view> names { "principal", "event_source", "event_name", "error_code",
        "assumed_role", "calls", "first_time", "last_time" };
    return names;
}

std::string AthenaAggregates::read(std::string_view csv, UsageCollector &collector, std::size_t &rows)
{
    rows = 0;
    std::size_t pos = 0;
    std::size_t line = 1;
    std::vector<std::string> fields;
    if (csv.substr(0, 3) == "\xEF\xBB\xBF")
        pos = 3;
    if (!nextRecord(csv, pos, fields, line))
        return "the file is empty: expected the header row of docs/cloudtrail-athena.sql's result";
    std::vector<std::size_t> index;
    for (std::string_view name : columns()) {
        const auto it = std::find(fields.begin(), fields.end(), name);
        if (it == fields.end())
            return "the header row has no `" + std::string(name)
                + "` column: is this docs/cloudtrail-athena.sql's result?";
        index.push_back(static_cast<std::size_t>(it - fields.begin()));
    }
    while (true) {
        const std::size_t at = line;
        if (!nextRecord(csv, pos, fields, line))
            break;
        if (fields.size() == 1 && fields[0].empty())
            continue;
        const std::string where = "line " + std::to_string(at) + ": ";
        if (fields.size() <= *std::max_element(index.begin(), index.end()))
            return where + "fewer fields than the header";
        auto field = [&](std::size_t column) -> const std::string & { return fields[index[column]]; };
        std::uint64_t calls = 0;
        const std::string &count = field(5);
        if (std::from_chars(count.data(), count.data() + count.size(), calls).ec != std::errc {})
            return where + "calls `" + count + "` is not a number";
        const std::optional<long long> first = UsageCollector::parseEventTime(field(6));
        const std::optional<long long> last = UsageCollector::parseEventTime(field(7));
        if (!first || !last)
            return where + "first_time and last_time must be times like 2026-01-02T03:04:05Z";
        collector.addAggregate(field(0), field(1), field(2), field(3), calls, *first, *last, field(4));
        ++rows;
    }
    return {};
}

} // namespace rd::core
