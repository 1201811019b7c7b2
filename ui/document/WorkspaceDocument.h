// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/PolicyRef.h"
#include "document/RoleEditCommand.h"
#include "document/WorkspaceEntity.h"
#include "rd/core/base/Diagnostic.h"
#include "rd/core/workspace/Workspace.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QUndoCommand;
class QUndoStack;

namespace rd::core
{
class AccountModel;
}

namespace rd::doc
{

class AccountAnalysis;
class EntityCompletionModel;

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
    /// The analysis model of the workspace (policies resolved, the access graph), computed off the GUI thread after
    /// each change; every view that needs the graph reads it there.
    AccountAnalysis *analysis() const { return m_analysis; }
    /// Every name the simulation and reach questions take (users, roles, resources, external principals...), with the
    /// key each stands for: the one list the pickers complete from, made again only when the analysis model's nodes
    /// change.
    EntityCompletionModel *entityCompletions() const { return m_entityCompletions; }
    QString filePath() const { return m_filePath; }
    /// True when the workspace came from GAAD output and has not been saved as a workspace yet.
    bool isImported() const { return m_imported; }
    /// The name of the file the workspace came from when it has no file to be saved to (an imported account, the
    /// bundled example): for the window title. Empty otherwise.
    const QString &sourceName() const { return m_sourceName; }
    /// Edits not saved yet: undoable ones, an import, or a restored recovery copy.
    bool hasUnsavedChanges() const;
    /// True while workspaceReset() is being delivered: views that react to one another's signals then (a browser
    /// picking its first row) can leave the work to the handlers that run after every view has reset.
    bool isResetting() const { return m_resetting; }

    /// Opens a workspace file or GAAD output (Qt resource paths work too). On failure the current workspace stays
    /// and `error` gets the reason, with the line and column for a corrupt file. On success loadFindings() holds what
    /// the load found short of an error (a truncated account export, say). Emits workspaceReset().
    bool load(const QString &path, QString *error);
    /// What load() reads: a workspace from a workspace file or GAAD output, and its analysis model. Touches no
    /// document, so that a long import can run on another thread while the window shows its progress. The
    /// workspace's policies come without source ranges, as the document keeps them (editors take positions from the
    /// text they show, not from the file).
    struct LoadedFile {
        std::optional<core::Workspace> workspace;
        /// The workspace's analysis model, when readFile() was asked to build it (null otherwise, or when building it
        /// ran out of memory: the document's analysis then builds it).
        std::shared_ptr<const core::AccountModel> model;
        bool imported = false;
        QString path;
        /// Every finding of the load (core::WorkspaceLoadResult::diagnostics), in the file's order: on success the
        /// warnings that adopt() keeps as loadFindings(), on failure the errors too.
        core::Diagnostics diagnostics;
        /// Why the file cannot be opened (empty when it can): one line, with the line and column of the first error
        /// and how many more there are.
        QString error;
        /// When the file has more than one error: each of them on a line of its own (`line L, column C: message`),
        /// the first kErrorDetailLines, then how many more. For a dialog's details, or a terminal.
        QString errorDetails;
    };
    /// How many errors LoadedFile::errorDetails lists one by one.
    static constexpr int kErrorDetailLines = 20;
    /// `withModel`: build the analysis model too (on a reader thread, so that the document takes both at once); without
    /// it the document's analysis builds the model in the background after adopt().
    static LoadedFile readFile(const QString &path, bool withModel = false);
    /// Takes what readFile() read (on success), its findings becoming loadFindings(); emits workspaceReset().
    bool adopt(LoadedFile file, QString *error);
    /// Replaces the workspace (a new or imported one) and clears the undo history and the load findings. Emits
    /// workspaceReset().
    void reset(core::Workspace workspace, const QString &filePath = {});
    /// Saves atomically; on failure the file on disk is untouched and `error` gets the reason. A save clears the load
    /// findings (the file now holds what the workspace says): emits loadFindingsChanged() when there were any.
    bool save(const QString &path, QString *error);

    /// A finding of the load that brought the workspace in (see loadFindings()).
    struct LoadFinding {
        core::Diagnostic diagnostic;
        /// The file it is about, as opened (its range is a place in that file's text).
        QString path;
    };
    /// What reading the open workspace's file found short of an error (the file would not have opened): a GAAD
    /// export that says it is truncated, an entry the import skipped. The findings describe the file as read, so
    /// they stay until the workspace is saved or another one replaces it; a restored recovery copy adds its own to
    /// those of the file it descends from. Empty for a new workspace.
    const std::vector<LoadFinding> &loadFindings() const { return m_loadFindings; }

    /// Edits a role through the undo stack: `change` is applied to a copy, and when that differs from the role a
    /// RoleEditCommand with `text` (the Undo menu's wording) is pushed. Renaming or moving the role keeps its ARN in
    /// step, and the trust and resource policies that name the role (core::ReferenceEdit) follow its new ARN in the
    /// same step; while the name or path is one IAM would refuse (typing), or another role of the account has the old
    /// or the new name, they keep naming the role as it was when the step began. Returns false when the role does not
    /// exist or nothing changed.
    bool editRole(core::RoleId id, const QString &text, RoleEditCommand::Field field,
        const std::function<void(core::Role &)> &change);
    /// Puts a role back as given (for undo commands). Emits roleChanged().
    void replaceRole(const core::Role &role);
    /// Adds a role through the undo stack (AddRoleCommand); returns its id.
    core::RoleId addRole(core::Role role);
    /// For AddRoleCommand: inserts a role (keeping its id, or giving it one) and emits rolesChanged().
    core::RoleId insertRole(core::Role role);
    /// For AddRoleCommand: removes a role and emits rolesChanged(); with `account`, also the account (which the
    /// role's insertion added).
    void removeRole(core::RoleId id, const std::string &account = {});

    /// Replaces one policy of a role through the undo stack (a form or JSON editor edit). Successive edits with the
    /// same non-empty `mergeKey` merge into one undo step. `typedText`: the JSON text the policy was read from,
    /// which policyText() then returns and undo/redo restore. The policy is stored without source ranges.
    bool editPolicy(const PolicyRef &ref, core::Policy policy, const QString &undoText, const QString &mergeKey,
        const QString *typedText = nullptr);
    /// Records JSON text typed for a policy that does not read as a policy (yet) as an undo step of its own, which
    /// changes no policy: undo brings back the text as it was before, redo the typed text, and neither crosses an
    /// unrelated step. Merges with the text edits of the same policy and `mergeKey` typed without a pause.
    bool editPolicyText(const PolicyRef &ref, const QString &text, const QString &undoText, const QString &mergeKey);
    /// The JSON text of a policy: as last typed in the JSON editor while that text still says what the model says,
    /// otherwise as the core writer prints the policy. Empty when there is no such policy.
    QString policyText(const PolicyRef &ref) const;
    /// For RoleEditCommand: records the typed text of a policy.
    void setPolicyText(const PolicyRef &ref, const QString &text);
    /// The text the JSON editor shows for a policy while it does not read as one (a syntax error, an element of the
    /// wrong type): the model keeps the last policy that did, and the Findings panel reports why this text does not.
    /// Empty when the text reads. Not an edit: no undo step, no change of the workspace. Emits policyTextChanged().
    void setUnreadPolicyText(const PolicyRef &ref, const QString &text);
    QString unreadPolicyText(const PolicyRef &ref) const;

    /// Where unsaved changes of the workspace at `workspacePath` are kept between autosaves: one file per path under
    /// the application's local data folder (`untitled` for a workspace never saved).
    static QString recoveryFilePath(const QString &workspacePath);
    /// The time of the recovery copy of `workspacePath` when there is one newer than the file itself.
    static QDateTime recoveryTime(const QString &workspacePath);
    /// Writes the workspace to its recovery file (atomically) when it has unsaved changes, and removes the file when
    /// it has none.
    bool autosave(QString *error = nullptr);
    /// autosave() off the GUI thread: the workspace is copied here (30 ms on 5,000 roles) and written by a worker
    /// (serialising and syncing 11 MB took 130 to 170 ms); autosaveFinished() reports. A copy that a save or an undo to
    /// the saved state has made stale meanwhile is removed. Does nothing while an earlier one is being written.
    void autosaveInBackground();
    /// Replaces the workspace by its recovery copy, keeping the file path and the load findings of that file (with
    /// the copy's own, if any); the workspace then has unsaved changes. A copy that does not read, or reads with an
    /// error, is refused with every error in `error`. Emits workspaceReset().
    bool restoreRecovery(QString *error = nullptr);
    /// Removes the recovery copy of the current workspace.
    void discardRecovery();

    // --- Entities of every kind, for EntityCommand (the workspace browser) ---------------------------------------
    /// For EntityCommand: puts `entity` at `position` of its kind's list (at the end when `position` is past it),
    /// keeping its id or giving it a fresh one; returns the id. A role, user, group or customer managed policy whose
    /// account the workspace lacks brings the account along, and `addedAccount` says whether it did. Emits
    /// rolesChanged() for a role, entitiesChanged() for the other kinds, and entitiesChanged(EntityKind::Account)
    /// when an account was added.
    std::uint64_t insertEntity(WorkspaceEntity entity, std::size_t position, bool *addedAccount = nullptr);
    /// For EntityCommand: removes the entity of `kind` with `id`; with `account`, also that account (which the
    /// entity's insertion added). Emits as insertEntity() does. False when there is no such entity.
    bool removeEntity(EntityKind kind, std::uint64_t id, const std::string &account = {});
    /// For EntityCommand: puts `entity` over the one with its id. Emits roleChanged() for a role, entityChanged()
    /// for the other kinds. False when there is no such entity.
    bool replaceEntity(const WorkspaceEntity &entity);
    /// Replaces several entities as one undo step (a graph editor gesture): each takes the place of the entity with
    /// its kind and id. False, with nothing done, when one of them does not exist or nothing changes.
    bool replaceEntities(const std::vector<WorkspaceEntity> &entities, const QString &text);

    /// What deleting the entity would update (core::ReferenceEdit::references()): the attached-policy and group lists,
    /// permissions boundaries and policy principals of other entities that name it, and a role's instance profiles.
    /// Empty for resources, external principals and AWS managed policies, which no entity of the workspace depends on.
    std::vector<core::EntityReference> deletionReferences(EntityKind kind, std::uint64_t id) const;
    /// What renaming the entity would rewrite: the places that name it, its own trust policy included.
    std::vector<core::EntityReference> renameReferences(EntityKind kind, std::uint64_t id) const;
    /// Deletes the entity and takes every reference to it out (deletionReferences()), as one undo step whose undo
    /// brings back the entity, at its place and with its id, and every reference exactly. `text` defaults to "Delete
    /// <kind> <name>". False when there is no such entity.
    bool deleteEntity(EntityKind kind, std::uint64_t id, const QString &text = {});
    /// Renames the entity (renamedEntity(): an IAM entity's ARN follows) and rewrites every reference to it, as one
    /// undo step; a role goes through editRole(). The name is not checked (see entityNameError()). `text` defaults to
    /// "Rename <kind> <old> to <new>". False when there is no such entity or nothing changes.
    bool renameEntity(EntityKind kind, std::uint64_t id, const std::string &name, const QString &text = {});
    // --- End of the entities of every kind -------------------------------------------------------------------

    // --- The organization's SCPs and RCPs (Workspace::organization) ------------------------------------------------
    /// Replaces the content of the SCP or RCP with `policyId` (typed in its JSON editor, `typedText` the text it was
    /// read from) through the undo stack: one OrganizationPolicyCommand, which merges with the edits of the same policy
    /// typed without a pause. The policy is stored without source ranges. False when the workspace has no such policy
    /// or nothing changes (the same policy in other words only records the text).
    bool editOrganizationPolicy(
        const std::string &policyId, core::Policy policy, const QString &typedText, const QString &undoText);
    /// For OrganizationPolicyCommand: puts the policy's content and its typed text as given. Emits
    /// organizationPolicyChanged().
    void setOrganizationPolicy(const std::string &policyId, const core::Policy &policy, const QString &typedText);
    /// The JSON text of an SCP or RCP: as last typed while it still says what the model says, otherwise as the core
    /// writer prints the policy. Empty when there is no such policy.
    QString organizationPolicyText(const std::string &policyId) const;
    // --- End of the organization ----------------------------------------------------------------------------------

    // --- Graph editor layout (Workspace::layout) ------------------------------------------------------------------
    /// Keeps where the graph editor's nodes were put, as one undo step: each position replaces the one with its node
    /// key, or is added. False when nothing changes.
    bool moveGraphNodes(const std::vector<core::GraphPosition> &positions, const QString &text);
    /// Forgets every kept position (the editor lays the graph out afresh), as one undo step. False when none is kept.
    bool clearGraphLayout(const QString &text);
    /// For GraphLayoutCommand: puts the layout as given (sorted by node key); emits graphLayoutChanged().
    void setGraphLayout(std::vector<core::GraphPosition> layout);

Q_SIGNALS:
    /// The graph editor's kept positions changed (a move, its undo or redo).
    void graphLayoutChanged();
    /// The whole workspace was replaced (with its load findings).
    void workspaceReset();
    /// loadFindings() changed while the workspace stayed: a save cleared them. (A load, a reset or a restored recovery
    /// copy announces its findings with workspaceReset().)
    void loadFindingsChanged();
    void filePathChanged(const QString &path);
    /// hasUnsavedChanges() changed: an edit or its undo to the saved state, a save, a load, an import or a restored
    /// recovery copy (whose undo history is clean though the workspace is unsaved).
    void unsavedChangesChanged(bool unsaved);
    /// An autosaveInBackground() ended: `error` says why it failed, empty when it did not.
    void autosaveFinished(const QString &error);
    /// A role was edited (or an edit undone or redone).
    void roleChanged(core::RoleId id);
    /// Roles were added or removed.
    void rolesChanged();
    /// The typed text of one of the role's policies changed (see policyText()).
    void policyTextChanged(core::RoleId id);
    /// Entities of `kind` were added or removed (insertEntity(), removeEntity()). Roles announce this with
    /// rolesChanged() instead, as AddRoleCommand always has, so that views of roles listen to one signal.
    void entitiesChanged(rd::doc::EntityKind kind);
    /// The content of an SCP or RCP changed (an edit, its undo or redo).
    void organizationPolicyChanged(const QString &policyId);
    /// An entity other than a role was replaced (an edit, its undo or redo); roles announce this with roleChanged().
    void entityChanged(rd::doc::EntityKind kind, quint64 id);

private:
    /// For the autosaves: `path` gets the recovery file to write, its folder made; empty when there is nothing to write
    /// (no unsaved changes: an old copy is removed). False, with `error` set, when the folder cannot be made.
    bool prepareRecovery(QString *path, QString *error);
    void replace(core::Workspace workspace, const QString &filePath, bool imported, bool recovered = false,
        std::shared_ptr<const core::AccountModel> model = nullptr, std::vector<LoadFinding> loadFindings = {},
        QString sourceName = {});
    /// Emits unsavedChangesChanged() when hasUnsavedChanges() differs from what was last announced.
    void announceUnsavedChanges();
    /// For editRole(): makes the entities that name `current` follow its new ARN in `after` (see editRole()), from
    /// the state they had when the step `command` joins began.
    void followRoleArn(const core::Role &current, core::Role &after, RoleEditCommand &command) const;
    /// Pushes `command` with replacements of `holders`, as one step: the holders first when `holdersFirst` (a
    /// removal: undo brings the entity back before the references to it), after the command otherwise (a rename).
    void pushWithHolders(
        std::unique_ptr<QUndoCommand> command, const std::vector<WorkspaceEntity> &holders, bool holdersFirst);

    core::Workspace m_workspace;
    /// Texts typed in the JSON editor, by role id and inline policy name ("" for the trust policy).
    /// Each with the policy it reads as (read once, when recorded), or none when it does not read as one.
    struct TypedText {
        QString text;
        /// What the text says, when it reads as a policy.
        std::optional<core::Policy> policy;
        /// When it does not: the policy the model held when it was typed. The text stands while the model does.
        std::optional<core::Policy> basis;
    };
    std::map<std::pair<std::uint64_t, std::string>, TypedText> m_typedTexts;
    /// setUnreadPolicyText(), by role id and inline policy name ("" for the trust policy).
    std::map<std::pair<std::uint64_t, std::string>, QString> m_unreadTexts;
    std::vector<LoadFinding> m_loadFindings;
    /// Texts typed for SCPs and RCPs, by policy id: each stands while the policy says what it read as.
    std::map<std::string, std::pair<QString, core::Policy>, std::less<>> m_organizationTexts;
    QUndoStack *m_undoStack;
    AccountAnalysis *m_analysis;
    EntityCompletionModel *m_entityCompletions;
    QString m_filePath;
    bool m_imported = false;
    QString m_sourceName;
    bool m_recovered = false;
    bool m_announcedUnsaved = false;
    bool m_resetting = false;
    bool m_autosaving = false;
};

} // namespace rd::doc
