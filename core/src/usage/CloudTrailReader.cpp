// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/CloudTrailReader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <simdjson.h>
#include <system_error>
#include <thread>
#include <zlib.h>

namespace rd::core
{

CloudTrailEventSink::~CloudTrailEventSink() = default;

namespace
{

namespace fs = std::filesystem;
namespace od = simdjson::ondemand;

constexpr std::uint64_t kCancelCheckRecords = 4096;

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// AWS CloudTrail User Guide, "CloudTrail digest file structure": digest files are delivered to
// AWSLogs/<account>/CloudTrail-Digest/<region>/... and named <account>_CloudTrail-Digest_<region>_....json.gz.
bool isDigest(const fs::path &path)
{
    if (path.filename().string().find("_CloudTrail-Digest_") != std::string::npos)
        return true;
    return std::any_of(path.begin(), path.end(), [](const fs::path &part) { return part == "CloudTrail-Digest"; });
}

bool isLog(const fs::path &path)
{
    const std::string name = path.filename().string();
    return endsWith(name, ".json") || endsWith(name, ".json.gz");
}

// One reading thread's buffers, kept from file to file so that a thread allocates only when a file is larger than
// every file before it.
struct Buffers {
    std::string stored;
    std::string inflated;
    od::parser parser;
};

bool readWhole(const std::string &path, std::string &out, std::string &error)
{
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file) {
        error = "cannot open the file";
        return false;
    }
    out.clear();
    char chunk[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0)
        out.append(chunk, n);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed)
        error = "cannot read the file";
    return !failed;
}

// Inflates every gzip member of `in` (RFC 1952) into `out`, leaving simdjson's padding free after the text.
bool inflateGzip(const std::string &in, std::string &out, std::string &error)
{
    z_stream stream {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK) {
        error = "cannot start inflating";
        return false;
    }
    // ISIZE, the last four bytes: the inflated size of the last member modulo 2^32, a good first guess. It is only a
    // guess: a truncated or hostile file puts anything there, so it never reserves more than JSON's usual ratio allows.
    std::size_t guess = in.size() * 8;
    if (in.size() >= 4) {
        const auto *tail = reinterpret_cast<const unsigned char *>(in.data() + in.size() - 4);
        const std::size_t isize =
            std::size_t(tail[0]) | std::size_t(tail[1]) << 8 | std::size_t(tail[2]) << 16 | std::size_t(tail[3]) << 24;
        guess = std::min(std::max(guess / 8, isize), in.size() * 32 + 65536);
    }
    out.resize(guess + simdjson::SIMDJSON_PADDING);
    std::size_t used = 0;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    stream.avail_in = static_cast<uInt>(in.size());
    int status = Z_OK;
    while (true) {
        if (out.size() - used < simdjson::SIMDJSON_PADDING + 4096)
            out.resize(out.size() * 2 + 65536);
        const std::size_t room = out.size() - used - simdjson::SIMDJSON_PADDING;
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        stream.avail_out = static_cast<uInt>(std::min<std::size_t>(room, 1U << 30));
        const uInt before = stream.avail_out;
        status = inflate(&stream, Z_NO_FLUSH);
        used += before - stream.avail_out;
        if (status == Z_STREAM_END) {
            if (stream.avail_in == 0)
                break;
            // Another member follows (a concatenated gzip file).
            if (inflateReset(&stream) != Z_OK)
                break;
            continue;
        }
        if (status == Z_BUF_ERROR && stream.avail_in == 0) {
            error = "the gzip data ends early";
            break;
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            error = stream.msg ? std::string("not gzip data: ") + stream.msg : std::string("not gzip data");
            break;
        }
    }
    inflateEnd(&stream);
    out.resize(used);
    return error.empty();
}

using Value = simdjson::simdjson_result<od::value>;

std::string_view stringOf(Value value)
{
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS)
        return {};
    return text;
}

bool isObject(Value &value)
{
    od::json_type type {};
    return value.type().get(type) == simdjson::SUCCESS && type == od::json_type::object;
}

void readIssuer(Value value, CloudTrailEvent &event)
{
    od::object object;
    if (!isObject(value) || value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (auto field : object) {
        od::raw_json_string key;
        if (field.key().get(key) != simdjson::SUCCESS)
            return;
        if (key == "arn")
            event.sessionIssuerArn = stringOf(field.value());
    }
}

void readSessionContext(Value value, CloudTrailEvent &event)
{
    od::object object;
    if (!isObject(value) || value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (auto field : object) {
        od::raw_json_string key;
        if (field.key().get(key) != simdjson::SUCCESS)
            return;
        if (key == "sessionIssuer")
            readIssuer(field.value(), event);
    }
}

void readIdentity(Value value, CloudTrailEvent &event)
{
    od::object object;
    if (!isObject(value) || value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (auto field : object) {
        od::raw_json_string key;
        if (field.key().get(key) != simdjson::SUCCESS)
            return;
        if (key == "type")
            event.identityType = stringOf(field.value());
        else if (key == "arn")
            event.identityArn = stringOf(field.value());
        else if (key == "accountId")
            event.identityAccountId = stringOf(field.value());
        else if (key == "sessionContext")
            readSessionContext(field.value(), event);
        else if (key == "invokedBy")
            event.invokedBy = stringOf(field.value());
        else if (key == "identityProvider")
            event.identityProvider = stringOf(field.value());
        else if (key == "principalId")
            event.principalId = stringOf(field.value());
    }
}

void readParameters(Value value, CloudTrailEvent &event)
{
    od::object object;
    if (!isObject(value) || value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key) != simdjson::SUCCESS)
            return;
        Value member = field.value();
        od::json_type type {};
        if (member.type().get(type) != simdjson::SUCCESS || type != od::json_type::string)
            continue;
        // The key's unescaped copy lives in the parser's string buffer, like the value's.
        event.requestParameters.emplace_back(key, stringOf(member));
    }
}

void readResources(Value value, CloudTrailEvent &event)
{
    od::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return;
    for (auto element : array) {
        od::object object;
        if (element.get_object().get(object) != simdjson::SUCCESS)
            continue;
        for (auto field : object) {
            od::raw_json_string key;
            if (field.key().get(key) != simdjson::SUCCESS)
                break;
            if (key == "ARN") {
                const std::string_view arn = stringOf(field.value());
                if (!arn.empty())
                    event.resourceArns.push_back(arn);
            }
        }
    }
}

// One record: its fields in any order, each read at most once, unknown ones skipped unparsed.
simdjson::error_code readRecord(od::object record, CloudTrailEvent &event)
{
    event = CloudTrailEvent {};
    for (auto field : record) {
        od::raw_json_string key;
        if (auto error = field.key().get(key))
            return error;
        if (key == "eventTime")
            event.eventTime = stringOf(field.value());
        else if (key == "eventSource")
            event.eventSource = stringOf(field.value());
        else if (key == "eventName")
            event.eventName = stringOf(field.value());
        else if (key == "eventType")
            event.eventType = stringOf(field.value());
        else if (key == "awsRegion")
            event.awsRegion = stringOf(field.value());
        else if (key == "errorCode")
            event.errorCode = stringOf(field.value());
        else if (key == "recipientAccountId")
            event.recipientAccountId = stringOf(field.value());
        else if (key == "userIdentity")
            readIdentity(field.value(), event);
        else if (key == "requestParameters")
            readParameters(field.value(), event);
        else if (key == "resources")
            readResources(field.value(), event);
    }
    return simdjson::SUCCESS;
}

// Reads the records of one padded text; returns the error, or "" when the text was read to its end.
std::string readRecords(od::parser &parser, simdjson::padded_string_view text, CloudTrailEventSink &sink,
    std::uint64_t &records, const std::atomic<bool> *cancel)
{
    od::document document;
    if (parser.iterate(text).get(document) != simdjson::SUCCESS)
        return "not JSON";
    od::object root;
    if (document.get_object().get(root) != simdjson::SUCCESS)
        return "not a CloudTrail log: the text is not a JSON object";
    od::array list;
    if (root.find_field_unordered("Records").get_array().get(list) != simdjson::SUCCESS)
        return "not a CloudTrail log: no \"Records\" array";
    CloudTrailEvent event;
    for (auto element : list) {
        od::object record;
        if (auto error = element.get_object().get(record))
            return std::string("record ") + std::to_string(records + 1) + ": " + simdjson::error_message(error);
        if (auto error = readRecord(record, event))
            return std::string("record ") + std::to_string(records + 1) + ": " + simdjson::error_message(error);
        sink.consume(event);
        ++records;
        if (cancel && records % kCancelCheckRecords == 0 && cancel->load(std::memory_order_relaxed))
            return {};
    }
    return {};
}

// Reads one file into the sink; returns the error or "".
std::string readFile(const std::string &path, Buffers &buffers, CloudTrailEventSink &sink, std::uint64_t &records,
    const std::atomic<bool> *cancel)
{
    std::string error;
    if (!readWhole(path, buffers.stored, error))
        return error;
    const bool gzip = buffers.stored.size() >= 2 && static_cast<unsigned char>(buffers.stored[0]) == 0x1f
        && static_cast<unsigned char>(buffers.stored[1]) == 0x8b;
    std::string &text = gzip ? buffers.inflated : buffers.stored;
    if (gzip) {
        if (!inflateGzip(buffers.stored, buffers.inflated, error))
            return error;
    }
    const std::size_t length = text.size();
    text.resize(length + simdjson::SIMDJSON_PADDING, ' ');
    return readRecords(
        buffers.parser, simdjson::padded_string_view(text.data(), length, text.size()), sink, records, cancel);
}

} // namespace

CloudTrailReader::FileList CloudTrailReader::listFiles(const std::vector<std::string> &paths)
{
    FileList list;
    for (const std::string &path : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            list.errors.push_back({ path, "no such file or folder" });
            continue;
        }
        if (fs::is_regular_file(status)) {
            if (isDigest(path))
                ++list.skippedDigests;
            else
                list.files.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec))
                continue;
            const fs::path &file = it->path();
            if (isDigest(file))
                ++list.skippedDigests;
            else if (isLog(file))
                found.push_back(file.string());
            else
                ++list.skippedOther;
        }
        if (ec)
            list.errors.push_back({ path, "cannot walk the folder: " + ec.message() });
        std::sort(found.begin(), found.end());
        list.files.insert(list.files.end(), found.begin(), found.end());
    }
    for (const std::string &file : list.files) {
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (!ec)
            list.bytes += size;
    }
    return list;
}

unsigned CloudTrailReader::defaultThreads()
{
    return std::max(1U, std::thread::hardware_concurrency());
}

CloudTrailReadSummary CloudTrailReader::read(const std::vector<std::string> &paths,
    const std::vector<CloudTrailEventSink *> &sinks, const CloudTrailReadOptions &options)
{
    FileList list = listFiles(paths);
    CloudTrailReadSummary summary;
    summary.skippedDigests = list.skippedDigests;
    summary.skippedOther = list.skippedOther;
    summary.errors = std::move(list.errors);
    if (sinks.empty())
        return summary;
    const std::size_t threads = std::max<std::size_t>(1, std::min(sinks.size(), list.files.size()));
    summary.threads = static_cast<unsigned>(threads);

    std::atomic<std::size_t> next { 0 };
    std::mutex mutex; // guards the summary's counters, its errors and the progress callback
    CloudTrailProgress progress;
    progress.filesTotal = list.files.size();
    progress.bytesTotal = list.bytes;
    auto work = [&](CloudTrailEventSink &sink) {
        Buffers buffers;
        while (true) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                return;
            const std::size_t index = next.fetch_add(1);
            if (index >= list.files.size())
                return;
            const std::string &path = list.files[index];
            std::uint64_t records = 0;
            const std::string error = readFile(path, buffers, sink, records, options.cancel);
            const std::uint64_t bytes = buffers.stored.size();
            const std::lock_guard<std::mutex> lock(mutex);
            ++summary.files;
            summary.records += records;
            summary.bytes += bytes;
            if (!error.empty())
                summary.errors.push_back({ path, error });
            ++progress.filesDone;
            progress.records = summary.records;
            progress.bytesDone = summary.bytes;
            if (options.progress)
                options.progress(progress);
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (std::size_t i = 1; i < threads; ++i)
        pool.emplace_back(work, std::ref(*sinks[i]));
    work(*sinks[0]);
    for (std::thread &thread : pool)
        thread.join();
    summary.cancelled = options.cancel && options.cancel->load();
    // Errors in path order, whatever thread met them.
    std::sort(summary.errors.begin(), summary.errors.end(),
        [](const CloudTrailFileError &a, const CloudTrailFileError &b) { return a.path < b.path; });
    return summary;
}

} // namespace rd::core
