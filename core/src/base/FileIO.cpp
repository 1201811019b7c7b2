// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/FileIO.h"

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <mutex>
#include <random>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>

namespace rd::core
{
namespace
{

std::string systemError(const std::string &what, const std::string &path)
{
    return what + " `" + path + "`: " + std::strerror(errno);
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    FileDescriptor(FileDescriptor &&other) noexcept
        : m_fd(other.release())
    {
    }
    FileDescriptor &operator=(FileDescriptor &&other) noexcept
    {
        if (this != &other) {
            if (m_fd >= 0)
                ::close(m_fd);
            m_fd = other.release();
        }
        return *this;
    }
    int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

constexpr std::string_view kTemporarySuffix = ".tmp";
constexpr std::size_t kUniqueLength = 6;

/// Six characters of [0-9a-z] that differ between calls and processes.
std::string uniqueSuffix()
{
    static std::atomic<std::uint64_t> s_counter { 0 };
    static std::mt19937_64 s_seed { std::random_device {}() };
    static std::mutex s_seedLock;
    std::uint64_t value = 0;
    {
        const std::lock_guard lock(s_seedLock);
        value = s_seed();
    }
    value ^= (static_cast<std::uint64_t>(::getpid()) << 32) ^ ++s_counter;
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    for (std::size_t i = 0; i < kUniqueLength; ++i) {
        out += kDigits[value % 36];
        value /= 36;
    }
    return out;
}

/// Where writing `path` really lands: symbolic links followed to their final target (a missing target is created,
/// as open(2) with O_CREAT would), and what that target is (`info`; st_mode 0 when it does not exist). Linux gives
/// up after 40 links (path_resolution(7)); so do we.
std::filesystem::path finalTarget(const std::string &path, struct stat &info, std::string &error)
{
    std::filesystem::path current(path);
    for (int hops = 0; hops < 40; ++hops) {
        if (::lstat(current.c_str(), &info) != 0) {
            info.st_mode = 0;
            return current;
        }
        if (!S_ISLNK(info.st_mode))
            return current;
        std::error_code ec;
        const std::filesystem::path link = std::filesystem::read_symlink(current, ec);
        if (ec) {
            error = "cannot follow the link `" + current.string() + "`: " + ec.message();
            return {};
        }
        current = link.is_absolute() ? link : current.parent_path() / link;
    }
    error = "cannot save `" + path + "`: too many levels of symbolic links";
    return {};
}

/// Removes the temporary files that interrupted saves left in `folder` for the targets whose temporary names begin
/// with one of `prefixes` (atomicWriteTemporaryPrefix()): those named prefix + six characters + `.tmp`. One scan of
/// the folder, however many prefixes.
void removeTemporariesWithPrefixes(const std::filesystem::path &folder, const std::unordered_set<std::string> &prefixes)
{
    if (prefixes.empty())
        return;
    const std::size_t prefixLength = prefixes.begin()->size();
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() == prefixLength + kUniqueLength + kTemporarySuffix.size() && name.ends_with(kTemporarySuffix)
            && prefixes.contains(name.substr(0, prefixLength)))
            ::unlink(it->path().c_str());
    }
}

} // namespace

FileReadResult readTextFile(const std::string &path, std::size_t maxBytes)
{
    FileReadResult result;
    if (path == "-") {
        std::string text;
        char buffer[65536];
        while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
            text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
            if (text.size() > maxBytes) {
                result.error = "standard input is larger than " + std::to_string(maxBytes) + " bytes";
                return result;
            }
        }
        result.text = std::move(text);
        return result;
    }
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        result.error = systemError("cannot open", path);
        return result;
    }
    struct stat info {
    };
    if (::fstat(fd.get(), &info) != 0) {
        result.error = systemError("cannot read", path);
        return result;
    }
    if (S_ISDIR(info.st_mode)) {
        result.error = "`" + path + "` is a folder, not a file";
        return result;
    }
    if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > maxBytes) {
        result.error = "`" + path + "` is " + std::to_string(info.st_size) + " bytes; the largest accepted is "
            + std::to_string(maxBytes) + " bytes";
        return result;
    }
    std::string text;
    if (S_ISREG(info.st_mode))
        text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            result.error = systemError("cannot read", path);
            return result;
        }
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > maxBytes) {
            result.error = "`" + path + "` is larger than " + std::to_string(maxBytes) + " bytes";
            return result;
        }
    }
    result.text = std::move(text);
    return result;
}

std::string atomicWriteTemporaryPrefix(std::string_view targetName)
{
    // 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/): short, stable across runs and builds.
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : targetName) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string prefix = ".rd-";
    for (int shift = 60; shift >= 0; shift -= 4)
        prefix += kHex[(hash >> shift) & 0xF];
    prefix += '-';
    return prefix;
}

namespace
{

/// The process's file creation mask (read once: umask(2) can only be read by setting it).
mode_t currentUmask()
{
    static const mode_t mask = [] {
        const mode_t m = ::umask(022);
        ::umask(m);
        return m;
    }();
    return mask;
}

/// A temporary file written beside its final target, not yet renamed onto it.
struct PendingWrite {
    std::string path;
    std::filesystem::path target;
    std::filesystem::path folder;
    /// The target as it is before the write; st_mode 0 when there is none.
    struct stat existing {
    };
    std::string temporary;
};

void discard(std::vector<PendingWrite> &pending)
{
    for (PendingWrite &p : pending) {
        if (!p.temporary.empty())
            ::unlink(p.temporary.c_str());
    }
}

// Where `path` is written: its final target (symbolic links followed), that target's folder, and what the target is
// now.
std::optional<std::string> resolveTarget(const std::string &path, PendingWrite &out)
{
    std::string resolveError;
    out.path = path;
    out.target = finalTarget(path, out.existing, resolveError);
    if (!resolveError.empty())
        return resolveError;
    out.folder = out.target.has_parent_path() ? out.target.parent_path() : ".";
    return std::nullopt;
}

// The permissions a file written over one of mode `mode` gets: the same, plus the execute bits for whoever may read
// it when it is a script.
mode_t replacementMode(mode_t mode, bool executable)
{
    mode &= 07777;
    return executable ? mode | ((mode & 0444) >> 2) : mode;
}

// Whether the target of `write` (resolveTarget()) is a regular file that holds exactly `file.content` and already
// has the permissions that writing it would give it: then writing it again would change nothing. The size is
// compared first, the bytes only when it matches. Any doubt (the file cannot be read, or reads back other bytes)
// answers false, and the file is written as usual.
bool holdsAlready(const PendingWrite &write, const AtomicWrite &file)
{
    const struct stat &info = write.existing;
    if (!S_ISREG(info.st_mode) || static_cast<std::uint64_t>(info.st_size) != file.content.size()
        || replacementMode(info.st_mode, file.executable) != (info.st_mode & 07777))
        return false;
    FileDescriptor fd(::open(write.target.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return false;
    char buffer[65536];
    std::size_t offset = 0;
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return offset == file.content.size();
        const auto count = static_cast<std::size_t>(n);
        if (count > file.content.size() - offset || std::memcmp(buffer, file.content.data() + offset, count) != 0)
            return false;
        offset += count;
    }
}

// Writes the whole of `data` to `fd`.
bool writeAll(int fd, std::string_view data)
{
    const char *next = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, next, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        next += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// Writes the content `produce` makes to a new temporary file beside `out.target` (resolveTarget()), flushed to disk
// when `flush` says so (a batch flushes the file system once instead), and closed: a batch of any size keeps no file
// open.
std::optional<std::string> writeTemporary(
    const AtomicWrite &file, const std::function<bool(const TextSink &)> &produce, PendingWrite &out, bool flush)
{
    const std::string &path = file.path;
    const std::string prefix = atomicWriteTemporaryPrefix(out.target.filename().string());
    FileDescriptor fd(-1);
    std::string temporary;
    for (int attempt = 0; attempt < 100 && fd.get() < 0; ++attempt) {
        temporary = (out.folder / (prefix + uniqueSuffix() + std::string(kTemporarySuffix))).string();
        fd = FileDescriptor(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (fd.get() < 0 && errno != EEXIST)
            break;
    }
    // Errors name the file being saved: the temporary file is hidden and gone after a failure.
    if (fd.get() < 0)
        return "cannot save `" + path + "`: cannot create a file in its folder: " + std::strerror(errno);
    out.temporary = temporary;
    // Keep the permissions of the file being replaced.
    const bool replacing = out.existing.st_mode != 0;
    if (replacing || file.executable)
        ::fchmod(fd.get(), replacementMode(replacing ? out.existing.st_mode : 0644 & ~currentUmask(), file.executable));
    int writeErrno = 0;
    const bool made = produce([&](std::string_view piece) {
        if (writeErrno != 0)
            return false;
        if (!writeAll(fd.get(), piece))
            writeErrno = errno;
        return writeErrno == 0;
    });
    if (writeErrno != 0) {
        errno = writeErrno;
        return systemError("cannot save", path);
    }
    if (!made)
        return "cannot save `" + path + "`: its content could not be made";
    if ((flush && ::fsync(fd.get()) != 0) || ::close(fd.release()) != 0)
        return systemError("cannot save", path);
    return std::nullopt;
}

// From this many files on, a batch flushes the file system once rather than each file.
constexpr std::size_t kFlushFileSystemFrom = 16;

// Flushes the temporary files to disk when `flushFileSystem` says that they were not flushed one by one, then renames
// each onto its target and flushes each folder once.
std::optional<std::string> commit(std::vector<PendingWrite> &pending, bool flushFileSystem)
{
    std::set<std::string> folders;
    for (const PendingWrite &p : pending)
        folders.insert(p.folder.string());
    if (flushFileSystem) {
        for (const std::string &folder : folders) {
            FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            if (dir.get() < 0 || ::syncfs(dir.get()) != 0) {
                const std::string error = systemError("cannot save", pending.front().path);
                discard(pending);
                return error;
            }
        }
    }
    for (std::size_t i = 0; i < pending.size(); ++i) {
        PendingWrite &p = pending[i];
        // Onto the final target, so that a symbolic link stays a link (rename(2) replaces the link itself).
        if (::rename(p.temporary.c_str(), p.target.c_str()) != 0) {
            const std::string error = systemError("cannot replace", p.path);
            std::vector<PendingWrite> rest(std::make_move_iterator(pending.begin() + static_cast<std::ptrdiff_t>(i)),
                std::make_move_iterator(pending.end()));
            discard(rest);
            return error;
        }
        p.temporary.clear();
    }
    // Make the renames themselves durable.
    for (const std::string &folder : folders) {
        FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dir.get() >= 0)
            ::fsync(dir.get());
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> writeFilesAtomically(const std::vector<AtomicWrite> &files)
{
    std::vector<PendingWrite> pending;
    pending.reserve(files.size());
    // Decided by the size of the batch, not by how many files turn out to need writing: a temporary file written
    // without its own flush must be flushed by the file system flush before it is renamed.
    const bool flushEach = files.size() < kFlushFileSystemFrom;
    for (const AtomicWrite &file : files) {
        PendingWrite write;
        if (auto error = resolveTarget(file.path, write)) {
            discard(pending);
            return error;
        }
        if (holdsAlready(write, file))
            continue;
        pending.push_back(std::move(write));
        const auto content = [&file](const TextSink &sink) { return sink(file.content); };
        if (auto error = writeTemporary(file, content, pending.back(), flushEach)) {
            discard(pending);
            return error;
        }
    }
    return commit(pending, !flushEach);
}

std::optional<std::string> writeFileAtomically(const std::string &path, std::string_view content)
{
    return writeFileAtomically(path, [content](const TextSink &sink) { return sink(content); });
}

std::optional<std::string> writeFileAtomically(
    const std::string &path, const std::function<bool(const TextSink &)> &produce)
{
    std::vector<PendingWrite> pending(1);
    const AtomicWrite file { path, {}, false };
    if (auto error = resolveTarget(path, pending.front()))
        return error;
    if (auto error = writeTemporary(file, produce, pending.front(), true)) {
        discard(pending);
        return error;
    }
    const std::filesystem::path folder = pending.front().folder;
    const std::string prefix = atomicWriteTemporaryPrefix(pending.front().target.filename().string());
    if (auto error = commit(pending, false))
        return error;
    removeTemporariesWithPrefixes(folder, { prefix });
    return std::nullopt;
}

void removeStaleTemporaries(const std::string &folder, const std::vector<std::string> &targetNames)
{
    std::unordered_set<std::string> prefixes;
    for (const std::string &name : targetNames)
        prefixes.insert(atomicWriteTemporaryPrefix(name));
    removeTemporariesWithPrefixes(
        folder.empty() ? std::filesystem::path(".") : std::filesystem::path(folder), prefixes);
}

} // namespace rd::core
