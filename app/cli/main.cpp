// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// role-designer-cli: the headless twin of the desktop app. Exit codes (DESIGN.md): 0 success, 1 the check failed,
// 2 bad usage or an input that cannot be read at all, with a one-line reason on stderr.
#include "AssumeCommand.h"
#include "CliSupport.h"
#include "ExportCommand.h"
#include "ReachCommand.h"
#include "rd/core/base/DiagnosticFormat.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/base/Version.h"
#include "rd/core/evaluation/BatchSimulation.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/validation/PolicyValidator.h"
#include "rd/core/validation/RoleValidator.h"
#include "rd/core/workspace/GaadImporter.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace
{

using namespace rd::core;

constexpr int kOk = 0;
constexpr int kCheckFailed = 1;
constexpr int kUsage = rd::cli::kUsageExit;
using rd::cli::usageError;

void printFindings(std::ostream &out, const std::string &file, const Diagnostics &diagnostics)
{
    for (const Diagnostic &d : diagnostics)
        out << formatDiagnosticLine(file, d) << '\n';
}

std::optional<Severity> severityFromName(const std::string &name)
{
    for (Severity s : { Severity::Error, Severity::SecurityWarning, Severity::Warning, Severity::Suggestion }) {
        std::string lower(severityName(s));
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower == name)
            return s;
    }
    return std::nullopt;
}

bool reaches(const Diagnostics &diagnostics, Severity failOn)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [&](const Diagnostic &d) { return static_cast<int>(d.severity) <= static_cast<int>(failOn); });
}

// Every role of a workspace (role-level findings, then its trust policy's and each inline policy's) and every
// resource policy, with the role or resource named in each message.
std::optional<FileFindings> validateWorkspace(const std::string &file)
{
    WorkspaceLoadResult loaded = loadWorkspaceFile(file);
    if (!loaded.workspace) {
        usageError(rd::cli::workspaceLoadError(file, loaded));
        return std::nullopt;
    }
    FileFindings findings { file, {} };
    auto add = [&](Diagnostics diagnostics, const std::string &where) {
        for (Diagnostic &d : diagnostics) {
            d.message = where + ": " + d.message;
            findings.diagnostics.push_back(std::move(d));
        }
    };
    for (const Role &role : loaded.workspace->roles) {
        RoleFindings roleFindings = validateRole(*loaded.workspace, role);
        add(std::move(roleFindings.role), "role " + role.name);
        add(std::move(roleFindings.trustPolicy), "role " + role.name + ", trust policy");
        for (auto &[name, diagnostics] : roleFindings.inlinePolicies)
            add(std::move(diagnostics), "role " + role.name + ", inline policy " + name);
    }
    for (const Resource &resource : loaded.workspace->resources) {
        if (!resource.policy)
            continue;
        ValidationOptions options;
        options.attachedResourceArn = resource.arn;
        options.ownerAccount = resource.accountId;
        add(validatePolicy(*resource.policy, PolicyKind::Resource, options), "resource " + resource.arn + " policy");
    }
    return findings;
}

int runValidate(const std::vector<std::string> &files, const std::string &workspace, const std::string &kindName,
    const std::string &format, const std::string &failOnName)
{
    std::optional<PolicyKind> kind;
    if (!kindName.empty()) {
        kind = policyKindFromName(kindName);
        if (!kind)
            return usageError("unknown policy kind `" + kindName + "`: use identity, trust, resource, scp or rcp");
    }
    const std::optional<Severity> failOn = severityFromName(failOnName);
    if (!failOn)
        return usageError("unknown severity `" + failOnName + "`: use error, security_warning, warning or suggestion");
    if (files.empty() && workspace.empty())
        return usageError("give policy files, or --workspace FILE");
    std::vector<FileFindings> results;
    bool unreadable = false;
    bool failed = false;
    if (!workspace.empty()) {
        std::optional<FileFindings> findings = validateWorkspace(workspace);
        if (findings) {
            failed = reaches(findings->diagnostics, *failOn);
            results.push_back(std::move(*findings));
        } else {
            unreadable = true;
        }
    }
    for (const std::string &file : files) {
        FileReadResult read = readTextFile(file, kMaxPolicyTextBytes * 16);
        if (!read.ok()) {
            std::cerr << "role-designer-cli: " << read.error << '\n';
            unreadable = true;
            continue;
        }
        FileFindings findings { file == "-" ? std::string("<stdin>") : file, validatePolicyText(read.text, kind) };
        failed = failed || reaches(findings.diagnostics, *failOn);
        results.push_back(std::move(findings));
    }
    if (format == "json")
        std::cout << findingsToJson(results);
    else if (format == "sarif")
        std::cout << findingsToSarif(results);
    else
        for (const FileFindings &f : results)
            printFindings(std::cout, f.file, f.diagnostics);
    if (unreadable)
        return kUsage;
    return failed ? kCheckFailed : kOk;
}

int runFmt(const std::string &file, bool minify, const std::string &format)
{
    FileReadResult read = readTextFile(file, kMaxPolicyTextBytes * 16);
    if (!read.ok())
        return usageError(read.error);
    ParseResult parsed = parsePolicy(read.text);
    const std::string name = file == "-" ? std::string("<stdin>") : file;
    const bool duplicateKeys = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
        [](const Diagnostic &d) { return d.code == "DUPLICATE_KEYS"; });
    // Formatting must never lose what the user wrote: refuse when the text is not exact JSON or repeats a key.
    if (!parsed.isUsable() || duplicateKeys) {
        if (format == "json")
            std::cout << findingsToJson({ FileFindings { name, parsed.diagnostics } });
        else
            printFindings(std::cerr, name, parsed.diagnostics);
        return kCheckFailed;
    }
    const std::string text = writePolicy(*parsed.policy, minify ? WriteStyle::Minified : WriteStyle::Pretty);
    if (format == "json") {
        std::cout << "{\"file\": " << jsonQuote(name) << ", \"text\": " << jsonQuote(text) << "}\n";
    } else {
        std::cout << text;
        if (minify)
            std::cout << '\n';
    }
    return kOk;
}

int runImport(
    const std::string &gaadFile, const std::string &listRolesFile, const std::string &out, const std::string &format)
{
    FileReadResult read = readTextFile(gaadFile, kMaxWorkspaceFileBytes);
    if (!read.ok())
        return usageError(read.error);
    GaadImportResult imported = importGaad(read.text);
    if (!imported.workspace) {
        const std::string reason =
            imported.diagnostics.empty() ? std::string("not a GAAD file") : imported.diagnostics.front().message;
        return usageError("cannot import `" + gaadFile + "`: " + reason);
    }
    Workspace &ws = *imported.workspace;
    Diagnostics findings = std::move(imported.diagnostics);
    if (!listRolesFile.empty()) {
        FileReadResult roles = readTextFile(listRolesFile, kMaxWorkspaceFileBytes);
        if (!roles.ok())
            return usageError(roles.error);
        Diagnostics merged = mergeListRoles(ws, roles.text);
        for (Diagnostic &d : merged)
            d.message = listRolesFile + ": " + d.message;
        findings.insert(findings.end(), merged.begin(), merged.end());
    }
    if (auto error = saveWorkspaceFile(out, ws))
        return usageError(*error);
    if (format == "json") {
        std::cout << "{\"workspace\": " << jsonQuote(out) << ", \"accounts\": " << ws.accounts.size()
                  << ", \"users\": " << ws.users.size() << ", \"groups\": " << ws.groups.size()
                  << ", \"roles\": " << ws.roles.size() << ", \"managedPolicies\": " << ws.policies.size()
                  << ", \"externalPrincipals\": " << ws.externalPrincipals.size() << "}\n";
        if (!findings.empty())
            std::cerr << findingsToJson({ FileFindings { gaadFile, findings } });
    } else {
        printFindings(std::cerr, gaadFile, findings);
        std::cout << "imported " << ws.users.size() << " users, " << ws.groups.size() << " groups, " << ws.roles.size()
                  << " roles and " << ws.policies.size() << " managed policies from " << ws.accounts.size()
                  << " account(s) into " << out << '\n';
    }
    return hasErrors(findings) ? kCheckFailed : kOk;
}

int runSimulate(const std::string &batchFile, bool explain)
{
    std::ifstream file;
    if (batchFile != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(batchFile, ec))
            return usageError("`" + batchFile + "` is a folder, not a case file");
        file.open(batchFile, std::ios::binary);
        if (!file)
            return usageError("cannot open `" + batchFile + "`: " + std::strerror(errno));
    }
    std::istream &in = batchFile == "-" ? std::cin : file;
    BatchOptions options;
    options.explain = explain;
    const BatchSummary summary = runBatch(in, std::cout, options);
    std::cout.flush();
    if (file.bad() || (batchFile == "-" && std::cin.bad()))
        return usageError("cannot read `" + batchFile + "`");
    return summary.failed > 0 ? kCheckFailed : kOk;
}

} // namespace

int main(int argc, char **argv)
{
    std::ios::sync_with_stdio(false);
    CLI::App app { "Design, validate and simulate AWS IAM roles offline.", "role-designer-cli" };
    app.set_version_flag("--version", "role-designer-cli " + std::string(productVersion()));
    app.require_subcommand(1);

    std::string format = "text";
    auto addFormat = [&format](CLI::App *sub, std::vector<std::string> choices) {
        sub->add_option("--format", format, "Output format")->check(CLI::IsMember(std::move(choices)));
    };

    std::vector<std::string> validateFiles;
    std::string kind;
    std::string validateWorkspaceFile;
    std::string failOn = "error";
    CLI::App *validate = app.add_subcommand("validate", "Report the findings of policy files (`-` for stdin)");
    validate->add_option("files", validateFiles, "Policy JSON files");
    validate->add_option("--workspace", validateWorkspaceFile, "Validate every role of a workspace file");
    validate->add_option("--fail-on", failOn,
        "Exit 1 at findings of this severity or worse: error, security_warning, warning, suggestion (default error)");
    validate->add_option("--kind", kind, "identity, trust, resource, scp or rcp (default: guessed per file)")
        ->check(CLI::IsMember({ "identity", "trust", "resource", "scp", "rcp" }));
    addFormat(validate, { "text", "json", "sarif" });

    std::string fmtFile;
    bool minify = false;
    CLI::App *fmt = app.add_subcommand("fmt", "Print a policy in canonical form, keeping the order of its keys");
    fmt->add_option("file", fmtFile, "Policy JSON file (`-` for stdin)")->required();
    fmt->add_flag("--minify", minify, "Print without white space, as IAM stores it");
    addFormat(fmt, { "text", "json" });

    std::string gaadFile;
    std::string listRolesFile;
    std::string outFile;
    CLI::App *import = app.add_subcommand("import",
        "Turn `aws iam get-account-authorization-details` output into "
        "a workspace");
    import->add_option("--gaad", gaadFile, "GAAD JSON file (`-` for stdin)")->required();
    import->add_option(
        "--list-roles", listRolesFile, "`aws iam list-roles` output, for role descriptions and MaxSessionDuration");
    import->add_option("--out", outFile, "Workspace file to write")->required();
    addFormat(import, { "text", "json" });

    std::string batchFile;
    bool explain = false;
    CLI::App *simulate = app.add_subcommand("simulate", "Evaluate requests against policies");
    simulate->add_option("--batch", batchFile, "JSON Lines file of cases (`-` for stdin)")->required();
    simulate->add_flag("--explain", explain, "Add the deciding statements and near misses to every result");

    // Subcommands in files of their own are registered here.
    ReachCommand reachCommand(app);
    AssumeCommand assume(app);
    ExportCommand exportCommand(app);

    // CLI11 would only say "a subcommand is required" for a mistyped one: name it.
    if (argc > 1 && argv[1][0] != '-') {
        const std::string first = argv[1];
        const auto subcommands = app.get_subcommands({});
        const bool known = std::any_of(
            subcommands.begin(), subcommands.end(), [&](const CLI::App *sub) { return sub->get_name() == first; });
        if (!known) {
            std::string names;
            for (const CLI::App *sub : subcommands)
                names += (names.empty() ? "" : ", ") + sub->get_name();
            return usageError("unknown subcommand `" + first + "`: use " + names + " (see --help)");
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        std::string what = e.what();
        std::replace(what.begin(), what.end(), '\n', ' ');
        return usageError(what + " (see --help)");
    }

    if (validate->parsed())
        return runValidate(validateFiles, validateWorkspaceFile, kind, format, failOn);
    if (fmt->parsed())
        return runFmt(fmtFile, minify, format);
    if (import->parsed())
        return runImport(gaadFile, listRolesFile, outFile, format);
    if (simulate->parsed())
        return runSimulate(batchFile, explain);
    // Subcommands in files of their own (app/cli/<Name>Command.cpp) are dispatched here.
    if (reachCommand.parsed())
        return reachCommand.run();
    if (assume.parsed())
        return assume.run();
    if (exportCommand.parsed())
        return exportCommand.run();
    return usageError("no subcommand given (see --help)");
}
