// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The line comparison behind "proposed policy beside the current one": rows a reader can follow (same, removed,
// added, changed side by side), the shortest edit script, and bounded work on texts far apart.
#include "SplitMix.h"
#include "rd/core/base/LineDiff.h"

#include <QtTest>

#include <string>

using namespace rd::core;

namespace
{

/// The rows as one letter each: '=' same, '-' removed, '+' added, '~' changed.
QString shape(const LineDiff &diff)
{
    QString out;
    for (const LineDiffRow &row : diff.rows) {
        switch (row.kind) {
        case LineDiffRow::Kind::Same:
            out += u'=';
            break;
        case LineDiffRow::Kind::Removed:
            out += u'-';
            break;
        case LineDiffRow::Kind::Added:
            out += u'+';
            break;
        case LineDiffRow::Kind::Changed:
            out += u'~';
            break;
        }
    }
    return out;
}

std::vector<std::string_view> lettersOf(const std::string &text)
{
    std::vector<std::string_view> lines;
    for (std::size_t i = 0; i < text.size(); ++i)
        lines.push_back(std::string_view(text).substr(i, 1));
    return lines;
}

/// Rebuilds both texts from the rows: every line of each side appears once, in order.
void checkCovers(
    const LineDiff &diff, const std::vector<std::string_view> &before, const std::vector<std::string_view> &after)
{
    std::size_t nextOld = 0;
    std::size_t nextNew = 0;
    for (const LineDiffRow &row : diff.rows) {
        if (row.oldLine) {
            QCOMPARE(*row.oldLine, nextOld);
            ++nextOld;
        }
        if (row.newLine) {
            QCOMPARE(*row.newLine, nextNew);
            ++nextNew;
        }
        if (row.kind == LineDiffRow::Kind::Same)
            QCOMPARE(before[*row.oldLine], after[*row.newLine]);
    }
    QCOMPARE(nextOld, before.size());
    QCOMPARE(nextNew, after.size());
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitLines_data();
    void splitLines();
    void rows_data();
    void rows();
    void shortestScriptOnRandomTexts();
    void farApartTextsAreBounded();
};

void TestLineDiff::splitLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("empty text, no line") << QString() << QStringList();
    QTest::newRow("final newline ends the last line") << "a\nb\n" << QStringList { "a", "b" };
    QTest::newRow("no final newline") << "a\nb" << QStringList { "a", "b" };
    QTest::newRow("CRLF") << "a\r\nb\r\n" << QStringList { "a", "b" };
    QTest::newRow("empty lines kept") << "\n\na\n" << QStringList { "", "", "a" };
}

void TestLineDiff::splitLines()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    const std::string utf8 = text.toStdString();
    QStringList got;
    for (std::string_view line : rd::core::splitLines(utf8))
        got << QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
    QCOMPARE(got, lines);
}

void TestLineDiff::rows_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("rows");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("added");
    QTest::newRow("identical") << "abc"
                               << "abc"
                               << "===" << 0 << 0;
    QTest::newRow("both empty") << ""
                                << ""
                                << "" << 0 << 0;
    QTest::newRow("all added") << ""
                               << "ab"
                               << "++" << 0 << 2;
    QTest::newRow("all removed") << "ab"
                                 << ""
                                 << "--" << 2 << 0;
    QTest::newRow("one line replaced: changed side by side") << "abc"
                                                             << "axc"
                                                             << "=~=" << 1 << 1;
    QTest::newRow("inserted in the middle") << "ac"
                                            << "abc"
                                            << "=+=" << 0 << 1;
    QTest::newRow("removed at the end") << "abc"
                                        << "ab"
                                        << "==-" << 1 << 0;
    QTest::newRow("two removed, one added: one pair, one removed") << "abcd"
                                                                   << "axd"
                                                                   << "=~-=" << 2 << 1;
    // The shortest script keeps the longest common subsequence (Myers' example: ABCABBA to CBABAC, D = 5).
    QTest::newRow("Myers' example, 5 edits") << "ABCABBA"
                                             << "CBABAC"
                                             << "" << -1 << -1;
}

void TestLineDiff::rows()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, rows);
    QFETCH(int, removed);
    QFETCH(int, added);
    const std::string a = before.toStdString();
    const std::string b = after.toStdString();
    const auto aLines = lettersOf(a);
    const auto bLines = lettersOf(b);
    const LineDiff diff = diffLines(aLines, bLines);
    checkCovers(diff, aLines, bLines);
    QVERIFY(!diff.approximate);
    if (removed < 0) {
        QCOMPARE(diff.removedLines + diff.addedLines, std::size_t { 5 });
        return;
    }
    QCOMPARE(shape(diff), rows);
    QCOMPARE(diff.removedLines, std::size_t(removed));
    QCOMPARE(diff.addedLines, std::size_t(added));
    QCOMPARE(diff.identical(), removed == 0 && added == 0);
}

void TestLineDiff::shortestScriptOnRandomTexts()
{
    // The edit count equals |a| + |b| - 2 LCS(a, b), the LCS computed here by the textbook table.
    rd::test::SplitMix random { 20261207 };
    for (int round = 0; round < 300; ++round) {
        std::string a;
        std::string b;
        const std::size_t lengthA = random.below(14);
        const std::size_t lengthB = random.below(14);
        for (std::size_t i = 0; i < lengthA; ++i)
            a += static_cast<char>('a' + random.below(3));
        for (std::size_t i = 0; i < lengthB; ++i)
            b += static_cast<char>('a' + random.below(3));
        std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j)
                lcs[i][j] = a[i - 1] == b[j - 1] ? lcs[i - 1][j - 1] + 1 : std::max(lcs[i - 1][j], lcs[i][j - 1]);
        const auto aLines = lettersOf(a);
        const auto bLines = lettersOf(b);
        const LineDiff diff = diffLines(aLines, bLines);
        checkCovers(diff, aLines, bLines);
        QCOMPARE(diff.removedLines + diff.addedLines, a.size() + b.size() - 2 * lcs[a.size()][b.size()]);
    }
}

void TestLineDiff::farApartTextsAreBounded()
{
    // Two texts with nothing in common beyond the bound: every line removed then added, marked approximate.
    std::vector<std::string> oldText;
    std::vector<std::string> newText;
    for (int i = 0; i < 300; ++i) {
        oldText.push_back("old " + std::to_string(i));
        newText.push_back("new " + std::to_string(i));
    }
    std::vector<std::string_view> a(oldText.begin(), oldText.end());
    std::vector<std::string_view> b(newText.begin(), newText.end());
    a.insert(a.begin(), "same head");
    b.insert(b.begin(), "same head");
    const LineDiff bounded = diffLines(a, b, 100);
    QVERIFY(bounded.approximate);
    checkCovers(bounded, a, b);
    QCOMPARE(bounded.removedLines, std::size_t { 300 });
    QCOMPARE(bounded.addedLines, std::size_t { 300 });
    QCOMPARE(bounded.rows.front().kind, LineDiffRow::Kind::Same);
    const LineDiff exact = diffLines(a, b);
    QVERIFY(!exact.approximate);
    QCOMPARE(exact.removedLines, std::size_t { 300 });
}

QTEST_APPLESS_MAIN(TestLineDiff)
#include "TestLineDiff.moc"
