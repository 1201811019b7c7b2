// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rd::core
{

struct FileReadResult {
    std::string text;
    /// Empty on success; otherwise a one-line reason naming the file.
    std::string error;

    bool ok() const { return error.empty(); }
};

/// Reads a whole file, or standard input for "-". Refuses files larger than `maxBytes` before reading them.
FileReadResult readTextFile(const std::string &path, std::size_t maxBytes);

/// Writes `content` so that `path` holds either its old content or the whole new one, never a mix: the text goes to
/// a temporary file in the same folder, is flushed to disk, and is renamed over `path`. Returns a one-line reason on
/// failure, in which case `path` is untouched.
std::optional<std::string> writeFileAtomically(const std::string &path, std::string_view content);

} // namespace rd::core
