// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/validation/RoleValidator.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>

namespace rd::core
{

namespace
{

// IAM identifiers: "/" alone, or starting and ending with "/", up to 512 printable ASCII characters.
bool validPath(std::string_view path)
{
    return !path.empty() && path.size() <= 512 && path.front() == '/' && path.back() == '/'
        && std::all_of(path.begin(), path.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

bool atLeast(const Diagnostics &diagnostics, Severity severity)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [&](const Diagnostic &d) { return static_cast<int>(d.severity) <= static_cast<int>(severity); });
}

} // namespace

std::size_t RoleFindings::count() const
{
    std::size_t n = role.size() + trustPolicy.size();
    for (const auto &[name, findings] : inlinePolicies)
        n += findings.size();
    return n;
}

bool RoleFindings::hasSeverityAtLeast(Severity severity) const
{
    if (atLeast(role, severity) || atLeast(trustPolicy, severity))
        return true;
    return std::any_of(inlinePolicies.begin(), inlinePolicies.end(),
        [&](const auto &entry) { return atLeast(entry.second, severity); });
}

namespace
{

/// The findings of `role`, given the other role of its account with the same name (or nullptr).
RoleFindings validateRoleWith(const Role &role, const Role *duplicate, const ValidationOptions &options)
{
    RoleFindings findings;
    const SourceRange none;
    if (!isValidIamName(role.name, 64))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidRoleName, none,
            "the role name `" + role.name + "` must be 1 to 64 letters, digits or `+=,.@_-`"));
    if (duplicate)
        findings.role.push_back(makeDiagnostic(CheckCode::DuplicateRoleName, none,
            "another role of account " + role.accountId + " is named `" + duplicate->name
                + "`: IAM role names are unique regardless of case"));
    if (!validPath(role.path))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidRolePath, none,
            "the path `" + role.path
                + "` must be `/` or start and end with `/`, printable ASCII, at most 512 "
                  "characters"));
    if (!isValidMaxSessionDuration(role.maxSessionDuration))
        findings.role.push_back(makeDiagnostic(CheckCode::InvalidMaxSessionDuration, none,
            "MaxSessionDuration is " + std::to_string(role.maxSessionDuration)
                + " seconds: it must be from 3600 (1 hour) to 43200 (12 hours)"));
    if (role.attachedPolicyArns.size() > static_cast<std::size_t>(options.quotas.managedPoliciesPerRole))
        findings.role.push_back(makeDiagnostic(CheckCode::ManagedPoliciesPerRoleExceeded, none,
            std::to_string(role.attachedPolicyArns.size()) + " managed policies are attached: the account allows "
                + std::to_string(options.quotas.managedPoliciesPerRole) + " per role"));

    ValidationOptions trustOptions = options;
    trustOptions.ownerAccount = role.accountId;
    findings.trustPolicy = validatePolicy(role.trustPolicy, PolicyKind::Trust, trustOptions);

    // Inline policies count against one aggregate quota rather than one each.
    ValidationOptions inlineOptions = options;
    inlineOptions.checkSize = false;
    std::size_t inlineSize = 0;
    for (const InlinePolicy &policy : role.inlinePolicies) {
        findings.inlinePolicies.emplace_back(
            policy.name, validatePolicy(policy.document, PolicyKind::Identity, inlineOptions));
        inlineSize += policySize(policy.document);
    }
    if (inlineSize > static_cast<std::size_t>(options.quotas.roleInlinePoliciesTotal))
        findings.role.push_back(makeDiagnostic(CheckCode::RoleInlinePoliciesSizeExceedsQuota, none,
            "the role's inline policies have " + std::to_string(inlineSize)
                + " characters without white space together, more than the "
                + std::to_string(options.quotas.roleInlinePoliciesTotal) + " IAM allows per role"));
    return findings;
}

} // namespace

RoleFindings validateRole(const Workspace &workspace, const Role &role, const ValidationOptions &options)
{
    // One role: a scan costs less than building an index.
    const Role *duplicate = nullptr;
    for (const Role &other : workspace.roles) {
        if (other.id != role.id && other.accountId == role.accountId && equalsIgnoreCase(other.name, role.name)) {
            duplicate = &other;
            break;
        }
    }
    return validateRoleWith(role, duplicate, options);
}

RoleFindings validateRole(const Role &role, const RoleNameIndex &names, const ValidationOptions &options)
{
    return validateRoleWith(role, names.otherWithSameName(role), options);
}

} // namespace rd::core
