// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/Gzip.h"

#include <algorithm>
#include <memory>
#include <zlib.h>

namespace rd::core
{

bool gunzip(const unsigned char *data, std::size_t size, std::string &out, std::string &error)
{
    z_stream stream {};
    // 16 + MAX_WBITS: a gzip header and trailer around the deflate data, not zlib's own.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) {
        error = "cannot start zlib";
        return false;
    }
    std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&stream, inflateEnd);
    stream.next_in = const_cast<Bytef *>(data);
    stream.avail_in = static_cast<uInt>(size);
    // Text compresses about 7 to 1: one doubling at most for the built-in files.
    out.resize(std::max<std::size_t>(size * 8, 4096));
    int status = Z_OK;
    while (status == Z_OK) {
        if (stream.total_out == out.size())
            out.resize(out.size() * 2);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + stream.total_out);
        stream.avail_out = static_cast<uInt>(out.size() - stream.total_out);
        status = inflate(&stream, Z_NO_FLUSH);
    }
    if (status != Z_STREAM_END) {
        error = "not valid gzip data";
        return false;
    }
    out.resize(stream.total_out);
    return true;
}

} // namespace rd::core
