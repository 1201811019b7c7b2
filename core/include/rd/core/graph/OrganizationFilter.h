// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/Reachability.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

class OrganizationModel;

/// Applies the organization's SCPs and RCPs to reach answers (docs/REACHABILITY.md, "The organization"), hop by hop:
/// each may-assume hop is `sts:AssumeRole` by the hop's caller on the role, limited by the caller's account's SCPs
/// and the role's account's RCPs; the last hop's actions are limited by the acting principal's SCPs and the
/// resource's account's RCPs. The same condition rules as for other denies: an SCP or RCP statement whose conditions
/// hold on what the workspace knows (the principal's facts, the organization's keys) decides; one with conditions on
/// other keys leaves the answer, conditional, naming it and its keys. The graph and the organization model must
/// outlive the filter.
class OrganizationFilter
{
public:
    OrganizationFilter(const AccessGraph &graph, const OrganizationModel &organization);

    /// Removes the answers that an SCP or RCP denies, and the action groups it denies in the others; `action` and
    /// `resourceArn` are the query's (whoCan), when given. Returns how many answers were removed.
    std::size_t apply(std::vector<ReachAnswer> &answers, const std::optional<std::string> &action = {},
        std::string_view resourceArn = {}) const;

private:
    const AccessGraph &m_graph;
    const OrganizationModel &m_org;
};

} // namespace rd::core
