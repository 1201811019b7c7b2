// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/json/JsonValue.h"

#include <string>
#include <string_view>

namespace rd::core
{

/// A string as a YAML scalar that every YAML 1.1 and 1.2 reader (CloudFormation's included) reads back as that same
/// string: plain when it is a harmless word (`sts:AssumeRole`, `/service-role/`, ARNs), otherwise double-quoted with
/// escapes. Words YAML 1.1 would take for something else (`yes`, `off`, `null`, numbers, dates) are quoted.
std::string yamlScalar(std::string_view text);

/// A JSON object as a YAML block mapping at column 0, two spaces per level, sequences indented under their key,
/// `[]`/`{}` for empty containers, numbers and booleans as they are. An object whose only member is `Ref` with a
/// string value is written in CloudFormation's short form, `!Ref Name`.
std::string writeYamlDocument(const JsonValue &root);

} // namespace rd::core
