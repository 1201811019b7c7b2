// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "SimulateCommand.h"

#include "CliSupport.h"
#include "rd/core/evaluation/BatchSimulation.h"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace rd::cli
{

namespace
{

} // namespace

CLI::App *SimulateCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("simulate", "Evaluate requests against policies");
    sub->add_option("--batch", m_batchFile, "JSON Lines file of cases (`-` for stdin)")->required();
    sub->add_flag("--explain", m_explain, "Add the deciding statements and near misses to every result");
    sub->add_option("--threads", m_threads, "Threads that evaluate cases (default: one per core)")
        ->check(CLI::Range(std::size_t { 1 }, std::size_t { 64 }));
    return sub;
}

int SimulateCommand::run()
{
    std::ifstream file;
    if (m_batchFile != "-") {
        std::error_code ec;
        if (std::filesystem::is_directory(m_batchFile, ec))
            return usageError("`" + m_batchFile + "` is a folder, not a case file");
        file.open(m_batchFile, std::ios::binary);
        if (!file)
            return usageError("cannot open `" + m_batchFile + "`: " + std::strerror(errno));
    }
    std::istream &in = m_batchFile == "-" ? std::cin : file;
    core::BatchOptions options;
    options.explain = m_explain;
    options.threads = m_threads;
    const core::BatchSummary summary = core::runBatch(in, std::cout, options);
    std::cout.flush();
    if (file.bad() || (m_batchFile == "-" && std::cin.bad()))
        return usageError("cannot read `" + m_batchFile + "`");
    if (summary.unendedLine > 0)
        return usageError("line " + std::to_string(summary.unendedLine) + " of `" + m_batchFile + "` is longer than "
            + std::to_string(options.maxLineBytes) + " bytes and no newline ends it: is it a case file?");
    return summary.failed > 0 || summary.errors > 0 ? kCheckFailedExit : kOkExit;
}

} // namespace rd::cli
