// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "GaadFixture.h"

#include "CorpusFiles.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/policy/PolicyWriter.h"

#include <algorithm>
#include <vector>

namespace rd::test
{

std::string urlEncode(const std::string &text)
{
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

namespace
{

const char *kTrustPolicies[] = {
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})",
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})",
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"partner-7"}}}]})",
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/Okta"},"Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]})",
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:example/app:*"}}}]})",
};

std::string quote(const std::string &s)
{
    return core::jsonQuote(s);
}

} // namespace

std::string makeGaad(int roleCount, int policyCount)
{
    return makeGaad(roleCount, policyCount, InlinePolicies::FromCorpus);
}

std::string makeGaad(int roleCount, int policyCount, InlinePolicies inlinePolicies)
{
    const std::vector<ManagedPolicyFile> &files = requireManagedPolicyFiles();
    std::vector<std::string> documents;
    std::vector<std::string> names;
    const std::size_t wanted = std::max<std::size_t>(static_cast<std::size_t>(std::max(roleCount, policyCount)), 1);
    for (std::size_t i = 0; i < files.size() && documents.size() < std::min(wanted, files.size()); ++i) {
        // Compact, as the API stores documents.
        const core::JsonReadResult document = core::readJson(managedPolicyDocument(files[i].text));
        documents.push_back(core::writeJson(*document.value, core::WriteStyle::Minified));
        names.push_back(files[i].name);
    }
    const std::string account = "111122223333";
    std::string out;
    out.reserve(static_cast<std::size_t>(roleCount) * 4096);
    out += "{\n\"UserDetailList\": [\n";
    out +=
        R"({"Path":"/","UserName":"alice","UserId":"AIDAEXAMPLEALICE","Arn":"arn:aws:iam::111122223333:user/alice","CreateDate":"2024-01-02T03:04:05+00:00","UserPolicyList":[{"PolicyName":"AssumeAnyRole","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/*"}]}}],"GroupList":["developers"],"AttachedManagedPolicies":[{"PolicyName":"ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}],"Tags":[{"Key":"team","Value":"platform"}]},)";
    out += "\n";
    out +=
        R"({"Path":"/ops/","UserName":"bob","UserId":"AIDAEXAMPLEBOB","Arn":"arn:aws:iam::111122223333:user/ops/bob","CreateDate":"2024-01-02T03:04:05+00:00","UserPolicyList":[],"GroupList":[],"AttachedManagedPolicies":[],"PermissionsBoundary":{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"arn:aws:iam::111122223333:policy/Boundary"},"Tags":[]})";
    out += "\n],\n\"GroupDetailList\": [\n";
    out +=
        R"({"Path":"/","GroupName":"developers","GroupId":"AGPAEXAMPLEDEV","Arn":"arn:aws:iam::111122223333:group/developers","CreateDate":"2024-01-02T03:04:05+00:00","GroupPolicyList":[{"PolicyName":"DevTools","PolicyDocument":")"
        + urlEncode(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["codecommit:*","codebuild:*"],"Resource":"*"}]})")
        + R"("}],"AttachedManagedPolicies":[]})";
    out += "\n],\n\"RoleDetailList\": [\n";
    for (int i = 0; i < roleCount; ++i) {
        const std::string name = "Role" + std::to_string(i);
        const std::string trust = kTrustPolicies[i % 5];
        const std::string inlineDoc = inlinePolicies == InlinePolicies::FromCorpus
            ? documents[static_cast<std::size_t>(i) % documents.size()]
            : R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-)"
                + std::to_string(i % 100) + R"(/*"}]})";
        const std::string &attached = names[static_cast<std::size_t>(i * 7) % names.size()];
        if (i > 0)
            out += ",\n";
        out += "{\"Path\":\"/app/\",\"RoleName\":" + quote(name) + ",\"RoleId\":\"AROAEXAMPLE" + std::to_string(i)
            + "\",\"Arn\":\"arn:aws:iam::" + account + ":role/app/" + name
            + "\",\"CreateDate\":\"2024-05-06T07:08:09+00:00\",\"AssumeRolePolicyDocument\":";
        // The API's URL-encoded form for odd roles, the CLI's decoded objects for even ones.
        out += i % 2 ? quote(urlEncode(trust)) : trust;
        out += ",\"InstanceProfileList\":[";
        if (i % 10 == 0)
            out += "{\"Path\":\"/\",\"InstanceProfileName\":" + quote(name) + ",\"InstanceProfileId\":\"AIPAEXAMPLE"
                + std::to_string(i) + "\",\"Arn\":\"arn:aws:iam::" + account + ":instance-profile/" + name
                + "\",\"CreateDate\":\"2024-05-06T07:08:09+00:00\",\"Roles\":[]}";
        out += "],\"RolePolicyList\":[{\"PolicyName\":\"Inline\",\"PolicyDocument\":";
        out += i % 2 ? quote(urlEncode(inlineDoc)) : inlineDoc;
        out += "}],\"AttachedManagedPolicies\":[{\"PolicyName\":" + quote(attached)
            + ",\"PolicyArn\":\"arn:aws:iam::aws:policy/" + attached + "\"}],";
        if (i % 4 == 0)
            out += "\"PermissionsBoundary\":{\"PermissionsBoundaryType\":\"Policy\",\"PermissionsBoundaryArn\":"
                   "\"arn:aws:iam::111122223333:policy/Boundary\"},";
        out += "\"Tags\":[{\"Key\":\"index\",\"Value\":\"" + std::to_string(i)
            + "\"}],\"RoleLastUsed\":{\"LastUsedDate\":\"2025-01-01T00:00:00+00:00\",\"Region\":\"us-east-1\"}}";
    }
    out += "\n],\n\"Policies\": [\n";
    out +=
        R"({"PolicyName":"Boundary","PolicyId":"ANPAEXAMPLEBOUNDARY","Arn":"arn:aws:iam::111122223333:policy/Boundary","Path":"/","DefaultVersionId":"v2","AttachmentCount":2,"PermissionsBoundaryUsageCount":2,"IsAttachable":true,"CreateDate":"2024-01-01T00:00:00+00:00","UpdateDate":"2024-02-01T00:00:00+00:00","PolicyVersionList":[{"Document":)"
        + quote(urlEncode(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","logs:*"],"Resource":"*"}]})"))
        + R"(,"VersionId":"v2","IsDefaultVersion":true,"CreateDate":"2024-02-01T00:00:00+00:00"},{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]},"VersionId":"v1","IsDefaultVersion":false,"CreateDate":"2024-01-01T00:00:00+00:00"}]})";
    for (int i = 0; i < policyCount; ++i) {
        const std::size_t k = static_cast<std::size_t>(i) % documents.size();
        out += ",\n{\"PolicyName\":" + quote(names[k]) + ",\"PolicyId\":\"ANPAEXAMPLE" + std::to_string(i)
            + "\",\"Arn\":\"arn:aws:iam::aws:policy/" + names[k]
            + "\",\"Path\":\"/\",\"DefaultVersionId\":\"v1\",\"AttachmentCount\":1,\"PermissionsBoundaryUsageCount\":0,"
              "\"IsAttachable\":true,\"CreateDate\":\"2020-01-01T00:00:00+00:00\",\"UpdateDate\":\"2020-01-01T00:00:00+"
              "00:00\","
              "\"PolicyVersionList\":[{\"Document\":";
        out += i % 2 ? quote(urlEncode(documents[k])) : documents[k];
        out += ",\"VersionId\":\"v1\",\"IsDefaultVersion\":true,\"CreateDate\":\"2020-01-01T00:00:00+00:00\"}]}";
    }
    out += "\n]\n}\n";
    return out;
}

std::string makeListRoles(int roleCount)
{
    std::string out = "{\"Roles\": [\n";
    for (int i = 0; i < roleCount; ++i) {
        const std::string name = "Role" + std::to_string(i);
        if (i > 0)
            out += ",\n";
        out += "{\"Path\":\"/app/\",\"RoleName\":" + quote(name) + ",\"RoleId\":\"AROAEXAMPLE" + std::to_string(i)
            + "\",\"Arn\":\"arn:aws:iam::111122223333:role/app/" + name
            + "\",\"CreateDate\":\"2024-05-06T07:08:09+00:00\",\"AssumeRolePolicyDocument\":"
            + quote(urlEncode(kTrustPolicies[i % 5])) + ",\"Description\":" + quote("Role number " + std::to_string(i))
            + ",\"MaxSessionDuration\":" + std::to_string(3600 * (1 + i % 12)) + "}";
    }
    out += "\n]}\n";
    return out;
}

} // namespace rd::test
