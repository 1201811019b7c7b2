// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// One row of a side-by-side comparison of two texts: a line both have, a line only the old text has, a line only the
/// new text has, or an old line shown beside the new line that took its place.
struct LineDiffRow {
    enum class Kind {
        Same,
        Removed,
        Added,
        Changed,
    };
    Kind kind = Kind::Same;
    /// Zero-based line numbers; absent on the side that has no line in this row.
    std::optional<std::size_t> oldLine;
    std::optional<std::size_t> newLine;
};

/// A side-by-side comparison of two texts, line by line.
struct LineDiff {
    std::vector<LineDiffRow> rows;
    std::size_t removedLines = 0;
    std::size_t addedLines = 0;
    /// True when the texts were too far apart for a shortest edit script within the bound: every differing line is
    /// then shown removed and added, which is correct but longer than it need be.
    bool approximate = false;

    bool identical() const { return removedLines == 0 && addedLines == 0; }
};

/// The lines of `text`, split at "\n" (a "\r" before it is dropped); a final newline ends the last line rather than
/// starting an empty one.
std::vector<std::string_view> splitLines(std::string_view text);

/// The shortest edit script between two lists of lines (Myers' O(ND) algorithm after the common head and tail are set
/// aside), as side-by-side rows: a run of removed lines followed by a run of added lines is paired row by row as
/// changed lines. Memory is bounded: beyond `maxEdits` differing lines the middle is shown as removed then added.
LineDiff diffLines(const std::vector<std::string_view> &before, const std::vector<std::string_view> &after,
    std::size_t maxEdits = 2000);

} // namespace rd::core
