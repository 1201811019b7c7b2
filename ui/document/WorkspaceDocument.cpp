// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/WorkspaceDocument.h"

#include "document/AddRoleCommand.h"
#include "document/RoleEditCommand.h"
#include "document/StringConversion.h"
#include "rd/core/WorkspaceFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

#include <algorithm>

namespace rd::doc
{

WorkspaceDocument::WorkspaceDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
}

WorkspaceDocument::~WorkspaceDocument() = default;

bool WorkspaceDocument::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > static_cast<qint64>(core::kMaxWorkspaceFileBytes)) {
        if (error)
            *error = tr("%1 is too large to be a workspace (%2 bytes).").arg(path).arg(file.size());
        return false;
    }
    const QByteArray bytes = file.readAll();
    core::WorkspaceLoadResult result =
        core::loadWorkspaceText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!result.workspace) {
        if (error) {
            QString reason = tr("not a workspace file");
            for (const core::Diagnostic &d : result.diagnostics) {
                if (d.severity == core::Severity::Error) {
                    reason = tr("line %1, column %2: %3")
                                 .arg(d.range.begin.line)
                                 .arg(d.range.begin.column)
                                 .arg(toQString(d.message));
                    break;
                }
            }
            *error = tr("Cannot open %1: %2").arg(path, reason);
        }
        return false;
    }
    const bool imported = result.source == core::WorkspaceSource::Gaad;
    // A resource path or an imported GAAD file is not where the workspace would be saved.
    replace(std::move(*result.workspace), imported || path.startsWith(QLatin1Char(':')) ? QString() : path, imported);
    return true;
}

void WorkspaceDocument::reset(core::Workspace workspace, const QString &filePath)
{
    replace(std::move(workspace), filePath, false);
}

void WorkspaceDocument::replace(core::Workspace workspace, const QString &filePath, bool imported, bool recovered)
{
    m_workspace = std::move(workspace);
    m_undoStack->clear();
    m_undoStack->setClean();
    m_imported = imported;
    m_recovered = recovered;
    if (m_filePath != filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    Q_EMIT workspaceReset();
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
    m_undoStack->push(new RoleEditCommand(this, *current, std::move(after), field, text));
    return true;
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

void WorkspaceDocument::removeRole(core::RoleId id)
{
    auto &roles = m_workspace.roles;
    roles.erase(
        std::remove_if(roles.begin(), roles.end(), [&](const core::Role &r) { return r.id == id; }), roles.end());
    Q_EMIT rolesChanged();
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

bool WorkspaceDocument::autosave(QString *error)
{
    const QString path = recoveryFilePath(m_filePath);
    if (!hasUnsavedChanges()) {
        QFile::remove(path);
        return true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder of %1").arg(path);
        return false;
    }
    if (auto failure = core::saveWorkspaceFile(toStdString(path), m_workspace)) {
        if (error)
            *error = toQString(*failure);
        return false;
    }
    return true;
}

bool WorkspaceDocument::restoreRecovery(QString *error)
{
    const QString path = recoveryFilePath(m_filePath);
    core::WorkspaceLoadResult result = core::loadWorkspaceFile(toStdString(path));
    if (!result.workspace) {
        if (error)
            *error = tr("The recovery copy %1 cannot be read").arg(path);
        return false;
    }
    const QString filePath = m_filePath;
    replace(std::move(*result.workspace), filePath, false, true);
    return true;
}

void WorkspaceDocument::discardRecovery()
{
    QFile::remove(recoveryFilePath(m_filePath));
}

} // namespace rd::doc
