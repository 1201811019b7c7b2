// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>
#include <QString>

#include <array>
#include <cstddef>
#include <vector>

namespace rd::ui
{

class GraphNodeItem;
struct GraphStyle;

/// One drawn edge of the graph editor (a doc::ViewEdge): a curve from the source card's right side to the target
/// card's left side. member-of: thin, grey and dotted, without an arrow; may-assume: a blue arrow; may-act-on: a green
/// arrow with a short label of the access levels. Conditional edges are dashed. The clickable shape is a wide band
/// around the curve (and the label), so that a thin edge is easy to select.
class GraphEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    GraphEdgeItem(std::size_t viewEdge, core::GraphEdgeKind kind, bool conditional, std::vector<std::size_t> edges,
        GraphNodeItem *from, GraphNodeItem *to, const GraphStyle *style);

    int type() const override { return Type; }
    std::size_t viewEdge() const { return m_viewEdge; }
    core::GraphEdgeKind kind() const { return m_kind; }
    bool isConditional() const { return m_conditional; }
    /// The access-graph edges it stands for.
    const std::vector<std::size_t> &edges() const { return m_edges; }
    GraphNodeItem *fromNode() const { return m_from; }
    GraphNodeItem *toNode() const { return m_to; }
    /// How the line is drawn: dotted (member-of), dashed (conditional) or solid.
    Qt::PenStyle lineStyle() const;
    /// The short text drawn at the middle of the edge (may-act-on: the access levels); "" for none.
    void setLabel(const QString &label);
    QString label() const { return m_label; }
    /// A point on the curve's middle, in scene coordinates (where a click selects the edge).
    QPointF midPoint() const;
    /// The point of the curve at parameter `t` (0 at the source, 1 at the target), in scene coordinates.
    QPointF pointAt(double t) const;
    /// Where along the curve the label sits (0 at the source, 1 at the target; 0.5 unless moved out of the way of
    /// other labels), and the rectangle it would take there (scene coordinates; null without a label).
    void setLabelAt(double at);
    double labelAt() const { return m_labelAt; }
    QRectF labelRect() const { return m_labelRect; }
    QRectF labelRectAt(double at) const;

    /// Follows the cards after one of them moved.
    void adjust();
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    void restyle();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    /// The edge under the pointer is drawn stronger: the user sees which one a click would pick.
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    /// Strokes the curve with the painter's pen; only the part in `exposed` (item coordinates) when it is large.
    void strokeCurve(QPainter *painter, const QRectF &exposed) const;
    std::size_t m_viewEdge;
    core::GraphEdgeKind m_kind;
    bool m_conditional;
    std::vector<std::size_t> m_edges;
    GraphNodeItem *m_from;
    GraphNodeItem *m_to;
    const GraphStyle *m_style;
    QString m_label;
    QPainterPath m_path;
    /// The curve as line segments, made when first needed by strokeCurve().
    mutable QPolygonF m_flattened;
    /// The clickable band, made when first asked for (hit tests need it; most edges are never hit).
    mutable QPainterPath m_shape;
    mutable bool m_shapeStale = true;
    QPointF m_start;
    QPointF m_control1;
    QPointF m_control2;
    QPointF m_end;
    /// The curve as a few straight segments, for drawing it far away (hairline polylines draw fastest).
    std::array<QPointF, 9> m_polyline;
    QPolygonF m_arrow;
    QRectF m_labelRect;
    QSizeF m_labelSize;
    double m_labelAt = 0.5;
    QRectF m_bounds;
    bool m_dimmed = false;
    bool m_hovered = false;
};

} // namespace rd::ui
