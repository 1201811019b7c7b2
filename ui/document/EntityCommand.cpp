// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "document/EntityCommand.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

#include <QCoreApplication>

namespace rd::doc
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("rd::doc::EntityCommand", text);
}

} // namespace

EntityCommand::EntityCommand(
    WorkspaceDocument *document, Operation operation, WorkspaceEntity entity, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_operation(operation)
    , m_entity(std::move(entity))
{
}

std::unique_ptr<EntityCommand> EntityCommand::add(
    WorkspaceDocument *document, WorkspaceEntity entity, const QString &text)
{
    const QString name = toQString(entityName(entity));
    const QString label = entityKindLabel(entityKind(entity));
    return std::unique_ptr<EntityCommand>(new EntityCommand(
        document, Operation::Add, std::move(entity), text.isEmpty() ? tr("Add %1 %2").arg(label, name) : text));
}

std::unique_ptr<EntityCommand> EntityCommand::remove(
    WorkspaceDocument *document, EntityKind kind, std::uint64_t id, const QString &text)
{
    std::optional<WorkspaceEntity> entity = findEntity(document->workspace(), kind, id);
    const std::optional<std::size_t> position = entityPosition(document->workspace(), kind, id);
    if (!entity || !position)
        return nullptr;
    const QString name = toQString(entityName(*entity));
    std::unique_ptr<EntityCommand> command(new EntityCommand(document, Operation::Remove, std::move(*entity),
        text.isEmpty() ? tr("Delete %1 %2").arg(entityKindLabel(kind), name) : text));
    command->m_position = *position;
    return command;
}

std::unique_ptr<EntityCommand> EntityCommand::replace(
    WorkspaceDocument *document, WorkspaceEntity after, const QString &text)
{
    std::optional<WorkspaceEntity> before = findEntity(document->workspace(), entityKind(after), doc::entityId(after));
    if (!before || *before == after)
        return nullptr;
    QString undoText = text;
    if (undoText.isEmpty()) {
        const QString label = entityKindLabel(entityKind(after));
        const std::string oldName = entityName(*before);
        const std::string newName = entityName(after);
        undoText = oldName != newName ? tr("Rename %1 %2 to %3").arg(label, toQString(oldName), toQString(newName))
                                      : tr("Edit %1 %2").arg(label, toQString(newName));
    }
    std::unique_ptr<EntityCommand> command(new EntityCommand(document, Operation::Replace, std::move(after), undoText));
    command->m_before = std::move(before);
    return command;
}

void EntityCommand::insert()
{
    // The first insertion of an addition gives the entity its id and takes the end of the list; every later one
    // puts it back under that id at the same place.
    const std::uint64_t id = m_document->insertEntity(m_entity, m_position, &m_addedAccount);
    std::visit([id](auto &e) { e.id.value = id; }, m_entity);
    m_position = entityPosition(m_document->workspace(), kind(), id).value_or(m_position);
}

void EntityCommand::take()
{
    m_document->removeEntity(kind(), entityId(), m_addedAccount ? entityAccount(m_entity) : std::string());
    m_addedAccount = false;
}

void EntityCommand::redo()
{
    switch (m_operation) {
    case Operation::Add:
        insert();
        break;
    case Operation::Remove:
        take();
        break;
    case Operation::Replace:
        m_document->replaceEntity(m_entity);
        break;
    }
}

void EntityCommand::undo()
{
    switch (m_operation) {
    case Operation::Add:
        take();
        break;
    case Operation::Remove:
        insert();
        break;
    case Operation::Replace:
        m_document->replaceEntity(*m_before);
        break;
    }
}

} // namespace rd::doc
