// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/policy/Policy.h"
#include "rd/core/workspace/Workspace.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class QProgressDialog;
class QWidget;

namespace rd::doc
{
class WorkspaceDocument;
class WorkspaceUsage;
} // namespace rd::doc

namespace rd::ui
{

class PolicyDiffDialog;

/// What File > Import CloudTrail Logs and the Usage panel's "Generate Least-Privilege Policy" do: ask for the logs,
/// read them in the background behind a progress dialog (records per second, Cancel), and propose a policy made from
/// a role's successful calls beside its current policies, which replaces them as one undoable edit when accepted.
class UsageActions : public QObject
{
    Q_OBJECT
public:
    /// A least-privilege proposal for one role.
    struct Proposal {
        /// The role's current permission policies, one after the other, each under a comment line naming it.
        QString current;
        /// The generated policy, under the comment line of the inline policy it becomes.
        QString proposed;
        /// The generated document alone.
        core::Policy policy;
        /// Placeholders to fill in, iam:PassRole, managed policies that would be detached...
        QStringList notes;
    };
    /// The inline policy a proposal becomes.
    static constexpr const char *kPolicyName = "LeastPrivilege";

    UsageActions(doc::WorkspaceDocument *document, doc::WorkspaceUsage *usage, QWidget *window);

    /// Asks for log files (.json, .json.gz), then reads them.
    void importFiles();
    /// Asks for a folder (CloudTrail's AWSLogs layout), then reads it.
    void importFolder();
    /// Reads `paths` behind a progress dialog; false when an import is already running.
    bool importLogs(const QStringList &paths);
    /// The open progress dialog, if any.
    QProgressDialog *progressDialog() const;

    /// The proposal for a role, or nothing (with the reason in `error`) when the report has no successful call of it.
    std::optional<Proposal> proposal(core::RoleId id, QString *error = nullptr) const;
    /// Shows the proposal beside the role's policies; Apply replaces them (applyProposal()).
    void proposeLeastPrivilege(core::RoleId id);
    /// The dialog proposeLeastPrivilege() has open, if any (tests).
    PolicyDiffDialog *proposalDialog() const;
    /// Replaces the role's inline policies by `policy` (as kPolicyName) and detaches its managed policies, in one
    /// undo step; the permissions boundary stays.
    bool applyProposal(core::RoleId id, const core::Policy &policy);

Q_SIGNALS:
    /// A line for the status bar.
    void message(const QString &text);

private:
    void updateProgress();
    void onImportFinished(const QString &error);

    doc::WorkspaceDocument *m_document;
    doc::WorkspaceUsage *m_usage;
    QWidget *m_window;
    QPointer<QProgressDialog> m_progress;
    QPointer<PolicyDiffDialog> m_dialog;
};

} // namespace rd::ui
