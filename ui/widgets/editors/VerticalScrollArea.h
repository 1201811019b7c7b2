// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QScrollArea>

namespace rd::ui
{

/// A scroll area that scrolls up and down only: it asks its layout for as much width as its widget's minimum (plus
/// the vertical scroll bar), so that a splitter or dock keeps a form whole instead of cutting it on the right. The
/// widget is resized to the area's width (widgetResizable).
class VerticalScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    explicit VerticalScrollArea(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The widget's minimum width changed (cards added or removed): the area's follows.
    void followWidget();
};

} // namespace rd::ui
