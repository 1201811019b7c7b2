// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rd::test
{

/// One regular file of a tar archive.
struct TarMember {
    /// The path inside the archive, ustar prefix included (`managed-policies/index.json`).
    std::string name;
    /// The file's bytes, unchanged.
    std::string data;
};

struct TarReadResult {
    /// The regular files, in archive order; none when the archive cannot be read.
    std::vector<TarMember> members;
    /// Empty on success; otherwise a one-line reason.
    std::string error;

    bool ok() const { return error.empty(); }
};

/// Reads a POSIX ustar archive (`tar --format=ustar`, Python's `tarfile.USTAR_FORMAT`): regular files are returned,
/// folder entries skipped. Every other member type (links, pax or GNU extended headers, which would change the next
/// member's name or size) is refused with a reason, as are bad header checksums, sizes past the end and a missing
/// end-of-archive block.
TarReadResult readTar(std::string_view archive);

/// Reads a gzip-compressed ustar file (`.tar.gz`) through core's gunzip. The reason on failure names the file.
TarReadResult readTarGz(const std::string &path);

} // namespace rd::test
