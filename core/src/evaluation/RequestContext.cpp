// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/RequestContext.h"

#include "base/TextUtil.h"

namespace rd::core
{

void RequestContext::set(std::string_view key, std::vector<std::string> values, bool multivalued)
{
    std::string lower = toLower(key);
    for (Entry &entry : m_entries) {
        if (entry.key == lower) {
            entry.name = std::string(key);
            entry.values = std::move(values);
            entry.multivalued = multivalued;
            return;
        }
    }
    m_entries.push_back(Entry { std::move(lower), std::string(key), std::move(values), multivalued });
}

const RequestContext::Entry *RequestContext::find(std::string_view lowerKey) const
{
    // Requests carry a handful of keys: a linear scan beats any index here.
    for (const Entry &entry : m_entries) {
        if (entry.key == lowerKey)
            return &entry;
    }
    return nullptr;
}

} // namespace rd::core
