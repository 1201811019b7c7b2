// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/PolicyRef.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/workspace/Workspace.h"

#include <QUndoCommand>

#include <chrono>
#include <optional>
#include <vector>

namespace rd::doc
{

class WorkspaceDocument;

/// One edit of a role: the role before and after, and the other entities that change with it (the trust and resource
/// policies that name a renamed role follow its new ARN). Consecutive edits of the same field of the same role
/// (typing a name) merge into one step, so that Undo takes back a gesture, not a keystroke; a pause of kTypingPause or
/// more between two edits starts a new step, so that Undo does not take back a minute of typing at once.
class RoleEditCommand : public QUndoCommand
{
public:
    /// Fields whose successive edits merge; Other never merges. Policy edits merge when they carry the same
    /// non-empty merge key (one form field, or the JSON text of one policy).
    enum class Field { Other, Name, Path, Description, MaxSessionDuration, Tags, Policy };
    /// The pause in typing that ends an undo step.
    static constexpr std::chrono::milliseconds kTypingPause { 1000 };

    RoleEditCommand(WorkspaceDocument *document, core::Role before, core::Role after, Field field, const QString &text,
        const QString &mergeKey = {});

    /// The JSON text a policy had before and has after the edit, for an edit typed in the JSON editor: undo and
    /// redo then bring back the text as typed, not as the writer would print it.
    void setPolicyText(const PolicyRef &policy, const QString &before, const QString &after);

    /// True when this step holds typed JSON text of `policy` and would take more typed with `mergeKey`.
    bool isTextStepOf(const PolicyRef &policy, const QString &mergeKey) const;

    /// For the document: the role as the edit leaves it, once what follows the role is known (before the push).
    void setAfter(core::Role after) { m_after = std::move(after); }
    /// Other entities the edit changes, each as it was and as it becomes (entities that name the role). Redo puts
    /// the role, then these; undo these back, then the role.
    void setFollowers(std::vector<WorkspaceEntity> before, std::vector<WorkspaceEntity> after);
    /// The followers as they were when this step began.
    const std::vector<WorkspaceEntity> &followersBefore() const { return m_followersBefore; }
    /// The role as it was when this step began.
    const core::Role &before() const { return m_before; }
    /// True when `next`, pushed on top of this step, would merge into it (mergeWith() accepts it). The undo stack
    /// merges only with a step that is not its clean state, which the caller checks.
    bool canMerge(const RoleEditCommand &next) const;
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    WorkspaceDocument *m_document;
    core::Role m_before;
    core::Role m_after;
    Field m_field;
    QString m_mergeKey;
    /// When the last edit merged into this step was made.
    std::chrono::steady_clock::time_point m_lastEdit;
    struct PolicyText {
        PolicyRef policy;
        QString before;
        QString after;
    };
    std::optional<PolicyText> m_text;
    /// INVARIANT: the same entities, by kind and id, in the same order.
    std::vector<WorkspaceEntity> m_followersBefore;
    std::vector<WorkspaceEntity> m_followersAfter;
};

} // namespace rd::doc
