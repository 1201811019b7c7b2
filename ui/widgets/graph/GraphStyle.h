// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/graph/AccessGraph.h"

#include <QColor>
#include <QFont>
#include <QPalette>

namespace rd::ui
{

/// The colours and fonts of the graph editor, derived from the application's palette (light or dark, see AppTheme):
/// one accent colour per node kind, one per edge kind, and the neutral colours around them. A plain value that the
/// editor's items read while painting; the editor makes a new one when the palette changes.
/// The zoom from which cards and edge labels draw their text (GraphNodeItem, GraphEdgeItem): fitting a graph on its
/// own never goes below it (GraphView::fitReadable()).
constexpr double kGraphTextZoom = 0.5;

struct GraphStyle {
    bool dark = false;
    QColor background;
    QColor grid;
    QColor text;
    QColor secondaryText;
    QColor nodeFill;
    QColor selection;
    QColor handle;
    QColor connectTarget;
    QColor memberOf;
    QColor mayAssume;
    QColor mayActOn;
    QColor labelFill;
    QFont labelFont;
    QFont detailFont;
    QFont edgeFont;

    /// The accent of a node kind: the outline, the icon's disc and the bundle's count badge.
    QColor accent(core::GraphNodeKind kind) const;
    /// A node's fill: the neutral fill tinted with its kind's accent.
    QColor fill(core::GraphNodeKind kind) const;
    QColor edgeColor(core::GraphEdgeKind kind) const;

    static GraphStyle fromPalette(const QPalette &palette);
};

} // namespace rd::ui
