// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace rd::ui
{

/// The life of a simulated session: when it is issued, when its credentials expire, the role's maximum session and,
/// for a role chain, the one-hour cap STS puts on chained sessions (IAM User Guide, "Role chaining").
class SessionTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit SessionTimeline(QWidget *parent = nullptr);

    /// Seconds: the session's duration, the role's MaxSessionDuration; `chained` draws the one-hour cap. A duration
    /// of 0 shows "no session".
    void setSession(long long durationSeconds, long long maxSessionSeconds, bool chained, const QString &issued,
        const QString &expiration);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    long long m_duration = 0;
    long long m_max = 3600;
    bool m_chained = false;
    QString m_issued;
    QString m_expiration;
};

} // namespace rd::ui
