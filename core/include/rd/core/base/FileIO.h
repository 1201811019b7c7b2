// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
/// a temporary file in the folder of the final target, is flushed to disk, and is renamed onto that target. When
/// `path` is a symbolic link (or a chain of them) the link's final target is written and the link stays a link. The
/// temporary file is named atomicWriteTemporaryPrefix(target name) + six characters + `.tmp`, at most 31 bytes, so
/// any target whose own name fits NAME_MAX (255 bytes) can be saved; after a successful save, temporary files of the
/// same target left by an interrupted save are removed (one scan of the folder). Returns a one-line reason on failure,
/// naming `path` (never the temporary file), in which case the target is untouched.
std::optional<std::string> writeFileAtomically(const std::string &path, std::string_view content);

/// Takes a text piece by piece; returns false to stop the writing.
using TextSink = std::function<bool(std::string_view piece)>;

/// writeFileAtomically() for a text made piece by piece, so that it is never whole in memory: `produce` hands each
/// piece to the sink it is given, in order, and returns false when it could not make the whole text (the target is
/// then untouched and the reason says so).
std::optional<std::string> writeFileAtomically(
    const std::string &path, const std::function<bool(const TextSink &)> &produce);

/// One file of a batch for writeFilesAtomically().
struct AtomicWrite {
    std::string path;
    std::string_view content;
    /// Adds the execute permission for everyone who may read it (scripts).
    bool executable = false;
};

/// Writes many files with the guarantee of writeFileAtomically() for each (every target holds its old content or
/// the whole new one), at the cost of one flush to disk for the batch instead of one per file: every temporary file
/// is written first, then the file system is flushed once (syncfs), then each is renamed onto its target, then each
/// folder is flushed once. A target that already is a regular file holding exactly `content`, with the execute bits
/// asked for, is left as it is (same inode, same modification time, not flushed again): its size is compared first,
/// its bytes only when the size matches, so writing a batch again where little changed writes little. A failure
/// before the renames leaves every target untouched and removes the temporary files; a failure while renaming names
/// the file, and the files renamed before it hold their new content. Stale temporary files are not looked for (see
/// removeStaleTemporaries()).
std::optional<std::string> writeFilesAtomically(const std::vector<AtomicWrite> &files);

/// Removes from `folder` the temporary files that interrupted saves of the targets named `targetNames` (file names in
/// that folder) left behind, in one scan of the folder. For writers of many files into one folder: after
/// writeFilesAtomically(), which does not scan, a scan per file would make writing N files cost N scans of N entries.
void removeStaleTemporaries(const std::string &folder, const std::vector<std::string> &targetNames);

/// `.rd-` + 16 hexadecimal digits of a hash of `targetName` + `-`: how the names of writeFileAtomically's temporary
/// files for a target of that name begin.
std::string atomicWriteTemporaryPrefix(std::string_view targetName);

} // namespace rd::core
