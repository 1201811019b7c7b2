// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/UsageActions.h"

#include "document/AccountAnalysis.h"
#include "document/RoleEditCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceUsage.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/catalog/ServiceCatalog.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/usage/LeastPrivilegePolicy.h"
#include "widgets/editors/PolicyDiffDialog.h"

#include <QFileDialog>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>

namespace rd::ui
{

UsageActions::UsageActions(doc::WorkspaceDocument *document, doc::WorkspaceUsage *usage, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_usage(usage)
    , m_window(window)
{
    connect(usage, &doc::WorkspaceUsage::importProgress, this, &UsageActions::updateProgress);
    connect(usage, &doc::WorkspaceUsage::importFinished, this, &UsageActions::onImportFinished);
}

QProgressDialog *UsageActions::progressDialog() const
{
    return m_progress;
}

PolicyDiffDialog *UsageActions::proposalDialog() const
{
    return m_dialog;
}

void UsageActions::importFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        m_window, tr("Import CloudTrail logs"), QString(), tr("CloudTrail logs (*.json *.json.gz);;All files (*)"));
    if (!files.isEmpty())
        importLogs(files);
}

void UsageActions::importFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Import a folder of CloudTrail logs"));
    if (!folder.isEmpty())
        importLogs({ folder });
}

bool UsageActions::importLogs(const QStringList &paths)
{
    if (!m_usage->importLogs(paths)) {
        Q_EMIT message(tr("CloudTrail logs are already being read."));
        return false;
    }
    m_progress = new QProgressDialog(tr("Reading CloudTrail logs…"), tr("Cancel"), 0, 1000, m_window);
    m_progress->setObjectName(QStringLiteral("cloudTrailProgress"));
    m_progress->setWindowTitle(tr("Import CloudTrail Logs"));
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(0);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumWidth(460);
    connect(m_progress, &QProgressDialog::canceled, m_usage, &doc::WorkspaceUsage::cancelImport);
    m_progress->show();
    return true;
}

void UsageActions::updateProgress()
{
    if (!m_progress)
        return;
    const doc::WorkspaceUsage::Progress progress = m_usage->progress();
    const QLocale locale;
    const double rate = progress.seconds > 0 ? static_cast<double>(progress.records) / progress.seconds : 0;
    m_progress->setLabelText(tr("Reading CloudTrail logs: %1 of %2 files, %3 records (%4 records/s)")
                                 .arg(progress.filesDone)
                                 .arg(progress.filesTotal)
                                 .arg(locale.toString(static_cast<qulonglong>(progress.records)))
                                 .arg(locale.toString(static_cast<qulonglong>(rate))));
    if (progress.bytesTotal > 0)
        m_progress->setValue(static_cast<int>(1000 * progress.bytesDone / progress.bytesTotal));
}

void UsageActions::onImportFinished(const QString &error)
{
    // Only an import this started (with its progress dialog) gets a message box; others get the status line.
    const bool ours = m_progress != nullptr;
    if (m_progress)
        m_progress->close();
    if (!error.isEmpty()) {
        Q_EMIT message(error);
        if (ours && !error.startsWith(tr("Cancelled"))) {
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Import CloudTrail Logs"), error, QMessageBox::Ok, m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return;
    }
    const std::shared_ptr<const core::UsageReport> report = m_usage->report();
    std::size_t used = 0;
    for (const core::RoleUsage &role : report->roles)
        used += role.usage.used() ? 1 : 0;
    const QLocale locale;
    QString text = tr("Read %1 records from %2")
                       .arg(locale.toString(static_cast<qulonglong>(report->read.records)),
                           report->read.files == 1 ? tr("1 file") : tr("%1 files").arg(report->read.files))
        + tr(": %1 of %2 roles used").arg(used).arg(report->roles.size());
    if (!report->read.errors.empty()) {
        text += tr("; %1 files could not be read (first: %2: %3)")
                    .arg(report->read.errors.size())
                    .arg(QString::fromStdString(report->read.errors.front().path),
                        QString::fromStdString(report->read.errors.front().reason));
    }
    Q_EMIT message(text);
}

std::optional<UsageActions::Proposal> UsageActions::proposal(core::RoleId id, QString *error) const
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const core::Role *role = m_document->workspace().role(id);
    if (!role)
        return fail(tr("Select a role first."));
    const core::RoleUsage *usage = m_usage->roleUsage(*role);
    if (!usage || !usage->usage.used())
        return fail(tr("The CloudTrail logs have no successful call of %1: a policy made from them would allow "
                       "nothing.")
                        .arg(doc::toQString(role->name)));
    const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();
    const core::PrincipalPolicies *current = model ? model->policiesOf(id) : nullptr;
    const core::LeastPrivilegePolicy generated =
        core::LeastPrivilegePolicy::generate(usage->usage, core::ServiceCatalog::builtin(), current);
    core::ParseResult parsed = core::parsePolicy(generated.text);
    if (!parsed.isUsable())
        return fail(tr("The generated policy does not read back as a policy."));

    Proposal proposal;
    proposal.policy = std::move(*parsed.policy);
    for (const core::InlinePolicy &policy : role->inlinePolicies) {
        proposal.current += tr("// Inline policy %1\n").arg(doc::toQString(policy.name));
        proposal.current += doc::toQString(core::writePolicy(policy.document)) + u'\n';
    }
    for (const std::string &arn : role->attachedPolicyArns)
        proposal.current += tr("// Attached managed policy %1\n").arg(doc::toQString(arn));
    proposal.proposed = tr("// Inline policy %1\n").arg(QLatin1String(kPolicyName))
        + doc::toQString(core::writePolicy(proposal.policy)) + u'\n';
    for (const std::string &line : generated.placeholders)
        proposal.notes << tr("Fill in before deploying: %1").arg(doc::toQString(line));
    for (const std::string &line : generated.notes)
        proposal.notes << doc::toQString(line);
    if (!role->attachedPolicyArns.empty())
        proposal.notes << (role->attachedPolicyArns.size() == 1
                ? tr("Applying detaches the role's managed policy (it stays in the workspace).")
                : tr("Applying detaches the role's %1 managed policies (they stay in the workspace).")
                      .arg(role->attachedPolicyArns.size()));
    if (!role->permissionsBoundaryArn.empty())
        proposal.notes << tr("The permissions boundary stays.");
    proposal.notes << tr("Made from %1 successful calls of %2 actions in the CloudTrail logs (%3).")
                          .arg(QLocale().toString(static_cast<qulonglong>(usage->usage.calls)))
                          .arg(usage->usage.actions.size())
                          .arg(m_usage->windowText());
    return proposal;
}

void UsageActions::proposeLeastPrivilege(core::RoleId id)
{
    QString error;
    const std::optional<Proposal> proposed = proposal(id, &error);
    if (!proposed) {
        QMessageBox::information(m_window, tr("Generate Least-Privilege Policy"), error);
        return;
    }
    const core::Role *role = m_document->workspace().role(id);
    auto *dialog = new PolicyDiffDialog(m_window);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Least-Privilege Policy"));
    dialog->setComparison(tr("A policy that allows exactly what %1 did in the CloudTrail logs, beside its current "
                             "policies")
                              .arg(doc::toQString(role->name)),
        tr("Current permission policies"), proposed->current, tr("Proposed"), proposed->proposed,
        tr("Replace the Role's Policies"));
    dialog->setNotes(proposed->notes);
    const core::Policy policy = proposed->policy;
    connect(dialog, &QDialog::accepted, this, [this, id, policy] {
        if (applyProposal(id, policy))
            Q_EMIT message(tr("Applied the least-privilege policy: Undo (Ctrl+Z) takes it back."));
    });
    dialog->open();
}

bool UsageActions::applyProposal(core::RoleId id, const core::Policy &policy)
{
    return m_document->editRole(
        id, tr("Apply least-privilege policy"), doc::RoleEditCommand::Field::Other, [&policy](core::Role &role) {
            role.inlinePolicies.clear();
            role.inlinePolicies.push_back({ kPolicyName, policy });
            role.attachedPolicyArns.clear();
        });
}

} // namespace rd::ui
