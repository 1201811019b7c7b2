// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "base/TextUtil.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace rd::core
{

std::size_t validUtf8Length(std::string_view text, std::size_t pos)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    const unsigned char c = s[pos];
    if (c < 0x80)
        return 1;
    auto cont = [&](std::size_t i) { return pos + i < n && (s[pos + i] & 0xC0) == 0x80; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        const unsigned char c1 = s[pos + 1];
        if (c == 0xE0 && c1 < 0xA0)
            return 0; // overlong
        if (c == 0xED && c1 >= 0xA0)
            return 0; // UTF-16 surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        const unsigned char c1 = s[pos + 1];
        if (c == 0xF0 && c1 < 0x90)
            return 0; // overlong
        if (c == 0xF4 && c1 >= 0x90)
            return 0; // above U+10FFFF
        return 4;
    }
    return 0;
}

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos)
{
    const std::size_t length = validUtf8Length(text, pos);
    return length == 0 ? 1 : length;
}

char32_t codePointAt(std::string_view text, std::size_t pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
    switch (validUtf8Length(text, pos)) {
    case 1:
        return byte(0);
    case 2:
        return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    case 3:
        return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    case 4:
        return ((byte(0) & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    default:
        return U'\uFFFD';
    }
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); i += utf8SequenceLength(text, i))
        ++count;
    return count;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace
{
constexpr char kHexDigits[] = "0123456789ABCDEF";
}

std::string hex2(unsigned value)
{
    return { kHexDigits[(value >> 4) & 0xF], kHexDigits[value & 0xF] };
}

std::string hex4(unsigned value)
{
    return hex2(value >> 8) + hex2(value & 0xFF);
}

std::optional<std::string_view> wideUnicodeEncoding(std::string_view text)
{
    auto at = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0x100U; };
    // Byte order marks, UTF-32 first: its little-endian mark begins with UTF-16's.
    if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0)
        return "UTF-32 (little-endian)";
    if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF)
        return "UTF-32 (big-endian)";
    if (at(0) == 0xFF && at(1) == 0xFE)
        return "UTF-16 (little-endian)";
    if (at(0) == 0xFE && at(1) == 0xFF)
        return "UTF-16 (big-endian)";
    if (text.size() < 4)
        return std::nullopt;
    const bool nul[4] = { at(0) == 0, at(1) == 0, at(2) == 0, at(3) == 0 };
    if (nul[0] && nul[1] && nul[2] && !nul[3])
        return "UTF-32 (big-endian)";
    if (!nul[0] && nul[1] && nul[2] && nul[3])
        return "UTF-32 (little-endian)";
    if (nul[0] && !nul[1] && nul[2] && !nul[3])
        return "UTF-16 (big-endian)";
    if (!nul[0] && nul[1] && !nul[2] && nul[3])
        return "UTF-16 (little-endian)";
    return std::nullopt;
}

void appendJsonString(std::string &out, std::string_view value)
{
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(value.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += hex2(c);
            break;
        }
    }
    out.append(value.data() + runStart, value.size() - runStart);
    out += '"';
}

bool percentDecode(std::string_view in, std::string &out)
{
    out.clear();
    out.reserve(in.size());
    auto digit = [](char h) -> int {
        if (h >= '0' && h <= '9')
            return h - '0';
        if (h >= 'a' && h <= 'f')
            return h - 'a' + 10;
        if (h >= 'A' && h <= 'F')
            return h - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '%') {
            out += in[i];
            continue;
        }
        if (i + 2 >= in.size())
            return false;
        const int hi = digit(in[i + 1]);
        const int lo = digit(in[i + 2]);
        if (hi < 0 || lo < 0)
            return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

void addIgnoringCase(std::vector<std::string> &list, std::string_view value)
{
    if (std::none_of(list.begin(), list.end(), [&](const std::string &item) { return equalsIgnoreCase(item, value); }))
        list.emplace_back(value);
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = static_cast<char>(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool base64Decode(std::string_view in, std::string &out)
{
    out.clear();
    while (!in.empty() && in.back() == '=')
        in.remove_suffix(1);
    unsigned buffer = 0;
    int bits = 0;
    for (char c : in) {
        int value = -1;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= 'a' && c <= 'z')
            value = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            value = c - '0' + 52;
        else if (c == '+')
            value = 62;
        else if (c == '/')
            value = 63;
        if (value < 0)
            return false;
        buffer = (buffer << 6) | static_cast<unsigned>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return bits < 6;
}

std::optional<double> parseDecimal(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc {} || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace rd::core
