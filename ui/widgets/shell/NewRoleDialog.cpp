// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/NewRoleDialog.h"

#include "document/StringConversion.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rd::ui
{

namespace
{
// The first entry of the template list: a role built from scratch rather than from a template.
constexpr const char *kEmptyRole = "empty-role";
} // namespace

NewRoleDialog::NewRoleDialog(const QString &accountId, QWidget *parent)
    : QDialog(parent)
    , m_templates(new QComboBox)
    , m_description(new QLabel)
    , m_account(new QLineEdit(accountId))
    , m_blanks(new QFormLayout)
    , m_error(new QLabel)
{
    setWindowTitle(tr("New Role"));
    setObjectName(QStringLiteral("newRoleDialog"));
    m_templates->setObjectName(QStringLiteral("templateComboBox"));
    m_templates->addItem(tr("Empty role"), QString::fromLatin1(kEmptyRole));
    for (const core::RoleTemplate &t : core::roleTemplates())
        m_templates->addItem(doc::toQString(t.title), doc::toQString(t.id));
    m_description->setWordWrap(true);
    m_account->setObjectName(QStringLiteral("templateAccountLineEdit"));
    m_account->setPlaceholderText(QStringLiteral("111122223333"));
    m_error->setObjectName(QStringLiteral("templateErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f"));

    auto *top = new QFormLayout;
    top->addRow(tr("&Template"), m_templates);
    top->addRow(tr("&Account"), m_account);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *buttons = m_buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &NewRoleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewRoleDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_description);
    layout->addLayout(m_blanks);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_templates, &QComboBox::currentIndexChanged, this, &NewRoleDialog::showTemplate);
    showTemplate(0);
    setMinimumWidth(560);
    adjustSize();
}

bool NewRoleDialog::selectTemplate(const QString &id)
{
    const int index = m_templates->findData(id);
    if (index < 0)
        return false;
    m_templates->setCurrentIndex(index);
    showTemplate(index);
    return true;
}

void NewRoleDialog::setBlank(const QString &key, const QString &value)
{
    for (const auto &[fieldKey, edit] : m_fields) {
        if (fieldKey == key)
            edit->setText(value);
    }
}

void NewRoleDialog::setExistingRoles(const QList<QPair<QString, QString>> &accountAndName)
{
    m_existing = accountAndName;
    showTemplate(m_templates->currentIndex());
}

bool NewRoleDialog::isTaken(const QString &account, const QString &name) const
{
    return std::any_of(m_existing.begin(), m_existing.end(), [&](const QPair<QString, QString> &role) {
        return role.first == account && role.second.compare(name, Qt::CaseInsensitive) == 0;
    });
}

void NewRoleDialog::proposeName(const QString &base)
{
    for (const auto &[key, edit] : m_fields) {
        if (key != QLatin1String("name"))
            continue;
        const QString account = m_account->text().trimmed();
        QString name = base;
        for (int n = 2; isTaken(account, name); ++n)
            name = base + QString::number(n);
        edit->setText(name);
        // Typing replaces the proposal.
        edit->selectAll();
    }
}

void NewRoleDialog::showTemplate(int index)
{
    while (m_blanks->rowCount() > 0)
        m_blanks->removeRow(0);
    m_fields.clear();
    m_error->clear();
    if (m_templates->itemData(index).toString() == QLatin1String(kEmptyRole)) {
        m_description->setText(tr("A role with no trusted entity and no permission yet: add them in the editors."));
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("blank_name"));
        m_blanks->addRow(tr("Role name"), edit);
        m_fields.append({ QStringLiteral("name"), edit });
        if (!m_existing.isEmpty())
            proposeName(QStringLiteral("NewRole"));
        orderTabs();
        adjustSize();
        return;
    }
    const core::RoleTemplate *t = core::findRoleTemplate(doc::toStdString(m_templates->itemData(index).toString()));
    if (!t)
        return;
    m_description->setText(doc::toQString(t->description));
    for (const core::TemplateBlank &blank : t->blanks) {
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("blank_") + doc::toQString(blank.key));
        edit->setPlaceholderText(doc::toQString(blank.example));
        m_blanks->addRow(doc::toQString(blank.label), edit);
        m_fields.append({ doc::toQString(blank.key), edit });
        // The example name would be a second role of that name: a free one instead.
        if (blank.key == "name" && isTaken(m_account->text().trimmed(), doc::toQString(blank.example)))
            proposeName(doc::toQString(blank.example));
    }
    orderTabs();
    adjustSize();
}

void NewRoleDialog::orderTabs()
{
    // As the fields read from top to bottom: the blanks are made after the buttons, so Qt's order (creation) would
    // put them last.
    QList<QWidget *> chain { m_templates, m_account };
    for (const auto &field : std::as_const(m_fields))
        chain.append(field.second);
    chain.append(m_buttons->button(QDialogButtonBox::Ok));
    chain.append(m_buttons->button(QDialogButtonBox::Cancel));
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain[i], chain[i + 1]);
}

void NewRoleDialog::accept()
{
    build();
    if (m_role && isTaken(doc::toQString(m_role->accountId), doc::toQString(m_role->name))) {
        m_error->setText(tr("Account %1 already has a role named %2: IAM role names are unique within an account, "
                            "whatever their case.")
                             .arg(doc::toQString(m_role->accountId), doc::toQString(m_role->name)));
        m_role.reset();
        return;
    }
    if (m_role)
        QDialog::accept();
}

void NewRoleDialog::build()
{
    std::string error;
    if (m_templates->currentData().toString() == QLatin1String(kEmptyRole)) {
        m_role = core::buildEmptyRole(doc::toStdString(m_fields.front().second->text().trimmed()),
            doc::toStdString(m_account->text().trimmed()), error);
        if (!m_role)
            m_error->setText(doc::toQString(error));
        return;
    }
    const core::RoleTemplate *t = core::findRoleTemplate(doc::toStdString(m_templates->currentData().toString()));
    if (!t)
        return;
    std::map<std::string, std::string> values;
    for (const auto &[key, edit] : m_fields)
        values[doc::toStdString(key)] = doc::toStdString(edit->text().trimmed());
    m_role = core::buildRole(*t, doc::toStdString(m_account->text().trimmed()), values, error);
    if (!m_role)
        m_error->setText(doc::toQString(error));
}

} // namespace rd::ui
