// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "PolicyText.h"

#include "rd/core/policy/PolicyParser.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace rd::test
{

core::Policy policyOf(const std::string &text)
{
    core::ParseResult parsed = core::parsePolicy(text);
    if (!parsed.isUsable()) {
        std::fprintf(stderr, "test policy does not parse: %s\n", text.c_str());
        std::abort();
    }
    return *parsed.policy;
}

core::Policy policyWithoutRangesOf(const std::string &text)
{
    core::Policy policy = policyOf(text);
    core::clearSourceRanges(policy);
    return policy;
}

core::CompiledPolicy compiledPolicyOf(const std::string &text, std::string name)
{
    return core::CompiledPolicy::compile(policyOf(text), std::move(name));
}

std::string policyDocument(const std::string &statements)
{
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
}

} // namespace rd::test
