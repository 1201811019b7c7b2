// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/CheckCodes.h"
#include "rd/core/base/Diagnostic.h"
#include "rd/core/json/JsonValue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Typed, position-aware access to the members of one JSON object of a file format (workspace, GAAD). Type errors
/// become diagnostics naming the path of the value (`roles[3].maxSessionDuration`) and its range; in strict mode,
/// members nobody asked for are reported by finish().
class JsonFields
{
public:
    /// Reports what is wrong with `object` as `code`, whose table row sets the finding type.
    JsonFields(JsonValue &object, std::string path, Diagnostics &out, CheckCode code, bool strict);

    /// The member's value, or nullptr when absent (reported when required). The typed readers below treat `null`
    /// as absent for an optional member and report it, naming the member, for a required one.
    JsonValue *value(std::string_view key, bool required = false);
    std::string string(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, bool required = false);
    std::optional<double> number(std::string_view key, bool required = false);
    bool boolean(std::string_view key, bool fallback);
    /// The member's elements when it is an array (empty when absent or mistyped).
    std::vector<JsonValue> *array(std::string_view key, bool required = false);
    /// An array of strings; with `ranges`, the range of each string returned is appended there.
    std::vector<std::string> strings(std::string_view key, std::vector<SourceRange> *ranges = nullptr);
    /// The member when it is an object.
    JsonValue *object(std::string_view key, bool required = false);

    /// Calls fn(JsonFields &) for each element of the array member `key`, with the same code and strictness, and
    /// finish() after it; reports the elements that are not objects and skips them.
    template <class Fn> void forEachObject(std::string_view key, Fn fn)
    {
        std::vector<JsonValue> *items = array(key);
        if (!items)
            return;
        for (std::size_t i = 0; i < items->size(); ++i)
            readObject((*items)[i], childPath(key) + "[" + std::to_string(i) + "]", m_out, m_code, m_strict, fn);
    }

    /// What forEachObject() does with one element, whose path is `path`: for an element handed out by the JSON
    /// reader on its own (JsonReadOptions::takeRootListElement).
    template <class Fn>
    static void readObject(
        JsonValue &item, const std::string &path, Diagnostics &out, CheckCode code, bool strict, Fn fn)
    {
        if (!item.isObject()) {
            out.push_back(makeDiagnostic(
                code, item.range, "`" + path + "` must be an object, not " + std::string(jsonTypeName(item.type))));
            return;
        }
        JsonFields fields(item, path, out, code, strict);
        fn(fields);
        fields.finish();
    }

    /// Reports unknown members (strict mode only).
    void finish();

    const std::string &path() const { return m_path; }
    std::string childPath(std::string_view key) const;
    void error(SourceRange range, std::string message);

private:
    JsonValue *find(std::string_view key);
    void typeError(std::string_view key, const JsonValue &value, std::string_view expected);

    JsonValue &m_object;
    std::string m_path;
    Diagnostics &m_out;
    CheckCode m_code;
    bool m_strict;
    std::vector<bool> m_used;
};

} // namespace rd::core
