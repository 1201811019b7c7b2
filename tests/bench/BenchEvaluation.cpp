// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// Evaluation throughput: decisions per second in process over compiled policies, and `simulate --batch` end to end
// (process start, reading, parsing, evaluating, writing) on a file of 5,000 cases.
#include "PolicyText.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/sts/StsSimulator.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace
{

using namespace rd::core;

using rd::test::compiledPolicyOf;

/// A developer role's policies: two identity policies with conditions, a permissions boundary, an SCP level.
struct TypicalCase {
    CompiledPolicy identityA = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Sid":"ReadBuckets","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
         "Resource":["arn:aws:s3:::team-data","arn:aws:s3:::team-data/*"],
         "Condition":{"StringEquals":{"aws:PrincipalTag/team":"analytics"},"Bool":{"aws:SecureTransport":"true"}}},
        {"Sid":"WriteOwnPrefix","Effect":"Allow","Action":"s3:PutObject",
         "Resource":"arn:aws:s3:::team-data/${aws:username}/*"},
        {"Sid":"DenyOutsideNetwork","Effect":"Deny","Action":"s3:*","Resource":"*",
         "Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","192.0.2.0/24"]},
                      "Bool":{"aws:ViaAWSService":"false"}}}]})",
        "identityPolicies[0]");
    CompiledPolicy identityB = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
         "Resource":"arn:aws:dynamodb:eu-west-1:111122223333:table/Orders*",
         "Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["${aws:PrincipalTag/tenant}*"]}}},
        {"Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:*:111122223333:log-group:/team/*"}]})",
        "identityPolicies[1]");
    CompiledPolicy boundary = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["s3:*","dynamodb:*","logs:*"],"Resource":"*"},
        {"Effect":"Deny","Action":"iam:*","Resource":"*"}]})",
        "permissionBoundaries[0]");
    CompiledPolicy scp = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"*","Resource":"*"},
        {"Effect":"Deny","NotAction":["iam:*","sts:*","support:*"],"Resource":"*",
         "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}}]})",
        "scps[0][0]");
    PolicySet set;

    TypicalCase()
    {
        set.identity = { &identityA, &identityB };
        set.boundary = &boundary;
        set.scps = { { &scp } };
    }
};

Request typicalRequest(int variant)
{
    Request r;
    r.principal = "arn:aws:sts::111122223333:assumed-role/Developer/alice";
    r.resourceAccount = "111122223333";
    r.context.set("aws:username", "alice");
    r.context.set("aws:PrincipalTag/team", variant % 3 == 0 ? "analytics" : "web");
    r.context.set("aws:PrincipalTag/tenant", "t42");
    r.context.set("aws:SecureTransport", "true");
    r.context.set("aws:SourceIp", variant % 4 == 0 ? "203.0.113.9" : "10.1.2.3");
    r.context.set("aws:ViaAWSService", "false");
    r.context.set("aws:RequestedRegion", "eu-west-1");
    switch (variant % 4) {
    case 0:
        r.action = "s3:GetObject";
        r.resource = "arn:aws:s3:::team-data/report.csv";
        break;
    case 1:
        r.action = "s3:PutObject";
        r.resource = "arn:aws:s3:::team-data/alice/notes.txt";
        break;
    case 2:
        r.action = "dynamodb:Query";
        r.resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders2026";
        r.context.set("dynamodb:LeadingKeys", { "t42-a", "t42-b" }, true);
        break;
    default:
        r.action = "logs:PutLogEvents";
        r.resource = "arn:aws:logs:eu-west-1:111122223333:log-group:/team/api:log-stream:1";
        break;
    }
    return r;
}

/// Decisions per second for typical requests: prepared once, evaluated many times (what reachability does).
void EvaluateTypical(benchmark::State &state)
{
    const TypicalCase policies;
    std::vector<std::unique_ptr<PreparedRequest>> requests;
    for (int i = 0; i < 8; ++i)
        requests.push_back(std::make_unique<PreparedRequest>(typicalRequest(i)));
    std::size_t i = 0;
    int allowed = 0;
    for (auto _ : state) {
        const Decision d = evaluate(policies.set, *requests[i++ & 7]);
        allowed += d == Decision::Allowed;
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["allowedShare"] = static_cast<double>(allowed) / static_cast<double>(state.iterations());
}
BENCHMARK(EvaluateTypical);

/// The same including reading the request (principal, action, resource split): one request, one decision.
void PrepareAndEvaluateTypical(benchmark::State &state)
{
    const TypicalCase policies;
    std::vector<Request> requests;
    for (int i = 0; i < 8; ++i)
        requests.push_back(typicalRequest(i));
    std::size_t i = 0;
    for (auto _ : state) {
        const PreparedRequest request(requests[i++ & 7]);
        benchmark::DoNotOptimize(evaluate(policies.set, request));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(PrepareAndEvaluateTypical);

/// Cross-account role assumption with an external id, MFA and an organization condition.
void EvaluateCrossAccountAssumeRole(benchmark::State &state)
{
    const CompiledPolicy trust = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","arn:aws:iam::777788889999:role/Ci"]},
         "Action":["sts:AssumeRole","sts:TagSession"],
         "Condition":{"StringEquals":{"sts:ExternalId":"ext-7731","aws:PrincipalOrgID":"o-abc123"},
                      "Bool":{"aws:MultiFactorAuthPresent":"true"}}}]})",
        "resourcePolicy");
    const CompiledPolicy identity = compiledPolicyOf(R"({"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/*"}]})",
        "identityPolicies[0]");
    PolicySet set;
    set.identity = { &identity };
    set.resource = &trust;
    Request r;
    r.principal = "arn:aws:iam::444455556666:user/bob";
    r.action = "sts:AssumeRole";
    r.resource = "arn:aws:iam::111122223333:role/Audit";
    r.resourceAccount = "111122223333";
    r.context.set("sts:ExternalId", "ext-7731");
    r.context.set("aws:PrincipalOrgID", "o-abc123");
    r.context.set("aws:MultiFactorAuthPresent", "true");
    const PreparedRequest request(std::move(r));
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate(set, request));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(EvaluateCrossAccountAssumeRole);

/// A decision with its explanation (every statement checked in full, near misses collected).
void EvaluateTypicalExplained(benchmark::State &state)
{
    const TypicalCase policies;
    std::vector<std::unique_ptr<PreparedRequest>> requests;
    for (int i = 0; i < 8; ++i)
        requests.push_back(std::make_unique<PreparedRequest>(typicalRequest(i)));
    std::size_t i = 0;
    Explanation explanation;
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluate(policies.set, *requests[i++ & 7], &explanation));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(EvaluateTypicalExplained);

/// The batch file: the project's evaluation corpus repeated with fresh ids up to `count` cases.
std::string makeBatchFile(std::size_t count)
{
    std::vector<std::string> lines;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(RD_TEST_DATA_DIR "/eval", ec)) {
        if (entry.path().extension() != ".jsonl")
            continue;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            if (line.find("\"id\":\"") != std::string::npos)
                lines.push_back(line);
        }
    }
    if (lines.empty()) {
        std::cerr << "no evaluation corpus under " RD_TEST_DATA_DIR "/eval\n";
        std::exit(EXIT_FAILURE);
    }
    const std::string path = (std::filesystem::temp_directory_path()
        / ("rd-bench-batch-" + std::to_string(count) + "-" + std::to_string(::getpid()) + ".jsonl"))
                                 .string();
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 0; i < count; ++i) {
        std::string line = lines[i % lines.size()];
        line.replace(line.find("\"id\":\"") + 6, 0, "r" + std::to_string(i) + "-");
        out << line << '\n';
    }
    return path;
}

/// Runs the CLI on a file, discarding its output; returns the child's peak resident set in KiB.
long runCli(const std::string &file, const char *threads = nullptr)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE *devnull = std::freopen("/dev/null", "w", stdout);
        (void)devnull;
        if (threads)
            ::execl(RD_CLI_PATH, RD_CLI_PATH, "simulate", "--batch", file.c_str(), "--threads", threads,
                static_cast<char *>(nullptr));
        else
            ::execl(RD_CLI_PATH, RD_CLI_PATH, "simulate", "--batch", file.c_str(), static_cast<char *>(nullptr));
        std::_Exit(127);
    }
    int status = 0;
    rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        std::cerr << "role-designer-cli simulate failed on " << file << '\n';
        std::abort();
    }
    return usage.ru_maxrss;
}

/// `role-designer-cli simulate --batch` end to end; items are cases.
void BatchEndToEnd(benchmark::State &state)
{
    const auto count = static_cast<std::size_t>(state.range(0));
    const std::string file = makeBatchFile(count);
    long peak = 0;
    for (auto _ : state)
        peak = std::max(peak, runCli(file));
    std::filesystem::remove(file);
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["peakRssKiB"] = static_cast<double>(peak);
}
BENCHMARK(BatchEndToEnd)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 5,000 realistic cases (about 1.8 KB each: identity, resource and trust policies, boundaries, session policies,
/// SCP and RCP levels, every condition-operator family) from `make_large_inputs batch-cases 5000 FILE 1`, written
/// once per run; "" when that generator is not there.
const std::string &realisticBatchFile()
{
    static const std::string path = [] {
        const std::string file =
            (std::filesystem::temp_directory_path() / ("rd-bench-realistic-" + std::to_string(::getpid()) + ".jsonl"))
                .string();
        const std::string command =
            std::string(RD_MAKE_LARGE_INPUTS_PATH) + " batch-cases 5000 '" + file + "' 1 >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0 || std::filesystem::file_size(file) == 0) {
            std::filesystem::remove(file);
            return std::string();
        }
        std::atexit([] { std::filesystem::remove(realisticBatchFile()); });
        return file;
    }();
    return path;
}

/// iam-simulate's cases per second on the realistic file, measured by IamSimulateRealistic (0 until it ran).
double g_iamSimulateRate = 0;

/// The reference evaluator @cloud-copilot/iam-simulate (tests/differential/package.json; AGPL, run only as an
/// external process) on the realistic cases: in process, with pre-parsed JSON, only the evaluations timed (by
/// tests/bench/iam-simulate-throughput.mjs). Skipped without node or without `npm ci` in tests/differential.
void IamSimulateRealistic(benchmark::State &state)
{
    const std::string &file = realisticBatchFile();
    if (file.empty()) {
        state.SkipWithError("make_large_inputs has no batch-cases generator");
        return;
    }
    if (std::getenv("RD_BENCH_NO_IAM_SIMULATE")) {
        state.SkipWithError("RD_BENCH_NO_IAM_SIMULATE is set");
        return;
    }
    for (auto _ : state) {
        const std::string command = "node '" RD_IAM_SIMULATE_SCRIPT "' '" + file + "' 2>/dev/null";
        std::FILE *pipe = ::popen(command.c_str(), "r");
        std::string output;
        std::array<char, 512> buffer {};
        while (pipe && std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe))
            output += buffer.data();
        const int status = pipe ? ::pclose(pipe) : -1;
        const std::size_t at = output.find("\"seconds\":");
        if (status != 0 || at == std::string::npos) {
            state.SkipWithError("node or iam-simulate is not installed (npm ci in tests/differential)");
            return;
        }
        const double seconds = std::strtod(output.c_str() + at + 10, nullptr);
        state.SetIterationTime(seconds);
        g_iamSimulateRate = 5000.0 / seconds;
    }
    state.SetItemsProcessed(state.iterations() * 5000);
}
BENCHMARK(IamSimulateRealistic)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(1);

void runRealistic(benchmark::State &state, const char *threads)
{
    const std::string &file = realisticBatchFile();
    if (file.empty()) {
        state.SkipWithError("make_large_inputs has no batch-cases generator");
        return;
    }
    long peak = 0;
    const auto start = std::chrono::steady_clock::now();
    for (auto _ : state)
        peak = std::max(peak, runCli(file, threads));
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["peakRssKiB"] = static_cast<double>(peak);
    if (g_iamSimulateRate > 0 && elapsed.count() > 0) {
        const double rate = static_cast<double>(state.iterations() * state.range(0)) / elapsed.count();
        state.counters["xIamSimulate"] = rate / g_iamSimulateRate;
    }
}
/// `role-designer-cli simulate --batch` end to end on the realistic cases, process start to exit, on every core;
/// `xIamSimulate` is how many times iam-simulate's rate that is, when IamSimulateRealistic ran first.
void BatchEndToEndRealistic(benchmark::State &state)
{
    runRealistic(state, nullptr);
}
BENCHMARK(BatchEndToEndRealistic)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The same on one thread (`--threads 1`).
void BatchEndToEndRealisticOneThread(benchmark::State &state)
{
    runRealistic(state, "1");
}
BENCHMARK(BatchEndToEndRealisticOneThread)->Arg(5000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

// The assume-role simulator: the Lambda service assumes the classic Lambda execution role, then the session's
// s3:PutObject is checked (target: one assume and check well under 1 ms).
void AssumeRoleAndCheck(benchmark::State &state)
{
    std::string error;
    std::optional<rd::core::Role> role =
        rd::core::buildRole(*rd::core::findRoleTemplate("lambda-s3-logs"), "111122223333", {}, error);
    rd::core::Workspace workspace;
    workspace.ensureAccount("111122223333");
    workspace.add(std::move(*role));
    const rd::core::StsSimulator simulator(workspace);
    rd::core::AssumeRoleRequest request;
    request.principal = "lambda.amazonaws.com";
    request.roleArns = { workspace.roles.front().arn };
    request.currentTime = 1767225600; // 2026-01-01T00:00:00Z
    std::size_t allowed = 0;
    for (auto _ : state) {
        const rd::core::AssumeRoleResult result = simulator.assume(request);
        allowed += simulator.check(result, request, "s3:PutObject", "arn:aws:s3:::my-log-bucket/a.log").decision
            == rd::core::Decision::Allowed;
    }
    state.counters["allowed"] = double(allowed) / double(state.iterations());
}
BENCHMARK(AssumeRoleAndCheck)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
