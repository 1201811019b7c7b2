// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "json/JsonFields.h"

#include <charconv>
#include <cstdlib>

namespace rd::core
{

JsonFields::JsonFields(JsonValue &object, std::string path, Diagnostics &out, CheckCode code, bool strict)
    : m_object(object)
    , m_path(std::move(path))
    , m_out(out)
    , m_code(code)
    , m_strict(strict)
    , m_used(object.members.size(), false)
{
}

std::string JsonFields::childPath(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void JsonFields::error(SourceRange range, std::string message)
{
    m_out.push_back(makeDiagnostic(m_code, range, std::move(message)));
}

JsonValue *JsonFields::find(std::string_view key)
{
    for (std::size_t i = m_object.members.size(); i-- > 0;) {
        if (m_object.members[i].key == key) {
            m_used[i] = true;
            return &m_object.members[i].value;
        }
    }
    return nullptr;
}

void JsonFields::typeError(std::string_view key, const JsonValue &value, std::string_view expected)
{
    error(value.range,
        "`" + childPath(key) + "` must be " + std::string(expected) + ", not " + std::string(jsonTypeName(value.type)));
}

JsonValue *JsonFields::value(std::string_view key, bool required)
{
    JsonValue *v = find(key);
    if (!v && required)
        error(m_object.range,
            (m_path.empty() ? std::string("the file") : "`" + m_path + "`") + " has no `" + std::string(key) + "`");
    return v;
}

std::string JsonFields::string(std::string_view key, bool required)
{
    JsonValue *v = value(key, required);
    if (v && v->isNull() && required)
        typeError(key, *v, "a string");
    if (!v || v->isNull())
        return {};
    if (!v->isString()) {
        typeError(key, *v, "a string");
        return {};
    }
    return v->text;
}

std::optional<std::int64_t> JsonFields::integer(std::string_view key, bool required)
{
    JsonValue *v = value(key, required);
    if (v && v->isNull() && required)
        typeError(key, *v, "a whole number");
    if (!v || v->isNull())
        return std::nullopt;
    std::int64_t result = 0;
    if (v->isNumber()) {
        const char *begin = v->text.data();
        const char *end = begin + v->text.size();
        auto [ptr, ec] = std::from_chars(begin, end, result);
        if (ec == std::errc() && ptr == end)
            return result;
    }
    typeError(key, *v, "a whole number");
    return std::nullopt;
}

std::optional<double> JsonFields::number(std::string_view key, bool required)
{
    JsonValue *v = value(key, required);
    if (v && v->isNull() && required)
        typeError(key, *v, "a number");
    if (!v || v->isNull())
        return std::nullopt;
    if (!v->isNumber()) {
        typeError(key, *v, "a number");
        return std::nullopt;
    }
    return std::strtod(v->text.c_str(), nullptr);
}

bool JsonFields::boolean(std::string_view key, bool fallback)
{
    JsonValue *v = value(key);
    if (!v || v->isNull())
        return fallback;
    if (!v->isBool()) {
        typeError(key, *v, "true or false");
        return fallback;
    }
    return v->boolean;
}

std::vector<JsonValue> *JsonFields::array(std::string_view key, bool required)
{
    JsonValue *v = value(key, required);
    if (v && v->isNull() && required)
        typeError(key, *v, "an array");
    if (!v || v->isNull())
        return nullptr;
    if (!v->isArray()) {
        typeError(key, *v, "an array");
        return nullptr;
    }
    return &v->elements;
}

std::vector<std::string> JsonFields::strings(std::string_view key, std::vector<SourceRange> *ranges)
{
    std::vector<std::string> out;
    std::vector<JsonValue> *elements = array(key);
    if (!elements)
        return out;
    out.reserve(elements->size());
    for (std::size_t i = 0; i < elements->size(); ++i) {
        JsonValue &e = (*elements)[i];
        if (!e.isString()) {
            error(e.range,
                "`" + childPath(key) + "[" + std::to_string(i) + "]` must be a string, not "
                    + std::string(jsonTypeName(e.type)));
            continue;
        }
        out.push_back(std::move(e.text));
        if (ranges)
            ranges->push_back(e.range);
    }
    return out;
}

JsonValue *JsonFields::object(std::string_view key, bool required)
{
    JsonValue *v = value(key, required);
    if (v && v->isNull() && required)
        typeError(key, *v, "an object");
    if (!v || v->isNull())
        return nullptr;
    if (!v->isObject()) {
        typeError(key, *v, "an object");
        return nullptr;
    }
    return v;
}

void JsonFields::finish()
{
    if (!m_strict)
        return;
    for (std::size_t i = 0; i < m_used.size(); ++i) {
        if (!m_used[i])
            error(m_object.members[i].keyRange,
                "unknown field `" + childPath(m_object.members[i].key) + "`: this version does not know it");
    }
}

} // namespace rd::core
