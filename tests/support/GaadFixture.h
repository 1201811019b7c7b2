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

/// Percent-encodes as IAM does for policy documents in API responses.
std::string urlEncode(const std::string &text);

} // namespace rd::test
