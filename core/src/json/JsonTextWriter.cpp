// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "json/JsonTextWriter.h"

#include "base/TextUtil.h"

namespace rd::core
{

JsonTextWriter::JsonTextWriter(bool pretty, std::size_t reserve)
    : m_pretty(pretty)
{
    m_out.reserve(reserve);
}

void JsonTextWriter::newline()
{
    m_out += '\n';
    m_out.append(m_counts.size() * 4, ' ');
}

void JsonTextWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.empty())
        return;
    if (m_counts.back()++ > 0)
        m_out += ',';
    if (m_pretty)
        newline();
}

void JsonTextWriter::key(std::string_view name)
{
    beforeValue();
    appendJsonString(m_out, name);
    m_out += m_pretty ? ": " : ":";
    m_afterKey = true;
}

void JsonTextWriter::beginObject()
{
    beforeValue();
    m_out += '{';
    m_counts.push_back(0);
}

void JsonTextWriter::close(char bracket)
{
    const int count = m_counts.back();
    m_counts.pop_back();
    if (m_pretty && count > 0)
        newline();
    m_out += bracket;
}

void JsonTextWriter::endObject()
{
    close('}');
    drain();
}

void JsonTextWriter::beginArray()
{
    beforeValue();
    m_out += '[';
    m_counts.push_back(0);
}

void JsonTextWriter::endArray()
{
    close(']');
    drain();
}

void JsonTextWriter::string(std::string_view value)
{
    beforeValue();
    appendJsonString(m_out, value);
}

void JsonTextWriter::number(std::string_view literal)
{
    beforeValue();
    m_out += literal;
}

void JsonTextWriter::boolean(bool value)
{
    beforeValue();
    m_out += value ? "true" : "false";
}

void JsonTextWriter::null()
{
    beforeValue();
    m_out += "null";
}

void JsonTextWriter::value(const JsonValue &v)
{
    switch (v.type) {
    case JsonType::Null:
        null();
        return;
    case JsonType::Bool:
        boolean(v.boolean);
        return;
    case JsonType::Number:
        number(v.text);
        return;
    case JsonType::String:
        string(v.text);
        return;
    case JsonType::Array:
        beginArray();
        for (const JsonValue &e : v.elements)
            value(e);
        endArray();
        return;
    case JsonType::Object:
        beginObject();
        for (const JsonMember &m : v.members) {
            key(m.key);
            value(m.value);
        }
        endObject();
        return;
    }
}

std::string JsonTextWriter::take()
{
    if (m_pretty)
        m_out += '\n';
    return std::move(m_out);
}

void JsonTextWriter::drainInto(TextSink sink, std::size_t pieceBytes)
{
    m_sink = std::move(sink);
    m_pieceBytes = pieceBytes;
    m_out.reserve(pieceBytes + pieceBytes / 4);
}

void JsonTextWriter::drain()
{
    if (!m_sink || m_out.size() < m_pieceBytes)
        return;
    // After a refusal the rest is dropped: the writer's owner gives up on the whole text.
    if (!m_sinkFailed)
        m_sinkFailed = !m_sink(m_out);
    m_out.clear();
}

bool JsonTextWriter::finish()
{
    if (m_pretty)
        m_out += '\n';
    if (m_sink && !m_sinkFailed)
        m_sinkFailed = !m_sink(m_out);
    m_out.clear();
    return !m_sinkFailed;
}

} // namespace rd::core
