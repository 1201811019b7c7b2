// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphView.h"

#include "widgets/graph/GraphEdgeItem.h"
#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphStyle.h"

#include <QContextMenuEvent>
#include <QGraphicsPathItem>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rd::ui
{

namespace
{
constexpr double kMinZoom = 0.03;
constexpr double kMaxZoom = 4.0;
constexpr double kGridStep = 24;
} // namespace

GraphView::GraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("graphView"));
    setDragMode(ScrollHandDrag);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setTransformationAnchor(NoAnchor);
    setResizeAnchor(AnchorViewCenter);
    // The items set every pen, brush and font they use, so the painter's state need not be saved around each.
    setOptimizationFlags(DontAdjustForAntialiasing | DontSavePainterState);
    setViewportUpdateMode(SmartViewportUpdate);
    setCacheMode(CacheBackground);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
}

GraphView::~GraphView() = default;

void GraphView::setGraphStyle(const GraphStyle *style)
{
    m_style = style;
    resetCachedContent();
    viewport()->update();
}

double GraphView::zoom() const
{
    return transform().m11();
}

void GraphView::zoomBy(double factor, QPoint anchor)
{
    const double current = zoom();
    const double wanted = std::clamp(current * factor, kMinZoom, kMaxZoom);
    if (std::abs(wanted - current) < 1e-9)
        return;
    if (!viewport()->rect().contains(anchor))
        anchor = viewport()->rect().center();
    const QPointF fixed = mapToScene(anchor);
    setTransform(QTransform::fromScale(wanted, wanted));
    updateRenderHints();
    const QPoint moved = mapFromScene(fixed) - anchor;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + moved.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() + moved.y());
    Q_EMIT viewChanged();
}

void GraphView::fitTo(const QRectF &sceneRect, double maxZoom)
{
    if (sceneRect.isEmpty())
        return;
    m_refit = [this, sceneRect, maxZoom] { fitTo(sceneRect, maxZoom); };
    const QSizeF area = QSizeF(viewport()->size()) * 0.94;
    const double wanted =
        std::clamp(std::min(area.width() / sceneRect.width(), area.height() / sceneRect.height()), kMinZoom, maxZoom);
    setTransform(QTransform::fromScale(wanted, wanted));
    centerOn(sceneRect.center());
    // Zoom out a little while a card would sit under an overlay.
    for (int step = 0; step < 6; ++step) {
        const bool covered = std::any_of(m_overlays.begin(), m_overlays.end(), [this](QWidget *overlay) {
            if (!overlay->isVisible())
                return false;
            const QList<QGraphicsItem *> under = items(overlay->geometry().adjusted(-4, -4, 4, 4));
            return std::any_of(
                under.begin(), under.end(), [](QGraphicsItem *item) { return item->type() == GraphNodeItem::Type; });
        });
        if (!covered || zoom() * 0.92 < kMinZoom)
            break;
        setTransform(QTransform::fromScale(zoom() * 0.92, zoom() * 0.92));
        centerOn(sceneRect.center());
    }
    updateRenderHints();
    Q_EMIT viewChanged();
}

void GraphView::fitReadable(const QRectF &sceneRect, const QPointF &anchor, double maxZoom)
{
    if (sceneRect.isEmpty())
        return;
    fitTo(sceneRect, maxZoom);
    if (zoom() < kGraphTextZoom) {
        setTransform(QTransform::fromScale(kGraphTextZoom, kGraphTextZoom));
        centerOn(anchor);
        updateRenderHints();
        Q_EMIT viewChanged();
    }
    m_refit = [this, sceneRect, anchor, maxZoom] { fitReadable(sceneRect, anchor, maxZoom); };
}

void GraphView::fitAll()
{
    if (!scene())
        return;
    QRectF bounds;
    for (QGraphicsItem *item : scene()->items()) {
        if (item->type() == GraphNodeItem::Type)
            bounds = bounds.united(item->sceneBoundingRect());
    }
    fitTo(bounds.adjusted(-20, -20, 20, 20), 1.2);
}

void GraphView::updateRenderHints()
{
    setRenderHint(QPainter::Antialiasing, zoom() >= 0.3);
}

GraphNodeItem *GraphView::nodeAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        if (item->type() == GraphNodeItem::Type)
            return static_cast<GraphNodeItem *>(item);
    }
    return nullptr;
}

GraphEdgeItem *GraphView::edgeAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        if (item->type() == GraphNodeItem::Type)
            return nullptr;
        if (item->type() == GraphEdgeItem::Type)
            return static_cast<GraphEdgeItem *>(item);
    }
    return nullptr;
}

bool GraphView::isInteracting() const
{
    return m_connectFrom || m_panning || !m_dragStart.empty();
}

void GraphView::cancelInteraction()
{
    m_dragStart.clear();
    m_connectTarget = nullptr;
    m_connectFrom = nullptr;
    delete m_rubberArrow;
    m_rubberArrow = nullptr;
    m_panning = false;
}

bool GraphView::canConnect(core::GraphNodeKind from, core::GraphNodeKind to)
{
    using K = core::GraphNodeKind;
    switch (to) {
    case K::Role:
        return from == K::User || from == K::Role || from == K::Account || from == K::Service || from == K::Provider;
    case K::Resource:
        return from == K::User || from == K::Group || from == K::Role;
    case K::Group:
        return from == K::User;
    default:
        return false;
    }
}

bool GraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_toolTips) {
        const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
        QGraphicsItem *item = nodeAt(pos);
        if (!item)
            item = edgeAt(pos);
        if (item && item->toolTip().isEmpty())
            item->setToolTip(m_toolTips(item));
    }
    return QGraphicsView::viewportEvent(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    m_refit = nullptr;
    const QPoint delta = event->angleDelta();
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    if (steps == 0) {
        event->ignore();
        return;
    }
    // 120 units (one notch) zoom by 20%.
    zoomBy(std::pow(1.2, steps / 120.0), event->position().toPoint());
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    // The user takes over the view: a resize no longer fits it.
    m_refit = nullptr;
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panLast = pos;
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        GraphNodeItem *node = nodeAt(pos);
        if (node && node->canStartConnection()) {
            const QPointF local = node->mapFromScene(mapToScene(pos));
            if (GraphNodeItem::isOnHandle(local) || event->modifiers().testFlag(Qt::ShiftModifier)) {
                m_connectFrom = node;
                m_rubberArrow = new QGraphicsPathItem;
                m_rubberArrow->setZValue(10);
                QPen pen(m_style ? m_style->handle : QColor(Qt::blue), 2, Qt::DashLine);
                pen.setCosmetic(true);
                m_rubberArrow->setPen(pen);
                m_rubberArrow->setBrush(Qt::NoBrush);
                scene()->addItem(m_rubberArrow);
                updateConnection(pos);
                event->accept();
                return;
            }
        }
        if (!node && !edgeAt(pos) && event->modifiers().testFlag(Qt::ControlModifier)) {
            setDragMode(RubberBandDrag);
            m_rubberBandSelecting = true;
        }
        QGraphicsView::mousePressEvent(event);
        m_dragStart.clear();
        if (node && node->isSelected()) {
            for (QGraphicsItem *item : scene()->selectedItems()) {
                if (item->type() == GraphNodeItem::Type)
                    m_dragStart.emplace_back(static_cast<GraphNodeItem *>(item), item->pos());
            }
        }
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_panning) {
        const QPoint delta = pos - m_panLast;
        m_panLast = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    if (m_connectFrom) {
        updateConnection(pos);
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::MiddleButton && m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && m_connectFrom) {
        finishConnection(pos);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
    if (m_rubberBandSelecting) {
        m_rubberBandSelecting = false;
        setDragMode(ScrollHandDrag);
    }
    if (event->button() != Qt::LeftButton)
        return;
    std::vector<std::size_t> moved;
    for (const auto &[item, start] : m_dragStart) {
        const QPointF d = item->pos() - start;
        if (std::abs(d.x()) > 0.01 || std::abs(d.y()) > 0.01)
            moved.push_back(item->viewNode());
    }
    m_dragStart.clear();
    if (!moved.empty())
        Q_EMIT nodesMoved(moved);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QPoint pos = event->position().toPoint();
        if (GraphNodeItem *node = nodeAt(pos)) {
            event->accept();
            Q_EMIT nodeDoubleClicked(node->viewNode());
            return;
        }
        if (GraphEdgeItem *edge = edgeAt(pos)) {
            event->accept();
            Q_EMIT edgeDoubleClicked(edge->viewEdge());
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        Q_EMIT deletePressed();
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_refit = nullptr;
        zoomBy(1.25);
        event->accept();
        return;
    case Qt::Key_Minus:
        m_refit = nullptr;
        zoomBy(0.8);
        event->accept();
        return;
    case Qt::Key_0:
        fitAll();
        event->accept();
        return;
    case Qt::Key_Escape:
        if (m_connectFrom) {
            setConnectTarget(nullptr);
            cancelInteraction();
        } else if (scene()) {
            scene()->clearSelection();
        }
        event->accept();
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    if (GraphNodeItem *node = nodeAt(event->pos())) {
        if (!node->isSelected()) {
            scene()->clearSelection();
            node->setSelected(true);
        }
        Q_EMIT nodeContextMenu(node->viewNode(), event->globalPos());
        event->accept();
        return;
    }
    if (GraphEdgeItem *edge = edgeAt(event->pos())) {
        if (!edge->isSelected()) {
            scene()->clearSelection();
            edge->setSelected(true);
        }
        Q_EMIT edgeContextMenu(edge->viewEdge(), event->globalPos());
        event->accept();
        return;
    }
    QGraphicsView::contextMenuEvent(event);
}

void GraphView::drawBackground(QPainter *painter, const QRectF &rect)
{
    // Counted once per frame, before the items paint (GraphEdgeItem::paint asks isCrowded()).
    int edges = 0;
    if (scene()) {
        for (const QGraphicsItem *item : scene()->items(rect, Qt::IntersectsItemBoundingRect, Qt::AscendingOrder)) {
            if (item->type() == GraphEdgeItem::Type && ++edges > kCrowdedEdges)
                break;
        }
    }
    m_crowded = edges > kCrowdedEdges;
    m_visibleScene = mapToScene(viewport()->rect()).boundingRect();
    if (!m_style) {
        QGraphicsView::drawBackground(painter, rect);
        return;
    }
    painter->fillRect(rect, m_style->background);
    const double z = zoom();
    if (z < 0.3)
        return;
    // A dot grid, coarser when zoomed out; the list of dots keeps its capacity between frames.
    const double step = z < 0.6 ? kGridStep * 2 : kGridStep;
    const double left = std::floor(rect.left() / step) * step;
    const double top = std::floor(rect.top() / step) * step;
    const double columns = (rect.right() - left) / step;
    const double rows = (rect.bottom() - top) / step;
    if (columns * rows > 40000)
        return;
    m_gridPoints.clear();
    for (double y = top; y <= rect.bottom(); y += step) {
        for (double x = left; x <= rect.right(); x += step)
            m_gridPoints.append(QPointF(x, y));
    }
    QPen pen(m_style->grid, 1.6);
    pen.setCosmetic(true);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->drawPoints(m_gridPoints.constData(), int(m_gridPoints.size()));
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_refit) {
        // A copy: fitting again replaces m_refit while it runs.
        const std::function<void()> refit = m_refit;
        refit();
    }
    Q_EMIT viewChanged();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
}

void GraphView::updateConnection(const QPoint &viewportPos)
{
    const QPointF start = m_connectFrom->mapToScene(GraphNodeItem::handleCenter());
    QPointF end = mapToScene(viewportPos);
    GraphNodeItem *target = nullptr;
    for (QGraphicsItem *item : items(viewportPos)) {
        if (item->type() != GraphNodeItem::Type || item == m_connectFrom)
            continue;
        auto *node = static_cast<GraphNodeItem *>(item);
        if ((!node->isBundle() || node->members().size() == 1) && canConnect(m_connectFrom->kind(), node->kind()))
            target = node;
        break;
    }
    setConnectTarget(target);
    if (target)
        end = target->pos() - QPointF(GraphNodeItem::kWidth / 2, 0);
    const double reach = std::max(30.0, std::abs(end.x() - start.x()) * 0.45);
    QPainterPath path(start);
    path.cubicTo(start + QPointF(reach, 0), end - QPointF(reach, 0), end);
    // The arrow's head.
    const QPointF before = path.pointAtPercent(0.95);
    QPointF dir = end - before;
    const double length = std::hypot(dir.x(), dir.y());
    if (length > 0.01) {
        dir /= length;
        const QPointF normal(-dir.y(), dir.x());
        path.moveTo(end - dir * 10 + normal * 5);
        path.lineTo(end);
        path.lineTo(end - dir * 10 - normal * 5);
    }
    m_rubberArrow->setPath(path);
}

void GraphView::finishConnection(const QPoint &viewportPos)
{
    updateConnection(viewportPos);
    GraphNodeItem *from = m_connectFrom;
    GraphNodeItem *target = m_connectTarget;
    setConnectTarget(nullptr);
    cancelInteraction();
    if (from && target)
        Q_EMIT connectDragged(from->viewNode(), target->viewNode());
}

void GraphView::setConnectTarget(GraphNodeItem *target)
{
    if (m_connectTarget == target)
        return;
    if (m_connectTarget)
        m_connectTarget->setConnectTarget(false);
    m_connectTarget = target;
    if (m_connectTarget)
        m_connectTarget->setConnectTarget(true);
}

} // namespace rd::ui
