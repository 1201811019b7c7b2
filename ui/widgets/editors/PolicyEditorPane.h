// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/PolicyRef.h"
#include "rd/core/base/Diagnostic.h"
#include "rd/core/policy/Policy.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QSplitter;
class QTimer;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

class PolicyJsonEditor;

/// One policy of a role, as a form (TrustPolicyForm or PermissionPolicyForm) and as JSON text side by side, both
/// views of the document's model. Typing in the text re-validates it and, after a short pause, replaces the policy
/// in the model (one undo step per burst of typing); while the text does not parse, the form shows the last good
/// policy marked stale. A form edit rewrites the text through the core writer.
class PolicyEditorPane : public QWidget
{
    Q_OBJECT
public:
    /// The pause after the last keystroke before the text is read into the model.
    static constexpr int kDebounceMs = 120;

    PolicyEditorPane(doc::WorkspaceDocument *document, const doc::PolicyRef &policy, QWidget *parent = nullptr);
    ~PolicyEditorPane() override;

    const doc::PolicyRef &policyRef() const { return m_ref; }
    /// After the inline policy was renamed.
    void setPolicyRef(const doc::PolicyRef &policy);
    bool isTrust() const { return m_ref.isTrust(); }
    PolicyJsonEditor *jsonEditor() const { return m_editor; }
    QWidget *form() const { return m_form; }
    QSplitter *splitter() const { return m_splitter; }
    /// The text does not parse: the form shows the last good policy.
    bool isStale() const { return m_stale; }
    /// The findings of the text as last validated.
    const core::Diagnostics &diagnostics() const;

    /// Shows what the document holds now (after an edit elsewhere, an undo or a redo).
    void refresh();
    /// Reads the text now instead of after the pause (tests, benchmarks, focus leaving the editor).
    void flushTextEdit();

Q_SIGNALS:
    /// After each validation of the text.
    void validated();

private:
    void onTextEdited();
    /// Parses and validates the text, showing its findings; with `commit`, a text that parses replaces the policy
    /// in the model.
    void validateText(bool commit);
    const core::Policy *modelPolicy() const;
    QString accountId() const;

    doc::WorkspaceDocument *m_document;
    doc::PolicyRef m_ref;
    QSplitter *m_splitter;
    QWidget *m_form;
    PolicyJsonEditor *m_editor;
    QLabel *m_sizeLabel;
    QTimer *m_debounce;
    /// The policy the text said when the text and the model last agreed.
    std::optional<core::Policy> m_shown;
    bool m_stale = false;
    bool m_textPending = false;
    std::function<void(const core::Policy &)> m_formSetPolicy;
    std::function<void(bool)> m_formSetStale;
    std::function<void(const QString &)> m_formSetAccount;
};

} // namespace rd::ui
