// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "UsageInputs.h"

#include "rd/core/base/DateTime.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/usage/AthenaAggregates.h"

#include <cmath>
#include <filesystem>
#include <iostream>

namespace rd::cli
{

namespace
{

bool parseWindow(const std::string &text, std::optional<long long> &out, std::string &error, const char *option)
{
    if (text.empty())
        return true;
    const std::optional<double> time = core::parseDateTime(text);
    if (!time) {
        error = std::string(option) + " `" + text + "` is not a time: use 2026-01-31 or 2026-01-31T12:00:00Z";
        return false;
    }
    out = static_cast<long long>(std::floor(*time));
    return true;
}

} // namespace

std::optional<core::UsageReport> UsageInputs::read(
    const core::Workspace *workspace, std::shared_ptr<const core::AccountModel> model, std::string &error) const
{
    core::UsageOptions options;
    options.threads = threads;
    if (!parseWindow(since, options.since, error, "--since") || !parseWindow(until, options.until, error, "--until"))
        return std::nullopt;
    if (cloudTrail.empty() && aggregates.empty()) {
        error = "give --cloudtrail PATH (log files or folders) or --aggregates CSV";
        return std::nullopt;
    }
    for (const std::string &path : cloudTrail) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            error = "cannot read `" + path + "`: no such file or folder";
            return std::nullopt;
        }
    }
    core::UsageReport report;
    if (aggregates.empty()) {
        report = core::UsageAnalysis::fromCloudTrail(cloudTrail, workspace, std::move(model), options);
    } else {
        // The query's rows and the raw logs add up in one collector.
        core::UsageCollector collector(options.since, options.until);
        core::CloudTrailReadSummary read;
        if (!cloudTrail.empty()) {
            const unsigned n = threads ? threads : core::CloudTrailReader::defaultThreads();
            std::vector<std::unique_ptr<core::UsageCollector>> more;
            std::vector<core::CloudTrailEventSink *> sinks { &collector };
            for (unsigned i = 1; i < n; ++i) {
                more.push_back(std::make_unique<core::UsageCollector>(options.since, options.until));
                sinks.push_back(more.back().get());
            }
            read = core::CloudTrailReader::read(cloudTrail, sinks);
            for (auto &other : more)
                collector.merge(*other);
        }
        for (const std::string &path : aggregates) {
            const core::FileReadResult file = core::readTextFile(path, std::size_t { 1 } << 31);
            if (!file.error.empty()) {
                error = "cannot read `" + path + "`: " + file.error;
                return std::nullopt;
            }
            std::size_t rows = 0;
            const std::string problem = core::AthenaAggregates::read(file.text, collector, rows);
            if (!problem.empty()) {
                error = path + ": " + problem;
                return std::nullopt;
            }
            ++read.files;
            read.records += rows;
        }
        report = core::UsageAnalysis::report(collector, std::move(read), workspace, std::move(model));
    }
    for (const core::CloudTrailFileError &e : report.read.errors)
        std::cerr << "role-designer-cli: warning: " << e.path << ": " << e.reason << '\n';
    return report;
}

} // namespace rd::cli
