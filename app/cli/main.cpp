// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// role-designer-cli: the headless twin of the desktop app. Exit codes (README, "Command line"): 0 success, 1 the check
// failed, 2 bad usage or an input that cannot be read at all, with a one-line reason on stderr. The subcommands are the
// objects of subcommandRegistry(); this file only builds the app from them, parses and runs the one chosen.
#include "CliSupport.h"
#include "SubcommandRegistry.h"
#include "rd/core/base/Version.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char **argv)
{
    using rd::cli::usageError;

    std::ios::sync_with_stdio(false);
    CLI::App app { "Design, validate and simulate AWS IAM roles offline.", "role-designer-cli" };
    app.set_version_flag("--version", "role-designer-cli " + std::string(rd::core::productVersion()));
    app.require_subcommand(1);

    const std::vector<std::unique_ptr<rd::cli::Subcommand>> subcommands = rd::cli::subcommandRegistry();
    std::vector<std::pair<CLI::App *, rd::cli::Subcommand *>> dispatch;
    for (const std::unique_ptr<rd::cli::Subcommand> &subcommand : subcommands)
        dispatch.emplace_back(subcommand->configure(app), subcommand.get());

    // CLI11 would only say "a subcommand is required" for a mistyped one: name it.
    if (argc > 1 && argv[1][0] != '-') {
        const std::string first = argv[1];
        const bool known = std::any_of(
            dispatch.begin(), dispatch.end(), [&](const auto &entry) { return entry.first->get_name() == first; });
        if (!known) {
            std::string names;
            for (const auto &entry : dispatch)
                names += (names.empty() ? "" : ", ") + entry.first->get_name();
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

    for (const auto &[sub, subcommand] : dispatch) {
        if (!sub->parsed())
            continue;
        try {
            return subcommand->run();
        } catch (const std::bad_alloc &) {
            // What the subcommand held is released by now. Its inputs are the arguments that name existing files.
            std::string files;
            for (int i = 2; i < argc; ++i) {
                std::error_code ec;
                if (std::filesystem::is_regular_file(argv[i], ec))
                    files += std::string(files.empty() ? "" : ", ") + "`" + argv[i] + "`";
            }
            return usageError(files.empty() ? "out of memory while running `" + sub->get_name() + "`"
                                            : "out of memory while reading " + files);
        }
    }
    return usageError("no subcommand given (see --help)");
}
