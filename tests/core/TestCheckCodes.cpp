// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The check table (rd/core/base/CheckCodes.h) against everything that repeats it: the examples of
// tests/data/validation/ (a failing row with the table's finding type and a passing row for every code;
// TestPolicyChecks runs them), the entries of docs/VALIDATION.md (a heading, the finding type, the source), and the
// sources of core (diagnostics are made only through the table, and no other code string appears in them).
#include "rd/core/base/CheckCodes.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace rd::core;

namespace
{

/// One row of an example file.
struct Example {
    std::string file;
    std::string name;
    std::string code;
    bool pass = false;
    std::string severity;
};

} // namespace

class TestCheckCodes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tableIsWellFormed();
    void tableHasARowPerEnumerator();
    void everyCodeHasAFailingAndAPassingExample_data();
    void everyCodeHasAFailingAndAPassingExample();
    void everyExampleNamesACodeOfItsInput();
    void everyCodeIsDocumented();
    void everyDocumentedCodeIsInTheTable();
    void coreMakesDiagnosticsOnlyThroughTheTable();

private:
    std::vector<Example> m_examples;
    std::string m_doc;
};

namespace
{

const std::filesystem::path kSourceDir = RD_SOURCE_DIR;
const std::filesystem::path kValidationData = std::filesystem::path(RD_TEST_DATA_DIR) / "validation";
const std::filesystem::path kValidationDoc = kSourceDir / "docs" / "VALIDATION.md";

/// The file's text; fails the calling test, naming the file, when it cannot be read.
bool readText(const std::filesystem::path &path, std::string &out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read %1").arg(QString::fromStdString(path.string()))), __FILE__,
            __LINE__);
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

std::string_view dataFile(CheckInput input)
{
    switch (input) {
    case CheckInput::Policy:
        return "checks.jsonl";
    case CheckInput::Role:
        return "roles.jsonl";
    case CheckInput::File:
        return "files.jsonl";
    }
    return "checks.jsonl";
}

/// Every row of the three example files; fails the calling test when one is missing or has a line that is not a row.
bool readExamples(std::vector<Example> &out)
{
    for (CheckInput input : { CheckInput::Policy, CheckInput::Role, CheckInput::File }) {
        const std::string file(dataFile(input));
        std::string text;
        if (!readText(kValidationData / file, text))
            return false;
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.find_first_not_of(" \t\r") == std::string::npos)
                continue;
            const auto row = nlohmann::json::parse(line, nullptr, false);
            if (row.is_discarded() || !row.is_object() || !row.contains("code") || !row.contains("name")) {
                QTest::qFail(qPrintable(QString::fromStdString(file + ": not a row: " + line)), __FILE__, __LINE__);
                return false;
            }
            Example e { file, row.at("name").get<std::string>(), row.at("code").get<std::string>(),
                row.value("pass", false), row.value("severity", std::string()) };
            out.push_back(std::move(e));
        }
    }
    return true;
}

/// The entries of docs/VALIDATION.md by heading text: each `#### X` with the text up to the next heading.
std::map<std::string, std::string> docEntries(const std::string &doc)
{
    std::map<std::string, std::string> entries;
    std::istringstream lines(doc);
    std::string line;
    std::string *current = nullptr;
    while (std::getline(lines, line)) {
        if (line.rfind("#", 0) == 0) {
            current = line.rfind("#### ", 0) == 0 ? &entries[line.substr(5)] : nullptr;
            continue;
        }
        if (current)
            *current += line + "\n";
    }
    return entries;
}

bool isCodeString(std::string_view text)
{
    static const std::regex pattern("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    return std::regex_match(text.begin(), text.end(), pattern);
}

} // namespace

void TestCheckCodes::initTestCase()
{
    QVERIFY(readExamples(m_examples));
    QVERIFY(readText(kValidationDoc, m_doc));
}

void TestCheckCodes::tableIsWellFormed()
{
    std::set<std::pair<std::string_view, Severity>> rows;
    std::set<std::string> anchors;
    for (const CheckInfo &check : checkTable()) {
        const QString code = QString::fromUtf8(check.code.data(), static_cast<qsizetype>(check.code.size()));
        QVERIFY2(isCodeString(check.code), qPrintable(code));
        QVERIFY2(rows.emplace(check.code, check.severity).second, qPrintable(code + " is in the table twice"));
        QVERIFY2(&checkInfo(check.id) == &check, qPrintable(code));
        QVERIFY2(findCheck(check.code) && findCheck(check.code)->code == check.code, qPrintable(code));
        QVERIFY2(!check.title.empty() && check.title.find('\n') == std::string_view::npos, qPrintable(code));
        anchors.insert(documentationAnchor(check));
        if (check.isAccessAnalyzerCode()) {
            QVERIFY2(check.sourceUrl.empty(), qPrintable(code + ": Access Analyzer's page is its source"));
            QVERIFY2(learnMoreUrl(check).find("#access-analyzer-reference-policy-checks-") != std::string::npos,
                qPrintable(code));
        } else {
            QVERIFY2(check.sourceUrl.empty() || check.sourceUrl.rfind("https://", 0) == 0, qPrintable(code));
            QCOMPARE(learnMoreUrl(check), std::string(check.sourceUrl));
        }
        const Diagnostic d = makeDiagnostic(check.id, SourceRange {}, "message");
        QCOMPARE(d.code, std::string(check.code));
        QCOMPARE(d.severity, check.severity);
        QCOMPARE(d.learnMoreUrl, learnMoreUrl(check));
        QVERIFY(hasCheckCode(d, check.id));
    }
    // One anchor per code string: the rows that share a code share its entry.
    std::set<std::string_view> codes;
    for (const CheckInfo &check : checkTable())
        codes.insert(check.code);
    QCOMPARE(anchors.size(), codes.size());
    QVERIFY(!findCheck("NO_SUCH_CHECK"));
}

void TestCheckCodes::tableHasARowPerEnumerator()
{
    // The compiler checks that the rows follow the enum's order; an enumerator added after the last row only shows
    // here, by counting the enumerators in the header.
    std::string header;
    if (!readText(kSourceDir / "core/include/rd/core/base/CheckCodes.h", header))
        return;
    const std::size_t begin = header.find("enum class CheckCode {");
    QVERIFY(begin != std::string::npos);
    const std::size_t end = header.find("};", begin);
    QVERIFY(end != std::string::npos);
    const std::string body = header.substr(begin, end - begin);
    static const std::regex enumerator(R"(\n\s+([A-Z]\w*),)");
    const auto count =
        std::distance(std::sregex_iterator(body.begin(), body.end(), enumerator), std::sregex_iterator());
    QCOMPARE(static_cast<std::size_t>(count), checkTable().size());
}

void TestCheckCodes::everyCodeHasAFailingAndAPassingExample_data()
{
    QTest::addColumn<int>("index");
    for (const CheckInfo &check : checkTable())
        QTest::addRow("%s %s", check.code.data(), severityName(check.severity).data()) << static_cast<int>(check.id);
}

void TestCheckCodes::everyCodeHasAFailingAndAPassingExample()
{
    QFETCH(int, index);
    const CheckInfo &check = checkInfo(static_cast<CheckCode>(index));
    const std::string file(dataFile(check.input));
    bool failing = false;
    bool passing = false;
    for (const Example &e : m_examples) {
        if (e.file != file || e.code != check.code)
            continue;
        passing = passing || e.pass;
        failing = failing || (!e.pass && e.severity == severityName(check.severity));
    }
    QVERIFY2(failing,
        qPrintable(QString::fromStdString(file + " has no failing row for " + std::string(check.code) + " with "
            + std::string(severityName(check.severity)))));
    QVERIFY2(passing, qPrintable(QString::fromStdString(file + " has no passing row for " + std::string(check.code))));
}

void TestCheckCodes::everyExampleNamesACodeOfItsInput()
{
    QVERIFY(m_examples.size() >= 2 * checkTable().size());
    std::set<std::string> names;
    for (const Example &e : m_examples) {
        const QString where = QString::fromStdString(e.file + ": " + e.name);
        QVERIFY2(names.insert(e.file + e.name).second, qPrintable(where + ": the name is used twice"));
        QVERIFY2(e.name.rfind(e.code + ": ", 0) == 0, qPrintable(where + ": the name starts with the code"));
        bool known = false;
        for (const CheckInfo &check : checkTable()) {
            if (check.code != e.code)
                continue;
            known =
                known || (dataFile(check.input) == e.file && (e.pass || e.severity == severityName(check.severity)));
        }
        QVERIFY2(known, qPrintable(where + ": the code, its input or its finding type is not the table's"));
    }
}

void TestCheckCodes::everyCodeIsDocumented()
{
    const std::map<std::string, std::string> entries = docEntries(m_doc);
    for (const CheckInfo &check : checkTable()) {
        const std::string code(check.code);
        const auto it = entries.find(code);
        QVERIFY2(
            it != entries.end(), qPrintable(QString::fromStdString("docs/VALIDATION.md has no `#### " + code + "`")));
        const std::string &entry = it->second;
        const std::string severity = "**" + std::string(severityName(check.severity)) + "**";
        QVERIFY2(entry.find(severity) != std::string::npos,
            qPrintable(QString::fromStdString("the entry of " + code + " does not say " + severity)));
        QVERIFY2(entry.find("\nSource: ") != std::string::npos || entry.rfind("Source: ", 0) == 0,
            qPrintable(QString::fromStdString("the entry of " + code + " names no source")));
        const std::string link = learnMoreUrl(check);
        QVERIFY2(link.empty() || entry.find(link) != std::string::npos,
            qPrintable(QString::fromStdString("the entry of " + code + " does not link to " + link)));
    }
}

void TestCheckCodes::everyDocumentedCodeIsInTheTable()
{
    for (const auto &[heading, entry] : docEntries(m_doc)) {
        if (isCodeString(heading))
            QVERIFY2(
                findCheck(heading), qPrintable(QString::fromStdString(heading + " is documented but not a check")));
    }
}

void TestCheckCodes::coreMakesDiagnosticsOnlyThroughTheTable()
{
    // Diagnostic's own factories would bypass the table's finding types; a code string written anywhere but the
    // table would be a code the table does not know.
    static const std::regex factory(R"(Diagnostic::(error|securityWarning|warning|suggestion)\s*\()");
    static const std::regex literal(R"re("([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)")re");
    // Words of that shape that are not codes: a finding type, and the AWS Organizations API's policy types
    // (Organization.cpp reads and writes them).
    const std::set<std::string> severities { "SECURITY_WARNING", "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY" };
    int files = 0;
    for (const char *dir : { "core", "ui", "app" }) {
        for (const auto &entry : std::filesystem::recursive_directory_iterator(kSourceDir / dir)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h"))
                continue;
            const std::string relative = std::filesystem::relative(entry.path(), kSourceDir).generic_string();
            std::string text;
            if (!readText(entry.path(), text))
                return;
            ++files;
            std::smatch m;
            if (relative != "core/src/base/Diagnostic.cpp" && std::regex_search(text, m, factory))
                QFAIL(qPrintable(QString::fromStdString(relative + " calls " + m.str(0) + ": use makeDiagnostic")));
            if (relative.rfind("core/", 0) != 0 || relative == "core/src/base/CheckCodes.cpp")
                continue;
            for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator();
                 ++it) {
                const std::string code = (*it)[1].str();
                QVERIFY2(severities.count(code) || findCheck(code),
                    qPrintable(QString::fromStdString(relative + " names " + code + ", which is not in the table")));
            }
        }
    }
    QVERIFY(files > 100);
}

QTEST_APPLESS_MAIN(TestCheckCodes)
#include "TestCheckCodes.moc"
