// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The STS simulator: every parameter rule and authorization rule of AssumeRole, AssumeRoleWithSAML and
// AssumeRoleWithWebIdentity that docs/SIMULATION.md lists, each row named by the rule and the page that states it
// (AWS STS API Reference "Request Parameters" and "Errors"; IAM User Guide "Role chaining", "Passing session tags in
// AWS STS", "Chaining roles with session tags", "Monitor and control actions taken with assumed roles", "IAM and AWS
// STS quotas", "Cross-account policy evaluation logic").
#include "PolicyText.h"
#include "rd/core/sts/AssumeRoleJson.h"
#include "rd/core/sts/StsParameterRules.h"
#include "rd/core/sts/StsSimulator.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QtTest>

#include <functional>
#include <vector>

using namespace rd::core;
using rd::test::policyDocument;
using rd::test::policyOf;

class TestStsSimulator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void defaultDurationGivesOneHourAndDeterministicCredentials();
    void failureNamesThePolicyAndStatement();
    void deniedOutsiderIsNamedAsGivenAndTheTrustPolicyAsSuch();
    void chainCarriesTransitiveTagsAndCapsEveryLaterHop();
    void hopContext_data();
    void hopContext();
    void sourceIdentityPersistsThroughAChain();
    void effectivePermissionsIntersectBoundaryAndSessionPolicy();
    void effectivePermissionsByResource_data();
    void effectivePermissionsByResource();
    void attachedAwsManagedPoliciesAreResolvedOffline();
    void lambdaStoryFromTheExampleWorkspace();
    void samlAndWebIdentityCallers();
    void unusableRequestsGiveAnErrorNotACrash_data();
    void unusableRequestsGiveAnErrorNotACrash();
    void jsonCarriesTheContract();
};

namespace
{

const std::string kA = "111122223333";
const std::string kB = "444455556666";
const std::string kAlice = "arn:aws:iam::111122223333:user/alice";
const std::string kBob = "arn:aws:iam::444455556666:user/bob";
const std::string kTarget = "arn:aws:iam::111122223333:role/Target";
const std::string kHop = "arn:aws:iam::111122223333:role/Hop";
const std::string kHopSession = "arn:aws:sts::111122223333:assumed-role/Hop/hop-session";
constexpr long long kJan1 = 1767225600; // 2026-01-01T00:00:00Z

std::string allowStatement(const std::string &principal, const std::string &actions, const std::string &condition = {})
{
    return R"({"Effect":"Allow","Principal":)" + principal + R"(,"Action":)" + actions
        + (condition.empty() ? std::string() : R"(,"Condition":)" + condition) + "}";
}

const std::string kTrustAlice = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")"));
const std::string kIdentityAssumeAny = policyDocument(R"({"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"})");

struct Setup {
    std::string trust = kTrustAlice;
    std::string aliceIdentity;
    std::string bobIdentity;
    std::string hopIdentity;
    int maxSessionDuration = 3600;
};

Workspace makeWorkspace(const Setup &setup)
{
    Workspace w;
    w.name = "sts";
    w.accounts.push_back({ kA, "a" });
    w.accounts.push_back({ kB, "b" });
    User alice;
    alice.accountId = kA;
    alice.name = "alice";
    alice.arn = kAlice;
    if (!setup.aliceIdentity.empty())
        alice.inlinePolicies.push_back({ "AliceAssume", policyOf(setup.aliceIdentity) });
    w.add(alice);
    User bob;
    bob.accountId = kB;
    bob.name = "bob";
    bob.arn = kBob;
    if (!setup.bobIdentity.empty())
        bob.inlinePolicies.push_back({ "BobAssume", policyOf(setup.bobIdentity) });
    w.add(bob);
    Role target;
    target.accountId = kA;
    target.name = "Target";
    target.arn = kTarget;
    target.maxSessionDuration = setup.maxSessionDuration;
    target.trustPolicy = policyOf(setup.trust);
    target.inlinePolicies.push_back(
        { "Read", policyOf(policyDocument(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})")) });
    w.add(target);
    Role hop;
    hop.accountId = kA;
    hop.name = "Hop";
    hop.arn = kHop;
    hop.maxSessionDuration = 43200;
    hop.trustPolicy = policyOf(kTrustAlice);
    hop.inlinePolicies.push_back(
        { "HopAssume", policyOf(setup.hopIdentity.empty() ? kIdentityAssumeAny : setup.hopIdentity) });
    w.add(hop);
    return w;
}

AssumeRoleRequest baseRequest(const std::string &principal = kAlice, const std::string &role = kTarget)
{
    AssumeRoleRequest request;
    request.principal = principal;
    request.roleArns = { role };
    request.roleSessionName = "test-session";
    request.currentTime = kJan1;
    return request;
}

struct Case {
    Setup setup;
    std::function<void(AssumeRoleRequest &)> adjust;
    bool allowed = true;
    std::string code;
    std::string messagePart;
};

std::vector<std::pair<const char *, Case>> &cases()
{
    static std::vector<std::pair<const char *, Case>> list;
    if (!list.empty())
        return list;
    auto add = [](const char *name, Case c) { list.emplace_back(name, std::move(c)); };
    auto duration = [](long long s) { return [s](AssumeRoleRequest &r) { r.durationSeconds = s; }; };
    Setup roleMax7200;
    roleMax7200.maxSessionDuration = 7200;

    // --- DurationSeconds ---
    add("DurationSeconds 900, the minimum, is accepted (STS AssumeRole, Request Parameters)",
        { {}, duration(900), true, "", "" });
    add("DurationSeconds 899 is a ValidationError (STS AssumeRole, Request Parameters: minimum 900)",
        { {}, duration(899), false, "ValidationError", "greater than or equal to 900" });
    add("DurationSeconds equal to the role's MaxSessionDuration is accepted (STS AssumeRole, Request Parameters)",
        { roleMax7200, duration(7200), true, "", "" });
    add("DurationSeconds above the role's MaxSessionDuration fails (STS AssumeRole, Request Parameters)",
        { roleMax7200, duration(7201), false, "ValidationError",
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role" });
    add("DurationSeconds above 3600 fails for a role with the default MaxSessionDuration (STS AssumeRole)",
        { {}, duration(3601), false, "ValidationError", "MaxSessionDuration" });
    add("DurationSeconds above 43200 is a ValidationError (STS AssumeRole, Request Parameters: maximum 43200)",
        { {}, duration(43201), false, "ValidationError", "less than or equal to 43200" });

    // --- Role chaining ---
    {
        Setup s = roleMax7200;
        s.trust = policyDocument(allowStatement(R"({"AWS":")" + kHop + R"("})", R"("sts:AssumeRole")"));
        add("a role session may assume a role for 3600 seconds (IAM User Guide, Role chaining)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.principal = kHopSession;
                    r.durationSeconds = 3600;
                },
                true, "", "" });
        add("a role session asking for more than one hour fails even under MaxSessionDuration (IAM User Guide, "
            "Role chaining)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.principal = kHopSession;
                    r.durationSeconds = 7200;
                },
                false, "ValidationError", "1 hour session limit for roles assumed by role chaining" });
        add("a same-account trust policy naming the calling role allows its session without an identity policy "
            "(IAM User Guide, Policy evaluation logic)",
            { [&] {
                 Setup t = s;
                 t.hopIdentity = policyDocument(R"({"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"})");
                 return t;
             }(),
                [](AssumeRoleRequest &r) { r.principal = kHopSession; }, true, "", "" });
    }

    // --- ExternalId ---
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")",
            R"({"StringEquals":{"sts:ExternalId":"Unique-123"}})"));
        add("a trust policy requiring an external ID denies a request without one (IAM User Guide, confused deputy)",
            { s, {}, false, "AccessDenied", "sts:ExternalId" });
        add("a trust policy requiring an external ID denies a different one (IAM User Guide, confused deputy)",
            { s, [](AssumeRoleRequest &r) { r.externalId = "Other-456"; }, false, "AccessDenied",
                "is not authorized to perform: sts:AssumeRole" });
        add("the matching external ID is allowed (IAM User Guide, confused deputy)",
            { s, [](AssumeRoleRequest &r) { r.externalId = "Unique-123"; }, true, "", "" });
        add("an external ID of one character is a ValidationError (STS AssumeRole, Request Parameters: 2 to 1224)",
            { s, [](AssumeRoleRequest &r) { r.externalId = "x"; }, false, "ValidationError",
                "greater than or equal to 2" });
        add("an external ID of 1225 characters is a ValidationError (STS AssumeRole, Request Parameters)",
            { s, [](AssumeRoleRequest &r) { r.externalId = std::string(1225, 'a'); }, false, "ValidationError",
                "less than or equal to 1224" });
        add("an external ID of 1224 characters with :/ is accepted by the pattern (STS AssumeRole, Request "
            "Parameters)",
            { {}, [](AssumeRoleRequest &r) { r.externalId = "a:b/c" + std::string(1219, 'z'); }, true, "", "" });
        add("an external ID with a space is a ValidationError (STS AssumeRole, Request Parameters: [\\w+=,.@:/-]*)",
            { s, [](AssumeRoleRequest &r) { r.externalId = "Unique 123"; }, false, "ValidationError",
                "regular expression pattern" });
    }

    // --- MFA ---
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")",
            R"({"Bool":{"aws:MultiFactorAuthPresent":"true"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}})"));
        add("MFA present and recent satisfies the trust condition (IAM User Guide, Configuring MFA-protected API "
            "access)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.mfaPresent = true;
                    r.mfaAgeSeconds = 120;
                },
                true, "", "" });
        add("without MFA a user's long-term credentials carry no aws:MultiFactorAuthPresent and are denied (IAM User "
            "Guide, AWS global condition context keys)",
            { s, {}, false, "AccessDenied", "trust policy does not allow" });
        add("an MFA sign-in older than the trust policy's limit is denied (IAM User Guide, AWS global condition "
            "context keys: aws:MultiFactorAuthAge)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.mfaPresent = true;
                    r.mfaAgeSeconds = 7200;
                },
                false, "AccessDenied", "aws:MultiFactorAuthAge" });
    }

    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":[")" + kAlice + R"(",")" + kHop + R"("]})",
            R"("sts:AssumeRole")", R"({"Bool":{"aws:MultiFactorAuthPresent":"false"}})"));
        add("a role session without MFA carries aws:MultiFactorAuthPresent false (IAM User Guide, AWS global "
            "condition context keys)",
            { s, [](AssumeRoleRequest &r) { r.principal = kHopSession; }, true, "", "" });
        add("a user's long-term credentials carry no aws:MultiFactorAuthPresent, so a Bool false condition fails (IAM "
            "User Guide, AWS global condition context keys)",
            { s, {}, false, "AccessDenied", "" });
    }

    // --- same account and cross-account ---
    add("a same-account trust policy naming the user suffices without an identity policy (IAM User Guide, Policy "
        "evaluation logic)",
        { {}, {}, true, "", "" });
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":"arn:aws:iam::111122223333:root"})", R"("sts:AssumeRole")"));
        add("a same-account trust policy naming only the account needs the user's identity policy too (IAM User "
            "Guide, Grant a user permissions to switch roles)",
            { s, {}, false, "AccessDenied", "no identity-based policy allows" });
        Setup t = s;
        t.aliceIdentity = kIdentityAssumeAny;
        add("a same-account trust policy naming the account and the user's identity policy together allow (IAM User "
            "Guide, Grant a user permissions to switch roles)",
            { t, {}, true, "", "" });
    }
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":"444455556666"})", R"("sts:AssumeRole")"));
        add("cross-account: a trust policy naming the account without the caller's identity policy is denied (IAM "
            "User Guide, Cross-account policy evaluation logic)",
            { s, [](AssumeRoleRequest &r) { r.principal = kBob; }, false, "AccessDenied", "cross-account request" });
        Setup t = s;
        t.bobIdentity = kIdentityAssumeAny;
        add("cross-account: the trust policy and the caller's identity policy together allow (IAM User Guide, "
            "Cross-account policy evaluation logic)",
            { t, [](AssumeRoleRequest &r) { r.principal = kBob; }, true, "", "" });
        Setup u;
        u.bobIdentity = kIdentityAssumeAny;
        add("cross-account: an identity policy alone is not enough when the trust policy does not name the account "
            "(IAM User Guide, Cross-account policy evaluation logic)",
            { u, [](AssumeRoleRequest &r) { r.principal = kBob; }, false, "AccessDenied", "trust policy" });
        Setup v;
        v.trust = policyDocument(allowStatement(R"({"AWS":"999988887777"})", R"("sts:AssumeRole")"));
        add("a caller from an account the workspace does not model is assumed allowed by its own policies",
            { v, [](AssumeRoleRequest &r) { r.principal = "arn:aws:iam::999988887777:user/eve"; }, true, "", "" });
        add("an outside account's root stands for a principal of that account",
            { v, [](AssumeRoleRequest &r) { r.principal = "arn:aws:iam::999988887777:root"; }, true, "", "" });
        add("a caller from an unmodelled account is still refused by a trust policy that does not name it",
            { {}, [](AssumeRoleRequest &r) { r.principal = "arn:aws:iam::999988887777:user/eve"; }, false,
                "AccessDenied", "" });
    }
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":"arn:aws:iam::111122223333:root"})", R"("sts:AssumeRole")"));
        add("the root user cannot call AssumeRole (IAM User Guide, AWS account root user)",
            { s, [](AssumeRoleRequest &r) { r.principal = "arn:aws:iam::111122223333:root"; }, false, "AccessDenied",
                "root user cannot assume a role" });
    }

    // --- service principals ---
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"Service":"ec2.amazonaws.com"})", R"("sts:AssumeRole")"));
        add("a service principal named in the trust policy needs no identity side (IAM User Guide, Role trust "
            "policies)",
            { s, [](AssumeRoleRequest &r) { r.principal = "ec2.amazonaws.com"; }, true, "", "" });
        add("a service principal the trust policy does not name is denied (IAM User Guide, Role trust policies)",
            { s, [](AssumeRoleRequest &r) { r.principal = "lambda.amazonaws.com"; }, false, "AccessDenied",
                "does not allow this principal" });
    }

    // --- session tags ---
    {
        auto tags = [](AssumeRoleRequest &r) { r.sessionTags = { { "Project", "blue" } }; };
        add("session tags need sts:TagSession in the trust policy (IAM User Guide, Passing session tags in AWS STS)",
            { {}, tags, false, "AccessDenied", "sts:TagSession" });
        Setup s;
        s.trust =
            policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"(["sts:AssumeRole","sts:TagSession"])"));
        add("session tags are accepted when the trust policy allows sts:TagSession (IAM User Guide, Passing session "
            "tags in AWS STS)",
            { s, tags, true, "", "" });
        add("51 session tags are a ValidationError (STS AssumeRole, Request Parameters: up to 50 tags)",
            { s,
                [](AssumeRoleRequest &r) {
                    for (int i = 0; i < 51; ++i)
                        r.sessionTags.push_back({ "k" + std::to_string(i), "v" });
                },
                false, "ValidationError", "less than or equal to 50" });
        add("a session tag key of 129 characters is a ValidationError (IAM User Guide, IAM and AWS STS quotas)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { std::string(129, 'k'), "v" } };
                },
                false, "ValidationError", "less than or equal to 128" });
        add("a session tag value of 257 characters is a ValidationError (IAM User Guide, IAM and AWS STS quotas)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { "k", std::string(257, 'v') } };
                },
                false, "ValidationError", "less than or equal to 256" });
        add("an emoji in a session tag value is a ValidationError: not a letter, number or separator (AWS STS API "
            "Reference, Tag: Value pattern)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { "Project", "blue\U0001F680" } };
                },
                false, "ValidationError", "regular expression pattern" });
        add("letters and digits of any script are session tag characters (AWS STS API Reference, Tag: Key pattern)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { "Café 部門 \u0663", "Ωmega" } };
                },
                true, "", "" });
        add("session tag keys differing only in case are refused (IAM User Guide, Passing session tags in AWS STS)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { "Project", "a" }, { "project", "b" } };
                },
                false, "InvalidParameterValue", "Duplicate tag keys" });
        add("a transitive tag key must be one of the session tags (IAM User Guide, Chaining roles with session tags)",
            { s,
                [](AssumeRoleRequest &r) {
                    r.sessionTags = { { "Project", "a" } };
                    r.transitiveTagKeys = { "Team" };
                },
                false, "InvalidParameterValue", "Team" });
        add("50 long, varied session tags exceed the packed size (STS AssumeRole, Errors: PackedPolicyTooLarge)",
            { s,
                [](AssumeRoleRequest &r) {
                    for (int i = 0; i < 50; ++i) {
                        std::string value;
                        unsigned x = 2654435761u * static_cast<unsigned>(i + 1);
                        for (int j = 0; j < 256; ++j) {
                            x = x * 1103515245u + 12345u;
                            value += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(x >> 16) % 62];
                        }
                        r.sessionTags.push_back({ "key" + std::to_string(i), value });
                    }
                },
                false, "PackedPolicyTooLarge", "Packed size of session tags consumes" });
    }

    // --- source identity ---
    {
        Setup trustOnly;
        trustOnly.trust = policyDocument(
            allowStatement(R"({"AWS":")" + kAlice + R"("})", R"(["sts:AssumeRole","sts:SetSourceIdentity"])"));
        auto source = [](AssumeRoleRequest &r) { r.sourceIdentity = "alice@example.com"; };
        add("a source identity needs sts:SetSourceIdentity in the trust policy (IAM User Guide, Monitor and control "
            "actions taken with assumed roles)",
            { {}, source, false, "AccessDenied", "sts:SetSourceIdentity" });
        add("a source identity needs sts:SetSourceIdentity in the caller's identity policy too (IAM User Guide, "
            "Monitor and control actions taken with assumed roles)",
            { trustOnly, source, false, "AccessDenied", "sts:SetSourceIdentity" });
        Setup both = trustOnly;
        both.aliceIdentity =
            policyDocument(R"({"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"})");
        add("a source identity allowed on both sides is set (IAM User Guide, Monitor and control actions taken with "
            "assumed roles)",
            { both, source, true, "", "" });
        add("a source identity beginning with the reserved aws: is refused (IAM User Guide, Monitor and control "
            "actions taken with assumed roles; STS AssumeRole, Request Parameters: [\\w+=,.@-]*)",
            { both, [](AssumeRoleRequest &r) { r.sourceIdentity = "aws:admin"; }, false, "ValidationError",
                "regular expression pattern" });
        add("a source identity of one character is a ValidationError (STS AssumeRole, Request Parameters)",
            { both, [](AssumeRoleRequest &r) { r.sourceIdentity = "a"; }, false, "ValidationError",
                "greater than or equal to 2" });
    }

    // --- RoleSessionName ---
    add("a RoleSessionName of one character is a ValidationError (STS AssumeRole, Request Parameters: 2 to 64)",
        { {}, [](AssumeRoleRequest &r) { r.roleSessionName = "a"; }, false, "ValidationError",
            "greater than or equal to 2" });
    add("a RoleSessionName of 65 characters is a ValidationError (STS AssumeRole, Request Parameters: 2 to 64)",
        { {}, [](AssumeRoleRequest &r) { r.roleSessionName = std::string(65, 's'); }, false, "ValidationError",
            "less than or equal to 64" });
    add("a RoleSessionName with a space is a ValidationError (STS AssumeRole, Request Parameters: [\\w+=,.@-]*)",
        { {}, [](AssumeRoleRequest &r) { r.roleSessionName = "my session"; }, false, "ValidationError",
            "regular expression pattern: [\\w+=,.@-]*" });
    add("a RoleSessionName using every allowed symbol is accepted (STS AssumeRole, Request Parameters)",
        { {}, [](AssumeRoleRequest &r) { r.roleSessionName = "a+b=c,d.e@f_g-h"; }, true, "", "" });

    // --- session policies ---
    add("an inline session policy over 2048 characters is a ValidationError (STS AssumeRole, Request Parameters)",
        { {},
            [](AssumeRoleRequest &r) {
                r.sessionPolicy =
                    policyDocument(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::)"
                        + std::string(2048, 'b') + R"("})");
            },
            false, "ValidationError", "less than or equal to 2048" });
    add("a session policy that is not a policy is MalformedPolicyDocument (STS AssumeRole, Errors)",
        { {}, [](AssumeRoleRequest &r) { r.sessionPolicy = "{\"Statement\": ["; }, false, "MalformedPolicyDocument",
            "" });
    add("eleven managed session policy ARNs are a ValidationError (STS AssumeRole, Request Parameters: up to 10)",
        { {},
            [](AssumeRoleRequest &r) {
                for (int i = 0; i < 11; ++i)
                    r.sessionPolicyArns.push_back("arn:aws:iam::aws:policy/ReadOnlyAccess");
            },
            false, "ValidationError", "less than or equal to 10" });
    add("ten managed session policy ARNs are accepted (STS AssumeRole, Request Parameters: up to 10)",
        { {},
            [](AssumeRoleRequest &r) {
                for (int i = 0; i < 10; ++i)
                    r.sessionPolicyArns.push_back("arn:aws:iam::aws:policy/ReadOnlyAccess");
            },
            true, "", "" });

    // --- explicit deny ---
    {
        Setup s;
        s.trust = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")") + ","
            + R"({"Sid":"DenyOutsideOffice","Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",)"
            + R"("Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}})");
        add("an explicit deny in the trust policy wins over its allow (IAM User Guide, Policy evaluation logic)",
            { s, [](AssumeRoleRequest &r) { r.sourceIp = "198.51.100.7"; }, false, "AccessDenied", "explicit deny" });
        add("the same trust policy allows from inside the address block (IAM User Guide, Policy evaluation logic)",
            { s, [](AssumeRoleRequest &r) { r.sourceIp = "203.0.113.9"; }, true, "", "" });
    }
    return list;
}

// --- Per-hop session context --------------------------------------------------------------------------------------

// The IAM User Guide's example of "Chaining roles with session tags": alice assumes Role1 (tagged Heart=1), whose
// session assumes Role2 (Sun=2), whose session assumes Role3 (Star=3, Lightning=4). Each trust policy names the
// previous caller for sts:AssumeRole and sts:TagSession; Role1 and Role2 may assume any role and tag sessions; Role3
// may read and write `arn:aws:s3:::data/*`.
const std::string kRole1 = "arn:aws:iam::111122223333:role/Role1";
const std::string kRole2 = "arn:aws:iam::111122223333:role/Role2";
const std::string kRole3 = "arn:aws:iam::111122223333:role/Role3";
constexpr unsigned kRole3TrustWithoutTagSession = 1;
constexpr unsigned kRole2TrustNeedsExternalId = 2;

Workspace tagChainWorkspace(unsigned flags)
{
    Workspace w = makeWorkspace({});
    const std::string assumeAndTag = R"(["sts:AssumeRole","sts:TagSession"])";
    const std::string chainIdentity =
        policyDocument(R"({"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession"],"Resource":"*"})");
    auto role = [&](const std::string &name, const std::string &arn, const std::string &trusted,
                    const std::string &actions, const std::string &condition, std::vector<Tag> tags,
                    const std::string &identity) {
        Role r;
        r.accountId = kA;
        r.name = name;
        r.arn = arn;
        r.maxSessionDuration = 7200;
        r.tags = std::move(tags);
        r.trustPolicy = policyOf(policyDocument(allowStatement(R"({"AWS":")" + trusted + R"("})", actions, condition)));
        r.inlinePolicies.push_back({ "Permissions", policyOf(identity) });
        w.add(r);
    };
    role("Role1", kRole1, kAlice, assumeAndTag, {}, { { "Heart", "1" } }, chainIdentity);
    role("Role2", kRole2, kRole1, assumeAndTag,
        (flags & kRole2TrustNeedsExternalId) ? R"({"StringEquals":{"sts:ExternalId":"X-2"}})" : "", { { "Sun", "2" } },
        chainIdentity);
    role("Role3", kRole3, kRole2,
        (flags & kRole3TrustWithoutTagSession) ? std::string(R"("sts:AssumeRole")") : assumeAndTag, {},
        { { "Star", "3" }, { "Lightning", "4" } },
        policyDocument(
            R"({"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::data/*"})"));
    return w;
}

struct HopCase {
    unsigned flags = 0;
    std::function<void(AssumeRoleRequest &)> adjust;
    /// 0: every hop succeeds; N: hop N (from 1) fails with `code`; -1: the request cannot be simulated.
    int failingHop = 0;
    std::string code;
    std::string messagePart;
    /// Each hop's session tags, sorted `K=V`, when given.
    std::vector<QStringList> hopTags;
    /// The final session's aws:PrincipalTag values, sorted `K=V`, when given.
    std::optional<QStringList> finalTags;
    /// What the final session may do.
    std::vector<std::pair<std::string, Decision>> checks;
    /// Something else to compare: its actual value (from the result) and its expected value.
    std::function<QString(const AssumeRoleResult &)> actual;
    QString expected;
};

QStringList sortedTags(const std::vector<Tag> &tags)
{
    QStringList out;
    for (const Tag &tag : tags)
        out << QString::fromStdString(tag.key + "=" + tag.value);
    out.sort();
    return out;
}

AssumeRoleHopParameters &hopOf(AssumeRoleRequest &r, std::size_t index)
{
    if (r.hops.size() <= index)
        r.hops.resize(index + 1);
    return r.hops[index];
}

std::string sessionPolicyAllowing(const std::string &actions, const std::string &resource = "*")
{
    return policyDocument(R"({"Effect":"Allow","Action":)" + actions + R"(,"Resource":")" + resource + R"("})");
}

std::vector<std::pair<const char *, HopCase>> &hopCases()
{
    static std::vector<std::pair<const char *, HopCase>> list;
    if (!list.empty())
        return list;
    auto add = [](const char *name, HopCase c) { list.emplace_back(name, std::move(c)); };
    auto firstHopStarAndHeart = [](AssumeRoleRequest &r) {
        hopOf(r, 0).sessionTags = std::vector<Tag> { { "Star", "1" }, { "Heart", "1" } };
        hopOf(r, 0).transitiveTagKeys = std::vector<std::string> { "Star", "Heart" };
    };
    const std::string data = "arn:aws:s3:::data/k";

    // --- session tags and transitive tags, hop by hop ---
    {
        HopCase c;
        c.adjust = firstHopStarAndHeart;
        c.hopTags = { { "Heart=1", "Star=1" }, { "Heart=1", "Star=1" }, { "Heart=1", "Star=1" } };
        c.finalTags = QStringList { "Heart=1", "Lightning=4", "Star=1" };
        c.actual = [](const AssumeRoleResult &r) {
            QStringList keys;
            for (const std::string &key : r.hops[2].transitiveTagKeys)
                keys << QString::fromStdString(key);
            return keys.join(',') + "; inherited " + QString::number(r.hops[2].inheritedTagKeys.size());
        };
        c.expected = "Star,Heart; inherited 2";
        add("transitive tags of the first hop reach the third session, stay transitive, and override the role's tag "
            "(IAM User Guide, Chaining roles with session tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [=](AssumeRoleRequest &r) {
            firstHopStarAndHeart(r);
            hopOf(r, 2).sessionTags = std::vector<Tag> { { "Heart", "3" } };
        };
        c.failingHop = 3;
        c.code = "InvalidParameterValue";
        c.messagePart = "inherited from the calling session";
        add("a later hop cannot pass a tag with the key of an inherited transitive tag (AWS STS API Reference, "
            "AssumeRole, Request Parameters: Tags; IAM User Guide, Chaining roles with session tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [=](AssumeRoleRequest &r) {
            firstHopStarAndHeart(r);
            hopOf(r, 1).sessionTags = std::vector<Tag> { { "heart", "2" } };
        };
        c.failingHop = 2;
        c.code = "InvalidParameterValue";
        c.messagePart = "`heart` has the key of the transitive tag `Heart=1`";
        add("the inherited key is compared without regard to case (IAM User Guide, Passing session tags in AWS STS: "
            "tag keys are case-insensitive)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 1).sessionTags = std::vector<Tag> { { "Moon", "2" } }; };
        c.hopTags = { {}, { "Moon=2" }, {} };
        c.finalTags = QStringList { "Lightning=4", "Star=3" };
        add("a tag a later hop passes without the transitive mark applies to that session only (IAM User Guide, "
            "Chaining roles with session tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 1).sessionTags = std::vector<Tag> { { "Moon", "2" } };
            hopOf(r, 1).transitiveTagKeys = std::vector<std::string> { "Moon" };
        };
        c.hopTags = { {}, { "Moon=2" }, { "Moon=2" } };
        c.finalTags = QStringList { "Lightning=4", "Moon=2", "Star=3" };
        add("a tag a later hop marks transitive passes on from that hop (IAM User Guide, Chaining roles with session "
            "tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 0).sessionTags = std::vector<Tag> { { "Project", "a" } };
            hopOf(r, 1).sessionTags = std::vector<Tag> { { "Project", "b" } };
        };
        c.hopTags = { { "Project=a" }, { "Project=b" }, {} };
        add("a key passed without the transitive mark may be passed again by a later hop (IAM User Guide, Chaining "
            "roles with session tags: only transitive tags are inherited)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 1).sessionTags = std::vector<Tag> { { "Moon", "2" } };
            hopOf(r, 1).transitiveTagKeys = std::vector<std::string> { "Team" };
        };
        c.failingHop = 2;
        c.code = "InvalidParameterValue";
        c.messagePart = "Team";
        add("a later hop's transitive key must be one of its own tags (IAM User Guide, Chaining roles with session "
            "tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.flags = kRole3TrustWithoutTagSession;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 2).sessionTags = std::vector<Tag> { { "Moon", "3" } }; };
        c.failingHop = 3;
        c.code = "AccessDenied";
        c.messagePart = "sts:TagSession";
        add("tags passed on a later hop need sts:TagSession in that role's trust policy (IAM User Guide, Passing "
            "session tags in AWS STS)",
            std::move(c));
    }
    {
        HopCase c;
        c.flags = kRole3TrustWithoutTagSession;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 1).sessionTags = std::vector<Tag> { { "Moon", "2" } }; };
        c.hopTags = { {}, { "Moon=2" }, {} };
        add("a non-transitive tag of an earlier hop asks nothing of a later role's trust policy (IAM User Guide, "
            "Chaining roles with session tags)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            r.sessionTags = { { "Wide", "1" } };
            hopOf(r, 0).sessionTags = std::vector<Tag> { { "Own", "1" } };
        };
        c.hopTags = { { "Own=1" }, {}, {} };
        add("a hop's own tags win over the request-wide tags of the first hop (docs/SIMULATION.md, The request)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            std::vector<Tag> tags;
            for (int i = 0; i < 50; ++i) {
                std::string value;
                unsigned x = 2654435761u * static_cast<unsigned>(i + 1);
                for (int j = 0; j < 256; ++j) {
                    x = x * 1103515245u + 12345u;
                    value += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(x >> 16) % 62];
                }
                tags.push_back({ "key" + std::to_string(i), value });
            }
            hopOf(r, 1).sessionTags = tags;
        };
        c.failingHop = 2;
        c.code = "PackedPolicyTooLarge";
        c.messagePart = "Packed size of session tags consumes";
        add("the packed size is checked per hop: 50 long tags on the second hop exceed it there (AWS STS API "
            "Reference, AssumeRole, Errors: PackedPolicyTooLarge)",
            std::move(c));
    }

    // --- session policies, hop by hop ---
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 0).sessionPolicy = sessionPolicyAllowing(R"("s3:*")"); };
        c.failingHop = 2;
        c.code = "AccessDenied";
        c.messagePart = "session policy does not allow";
        add("a session policy on the first hop that does not allow sts:AssumeRole stops the second hop (IAM User "
            "Guide, Session policies; Role chaining)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 0).sessionPolicy = sessionPolicyAllowing(R"(["sts:AssumeRole","sts:TagSession"])");
        };
        c.checks = { { "s3:PutObject", Decision::Allowed }, { "s3:GetObject", Decision::Allowed } };
        c.actual = [](const AssumeRoleResult &r) {
            QStringList first;
            for (const std::string &policy : r.hops[0].sessionPolicies)
                first << QString::fromStdString(policy);
            return first.join(',') + "; final " + QString::number(r.session->sessionPolicies.size());
        };
        c.expected = "inline session policy of hop 1; final 0";
        add("a first-hop session policy allowing sts:AssumeRole lets the chain go on and limits no later session (IAM "
            "User Guide, Session policies)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 2).sessionPolicy = sessionPolicyAllowing(R"("s3:GetObject")"); };
        c.checks = { { "s3:GetObject", Decision::Allowed }, { "s3:PutObject", Decision::ImplicitlyDenied } };
        add("the last hop's session policy limits the final session (IAM User Guide, Session policies)", std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            r.sessionPolicy = sessionPolicyAllowing(R"("s3:PutObject")");
            hopOf(r, 2).sessionPolicy = sessionPolicyAllowing(R"("s3:GetObject")");
        };
        c.checks = { { "s3:GetObject", Decision::Allowed }, { "s3:PutObject", Decision::ImplicitlyDenied } };
        add("the last hop's own session policy wins over the request-wide one (docs/SIMULATION.md, The request)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { r.sessionPolicy = sessionPolicyAllowing(R"("s3:GetObject")"); };
        c.checks = { { "s3:GetObject", Decision::Allowed }, { "s3:PutObject", Decision::ImplicitlyDenied } };
        add("the request-wide session policy still goes with the last hop only (docs/SIMULATION.md, The request)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 1).sessionPolicyArns =
                std::vector<std::string> { "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" };
        };
        c.failingHop = 3;
        c.code = "AccessDenied";
        c.messagePart = "session policy does not allow";
        add("a managed session policy on the middle hop without sts:AssumeRole stops the last hop (AWS STS API "
            "Reference, AssumeRole, Request Parameters: PolicyArns)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 0).sessionPolicy =
                sessionPolicyAllowing(R"("sts:AssumeRole")", "arn:aws:s3:::" + std::string(2048, 'b'));
        };
        c.failingHop = 1;
        c.code = "ValidationError";
        c.messagePart = "less than or equal to 2048";
        add("an inline session policy over 2048 characters on the first hop fails there (AWS STS API Reference, "
            "AssumeRole, Request Parameters: Policy)",
            std::move(c));
    }

    // --- the other per-hop parameters ---
    {
        HopCase c;
        c.flags = kRole2TrustNeedsExternalId;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 1).externalId = "X-2"; };
        add("a hop's own external ID meets its role's trust condition (IAM User Guide, confused deputy; AWS STS API "
            "Reference, AssumeRole, Request Parameters: ExternalId)",
            std::move(c));
    }
    {
        HopCase c;
        c.flags = kRole2TrustNeedsExternalId;
        c.failingHop = 2;
        c.code = "AccessDenied";
        c.messagePart = "sts:ExternalId";
        add("without the external ID the hop whose trust policy needs it is denied (IAM User Guide, confused deputy)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) {
            hopOf(r, 0).durationSeconds = 7200;
            hopOf(r, 1).roleSessionName = "second";
        };
        c.actual = [](const AssumeRoleResult &r) {
            return QString::number(r.hops[0].durationSeconds) + " " + QString::number(r.hops[1].durationSeconds) + " "
                + QString::fromStdString(r.hops[1].assumedRoleArn + " " + r.hops[2].sessionName);
        };
        c.expected = "7200 3600 arn:aws:sts::111122223333:assumed-role/Role2/second test-session";
        add("the first hop may last two hours while the chained hops keep the default; a hop may name its session "
            "(IAM User Guide, Role chaining)",
            std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { hopOf(r, 1).durationSeconds = 7200; };
        c.failingHop = 2;
        c.code = "ValidationError";
        c.messagePart = "1 hour session limit for roles assumed by role chaining";
        add("a chained hop asking for two hours fails (IAM User Guide, Role chaining)", std::move(c));
    }
    {
        HopCase c;
        c.adjust = [](AssumeRoleRequest &r) { r.hops.resize(4); };
        c.failingHop = -1;
        add("parameters for more hops than roles cannot be simulated", std::move(c));
    }
    return list;
}

} // namespace

void TestStsSimulator::rules_data()
{
    QTest::addColumn<int>("index");
    const auto &list = cases();
    for (std::size_t i = 0; i < list.size(); ++i)
        QTest::newRow(list[i].first) << static_cast<int>(i);
}

void TestStsSimulator::rules()
{
    QFETCH(int, index);
    const Case &c = cases()[static_cast<std::size_t>(index)].second;
    const Workspace workspace = makeWorkspace(c.setup);
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest();
    if (c.adjust)
        c.adjust(request);
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY2(result.error.empty(), result.error.c_str());
    QVERIFY(!result.hops.empty());
    const AssumeRoleHop &hop = result.hops.back();
    const std::string failure = hop.failure ? hop.failure->code + ": " + hop.failure->message : std::string("none");
    QVERIFY2(result.allowed == c.allowed, failure.c_str());
    if (c.allowed) {
        QVERIFY(hop.credentials.has_value());
        QVERIFY(result.session.has_value());
        return;
    }
    QVERIFY(hop.failure.has_value());
    QCOMPARE(QString::fromStdString(hop.failure->code), QString::fromStdString(c.code));
    QVERIFY2(hop.failure->message.find(c.messagePart) != std::string::npos, hop.failure->message.c_str());
    QVERIFY(!hop.failure->rule.empty());
    QVERIFY(!hop.credentials.has_value());
    QVERIFY(!result.session.has_value());
    // The failed rule is the last check, and the only failed one.
    QVERIFY(!hop.checks.empty());
    QVERIFY(!hop.checks.back().passed);
    QCOMPARE(std::count_if(hop.checks.begin(), hop.checks.end(), [](const StsCheck &k) { return !k.passed; }), 1);
}

void TestStsSimulator::defaultDurationGivesOneHourAndDeterministicCredentials()
{
    // STS AssumeRole, Request Parameters: "By default, the value is set to 3600 seconds."
    const Workspace workspace = makeWorkspace({});
    StsSimulator simulator(workspace);
    const AssumeRoleRequest request = baseRequest();
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    const AssumeRoleHop &hop = result.hops.front();
    QCOMPARE(hop.durationSeconds, 3600LL);
    QCOMPARE(QString::fromStdString(hop.issued), QStringLiteral("2026-01-01T00:00:00Z"));
    QCOMPARE(QString::fromStdString(hop.expiration), QStringLiteral("2026-01-01T01:00:00Z"));
    QCOMPARE(QString::fromStdString(hop.assumedRoleArn),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/Target/test-session"));
    const SimulatedCredentials &c = *hop.credentials;
    QVERIFY(c.simulated);
    QVERIFY(!c.note.empty());
    QCOMPARE(c.expiration, hop.expiration);
    QCOMPARE(c.accessKeyId.size(), std::size_t { 20 });
    QVERIFY(c.accessKeyId.rfind("ASIA", 0) == 0);
    QVERIFY(std::all_of(c.accessKeyId.begin(), c.accessKeyId.end(),
        [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); }));
    QCOMPARE(c.secretAccessKey.size(), std::size_t { 40 });
    QVERIFY(!c.sessionToken.empty());
    // Same inputs, same credentials; a different session name, different ones.
    const AssumeRoleResult again = simulator.assume(request);
    QCOMPARE(again.hops.front().credentials->accessKeyId, c.accessKeyId);
    AssumeRoleRequest other = request;
    other.roleSessionName = "other-session";
    QVERIFY(simulator.assume(other).hops.front().credentials->accessKeyId != c.accessKeyId);
    // An explicit duration moves the expiration.
    other.durationSeconds = 900;
    QCOMPARE(QString::fromStdString(simulator.assume(other).hops.front().expiration),
        QStringLiteral("2026-01-01T00:15:00Z"));
    QCOMPARE(QString::fromStdString(formatIsoTime(951782400)), QStringLiteral("2000-02-29T00:00:00Z"));
}

void TestStsSimulator::failureNamesThePolicyAndStatement()
{
    Setup setup;
    setup.trust = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")") + ","
        + R"({"Sid":"NoContractors","Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole",)"
        + R"("Condition":{"StringEquals":{"aws:PrincipalTag/kind":"contractor"}}})");
    const Workspace workspace = makeWorkspace(setup);
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest();
    request.principalTags = { { "kind", "contractor" } };
    const AssumeRoleResult denied = simulator.assume(request);
    QVERIFY(!denied.allowed);
    const StsFailure &f = *denied.hops.front().failure;
    QCOMPARE(QString::fromStdString(f.code), QStringLiteral("AccessDenied"));
    QCOMPARE(QString::fromStdString(f.policy), QStringLiteral("trust policy of role Target"));
    QCOMPARE(f.statement, std::optional<std::size_t>(1));
    QCOMPARE(QString::fromStdString(f.sid), QStringLiteral("NoContractors"));
    QVERIFY(f.message.rfind("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole "
                            "on resource: arn:aws:iam::111122223333:role/Target",
                0)
        == 0);

    // An implicit deny names the statement that nearly matched, and the element that failed.
    Setup external;
    external.trust = policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", R"("sts:AssumeRole")",
        R"({"StringEquals":{"sts:ExternalId":"Unique-123"}})"));
    const Workspace second = makeWorkspace(external);
    StsSimulator simulator2(second);
    const AssumeRoleResult missing = simulator2.assume(baseRequest());
    const StsFailure &g = *missing.hops.front().failure;
    QCOMPARE(QString::fromStdString(g.policy), QStringLiteral("trust policy of role Target"));
    QCOMPARE(g.statement, std::optional<std::size_t>(0));
    QVERIFY2(g.message.find("condition") != std::string::npos, g.message.c_str());
    // The field counts from 0; the message, for people, from 1 (as the editors number statements).
    QVERIFY2(g.message.find("; nearest: statement 1 of trust policy of role Target") != std::string::npos,
        g.message.c_str());

    // A parameter rule names the parameter and no policy.
    AssumeRoleRequest tooLong = baseRequest();
    tooLong.durationSeconds = 5000;
    const StsFailure &h = *simulator.assume(tooLong).hops.front().failure;
    QCOMPARE(QString::fromStdString(h.parameter), QStringLiteral("DurationSeconds"));
    QVERIFY(h.policy.empty());
    QVERIFY(h.rule.find("Request Parameters") != std::string::npos);
}

void TestStsSimulator::deniedOutsiderIsNamedAsGivenAndTheTrustPolicyAsSuch()
{
    // `arn:aws:iam::999999999999:root` of an account the workspace does not model stands for some IAM principal of it
    // (root credentials cannot call AssumeRole: IAM User Guide, "AWS account root user"). The answer names the caller
    // as given, not the stand-in used to evaluate, and calls the role's trust policy by its name (IAM User Guide,
    // "Roles terms and concepts": the trust policy is the role's resource-based policy).
    const std::string outsider = "arn:aws:iam::999999999999:root";
    const Workspace workspace = makeWorkspace(Setup {});
    StsSimulator simulator(workspace);
    const AssumeRoleResult denied = simulator.assume(baseRequest(outsider));
    QVERIFY(!denied.allowed);
    QCOMPARE(denied.hops.size(), std::size_t(1));
    const AssumeRoleHop &hop = denied.hops.front();
    QCOMPARE(QString::fromStdString(hop.caller), QString::fromStdString(outsider));
    const std::string &message = hop.failure->message;
    QVERIFY2(message.rfind("An IAM principal of account 999999999999 (" + outsider
                     + ") is not authorized to perform: "
                       "sts:AssumeRole on resource: "
                     + kTarget,
                 0)
            == 0,
        message.c_str());
    QVERIFY2(message.find("ExternalPrincipal") == std::string::npos, message.c_str());
    QVERIFY2(message.find("resource policy") == std::string::npos, message.c_str());
    QVERIFY2(message.find("cross-account request: the role's trust policy does not allow it") != std::string::npos,
        message.c_str());
    QVERIFY2(hop.reason.find("the role's trust policy") != std::string::npos, hop.reason.c_str());
    // The nearest statement is numbered as people count and its failing element read as a sentence.
    QVERIFY2(message.find("; nearest: statement 1 of trust policy of role Target matches all but its principal "
                          "(Principal does not name the requester)")
            != std::string::npos,
        message.c_str());
    // The stand-in is still stated among the assumptions, so nothing is hidden.
    QVERIFY(std::any_of(denied.assumptions.begin(), denied.assumptions.end(), [](const std::string &a) {
        return a.find("stands for an IAM principal of account 999999999999") != std::string::npos;
    }));
}

void TestStsSimulator::chainCarriesTransitiveTagsAndCapsEveryLaterHop()
{
    // IAM User Guide, "Chaining roles with session tags": transitive tags persist to later sessions; others do not.
    Setup setup;
    setup.trust =
        policyDocument(allowStatement(R"({"AWS":")" + kHop + R"("})", R"(["sts:AssumeRole","sts:TagSession"])"));
    setup.maxSessionDuration = 43200;
    Workspace workspace = makeWorkspace(setup);
    for (Role &role : workspace.roles) {
        if (role.name == "Hop")
            role.trustPolicy = policyOf(policyDocument(
                allowStatement(R"({"AWS":")" + kAlice + R"("})", R"(["sts:AssumeRole","sts:TagSession"])")));
        if (role.name == "Target")
            role.inlinePolicies.push_back({ "BlueProject",
                policyOf(policyDocument(R"({"Effect":"Allow","Action":"s3:PutObject","Resource":"*",)"
                                        R"("Condition":{"StringEquals":{"aws:PrincipalTag/Project":"blue"}}})")) });
    }
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest(kAlice, kHop);
    request.roleArns.push_back(kTarget);
    request.sessionTags = { { "Project", "blue" }, { "Team", "red" } };
    request.transitiveTagKeys = { "Project" };
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY2(result.allowed, result.hops.back().failure ? result.hops.back().failure->message.c_str() : "");
    QCOMPARE(result.hops.size(), std::size_t { 2 });
    QVERIFY(!result.hops[0].chained);
    QVERIFY(result.hops[1].chained);
    QCOMPARE(QString::fromStdString(result.hops[1].caller),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/Hop/test-session"));
    QCOMPARE(result.hops[1].sessionTags.size(), std::size_t { 1 });
    QCOMPARE(QString::fromStdString(result.hops[1].sessionTags.front().key), QStringLiteral("Project"));
    QCOMPARE(result.session->principalTags.size(), std::size_t { 1 });
    QCOMPARE(QString::fromStdString(result.session->assumedRoleArn),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/Target/test-session"));
    QCOMPARE(simulator.check(result, request, "s3:PutObject", "arn:aws:s3:::b/k").decision, Decision::Allowed);

    // Without the transitive mark the tag stays with the first session: the final session lacks it.
    AssumeRoleRequest notTransitive = request;
    notTransitive.transitiveTagKeys.clear();
    const AssumeRoleResult lost = simulator.assume(notTransitive);
    QVERIFY(lost.allowed);
    QVERIFY(lost.hops[1].sessionTags.empty());
    QVERIFY(lost.session->principalTags.empty());
    QCOMPARE(simulator.check(lost, request, "s3:PutObject", "arn:aws:s3:::b/k").decision, Decision::ImplicitlyDenied);

    // IAM User Guide, "Role chaining": the second hop is capped at one hour even when the first may last longer.
    AssumeRoleRequest longer = request;
    longer.durationSeconds = 7200;
    const AssumeRoleResult capped = simulator.assume(longer);
    QVERIFY(!capped.allowed);
    QCOMPARE(capped.hops.size(), std::size_t { 2 });
    QVERIFY(!capped.hops[0].failure.has_value());
    QCOMPARE(QString::fromStdString(capped.hops[1].failure->code), QStringLiteral("ValidationError"));
    QVERIFY(capped.hops[1].failure->rule.find("Role chaining") != std::string::npos);
}

void TestStsSimulator::hopContext_data()
{
    QTest::addColumn<int>("index");
    const auto &list = hopCases();
    for (std::size_t i = 0; i < list.size(); ++i)
        QTest::newRow(list[i].first) << static_cast<int>(i);
}

void TestStsSimulator::hopContext()
{
    QFETCH(int, index);
    const HopCase &c = hopCases()[static_cast<std::size_t>(index)].second;
    const Workspace workspace = tagChainWorkspace(c.flags);
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest(kAlice, kRole1);
    request.roleArns = { kRole1, kRole2, kRole3 };
    if (c.adjust)
        c.adjust(request);
    const AssumeRoleResult result = simulator.assume(request);
    if (c.failingHop < 0) {
        QVERIFY(!result.error.empty());
        QVERIFY(result.hops.empty());
        return;
    }
    QVERIFY2(result.error.empty(), result.error.c_str());
    const AssumeRoleHop &last = result.hops.back();
    const std::string failure = last.failure ? last.failure->code + ": " + last.failure->message : std::string("none");
    if (c.failingHop == 0) {
        QVERIFY2(result.allowed, failure.c_str());
        QCOMPARE(result.hops.size(), std::size_t { 3 });
    } else {
        QVERIFY(!result.allowed);
        QCOMPARE(result.hops.size(), static_cast<std::size_t>(c.failingHop));
        QVERIFY(last.failure.has_value());
        QCOMPARE(QString::fromStdString(last.failure->code), QString::fromStdString(c.code));
        QVERIFY2(last.failure->message.find(c.messagePart) != std::string::npos, last.failure->message.c_str());
        QVERIFY(!last.failure->rule.empty());
        return;
    }
    for (std::size_t i = 0; i < c.hopTags.size(); ++i)
        QCOMPARE(sortedTags(result.hops[i].sessionTags), c.hopTags[i]);
    if (c.finalTags)
        QCOMPARE(sortedTags(result.session->principalTags), *c.finalTags);
    for (const auto &[action, decision] : c.checks) {
        const SessionCheck check = simulator.check(result, request, action, "arn:aws:s3:::data/k");
        QVERIFY2(check.decision == decision, (action + ": " + check.explanation.reason).c_str());
    }
    if (c.actual)
        QCOMPARE(c.actual(result), c.expected);
}

void TestStsSimulator::sourceIdentityPersistsThroughAChain()
{
    // IAM User Guide, "Monitor and control actions taken with assumed roles": the source identity "persists across
    // chained role sessions", and each role in the chain must allow sts:SetSourceIdentity.
    const std::string both = R"(["sts:AssumeRole","sts:SetSourceIdentity"])";
    const std::string identityBoth =
        policyDocument(R"({"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"})");
    Setup setup;
    setup.trust = policyDocument(allowStatement(R"({"AWS":")" + kHop + R"("})", R"("sts:AssumeRole")"));
    setup.aliceIdentity = identityBoth;
    setup.hopIdentity = identityBoth;
    Workspace workspace = makeWorkspace(setup);
    for (Role &role : workspace.roles) {
        if (role.name == "Hop")
            role.trustPolicy = policyOf(policyDocument(allowStatement(R"({"AWS":")" + kAlice + R"("})", both)));
    }
    AssumeRoleRequest request = baseRequest(kAlice, kHop);
    request.roleArns.push_back(kTarget);
    request.sourceIdentity = "alice";
    {
        StsSimulator simulator(workspace);
        const AssumeRoleResult result = simulator.assume(request);
        QVERIFY(!result.allowed);
        QCOMPARE(result.hops.size(), std::size_t { 2 });
        QVERIFY(!result.hops[0].failure.has_value());
        QVERIFY(result.hops[1].failure->message.find("sts:SetSourceIdentity") != std::string::npos);
    }
    for (Role &role : workspace.roles) {
        if (role.name == "Target")
            role.trustPolicy = policyOf(policyDocument(allowStatement(R"({"AWS":")" + kHop + R"("})", both)));
    }
    StsSimulator simulator(workspace);
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    QCOMPARE(QString::fromStdString(result.hops[1].sourceIdentity), QStringLiteral("alice"));
    QCOMPARE(QString::fromStdString(result.session->sourceIdentity), QStringLiteral("alice"));
}

void TestStsSimulator::effectivePermissionsIntersectBoundaryAndSessionPolicy()
{
    Workspace workspace = makeWorkspace({});
    ManagedPolicy boundary;
    boundary.name = "S3Only";
    boundary.arn = "arn:aws:iam::111122223333:policy/S3Only";
    boundary.defaultVersionId = "v1";
    boundary.versions.push_back(
        { "v1", true, "", policyOf(policyDocument(R"({"Effect":"Allow","Action":"s3:*","Resource":"*"})")) });
    workspace.add(boundary);
    for (Role &role : workspace.roles) {
        if (role.name != "Target")
            continue;
        role.inlinePolicies = { { "Mixed",
            policyOf(policyDocument(R"({"Effect":"Allow","Action":["s3:GetObject","s3:PutObject",)"
                                    R"("ec2:DescribeInstances"],"Resource":"*"})")) } };
        role.permissionsBoundaryArn = boundary.arn;
    }
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest();
    AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    auto actions = [](const EffectivePermissions &p) {
        QStringList names;
        for (const EffectiveService &s : p.services)
            for (const EffectiveAction &a : s.actions)
                names << QString::fromStdString(a.action);
        return names;
    };
    // IAM User Guide, "Permissions boundaries for IAM entities": identity ∩ boundary.
    QCOMPARE(actions(simulator.effectivePermissions(result)),
        QStringList({ QStringLiteral("s3:GetObject"), QStringLiteral("s3:PutObject") }));

    // IAM User Guide, "Session policies": identity ∩ boundary ∩ session policy.
    request.sessionPolicy = policyDocument(R"({"Effect":"Allow","Action":"s3:GetObject","Resource":"*"})");
    result = simulator.assume(request);
    QVERIFY(result.allowed);
    const EffectivePermissions withSession = simulator.effectivePermissions(result);
    QCOMPARE(actions(withSession), QStringList({ QStringLiteral("s3:GetObject") }));
    QCOMPARE(withSession.actionCount, std::size_t { 1 });
    QCOMPARE(withSession.services.front().countByLevel[static_cast<std::size_t>(AccessLevel::Read)], std::size_t { 1 });
    QVERIFY(result.hops.front().packedPolicySize > 0);

    const SessionCheck get = simulator.check(result, request, "s3:GetObject", "arn:aws:s3:::bucket/key");
    QCOMPARE(get.decision, Decision::Allowed);
    const SessionCheck put = simulator.check(result, request, "s3:PutObject", "arn:aws:s3:::bucket/key");
    QCOMPARE(put.decision, Decision::ImplicitlyDenied);
    QVERIFY2(put.explanation.reason.find("session policy") != std::string::npos, put.explanation.reason.c_str());
    const SessionCheck ec2 = simulator.check(result, request, "ec2:DescribeInstances", "*");
    QCOMPARE(ec2.decision, Decision::ImplicitlyDenied);
    QVERIFY2(ec2.explanation.reason.find("boundary") != std::string::npos, ec2.explanation.reason.c_str());

    // The listing stops at its limit but every action is counted.
    request.sessionPolicy.reset();
    result = simulator.assume(request);
    const EffectivePermissions limited = simulator.effectivePermissions(result, 1);
    QCOMPARE(limited.actionCount, std::size_t { 2 });
    QCOMPARE(limited.unlisted, std::size_t { 1 });
}

void TestStsSimulator::effectivePermissionsByResource_data()
{
    // Each row: the role's identity policy, its permissions boundary and the session policy (empty: none), an action,
    // and what the effective permissions list for it (effectiveResourceText, each condition in brackets); no lines
    // when the action is not listed.
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("boundary");
    QTest::addColumn<QString>("session");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("expected");
    const auto doc = [](const std::string &statements) { return QString::fromStdString(policyDocument(statements)); };
    const auto allow = [&](const std::string &action, const std::string &resource, const std::string &extra = {}) {
        return R"({"Effect":"Allow","Action":")" + action + R"(","Resource":)" + resource + extra + "}";
    };
    const QString getA = doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")"));
    const QString role = QStringLiteral("`inline policy Mixed of role Target`");

    QTest::addRow("a session policy narrows the role's pattern to its own (IAM User Guide, Session policies)")
        << getA << QString() << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/x/*")")) << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/x/*" };
    QTest::addRow("a boundary allowing the action only on another bucket takes it out (IAM User Guide, Permissions "
                  "boundaries for IAM entities)")
        << getA << doc(allow("s3:GetObject", R"("arn:aws:s3:::b/*")")) << QString() << "s3:GetObject" << QStringList {};
    QTest::addRow("a session policy for another bucket takes the action out (IAM User Guide, Session policies)")
        << getA << QString() << doc(allow("s3:*", R"("arn:aws:s3:::b/*")")) << "s3:GetObject" << QStringList {};
    QTest::addRow("the role's * is narrowed to the boundary's pattern (IAM User Guide, Permissions boundaries for IAM "
                  "entities)")
        << doc(allow("s3:*", R"("*")")) << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")")) << QString()
        << "s3:GetObject" << QStringList { "arn:aws:s3:::a/*" };
    QTest::addRow("an action the boundary does not name is out, whatever the resources")
        << doc(allow("s3:*", R"("*")")) << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")")) << QString()
        << "s3:PutObject" << QStringList {};
    QTest::addRow("a boundary and a session policy narrow in turn (IAM User Guide, Session policies)")
        << doc(allow("s3:*", R"("*")")) << doc(allow("s3:*", R"("arn:aws:s3:::a/*")"))
        << doc(allow("s3:GetObject", R"(["arn:aws:s3:::a/x/*","arn:aws:s3:::b/*"])")) << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/x/*" };
    QTest::addRow("patterns that overlap without either holding the other are both kept")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a*")")) << QString()
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::*b")")) << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a* and arn:aws:s3:::*b" };
    QTest::addRow("an unconditional Deny on the whole pattern takes the action out (IAM User Guide, Policy evaluation "
                  "logic)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")") + ","
               + R"({"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::*"})")
        << QString() << QString() << "s3:GetObject" << QStringList {};
    QTest::addRow("an unconditional Deny on part of the pattern becomes an exception (IAM User Guide, Policy "
                  "evaluation logic)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")") + ","
               + R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/secret/*"})")
        << QString() << QString() << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/* except arn:aws:s3:::a/secret/*" };
    QTest::addRow("a Deny with NotResource leaves what it spares (IAM User Guide, IAM JSON policy elements: "
                  "NotResource)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")") + ","
               + R"({"Effect":"Deny","Action":"s3:GetObject","NotResource":"arn:aws:s3:::a/public/*"})")
        << QString() << QString() << "s3:GetObject" << QStringList { "arn:aws:s3:::a/public/*" };
    QTest::addRow("a boundary's Deny takes out what it covers (IAM User Guide, Permissions boundaries for IAM "
                  "entities)")
        << getA
        << doc(allow("s3:*", R"("*")") + ","
               + R"({"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::a/private/*"})")
        << QString() << "s3:GetObject" << QStringList { "arn:aws:s3:::a/* except arn:aws:s3:::a/private/*" };
    QTest::addRow("an Allow with NotResource is everything but its patterns (IAM User Guide, IAM JSON policy "
                  "elements: NotResource)")
        << doc(R"({"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::b/*"})") << QString()
        << QString() << "s3:GetObject" << QStringList { "* except arn:aws:s3:::b/*" };
    QTest::addRow("NotResource meets a boundary: patterns inside the exception go, others stay")
        << doc(R"({"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::b/*"})")
        << doc(allow("s3:GetObject", R"(["arn:aws:s3:::a/*","arn:aws:s3:::b/x/*"])")) << QString() << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/*" };
    QTest::addRow("the role's condition is named as the identity-based policy's (IAM User Guide, IAM JSON policy "
                  "elements: Condition)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")",
               R"(,"Sid":"Office","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})"))
        << QString() << QString() << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/* [Allow condition of the identity-based policy " + role
               + ", statement 1 (Office): aws:SourceIp]" };
    QTest::addRow("the boundary's condition is named as the boundary's (IAM User Guide, Permissions boundaries for "
                  "IAM entities)")
        << getA << doc(allow("s3:*", R"("*")", R"(,"Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}})"))
        << QString() << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/* [Allow condition of the permissions boundary "
                         "`arn:aws:iam::111122223333:policy/Boundary`, statement 1: aws:RequestedRegion]" };
    QTest::addRow("the session policy's condition is named as the session policy's (IAM User Guide, Session "
                  "policies)")
        << getA << QString()
        << doc(allow(
               "s3:GetObject", R"("arn:aws:s3:::a/x/*")", R"(,"Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}})"))
        << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/x/* [Allow condition of the session policy `inline session policy`, "
                         "statement 1: aws:SourceVpc]" };
    QTest::addRow("a conditional Deny on the pattern makes it conditional, naming the Deny (IAM User Guide, Policy "
                  "evaluation logic)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")") + ","
               + R"({"Sid":"NoMfaNoRead","Effect":"Deny","Action":"s3:*","Resource":"*",)"
               + R"("Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}})")
        << QString() << QString() << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/* [Deny condition of the identity-based policy " + role
               + ", statement 2 (NoMfaNoRead): aws:MultiFactorAuthPresent]" };
    QTest::addRow("an unconditional grant of a wider pattern hides a conditional narrower one") << doc(
        allow(
            "s3:GetObject", R"("arn:aws:s3:::a/*")", R"(,"Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}})")
        + "," + allow("s3:GetObject", R"("*")")) << QString() << QString() << "s3:GetObject" << QStringList { "*" };
    QTest::addRow("a pattern with a policy variable is kept as written (IAM User Guide, IAM policy elements: "
                  "Variables and tags)")
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/${aws:username}/*")")) << QString()
        << doc(allow("s3:GetObject", R"("arn:aws:s3:::a/*")")) << "s3:GetObject"
        << QStringList { "arn:aws:s3:::a/${aws:username}/*" };
}

void TestStsSimulator::effectivePermissionsByResource()
{
    QFETCH(QString, identity);
    QFETCH(QString, boundary);
    QFETCH(QString, session);
    QFETCH(QString, action);
    QFETCH(QStringList, expected);
    Workspace workspace = makeWorkspace({});
    for (Role &role : workspace.roles) {
        if (role.name != "Target")
            continue;
        role.inlinePolicies = { { "Mixed", policyOf(identity.toStdString()) } };
        if (!boundary.isEmpty()) {
            ManagedPolicy policy;
            policy.name = "Boundary";
            policy.arn = "arn:aws:iam::111122223333:policy/Boundary";
            policy.defaultVersionId = "v1";
            policy.versions.push_back({ "v1", true, "", policyOf(boundary.toStdString()) });
            role.permissionsBoundaryArn = policy.arn;
            workspace.add(policy);
        }
    }
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest();
    if (!session.isEmpty())
        request.sessionPolicy = session.toStdString();
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    const EffectivePermissions permissions = simulator.effectivePermissions(result);
    QStringList actual;
    bool listed = false;
    for (const EffectiveService &service : permissions.services) {
        for (const EffectiveAction &a : service.actions) {
            if (QString::fromStdString(a.action) != action)
                continue;
            listed = true;
            QVERIFY(!a.resources.empty());
            bool allConditional = true;
            for (const EffectiveResource &r : a.resources) {
                QString line = QString::fromStdString(effectiveResourceText(r));
                for (const EffectiveCondition &c : r.conditions)
                    line += " [" + QString::fromStdString(effectiveConditionText(c)) + "]";
                actual << line;
                allConditional = allConditional && r.conditional();
            }
            QCOMPARE(a.conditional, allConditional);
        }
    }
    QCOMPARE(actual, expected);
    QCOMPARE(listed, !expected.isEmpty());
}

void TestStsSimulator::attachedAwsManagedPoliciesAreResolvedOffline()
{
    Workspace workspace = makeWorkspace({});
    for (Role &role : workspace.roles) {
        if (role.name == "Target") {
            role.inlinePolicies.clear();
            role.attachedPolicyArns = { "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                "arn:aws:iam::111122223333:policy/Missing" };
        }
    }
    StsSimulator simulator(workspace);
    const AssumeRoleRequest request = baseRequest();
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    QCOMPARE(simulator.check(result, request, "s3:GetObject", "arn:aws:s3:::any/key").decision, Decision::Allowed);
    QCOMPARE(
        simulator.check(result, request, "s3:PutObject", "arn:aws:s3:::any/key").decision, Decision::ImplicitlyDenied);
    const EffectivePermissions permissions = simulator.effectivePermissions(result);
    QVERIFY(permissions.actionCount > 10);
    QCOMPARE(permissions.unresolvedPolicies, std::vector<std::string>({ "arn:aws:iam::111122223333:policy/Missing" }));
    for (const EffectiveService &service : permissions.services) {
        QCOMPARE(service.countByLevel[static_cast<std::size_t>(AccessLevel::Write)], std::size_t { 0 });
        QCOMPARE(service.countByLevel[static_cast<std::size_t>(AccessLevel::PermissionsManagement)], std::size_t { 0 });
    }
}

void TestStsSimulator::lambdaStoryFromTheExampleWorkspace()
{
    // The Lambda story: lambda.amazonaws.com assumes the example role, gets credentials for the chosen duration,
    // and the session may s3:PutObject to my-log-bucket but not s3:GetObject.
    WorkspaceLoadResult loaded = loadWorkspaceFile(RD_SOURCE_DIR "/resources/examples/lambda-logging.rdws");
    QVERIFY2(loaded.workspace.has_value(), loaded.fileError.c_str());
    StsSimulator simulator(*loaded.workspace);
    AssumeRoleRequest request;
    request.principal = "lambda.amazonaws.com";
    request.roleArns = { "arn:aws:iam::111122223333:role/service-role/LambdaLogWriter" };
    request.durationSeconds = 1800;
    request.roleSessionName = "my-function";
    request.currentTime = kJan1;
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(result.allowed);
    QCOMPARE(result.hops.front().durationSeconds, 1800LL);
    QCOMPARE(QString::fromStdString(result.hops.front().expiration), QStringLiteral("2026-01-01T00:30:00Z"));
    QCOMPARE(QString::fromStdString(result.hops.front().assumedRoleArn),
        QStringLiteral("arn:aws:sts::111122223333:assumed-role/LambdaLogWriter/my-function"));
    // The trust policy's aws:SourceAccount condition is met by the derived value, and the result says so.
    QVERIFY(std::any_of(result.assumptions.begin(), result.assumptions.end(),
        [](const std::string &a) { return a.find("aws:SourceAccount") != std::string::npos; }));
    const SessionCheck put = simulator.check(result, request, "s3:PutObject", "arn:aws:s3:::my-log-bucket/x");
    QCOMPARE(put.decision, Decision::Allowed);
    QCOMPARE(QString::fromStdString(put.explanation.deciding.front().sid), QStringLiteral("PutLogObjects"));
    const SessionCheck get = simulator.check(result, request, "s3:GetObject", "arn:aws:s3:::my-log-bucket/x");
    QCOMPARE(get.decision, Decision::ImplicitlyDenied);

    // A confused deputy: the service acting for another account is refused by the same condition.
    request.context = { { "aws:SourceAccount", "999988887777" } };
    QVERIFY(!simulator.assume(request).allowed);
}

void TestStsSimulator::samlAndWebIdentityCallers()
{
    const std::string saml = "arn:aws:iam::111122223333:saml-provider/Okta";
    Setup setup;
    setup.trust = policyDocument(allowStatement(R"({"Federated":")" + saml + R"("})", R"("sts:AssumeRoleWithSAML")",
                                     R"({"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}})")
        + ","
        + allowStatement(R"({"Federated":"accounts.google.com"})", R"("sts:AssumeRoleWithWebIdentity")",
            R"({"StringEquals":{"accounts.google.com:aud":"my-client"}})"));
    const Workspace workspace = makeWorkspace(setup);
    StsSimulator simulator(workspace);
    // STS AssumeRoleWithSAML: the operation is inferred from the SAML provider.
    AssumeRoleRequest request = baseRequest(saml);
    AssumeRoleResult result = simulator.assume(request);
    QVERIFY2(result.allowed, result.hops.front().failure ? result.hops.front().failure->message.c_str() : "");
    QCOMPARE(result.hops.front().api, StsApi::AssumeRoleWithSaml);
    // ExternalId is a parameter of AssumeRole only.
    request.externalId = "abc";
    QCOMPARE(QString::fromStdString(simulator.assume(request).hops.front().failure->code),
        QStringLiteral("InvalidParameterValue"));

    // STS AssumeRoleWithWebIdentity: the token's audience comes from the context.
    AssumeRoleRequest web = baseRequest("accounts.google.com");
    QVERIFY(!simulator.assume(web).allowed);
    web.context = { { "accounts.google.com:aud", "my-client" } };
    result = simulator.assume(web);
    QVERIFY(result.allowed);
    QCOMPARE(result.hops.front().api, StsApi::AssumeRoleWithWebIdentity);
    // Mismatched operation and principal is bad input.
    web.api = StsApi::AssumeRoleWithSaml;
    QVERIFY(!simulator.assume(web).error.empty());
}

void TestStsSimulator::unusableRequestsGiveAnErrorNotACrash_data()
{
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QString>("role");
    QTest::newRow("an unreadable principal")
        << QStringLiteral("arn:aws:iam::12:user/x") << QString::fromStdString(kTarget);
    QTest::newRow("a role the workspace does not have")
        << QString::fromStdString(kAlice) << QStringLiteral("arn:aws:iam::111122223333:role/Nope");
    QTest::newRow("a user the workspace does not have in a modelled account")
        << QStringLiteral("arn:aws:iam::111122223333:user/mallory") << QString::fromStdString(kTarget);
    QTest::newRow("anonymous") << QStringLiteral("anonymous") << QString::fromStdString(kTarget);
    QTest::newRow("an empty principal") << QString() << QString::fromStdString(kTarget);
    QTest::newRow("no role") << QString::fromStdString(kAlice) << QString();
}

void TestStsSimulator::unusableRequestsGiveAnErrorNotACrash()
{
    QFETCH(QString, principal);
    QFETCH(QString, role);
    const Workspace workspace = makeWorkspace({});
    StsSimulator simulator(workspace);
    AssumeRoleRequest request = baseRequest(principal.toStdString(), role.toStdString());
    if (role.isEmpty())
        request.roleArns.clear();
    const AssumeRoleResult result = simulator.assume(request);
    QVERIFY(!result.allowed);
    QVERIFY(!result.error.empty());
    QVERIFY(result.hops.empty());
    const SessionCheck check = simulator.check(result, request, "s3:GetObject", "*");
    QVERIFY(!check.error.empty());
    QCOMPARE(check.decision, Decision::ImplicitlyDenied);
}

void TestStsSimulator::jsonCarriesTheContract()
{
    const Workspace workspace = makeWorkspace({});
    StsSimulator simulator(workspace);
    const AssumeRoleRequest request = baseRequest();
    const AssumeRoleResult result = simulator.assume(request);
    const SessionCheck check = simulator.check(result, request, "s3:GetObject", "arn:aws:s3:::b/k");
    const EffectivePermissions permissions = simulator.effectivePermissions(result);
    const QByteArray json = QByteArray::fromStdString(assumeRoleResultToJson(result, &permissions, &check));
    for (const char *needle : { "\"allowed\": true", "\"hops\"", "\"assumedRoleArn\"", "\"durationSeconds\": 3600",
             "\"expiration\": \"2026-01-01T01:00:00Z\"", "\"credentials\"", "\"AccessKeyId\": \"ASIA",
             "\"simulated\": true", "\"failure\": null", "\"assumptions\"", "\"check\"", "\"decision\": \"Allowed\"",
             "\"explanation\"", "\"effectivePermissions\"" })
        QVERIFY2(json.contains(needle), needle);
}

QTEST_APPLESS_MAIN(TestStsSimulator)
#include "TestStsSimulator.moc"
