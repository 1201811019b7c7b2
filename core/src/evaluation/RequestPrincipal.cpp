// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/RequestPrincipal.h"

#include "base/TextUtil.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <algorithm>
#include <array>

namespace rd::core
{

namespace
{

bool isCanonicalUserId(std::string_view text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The web identity providers IAM names in trust policies with "Federated" (IAM User Guide, "Identity providers and
// federation": Amazon Cognito, Login with Amazon, Facebook, Google).
constexpr std::array<std::string_view, 4> kWebIdentityProviders { "cognito-identity.amazonaws.com", "www.amazon.com",
    "graph.facebook.com", "accounts.google.com" };

bool fail(std::string &error, std::string message)
{
    error = std::move(message);
    return false;
}

// "path/name" → path "/path/", name "name".
void splitPathAndName(std::string_view rest, std::string &path, std::string &name)
{
    const std::size_t slash = rest.rfind('/');
    if (slash == std::string_view::npos) {
        path = "/";
        name = std::string(rest);
    } else {
        path = "/" + std::string(rest.substr(0, slash + 1));
        name = std::string(rest.substr(slash + 1));
    }
}

} // namespace

bool RequestPrincipal::parse(std::string_view text, RequestPrincipal &out, std::string &error)
{
    out = RequestPrincipal {};
    out.text = std::string(text);
    if (text == "anonymous" || text == "*") {
        out.kind = PrincipalKind::Anonymous;
        return true;
    }
    const std::string lower = toLower(text);
    if (std::find(kWebIdentityProviders.begin(), kWebIdentityProviders.end(), lower) != kWebIdentityProviders.end()) {
        out.kind = PrincipalKind::IdentityProvider;
        return true;
    }
    if (text.find(':') == std::string_view::npos) {
        if (isCanonicalUserId(text)) {
            out.kind = PrincipalKind::CanonicalUser;
            return true;
        }
        if (endsWith(lower, ".amazonaws.com") || endsWith(lower, ".amazonaws.com.cn")) {
            out.kind = PrincipalKind::Service;
            return true;
        }
        return fail(error,
            "`" + std::string(text)
                + "` is not a principal: use an IAM or STS ARN, a service "
                  "principal such as `lambda.amazonaws.com`, an identity provider, or `anonymous`");
    }
    std::array<std::string_view, 6> fields;
    if (!splitArn(text, fields) || fields[0] != "arn" || fields[1].empty())
        return fail(error, "`" + std::string(text) + "` is not an ARN of the form arn:partition:service::account:...");
    out.partition = std::string(fields[1]);
    const std::string_view service = fields[2];
    const std::string_view account = fields[4];
    const std::string_view resource = fields[5];
    if (!isAccountId(account))
        return fail(error, "`" + std::string(text) + "` has no 12-digit account id");
    out.account = std::string(account);
    if (service == "iam") {
        if (resource == "root") {
            out.kind = PrincipalKind::Root;
            return true;
        }
        const std::size_t slash = resource.find('/');
        const std::string_view type = resource.substr(0, slash);
        if (slash != std::string_view::npos && slash + 1 < resource.size()) {
            const std::string_view rest = resource.substr(slash + 1);
            if (type == "user" || type == "role") {
                out.kind = type == "user" ? PrincipalKind::User : PrincipalKind::Role;
                splitPathAndName(rest, out.path, out.name);
                if (!out.name.empty())
                    return true;
            } else if (type == "saml-provider" || type == "oidc-provider") {
                out.kind = PrincipalKind::IdentityProvider;
                out.name = std::string(rest);
                return true;
            }
        }
    } else if (service == "sts") {
        const std::size_t slash = resource.find('/');
        const std::string_view type = resource.substr(0, slash);
        if (slash != std::string_view::npos) {
            const std::string_view rest = resource.substr(slash + 1);
            if (type == "assumed-role") {
                const std::size_t second = rest.find('/');
                if (second != std::string_view::npos && second > 0 && second + 1 < rest.size()) {
                    out.kind = PrincipalKind::RoleSession;
                    out.name = std::string(rest.substr(0, second));
                    out.sessionName = std::string(rest.substr(second + 1));
                    return true;
                }
            } else if (type == "federated-user" && !rest.empty()) {
                out.kind = PrincipalKind::FederatedUser;
                out.name = std::string(rest);
                return true;
            }
        }
    }
    return fail(error,
        "`" + std::string(text)
            + "` is not a user, role, role session, federated user, root user or "
              "identity provider ARN");
}

bool RequestPrincipal::hasIdentityPolicies() const
{
    return kind == PrincipalKind::User || kind == PrincipalKind::Role || kind == PrincipalKind::RoleSession
        || kind == PrincipalKind::FederatedUser;
}

bool RequestPrincipal::isServiceLinkedRole() const
{
    if (kind == PrincipalKind::Role)
        return path.rfind("/aws-service-role/", 0) == 0;
    if (kind == PrincipalKind::RoleSession)
        return name.rfind("AWSServiceRoleFor", 0) == 0;
    return false;
}

std::string_view principalKindName(PrincipalKind kind)
{
    switch (kind) {
    case PrincipalKind::User:
        return "user";
    case PrincipalKind::Role:
        return "role";
    case PrincipalKind::RoleSession:
        return "role session";
    case PrincipalKind::FederatedUser:
        return "federated user";
    case PrincipalKind::Root:
        return "root user";
    case PrincipalKind::Service:
        return "service";
    case PrincipalKind::IdentityProvider:
        return "identity provider";
    case PrincipalKind::CanonicalUser:
        return "canonical user";
    case PrincipalKind::Anonymous:
        return "anonymous";
    }
    return "";
}

} // namespace rd::core
