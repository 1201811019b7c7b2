// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/policy/PolicyKind.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rd::core
{

/// Compiled policies by kind and exact document text, so that a batch whose cases repeat a document (an SCP, a
/// managed policy) reads, checks and compiles it once. A document is kept from its second sighting on (a table of
/// fingerprints of documents seen once, of fixed size, says which), so that documents that never repeat cost no
/// churn. Bounded: two generations of at most `maxEntries` documents and `maxTextBytes` bytes of text each; when the
/// newer one is full it becomes the older one and the older one is dropped, so memory does not grow with the number
/// of cases; a hit in the older generation moves the document to the newer one. Not thread-safe: one per worker.
class CompiledPolicyCache
{
public:
    /// Documents longer than this are never kept.
    static constexpr std::size_t kMaxDocumentBytes = std::size_t { 64 } << 10;

    explicit CompiledPolicyCache(std::size_t maxEntries = 1024, std::size_t maxTextBytes = std::size_t { 1 } << 20);

    /// A document's text and kind, hashed once for find() and insert().
    struct Key {
        PolicyKind kind = PolicyKind::Identity;
        std::string_view text;
        std::size_t hash = 0;
    };
    static Key key(PolicyKind kind, std::string_view text);

    /// The policy compiled from the key's text as its kind, or nullptr.
    std::shared_ptr<const CompiledPolicy> find(const Key &key);
    /// Offers `policy`, compiled from the key's text as its kind (a policy that passed every check the batch
    /// makes); kept when the same document was offered before.
    void insert(const Key &key, std::shared_ptr<const CompiledPolicy> policy);

    /// Documents held.
    std::size_t size() const;

private:
    struct Entry {
        std::string text;
        std::size_t hash = 0;
    };
    struct EntryHash {
        using is_transparent = void;
        std::size_t operator()(const Entry &entry) const { return entry.hash; }
        std::size_t operator()(const Key &key) const { return key.hash; }
    };
    struct EntryEqual {
        using is_transparent = void;
        bool operator()(const Entry &a, const Entry &b) const { return a.text == b.text; }
        bool operator()(const Key &a, const Entry &b) const { return a.text == b.text; }
        bool operator()(const Entry &a, const Key &b) const { return a.text == b.text; }
    };
    using Map = std::unordered_map<Entry, std::shared_ptr<const CompiledPolicy>, EntryHash, EntryEqual>;
    struct Generation {
        std::array<Map, 5> byKind;
        std::size_t entries = 0;
        std::size_t textBytes = 0;
    };

    void add(const Key &key, std::shared_ptr<const CompiledPolicy> policy);

    std::size_t m_maxEntries;
    std::size_t m_maxTextBytes;
    Generation m_newer;
    Generation m_older;
    /// Fingerprints of documents offered once, by hash; a slot is overwritten by the next document that hashes to it.
    std::vector<std::uint64_t> m_seen;
};

} // namespace rd::core
