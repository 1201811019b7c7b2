// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes into the policy reader: no crash, no hang, and every policy read from exact JSON survives
// write -> read unchanged.
#include "rd/core/PolicyParser.h"
#include "rd/core/PolicyValidator.h"
#include "rd/core/PolicyWriter.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace rd::core;
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    ParseResult parsed = parsePolicy(text);
    for (const Diagnostic &d : parsed.diagnostics) {
        if (d.range.end.offset < d.range.begin.offset || d.range.end.offset > size)
            std::abort(); // a range outside the text would crash an editor
    }
    if (!parsed.isUsable())
        return 0;
    (void)validateGrammar(*parsed.policy, guessPolicyKind(*parsed.policy));
    for (WriteStyle style : { WriteStyle::Pretty, WriteStyle::Minified }) {
        ParseResult again = parsePolicy(writePolicy(*parsed.policy, style));
        if (!again.policy)
            std::abort();
        if (!sameContent(*parsed.policy, *again.policy))
            std::abort();
    }
    return 0;
}
