// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/export/PolicyExport.h"

#include "export/ExportModel.h"
#include "rd/core/base/FileIO.h"

#include <filesystem>

namespace rd::core
{

namespace
{

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
    const std::string base = fileSafeName(role.name);
    files.push_back(ExportedFile { base + ".trust-policy.json", document(role.trustPolicy, style) });
    for (const InlinePolicy &policy : role.inlinePolicies)
        files.push_back(
            ExportedFile { base + "." + fileSafeName(policy.name) + ".json", document(policy.document, style) });
    return files;
}

std::vector<ExportedFile> policyJsonFiles(
    const Workspace &workspace, const std::vector<RoleId> &roles, WriteStyle style)
{
    const ExportSet set = makeExportSet(workspace, roles);
    const PolicyFileNames names = policyFileNames(set.roles, set.customerPolicies);
    std::vector<ExportedFile> files;
    for (std::size_t i = 0; i < set.customerPolicies.size(); ++i)
        files.push_back(ExportedFile {
            names.managedPolicies[i], document(managedPolicyDocument(*set.customerPolicies[i]), style) });
    for (std::size_t r = 0; r < set.roles.size(); ++r) {
        const Role &role = *set.roles[r];
        files.push_back(ExportedFile { names.roles[r].trustPolicy, document(role.trustPolicy, style) });
        for (std::size_t p = 0; p < role.inlinePolicies.size(); ++p)
            files.push_back(
                ExportedFile { names.roles[r].inlinePolicies[p], document(role.inlinePolicies[p].document, style) });
    }
    return files;
}

std::optional<std::string> writeExportedFiles(const std::vector<ExportedFile> &files, const std::string &folder)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return "`" + folder + "` is not a folder";
    // One flush to disk for the whole export rather than one per file (126,000 files at 100,000 roles).
    std::vector<AtomicWrite> writes;
    std::vector<std::string> names;
    writes.reserve(files.size());
    names.reserve(files.size());
    for (const ExportedFile &file : files) {
        writes.push_back({ (std::filesystem::path(folder) / file.name).string(), file.text, file.executable });
        names.push_back(file.name);
    }
    if (auto error = writeFilesAtomically(writes))
        return error;
    removeStaleTemporaries(folder, names);
    return std::nullopt;
}

} // namespace rd::core
