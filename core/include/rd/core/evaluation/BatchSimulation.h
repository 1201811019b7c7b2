// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace rd::core
{

struct BatchOptions {
    /// Adds a "trace" object to every result line: the reason, the deciding statements, the near misses.
    bool explain = false;
    /// Longer case lines are refused (an error line for that case) without being kept in memory.
    std::size_t maxLineBytes = std::size_t { 8 } << 20;
    /// A longer line is skipped to its newline, reading at most this many more bytes; when no newline comes within
    /// them (or before the end of input) the run stops there, so that an endless input without newlines ends.
    std::size_t maxSkipBytes = std::size_t { 64 } << 20;
    /// Threads that evaluate cases: 0 for one per core; 1 evaluates on the calling thread. Output stays in input
    /// order whatever the number.
    std::size_t threads = 0;
    /// Reads cases without source ranges (simdjson) and reuses the compiled policies of documents that repeat;
    /// a case it cannot take is read by the full reader, which gives the diagnostic. The output is the same either
    /// way. Not used with `explain`, whose traces carry positions.
    bool fastReader = true;
};

struct BatchSummary {
    std::size_t cases = 0;
    /// Cases that had an `expected` decision.
    std::size_t checked = 0;
    std::size_t passed = 0;
    /// Cases whose decision differed from `expected`.
    std::size_t failed = 0;
    /// Malformed cases (each got an error line), too-long lines included.
    std::size_t errors = 0;
    /// Cases read by the fast reader (BatchOptions::fastReader); the others went through the full reader.
    std::size_t fastCases = 0;
    /// Nonzero when the run stopped early: the number of a line longer than `maxLineBytes` that no newline ended.
    std::size_t unendedLine = 0;
};

/// Runs a JSON Lines file of cases (docs/EVALUATION.md) from `in` to
/// `out`, one result line per case in input order, streaming: memory does not grow with the number of cases. A case
/// that cannot be read or evaluated gets `{"id":...,"line":N,"error":"..."}` and the run goes on; so does a line longer
/// than `maxLineBytes`, unless no newline ends it (see `maxSkipBytes`), which stops the run with its error line and
/// `unendedLine` set. Cases are evaluated on `options.threads` threads, in chunks of lines, and written in input
/// order. When any case has `expected`, a last line `N passed, N failed` follows, with `, N malformed`
/// when some cases were malformed; without `expected` there is no such line. Blank lines are skipped.
BatchSummary runBatch(std::istream &in, std::ostream &out, const BatchOptions &options = {});

/// One case line to its result line (without a newline). Adds to `summary`.
std::string runBatchCase(
    std::string_view line, std::size_t lineNumber, const BatchOptions &options, BatchSummary &summary);

} // namespace rd::core
