// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphEditor.h"

#include "document/AccountAnalysis.h"
#include "document/BackgroundPool.h"
#include "document/GraphLayout.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/graph/AccessGraph.h"
#include "widgets/graph/GraphEdgeItem.h"
#include "widgets/graph/GraphLegend.h"
#include "widgets/graph/GraphMinimap.h"
#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QEvent>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSaveFile>
#include <QSpinBox>
#include <QStringListModel>
#include <QSvgGenerator>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

namespace rd::ui
{

using doc::toQString;
using doc::toStdString;

/// Where a background layout hands its result back: the editor, until it is destroyed.
struct GraphEditor::LayoutMailbox {
    std::mutex mutex;
    GraphEditor *editor = nullptr;
    /// The generation of the newest drawing: a background layout of an older one is dropped before Graphviz runs it.
    std::atomic<std::uint64_t> wanted { 0 };
};

namespace
{
constexpr double kGap = 24;
/// How long one event-loop turn may spend making items of a large drawing.
constexpr qint64 kBatchBudgetMs = 25;
/// Gaps between cards of one layer and between layers, in scene points.
constexpr double kNodeSpacing = 20;
constexpr double kRankSpacing = 130;
/// Drawings with more items than this are made in batches (unless drawn on request, rebuildNow()).
constexpr std::size_t kBatchedItems = 3000;

/// Slides edge labels along their edges so that they cover no card and no other label: cards first, then each label
/// at the first free place of its candidates.
class LabelPlacer
{
public:
    void takeCard(const GraphNodeItem *item)
    {
        take(QRectF(item->pos() - QPointF(GraphNodeItem::kWidth / 2 + 4, GraphNodeItem::kHeight / 2 + 4),
            QSizeF(GraphNodeItem::kWidth + 8, GraphNodeItem::kHeight + 8)));
    }
    void place(GraphEdgeItem *item)
    {
        // Candidate places along the edge, nearest the middle first.
        static constexpr double candidates[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85 };
        if (item->label().isEmpty())
            return;
        double chosen = 0.5;
        for (double at : candidates) {
            if (isFree(item->labelRectAt(at).adjusted(-2, -1, 2, 1))) {
                chosen = at;
                break;
            }
        }
        item->setLabelAt(chosen);
        take(item->labelRect().adjusted(-2, -1, 2, 1));
    }

private:
    static constexpr double kCellSize = 120;
    template <class Visit> static void cellsOf(const QRectF &r, Visit &&visit)
    {
        for (int x = int(std::floor(r.left() / kCellSize)); x <= int(std::floor(r.right() / kCellSize)); ++x) {
            for (int y = int(std::floor(r.top() / kCellSize)); y <= int(std::floor(r.bottom() / kCellSize)); ++y)
                visit(qMakePair(x, y));
        }
    }
    void take(const QRectF &r)
    {
        cellsOf(r, [&](const QPair<int, int> &cell) { m_taken[cell].append(r); });
    }
    bool isFree(const QRectF &r) const
    {
        bool clear = true;
        cellsOf(r, [&](const QPair<int, int> &cell) {
            const auto it = m_taken.constFind(cell);
            if (clear && it != m_taken.constEnd())
                clear = std::none_of(it->begin(), it->end(), [&](const QRectF &o) { return o.intersects(r); });
        });
        return clear;
    }
    QHash<QPair<int, int>, QList<QRectF>> m_taken;
};

/// Deletes the items of a scene no longer shown, a batch per event-loop turn, then the scene.
void disposeScene(QGraphicsScene *scene, std::vector<QGraphicsItem *> items)
{
    // Removing items one by one from an index costs more than having none.
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    // Not the scene that tests and the minimap look for.
    scene->setObjectName(QString());
    auto *timer = new QTimer(scene);
    timer->setInterval(0);
    QObject::connect(
        timer, &QTimer::timeout, scene, [scene, timer, items = std::move(items), next = std::size_t(0)]() mutable {
            QElapsedTimer clock;
            clock.start();
            while (next < items.size() && clock.elapsed() < kBatchBudgetMs) {
                const std::size_t end = std::min(items.size(), next + 500);
                for (; next < end; ++next)
                    delete items[next];
            }
            if (next == items.size()) {
                timer->stop();
                scene->deleteLater();
            }
        });
    timer->start();
}

/// `3 roles`, `1 AWS service`: a count of nodes of one kind (GraphNodeKind order).
QString kindCount(core::GraphNodeKind kind, int count)
{
    static const char *const nouns[][2] = {
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "user"), QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "users") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "group"), QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "groups") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "role"), QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "roles") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "account"), QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "accounts") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "AWS service"),
            QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "AWS services") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "identity provider"),
            QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "identity providers") },
        { QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "resource"), QT_TRANSLATE_NOOP("rd::ui::GraphEditor", "resources") }
    };
    const auto &noun = nouns[std::min(std::size_t(kind), std::size(nouns) - 1)];
    return QStringLiteral("%L1 %2").arg(count).arg(GraphEditor::tr(noun[count == 1 ? 0 : 1]));
}

/// The overview's column of a card: accounts, services and providers, then users, groups, roles, resources.
int overviewLayer(core::GraphNodeKind kind)
{
    switch (kind) {
    case core::GraphNodeKind::Account:
    case core::GraphNodeKind::Service:
    case core::GraphNodeKind::Provider:
        return 0;
    case core::GraphNodeKind::User:
        return 1;
    case core::GraphNodeKind::Group:
        return 2;
    case core::GraphNodeKind::Role:
        return 3;
    case core::GraphNodeKind::Resource:
        return 4;
    }
    return 4;
}

QString kindName(core::GraphNodeKind kind)
{
    switch (kind) {
    case core::GraphNodeKind::User:
        return GraphEditor::tr("User");
    case core::GraphNodeKind::Group:
        return GraphEditor::tr("Group");
    case core::GraphNodeKind::Role:
        return GraphEditor::tr("Role");
    case core::GraphNodeKind::Account:
        return GraphEditor::tr("Account");
    case core::GraphNodeKind::Service:
        return GraphEditor::tr("AWS service");
    case core::GraphNodeKind::Provider:
        return GraphEditor::tr("Identity provider");
    case core::GraphNodeKind::Resource:
        return GraphEditor::tr("Resource");
    }
    return {};
}

/// The service field of an ARN (`arn:aws:s3:::b` -> `s3`); "" when the key is not an ARN.
std::string arnService(const std::string &key)
{
    if (key.rfind("arn:", 0) != 0)
        return {};
    const std::size_t partition = key.find(':', 4);
    if (partition == std::string::npos)
        return {};
    const std::size_t service = key.find(':', partition + 1);
    return key.substr(partition + 1, service == std::string::npos ? std::string::npos : service - partition - 1);
}

/// Access levels in the order of the service authorization reference, shortened for an edge's label.
int levelRank(const std::string &level)
{
    static const char *const order[] = { "List", "Read", "Write", "Permissions management", "Tagging", "*", "NotAction",
        "Unknown" };
    for (int i = 0; i < int(std::size(order)); ++i) {
        if (level == order[i])
            return i;
    }
    return int(std::size(order));
}

QString shortLevel(const std::string &level)
{
    if (level == "Permissions management")
        return GraphEditor::tr("Permissions");
    if (level == "*")
        return GraphEditor::tr("all actions");
    if (level == "NotAction")
        return GraphEditor::tr("all but some");
    if (level == "Unknown")
        return GraphEditor::tr("unknown");
    return toQString(level);
}

QString escaped(const std::string &text)
{
    return toQString(text).toHtmlEscaped();
}
} // namespace

GraphEditor::GraphEditor(doc::WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_style(GraphStyle::fromPalette(palette()))
    , m_toolBar(new QToolBar(this))
    , m_scopeCombo(new QComboBox(this))
    , m_depth(new QSpinBox(this))
    , m_search(new QLineEdit(this))
    , m_completions(new QStringListModel(this))
    , m_status(new QLabel(this))
    , m_scene(new QGraphicsScene(this))
    , m_view(new GraphView(this))
    , m_minimap(new GraphMinimap(m_view))
    , m_legend(new GraphLegend(m_view))
    , m_pending(new QTimer(this))
    , m_mailbox(std::make_shared<LayoutMailbox>())
    , m_drawingTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("graphEditor"));
    m_mailbox->editor = this;
    m_scene->setObjectName(QStringLiteral("graphScene"));
    m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    m_view->setScene(m_scene);
    m_view->setGraphStyle(&m_style);
    m_minimap->setGraphStyle(&m_style);
    m_minimap->setNodeItems(&m_nodeItems);
    m_legend->setGraphStyle(&m_style);
    m_view->setToolTipProvider([this](const QGraphicsItem *item) { return toolTip(item); });
    m_view->addOverlay(m_minimap);
    m_view->addOverlay(m_legend);

    m_toolBar->setObjectName(QStringLiteral("graphToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));
    m_scope.mode = doc::GraphScope::Mode::Focus;
    m_backAction = m_toolBar->addAction(tr("Back"));
    m_backAction->setObjectName(QStringLiteral("graphBack"));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_backAction->setToolTip(tr("Focus on the previous node (Alt+Left)"));
    m_forwardAction = m_toolBar->addAction(tr("Forward"));
    m_forwardAction->setObjectName(QStringLiteral("graphForward"));
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forwardAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_forwardAction->setToolTip(tr("Focus on the next node again (Alt+Right)"));
    addAction(m_backAction);
    addAction(m_forwardAction);
    m_scopeCombo->setObjectName(QStringLiteral("graphScopeCombo"));
    m_scopeCombo->addItem(tr("Focus"), int(doc::GraphScope::Mode::Focus));
    m_scopeCombo->addItem(tr("Paths"), int(doc::GraphScope::Mode::Paths));
    m_scopeCombo->addItem(tr("Overview"), int(doc::GraphScope::Mode::Overview));
    m_scopeCombo->addItem(tr("Whole Account"), int(doc::GraphScope::Mode::Account));
    m_scopeCombo->setToolTip(tr("Focus: the selected entity and its neighbourhood. Paths: the answers of the reach "
                                "explorer's question. Overview: clusters by account, path and kind, with edge counts "
                                "(double-click opens one). Whole account: every node, folded into bundles"));
    m_toolBar->addWidget(m_scopeCombo);
    m_depth->setObjectName(QStringLiteral("graphDepthSpin"));
    m_depth->setRange(1, doc::GraphScope::kMaxDepth);
    m_depth->setValue(m_scope.depth);
    m_depth->setPrefix(tr("Hops: "));
    m_depth->setToolTip(tr("How far from the focus to draw: who reaches it and what it reaches, 1 to %1 steps away")
                            .arg(doc::GraphScope::kMaxDepth));
    m_toolBar->addWidget(m_depth);
    m_toolBar->addSeparator();
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find a user, role or resource (name or ARN)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(300);
    m_search->setToolTip(
        tr("Ctrl+F. Return focuses on the node (in the whole account: centres the view on it and selects "
           "it, unfolding its bundle)"));
    // Ctrl+F in the graph searches the graph; elsewhere it filters the workspace (the browser's window shortcut),
    // so the editor's widgets take the key before it becomes that shortcut (see eventFilter()).
    for (QWidget *widget : { static_cast<QWidget *>(m_view), m_view->viewport(), static_cast<QWidget *>(m_search) })
        widget->installEventFilter(this);
    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setMaxVisibleItems(12);
    completer->popup()->setObjectName(QStringLiteral("graphSearchCompletions"));
    m_search->setCompleter(completer);
    m_toolBar->addWidget(m_search);

    m_fitAction = m_toolBar->addAction(tr("Fit"));
    m_fitAction->setObjectName(QStringLiteral("graphFit"));
    m_fitAction->setToolTip(tr("Show the whole graph (0). Wheel: zoom around the cursor; drag the background: pan"));
    m_toolBar->addSeparator();
    m_foldGroups = m_toolBar->addAction(tr("Fold Group Members"));
    m_foldGroups->setObjectName(QStringLiteral("graphFoldGroups"));
    m_foldGroups->setCheckable(true);
    m_foldGroups->setChecked(m_collapse.groups);
    m_foldGroups->setToolTip(tr("Draw the users of each group as one card (double-click a card to unfold it)"));
    m_foldServices = m_toolBar->addAction(tr("Fold Services and Resources"));
    m_foldServices->setObjectName(QStringLiteral("graphFoldServices"));
    m_foldServices->setCheckable(true);
    m_foldServices->setChecked(m_collapse.services);
    m_foldServices->setToolTip(
        tr("Draw AWS services as one card, and the resources of a service as one card, when there are more than %1")
            .arg(m_collapse.bundleThreshold));
    m_toolBar->addSeparator();
    m_relayoutAction = m_toolBar->addAction(tr("Lay Out Again"));
    m_relayoutAction->setObjectName(QStringLiteral("graphRelayout"));
    m_relayoutAction->setToolTip(tr("Forget where nodes were moved and lay the whole graph out afresh"));
    for (QAction *action :
        { m_backAction, m_forwardAction, m_fitAction, m_foldGroups, m_foldServices, m_relayoutAction }) {
        if (QWidget *button = m_toolBar->widgetForAction(action))
            button->setObjectName(action->objectName() + QStringLiteral("Button"));
    }
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_status->setObjectName(QStringLiteral("graphStatus"));
    m_status->setContentsMargins(6, 0, 6, 0);
    m_toolBar->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);

    m_pending->setSingleShot(true);
    m_pending->setInterval(150);
    connect(m_pending, &QTimer::timeout, this, [this] { rebuild(false); });
    m_drawingTimer->setInterval(0);
    connect(m_drawingTimer, &QTimer::timeout, this, [this] {
        if (continueDrawing(true))
            finishDrawing();
    });

    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const bool found = focusNode(m_search->text());
        if (!found && !m_search->text().trimmed().isEmpty())
            m_status->setText(tr("No node matches “%1”").arg(m_search->text().trimmed()));
    });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
        [this](const QString &text) { focusNode(text); });
    connect(m_fitAction, &QAction::triggered, this, &GraphEditor::fit);
    connect(m_foldGroups, &QAction::toggled, this, [this](bool on) { setFamilyFolded(true, on); });
    connect(m_foldServices, &QAction::toggled, this, [this](bool on) { setFamilyFolded(false, on); });
    connect(m_relayoutAction, &QAction::triggered, this, &GraphEditor::relayout);
    connect(m_backAction, &QAction::triggered, this, &GraphEditor::goBack);
    connect(m_forwardAction, &QAction::triggered, this, &GraphEditor::goForward);
    connect(m_scopeCombo, qOverload<int>(&QComboBox::activated), this,
        [this] { setScopeMode(doc::GraphScope::Mode(m_scopeCombo->currentData().toInt())); });
    connect(m_depth, qOverload<int>(&QSpinBox::valueChanged), this, &GraphEditor::setFocusDepth);

    connect(m_view, &GraphView::nodesMoved, this, &GraphEditor::onNodesMoved);
    connect(m_view, &GraphView::connectDragged, this, &GraphEditor::onConnectDragged);
    connect(m_view, &GraphView::deletePressed, this, &GraphEditor::onDeletePressed);
    connect(m_view, &GraphView::nodeDoubleClicked, this, &GraphEditor::onNodeDoubleClicked);
    connect(m_view, &GraphView::edgeDoubleClicked, this, &GraphEditor::onEdgeDoubleClicked);
    connect(m_view, &GraphView::nodeContextMenu, this, &GraphEditor::onNodeContextMenu);
    connect(m_view, &GraphView::edgeContextMenu, this, &GraphEditor::onEdgeContextMenu);

    // A newer model of the workspace: drawn while the editor is visible (or when it is shown).
    connect(m_document->analysis(), &doc::AccountAnalysis::modelChanged, this, [this] {
        m_graphStale = true;
        schedule();
    });
    connect(m_document, &doc::WorkspaceDocument::workspaceReset, this, [this] {
        // Another workspace: nothing of the last drawing carries over.
        m_graphStale = true;
        m_autoPositions.clear();
        m_collapse.expanded.clear();
        m_collapse.collapsed.clear();
        m_scope.focus.clear();
        m_scope.pathNodes.clear();
        m_scope.pathEdges.clear();
        m_focusHistory.clear();
        m_focusAt = 0;
        syncScopeControls();
        m_highlighting = false;
        m_highlightNodeKeys.clear();
        m_highlightEdgeKeys.clear();
        m_fitOnRedraw = true;
        clearDrawing();
        schedule();
    });
    connect(m_document, &doc::WorkspaceDocument::graphLayoutChanged, this, [this] {
        if (!m_ignoreLayoutSignal)
            applyKeptPositions();
    });
    syncScopeControls();
    updateStatus();
}

GraphEditor::~GraphEditor()
{
    // A layout still running in the background finds no editor to hand its result to.
    std::lock_guard<std::mutex> lock(m_mailbox->mutex);
    m_mailbox->editor = nullptr;
}

void GraphEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_graphStale || !m_graph)
        schedule();
    m_minimap->reposition();
    m_legend->reposition();
}

bool GraphEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Find)) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                m_search->setFocus(Qt::ShortcutFocusReason);
                m_search->selectAll();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GraphEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange
        || event->type() == QEvent::FontChange)
        restyle();
}

void GraphEditor::restyle()
{
    m_style = GraphStyle::fromPalette(palette());
    for (GraphNodeItem *item : m_nodeItems)
        item->restyle();
    for (GraphEdgeItem *item : m_edgeItems)
        item->restyle();
    m_view->setGraphStyle(&m_style);
    m_minimap->setGraphStyle(&m_style);
    m_legend->setGraphStyle(&m_style);
    arrangeEdgeLabels();
}

void GraphEditor::schedule()
{
    // Building and laying out the graph of a large account takes a moment: only a visible editor keeps up.
    if (isVisible())
        m_pending->start();
}

void GraphEditor::rebuildNow()
{
    m_view->cancelInteraction();
    // Asked for outside the user's work (a test, a screenshot): this one drawing may wait for Graphviz.
    m_waitForGraphviz = true;
    rebuild(true);
    m_waitForGraphviz = false;
}

void GraphEditor::rebuild(bool synchronous, bool refreshGraph)
{
    m_pending->stop();
    if (!synchronous && m_view->isInteracting()) {
        // Never pull the cards from under a drag: try again after it.
        m_pending->start();
        return;
    }
    doc::AccountAnalysis *analysis = m_document->analysis();
    if (refreshGraph && synchronous) {
        // Drawn on request: the workspace as it is now.
        analysis->waitForCurrent();
        m_graphStale = m_graphStale || analysis->model() != m_latestModel;
    }
    if (refreshGraph && (m_graphStale || !m_latestModel)) {
        m_latestModel = analysis->model();
        if (!m_latestModel) {
            // The first model of this workspace is being computed; modelChanged() brings it.
            showAnalysing();
            return;
        }
        m_graphStale = false;
    }
    std::shared_ptr<const core::AccountModel> model = refreshGraph ? m_latestModel : m_model;
    if (!model)
        return;
    m_scope.cardCap = m_cardCap != 0 ? m_cardCap : cardCapForViewport();
    const std::uint64_t generation = ++m_generation;
    m_mailbox->wanted.store(generation);
    if (synchronous || model->graph().nodes().size() <= m_foldedAtOnce) {
        // A small graph is folded at once, so that a fold answers at once.
        doc::GraphProjection projection = doc::GraphProjection::project(model->graph(), m_collapse, m_scope);
        drawProjection(std::move(model), std::move(projection), synchronous, generation);
        return;
    }
    // Folding the 5,000-role account takes 40 to 100 ms: in the background, the drawing staying as it is meanwhile; a
    // newer rebuild makes the result stale (the generation).
    m_layingOut = true;
    m_pendingModel.reset();
    m_pendingProjection.reset();
    updateStatus();
    std::shared_ptr<LayoutMailbox> mailbox = m_mailbox;
    doc::runInBackground(
        [mailbox, model = std::move(model), collapse = m_collapse, scope = m_scope, generation]() mutable {
            doc::GraphProjection projection = doc::GraphProjection::project(model->graph(), collapse, scope);
            std::lock_guard<std::mutex> lock(mailbox->mutex);
            if (GraphEditor *editor = mailbox->editor) {
                QMetaObject::invokeMethod(
                    editor,
                    [editor, generation, model, projection = std::move(projection)]() mutable {
                        editor->projectionArrived(generation, std::move(model), std::move(projection));
                    },
                    Qt::QueuedConnection);
            }
        });
}

void GraphEditor::projectionArrived(
    std::uint64_t generation, std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection)
{
    if (generation != m_generation) {
        doc::releaseInBackground(std::move(model));
        return; // a newer rebuild runs
    }
    if (m_view->isInteracting()) {
        // Never pull the cards from under a drag: hand it over after the gesture.
        QTimer::singleShot(
            100, this, [this, generation, model = std::move(model), projection = std::move(projection)]() mutable {
                projectionArrived(generation, std::move(model), std::move(projection));
            });
        return;
    }
    drawProjection(std::move(model), std::move(projection), false, generation);
}

void GraphEditor::drawProjection(std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection,
    bool synchronous, std::uint64_t generation)
{
    const std::vector<std::optional<QPointF>> known = knownPositions(projection);
    const bool complete = std::all_of(known.begin(), known.end(), [](const auto &p) { return p.has_value(); });
    m_mailbox->wanted.store(generation);
    m_layingOut = false;
    m_pendingModel.reset();
    m_pendingProjection.reset();

    doc::GraphLayoutOptions options;
    options.nodeWidth = GraphNodeItem::kWidth + 8;
    options.nodeHeight = GraphNodeItem::kHeight + 8;
    options.nodeSpacing = kNodeSpacing;
    options.rankSpacing = kRankSpacing;

    // The focus and path scopes are laid out in columns at once (instant); small drawings of the whole account by
    // Graphviz at once (a few ms), so that a fold or a search answers at once.
    const bool columns = m_scope.mode != doc::GraphScope::Mode::Account;
    if (complete || synchronous || columns || projection.nodes().size() <= m_backgroundThreshold) {
        doc::GraphLayoutResult layout;
        if (!complete && columns) {
            std::vector<int> layers;
            if (m_scope.mode == doc::GraphScope::Mode::Focus) {
                for (const doc::ViewNode &node : projection.nodes())
                    layers.push_back(node.hops);
            } else if (m_scope.mode == doc::GraphScope::Mode::Overview) {
                // Principals from outside, then users and groups, roles, resources, left to right, each card by the
                // kind most of its members have (an account's cluster goes where most of its nodes do).
                const std::vector<core::GraphNode> &graphNodes = model->graph().nodes();
                for (const doc::ViewNode &node : projection.nodes()) {
                    std::array<std::size_t, 7> kinds {};
                    for (std::size_t n : node.members) {
                        if (n < graphNodes.size())
                            ++kinds[std::size_t(graphNodes[n].kind)];
                    }
                    const auto most = std::max_element(kinds.begin(), kinds.end());
                    layers.push_back(overviewLayer(core::GraphNodeKind(most - kinds.begin())));
                }
            } else {
                layers = doc::pathLayers(projection);
            }
            const QSize viewport = m_view->viewport()->size().expandedTo(QSize(800, 500));
            layout = doc::layoutColumns(projection, layers, options, viewport.width(), viewport.height());
        } else if (!complete) {
            // The GUI thread never waits for Graphviz, which may be laying out a large drawing in the background
            // for seconds: this one then goes to the background too, or, when it is wanted at once (a search that
            // unfolds a bundle), is drawn in columns by its paths.
            doc::GraphLayoutControl control;
            control.waitForGraphviz = m_waitForGraphviz;
            layout = doc::layoutGraph(projection, options, control);
            if (layout.busy && synchronous) {
                const QSize viewport = m_view->viewport()->size().expandedTo(QSize(800, 500));
                layout = doc::layoutColumns(
                    projection, doc::pathLayers(projection), options, viewport.width(), viewport.height());
            }
        }
        if (!layout.busy) {
            m_layoutError = layout.error;
            const std::vector<QPointF> positions = place(projection, known, layout);
            const bool batched = !synchronous && projection.nodes().size() + projection.edges().size() > kBatchedItems;
            populate(std::move(model), std::move(projection), positions, batched);
            return;
        }
    }
    // Lay out in the background; the drawing stays as it is until the result arrives, and a newer rebuild makes this
    // one's result stale (the generation).
    abandonDrawing();
    m_layingOut = true;
    m_pendingModel = std::move(model);
    m_pendingProjection = projection;
    auto shared = std::make_shared<const doc::GraphProjection>(std::move(projection));
    updateStatus();
    std::shared_ptr<LayoutMailbox> mailbox = m_mailbox;
    doc::runInBackground([mailbox, shared, options, generation] {
        // A newer drawing replaced this one while it waited for Graphviz: it gives way (layoutArrived ignores it).
        doc::GraphLayoutControl control;
        control.stillWanted = [&mailbox, generation] { return mailbox->wanted.load() == generation; };
        doc::GraphLayoutResult result = doc::layoutGraph(*shared, options, control);
        std::lock_guard<std::mutex> lock(mailbox->mutex);
        if (GraphEditor *editor = mailbox->editor) {
            QMetaObject::invokeMethod(
                editor,
                [editor, generation, result = std::move(result)]() mutable {
                    editor->layoutArrived(generation, std::move(result));
                },
                Qt::QueuedConnection);
        }
    });
}

void GraphEditor::layoutArrived(std::uint64_t generation, doc::GraphLayoutResult result)
{
    if (generation != m_generation || result.superseded || !m_pendingProjection || !m_pendingModel) {
        Q_EMIT backgroundLayoutFinished(false);
        return;
    }
    if (m_view->isInteracting()) {
        // Hand it over after the gesture.
        QTimer::singleShot(100, this,
            [this, generation, result = std::move(result)]() mutable { layoutArrived(generation, std::move(result)); });
        return;
    }
    doc::GraphProjection projection = std::move(*m_pendingProjection);
    std::shared_ptr<const core::AccountModel> model = std::move(m_pendingModel);
    m_pendingProjection.reset();
    m_pendingModel.reset();
    m_layoutError = result.error;
    // Kept positions may have changed meanwhile: they still win.
    const std::vector<QPointF> positions = place(projection, knownPositions(projection), result);
    const bool batched = projection.nodes().size() + projection.edges().size() > kBatchedItems;
    populate(std::move(model), std::move(projection), positions, batched);
    // A batched drawing says so when its last item is made.
    if (!m_drawing)
        Q_EMIT backgroundLayoutFinished(true);
}

bool GraphEditor::isUpToDate() const
{
    const doc::AccountAnalysis *analysis = m_document->analysis();
    return analysis->isCurrent() && !m_graphStale && m_latestModel == analysis->model();
}

void GraphEditor::showAnalysing()
{
    m_status->setText(tr("Analysing the account…"));
}

std::vector<std::string> GraphEditor::bundleKeysOf(const core::AccessGraph &graph)
{
    doc::GraphCollapse all;
    all.bundleThreshold = 0;
    const doc::GraphProjection folded = doc::GraphProjection::project(graph, all);
    std::vector<std::string> keys(graph.nodes().size());
    for (std::size_t n = 0; n < keys.size(); ++n) {
        const std::size_t v = folded.viewNodeOf(n);
        if (v < folded.nodes().size() && folded.nodes()[v].bundle)
            keys[n] = folded.nodes()[v].key;
    }
    return keys;
}

std::vector<std::optional<QPointF>> GraphEditor::knownPositions(const doc::GraphProjection &projection) const
{
    std::unordered_map<std::string, QPointF> kept;
    for (const core::GraphPosition &p : m_document->workspace().layout)
        kept.emplace(p.node, QPointF(p.x, p.y));
    std::vector<std::optional<QPointF>> known(projection.nodes().size());
    for (std::size_t i = 0; i < known.size(); ++i) {
        const std::string &key = projection.nodes()[i].key;
        if (auto it = kept.find(key); it != kept.end())
            known[i] = it->second;
        else if (auto a = m_autoPositions.find(key); a != m_autoPositions.end())
            known[i] = a->second;
    }
    return known;
}

std::vector<QPointF> GraphEditor::place(const doc::GraphProjection &projection,
    const std::vector<std::optional<QPointF>> &known, const doc::GraphLayoutResult &layout)
{
    const std::size_t count = projection.nodes().size();
    std::vector<QPointF> dot(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i < layout.positions.size())
            dot[i] = QPointF(layout.positions[i].first, layout.positions[i].second);
        else
            dot[i] = QPointF(double(i % 10) * (GraphNodeItem::kWidth + kGap), double(i / 10) * 80);
    }
    std::vector<QPointF> out(count);
    std::vector<bool> placed(count, false);
    QPointF total;
    int knownCount = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (known[i]) {
            out[i] = *known[i];
            placed[i] = true;
            total += *known[i] - dot[i];
            ++knownCount;
        }
    }
    if (knownCount == 0) {
        // A fresh drawing: Graphviz's places as they are.
        for (std::size_t i = 0; i < count; ++i)
            m_autoPositions[projection.nodes()[i].key] = dot[i];
        return dot;
    }
    if (knownCount == int(count))
        return out;

    // New nodes among cards already drawn: each goes where Graphviz put it relative to its drawn neighbours (or to the
    // drawing as a whole), moved down until it overlaps no card.
    const QPointF globalShift = total / knownCount;
    std::vector<std::vector<std::size_t>> neighbours(count);
    for (const doc::ViewEdge &edge : projection.edges()) {
        if (edge.from < count && edge.to < count && edge.from != edge.to) {
            neighbours[edge.from].push_back(edge.to);
            neighbours[edge.to].push_back(edge.from);
        }
    }
    const double cellW = GraphNodeItem::kWidth + kGap;
    const double cellH = GraphNodeItem::kHeight + kGap;
    QHash<QPair<int, int>, QList<QPointF>> occupied;
    auto cellOf = [&](const QPointF &p) {
        return qMakePair(int(std::floor(p.x() / cellW)), int(std::floor(p.y() / cellH)));
    };
    auto occupy = [&](const QPointF &p) { occupied[cellOf(p)].append(p); };
    auto collides = [&](const QPointF &p) {
        const auto [cx, cy] = cellOf(p);
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = -1; dy <= 1; ++dy) {
                const auto it = occupied.constFind(qMakePair(cx + dx, cy + dy));
                if (it == occupied.constEnd())
                    continue;
                for (const QPointF &other : *it) {
                    if (std::abs(other.x() - p.x()) < cellW && std::abs(other.y() - p.y()) < cellH)
                        return true;
                }
            }
        }
        return false;
    };
    for (std::size_t i = 0; i < count; ++i) {
        if (placed[i])
            occupy(out[i]);
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (placed[i])
            continue;
        QPointF shift;
        int n = 0;
        for (std::size_t j : neighbours[i]) {
            if (placed[j]) {
                shift += out[j] - dot[j];
                ++n;
            }
        }
        QPointF p = dot[i] + (n > 0 ? shift / n : globalShift);
        for (int tries = 0; tries < 2000 && collides(p); ++tries)
            p.ry() += cellH;
        out[i] = p;
        placed[i] = true;
        occupy(p);
        m_autoPositions[projection.nodes()[i].key] = p;
    }
    return out;
}

/// A drawing whose items are being made, a batch per event-loop turn when it is large.
struct GraphEditor::Drawing {
    std::shared_ptr<const core::AccountModel> model;
    doc::GraphProjection projection;
    std::vector<QPointF> positions;
    /// Where the items go: the scene shown, or (batched) a scene of their own that replaces it when complete.
    QGraphicsScene *scene = nullptr;
    std::vector<GraphNodeItem *> nodeItems;
    std::vector<GraphEdgeItem *> edgeItems;
    std::size_t nextNode = 0;
    std::size_t nextEdge = 0;
    std::size_t nextLabel = 0;
    LabelPlacer labels;
    std::set<std::string> selectedKeys;
    bool batched = false;
    /// Whether the drawing came from a background layout (backgroundLayoutFinished() then follows).
    bool afterLayout = false;
};

void GraphEditor::populate(std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection,
    const std::vector<QPointF> &positions, bool batched)
{
    const bool afterLayout = m_layingOut;
    abandonDrawing(); // an unfinished drawing, overtaken
    m_drawing = std::make_unique<Drawing>();
    Drawing &d = *m_drawing;
    d.model = std::move(model);
    d.projection = std::move(projection);
    d.positions = positions;
    d.afterLayout = afterLayout;
    d.batched = batched;
    for (GraphNodeItem *item : m_nodeItems) {
        if (item->isSelected())
            d.selectedKeys.insert(item->key());
    }
    if (batched) {
        d.scene = new QGraphicsScene(this);
        d.scene->setObjectName(QStringLiteral("graphScene"));
        // Indexed once, when first asked, rather than item by item.
        d.scene->setItemIndexMethod(QGraphicsScene::NoIndex);
        // A scene without a rect of its own measures every item after each batch (Qt grows the rect to the items'
        // bounds): that took 400 ms on 70,000 items. finishDrawing() sets the final one.
        QRectF bounds(-200, -150, 400, 300);
        for (const QPointF &p : positions)
            bounds |= QRectF(p, QSizeF(GraphNodeItem::kWidth, GraphNodeItem::kHeight));
        d.scene->setSceneRect(bounds);
        // A scene without views collects an update rectangle per new item, 70,000 of them for the 5,000-role
        // account, which Qt then processes in one go (300 ms); a hidden view that repaints everything anyway makes
        // it drop them.
        if (!m_builderView) {
            m_builderView = new QGraphicsView(this);
            m_builderView->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
            m_builderView->hide();
        }
        m_builderView->setScene(d.scene);
        d.nodeItems.reserve(d.projection.nodes().size());
        d.edgeItems.reserve(d.projection.edges().size());
        m_layingOut = true;
        updateStatus();
        m_drawingTimer->start();
        return;
    }
    m_view->cancelInteraction();
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_scene->clear();
    d.scene = m_scene;
    continueDrawing(false);
    finishDrawing();
}

bool GraphEditor::continueDrawing(bool batched)
{
    Drawing &d = *m_drawing;
    QElapsedTimer clock;
    clock.start();
    auto overBudget = [&] { return batched && clock.elapsed() >= kBatchBudgetMs; };
    const core::AccessGraph &graph = d.model->graph();
    const std::vector<core::GraphNode> &nodes = graph.nodes();
    while (d.nextNode < d.projection.nodes().size()) {
        if ((d.nextNode % 64) == 0 && overBudget())
            return false;
        const std::size_t i = d.nextNode++;
        const doc::ViewNode &node = d.projection.nodes()[i];
        bool modelled = true;
        if (!node.bundle && node.kind == core::GraphNodeKind::Resource && !node.members.empty()
            && node.members.front() < nodes.size())
            modelled = nodes[node.members.front()].modelled;
        auto *item = new GraphNodeItem(
            i, node, nodeLabel(graph, node), nodeDetails(graph, d.projection, node), modelled, &m_style);
        item->setPos(i < d.positions.size() ? d.positions[i] : QPointF());
        d.scene->addItem(item);
        if (d.selectedKeys.count(node.key))
            item->setSelected(true);
        d.nodeItems.push_back(item);
        d.labels.takeCard(item);
    }
    while (d.nextEdge < d.projection.edges().size()) {
        if ((d.nextEdge % 256) == 0 && overBudget())
            return false;
        const std::size_t i = d.nextEdge++;
        const doc::ViewEdge &edge = d.projection.edges()[i];
        if (edge.from >= d.nodeItems.size() || edge.to >= d.nodeItems.size())
            continue;
        auto *item = new GraphEdgeItem(
            i, edge.kind, edge.conditional, edge.edges, d.nodeItems[edge.from], d.nodeItems[edge.to], &m_style);
        item->setLabel(edgeLabel(graph, edge));
        d.scene->addItem(item);
        d.edgeItems.push_back(item);
    }
    while (d.nextLabel < d.edgeItems.size()) {
        if ((d.nextLabel % 256) == 0 && overBudget())
            return false;
        d.labels.place(d.edgeItems[d.nextLabel++]);
    }
    return true;
}

void GraphEditor::finishDrawing()
{
    m_drawingTimer->stop();
    std::unique_ptr<Drawing> drawing = std::move(m_drawing);
    Drawing &d = *drawing;
    if (d.scene != m_scene) {
        // The finished drawing replaces the one shown; the old items go a batch at a time.
        m_view->cancelInteraction();
        std::vector<QGraphicsItem *> old;
        old.reserve(m_nodeItems.size() + m_edgeItems.size());
        old.insert(old.end(), m_edgeItems.begin(), m_edgeItems.end());
        old.insert(old.end(), m_nodeItems.begin(), m_nodeItems.end());
        QGraphicsScene *previous = m_scene;
        m_scene = d.scene;
        if (m_builderView)
            m_builderView->setScene(nullptr);
        // A large drawing stays without an index: building Qt's BSP tree over tens of thousands of items stalls for
        // a second, while a scan of the items per repaint or hit test costs a few milliseconds.
        m_view->setScene(m_scene);
        // Anything else in the old scene (a rubber band) goes with it.
        disposeScene(previous, std::move(old));
    }
    m_nodeItems = std::move(d.nodeItems);
    m_edgeItems = std::move(d.edgeItems);
    doc::releaseInBackground(std::move(m_graph));
    doc::releaseInBackground(std::move(m_model));
    m_model = std::move(d.model);
    m_graph = m_model->sharedGraph();
    m_projection = std::move(d.projection);
    m_layingOut = false;
    updateSceneRect();
    applyHighlight();
    if (m_revealHighlight && m_highlighting)
        revealHighlight();
    updateCompletions();
    updateStatus();
    m_minimap->refreshNow();
    if (m_fitOnRedraw && !m_nodeItems.empty()) {
        m_fitOnRedraw = false;
        if (m_scope.mode == doc::GraphScope::Mode::Focus && m_projection.focus() < m_nodeItems.size()) {
            // A new focus: shown readable (around its card when the whole does not fit so), its card selected.
            QRectF bounds;
            for (const GraphNodeItem *item : m_nodeItems)
                bounds = bounds.united(item->sceneBoundingRect());
            GraphNodeItem *focus = m_nodeItems[m_projection.focus()];
            m_view->fitReadable(bounds.adjusted(-20, -20, 20, 20), focus->sceneBoundingRect().center(), 1.2);
            m_scene->clearSelection();
            focus->setSelected(true);
        } else {
            fit();
        }
    }
    Q_EMIT graphRedrawn();
    if (d.batched && d.afterLayout)
        Q_EMIT backgroundLayoutFinished(true);
}

void GraphEditor::clearDrawing()
{
    abandonDrawing();
    m_mailbox->wanted.store(++m_generation);
    m_layingOut = false;
    m_pendingModel.reset();
    m_pendingProjection.reset();
    m_latestModel.reset();
    m_model.reset();
    m_graph.reset();
    m_projection = {};
    if (!m_nodeItems.empty() || !m_edgeItems.empty()) {
        m_view->cancelInteraction();
        std::vector<QGraphicsItem *> old(m_edgeItems.begin(), m_edgeItems.end());
        old.insert(old.end(), m_nodeItems.begin(), m_nodeItems.end());
        QGraphicsScene *previous = m_scene;
        m_scene = new QGraphicsScene(this);
        m_scene->setObjectName(QStringLiteral("graphScene"));
        m_scene->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
        m_view->setScene(m_scene);
        disposeScene(previous, std::move(old));
        m_nodeItems.clear();
        m_edgeItems.clear();
    }
    updateSceneRect();
    updateCompletions();
    updateStatus();
    m_minimap->refreshNow();
}

void GraphEditor::abandonDrawing()
{
    m_drawingTimer->stop();
    if (!m_drawing)
        return;
    std::unique_ptr<Drawing> drawing = std::move(m_drawing);
    if (drawing->scene != m_scene) {
        if (m_builderView)
            m_builderView->setScene(nullptr);
        std::vector<QGraphicsItem *> items(drawing->edgeItems.begin(), drawing->edgeItems.end());
        items.insert(items.end(), drawing->nodeItems.begin(), drawing->nodeItems.end());
        disposeScene(drawing->scene, std::move(items));
    }
    if (drawing->batched && drawing->afterLayout)
        Q_EMIT backgroundLayoutFinished(false);
}

void GraphEditor::applyKeptPositions()
{
    std::unordered_map<std::string, QPointF> kept;
    for (const core::GraphPosition &p : m_document->workspace().layout)
        kept.emplace(p.node, QPointF(p.x, p.y));
    for (GraphNodeItem *item : m_nodeItems) {
        QPointF target = item->pos();
        if (auto it = kept.find(item->key()); it != kept.end())
            target = it->second;
        else if (auto a = m_autoPositions.find(item->key()); a != m_autoPositions.end())
            target = a->second;
        if (target != item->pos())
            item->setPos(target);
    }
    arrangeEdgeLabels();
    updateSceneRect();
    m_minimap->refresh();
}

void GraphEditor::updateSceneRect()
{
    QRectF bounds;
    for (GraphNodeItem *item : m_nodeItems)
        bounds = bounds.united(item->sceneBoundingRect());
    if (bounds.isEmpty())
        bounds = QRectF(-200, -150, 400, 300);
    // Room around the graph, so that any card can be brought to the middle of the view.
    const double margin = std::max({ 1500.0, bounds.width(), bounds.height() });
    m_scene->setSceneRect(bounds.adjusted(-margin, -margin, margin, margin));
}

void GraphEditor::arrangeEdgeLabels()
{
    LabelPlacer placer;
    for (const GraphNodeItem *item : m_nodeItems)
        placer.takeCard(item);
    for (GraphEdgeItem *item : m_edgeItems)
        placer.place(item);
}

void GraphEditor::updateCompletions()
{
    if (m_completionsGraph == m_graph)
        return; // the same graph, the same words
    m_completionsGraph = m_graph;
    if (!m_graph) {
        m_completions->setStringList({});
        return;
    }
    // Every label and key, sorted: 140,000 words on the 5,000-role account, gathered off the GUI thread.
    std::shared_ptr<const core::AccessGraph> graph = m_graph;
    std::shared_ptr<LayoutMailbox> mailbox = m_mailbox;
    doc::runInBackground([mailbox, graph] {
        QStringList words;
        for (std::size_t n = 0; n < graph->nodes().size(); ++n) {
            if (graph->isVacant(n))
                continue;
            const core::GraphNode &node = graph->nodes()[n];
            if (!node.label.empty())
                words << toQString(node.label);
            words << toQString(node.key);
        }
        words.removeDuplicates();
        words.sort(Qt::CaseInsensitive);
        std::lock_guard<std::mutex> lock(mailbox->mutex);
        if (GraphEditor *editor = mailbox->editor) {
            QMetaObject::invokeMethod(
                editor,
                [editor, graph, words = std::move(words)] {
                    if (editor->m_completionsGraph == graph)
                        editor->m_completions->setStringList(words);
                },
                Qt::QueuedConnection);
        }
    });
}

void GraphEditor::updateStatus()
{
    if (m_drawing && m_drawing->batched) {
        m_status->setText(tr("Drawing %n card(s)…", nullptr, int(m_drawing->projection.nodes().size())));
        return;
    }
    if (m_layingOut) {
        m_status->setText(m_pendingProjection
                ? tr("Laying out %n node(s)…", nullptr, int(m_pendingProjection->nodes().size()))
                : tr("Preparing the drawing…"));
        return;
    }
    if (!m_graph) {
        if (m_document->analysis()->model())
            m_status->clear();
        else
            showAnalysing();
        return;
    }
    QString text;
    switch (m_scope.mode) {
    case doc::GraphScope::Mode::Focus:
        if (m_scope.focus.empty()) {
            m_status->setText(tr("Select a role, user, group or resource: the graph shows its neighbourhood"));
            return;
        }
        if (m_projection.focus() == doc::GraphProjection::npos) {
            m_status->setText(tr("The focus is not in the graph any more: select another entity"));
            return;
        }
        text = tr("Focus on %1 · %n node(s) within reach", nullptr, int(m_projection.scopeSize()))
                   .arg(toQString(m_projection.nodes()[m_projection.focus()].label));
        break;
    case doc::GraphScope::Mode::Paths:
        if (m_scope.pathNodes.empty()) {
            m_status->setText(tr("Ask the reach explorer a question: the graph draws the paths of its answers"));
            return;
        }
        text = tr("Paths of the reach explorer's answers · %n node(s)", nullptr, int(m_projection.scopeSize()));
        break;
    case doc::GraphScope::Mode::Overview:
    case doc::GraphScope::Mode::Account:
        text = tr("%n node(s), %1 edge(s)", nullptr, int(m_graph->nodes().size())).arg(m_graph->edges().size());
        break;
    }
    if (m_nodeItems.size() != m_projection.scopeSize())
        text += tr(" · %n card(s) drawn", nullptr, int(m_nodeItems.size()));
    if (!m_layoutError.empty())
        text += tr(" · %1").arg(toQString(m_layoutError));
    m_status->setText(text);
}

bool GraphEditor::exportPicture(const QString &path, QString *error) const
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_nodeItems.empty())
        return fail(tr("The graph shows nothing to export"));
    QRectF bounds;
    for (const GraphNodeItem *item : m_nodeItems)
        bounds = bounds.united(item->sceneBoundingRect());
    for (const GraphEdgeItem *item : m_edgeItems)
        bounds = bounds.united(item->sceneBoundingRect());
    bounds.adjust(-20, -20, 20, 20);
    // Full detail, as close up: the items draw by the painter's scale, not by the view's zoom.
    auto render = [&](QPainter &painter, const QRectF &target) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.fillRect(target, m_style.background);
        m_scene->render(&painter, target, bounds);
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(bounds.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), bounds.size()));
        svg.setTitle(tr("Access graph"));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("Cannot write %1").arg(path));
        render(painter, QRectF(QPointF(0, 0), bounds.size()));
        painter.end();
    } else {
        constexpr double kLargest = 16384;
        const double scale = std::min({ 1.0, kLargest / bounds.width(), kLargest / bounds.height() });
        QImage image((bounds.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_RGB32);
        if (image.isNull())
            return fail(tr("The graph is too large for a picture: %1 x %2 points")
                            .arg(qRound(bounds.width()))
                            .arg(qRound(bounds.height())));
        QPainter painter(&image);
        render(painter, QRectF(QPointF(0, 0), QSizeF(image.size())));
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("Cannot write %1").arg(path));
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void GraphEditor::fit()
{
    // The cards' bounds from the editor's own list: asking the scene for its items sorts tens of thousands of them.
    QRectF bounds;
    for (const GraphNodeItem *item : m_nodeItems)
        bounds = bounds.united(item->sceneBoundingRect());
    m_view->fitTo(bounds.adjusted(-20, -20, 20, 20), 1.2);
}

void GraphEditor::fitHighlight()
{
    QRectF lit;
    for (const GraphNodeItem *item : m_nodeItems) {
        if (!item->isDimmed())
            lit = lit.united(item->sceneBoundingRect());
    }
    if (!m_highlighting || lit.isNull()) {
        fit();
        return;
    }
    fitLitPart(lit, 1.0);
}

QString GraphEditor::toolTip(const QGraphicsItem *item) const
{
    if (!item || !m_graph)
        return {};
    if (item->type() == GraphNodeItem::Type) {
        const std::size_t v = static_cast<const GraphNodeItem *>(item)->viewNode();
        return v < m_projection.nodes().size() ? nodeToolTip(m_projection.nodes()[v]) : QString();
    }
    if (item->type() == GraphEdgeItem::Type) {
        const std::size_t e = static_cast<const GraphEdgeItem *>(item)->viewEdge();
        return e < m_projection.edges().size() ? edgeToolTip(m_projection.edges()[e]) : QString();
    }
    return {};
}

// --- Finding nodes -------------------------------------------------------------------------------------------

std::size_t GraphEditor::findGraphNode(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (!m_graph || wanted.isEmpty())
        return core::AccessGraph::npos;
    const std::vector<core::GraphNode> &nodes = m_graph->nodes();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (toQString(nodes[i].key).compare(wanted, Qt::CaseInsensitive) == 0
            || toQString(core::graphLayoutKey(nodes[i])).compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (toQString(nodes[i].label).compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (toQString(nodes[i].label).contains(wanted, Qt::CaseInsensitive)
            || toQString(nodes[i].key).contains(wanted, Qt::CaseInsensitive))
            return i;
    }
    return core::AccessGraph::npos;
}

bool GraphEditor::focusNode(const QString &textOrKey)
{
    if (!m_graph)
        return false; // nothing drawn yet
    std::size_t graphNode = findGraphNode(textOrKey);
    if (graphNode == core::AccessGraph::npos)
        return false;
    if (m_scope.mode == doc::GraphScope::Mode::Focus) {
        // The node found becomes the focus, drawn at once: the view centres on it.
        focusOn(core::graphLayoutKey(m_graph->nodes()[graphNode]), true);
        return selectAndCenter(m_projection.focus());
    }
    std::size_t v = m_projection.viewNodeOf(graphNode);
    if (v >= m_nodeItems.size())
        return false;
    if (m_projection.nodes()[v].bundle && m_projection.nodes()[v].members.size() > 1) {
        m_collapse.expanded.insert(m_projection.nodes()[v].key);
        m_collapse.collapsed.erase(m_projection.nodes()[v].key);
        // The drawn graph, unfolded: the node's index stays the same.
        rebuild(true, false);
        v = m_projection.viewNodeOf(graphNode);
    }
    return selectAndCenter(v);
}

bool GraphEditor::selectAndCenter(std::size_t viewNode)
{
    if (viewNode >= m_nodeItems.size())
        return false;
    GraphNodeItem *item = m_nodeItems[viewNode];
    m_scene->clearSelection();
    item->setSelected(true);
    if (m_view->zoom() < 0.6)
        m_view->zoomBy(0.9 / m_view->zoom());
    m_view->centerOn(item);
    m_view->setFocus();
    return true;
}

QPointF GraphEditor::nodeCenter(std::size_t graphNode) const
{
    GraphNodeItem *item = nodeItem(graphNode);
    return item ? QPointF(m_view->mapFromScene(item->scenePos())) : QPointF(-1, -1);
}

QPointF GraphEditor::connectorHandle(std::size_t graphNode) const
{
    GraphNodeItem *item = nodeItem(graphNode);
    return item ? QPointF(m_view->mapFromScene(item->mapToScene(GraphNodeItem::handleCenter()))) : QPointF(-1, -1);
}

QPointF GraphEditor::edgePoint(std::size_t graphEdge) const
{
    GraphEdgeItem *item = edgeItem(graphEdge);
    return item ? QPointF(m_view->mapFromScene(item->midPoint())) : QPointF(-1, -1);
}

GraphNodeItem *GraphEditor::nodeItem(std::size_t graphNode) const
{
    const std::size_t v = m_projection.viewNodeOf(graphNode);
    return v < m_nodeItems.size() ? m_nodeItems[v] : nullptr;
}

GraphEdgeItem *GraphEditor::edgeItem(std::size_t graphEdge) const
{
    for (GraphEdgeItem *item : m_edgeItems) {
        if (std::find(item->edges().begin(), item->edges().end(), graphEdge) != item->edges().end())
            return item;
    }
    return nullptr;
}

// --- Folding -----------------------------------------------------------------------------------------------

std::string GraphEditor::bundleKeyOf(std::size_t graphNode) const
{
    if (!m_graph || graphNode >= m_graph->nodes().size())
        return {};
    if (m_bundleKeysGraph != m_graph) {
        // Folding the whole graph takes a moment on a large account: only when a context menu first asks.
        m_bundleKeys = bundleKeysOf(*m_graph);
        m_bundleKeysGraph = m_graph;
    }
    const core::GraphNode &node = m_graph->nodes()[graphNode];
    if (node.kind == core::GraphNodeKind::Group) {
        // A group's card folds the users whose first group it is.
        const std::string key = "bundle:group:" + core::graphLayoutKey(node);
        if (std::find(m_bundleKeys.begin(), m_bundleKeys.end(), key) != m_bundleKeys.end())
            return key;
        return {};
    }
    if (graphNode >= m_bundleKeys.size())
        return {};
    return m_bundleKeys[graphNode];
}

void GraphEditor::setBundleFolded(const std::string &bundleKey, bool folded)
{
    if (m_scope.mode == doc::GraphScope::Mode::Overview) {
        // A cluster opened or closed changes the overview's shape: laid out afresh and shown whole.
        m_autoPositions.clear();
        m_fitOnRedraw = true;
    }
    if (folded) {
        m_collapse.expanded.erase(bundleKey);
        m_collapse.collapsed.insert(bundleKey);
    } else {
        m_collapse.collapsed.erase(bundleKey);
        m_collapse.expanded.insert(bundleKey);
    }
    rebuild(false, false);
}

void GraphEditor::setFamilyFolded(bool groups, bool folded)
{
    auto inFamily = [groups](const std::string &key) {
        return groups ? key.rfind("bundle:group:", 0) == 0
                      : key.rfind("bundle:services", 0) == 0 || key.rfind("bundle:resources:", 0) == 0;
    };
    // The toggle applies to every bundle of its family: the cards opened or closed one by one follow it again.
    std::erase_if(m_collapse.expanded, inFamily);
    std::erase_if(m_collapse.collapsed, inFamily);
    if (groups)
        m_collapse.groups = folded;
    else
        m_collapse.services = folded;
    if (m_graph)
        rebuild(false, false);
}

std::size_t GraphEditor::cardCapForViewport() const
{
    // As many cards as the view holds with titles at least 9 px tall (the 9-point title font at 80 % of its size),
    // allowing for the gaps between four layers and the margins; between 40 and 300.
    const QSize viewport = m_view->viewport()->size().expandedTo(QSize(800, 500));
    const double width = (viewport.width() - 80) / doc::kReadableZoom - 4 * kRankSpacing;
    const double height = (viewport.height() - 80) / doc::kReadableZoom;
    const double columns = std::floor(width / (GraphNodeItem::kWidth + 8 + 2 * kNodeSpacing));
    const double rows = std::floor(height / (GraphNodeItem::kHeight + 8 + kNodeSpacing));
    return std::size_t(std::clamp(columns * rows, 40.0, 300.0));
}

void GraphEditor::syncScopeControls()
{
    const QSignalBlocker blockScope(m_scopeCombo);
    const QSignalBlocker blockDepth(m_depth);
    m_scopeCombo->setCurrentIndex(m_scopeCombo->findData(int(m_scope.mode)));
    m_depth->setValue(m_scope.depth);
    const bool focus = m_scope.mode == doc::GraphScope::Mode::Focus;
    const bool account = m_scope.mode == doc::GraphScope::Mode::Account;
    m_depth->setEnabled(focus);
    m_backAction->setEnabled(m_focusAt > 0);
    m_forwardAction->setEnabled(m_focusAt + 1 < m_focusHistory.size());
    m_foldGroups->setVisible(account);
    m_foldServices->setVisible(account);
}

void GraphEditor::setScopeMode(doc::GraphScope::Mode mode)
{
    if (mode == m_scope.mode) {
        syncScopeControls();
        return;
    }
    m_scope.mode = mode;
    redrawAfresh();
}

void GraphEditor::redrawAfresh(bool synchronous)
{
    // Another part of the graph: laid out afresh (the places the user gave stay), and shown whole.
    m_autoPositions.clear();
    m_fitOnRedraw = true;
    syncScopeControls();
    if (m_graph)
        rebuild(synchronous, false);
    else
        schedule();
    updateStatus();
}

void GraphEditor::applyFocus(const std::string &layoutKey, bool synchronous)
{
    m_scope.focus = layoutKey;
    m_scope.mode = doc::GraphScope::Mode::Focus;
    // The bundles opened around the last focus close.
    std::erase_if(m_collapse.expanded, [](const std::string &key) { return key.rfind("bundle:more:", 0) == 0; });
    redrawAfresh(synchronous);
}

void GraphEditor::focusOn(const std::string &layoutKey, bool synchronous)
{
    if (layoutKey.empty())
        return;
    if (layoutKey == m_scope.focus && m_scope.mode == doc::GraphScope::Mode::Focus)
        return;
    if (m_focusAt < m_focusHistory.size())
        m_focusHistory.resize(m_focusAt + 1);
    if (m_focusHistory.empty() || m_focusHistory.back() != layoutKey)
        m_focusHistory.push_back(layoutKey);
    m_focusAt = m_focusHistory.size() - 1;
    applyFocus(layoutKey, synchronous);
}

bool GraphEditor::focusOnEntity(doc::EntityKind kind, quint64 id)
{
    const std::string number = std::to_string(id);
    switch (kind) {
    case doc::EntityKind::Role:
        focusOn("role:" + number);
        return true;
    case doc::EntityKind::User:
        focusOn("user:" + number);
        return true;
    case doc::EntityKind::Group:
        focusOn("group:" + number);
        return true;
    case doc::EntityKind::Resource:
        focusOn("resource:" + number);
        return true;
    case doc::EntityKind::ExternalPrincipal: {
        // The graph names an external principal by its identifier (an account by its root).
        const std::shared_ptr<const core::AccountModel> model = m_document->analysis()->model();
        const auto &principals = m_document->workspace().externalPrincipals;
        const auto it = std::find_if(
            principals.begin(), principals.end(), [&](const core::ExternalPrincipal &p) { return p.id.value == id; });
        if (!model || it == principals.end())
            return false;
        const std::vector<core::GraphNode> &nodes = model->graph().nodes();
        for (std::size_t n = 0; n < nodes.size(); ++n) {
            const core::GraphNode &node = nodes[n];
            const bool account = it->kind == core::ExternalPrincipalKind::Account
                && node.kind == core::GraphNodeKind::Account && node.accountId == it->identifier;
            if (!model->graph().isVacant(n) && node.entityId == 0 && (account || node.key == it->identifier)) {
                focusOn(core::graphLayoutKey(node));
                return true;
            }
        }
        return false;
    }
    case doc::EntityKind::Account:
    case doc::EntityKind::Policy:
        break;
    }
    return false;
}

void GraphEditor::setFocusDepth(int hops)
{
    hops = std::clamp(hops, 1, doc::GraphScope::kMaxDepth);
    if (hops == m_scope.depth)
        return;
    m_scope.depth = hops;
    // Other columns: laid out afresh.
    m_autoPositions.clear();
    m_fitOnRedraw = true;
    syncScopeControls();
    if (m_graph && m_scope.mode == doc::GraphScope::Mode::Focus)
        rebuild(false, false);
}

bool GraphEditor::goBack()
{
    if (m_focusAt == 0 || m_focusHistory.empty())
        return false;
    --m_focusAt;
    applyFocus(m_focusHistory[m_focusAt]);
    return true;
}

bool GraphEditor::goForward()
{
    if (m_focusAt + 1 >= m_focusHistory.size())
        return false;
    ++m_focusAt;
    applyFocus(m_focusHistory[m_focusAt]);
    return true;
}

void GraphEditor::showPaths(const core::AccessGraph &graph, const std::vector<std::size_t> &graphNodes,
    const std::vector<std::size_t> &graphEdges)
{
    const std::vector<core::GraphNode> &nodes = graph.nodes();
    const core::EdgeList &edges = graph.edges();
    m_scope.pathNodes.clear();
    m_scope.pathEdges.clear();
    for (std::size_t n : graphNodes) {
        if (n < nodes.size())
            m_scope.pathNodes.insert(core::graphLayoutKey(nodes[n]));
    }
    for (std::size_t e : graphEdges) {
        if (e >= edges.size())
            continue;
        const std::string from = core::graphLayoutKey(nodes[edges[e].from]);
        const std::string to = core::graphLayoutKey(nodes[edges[e].to]);
        m_scope.pathNodes.insert(from);
        m_scope.pathNodes.insert(to);
        m_scope.pathEdges.insert({ from, to, edges[e].kind });
    }
    std::erase_if(m_collapse.expanded, [](const std::string &key) { return key.rfind("bundle:more:", 0) == 0; });
    m_highlighting = false;
    m_highlightNodeKeys.clear();
    m_highlightEdgeKeys.clear();
    m_scope.mode = doc::GraphScope::Mode::Paths;
    redrawAfresh();
}

void GraphEditor::relayout()
{
    // Forget every place, the user's (one undo step) and the automatic ones, and lay out afresh.
    m_autoPositions.clear();
    m_ignoreLayoutSignal = true;
    m_document->clearGraphLayout(tr("Lay Out Graph Again"));
    m_ignoreLayoutSignal = false;
    m_fitOnRedraw = true;
    rebuild(false, false);
}

// --- Highlight -------------------------------------------------------------------------------------------

void GraphEditor::highlight(const std::vector<std::size_t> &graphNodes, const std::vector<std::size_t> &graphEdges)
{
    if (!m_graph)
        return; // nothing drawn yet
    const std::vector<core::GraphNode> &nodes = m_graph->nodes();
    const core::EdgeList &edges = m_graph->edges();
    m_highlighting = true;
    m_highlightNodeKeys.clear();
    m_highlightEdgeKeys.clear();
    // What the previous highlight unfolded folds back unless this one needs it too.
    std::set<std::string> previouslyUnfolded = std::move(m_unfoldedForHighlight);
    m_unfoldedForHighlight.clear();
    for (const std::string &key : previouslyUnfolded)
        m_collapse.expanded.erase(key);
    bool unfold = false;
    auto lightNode = [&](std::size_t n) {
        if (n >= nodes.size())
            return;
        m_highlightNodeKeys.insert(core::graphLayoutKey(nodes[n]));
        const std::size_t v = m_projection.viewNodeOf(n);
        if (v < m_projection.nodes().size() && m_projection.nodes()[v].bundle
            && m_projection.nodes()[v].members.size() > 1) {
            const std::string &key = m_projection.nodes()[v].key;
            if (m_collapse.expanded.insert(key).second || previouslyUnfolded.contains(key))
                m_unfoldedForHighlight.insert(key);
            m_collapse.collapsed.erase(key);
            unfold = true;
        }
    };
    for (std::size_t n : graphNodes)
        lightNode(n);
    for (std::size_t e : graphEdges) {
        if (e >= edges.size())
            continue;
        m_highlightEdgeKeys.insert(
            { core::graphLayoutKey(nodes[edges[e].from]), core::graphLayoutKey(nodes[edges[e].to]), edges[e].kind });
        lightNode(edges[e].from);
        lightNode(edges[e].to);
    }
    // Bundles the previous highlight opened and this one does not need: drawn folded again.
    const bool refold = std::any_of(previouslyUnfolded.begin(), previouslyUnfolded.end(),
        [&](const std::string &key) { return !m_unfoldedForHighlight.contains(key); });
    if (unfold || refold) {
        // Unfolding may need Graphviz on a large drawing: the lit part comes into view once it is drawn.
        m_revealHighlight = true;
        rebuild(false, false);
        return;
    }
    applyHighlight();
    revealHighlight();
}

void GraphEditor::fitLitPart(const QRectF &lit, double maxZoom)
{
    // Readable: when the lit part is too large for that, its start (the paths run left to right) is shown.
    const double halfWidth = m_view->viewport()->width() / kGraphTextZoom / 2;
    const QPointF start(std::min(lit.center().x(), lit.left() - 40 + halfWidth), lit.center().y());
    m_view->fitReadable(lit.adjusted(-40, -40, 40, 40), start, maxZoom);
}

void GraphEditor::revealHighlight()
{
    // Bring the lit part into view.
    m_revealHighlight = false;
    QRectF bounds;
    for (GraphNodeItem *item : m_nodeItems) {
        if (!item->isDimmed())
            bounds = bounds.united(item->sceneBoundingRect());
    }
    if (bounds.isEmpty())
        return;
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    if (!visible.contains(bounds))
        fitLitPart(bounds, std::max(m_view->zoom(), 0.5));
}

void GraphEditor::clearHighlight()
{
    m_highlighting = false;
    m_highlightNodeKeys.clear();
    m_highlightEdgeKeys.clear();
    if (!m_unfoldedForHighlight.empty()) {
        // Folded again as the Fold buttons say.
        for (const std::string &key : m_unfoldedForHighlight)
            m_collapse.expanded.erase(key);
        m_unfoldedForHighlight.clear();
        if (m_graph) {
            rebuild(false, false);
            return;
        }
    }
    applyHighlight();
}

void GraphEditor::applyHighlight()
{
    if (!m_highlighting || !m_graph) {
        for (GraphNodeItem *item : m_nodeItems)
            item->setDimmed(false);
        for (GraphEdgeItem *item : m_edgeItems)
            item->setDimmed(false);
        return;
    }
    const std::vector<core::GraphNode> &nodes = m_graph->nodes();
    const core::EdgeList &edges = m_graph->edges();
    for (GraphNodeItem *item : m_nodeItems) {
        const bool lit = std::any_of(item->members().begin(), item->members().end(), [&](std::size_t n) {
            return n < nodes.size() && m_highlightNodeKeys.count(core::graphLayoutKey(nodes[n]));
        });
        item->setDimmed(!lit);
    }
    for (GraphEdgeItem *item : m_edgeItems) {
        const bool lit = std::any_of(item->edges().begin(), item->edges().end(), [&](std::size_t e) {
            if (e >= edges.size())
                return false;
            const doc::GraphEdgeKey key { core::graphLayoutKey(nodes[edges[e].from]),
                core::graphLayoutKey(nodes[edges[e].to]), edges[e].kind };
            return m_highlightEdgeKeys.count(key) > 0;
        });
        item->setDimmed(!lit);
    }
}

// --- Gestures ------------------------------------------------------------------------------------------------

void GraphEditor::onNodesMoved(const std::vector<std::size_t> &viewNodes)
{
    std::vector<core::GraphPosition> positions;
    QString name;
    for (std::size_t v : viewNodes) {
        if (v >= m_nodeItems.size())
            continue;
        GraphNodeItem *item = m_nodeItems[v];
        // Whole points: the workspace file stays tidy.
        const QPointF at(std::round(item->pos().x()), std::round(item->pos().y()));
        item->setPos(at);
        positions.push_back({ item->key(), at.x(), at.y() });
        name = item->label();
    }
    if (positions.empty())
        return;
    const QString text =
        positions.size() == 1 ? tr("Move %1").arg(name) : tr("Move %n Nodes", nullptr, int(positions.size()));
    m_document->moveGraphNodes(positions, text);
    arrangeEdgeLabels();
    updateSceneRect();
    m_minimap->refresh();
}

void GraphEditor::onConnectDragged(std::size_t fromViewNode, std::size_t toViewNode)
{
    if (fromViewNode >= m_projection.nodes().size() || toViewNode >= m_projection.nodes().size())
        return;
    const doc::ViewNode &from = m_projection.nodes()[fromViewNode];
    const doc::ViewNode &to = m_projection.nodes()[toViewNode];
    // A bundle of several stands for no single principal or resource.
    if (from.members.size() != 1 || to.members.size() != 1)
        return;
    Q_EMIT connectRequested(from.members.front(), to.members.front());
}

void GraphEditor::onDeletePressed()
{
    std::vector<std::size_t> edges;
    for (GraphEdgeItem *item : m_edgeItems) {
        if (item->isSelected())
            edges.insert(edges.end(), item->edges().begin(), item->edges().end());
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    if (!edges.empty())
        Q_EMIT edgeRemovalRequested(edges);
}

void GraphEditor::onNodeDoubleClicked(std::size_t viewNode)
{
    if (viewNode >= m_projection.nodes().size() || !m_graph)
        return;
    const doc::ViewNode &node = m_projection.nodes()[viewNode];
    if (node.bundle && node.members.size() > 1) {
        const std::size_t first = node.members.front();
        setBundleFolded(node.key, false);
        selectAndCenter(m_projection.viewNodeOf(first));
        return;
    }
    if (node.kind == core::GraphNodeKind::Role && node.members.size() == 1
        && node.members.front() < m_graph->nodes().size()) {
        const std::uint64_t id = m_graph->nodes()[node.members.front()].entityId;
        if (id != 0)
            Q_EMIT roleActivated(id);
    }
}

void GraphEditor::onEdgeDoubleClicked(std::size_t viewEdge)
{
    if (viewEdge >= m_projection.edges().size() || !m_graph)
        return;
    const doc::ViewEdge &edge = m_projection.edges()[viewEdge];
    for (std::size_t e : edge.edges) {
        if (e < m_graph->edges().size() && !m_graph->edges()[e].statements.empty()) {
            const core::GraphStatementRef &ref = m_graph->edges()[e].statements.front();
            Q_EMIT statementActivated(toQString(ref.policy), int(ref.index));
            return;
        }
    }
}

void GraphEditor::onNodeContextMenu(std::size_t viewNode, const QPoint &globalPos)
{
    if (viewNode >= m_projection.nodes().size() || !m_graph)
        return;
    const doc::ViewNode node = m_projection.nodes()[viewNode];
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("graphNodeMenu"));
    if (node.bundle && node.members.size() > 1) {
        menu.addAction(tr("Unfold %n Member(s)", nullptr, int(node.members.size())), this,
            [this, viewNode] { onNodeDoubleClicked(viewNode); });
    }
    if (!node.bundle && node.kind == core::GraphNodeKind::Role && node.members.size() == 1)
        menu.addAction(tr("Open Role"), this, [this, viewNode] { onNodeDoubleClicked(viewNode); });
    if (!node.bundle && node.members.size() == 1 && node.members.front() < m_graph->nodes().size()) {
        const core::GraphNode &graphNode = m_graph->nodes()[node.members.front()];
        if (m_projection.focus() != viewNode || m_scope.mode != doc::GraphScope::Mode::Focus) {
            menu.addAction(tr("Focus on %1").arg(nodeLabel(*m_graph, node)), this,
                [this, key = core::graphLayoutKey(graphNode)] { focusOn(key); });
        }
        const QString key = toQString(graphNode.key);
        menu.addAction(tr("Who Can Reach This?"), this, [this, key] { Q_EMIT reachRequested(true, key); });
        if (graphNode.kind != core::GraphNodeKind::Resource)
            menu.addAction(tr("What Can This Reach?"), this, [this, key] { Q_EMIT reachRequested(false, key); });
        menu.addSeparator();
    }
    if (!node.openedFrom.empty()) {
        menu.addAction(tr("Fold Back"), this, [this, bundle = node.openedFrom] { setBundleFolded(bundle, true); });
    } else if (!node.bundle && node.members.size() == 1 && m_scope.mode == doc::GraphScope::Mode::Account) {
        const std::string bundle = bundleKeyOf(node.members.front());
        if (!bundle.empty()) {
            QString text;
            if (bundle.rfind("bundle:group:", 0) == 0) {
                const std::size_t group = m_projection.find(bundle.substr(std::string_view("bundle:group:").size()));
                const QString name =
                    group < m_projection.nodes().size() ? toQString(m_projection.nodes()[group].label) : QString();
                text = tr("Fold the Members of %1").arg(name);
            } else if (bundle == "bundle:services") {
                text = tr("Fold AWS Services");
            } else {
                text =
                    tr("Fold %1 Resources").arg(toQString(bundle.substr(std::string_view("bundle:resources:").size())));
            }
            menu.addAction(text, this, [this, bundle] { setBundleFolded(bundle, true); });
        }
    }
    if (!m_document->workspace().layout.empty()) {
        menu.addSeparator();
        menu.addAction(tr("Lay Out Again"), this, &GraphEditor::relayout);
    }
    if (!menu.isEmpty())
        menu.exec(globalPos);
}

void GraphEditor::onEdgeContextMenu(std::size_t viewEdge, const QPoint &globalPos)
{
    if (viewEdge >= m_projection.edges().size() || !m_graph)
        return;
    const doc::ViewEdge edge = m_projection.edges()[viewEdge];
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("graphEdgeMenu"));
    const bool statements = std::any_of(edge.edges.begin(), edge.edges.end(),
        [&](std::size_t e) { return e < m_graph->edges().size() && !m_graph->edges()[e].statements.empty(); });
    if (statements) {
        menu.addAction(tr("Open Deciding Statement"), this, [this, viewEdge] { onEdgeDoubleClicked(viewEdge); });
        menu.addSeparator();
    }
    menu.addAction(edge.kind == core::GraphEdgeKind::MemberOf ? tr("Remove from Group") : tr("Remove Access"), this,
        [this, edges = edge.edges] { Q_EMIT edgeRemovalRequested(edges); });
    menu.exec(globalPos);
}

// --- Texts ---------------------------------------------------------------------------------------------------

QString GraphEditor::nodeLabel(const core::AccessGraph &graph, const doc::ViewNode &node) const
{
    const std::vector<core::GraphNode> &nodes = graph.nodes();
    // Bundles: the second line counts the members.
    constexpr std::string_view resources = "bundle:resources:";
    if (node.bundle && node.key.rfind(resources, 0) == 0)
        return toQString(node.key.substr(resources.size()));
    if (node.bundle && node.key == "bundle:services")
        return tr("AWS services");
    if (node.bundle || node.members.size() != 1 || node.members.front() >= nodes.size())
        return toQString(node.label);
    const core::GraphNode &n = nodes[node.members.front()];
    if (!n.label.empty() && n.label != n.key)
        return toQString(n.label);
    // The name the workspace gives an external principal (`GitHub Actions`, `partner`).
    if (n.kind == core::GraphNodeKind::Provider || n.kind == core::GraphNodeKind::Account
        || n.kind == core::GraphNodeKind::Service) {
        for (const core::ExternalPrincipal &p : m_document->workspace().externalPrincipals) {
            if (!p.name.empty()
                && (p.identifier == n.key || (n.kind == core::GraphNodeKind::Account && p.identifier == n.accountId)))
                return toQString(p.name);
        }
    }
    // Short forms of keys; the tooltip and the search know the whole key.
    const std::string &key = n.key;
    switch (n.kind) {
    case core::GraphNodeKind::Service: {
        // `lambda` for lambda.amazonaws.com: the card's cloud and second line say it is an AWS service.
        constexpr std::string_view suffix = ".amazonaws.com";
        if (key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0)
            return toQString(key.substr(0, key.size() - suffix.size()));
        break;
    }
    case core::GraphNodeKind::Resource: {
        // An ARN's resource part (after the fifth colon): `app-artifacts/*`, `function:app-*`, `table/Orders`.
        std::size_t at = std::string::npos;
        for (std::size_t from = 0, i = 0; i < 5; ++i, from = at + 1) {
            at = key.find(':', from);
            if (at == std::string::npos)
                break;
        }
        if (key.rfind("arn:", 0) == 0 && at != std::string::npos && at + 1 < key.size())
            return toQString(key.substr(at + 1));
        break;
    }
    case core::GraphNodeKind::Provider:
        for (const char *marker : { "oidc-provider/", "saml-provider/" }) {
            const std::size_t at = key.find(marker);
            if (at != std::string::npos)
                return toQString(key.substr(at + std::string_view(marker).size()));
        }
        break;
    case core::GraphNodeKind::Account:
        if (!n.accountId.empty())
            return n.accountId == "*" ? tr("Everyone") : toQString(n.accountId);
        break;
    default:
        break;
    }
    return toQString(n.label.empty() ? key : n.label);
}

QString GraphEditor::nodeDetails(
    const core::AccessGraph &graph, const doc::GraphProjection &projection, const doc::ViewNode &node) const
{
    const std::vector<core::GraphNode> &nodes = graph.nodes();
    if (node.bundle && node.key.rfind("bundle:cluster:", 0) == 0) {
        // The overview's clusters: how many of what.
        std::set<core::GraphNodeKind> kinds;
        for (std::size_t n : node.members) {
            if (n < nodes.size())
                kinds.insert(nodes[n].kind);
        }
        const int count = int(node.members.size());
        const QString text = kinds.size() == 1 ? kindCount(*kinds.begin(), count) : tr("%L1 nodes").arg(count);
        return node.openedFrom.empty() ? tr("Cluster · %1").arg(text) : text;
    }
    if (node.bundle && node.key.rfind("bundle:more:", 0) == 0) {
        // The focus and path scopes' "+N" cards: where their members are.
        if (node.key.rfind("bundle:more:path:", 0) == 0)
            return tr("On the paths · double-click to open");
        const bool reaching = node.key.rfind("bundle:more:in:", 0) == 0;
        return reaching ? tr("Reach the focus in %n hop(s)", nullptr, std::abs(node.hops))
                        : tr("Reached in %n hop(s)", nullptr, std::abs(node.hops));
    }
    if (node.bundle) {
        const int count = int(node.members.size());
        switch (node.kind) {
        case core::GraphNodeKind::User: {
            const std::string groupKey = node.key.rfind("bundle:group:", 0) == 0
                ? node.key.substr(std::string_view("bundle:group:").size())
                : std::string();
            const std::size_t group = projection.find(groupKey);
            if (group < projection.nodes().size())
                return tr("%n users in %1", nullptr, count).arg(toQString(projection.nodes()[group].label));
            return tr("%n users", nullptr, count);
        }
        case core::GraphNodeKind::Service:
            return tr("%n service principals", nullptr, count);
        default:
            return tr("%n resources", nullptr, count);
        }
    }
    if (node.members.empty() || node.members.front() >= nodes.size())
        return kindName(node.kind);
    const core::GraphNode &n = nodes[node.members.front()];
    QString text = kindName(n.kind);
    if (n.kind == core::GraphNodeKind::Resource) {
        if (!n.modelled)
            text = tr("Pattern");
        const std::string service = arnService(n.key);
        if (!service.empty())
            text += QStringLiteral(" · ") + toQString(service);
        else if (n.key == "*")
            text = tr("Every resource");
    } else if (n.kind == core::GraphNodeKind::Service) {
        text = tr("AWS service principal");
    } else if (n.kind == core::GraphNodeKind::Account) {
        if (nodeLabel(graph, node) != toQString(n.accountId))
            text += QStringLiteral(" · ") + toQString(n.accountId);
    } else if (n.kind == core::GraphNodeKind::Provider) {
        const QString label = nodeLabel(graph, node);
        const std::size_t slash = n.key.find("-provider/");
        if (slash != std::string::npos && label != toQString(n.key.substr(slash + 10)))
            text += QStringLiteral(" · ") + toQString(n.key.substr(slash + 10));
    } else if (!n.accountId.empty()) {
        text += QStringLiteral(" · ") + toQString(n.accountId);
    }
    return text;
}

QString GraphEditor::nodeToolTip(const doc::ViewNode &node) const
{
    const std::vector<core::GraphNode> &nodes = m_graph->nodes();
    if (node.bundle) {
        QStringList lines;
        lines << QStringLiteral("<b>%1</b>").arg(toQString(node.label).toHtmlEscaped());
        const std::size_t shown = std::min<std::size_t>(node.members.size(), 12);
        for (std::size_t i = 0; i < shown; ++i) {
            if (node.members[i] < nodes.size())
                lines << escaped(nodes[node.members[i]].key);
        }
        if (node.members.size() > shown)
            lines << tr("…and %n more", nullptr, int(node.members.size() - shown));
        lines << tr("<i>Double-click to unfold</i>");
        return lines.join(QStringLiteral("<br/>"));
    }
    if (node.members.empty() || node.members.front() >= nodes.size())
        return toQString(node.label);
    const core::GraphNode &n = nodes[node.members.front()];
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2").arg(escaped(n.label.empty() ? n.key : n.label), kindName(n.kind));
    lines << escaped(n.key);
    if (!n.accountId.empty())
        lines << tr("Account %1").arg(escaped(n.accountId));
    if (n.kind == core::GraphNodeKind::Resource && !n.modelled)
        lines << tr("<i>A resource pattern named by a policy</i>");
    if (n.kind == core::GraphNodeKind::Role)
        lines << tr("<i>Double-click to open the role</i>");
    return lines.join(QStringLiteral("<br/>"));
}

QString GraphEditor::edgeLabel(const core::AccessGraph &graph, const doc::ViewEdge &edge) const
{
    // The overview's edges between clusters: how many edges each stands for.
    if (m_scope.mode == doc::GraphScope::Mode::Overview && edge.edges.size() > 1)
        return tr("%L1 edges").arg(edge.edges.size());
    if (edge.kind != core::GraphEdgeKind::MayActOn)
        return {};
    // By service: its access levels in the reference's order.
    std::map<std::string, std::set<std::pair<int, std::string>>> levels;
    for (std::size_t e : edge.edges) {
        if (e >= graph.edges().size())
            continue;
        for (const core::ActionGroup &group : graph.edges()[e].actions)
            levels[group.service].insert({ levelRank(group.accessLevel), group.accessLevel });
    }
    QStringList parts;
    if (levels.size() > 2) {
        // Many services: how many, and every access level among them.
        std::set<std::pair<int, std::string>> all;
        for (const auto &entry : levels)
            all.insert(entry.second.begin(), entry.second.end());
        QStringList names;
        for (const auto &level : all)
            names << shortLevel(level.second);
        return tr("%n services: ", nullptr, int(levels.size())) + names.join(QStringLiteral(", "));
    }
    for (const auto &[service, set] : levels) {
        if (service == "*" && set.size() == 1 && set.begin()->second == "*") {
            parts << tr("full access");
            continue;
        }
        QStringList names;
        for (const auto &level : set)
            names << shortLevel(level.second);
        parts << QStringLiteral("%1 %2").arg(toQString(service), names.join(QStringLiteral(", ")));
    }
    QString text = parts.join(QStringLiteral("; "));
    if (text.size() > 40)
        text = text.left(38) + QStringLiteral("…");
    return text;
}

QString GraphEditor::edgeToolTip(const doc::ViewEdge &edge) const
{
    const std::vector<core::GraphNode> &nodes = m_graph->nodes();
    const core::EdgeList &edges = m_graph->edges();
    const QString from =
        edge.from < m_projection.nodes().size() ? toQString(m_projection.nodes()[edge.from].label) : QString();
    const QString to =
        edge.to < m_projection.nodes().size() ? toQString(m_projection.nodes()[edge.to].label) : QString();
    QString kind;
    switch (edge.kind) {
    case core::GraphEdgeKind::MemberOf:
        kind = tr("member of");
        break;
    case core::GraphEdgeKind::MayAssume:
        kind = tr("may assume");
        break;
    case core::GraphEdgeKind::MayActOn:
        kind = tr("may act on");
        break;
    }
    QStringList lines;
    lines << QStringLiteral("%1 <b>%2</b> %3").arg(from.toHtmlEscaped(), kind, to.toHtmlEscaped());
    std::set<std::string> conditionKeys;
    std::set<std::string> actions;
    std::set<std::tuple<std::string, std::size_t, std::string>> statements;
    for (std::size_t e : edge.edges) {
        if (e >= edges.size())
            continue;
        const core::GraphEdge &g = edges[e];
        conditionKeys.insert(g.conditionKeys.begin(), g.conditionKeys.end());
        for (const core::ActionGroup &group : g.actions) {
            QStringList patterns;
            for (const std::string &p : group.patterns)
                patterns << toQString(p);
            actions.insert(toStdString(
                QStringLiteral("%1 %2: %3")
                    .arg(toQString(group.service), toQString(group.accessLevel), patterns.join(QStringLiteral(", ")))));
        }
        for (const core::GraphStatementRef &ref : g.statements)
            statements.insert({ ref.policy, ref.index, ref.sid });
        if (edge.edges.size() > 1 && e < edges.size() && g.from < nodes.size() && g.to < nodes.size()
            && edge.edges.size() <= 6)
            lines << QStringLiteral("· %1 → %2").arg(escaped(nodes[g.from].label), escaped(nodes[g.to].key));
    }
    if (!actions.empty()) {
        lines << tr("<b>Actions</b>");
        int shown = 0;
        for (const std::string &a : actions) {
            if (++shown > 10) {
                lines << tr("…and %n more", nullptr, int(actions.size()) - 10);
                break;
            }
            lines << escaped(a);
        }
    }
    if (edge.conditional || !conditionKeys.empty()) {
        QStringList keys;
        for (const std::string &key : conditionKeys)
            keys << toQString(key);
        lines << tr("<b>Only if</b> conditions on %1 hold").arg(keys.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    if (!statements.empty()) {
        lines << tr("<b>Deciding statements</b>");
        int shown = 0;
        for (const auto &[policy, index, sid] : statements) {
            if (++shown > 8) {
                lines << tr("…and %n more", nullptr, int(statements.size()) - 8);
                break;
            }
            const QString sidText = sid.empty() ? QString() : QStringLiteral(" (%1)").arg(escaped(sid));
            lines << tr("%1, statement %2%3").arg(escaped(policy)).arg(index + 1).arg(sidText);
        }
        lines << tr("<i>Double-click to open the first one</i>");
    }
    return lines.join(QStringLiteral("<br/>"));
}

} // namespace rd::ui
