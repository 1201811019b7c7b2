// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/LineDiff.h"

#include <algorithm>
#include <cstdint>

namespace rd::core
{

namespace
{

enum class Op : std::uint8_t {
    Same,
    Remove,
    Add,
};

using Lines = std::vector<std::string_view>;

/// Myers' greedy forward search for the shortest edit script of a[aBegin, aEnd) into b[bBegin, bEnd), keeping the
/// furthest-reaching x of every diagonal after each round so the path can be walked back. Returns false (ops
/// untouched) when more than `maxEdits` edits are needed.
bool shortestEditScript(const Lines &a, std::size_t aBegin, std::size_t aEnd, const Lines &b, std::size_t bBegin,
    std::size_t bEnd, std::size_t maxEdits, std::vector<Op> &ops)
{
    const auto n = static_cast<std::ptrdiff_t>(aEnd - aBegin);
    const auto m = static_cast<std::ptrdiff_t>(bEnd - bBegin);
    const auto limit = static_cast<std::ptrdiff_t>(std::min<std::size_t>(maxEdits, aEnd - aBegin + bEnd - bBegin));
    const std::ptrdiff_t offset = limit + 1;
    std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * offset + 1), 0);
    // trace[d] is v before round d, over the diagonals -d-1 .. d+1 that round reads.
    std::vector<std::vector<std::ptrdiff_t>> trace;
    auto at = [&](std::ptrdiff_t k) -> std::ptrdiff_t & { return v[static_cast<std::size_t>(k + offset)]; };
    std::ptrdiff_t finalD = -1;
    for (std::ptrdiff_t d = 0; d <= limit && finalD < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
        for (std::ptrdiff_t k = -d; k <= d; k += 2) {
            std::ptrdiff_t x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            std::ptrdiff_t y = x - k;
            while (
                x < n && y < m && a[aBegin + static_cast<std::size_t>(x)] == b[bBegin + static_cast<std::size_t>(y)]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                finalD = d;
                break;
            }
        }
    }
    if (finalD < 0)
        return false;

    std::vector<Op> reversed;
    std::ptrdiff_t x = n;
    std::ptrdiff_t y = m;
    for (std::ptrdiff_t d = finalD; d > 0; --d) {
        const std::vector<std::ptrdiff_t> &before = trace[static_cast<std::size_t>(d)];
        auto prev = [&](std::ptrdiff_t k) { return before[static_cast<std::size_t>(k + d + 1)]; };
        const std::ptrdiff_t k = x - y;
        const bool down = k == -d || (k != d && prev(k - 1) < prev(k + 1));
        const std::ptrdiff_t prevK = down ? k + 1 : k - 1;
        const std::ptrdiff_t prevX = prev(prevK);
        const std::ptrdiff_t prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            reversed.push_back(Op::Same);
            --x;
            --y;
        }
        reversed.push_back(down ? Op::Add : Op::Remove);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::Same);
        --x;
        --y;
    }
    ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
    return true;
}

} // namespace

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = next;
    }
    return lines;
}

LineDiff diffLines(
    const std::vector<std::string_view> &before, const std::vector<std::string_view> &after, std::size_t maxEdits)
{
    std::size_t head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head])
        ++head;
    std::size_t tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
        && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;

    LineDiff diff;
    std::vector<Op> ops(head, Op::Same);
    const std::size_t aEnd = before.size() - tail;
    const std::size_t bEnd = after.size() - tail;
    if (!shortestEditScript(before, head, aEnd, after, head, bEnd, maxEdits, ops)) {
        diff.approximate = true;
        ops.insert(ops.end(), aEnd - head, Op::Remove);
        ops.insert(ops.end(), bEnd - head, Op::Add);
    }
    ops.insert(ops.end(), tail, Op::Same);

    std::size_t oldLine = 0;
    std::size_t newLine = 0;
    std::size_t i = 0;
    while (i < ops.size()) {
        if (ops[i] == Op::Same) {
            diff.rows.push_back({ LineDiffRow::Kind::Same, oldLine++, newLine++ });
            ++i;
            continue;
        }
        // A run of edits: its removed lines beside its added lines, in order.
        std::vector<std::size_t> removed;
        std::vector<std::size_t> added;
        for (; i < ops.size() && ops[i] != Op::Same; ++i) {
            if (ops[i] == Op::Remove)
                removed.push_back(oldLine++);
            else
                added.push_back(newLine++);
        }
        diff.removedLines += removed.size();
        diff.addedLines += added.size();
        const std::size_t paired = std::min(removed.size(), added.size());
        for (std::size_t j = 0; j < paired; ++j)
            diff.rows.push_back({ LineDiffRow::Kind::Changed, removed[j], added[j] });
        for (std::size_t j = paired; j < removed.size(); ++j)
            diff.rows.push_back({ LineDiffRow::Kind::Removed, removed[j], std::nullopt });
        for (std::size_t j = paired; j < added.size(); ++j)
            diff.rows.push_back({ LineDiffRow::Kind::Added, std::nullopt, added[j] });
    }
    return diff;
}

} // namespace rd::core
