// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/UsagePanel.h"

#include "document/UsageTableModel.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceUsage.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace rd::ui
{

namespace
{

/// The most used actions drawn in the bar chart; the table lists them all.
constexpr int kChartedActions = 12;
constexpr long long kDay = 24 * 60 * 60;

QString day(long long seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

/// A chart that follows the window's palette (light or dark) with no frame of its own.
QChart *plainChart(const QWidget *host)
{
    auto *chart = new QChart;
    const bool dark = host->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(host->palette().brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

UsagePanel::UsagePanel(doc::WorkspaceDocument *document, doc::WorkspaceUsage *usage, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_usage(usage)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_source(new QLabel(this))
    , m_generate(new QPushButton(tr("Generate Least-Privilege Policy…"), this))
    , m_tabs(new QTabWidget(this))
    , m_actionChart(new QChartView(this))
    , m_dayChart(new QChartView(this))
{
    // No logs yet: what to do about it.
    auto *emptyPage = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(emptyPage);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("How is this role really used? Import CloudTrail logs (.json or .json.gz files, or a folder "
                        "in CloudTrail's AWSLogs layout) to see its calls, who assumes it, and the permissions it "
                        "never uses."));
    auto *importButton = new QPushButton(tr("Import CloudTrail Logs…"), emptyPage);
    importButton->setObjectName(QStringLiteral("usageImportButton"));
    connect(importButton, &QPushButton::clicked, this, &UsagePanel::importRequested);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_empty);
    emptyLayout->addWidget(importButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    // The role's usage.
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("usageSummary"));
    m_source->setWordWrap(true);
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_generate->setObjectName(QStringLiteral("generatePolicyButton"));
    m_generate->setToolTip(tr("A policy that allows exactly this role's successful calls in the logs, shown beside "
                              "its current policies before anything changes"));
    connect(m_generate, &QPushButton::clicked, this, [this] { Q_EMIT generateRequested(m_role); });
    auto *top = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_heading);
    texts->addWidget(m_summary);
    texts->addWidget(m_source);
    top->addLayout(texts, 1);
    top->addWidget(m_generate, 0, Qt::AlignTop);
    layout->addLayout(top);

    m_actionChart->setRenderHint(QPainter::Antialiasing);
    m_actionChart->setMinimumHeight(160);
    m_dayChart->setRenderHint(QPainter::Antialiasing);
    const doc::UsageTableModel::View views[] = { doc::UsageTableModel::View::Actions,
        doc::UsageTableModel::View::Denied, doc::UsageTableModel::View::AssumedBy, doc::UsageTableModel::View::Unused };
    for (const auto view : views)
        m_models.push_back(new doc::UsageTableModel(view, this));
    auto *calls = new QSplitter(Qt::Horizontal, this);
    calls->addWidget(makeTable(m_models[0], 2));
    calls->addWidget(m_actionChart);
    m_actionChart->setMinimumWidth(360);
    calls->setStretchFactor(0, 1);
    calls->setStretchFactor(1, 1);
    m_tabs->addTab(calls, tr("Calls by Action"));
    m_tabs->addTab(m_dayChart, tr("Calls per Day"));
    m_tabs->addTab(makeTable(m_models[1], 2), tr("Denied"));
    m_tabs->addTab(makeTable(m_models[2], 1), tr("Assumed By"));
    m_tabs->addTab(makeTable(m_models[3], 0), tr("Never Used"));
    layout->addWidget(m_tabs, 1);

    m_stack->addWidget(emptyPage);
    m_stack->addWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_stack);

    connect(usage, &doc::WorkspaceUsage::reportChanged, this, &UsagePanel::refresh);
    connect(document, &doc::WorkspaceDocument::roleChanged, this, [this](core::RoleId id) {
        if (id == m_role)
            refresh();
    });
    refresh();
}

QTableView *UsagePanel::makeTable(doc::UsageTableModel *model, int sortColumn)
{
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    sorted->setSortRole(doc::UsageTableModel::SortRole);
    auto *table = new QTableView(this);
    table->setModel(sorted);
    table->setSortingEnabled(true);
    table->sortByColumn(sortColumn, sortColumn == 0 ? Qt::AscendingOrder : Qt::DescendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(model->columnCount() - 1, QHeaderView::Stretch);
    m_tables.push_back(table);
    return table;
}

void UsagePanel::setRole(core::RoleId id)
{
    if (id == m_role)
        return;
    m_role = id;
    refresh();
}

QString UsagePanel::summary() const
{
    return m_summary->text();
}

QTableView *UsagePanel::table(int view) const
{
    return view >= 0 && view < static_cast<int>(m_tables.size()) ? m_tables[static_cast<std::size_t>(view)] : nullptr;
}

void UsagePanel::refresh()
{
    const std::shared_ptr<const core::UsageReport> report = m_usage->report();
    const core::Role *role = m_document->workspace().role(m_role);
    if (!report) {
        m_stack->setCurrentIndex(0);
        for (doc::UsageTableModel *model : m_models)
            model->setUsage(nullptr, nullptr);
        return;
    }
    m_stack->setCurrentIndex(1);
    const core::RoleUsage *usage = role ? m_usage->roleUsage(*role) : nullptr;
    for (doc::UsageTableModel *model : m_models)
        model->setUsage(report, usage);

    const QLocale locale;
    m_source->setText((report->read.files == 1
                              ? tr("CloudTrail logs %1: 1 file").arg(m_usage->windowText())
                              : tr("CloudTrail logs %1: %2 files").arg(m_usage->windowText()).arg(report->read.files))
        + tr(", %1 records").arg(locale.toString(static_cast<qulonglong>(report->read.records))));
    m_generate->setEnabled(usage && usage->usage.used());
    if (!role) {
        m_heading->setText(tr("No role selected"));
        m_summary->setText(tr("Select a role to see how it was used."));
    } else if (!usage) {
        m_heading->setText(QString::fromStdString(role->name));
        m_summary->setText(tr("The logs were read before this role had this name or was added: no usage is known for "
                              "%1.")
                               .arg(QString::fromStdString(role->arn)));
    } else {
        m_heading->setText(QString::fromStdString(role->name));
        QStringList parts;
        if (usage->usage.used()) {
            parts << tr("Last used %1").arg(day(usage->usage.lastUsed))
                  << tr("%1 calls of %2 actions")
                         .arg(locale.toString(static_cast<qulonglong>(usage->usage.calls)))
                         .arg(usage->usage.actions.size());
        } else {
            parts << tr("Not used in these logs");
        }
        if (usage->usage.deniedCalls > 0)
            parts << tr("%1 denied").arg(locale.toString(static_cast<qulonglong>(usage->usage.deniedCalls)));
        if (usage->grantedActions > 0)
            parts << tr("%1 of %2 granted actions never used").arg(usage->unusedActions).arg(usage->grantedActions);
        if (!usage->usage.unmapped.empty())
            parts << (usage->usage.unmapped.size() == 1
                    ? tr("1 kind of call not mapped to an IAM action")
                    : tr("%1 kinds of call not mapped to an IAM action").arg(usage->usage.unmapped.size()));
        m_summary->setText(parts.join(QStringLiteral(" · ")));
    }
    m_tabs->setTabText(2, tr("Denied (%1)").arg(m_models[1]->rowCount()));
    m_tabs->setTabText(3, tr("Assumed By (%1)").arg(m_models[2]->rowCount()));
    m_tabs->setTabText(4, tr("Never Used (%1)").arg(m_models[3]->rowCount()));
    refreshCharts();
}

void UsagePanel::refreshCharts()
{
    const std::shared_ptr<const core::UsageReport> report = m_usage->report();
    const core::Role *role = m_document->workspace().role(m_role);
    const core::RoleUsage *usage = (report && role) ? m_usage->roleUsage(*role) : nullptr;

    // Calls per action: the most used at the top.
    QChart *actions = plainChart(this);
    if (usage && !usage->usage.actions.empty()) {
        const auto &used = usage->usage.actions;
        const int shown = std::min<int>(kChartedActions, static_cast<int>(used.size()));
        auto *set = new QBarSet(tr("Calls"));
        QStringList names;
        qreal most = 0;
        for (int i = shown - 1; i >= 0; --i) {
            const core::ActionUsage &action = used[static_cast<std::size_t>(i)];
            *set << static_cast<qreal>(action.count);
            most = std::max(most, static_cast<qreal>(action.count));
            names << QString::fromStdString(action.action);
        }
        set->setColor(QColor(0x2e, 0x86, 0xc1));
        auto *series = new QHorizontalBarSeries;
        series->append(set);
        series->setBarWidth(0.7);
        actions->addSeries(series);
        auto *nameAxis = new QBarCategoryAxis;
        nameAxis->append(names);
        QFont small = nameAxis->labelsFont();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        nameAxis->setLabelsFont(small);
        nameAxis->setTruncateLabels(false);
        actions->addAxis(nameAxis, Qt::AlignLeft);
        series->attachAxis(nameAxis);
        auto *counts = new QValueAxis;
        counts->setRange(0, most * 1.05);
        counts->setLabelFormat(QStringLiteral("%d"));
        counts->applyNiceNumbers();
        actions->addAxis(counts, Qt::AlignBottom);
        series->attachAxis(counts);
        actions->setTitle(static_cast<int>(used.size()) > shown
                ? tr("Calls of the %1 most used of %2 actions").arg(shown).arg(used.size())
                : tr("Calls per action"));
    } else {
        actions->setTitle(tr("No successful call"));
    }
    QChart *old = m_actionChart->chart();
    m_actionChart->setChart(actions);
    delete old;

    // Calls per day, days without calls drawn at zero.
    QChart *days = plainChart(this);
    if (usage && !usage->usage.callsPerDay.empty()) {
        const auto &perDay = usage->usage.callsPerDay;
        auto *line = new QLineSeries;
        qreal most = 0;
        std::size_t next = 0;
        for (long long d = perDay.front().day; d <= perDay.back().day; d += kDay) {
            std::uint64_t count = 0;
            if (next < perDay.size() && perDay[next].day == d)
                count = perDay[next++].count;
            line->append(static_cast<qreal>(d) * 1000.0, static_cast<qreal>(count));
            most = std::max(most, static_cast<qreal>(count));
        }
        auto *area = new QAreaSeries(line);
        area->setColor(QColor(0x2e, 0x86, 0xc1, 160));
        area->setBorderColor(QColor(0x2e, 0x86, 0xc1));
        days->addSeries(area);
        auto *time = new QDateTimeAxis;
        time->setFormat(QStringLiteral("MMM d"));
        time->setRange(QDateTime::fromSecsSinceEpoch(perDay.front().day, Qt::UTC),
            QDateTime::fromSecsSinceEpoch(std::max(perDay.back().day, perDay.front().day + kDay), Qt::UTC));
        time->setTickCount(std::min(8, static_cast<int>((perDay.back().day - perDay.front().day) / kDay) + 2));
        days->addAxis(time, Qt::AlignBottom);
        area->attachAxis(time);
        auto *counts = new QValueAxis;
        counts->setRange(0, std::max<qreal>(1, most * 1.1));
        counts->setLabelFormat(QStringLiteral("%d"));
        counts->applyNiceNumbers();
        days->addAxis(counts, Qt::AlignLeft);
        area->attachAxis(counts);
        days->setTitle(tr("Successful calls per day (UTC)"));
    } else {
        days->setTitle(tr("No successful call"));
    }
    old = m_dayChart->chart();
    m_dayChart->setChart(days);
    delete old;
}

} // namespace rd::ui
