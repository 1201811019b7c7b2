// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/sts/AssumeRoleResult.h"
#include "rd/core/workspace/Workspace.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace rd::doc
{
class WorkspaceDocument;
}

namespace rd::ui
{

class EntityPicker;
class SessionTimeline;

/// Simulates AWS STS for the role in front: may this principal assume it (or a chain of roles starting with it),
/// with this context and for how long; the credentials that would come back (simulated, never usable); what the
/// session may then do. The result follows every edit of the workspace and of the panel's fields, without a run
/// button; the deciding statements link to the policy editors. The principal and the checked resource are picked by
/// name or ARN (EntityPicker); a name that several principals have is not simulated until one is picked.
class SimulationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SimulationPanel(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~SimulationPanel() override;

    /// The role whose assumption is simulated (the role in front of the window); the principal field offers the
    /// principals its trust policy names first, and starts with the first of them.
    void setRole(core::RoleId id);
    core::RoleId role() const { return m_role; }

    /// Field setters for scripted use and tests (each is what typing in the field does).
    void setPrincipal(const QString &principal);
    void setChain(const QStringList &roleArns);
    /// What hop `hop` (from 0: the role in front, then the chain's roles) passes: session tags `key=value, ...`, the
    /// keys it marks transitive `key, ...`, and an inline session policy (JSON; empty: none). The fields show the
    /// hop chosen in the hop list; this chooses `hop` and types into them.
    void setHopSession(int hop, const QString &tags, const QString &transitiveKeys, const QString &sessionPolicy);
    void setDurationSeconds(int seconds);
    void setCheck(const QString &action, const QString &resource);
    void setCurrentTime(const QDateTime &time);

    /// Runs the simulation now instead of on the next turn of the event loop, waiting for the document's analysis
    /// model when it is not current (for scripted use and tests; the panel itself never waits).
    void simulateNow();
    const core::AssumeRoleResult &result() const { return m_result; }
    const std::optional<core::SessionCheck> &checkResult() const { return m_check; }
    /// The verdict line, e.g. "Allowed: ..." or "AccessDenied: ...".
    QString verdict() const;
    /// The check's verdict as shown: with the SCP or RCP that decided it (`Denied by SCP DenyDeleteBucket attached to
    /// the root r-ab12`), or the organization level where no SCP allows the action.
    QString checkVerdict() const;
    QSlider *durationSlider() const { return m_duration; }

Q_SIGNALS:
    /// A deciding statement was activated: the policy's label as the simulator names it (`trust policy of role R`,
    /// `inline policy P of role R`) and the statement's index.
    void statementActivated(const QString &policy, int statement);
    /// After each simulation.
    void simulated();

private:
    void schedule();
    /// Simulates on the document's analysis model if it describes the workspace as it is now; otherwise simulates when
    /// it does (the last result stays shown meanwhile).
    void simulateWhenCurrent();
    void refreshPrincipals();
    core::AssumeRoleRequest request() const;
    /// The hop list follows the role in front and the chain: one entry per hop, each hop's fields kept by position.
    void refreshHops();
    /// Shows the chosen hop's fields.
    void showHop(int hop);
    /// Keeps what the per-hop fields say for the hop shown.
    void storeHop();
    void updateHopSummary();
    void showResult(const core::AssumeRoleRequest &request);
    void updateDurationBounds();

    doc::WorkspaceDocument *m_document;
    core::RoleId m_role;
    QTimer *m_pending;
    EntityPicker *m_principal;
    QLineEdit *m_chain;
    QSlider *m_duration;
    QLabel *m_durationText;
    QLineEdit *m_sessionName;
    QLineEdit *m_externalId;
    QCheckBox *m_mfa;
    QSpinBox *m_mfaAge;
    QLineEdit *m_sourceIp;
    QDateTimeEdit *m_time;
    QToolButton *m_hopToggle;
    QWidget *m_hopBox;
    QComboBox *m_hopCombo;
    QLineEdit *m_tags;
    QLineEdit *m_transitive;
    QPlainTextEdit *m_sessionPolicy;
    QLineEdit *m_context;
    QLabel *m_derived;
    QLabel *m_verdict;
    SessionTimeline *m_timeline;
    QTreeWidget *m_hops;
    QPlainTextEdit *m_credentials;
    QLineEdit *m_checkAction;
    EntityPicker *m_checkResource;
    QLabel *m_checkVerdict;
    QTreeWidget *m_permissions;
    QTabWidget *m_details = nullptr;
    /// What each hop passes, as typed (tags, transitive keys, session policy), by hop position.
    struct HopFields {
        QString tags;
        QString transitive;
        QString policy;
    };
    std::vector<HopFields> m_hopFields;
    int m_shownHop = 0;
    core::AssumeRoleResult m_result;
    std::optional<core::SessionCheck> m_check;
    /// For a check implicitly denied by the organization: the node none of whose SCPs allows the action.
    std::optional<core::OrganizationAttachment> m_checkScpLevel;
    bool m_settingFields = false;
    bool m_waitingForModel = false;
};

} // namespace rd::ui
