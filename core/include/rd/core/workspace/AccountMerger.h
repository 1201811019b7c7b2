// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rd::core
{

/// Merges accounts imported one file each (GAAD per account) into one workspace: entities get fresh ids, accounts
/// are joined, AWS managed policies (`arn:aws:iam::aws:policy/...`, in every account's export) are kept once, and
/// the external principals are collected again over the whole (an account that another file brings is no longer
/// external).
class AccountMerger
{
public:
    /// Adds one account's workspace read from `file`. Returns the reason when a user, group, role or customer managed
    /// policy ARN is already in the merge (`ARN is in both FILE1 and FILE2`); nothing of `account` is added then.
    std::optional<std::string> add(Workspace account, std::string_view file);

    /// The merged workspace; call once, after the last add().
    Workspace take();

private:
    Workspace m_merged;
    /// Every ARN added so far and the file it came from.
    std::unordered_map<std::string, std::string> m_origin;
};

} // namespace rd::core
