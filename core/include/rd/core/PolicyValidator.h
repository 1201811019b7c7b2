// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/Diagnostic.h"
#include "rd/core/Policy.h"
#include "rd/core/PolicyKind.h"

#include <optional>
#include <string_view>

namespace rd::core
{

/// The policy grammar checks for a kind of policy (IAM User Guide, "IAM JSON policy element reference" and "Grammar
/// of the IAM JSON policy language"), with IAM Access Analyzer's issue codes: MISSING_VERSION, INVALID_VERSION,
/// MISSING_STATEMENT, MISSING_EFFECT, INVALID_EFFECT, MISSING_ACTION, MISSING_RESOURCE, MISSING_PRINCIPAL,
/// UNSUPPORTED_PRINCIPAL, INVALID_PRINCIPAL_KEY, INVALID_PRINCIPAL_FORMAT, UNSUPPORTED_ELEMENT_COMBINATION,
/// ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL, ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE, UNIQUE_SIDS_REQUIRED.
Diagnostics validateGrammar(const Policy &policy, PolicyKind kind);

/// Parses the text and, when that yields a policy, checks its grammar for `kind` (or for guessPolicyKind() when no
/// kind is given): every finding in text order.
Diagnostics validatePolicyText(std::string_view text, std::optional<PolicyKind> kind = std::nullopt);

} // namespace rd::core
