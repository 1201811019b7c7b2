// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/export/WorkspaceExport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

/// File > Export: the roles to include, the target format (one entry per row of core::exportFormats(), in its order;
/// "Minify JSON" enabled for the formats that support it), a preview of every file, and the ERROR findings that
/// refuse the export (unless forced). The preview follows each choice at once; Export writes the files into a folder,
/// atomically each.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(
        const doc::WorkspaceDocument *document, const std::vector<core::RoleId> &selected, QWidget *parent = nullptr);

    void setFormat(core::ExportFormat format);
    void setRoleChecked(core::RoleId id, bool checked);
    std::vector<core::RoleId> checkedRoles() const;
    const core::ExportResult &result() const { return m_result; }
    /// The preview's file names, in order.
    QStringList fileNames() const;
    /// Writes the previewed files into `folder`; false with the reason when refused or not written.
    bool exportTo(const QString &folder, QString *error = nullptr);

private:
    void refresh();
    void showFile(int row);
    void onExport();

    const doc::WorkspaceDocument *m_document;
    QListWidget *m_roles;
    QComboBox *m_format;
    QCheckBox *m_minify;
    QCheckBox *m_force;
    QListWidget *m_files;
    QPlainTextEdit *m_preview;
    QListWidget *m_blockers;
    QLabel *m_status;
    QPushButton *m_export;
    core::ExportResult m_result;
};

} // namespace rd::ui
