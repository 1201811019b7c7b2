// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "evaluation/CompiledPolicyCache.h"

#include <functional>
#include <utility>

namespace rd::core
{

namespace
{

constexpr std::size_t kSeenSlots = std::size_t { 1 } << 12;

} // namespace

CompiledPolicyCache::CompiledPolicyCache(std::size_t maxEntries, std::size_t maxTextBytes)
    : m_maxEntries(maxEntries)
    , m_maxTextBytes(maxTextBytes)
    , m_seen(kSeenSlots, 0)
{
}

CompiledPolicyCache::Key CompiledPolicyCache::key(PolicyKind kind, std::string_view text)
{
    return Key { kind, text, std::hash<std::string_view> {}(text) };
}

std::shared_ptr<const CompiledPolicy> CompiledPolicyCache::find(const Key &key)
{
    const auto slot = static_cast<std::size_t>(key.kind);
    const Map &newer = m_newer.byKind.at(slot);
    if (auto it = newer.find(key); it != newer.end())
        return it->second;
    const Map &older = m_older.byKind.at(slot);
    auto it = older.find(key);
    if (it == older.end())
        return nullptr;
    std::shared_ptr<const CompiledPolicy> policy = it->second;
    add(key, policy);
    return policy;
}

void CompiledPolicyCache::insert(const Key &key, std::shared_ptr<const CompiledPolicy> policy)
{
    if (key.text.size() > kMaxDocumentBytes || m_maxEntries == 0)
        return;
    // The fingerprint mixes in the kind: the same text checked as another kind is another document. Never 0, the
    // empty slot.
    const std::uint64_t fingerprint = (key.hash ^ (static_cast<std::uint64_t>(key.kind) * 0x9E3779B97F4A7C15ULL)) | 1U;
    std::uint64_t &seen = m_seen[fingerprint % m_seen.size()];
    if (seen != fingerprint) {
        seen = fingerprint;
        return;
    }
    add(key, std::move(policy));
}

void CompiledPolicyCache::add(const Key &key, std::shared_ptr<const CompiledPolicy> policy)
{
    if (m_newer.entries + 1 > m_maxEntries || m_newer.textBytes + key.text.size() > m_maxTextBytes)
        m_older = std::exchange(m_newer, Generation {});
    auto [it, inserted] = m_newer.byKind.at(static_cast<std::size_t>(key.kind))
                              .try_emplace(Entry { std::string(key.text), key.hash }, nullptr);
    if (inserted) {
        ++m_newer.entries;
        m_newer.textBytes += key.text.size();
    }
    it->second = std::move(policy);
}

std::size_t CompiledPolicyCache::size() const
{
    return m_newer.entries + m_older.entries;
}

} // namespace rd::core
