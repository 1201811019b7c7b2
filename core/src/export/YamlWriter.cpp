// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "export/YamlWriter.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace rd::core
{

namespace
{

bool isPlainCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c))
        || std::string_view("_./:*@+=,-").find(c) != std::string_view::npos;
}

// YAML 1.1 (which CloudFormation's and PyYAML's readers follow) reads these words as booleans or null.
bool isReservedWord(std::string_view text)
{
    static constexpr std::array<std::string_view, 9> words { "y", "n", "yes", "no", "true", "false", "on", "off",
        "null" };
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(words.begin(), words.end(), lower) != words.end();
}

bool isPlainSafe(std::string_view text)
{
    // YAML spec 1.2.2, 7.3.3 "Plain Style": indicators may not start a plain scalar, ": " and " #" may not appear in
    // one. Only letters or `/` may start one here, so that numbers, dates and indicators all get quotes.
    if (text.empty() || !(std::isalpha(static_cast<unsigned char>(text.front())) || text.front() == '/'))
        return false;
    if (text.back() == ':' || isReservedWord(text))
        return false;
    return std::all_of(text.begin(), text.end(), isPlainCharacter);
}

void appendHex(std::string &out, char kind, unsigned value, int digits)
{
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, "\\%c%0*X", kind, digits, value);
    out += buffer;
}

// YAML spec 1.2.2, 5.7 "Escaped Characters": double-quoted scalars take JSON's escapes and \x, \u, \N, \L, \P.
std::string doubleQuoted(std::string_view text)
{
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        const auto after = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F) {
            appendHex(out, 'x', c, 2);
        } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
            // C1 controls, U+0085 (a line break to YAML 1.1) among them, are not printable.
            appendHex(out, 'u', next, 4);
            ++i;
        } else if (c == 0xE2 && next == 0x80 && (after == 0xA8 || after == 0xA9)) {
            // U+2028 and U+2029 break lines in YAML 1.1.
            out += after == 0xA8 ? "\\L" : "\\P";
            i += 2;
        } else if (c == 0xEF && next == 0xBB && after == 0xBF) {
            out += "\\uFEFF";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

class Emitter
{
public:
    std::string out;

    // The value after `key:` or `- `: scalars on the same line, containers below.
    void value(const JsonValue &v, int indent)
    {
        if (isInline(v)) {
            out += ' ';
            out += scalar(v);
            out += '\n';
        } else if (v.isObject()) {
            out += '\n';
            mapping(v, indent, false);
        } else {
            out += '\n';
            sequence(v, indent, false);
        }
    }

    void mapping(const JsonValue &v, int indent, bool firstInline)
    {
        bool first = true;
        for (const JsonMember &m : v.members) {
            if (!(first && firstInline))
                out.append(static_cast<std::size_t>(indent), ' ');
            first = false;
            out += yamlScalar(m.key);
            out += ':';
            value(m.value, indent + 2);
        }
    }

    void sequence(const JsonValue &v, int indent, bool firstInline)
    {
        bool first = true;
        for (const JsonValue &element : v.elements) {
            if (!(first && firstInline))
                out.append(static_cast<std::size_t>(indent), ' ');
            first = false;
            out += "-";
            if (isInline(element)) {
                out += ' ';
                out += scalar(element);
                out += '\n';
            } else {
                out += ' ';
                if (element.isObject())
                    mapping(element, indent + 2, true);
                else
                    sequence(element, indent + 2, true);
            }
        }
    }

private:
    static bool isRef(const JsonValue &v)
    {
        return v.isObject() && v.members.size() == 1 && v.members[0].key == "Ref" && v.members[0].value.isString();
    }

    static bool isInline(const JsonValue &v)
    {
        return !(v.isObject() || v.isArray()) || isRef(v) || (v.isObject() && v.members.empty())
            || (v.isArray() && v.elements.empty());
    }

    static std::string scalar(const JsonValue &v)
    {
        switch (v.type) {
        case JsonType::Null:
            return "null";
        case JsonType::Bool:
            return v.boolean ? "true" : "false";
        case JsonType::Number:
            return v.text;
        case JsonType::String:
            return yamlScalar(v.text);
        case JsonType::Array:
            return "[]";
        case JsonType::Object:
            return isRef(v) ? "!Ref " + yamlScalar(v.members[0].value.text) : std::string("{}");
        }
        return "null";
    }
};

} // namespace

std::string yamlScalar(std::string_view text)
{
    return isPlainSafe(text) ? std::string(text) : doubleQuoted(text);
}

std::string writeYamlDocument(const JsonValue &root)
{
    Emitter emitter;
    if (root.isObject() && !root.members.empty())
        emitter.mapping(root, 0, false);
    else
        emitter.out = "{}\n";
    return emitter.out;
}

} // namespace rd::core
