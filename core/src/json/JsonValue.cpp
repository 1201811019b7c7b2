// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/json/JsonValue.h"

#include "base/TextUtil.h"

#include <utility>

namespace rd::core
{

std::string_view jsonTypeName(JsonType type)
{
    switch (type) {
    case JsonType::Null:
        return "null";
    case JsonType::Bool:
        return "boolean";
    case JsonType::Number:
        return "number";
    case JsonType::String:
        return "string";
    case JsonType::Array:
        return "array";
    case JsonType::Object:
        return "object";
    }
    return "null";
}

std::string jsonQuote(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);
    return out;
}

const JsonValue *JsonValue::find(std::string_view key) const
{
    for (auto it = members.rbegin(); it != members.rend(); ++it) {
        if (it->key == key)
            return &it->value;
    }
    return nullptr;
}

JsonValue *JsonValue::find(std::string_view key)
{
    return const_cast<JsonValue *>(std::as_const(*this).find(key));
}

bool JsonValue::sameContent(const JsonValue &other) const
{
    if (type != other.type || boolean != other.boolean || text != other.text || elements.size() != other.elements.size()
        || members.size() != other.members.size())
        return false;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (!elements[i].sameContent(other.elements[i]))
            return false;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].key != other.members[i].key || !members[i].value.sameContent(other.members[i].value))
            return false;
    }
    return true;
}

} // namespace rd::core
