// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace rd::test
{

/// A synthetic `aws iam get-account-authorization-details` output for account 111122223333, built from the AWS
/// managed policy corpus: `roles` roles (trusting services, the account, another account with an external id, a
/// SAML and an OIDC provider in turn), each with an inline policy taken from the corpus and an attached AWS managed
/// policy; users and groups; and `policies` managed policies whose documents alternate between JSON objects (as the
/// AWS CLI prints them) and URL-encoded strings (as the API returns them). Exits with a failure status, naming the
/// archive, when the corpus cannot be read (requireManagedPolicyFiles()).
std::string makeGaad(int roles, int policies);

/// Which inline policy each role of makeGaad() carries.
enum class InlinePolicies {
    /// A whole AWS managed policy document from the corpus (3 KB on average): 3.3 KB of text per role.
    FromCorpus,
    /// One statement on one bucket, as most roles of real accounts have: 0.9 KB of text per role, about what the
    /// AWS CLI prints for an account.
    Small,
};
std::string makeGaad(int roles, int policies, InlinePolicies inlinePolicies);

/// `aws iam list-roles` output (IAM API reference, ListRoles) for the roles of makeGaad(roles, ...), each with a
/// Description and a MaxSessionDuration (which GAAD omits).
std::string makeListRoles(int roles);

/// Percent-encodes as IAM does for policy documents in API responses.
std::string urlEncode(const std::string &text);

} // namespace rd::test
