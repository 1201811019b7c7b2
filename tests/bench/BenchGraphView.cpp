// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The graph editor on generated accounts (tests/support/LargeAccount.h): what it draws (GraphProjection: the access
// graph with users folded per group, service principals and resources per service folded) and where (layoutGraph:
// Graphviz dot). Targets: projecting the 5,000-role account well under 100 ms; a 2,000-node
// drawn graph laid out and first painted in under 3 s. RD_BENCH_GRAPH_SMALL=1 shrinks the accounts fifty-fold (what
// CTest's smoke run uses).
#include "LargeAccount.h"
#include "document/AccountAnalysis.h"
#include "document/GraphLayout.h"
#include "document/GraphProjection.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/graph/AccessGraph.h"
#include "widgets/graph/GraphEditor.h"
#include "widgets/graph/GraphStyle.h"
#include "widgets/graph/GraphView.h"

#include <QApplication>
#include <QFontInfo>
#include <QScrollBar>

#include <benchmark/benchmark.h>

#include <memory>

using namespace rd;

namespace
{

/// The benchmark account of bench_graph: 5,000 roles, 2,000 users, 200 groups, 1,000 policies, 10,000 resources.
const core::AccessGraph &largeGraph()
{
    static const core::AccessGraph graph =
        core::AccessGraph::build(test::makeLargeAccount(test::LargeAccountSize::forBenchmarks({})));
    return graph;
}

/// An account whose folded projection has about 2,000 drawn nodes: the large account's generator at about a third
/// of its size (roles stay unfolded, so they make most of the drawn nodes).
const core::AccessGraph &twoThousandGraph()
{
    static const core::AccessGraph graph = core::AccessGraph::build(
        test::makeLargeAccount(test::LargeAccountSize::forBenchmarks({ 1750, 700, 70, 350, 3500 })));
    return graph;
}

const doc::GraphProjection &twoThousandProjection()
{
    static const doc::GraphProjection projection = doc::GraphProjection::project(twoThousandGraph(), {});
    return projection;
}

// The 5,000-role account as the editor first shows it (default folding).
void ProjectLargeAccount(benchmark::State &state)
{
    const core::AccessGraph &graph = largeGraph();
    std::size_t nodes = 0;
    std::size_t edges = 0;
    for (auto _ : state) {
        const doc::GraphProjection projection = doc::GraphProjection::project(graph, {});
        nodes = projection.nodes().size();
        edges = projection.edges().size();
        benchmark::DoNotOptimize(nodes);
    }
    state.counters["graph_nodes"] = static_cast<double>(graph.nodes().size());
    state.counters["graph_edges"] = static_cast<double>(graph.edges().size());
    state.counters["drawn_nodes"] = static_cast<double>(nodes);
    state.counters["drawn_edges"] = static_cast<double>(edges);
}
BENCHMARK(ProjectLargeAccount)->Unit(benchmark::kMillisecond);

// Graphviz dot on a drawn graph of about 2,000 nodes (the layout the editor runs off the GUI thread).
void LayoutTwoThousandNodes(benchmark::State &state)
{
    const doc::GraphProjection &projection = twoThousandProjection();
    doc::GraphLayoutResult layout;
    for (auto _ : state) {
        layout = doc::layoutGraph(projection);
        benchmark::DoNotOptimize(layout.positions.data());
    }
    if (!layout.error.empty())
        state.SkipWithError(layout.error.c_str());
    state.counters["drawn_nodes"] = static_cast<double>(projection.nodes().size());
    state.counters["drawn_edges"] = static_cast<double>(projection.edges().size());
    state.counters["edges_laid_out"] = static_cast<double>(layout.edgesLaidOut);
    state.counters["width_pt"] = layout.width;
    state.counters["height_pt"] = layout.height;
}
BENCHMARK(LayoutTwoThousandNodes)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

// The graph editor widget on the ~2,000-node account, shown at 1600 x 960 as in the application.
struct OpenEditor {
    doc::WorkspaceDocument document;
    ui::GraphEditor editor { &document };

    OpenEditor()
    {
        document.reset(test::makeLargeAccount(test::LargeAccountSize::forBenchmarks({ 1750, 700, 70, 350, 3500 })));
        // The whole account: the largest drawing the editor makes.
        editor.setScopeMode(doc::GraphScope::Mode::Account);
        editor.resize(1600, 960);
        editor.show();
        QApplication::processEvents();
    }
    void paint()
    {
        editor.view()->viewport()->repaint();
        QApplication::processEvents();
    }
};

// Made on first use and destroyed before the application object.
std::unique_ptr<OpenEditor> g_editor;

OpenEditor &openEditor()
{
    if (!g_editor)
        g_editor = std::make_unique<OpenEditor>();
    return *g_editor;
}

// From the workspace to the first painted frame: access graph built, projected, laid out by dot, cards and edges
// created, whole graph fitted and painted (target: a 2,000-node view laid out and painted in under 3 s).
void OpenTwoThousandNodeView(benchmark::State &state)
{
    int nodes = 0;
    int edges = 0;
    for (auto _ : state) {
        state.PauseTiming();
        // A fresh editor over the workspace each time: nothing built, nothing laid out.
        auto open = std::make_unique<OpenEditor>();
        state.ResumeTiming();
        open->editor.rebuildNow();
        open->editor.fit();
        open->paint();
        nodes = open->editor.drawnNodeCount();
        edges = open->editor.drawnEdgeCount();
        state.PauseTiming();
        open.reset();
        state.ResumeTiming();
    }
    state.counters["drawn_nodes"] = nodes;
    state.counters["drawn_edges"] = edges;
}
BENCHMARK(OpenTwoThousandNodeView)->Unit(benchmark::kMillisecond)->Iterations(1);

// One frame of panning (the view scrolled by 120 pixels, the new strip painted): whole graph in view, and at 100 %
// zoom.
void PanTwoThousandNodeView(benchmark::State &state)
{
    OpenEditor &open = openEditor();
    if (open.editor.drawnNodeCount() == 0)
        open.editor.rebuildNow();
    open.editor.fit();
    if (state.range(0) == 100)
        open.editor.view()->zoomBy(1.0 / open.editor.view()->zoom());
    QScrollBar *bar = open.editor.view()->verticalScrollBar();
    int step = 120;
    for (auto _ : state) {
        if (bar->value() + step > bar->maximum() || bar->value() + step < bar->minimum())
            step = -step;
        // As a drag or the wheel scrolls: the view moves the pixels it has and paints only the strip that came in.
        bar->setValue(bar->value() + step);
        QApplication::processEvents();
    }
}
BENCHMARK(PanTwoThousandNodeView)->Arg(0)->Arg(100)->Unit(benchmark::kMillisecond);

// One frame of zooming (a wheel notch, 15 %, in or out around the centre, then painted), from the fitted view.
void ZoomTwoThousandNodeView(benchmark::State &state)
{
    OpenEditor &open = openEditor();
    if (open.editor.drawnNodeCount() == 0)
        open.editor.rebuildNow();
    open.editor.fit();
    int notch = 0;
    for (auto _ : state) {
        // Eight notches in, eight out: from the whole graph to readable cards and back.
        open.editor.view()->zoomBy((notch++ / 8) % 2 == 0 ? 1.15 : 1.0 / 1.15);
        open.paint();
    }
}
BENCHMARK(ZoomTwoThousandNodeView)->Unit(benchmark::kMillisecond);

/// The generated account of `roles` roles (the others counts scaled alike) shown by a fresh editor in `mode`, from the
/// analysis model ready to the first painted frame. Counters: the cards drawn and the height of a card's title in
/// pixels at Fit (target: at least 9).
void firstPaint(benchmark::State &state, doc::GraphScope::Mode mode)
{
    const std::size_t roles = std::size_t(state.range(0));
    const core::Workspace workspace = test::makeLargeAccount(
        test::LargeAccountSize::forBenchmarks({ roles, roles * 2 / 5, roles / 25, roles / 5, roles * 2 }));
    double titlePx = 0;
    int nodes = 0;
    for (auto _ : state) {
        state.PauseTiming();
        doc::WorkspaceDocument document;
        document.reset(workspace);
        ui::GraphEditor editor(&document);
        editor.resize(1600, 960);
        editor.show();
        QApplication::processEvents();
        document.analysis()->waitForCurrent();
        state.ResumeTiming();
        if (mode == doc::GraphScope::Mode::Focus)
            editor.focusOnEntity(doc::EntityKind::Role, workspace.roles.front().id.value);
        else
            editor.setScopeMode(mode);
        editor.rebuildNow();
        editor.fit();
        editor.view()->viewport()->repaint();
        QApplication::processEvents();
        state.PauseTiming();
        nodes = editor.drawnNodeCount();
        titlePx =
            editor.view()->zoom() * QFontInfo(ui::GraphStyle::fromPalette(editor.palette()).labelFont).pixelSize();
        state.ResumeTiming();
    }
    state.counters["drawn_nodes"] = nodes;
    state.counters["title_px"] = titlePx;
}

// The focus scope as the window first shows it: the first role and its neighbourhood, on the generated account of
// 5,000 roles (argument 5000) or of 500 (a tenth of every count). Target: under 1 s.
void FocusFirstPaintLargeAccount(benchmark::State &state)
{
    firstPaint(state, doc::GraphScope::Mode::Focus);
}
BENCHMARK(FocusFirstPaintLargeAccount)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond)->Iterations(3);

// The overview scope: the whole account in clusters. Target: under 1.5 s.
void OverviewFirstPaintLargeAccount(benchmark::State &state)
{
    firstPaint(state, doc::GraphScope::Mode::Overview);
}
BENCHMARK(OverviewFirstPaintLargeAccount)->Arg(500)->Arg(5000)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("role-designer-bench"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_editor.reset();
    return 0;
}
