// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Any bytes into the policy reader and the validator: no crash, no hang, findings inside the text, and every policy
// read from exact JSON survives write -> read unchanged.
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/validation/PolicyValidator.h"

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
    // Every check of every kind, catalog included; each finding's range must lie inside the text.
    for (PolicyKind kind : { PolicyKind::Identity, PolicyKind::Trust, PolicyKind::Resource, PolicyKind::ServiceControl,
             PolicyKind::ResourceControl }) {
        for (const Diagnostic &d : validatePolicy(*parsed.policy, kind)) {
            if (d.range.isValid() && (d.range.end.offset < d.range.begin.offset || d.range.end.offset > size))
                std::abort();
        }
    }
    for (WriteStyle style : { WriteStyle::Pretty, WriteStyle::Minified }) {
        ParseResult again = parsePolicy(writePolicy(*parsed.policy, style));
        if (!again.policy)
            std::abort();
        if (!sameContent(*parsed.policy, *again.policy))
            std::abort();
    }
    return 0;
}
