// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphEdgeItem.h"

#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphStyle.h"
#include "widgets/graph/GraphView.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <array>
#include <cmath>

namespace rd::ui
{

namespace
{
constexpr double kArrowLength = 10;
constexpr double kArrowWidth = 8;
constexpr double kPickWidth = 12;
constexpr double kPlainLod = 0.28;
constexpr double kLineLod = 0.12;
constexpr double kTextLod = kGraphTextZoom;

/// Liang-Barsky: the part of segment a-b inside `r`; false when none.
bool clipSegment(QPointF &a, QPointF &b, const QRectF &r)
{
    double t0 = 0;
    double t1 = 1;
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const std::array<std::pair<double, double>, 4> sides { { { -dx, a.x() - r.left() }, { dx, r.right() - a.x() },
        { -dy, a.y() - r.top() }, { dy, r.bottom() - a.y() } } };
    for (const auto &[p, q] : sides) {
        if (p == 0) {
            if (q < 0)
                return false;
            continue;
        }
        const double t = q / p;
        if (p < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF start = a;
    a = start + QPointF(dx, dy) * t0;
    b = start + QPointF(dx, dy) * t1;
    return true;
}
} // namespace

GraphEdgeItem::GraphEdgeItem(std::size_t viewEdge, core::GraphEdgeKind kind, bool conditional,
    std::vector<std::size_t> edges, GraphNodeItem *from, GraphNodeItem *to, const GraphStyle *style)
    : m_viewEdge(viewEdge)
    , m_kind(kind)
    , m_conditional(conditional)
    , m_edges(std::move(edges))
    , m_from(from)
    , m_to(to)
    , m_style(style)
{
    // The exposed rectangle lets paint() stroke only the part of a long edge that is in view.
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption);
    setZValue(kind == core::GraphEdgeKind::MemberOf ? -1 : 0);
    setAcceptHoverEvents(true);
    m_from->addEdge(this);
    if (m_to != m_from)
        m_to->addEdge(this);
    adjust();
}

Qt::PenStyle GraphEdgeItem::lineStyle() const
{
    if (m_kind == core::GraphEdgeKind::MemberOf)
        return Qt::DotLine;
    return m_conditional ? Qt::DashLine : Qt::SolidLine;
}

void GraphEdgeItem::setLabel(const QString &label)
{
    m_label = label;
    adjust();
}

void GraphEdgeItem::setLabelAt(double at)
{
    if (at == m_labelAt)
        return;
    m_labelAt = at;
    adjust();
}

QRectF GraphEdgeItem::labelRectAt(double at) const
{
    if (m_label.isEmpty())
        return {};
    const QPointF middle = pointAt(at);
    return { middle.x() - m_labelSize.width() / 2, middle.y() - m_labelSize.height() / 2, m_labelSize.width(),
        m_labelSize.height() };
}

QPointF GraphEdgeItem::midPoint() const
{
    return mapToScene(pointAt(0.5));
}

QPointF GraphEdgeItem::pointAt(double t) const
{
    if (m_from == m_to)
        return m_path.pointAtPercent(t);
    // The cubic's own parameter: no arc length to measure (QPainterPath::pointAtPercent does that, slowly).
    const double u = 1 - t;
    return u * u * u * m_start + 3 * u * u * t * m_control1 + 3 * u * t * t * m_control2 + t * t * t * m_end;
}

void GraphEdgeItem::setDimmed(bool dimmed)
{
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? 0.12 : 1.0);
}

void GraphEdgeItem::restyle()
{
    adjust();
}

void GraphEdgeItem::adjust()
{
    prepareGeometryChange();
    // Items of edges live at the scene's origin: the path is in scene coordinates.
    const QPointF start = m_from->pos() + QPointF(GraphNodeItem::kWidth / 2, 0);
    const QPointF end = m_to->pos() - QPointF(GraphNodeItem::kWidth / 2, 0);
    m_start = start;
    m_end = end;
    m_path = QPainterPath(start);
    if (m_from == m_to) {
        // A loop (a role that may assume itself): over the card's top.
        const QPointF top = m_from->pos() - QPointF(0, GraphNodeItem::kHeight / 2);
        m_path.cubicTo(start + QPointF(50, 0), top + QPointF(60, -55), top + QPointF(0, -40));
        m_path.cubicTo(top + QPointF(-60, -55), end - QPointF(50, 0), end);
    } else {
        const double dx = end.x() - start.x();
        // Forward: an S-curve with horizontal ends; backward (the target left of the source): a wider loop out and in.
        const double reach = dx > 20 ? std::max(30.0, dx * 0.45) : std::max(70.0, std::abs(dx) * 0.35 + 60);
        m_control1 = start + QPointF(reach, 0);
        m_control2 = end - QPointF(reach, 0);
        m_path.cubicTo(m_control1, m_control2, end);
    }
    for (std::size_t i = 0; i < m_polyline.size(); ++i)
        m_polyline[i] = pointAt(double(i) / double(m_polyline.size() - 1));
    m_arrow.clear();
    if (m_kind != core::GraphEdgeKind::MemberOf) {
        // The arrow's direction: the curve's tangent at its end.
        QPointF dir = end - (m_from == m_to ? m_path.pointAtPercent(0.97) : m_control2);
        const double length = std::hypot(dir.x(), dir.y());
        dir = length > 0.01 ? dir / length : QPointF(1, 0);
        const QPointF normal(-dir.y(), dir.x());
        const QPointF base = end - dir * kArrowLength;
        m_arrow << end << base + normal * (kArrowWidth / 2) << base - normal * (kArrowWidth / 2);
    }
    m_labelSize = QSizeF();
    if (!m_label.isEmpty()) {
        const QFontMetricsF metrics(m_style->edgeFont);
        m_labelSize = QSizeF(metrics.horizontalAdvance(m_label) + 10, metrics.height() + 3);
    }
    m_labelRect = labelRectAt(m_labelAt);
    m_shapeStale = true;
    m_flattened.clear();
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).united(m_labelRect).adjusted(-8, -8, 8, 8);
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath GraphEdgeItem::shape() const
{
    if (m_shapeStale) {
        QPainterPathStroker stroker;
        stroker.setWidth(kPickWidth);
        m_shape = stroker.createStroke(m_path);
        if (!m_labelRect.isNull())
            m_shape.addRect(m_labelRect);
        m_shape.setFillRule(Qt::WindingFill);
        m_shapeStale = false;
    }
    return m_shape;
}

void GraphEdgeItem::strokeCurve(QPainter *painter, const QRectF &exposed) const
{
    // A curve much larger than what is in view (a long edge at a close zoom): only its segments in view are stroked,
    // each clipped, so that a dashed edge tens of thousands of pixels long does not make every frame slow.
    const QRectF bounds = m_path.boundingRect();
    if (exposed.isNull() || bounds.width() * bounds.height() <= 4 * exposed.width() * exposed.height()
        || exposed.contains(bounds)) {
        painter->drawPath(m_path);
        return;
    }
    if (m_flattened.isEmpty()) {
        for (const QPolygonF &polygon : m_path.toSubpathPolygons())
            m_flattened += polygon;
    }
    const QRectF view = exposed.adjusted(-10, -10, 10, 10);
    QPolygonF run;
    auto flush = [&] {
        if (run.size() > 1)
            painter->drawPolyline(run);
        run.clear();
    };
    for (qsizetype i = 1; i < m_flattened.size(); ++i) {
        QPointF a = m_flattened[i - 1];
        QPointF b = m_flattened[i];
        if (!clipSegment(a, b, view)) {
            flush();
            continue;
        }
        if (run.isEmpty() || run.back() != a) {
            flush();
            run << a;
        }
        run << b;
    }
    flush();
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const GraphStyle &s = *m_style;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor color = s.edgeColor(m_kind);
    const auto *view = widget ? qobject_cast<const GraphView *>(widget->parentWidget()) : nullptr;
    const bool crowded = view && view->isCrowded();
    if (lod < kPlainLod) {
        // Very far away with thousands of edges in view, the cards alone make the map (the edges would be a grey
        // mass that costs most of the frame); the edges of a selected card stay.
        if (crowded && lod < kLineLod && !isSelected() && !m_from->isSelected() && !m_to->isSelected())
            return;
        // Far away: a hairline; a straight one when the curve would be only a few pixels off it.
        painter->setPen(QPen(color, 0));
        painter->setBrush(Qt::NoBrush);
        if (lod < kLineLod)
            painter->drawLine(m_start, m_end);
        else
            painter->drawPolyline(m_polyline.data(), int(m_polyline.size()));
        return;
    }
    // Thousands of edges through the view: only those with an end in view, as thin aliased lines (still dashed when
    // conditional).
    if (crowded) {
        const QRectF &visible = view->visibleSceneRect();
        if (!visible.contains(m_start) && !visible.contains(m_end) && !isSelected())
            return;
        QPen thin(color, 0);
        if (m_kind == core::GraphEdgeKind::MemberOf)
            thin.setStyle(Qt::DotLine);
        else if (m_conditional)
            thin.setStyle(Qt::DashLine);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(thin);
        strokeCurve(painter, option->exposedRect);
        painter->restore();
        return;
    }
    // Selected, or at an end of a selected card: drawn stronger.
    const bool selected = isSelected();
    const bool emphasised = selected || m_hovered || m_from->isSelected() || m_to->isSelected();
    if (selected) {
        QColor halo = s.selection;
        halo.setAlpha(80);
        painter->setPen(QPen(halo, 9, Qt::SolidLine, Qt::RoundCap));
        painter->setBrush(Qt::NoBrush);
        strokeCurve(painter, option->exposedRect);
    }
    const double width = m_kind == core::GraphEdgeKind::MemberOf ? 1.3 : 1.6;
    QPen pen(color, emphasised ? width + 1 : width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    if (m_kind == core::GraphEdgeKind::MemberOf)
        pen.setDashPattern({ 1.2, 2.6 });
    else if (m_conditional)
        pen.setDashPattern({ 5, 3.5 });
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    strokeCurve(painter, option->exposedRect);
    if (!m_arrow.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(m_arrow);
    }
    if (!m_labelRect.isNull() && lod >= kTextLod) {
        painter->setPen(QPen(color, selected ? 1.5 : 0.8));
        painter->setBrush(s.labelFill);
        painter->drawRoundedRect(m_labelRect, m_labelRect.height() / 2, m_labelRect.height() / 2);
        painter->setFont(s.edgeFont);
        painter->setPen(s.text);
        painter->drawText(m_labelRect, Qt::AlignCenter, m_label);
    }
}

void GraphEdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void GraphEdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace rd::ui
