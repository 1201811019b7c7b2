// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The condition keys of a request and their values. Key names are case-insensitive (IAM User Guide, "IAM JSON
/// policy elements: Condition": "Condition key names are not case-sensitive"); values are kept as given.
class RequestContext
{
public:
    struct Entry {
        /// Lower case, for lookups.
        std::string key;
        /// As given, for messages.
        std::string name;
        std::vector<std::string> values;
        /// Given as an array: a multivalued key, even with one value.
        bool multivalued = false;
    };

    /// Sets a key, replacing any earlier value of the same key.
    void set(std::string_view key, std::vector<std::string> values, bool multivalued);
    void set(std::string_view key, std::string value) { set(key, { std::move(value) }, false); }

    /// The entry for a key already in lower case, or nullptr.
    const Entry *find(std::string_view lowerKey) const;
    const std::vector<Entry> &entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
};

} // namespace rd::core
