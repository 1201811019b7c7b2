// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/evaluation/PreparedRequest.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rd::core
{

/// One batch case read and compiled, ready to evaluate: by the full reader (BatchSimulation.cpp) or by
/// FastCaseReader. The set points into `policies`, which may share compiled policies with a CompiledPolicyCache.
struct BatchCase {
    std::string id;
    std::optional<Decision> expected;
    std::vector<std::shared_ptr<const CompiledPolicy>> policies;
    PolicySet set;
    std::optional<PreparedRequest> request;
};

} // namespace rd::core
