// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

/// A blank a template asks for.
struct TemplateBlank {
    enum class Kind { Name, AccountId, Region, BucketName, Text, Email, Domain, Repository };
    std::string key;
    std::string label;
    /// Shown as the placeholder, and used when the blank is left empty.
    std::string example;
    Kind kind = Kind::Text;
};

/// A ready-made role that asks only for its blanks: the classic Lambda execution role, an EC2 role with its
/// instance profile, a cross-account role with sts:ExternalId, a role for GitHub Actions through OIDC, and the four
/// roles of an email system built on Amazon SES. Every template yields a role with no finding (TestRoleTemplate).
struct RoleTemplate {
    std::string id;
    std::string title;
    std::string description;
    std::vector<TemplateBlank> blanks;
};

const std::vector<RoleTemplate> &roleTemplates();
const RoleTemplate *findRoleTemplate(std::string_view id);

/// Fills a template for an account. Missing blanks take their example; a blank of the wrong form (an account id
/// that is not 12 digits, a role name IAM refuses...) gives nothing and the reason in `error`.
std::optional<Role> buildRole(const RoleTemplate &roleTemplate, const std::string &accountId,
    const std::map<std::string, std::string> &values, std::string &error);

/// A role with a name and nothing else: a trust policy with no statement (nobody may assume it yet) and no
/// permissions, for building one from scratch in the editors.
std::optional<Role> buildEmptyRole(const std::string &name, const std::string &accountId, std::string &error);

} // namespace rd::core
