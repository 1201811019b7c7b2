// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/validation/PolicyValidator.h"

#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/Wildcard.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "validation/CatalogChecker.h"
#include "validation/RedundancyChecker.h"
#include "validation/SecurityChecker.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace rd::core
{
namespace
{

/// An element kept as an Extra under its exact name had a value of the wrong type, already reported as
/// DATA_TYPE_MISMATCH; it is not "missing".
bool hasExtra(const std::vector<ExtraElement> &extras, std::string_view name)
{
    return std::any_of(extras.begin(), extras.end(), [&](const ExtraElement &e) { return e.name.value == name; });
}

SourceRange keyRange(const Statement &s, StatementElement element)
{
    for (const ElementSlot &slot : s.order) {
        if (slot.element == element)
            return slot.keyRange;
    }
    return s.range;
}

class GrammarChecker
{
public:
    GrammarChecker(PolicyKind kind, Diagnostics &out)
        : m_kind(kind)
        , m_out(out)
    {
    }

    void check(const Policy &policy)
    {
        // "Version": 2012-10-17 is current; 2008-10-17 is the earlier version, without policy variables.
        if (!policy.version) {
            if (!hasExtra(policy.extras, "Version"))
                m_out.push_back(makeDiagnostic(CheckCode::MissingVersion, policy.range,
                    "the policy has no `Version`: IAM then reads it as `2008-10-17`, without policy variables; add "
                    "\"Version\": \"2012-10-17\""));
        } else if (policy.version->value != "2012-10-17" && policy.version->value != "2008-10-17") {
            m_out.push_back(makeDiagnostic(CheckCode::InvalidVersion, policy.version->range,
                "`" + policy.version->value + "` is not a policy language version: use `2012-10-17`"));
        }
        if (policy.statementForm == StatementForm::Absent) {
            if (!hasExtra(policy.extras, "Statement"))
                m_out.push_back(
                    makeDiagnostic(CheckCode::MissingStatement, policy.range, "the policy has no `Statement` element"));
            return;
        }
        std::unordered_map<std::string, const PolicyString *> sids;
        for (const Statement &s : policy.statements) {
            checkStatement(s);
            if (s.sid && !s.sid->value.empty()) {
                auto [it, inserted] = sids.emplace(s.sid->value, &*s.sid);
                if (!inserted)
                    m_out.push_back(makeDiagnostic(CheckCode::UniqueSidsRequired, s.sid->range,
                        "the Sid `" + s.sid->value + "` is used by another statement (line "
                            + std::to_string(it->second->range.begin.line) + "): each statement needs its own"));
            }
        }
    }

private:
    void checkStatement(const Statement &s)
    {
        if (!s.effect) {
            if (!hasExtra(s.extras, "Effect"))
                m_out.push_back(makeDiagnostic(CheckCode::MissingEffect, s.range,
                    "the statement has no `Effect`: add \"Effect\": \"Allow\" or "
                    "\"Effect\": \"Deny\""));
        } else if (!s.effectValue()) {
            Diagnostic d = makeDiagnostic(CheckCode::InvalidEffect, s.effect->range,
                "`" + s.effect->value + "` is not an Effect: use `Allow` or `Deny`");
            d.help = "IAM compares the Effect value case-sensitively";
            m_out.push_back(std::move(d));
        }

        if (!s.action && !s.notAction) {
            if (!hasExtra(s.extras, "Action") && !hasExtra(s.extras, "NotAction"))
                m_out.push_back(
                    makeDiagnostic(CheckCode::MissingAction, s.range, "the statement has no `Action` or `NotAction`"));
        } else if (s.action && s.notAction) {
            combination(s, StatementElement::NotAction, "`Action` and `NotAction`");
        }

        const bool hasResource =
            s.resource || s.notResource || hasExtra(s.extras, "Resource") || hasExtra(s.extras, "NotResource");
        if (s.resource && s.notResource)
            combination(s, StatementElement::NotResource, "`Resource` and `NotResource`");
        if (m_kind == PolicyKind::Trust) {
            if (s.resource || s.notResource) {
                const StatementElement e = s.resource ? StatementElement::Resource : StatementElement::NotResource;
                m_out.push_back(makeDiagnostic(CheckCode::RoleTrustPolicySyntaxErrorResource, keyRange(s, e),
                    "a role trust policy cannot have `" + std::string(statementElementName(e))
                        + "`: the role itself is the resource"));
            }
        } else if (!hasResource && (m_kind == PolicyKind::Identity || m_kind == PolicyKind::Resource)) {
            m_out.push_back(makeDiagnostic(
                CheckCode::MissingResource, s.range, "the statement has no `Resource` or `NotResource`"));
        }

        const bool needsPrincipal =
            m_kind == PolicyKind::Trust || m_kind == PolicyKind::Resource || m_kind == PolicyKind::ResourceControl;
        if (s.principal && s.notPrincipal)
            combination(s, StatementElement::NotPrincipal, "`Principal` and `NotPrincipal`");
        if (needsPrincipal) {
            if (!s.principal && !s.notPrincipal && !hasExtra(s.extras, "Principal")
                && !hasExtra(s.extras, "NotPrincipal"))
                m_out.push_back(makeDiagnostic(CheckCode::MissingPrincipal, s.range,
                    "the statement has no `Principal`: say who the policy applies to"));
            // AWS Organizations User Guide, "RCP syntax": Principal is required and must be "*"; NotPrincipal is not
            // supported (conditions narrow the principals).
            if (m_kind == PolicyKind::ResourceControl) {
                if (s.principal && !isEveryone(*s.principal))
                    m_out.push_back(makeDiagnostic(CheckCode::UnsupportedPrincipal, s.principal->range,
                        "an RCP's `Principal` must be `*`: narrow the principals with conditions such as "
                        "`aws:PrincipalOrgID`"));
                if (s.notPrincipal)
                    m_out.push_back(
                        makeDiagnostic(CheckCode::UnsupportedPrincipal, keyRange(s, StatementElement::NotPrincipal),
                            "`NotPrincipal` is not supported in an RCP: use `Principal: \"*\"` with conditions"));
            }
            if (m_kind == PolicyKind::Trust && s.notPrincipal)
                m_out.push_back(makeDiagnostic(CheckCode::RoleTrustPolicySyntaxErrorNotPrincipal,
                    keyRange(s, StatementElement::NotPrincipal),
                    "a role trust policy cannot use `NotPrincipal`: name the "
                    "principals in `Principal`"));
        } else {
            for (StatementElement e : { StatementElement::Principal, StatementElement::NotPrincipal }) {
                const bool present =
                    e == StatementElement::Principal ? s.principal.has_value() : s.notPrincipal.has_value();
                // Access Analyzer's own code for SCPs (AWS Organizations User Guide, "SCP syntax": SCPs do not
                // support Principal or NotPrincipal).
                if (present && m_kind == PolicyKind::ServiceControl)
                    m_out.push_back(makeDiagnostic(CheckCode::ScpSyntaxErrorPrincipal, keyRange(s, e),
                        "SCPs do not support `" + std::string(statementElementName(e))
                            + "`: an SCP applies to every principal of the accounts it is attached to; name "
                              "principals with the `aws:PrincipalArn` condition key"));
                else if (present)
                    m_out.push_back(makeDiagnostic(CheckCode::UnsupportedPrincipal, keyRange(s, e),
                        "`" + std::string(statementElementName(e)) + "` is not supported in "
                            + (m_kind == PolicyKind::Identity
                                    ? std::string("an identity policy")
                                    : std::string("a ") + std::string(policyKindName(m_kind)) + " policy")
                            + ": the policy applies to whoever it is attached to"));
            }
        }
        for (const auto *block : { s.principal ? &*s.principal : nullptr, s.notPrincipal ? &*s.notPrincipal : nullptr })
            if (block)
                checkPrincipal(*block);
    }

    /// A Federated principal of a role trust policy: the ARN of an IAM SAML or OIDC provider, or the domain name of
    /// a web identity provider (IAM User Guide, "AWS JSON policy elements: Principal", federated user principals).
    /// Wildcards and policy variables are reported by their own checks.
    static bool isFederatedPrincipal(std::string_view value)
    {
        if (value.find_first_of("*?") != std::string_view::npos || value.find("${") != std::string_view::npos)
            return true;
        std::array<std::string_view, 6> fields;
        if (value.rfind("arn:", 0) == 0) {
            if (!splitArn(value, fields) || fields[2] != "iam" || !fields[3].empty() || !isAccountId(fields[4]))
                return false;
            for (std::string_view marker : { std::string_view("saml-provider/"), std::string_view("oidc-provider/") }) {
                if (fields[5].rfind(marker, 0) == 0 && fields[5].size() > marker.size())
                    return true;
            }
            return false;
        }
        const bool domainCharacters = std::all_of(value.begin(), value.end(),
            [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'; });
        return domainCharacters && value.find('.') != std::string_view::npos && value.front() != '.'
            && value.back() != '.' && value.find("..") == std::string_view::npos;
    }

    static bool isEveryone(const PrincipalBlock &block)
    {
        if (block.isString)
            return block.wildcard.value == "*";
        return block.entries.size() == 1 && block.entries.front().type.value == "AWS"
            && block.entries.front().values.values.size() == 1
            && block.entries.front().values.values.front().value == "*";
    }

    void checkPrincipal(const PrincipalBlock &block)
    {
        if (block.isString) {
            if (block.wildcard.value != "*")
                m_out.push_back(makeDiagnostic(CheckCode::InvalidPrincipalFormat, block.wildcard.range,
                    "a principal given as a string must be `*`; name others in a map such as {\"AWS\": \""
                        + block.wildcard.value + "\"}"));
            return;
        }
        for (const PrincipalEntry &entry : block.entries) {
            const std::string &type = entry.type.value;
            if (type != "AWS" && type != "Service" && type != "Federated" && type != "CanonicalUser")
                m_out.push_back(makeDiagnostic(CheckCode::InvalidPrincipalKey, entry.type.range,
                    "`" + type
                        + "` is not a principal type: use `AWS`, `Service`, "
                          "`Federated` or `CanonicalUser`"));
            if (type != "Federated")
                continue;
            // IAM User Guide, "AWS JSON policy elements: Principal" (federated user principals): identity providers
            // are trusted by role trust policies only.
            if (m_kind == PolicyKind::Resource)
                m_out.push_back(makeDiagnostic(CheckCode::FederatedPrincipalNotSupported, entry.type.range,
                    "a resource policy cannot name a `Federated` identity provider: only role trust policies can; "
                    "name the role that the provider's users assume instead"));
            if (m_kind != PolicyKind::Trust)
                continue;
            for (const PolicyString &value : entry.values.values) {
                if (!isFederatedPrincipal(value.value))
                    m_out.push_back(makeDiagnostic(CheckCode::InvalidFederatedPrincipalSyntaxInRoleTrustPolicy,
                        value.range,
                        "`" + value.value
                            + "` is not an identity provider: write the ARN of a SAML or OIDC provider "
                              "(`arn:aws:iam::111122223333:saml-provider/NAME`, "
                              "`arn:aws:iam::111122223333:oidc-provider/HOST`) or the domain name of a web identity "
                              "provider (`cognito-identity.amazonaws.com`, `accounts.google.com`)"));
            }
        }
    }

    void combination(const Statement &s, StatementElement second, const std::string &pair)
    {
        m_out.push_back(makeDiagnostic(
            CheckCode::UnsupportedElementCombination, keyRange(s, second), "a statement cannot have both " + pair));
    }

    PolicyKind m_kind;
    Diagnostics &m_out;
};

} // namespace

Diagnostics validateGrammar(const Policy &policy, PolicyKind kind)
{
    Diagnostics out;
    GrammarChecker(kind, out).check(policy);
    return out;
}

std::size_t policySize(const Policy &policy)
{
    // IAM counts the characters of the document without white space: the minified text, in code points.
    const std::string text = writePolicy(policy, WriteStyle::Minified);
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace
{

void checkSize(const Policy &policy, PolicyKind kind, const PolicyQuotas &quotas, Diagnostics &out)
{
    struct Quota {
        int limit;
        CheckCode code;
        const char *what;
    };
    std::optional<Quota> quota;
    switch (kind) {
    case PolicyKind::Identity:
        quota = Quota { quotas.managedPolicy, CheckCode::PolicySizeExceedsIdentityPolicyQuota, "a managed policy" };
        break;
    case PolicyKind::Trust:
        quota =
            Quota { quotas.roleTrustPolicy, CheckCode::PolicySizeExceedsRoleTrustPolicyQuota, "a role trust policy" };
        break;
    case PolicyKind::ServiceControl:
        quota = Quota { quotas.serviceControlPolicy, CheckCode::PolicySizeExceedsScpQuota, "an SCP" };
        break;
    case PolicyKind::ResourceControl:
        quota = Quota { quotas.resourceControlPolicy, CheckCode::PolicySizeExceedsRcpQuota, "an RCP" };
        break;
    case PolicyKind::Resource:
        // Each service sets its own limit (S3 bucket policies 20 KB, SQS queue policies 20 KB...): not checked.
        break;
    }
    if (!quota)
        return;
    const std::size_t size = policySize(policy);
    if (size <= static_cast<std::size_t>(quota->limit))
        return;
    std::string message = "the policy has " + std::to_string(size) + " characters without white space, more than the "
        + std::to_string(quota->limit) + " IAM allows for " + quota->what;
    out.push_back(makeDiagnostic(quota->code, policy.range, std::move(message)));
}

} // namespace

Diagnostics validatePolicy(const Policy &policy, PolicyKind kind, const ValidationOptions &options)
{
    Diagnostics out;
    GrammarChecker(kind, out).check(policy);
    if (options.checkSize)
        checkSize(policy, kind, options.quotas, out);
    if (options.catalog)
        CatalogChecker(*options.catalog, kind, out).check(policy);
    SecurityChecker(kind, options, out).check(policy);
    RedundancyChecker(out).check(policy);
    sortByPosition(out);
    return out;
}

Diagnostics validatePolicyText(std::string_view text, std::optional<PolicyKind> kind, const ValidationOptions &options)
{
    ParseResult parsed = parsePolicy(text);
    Diagnostics out = std::move(parsed.diagnostics);
    if (parsed.policy) {
        Diagnostics checks = validatePolicy(*parsed.policy, kind.value_or(guessPolicyKind(*parsed.policy)), options);
        out.insert(out.end(), std::make_move_iterator(checks.begin()), std::make_move_iterator(checks.end()));
    }
    sortByPosition(out);
    return out;
}

} // namespace rd::core
