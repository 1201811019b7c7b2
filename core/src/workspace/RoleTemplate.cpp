// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/workspace/RoleTemplate.h"

#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"

#include <algorithm>

namespace rd::core
{

namespace
{

using Kind = TemplateBlank::Kind;
using Values = std::map<std::string, std::string>;

bool allOf(std::string_view text, std::string_view allowed, bool alnum = true)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
        return (alnum && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            || allowed.find(c) != std::string_view::npos;
    });
}

// The form each kind of blank must have (IAM identifiers; S3 bucket naming rules; region codes).
std::string checkBlank(const TemplateBlank &blank, const std::string &value)
{
    switch (blank.kind) {
    case Kind::Name:
        return isValidIamName(value, 64) ? "" : "1 to 64 letters, digits or +=,.@_-";
    case Kind::AccountId:
        return isAccountId(value) ? "" : "12 digits";
    case Kind::Region:
        return allOf(value, "-") ? "" : "a region code such as eu-west-1";
    case Kind::BucketName:
        return value.size() >= 3 && value.size() <= 63 && allOf(value, ".-")
                && std::none_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; })
            ? ""
            : "3 to 63 lower-case letters, digits, dots or hyphens";
    case Kind::Email:
        return value.find('@') != std::string::npos && value.find('"') == std::string::npos ? "" : "an email address";
    case Kind::Domain:
        return allOf(value, ".-") && value.find('.') != std::string::npos ? "" : "a domain such as example.com";
    case Kind::Repository:
        return allOf(value, "/._-") && std::count(value.begin(), value.end(), '/') == 1 ? "" : "owner/repository";
    case Kind::Text:
        return value.find('"') == std::string::npos && value.find('\\') == std::string::npos
            ? ""
            : "no quotes or backslashes";
    }
    return {};
}

/// Replaces each `{key}` with its value.
std::string substitute(std::string text, const Values &values)
{
    for (const auto &[key, value] : values) {
        const std::string marker = "{" + key + "}";
        for (std::size_t pos = text.find(marker); pos != std::string::npos; pos = text.find(marker, pos + value.size()))
            text.replace(pos, marker.size(), value);
    }
    return text;
}

/// A template policy with its blanks filled (values are checked first, so they need no JSON escaping).
Policy policy(const std::string &text, const Values &values)
{
    ParseResult parsed = parsePolicy(substitute(text, values));
    Policy result = parsed.policy ? std::move(*parsed.policy) : Policy {};
    clearSourceRanges(result);
    return result;
}

const char *kLambdaTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})";

// People of the role's own account who signed in with MFA (IAM User Guide, "Configuring MFA-protected API access").
const char *kOwnAccountWithMfaTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{account}:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})";

struct Definition {
    RoleTemplate info;
    std::string path;
    std::string roleDescription;
    std::string trust;
    std::vector<std::pair<std::string, std::string>> inlinePolicies;
    std::vector<std::string> attached;
    bool instanceProfile = false;
};

const std::vector<Definition> &definitions()
{
    static const std::vector<Definition> all = [] {
        const TemplateBlank name { "name", "Role name", "", Kind::Name };
        auto named = [&](std::string example) {
            TemplateBlank b = name;
            b.example = std::move(example);
            return b;
        };
        const TemplateBlank region { "region", "Region", "eu-west-1", Kind::Region };
        std::vector<Definition> d;
        d.push_back({ { "lambda-s3-logs", "Lambda execution role writing to S3",
                          "A Lambda function's role: trusted by lambda.amazonaws.com, allowed s3:PutObject in one "
                          "bucket.",
                          { named("LambdaLogWriter"), { "bucket", "Log bucket", "my-log-bucket", Kind::BucketName } } },
            "/service-role/", "Execution role of a Lambda function that writes to {bucket}", kLambdaTrust,
            { { "WriteLogs",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::{bucket}/*"}]})" } },
            {}, false });
        d.push_back({ { "ec2-instance", "EC2 instance role with its instance profile",
                          "For applications on EC2: trusted by ec2.amazonaws.com, reads one bucket, with an instance "
                          "profile of the same name.",
                          { named("AppServer"), { "bucket", "Bucket to read", "my-app-config", Kind::BucketName } } },
            "/", "Role of the EC2 instances of an application reading {bucket}",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})",
            { { "ReadConfig",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::{bucket}"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::{bucket}/*"}]})" } },
            {}, true });
        d.push_back({ { "cross-account", "Cross-account role with an external id",
                          "For a third party: its account may assume the role only with the external id you gave it "
                          "(the confused deputy problem).",
                          { named("PartnerReadOnly"),
                              { "trustedAccount", "Partner's account", "444455556666", Kind::AccountId },
                              { "externalId", "External id", "partner-7731", Kind::Text } } },
            "/", "Read-only access for the account {trustedAccount}",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{trustedAccount}:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"{externalId}"}}}]})",
            {}, { "arn:aws:iam::aws:policy/ReadOnlyAccess" }, false });
        d.push_back({ { "github-oidc", "Role for GitHub Actions (OIDC)",
                          "For a CI workflow: GitHub's OIDC provider may assume it for one repository and branch; "
                          "deploys to one bucket.",
                          { named("GitHubDeploy"), { "repository", "Repository", "acme/website", Kind::Repository },
                              { "branch", "Branch", "main", Kind::Text },
                              { "bucket", "Bucket to deploy to", "acme-website", Kind::BucketName } } },
            "/ci/", "Deploys {repository} ({branch}) to {bucket}",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::{account}:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:{repository}:ref:refs/heads/{branch}"}}}]})",
            { { "Deploy",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::{bucket}"},{"Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::{bucket}/*"}]})" } },
            {}, false });
        d.push_back({ { "ses-notification-handler", "Email: bounce and complaint handler",
                          "A Lambda function subscribed to the SES bounce and complaint topics that records each "
                          "address in a suppression table.",
                          { named("SesNotificationHandler"), region,
                              { "bounceTopic", "Bounce topic", "ses-bounces", Kind::Name },
                              { "complaintTopic", "Complaint topic", "ses-complaints", Kind::Name },
                              { "table", "Suppression table", "email-suppression", Kind::Name } } },
            "/service-role/", "Records SES bounces and complaints in {table}", kLambdaTrust,
            { { "HandleNotifications",
                R"({"Version":"2012-10-17","Statement":[{"Sid":"ReadTopics","Effect":"Allow","Action":["sns:GetTopicAttributes","sns:ListSubscriptionsByTopic"],"Resource":["arn:aws:sns:{region}:{account}:{bounceTopic}","arn:aws:sns:{region}:{account}:{complaintTopic}"]},{"Sid":"UpdateSuppressionList","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:UpdateItem"],"Resource":"arn:aws:dynamodb:{region}:{account}:table/{table}"},{"Sid":"WriteLogs","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:{region}:{account}:log-group:/aws/lambda/{name}:*"}]})" } },
            {}, false });
        d.push_back({ { "ses-sender", "Email: sender limited to one address",
                          "A Lambda function that may send email only from one address of a verified domain "
                          "(ses:FromAddress).",
                          { named("SesSender"), region, { "domain", "Verified domain", "example.com", Kind::Domain },
                              { "fromAddress", "From address", "no-reply@example.com", Kind::Email } } },
            "/service-role/", "Sends email from {fromAddress}", kLambdaTrust,
            { { "SendFromOneAddress",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ses:SendEmail","ses:SendRawEmail"],"Resource":"arn:aws:ses:{region}:{account}:identity/{domain}","Condition":{"StringEquals":{"ses:FromAddress":"{fromAddress}"}}}]})" } },
            {}, false });
        d.push_back({ { "email-analytics-readonly", "Email: read-only analytics",
                          "For people of this account, with MFA: sending statistics and the suppression table, read "
                          "only.",
                          { named("EmailAnalyticsReadOnly"), region,
                              { "table", "Suppression table", "email-suppression", Kind::Name } } },
            "/", "Reads email sending statistics and {table}", kOwnAccountWithMfaTrust,
            { { "ReadEmailStatistics",
                R"({"Version":"2012-10-17","Statement":[{"Sid":"SendingStatistics","Effect":"Allow","Action":["ses:GetSendStatistics","ses:GetSendQuota","cloudwatch:GetMetricData","cloudwatch:ListMetrics"],"Resource":"*"},{"Sid":"SuppressionTable","Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:Scan"],"Resource":"arn:aws:dynamodb:{region}:{account}:table/{table}"}]})" } },
            {}, false });
        d.push_back({ { "email-configuration", "Email: configuration management",
                          "For the people who manage SES configuration sets and their event destinations, with MFA.",
                          { named("EmailConfigurationManager"), region,
                              { "configurationSet", "Configuration set", "transactional", Kind::Name } } },
            "/", "Manages the SES configuration set {configurationSet}", kOwnAccountWithMfaTrust,
            { { "ManageConfigurationSet",
                R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ses:GetConfigurationSet","ses:GetConfigurationSetEventDestinations","ses:UpdateConfigurationSetEventDestination","ses:CreateConfigurationSetEventDestination","ses:DeleteConfigurationSetEventDestination"],"Resource":"arn:aws:ses:{region}:{account}:configuration-set/{configurationSet}"}]})" } },
            {}, false });
        return d;
    }();
    return all;
}

} // namespace

const std::vector<RoleTemplate> &roleTemplates()
{
    static const std::vector<RoleTemplate> templates = [] {
        std::vector<RoleTemplate> out;
        for (const Definition &d : definitions())
            out.push_back(d.info);
        return out;
    }();
    return templates;
}

const RoleTemplate *findRoleTemplate(std::string_view id)
{
    for (const RoleTemplate &t : roleTemplates()) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

std::optional<Role> buildRole(const RoleTemplate &roleTemplate, const std::string &accountId,
    const std::map<std::string, std::string> &values, std::string &error)
{
    const auto definition = std::find_if(
        definitions().begin(), definitions().end(), [&](const Definition &d) { return d.info.id == roleTemplate.id; });
    if (definition == definitions().end()) {
        error = "unknown template `" + roleTemplate.id + "`";
        return std::nullopt;
    }
    if (!isAccountId(accountId)) {
        error = "the workspace account `" + accountId + "` is not a 12-digit account id";
        return std::nullopt;
    }
    Values filled { { "account", accountId } };
    for (const TemplateBlank &blank : roleTemplate.blanks) {
        const auto given = values.find(blank.key);
        const std::string value = given == values.end() || given->second.empty() ? blank.example : given->second;
        if (const std::string problem = checkBlank(blank, value); !problem.empty()) {
            error = blank.label + ": `" + value + "` is not " + problem;
            return std::nullopt;
        }
        filled[blank.key] = value;
    }
    Role role;
    role.accountId = accountId;
    role.name = filled["name"];
    role.path = definition->path;
    role.arn = "arn:aws:iam::" + accountId + ":role" + role.path + role.name;
    role.description = substitute(definition->roleDescription, filled);
    role.trustPolicy = policy(definition->trust, filled);
    for (const auto &[policyName, text] : definition->inlinePolicies)
        role.inlinePolicies.push_back(InlinePolicy { policyName, policy(text, filled) });
    role.attachedPolicyArns = definition->attached;
    if (definition->instanceProfile)
        role.instanceProfiles.push_back(
            InstanceProfile { role.name, "/", "arn:aws:iam::" + accountId + ":instance-profile/" + role.name, "" });
    return role;
}

std::optional<Role> buildEmptyRole(const std::string &name, const std::string &accountId, std::string &error)
{
    if (!isAccountId(accountId)) {
        error = "the account `" + accountId + "` is not a 12-digit account id";
        return std::nullopt;
    }
    const TemplateBlank blank { "name", "Role name", "", TemplateBlank::Kind::Name };
    if (const std::string problem = checkBlank(blank, name); !problem.empty()) {
        error = blank.label + ": `" + name + "` is not " + problem;
        return std::nullopt;
    }
    Role role;
    role.accountId = accountId;
    role.name = name;
    role.arn = "arn:aws:iam::" + accountId + ":role/" + name;
    role.trustPolicy = policy(R"({"Version":"2012-10-17","Statement":[]})", {});
    return role;
}

} // namespace rd::core
