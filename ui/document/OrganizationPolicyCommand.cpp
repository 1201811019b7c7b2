// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/OrganizationPolicyCommand.h"

#include "document/WorkspaceDocument.h"

namespace rd::doc
{

namespace
{
/// QUndoCommand::id() of organization policy edits ("Orgp"): distinct from RoleEditCommand's.
constexpr int kOrganizationPolicyEditId = 0x4f726770;
} // namespace

OrganizationPolicyCommand::OrganizationPolicyCommand(WorkspaceDocument *document, std::string policyId,
    core::Policy before, QString beforeText, core::Policy after, QString afterText, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_policyId(std::move(policyId))
    , m_before(std::move(before))
    , m_beforeText(std::move(beforeText))
    , m_after(std::move(after))
    , m_afterText(std::move(afterText))
    , m_lastEdit(std::chrono::steady_clock::now())
{
}

void OrganizationPolicyCommand::undo()
{
    m_document->setOrganizationPolicy(m_policyId, m_before, m_beforeText);
}

void OrganizationPolicyCommand::redo()
{
    m_document->setOrganizationPolicy(m_policyId, m_after, m_afterText);
}

int OrganizationPolicyCommand::id() const
{
    return kOrganizationPolicyEditId;
}

bool OrganizationPolicyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const OrganizationPolicyCommand *>(other);
    // A pause in typing ends the step.
    if (next->m_policyId != m_policyId || next->m_lastEdit - m_lastEdit >= kTypingPause)
        return false;
    m_lastEdit = next->m_lastEdit;
    m_after = next->m_after;
    m_afterText = next->m_afterText;
    // Typing taken back to where the step began: no step at all (the stack drops it).
    if (m_before == m_after && m_beforeText == m_afterText)
        setObsolete(true);
    return true;
}

} // namespace rd::doc
