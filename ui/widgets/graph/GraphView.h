// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <QGraphicsView>
#include <QList>
#include <QPointF>

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

class QGraphicsPathItem;

namespace rd::ui
{

class GraphEdgeItem;
class GraphNodeItem;
struct GraphStyle;

/// The graph editor's canvas. Navigation: the mouse wheel zooms around the cursor (as in map and node editors; Ctrl
/// + wheel does the same), dragging the background or dragging with the middle button pans, Ctrl + drag on the
/// background selects with a rubber band, `+`/`-` zoom and `0` fits the graph. Gestures it turns into signals for the
/// editor: dragging cards (nodesMoved() on release, once per drag), dragging from a card's connector handle or
/// Shift + dragging a card (connectDragged() when released over a valid target, which lights up while hovered),
/// Delete/Backspace (deletePressed()), double-clicks and context menus on cards and edges.
class GraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);
    ~GraphView() override;

    void setGraphStyle(const GraphStyle *style);

    /// Zooms by `factor` keeping the scene point under `anchor` (viewport coordinates) in place; the viewport's
    /// centre when `anchor` is outside it. The zoom stays within 3% and 400%.
    void zoomBy(double factor, QPoint anchor = QPoint(-1, -1));
    double zoom() const;
    /// Shows `sceneRect` whole, zoomed in at most to `maxZoom`. Until the user zooms or pans, a resize of the view
    /// (a dock closed, the window resized) fits again.
    void fitTo(const QRectF &sceneRect, double maxZoom = 1.0);
    /// fitTo(), but never below the zoom at which cards show their text (kGraphTextZoom): a graph too large for that
    /// is shown from `anchor` (the focus card) instead, and the user zooms out to see the rest.
    void fitReadable(const QRectF &sceneRect, const QPointF &anchor, double maxZoom = 1.0);
    /// Shows every item.
    void fitAll();
    /// Makes an item's tooltip when it is first asked for (the texts of a large graph cost more than its drawing).
    void setToolTipProvider(std::function<QString(const QGraphicsItem *)> provider)
    {
        m_toolTips = std::move(provider);
    }
    /// Widgets drawn over the view (minimap, legend): fitting keeps cards from under them when it can.
    void addOverlay(QWidget *overlay) { m_overlays.append(overlay); }

    /// Whether the frame being painted has so many edges in view (a large account at a close zoom) that they are
    /// drawn as thin aliased lines, which keeps panning and zooming smooth.
    bool isCrowded() const { return m_crowded; }
    static constexpr int kCrowdedEdges = 300;
    /// The scene area in view in the frame being painted. When crowded, an edge with neither end in it is left out:
    /// lines that only pass through say nothing at that zoom.
    const QRectF &visibleSceneRect() const { return m_visibleScene; }

    GraphNodeItem *nodeAt(const QPoint &viewportPos) const;
    GraphEdgeItem *edgeAt(const QPoint &viewportPos) const;
    /// Whether a mouse gesture is under way (a drag, a connection): the editor then waits before rebuilding.
    bool isInteracting() const;
    /// Forgets a gesture under way (the scene is about to be cleared).
    void cancelInteraction();

    /// The connections the editor offers (what a drag from `from` onto `to` may mean): a user, role, account, AWS
    /// service or identity provider may be trusted by a role (IAM User Guide, "IAM JSON policy elements:
    /// Principal": a group cannot be a principal); a user, group or role may be granted access to a resource by an
    /// identity-based policy; a user may be added to a group.
    static bool canConnect(core::GraphNodeKind from, core::GraphNodeKind to);

Q_SIGNALS:
    /// Cards were dragged to new places (drawn node indexes); emitted once, on release.
    void nodesMoved(const std::vector<std::size_t> &viewNodes);
    /// A connection was dragged from one card onto another that canConnect() accepts.
    void connectDragged(std::size_t fromViewNode, std::size_t toViewNode);
    void deletePressed();
    void nodeDoubleClicked(std::size_t viewNode);
    void edgeDoubleClicked(std::size_t viewEdge);
    void nodeContextMenu(std::size_t viewNode, const QPoint &globalPos);
    void edgeContextMenu(std::size_t viewEdge, const QPoint &globalPos);
    /// The visible area changed (scroll, zoom, resize), for the minimap.
    void viewChanged();

protected:
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    bool m_crowded = false;
    QRectF m_visibleScene;
    /// Antialiasing only where it shows: far away, thousands of hairlines draw several times faster without it.
    void updateRenderHints();
    void updateConnection(const QPoint &viewportPos);
    void finishConnection(const QPoint &viewportPos);
    void setConnectTarget(GraphNodeItem *target);

    const GraphStyle *m_style = nullptr;
    /// Cards being dragged and where they started.
    std::vector<std::pair<GraphNodeItem *, QPointF>> m_dragStart;
    GraphNodeItem *m_connectFrom = nullptr;
    GraphNodeItem *m_connectTarget = nullptr;
    QGraphicsPathItem *m_rubberArrow = nullptr;
    bool m_panning = false;
    bool m_rubberBandSelecting = false;
    QPoint m_panLast;
    QList<QWidget *> m_overlays;
    /// The last fit, done again when the view is resized, until the user zooms or pans (empty then).
    std::function<void()> m_refit;
    std::function<QString(const QGraphicsItem *)> m_toolTips;
    /// The background grid's dots, reused between frames.
    QList<QPointF> m_gridPoints;
};

} // namespace rd::ui
