// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/UsageAnalysis.h"

#include <optional>
#include <string>
#include <vector>

namespace rd::cli
{

/// The inputs `usage` and `generate-policy` share: CloudTrail paths, Athena CSV results and the window, read into one
/// UsageReport.
class UsageInputs
{
public:
    std::vector<std::string> cloudTrail;
    std::vector<std::string> aggregates;
    std::string since;
    std::string until;
    unsigned threads = 0;

    /// Reads every input against `workspace` (may be null). A reason in `error` for bad usage (a window that is no
    /// time, a path that does not exist, a CSV that is not the query's result); file errors inside a folder are in
    /// the report, and each is printed on stderr.
    std::optional<core::UsageReport> read(
        const core::Workspace *workspace, std::shared_ptr<const core::AccountModel> model, std::string &error) const;
};

} // namespace rd::cli
