// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

namespace rd::core
{

class JsonTextWriter;
struct Policy;

/// Writes a policy as one value into a larger document (a workspace file), at the writer's current depth.
void writePolicyValue(JsonTextWriter &writer, const Policy &policy);

} // namespace rd::core
