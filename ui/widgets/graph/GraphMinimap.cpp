// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphMinimap.h"

#include "widgets/graph/GraphNodeItem.h"
#include "widgets/graph/GraphStyle.h"
#include "widgets/graph/GraphView.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>

namespace rd::ui
{

namespace
{
constexpr int kWidth = 220;
constexpr int kHeight = 150;
constexpr int kMargin = 12;
constexpr int kInset = 6;
} // namespace

GraphMinimap::GraphMinimap(GraphView *view)
    : QWidget(view)
    , m_view(view)
    , m_refresh(new QTimer(this))
{
    setObjectName(QStringLiteral("graphMinimap"));
    setFixedSize(kWidth, kHeight);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Overview: click or drag to move the view"));
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, this, &GraphMinimap::refreshNow);
    connect(m_view, &GraphView::viewChanged, this, [this] {
        reposition();
        updateVisibility();
        update();
    });
}

GraphMinimap::~GraphMinimap() = default;

void GraphMinimap::setGraphStyle(const GraphStyle *style)
{
    m_style = style;
    refresh();
}

void GraphMinimap::refresh()
{
    m_refresh->start();
}

QRectF GraphMinimap::pictureRect() const
{
    return QRectF(rect()).adjusted(kInset, kInset, -kInset, -kInset);
}

void GraphMinimap::refreshNow()
{
    m_refresh->stop();
    QGraphicsScene *scene = m_view->scene();
    // The cards: as the editor listed them, or found in the scene.
    std::vector<const GraphNodeItem *> cards;
    if (m_nodeItems) {
        cards.assign(m_nodeItems->begin(), m_nodeItems->end());
    } else if (scene) {
        for (QGraphicsItem *item : scene->items()) {
            if (item->type() == GraphNodeItem::Type)
                cards.push_back(static_cast<const GraphNodeItem *>(item));
        }
    }
    m_sceneArea = QRectF();
    for (const GraphNodeItem *card : cards)
        m_sceneArea = m_sceneArea.united(card->sceneBoundingRect());
    if (m_sceneArea.isEmpty()) {
        hide();
        m_picture = QPixmap();
        return;
    }
    m_nodesArea = m_sceneArea;
    // Keep the picture's aspect ratio: widen the scene area to the picture's shape, centred.
    const QRectF target = pictureRect();
    const double scale = std::min(target.width() / m_sceneArea.width(), target.height() / m_sceneArea.height());
    const QSizeF shown(target.width() / scale, target.height() / scale);
    m_sceneArea = QRectF(m_sceneArea.center() - QPointF(shown.width() / 2, shown.height() / 2), shown);
    const qreal ratio = devicePixelRatioF();
    m_picture = QPixmap((target.size() * ratio).toSize());
    m_picture.setDevicePixelRatio(ratio);
    m_picture.fill(Qt::transparent);
    QPainter painter(&m_picture);
    if (cards.size() > kRenderedCards || !scene) {
        // Thousands of cards make dots at this scale: coloured boxes are the same picture, without rendering every
        // item of the scene (which took hundreds of milliseconds on the 5,000-role account).
        const QTransform toPicture =
            QTransform::fromScale(scale, scale).translate(-m_sceneArea.left(), -m_sceneArea.top());
        for (const GraphNodeItem *card : cards) {
            const QRectF box = toPicture.mapRect(card->sceneBoundingRect());
            painter.fillRect(box, m_style ? m_style->accent(card->kind()) : palette().color(QPalette::Mid));
        }
    } else {
        painter.setRenderHint(QPainter::Antialiasing);
        scene->render(&painter, QRectF(QPointF(0, 0), target.size()), m_sceneArea, Qt::KeepAspectRatio);
    }
    painter.end();
    reposition();
    updateVisibility();
    update();
}

void GraphMinimap::updateVisibility()
{
    // Nothing to find when the whole graph is in sight.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    setVisible(!m_picture.isNull() && !visible.contains(m_nodesArea));
}

void GraphMinimap::reposition()
{
    QWidget *area = m_view->viewport();
    move(area->x() + area->width() - width() - kMargin, area->y() + area->height() - height() - kMargin);
    raise();
}

QRectF GraphMinimap::visibleArea() const
{
    if (m_sceneArea.isEmpty())
        return {};
    const QRectF target = pictureRect();
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const double sx = target.width() / m_sceneArea.width();
    const double sy = target.height() / m_sceneArea.height();
    return QRectF(target.left() + (visible.left() - m_sceneArea.left()) * sx,
        target.top() + (visible.top() - m_sceneArea.top()) * sy, visible.width() * sx, visible.height() * sy);
}

QPointF GraphMinimap::toScene(const QPointF &point) const
{
    const QRectF target = pictureRect();
    return { m_sceneArea.left() + (point.x() - target.left()) * m_sceneArea.width() / target.width(),
        m_sceneArea.top() + (point.y() - target.top()) * m_sceneArea.height() / target.height() };
}

void GraphMinimap::enterEvent(QEnterEvent *event)
{
    QWidget::enterEvent(event);
    update();
}

void GraphMinimap::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    update();
}

void GraphMinimap::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // See-through until the pointer comes to it, so that the cards it lies over still show.
    painter.setOpacity(underMouse() ? 1.0 : 0.55);
    const QColor base = m_style ? m_style->background : palette().color(QPalette::Base);
    const QColor text = m_style ? m_style->text : palette().color(QPalette::Text);
    QColor fill = base;
    fill.setAlpha(235);
    QColor border = text;
    border.setAlpha(60);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    if (!m_picture.isNull())
        painter.drawPixmap(pictureRect().topLeft(), m_picture);
    const QRectF visible = visibleArea().intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
    if (!visible.isEmpty()) {
        const QColor accent = m_style ? m_style->selection : palette().color(QPalette::Highlight);
        QColor veil = accent;
        veil.setAlpha(22);
        painter.setPen(QPen(accent, 1.5));
        painter.setBrush(veil);
        painter.drawRect(visible);
    }
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_sceneArea.isEmpty()) {
        m_view->centerOn(toScene(event->position()));
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons().testFlag(Qt::LeftButton) && !m_sceneArea.isEmpty()) {
        m_view->centerOn(toScene(event->position()));
        event->accept();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

} // namespace rd::ui
