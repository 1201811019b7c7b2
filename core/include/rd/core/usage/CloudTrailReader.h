// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/CloudTrailEventSink.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// How far a read has come; handed to CloudTrailReadOptions::progress.
struct CloudTrailProgress {
    std::size_t filesDone = 0;
    std::size_t filesTotal = 0;
    /// Records read so far, in every file.
    std::uint64_t records = 0;
    /// Bytes of the files read so far, as stored (compressed for `.json.gz`), and of all the files to read.
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
};

/// A file that could not be read, and why (`not gzip data`, `no "Records" array`...).
struct CloudTrailFileError {
    std::string path;
    std::string reason;
};

/// What a read went through.
struct CloudTrailReadSummary {
    /// Log files read (wholly or up to an error).
    std::size_t files = 0;
    /// Digest files (`CloudTrail-Digest` folders, `_CloudTrail-Digest_` names) passed over.
    std::size_t skippedDigests = 0;
    /// Other files passed over: neither `.json` nor `.json.gz`.
    std::size_t skippedOther = 0;
    std::uint64_t records = 0;
    std::uint64_t bytes = 0;
    std::vector<CloudTrailFileError> errors;
    /// The cancel flag was raised: the files not begun were not read.
    bool cancelled = false;
    /// Reading threads used.
    unsigned threads = 1;

    std::size_t skipped() const { return skippedDigests + skippedOther; }
};

struct CloudTrailReadOptions {
    /// Called after each file, from a reading thread (never from two at once).
    std::function<void(const CloudTrailProgress &)> progress;
    /// Raised by another thread to stop: checked between files and every 4,096 records.
    const std::atomic<bool> *cancel = nullptr;
};

/// Reads CloudTrail log files: each a JSON object `{"Records": [...]}`, as `.json` or gzip-compressed `.json.gz`
/// (AWS CloudTrail User Guide, "CloudTrail log file examples"; "Finding your CloudTrail log files":
/// `AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<time>_<id>.json.gz`). A folder is
/// walked recursively; digest files ("Validating CloudTrail log file integrity": `CloudTrail-Digest` folders) and
/// other files are passed over and counted. Records are parsed one at a time with simdjson's On Demand API: memory
/// holds one file per thread (as stored and inflated), never the records read before. Files are spread over the
/// threads; each thread hands its events to its own sink, so sinks need no locks. Never throws: a file that cannot be
/// read is an error of the summary and the others are still read.
class CloudTrailReader
{
public:
    /// The files a read would take, in path order (each path: a file, taken whatever its name unless it is a digest,
    /// or a folder), and what it would skip. A path that does not exist is an error of the summary.
    struct FileList {
        std::vector<std::string> files;
        std::uint64_t bytes = 0;
        std::size_t skippedDigests = 0;
        std::size_t skippedOther = 0;
        std::vector<CloudTrailFileError> errors;
    };
    static FileList listFiles(const std::vector<std::string> &paths);

    /// Reads every file of `paths` with one thread per sink (fewer when there are fewer files; the calling thread is
    /// one of them): each thread hands its events to its own sink. Returns when every thread has finished.
    static CloudTrailReadSummary read(const std::vector<std::string> &paths,
        const std::vector<CloudTrailEventSink *> &sinks, const CloudTrailReadOptions &options = {});

    /// One reading thread per core (std::thread::hardware_concurrency(), at least 1).
    static unsigned defaultThreads();
};

} // namespace rd::core
