// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The access graph on a generated account (tests/support/LargeAccount.h): 5,000 roles, 2,000 users, 200 groups,
// 1,000 customer managed policies, 10,000 resources. Measures building the graph, one who-can and one what-can query,
// all-pairs reachability (what-can for every principal, in its light form Reachability::visitReach: the best path per
// reached may-act-on edge, not materialised), all pairs with full paths (Reachability::whatCan for every principal,
// each answer's path written as `reach --format text` prints it) and the peak resident set size. Targets:
// build < 5 s, a query < 100 ms, all pairs < 30 s, memory < 2 GB. RD_BENCH_GRAPH_SMALL=1 shrinks the account fifty-fold
// (what CTest's smoke run uses).
#include "LargeAccount.h"
#include "rd/core/graph/AccessGraph.h"
#include "rd/core/graph/GraphFormats.h"
#include "rd/core/graph/Reachability.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <sys/resource.h>

namespace
{

using namespace rd::core;

rd::test::LargeAccountSize accountSize()
{
    rd::test::LargeAccountSize size;
    const char *small = std::getenv("RD_BENCH_GRAPH_SMALL");
    if (small && *small && *small != '0') {
        size.roles /= 50;
        size.users /= 50;
        size.groups /= 50;
        size.policies /= 50;
        size.resources /= 50;
    }
    return size;
}

const Workspace &account()
{
    static const Workspace workspace = rd::test::makeLargeAccount(accountSize());
    return workspace;
}

const AccessGraph &graph()
{
    static const AccessGraph built = AccessGraph::build(account());
    return built;
}

double peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

void BuildGraph(benchmark::State &state)
{
    const Workspace &w = account();
    std::size_t edges = 0;
    for (auto _ : state) {
        AccessGraph g = AccessGraph::build(w);
        edges = g.edges().size();
        benchmark::DoNotOptimize(edges);
    }
    state.counters["nodes"] = static_cast<double>(graph().nodes().size());
    state.counters["edges"] = static_cast<double>(edges);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(BuildGraph)->Unit(benchmark::kMillisecond)->Iterations(3);

void WhoCanQuery(benchmark::State &state)
{
    const Reachability reach(graph());
    // The resource ARN (no wildcard) that the most statements name: a busy resource rather than an easy one.
    static const std::string resource = [] {
        std::string best;
        std::size_t most = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            const GraphNode &node = graph().nodes()[n];
            if (node.kind == GraphNodeKind::Resource && node.key.find('*') == std::string::npos
                && graph().inEdges(n).size() > most) {
                most = graph().inEdges(n).size();
                best = node.key;
            }
        }
        return best;
    }();
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = reach.whoCan(resource).size();
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(WhoCanQuery)->Unit(benchmark::kMillisecond);

void WhatCanQuery(benchmark::State &state)
{
    const Reachability reach(graph());
    // The principal with the most answers among the first users (a worst case rather than an easy one).
    static const std::size_t start = [] {
        const Reachability r(graph());
        std::size_t best = 0;
        std::size_t most = 0;
        std::size_t users = 0;
        for (std::size_t n = 0; n < graph().nodes().size() && users < 200; ++n) {
            if (graph().nodes()[n].kind != GraphNodeKind::User)
                continue;
            ++users;
            const std::size_t count = r.whatCan(n).size();
            if (count >= most) {
                most = count;
                best = n;
            }
        }
        return best;
    }();
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = reach.whatCan(start).size();
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(WhatCanQuery)->Unit(benchmark::kMillisecond);

void AllPairsReachability(benchmark::State &state)
{
    const Reachability reach(graph());
    std::size_t answers = 0;
    for (auto _ : state) {
        answers = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            if (graph().isPrincipal(n))
                reach.visitReach(n, kDefaultMaxHops, [&](std::size_t, bool, int) { ++answers; });
        }
        benchmark::DoNotOptimize(answers);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(AllPairsReachability)->Unit(benchmark::kMillisecond)->Iterations(1);

// What `reach --format text` without a query does, minus the sort and the output: every principal's whatCan (each
// answer with its shortest path: hops with their keys, condition keys and deciding statements), and each answer
// written as text. The text is dropped after each answer, so memory is the graph's and one principal's answers.
void AllPairsWithPathText(benchmark::State &state)
{
    const Reachability reach(graph());
    std::size_t answers = 0;
    std::size_t hops = 0;
    std::size_t bytes = 0;
    std::string text;
    for (auto _ : state) {
        answers = 0;
        hops = 0;
        bytes = 0;
        for (std::size_t n = 0; n < graph().nodes().size(); ++n) {
            if (!graph().isPrincipal(n))
                continue;
            for (const ReachAnswer &answer : reach.whatCan(n, kDefaultMaxHops)) {
                text.clear();
                appendReachText(text, answer);
                ++answers;
                hops += answer.path.size();
                bytes += text.size();
            }
        }
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["answers"] = static_cast<double>(answers);
    state.counters["hops"] = static_cast<double>(hops);
    state.counters["text_mb"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.counters["peak_rss_mb"] = peakRssMb();
}
BENCHMARK(AllPairsWithPathText)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
