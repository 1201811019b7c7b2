// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/base/CheckCodes.h"
#include "rd/core/json/JsonReader.h"

#include <QtTest>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace rd::core;

class TestJsonReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsValuesWithRanges();
    void syntaxErrors_data();
    void syntaxErrors();
    void reportsSeveralErrorsInOnePass();
    void hostileInput_data();
    void hostileInput();
    void readsHugeStrings();
    void refusesTextsOverTheLimit();
    void refusesTextsOfTooManyValuesBeforeReading();
    void refusesTextsOfTooManyValuesWhileReading_data();
    void refusesTextsOfTooManyValuesWhileReading();
    void reportsDuplicateKeysUpToTheErrorLimit();
    void handsOutTheElementsOfRootListsOneByOne();
    void handsOutNothingOfARootThatIsNotAnObject();
    void decodesEscapes();
    void countsColumnsInCodePoints();
    void namesUtf16AndUtf32Texts_data();
    void namesUtf16AndUtf32Texts();
};

namespace
{

/// ASCII `text` in a wide encoding: each character as `width` bytes, little- or big-endian, after `bom` when set.
std::string widen(std::string_view text, int width, bool littleEndian, bool bom)
{
    std::string out;
    auto unit = [&](unsigned value) {
        for (int i = 0; i < width; ++i) {
            const int shift = littleEndian ? 8 * i : 8 * (width - 1 - i);
            out += static_cast<char>((value >> shift) & 0xFF);
        }
    };
    if (bom)
        unit(0xFEFF);
    for (const char c : text)
        unit(static_cast<unsigned char>(c));
    return out;
}

} // namespace

void TestJsonReader::readsValuesWithRanges()
{
    const std::string text = "{\n  \"a\": [1, true, null],\n  \"b\": \"x\"\n}";
    JsonReadResult r = readJson(text);
    QVERIFY(r.isExact());
    const JsonValue &root = *r.value;
    QCOMPARE(root.members.size(), std::size_t(2));
    const JsonValue &a = root.members[0].value;
    QCOMPARE(a.elements.size(), std::size_t(3));
    QCOMPARE(a.range.begin.line, 2);
    QCOMPARE(a.range.begin.column, 8);
    QCOMPARE(text.substr(a.range.begin.offset, a.range.length()), std::string("[1, true, null]"));
    QCOMPARE(a.elements[0].text, std::string("1"));
    QVERIFY(a.elements[1].boolean);
    QVERIFY(a.elements[2].isNull());
    QCOMPARE(root.members[1].keyRange.begin.line, 3);
    QCOMPARE(
        text.substr(root.members[1].keyRange.begin.offset, root.members[1].keyRange.length()), std::string("\"b\""));
    QCOMPARE(root.range.end.offset, text.size());
}

void TestJsonReader::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("underlined");
    QTest::addColumn<bool>("hasValue");

    // RFC 8259 grammar: each row is a mistake, its message, and the exact text the editor underlines.
    QTest::addRow("a trailing comma in an object is reported and skipped") << "{\"a\": 1,}"
                                                                           << "trailing comma before `}`"
                                                                           << "," << true;
    QTest::addRow("a trailing comma in an array is reported and skipped") << "[1, 2,]"
                                                                          << "trailing comma before `]`"
                                                                          << "," << true;
    QTest::addRow("a missing comma between members is reported and inserted") << "{\"a\": 1 \"b\": 2}"
                                                                              << "missing `,` between object members"
                                                                              << "\"" << true;
    QTest::addRow("a missing colon is reported") << "{\"a\" 1}"
                                                 << "missing `:` after key `a`"
                                                 << "1" << true;
    QTest::addRow("single-quoted strings are read with an error") << "{'a': 1}"
                                                                  << "strings must be in double quotes"
                                                                  << "'a'" << true;
    QTest::addRow("unquoted words are read as strings with an error")
        << "{\"Effect\": Allow}"
        << "unexpected `Allow`: strings must be in double quotes"
        << "Allow" << true;
    QTest::addRow("comments are reported and skipped") << "{\"a\": 1 // note\n}"
                                                       << "comments are not allowed in JSON"
                                                       << "// note" << true;
    QTest::addRow("an invalid number is reported") << "[01]"
                                                   << "invalid number `01`"
                                                   << "01" << true;
    QTest::addRow("an invalid escape is reported") << "[\"a\\qb\"]"
                                                   << "invalid escape `\\q`"
                                                   << "\\q" << true;
    QTest::addRow("a string cut by a line break is reported")
        << "[\"abc\n]"
        << "unterminated string: a line break comes before its closing quote"
        << "\"abc" << true;
    QTest::addRow("an unclosed object is fatal") << "{\"a\": 1"
                                                 << "unterminated object: no `}` matches this `{`"
                                                 << "{" << false;
    QTest::addRow("an empty document is reported") << "   "
                                                   << "the document is empty: expected a JSON value"
                                                   << "" << false;
    QTest::addRow("text after the value is reported") << "{} x"
                                                      << "unexpected text after the end of the JSON value"
                                                      << "x" << true;
    QTest::addRow("a lone UTF-16 surrogate escape is reported") << "[\"\\ud800\"]"
                                                                << "unpaired UTF-16 surrogate `\\uD800`"
                                                                << "\\ud800" << true;
    QTest::addRow("an unescaped control character is reported")
        << "[\"a\tb\"]"
        << "control character U+0009 must be escaped in a string"
        << "\t" << true;
}

void TestJsonReader::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(QString, underlined);
    QFETCH(bool, hasValue);
    const std::string input = text.toStdString();
    JsonReadResult r = readJson(input);
    QVERIFY(!r.diagnostics.empty());
    const Diagnostic &d = r.diagnostics.front();
    QCOMPARE(d.code, std::string("JSON_SYNTAX_ERROR"));
    QCOMPARE(QString::fromStdString(d.message), message);
    QCOMPARE(QString::fromStdString(input.substr(d.range.begin.offset, d.range.length())), underlined);
    QCOMPARE(r.value.has_value(), hasValue);
    QVERIFY(!r.isExact());
}

void TestJsonReader::reportsSeveralErrorsInOnePass()
{
    const std::string text = "{\n  \"a\": 1,\n  'b': 2\n  \"c\": [1 2,],\n}";
    JsonReadResult r = readJson(text);
    QVERIFY(r.value.has_value());
    QStringList messages;
    for (const Diagnostic &d : r.diagnostics)
        messages << QString::fromStdString(d.message);
    QCOMPARE(messages,
        QStringList({ "strings must be in double quotes", "missing `,` between object members",
            "missing `,` between array elements", "trailing comma before `]`", "trailing comma before `}`" }));
    QCOMPARE(r.diagnostics[1].range.begin.line, 4);
}

void TestJsonReader::hostileInput_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::addRow("nesting 100000 levels deep is refused, not a stack overflow")
        << QByteArray(100000, '[') << "nesting deeper than 128 levels is not supported";
    QTest::addRow("an invalid UTF-8 byte in a string is reported")
        << QByteArray("[\"a\xff\"]") << "invalid UTF-8 byte 0xFF in a string";
    QTest::addRow("an overlong UTF-8 sequence is reported")
        << QByteArray("[\"\xc0\xaf\"]") << "invalid UTF-8 byte 0xC0 in a string";
    QTest::addRow("an encoded UTF-16 surrogate is reported")
        << QByteArray("[\"\xed\xa0\x80\"]") << "invalid UTF-8 byte 0xED in a string";
    QTest::addRow("a NUL byte outside strings is reported")
        << QByteArray("{\"a\": 1}\0", 9) << "unexpected text after the end of the JSON value";
    QTest::addRow("binary garbage is reported")
        << QByteArray("\x89PNG\r\n\x1a\n") << "unexpected character: expected a value";
}

void TestJsonReader::hostileInput()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    JsonReadResult r = readJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QVERIFY(!r.diagnostics.empty());
    QCOMPARE(QString::fromStdString(r.diagnostics.front().message), message);
}

void TestJsonReader::readsHugeStrings()
{
    std::string text = "{\"a\": \"";
    text.append(std::size_t { 64 } << 20, 'x');
    text += "\"}";
    JsonReadResult r = readJson(text);
    QVERIFY(r.isExact());
    QCOMPARE(r.value->members[0].value.text.size(), std::size_t { 64 } << 20);
    QCOMPARE(r.value->members[0].value.range.end.column, static_cast<int>((std::size_t { 64 } << 20) + 9));
}

void TestJsonReader::refusesTextsOverTheLimit()
{
    JsonReadOptions options;
    options.maxBytes = 16;
    JsonReadResult r = readJson("[\"more than sixteen bytes\"]", options);
    QVERIFY(!r.value);
    QVERIFY(r.refusedForSize);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].message, std::string("the text is 27 bytes; the largest accepted here is 16 bytes"));
}

void TestJsonReader::refusesTextsOfTooManyValuesBeforeReading()
{
    // Five million zeros, 10 MB of text that would take over 600 MB once read: the separators alone say it is too many.
    std::string text = "[";
    for (int i = 0; i < 5'000'000; ++i)
        text += "0,";
    text += "0]";
    JsonReadOptions options;
    options.maxValues = 1'000'000;
    JsonReadResult r = readJson(text, options);
    QVERIFY(!r.value);
    QVERIFY(r.refusedForSize);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QVERIFY(hasCheckCode(r.diagnostics[0], CheckCode::JsonSyntaxError));
    QCOMPARE(r.diagnostics[0].message,
        std::string("the text holds more than 1000000 JSON values, more than can be held in memory here"));
    // At the millionth comma, which is the one after the millionth value.
    QCOMPARE(r.diagnostics[0].range.begin.offset, std::size_t { 2'000'000 });
    QCOMPARE(r.diagnostics[0].range.begin.line, 1);
    QCOMPARE(r.diagnostics[0].range.begin.column, 2'000'001);

    // The default budget has room for the largest realistic input (docs/VALIDATION.md, JSON_SYNTAX_ERROR); at the
    // budget exactly, a text is read.
    QCOMPARE(JsonReadOptions {}.maxValues, std::size_t { 10'000'000 });
    text.resize(200'001);
    text += "0]"; // 100,001 zeros and the array
    options.maxValues = 100'002;
    r = readJson(text, options);
    QVERIFY(r.isExact());
    QCOMPARE(r.value->elements.size(), std::size_t { 100'001 });
    QVERIFY(!r.refusedForSize);
}

void TestJsonReader::refusesTextsOfTooManyValuesWhileReading_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("maxValues");
    QTest::addColumn<int>("refusedAt"); // the offset of the first value past the budget; -1 when read
    // Empty containers take fewer separators than values: 13 values, 7 commas.
    const QString nested = QStringLiteral("[[[],[]],[[],[]],[[],[]],[[],[]]]");
    QTest::newRow("nested arrays, one value short") << nested << 12 << 29;
    QTest::newRow("nested arrays, at the budget") << nested << 13 << -1;
    QTest::newRow("nested arrays, a budget of ten") << nested << 10 << 25;
    // An object member is one value: the object and its two members are three.
    const QString object = QStringLiteral(R"({"a": {}, "b": []})");
    QTest::newRow("object members, one short") << object << 2 << 15;
    QTest::newRow("object members, at the budget") << object << 3 << -1;
}

void TestJsonReader::refusesTextsOfTooManyValuesWhileReading()
{
    QFETCH(QString, text);
    QFETCH(int, maxValues);
    QFETCH(int, refusedAt);
    JsonReadOptions options;
    options.maxValues = static_cast<std::size_t>(maxValues);
    const JsonReadResult r = readJson(text.toStdString(), options);
    if (refusedAt < 0) {
        QVERIFY(r.isExact());
        QVERIFY(!r.refusedForSize);
        return;
    }
    QVERIFY(!r.value);
    QVERIFY(r.refusedForSize);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].message,
        "the text holds more than " + std::to_string(maxValues) + " JSON values, more than can be held in memory here");
    QCOMPARE(r.diagnostics[0].range.begin.offset, static_cast<std::size_t>(refusedAt));
}

void TestJsonReader::reportsDuplicateKeysUpToTheErrorLimit()
{
    std::string text = "{\"a\": 0";
    for (int i = 0; i < 60; ++i)
        text += ", \"a\": 0";
    text += "}";
    const JsonReadResult r = readJson(text);
    QVERIFY(r.isExact());
    QCOMPARE(r.value->members.size(), std::size_t { 61 });
    QCOMPARE(r.diagnostics.size(), std::size_t { 51 });
    QVERIFY(std::all_of(r.diagnostics.begin(), r.diagnostics.end(),
        [](const Diagnostic &d) { return hasCheckCode(d, CheckCode::DuplicateKeys); }));
    QCOMPARE(r.diagnostics.back().message,
        std::string("duplicate key `a`, and more: further duplicate keys are not reported"));
}

void TestJsonReader::handsOutTheElementsOfRootListsOneByOne()
{
    // A workspace or GAAD file is mostly long lists at its root: they are read element by element so that the whole
    // file never has to be held as JSON.
    const std::string text =
        R"({"format": "x", "roles": [{"a": 1}, {"b": [1, 2]}, 3], "keep": [[1], [2]], "n": {"inner": [1, 2]}})";
    struct Offer {
        std::string key;
        std::size_t index;
        std::size_t rootMembers;
        std::string firstMember;
    };
    std::vector<Offer> offers;
    JsonReadOptions options;
    options.takeRootListElement = [&](const JsonValue &root, std::string_view key, std::size_t index,
                                      JsonValue &element) {
        offers.push_back({ std::string(key), index, root.members.size(), root.members.front().key });
        if (key == "roles" && index == 1) {
            // Offered whole, nested arrays included.
            const JsonValue *b = element.find("b");
            if (!b || b->elements.size() != 2)
                return false;
        }
        return key == "roles" && element.isObject();
    };
    const JsonReadResult r = readJson(text, options);
    QVERIFY(r.isExact());
    QCOMPARE(offers.size(), std::size_t { 5 });
    QCOMPARE(offers[0].key, std::string("roles"));
    QCOMPARE(offers[0].index, std::size_t { 0 });
    // The members before the list are there, complete; the list is the last one.
    QCOMPARE(offers[0].rootMembers, std::size_t { 2 });
    QCOMPARE(offers[0].firstMember, std::string("format"));
    QCOMPARE(offers[2].index, std::size_t { 2 });
    QCOMPARE(offers[3].key, std::string("keep"));
    QCOMPARE(offers[4].index, std::size_t { 1 });
    // Taken elements are gone from the result, refused ones stay; nested lists are never offered.
    const JsonValue *roles = r.value->find("roles");
    QVERIFY(roles && roles->isArray());
    QCOMPARE(roles->elements.size(), std::size_t { 1 });
    QCOMPARE(roles->elements[0].text, std::string("3"));
    QVERIFY(roles->range.isValid());
    QCOMPARE(r.value->find("keep")->elements.size(), std::size_t { 2 });
    QCOMPARE(r.value->find("n")->find("inner")->elements.size(), std::size_t { 2 });

    // A text with an error after the elements were taken is still reported as not exact, so the taker drops them.
    offers.clear();
    const JsonReadResult broken = readJson(R"({"roles": [{"a": 1}, {"a": 2}], "x": })", options);
    QCOMPARE(offers.size(), std::size_t { 2 });
    QVERIFY(!broken.isExact());
}

void TestJsonReader::handsOutNothingOfARootThatIsNotAnObject()
{
    int offers = 0;
    JsonReadOptions options;
    options.takeRootListElement = [&](const JsonValue &, std::string_view, std::size_t, JsonValue &) {
        ++offers;
        return true;
    };
    const JsonReadResult r = readJson("[[1, 2], {\"a\": [3]}]", options);
    QVERIFY(r.isExact());
    QCOMPARE(offers, 0);
    QCOMPARE(r.value->elements.size(), std::size_t { 2 });
}

void TestJsonReader::decodesEscapes()
{
    JsonReadResult r = readJson(R"(["\u00e9\ud83d\ude00\n\"\\\/"])");
    QVERIFY(r.isExact());
    QCOMPARE(r.value->elements[0].text, std::string("\xc3\xa9\xf0\x9f\x98\x80\n\"\\/"));
}

void TestJsonReader::countsColumnsInCodePoints()
{
    // "é" is two bytes but one column; the offset stays in bytes for editors.
    const std::string text = "{\"\xc3\xa9\": x}";
    JsonReadResult r = readJson(text);
    QCOMPARE(r.diagnostics.size(), std::size_t(1));
    QCOMPARE(r.diagnostics[0].range.begin.column, 7);
    QCOMPARE(r.diagnostics[0].range.begin.offset, std::size_t(7));
}

void TestJsonReader::namesUtf16AndUtf32Texts_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("littleEndian");
    QTest::addColumn<QString>("name");
    QTest::addRow("UTF-16 little-endian, as Windows Notepad saves \"Unicode\"")
        << 2 << true << "UTF-16 (little-endian)";
    QTest::addRow("UTF-16 big-endian") << 2 << false << "UTF-16 (big-endian)";
    QTest::addRow("UTF-32 little-endian") << 4 << true << "UTF-32 (little-endian)";
    QTest::addRow("UTF-32 big-endian") << 4 << false << "UTF-32 (big-endian)";
}

void TestJsonReader::namesUtf16AndUtf32Texts()
{
    QFETCH(int, width);
    QFETCH(bool, littleEndian);
    QFETCH(QString, name);
    const std::string_view json = R"({"Version": "2012-10-17"})";
    // With a byte order mark, and without one (told by the NUL bytes around the first ASCII characters).
    for (const bool bom : { true, false }) {
        const JsonReadResult r = readJson(widen(json, width, littleEndian, bom));
        QVERIFY(!r.value);
        QCOMPARE(r.diagnostics.size(), std::size_t { 1 });
        QCOMPARE(QString::fromStdString(r.diagnostics.front().message),
            QStringLiteral("the file is %1; save it as UTF-8").arg(name));
        QCOMPARE(r.diagnostics.front().range.begin.line, 1);
    }
    // UTF-8, with or without its byte order mark, is read.
    QVERIFY(readJson(json).isExact());
    QVERIFY(readJson("\xEF\xBB\xBF" + std::string(json)).isExact());
}

QTEST_APPLESS_MAIN(TestJsonReader)
#include "TestJsonReader.moc"
