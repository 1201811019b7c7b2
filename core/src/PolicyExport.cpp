// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/PolicyExport.h"

#include "rd/core/FileIO.h"
#include "rd/core/IamIdentifiers.h"

#include <filesystem>

namespace rd::core
{

namespace
{

std::string safeName(std::string_view name)
{
    std::string out;
    for (char c : name)
        out += isIamNameCharacter(c) ? c : '_';
    return out.empty() || out == "." || out == ".." ? "_" + out : out;
}

std::string document(const Policy &policy, WriteStyle style)
{
    std::string text = writePolicy(policy, style);
    if (text.empty() || text.back() != '\n')
        text += '\n';
    return text;
}

} // namespace

std::vector<ExportedFile> rolePolicyFiles(const Role &role, WriteStyle style)
{
    std::vector<ExportedFile> files;
    const std::string base = safeName(role.name);
    files.push_back(ExportedFile { base + ".trust-policy.json", document(role.trustPolicy, style) });
    for (const InlinePolicy &policy : role.inlinePolicies)
        files.push_back(
            ExportedFile { base + "." + safeName(policy.name) + ".json", document(policy.document, style) });
    return files;
}

std::optional<std::string> writeExportedFiles(const std::vector<ExportedFile> &files, const std::string &folder)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return "`" + folder + "` is not a folder";
    for (const ExportedFile &file : files) {
        if (auto error = writeFileAtomically((std::filesystem::path(folder) / file.name).string(), file.text))
            return error;
    }
    return std::nullopt;
}

} // namespace rd::core
