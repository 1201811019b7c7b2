// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/RoleEditor.h"

#include "document/EntityKind.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/catalog/AwsManagedPolicies.h"
#include "widgets/editors/ManagedPolicyPicker.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <set>

namespace rd::ui
{

namespace
{

// IAM User Guide, "Tagging IAM resources" (naming rules) and IAM API Reference, Tag data type: keys 1 to 128
// characters, values 0 to 256.
constexpr int kMaxTagKeyLength = static_cast<int>(core::kMaxTagKeyLength);
constexpr int kMaxTagValueLength = static_cast<int>(core::kMaxTagValueLength);
const QColor kErrorBackground(255, 224, 224);
const QString kErrorStyle = QStringLiteral("color: #b00020;");
const QString kWarningStyle = QStringLiteral("color: #b35c00;");

// Sets a line edit's text only when it differs, so that the cursor of the field being typed in stays put.
void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

QString durationText(int seconds)
{
    const int hours = seconds / 3600;
    const int minutes = (seconds % 3600) / 60;
    if (minutes != 0)
        return RoleEditor::tr("%1 h %2 min").arg(hours).arg(minutes);
    return hours == 1 ? RoleEditor::tr("1 hour") : RoleEditor::tr("%1 hours").arg(hours);
}

// The Tag data type's pattern, [\p{L}\p{Z}\p{N}_.:/=+\-@]: letters, separators (spaces), numbers and seven symbols,
// as core reads it (so that the cell and the Findings panel agree). Returns the first character outside it, or an
// empty string.
QString firstBadTagCharacter(const QString &text)
{
    for (const char32_t c : text.toUcs4()) {
        if (!core::isTagCharacter(c))
            return QString::fromUcs4(&c, 1);
    }
    return {};
}

bool hasReservedPrefix(const QString &text)
{
    return core::hasReservedTagPrefix(doc::toStdString(text.left(4)));
}

qsizetype characterCount(const QString &text)
{
    return text.toUcs4().size();
}

// IAM User Guide, "IAM identifiers" (IAM ARNs): arn:partition:iam::account-id:policy/path/name, where the account
// is `aws` for AWS managed policies; CreatePolicy's PolicyName pattern [\w+=,.@-]+ and path pattern.
bool isManagedPolicyArn(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^arn:aws(-[a-z]+)*:iam::(aws|\d{12}):policy/([\x21-\x7e]+/)?[\w+=,.@-]{1,128}$)"));
    return pattern.match(text).hasMatch();
}

QString nameOfArn(const QString &arn)
{
    const qsizetype slash = arn.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? arn : arn.mid(slash + 1);
}

} // namespace

RoleEditor::RoleEditor(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit)
    , m_path(new QLineEdit)
    , m_description(new QLineEdit)
    , m_maxSession(new QSpinBox)
    , m_maxSessionText(new QLabel)
    , m_tags(new QTableWidget(0, 2))
    , m_addTag(new QPushButton(tr("Add Tag")))
    , m_removeTag(new QPushButton(tr("Remove")))
    , m_tagStatus(new QLabel)
    , m_boundary(new QComboBox)
    , m_boundaryStatus(new QLabel)
    , m_attached(new QListWidget)
    , m_attach(new QPushButton(tr("Attach…")))
    , m_detach(new QPushButton(tr("Detach")))
    , m_attachedStatus(new QLabel)
{
    m_name->setObjectName(QStringLiteral("roleNameLineEdit"));
    m_name->setMaxLength(64);
    m_name->setToolTip(tr("1 to 64 letters, digits or +=,.@_- ; unique in the account regardless of case"));
    m_path->setObjectName(QStringLiteral("rolePathLineEdit"));
    m_path->setToolTip(tr("/ or a path that starts and ends with /, such as /service-role/"));
    m_description->setObjectName(QStringLiteral("roleDescriptionLineEdit"));
    m_description->setMaxLength(1000);
    m_maxSession->setObjectName(QStringLiteral("roleMaxSessionSpinBox"));
    // IAM User Guide, "Update the maximum session duration for a role": 3,600 to 43,200 seconds.
    m_maxSession->setRange(core::kMinMaxSessionDuration, core::kMaxMaxSessionDuration);
    m_maxSession->setSingleStep(900);
    m_maxSession->setSuffix(tr(" s"));
    m_maxSession->setAccelerated(true);

    m_tags->setObjectName(QStringLiteral("tagsTable"));
    m_tags->setHorizontalHeaderLabels({ tr("Key"), tr("Value") });
    m_tags->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tags->verticalHeader()->hide();
    m_tags->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tags->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tags->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_tags->setMinimumHeight(
        m_tags->horizontalHeader()->sizeHint().height() + 5 * m_tags->fontMetrics().height() * 3 / 2);
    m_tags->setToolTip(tr("At most %1 tags. Keys: 1 to %2 characters, unique regardless of case. Values: up to %3 "
                          "characters. Neither starts with aws:. Letters, digits, spaces and _ . : / = + - @")
                           .arg(kMaxTags)
                           .arg(kMaxTagKeyLength)
                           .arg(kMaxTagValueLength));
    m_addTag->setObjectName(QStringLiteral("addTagButton"));
    m_addTag->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_removeTag->setObjectName(QStringLiteral("removeTagButton"));
    m_removeTag->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeTag->setEnabled(false);
    m_tagStatus->setObjectName(QStringLiteral("tagsStatusLabel"));
    m_tagStatus->setWordWrap(true);

    m_boundary->setObjectName(QStringLiteral("boundaryCombo"));
    m_boundary->setEditable(true);
    m_boundary->setInsertPolicy(QComboBox::NoInsert);
    m_boundary->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_boundary->setMinimumContentsLength(30);
    m_boundary->lineEdit()->setPlaceholderText(tr("No permissions boundary: type a policy name or ARN"));
    m_boundary->lineEdit()->setClearButtonEnabled(true);
    m_boundary->setToolTip(tr("The managed policy that caps this role's permissions (IAM User Guide, \"Permissions "
                              "boundaries for IAM entities\"). Empty: no boundary."));
    m_boundary->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_boundary->completer()->setFilterMode(Qt::MatchContains);
    m_boundary->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_boundaryStatus->setObjectName(QStringLiteral("boundaryStatusLabel"));
    m_boundaryStatus->setWordWrap(true);
    m_boundaryStatus->hide();

    m_attached->setObjectName(QStringLiteral("attachedPoliciesList"));
    m_attached->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_attached->setMinimumHeight(4 * m_attached->fontMetrics().height() * 3 / 2);
    m_attach->setObjectName(QStringLiteral("attachPolicyButton"));
    m_attach->setToolTip(tr("Attach customer or AWS managed policies to the role"));
    m_detach->setObjectName(QStringLiteral("detachPolicyButton"));
    m_detach->setEnabled(false);
    m_attachedStatus->setObjectName(QStringLiteral("attachedPoliciesStatusLabel"));
    m_attachedStatus->setWordWrap(true);

    auto *session = new QHBoxLayout;
    session->setContentsMargins(0, 0, 0, 0);
    session->addWidget(m_maxSession);
    session->addWidget(m_maxSessionText, 1);

    auto *tagButtons = new QHBoxLayout;
    tagButtons->setContentsMargins(0, 0, 0, 0);
    tagButtons->addWidget(m_addTag);
    tagButtons->addWidget(m_removeTag);
    tagButtons->addWidget(m_tagStatus, 1);
    auto *tags = new QVBoxLayout;
    tags->setContentsMargins(0, 0, 0, 0);
    tags->addWidget(m_tags);
    tags->addLayout(tagButtons);

    auto *boundary = new QVBoxLayout;
    boundary->setContentsMargins(0, 0, 0, 0);
    boundary->addWidget(m_boundary);
    boundary->addWidget(m_boundaryStatus);

    auto *policyButtons = new QHBoxLayout;
    policyButtons->setContentsMargins(0, 0, 0, 0);
    policyButtons->addWidget(m_attach);
    policyButtons->addWidget(m_detach);
    policyButtons->addWidget(m_attachedStatus, 1);
    auto *policies = new QVBoxLayout;
    policies->setContentsMargins(0, 0, 0, 0);
    policies->addWidget(m_attached);
    policies->addLayout(policyButtons);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Path"), m_path);
    form->addRow(tr("&Description"), m_description);
    // A row holding a layout gets no buddy by itself: the label needs one for its shortcut.
    const auto addLayoutRow = [form](const QString &text, QWidget *buddy, QLayout *layout) {
        auto *label = new QLabel(text);
        label->setBuddy(buddy);
        form->addRow(label, layout);
    };
    addLayoutRow(tr("&Maximum session"), m_maxSession, session);
    addLayoutRow(tr("&Tags"), m_tags, tags);
    addLayoutRow(tr("Permissions &boundary"), m_boundary, boundary);
    addLayoutRow(tr("Managed p&olicies"), m_attached, policies);

    using Field = doc::RoleEditCommand::Field;
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(Field::Name, tr("Rename role"), [&](core::Role &r) { r.name = doc::toStdString(text); });
    });
    connect(m_path, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(Field::Path, tr("Change role path"), [&](core::Role &r) { r.path = doc::toStdString(text); });
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(Field::Description, tr("Edit role description"),
            [&](core::Role &r) { r.description = doc::toStdString(text); });
    });
    connect(m_maxSession, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_maxSessionText->setText(durationText(seconds));
        edit(Field::MaxSessionDuration, tr("Change maximum session"),
            [&](core::Role &r) { r.maxSessionDuration = seconds; });
    });

    connect(m_addTag, &QPushButton::clicked, this, &RoleEditor::addTag);
    connect(m_removeTag, &QPushButton::clicked, this, &RoleEditor::removeSelectedTags);
    connect(m_tags, &QTableWidget::itemChanged, this, &RoleEditor::onTagItemChanged);
    connect(m_tags, &QTableWidget::itemSelectionChanged, this,
        [this] { m_removeTag->setEnabled(!m_tags->selectionModel()->selectedRows().isEmpty()); });

    connect(m_boundary->lineEdit(), &QLineEdit::editingFinished, this,
        [this] { commitBoundary(m_boundary->currentText()); });
    connect(
        m_boundary, &QComboBox::activated, this, [this](int index) { commitBoundary(m_boundary->itemText(index)); });
    // Emptying the field (its clear button, or deleting the text) removes the boundary at once.
    connect(m_boundary->lineEdit(), &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.isEmpty())
            commitBoundary(text);
    });

    connect(m_attach, &QPushButton::clicked, this, &RoleEditor::openPolicyPicker);
    connect(m_detach, &QPushButton::clicked, this, &RoleEditor::detachSelectedPolicies);
    connect(m_attached, &QListWidget::itemSelectionChanged, this,
        [this] { m_detach->setEnabled(!m_attached->selectedItems().isEmpty()); });

    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] {
        reloadBoundaryChoices();
        setRole({});
    });
    const auto policiesChanged = [this](doc::EntityKind kind) {
        if (kind == doc::EntityKind::Policy) {
            reloadBoundaryChoices();
            refresh();
        }
    };
    connect(m_document, &doc::WorkspaceDocument::entitiesChanged, this, policiesChanged);
    connect(m_document, &doc::WorkspaceDocument::entityChanged, this,
        [policiesChanged](doc::EntityKind kind, quint64) { policiesChanged(kind); });
    reloadBoundaryChoices();
    refresh();
}

void RoleEditor::setRole(core::RoleId id)
{
    if (id != m_role && m_picker)
        m_picker->reject();
    m_role = id;
    refresh();
}

void RoleEditor::edit(
    doc::RoleEditCommand::Field field, const QString &text, const std::function<void(core::Role &)> &change)
{
    if (m_refreshing || !m_role.isValid())
        return;
    m_document->editRole(m_role, text, field, change);
}

void RoleEditor::refresh()
{
    m_refreshing = true;
    const core::Role *role = m_document->workspace().role(m_role);
    setEnabled(role != nullptr);
    setTextKeepingCursor(m_name, role ? doc::toQString(role->name) : QString());
    setTextKeepingCursor(m_path, role ? doc::toQString(role->path) : QString());
    setTextKeepingCursor(m_description, role ? doc::toQString(role->description) : QString());
    // A value outside IAM's range (from an imported file) shows clamped; the findings name the problem.
    m_maxSession->setValue(role ? role->maxSessionDuration : core::kDefaultMaxSessionDuration);
    m_maxSessionText->setText(durationText(m_maxSession->value()));
    refreshTags(role);
    refreshBoundary(role);
    refreshAttached(role);
    m_refreshing = false;
}

// --- Tags -----------------------------------------------------------------------------------------------------------

QString RoleEditor::tagKeyError(const QString &key, const QStringList &otherKeys)
{
    // IAM User Guide, "Tagging IAM resources": naming rules and "AWS generated tags".
    if (key.isEmpty())
        return tr("A tag key needs at least one character.");
    if (const qsizetype length = characterCount(key); length > kMaxTagKeyLength)
        return tr("Tag keys have at most %1 characters; this one has %2.").arg(kMaxTagKeyLength).arg(length);
    if (const QString bad = firstBadTagCharacter(key); !bad.isEmpty())
        return tr("`%1` is not allowed in a tag key: use letters, digits, spaces and _ . : / = + - @").arg(bad);
    if (hasReservedPrefix(key))
        return tr("The aws: prefix is reserved for tags that AWS adds.");
    // Role tag keys are case-insensitive: Department and department are the same key.
    if (otherKeys.contains(key, Qt::CaseInsensitive))
        return tr("Another tag has the key `%1`; IAM compares role tag keys regardless of case.").arg(key);
    return {};
}

QString RoleEditor::tagValueError(const QString &value)
{
    if (const qsizetype length = characterCount(value); length > kMaxTagValueLength)
        return tr("Tag values have at most %1 characters; this one has %2.").arg(kMaxTagValueLength).arg(length);
    if (const QString bad = firstBadTagCharacter(value); !bad.isEmpty())
        return tr("`%1` is not allowed in a tag value: use letters, digits, spaces and _ . : / = + - @").arg(bad);
    // "You cannot create a tag key or value that begins with the text aws:".
    if (hasReservedPrefix(value))
        return tr("The aws: prefix is reserved for tags that AWS adds, in values too.");
    return {};
}

void RoleEditor::refreshTags(const core::Role *role)
{
    const std::vector<core::Tag> none;
    const std::vector<core::Tag> &tags = role ? role->tags : none;
    QStringList keys;
    for (const core::Tag &tag : tags)
        keys << doc::toQString(tag.key);
    // Items are updated in place, not replaced: this runs inside the table's own itemChanged after a cell edit.
    m_tags->setRowCount(static_cast<int>(tags.size()));
    int errors = 0;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < static_cast<int>(tags.size()); ++row) {
        QStringList others = keys;
        others.removeAt(row);
        const QString value = doc::toQString(tags[static_cast<std::size_t>(row)].value);
        const std::array<std::pair<QString, QString>, 2> cells { { { keys[row], tagKeyError(keys[row], others) },
            { value, tagValueError(value) } } };
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem *item = m_tags->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_tags->setItem(row, column, item);
            }
            const auto &[text, error] = cells[static_cast<std::size_t>(column)];
            if (item->text() != text)
                item->setText(text);
            if (item->data(TagErrorRole).toString() != error) {
                item->setData(TagErrorRole, error);
                item->setToolTip(error);
                item->setData(Qt::BackgroundRole, error.isEmpty() ? QVariant() : QVariant(kErrorBackground));
                item->setIcon(error.isEmpty() ? QIcon() : errorIcon);
            }
            errors += error.isEmpty() ? 0 : 1;
        }
    }
    const int count = static_cast<int>(tags.size());
    m_addTag->setEnabled(role && count < kMaxTags);
    if (count > kMaxTags) {
        m_tagStatus->setText(tr("%1 tags: IAM allows at most %2 per role.").arg(count).arg(kMaxTags));
        m_tagStatus->setStyleSheet(kErrorStyle);
    } else if (errors > 0) {
        m_tagStatus->setText(tr("%n tag field(s) break IAM's rules; hover over them for details.", nullptr, errors));
        m_tagStatus->setStyleSheet(kErrorStyle);
    } else {
        m_tagStatus->setText(tr("%1 of %2 tags").arg(count).arg(kMaxTags));
        m_tagStatus->setStyleSheet({});
    }
}

void RoleEditor::addTag()
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role || m_refreshing)
        return;
    QStringList keys;
    for (const core::Tag &tag : role->tags)
        keys << doc::toQString(tag.key);
    QString key = tr("NewTag");
    for (int n = 2; keys.contains(key, Qt::CaseInsensitive); ++n)
        key = tr("NewTag%1").arg(n);
    const int row = static_cast<int>(role->tags.size());
    edit(doc::RoleEditCommand::Field::Other, tr("Add tag"), [&](core::Role &r) {
        r.tags.push_back(core::Tag { doc::toStdString(key), {} });
    });
    if (QTableWidgetItem *item = m_tags->item(row, 0)) {
        m_tags->setCurrentItem(item);
        m_tags->editItem(item);
    }
}

void RoleEditor::removeSelectedTags()
{
    std::set<std::size_t> rows;
    for (const QModelIndex &index : m_tags->selectionModel()->selectedRows())
        rows.insert(static_cast<std::size_t>(index.row()));
    if (rows.empty())
        return;
    edit(doc::RoleEditCommand::Field::Other, rows.size() == 1 ? tr("Remove tag") : tr("Remove tags"),
        [&](core::Role &r) {
            for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
                if (*it < r.tags.size())
                    r.tags.erase(r.tags.begin() + static_cast<std::ptrdiff_t>(*it));
            }
        });
}

void RoleEditor::onTagItemChanged(QTableWidgetItem *item)
{
    if (m_refreshing || !item)
        return;
    const auto row = static_cast<std::size_t>(item->row());
    const bool isKey = item->column() == 0;
    const std::string text = doc::toStdString(item->text());
    // Field::Other: every cell edit is its own undo step.
    edit(doc::RoleEditCommand::Field::Other, isKey ? tr("Edit tag key") : tr("Edit tag value"), [&](core::Role &r) {
        if (row < r.tags.size())
            (isKey ? r.tags[row].key : r.tags[row].value) = text;
    });
}

// --- Permissions boundary -------------------------------------------------------------------------------------------

void RoleEditor::reloadBoundaryChoices()
{
    const QString text = m_boundary->currentText();
    const bool wasRefreshing = m_refreshing;
    m_refreshing = true;
    m_boundary->clear();
    // Customer managed policies first: a boundary is most often one the account wrote for it.
    const auto &policies = m_document->workspace().policies;
    std::vector<const core::ManagedPolicy *> own;
    for (const core::ManagedPolicy &p : policies)
        own.push_back(&p);
    std::stable_sort(own.begin(), own.end(), [](const core::ManagedPolicy *a, const core::ManagedPolicy *b) {
        return a->isAwsManaged() != b->isAwsManaged() ? !a->isAwsManaged() : a->arn < b->arn;
    });
    QSet<QString> listed;
    for (const core::ManagedPolicy *p : own) {
        const QString arn = doc::toQString(p->arn);
        if (arn.isEmpty() || listed.contains(arn))
            continue;
        listed.insert(arn);
        m_boundary->addItem(arn);
        m_boundary->setItemData(m_boundary->count() - 1,
            p->isAwsManaged() ? tr("%1 (AWS managed)").arg(doc::toQString(p->name))
                              : tr("%1 (customer managed)").arg(doc::toQString(p->name)),
            Qt::ToolTipRole);
    }
    for (const core::AwsManagedPolicies::Entry &entry : core::AwsManagedPolicies::builtin().entries()) {
        const QString arn = doc::toQString(entry.arn);
        if (listed.contains(arn))
            continue;
        m_boundary->addItem(arn);
        m_boundary->setItemData(
            m_boundary->count() - 1, tr("%1 (AWS managed)").arg(doc::toQString(entry.name)), Qt::ToolTipRole);
    }
    m_boundary->setCurrentIndex(-1);
    m_boundary->setEditText(text);
    m_refreshing = wasRefreshing;
}

void RoleEditor::refreshBoundary(const core::Role *role)
{
    const QString arn = role ? doc::toQString(role->permissionsBoundaryArn) : QString();
    if (m_boundary->currentText() != arn)
        m_boundary->setEditText(arn);
    QString warning;
    if (!arn.isEmpty() && !isManagedPolicyArn(arn))
        warning = tr("Not the ARN of a managed policy (arn:aws:iam::<account or aws>:policy/<path/name>).");
    else if (!arn.isEmpty() && m_boundary->findText(arn, Qt::MatchFixedString | Qt::MatchCaseSensitive) < 0)
        warning = tr("Neither a policy of the workspace nor a known AWS managed policy.");
    m_boundaryStatus->setText(warning);
    m_boundaryStatus->setStyleSheet(kWarningStyle);
    m_boundaryStatus->setVisible(!warning.isEmpty());
}

void RoleEditor::commitBoundary(const QString &typed)
{
    if (m_refreshing || !m_role.isValid())
        return;
    const QString text = typed.trimmed();
    QString arn = text;
    if (!text.isEmpty() && !text.startsWith(QLatin1String("arn:"))) {
        // A bare name: the workspace's policy of that name, else the AWS managed one (IAM policy names are unique
        // regardless of case).
        arn.clear();
        const std::string name = doc::toStdString(text);
        for (const core::ManagedPolicy &p : m_document->workspace().policies) {
            if (QString::compare(doc::toQString(p.name), text, Qt::CaseInsensitive) == 0) {
                arn = doc::toQString(p.arn);
                break;
            }
        }
        if (arn.isEmpty()) {
            if (const auto *entry = core::AwsManagedPolicies::builtin().findByName(name))
                arn = doc::toQString(entry->arn);
        }
        if (arn.isEmpty()) {
            m_boundaryStatus->setText(tr("No managed policy is called `%1`.").arg(text));
            m_boundaryStatus->setStyleSheet(kErrorStyle);
            m_boundaryStatus->show();
            return;
        }
    }
    if (!arn.isEmpty() && !isManagedPolicyArn(arn)) {
        // IAM API Reference, PutRolePermissionsBoundary: the boundary is the ARN of a managed policy.
        m_boundaryStatus->setText(
            tr("`%1` is not the ARN of a managed policy (arn:aws:iam::<account or aws>:policy/<path/name>).")
                .arg(text));
        m_boundaryStatus->setStyleSheet(kErrorStyle);
        m_boundaryStatus->show();
        return;
    }
    const bool changed = m_document->editRole(m_role,
        arn.isEmpty() ? tr("Remove permissions boundary") : tr("Set permissions boundary"),
        doc::RoleEditCommand::Field::Other, [&](core::Role &r) { r.permissionsBoundaryArn = doc::toStdString(arn); });
    if (!changed)
        refresh();
}

// --- Attached managed policies --------------------------------------------------------------------------------------

QString RoleEditor::policyLabel(const QString &arn) const
{
    const std::string key = doc::toStdString(arn);
    for (const core::ManagedPolicy &p : m_document->workspace().policies) {
        if (p.arn == key) {
            return p.isAwsManaged() ? tr("%1 (AWS managed)").arg(doc::toQString(p.name))
                                    : tr("%1 (customer managed)").arg(doc::toQString(p.name));
        }
    }
    if (const auto *entry = core::AwsManagedPolicies::builtin().find(key))
        return tr("%1 (AWS managed)").arg(doc::toQString(entry->name));
    return tr("%1 (not in the workspace)").arg(nameOfArn(arn));
}

void RoleEditor::refreshAttached(const core::Role *role)
{
    QStringList arns;
    if (role) {
        for (const std::string &arn : role->attachedPolicyArns)
            arns << doc::toQString(arn);
    }
    QStringList shown;
    for (int row = 0; row < m_attached->count(); ++row)
        shown << m_attached->item(row)->data(Qt::UserRole).toString();
    if (shown != arns) {
        m_attached->clear();
        for (const QString &arn : std::as_const(arns)) {
            auto *item = new QListWidgetItem(policyLabel(arn), m_attached);
            item->setData(Qt::UserRole, arn);
            item->setToolTip(arn);
        }
    } else {
        for (int row = 0; row < m_attached->count(); ++row)
            m_attached->item(row)->setText(policyLabel(arns[row]));
    }
    m_detach->setEnabled(!m_attached->selectedItems().isEmpty());
    const int quota = ManagedPolicyPicker::kDefaultAttachedPolicyQuota;
    if (arns.size() > quota) {
        // IAM User Guide, "IAM and AWS STS quotas": managed policies attached to an IAM role, 10 by default.
        m_attachedStatus->setText(tr("%1 managed policies: more than IAM's default quota of %2 per role. AWS must "
                                     "raise the account's quota first.")
                                      .arg(arns.size())
                                      .arg(quota));
        m_attachedStatus->setStyleSheet(kWarningStyle);
    } else {
        m_attachedStatus->setText(tr("%1 of %2 managed policies").arg(arns.size()).arg(quota));
        m_attachedStatus->setStyleSheet({});
    }
}

void RoleEditor::openPolicyPicker()
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role)
        return;
    if (m_picker) {
        m_picker->raise();
        m_picker->activateWindow();
        return;
    }
    QStringList attached;
    for (const std::string &arn : role->attachedPolicyArns)
        attached << doc::toQString(arn);
    m_picker = new ManagedPolicyPicker(m_document, attached, this);
    m_picker->setAttribute(Qt::WA_DeleteOnClose);
    ManagedPolicyPicker *picker = m_picker;
    connect(picker, &QDialog::accepted, this, [this, picker] { attachPolicies(picker->selectedArns()); });
    picker->open();
}

void RoleEditor::attachPolicies(const QStringList &arns)
{
    const core::Role *role = m_document->workspace().role(m_role);
    if (!role || arns.isEmpty())
        return;
    std::vector<std::string> added;
    for (const QString &arn : arns) {
        const std::string value = doc::toStdString(arn);
        const auto &attached = role->attachedPolicyArns;
        if (std::find(attached.begin(), attached.end(), value) == attached.end()
            && std::find(added.begin(), added.end(), value) == added.end())
            added.push_back(value);
    }
    if (added.empty())
        return;
    const QString text = added.size() == 1 ? tr("Attach %1").arg(nameOfArn(doc::toQString(added.front())))
                                           : tr("Attach %1 managed policies").arg(added.size());
    edit(doc::RoleEditCommand::Field::Other, text,
        [&](core::Role &r) { r.attachedPolicyArns.insert(r.attachedPolicyArns.end(), added.begin(), added.end()); });
}

void RoleEditor::detachSelectedPolicies()
{
    std::vector<std::string> removed;
    for (const QListWidgetItem *item : m_attached->selectedItems())
        removed.push_back(doc::toStdString(item->data(Qt::UserRole).toString()));
    if (removed.empty())
        return;
    const QString text = removed.size() == 1 ? tr("Detach %1").arg(nameOfArn(doc::toQString(removed.front())))
                                             : tr("Detach %1 managed policies").arg(removed.size());
    edit(doc::RoleEditCommand::Field::Other, text, [&](core::Role &r) {
        std::erase_if(r.attachedPolicyArns,
            [&](const std::string &arn) { return std::find(removed.begin(), removed.end(), arn) != removed.end(); });
    });
}

} // namespace rd::ui
