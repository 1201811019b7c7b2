// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace rd::ui
{

class GraphView;
struct GraphStyle;

/// A key to the graph editor's edges in a corner of the view: may assume, may act on, member of, and conditional
/// (dashed).
class GraphLegend : public QWidget
{
    Q_OBJECT
public:
    explicit GraphLegend(GraphView *view);

    void setGraphStyle(const GraphStyle *style);
    /// Keeps the key in the view's bottom left corner.
    void reposition();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    GraphView *m_view;
    const GraphStyle *m_style = nullptr;
};

} // namespace rd::ui
