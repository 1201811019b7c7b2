// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/WorkspaceBrowser.h"

#include "document/EntityCommand.h"
#include "document/OrganizationTreeModel.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceEntity.h"
#include "document/WorkspaceTreeModel.h"
#include "rd/core/policy/IamIdentifiers.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace rd::ui
{

using doc::EntityKind;
using Model = doc::WorkspaceTreeModel;

/// The inline name editor: a line edit whose text is committed through the browser, which refuses a name IAM
/// would refuse (with the reason) instead of handing it to the model.
class EntityNameDelegate : public QStyledItemDelegate
{
public:
    explicit EntityNameDelegate(WorkspaceBrowser *browser)
        : QStyledItemDelegate(browser)
        , m_browser(browser)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        editor->setObjectName(QStringLiteral("entityNameEditor"));
        return editor;
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            m_browser->commitName(index, line->text());
        else
            QStyledItemDelegate::setModelData(editor, model, index);
    }

private:
    WorkspaceBrowser *m_browser;
};

namespace
{

// A themed icon where the desktop has one, else the style's.
QIcon themedIcon(const char *themeName, QStyle *style, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(themeName), style->standardIcon(fallback));
}

constexpr int kMessageMilliseconds = 10000;
// How many references the question lists in its text; its details list up to kDetailReferences.
constexpr std::size_t kListedReferences = 8;
constexpr std::size_t kDetailReferences = 2000;

/// `one` when `count` is 1, else `many` with the count for %1 (the program has no translations to pick plurals).
QString counted(int count, const QString &one, const QString &many)
{
    return count == 1 ? one : many.arg(count);
}

/// `12 attached-policy lists, 3 trust policy statements`: how many references of each kind.
QString countsByField(const std::vector<core::EntityReference> &references)
{
    using core::ReferenceField;
    std::map<ReferenceField, int> counts;
    for (const core::EntityReference &r : references)
        ++counts[r.field];
    QStringList parts;
    for (const auto &[field, count] : counts) {
        switch (field) {
        case ReferenceField::AttachedPolicy:
            parts << counted(count, WorkspaceBrowser::tr("1 attached-policy list"),
                WorkspaceBrowser::tr("%1 attached-policy lists"));
            break;
        case ReferenceField::PermissionsBoundary:
            parts << counted(count, WorkspaceBrowser::tr("1 permissions boundary"),
                WorkspaceBrowser::tr("%1 permissions boundaries"));
            break;
        case ReferenceField::GroupMembership:
            parts << counted(
                count, WorkspaceBrowser::tr("1 user in the group"), WorkspaceBrowser::tr("%1 users in the group"));
            break;
        case ReferenceField::TrustPrincipal:
            parts << counted(count, WorkspaceBrowser::tr("1 trust policy statement"),
                WorkspaceBrowser::tr("%1 trust policy statements"));
            break;
        case ReferenceField::ResourcePolicyPrincipal:
            parts << counted(count, WorkspaceBrowser::tr("1 resource policy statement"),
                WorkspaceBrowser::tr("%1 resource policy statements"));
            break;
        case ReferenceField::InstanceProfile:
            parts << counted(
                count, WorkspaceBrowser::tr("1 instance profile"), WorkspaceBrowser::tr("%1 instance profiles"));
            break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

WorkspaceBrowser::WorkspaceBrowser(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new Model(document, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit)
    , m_messageLabel(new QLabel)
    , m_messageTimer(new QTimer(this))
    , m_tree(new QTreeView)
    , m_tabs(new QTabWidget)
    , m_organizationModel(new doc::OrganizationTreeModel(document, this))
    , m_organizationTree(new QTreeView)
{
    setObjectName(QStringLiteral("workspaceBrowser"));
    installIcons();

    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterRole(Model::FilterTextRole);
    m_filter->setSortRole(Model::SortRole);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_filter->sort(Model::NameColumn);

    m_filterEdit->setObjectName(QStringLiteral("browserFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter"));
    m_filterEdit->setToolTip(tr("Shows the entities whose name or ARN contains this text"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &WorkspaceBrowser::onFilterChanged);

    m_messageLabel->setObjectName(QStringLiteral("browserMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setFrameShape(QFrame::StyledPanel);
    m_messageLabel->setMargin(4);
    m_messageLabel->hide();
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(kMessageMilliseconds);
    connect(m_messageTimer, &QTimer::timeout, this, &WorkspaceBrowser::clearMessage);

    m_tree->setObjectName(QStringLiteral("workspaceTree"));
    m_tree->setModel(m_filter);
    m_tree->setItemDelegate(new EntityNameDelegate(this));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Renaming starts from F2 or the context menu only, never from a stray click.
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setSectionsMovable(false);
    m_tree->setColumnWidth(Model::NameColumn, 220);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &WorkspaceBrowser::showContextMenu);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        // A section's double-click is the view's (expand or collapse).
        if (index.isValid() && !Model::isSection(index))
            openCurrent();
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, &WorkspaceBrowser::onModelReset);
    // Renames, undo and redo change what the actions can do without moving the current row.
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &WorkspaceBrowser::updateActions);

    auto *iamPage = new QWidget;
    auto *iamLayout = new QVBoxLayout(iamPage);
    iamLayout->setContentsMargins(0, 4, 0, 0);
    iamLayout->addWidget(m_filterEdit);
    iamLayout->addWidget(m_messageLabel);
    iamLayout->addWidget(m_tree);

    // The organization: a small tree (tens of accounts), shown whole.
    m_organizationTree->setObjectName(QStringLiteral("organizationTree"));
    m_organizationTree->setModel(m_organizationModel);
    m_organizationTree->setUniformRowHeights(true);
    m_organizationTree->setAllColumnsShowFocus(true);
    m_organizationTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_organizationTree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_organizationTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_organizationTree->setHeaderHidden(true);
    auto onOrganizationRow = [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        using OrgModel = doc::OrganizationTreeModel;
        const auto kind = OrgModel::NodeKind(index.data(OrgModel::NodeKindRole).toInt());
        const QString id = index.data(OrgModel::NodeIdRole).toString();
        if (kind == OrgModel::NodeKind::Policy)
            Q_EMIT organizationPolicyActivated(id, index.data(OrgModel::TargetIdRole).toString());
        else
            Q_EMIT organizationNodeActivated(id);
    };
    connect(m_organizationTree->selectionModel(), &QItemSelectionModel::currentChanged, this, onOrganizationRow);
    // Return and a click on the current row open it again (after the editor showed something else).
    connect(m_organizationTree, &QTreeView::activated, this, onOrganizationRow);
    connect(m_organizationModel, &QAbstractItemModel::modelReset, this, [this] {
        const bool organization = m_organizationModel->rowCount() > 0;
        m_tabs->setTabVisible(1, organization);
        if (organization)
            m_organizationTree->expandAll();
        else
            m_tabs->setCurrentIndex(0);
    });

    m_tabs->setObjectName(QStringLiteral("browserTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(iamPage, tr("IAM"));
    m_tabs->addTab(m_organizationTree, tr("Organization"));
    m_tabs->setTabToolTip(1, tr("The AWS organization: its root, OUs and accounts with the SCPs and RCPs attached"));
    const bool organization = m_organizationModel->rowCount() > 0;
    m_tabs->setTabVisible(1, organization);
    if (organization)
        m_organizationTree->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_tabs);

    createActions();
    onModelReset();
}

WorkspaceBrowser::~WorkspaceBrowser() = default;

void WorkspaceBrowser::installIcons()
{
    QStyle *s = style();
    m_model->setSectionIcon(themedIcon("folder", s, QStyle::SP_DirIcon));
    m_model->setKindIcon(EntityKind::Account, themedIcon("network-server", s, QStyle::SP_DriveNetIcon));
    m_model->setKindIcon(EntityKind::Role, themedIcon("system-users", s, QStyle::SP_FileDialogContentsView));
    m_model->setKindIcon(EntityKind::User, themedIcon("user-identity", s, QStyle::SP_DirHomeIcon));
    m_model->setKindIcon(EntityKind::Group, themedIcon("user-group-properties", s, QStyle::SP_DirLinkIcon));
    m_model->setKindIcon(EntityKind::Policy, themedIcon("text-x-generic", s, QStyle::SP_FileIcon));
    m_model->setAwsManagedPolicyIcon(themedIcon("text-x-generic-template", s, QStyle::SP_FileLinkIcon));
    m_model->setKindIcon(EntityKind::Resource, themedIcon("drive-harddisk", s, QStyle::SP_DriveHDIcon));
    m_model->setKindIcon(EntityKind::ExternalPrincipal, themedIcon("network-workgroup", s, QStyle::SP_ArrowRight));
}

void WorkspaceBrowser::createActions()
{
    auto make = [this](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    // Keys act on the tree when it has the focus, not on the inline editor or the filter line.
    auto onTree = [this](QAction *action, const QList<QKeySequence> &keys) {
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(action);
    };

    m_focusFilterAction = make(tr("&Filter Workspace"), "browserFocusFilterAction", [this] {
        m_tabs->setCurrentIndex(0);
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    m_focusFilterAction->setShortcut(QKeySequence::Find);
    m_focusFilterAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_focusFilterAction);

    m_openAction = make(tr("&Open"), "browserOpenAction", &WorkspaceBrowser::openCurrent);
    onTree(m_openAction, { QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter) });
    m_renameAction = make(tr("&Rename"), "browserRenameAction", &WorkspaceBrowser::renameCurrent);
    onTree(m_renameAction, { QKeySequence(Qt::Key_F2) });
    m_duplicateAction = make(tr("D&uplicate"), "browserDuplicateAction", &WorkspaceBrowser::duplicateCurrent);
    onTree(m_duplicateAction, { QKeySequence(tr("Ctrl+D")) });
    m_deleteAction = make(tr("&Delete"), "browserDeleteAction", &WorkspaceBrowser::deleteCurrent);
    onTree(m_deleteAction, { QKeySequence(QKeySequence::Delete) });

    m_newRoleAction = make(tr("New &Role…"), "browserNewRoleAction", [this] { Q_EMIT newRoleRequested(); });
    m_newUserAction = make(tr("New &User…"), "browserNewUserAction", [this] { promptNewEntity(EntityKind::User); });
    m_newGroupAction = make(tr("New &Group…"), "browserNewGroupAction", [this] { promptNewEntity(EntityKind::Group); });
    m_newPolicyAction =
        make(tr("New &Policy…"), "browserNewPolicyAction", [this] { promptNewEntity(EntityKind::Policy); });
    updateActions();
}

QModelIndex WorkspaceBrowser::currentSourceIndex() const
{
    return m_filter->mapToSource(m_tree->currentIndex());
}

EntityKind WorkspaceBrowser::currentKind() const
{
    return Model::kindOf(m_tree->currentIndex());
}

quint64 WorkspaceBrowser::currentEntityId() const
{
    return Model::idOf(m_tree->currentIndex());
}

core::RoleId WorkspaceBrowser::currentRole() const
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid() || Model::isSection(current) || Model::kindOf(current) != EntityKind::Role)
        return {};
    return core::RoleId { Model::idOf(current) };
}

QString WorkspaceBrowser::message() const
{
    return m_messageLabel->isVisible() || m_messageTimer->isActive() ? m_messageLabel->text() : QString();
}

bool WorkspaceBrowser::selectOrganizationRow(const QString &id, const QString &targetId)
{
    const QModelIndex index = m_organizationModel->find(id, targetId);
    if (!index.isValid())
        return false;
    m_tabs->setCurrentWidget(m_organizationTree);
    m_organizationTree->scrollTo(index);
    if (m_organizationTree->currentIndex() == index)
        Q_EMIT m_organizationTree->activated(index);
    else
        m_organizationTree->setCurrentIndex(index);
    return true;
}

void WorkspaceBrowser::onCurrentChanged(const QModelIndex &current)
{
    updateActions();
    if (!current.isValid())
        return;
    const EntityKind kind = Model::kindOf(current);
    const quint64 id = Model::idOf(current);
    if (kind == EntityKind::Role && !Model::isSection(current))
        Q_EMIT roleActivated(core::RoleId { id });
    else
        Q_EMIT entityActivated(kind, id);
}

void WorkspaceBrowser::updateActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const bool section = !current.isValid() || Model::isSection(current);
    const EntityKind kind = Model::kindOf(current);
    const bool entity = !section && kind != EntityKind::Account;
    const bool hasAccount = !m_document->workspace().accounts.empty();

    m_openAction->setEnabled(current.isValid());
    m_renameAction->setEnabled(entity && (current.siblingAtColumn(Model::NameColumn).flags() & Qt::ItemIsEditable));
    bool duplicable = false;
    if (entity) {
        const std::optional<doc::WorkspaceEntity> item = m_model->entity(currentSourceIndex());
        duplicable = item && doc::duplicateEntity(m_document->workspace(), *item).has_value();
    }
    m_duplicateAction->setEnabled(duplicable);
    m_deleteAction->setEnabled(entity);
    m_newUserAction->setEnabled(hasAccount);
    m_newGroupAction->setEnabled(hasAccount);
    m_newPolicyAction->setEnabled(hasAccount);
    const QString why = hasAccount ? QString() : tr("A new user, group or policy needs an account: add a role first");
    m_newUserAction->setToolTip(why);
    m_newGroupAction->setToolTip(why);
    m_newPolicyAction->setToolTip(why);
}

void WorkspaceBrowser::onFilterChanged(const QString &text)
{
    const bool filtering = !text.isEmpty();
    if (filtering && !m_filtering) {
        m_expandedBeforeFilter.clear();
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex section = m_filter->index(row, 0);
            if (m_tree->isExpanded(section))
                m_expandedBeforeFilter.insert(int(Model::kindOf(section)));
        }
    }
    m_filtering = filtering;
    m_filter->setFilterFixedString(text);
    if (filtering) {
        // Every match shows, whatever section it is in.
        m_tree->expandAll();
    } else {
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex section = m_filter->index(row, 0);
            m_tree->setExpanded(section, m_expandedBeforeFilter.contains(int(Model::kindOf(section))));
        }
        if (m_tree->currentIndex().isValid())
            m_tree->scrollTo(m_tree->currentIndex());
    }
}

void WorkspaceBrowser::onModelReset()
{
    // A new workspace: the last one's filter would hide it, so it goes.
    if (!m_filterEdit->text().isEmpty()) {
        const QSignalBlocker block(m_filterEdit);
        m_filterEdit->clear();
        m_filtering = false;
        m_filter->setFilterFixedString(QString());
        m_tree->collapseAll();
    }
    // Its roles are what one works on, so they show, and the first one (by name) is current.
    const QModelIndex roles = m_filter->mapFromSource(m_model->sectionIndex(EntityKind::Role));
    if (!roles.isValid()) {
        // The filter hides every role.
        if (m_filtering)
            m_tree->expandAll();
        return;
    }
    if (m_filtering)
        m_tree->expandAll();
    else
        m_tree->expand(roles);
    const QModelIndex first = m_filter->index(0, 0, roles);
    if (first.isValid())
        m_tree->setCurrentIndex(first);
    updateActions();
}

bool WorkspaceBrowser::selectSourceIndex(const QModelIndex &source)
{
    if (!source.isValid())
        return false;
    QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid() && !m_filterEdit->text().isEmpty()) {
        // The filter hides it: the selection wins.
        m_filterEdit->clear();
        index = m_filter->mapFromSource(source);
    }
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    if (m_tree->currentIndex() != index)
        m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

bool WorkspaceBrowser::selectRole(core::RoleId id)
{
    return selectSourceIndex(m_model->roleIndex(id));
}

bool WorkspaceBrowser::selectEntity(EntityKind kind, quint64 id)
{
    return selectSourceIndex(m_model->entityIndex(kind, id));
}

void WorkspaceBrowser::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->show();
    m_messageTimer->start();
    Q_EMIT messageShown(text);
}

void WorkspaceBrowser::clearMessage()
{
    m_messageTimer->stop();
    m_messageLabel->hide();
    m_messageLabel->clear();
}

void WorkspaceBrowser::renameCurrent()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(Model::NameColumn);
    if (!current.isValid())
        return;
    if (!(current.flags() & Qt::ItemIsEditable)) {
        if (Model::kindOf(current) == EntityKind::Policy && current.data(Model::AwsManagedRole).toBool())
            showMessage(tr("AWS names its managed policies. Duplicate the policy to have a copy of your own."));
        else
            showMessage(tr("Only roles, users, groups, policies, resources and external principals can be renamed."));
        return;
    }
    m_tree->setFocus();
    m_tree->edit(current);
}

void WorkspaceBrowser::commitName(const QModelIndex &proxyIndex, const QString &text)
{
    const QModelIndex source = m_filter->mapToSource(proxyIndex);
    const QString name = text.trimmed();
    if (name == source.data(Qt::EditRole).toString())
        return;
    const QString error = m_model->nameError(source, name);
    if (!error.isEmpty()) {
        showMessage(error);
        return;
    }
    clearMessage();
    const EntityKind kind = Model::kindOf(source);
    const quint64 id = Model::idOf(source);
    if (m_document->renameReferences(kind, id).empty()) {
        m_model->setData(source, name);
        return;
    }
    // The question waits until the editor has closed: a dialog opened while the view commits would take the focus
    // from the editor, which commits again when it loses it.
    QTimer::singleShot(0, this, [this, kind, id, name] { renameAfterAsking(kind, id, name); });
}

void WorkspaceBrowser::renameAfterAsking(EntityKind kind, quint64 id, const QString &name)
{
    const std::optional<doc::WorkspaceEntity> item = doc::findEntity(m_document->workspace(), kind, id);
    if (!item)
        return;
    const std::string newName = doc::toStdString(name);
    const QString error = doc::entityNameError(m_document->workspace(), *item, newName);
    if (!error.isEmpty()) {
        showMessage(error);
        return;
    }
    const std::vector<core::EntityReference> references = m_document->renameReferences(kind, id);
    if (!references.empty() && !confirmReferences(kind, id, references, name))
        return;
    m_document->renameEntity(kind, id, newName);
}

bool WorkspaceBrowser::confirmReferences(
    EntityKind kind, quint64 id, const std::vector<core::EntityReference> &references, const QString &newName)
{
    const std::optional<doc::WorkspaceEntity> item = doc::findEntity(m_document->workspace(), kind, id);
    if (!item)
        return false;
    const bool deleting = newName.isEmpty();
    const QString label = doc::entityKindLabel(kind);
    const QString name = doc::toQString(doc::entityName(*item));
    const auto count = static_cast<int>(references.size());
    QMessageBox box(QMessageBox::Question,
        deleting ? tr("Delete %1 %2").arg(label, name) : tr("Rename %1 %2").arg(label, name), QString(),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("referencesMessageBox"));
    const QString places = counted(count, tr("1 place"), tr("%1 places"));
    box.setText(deleting ? tr("The %1 %2 is named in %3 of the workspace. Deleting it also updates what names it, "
                              "in the same undo step:")
                               .arg(label, name, places)
                         : tr("The %1 %2 is named in %3 of the workspace. Renaming it to %4 also updates what names "
                              "it, in the same undo step:")
                               .arg(label, name, places, newName));
    QStringList lines;
    for (std::size_t i = 0; i < references.size() && i < kListedReferences; ++i)
        lines << doc::referenceText(references[i]);
    if (references.size() > kListedReferences)
        lines << tr("…and %1 more; in all: %2.")
                     .arg(references.size() - kListedReferences)
                     .arg(countsByField(references));
    const bool principals = std::any_of(references.begin(), references.end(), [](const core::EntityReference &r) {
        return r.field == core::ReferenceField::TrustPrincipal
            || r.field == core::ReferenceField::ResourcePolicyPrincipal;
    });
    // IAM User Guide, "AWS JSON policy elements: Principal": IAM keeps a user or role named in a Principal as its
    // unique ID, so a statement naming a deleted one names no one, even after one of the same name is made again.
    if (deleting && principals)
        lines << QString()
              << tr("AWS keeps a user or role named in a policy's Principal as its unique ID: once it "
                    "is deleted, the statement no longer names anyone, even if one of the same name is "
                    "made again. A statement left naming no one is removed.");
    box.setInformativeText(lines.join(QLatin1Char('\n')));
    if (references.size() > kListedReferences) {
        QStringList details;
        for (std::size_t i = 0; i < references.size() && i < kDetailReferences; ++i)
            details << doc::referenceText(references[i]);
        if (references.size() > kDetailReferences)
            details << tr("…and %1 more").arg(references.size() - kDetailReferences);
        box.setDetailedText(details.join(QLatin1Char('\n')));
    }
    QPushButton *go = box.addButton(deleting
            ? counted(count, tr("Delete and Update 1 Reference"), tr("Delete and Update %1 References"))
            : counted(count, tr("Rename and Update 1 Reference"), tr("Rename and Update %1 References")),
        QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("confirmReferencesButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

void WorkspaceBrowser::duplicateCurrent()
{
    const std::optional<doc::WorkspaceEntity> item = m_model->entity(currentSourceIndex());
    if (!item)
        return;
    const std::optional<doc::WorkspaceEntity> copy = doc::duplicateEntity(m_document->workspace(), *item);
    if (!copy) {
        showMessage(tr("This %1 cannot be copied: the copy would not have a name and ARN of its own.")
                        .arg(doc::entityKindLabel(doc::entityKind(*item))));
        return;
    }
    const QString text = tr("Duplicate %1 %2 as %3")
                             .arg(doc::entityKindLabel(doc::entityKind(*item)), doc::toQString(doc::entityName(*item)),
                                 doc::toQString(doc::entityName(*copy)));
    std::unique_ptr<doc::EntityCommand> command = doc::EntityCommand::add(m_document, *copy, text);
    doc::EntityCommand *pushed = command.get();
    m_document->undoStack()->push(command.release());
    clearMessage();
    selectEntity(pushed->kind(), pushed->entityId());
}

void WorkspaceBrowser::deleteCurrent()
{
    const QModelIndex source = currentSourceIndex();
    const std::optional<doc::WorkspaceEntity> item = m_model->entity(source);
    if (!item)
        return;
    const EntityKind kind = doc::entityKind(*item);
    const quint64 id = doc::entityId(*item);
    const std::vector<core::EntityReference> references = m_document->deletionReferences(kind, id);
    if (!references.empty() && !confirmReferences(kind, id, references, QString()))
        return;
    clearMessage();
    m_document->deleteEntity(kind, id);
}

void WorkspaceBrowser::openCurrent()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(Model::NameColumn);
    if (!current.isValid())
        return;
    if (Model::isSection(current)) {
        m_tree->setExpanded(current, !m_tree->isExpanded(current));
        return;
    }
    const EntityKind kind = Model::kindOf(current);
    const quint64 id = Model::idOf(current);
    if (kind == EntityKind::Role)
        Q_EMIT roleOpened(core::RoleId { id });
    else
        Q_EMIT entityOpened(kind, id);
}

std::string WorkspaceBrowser::targetAccount() const
{
    const QString current = m_tree->currentIndex().data(Model::AccountIdRole).toString();
    if (core::isAccountId(doc::toStdString(current)) && m_document->workspace().hasAccount(doc::toStdString(current)))
        return doc::toStdString(current);
    const auto &accounts = m_document->workspace().accounts;
    return accounts.empty() ? std::string() : accounts.front().accountId;
}

void WorkspaceBrowser::promptNewEntity(EntityKind kind)
{
    const std::string account = targetAccount();
    if (account.empty()) {
        showMessage(tr("A new %1 needs an account: add a role first.").arg(doc::entityKindLabel(kind)));
        return;
    }
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("entityNameDialog"));
    dialog.setInputMode(QInputDialog::TextInput);
    switch (kind) {
    case EntityKind::User:
        dialog.setWindowTitle(tr("New User"));
        break;
    case EntityKind::Group:
        dialog.setWindowTitle(tr("New Group"));
        break;
    case EntityKind::Policy:
        dialog.setWindowTitle(tr("New Policy"));
        break;
    default:
        return;
    }
    dialog.setLabelText(
        tr("Name of the new %1 in account %2:").arg(doc::entityKindLabel(kind), doc::toQString(account)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    addNewEntity(kind, dialog.textValue());
}

quint64 WorkspaceBrowser::addNewEntity(EntityKind kind, const QString &name)
{
    const std::string account = targetAccount();
    const std::string trimmed = doc::toStdString(name.trimmed());
    std::optional<doc::WorkspaceEntity> entity = doc::newEntity(kind, account, trimmed);
    if (!entity || account.empty()) {
        showMessage(tr("A new %1 needs an account: add a role first.").arg(doc::entityKindLabel(kind)));
        return 0;
    }
    const QString error = doc::entityNameError(m_document->workspace(), *entity, trimmed);
    if (!error.isEmpty()) {
        showMessage(error);
        return 0;
    }
    std::unique_ptr<doc::EntityCommand> command = doc::EntityCommand::add(m_document, std::move(*entity));
    doc::EntityCommand *pushed = command.get();
    m_document->undoStack()->push(command.release());
    clearMessage();
    selectEntity(kind, pushed->entityId());
    return pushed->entityId();
}

QList<QAction *> WorkspaceBrowser::contextActions(const QModelIndex &index) const
{
    QList<QAction *> actions;
    const bool section = !index.isValid() || Model::isSection(index);
    const EntityKind kind = Model::kindOf(index);
    if (!section) {
        actions << m_openAction;
        if (kind != EntityKind::Account)
            actions << m_renameAction << m_duplicateAction << m_deleteAction;
    }
    // What can be made here: in a section or on an entity, that kind; on an account or the empty area, anything.
    const bool anyNew = !index.isValid() || (!section && kind == EntityKind::Account);
    if (anyNew || kind == EntityKind::Role)
        actions << m_newRoleAction;
    if (anyNew || kind == EntityKind::User)
        actions << m_newUserAction;
    if (anyNew || kind == EntityKind::Group)
        actions << m_newGroupAction;
    if (anyNew || kind == EntityKind::Policy)
        actions << m_newPolicyAction;
    return actions;
}

void WorkspaceBrowser::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid() && index != m_tree->currentIndex())
        m_tree->setCurrentIndex(index);
    updateActions();
    const QList<QAction *> actions = contextActions(index);
    if (actions.isEmpty())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("browserContextMenu"));
    const QList<QAction *> creating { m_newRoleAction, m_newUserAction, m_newGroupAction, m_newPolicyAction };
    for (QAction *action : actions) {
        // The entity's own actions, then what can be made beside it.
        if (creating.contains(action) && !menu.actions().isEmpty() && !creating.contains(menu.actions().back()))
            menu.addSeparator();
        menu.addAction(action);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace rd::ui
