// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/policy/PolicyKind.h"

#include "base/TextUtil.h"
#include "rd/core/policy/Policy.h"

namespace rd::core
{

std::string_view policyKindName(PolicyKind kind)
{
    switch (kind) {
    case PolicyKind::Identity:
        return "identity";
    case PolicyKind::Trust:
        return "trust";
    case PolicyKind::Resource:
        return "resource";
    case PolicyKind::ServiceControl:
        return "scp";
    case PolicyKind::ResourceControl:
        return "rcp";
    }
    return "identity";
}

std::optional<PolicyKind> policyKindFromName(std::string_view name)
{
    for (PolicyKind kind : { PolicyKind::Identity, PolicyKind::Trust, PolicyKind::Resource, PolicyKind::ServiceControl,
             PolicyKind::ResourceControl }) {
        if (policyKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

namespace
{
// The actions a role trust policy may grant (IAM User Guide, "Role trust policies"; STS API reference).
bool isTrustAction(std::string_view action)
{
    const std::string lower = toLower(action);
    return lower.rfind("sts:assumerole", 0) == 0 || lower == "sts:tagsession" || lower == "sts:setsourceidentity"
        || lower == "sts:setcontext";
}
} // namespace

PolicyKind guessPolicyKind(const Policy &policy)
{
    bool hasPrincipal = false;
    bool onlyTrustActions = true;
    for (const Statement &s : policy.statements) {
        hasPrincipal = hasPrincipal || s.principal || s.notPrincipal;
        if (!s.action) {
            onlyTrustActions = false;
            continue;
        }
        for (const PolicyString &a : s.action->values)
            onlyTrustActions = onlyTrustActions && isTrustAction(a.value);
    }
    if (!hasPrincipal)
        return PolicyKind::Identity;
    return onlyTrustActions ? PolicyKind::Trust : PolicyKind::Resource;
}

} // namespace rd::core
