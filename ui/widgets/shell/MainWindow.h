// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/workspace/Workspace.h"

#include <QKeySequence>
#include <QMainWindow>
#include <QSet>
#include <QStringList>

#include <optional>

class QAction;
class QKeyEvent;
class QLabel;
class QMenu;
class QLineEdit;
class QTabWidget;

namespace rd::doc
{
class FindingsModel;
class WorkspaceDocument;
class WorkspaceUsage;
} // namespace rd::doc

namespace rd::ui
{

class FindingsPanel;
class GraphEditActions;
class GraphEditor;
class GuideWindow;
class OrganizationPolicyEditor;
class RoleSummaryView;
class ShortcutsDialog;
class SimulationPanel;
class UsageActions;
class UsagePanel;
class WorkspaceBrowser;

/// The application window: the workspace browser on the left; in the middle the selected role (its properties, trust
/// relationships and permissions, each as a form beside its JSON) or, on the other tab, the access graph editor; the
/// findings, the undo history and the reach explorer below.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    doc::WorkspaceDocument *document() const { return m_document; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    RoleSummaryView *summaryView() const { return m_summary; }
    WorkspaceBrowser *browser() const { return m_browser; }
    GraphEditor *graphEditor() const { return m_graphEditor; }
    GraphEditActions *graphEditActions() const { return m_graphActions; }
    doc::WorkspaceUsage *usage() const { return m_usage; }
    UsageActions *usageActions() const { return m_usageActions; }
    UsagePanel *usagePanel() const { return m_usagePanel; }
    /// The centre's Organization Policy tab: the SCP or RCP picked in the browser's Organization tab.
    OrganizationPolicyEditor *organizationPolicyEditor() const { return m_organizationPolicy; }
    /// Opens an SCP or RCP in the Organization Policy tab and brings it to the front; false when the workspace has no
    /// such policy.
    bool openOrganizationPolicy(const QString &policyId);
    /// Brings the role editor (false) or the access graph (true) to the front of the central area.
    void showGraph(bool graph);
    /// Opens a workspace or GAAD file; shows the reason in a message box, every error of the file in its details (or
    /// returns them, one a line) on failure. What the load found short of an error goes to the Findings panel, with a
    /// note in the status bar.
    bool openFile(const QString &path, QString *error = nullptr);
    /// Selects the first role whose name matches, for scripted screenshots and tests.
    bool selectRole(const QString &name);
    /// Reads CloudTrail logs for the Usage panel and waits for them (the command line's --cloudtrail); false with the
    /// reason when no report could be made.
    bool importCloudTrail(const QStringList &paths, QString *error = nullptr);
    /// Adds a role through the undo stack and selects it (what File > New Role from Template does).
    void addRole(const core::Role &role);
    /// When the open workspace has a recovery copy newer than its file, asks whether to restore it.
    void offerRecovery();
    /// Brings the policy of the selected role's first finding to the front (the file's findings have none).
    void showFirstFinding();
    /// Writes the selected role's trust policy and inline policies as deployable JSON files into a folder (what
    /// File > Export Role Policies does after asking for the folder), pretty-printed or, with the Export dialog's
    /// "Minify JSON" chosen, without white space.
    bool exportRolePolicies(const QString &folder, QStringList *written = nullptr, QString *error = nullptr);

    /// Adds a policy JSON file to the selected role: as its trust policy when the document is one, else as an inline
    /// policy named after the file (what File > Import Policy JSON and dropping a policy file do).
    bool importPolicyFile(const QString &path, QString *error = nullptr);
    /// True when a file holds a policy document (a JSON object with a Statement) rather than a workspace.
    static bool isPolicyFile(const QString &path);
    /// Brings a named view to the front (see viewNames()); false for an unknown name.
    bool showView(const QString &name);
    /// main, trust, permissions, json, findings, simulation, reach, graph, organization (the browser's Organization
    /// tab and the first SCP with a Deny, open), scp-simulation (the simulation checking an action that such an SCP
    /// denies to the role's session), and the dialogs new-role and export (which
    /// the application opens itself).
    static QStringList viewNames();
    /// Opens a statement that a simulation names: its role, its policy, the statement selected in the JSON text.
    void revealStatement(const QString &policy, int statement);
    SimulationPanel *simulationPanel() const { return m_simulation; }
    /// Shows a finding of the findings panel: its policy, with its range selected in the JSON text.
    void revealFinding(int row);

    /// The most recently opened workspace files, newest first (kept in the settings).
    QStringList recentFiles() const;
    /// File > Save As with its file chosen: saves there and adds it to File > Open Recent.
    bool saveAs(const QString &path, QString *error = nullptr);

    /// Help > Guide (F1): opens the guide at `section`, or at the section about the panel that has the focus when
    /// empty (the simulation panel's, the reach explorer's, the findings', the graph's; the roles' otherwise).
    GuideWindow *showGuide(const QString &section = {});
    /// Help > Keyboard Shortcuts: shows (not modal) the list of every shortcut.
    ShortcutsDialog *showShortcuts();
    /// What Help > About says: the version, Qt's, the licenses of the program and of the bundled AWS data.
    QString aboutText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void onOpen();
    bool onSave();
    bool onSaveAs();
    /// Shows a role (or none) in the role view, the findings panel and the actions.
    void showRoleOf(core::RoleId id);
    /// Shows the simulation dock where it has room: in a window too narrow for the browser, the editors and the
    /// simulation side by side (the default size), as a tab beside the workspace browser, whose area widens for it.
    void showSimulationDock();
    void onExport();
    void onExportGraph();
    void onNewRole();
    void onNewWorkspace();
    void onImportPolicy();
    void onAbout();
    /// The guide's section about the panel `widget` is in.
    QString guideSectionFor(const QWidget *widget) const;
    /// What's This texts for every panel (Help > What's This, Shift+F1).
    void describePanels();
    /// Whether a key pressed in a field is one of the menus' shortcuts that the field would otherwise keep.
    bool takesMenuShortcut(const QKeyEvent &key);
    /// Asks to save unsaved changes; false when the user cancels.
    bool maybeSave();
    void openAfterAsking(const QString &path);
    void addRecentFile(const QString &path);
    void updateRecentFilesMenu();

    static constexpr int kMaxRecentFiles = 8;
    /// The version of the saved panel layout: 1 with the Usage panel.
    static constexpr int kDockLayoutVersion = 1;
    /// The recent files as last written (read from the settings once).
    mutable std::optional<QStringList> m_recentFiles;
    void updateTitle();
    void updateStatus();

    doc::WorkspaceDocument *m_document;
    WorkspaceBrowser *m_browser;
    SimulationPanel *m_simulation = nullptr;
    RoleSummaryView *m_summary;
    QTabWidget *m_center;
    GraphEditor *m_graphEditor;
    GraphEditActions *m_graphActions;
    OrganizationPolicyEditor *m_organizationPolicy;
    doc::FindingsModel *m_findingsModel;
    FindingsPanel *m_findings;
    doc::WorkspaceUsage *m_usage = nullptr;
    UsageActions *m_usageActions = nullptr;
    UsagePanel *m_usagePanel = nullptr;
    QLabel *m_statusLabel;
    QMenu *m_recentMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyPolicyAction = nullptr;
    GuideWindow *m_guide = nullptr;
    ShortcutsDialog *m_shortcuts = nullptr;
    /// The menus' shortcuts (made on first use, after the menus).
    QSet<QKeySequence> m_menuShortcuts;
};

} // namespace rd::ui
