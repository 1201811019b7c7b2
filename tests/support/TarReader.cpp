// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "TarReader.h"

#include "rd/core/base/FileIO.h"
#include "rd/core/base/Gzip.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace rd::test
{

namespace
{

constexpr std::size_t kBlock = 512;

// Header fields (POSIX.1-1988 ustar): offset and length.
constexpr std::size_t kNameAt = 0, kNameLength = 100;
constexpr std::size_t kSizeAt = 124, kSizeLength = 12;
constexpr std::size_t kChecksumAt = 148, kChecksumLength = 8;
constexpr std::size_t kTypeAt = 156;
constexpr std::size_t kMagicAt = 257;
constexpr std::size_t kPrefixAt = 345, kPrefixLength = 155;

/// A NUL-terminated (or full-length) text field.
std::string textField(std::string_view header, std::size_t at, std::size_t length)
{
    const std::string_view field = header.substr(at, length);
    return std::string(field.substr(0, field.find('\0')));
}

/// An octal number field: leading spaces allowed, ended by a space, a NUL or the field's end.
std::optional<std::uint64_t> octalField(std::string_view header, std::size_t at, std::size_t length)
{
    const std::string_view field = header.substr(at, length);
    std::size_t i = 0;
    while (i < field.size() && field[i] == ' ')
        ++i;
    std::uint64_t value = 0;
    bool digits = false;
    for (; i < field.size() && field[i] != ' ' && field[i] != '\0'; ++i) {
        if (field[i] < '0' || field[i] > '7' || value > (UINT64_MAX >> 3))
            return std::nullopt;
        value = value * 8 + static_cast<std::uint64_t>(field[i] - '0');
        digits = true;
    }
    return digits ? std::optional<std::uint64_t>(value) : std::nullopt;
}

bool isZeroBlock(std::string_view block)
{
    return std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; });
}

/// The checksum a header should carry: the sum of its bytes, the checksum field counted as spaces.
std::uint64_t headerChecksum(std::string_view header)
{
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i) {
        const bool inChecksum = i >= kChecksumAt && i < kChecksumAt + kChecksumLength;
        sum += inChecksum ? static_cast<std::uint64_t>(' ') : static_cast<unsigned char>(header[i]);
    }
    return sum;
}

TarReadResult readMembers(std::string_view archive)
{
    TarReadResult result;
    std::size_t offset = 0;
    while (true) {
        if (archive.size() - offset < kBlock) {
            result.error =
                "the archive ends at byte " + std::to_string(archive.size()) + " without its end-of-archive block";
            return result;
        }
        const std::string_view header = archive.substr(offset, kBlock);
        if (isZeroBlock(header))
            return result;
        const std::string where = "the header at byte " + std::to_string(offset);
        const std::optional<std::uint64_t> checksum = octalField(header, kChecksumAt, kChecksumLength);
        if (!checksum || *checksum != headerChecksum(header)) {
            result.error = where + " has a wrong checksum";
            return result;
        }
        std::string name = textField(header, kNameAt, kNameLength);
        if (header.substr(kMagicAt, 5) == "ustar") {
            const std::string prefix = textField(header, kPrefixAt, kPrefixLength);
            if (!prefix.empty())
                name = prefix + "/" + name;
        }
        const std::optional<std::uint64_t> size = octalField(header, kSizeAt, kSizeLength);
        if (!size) {
            result.error = where + " (`" + name + "`) has an unreadable size";
            return result;
        }
        const std::size_t dataAt = offset + kBlock;
        if (*size > archive.size() - dataAt) {
            result.error = "`" + name + "` is " + std::to_string(*size) + " bytes, past the end of the archive";
            return result;
        }
        const char type = header[kTypeAt];
        if (type == '0' || type == '\0') {
            result.members.push_back({ std::move(name), std::string(archive.substr(dataAt, *size)) });
        } else if (type != '5') {
            result.error = "`" + name + "` has member type '" + std::string(1, type)
                + "'; only regular files and folders are read";
            return result;
        }
        // Data is padded to whole blocks.
        offset = dataAt + (*size + kBlock - 1) / kBlock * kBlock;
        if (offset > archive.size()) {
            result.error = "`" + name + "` lacks the padding of its last block";
            return result;
        }
    }
}

} // namespace

TarReadResult readTar(std::string_view archive)
{
    TarReadResult result = readMembers(archive);
    if (!result.ok())
        result.members.clear();
    return result;
}

TarReadResult readTarGz(const std::string &path)
{
    TarReadResult result;
    const core::FileReadResult file = core::readTextFile(path, std::size_t { 1 } << 30);
    if (!file.ok()) {
        result.error = file.error;
        return result;
    }
    std::string tar;
    std::string error;
    if (!core::gunzip(reinterpret_cast<const unsigned char *>(file.text.data()), file.text.size(), tar, error)) {
        result.error = "`" + path + "`: " + error;
        return result;
    }
    result = readTar(tar);
    if (!result.ok())
        result.error = "`" + path + "`: " + result.error;
    return result;
}

} // namespace rd::test
