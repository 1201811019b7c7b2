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
//   make_large_inputs usage-example DIR      the CloudTrail fixture's workspace (DIR/app.rdws) and logs (DIR/trail)
//   make_large_inputs cloudtrail RECORDS FOLDER [PER_FILE]
//                                            a CloudTrail trail of RECORDS records (tests/support/CloudTrailFixture),
//                                            PER_FILE records per .json.gz file (default 1000), in the S3 layout
#include "BatchCaseGenerator.h"
#include "CloudTrailFixture.h"
#include "GaadFixture.h"
#include "LargeAccount.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

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
    if (mode == "cloudtrail" && (argc == 4 || argc == 5)) {
        const std::size_t bytes =
            rd::test::writeLargeTrail(argv[3], std::stoul(argv[2]), argc == 5 ? std::stoul(argv[4]) : 1000, 200);
        std::cout << bytes << " bytes of gzip logs\n";
        return 0;
    }
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
    return 2;
}
