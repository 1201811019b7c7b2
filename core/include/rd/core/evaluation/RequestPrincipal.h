// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace rd::core
{

/// Who makes a request, as the evaluator needs to know it (IAM User Guide, "AWS JSON policy elements: Principal").
enum class PrincipalKind {
    /// `arn:aws:iam::111122223333:user/path/name`
    User,
    /// `arn:aws:iam::111122223333:role/path/name` (requests come from its sessions; accepted for convenience)
    Role,
    /// `arn:aws:sts::111122223333:assumed-role/name/session`
    RoleSession,
    /// `arn:aws:sts::111122223333:federated-user/name` (GetFederationToken)
    FederatedUser,
    /// `arn:aws:iam::111122223333:root`
    Root,
    /// `lambda.amazonaws.com`
    Service,
    /// `arn:aws:iam::111122223333:saml-provider/name`, `...:oidc-provider/host`, or a web identity provider such as
    /// `cognito-identity.amazonaws.com` and `accounts.google.com`
    IdentityProvider,
    /// A 64-digit canonical user id (S3)
    CanonicalUser,
    /// An unauthenticated request
    Anonymous,
};

struct RequestPrincipal {
    PrincipalKind kind = PrincipalKind::Anonymous;
    /// The principal as given.
    std::string text;
    std::string partition;
    /// Empty for service principals, web identity providers, canonical users and anonymous requests.
    std::string account;
    /// User, role or federated user name; for a role session the role's name.
    std::string name;
    /// The path of a user or role (`/` when none); unknown for sessions.
    std::string path;
    /// The session name of a role session.
    std::string sessionName;

    /// Reads a principal; returns false with a reason in `error` when the text is none of the forms above.
    static bool parse(std::string_view text, RequestPrincipal &out, std::string &error);

    /// A principal that can have identity-based policies (users, roles and their sessions, federated users).
    bool hasIdentityPolicies() const;
    /// A service-linked role or one of its sessions (path `/aws-service-role/`, or a role named `AWSServiceRoleFor...`
    /// when the path is unknown): SCPs and RCPs do not restrict them (AWS Organizations User Guide, "Service control
    /// policies": "SCPs don't affect service-linked roles").
    bool isServiceLinkedRole() const;
};

std::string_view principalKindName(PrincipalKind kind);

} // namespace rd::core
