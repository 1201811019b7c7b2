// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/IpRange.h"

#include <charconv>
#include <vector>

namespace rd::core
{

namespace
{

bool parseV4(std::string_view text, std::uint8_t *out)
{
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (text.empty() || text.front() != '.')
                return false;
            text.remove_prefix(1);
        }
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        const auto used = static_cast<std::size_t>(end - text.data());
        if (ec != std::errc {} || used == 0 || used > 3 || value > 255)
            return false;
        out[part] = static_cast<std::uint8_t>(value);
        text.remove_prefix(used);
    }
    return text.empty();
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// RFC 4291 text forms: eight groups, `::` once, an IPv4 tail.
bool parseV6(std::string_view text, std::uint8_t *out)
{
    std::vector<std::uint16_t> head;
    std::vector<std::uint16_t> tail;
    bool compressed = false;
    std::vector<std::uint16_t> *groups = &head;
    if (text.substr(0, 2) == "::") {
        compressed = true;
        groups = &tail;
        text.remove_prefix(2);
    }
    while (!text.empty()) {
        const std::size_t colon = text.find(':');
        const std::string_view group = text.substr(0, colon);
        if (group.find('.') != std::string_view::npos) {
            std::uint8_t v4[4];
            if (colon != std::string_view::npos || !parseV4(group, v4))
                return false;
            groups->push_back(static_cast<std::uint16_t>(v4[0] << 8 | v4[1]));
            groups->push_back(static_cast<std::uint16_t>(v4[2] << 8 | v4[3]));
            text = {};
            break;
        }
        if (group.empty() || group.size() > 4)
            return false;
        unsigned value = 0;
        for (char c : group) {
            const int h = hexValue(c);
            if (h < 0)
                return false;
            value = value << 4 | static_cast<unsigned>(h);
        }
        groups->push_back(static_cast<std::uint16_t>(value));
        if (colon == std::string_view::npos) {
            text = {};
            break;
        }
        text.remove_prefix(colon + 1);
        if (!text.empty() && text.front() == ':') {
            if (compressed)
                return false;
            compressed = true;
            groups = &tail;
            text.remove_prefix(1);
        } else if (text.empty()) {
            return false;
        }
    }
    const std::size_t count = head.size() + tail.size();
    if (compressed ? count > 7 : count != 8)
        return false;
    std::size_t i = 0;
    for (std::uint16_t g : head) {
        out[i++] = static_cast<std::uint8_t>(g >> 8);
        out[i++] = static_cast<std::uint8_t>(g & 0xff);
    }
    for (std::size_t zero = 0; zero < 8 - count; ++zero) {
        out[i++] = 0;
        out[i++] = 0;
    }
    for (std::uint16_t g : tail) {
        out[i++] = static_cast<std::uint8_t>(g >> 8);
        out[i++] = static_cast<std::uint8_t>(g & 0xff);
    }
    return true;
}

} // namespace

std::optional<IpRange> IpRange::parse(std::string_view text)
{
    IpRange range;
    std::string_view address = text;
    std::optional<int> prefix;
    if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
        address = text.substr(0, slash);
        const std::string_view digits = text.substr(slash + 1);
        int value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc {} || end != digits.data() + digits.size() || digits.empty())
            return std::nullopt;
        prefix = value;
    }
    if (address.find(':') != std::string_view::npos) {
        range.m_v6 = true;
        if (!parseV6(address, range.m_bytes.data()))
            return std::nullopt;
    } else if (!parseV4(address, range.m_bytes.data())) {
        return std::nullopt;
    }
    const int bits = range.m_v6 ? 128 : 32;
    range.m_prefix = prefix.value_or(bits);
    if (range.m_prefix < 0 || range.m_prefix > bits)
        return std::nullopt;
    // Keep the network part only, remembering whether host bits were written.
    for (int bit = range.m_prefix; bit < bits; ++bit) {
        std::uint8_t &byte = range.m_bytes[static_cast<std::size_t>(bit / 8)];
        const auto mask = static_cast<std::uint8_t>(0x80 >> (bit % 8));
        if (byte & mask) {
            range.m_hostBits = true;
            byte = static_cast<std::uint8_t>(byte & ~mask);
        }
    }
    return range;
}

bool IpRange::contains(const IpRange &other) const
{
    if (m_v6 != other.m_v6 || other.m_prefix < m_prefix)
        return false;
    const int fullBytes = m_prefix / 8;
    for (int i = 0; i < fullBytes; ++i) {
        if (m_bytes[static_cast<std::size_t>(i)] != other.m_bytes[static_cast<std::size_t>(i)])
            return false;
    }
    const int rest = m_prefix % 8;
    if (rest == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
    return (m_bytes[static_cast<std::size_t>(fullBytes)] & mask)
        == (other.m_bytes[static_cast<std::size_t>(fullBytes)] & mask);
}

} // namespace rd::core
