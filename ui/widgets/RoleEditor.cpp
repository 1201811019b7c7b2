// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/RoleEditor.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace rd::ui
{

namespace
{

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

} // namespace

RoleEditor::RoleEditor(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_name(new QLineEdit)
    , m_path(new QLineEdit)
    , m_description(new QLineEdit)
    , m_maxSession(new QSpinBox)
    , m_maxSessionText(new QLabel)
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

    auto *session = new QHBoxLayout;
    session->setContentsMargins(0, 0, 0, 0);
    session->addWidget(m_maxSession);
    session->addWidget(m_maxSessionText, 1);
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Path"), m_path);
    form->addRow(tr("&Description"), m_description);
    // A row holding a layout gets no buddy by itself: the label needs one for its shortcut.
    auto *sessionLabel = new QLabel(tr("&Maximum session"));
    sessionLabel->setBuddy(m_maxSession);
    form->addRow(sessionLabel, session);

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
    connect(m_document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] { setRole({}); });
    refresh();
}

void RoleEditor::setRole(core::RoleId id)
{
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
    m_refreshing = false;
}

} // namespace rd::ui
