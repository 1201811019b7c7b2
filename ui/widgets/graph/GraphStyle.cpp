// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/graph/GraphStyle.h"

#include "widgets/shell/AppTheme.h"

#include <QGuiApplication>

namespace rd::ui
{

namespace
{
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
        float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

GraphStyle GraphStyle::fromPalette(const QPalette &palette)
{
    GraphStyle s;
    s.dark = AppTheme::isDark(palette);
    s.background = palette.color(QPalette::Base);
    s.text = palette.color(QPalette::Text);
    s.secondaryText = mix(s.text, s.background, 0.4);
    s.grid = mix(s.background, s.text, s.dark ? 0.16 : 0.13);
    s.nodeFill = s.dark ? mix(s.background, Qt::white, 0.06) : Qt::white;
    s.selection = palette.color(QPalette::Highlight);
    s.handle = s.dark ? QColor(0x58, 0x9d, 0xf6) : QColor(0x1a, 0x6f, 0xb5);
    s.connectTarget = s.dark ? QColor(0x5f, 0xd0, 0x7a) : QColor(0x1e, 0x9e, 0x4a);
    s.memberOf = mix(s.text, s.background, 0.5);
    s.mayAssume = s.dark ? QColor(0x6a, 0xa8, 0xff) : QColor(0x25, 0x63, 0xc9);
    s.mayActOn = s.dark ? QColor(0x58, 0xc2, 0x7d) : QColor(0x1d, 0x8a, 0x4b);
    s.labelFill = s.background;
    s.labelFill.setAlpha(225);
    s.labelFont = QGuiApplication::font();
    s.labelFont.setPointSizeF(9);
    s.labelFont.setWeight(QFont::DemiBold);
    s.detailFont = QGuiApplication::font();
    s.detailFont.setPointSizeF(7.5);
    s.edgeFont = QGuiApplication::font();
    s.edgeFont.setPointSizeF(7.5);
    return s;
}

QColor GraphStyle::accent(core::GraphNodeKind kind) const
{
    // Hues far enough apart to tell the kinds at a glance, a little lighter on a dark background.
    switch (kind) {
    case core::GraphNodeKind::User:
        return dark ? QColor(0x4f, 0xb3, 0xd9) : QColor(0x0b, 0x7f, 0xab);
    case core::GraphNodeKind::Group:
        return dark ? QColor(0x8c, 0x9e, 0xff) : QColor(0x4f, 0x5b, 0xd5);
    case core::GraphNodeKind::Role:
        return dark ? QColor(0xf2, 0xa1, 0x3c) : QColor(0xd9, 0x73, 0x06);
    case core::GraphNodeKind::Account:
        return dark ? QColor(0x9a, 0xa7, 0xb4) : QColor(0x54, 0x66, 0x78);
    case core::GraphNodeKind::Service:
        return dark ? QColor(0xc7, 0x8b, 0xf0) : QColor(0x8e, 0x3c, 0xc8);
    case core::GraphNodeKind::Provider:
        return dark ? QColor(0xf0, 0x7a, 0x8a) : QColor(0xc2, 0x2f, 0x4e);
    case core::GraphNodeKind::Resource:
        return dark ? QColor(0x4c, 0xc3, 0x8a) : QColor(0x1a, 0x8f, 0x5a);
    }
    return text;
}

QColor GraphStyle::fill(core::GraphNodeKind kind) const
{
    return mix(nodeFill, accent(kind), dark ? 0.16 : 0.07);
}

QColor GraphStyle::edgeColor(core::GraphEdgeKind kind) const
{
    switch (kind) {
    case core::GraphEdgeKind::MemberOf:
        return memberOf;
    case core::GraphEdgeKind::MayAssume:
        return mayAssume;
    case core::GraphEdgeKind::MayActOn:
        return mayActOn;
    }
    return memberOf;
}

} // namespace rd::ui
