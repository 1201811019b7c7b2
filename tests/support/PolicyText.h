// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <string>

namespace rd::test
{

/// A policy from the JSON text a test writes; stops the test program, naming the text, when it does not parse.
core::Policy policyOf(const std::string &text);
/// `{"Version":"2012-10-17","Statement":[statements]}`.
std::string policyDocument(const std::string &statements);

} // namespace rd::test
