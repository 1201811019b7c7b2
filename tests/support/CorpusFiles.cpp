// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"

#include "TarReader.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/base/Gzip.h"
#include "rd/core/json/JsonReader.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace rd::test
{

namespace
{

constexpr std::string_view kFolder = "managed-policies/";
constexpr std::string_view kExtension = ".json";

ManagedPolicyCorpus readCorpus()
{
    ManagedPolicyCorpus corpus;
    const std::string path = awsDataPath("managed-policies.tar.gz");
    TarReadResult tar = readTarGz(path);
    if (!tar.ok()) {
        corpus.error = tar.error;
        return corpus;
    }
    bool hasIndex = false;
    for (TarMember &member : tar.members) {
        const std::string_view name = member.name;
        if (!name.starts_with(kFolder) || !name.ends_with(kExtension)
            || name.find('/', kFolder.size()) != std::string_view::npos) {
            corpus.error = "`" + path + "`: unexpected member `" + member.name + "`";
            corpus.files.clear();
            return corpus;
        }
        const std::string_view file = name.substr(kFolder.size());
        if (file == "index.json") {
            corpus.index = std::move(member.data);
            hasIndex = true;
        } else {
            corpus.files.push_back(
                { std::string(file.substr(0, file.size() - kExtension.size())), std::move(member.data) });
        }
    }
    if (!hasIndex || corpus.files.empty()) {
        corpus.error = "`" + path + "` holds " + std::to_string(corpus.files.size()) + " policies and "
            + (hasIndex ? "an" : "no") + " index.json";
        corpus.files.clear();
        return corpus;
    }
    // File-name order, as a folder listing sorts them.
    std::sort(corpus.files.begin(), corpus.files.end(), [](const ManagedPolicyFile &a, const ManagedPolicyFile &b) {
        return a.name + std::string(kExtension) < b.name + std::string(kExtension);
    });
    return corpus;
}

} // namespace

const ManagedPolicyCorpus &managedPolicyCorpus()
{
    static const ManagedPolicyCorpus corpus = readCorpus();
    return corpus;
}

const std::vector<ManagedPolicyFile> &managedPolicyFiles()
{
    return managedPolicyCorpus().files;
}

const std::vector<ManagedPolicyFile> &requireManagedPolicyFiles()
{
    const ManagedPolicyCorpus &corpus = managedPolicyCorpus();
    if (!corpus.ok()) {
        std::cerr << "cannot read the AWS managed policies: " << corpus.error << '\n';
        std::exit(EXIT_FAILURE);
    }
    return corpus.files;
}

std::string managedPolicyDocument(const std::string &fileText)
{
    core::JsonReadResult json = core::readJson(fileText);
    const core::JsonValue *document = json.value ? json.value->find("Document") : nullptr;
    return document ? fileText.substr(document->range.begin.offset, document->range.length()) : std::string();
}

std::string catalogSourceJson(std::string &error)
{
    const std::string path = awsDataPath("iam-catalog.json.gz");
    const core::FileReadResult file = core::readTextFile(path, std::size_t { 1 } << 30);
    if (!file.ok()) {
        error = file.error;
        return {};
    }
    std::string json;
    if (!core::gunzip(reinterpret_cast<const unsigned char *>(file.text.data()), file.text.size(), json, error)) {
        error = "`" + path + "`: " + error;
        return {};
    }
    return json;
}

std::string awsDataPath(const std::string &relative)
{
    return std::string(RD_AWS_DATA_DIR) + "/" + relative;
}

std::string readFile(const std::string &path)
{
    core::FileReadResult r = core::readTextFile(path, std::size_t { 1 } << 30);
    return r.ok() ? std::move(r.text) : std::string();
}

std::string testDataPath(const std::string &relative)
{
    return std::string(RD_TEST_DATA_DIR) + "/" + relative;
}

} // namespace rd::test
