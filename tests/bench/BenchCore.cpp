// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Core throughput: reading and writing the AWS managed policy corpus, importing a GAAD file of 1,000 roles, loading
// and saving the workspace it becomes, exporting it; the whole-workspace duplicate-name rule and list-roles merge at
// 100,000 roles; the references between entities (what a deletion updates, what a loaded file names but lacks).
#include "CorpusFiles.h"
#include "GaadFixture.h"
#include "LargeAccount.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "rd/core/export/WorkspaceExport.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/validation/RoleNameIndex.h"
#include "rd/core/workspace/EntityReferences.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

namespace
{

using namespace rd::core;

/// Every managed policy's Document exactly as it stands in its file (2-space indent), about 5.7 MB in all. Exits with
/// the reason when the archive cannot be read.
const std::vector<std::string> &corpus()
{
    static const std::vector<std::string> documents = [] {
        std::vector<std::string> out;
        for (const rd::test::ManagedPolicyFile &file : rd::test::requireManagedPolicyFiles()) {
            out.push_back(rd::test::managedPolicyDocument(file.text));
            if (out.back().empty()) {
                std::cerr << "no Document in " << file.name << ".json\n";
                std::exit(EXIT_FAILURE);
            }
        }
        return out;
    }();
    return documents;
}

std::int64_t corpusBytes()
{
    std::int64_t bytes = 0;
    for (const std::string &d : corpus())
        bytes += static_cast<std::int64_t>(d.size());
    return bytes;
}

/// The headline figure (target < 100 ms): read every document into an AST and write it back out, in one process.
void ReadAndWriteCorpus(benchmark::State &state)
{
    const auto &documents = corpus();
    for (auto _ : state) {
        std::size_t written = 0;
        for (const std::string &text : documents) {
            ParseResult parsed = parsePolicy(text);
            written += writePolicy(*parsed.policy, WriteStyle::Pretty).size();
        }
        benchmark::DoNotOptimize(written);
    }
    state.SetBytesProcessed(state.iterations() * corpusBytes());
    state.counters["documents"] = static_cast<double>(documents.size());
    state.counters["MB"] = static_cast<double>(corpusBytes()) / 1e6;
}
BENCHMARK(ReadAndWriteCorpus)->Unit(benchmark::kMillisecond);

/// The same over the corpus files as they stand in the archive (5.7 MB: each document inside its metadata wrapper):
/// read each whole file, build the AST of its Document, write it back out.
void ReadAndWriteCorpusFiles(benchmark::State &state)
{
    static const std::vector<std::string> files = [] {
        std::vector<std::string> out;
        for (const rd::test::ManagedPolicyFile &file : rd::test::requireManagedPolicyFiles())
            out.push_back(file.text);
        return out;
    }();
    std::int64_t bytes = 0;
    for (const std::string &f : files)
        bytes += static_cast<std::int64_t>(f.size());
    for (auto _ : state) {
        std::size_t written = 0;
        for (const std::string &text : files) {
            JsonReadResult json = readJson(text);
            JsonValue *document = nullptr;
            for (JsonMember &m : json.value->members) {
                if (m.key == "Document")
                    document = &m.value;
            }
            ParseResult parsed = policyFromJson(std::move(*document));
            written += writePolicy(*parsed.policy, WriteStyle::Pretty).size();
        }
        benchmark::DoNotOptimize(written);
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(ReadAndWriteCorpusFiles)->Unit(benchmark::kMillisecond);

void ReadCorpus(benchmark::State &state)
{
    const auto &documents = corpus();
    for (auto _ : state) {
        for (const std::string &text : documents)
            benchmark::DoNotOptimize(parsePolicy(text));
    }
    state.SetBytesProcessed(state.iterations() * corpusBytes());
}
BENCHMARK(ReadCorpus)->Unit(benchmark::kMillisecond);

void WriteCorpus(benchmark::State &state)
{
    std::vector<Policy> policies;
    for (const std::string &text : corpus())
        policies.push_back(*parsePolicy(text).policy);
    for (auto _ : state) {
        for (const Policy &p : policies)
            benchmark::DoNotOptimize(writePolicy(p, WriteStyle::Pretty));
    }
    state.SetBytesProcessed(state.iterations() * corpusBytes());
}
BENCHMARK(WriteCorpus)->Unit(benchmark::kMillisecond);

/// The headline figure (target < 1 s): a GAAD file of 1,000 roles (with 200 AWS managed policies) imported into a
/// workspace.
void ImportGaad1000Roles(benchmark::State &state)
{
    const std::string text = rd::test::makeGaad(1000, 200);
    for (auto _ : state) {
        GaadImportResult imported = importGaad(text);
        benchmark::DoNotOptimize(imported.workspace->roles.size());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    state.counters["fileMB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(ImportGaad1000Roles)->Unit(benchmark::kMillisecond);

void SaveAndLoadWorkspace1000Roles(benchmark::State &state)
{
    const Workspace ws = *importGaad(rd::test::makeGaad(1000, 200)).workspace;
    for (auto _ : state) {
        const std::string text = writeWorkspace(ws);
        WorkspaceLoadResult loaded = loadWorkspaceText(text);
        benchmark::DoNotOptimize(loaded.workspace->roles.size());
    }
}
BENCHMARK(SaveAndLoadWorkspace1000Roles)->Unit(benchmark::kMillisecond);

/// The export figure: the 1,000-role account exported in each format (the files' text, not writing them), without
/// the checks that may refuse it (ExportBlockers1000Roles).
void Export1000Roles(benchmark::State &state)
{
    const Workspace ws = *importGaad(rd::test::makeGaad(1000, 200)).workspace;
    std::vector<RoleId> ids;
    for (const Role &role : ws.roles)
        ids.push_back(role.id);
    const auto format = static_cast<ExportFormat>(state.range(0));
    state.SetLabel(std::string(exportFormatName(format)));
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const std::vector<ExportedFile> files = exportFiles(ws, ids, format, WriteStyle::Pretty);
        bytes = 0;
        for (const ExportedFile &file : files)
            bytes += static_cast<std::int64_t>(file.text.size());
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["outputMB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(Export1000Roles)
    ->Arg(static_cast<int>(ExportFormat::PolicyJson))
    ->Arg(static_cast<int>(ExportFormat::CloudFormationYaml))
    ->Arg(static_cast<int>(ExportFormat::CloudFormationJson))
    ->Arg(static_cast<int>(ExportFormat::Terraform))
    ->Arg(static_cast<int>(ExportFormat::CliScript))
    ->Unit(benchmark::kMillisecond);

/// The checks before an export: validateRole() for each of the 1,000 roles and validatePolicy() for the customer
/// managed policies they use.
void ExportBlockers1000Roles(benchmark::State &state)
{
    const Workspace ws = *importGaad(rd::test::makeGaad(1000, 200)).workspace;
    std::vector<RoleId> ids;
    for (const Role &role : ws.roles)
        ids.push_back(role.id);
    for (auto _ : state)
        benchmark::DoNotOptimize(exportBlockers(ws, ids).size());
}
BENCHMARK(ExportBlockers1000Roles)->Unit(benchmark::kMillisecond);

/// `count` roles of one account with distinct names (the last two differ only in case, so one pair is a duplicate),
/// each with an empty trust policy: what the duplicate-name rule and the list-roles merge look at.
Workspace namedRoles(std::size_t count)
{
    Workspace ws;
    ws.roles.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        Role role;
        role.accountId = "111122223333";
        role.name = i + 1 == count ? "role-" + std::to_string(i - 1) : "Role-" + std::to_string(i);
        role.arn = "arn:aws:iam::111122223333:role/" + role.name;
        ws.add(std::move(role));
    }
    return ws;
}

/// The duplicate-name rule over every role of a workspace (linear: RoleNameIndex), with the index built once as
/// `validate --workspace` and the export checks do. Arg: the number of roles (target: 100,000 in well under 1 s).
void DuplicateRoleNames(benchmark::State &state)
{
    const Workspace ws = namedRoles(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const RoleNameIndex names(ws);
        std::size_t duplicates = 0;
        for (const Role &role : ws.roles)
            duplicates += names.otherWithSameName(role) ? 1 : 0;
        benchmark::DoNotOptimize(duplicates);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(DuplicateRoleNames)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// `aws iam list-roles` output naming every role of namedRoles(count), merged into it (linear: one lookup per
/// entry). Arg: the number of roles.
void MergeListRoles(benchmark::State &state)
{
    const auto count = static_cast<std::size_t>(state.range(0));
    const Workspace base = namedRoles(count);
    std::string text = "{\"Roles\":[";
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            text += ',';
        text += "{\"Arn\":\"" + base.roles[i].arn + "\",\"RoleName\":\"" + base.roles[i].name
            + "\",\"Description\":\"d\",\"MaxSessionDuration\":7200}";
    }
    text += "]}";
    for (auto _ : state) {
        state.PauseTiming();
        Workspace ws = base;
        state.ResumeTiming();
        benchmark::DoNotOptimize(mergeListRoles(ws, text).size());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(MergeListRoles)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// The generated account of `roles` roles (2,000 users in 200 groups, 1,000 customer managed policies, each role with
/// one to three attached and one in twenty with a permissions boundary), built once per size.
const Workspace &largeAccount(std::size_t roles)
{
    static std::map<std::size_t, Workspace> made;
    auto found = made.find(roles);
    if (found == made.end()) {
        rd::test::LargeAccountSize size;
        size.roles = roles;
        found = made.emplace(roles, rd::test::makeLargeAccount(rd::test::LargeAccountSize::forBenchmarks(size))).first;
    }
    return found->second;
}

/// The loader's DANGLING_REFERENCE check (findDanglingReferences) over every role, user and group of the generated
/// account: hash sets of the policy ARNs and group names, one lookup per reference. Arg: the number of roles.
void FindDanglingReferences(benchmark::State &state)
{
    const Workspace &ws = largeAccount(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(findDanglingReferences(ws).size());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ws.roles.size()));
}
BENCHMARK(FindDanglingReferences)->Arg(5000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// What the workspace browser lists before it deletes the permissions boundary that one role and user in twenty use
/// (findReferences over every role, user, group and resource). Arg: the number of roles.
void FindReferencesToABoundary(benchmark::State &state)
{
    const Workspace &ws = largeAccount(static_cast<std::size_t>(state.range(0)));
    const auto boundary = std::find_if(
        ws.policies.begin(), ws.policies.end(), [](const ManagedPolicy &p) { return p.name == "boundary-data"; });
    const ReferenceTarget target = ReferenceTarget::of(*boundary);
    std::size_t found = 0;
    for (auto _ : state) {
        found = findReferences(ws, target).size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["references"] = static_cast<double>(found);
}
BENCHMARK(FindReferencesToABoundary)->Arg(5000)->Arg(100000)->Unit(benchmark::kMillisecond);

/// What AwsManagedPolicies::builtin() does on first use: inflate the embedded list (3.4 MB of text) and split it into
/// 1,594 entries whose documents stay text. It has to stay well under 100 ms: the policy picker waits for it.
void LoadBuiltinAwsManagedPolicies(benchmark::State &state)
{
    for (auto _ : state) {
        std::string error;
        std::optional<AwsManagedPolicies> loaded = AwsManagedPolicies::loadBuiltin(error);
        if (!loaded) {
            state.SkipWithError(error.c_str());
            return;
        }
        benchmark::DoNotOptimize(loaded->entries().size());
    }
}
BENCHMARK(LoadBuiltinAwsManagedPolicies)->Unit(benchmark::kMillisecond);

/// Opening one policy of the list: ReadOnlyAccess, the largest general one (91 KB, thousands of actions).
void ParseReadOnlyAccess(benchmark::State &state)
{
    const AwsManagedPolicies &policies = AwsManagedPolicies::builtin();
    for (auto _ : state) {
        std::optional<ManagedPolicy> policy = policies.policy("arn:aws:iam::aws:policy/ReadOnlyAccess");
        benchmark::DoNotOptimize(policy->versions.size());
    }
}
BENCHMARK(ParseReadOnlyAccess)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
