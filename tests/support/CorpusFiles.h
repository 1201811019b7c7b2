// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace rd::test
{

/// One AWS managed policy file of third_party/aws-data/managed-policies.tar.gz.
struct ManagedPolicyFile {
    /// The policy name: the file name without `.json`.
    std::string name;
    /// The whole file, byte for byte.
    std::string text;
};

/// The AWS managed policies vendored in third_party/aws-data/managed-policies.tar.gz (see its README).
struct ManagedPolicyCorpus {
    /// Every policy file, sorted by file name; index.json is not one of them.
    std::vector<ManagedPolicyFile> files;
    /// The text of index.json.
    std::string index;
    /// Empty when the archive was read; otherwise a one-line reason naming the archive (then `files` is empty).
    std::string error;

    bool ok() const { return error.empty(); }
};

/// The corpus, read on first use and kept for the life of the process.
const ManagedPolicyCorpus &managedPolicyCorpus();

/// managedPolicyCorpus().files: empty when the archive cannot be read, so a test checks managedPolicyCorpus().ok()
/// (and shows its error) first.
const std::vector<ManagedPolicyFile> &managedPolicyFiles();

/// managedPolicyCorpus().files for code that cannot go on without them (benchmarks, fixtures): when the archive
/// cannot be read, prints the reason to standard error and exits with a failure status.
const std::vector<ManagedPolicyFile> &requireManagedPolicyFiles();

/// A managed policy file's `Document`, exactly as it stands in the file's text ("" when the file has none).
std::string managedPolicyDocument(const std::string &fileText);

/// The service catalog the program's catalog is made from: iam-catalog.json, inflated from
/// third_party/aws-data/iam-catalog.json.gz. "" with a reason naming the file in `error` when it cannot be read.
std::string catalogSourceJson(std::string &error);

/// A path under third_party/aws-data.
std::string awsDataPath(const std::string &relative);

/// A file's whole content ("" when it cannot be read).
std::string readFile(const std::string &path);

/// A path under tests/data.
std::string testDataPath(const std::string &relative);

} // namespace rd::test
