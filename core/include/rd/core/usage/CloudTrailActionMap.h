// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/catalog/ServiceCatalog.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// The IAM action a CloudTrail event stands for, or why there is none.
struct MappedAction {
    /// `s3:GetObject`, as the catalog spells it; empty when unmapped.
    std::string action;
    const ServiceInfo *service = nullptr;
    const ActionInfo *info = nullptr;
    /// The IAM service prefix the event source gave (`cloudwatch` for `monitoring.amazonaws.com`), even when the
    /// action is unmapped; empty when the source is no AWS host.
    std::string prefix;

    bool mapped() const { return info != nullptr; }
};

/// Maps a CloudTrail event (event source and event name) to the IAM action that authorizes it: the service prefix from
/// the event source's host (a table for hosts that differ from their prefix), then the event name looked up in the
/// service catalog, with a table of the API names known to be authorized by an action of another name (each row
/// names the AWS page that says so) and Lambda's versioned API names. A name that none of these give is unmapped: it
/// is never guessed.
class CloudTrailActionMap
{
public:
    /// A row of the tables: `from` is a host (`monitoring.amazonaws.com`) or `host/EventName`; `to` a prefix or an
    /// action; `source` the AWS page that states it.
    struct Row {
        std::string_view from;
        std::string_view to;
        std::string_view source;
    };
    static const std::vector<Row> &hostRows();
    static const std::vector<Row> &eventRows();

    explicit CloudTrailActionMap(const ServiceCatalog &catalog = ServiceCatalog::builtin());

    /// The IAM service prefix of an event source (`s3.amazonaws.com` -> `s3`); empty when it is no `*.amazonaws.com`
    /// host.
    static std::string servicePrefix(std::string_view eventSource);
    MappedAction map(std::string_view eventSource, std::string_view eventName) const;

private:
    MappedAction lookUp(const std::string &prefix, std::string_view name) const;

    const ServiceCatalog &m_catalog;
};

} // namespace rd::core
