// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "FmtCommand.h"

#include "CliSupport.h"
#include "rd/core/base/DiagnosticFormat.h"
#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonValue.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

namespace rd::cli
{

namespace
{

using namespace rd::core;

} // namespace

CLI::App *FmtCommand::configure(CLI::App &app)
{
    CLI::App *sub = app.add_subcommand("fmt", "Print a policy in canonical form, keeping the order of its keys");
    sub->add_option("file", m_file, "Policy JSON file (`-` for stdin)")->required();
    sub->add_flag("--minify", m_minify, "Print without white space, as IAM stores it");
    sub->add_option("--format", m_format, "Output format")->check(CLI::IsMember({ "text", "json" }));
    return sub;
}

int FmtCommand::run()
{
    FileReadResult read = readTextFile(m_file, kMaxPolicyTextBytes * 16);
    if (!read.ok())
        return usageError(read.error);
    ParseResult parsed = parsePolicy(read.text);
    const std::string name = m_file == "-" ? std::string("<stdin>") : m_file;
    const bool duplicateKeys = std::any_of(parsed.diagnostics.begin(), parsed.diagnostics.end(),
        [](const Diagnostic &d) { return d.code == "DUPLICATE_KEYS"; });
    // Formatting must never lose what the user wrote: refuse when the text is not exact JSON or repeats a key.
    if (!parsed.isUsable() || duplicateKeys) {
        if (m_format == "json")
            std::cout << findingsToJson({ FileFindings { name, parsed.diagnostics } });
        else
            printFindings(std::cerr, name, parsed.diagnostics);
        return kCheckFailedExit;
    }
    const std::string text = writePolicy(*parsed.policy, m_minify ? WriteStyle::Minified : WriteStyle::Pretty);
    if (m_format == "json") {
        std::cout << "{\"file\": " << jsonQuote(name) << ", \"text\": " << jsonQuote(text) << "}\n";
    } else {
        std::cout << text;
        if (m_minify)
            std::cout << '\n';
    }
    return kOkExit;
}

} // namespace rd::cli
