// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace rd::test
{

/// The AWS managed policy files of ../shared/data/managed-policies (index.json excluded), sorted by name.
std::vector<std::string> managedPolicyFiles();

/// A managed policy file's `Document`, exactly as it stands in the file ("" when the file has none).
std::string managedPolicyDocument(const std::string &file);

/// A file's whole content ("" when it cannot be read).
std::string readFile(const std::string &path);

/// A path under tests/data.
std::string testDataPath(const std::string &relative);

} // namespace rd::test
