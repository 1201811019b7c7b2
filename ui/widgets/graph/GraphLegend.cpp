// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphLegend.h"

#include "widgets/graph/GraphStyle.h"
#include "widgets/graph/GraphView.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSettings>

#include <array>

namespace rd::ui
{

namespace
{
constexpr int kMargin = 12;
constexpr int kRow = 18;
constexpr int kPadding = 8;
constexpr int kSample = 34;
} // namespace

GraphLegend::GraphLegend(GraphView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("graphLegend"));
    setCursor(Qt::PointingHandCursor);
    m_folded = QSettings().value(QStringLiteral("graph/legendFolded"), false).toBool();
    connect(m_view, &GraphView::viewChanged, this, &GraphLegend::reposition);
}

void GraphLegend::setFolded(bool folded)
{
    if (folded == m_folded)
        return;
    m_folded = folded;
    QSettings().setValue(QStringLiteral("graph/legendFolded"), folded);
    updateSize();
    update();
}

void GraphLegend::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        setFolded(!m_folded);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void GraphLegend::updateSize()
{
    if (!m_style)
        return;
    const QFontMetricsF metrics(m_style->edgeFont);
    if (m_folded) {
        setFixedSize(int(2 * kPadding + metrics.horizontalAdvance(tr("Key ▸")) + 2), 2 * kPadding + kRow - 4);
        setToolTip(tr("Show the key to the edges"));
    } else {
        double text = 0;
        for (const QString &label :
            { tr("may assume"), tr("may act on"), tr("member of"), tr("only if conditions hold") })
            text = std::max(text, metrics.horizontalAdvance(label));
        setFixedSize(int(2 * kPadding + kSample + 8 + text + 2), 2 * kPadding + 4 * kRow - 4);
        setToolTip(tr("Click to fold the key"));
    }
    reposition();
}

void GraphLegend::setGraphStyle(const GraphStyle *style)
{
    m_style = style;
    updateSize();
    update();
}

void GraphLegend::reposition()
{
    QWidget *area = m_view->viewport();
    move(area->x() + kMargin, area->y() + area->height() - height() - kMargin);
    raise();
}

void GraphLegend::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    if (!m_style)
        return;
    const GraphStyle &s = *m_style;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor fill = s.background;
    fill.setAlpha(235);
    QColor border = s.text;
    border.setAlpha(60);
    painter.setPen(QPen(border, 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    if (m_folded) {
        painter.setFont(s.edgeFont);
        painter.setPen(s.text);
        const QFontMetricsF metrics(s.edgeFont);
        painter.drawText(QPointF(kPadding, kPadding + kRow / 2.0 - 2 + metrics.ascent() / 2 - 1), tr("Key ▸"));
        return;
    }

    struct Row {
        QString label;
        QColor color;
        QList<qreal> dashes;
        bool arrow;
    };
    const std::array<Row, 4> rows { Row { tr("may assume"), s.mayAssume, {}, true },
        Row { tr("may act on"), s.mayActOn, {}, true }, Row { tr("member of"), s.memberOf, { 1.2, 2.6 }, false },
        Row { tr("only if conditions hold"), s.secondaryText, { 5, 3.5 }, true } };
    painter.setFont(s.edgeFont);
    const QFontMetricsF metrics(s.edgeFont);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row &row = rows[i];
        const double y = kPadding + double(i) * kRow + kRow / 2.0 - 2;
        QPen pen(row.color, 1.6, Qt::SolidLine, Qt::FlatCap);
        if (!row.dashes.isEmpty())
            pen.setDashPattern(row.dashes);
        painter.setPen(pen);
        const double x0 = kPadding;
        const double x1 = kPadding + kSample;
        painter.drawLine(QPointF(x0, y), QPointF(x1 - (row.arrow ? 6 : 0), y));
        if (row.arrow) {
            QPainterPath head;
            head.moveTo(x1, y);
            head.lineTo(x1 - 8, y - 4);
            head.lineTo(x1 - 8, y + 4);
            head.closeSubpath();
            painter.fillPath(head, row.color);
        }
        painter.setPen(s.text);
        painter.drawText(QPointF(x1 + 8, y + metrics.ascent() / 2 - 1), row.label);
    }
}

} // namespace rd::ui
