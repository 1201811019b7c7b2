// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/UsageCollector.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The result of docs/cloudtrail-athena.sql as Amazon Athena saves it (CSV, RFC 4180: a header row, every field
/// quoted): one row per principal, event source, event name, error code and assumed role, with the number of calls
/// and the first and last eventTime. Reading it gives what reading the raw logs gives, less the resources and the
/// calls per day, which the query does not keep.
class AthenaAggregates
{
public:
    /// The columns the query returns, in its order: principal, event_source, event_name, error_code, assumed_role,
    /// calls, first_time, last_time. Columns are found by header name; others are ignored.
    static const std::vector<std::string_view> &columns();

    /// Adds every row to `collector`; returns why the text is not such a result (`line 3: calls is not a number`) or
    /// "" with `rows` counted.
    static std::string read(std::string_view csv, UsageCollector &collector, std::size_t &rows);
};

} // namespace rd::core
