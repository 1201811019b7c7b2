// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/PolicyJsonEditor.h"

#include "document/StringConversion.h"
#include "rd/core/catalog/ServiceCatalog.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QPalette>
#include <QToolTip>

#include <algorithm>

namespace rd::ui
{

using doc::toQString;

namespace
{
// Indicator numbers 8 and up are free for containers (Scintilla reserves 0-7 for lexers).
constexpr int kErrorIndicator = 8;
constexpr int kSecurityIndicator = 9;
constexpr int kWarningIndicator = 10;
constexpr int kSuggestionIndicator = 11;

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

bool isKeyCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char(':') || c == QLatin1Char('-') || c == QLatin1Char('*')
        || c == QLatin1Char('_') || c == QLatin1Char('/') || c == QLatin1Char('.');
}
} // namespace

PolicyJsonEditor::PolicyJsonEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setObjectName(QStringLiteral("policyJsonEditor"));
    setUtf8(true);
    auto *lexer = new QsciLexerJSON(this);
    lexer->setFoldCompact(false);
    setLexer(lexer);
    setMarginType(0, QsciScintilla::NumberMargin);
    setMarginLineNumbers(0, true);
    setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    setIndentationsUseTabs(false);
    setIndentationWidth(2);
    setTabWidth(2);
    setAutoIndent(true);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    // Long lines (ARNs, condition keys) wrap, indented under their start (the margin numbers only their first part),
    // rather than run past the right edge: the text sits beside the form and is read more than scrolled.
    setWrapMode(QsciScintilla::WrapCharacter);
    setWrapIndentMode(QsciScintilla::WrapIndentIndented);
    setScrollWidthTracking(true);
    setScrollWidth(1);

    // One history: the editor keeps none, and its undo keys are left to the window's Edit menu.
    SendScintilla(SCI_SETUNDOCOLLECTION, 0UL);
    for (QsciCommand::Command command : { QsciCommand::Undo, QsciCommand::Redo }) {
        if (QsciCommand *c = standardCommands()->find(command)) {
            c->setKey(0);
            c->setAlternateKey(0);
        }
    }

    indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    indicatorDefine(QsciScintilla::SquiggleIndicator, kSecurityIndicator);
    indicatorDefine(QsciScintilla::SquiggleIndicator, kWarningIndicator);
    indicatorDefine(QsciScintilla::DotsIndicator, kSuggestionIndicator);
    setIndicatorForegroundColor(QColor(0xd0, 0x21, 0x21), kErrorIndicator);
    setIndicatorForegroundColor(QColor(0xb0, 0x30, 0xc0), kSecurityIndicator);
    setIndicatorForegroundColor(QColor(0xd8, 0x8a, 0x00), kWarningIndicator);
    setIndicatorForegroundColor(QColor(0x30, 0x80, 0xd0), kSuggestionIndicator);

    SendScintilla(SCI_SETMOUSEDWELLTIME, 400UL);
    SendScintilla(SCI_AUTOCSETIGNORECASE, 1UL);
    SendScintilla(SCI_AUTOCSETSEPARATOR, static_cast<unsigned long>('\n'));
    SendScintilla(SCI_AUTOCSETORDER, 1UL); // SC_ORDER_PERFORMSORT
    SendScintilla(SCI_AUTOCSETMAXHEIGHT, 12UL);
    SendScintilla(SCI_AUTOCSTOPS, static_cast<const char *>("\","));
    applyPalette();

    connect(this, &QsciScintilla::linesChanged, this, &PolicyJsonEditor::fitLineNumberMargin);
    connect(this, &QsciScintilla::textChanged, this, [this] {
        if (!m_settingText)
            Q_EMIT textEdited();
    });
    connect(this, &QsciScintillaBase::SCN_CHARADDED, this, &PolicyJsonEditor::onCharAdded);
    connect(this, &QsciScintillaBase::SCN_DWELLSTART, this, &PolicyJsonEditor::onDwell);
    connect(this, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });
}

void PolicyJsonEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
}

void PolicyJsonEditor::applyPalette()
{
    auto *json = qobject_cast<QsciLexerJSON *>(lexer());
    if (!json)
        return;
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    json->setDefaultFont(font);
    json->setFont(font, -1);
    json->setPaper(pal.color(QPalette::Base), -1);
    json->setDefaultPaper(pal.color(QPalette::Base));
    json->setColor(pal.color(QPalette::Text), QsciLexerJSON::Default);
    json->setColor(pal.color(QPalette::Text), QsciLexerJSON::Operator);
    json->setColor(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x45, 0x8a), QsciLexerJSON::Property);
    json->setColor(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15), QsciLexerJSON::String);
    json->setColor(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58), QsciLexerJSON::Number);
    json->setColor(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff), QsciLexerJSON::Keyword);
    json->setColor(dark ? QColor(0xf4, 0x47, 0x47) : QColor(0xc0, 0x00, 0x00), QsciLexerJSON::UnclosedString);
    setMarginsBackgroundColor(pal.color(QPalette::AlternateBase));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setFoldMarginColors(pal.color(QPalette::AlternateBase), pal.color(QPalette::AlternateBase));
    setCaretForegroundColor(pal.color(QPalette::Text));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(pal.color(QPalette::AlternateBase));
    fitLineNumberMargin();
}

void PolicyJsonEditor::fitLineNumberMargin()
{
    const int digits = static_cast<int>(QString::number(std::max(lines(), 1)).size());
    setMarginWidth(0, QString(std::max(digits, 2) + 1, QLatin1Char('0')));
}

void PolicyJsonEditor::setPolicyText(const QString &text)
{
    if (text == this->text())
        return;
    int line = 0;
    int index = 0;
    getCursorPosition(&line, &index);
    const int firstLine = firstVisibleLine();
    m_settingText = true;
    setText(text);
    m_settingText = false;
    setFirstVisibleLine(std::min(firstLine, std::max(0, lines() - 1)));
    line = std::min(line, std::max(0, lines() - 1));
    setCursorPosition(line, std::min(index, std::max(0, lineLength(line) - 1)));
    // The old findings' ranges belong to the old text.
    setDiagnostics({});
}

int PolicyJsonEditor::indicatorFor(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return kErrorIndicator;
    case core::Severity::SecurityWarning:
        return kSecurityIndicator;
    case core::Severity::Warning:
        return kWarningIndicator;
    case core::Severity::Suggestion:
        break;
    }
    return kSuggestionIndicator;
}

void PolicyJsonEditor::setDiagnostics(const core::Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    const long length = SendScintilla(SCI_GETLENGTH);
    for (int indicator = kErrorIndicator; indicator <= kSuggestionIndicator; ++indicator) {
        SendScintilla(SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicator));
        SendScintilla(SCI_INDICATORCLEARRANGE, 0UL, length);
    }
    for (const core::Diagnostic &d : m_diagnostics) {
        if (!d.range.isValid())
            continue;
        const auto begin = static_cast<long>(std::min<std::size_t>(d.range.begin.offset, std::size_t(length)));
        // An empty range (a missing element) underlines the character it points at.
        const long end = std::min<long>(length, std::max<long>(begin + 1, long(d.range.end.offset)));
        if (end <= begin)
            continue;
        SendScintilla(SCI_SETINDICATORCURRENT, static_cast<unsigned long>(indicatorFor(d.severity)));
        SendScintilla(SCI_INDICATORFILLRANGE, static_cast<unsigned long>(begin), end - begin);
    }
}

bool PolicyJsonEditor::hasIndicatorAt(int indicator, std::size_t offset) const
{
    return const_cast<PolicyJsonEditor *>(this)->SendScintilla(
               SCI_INDICATORVALUEAT, static_cast<unsigned long>(indicator), static_cast<long>(offset))
        != 0;
}

const core::Diagnostic *PolicyJsonEditor::diagnosticAt(std::size_t offset) const
{
    const core::Diagnostic *best = nullptr;
    for (const core::Diagnostic &d : m_diagnostics) {
        if (!d.range.isValid())
            continue;
        const std::size_t end = std::max(d.range.begin.offset + 1, d.range.end.offset);
        if (offset < d.range.begin.offset || offset >= end)
            continue;
        // The most severe, then the narrowest, finding wins.
        if (!best || d.severity < best->severity
            || (d.severity == best->severity && d.range.length() < best->range.length()))
            best = &d;
    }
    return best;
}

void PolicyJsonEditor::revealRange(const core::SourceRange &range)
{
    if (!range.isValid())
        return;
    const long length = SendScintilla(SCI_GETLENGTH);
    const auto begin = std::min<long>(length, static_cast<long>(range.begin.offset));
    const auto end = std::min<long>(length, static_cast<long>(std::max(range.begin.offset, range.end.offset)));
    SendScintilla(SCI_SETSEL, static_cast<unsigned long>(begin), end);
    SendScintilla(SCI_SCROLLCARET);
    setFocus(Qt::OtherFocusReason);
}

void PolicyJsonEditor::onDwell(int position, int x, int y)
{
    if (position < 0)
        return;
    const core::Diagnostic *d = diagnosticAt(static_cast<std::size_t>(position));
    if (!d)
        return;
    const QString tip = QStringLiteral("<b>%1</b> %2<br>%3")
                            .arg(toQString(core::severityName(d->severity)).toHtmlEscaped(),
                                toQString(d->code).toHtmlEscaped(), toQString(d->message).toHtmlEscaped());
    QToolTip::showText(mapToGlobal(QPoint(x, y)), tip, viewport());
}

QStringList PolicyJsonEditor::completionsFor(const QString &typed, bool inCondition, int limit)
{
    const core::ServiceCatalog &catalog = core::ServiceCatalog::builtin();
    QStringList out;
    const qsizetype colon = typed.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        // Before the colon: the services (and, in a condition, the global `aws:` prefix).
        for (const core::ServiceInfo &service : catalog.services()) {
            const QString prefix = toQString(service.prefix);
            if (prefix.startsWith(typed, Qt::CaseInsensitive))
                out << prefix + QLatin1Char(':');
        }
        if (inCondition && QStringLiteral("aws").startsWith(typed, Qt::CaseInsensitive))
            out << QStringLiteral("aws:");
    } else if (inCondition) {
        const std::string wanted = doc::toStdString(typed.toLower());
        auto consider = [&](const core::ConditionKeyInfo &key) {
            std::string lower = key.name;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            if (lower.rfind(wanted, 0) == 0)
                out << toQString(key.name);
        };
        for (const core::ConditionKeyInfo &key : catalog.globalConditionKeys())
            consider(key);
        if (const core::ServiceInfo *service = catalog.service(doc::toStdString(typed.left(colon)))) {
            for (const core::ConditionKeyInfo &key : service->conditionKeys)
                consider(key);
        }
    } else if (const core::ServiceInfo *service = catalog.service(doc::toStdString(typed.left(colon)))) {
        const QString prefix = toQString(service->prefix) + QLatin1Char(':');
        const QString name = typed.mid(colon + 1);
        for (const core::ActionInfo &action : service->actions) {
            const QString full = toQString(action.name);
            if (full.startsWith(name, Qt::CaseInsensitive))
                out << prefix + full;
        }
    }
    out.removeDuplicates();
    std::sort(out.begin(), out.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

void PolicyJsonEditor::onCharAdded(int character)
{
    if (character == '"' || character == ',' || character == '\n' || isReadOnly())
        return;
    const long position = SendScintilla(SCI_GETCURRENTPOS);
    const int line = static_cast<int>(SendScintilla(SCI_LINEFROMPOSITION, static_cast<unsigned long>(position)));
    const long lineStart = SendScintilla(SCI_POSITIONFROMLINE, static_cast<unsigned long>(line));
    const QByteArray lineBytes = text(line).toUtf8().left(position - lineStart);
    const QString before = QString::fromUtf8(lineBytes);
    // The word typed so far: back to the opening quote of the string the cursor is in.
    qsizetype start = before.size();
    while (start > 0 && isKeyCharacter(before.at(start - 1)))
        --start;
    if (start == 0 || before.at(start - 1) != QLatin1Char('"'))
        return;
    const QString typed = before.mid(start);
    if (typed.size() < 2 || typed.contains(QLatin1Char('*')))
        return;
    // Which element the string is in: whichever of Action/NotAction/Condition/Resource was opened last before it.
    const QString all = this->text().left(static_cast<int>(position));
    const auto last = [&](const char *name) { return all.lastIndexOf(QLatin1String(name)); };
    const qsizetype actionAt = std::max(last("\"Action\""), last("\"NotAction\""));
    const qsizetype conditionAt = last("\"Condition\"");
    const qsizetype otherAt = std::max({ last("\"Resource\""), last("\"NotResource\""), last("\"Principal\""),
        last("\"NotPrincipal\""), last("\"Effect\""), last("\"Sid\"") });
    const bool inCondition = conditionAt > actionAt && conditionAt > otherAt;
    const bool inAction = actionAt > conditionAt && actionAt > otherAt;
    if (!inCondition && !inAction)
        return;
    const QStringList candidates = completionsFor(typed, inCondition);
    if (candidates.isEmpty() || (candidates.size() == 1 && candidates.front() == typed)) {
        SendScintilla(SCI_AUTOCCANCEL);
        return;
    }
    const QByteArray list = candidates.join(QLatin1Char('\n')).toUtf8();
    SendScintilla(SCI_AUTOCSHOW, static_cast<unsigned long>(typed.toUtf8().size()), list.constData());
}

} // namespace rd::ui
