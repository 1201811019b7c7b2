// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceDocument.h"

#include "document/AccountAnalysis.h"
#include "document/AddRoleCommand.h"
#include "document/BackgroundPool.h"
#include "document/EntityCommand.h"
#include "document/EntityCompletionModel.h"
#include "document/GraphLayoutCommand.h"
#include "document/OrganizationPolicyCommand.h"
#include "document/RoleEditCommand.h"
#include "document/StringConversion.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/ReferenceEdit.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>
#include <QUndoStack>

#include <algorithm>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <set>
#include <type_traits>

namespace rd::doc
{

namespace
{

/// Edits a holder of references (a role, user, group or resource); false when the edit does not change it.
bool applyEdit(const core::ReferenceEdit &edit, WorkspaceEntity &entity)
{
    return std::visit(
        [&](auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (
                std::is_same_v<T,
                    core::
                        Role> || std::is_same_v<T, core::User> || std::is_same_v<T, core::Group> || std::is_same_v<T, core::Resource>)
                return edit.applyTo(e);
            else
                return false;
        },
        entity);
}

/// The entities that hold `references`, each once, in the order they first appear; those in `seen` (kind, id) left
/// out.
std::vector<WorkspaceEntity> holdersOf(const core::Workspace &workspace,
    const std::vector<core::EntityReference> &references, std::set<std::pair<int, std::uint64_t>> seen = {})
{
    std::vector<WorkspaceEntity> out;
    for (const core::EntityReference &r : references) {
        const EntityKind kind = entityKindOf(r.holder);
        if (!seen.emplace(static_cast<int>(kind), r.holderId).second)
            continue;
        if (std::optional<WorkspaceEntity> holder = findEntity(workspace, kind, r.holderId))
            out.push_back(std::move(*holder));
    }
    return out;
}

/// The holders of the edit's references as the edit leaves them, those it changes only.
std::vector<WorkspaceEntity> editedHolders(const core::Workspace &workspace, const core::ReferenceEdit &edit)
{
    std::vector<WorkspaceEntity> out = holdersOf(workspace, edit.references(workspace));
    std::erase_if(out, [&](WorkspaceEntity &holder) { return !applyEdit(edit, holder); });
    return out;
}

/// Whether the references to a role renamed from `start` to `after` can follow it: its new name and path are ones
/// IAM takes (IAM API Reference, "CreateRole": a name of 1 to 64 of [\w+=,.@-], a path `/` or `/.../`), and no
/// other role of the account has either name (a principal naming it could mean that one).
bool referencesCanFollow(const core::Workspace &workspace, const core::Role &start, const core::Role &after)
{
    constexpr std::size_t kMaxRoleNameLength = 64;
    if (!core::isValidIamName(after.name, kMaxRoleNameLength) || after.path.empty() || after.path.front() != '/'
        || after.path.back() != '/')
        return false;
    return std::none_of(workspace.roles.begin(), workspace.roles.end(), [&](const core::Role &r) {
        return r.id != start.id && r.accountId == start.accountId && (r.name == start.name || r.name == after.name);
    });
}

} // namespace

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
    , m_analysis(new AccountAnalysis(this))
    // Made after the analysis and before any view: it follows a new model before the views that read it do.
    , m_entityCompletions(new EntityCompletionModel(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &WorkspaceDocument::announceUnsavedChanges);
}

WorkspaceDocument::~WorkspaceDocument()
{
    // The history goes first, silently: clearing it announces a new index, and views that listen would read a
    // workspace whose members are already destroyed when QObject deletes the children.
    m_undoStack->blockSignals(true);
    delete m_undoStack;
}

bool WorkspaceDocument::load(const QString &path, QString *error)
{
    return adopt(readFile(path), error);
}

WorkspaceDocument::LoadedFile WorkspaceDocument::readFile(const QString &path, bool withModel)
{
    LoadedFile loaded;
    loaded.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return loaded;
    }
    if (file.size() > static_cast<qint64>(core::kMaxWorkspaceFileBytes)) {
        loaded.error = tr("%1 is too large to be a workspace (%2 bytes).").arg(path).arg(file.size());
        return loaded;
    }
    // A file under the size limit can still need more memory than there is (the JSON reader bounds what it holds,
    // the file's bytes and the workspace come on top): that is a file that cannot be opened, not a crash.
    try {
        const QByteArray bytes = file.readAll();
        core::WorkspaceLoadResult result =
            core::loadWorkspaceText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        // GAAD input with malformed entries still yields the rest; opening it as if it were whole would hide that.
        if (!result.ok()) {
            QStringList errors;
            for (const core::Diagnostic &d : result.diagnostics) {
                if (d.severity == core::Severity::Error) {
                    errors << tr("line %1, column %2: %3")
                                  .arg(d.range.begin.line)
                                  .arg(d.range.begin.column)
                                  .arg(toQString(d.message));
                }
            }
            QString reason = !errors.isEmpty() ? errors.constFirst()
                : result.fileError.empty()     ? tr("not a workspace file")
                                               : toQString(result.fileError);
            const auto more = errors.size() - 1;
            if (more > 0) {
                reason += more == 1 ? tr(" (and 1 more error)") : tr(" (and %1 more errors)").arg(more);
                QStringList shown = errors.mid(0, kErrorDetailLines);
                if (errors.size() > kErrorDetailLines)
                    shown << tr("and %1 more").arg(errors.size() - kErrorDetailLines);
                loaded.errorDetails = shown.join(QLatin1Char('\n'));
            }
            loaded.error = tr("Cannot open %1: %2").arg(path, reason);
            loaded.diagnostics = std::move(result.diagnostics);
            return loaded;
        }
        loaded.diagnostics = std::move(result.diagnostics);
        loaded.imported = result.source == core::WorkspaceSource::Gaad;
        loaded.workspace = std::move(result.workspace);
        // INVARIANT: the document's policies carry no source ranges. Core keeps each policy's place in the file (for
        // the command line's findings), but the editors show every policy as a text of its own and read their
        // positions from that text; and a policy typed again in other words must compare equal to the stored one.
        // The load findings keep their positions in the file.
        core::clearSourceRanges(*loaded.workspace);
    } catch (const std::bad_alloc &) {
        loaded.workspace.reset();
        loaded.error = tr("Cannot open %1: out of memory while reading it").arg(path);
        return loaded;
    }
    // The analysis model too, here rather than on the GUI thread after the document takes the workspace.
    if (!withModel)
        return loaded;
    try {
        loaded.model = core::AccountModel::build(*loaded.workspace);
    } catch (const std::bad_alloc &) {
        loaded.model.reset();
    }
    return loaded;
}

bool WorkspaceDocument::adopt(LoadedFile file, QString *error)
{
    if (!file.workspace) {
        if (error)
            *error = file.error;
        return false;
    }
    // A resource path or an imported GAAD file is not where the workspace would be saved.
    const bool noPath = file.imported || file.path.startsWith(QLatin1Char(':'));
    std::vector<LoadFinding> findings;
    findings.reserve(file.diagnostics.size());
    for (core::Diagnostic &d : file.diagnostics)
        findings.push_back(LoadFinding { std::move(d), file.path });
    replace(std::move(*file.workspace), noPath ? QString() : file.path, file.imported, false, std::move(file.model),
        std::move(findings), noPath ? QFileInfo(file.path).fileName() : QString());
    return true;
}

void WorkspaceDocument::reset(core::Workspace workspace, const QString &filePath)
{
    replace(std::move(workspace), filePath, false);
}

void WorkspaceDocument::replace(core::Workspace workspace, const QString &filePath, bool imported, bool recovered,
    std::shared_ptr<const core::AccountModel> model, std::vector<LoadFinding> loadFindings, QString sourceName)
{
    m_workspace = std::move(workspace);
    m_sourceName = std::move(sourceName);
    m_loadFindings = std::move(loadFindings);
    m_typedTexts.clear();
    m_unreadTexts.clear();
    m_organizationTexts.clear();
    m_undoStack->clear();
    m_undoStack->setClean();
    m_imported = imported;
    m_recovered = recovered;
    if (m_filePath != filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    announceUnsavedChanges();
    if (model)
        m_analysis->prepare(std::move(model));
    m_resetting = true;
    Q_EMIT workspaceReset();
    m_resetting = false;
}

void WorkspaceDocument::announceUnsavedChanges()
{
    const bool unsaved = hasUnsavedChanges();
    if (unsaved == m_announcedUnsaved)
        return;
    m_announcedUnsaved = unsaved;
    Q_EMIT unsavedChangesChanged(unsaved);
}

bool WorkspaceDocument::save(const QString &path, QString *error)
{
    if (auto failure = core::saveWorkspaceFile(toStdString(path), m_workspace)) {
        if (error)
            *error = toQString(*failure);
        return false;
    }
    m_undoStack->setClean();
    m_imported = false;
    m_recovered = false;
    // The recovery copy of the old path is obsolete once the workspace is saved anywhere.
    discardRecovery();
    if (m_filePath != path) {
        m_filePath = path;
        Q_EMIT filePathChanged(m_filePath);
    }
    // Saving a restored recovery copy or an import leaves the undo history as clean as it was: say so here.
    announceUnsavedChanges();
    // The findings were about the file as read; the file now says what the workspace says.
    if (!m_loadFindings.empty()) {
        m_loadFindings.clear();
        Q_EMIT loadFindingsChanged();
    }
    return true;
}

bool WorkspaceDocument::editRole(
    core::RoleId id, const QString &text, RoleEditCommand::Field field, const std::function<void(core::Role &)> &change)
{
    const core::Role *current = m_workspace.role(id);
    if (!current)
        return false;
    core::Role after = *current;
    change(after);
    if (after.name != current->name || after.path != current->path) {
        // arn:partition:iam::account:role/path/name, keeping the partition of the ARN the role had.
        const std::size_t colon = current->arn.find(':', 4);
        const std::string partition = current->arn.rfind("arn:", 0) == 0 && colon != std::string::npos
            ? current->arn.substr(4, colon - 4)
            : "aws";
        after.arn = "arn:" + partition + ":iam::" + after.accountId + ":role" + after.path + after.name;
    }
    if (after == *current)
        return false;
    auto command = std::make_unique<RoleEditCommand>(this, *current, after, field, text);
    if (after.arn != current->arn) {
        followRoleArn(*current, after, *command);
        command->setAfter(std::move(after));
    }
    m_undoStack->push(command.release());
    return true;
}

void WorkspaceDocument::followRoleArn(const core::Role &current, core::Role &after, RoleEditCommand &command) const
{
    // The step the edit joins (the keystrokes of a name merge into one): what names the role follows from where it
    // stood when the step began, so that a name passed through on the way (empty, or another role's) never decides
    // what it names. The undo stack merges with neither its clean state nor a step that does not take the edit.
    const RoleEditCommand *top = nullptr;
    if (m_undoStack->index() > 0 && m_undoStack->index() != m_undoStack->cleanIndex()) {
        top = dynamic_cast<const RoleEditCommand *>(m_undoStack->command(m_undoStack->index() - 1));
        if (top && !top->canMerge(command))
            top = nullptr;
    }
    const core::Role &start = top ? top->before() : current;
    const core::ReferenceTarget from = core::ReferenceTarget::of(start);
    const core::ReferenceEdit edit = core::ReferenceEdit::rename(from, core::ReferenceTarget::of(after));
    const bool follows = referencesCanFollow(m_workspace, start, after);
    // Its own trust policy, where it names the role.
    core::Role own = start;
    if (follows)
        edit.applyTo(own);
    after.trustPolicy = std::move(own.trustPolicy);
    // The others: those the step changed already, as they were when it began, then those that name the role now.
    std::vector<WorkspaceEntity> origins = top ? top->followersBefore() : std::vector<WorkspaceEntity> {};
    std::set<std::pair<int, std::uint64_t>> seen { { static_cast<int>(EntityKind::Role), start.id.value } };
    for (const WorkspaceEntity &origin : origins)
        seen.emplace(static_cast<int>(entityKind(origin)), entityId(origin));
    std::vector<WorkspaceEntity> named = holdersOf(m_workspace, core::findReferences(m_workspace, from), seen);
    origins.insert(origins.end(), std::make_move_iterator(named.begin()), std::make_move_iterator(named.end()));
    std::vector<WorkspaceEntity> before;
    std::vector<WorkspaceEntity> followed;
    for (const WorkspaceEntity &origin : origins) {
        WorkspaceEntity next = origin;
        if (follows)
            applyEdit(edit, next);
        std::optional<WorkspaceEntity> now = findEntity(m_workspace, entityKind(origin), entityId(origin));
        if (!now || *now == next)
            continue;
        before.push_back(std::move(*now));
        followed.push_back(std::move(next));
    }
    command.setFollowers(std::move(before), std::move(followed));
}

void WorkspaceDocument::replaceRole(const core::Role &role)
{
    core::Role *target = m_workspace.role(role.id);
    if (!target)
        return;
    *target = role;
    Q_EMIT roleChanged(role.id);
}

core::RoleId WorkspaceDocument::addRole(core::Role role)
{
    auto *command = new AddRoleCommand(this, std::move(role));
    m_undoStack->push(command);
    return command->roleId();
}

core::RoleId WorkspaceDocument::insertRole(core::Role role)
{
    m_workspace.ensureAccount(role.accountId);
    const core::RoleId id = m_workspace.add(std::move(role));
    Q_EMIT rolesChanged();
    return id;
}

void WorkspaceDocument::removeRole(core::RoleId id, const std::string &account)
{
    auto &roles = m_workspace.roles;
    roles.erase(
        std::remove_if(roles.begin(), roles.end(), [&](const core::Role &r) { return r.id == id; }), roles.end());
    if (!account.empty()) {
        auto &accounts = m_workspace.accounts;
        accounts.erase(std::remove_if(accounts.begin(), accounts.end(),
                           [&](const core::Account &a) { return a.accountId == account; }),
            accounts.end());
    }
    Q_EMIT rolesChanged();
}

bool WorkspaceDocument::editPolicy(const PolicyRef &ref, core::Policy policy, const QString &undoText,
    const QString &mergeKey, const QString *typedText)
{
    const core::Role *current = m_workspace.role(ref.role);
    if (!current)
        return false;
    const core::Policy *old = ref.find(*current);
    if (!old)
        return false;
    core::clearSourceRanges(policy);
    const QString oldText = typedText ? policyText(ref) : QString();
    if (*old == policy) {
        // The same policy in other words (white space, a key typed again): only the typed text changes, which no
        // other view shows, so it is recorded without an undo step of its own, unless it continues a text step of
        // this policy (typing that did not read, taken back): that step then ends at this text.
        if (typedText) {
            const auto *top = m_undoStack->index() > 0
                ? dynamic_cast<const RoleEditCommand *>(m_undoStack->command(m_undoStack->index() - 1))
                : nullptr;
            if (top && top->isTextStepOf(ref, mergeKey))
                editPolicyText(ref, *typedText, undoText, mergeKey);
            else
                setPolicyText(ref, *typedText);
        }
        return false;
    }
    core::Role after = *current;
    *ref.find(after) = std::move(policy);
    auto *command =
        new RoleEditCommand(this, *current, std::move(after), RoleEditCommand::Field::Policy, undoText, mergeKey);
    if (typedText)
        command->setPolicyText(ref, oldText, *typedText);
    m_undoStack->push(command);
    return true;
}

bool WorkspaceDocument::editPolicyText(
    const PolicyRef &ref, const QString &text, const QString &undoText, const QString &mergeKey)
{
    const core::Role *current = m_workspace.role(ref.role);
    if (!current || !ref.find(*current))
        return false;
    const QString oldText = policyText(ref);
    if (oldText == text)
        return false;
    auto *command = new RoleEditCommand(this, *current, *current, RoleEditCommand::Field::Policy, undoText, mergeKey);
    command->setPolicyText(ref, oldText, text);
    m_undoStack->push(command);
    return true;
}

QString WorkspaceDocument::policyText(const PolicyRef &ref) const
{
    const core::Role *role = m_workspace.role(ref.role);
    const core::Policy *policy = role ? ref.find(*role) : nullptr;
    if (!policy)
        return {};
    const auto typed = m_typedTexts.find({ ref.role.value, ref.inlineName });
    if (typed != m_typedTexts.end()
        && ((typed->second.policy && core::sameContent(*typed->second.policy, *policy))
            || (!typed->second.policy && typed->second.basis && core::sameContent(*typed->second.basis, *policy))))
        return typed->second.text;
    return toQString(core::writePolicy(*policy));
}

void WorkspaceDocument::setPolicyText(const PolicyRef &ref, const QString &text)
{
    auto [entry, added] = m_typedTexts.try_emplace({ ref.role.value, ref.inlineName });
    TypedText &stored = entry->second;
    if (!added && stored.text == text)
        return;
    stored.text = text;
    const QByteArray utf8 = text.toUtf8();
    core::ParseResult parsed = core::parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    stored.policy.reset();
    stored.basis.reset();
    if (parsed.isUsable()) {
        stored.policy = std::move(parsed.policy);
    } else if (const core::Role *role = m_workspace.role(ref.role)) {
        if (const core::Policy *model = ref.find(*role))
            stored.basis = *model;
    }
    Q_EMIT policyTextChanged(ref.role);
}

void WorkspaceDocument::setUnreadPolicyText(const PolicyRef &ref, const QString &text)
{
    const std::pair<std::uint64_t, std::string> key { ref.role.value, ref.inlineName };
    const auto found = m_unreadTexts.find(key);
    if (text.isEmpty()) {
        if (found == m_unreadTexts.end())
            return;
        m_unreadTexts.erase(found);
    } else {
        if (found != m_unreadTexts.end() && found->second == text)
            return;
        m_unreadTexts[key] = text;
    }
    Q_EMIT policyTextChanged(ref.role);
}

QString WorkspaceDocument::unreadPolicyText(const PolicyRef &ref) const
{
    const auto found = m_unreadTexts.find({ ref.role.value, ref.inlineName });
    return found == m_unreadTexts.end() ? QString() : found->second;
}

bool WorkspaceDocument::hasUnsavedChanges() const
{
    return !m_undoStack->isClean() || m_imported || m_recovered;
}

QString WorkspaceDocument::recoveryFilePath(const QString &workspacePath)
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
    const QString key = workspacePath.isEmpty()
        ? QStringLiteral("untitled")
        : QString::fromLatin1(
            QCryptographicHash::hash(QFileInfo(workspacePath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1)
                .toHex());
    return folder + QLatin1Char('/') + key + QStringLiteral(".rdws");
}

QDateTime WorkspaceDocument::recoveryTime(const QString &workspacePath)
{
    const QFileInfo recovery(recoveryFilePath(workspacePath));
    if (!recovery.exists())
        return {};
    const QFileInfo original(workspacePath);
    if (!workspacePath.isEmpty() && original.exists() && original.lastModified() > recovery.lastModified())
        return {};
    return recovery.lastModified();
}

bool WorkspaceDocument::prepareRecovery(QString *path, QString *error)
{
    path->clear();
    const QString file = recoveryFilePath(m_filePath);
    if (!hasUnsavedChanges()) {
        QFile::remove(file);
        return true;
    }
    if (!QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder of %1").arg(file);
        return false;
    }
    *path = file;
    return true;
}

bool WorkspaceDocument::autosave(QString *error)
{
    QString path;
    if (!prepareRecovery(&path, error))
        return false;
    if (path.isEmpty())
        return true;
    if (auto failure = core::saveWorkspaceFile(toStdString(path), m_workspace)) {
        if (error)
            *error = toQString(*failure);
        return false;
    }
    return true;
}

void WorkspaceDocument::autosaveInBackground()
{
    if (m_autosaving)
        return;
    QString path;
    QString error;
    if (!prepareRecovery(&path, &error) || path.isEmpty()) {
        Q_EMIT autosaveFinished(error); // failed, or nothing to write (the copy is removed)
        return;
    }
    m_autosaving = true;
    auto workspace = std::make_shared<const core::Workspace>(m_workspace);
    QPointer<WorkspaceDocument> self(this);
    runInBackground([self, workspace, path] {
        std::optional<std::string> failure;
        try {
            failure = core::saveWorkspaceFile(toStdString(path), *workspace);
        } catch (const std::bad_alloc &) {
            failure = "out of memory";
        }
        const QString error = failure ? toQString(*failure) : QString();
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error] {
                if (!self)
                    return;
                self->m_autosaving = false;
                // Saved, or undone to the saved state, while the copy was written: it is stale.
                if (!self->hasUnsavedChanges() || recoveryFilePath(self->m_filePath) != path)
                    QFile::remove(path);
                Q_EMIT self->autosaveFinished(error);
            },
            Qt::QueuedConnection);
    });
}

bool WorkspaceDocument::restoreRecovery(QString *error)
{
    const QString path = recoveryFilePath(m_filePath);
    LoadedFile copy = readFile(path);
    if (!copy.workspace) {
        if (error) {
            *error = tr("The recovery copy cannot be read. %1").arg(copy.error);
            if (!copy.errorDetails.isEmpty())
                *error += QLatin1Char('\n') + copy.errorDetails;
        }
        return false;
    }
    // The restored workspace still descends from the file as read: its findings stay, and the copy's own join them.
    std::vector<LoadFinding> findings = m_loadFindings;
    for (core::Diagnostic &d : copy.diagnostics)
        findings.push_back(LoadFinding { std::move(d), path });
    const QString filePath = m_filePath;
    replace(std::move(*copy.workspace), filePath, false, true, nullptr, std::move(findings));
    return true;
}

void WorkspaceDocument::discardRecovery()
{
    QFile::remove(recoveryFilePath(m_filePath));
}

// --- Entities of every kind, for EntityCommand (the workspace browser) -------------------------------------------

namespace
{

template <class T> std::vector<T> &entityList(core::Workspace &workspace)
{
    if constexpr (std::is_same_v<T, core::Role>)
        return workspace.roles;
    else if constexpr (std::is_same_v<T, core::User>)
        return workspace.users;
    else if constexpr (std::is_same_v<T, core::Group>)
        return workspace.groups;
    else if constexpr (std::is_same_v<T, core::ManagedPolicy>)
        return workspace.policies;
    else if constexpr (std::is_same_v<T, core::Resource>)
        return workspace.resources;
    else
        return workspace.externalPrincipals;
}

template <class T> void eraseAt(std::vector<T> &items, std::size_t position)
{
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(position));
}

} // namespace

std::uint64_t WorkspaceDocument::insertEntity(WorkspaceEntity entity, std::size_t position, bool *addedAccount)
{
    const EntityKind kind = entityKind(entity);
    const std::string account = entityAccount(entity);
    const bool addAccount = !account.empty() && !m_workspace.hasAccount(account);
    if (addAccount)
        m_workspace.ensureAccount(account);
    if (addedAccount)
        *addedAccount = addAccount;
    const std::uint64_t id = std::visit(
        [&](auto &e) -> std::uint64_t {
            using T = std::decay_t<decltype(e)>;
            std::vector<T> &items = entityList<T>(m_workspace);
            // Workspace::add keeps the id (or gives one) and appends; the entity then moves to its place.
            const std::uint64_t given = m_workspace.add(std::move(e)).value;
            const std::size_t at = std::min(position, items.size() - 1);
            std::rotate(items.begin() + static_cast<std::ptrdiff_t>(at), items.end() - 1, items.end());
            return given;
        },
        entity);
    if (kind == EntityKind::Role)
        Q_EMIT rolesChanged();
    else
        Q_EMIT entitiesChanged(kind);
    if (addAccount)
        Q_EMIT entitiesChanged(EntityKind::Account);
    return id;
}

bool WorkspaceDocument::removeEntity(EntityKind kind, std::uint64_t id, const std::string &account)
{
    const std::optional<std::size_t> position = entityPosition(m_workspace, kind, id);
    if (!position)
        return false;
    switch (kind) {
    case EntityKind::Role:
        eraseAt(m_workspace.roles, *position);
        break;
    case EntityKind::User:
        eraseAt(m_workspace.users, *position);
        break;
    case EntityKind::Group:
        eraseAt(m_workspace.groups, *position);
        break;
    case EntityKind::Policy:
        eraseAt(m_workspace.policies, *position);
        break;
    case EntityKind::Resource:
        eraseAt(m_workspace.resources, *position);
        break;
    case EntityKind::ExternalPrincipal:
        eraseAt(m_workspace.externalPrincipals, *position);
        break;
    case EntityKind::Account:
        return false;
    }
    bool removedAccount = false;
    if (!account.empty()) {
        auto &accounts = m_workspace.accounts;
        const auto kept = std::remove_if(
            accounts.begin(), accounts.end(), [&](const core::Account &a) { return a.accountId == account; });
        removedAccount = kept != accounts.end();
        accounts.erase(kept, accounts.end());
    }
    if (kind == EntityKind::Role)
        Q_EMIT rolesChanged();
    else
        Q_EMIT entitiesChanged(kind);
    if (removedAccount)
        Q_EMIT entitiesChanged(EntityKind::Account);
    return true;
}

bool WorkspaceDocument::replaceEntity(const WorkspaceEntity &entity)
{
    const EntityKind kind = entityKind(entity);
    const std::uint64_t id = entityId(entity);
    const std::optional<std::size_t> position = entityPosition(m_workspace, kind, id);
    if (!position)
        return false;
    if (kind == EntityKind::Role) {
        replaceRole(std::get<core::Role>(entity));
        return true;
    }
    std::visit(
        [&](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            entityList<T>(m_workspace)[*position] = e;
        },
        entity);
    Q_EMIT entityChanged(kind, id);
    return true;
}

bool WorkspaceDocument::replaceEntities(const std::vector<WorkspaceEntity> &entities, const QString &text)
{
    bool changes = false;
    for (const WorkspaceEntity &entity : entities) {
        const std::optional<WorkspaceEntity> before = findEntity(m_workspace, entityKind(entity), entityId(entity));
        if (!before)
            return false;
        changes = changes || !(*before == entity);
    }
    if (!changes)
        return false;
    // One macro: a single undo step that puts every entity back, in reverse order.
    m_undoStack->beginMacro(text);
    for (const WorkspaceEntity &entity : entities) {
        if (std::unique_ptr<EntityCommand> command = EntityCommand::replace(this, entity, text))
            m_undoStack->push(command.release());
    }
    m_undoStack->endMacro();
    return true;
}

std::vector<core::EntityReference> WorkspaceDocument::deletionReferences(EntityKind kind, std::uint64_t id) const
{
    const std::optional<WorkspaceEntity> entity = findEntity(m_workspace, kind, id);
    const std::optional<core::ReferenceTarget> target = entity ? referenceTargetOf(*entity) : std::nullopt;
    if (!target)
        return {};
    return core::ReferenceEdit::removal(*target).references(m_workspace);
}

std::vector<core::EntityReference> WorkspaceDocument::renameReferences(EntityKind kind, std::uint64_t id) const
{
    const std::optional<WorkspaceEntity> entity = findEntity(m_workspace, kind, id);
    const std::optional<core::ReferenceTarget> target = entity ? referenceTargetOf(*entity) : std::nullopt;
    if (!target)
        return {};
    return core::findReferences(m_workspace, *target);
}

void WorkspaceDocument::pushWithHolders(
    std::unique_ptr<QUndoCommand> command, const std::vector<WorkspaceEntity> &holders, bool holdersFirst)
{
    if (holders.empty()) {
        m_undoStack->push(command.release());
        return;
    }
    const QString text = command->text();
    // One macro: a single undo step, undone in reverse order.
    m_undoStack->beginMacro(text);
    if (!holdersFirst)
        m_undoStack->push(command.release());
    for (const WorkspaceEntity &holder : holders) {
        if (std::unique_ptr<EntityCommand> replace = EntityCommand::replace(this, holder, text))
            m_undoStack->push(replace.release());
    }
    if (holdersFirst)
        m_undoStack->push(command.release());
    m_undoStack->endMacro();
}

bool WorkspaceDocument::deleteEntity(EntityKind kind, std::uint64_t id, const QString &text)
{
    std::unique_ptr<EntityCommand> removal = EntityCommand::remove(this, kind, id, text);
    if (!removal)
        return false;
    std::vector<WorkspaceEntity> holders;
    const std::optional<WorkspaceEntity> entity = findEntity(m_workspace, kind, id);
    if (const std::optional<core::ReferenceTarget> target = referenceTargetOf(*entity))
        holders = editedHolders(m_workspace, core::ReferenceEdit::removal(*target));
    // The references go first, so that undo brings the entity back before anything names it again.
    pushWithHolders(std::move(removal), holders, true);
    return true;
}

bool WorkspaceDocument::renameEntity(EntityKind kind, std::uint64_t id, const std::string &name, const QString &text)
{
    const std::optional<WorkspaceEntity> current = findEntity(m_workspace, kind, id);
    if (!current || !isRenamable(*current) || entityName(*current) == name)
        return false;
    const QString undoText = !text.isEmpty()
        ? text
        : tr("Rename %1 %2 to %3").arg(entityKindLabel(kind), toQString(entityName(*current)), toQString(name));
    if (kind == EntityKind::Role) {
        // editRole keeps the ARN, and what names the role, in step with the name.
        return editRole(core::RoleId { id }, undoText, RoleEditCommand::Field::Name,
            [&name](core::Role &changed) { changed.name = name; });
    }
    const WorkspaceEntity renamed = renamedEntity(*current, name);
    std::unique_ptr<EntityCommand> replace = EntityCommand::replace(this, renamed, undoText);
    if (!replace)
        return false;
    std::vector<WorkspaceEntity> holders;
    const std::optional<core::ReferenceTarget> before = referenceTargetOf(*current);
    const std::optional<core::ReferenceTarget> after = referenceTargetOf(renamed);
    if (before && after && !(*before == *after))
        holders = editedHolders(m_workspace, core::ReferenceEdit::rename(*before, *after));
    pushWithHolders(std::move(replace), holders, false);
    return true;
}

// --- End of the entities of every kind ------------------------------------------------------------------------

// --- The organization's SCPs and RCPs -------------------------------------------------------------------------

namespace
{
core::OrganizationPolicy *organizationPolicy(core::Workspace &workspace, std::string_view id)
{
    if (!workspace.organization)
        return nullptr;
    for (core::OrganizationPolicy &policy : workspace.organization->policies) {
        if (policy.id == id)
            return &policy;
    }
    return nullptr;
}
} // namespace

bool WorkspaceDocument::editOrganizationPolicy(
    const std::string &policyId, core::Policy policy, const QString &typedText, const QString &undoText)
{
    const core::OrganizationPolicy *current = organizationPolicy(m_workspace, policyId);
    if (!current)
        return false;
    core::clearSourceRanges(policy);
    if (current->document == policy) {
        // The same policy in other words: only the typed text changes, which no other view shows.
        m_organizationTexts[policyId] = { typedText, policy };
        return false;
    }
    m_undoStack->push(new OrganizationPolicyCommand(
        this, policyId, current->document, organizationPolicyText(policyId), std::move(policy), typedText, undoText));
    return true;
}

void WorkspaceDocument::setOrganizationPolicy(
    const std::string &policyId, const core::Policy &policy, const QString &typedText)
{
    core::OrganizationPolicy *target = organizationPolicy(m_workspace, policyId);
    if (!target)
        return;
    target->document = policy;
    m_organizationTexts[policyId] = { typedText, policy };
    Q_EMIT organizationPolicyChanged(toQString(policyId));
}

QString WorkspaceDocument::organizationPolicyText(const std::string &policyId) const
{
    const core::OrganizationPolicy *policy =
        m_workspace.organization ? m_workspace.organization->policy(policyId) : nullptr;
    if (!policy)
        return {};
    const auto typed = m_organizationTexts.find(policyId);
    if (typed != m_organizationTexts.end() && core::sameContent(typed->second.second, policy->document))
        return typed->second.first;
    return toQString(core::writePolicy(policy->document));
}

// --- End of the organization ----------------------------------------------------------------------------------

// --- Graph editor layout ------------------------------------------------------------------------------------

bool WorkspaceDocument::moveGraphNodes(const std::vector<core::GraphPosition> &positions, const QString &text)
{
    std::vector<core::GraphPosition> after = m_workspace.layout;
    for (const core::GraphPosition &position : positions) {
        auto it = std::find_if(
            after.begin(), after.end(), [&](const core::GraphPosition &kept) { return kept.node == position.node; });
        if (it == after.end())
            after.push_back(position);
        else
            *it = position;
    }
    std::sort(after.begin(), after.end(),
        [](const core::GraphPosition &a, const core::GraphPosition &b) { return core::canonicalLess(a, b); });
    if (after == m_workspace.layout)
        return false;
    m_undoStack->push(new GraphLayoutCommand(this, m_workspace.layout, std::move(after), text));
    return true;
}

bool WorkspaceDocument::clearGraphLayout(const QString &text)
{
    if (m_workspace.layout.empty())
        return false;
    m_undoStack->push(new GraphLayoutCommand(this, m_workspace.layout, {}, text));
    return true;
}

void WorkspaceDocument::setGraphLayout(std::vector<core::GraphPosition> layout)
{
    std::sort(layout.begin(), layout.end(),
        [](const core::GraphPosition &a, const core::GraphPosition &b) { return core::canonicalLess(a, b); });
    m_workspace.layout = std::move(layout);
    Q_EMIT graphLayoutChanged();
}

} // namespace rd::doc
