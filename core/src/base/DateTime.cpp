// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/DateTime.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace rd::core
{

namespace
{

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view &text, std::size_t count, int &value)
{
    if (text.size() < count)
        return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    text.remove_prefix(count);
    return true;
}

bool take(std::string_view &text, char c)
{
    if (text.empty() || text.front() != c)
        return false;
    text.remove_prefix(1);
    return true;
}

unsigned daysInMonth(int year, int month)
{
    static constexpr unsigned kDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<double> parseIso(std::string_view text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(text, 4, year) || !take(text, '-') || !digits(text, 2, month) || !take(text, '-')
        || !digits(text, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return std::nullopt;
    double seconds =
        static_cast<double>(daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) * 86400.0;
    if (text.empty())
        return seconds;
    if (!take(text, 'T') && !take(text, 't'))
        return std::nullopt;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!digits(text, 2, hour) || !take(text, ':') || !digits(text, 2, minute))
        return std::nullopt;
    double fraction = 0;
    if (take(text, ':')) {
        if (!digits(text, 2, second))
            return std::nullopt;
        if (take(text, '.')) {
            double scale = 0.1;
            std::size_t count = 0;
            while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
                fraction += (text.front() - '0') * scale;
                scale /= 10;
                text.remove_prefix(1);
                ++count;
            }
            if (count == 0)
                return std::nullopt;
        }
    }
    if (hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute != 0 || second != 0)))
        return std::nullopt;
    seconds += hour * 3600.0 + minute * 60.0 + second + fraction;
    if (text.empty() || text == "Z" || text == "z")
        return seconds;
    const char sign = text.front();
    if (sign != '+' && sign != '-')
        return std::nullopt;
    text.remove_prefix(1);
    int offsetHours = 0;
    int offsetMinutes = 0;
    if (!digits(text, 2, offsetHours))
        return std::nullopt;
    take(text, ':');
    if (!text.empty() && !digits(text, 2, offsetMinutes))
        return std::nullopt;
    if (!text.empty() || offsetHours > 23 || offsetMinutes > 59)
        return std::nullopt;
    const double offset = offsetHours * 3600.0 + offsetMinutes * 60.0;
    return sign == '+' ? seconds - offset : seconds + offset;
}

} // namespace

std::optional<double> parseDateTime(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    if (text.size() >= 10 && text[4] == '-')
        return parseIso(text);
    double epoch = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), epoch);
    if (ec != std::errc {} || end != text.data() + text.size() || !std::isfinite(epoch))
        return std::nullopt;
    return epoch;
}

} // namespace rd::core
