// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes as a batch case: no crash, no hang, and the result is always one line of JSON with the case's decision
// or an error, with and without an explanation; and any bytes as a batch file give the same output through the fast
// reader as through the full reader.
#include "rd/core/evaluation/BatchSimulation.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace rd::core;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    for (bool explain : { false, true }) {
        BatchOptions options;
        options.explain = explain;
        BatchSummary summary;
        const std::string line = runBatchCase(text, 1, options, summary);
        if (line.empty() || line.front() != '{' || line.back() != '}' || line.find('\n') != std::string::npos)
            std::abort();
        const bool error = line.find("\"error\":") != std::string::npos;
        if (error != (summary.errors == 1) || summary.cases != 1)
            std::abort();
    }
    std::string outputs[2];
    for (bool fast : { false, true }) {
        BatchOptions options;
        options.fastReader = fast;
        options.threads = 1;
        std::istringstream in { std::string(text) };
        std::ostringstream out;
        runBatch(in, out, options);
        outputs[fast ? 1 : 0] = out.str();
    }
    if (outputs[0] != outputs[1])
        std::abort();
    return 0;
}
