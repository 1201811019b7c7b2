// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"

#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyWriter.h"

#include <algorithm>
#include <filesystem>

namespace rd::test
{

std::vector<std::string> managedPolicyFiles()
{
    std::vector<std::string> files;
    const std::filesystem::path dir = std::filesystem::path(RD_SHARED_DATA_DIR) / "managed-policies";
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json" && entry.path().filename() != "index.json")
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string readFile(const std::string &path)
{
    core::FileReadResult r = core::readTextFile(path, std::size_t { 1 } << 30);
    return r.ok() ? std::move(r.text) : std::string();
}

std::string managedPolicyDocument(const std::string &file)
{
    const std::string text = readFile(file);
    core::JsonReadResult json = core::readJson(text);
    const core::JsonValue *document = json.value ? json.value->find("Document") : nullptr;
    return document ? text.substr(document->range.begin.offset, document->range.length()) : std::string();
}

std::string testDataPath(const std::string &relative)
{
    return std::string(RD_TEST_DATA_DIR) + "/" + relative;
}

} // namespace rd::test
