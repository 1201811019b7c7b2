// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/base/Diagnostic.h"
#include "rd/core/policy/Policy.h"

#include <QWidget>

#include <optional>
#include <string>

class QLabel;
class QTimer;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

class PolicyJsonEditor;

/// One SCP or RCP of the workspace's organization as JSON text: what it is and where it is attached above, the text
/// with the findings of its grammar (the validator's SCP or RCP kind: IAM Access Analyzer's checks of service and
/// resource control policies) as squiggles. Typing re-validates the text and, after a short pause, replaces the
/// policy in the model through the document (one undo step per burst of typing); a text that does not read as a
/// policy changes nothing. AWS managed policies (FullAWSAccess) are shown read-only, as AWS keeps them.
class OrganizationPolicyEditor : public QWidget
{
    Q_OBJECT
public:
    /// The pause after the last keystroke before the text is read into the model.
    static constexpr int kDebounceMs = 120;

    explicit OrganizationPolicyEditor(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~OrganizationPolicyEditor() override;

    /// Shows the policy with `policyId` (empty: none, with a hint where to pick one).
    void setPolicy(const QString &policyId);
    QString policyId() const;
    PolicyJsonEditor *jsonEditor() const { return m_editor; }
    /// The findings of the text as last validated.
    const core::Diagnostics &diagnostics() const;
    /// Reads the text now instead of after the pause (tests, focus leaving the editor).
    void flushTextEdit();

Q_SIGNALS:
    /// After each validation of the text.
    void validated();

private:
    void refresh();
    void onTextEdited();
    void validateText(bool commit);

    doc::WorkspaceDocument *m_document;
    std::string m_policyId;
    QLabel *m_title;
    QLabel *m_details;
    PolicyJsonEditor *m_editor;
    QLabel *m_status;
    QTimer *m_debounce;
    bool m_textPending = false;
};

} // namespace rd::ui
