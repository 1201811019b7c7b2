// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/SourceRange.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

struct JsonMember;

enum class JsonType { Null, Bool, Number, String, Array, Object };

/// "null", "boolean", "number", "string", "array" or "object".
std::string_view jsonTypeName(JsonType type);

/// A JSON value that remembers where it stood in its text. Objects keep their members in document order, duplicates
/// included (the reader reports them); numbers keep their literal text so that writing them back changes nothing.
struct JsonValue {
    JsonType type = JsonType::Null;
    bool boolean = false;
    /// The decoded string, or a number's literal text.
    std::string text;
    std::vector<JsonValue> elements;
    std::vector<JsonMember> members;
    SourceRange range;

    bool isNull() const { return type == JsonType::Null; }
    bool isBool() const { return type == JsonType::Bool; }
    bool isNumber() const { return type == JsonType::Number; }
    bool isString() const { return type == JsonType::String; }
    bool isArray() const { return type == JsonType::Array; }
    bool isObject() const { return type == JsonType::Object; }

    /// The last member named `key` (JSON's usual "last one wins"), or nullptr.
    const JsonValue *find(std::string_view key) const;
    JsonValue *find(std::string_view key);

    /// Structural equality; source ranges are ignored.
    bool sameContent(const JsonValue &other) const;
};

/// `text` as a JSON string literal, quotes included.
std::string jsonQuote(std::string_view text);

struct JsonMember {
    std::string key;
    SourceRange keyRange;
    JsonValue value;
};

} // namespace rd::core
