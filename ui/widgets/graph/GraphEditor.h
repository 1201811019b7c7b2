// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "document/EntityKind.h"
#include "document/GraphProjection.h"
#include "widgets/graph/GraphStyle.h"

#include <QPointF>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

class QAction;
class QComboBox;
class QGraphicsItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStringListModel;
class QTimer;
class QToolBar;

namespace rd::core
{
class AccessGraph;
class AccountModel;
} // namespace rd::core

namespace rd::doc
{
class WorkspaceDocument;
struct GraphLayoutResult;
} // namespace rd::doc

namespace rd::ui
{

class GraphEdgeItem;
class GraphLegend;
class GraphMinimap;
class GraphNodeItem;
class GraphView;

/// The graph editor: the workspace's access graph (principals, groups, roles, resources; member-of, may-assume and
/// may-act-on edges) drawn as cards and arrows, laid out by Graphviz off the GUI thread, with the positions the user
/// gave kept in the workspace (one undo step per drag). It draws one of three scopes (doc::GraphScope): the focus
/// (the default: one entity and its neighbourhood, 1 to 3 hops, at most about 300 cards, the rest on "+N" bundles
/// that open on a double-click; it follows focusOn(), with Back and Forward through the focus history), the paths
/// of a reach query's answers (showPaths()), or the whole account. A toolbar picks the scope and the hops, finds a
/// node (Ctrl+F; completion over labels and ARNs; in the focus scope the node found becomes the focus), fits the view,
/// folds group members and services/resources into bundles (whole account) and lays the graph out again; a minimap
/// shows where the view is. Editing gestures become signals that the main window turns into commands: a connection
/// dragged between two cards, edges deleted, a role or a deciding statement opened. The graph is the document's
/// analysis model (doc::AccountAnalysis), redrawn when a newer one is ready while the editor is visible; cards already
/// drawn keep their places. Graphviz runs off the GUI thread, and the items of a large drawing are made a batch per
/// event-loop turn, so that the window never freezes; until the first model is ready the editor says it is analysing
/// the account.
class GraphEditor : public QWidget
{
    Q_OBJECT
public:
    explicit GraphEditor(doc::WorkspaceDocument *document, QWidget *parent = nullptr);
    ~GraphEditor() override;

    /// The access graph drawn now (the indexes of the signals refer to it); nullptr before the first drawing.
    const core::AccessGraph *graph() const { return m_graph.get(); }
    /// The analysis model whose graph() is drawn now (the graph edits read it); null before the first drawing.
    const core::AccountModel *model() const { return m_model.get(); }
    std::shared_ptr<const core::AccountModel> sharedModel() const { return m_model; }
    /// What is drawn now: drawn node i is viewNodes()[i].
    const doc::GraphProjection &projection() const { return m_projection; }
    GraphView *view() const { return m_view; }
    GraphMinimap *minimap() const { return m_minimap; }
    GraphLegend *legend() const { return m_legend; }
    const doc::GraphCollapse &collapse() const { return m_collapse; }

    /// Waits for the document's analysis model to be current, then folds, lays out and draws its graph now, on this
    /// thread, waiting for Graphviz if it lays out another graph (tests, scripted screenshots). Every other drawing
    /// leaves the GUI thread free: when Graphviz is busy, a drawing wanted at once (a search) is laid out in columns by
    /// its paths, any other one in the background, and a background layout that a newer drawing replaced before its
    /// turn is dropped without running.
    void rebuildNow();
    /// Whether a drawing is being made: laid out in the background, or its items made batch by batch.
    bool isLayingOut() const { return m_layingOut; }
    /// Whether the drawing shown, or the one being made, is of the document's current analysis model.
    bool isUpToDate() const;
    /// Drawings with more cards than this that need Graphviz are laid out in the background after an edit or a fold
    /// (250 unless set); smaller ones at once unless Graphviz is busy. rebuildNow() always lays out at once.
    void setBackgroundLayoutThreshold(std::size_t cards) { m_backgroundThreshold = cards; }
    /// Access graphs of more nodes than this are folded into the drawing (doc::GraphProjection) in the background,
    /// except on rebuildNow() (for tests; 2,000 by default).
    void setBackgroundFoldThreshold(std::size_t graphNodes) { m_foldedAtOnce = graphNodes; }
    /// Finds a node by its ARN or key, its label, or its layout key (`role:3`); failing an exact match, the first
    /// whose label or key contains the text. In the focus scope it becomes the focus; elsewhere its bundle unfolds if
    /// it is folded. Then it is selected and centred.
    bool focusNode(const QString &textOrKey);

    const doc::GraphScope &scope() const { return m_scope; }
    doc::GraphScope::Mode scopeMode() const { return m_scope.mode; }
    /// Draws another scope: the focus (around the last focus), the paths of the last showPaths(), or the whole account.
    void setScopeMode(doc::GraphScope::Mode mode);
    /// Shows the neighbourhood of the node with this layout key (`role:12`, `service:lambda.amazonaws.com`) in the
    /// focus scope, switching to it, and records it in the focus history. The bundles opened around the last focus
    /// close. `synchronous`: drawn now, on this thread, rather than when a background projection is ready.
    void focusOn(const std::string &layoutKey, bool synchronous = false);
    /// focusOn() the node that stands for a workspace entity: a role, user, group, resource or external principal.
    /// Other kinds (accounts, managed policies) leave the focus where it is; false then.
    bool focusOnEntity(doc::EntityKind kind, quint64 id);
    /// Hops drawn on each side of the focus, 1 to 3.
    void setFocusDepth(int hops);
    /// At most this many cards in the focus, path and overview scopes (the rest on "+N" bundles); 0, the default: as
    /// many as the view shows with readable titles, between 40 and 300.
    void setCardCap(std::size_t cards) { m_cardCap = cards; }
    /// Back and Forward through the focus history (Alt+Left, Alt+Right); false at its ends.
    bool goBack();
    bool goForward();
    /// Draws exactly these nodes and edges of `graph` (a model of this workspace, not necessarily the one drawn), a
    /// reach query's answers, in the path scope.
    void showPaths(const core::AccessGraph &graph, const std::vector<std::size_t> &graphNodes,
        const std::vector<std::size_t> &graphEdges);
    /// Where an access-graph node's card (or the bundle holding it) is drawn, in the view's viewport coordinates;
    /// (-1, -1) when it is not drawn.
    QPointF nodeCenter(std::size_t graphNode) const;
    /// Where the card's connector handle is, in viewport coordinates; (-1, -1) when it is not drawn.
    QPointF connectorHandle(std::size_t graphNode) const;
    /// A point on the drawn edge that stands for an access-graph edge, in viewport coordinates; (-1, -1) if none.
    QPointF edgePoint(std::size_t graphEdge) const;
    GraphNodeItem *nodeItem(std::size_t graphNode) const;
    GraphEdgeItem *edgeItem(std::size_t graphEdge) const;
    int drawnNodeCount() const { return int(m_nodeItems.size()); }
    int drawnEdgeCount() const { return int(m_edgeItems.size()); }
    /// Writes the drawing shown (every card and edge of the current scope, not only the part in view) as a picture:
    /// SVG when `path` ends in `.svg`, else PNG (at full size, scaled down to at most 16,384 pixels a side). Written
    /// atomically; false, with `error` set, when there is nothing drawn or the file cannot be written.
    bool exportPicture(const QString &path, QString *error = nullptr) const;
    /// Shows the whole graph.
    void fit();
    /// Shows the highlighted part as large as it fits (the whole graph when nothing is highlighted).
    void fitHighlight();
    /// The tooltip of a card or edge of the view (made when the view first shows it): the full key, kind and account of
    /// a card; the actions, conditions and deciding statements of an edge.
    QString toolTip(const QGraphicsItem *item) const;

    /// Folds or unfolds one bundle (a doc::ViewNode key such as `bundle:services`) and redraws.
    void setBundleFolded(const std::string &bundleKey, bool folded);

    /// Shows these access-graph nodes and edges (of graph()) and dims everything else; bundles holding them unfold
    /// (drawn like any redraw: in the background on a large graph), and the view moves to them if they are out of
    /// sight. Kept across rebuilds (by node key) until clearHighlight().
    void highlight(const std::vector<std::size_t> &graphNodes, const std::vector<std::size_t> &graphEdges);
    void clearHighlight();
    bool isHighlighting() const { return m_highlighting; }

Q_SIGNALS:
    /// A connection was dragged from one card onto another (GraphView::canConnect() says which): access-graph node
    /// indexes of graph().
    void connectRequested(std::size_t fromGraphNode, std::size_t toGraphNode);
    /// The user asked to remove these access-graph edges (of graph()): Delete on selected edges, or an edge's
    /// context menu.
    void edgeRemovalRequested(const std::vector<std::size_t> &graphEdges);
    /// A role's card was double-clicked (or "Open Role" chosen): the role's id (GraphNode::entityId).
    void roleActivated(quint64 roleId);
    /// An edge was double-clicked (or "Open Deciding Statement" chosen): its first deciding statement.
    void statementActivated(const QString &policyLabel, int statement);
    /// "Who Can Reach This?" (`whoCan`) or "What Can This Reach?" was chosen on a card: the node's key (an ARN, a
    /// service principal or a resource pattern).
    void reachRequested(bool whoCan, const QString &nodeKey);
    /// The drawing was replaced (after a rebuild or a background layout).
    void graphRedrawn();
    /// A drawing made in the background is complete (`drawn`), or was dropped because a newer drawing had replaced the
    /// one it was for. Tests wait on it instead of on the clock.
    void backgroundLayoutFinished(bool drawn);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct LayoutMailbox;
    struct Drawing;

    void schedule();
    void rebuild(bool synchronous, bool refreshGraph = true);
    /// The second half of rebuild(): draws `projection` of `model` (at once when its positions are known or it is
    /// small, else after a background layout).
    void drawProjection(std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection,
        bool synchronous, std::uint64_t generation);
    void projectionArrived(
        std::uint64_t generation, std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection);
    void layoutArrived(std::uint64_t generation, doc::GraphLayoutResult result);
    std::vector<std::optional<QPointF>> knownPositions(const doc::GraphProjection &projection) const;
    std::vector<QPointF> place(const doc::GraphProjection &projection, const std::vector<std::optional<QPointF>> &known,
        const doc::GraphLayoutResult &layout);
    /// Makes the items of a drawing: at once, or (`batched`) a batch per event-loop turn into a scene of their own,
    /// which replaces the one shown when complete.
    void populate(std::shared_ptr<const core::AccountModel> model, doc::GraphProjection projection,
        const std::vector<QPointF> &positions, bool batched);
    /// Makes the next batch of items of m_drawing; true when the drawing is complete.
    bool continueDrawing(bool batched);
    void finishDrawing();
    /// Drops the drawing whose items are being made, if any.
    void abandonDrawing();
    /// Empties the view (another workspace): the old items go a batch at a time.
    void clearDrawing();
    /// Says that the first model of the workspace is being computed.
    void showAnalysing();
    /// Which bundle would fold each node of `graph` ("" for none): the projection with everything folded says.
    static std::vector<std::string> bundleKeysOf(const core::AccessGraph &graph);
    void applyKeptPositions();
    void applyHighlight();
    /// Moves the view to the highlighted part when it is out of sight.
    /// Shows the lit part `lit` (scene coordinates) whole, zoomed in at most to `maxZoom`, or readable from its start.
    void fitLitPart(const QRectF &lit, double maxZoom);
    void revealHighlight();
    void updateSceneRect();
    /// Slides edge labels along their edges so that they cover no card and no other label.
    void arrangeEdgeLabels();
    void updateCompletions();
    void updateStatus();
    void restyle();
    std::size_t findGraphNode(const QString &text) const;
    bool selectAndCenter(std::size_t viewNode);

    void onNodesMoved(const std::vector<std::size_t> &viewNodes);
    void onConnectDragged(std::size_t fromViewNode, std::size_t toViewNode);
    void onDeletePressed();
    void onNodeDoubleClicked(std::size_t viewNode);
    void onEdgeDoubleClicked(std::size_t viewEdge);
    void onNodeContextMenu(std::size_t viewNode, const QPoint &globalPos);
    void onEdgeContextMenu(std::size_t viewEdge, const QPoint &globalPos);
    void relayout();
    void setFamilyFolded(bool groups, bool folded);
    /// The focus and path scopes' card cap (doc::GraphScope::cardCap) for the view's size: as many cards as it shows
    /// with readable titles.
    std::size_t cardCapForViewport() const;
    /// Lays the scope out afresh (the places the user gave stay) and shows it whole: after a change of scope.
    void redrawAfresh(bool synchronous = false);
    /// Sets the focus without touching the history.
    void applyFocus(const std::string &layoutKey, bool synchronous = false);
    /// Shows the scope's controls as m_scope says.
    void syncScopeControls();
    /// The bundle key that would fold an access-graph node ("" when none).
    std::string bundleKeyOf(std::size_t graphNode) const;

    QString nodeLabel(const core::AccessGraph &graph, const doc::ViewNode &node) const;
    QString nodeDetails(
        const core::AccessGraph &graph, const doc::GraphProjection &projection, const doc::ViewNode &node) const;
    QString nodeToolTip(const doc::ViewNode &node) const;
    QString edgeLabel(const core::AccessGraph &graph, const doc::ViewEdge &edge) const;
    QString edgeToolTip(const doc::ViewEdge &edge) const;

    doc::WorkspaceDocument *m_document;
    GraphStyle m_style;
    QToolBar *m_toolBar;
    QComboBox *m_scopeCombo;
    QSpinBox *m_depth;
    QAction *m_backAction;
    QAction *m_forwardAction;
    QLineEdit *m_search;
    QStringListModel *m_completions;
    QAction *m_fitAction;
    QAction *m_foldGroups;
    QAction *m_foldServices;
    QAction *m_relayoutAction;
    QLabel *m_status;
    QGraphicsScene *m_scene;
    GraphView *m_view;
    GraphMinimap *m_minimap;
    GraphLegend *m_legend;
    QTimer *m_pending;

    /// The model drawn now and its graph, and the latest model of the document (drawn once its drawing is made).
    std::shared_ptr<const core::AccountModel> m_model;
    std::shared_ptr<const core::AccessGraph> m_graph;
    std::shared_ptr<const core::AccountModel> m_latestModel;
    bool m_graphStale = true;
    /// Bundle keys that could fold each node of the graph m_bundleKeysGraph ("" for none), found when first needed.
    mutable std::vector<std::string> m_bundleKeys;
    mutable std::shared_ptr<const core::AccessGraph> m_bundleKeysGraph;
    doc::GraphProjection m_projection;
    /// The graph whose labels and keys the search completes (gathered in the background).
    std::shared_ptr<const core::AccessGraph> m_completionsGraph;
    doc::GraphCollapse m_collapse;
    doc::GraphScope m_scope;
    /// The focus history (layout keys) and where in it the focus is.
    std::vector<std::string> m_focusHistory;
    std::size_t m_focusAt = 0;
    std::size_t m_cardCap = 0;
    std::vector<GraphNodeItem *> m_nodeItems;
    std::vector<GraphEdgeItem *> m_edgeItems;
    /// Where nodes not placed by the user were put (by Graphviz, or next to their neighbours), by node key: cards keep
    /// these places across rebuilds, and go back to them when a move is undone.
    std::unordered_map<std::string, QPointF> m_autoPositions;

    std::shared_ptr<LayoutMailbox> m_mailbox;
    std::uint64_t m_generation = 0;
    std::shared_ptr<const core::AccountModel> m_pendingModel;
    std::optional<doc::GraphProjection> m_pendingProjection;
    /// The drawing whose items are being made (batched), and the timer that makes the next batch.
    std::unique_ptr<Drawing> m_drawing;
    QTimer *m_drawingTimer;
    bool m_layingOut = false;
    std::size_t m_backgroundThreshold = 250;
    /// Set only while rebuildNow() draws: the one drawing that may wait for Graphviz on the GUI thread.
    bool m_waitForGraphviz = false;
    std::size_t m_foldedAtOnce = 2000;
    /// Holds a drawing's scene while it is made in batches (see populate()).
    QGraphicsView *m_builderView = nullptr;
    bool m_fitOnRedraw = true;
    bool m_ignoreLayoutSignal = false;
    std::string m_layoutError;

    bool m_highlighting = false;
    /// The highlighted part is to be brought into view when the drawing that unfolds it is made.
    bool m_revealHighlight = false;
    std::set<std::string> m_highlightNodeKeys;
    /// The bundles a highlight unfolded to show its cards: folded again when the highlight is cleared or replaced, so
    /// that the drawing matches the Fold buttons once more.
    std::set<std::string> m_unfoldedForHighlight;
    std::set<doc::GraphEdgeKey> m_highlightEdgeKeys;
};

} // namespace rd::ui
