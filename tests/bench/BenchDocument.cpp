// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The document layer's models over large inputs, without widgets: the workspace tree of a 1,000-role account behind
// the browser's sorting, filtering proxy (reset, the first fetch of every row, a filter), and the managed policy
// picker's list of every AWS managed policy refiltered as a name is typed.
#include "ThousandRoleAccount.h"
#include "document/ManagedPolicyListModel.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"

#include <QGuiApplication>
#include <QSortFilterProxyModel>

#include <benchmark/benchmark.h>

using namespace rd;

namespace
{

/// The proxy the workspace browser puts in front of the tree model.
void configureBrowserFilter(QSortFilterProxyModel &proxy, doc::WorkspaceTreeModel &model)
{
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterRole(doc::WorkspaceTreeModel::FilterTextRole);
    proxy.setSortRole(doc::WorkspaceTreeModel::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(0);
}

/// What a view asks of every row when it first shows them all: name, details, icon and tooltip, through the proxy.
int fetchEveryRow(const QAbstractItemModel &proxy)
{
    int rows = 0;
    for (int section = 0; section < proxy.rowCount(); ++section) {
        const QModelIndex parent = proxy.index(section, 0);
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex name = proxy.index(row, 0, parent);
            benchmark::DoNotOptimize(name.data());
            benchmark::DoNotOptimize(name.data(Qt::DecorationRole));
            benchmark::DoNotOptimize(name.data(Qt::ToolTipRole));
            benchmark::DoNotOptimize(proxy.index(row, 1, parent).data());
            ++rows;
        }
    }
    return rows;
}

// Opening the 1,000-role account: the document's reset until the sorted proxy has its rows.
void WorkspaceTreeReset1000Roles(benchmark::State &state)
{
    const std::optional<core::Workspace> account = test::makeThousandRoleAccount();
    if (!account) {
        state.SkipWithError("no Lambda role template");
        return;
    }
    doc::WorkspaceDocument document;
    doc::WorkspaceTreeModel model(&document);
    QSortFilterProxyModel proxy;
    configureBrowserFilter(proxy, model);
    for (auto _ : state) {
        state.PauseTiming();
        core::Workspace copy = *account;
        state.ResumeTiming();
        document.reset(std::move(copy));
        benchmark::DoNotOptimize(proxy.rowCount());
    }
}
BENCHMARK(WorkspaceTreeReset1000Roles)->Unit(benchmark::kMillisecond);

// The first full fetch of the account's 2,001 rows after a reset (sorted, as the browser shows them).
void WorkspaceTreeFirstFetch1000Roles(benchmark::State &state)
{
    const std::optional<core::Workspace> account = test::makeThousandRoleAccount();
    if (!account) {
        state.SkipWithError("no Lambda role template");
        return;
    }
    doc::WorkspaceDocument document;
    doc::WorkspaceTreeModel model(&document);
    QSortFilterProxyModel proxy;
    configureBrowserFilter(proxy, model);
    int rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        document.reset(*account);
        state.ResumeTiming();
        rows = fetchEveryRow(proxy);
    }
    state.counters["rows"] = rows;
}
BENCHMARK(WorkspaceTreeFirstFetch1000Roles)->Unit(benchmark::kMillisecond);

// The browser's filter set to one role's name, then cleared: both refilter the whole tree.
void WorkspaceTreeFilter1000Roles(benchmark::State &state)
{
    const std::optional<core::Workspace> account = test::makeThousandRoleAccount();
    if (!account) {
        state.SkipWithError("no Lambda role template");
        return;
    }
    doc::WorkspaceDocument document;
    doc::WorkspaceTreeModel model(&document);
    QSortFilterProxyModel proxy;
    configureBrowserFilter(proxy, model);
    document.reset(*account);
    for (auto _ : state) {
        proxy.setFilterFixedString(QStringLiteral("role1999"));
        benchmark::DoNotOptimize(proxy.rowCount());
        proxy.setFilterFixedString(QString());
        benchmark::DoNotOptimize(proxy.rowCount());
    }
}
BENCHMARK(WorkspaceTreeFilter1000Roles)->Unit(benchmark::kMillisecond);

// Typing "lambda" into the managed policy picker: six refilters of every AWS managed policy (about 1,600 rows), then
// the filter cleared for the next pass.
void FilterManagedPoliciesAsTyped(benchmark::State &state)
{
    using Model = doc::ManagedPolicyListModel;
    Model model(nullptr);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(Model::SearchTextRole);
    proxy.sort(Model::NameColumn);
    const QString word = QStringLiteral("lambda");
    for (auto _ : state) {
        for (qsizetype n = 1; n <= word.size(); ++n)
            proxy.setFilterRegularExpression(Model::filterExpression(word.left(n)));
        benchmark::DoNotOptimize(proxy.rowCount());
        state.PauseTiming();
        proxy.setFilterRegularExpression(QString());
        state.ResumeTiming();
    }
    state.counters["rows"] = model.rowCount();
}
BENCHMARK(FilterManagedPoliciesAsTyped)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The tree's icons and fonts need a GUI application (no window is shown).
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
