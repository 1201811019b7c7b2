// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/ExportDialog.h"

#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QVBoxLayout>

namespace rd::ui
{

using doc::toQString;

namespace
{
constexpr int kRoleIdRole = Qt::UserRole + 1;
} // namespace

ExportDialog::ExportDialog(
    const doc::WorkspaceDocument *document, const std::vector<core::RoleId> &selected, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_roles(new QListWidget(this))
    , m_format(new QComboBox(this))
    , m_minify(new QCheckBox(tr("&Minify JSON"), this))
    , m_force(new QCheckBox(tr("Export &despite errors"), this))
    , m_files(new QListWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_blockers(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("&Export…"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export"));
    m_roles->setObjectName(QStringLiteral("exportRoleList"));
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    m_minify->setObjectName(QStringLiteral("exportMinifyCheckBox"));
    m_force->setObjectName(QStringLiteral("exportForceCheckBox"));
    m_force->setToolTip(tr("IAM would refuse documents with errors at deployment; export them anyway."));
    m_files->setObjectName(QStringLiteral("exportFileList"));
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_blockers->setObjectName(QStringLiteral("exportBlockerList"));
    m_status->setObjectName(QStringLiteral("exportStatusLabel"));
    m_status->setWordWrap(true);
    m_export->setObjectName(QStringLiteral("exportButton"));

    const core::Workspace &ws = document->workspace();
    for (const core::Role &role : ws.roles) {
        auto *item = new QListWidgetItem(toQString(role.name), m_roles);
        item->setData(kRoleIdRole, QVariant::fromValue<quint64>(role.id.value));
        item->setToolTip(toQString(role.arn));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool wanted = selected.empty() || std::find(selected.begin(), selected.end(), role.id) != selected.end();
        item->setCheckState(wanted ? Qt::Checked : Qt::Unchecked);
    }
    for (const core::ExportFormatInfo &format : core::exportFormats())
        m_format->addItem(tr(std::string(format.label).c_str()), int(format.id));
    // The last format chosen is the likely next one.
    const int saved = m_format->findData(QSettings().value(QStringLiteral("export/format"), 0).toInt());
    m_format->setCurrentIndex(std::max(saved, 0));
    m_minify->setChecked(QSettings().value(QStringLiteral("export/minify"), false).toBool());

    auto *left = new QWidget(this);
    auto *leftLayout = new QFormLayout(left);
    leftLayout->addRow(tr("&Format"), m_format);
    leftLayout->addRow(QString(), m_minify);
    leftLayout->addRow(tr("&Roles"), m_roles);
    leftLayout->addRow(QString(), m_force);
    leftLayout->addRow(tr("Errors"), m_blockers);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_files);
    right->addWidget(m_preview);
    right->setStretchFactor(1, 4);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::onExport);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_roles, &QListWidget::itemChanged, this, &ExportDialog::refresh);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QStringLiteral("export/format"), m_format->currentData().toInt());
        refresh();
    });
    connect(m_minify, &QCheckBox::toggled, this, &ExportDialog::refresh);
    connect(m_force, &QCheckBox::toggled, this, &ExportDialog::refresh);
    connect(m_files, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);
    resize(1100, 700);
    refresh();
}

void ExportDialog::setFormat(core::ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setRoleChecked(core::RoleId id, bool checked)
{
    for (int i = 0; i < m_roles->count(); ++i) {
        if (m_roles->item(i)->data(kRoleIdRole).value<quint64>() == id.value)
            m_roles->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<core::RoleId> ExportDialog::checkedRoles() const
{
    std::vector<core::RoleId> ids;
    for (int i = 0; i < m_roles->count(); ++i) {
        if (m_roles->item(i)->checkState() == Qt::Checked)
            ids.push_back(core::RoleId { m_roles->item(i)->data(kRoleIdRole).value<quint64>() });
    }
    return ids;
}

QStringList ExportDialog::fileNames() const
{
    QStringList names;
    for (const core::ExportedFile &file : m_result.files)
        names << toQString(file.name);
    return names;
}

void ExportDialog::refresh()
{
    const auto format = core::ExportFormat(m_format->currentData().toInt());
    const core::ExportFormatInfo *info = core::findExportFormat(format);
    m_minify->setEnabled(info && info->supportsMinify);
    core::ExportOptions options;
    options.format = format;
    options.style =
        m_minify->isChecked() && m_minify->isEnabled() ? core::WriteStyle::Minified : core::WriteStyle::Pretty;
    options.force = m_force->isChecked();
    const std::vector<core::RoleId> roles = checkedRoles();
    // No role, nothing to export.
    m_result = roles.empty() ? core::ExportResult {} : core::exportRoles(m_document->workspace(), roles, options);

    m_blockers->clear();
    for (const core::ExportBlocker &blocker : m_result.blockers) {
        auto *item = new QListWidgetItem(toQString(core::formatExportBlocker(blocker)), m_blockers);
        item->setForeground(QColor(0xd3, 0x2f, 0x2f));
    }
    const int row = std::max(m_files->currentRow(), 0);
    m_files->clear();
    for (const core::ExportedFile &file : m_result.files)
        m_files->addItem(toQString(file.name));
    if (m_files->count() > 0)
        m_files->setCurrentRow(std::min(row, m_files->count() - 1));
    else
        m_preview->clear();

    QStringList status;
    if (roles.empty())
        status << tr("Pick at least one role.");
    else if (m_result.refused)
        status << tr("%n error(s) would make IAM refuse these roles: fix them, or export despite errors.", nullptr,
            int(m_result.blockers.size()));
    else
        status << tr("%n file(s) for %1.", nullptr, m_files->count())
                      .arg(roles.size() == 1 ? tr("1 role") : tr("%1 roles").arg(roles.size()));
    for (const std::string &warning : m_result.warnings)
        status << toQString(warning);
    m_status->setText(status.join(QLatin1Char(' ')));
    m_export->setEnabled(!m_result.files.empty());
}

void ExportDialog::showFile(int row)
{
    if (row < 0 || std::size_t(row) >= m_result.files.size()) {
        m_preview->clear();
        return;
    }
    m_preview->setPlainText(toQString(m_result.files[std::size_t(row)].text));
}

bool ExportDialog::exportTo(const QString &folder, QString *error)
{
    if (m_result.files.empty()) {
        if (error)
            *error = m_status->text();
        return false;
    }
    if (auto failure = core::writeExportedFiles(m_result.files, doc::toStdString(folder))) {
        if (error)
            *error = toQString(*failure);
        return false;
    }
    return true;
}

void ExportDialog::onExport()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export into"));
    if (folder.isEmpty())
        return;
    QString error;
    if (!exportTo(folder, &error)) {
        QMessageBox::critical(this, tr("Export"), error);
        return;
    }
    QMessageBox::information(
        this, tr("Export"), tr("Wrote %1 into %2.").arg(fileNames().join(QStringLiteral(", ")), folder));
    accept();
}

} // namespace rd::ui
