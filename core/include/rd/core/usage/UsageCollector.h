// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/CloudTrailActionMap.h"
#include "rd/core/usage/CloudTrailEventSink.h"
#include "rd/core/usage/UsageReport.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Distinct resources kept per principal and action; more are counted as `moreResources`.
inline constexpr std::size_t kMaxResourcesPerAction = 200;

/// Sums up CloudTrail events per principal and IAM action as they stream by: memory grows with the distinct
/// principals, actions, resources (at most kMaxResourcesPerAction each), error codes and days, never with the number
/// of records. One collector per reading thread; merge() joins them.
///
/// Rules (AWS CloudTrail User Guide, "CloudTrail userIdentity element" and "CloudTrail record contents"):
/// - a record outside [since, until] (eventTime) is passed over;
/// - an `AwsServiceEvent` record is an event of an AWS service, not a call of any principal: counted apart;
/// - the principal is userIdentity.sessionContext.sessionIssuer.arn (the role whose session called), else
///   userIdentity.arn, else userIdentity.invokedBy, else the identity provider or principal id;
/// - a record with an errorCode is a denied call, never use;
/// - an sts:AssumeRole* event names the role assumed in requestParameters.roleArn: the caller is one of its assumers
///   (AWS STS API Reference, "AssumeRole": RoleArn).
class UsageCollector : public CloudTrailEventSink
{
public:
    explicit UsageCollector(std::optional<long long> since = std::nullopt,
        std::optional<long long> until = std::nullopt, const ServiceCatalog &catalog = ServiceCatalog::builtin());
    ~UsageCollector() override;
    UsageCollector(const UsageCollector &) = delete;
    UsageCollector &operator=(const UsageCollector &) = delete;

    void consume(const CloudTrailEvent &event) override;

    /// Adds counts summed up elsewhere (a row of docs/cloudtrail-athena.sql's result): `count` successful calls (or
    /// denied ones, with `errorCode`) of `principal` between `first` and `last`; `assumedRole` names the role of an
    /// sts:AssumeRole* row. Rows outside the window are passed over, as records are.
    void addAggregate(std::string_view principal, std::string_view eventSource, std::string_view eventName,
        std::string_view errorCode, std::uint64_t count, long long first, long long last, std::string_view assumedRole);

    /// Adds what `other` collected.
    void merge(UsageCollector &other);

    /// Every principal's usage, sorted by ARN.
    std::vector<PrincipalUsage> principals() const;
    std::uint64_t recordsInWindow() const;
    std::uint64_t serviceEvents() const;
    long long firstRecord() const;
    long long lastRecord() const;
    std::optional<long long> since() const;
    std::optional<long long> until() const;

    /// `2026-01-02T03:04:05Z` (fractions and offsets too, as parseDateTime reads them) as seconds since the epoch;
    /// nullopt when it is no time.
    static std::optional<long long> parseEventTime(std::string_view text);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rd::core
