// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// make_large_inputs: writes the generated inputs that the memory figures of docs/PERFORMANCE.md are measured on, and
// reports what their JSON costs in memory once read.
//
//   make_large_inputs gaad ROLES FILE        a GAAD of ROLES roles (tests/support/GaadFixture)
//   make_large_inputs gaad-small ROLES FILE  the same with a one-statement inline policy per role (0.9 KB per role)
//   make_large_inputs list-roles ROLES FILE  `aws iam list-roles` output for the roles of either GAAD
//   make_large_inputs workspace ROLES FILE   the LargeAccount workspace with ROLES roles, as a .rdws file
//   make_large_inputs count FILE             values in FILE and the bytes the reader's DOM holds for them
//   make_large_inputs batch-cases N FILE [SEED]
//                                            N realistic `simulate --batch` cases (tests/support/BatchCaseGenerator),
//                                            the same for the same SEED (default 1)
//   make_large_inputs organization ACCOUNTS ROLES DIR
//                                            an organization of ACCOUNTS accounts with ROLES roles each (gaad-small
//                                            per account): DIR/gaad-ACCOUNT.json, DIR/organization.json (a root, five
//                                            OUs, SCPs and RCPs) and DIR/resources.json (a bucket with a policy per
//                                            account), the inputs of `import` (docs/PERFORMANCE.md, "Organizations")
#include "BatchCaseGenerator.h"
#include "CloudTrailFixture.h"
#include "GaadFixture.h"
#include "LargeAccount.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace
{

struct Cost {
    std::size_t values = 0;
    std::size_t heapBytes = 0; // vector and string buffers, SSO excluded
};

void account(const std::string &text, Cost &cost)
{
    if (text.capacity() > 15)
        cost.heapBytes += text.capacity() + 1;
}

void walk(const rd::core::JsonValue &value, Cost &cost)
{
    ++cost.values;
    account(value.text, cost);
    cost.heapBytes += value.elements.capacity() * sizeof(rd::core::JsonValue);
    cost.heapBytes += value.members.capacity() * sizeof(rd::core::JsonMember);
    for (const rd::core::JsonValue &element : value.elements)
        walk(element, cost);
    for (const rd::core::JsonMember &member : value.members) {
        account(member.key, cost);
        walk(member.value, cost);
    }
}

int write(const std::string &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    return out ? 0 : 1;
}

std::string replaceAll(std::string text, const std::string &from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

/// The organization inputs: account i is 100000000000 + i, the first the management account; accounts 1.. are spread
/// over five OUs under the root (the last OU a sandbox with an allow-list SCP). Every node has FullAWSAccess; the root
/// has a Deny of s3:DeleteBucket and an RCP that keeps S3 and KMS to the organization.
int writeOrganization(int accounts, int roles, const std::string &dir)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const std::string gaad = rd::test::makeGaad(roles, 20, rd::test::InlinePolicies::Small);
    auto id = [](int i) { return std::to_string(100000000000LL + i); };
    const std::string org = "o-benchorg01";
    auto policy = [&](const std::string &pid, const std::string &name, const std::string &type,
                      const std::string &content, const std::vector<std::string> &targets) {
        std::string out = "{\"PolicySummary\": {\"Id\": \"" + pid + "\", \"Name\": \"" + name + "\", \"Type\": \""
            + type + "\"}, \"Content\": " + rd::core::jsonQuote(content) + ", \"Targets\": [";
        for (std::size_t t = 0; t < targets.size(); ++t)
            out += (t ? ", " : "") + std::string("{\"TargetId\": \"") + targets[t] + "\"}";
        return out + "]}";
    };
    std::string units;
    std::vector<std::string> everyNode { "r-bench" };
    for (int u = 0; u < 5; ++u) {
        const std::string ou = "ou-bench-" + std::to_string(10000000 + u);
        units += (u ? ", " : "") + std::string("{\"Id\": \"") + ou + "\", \"Name\": \"OU" + std::to_string(u)
            + "\", \"ParentId\": \"r-bench\"}";
        everyNode.push_back(ou);
    }
    std::string list;
    std::string resources;
    for (int i = 0; i < accounts; ++i) {
        const std::string account = id(i);
        const std::string parent = i == 0 ? "r-bench" : "ou-bench-" + std::to_string(10000000 + (i - 1) % 5);
        list += (i ? ", " : "") + std::string("{\"Id\": \"") + account + "\", \"Name\": \"account" + std::to_string(i)
            + "\", \"Status\": \"ACTIVE\", \"ParentId\": \"" + parent + "\"}";
        everyNode.push_back(account);
        if (write(dir + "/gaad-" + account + ".json", replaceAll(gaad, "111122223333", account)) != 0)
            return 1;
        const std::string bucketPolicy =
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::)" + account
            + R"(:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data-)" + account + "/*\"}]}";
        resources += (i ? ", " : "") + std::string("{\"Arn\": \"arn:aws:s3:::data-") + account
            + "\", \"Type\": \"AWS::S3::Bucket\", \"AccountId\": \"" + account
            + "\", \"Policy\": " + rd::core::jsonQuote(bucketPolicy) + "}";
    }
    const std::string text = "{\"Organization\": {\"Id\": \"" + org + "\", \"MasterAccountId\": \"" + id(0)
        + "\", \"FeatureSet\": \"ALL\"},\n \"Roots\": [{\"Id\": \"r-bench\", \"Name\": \"Root\"}],\n "
          "\"OrganizationalUnits\": ["
        + units + "],\n \"Accounts\": [" + list + "],\n \"Policies\": ["
        + policy("p-FullAWSAccess", "FullAWSAccess", "SERVICE_CONTROL_POLICY",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})", everyNode)
        + ",\n  "
        + policy("p-denydelete", "DenyDeleteBucket", "SERVICE_CONTROL_POLICY",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]})",
            { "r-bench" })
        + ",\n  "
        + policy("p-sandbox", "SandboxAllowList", "SERVICE_CONTROL_POLICY",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","sts:*","logs:*"],"Resource":"*"}]})",
            { "ou-bench-10000004" })
        + ",\n  "
        + policy("p-perimeter", "EnforceOrgIdentities", "RESOURCE_CONTROL_POLICY",
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:*","kms:*"],"Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":")"
                + org + R"("},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]})",
            { "r-bench" })
        + "]}\n";
    if (write(dir + "/organization.json", text) != 0)
        return 1;
    return write(dir + "/resources.json", "{\"Resources\": [" + resources + "]}\n");
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "gaad" && argc == 4)
        return write(argv[3], rd::test::makeGaad(std::stoi(argv[2]), 1000));
    if (mode == "gaad-small" && argc == 4)
        return write(argv[3], rd::test::makeGaad(std::stoi(argv[2]), 1000, rd::test::InlinePolicies::Small));
    if (mode == "list-roles" && argc == 4)
        return write(argv[3], rd::test::makeListRoles(std::stoi(argv[2])));
    if (mode == "workspace" && argc == 4) {
        rd::test::LargeAccountSize size;
        size.roles = std::stoul(argv[2]);
        return write(argv[3], rd::core::writeWorkspace(rd::test::makeLargeAccount(size)));
    }
    if (mode == "batch-cases" && (argc == 4 || argc == 5)) {
        const std::uint64_t count = std::stoull(argv[2]);
        rd::test::BatchCaseGenerator generator(argc == 5 ? std::stoull(argv[4]) : 1);
        std::ofstream out(argv[3], std::ios::binary);
        for (std::uint64_t i = 0; i < count && out; ++i)
            out << generator.next() << '\n';
        return out ? 0 : 1;
    }
    if (mode == "usage-example" && argc == 3) {
        // The CloudTrail fixture's workspace and logs (tests/support/CloudTrailFixture.h), for trying the Usage panel.
        const std::string dir = argv[2];
        const std::string logs = rd::test::writeCloudTrailFixture(dir + "/trail");
        if (logs.empty() || rd::core::saveWorkspaceFile(dir + "/app.rdws", rd::test::cloudTrailWorkspace()))
            return 1;
        std::cout << dir << "/app.rdws " << logs << '\n';
        return 0;
    }
    if (mode == "organization" && argc == 5)
        return writeOrganization(std::stoi(argv[2]), std::stoi(argv[3]), argv[4]);
    if (mode == "count" && argc == 3) {
        const rd::core::FileReadResult read = rd::core::readTextFile(argv[2], std::size_t { 1 } << 30);
        rd::core::JsonReadOptions options;
        options.maxValues = std::size_t { 1 } << 40;
        const rd::core::JsonReadResult json = rd::core::readJson(read.text, options);
        if (!json.value) {
            std::cerr << "make_large_inputs: not JSON\n";
            return 2;
        }
        Cost cost;
        walk(*json.value, cost);
        std::printf("bytes %zu values %zu heap %zu (%.1f bytes/value) sizeof(JsonValue) %zu sizeof(JsonMember) %zu\n",
            read.text.size(), cost.values, cost.heapBytes,
            static_cast<double>(cost.heapBytes) / static_cast<double>(cost.values), sizeof(rd::core::JsonValue),
            sizeof(rd::core::JsonMember));
        return 0;
    }
    std::cerr << "usage: make_large_inputs gaad|gaad-small|list-roles|workspace ROLES FILE | count FILE | "
                 "usage-example DIR | batch-cases N FILE "
                 "[SEED]\n";
    std::cerr << "usage: make_large_inputs gaad|gaad-small|list-roles|workspace ROLES FILE | count FILE | organization "
                 "ACCOUNTS ROLES DIR\n";
    return 2;
}
