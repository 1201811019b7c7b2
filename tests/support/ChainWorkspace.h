// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <string>

namespace rd::test
{

inline const std::string kChainAlice = "arn:aws:iam::111122223333:user/alice";
inline const std::string kChainRoleA = "arn:aws:iam::111122223333:role/A";
inline const std::string kChainRoleB = "arn:aws:iam::111122223333:role/B";

/// The reach tests' chain: alice may assume A with MFA (IAM User Guide, "Policy evaluation logic": a trust policy
/// naming the user suffices in its account), A may assume B ("Role chaining"), and B reads
/// `arn:aws:s3:::data-bucket/*` (statement `ReadData`) through the inline policy `bucketPolicyName`.
core::Workspace chainWorkspace(const std::string &name, const std::string &bucketPolicyName);

} // namespace rd::test
