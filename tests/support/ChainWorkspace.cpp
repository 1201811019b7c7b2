// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "ChainWorkspace.h"

#include "PolicyText.h"

namespace rd::test
{

core::Workspace chainWorkspace(const std::string &name, const std::string &bucketPolicyName)
{
    core::Workspace w;
    w.name = name;
    w.accounts.push_back({ "111122223333", "a" });
    core::User alice;
    alice.accountId = "111122223333";
    alice.name = "alice";
    alice.arn = kChainAlice;
    w.add(alice);
    core::Role a;
    a.accountId = "111122223333";
    a.name = "A";
    a.arn = kChainRoleA;
    a.trustPolicy = policyOf(policyDocument("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + kChainAlice
        + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}"));
    a.inlinePolicies.push_back({ "Hop",
        policyOf(policyDocument(
            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + kChainRoleB + "\"}")) });
    w.add(a);
    core::Role b;
    b.accountId = "111122223333";
    b.name = "B";
    b.arn = kChainRoleB;
    b.trustPolicy = policyOf(policyDocument(
        "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + kChainRoleA + "\"},\"Action\":\"sts:AssumeRole\"}"));
    b.inlinePolicies.push_back({ bucketPolicyName,
        policyOf(policyDocument("{\"Sid\":\"ReadData\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                                "\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::data-bucket/*\"}")) });
    w.add(b);
    return w;
}

} // namespace rd::test
