// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/FileIO.h"
#include "rd/core/json/JsonValue.h"

#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{

/// Streams JSON text. Pretty output is the AWS console's layout: 4-space indent, one member or element per line,
/// `"Key": value`, `[]` and `{}` for empty containers. Minified output has no white space at all.
class JsonTextWriter
{
public:
    explicit JsonTextWriter(bool pretty, std::size_t reserve = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// Inside an object: the key of the next value.
    void key(std::string_view name);
    void string(std::string_view value);
    /// A number's literal text, written as it is.
    void number(std::string_view literal);
    void boolean(bool value);
    void null();
    /// Any JsonValue, members in their order.
    void value(const JsonValue &value);

    /// The text, with a final newline in pretty form.
    std::string take();

    /// From now on, hands the text written so far to `sink` each time a container closes with at least
    /// `pieceBytes` of it held, so that a large text is never whole in memory; finish() hands out the rest.
    void drainInto(TextSink sink, std::size_t pieceBytes);
    /// With a sink: hands out the rest of the text (with the final newline in pretty form); false when the sink
    /// refused a piece at any time.
    bool finish();

private:
    void beforeValue();
    void newline();
    void close(char bracket);
    void drain();

    std::string m_out;
    TextSink m_sink;
    std::size_t m_pieceBytes = 0;
    bool m_sinkFailed = false;
    bool m_pretty;
    bool m_afterKey = false;
    // One entry per open container: how many values it holds so far.
    std::vector<int> m_counts;
};

} // namespace rd::core
