// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "BatchCaseGenerator.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string_view>
#include <vector>

namespace rd::test
{

namespace
{

using Json = nlohmann::ordered_json;

constexpr std::string_view kHome = "111122223333";
constexpr std::string_view kOther = "444455556666";
constexpr std::string_view kOutside = "777788889999";
constexpr std::string_view kOrg = "o-a1b2c3d4e5";

constexpr std::array<std::string_view, 3> kTeams { "blue", "red", "green" };
constexpr std::array<std::string_view, 3> kRegions { "us-east-1", "eu-west-1", "ap-southeast-2" };
constexpr std::array<std::string_view, 4> kUsers { "alice", "bob", "carol", "dave" };
constexpr std::array<std::string_view, 4> kRoles { "AppRole", "DataReader", "Deployer", "AuditRole" };
constexpr std::array<std::string_view, 3> kRolePaths { "", "service/", "admin/" };
constexpr std::array<std::string_view, 3> kUserPaths { "", "staff/", "contractors/" };
constexpr std::array<std::string_view, 5> kAddresses { "203.0.113.10", "198.51.100.7", "10.1.2.3", "192.0.2.44",
    "2001:db8::5" };
constexpr std::array<std::string_view, 4> kNetworks { "203.0.113.0/24", "10.0.0.0/8", "192.0.2.0/25", "2001:db8::/32" };
constexpr std::array<std::string_view, 4> kTimes { "2026-03-01T08:00:00Z", "2026-06-15T12:30:00Z",
    "2026-09-30T23:59:59Z", "2027-01-10T00:00:00Z" };
constexpr std::array<std::string_view, 3> kTimeLimits { "2026-06-01T00:00:00Z", "2026-12-31T23:59:59Z", "2026-01-01" };
constexpr std::array<std::string_view, 3> kServices { "sns.amazonaws.com", "lambda.amazonaws.com",
    "events.amazonaws.com" };
constexpr std::array<std::string_view, 3> kTagKeys { "project", "cost-center", "owner" };

/// Who asks; the fields a policy can name.
struct Requester {
    /// user, session (assumed-role ARN), role (role ARN with aws:PrincipalType), federated, root, service, anonymous
    std::string_view kind;
    std::string principal;
    std::string account;
    std::string name;
    std::string roleArn;
    std::string sessionArn;
};

/// What is asked for.
struct Target {
    std::string action;
    std::string service;
    /// Other actions of the service, for statements that do not match.
    std::vector<std::string> otherActions;
    std::string resource;
    std::string account;
    /// A pattern that matches the resource, one that does not, and one with a policy variable.
    std::string wildcard;
    std::string elsewhere;
    std::string variable;
    /// none, resource, trust or key
    std::string_view policy = "none";
    bool wildcardOnly = false;
};

class CaseBuilder
{
public:
    CaseBuilder(SplitMix &random)
        : m_r(random)
    {
    }

    Json build(std::uint64_t number);

private:
    bool chance(unsigned percent) { return m_r.below(100) < percent; }
    template <typename T, std::size_t N> std::string pick(const std::array<T, N> &values)
    {
        return std::string(values[m_r.below(N)]);
    }
    std::string pick(const std::vector<std::string> &values) { return values[m_r.below(values.size())]; }

    void makeTarget();
    void makeRequester();
    Json makeContext();
    Json action();
    Json resource();
    Json principal(bool deny);
    void addCondition(Json &statement, bool control);
    Json statement(std::string_view type, bool deny, std::size_t index);
    Json policy(std::string_view type, std::size_t statements, unsigned denyPercent);
    Json scpLevels();
    Json rcpLevels();

    SplitMix &m_r;
    Requester m_who;
    Target m_what;
    std::string m_team;
    std::string m_region;
};

std::string arnOf(std::string_view service, std::string_view region, std::string_view account, std::string_view rest)
{
    return "arn:aws:" + std::string(service) + ":" + std::string(region) + ":" + std::string(account) + ":"
        + std::string(rest);
}

void CaseBuilder::makeTarget()
{
    Target &t = m_what;
    t = Target {};
    t.account = chance(75) ? std::string(kHome) : std::string(kOther);
    m_region = pick(kRegions);
    const std::string &a = t.account;
    const std::string &region = m_region;
    switch (m_r.below(16)) {
    case 0:
    case 1:
    case 2: {
        t.service = "s3";
        t.otherActions = { "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectTagging" };
        t.action = pick(t.otherActions);
        const std::string bucket =
            pick(std::array<std::string_view, 3> { "example-bucket", "reports-prod", "logs-archive" });
        const std::string user = pick(kUsers);
        std::string prefix = chance(40) ? "home/" + user : (chance(50) ? m_team : std::string("shared"));
        t.resource = "arn:aws:s3:::" + bucket + "/" + prefix + "/file-" + std::to_string(m_r.below(100)) + ".csv";
        t.wildcard = "arn:aws:s3:::" + bucket + "/" + prefix + "/*";
        t.elsewhere = "arn:aws:s3:::" + bucket + "-backup/*";
        t.variable = chance(50) ? "arn:aws:s3:::" + bucket + "/home/${aws:username}/*"
                                : (chance(50) ? "arn:aws:s3:::" + bucket + "/${aws:PrincipalTag/team}/*"
                                              : "arn:aws:s3:::" + bucket + "/home/${aws:username, 'shared'}/*");
        t.policy = chance(65) ? "resource" : "none";
        break;
    }
    case 3:
        t.service = "s3";
        t.otherActions = { "s3:ListBucket", "s3:GetBucketPolicy", "s3:GetBucketTagging" };
        t.action = pick(t.otherActions);
        t.resource = "arn:aws:s3:::" + pick(std::array<std::string_view, 2> { "example-bucket", "reports-prod" });
        t.wildcard = "arn:aws:s3:::*-prod";
        t.elsewhere = "arn:aws:s3:::logs-archive";
        t.variable = "arn:aws:s3:::${aws:PrincipalTag/team}-bucket";
        t.policy = chance(60) ? "resource" : "none";
        break;
    case 4:
        t.service = "dynamodb";
        t.otherActions = { "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:DeleteItem" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("dynamodb", region, a, "table/Orders");
        t.wildcard = arnOf("dynamodb", "*", a, "table/*");
        t.elsewhere = arnOf("dynamodb", region, a, "table/Payments");
        t.variable = arnOf("dynamodb", "*", "${aws:PrincipalAccount}", "table/Orders");
        t.policy = chance(30) ? "resource" : "none";
        break;
    case 5:
        t.service = "sqs";
        t.otherActions = { "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("sqs", region, a, "orders-queue");
        t.wildcard = arnOf("sqs", "*", a, "orders-*");
        t.elsewhere = arnOf("sqs", region, a, "audit-queue");
        t.variable = arnOf("sqs", region, "${aws:PrincipalAccount}", "${aws:PrincipalTag/team}-queue");
        t.policy = chance(70) ? "resource" : "none";
        break;
    case 6:
        t.service = "sns";
        t.otherActions = { "sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("sns", region, a, "alerts");
        t.wildcard = arnOf("sns", "*", "*", "alert*");
        t.elsewhere = arnOf("sns", region, a, "billing");
        t.variable = arnOf("sns", "${aws:RequestedRegion}", a, "alerts");
        t.policy = chance(70) ? "resource" : "none";
        break;
    case 7:
        t.service = "lambda";
        t.otherActions = { "lambda:InvokeFunction", "lambda:GetFunction", "lambda:UpdateFunctionCode" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("lambda", region, a, "function:process-orders");
        t.wildcard = arnOf("lambda", region, a, "function:process-*");
        t.elsewhere = arnOf("lambda", region, a, "function:billing");
        t.variable = arnOf("lambda", region, "${aws:PrincipalAccount}", "function:process-orders");
        t.policy = chance(60) ? "resource" : "none";
        break;
    case 8:
        t.service = "ec2";
        t.otherActions = { "ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances", "ec2:RebootInstances" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("ec2", region, a, "instance/i-0abc12345def67890");
        t.wildcard = arnOf("ec2", "*", a, "instance/*");
        t.elsewhere = arnOf("ec2", region, a, "instance/i-0fff00000aaa11111");
        t.variable = arnOf("ec2", "${aws:RequestedRegion}", a, "instance/*");
        break;
    case 9:
        t.service = "kms";
        t.otherActions = { "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ScheduleKeyDeletion" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("kms", region, a, "key/1234abcd-12ab-34cd-56ef-1234567890ab");
        t.wildcard = arnOf("kms", "*", a, "key/*");
        t.elsewhere = arnOf("kms", region, a, "key/0987dcba-09fe-87dc-65ba-ab0987654321");
        t.variable = arnOf("kms", region, "${aws:PrincipalAccount}", "key/*");
        t.policy = "key";
        break;
    case 10:
        t.service = "secretsmanager";
        t.otherActions = { "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
            "secretsmanager:DescribeSecret" };
        t.action = pick(t.otherActions);
        t.resource = arnOf("secretsmanager", region, a, "secret:prod/db-password-AbCdEf");
        t.wildcard = arnOf("secretsmanager", region, a, "secret:prod/*");
        t.elsewhere = arnOf("secretsmanager", region, a, "secret:dev/api-key-GhIjKl");
        t.variable = arnOf("secretsmanager", region, a, "secret:${aws:PrincipalTag/env}/*");
        t.policy = chance(50) ? "resource" : "none";
        break;
    case 11: {
        t.service = "iam";
        t.otherActions = { "iam:GetRole", "iam:PassRole", "iam:UpdateAssumeRolePolicy", "iam:TagRole" };
        t.action = pick(t.otherActions);
        t.account = std::string(kHome);
        t.resource = "arn:aws:iam::" + t.account + ":role/" + pick(kRolePaths) + pick(kRoles);
        t.wildcard = "arn:aws:iam::" + t.account + ":role/*";
        t.elsewhere = "arn:aws:iam::" + t.account + ":role/aws-reserved/*";
        t.variable = "arn:aws:iam::${aws:PrincipalAccount}:role/*";
        break;
    }
    case 12: {
        t.service = "iam";
        t.otherActions = { "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:SetDefaultPolicyVersion",
            "iam:GetPolicy", "iam:TagPolicy" };
        t.action = pick(t.otherActions);
        t.account = std::string(kHome);
        const bool managed = chance(50);
        t.resource = managed ? "arn:aws:iam::aws:policy/"
                + pick(std::array<std::string_view, 3> {
                    "ReadOnlyAccess", "AdministratorAccess", "job-function/ViewOnlyAccess" })
                             : "arn:aws:iam::" + t.account + ":policy/team-" + m_team;
        t.wildcard = "arn:aws:iam::*:policy/*";
        t.elsewhere = "arn:aws:iam::" + t.account + ":policy/other";
        t.variable = "arn:aws:iam::${aws:PrincipalAccount}:policy/team-${aws:PrincipalTag/team}";
        break;
    }
    case 13:
    case 14: {
        t.service = "sts";
        t.otherActions = { "sts:AssumeRole", "sts:TagSession" };
        t.action = chance(80) ? "sts:AssumeRole" : "sts:TagSession";
        t.resource = "arn:aws:iam::" + t.account + ":role/" + pick(kRolePaths) + pick(kRoles);
        t.wildcard = "arn:aws:iam::" + t.account + ":role/*";
        t.elsewhere = "arn:aws:iam::" + std::string(kOutside) + ":role/Other";
        t.variable = "arn:aws:iam::" + t.account + ":role/${aws:PrincipalTag/team}-*";
        t.policy = "trust";
        break;
    }
    default: {
        const std::array<std::array<std::string_view, 2>, 5> wildcardOnly { { { "sts", "sts:GetCallerIdentity" },
            { "iam", "iam:ListRoles" }, { "ec2", "ec2:DescribeInstances" }, { "s3", "s3:ListAllMyBuckets" },
            { "sts", "sts:GetCallerIdentity" } } };
        const auto &chosen = wildcardOnly[m_r.below(wildcardOnly.size())];
        t.service = std::string(chosen[0]);
        t.action = std::string(chosen[1]);
        t.otherActions = { t.action, t.service + ":GetAccountSummary" };
        if (t.service == "iam")
            t.otherActions = { "iam:ListRoles", "iam:ListUsers", "iam:GetAccountSummary" };
        else if (t.service == "sts")
            t.otherActions = { "sts:GetCallerIdentity", "sts:GetSessionToken", "sts:DecodeAuthorizationMessage" };
        else if (t.service == "ec2")
            t.otherActions = { "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeImages" };
        else
            t.otherActions = { "s3:ListAllMyBuckets", "s3:ListAccessPoints" };
        t.resource = "*";
        t.wildcard = "*";
        t.elsewhere = "arn:aws:" + t.service + ":::nothing";
        t.variable = "*";
        t.wildcardOnly = true;
        t.account = std::string(kHome);
        break;
    }
    }
}

void CaseBuilder::makeRequester()
{
    Requester &w = m_who;
    w = Requester {};
    w.account = chance(80) ? std::string(kHome) : (chance(70) ? std::string(kOther) : std::string(kOutside));
    const unsigned roll = static_cast<unsigned>(m_r.below(100));
    const bool resourceSide = m_what.policy != "none";
    if (resourceSide && roll < 7)
        w.kind = "service";
    else if (resourceSide && m_what.service == "s3" && roll < 10)
        w.kind = "anonymous";
    else if (roll < 13)
        w.kind = "root";
    else if (roll < 17)
        w.kind = "federated";
    else if (roll < 45)
        w.kind = "user";
    else if (roll < 72)
        w.kind = "session";
    else
        w.kind = "role";
    const std::string role = pick(kRoles);
    w.roleArn = "arn:aws:iam::" + w.account + ":role/" + pick(kRolePaths) + role;
    w.sessionArn = "arn:aws:sts::" + w.account + ":assumed-role/" + role + "/" + pick(kUsers);
    if (w.kind == "user") {
        w.name = pick(kUsers);
        w.principal = "arn:aws:iam::" + w.account + ":user/" + pick(kUserPaths) + w.name;
    } else if (w.kind == "session") {
        w.name = role;
        w.principal = w.sessionArn;
    } else if (w.kind == "role") {
        w.name = role;
        w.principal = w.roleArn;
    } else if (w.kind == "federated") {
        w.name = pick(kUsers);
        w.principal = "arn:aws:sts::" + w.account + ":federated-user/" + w.name;
    } else if (w.kind == "root") {
        w.principal = "arn:aws:iam::" + w.account + ":root";
    } else if (w.kind == "service") {
        w.principal = pick(kServices);
        w.account.clear();
    } else {
        w.principal = "anonymous";
        w.account.clear();
    }
}

Json CaseBuilder::makeContext()
{
    Json c = Json::object();
    const Requester &w = m_who;
    const bool iam = !w.account.empty();
    if (iam) {
        const bool session = w.kind == "session" || w.kind == "role";
        c["aws:PrincipalArn"] = session ? w.roleArn : w.principal;
        c["aws:PrincipalAccount"] = w.account;
        c["aws:PrincipalType"] = w.kind == "user" ? "User"
            : session                             ? "AssumedRole"
            : w.kind == "federated"               ? "FederatedUser"
                                                  : "Account";
        if (w.kind == "user") {
            c["aws:userid"] = "AIDAEXAMPLE" + w.name;
            c["aws:username"] = w.name;
        } else if (session) {
            c["aws:userid"] = "AROAEXAMPLE:" + w.sessionArn.substr(w.sessionArn.rfind('/') + 1);
        } else if (w.kind == "federated") {
            c["aws:userid"] = w.account + ":" + w.name;
        }
        if (w.account != kOutside && chance(70)) {
            c["aws:PrincipalOrgID"] = std::string(kOrg);
            if (chance(30))
                c["aws:PrincipalOrgPaths"] = Json::array({ std::string(kOrg) + "/r-ab12/ou-ab12-workloads/" });
        }
        if (chance(60))
            c["aws:PrincipalTag/team"] = m_team;
        if (chance(40))
            c["aws:PrincipalTag/env"] = chance(50) ? "prod" : "dev";
        if (w.kind != "user" || chance(50)) {
            const bool mfa = chance(40);
            c["aws:MultiFactorAuthPresent"] = mfa ? "true" : "false";
            if (mfa)
                c["aws:MultiFactorAuthAge"] = std::to_string(60 * m_r.below(180));
        }
    } else if (w.kind == "service") {
        c["aws:PrincipalServiceName"] = w.principal;
        c["aws:PrincipalIsAWSService"] = "true";
        if (chance(80))
            c["aws:SourceAccount"] = chance(80) ? m_what.account : std::string(kOutside);
        if (chance(60))
            c["aws:SourceArn"] = arnOf("sns", m_region, chance(80) ? m_what.account : kOutside, "alerts");
    }
    if (chance(75))
        c["aws:SourceIp"] = pick(kAddresses);
    if (chance(80))
        c["aws:CurrentTime"] = pick(kTimes);
    if (chance(20))
        c["aws:EpochTime"] = std::to_string(1767225600 + 86400 * m_r.below(400));
    if (chance(80))
        c["aws:SecureTransport"] = chance(85) ? "true" : "false";
    if (chance(60))
        c["aws:RequestedRegion"] = m_region;
    if (chance(40) && m_what.service != "s3")
        c["aws:ResourceTag/team"] = chance(60) ? m_team : pick(kTeams);
    if (chance(25)) {
        const std::string key = pick(kTagKeys);
        c["aws:RequestTag/" + key] = "x-" + std::to_string(m_r.below(5));
        c["aws:TagKeys"] = chance(60) ? Json::array({ key }) : Json::array({ key, pick(kTagKeys) });
    }
    if (chance(8))
        c["aws:CalledVia"] = Json::array({ "athena.amazonaws.com" });
    if (chance(40))
        c["aws:ResourceAccount"] = m_what.account;
    return c;
}

Json CaseBuilder::action()
{
    const Target &t = m_what;
    const unsigned roll = static_cast<unsigned>(m_r.below(100));
    if (roll < 50)
        return chance(95) ? t.action : t.service + ":" + t.action.substr(t.service.size() + 1, 1) + "*";
    if (roll < 63)
        return t.service + ":*";
    if (roll < 71) {
        // A prefix wildcard: "s3:Get*" for s3:GetObject.
        const std::string name = t.action.substr(t.service.size() + 1);
        return t.service + ":" + name.substr(0, 3) + "*";
    }
    if (roll < 77)
        return "*";
    if (roll < 88)
        return pick(t.otherActions);
    return Json::array({ pick(t.otherActions), pick(t.otherActions) });
}

Json CaseBuilder::resource()
{
    const Target &t = m_what;
    if (t.wildcardOnly)
        return chance(90) ? Json("*") : Json(t.elsewhere);
    const unsigned roll = static_cast<unsigned>(m_r.below(100));
    if (roll < 35)
        return t.resource;
    if (roll < 52)
        return t.wildcard;
    if (roll < 64)
        return "*";
    if (roll < 76)
        return t.variable;
    if (roll < 88)
        return t.elsewhere;
    return Json::array({ t.elsewhere, chance(50) ? t.wildcard : t.variable });
}

Json CaseBuilder::principal(bool deny)
{
    const Requester &w = m_who;
    const std::string account = w.account.empty() ? m_what.account : w.account;
    switch (m_r.below(deny ? 9 : 10)) {
    case 0:
        return "*";
    case 1:
        return Json { { "AWS", account } };
    case 2:
        return Json { { "AWS", "arn:aws:iam::" + account + ":root" } };
    case 3:
        return Json { { "AWS", w.roleArn } };
    case 4:
        return Json { { "AWS", Json::array({ w.sessionArn, "arn:aws:iam::" + std::string(kOutside) + ":root" }) } };
    case 5:
        return Json { { "AWS", "arn:aws:iam::" + account + ":user/" + pick(kUserPaths) + pick(kUsers) } };
    case 6:
        return Json { { "Service", pick(kServices) } };
    case 7:
        return Json { { "AWS", "arn:aws:iam::" + std::string(kOutside) + ":root" } };
    case 8:
        return Json { { "AWS", std::string(kOther) } };
    default:
        return Json { { "AWS", "*" } };
    }
}

void CaseBuilder::addCondition(Json &statement, bool control)
{
    std::string op;
    std::string key;
    Json values;
    const bool ifExists = chance(20);
    switch (m_r.below(control ? 7 : 9)) {
    case 0:
    case 1: {
        op = pick(std::array<std::string_view, 6> { "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike" });
        switch (m_r.below(6)) {
        case 0:
            key = "aws:PrincipalTag/team";
            values = chance(70) ? Json(pick(kTeams)) : Json::array({ pick(kTeams), "BLUE" });
            break;
        case 1:
            key = "aws:ResourceTag/team";
            values = chance(60) ? Json("${aws:PrincipalTag/team}") : Json(pick(kTeams));
            break;
        case 2:
            key = "aws:PrincipalOrgID";
            values = chance(80) ? std::string(kOrg) : std::string("o-zzzzzzzzzz");
            break;
        case 3:
            key = "aws:RequestedRegion";
            values = chance(50) ? Json(pick(kRegions)) : Json::array({ "us-*", "eu-west-1" });
            break;
        case 4:
            key = "aws:userid";
            values = chance(50) ? Json("AIDA*") : Json("*:${aws:username}");
            break;
        default:
            key = "aws:PrincipalAccount";
            values = chance(50) ? Json("${aws:ResourceAccount}") : Json(std::string(kHome));
            break;
        }
        break;
    }
    case 2:
        op = pick(std::array<std::string_view, 6> { "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan",
            "NumericGreaterThanEquals", "NumericEquals", "NumericNotEquals" });
        key = "aws:MultiFactorAuthAge";
        values = chance(50) ? "3600" : "600";
        break;
    case 3:
        op = pick(std::array<std::string_view, 6> { "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
            "DateGreaterThanEquals", "DateEquals", "DateNotEquals" });
        key = chance(80) ? "aws:CurrentTime" : "aws:EpochTime";
        values = chance(80) ? pick(kTimeLimits) : std::string("1780000000");
        break;
    case 4:
        op = "Bool";
        key = chance(50) ? "aws:SecureTransport" : (chance(70) ? "aws:MultiFactorAuthPresent" : "aws:ViaAWSService");
        values = chance(50) ? "true" : "false";
        break;
    case 5:
        op = chance(60) ? "IpAddress" : "NotIpAddress";
        key = "aws:SourceIp";
        values = chance(50) ? Json(pick(kNetworks)) : Json::array({ pick(kNetworks), pick(kNetworks) });
        break;
    case 6:
        op = pick(std::array<std::string_view, 4> { "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike" });
        key = chance(75) ? "aws:PrincipalArn" : "aws:SourceArn";
        values = chance(40) ? Json(m_who.roleArn.empty() ? "arn:aws:iam::111122223333:role/AppRole" : m_who.roleArn)
                            : Json(pick(std::array<std::string_view, 3> { "arn:aws:iam::*:role/admin/*",
                                "arn:aws:iam::111122223333:*", "arn:aws:sns:*:*:alerts" }));
        break;
    case 7:
        op = "Null";
        key =
            pick(std::array<std::string_view, 3> { "aws:MultiFactorAuthAge", "aws:PrincipalTag/team", "aws:SourceIp" });
        values = chance(50) ? "true" : "false";
        break;
    default: {
        const bool all = chance(50);
        const std::string base =
            pick(std::array<std::string_view, 3> { "StringEquals", "StringLike", "StringNotEquals" });
        op = std::string(all ? "ForAllValues:" : "ForAnyValue:") + base;
        key = chance(75) ? "aws:TagKeys" : "aws:CalledVia";
        values = key == "aws:TagKeys" ? Json::array({ pick(kTagKeys), pick(kTagKeys) })
                                      : Json::array({ "athena.amazonaws.com" });
        if (base == "StringLike" && key == "aws:TagKeys")
            values = Json::array({ "cost-*", "proj*" });
        break;
    }
    }
    if (ifExists && op.rfind("For", 0) != 0 && op != "Null")
        op += "IfExists";
    statement["Condition"][op][key] = values;
}

Json CaseBuilder::statement(std::string_view type, bool deny, std::size_t index)
{
    Json s = Json::object();
    if (chance(30))
        s["Sid"] = std::string(deny ? "Deny" : "Allow") + std::to_string(index);
    s["Effect"] = deny ? "Deny" : "Allow";
    const bool resourcePolicy = type == "resource" || type == "trust" || type == "key" || type == "rcp";
    if (resourcePolicy) {
        if (type == "rcp")
            s["Principal"] = "*";
        else if (deny && type != "trust" && chance(15))
            s["NotPrincipal"] = principal(true);
        else
            s["Principal"] = principal(deny);
    }
    if (type == "trust") {
        s["Action"] = chance(70) ? Json("sts:AssumeRole") : Json::array({ "sts:AssumeRole", "sts:TagSession" });
        if (chance(10))
            s["Action"] = "sts:*";
    } else if (type == "scp" || type == "rcp" ? chance(8) : chance(7)) {
        s["NotAction"] = chance(50) ? Json(pick(m_what.otherActions)) : Json::array({ "iam:*", "organizations:*" });
    } else {
        s["Action"] = action();
    }
    if (type != "trust") {
        if (type == "scp" || type == "rcp")
            s["Resource"] = chance(85) ? Json("*") : resource();
        else if (chance(6) && !m_what.wildcardOnly)
            s["NotResource"] = chance(50) ? Json(m_what.elsewhere) : Json(m_what.wildcard);
        else
            s["Resource"] = type == "key" ? Json("*") : resource();
    }
    const bool control = type == "scp" || type == "rcp";
    // SCP Allow statements carry no condition.
    if (!(type == "scp" && !deny) && chance(control ? 70 : 45)) {
        addCondition(s, control);
        if (chance(25))
            addCondition(s, control);
    }
    if (type == "trust" && chance(20))
        s["Condition"]["StringEquals"]["sts:ExternalId"] = chance(70) ? "Unicorn42" : "Other";
    return s;
}

Json CaseBuilder::policy(std::string_view type, std::size_t statements, unsigned denyPercent)
{
    Json p = Json::object();
    p["Version"] = chance(97) ? "2012-10-17" : "2008-10-17";
    Json list = Json::array();
    for (std::size_t i = 0; i < statements; ++i)
        list.push_back(statement(type, chance(denyPercent), i));
    if (type == "key" && chance(60)) {
        // The key policy's usual first statement: the account's IAM policies decide.
        list.insert(list.begin(),
            Json { { "Sid", "EnableIamUserPermissions" }, { "Effect", "Allow" },
                { "Principal", { { "AWS", "arn:aws:iam::" + m_what.account + ":root" } } }, { "Action", "kms:*" },
                { "Resource", "*" } });
    }
    p["Statement"] = list;
    return p;
}

Json CaseBuilder::scpLevels()
{
    Json levels = Json::array();
    const std::size_t count = 1 + m_r.below(3);
    for (std::size_t level = 0; level < count; ++level) {
        Json policies = Json::array();
        if (level == 0 || chance(85)) {
            policies.push_back(Json { { "Version", "2012-10-17" },
                { "Statement",
                    Json::array({ Json { { "Sid", "FullAWSAccess" }, { "Effect", "Allow" }, { "Action", "*" },
                        { "Resource", "*" } } }) } });
        } else {
            Json allow = Json::object();
            allow["Version"] = "2012-10-17";
            allow["Statement"] = Json::array({ Json { { "Effect", "Allow" },
                { "Action", Json::array({ m_what.service + ":*", chance(50) ? "iam:*" : "s3:*" }) },
                { "Resource", "*" } } });
            if (chance(30))
                allow["Statement"][0]["Action"] = Json::array({ "ec2:*", "logs:*" });
            policies.push_back(allow);
        }
        if (chance(45))
            policies.push_back(policy("scp", 1 + m_r.below(2), 90));
        levels.push_back(policies);
    }
    return levels;
}

Json CaseBuilder::rcpLevels()
{
    Json levels = Json::array();
    const std::size_t count = 1 + m_r.below(2);
    for (std::size_t level = 0; level < count; ++level) {
        Json p = Json::object();
        p["Version"] = "2012-10-17";
        Json s = Json::object();
        s["Effect"] = "Deny";
        s["Principal"] = "*";
        s["Action"] = chance(70) ? Json(m_what.service + ":*")
                                 : Json::array({ "s3:*", "sqs:*", "kms:*", "sts:*", "secretsmanager:*" });
        s["Resource"] = "*";
        switch (m_r.below(3)) {
        case 0:
            s["Condition"]["StringNotEqualsIfExists"]["aws:PrincipalOrgID"] = std::string(kOrg);
            s["Condition"]["BoolIfExists"]["aws:PrincipalIsAWSService"] = "false";
            break;
        case 1:
            s["Condition"]["BoolIfExists"]["aws:SecureTransport"] = "false";
            break;
        default:
            addCondition(s, true);
            break;
        }
        p["Statement"] = Json::array({ s });
        levels.push_back(Json::array({ p }));
    }
    return levels;
}

Json CaseBuilder::build(std::uint64_t number)
{
    m_team = pick(kTeams);
    makeTarget();
    makeRequester();
    const Requester &w = m_who;
    const bool iam = !w.account.empty() && w.kind != "root";
    const bool session = w.kind == "session" || w.kind == "role" || w.kind == "federated";

    Json c = Json::object();
    c["id"] = "case-" + std::to_string(number);
    Json identity = Json::array();
    if (iam) {
        const std::size_t count = chance(8) ? 0 : 1 + m_r.below(3);
        for (std::size_t i = 0; i < count; ++i)
            identity.push_back(policy("identity", 1 + m_r.below(3), 15));
    }
    c["identityPolicies"] = identity;
    c["resourcePolicy"] = m_what.policy == "none"
        ? Json(nullptr)
        : policy(m_what.policy, 1 + m_r.below(3), m_what.policy == "trust" ? 10 : 15);
    Json boundaries = Json::array();
    if (iam && w.kind != "federated" && chance(20))
        boundaries.push_back(policy("identity", 1 + m_r.below(2), 15));
    c["permissionBoundaries"] = boundaries;
    c["sessionPolicy"] =
        session && chance(w.kind == "federated" ? 85 : 40) ? policy("identity", 1 + m_r.below(2), 25) : Json(nullptr);
    c["scps"] = (iam || w.kind == "root") && chance(30) ? scpLevels() : Json::array();
    c["rcps"] = m_what.policy != "none" && chance(15) ? rcpLevels() : Json::array();
    Json request = Json::object();
    request["principal"] = w.principal;
    request["action"] = m_what.action;
    request["resource"] = m_what.resource;
    request["resourceAccount"] = m_what.account;
    request["context"] = makeContext();
    c["request"] = request;
    return c;
}

} // namespace

BatchCaseGenerator::BatchCaseGenerator(std::uint64_t seed)
{
    m_random.state = seed;
}

std::string BatchCaseGenerator::next()
{
    CaseBuilder builder(m_random);
    return builder.build(++m_count).dump();
}

} // namespace rd::test
