// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/json/JsonReader.h"

#include "base/TextUtil.h"
#include "rd/core/base/CheckCodes.h"

#include <algorithm>
#include <new>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rd::core
{
namespace
{

bool isWordChar(unsigned char c)
{
    return c > 0x20 && c != ',' && c != ':' && c != '[' && c != ']' && c != '{' && c != '}' && c != '"' && c != '\''
        && c != '/';
}

bool startsValue(unsigned char c)
{
    return c == '"' || c == '\'' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z');
}

std::string tooManyValues(std::size_t maxValues)
{
    return "the text holds more than " + std::to_string(maxValues)
        + " JSON values, more than can be held in memory here";
}

/// Recursive descent over the text with one token of look-ahead. Positions are computed incrementally: the column
/// counter only moves forward within a line, so computing every value's range costs O(n) for the whole text.
class Reader
{
public:
    Reader(std::string_view text, const JsonReadOptions &options, Diagnostics &diagnostics)
        : m_text(text)
        , m_options(options)
        , m_diagnostics(diagnostics)
    {
    }

    std::optional<JsonValue> run()
    {
        if (const std::optional<std::string_view> encoding = wideUnicodeEncoding(m_text)) {
            fatal(span(0, 0), "the file is " + std::string(*encoding) + "; save it as UTF-8");
            return std::nullopt;
        }
        if (m_text.size() >= 3 && m_text.substr(0, 3) == "\xEF\xBB\xBF")
            m_pos = m_colOffset = m_lineStart = 3; // a UTF-8 byte order mark is not part of the document
        skipSpace();
        if (m_fatal)
            return std::nullopt;
        if (atEnd()) {
            error(span(m_pos, m_pos), "the document is empty: expected a JSON value");
            return std::nullopt;
        }
        JsonValue root;
        m_root = &root;
        if (!parseValue(root, 0))
            return std::nullopt;
        skipSpace();
        if (!m_fatal && !atEnd()) {
            const std::size_t start = m_pos;
            error(span(start, m_text.size()), "unexpected text after the end of the JSON value");
        }
        return root;
    }

    /// True when reading stopped at the value past options.maxValues.
    bool overBudget() const { return m_overBudget; }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char peek() const { return static_cast<unsigned char>(m_text[m_pos]); }

    SourcePosition position(std::size_t offset)
    {
        // INVARIANT: offset lies on the current line (m_lineStart <= offset); columns are counted forward only.
        if (m_colOffset < m_lineStart || offset < m_colOffset) {
            m_colOffset = m_lineStart;
            m_colValue = 1;
        }
        const auto *data = reinterpret_cast<const unsigned char *>(m_text.data());
        for (; m_colOffset < offset; ++m_colOffset) {
            if ((data[m_colOffset] & 0xC0) != 0x80)
                ++m_colValue;
        }
        return SourcePosition { m_line, m_colValue, offset };
    }

    SourceRange span(std::size_t begin, std::size_t end)
    {
        SourceRange r;
        r.begin = position(begin);
        r.end = position(end);
        return r;
    }

    static SourceRange oneChar(SourcePosition p) { return SourceRange { p, { p.line, p.column + 1, p.offset + 1 } }; }

    void error(SourceRange range, std::string message)
    {
        if (m_fatal)
            return;
        m_diagnostics.push_back(makeDiagnostic(CheckCode::JsonSyntaxError, range, std::move(message)));
        if (++m_errors >= m_options.maxErrors) {
            m_diagnostics.push_back(
                makeDiagnostic(CheckCode::JsonSyntaxError, range, "too many syntax errors; reading stopped here"));
            m_fatal = true;
        }
    }

    bool fatal(SourceRange range, std::string message)
    {
        error(range, std::move(message));
        m_fatal = true;
        return false;
    }

    void newline(std::size_t offsetOfLineFeed)
    {
        ++m_line;
        m_lineStart = offsetOfLineFeed + 1;
    }

    void skipSpace()
    {
        while (!atEnd()) {
            const unsigned char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '\n') {
                newline(m_pos);
                ++m_pos;
            } else if (c == '/' && m_pos + 1 < m_text.size()
                && (m_text[m_pos + 1] == '/' || m_text[m_pos + 1] == '*')) {
                skipComment();
            } else {
                return;
            }
        }
    }

    void skipComment()
    {
        const std::size_t start = m_pos;
        const bool block = m_text[m_pos + 1] == '*';
        const SourcePosition begin = position(start);
        m_pos += 2;
        bool closed = !block;
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (!block && c == '\n')
                break;
            if (block && c == '*' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                m_pos += 2;
                closed = true;
                break;
            }
            if (c == '\n')
                newline(m_pos);
            ++m_pos;
        }
        SourceRange r { begin, position(m_pos) };
        if (!closed)
            fatal(r, "unterminated comment");
        else
            error(r, "comments are not allowed in JSON");
    }

    bool parseValue(JsonValue &out, int depth)
    {
        if (atEnd())
            return fatal(span(m_pos, m_pos), "unexpected end of text: expected a value");
        if (!m_fatal && ++m_values > m_options.maxValues) {
            // Not a syntax error: reported even past maxErrors, and last, since it is why reading stopped.
            m_diagnostics.push_back(
                makeDiagnostic(CheckCode::JsonSyntaxError, span(m_pos, m_pos + 1), tooManyValues(m_options.maxValues)));
            m_overBudget = m_fatal = true;
            return false;
        }
        const unsigned char c = peek();
        switch (c) {
        case '{':
            return parseObject(out, depth + 1);
        case '[':
            return parseArray(out, depth + 1);
        case '"':
        case '\'':
            out.type = JsonType::String;
            return parseString(out.text, out.range);
        default:
            break;
        }
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber(out);
        if (isWordChar(c) && c < 0x80)
            return parseWord(out);
        if (c >= 0x80) {
            const std::size_t start = m_pos;
            m_pos += utf8SequenceLength(m_text, m_pos);
            return fatal(span(start, m_pos), "unexpected character: expected a value");
        }
        const std::size_t start = m_pos;
        return fatal(
            span(start, start + 1), "unexpected `" + std::string(1, static_cast<char>(c)) + "`: expected a value");
    }

    bool parseWord(JsonValue &out)
    {
        const std::size_t start = m_pos;
        while (!atEnd() && isWordChar(peek()))
            ++m_pos;
        const std::string_view word = m_text.substr(start, m_pos - start);
        out.range = span(start, m_pos);
        if (word == "true" || word == "false") {
            out.type = JsonType::Bool;
            out.boolean = word == "true";
            return true;
        }
        if (word == "null") {
            out.type = JsonType::Null;
            return true;
        }
        error(out.range, "unexpected `" + std::string(word) + "`: strings must be in double quotes");
        out.type = JsonType::String;
        out.text = std::string(word);
        return true;
    }

    bool parseNumber(JsonValue &out)
    {
        const std::size_t start = m_pos;
        auto digits = [this] {
            const std::size_t from = m_pos;
            while (!atEnd() && peek() >= '0' && peek() <= '9')
                ++m_pos;
            return m_pos - from;
        };
        bool valid = true;
        if (peek() == '-')
            ++m_pos;
        const std::size_t intStart = m_pos;
        const std::size_t intDigits = digits();
        if (intDigits == 0 || (intDigits > 1 && m_text[intStart] == '0'))
            valid = false;
        if (!atEnd() && peek() == '.') {
            ++m_pos;
            if (digits() == 0)
                valid = false;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (digits() == 0)
                valid = false;
        }
        // Glued trailing characters ("12abc") belong to the same bad token.
        while (!atEnd() && isWordChar(peek()) && peek() < 0x80) {
            ++m_pos;
            valid = false;
        }
        out.type = JsonType::Number;
        out.text = std::string(m_text.substr(start, m_pos - start));
        out.range = span(start, m_pos);
        if (!valid)
            error(out.range, "invalid number `" + out.text + "`");
        return true;
    }

    /// Reads a string starting at the current quote. Single quotes are read too, with an error.
    bool parseString(std::string &out, SourceRange &range)
    {
        const std::size_t start = m_pos;
        const char quote = m_text[m_pos];
        const SourcePosition begin = position(start);
        ++m_pos;
        out.clear();
        const auto *data = reinterpret_cast<const unsigned char *>(m_text.data());
        const std::size_t size = m_text.size();
        for (;;) {
            // Fast path: copy a run of plain ASCII characters at once.
            std::size_t run = m_pos;
            while (run < size) {
                const unsigned char c = data[run];
                if (c == static_cast<unsigned char>(quote) || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++run;
            }
            out.append(m_text.data() + m_pos, run - m_pos);
            m_pos = run;
            if (atEnd()) {
                range = SourceRange { begin, position(m_pos) };
                return fatal(range, "unterminated string: the text ends before its closing quote");
            }
            const unsigned char c = data[m_pos];
            if (c == static_cast<unsigned char>(quote)) {
                ++m_pos;
                break;
            }
            if (c == '\n') {
                range = SourceRange { begin, position(m_pos) };
                error(range, "unterminated string: a line break comes before its closing quote");
                if (quote == '\'')
                    error(range, "strings must be in double quotes");
                return true;
            }
            if (c == '\\') {
                parseEscape(out);
                continue;
            }
            if (c < 0x20) {
                error(span(m_pos, m_pos + 1), "control character U+" + hex4(c) + " must be escaped in a string");
                out += static_cast<char>(c);
                ++m_pos;
                continue;
            }
            // c >= 0x80: one UTF-8 sequence.
            const std::size_t length = validUtf8Length(m_text, m_pos);
            if (length == 0) {
                error(span(m_pos, m_pos + 1), "invalid UTF-8 byte 0x" + hex2(c) + " in a string");
                out += "\xEF\xBF\xBD";
                ++m_pos;
                continue;
            }
            out.append(m_text.data() + m_pos, length);
            m_pos += length;
        }
        range = SourceRange { begin, position(m_pos) };
        if (quote == '\'')
            error(range, "strings must be in double quotes");
        return true;
    }

    void parseEscape(std::string &out)
    {
        const std::size_t start = m_pos;
        ++m_pos;
        if (atEnd())
            return; // the caller reports the unterminated string
        const char e = m_text[m_pos++];
        switch (e) {
        case '"':
            out += '"';
            return;
        case '\\':
            out += '\\';
            return;
        case '/':
            out += '/';
            return;
        case '\'':
            out += '\'';
            error(span(start, m_pos), "invalid escape `\\'`: a single quote needs no escape");
            return;
        case 'b':
            out += '\b';
            return;
        case 'f':
            out += '\f';
            return;
        case 'n':
            out += '\n';
            return;
        case 'r':
            out += '\r';
            return;
        case 't':
            out += '\t';
            return;
        case 'u':
            break;
        default:
            if (e == '\n') {
                --m_pos; // leave the line break to the string reader
                error(span(start, m_pos), "a backslash ends the line inside a string");
                return;
            }
            error(span(start, m_pos), "invalid escape `\\" + std::string(1, e) + "`");
            out += e;
            return;
        }
        std::uint32_t unit = 0;
        if (!readHex4(unit)) {
            error(span(start, m_pos), "invalid escape: `\\u` needs four hexadecimal digits");
            return;
        }
        std::uint32_t codePoint = unit;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            std::uint32_t low = 0;
            const std::size_t save = m_pos;
            if (m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u') {
                m_pos += 2;
                if (readHex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
                    codePoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                } else {
                    m_pos = save;
                    low = 0;
                }
            }
            if (low == 0) {
                error(span(start, m_pos), "unpaired UTF-16 surrogate `\\u" + hex4(unit) + "`");
                codePoint = 0xFFFD;
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            error(span(start, m_pos), "unpaired UTF-16 surrogate `\\u" + hex4(unit) + "`");
            codePoint = 0xFFFD;
        }
        appendUtf8(out, codePoint);
    }

    bool readHex4(std::uint32_t &value)
    {
        value = 0;
        for (int i = 0; i < 4; ++i) {
            if (atEnd())
                return false;
            const char h = m_text[m_pos];
            int digit = -1;
            if (h >= '0' && h <= '9')
                digit = h - '0';
            else if (h >= 'a' && h <= 'f')
                digit = h - 'a' + 10;
            else if (h >= 'A' && h <= 'F')
                digit = h - 'A' + 10;
            if (digit < 0)
                return false;
            value = value * 16 + static_cast<std::uint32_t>(digit);
            ++m_pos;
        }
        return true;
    }

    bool enter(int depth, std::size_t start)
    {
        if (depth > m_options.maxDepth)
            return fatal(span(start, start + 1),
                "nesting deeper than " + std::to_string(m_options.maxDepth) + " levels is not supported");
        return true;
    }

    /// Reads an object key at the current position; recovers from single quotes and bare words.
    bool parseKey(JsonMember &member)
    {
        const unsigned char c = peek();
        if (c == '"' || c == '\'')
            return parseString(member.key, member.keyRange);
        if (isWordChar(c) && c < 0x80) {
            const std::size_t start = m_pos;
            while (!atEnd() && isWordChar(peek()))
                ++m_pos;
            member.key = std::string(m_text.substr(start, m_pos - start));
            member.keyRange = span(start, m_pos);
            error(member.keyRange, "object keys must be strings in double quotes: `" + member.key + "`");
            return true;
        }
        return fatal(span(m_pos, m_pos + 1), "expected a string key in double quotes");
    }

    void checkDuplicate(JsonValue &object, std::unordered_set<std::string> &seen)
    {
        const JsonMember &added = object.members.back();
        bool duplicate = false;
        if (object.members.size() <= 16) {
            for (std::size_t i = 0; i + 1 < object.members.size(); ++i)
                duplicate = duplicate || object.members[i].key == added.key;
        } else {
            if (seen.empty()) {
                for (std::size_t i = 0; i + 1 < object.members.size(); ++i)
                    seen.insert(object.members[i].key);
            }
            duplicate = !seen.insert(added.key).second;
        }
        // Reported up to maxErrors times: millions of repeated keys must not become millions of findings.
        if (duplicate && m_duplicates <= m_options.maxErrors) {
            m_diagnostics.push_back(makeDiagnostic(CheckCode::DuplicateKeys, added.keyRange,
                ++m_duplicates <= m_options.maxErrors
                    ? "duplicate key `" + added.key + "`: only the last one counts, so the earlier value is ignored"
                    : "duplicate key `" + added.key + "`, and more: further duplicate keys are not reported"));
        }
    }

    enum class Next { More, Closed, Fatal };

    /// The text ended inside the container opened at `opening`.
    bool unterminated(char close, SourcePosition opening)
    {
        return fatal(oneChar(opening),
            close == '}' ? "unterminated object: no `}` matches this `{`"
                         : "unterminated array: no `]` matches this `[`");
    }

    /// After an object member (whose key is `lastKey`) or an array element (`lastKey` null): reads the `,` or the
    /// closing bracket, recovering from a trailing comma and from a missing one.
    Next afterItem(char close, SourcePosition opening, const std::string *lastKey)
    {
        const bool object = close == '}';
        skipSpace();
        if (atEnd()) {
            unterminated(close, opening);
            return Next::Fatal;
        }
        const unsigned char c = peek();
        if (c == ',') {
            const std::size_t comma = m_pos++;
            skipSpace();
            if (!atEnd() && peek() == static_cast<unsigned char>(close)) {
                error(span(comma, comma + 1), std::string("trailing comma before `") + close + "`");
                ++m_pos;
                return Next::Closed;
            }
            return Next::More;
        }
        if (c == static_cast<unsigned char>(close)) {
            ++m_pos;
            return Next::Closed;
        }
        if (object ? (c == '"' || c == '\'') : startsValue(c)) {
            error(span(m_pos, m_pos + 1),
                object ? "missing `,` between object members" : "missing `,` between array elements");
            return Next::More;
        }
        // The message is built only here: afterItem runs once per member and element.
        fatal(span(m_pos, m_pos + 1),
            object ? "expected `,` or `}` after the value of `" + *lastKey + "`"
                   : std::string("expected `,` or `]` in the array"));
        return Next::Fatal;
    }

    /// Steps over the opening bracket of a container; Closed (with its range set) when it is empty.
    Next open(JsonValue &out, JsonType type, char close, int depth)
    {
        const std::size_t start = m_pos;
        if (!enter(depth, start))
            return Next::Fatal;
        out.type = type;
        out.range.begin = position(start);
        ++m_pos;
        skipSpace();
        if (!atEnd() && peek() == static_cast<unsigned char>(close)) {
            ++m_pos;
            out.range.end = position(m_pos);
            return Next::Closed;
        }
        return Next::More;
    }

    bool parseObject(JsonValue &out, int depth)
    {
        const Next first = open(out, JsonType::Object, '}', depth);
        if (first != Next::More)
            return first == Next::Closed;
        std::unordered_set<std::string> seen;
        for (;;) {
            skipSpace();
            if (m_fatal)
                return false;
            if (atEnd())
                return unterminated('}', out.range.begin);
            out.members.emplace_back();
            JsonMember &member = out.members.back();
            if (!parseKey(member))
                return false;
            skipSpace();
            if (atEnd())
                return unterminated('}', out.range.begin);
            if (peek() == ':') {
                ++m_pos;
            } else if (startsValue(peek())) {
                error(span(m_pos, m_pos + 1), "missing `:` after key `" + member.key + "`");
            } else {
                return fatal(span(m_pos, m_pos + 1), "expected `:` after key `" + member.key + "`");
            }
            skipSpace();
            // A list that is a member of the root may be handed out element by element (takeRootListElement).
            if (&out == m_root && m_options.takeRootListElement && !atEnd() && peek() == '[')
                m_listKey = &member.key;
            const bool read = parseValue(member.value, depth);
            m_listKey = nullptr;
            if (!read)
                return false;
            checkDuplicate(out, seen);
            const Next next = afterItem('}', out.range.begin, &out.members.back().key);
            if (next == Next::Fatal)
                return false;
            if (next == Next::Closed)
                break;
        }
        out.range.end = position(m_pos);
        releaseSpare(out.members);
        return true;
    }

    /// Gives back what growth reserved past the last item (up to half the buffer) of a small container: the value
    /// keeps it as long as the document lives, and containers of a few items are most of a document. A large one
    /// keeps its spare room, since moving it to an exact buffer would briefly need both.
    template <typename T> static void releaseSpare(std::vector<T> &items)
    {
        if (items.capacity() > items.size() && items.size() <= 1024)
            items.shrink_to_fit();
    }

    bool parseArray(JsonValue &out, int depth)
    {
        // Set for the array that is the value of a root member, and for none nested in it.
        const std::string *listKey = std::exchange(m_listKey, nullptr);
        const Next first = open(out, JsonType::Array, ']', depth);
        if (first != Next::More)
            return first == Next::Closed;
        for (std::size_t index = 0;; ++index) {
            skipSpace();
            if (m_fatal)
                return false;
            if (atEnd())
                return unterminated(']', out.range.begin);
            if (listKey) {
                JsonValue element;
                if (!parseValue(element, depth))
                    return false;
                if (!m_options.takeRootListElement(*m_root, *listKey, index, element))
                    out.elements.push_back(std::move(element));
            } else {
                out.elements.emplace_back();
                if (!parseValue(out.elements.back(), depth))
                    return false;
            }
            const Next next = afterItem(']', out.range.begin, nullptr);
            if (next == Next::Fatal)
                return false;
            if (next == Next::Closed)
                break;
        }
        out.range.end = position(m_pos);
        releaseSpare(out.elements);
        return true;
    }

    std::string_view m_text;
    const JsonReadOptions &m_options;
    Diagnostics &m_diagnostics;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::size_t m_lineStart = 0;
    std::size_t m_colOffset = 0;
    int m_colValue = 1;
    int m_errors = 0;
    int m_duplicates = 0;
    std::size_t m_values = 0;
    bool m_fatal = false;
    bool m_overBudget = false;
    const JsonValue *m_root = nullptr;
    /// The key of the root member whose value is about to be read, when its elements may be handed out.
    const std::string *m_listKey = nullptr;
};

/// The offset of the comma that makes the text hold more than `maxValues` values, or npos. Each comma outside a
/// double-quoted string separates two values (or members), so a text with N such commas holds at least N + 1 values;
/// counting them costs a fraction of reading, which lets a text of millions of tiny values (`[0,0,0,...]`) be refused
/// before any memory is spent on it. The reader's own count covers what this one cannot see (`[[],[],...]`).
std::size_t commaPastBudget(std::string_view text, std::size_t maxValues)
{
    std::size_t commas = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"' || c == '\n')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == ',' && ++commas >= maxValues) {
            return i;
        }
    }
    return std::string_view::npos;
}

/// The position of `offset` in `text`, counted as the reader counts (lines from 1, columns in code points from 1).
SourcePosition positionOf(std::string_view text, std::size_t offset)
{
    SourcePosition p { 1, 1, offset };
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            lineStart = i + 1;
        }
    }
    for (std::size_t i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++p.column;
    }
    return p;
}

} // namespace

bool JsonReadResult::isExact() const
{
    return value.has_value() && std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return hasCheckCode(d, CheckCode::JsonSyntaxError);
    });
}

JsonReadResult readJson(std::string_view text, const JsonReadOptions &options)
{
    JsonReadResult result;
    if (text.size() > options.maxBytes) {
        result.diagnostics.push_back(
            makeDiagnostic(CheckCode::JsonSyntaxError, SourceRange { { 1, 1, 0 }, { 1, 1, 0 } },
                "the text is " + std::to_string(text.size()) + " bytes; the largest accepted here is "
                    + std::to_string(options.maxBytes) + " bytes"));
        result.refusedForSize = true;
        return result;
    }
    // A text of N bytes holds fewer than N commas: short texts (every policy) skip the count.
    if (const std::size_t comma =
            text.size() > options.maxValues ? commaPastBudget(text, options.maxValues) : std::string_view::npos;
        comma != std::string_view::npos) {
        const SourcePosition begin = positionOf(text, comma);
        result.diagnostics.push_back(makeDiagnostic(CheckCode::JsonSyntaxError,
            SourceRange { begin, { begin.line, begin.column + 1, comma + 1 } }, tooManyValues(options.maxValues)));
        result.refusedForSize = true;
        return result;
    }
    try {
        Reader reader(text, options, result.diagnostics);
        result.value = reader.run();
        if (reader.overBudget()) {
            result.value.reset();
            result.refusedForSize = true;
        }
    } catch (const std::bad_alloc &) {
        // The partial value is gone with the reader's stack, so there is memory again for one diagnostic.
        result.value.reset();
        result.refusedForSize = true;
        result.diagnostics.push_back(
            makeDiagnostic(CheckCode::JsonSyntaxError, SourceRange { { 1, 1, 0 }, { 1, 1, 0 } },
                "out of memory while reading the " + std::to_string(text.size()) + "-byte text"));
    }
    return result;
}

} // namespace rd::core
