// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/VerticalScrollArea.h"

#include <QEvent>
#include <QScrollBar>

namespace rd::ui
{

VerticalScrollArea::VerticalScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
}

QSize VerticalScrollArea::minimumSizeHint() const
{
    QSize size = QScrollArea::minimumSizeHint();
    if (const QWidget *content = widget()) {
        const int frame = 2 * frameWidth();
        size.setWidth(content->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + frame);
    }
    return size;
}

bool VerticalScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        followWidget();
    return QScrollArea::eventFilter(watched, event);
}

void VerticalScrollArea::followWidget()
{
    // The layouts that hold this area ask for its minimumSizeHint() again.
    updateGeometry();
}

} // namespace rd::ui
