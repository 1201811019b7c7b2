// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "LargeAccount.h"

#include "PolicyText.h"
#include "SplitMix.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace rd::test
{

namespace
{

using namespace rd::core;

const std::string kAccount = "111122223333";
const std::string kPartners[] = { "444455556666", "777788889999", "999988887777" };

using Random = rd::test::SplitMix;

std::string roleArn(std::size_t i)
{
    return "arn:aws:iam::" + kAccount + ":role/team-" + std::to_string(i % 50) + "/role-" + std::to_string(i);
}

std::string userArn(std::size_t i)
{
    return "arn:aws:iam::" + kAccount + ":user/user-" + std::to_string(i);
}

struct ResourceKind {
    const char *type;
    const char *actions[3];
};

const ResourceKind kKinds[] = {
    { "AWS::S3::Bucket", { "s3:GetObject", "s3:PutObject", "s3:List*" } },
    { "AWS::SQS::Queue", { "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:Get*" } },
    { "AWS::DynamoDB::Table", { "dynamodb:Query", "dynamodb:PutItem", "dynamodb:*" } },
    { "AWS::KMS::Key", { "kms:Decrypt", "kms:Encrypt", "kms:Describe*" } },
    { "AWS::Lambda::Function", { "lambda:InvokeFunction", "lambda:Get*", "lambda:UpdateFunctionCode" } },
};

std::string resourceArn(std::size_t i)
{
    const std::string n = std::to_string(i);
    switch (i % 5) {
    case 0:
        return "arn:aws:s3:::bucket-" + n;
    case 1:
        return "arn:aws:sqs:us-east-1:" + kAccount + ":queue-" + n;
    case 2:
        return "arn:aws:dynamodb:us-east-1:" + kAccount + ":table/table-" + n;
    case 3:
        return "arn:aws:kms:us-east-1:" + kAccount + ":key/key-" + n;
    default:
        return "arn:aws:lambda:us-east-1:" + kAccount + ":function:fn-" + n;
    }
}

std::string quoteList(const std::vector<std::string> &values)
{
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ",\"" : "\"") + values[i] + "\"";
    return out + "]";
}

std::string allow(const std::vector<std::string> &actions, const std::vector<std::string> &resources)
{
    return "{\"Effect\":\"Allow\",\"Action\":" + quoteList(actions) + ",\"Resource\":" + quoteList(resources) + "}";
}

std::string trust(const std::string &principalJson, const std::string &condition = {})
{
    return "{\"Effect\":\"Allow\",\"Principal\":" + principalJson + ",\"Action\":\"sts:AssumeRole\""
        + (condition.empty() ? std::string() : ",\"Condition\":" + condition) + "}";
}

// Permissions on 1-3 resources (some as prefix patterns), and now and then sts:AssumeRole on a team's roles.
std::string permissionStatements(Random &random, std::size_t resources, std::size_t roles)
{
    std::string out;
    const std::size_t count = 1 + random.below(3);
    for (std::size_t s = 0; s < count; ++s) {
        const std::size_t r = random.below(resources);
        const ResourceKind &kind = kKinds[r % 5];
        std::string arn = resourceArn(r);
        if (r % 5 == 0)
            arn += random.below(2) ? "/*" : "";
        if (random.below(10) == 0)
            arn = arn.substr(0, arn.size() - 1) + "*"; // a prefix pattern
        out +=
            (out.empty() ? "" : ",") + allow({ kind.actions[random.below(3)], kind.actions[random.below(3)] }, { arn });
    }
    if (random.below(10) == 0) {
        const std::size_t team = random.below(50);
        out += ","
            + allow({ "sts:AssumeRole" }, { "arn:aws:iam::" + kAccount + ":role/team-" + std::to_string(team) + "/*" });
    } else if (random.below(8) == 0 && roles > 0) {
        out += "," + allow({ "sts:AssumeRole" }, { roleArn(random.below(roles)) });
    }
    return out;
}

} // namespace

LargeAccountSize LargeAccountSize::forBenchmarks(LargeAccountSize size)
{
    const char *small = std::getenv("RD_BENCH_GRAPH_SMALL");
    if (small && *small && *small != '0') {
        size.roles /= 50;
        size.users /= 50;
        size.groups /= 50;
        size.policies /= 50;
        size.resources /= 50;
    }
    return size;
}

Workspace makeLargeAccount(const LargeAccountSize &size)
{
    Random random { 42 };
    Workspace w;
    w.name = "large-account";
    w.accounts.push_back({ kAccount, "main" });

    std::vector<std::string> policyArns;
    for (std::size_t i = 0; i < size.policies; ++i) {
        ManagedPolicy policy;
        policy.name = "policy-" + std::to_string(i);
        policy.arn = "arn:aws:iam::" + kAccount + ":policy/" + policy.name;
        policy.defaultVersionId = "v1";
        std::string statements = permissionStatements(random, size.resources, size.roles);
        // One policy in twenty also denies an action on one resource (a carve-out of a broader grant).
        if (i % 20 == 7) {
            const std::size_t r = random.below(size.resources);
            statements += ",{\"Effect\":\"Deny\",\"Action\":\"" + std::string(kKinds[r % 5].actions[0])
                + "\",\"Resource\":\"" + resourceArn(r) + (r % 5 == 0 ? "/*" : "") + "\"}";
        }
        policy.versions.push_back({ "v1", true, {}, policyOf(policyDocument(statements)) });
        policyArns.push_back(policy.arn);
        w.add(std::move(policy));
    }
    // Two boundaries: S3 and SQS only; everything but IAM.
    const std::string boundaryS3 = "arn:aws:iam::" + kAccount + ":policy/boundary-data";
    {
        ManagedPolicy boundary;
        boundary.name = "boundary-data";
        boundary.arn = boundaryS3;
        boundary.defaultVersionId = "v1";
        boundary.versions.push_back(
            { "v1", true, {}, policyOf(policyDocument(allow({ "s3:*", "sqs:*", "sts:AssumeRole" }, { "*" }))) });
        w.add(std::move(boundary));
    }

    for (std::size_t i = 0; i < size.groups; ++i) {
        Group group;
        group.accountId = kAccount;
        group.name = "group-" + std::to_string(i);
        group.arn = "arn:aws:iam::" + kAccount + ":group/" + group.name;
        for (int k = 0; k < 2 && !policyArns.empty(); ++k)
            group.attachedPolicyArns.push_back(policyArns[random.below(policyArns.size())]);
        w.add(std::move(group));
    }

    for (std::size_t i = 0; i < size.users; ++i) {
        User user;
        user.accountId = kAccount;
        user.name = "user-" + std::to_string(i);
        user.arn = userArn(i);
        const std::size_t groups = size.groups ? 1 + random.below(3) : 0;
        for (std::size_t g = 0; g < groups; ++g)
            user.groupNames.push_back("group-" + std::to_string(random.below(size.groups)));
        if (random.below(3) == 0)
            user.inlinePolicies.push_back(
                { "own", policyOf(policyDocument(permissionStatements(random, size.resources, size.roles))) });
        if (random.below(20) == 0)
            user.permissionsBoundaryArn = boundaryS3;
        w.add(std::move(user));
    }

    const char *services[] = { "lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com",
        "glue.amazonaws.com" };
    for (std::size_t i = 0; i < size.roles; ++i) {
        Role role;
        role.accountId = kAccount;
        role.name = "role-" + std::to_string(i);
        role.path = "/team-" + std::to_string(i % 50) + "/";
        role.arn = roleArn(i);
        std::string statements;
        const std::size_t kind = random.below(100);
        if (kind < 30) {
            statements = trust("{\"Service\":\"" + std::string(services[random.below(4)]) + "\"}",
                "{\"StringEquals\":{\"aws:SourceAccount\":\"" + kAccount + "\"}}");
        } else if (kind < 50) {
            statements = trust("{\"AWS\":\"arn:aws:iam::" + kAccount + ":root\"}");
        } else if (kind < 70 && i > 0) {
            // A chain: this role trusts an earlier role by its exact ARN.
            statements = trust("{\"AWS\":\"" + roleArn(random.below(i)) + "\"}");
        } else if (kind < 80 && size.users > 0) {
            statements = trust("{\"AWS\":\"" + userArn(random.below(size.users)) + "\"}");
        } else if (kind < 90) {
            statements = trust("{\"AWS\":\"arn:aws:iam::" + kPartners[random.below(3)] + ":root\"}",
                "{\"StringEquals\":{\"sts:ExternalId\":\"ext-" + std::to_string(i) + "\"}}");
        } else {
            statements = trust("{\"AWS\":\"arn:aws:iam::" + kAccount + ":root\"}",
                "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}");
        }
        role.trustPolicy = policyOf(policyDocument(statements));
        const std::size_t attached = 1 + random.below(3);
        for (std::size_t k = 0; k < attached && !policyArns.empty(); ++k)
            role.attachedPolicyArns.push_back(policyArns[random.below(policyArns.size())]);
        if (random.below(4) == 0)
            role.inlinePolicies.push_back(
                { "own", policyOf(policyDocument(permissionStatements(random, size.resources, size.roles))) });
        if (random.below(20) == 0)
            role.permissionsBoundaryArn = boundaryS3;
        w.add(std::move(role));
    }

    for (std::size_t i = 0; i < size.resources; ++i) {
        Resource resource;
        resource.arn = resourceArn(i);
        resource.type = kKinds[i % 5].type;
        resource.accountId = i % 5 == 0 ? std::string() : kAccount;
        // One bucket in ten has a bucket policy: a partner account may read, and unencrypted transport is denied.
        if (i % 50 == 0)
            resource.policy = policyOf(policyDocument("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + kPartners[i % 3] + ":root\"},\"Action\":\"s3:GetObject\",\"Resource\":\"" + resource.arn
                + "/*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"" + resource.arn
                + "/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"));
        w.add(std::move(resource));
    }
    w.collectExternalPrincipals();
    return w;
}

} // namespace rd::test
