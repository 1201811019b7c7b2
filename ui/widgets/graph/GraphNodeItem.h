// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

#include <cstddef>
#include <string>
#include <vector>

namespace rd::doc
{
struct ViewNode;
}

namespace rd::ui
{

class GraphEdgeItem;
struct GraphStyle;

/// One drawn node of the graph editor (a doc::ViewNode): a card whose outline and painted icon tell its kind (a pill
/// and a person for a user, a double outline and three persons for a group, an accent badge and a hard hat for a
/// role, a square box and a building for an account, a hexagon and a cloud for a service, cut corners and a shield
/// for an identity provider, a folded page and a cylinder for a resource), its label elided to the card, and a
/// second line with its kind and account. A bundle is drawn as a stack with its member count. Its position is the
/// card's centre. It holds only the drawn node's index and what it paints; the editor owns the graph.
class GraphNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr double kWidth = 210;
    static constexpr double kHeight = 48;

    /// `label`: the node's first line (a short form of its key); `details`: its second line. `modelled`: false for a
    /// resource pattern the workspace does not model, drawn with a dashed outline.
    GraphNodeItem(std::size_t viewNode, const doc::ViewNode &node, const QString &label, const QString &details,
        bool modelled, const GraphStyle *style);

    int type() const override { return Type; }
    std::size_t viewNode() const { return m_viewNode; }
    core::GraphNodeKind kind() const { return m_kind; }
    bool isBundle() const { return m_bundle; }
    /// The access-graph nodes it stands for.
    const std::vector<std::size_t> &members() const { return m_members; }
    const std::string &key() const { return m_key; }
    QString label() const { return m_label; }
    /// The label as drawn (elided to the card).
    QString shownLabel() const { return m_shownLabel; }

    /// Whether a connection may start here: a principal or group that is one node (not a bundle of several).
    bool canStartConnection() const;
    /// The connector handle's centre, in item coordinates, and whether a point (item coordinates) is on it.
    static QPointF handleCenter() { return { kWidth / 2, 0 }; }
    static bool isOnHandle(const QPointF &point);

    void addEdge(GraphEdgeItem *edge) { m_edges.push_back(edge); }
    const std::vector<GraphEdgeItem *> &edges() const { return m_edges; }

    /// Drawn faded (not part of the highlighted reach).
    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    /// Drawn as the valid target of a connection being dragged.
    void setConnectTarget(bool target);
    bool isConnectTarget() const { return m_connectTarget; }
    /// After the palette changed: recomputes what depends on the style's fonts.
    void restyle();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void paintIcon(QPainter *painter, const QPointF &center, const QColor &disc, const QColor &ink) const;

    std::size_t m_viewNode;
    core::GraphNodeKind m_kind;
    bool m_bundle;
    bool m_modelled;
    std::vector<std::size_t> m_members;
    std::string m_key;
    QString m_label;
    QString m_details;
    QString m_shownLabel;
    QString m_shownDetails;
    QString m_count;
    const GraphStyle *m_style;
    QPainterPath m_outline;
    std::vector<GraphEdgeItem *> m_edges;
    bool m_hovered = false;
    bool m_dimmed = false;
    bool m_connectTarget = false;
};

} // namespace rd::ui
