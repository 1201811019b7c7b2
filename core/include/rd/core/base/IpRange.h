// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rd::core
{

/// An IPv4 or IPv6 address block, as IpAddress and NotIpAddress compare them (IAM User Guide, "IP address condition
/// operators": RFC 4632 CIDR notation; a bare address is a /32 or /128).
class IpRange
{
public:
    /// `203.0.113.0/24`, `2001:DB8:1234:5678::/64`, `198.51.100.7`, `::ffff:1.2.3.4`...
    static std::optional<IpRange> parse(std::string_view text);

    bool isV6() const { return m_v6; }
    int prefixLength() const { return m_prefix; }
    /// True when every address of `other` is in this block, same family only.
    bool contains(const IpRange &other) const;
    /// True when the written address had bits set beyond the prefix (`10.0.0.1/8`).
    bool hasHostBits() const { return m_hostBits; }

private:
    std::array<std::uint8_t, 16> m_bytes {};
    int m_prefix = 0;
    bool m_v6 = false;
    bool m_hostBits = false;
};

} // namespace rd::core
