// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace rd::ui
{

class GraphView;
struct GraphStyle;

/// A key to the graph editor's edges in a corner of the view: may assume, may act on, member of, and conditional
/// (dashed). A click folds it to a small "Key" tab, so that it covers no card, and unfolds it again; the choice is
/// kept.
class GraphLegend : public QWidget
{
    Q_OBJECT
public:
    explicit GraphLegend(GraphView *view);

    void setGraphStyle(const GraphStyle *style);
    /// Keeps the key in the view's bottom left corner.
    void reposition();
    bool isFolded() const { return m_folded; }
    void setFolded(bool folded);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void updateSize();

    GraphView *m_view;
    const GraphStyle *m_style = nullptr;
    bool m_folded = false;
};

} // namespace rd::ui
