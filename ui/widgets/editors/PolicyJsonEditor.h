// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"

// QScintilla's headers use the `signals` and `slots` keywords, which this project turns off (QT_NO_KEYWORDS):
// every QScintilla header the widgets need is included here, between these definitions.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>
#undef signals
#undef slots

namespace rd::ui
{

/// The JSON text of one policy (QScintilla): colouring, line numbers, folding, the validator's findings as squiggles
/// with tooltips, and completion of actions and condition keys from the service catalog. Its own undo is off: the
/// workspace's undo stack is the only history, and Ctrl+Z reaches it.
class PolicyJsonEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit PolicyJsonEditor(QWidget *parent = nullptr);

    /// Replaces the text without emitting textEdited(), keeping the cursor line and the scroll position.
    void setPolicyText(const QString &text);
    /// Underlines each finding's range (the ranges must come from this text); findings without a range are left out.
    void setDiagnostics(const core::Diagnostics &diagnostics);
    const core::Diagnostics &diagnostics() const { return m_diagnostics; }
    /// The finding under a byte offset of the text, for tooltips and tests; nullptr when none.
    const core::Diagnostic *diagnosticAt(std::size_t offset) const;
    /// Selects a finding's range and scrolls to it.
    void revealRange(const core::SourceRange &range);
    /// Which indicator a severity draws with (for tests).
    static int indicatorFor(core::Severity severity);
    /// Whether the indicator is set at a byte offset.
    bool hasIndicatorAt(int indicator, std::size_t offset) const;

    /// The completions offered when the text before the cursor, inside a JSON string, is `typed`: actions after
    /// "Action", condition keys inside "Condition", service prefixes before the colon. Sorted; at most `limit`.
    static QStringList completionsFor(const QString &typed, bool inCondition, int limit = 400);

Q_SIGNALS:
    /// The user changed the text (typing, pasting, completion); not emitted by setPolicyText().
    void textEdited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    /// The line numbers' margin as wide as the last line's number needs (and one digit more), not wider.
    void fitLineNumberMargin();
    void onCharAdded(int character);
    void onDwell(int position, int x, int y);

    core::Diagnostics m_diagnostics;
    bool m_settingText = false;
};

} // namespace rd::ui
