// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPixmap>
#include <QRectF>
#include <QWidget>

#include <cstddef>
#include <vector>

class QTimer;

namespace rd::ui
{

class GraphNodeItem;
class GraphView;
struct GraphStyle;

/// An overview of the whole graph in a corner of the graph view, with the visible area as a rectangle; clicking or
/// dragging in it centres the view there. The picture of the graph is redrawn a moment after refresh() (not on every
/// frame); the rectangle follows the view at once.
class GraphMinimap : public QWidget
{
    Q_OBJECT
public:
    explicit GraphMinimap(GraphView *view);
    ~GraphMinimap() override;

    void setGraphStyle(const GraphStyle *style);
    /// The cards of the view (kept by the graph editor), so that the minimap need not search the scene for them.
    void setNodeItems(const std::vector<GraphNodeItem *> *items) { m_nodeItems = items; }
    /// The graph changed: redraws its picture after a short pause.
    void refresh();
    /// Redraws the picture now.
    void refreshNow();
    /// Keeps the overview in the view's bottom right corner.
    void reposition();
    /// The visible area of the view, in the minimap's coordinates.
    QRectF visibleArea() const;
    /// The scene point a minimap point stands for.
    QPointF toScene(const QPointF &point) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF pictureRect() const;
    /// Shown while part of the graph is out of sight.
    void updateVisibility();

    /// Above this many cards the picture is made of boxes rather than rendered from the scene.
    static constexpr std::size_t kRenderedCards = 1500;

    GraphView *m_view;
    const GraphStyle *m_style = nullptr;
    const std::vector<GraphNodeItem *> *m_nodeItems = nullptr;
    QTimer *m_refresh;
    QPixmap m_picture;
    /// The part of the scene the picture shows.
    QRectF m_sceneArea;
    /// The cards' bounds.
    QRectF m_nodesArea;
};

} // namespace rd::ui
