// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/FileIO.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> writeFileAtomically(const std::string &path, std::string_view content)
{
    static std::atomic<unsigned> s_counter { 0 };
    const std::filesystem::path target(path);
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    const std::string temporary = (folder
        / ("." + target.filename().string() + ".saving-" + std::to_string(::getpid()) + "-"
            + std::to_string(++s_counter)))
                                      .string();
    FileDescriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.get() < 0)
        return systemError("cannot create a file beside", path);
    // Keep the permissions of the file being replaced.
    struct stat old {
    };
    if (::stat(path.c_str(), &old) == 0)
        ::fchmod(fd.get(), old.st_mode & 07777);
    const char *data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t n = ::write(fd.get(), data, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const std::string error = systemError("cannot write", temporary);
            ::unlink(temporary.c_str());
            return error;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
        const std::string error = systemError("cannot flush", temporary);
        ::unlink(temporary.c_str());
        return error;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string error = systemError("cannot replace", path);
        ::unlink(temporary.c_str());
        return error;
    }
    // Make the rename itself durable.
    FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0)
        ::fsync(dir.get());
    return std::nullopt;
}

} // namespace rd::core
