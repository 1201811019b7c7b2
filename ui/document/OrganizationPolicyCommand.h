// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"

#include <QString>
#include <QUndoCommand>

#include <chrono>
#include <string>

namespace rd::doc
{

class WorkspaceDocument;

/// One edit of an SCP's or RCP's content, typed in its JSON editor: the policy and its typed text before and after.
/// Consecutive edits of the same policy merge into one step while the typing goes on; a pause of kTypingPause or more
/// starts a new one (as RoleEditCommand does for a role's policies).
class OrganizationPolicyCommand : public QUndoCommand
{
public:
    static constexpr std::chrono::milliseconds kTypingPause { 1000 };

    OrganizationPolicyCommand(WorkspaceDocument *document, std::string policyId, core::Policy before,
        QString beforeText, core::Policy after, QString afterText, const QString &text);

    const std::string &policyId() const { return m_policyId; }
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkspaceDocument *m_document;
    std::string m_policyId;
    core::Policy m_before;
    QString m_beforeText;
    core::Policy m_after;
    QString m_afterText;
    std::chrono::steady_clock::time_point m_lastEdit;
};

} // namespace rd::doc
