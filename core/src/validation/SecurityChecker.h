// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/policy/Policy.h"
#include "rd/core/policy/PolicyKind.h"
#include "rd/core/validation/PolicyValidator.h"

namespace rd::core
{

/// The checks for what a policy grants rather than how it is written: trust policies (who may assume the role and
/// with which action), iam:PassRole and iam:CreateServiceLinkedRole breadth, NotPrincipal, NotAction and NotResource
/// with Allow, full access, privilege-escalation action sets (IAM User Guide, "IAM policy validation check
/// reference", "Security best practices in IAM" and "The confused deputy problem").
class SecurityChecker
{
public:
    SecurityChecker(PolicyKind kind, const ValidationOptions &options, Diagnostics &out);

    void check(const Policy &policy);

private:
    void checkTrustStatement(const Statement &statement);
    void checkPrincipalWildcards(const Statement &statement);
    void checkBreadth(const Statement &statement);
    void checkEscalation(const Policy &policy);
    void checkRolesAnywhere(const Policy &policy);
    void checkAttachedResource(const StringList &resources);

    PolicyKind m_kind;
    const ValidationOptions &m_options;
    Diagnostics &m_out;
};

} // namespace rd::core
