// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/policy/Policy.h"

#include <string>

namespace rd::test
{

/// A policy from the JSON text a test writes; stops the test program, naming the text, when it does not parse.
core::Policy policyOf(const std::string &text);
/// policyOf with every source range cleared: equal to the same policy read back from a file or an export.
core::Policy policyWithoutRangesOf(const std::string &text);
/// policyOf, compiled for the evaluator under `name` (the label its explanations give).
core::CompiledPolicy compiledPolicyOf(const std::string &text, std::string name);
/// `{"Version":"2012-10-17","Statement":[statements]}`.
std::string policyDocument(const std::string &statements);

} // namespace rd::test
