// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/RoleEditCommand.h"
#include "rd/core/Workspace.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QUndoStack;

namespace rd::doc
{

/// One open workspace: owns the core model, its file path and the single undo history of every view. Views read
/// the model through workspace() and refer to entities by their stable ids.
class WorkspaceDocument : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceDocument(QObject *parent = nullptr);
    ~WorkspaceDocument() override;

    const core::Workspace &workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    /// True when the workspace came from GAAD output and has not been saved as a workspace yet.
    bool isImported() const { return m_imported; }
    /// Edits not saved yet: undoable ones, an import, or a restored recovery copy.
    bool hasUnsavedChanges() const;

    /// Opens a workspace file or GAAD output (Qt resource paths work too). On failure the current workspace stays
    /// and `error` gets the reason, with the line and column for a corrupt file. Emits workspaceReset().
    bool load(const QString &path, QString *error);
    /// Replaces the workspace (a new or imported one) and clears the undo history. Emits workspaceReset().
    void reset(core::Workspace workspace, const QString &filePath = {});
    /// Saves atomically; on failure the file on disk is untouched and `error` gets the reason.
    bool save(const QString &path, QString *error);

    /// Edits a role through the undo stack: `change` is applied to a copy, and when that differs from the role a
    /// RoleEditCommand with `text` (the Undo menu's wording) is pushed. Renaming or moving the role keeps its ARN in
    /// step. Returns false when the role does not exist or nothing changed.
    bool editRole(core::RoleId id, const QString &text, RoleEditCommand::Field field,
        const std::function<void(core::Role &)> &change);
    /// Puts a role back as given (for undo commands). Emits roleChanged().
    void replaceRole(const core::Role &role);
    /// Adds a role through the undo stack (AddRoleCommand); returns its id.
    core::RoleId addRole(core::Role role);
    /// For AddRoleCommand: inserts a role (keeping its id, or giving it one) and emits rolesChanged().
    core::RoleId insertRole(core::Role role);
    /// For AddRoleCommand: removes a role and emits rolesChanged().
    void removeRole(core::RoleId id);

    /// Where unsaved changes of the workspace at `workspacePath` are kept between autosaves: one file per path under
    /// the application's local data folder (`untitled` for a workspace never saved).
    static QString recoveryFilePath(const QString &workspacePath);
    /// The time of the recovery copy of `workspacePath` when there is one newer than the file itself.
    static QDateTime recoveryTime(const QString &workspacePath);
    /// Writes the workspace to its recovery file (atomically) when it has unsaved changes, and removes the file when
    /// it has none.
    bool autosave(QString *error = nullptr);
    /// Replaces the workspace by its recovery copy, keeping the file path; the workspace then has unsaved changes.
    /// Emits workspaceReset().
    bool restoreRecovery(QString *error = nullptr);
    /// Removes the recovery copy of the current workspace.
    void discardRecovery();

Q_SIGNALS:
    /// The whole workspace was replaced.
    void workspaceReset();
    void filePathChanged(const QString &path);
    /// A role was edited (or an edit undone or redone).
    void roleChanged(core::RoleId id);
    /// Roles were added or removed.
    void rolesChanged();

private:
    void replace(core::Workspace workspace, const QString &filePath, bool imported, bool recovered = false);

    core::Workspace m_workspace;
    QUndoStack *m_undoStack;
    QString m_filePath;
    bool m_imported = false;
    bool m_recovered = false;
};

} // namespace rd::doc
