// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace rd::core
{

/// A place in a UTF-8 text: 1-based line, 1-based column counted in Unicode code points, and the 0-based byte
/// offset (what QScintilla and file tools use).
struct SourcePosition {
    int line = 0;
    int column = 0;
    std::size_t offset = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

/// A half-open span [begin, end) of a text. An invalid range (line 0) means "not from a text", for example an
/// element built by a form editor.
struct SourceRange {
    SourcePosition begin;
    SourcePosition end;

    bool isValid() const { return begin.isValid(); }
    std::size_t length() const { return end.offset - begin.offset; }
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

} // namespace rd::core
