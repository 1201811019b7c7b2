// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphNodeItem.h"

#include "document/GraphProjection.h"
#include "widgets/graph/GraphEdgeItem.h"
#include "widgets/graph/GraphStyle.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <array>
#include <cmath>

namespace rd::ui
{

namespace
{
constexpr double kHalfW = GraphNodeItem::kWidth / 2;
constexpr double kHalfH = GraphNodeItem::kHeight / 2;
constexpr double kIconX = -kHalfW + 25;
constexpr double kIconRadius = 15;
constexpr double kTextLeft = -kHalfW + 48;
constexpr double kTextRight = kHalfW - 12;
constexpr double kHandleRadius = 6;
constexpr double kStackStep = 4;
// Below these levels of detail (device pixels per scene unit) the card is drawn as a plain shape, then without text.
constexpr double kPlainLod = 0.28;
constexpr double kBoxLod = 0.12;
constexpr double kTextLod = kGraphTextZoom;

QPainterPath outlineOf(core::GraphNodeKind kind)
{
    const QRectF r(-kHalfW, -kHalfH, GraphNodeItem::kWidth, GraphNodeItem::kHeight);
    QPainterPath path;
    switch (kind) {
    case core::GraphNodeKind::User:
        path.addRoundedRect(r, kHalfH, kHalfH);
        break;
    case core::GraphNodeKind::Group:
    case core::GraphNodeKind::Role:
        path.addRoundedRect(r, 10, 10);
        break;
    case core::GraphNodeKind::Account:
        path.addRoundedRect(r, 2, 2);
        break;
    case core::GraphNodeKind::Service: {
        const double cut = 14;
        path.moveTo(r.left(), 0);
        path.lineTo(r.left() + cut, r.top());
        path.lineTo(r.right() - cut, r.top());
        path.lineTo(r.right(), 0);
        path.lineTo(r.right() - cut, r.bottom());
        path.lineTo(r.left() + cut, r.bottom());
        path.closeSubpath();
        break;
    }
    case core::GraphNodeKind::Provider: {
        const double cut = 9;
        path.moveTo(r.left() + cut, r.top());
        path.lineTo(r.right() - cut, r.top());
        path.lineTo(r.right(), r.top() + cut);
        path.lineTo(r.right(), r.bottom() - cut);
        path.lineTo(r.right() - cut, r.bottom());
        path.lineTo(r.left() + cut, r.bottom());
        path.lineTo(r.left(), r.bottom() - cut);
        path.lineTo(r.left(), r.top() + cut);
        path.closeSubpath();
        break;
    }
    case core::GraphNodeKind::Resource: {
        // A page with its top right corner folded.
        const double fold = 12;
        path.moveTo(r.left() + 4, r.top());
        path.lineTo(r.right() - fold, r.top());
        path.lineTo(r.right(), r.top() + fold);
        path.lineTo(r.right(), r.bottom() - 4);
        path.quadTo(r.right(), r.bottom(), r.right() - 4, r.bottom());
        path.lineTo(r.left() + 4, r.bottom());
        path.quadTo(r.left(), r.bottom(), r.left(), r.bottom() - 4);
        path.lineTo(r.left(), r.top() + 4);
        path.quadTo(r.left(), r.top(), r.left() + 4, r.top());
        path.closeSubpath();
        break;
    }
    }
    return path;
}

/// A person (head and shoulders) whose head is centred at `head`, `size` 1 for the full icon.
QPainterPath person(const QPointF &head, double size)
{
    QPainterPath path;
    path.addEllipse(head, 3.6 * size, 3.6 * size);
    const double top = head.y() + 4.8 * size;
    const double w = 7.2 * size;
    const double bottom = top + 6.4 * size;
    path.moveTo(head.x() - w, bottom);
    path.cubicTo(head.x() - w, top - 0.5 * size, head.x() + w, top - 0.5 * size, head.x() + w, bottom);
    path.closeSubpath();
    return path;
}

/// The painted icons, in a box of about 20 units around (0, 0); the disc's colour draws their details.
struct Icons {
    QPainterPath user;
    QPainterPath groupBack;
    QPainterPath groupFront;
    QPainterPath hat;
    QPainterPath building;
    QPainterPath cloud;
    QPainterPath shield;
    QPainterPath cylinder;
};

const Icons &icons()
{
    static const Icons s = [] {
        Icons i;
        i.user = person({ 0, -3.5 }, 1.0);
        i.groupBack = person({ -5.6, -4.5 }, 0.78).united(person({ 5.6, -4.5 }, 0.78));
        i.groupFront = person({ 0, -2.2 }, 0.9);
        // A hard hat (IAM's icon for roles): dome, ridge and brim.
        i.hat.moveTo(-7.5, 3);
        i.hat.cubicTo(-7.5, -8.5, 7.5, -8.5, 7.5, 3);
        i.hat.closeSubpath();
        i.hat.addRoundedRect(QRectF(-10, 2.2, 20, 3.6), 1.6, 1.6);
        i.hat.setFillRule(Qt::WindingFill);
        i.building.addRect(QRectF(-7, -8.5, 14, 17));
        i.building.addRect(QRectF(-9.5, 8.5, 19, 1.5));
        i.building.setFillRule(Qt::WindingFill);
        QPainterPath cloud;
        cloud.addEllipse(QPointF(-4.5, 1.5), 4.5, 4.5);
        cloud.addEllipse(QPointF(1.5, -2), 5.5, 5.5);
        cloud.addEllipse(QPointF(6.5, 2), 3.8, 3.8);
        cloud.addRoundedRect(QRectF(-9, 1.5, 19, 4.3), 2, 2);
        cloud.setFillRule(Qt::WindingFill);
        i.cloud = cloud.simplified();
        i.shield.moveTo(0, -9);
        i.shield.lineTo(7.5, -6);
        i.shield.lineTo(7.5, -0.5);
        i.shield.cubicTo(7.5, 4.5, 4, 7.5, 0, 9.5);
        i.shield.cubicTo(-4, 7.5, -7.5, 4.5, -7.5, -0.5);
        i.shield.lineTo(-7.5, -6);
        i.shield.closeSubpath();
        i.cylinder.addEllipse(QRectF(-7, -9, 14, 5));
        i.cylinder.addRect(QRectF(-7, -6.5, 14, 13));
        i.cylinder.addEllipse(QRectF(-7, 4, 14, 5));
        i.cylinder.setFillRule(Qt::WindingFill);
        i.cylinder = i.cylinder.simplified();
        return i;
    }();
    return s;
}

QString countText(std::size_t count)
{
    return count > 999 ? QStringLiteral("999+") : QString::number(count);
}
} // namespace

GraphNodeItem::GraphNodeItem(std::size_t viewNode, const doc::ViewNode &node, const QString &label,
    const QString &details, bool modelled, const GraphStyle *style)
    : m_viewNode(viewNode)
    , m_kind(node.kind)
    , m_bundle(node.bundle)
    , m_modelled(modelled)
    , m_members(node.members)
    , m_key(node.key)
    , m_label(label)
    , m_details(details)
    , m_count(node.bundle ? countText(node.members.size()) : QString())
    , m_style(style)
    , m_outline(outlineOf(node.kind))
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    restyle();
}

bool GraphNodeItem::canStartConnection() const
{
    if (m_bundle && m_members.size() != 1)
        return false;
    return m_kind != core::GraphNodeKind::Resource;
}

bool GraphNodeItem::isOnHandle(const QPointF &point)
{
    const QPointF d = point - handleCenter();
    return d.x() * d.x() + d.y() * d.y() <= (kHandleRadius + 3) * (kHandleRadius + 3);
}

void GraphNodeItem::setDimmed(bool dimmed)
{
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    setOpacity(dimmed ? 0.18 : 1.0);
}

void GraphNodeItem::setConnectTarget(bool target)
{
    if (m_connectTarget == target)
        return;
    m_connectTarget = target;
    update();
}

void GraphNodeItem::restyle()
{
    const QFontMetricsF label(m_style->labelFont);
    const QFontMetricsF details(m_style->detailFont);
    double width = kTextRight - kTextLeft;
    // Resource patterns and ARNs say the most at their end; names at their start.
    const Qt::TextElideMode mode =
        !m_bundle && (m_kind == core::GraphNodeKind::Resource || m_kind == core::GraphNodeKind::Provider)
        ? Qt::ElideMiddle
        : Qt::ElideRight;
    m_shownLabel = label.elidedText(m_label, mode, width);
    m_shownDetails = details.elidedText(m_details, Qt::ElideRight, width);
    update();
}

QRectF GraphNodeItem::boundingRect() const
{
    // The card, its selection halo, the stack of a bundle (up and right), its count badge and the connector handle.
    constexpr double halo = 5;
    constexpr double stack = 2 * kStackStep;
    return { -kHalfW - halo, -kHalfH - halo - stack - 4, kWidth + 2 * halo + stack + 4,
        kHeight + 2 * halo + stack + 4 };
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath path = m_outline;
    if (canStartConnection())
        path.addEllipse(handleCenter(), kHandleRadius + 3, kHandleRadius + 3);
    return path;
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget);
    const GraphStyle &s = *m_style;
    const QColor accent = s.accent(m_kind);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = isSelected();

    if (lod < kPlainLod) {
        // Far away: a solid shape in the kind's colour, which reads as a map of the account; a plain box when tiny.
        if (lod < kBoxLod) {
            painter->fillRect(QRectF(-kHalfW, -kHalfH, kWidth, kHeight), selected ? s.selection : accent);
            return;
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? s.selection : accent);
        painter->drawPath(m_outline);
        return;
    }

    const QColor fill = s.fill(m_kind);
    QPen outlinePen(accent, 1.4);
    if (!m_modelled)
        outlinePen.setStyle(Qt::DashLine);

    // A bundle: two cards behind the front one.
    if (m_bundle) {
        painter->setPen(QPen(accent, 1.1));
        painter->setBrush(fill);
        for (int i = 2; i >= 1; --i)
            painter->drawPath(m_outline.translated(i * kStackStep, -i * kStackStep));
    }

    if (selected || m_connectTarget) {
        const QColor haloColor = m_connectTarget ? s.connectTarget : s.selection;
        QColor soft = haloColor;
        soft.setAlpha(70);
        painter->setPen(QPen(soft, 8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_outline);
        outlinePen = QPen(haloColor, 2.2);
    }
    painter->setPen(outlinePen);
    painter->setBrush(fill);
    painter->drawPath(m_outline);

    // The kind's marks on the card itself.
    const QRectF card(-kHalfW, -kHalfH, kWidth, kHeight);
    QColor disc = accent;
    QColor ink = s.nodeFill;
    switch (m_kind) {
    case core::GraphNodeKind::Role: {
        // A badge: the left part of the card in the accent colour, the hard hat in it.
        painter->save();
        painter->setClipPath(m_outline);
        painter->fillRect(QRectF(card.left(), card.top(), 50, kHeight), accent);
        painter->restore();
        disc = Qt::transparent;
        ink = Qt::white;
        break;
    }
    case core::GraphNodeKind::Group:
        painter->setPen(QPen(accent, 0.9));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(3, 3, -3, -3), 7, 7);
        break;
    case core::GraphNodeKind::Account:
        painter->fillRect(QRectF(card.left(), card.top(), kWidth, 5), accent);
        break;
    case core::GraphNodeKind::Resource:
        painter->setPen(QPen(accent, 1.1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(std::array<QPointF, 3> { QPointF(kHalfW - 12, -kHalfH),
                                  QPointF(kHalfW - 12, -kHalfH + 12), QPointF(kHalfW, -kHalfH + 12) }
                                  .data(),
            3);
        break;
    default:
        break;
    }
    paintIcon(painter, { kIconX, 0 }, disc, ink);

    if (lod >= kTextLod) {
        painter->setPen(s.text);
        painter->setFont(s.labelFont);
        painter->drawText(QPointF(kTextLeft, -2), m_shownLabel);
        painter->setPen(s.secondaryText);
        painter->setFont(s.detailFont);
        painter->drawText(QPointF(kTextLeft, 13), m_shownDetails);
    }

    if (m_bundle) {
        painter->setFont(s.detailFont);
        const QFontMetricsF metrics(s.detailFont);
        const double w = std::max(18.0, metrics.horizontalAdvance(m_count) + 10);
        const QRectF badge(kHalfW - w + 4, -kHalfH - 8, w, 15);
        painter->setPen(QPen(s.nodeFill, 1.5));
        painter->setBrush(accent);
        painter->drawRoundedRect(badge, 7.5, 7.5);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, m_count);
    }

    if (canStartConnection() && (m_hovered || selected)) {
        painter->setPen(QPen(s.nodeFill, 1.5));
        painter->setBrush(s.handle);
        painter->drawEllipse(handleCenter(), kHandleRadius, kHandleRadius);
        painter->setPen(QPen(Qt::white, 1.4));
        painter->drawLine(handleCenter() + QPointF(-2.8, 0), handleCenter() + QPointF(2.8, 0));
        painter->drawLine(handleCenter() + QPointF(0, -2.8), handleCenter() + QPointF(0, 2.8));
    }
}

void GraphNodeItem::paintIcon(QPainter *painter, const QPointF &center, const QColor &disc, const QColor &ink) const
{
    const Icons &i = icons();
    painter->save();
    painter->translate(center);
    if (disc.alpha() > 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(disc);
        painter->drawEllipse(QPointF(0, 0), kIconRadius, kIconRadius);
    }
    // The disc's colour (or the badge's) draws the icons' details over the ink.
    const QColor detail = disc.alpha() > 0 ? disc : m_style->accent(m_kind);
    painter->setPen(Qt::NoPen);
    painter->setBrush(ink);
    switch (m_kind) {
    case core::GraphNodeKind::User:
        painter->drawPath(i.user);
        break;
    case core::GraphNodeKind::Group:
        painter->drawPath(i.groupBack);
        painter->setPen(QPen(detail, 1.6));
        painter->drawPath(i.groupFront);
        break;
    case core::GraphNodeKind::Role:
        painter->drawPath(i.hat);
        painter->setPen(QPen(detail, 1.3));
        painter->drawLine(QPointF(0, -5.5), QPointF(0, 2));
        break;
    case core::GraphNodeKind::Account: {
        painter->drawPath(i.building);
        painter->setBrush(detail);
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 2; ++column)
                painter->drawRect(QRectF(-4.5 + column * 5.5, -6 + row * 4.2, 3.4, 2.6));
        }
        break;
    }
    case core::GraphNodeKind::Service:
        painter->drawPath(i.cloud);
        break;
    case core::GraphNodeKind::Provider:
        painter->drawPath(i.shield);
        painter->setPen(QPen(detail, 1.7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(
            std::array<QPointF, 3> { QPointF(-3.2, 0), QPointF(-0.8, 2.6), QPointF(3.6, -2.6) }.data(), 3);
        break;
    case core::GraphNodeKind::Resource:
        painter->drawPath(i.cylinder);
        painter->setPen(QPen(detail, 1.1));
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(QRectF(-7, -9, 14, 5), 180 * 16, 180 * 16);
        painter->drawArc(QRectF(-7, -2.5, 14, 5), 180 * 16, 180 * 16);
        break;
    }
    painter->restore();
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (GraphEdgeItem *edge : m_edges)
            edge->adjust();
    } else if (change == ItemSelectedHasChanged) {
        for (GraphEdgeItem *edge : m_edges)
            edge->update();
    }
    return QGraphicsItem::itemChange(change, value);
}

void GraphNodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void GraphNodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (canStartConnection() && isOnHandle(event->pos()))
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
    QGraphicsItem::hoverMoveEvent(event);
}

void GraphNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    unsetCursor();
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace rd::ui
