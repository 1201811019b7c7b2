// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/RoleEditCommand.h"

#include "document/WorkspaceDocument.h"

#include <algorithm>

namespace rd::doc
{

namespace
{
// Command ids are unique per command type in the stack; the field is folded in so that only same-field edits merge.
constexpr int kRoleEditId = 0x526f6c00;
} // namespace

RoleEditCommand::RoleEditCommand(WorkspaceDocument *document, core::Role before, core::Role after, Field field,
    const QString &text, const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_field(field)
    , m_mergeKey(mergeKey)
    , m_lastEdit(std::chrono::steady_clock::now())
{
}

void RoleEditCommand::setPolicyText(const PolicyRef &policy, const QString &before, const QString &after)
{
    m_text = PolicyText { policy, before, after };
}

bool RoleEditCommand::isTextStepOf(const PolicyRef &policy, const QString &mergeKey) const
{
    return m_text && m_text->policy == policy && m_field == Field::Policy && !m_mergeKey.isEmpty()
        && m_mergeKey == mergeKey;
}

void RoleEditCommand::setFollowers(std::vector<WorkspaceEntity> before, std::vector<WorkspaceEntity> after)
{
    Q_ASSERT(before.size() == after.size());
    m_followersBefore = std::move(before);
    m_followersAfter = std::move(after);
}

void RoleEditCommand::undo()
{
    if (m_text)
        m_document->setPolicyText(m_text->policy, m_text->before);
    for (auto it = m_followersBefore.rbegin(); it != m_followersBefore.rend(); ++it)
        m_document->replaceEntity(*it);
    m_document->replaceRole(m_before);
}

void RoleEditCommand::redo()
{
    if (m_text)
        m_document->setPolicyText(m_text->policy, m_text->after);
    m_document->replaceRole(m_after);
    for (const WorkspaceEntity &entity : m_followersAfter)
        m_document->replaceEntity(entity);
}

int RoleEditCommand::id() const
{
    if (m_field == Field::Other || (m_field == Field::Policy && m_mergeKey.isEmpty()))
        return -1;
    return kRoleEditId + static_cast<int>(m_field);
}

bool RoleEditCommand::canMerge(const RoleEditCommand &next) const
{
    if (id() == -1 || next.id() != id())
        return false;
    if (next.m_after.id != m_after.id || next.m_field != m_field || next.m_mergeKey != m_mergeKey)
        return false;
    // A text edit merges only with text edits of the same policy, a form edit only with form edits.
    if (m_text.has_value() != next.m_text.has_value() || (m_text && !(m_text->policy == next.m_text->policy)))
        return false;
    // A pause in typing ends the step.
    return next.m_lastEdit - m_lastEdit < kTypingPause;
}

bool RoleEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RoleEditCommand *>(other);
    if (!canMerge(*next))
        return false;
    m_lastEdit = next->m_lastEdit;
    m_after = next->m_after;
    if (m_text)
        m_text->after = next->m_text->after;
    // A follower this step changed already keeps the state it had when the step began; a new one joins.
    for (std::size_t i = 0; i < next->m_followersAfter.size(); ++i) {
        const WorkspaceEntity &entity = next->m_followersAfter[i];
        const auto same = [&](const WorkspaceEntity &e) {
            return entityKind(e) == entityKind(entity) && entityId(e) == entityId(entity);
        };
        const auto found = std::find_if(m_followersAfter.begin(), m_followersAfter.end(), same);
        if (found != m_followersAfter.end()) {
            *found = entity;
        } else {
            m_followersBefore.push_back(next->m_followersBefore[i]);
            m_followersAfter.push_back(entity);
        }
    }
    // Typing taken back to where the step began: no step at all (the stack drops it).
    if (m_before == m_after && m_text && m_text->before == m_text->after)
        setObsolete(true);
    return true;
}

} // namespace rd::doc
