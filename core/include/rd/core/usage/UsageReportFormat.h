// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/UsageReport.h"

#include <string>

namespace rd::core
{

/// A usage report as JSON (docs/USAGE.md has the shape): `window`, `files`, `records`, `skipped`, `roles` (each with
/// `arn`, `firstUsed`, `lastUsed`, `actions`, `denied`, `unmapped`, `assumedBy`, `callsPerDay`, `unused`),
/// `neverUsed`, `otherPrincipals`. Times in ISO 8601 UTC, null when never.
std::string usageReportJson(const UsageReport &report);

/// The same as text, a few lines per role: what `role-designer-cli usage` prints by default.
std::string usageReportText(const UsageReport &report);

/// Seconds since the epoch as `2026-01-02T03:04:05Z`.
std::string usageTime(long long epochSeconds);

} // namespace rd::core
