// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/SessionTimeline.h"

#include <QPainter>

#include <algorithm>

namespace rd::ui
{

namespace
{
// IAM User Guide, "Role chaining": a chained session lasts at most one hour.
constexpr long long kChainCapSeconds = 3600;

QString hours(long long seconds)
{
    if (seconds % 3600 == 0)
        return SessionTimeline::tr("%1 h").arg(seconds / 3600);
    if (seconds >= 3600)
        return SessionTimeline::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return SessionTimeline::tr("%1 min").arg(seconds / 60);
}
// `2026-11-23T15:55:55Z` -> `15:55:55Z` (the tooltip has the dates).
QString clock(const QString &iso)
{
    const qsizetype t = iso.indexOf(QLatin1Char('T'));
    return t < 0 ? iso : iso.mid(t + 1);
}
} // namespace

SessionTimeline::SessionTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sessionTimeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SessionTimeline::setSession(long long durationSeconds, long long maxSessionSeconds, bool chained,
    const QString &issued, const QString &expiration)
{
    m_duration = durationSeconds;
    m_max = std::max<long long>(maxSessionSeconds, 900);
    m_chained = chained;
    m_issued = issued;
    m_expiration = expiration;
    setToolTip(durationSeconds > 0 ? tr("Issued %1, expires %2 (%3 of at most %4)")
                                         .arg(issued, expiration, hours(durationSeconds), hours(m_max))
                                   : tr("No session"));
    update();
}

QSize SessionTimeline::sizeHint() const
{
    return { 360, fontMetrics().height() * 3 + 10 };
}

QSize SessionTimeline::minimumSizeHint() const
{
    return { 160, fontMetrics().height() * 3 + 10 };
}

void SessionTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const QRectF track(4, line + 4, width() - 8, line * 0.8);
    // The scale runs to the role's maximum session (or the duration, if that is longer: a refused request).
    const double span = double(std::max(m_max, m_duration));
    auto xAt = [&](long long seconds) { return track.left() + track.width() * double(seconds) / span; };

    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::AlternateBase).darker(110));
    p.drawRoundedRect(track, 3, 3);
    if (m_duration > 0) {
        const bool tooLong = m_duration > m_max || (m_chained && m_duration > kChainCapSeconds);
        QColor fill = tooLong ? QColor(0xd3, 0x2f, 0x2f) : pal.color(QPalette::Highlight);
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(track.left(), track.top(), xAt(m_duration) - track.left(), track.height()), 3, 3);
    }
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(track.left(), 0, track.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
        m_duration > 0 ? tr("Issued %1").arg(clock(m_issued)) : tr("No session"));
    if (m_duration > 0)
        p.drawText(QRectF(track.left(), 0, track.width(), line), Qt::AlignRight | Qt::AlignVCenter,
            tr("expires %1").arg(clock(m_expiration)));
    const QRectF below(track.left(), track.bottom() + 2, track.width(), line);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(below, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    p.drawText(below, Qt::AlignRight | Qt::AlignVCenter, tr("role maximum %1").arg(hours(m_max)));
    if (m_chained && kChainCapSeconds < span) {
        const double x = xAt(kChainCapSeconds);
        QPen cap(QColor(0xe6, 0x51, 0x00), 2, Qt::DashLine);
        p.setPen(cap);
        p.drawLine(QPointF(x, track.top() - 2), QPointF(x, track.bottom() + 2));
        p.drawText(QRectF(x + 3, track.bottom() + 2, track.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
            tr("1 h chain cap"));
    }
}

} // namespace rd::ui
