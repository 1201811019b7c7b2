// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace rd::core
{

/// A date condition value as seconds since 1970-01-01T00:00:00Z (IAM User Guide, "Date condition operators": "W3C
/// implementations of the ISO 8601 date formats" or epoch time). Accepts `2026-01-01`, `2026-01-01T12:30Z`,
/// `2026-01-01T12:30:00Z`, fractions of a second, `+02:00`/`-0500` offsets, a time with no zone (UTC), and integer
/// or decimal epoch seconds.
std::optional<double> parseDateTime(std::string_view text);

} // namespace rd::core
