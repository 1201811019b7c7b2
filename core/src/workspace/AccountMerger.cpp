// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/AccountMerger.h"

#include <vector>

namespace rd::core
{

std::optional<std::string> AccountMerger::add(Workspace account, std::string_view file)
{
    // Checked before anything is added, so that a refused file leaves the merge as it was.
    std::vector<std::string> arns;
    auto collect = [&](const auto &items) {
        for (const auto &item : items) {
            if (!item.arn.empty())
                arns.push_back(item.arn);
        }
    };
    collect(account.users);
    collect(account.groups);
    collect(account.roles);
    for (const ManagedPolicy &policy : account.policies) {
        if (!policy.isAwsManaged() && !policy.arn.empty())
            arns.push_back(policy.arn);
    }
    for (const std::string &arn : arns) {
        auto it = m_origin.find(arn);
        if (it != m_origin.end())
            return "`" + arn + "` is in both `" + it->second + "` and `" + std::string(file) + "`";
    }
    for (std::string &arn : arns)
        m_origin.emplace(std::move(arn), std::string(file));

    for (const Account &a : account.accounts) {
        if (!m_merged.hasAccount(a.accountId))
            m_merged.accounts.push_back(a);
    }
    for (User &user : account.users) {
        user.id = {};
        m_merged.add(std::move(user));
    }
    for (Group &group : account.groups) {
        group.id = {};
        m_merged.add(std::move(group));
    }
    for (Role &role : account.roles) {
        role.id = {};
        m_merged.add(std::move(role));
    }
    for (ManagedPolicy &policy : account.policies) {
        if (policy.isAwsManaged() && !m_origin.emplace(policy.arn, std::string(file)).second)
            continue;
        policy.id = {};
        m_merged.add(std::move(policy));
    }
    for (Resource &resource : account.resources) {
        resource.id = {};
        m_merged.add(std::move(resource));
    }
    return std::nullopt;
}

Workspace AccountMerger::take()
{
    m_merged.externalPrincipals.clear();
    m_merged.collectExternalPrincipals();
    return std::move(m_merged);
}

} // namespace rd::core
