// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/evaluation/BatchSimulation.h"

#include "evaluation/BatchCase.h"
#include "evaluation/FastCaseReader.h"
#include "json/JsonTextWriter.h"
#include "rd/core/evaluation/CompiledPolicy.h"
#include "rd/core/evaluation/Evaluator.h"
#include "rd/core/json/JsonReader.h"
#include "rd/core/policy/IamIdentifiers.h"
#include "rd/core/policy/PolicyKind.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/validation/PolicyValidator.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace rd::core
{

namespace
{

/// A malformed case: the message for its error line.
struct CaseError {
    std::string message;
};

using CaseData = BatchCase;

constexpr std::array<std::string_view, 11> kCaseFields { "id", "identityPolicies", "resourcePolicy",
    "permissionBoundaries", "sessionPolicy", "scps", "rcps", "request", "expected", "rule", "description" };
constexpr std::array<std::string_view, 5> kRequestFields { "principal", "action", "resource", "resourceAccount",
    "context" };

template <std::size_t N> bool isKnown(const std::array<std::string_view, N> &names, std::string_view key)
{
    for (std::string_view name : names) {
        if (name == key)
            return true;
    }
    return false;
}

std::optional<CaseError> compilePolicy(
    JsonValue &value, std::string label, PolicyKind kind, CaseData &data, const CompiledPolicy *&slot)
{
    if (!value.isObject())
        return CaseError { label + " must be a policy document (a JSON object), not "
            + std::string(jsonTypeName(value.type)) };
    ParseResult parsed = policyFromJson(std::move(value));
    for (const Diagnostic &d : parsed.diagnostics) {
        if (d.severity == Severity::Error)
            return CaseError { label + ": " + d.code + ": " + d.message };
    }
    if (!parsed.policy)
        return CaseError { label + " is not a policy document" };
    for (const Diagnostic &d : validateGrammar(*parsed.policy, kind)) {
        if (d.severity == Severity::Error)
            return CaseError { label + ": " + d.code + ": " + d.message };
    }
    const CompiledPolicy &compiled = *data.policies.emplace_back(
        std::make_shared<const CompiledPolicy>(CompiledPolicy::compile(*parsed.policy, std::move(label))));
    const std::vector<std::string> problems = compiled.problems();
    if (!problems.empty())
        return CaseError { compiled.name() + ": " + problems.front() };
    slot = &compiled;
    return std::nullopt;
}

std::optional<CaseError> compileList(
    JsonValue *value, std::string_view field, PolicyKind kind, CaseData &data, std::vector<const CompiledPolicy *> &out)
{
    if (!value || value->isNull())
        return std::nullopt;
    if (!value->isArray())
        return CaseError { "`" + std::string(field) + "` must be an array of policy documents" };
    for (std::size_t i = 0; i < value->elements.size(); ++i) {
        const CompiledPolicy *compiled = nullptr;
        if (auto error = compilePolicy(
                value->elements[i], std::string(field) + "[" + std::to_string(i) + "]", kind, data, compiled))
            return error;
        out.push_back(compiled);
    }
    return std::nullopt;
}

std::optional<CaseError> compileLevels(JsonValue *value, std::string_view field, PolicyKind kind, CaseData &data,
    std::vector<std::vector<const CompiledPolicy *>> &out)
{
    if (!value || value->isNull())
        return std::nullopt;
    if (!value->isArray())
        return CaseError { "`" + std::string(field)
            + "` must be an array of levels, each an array of policy documents" };
    for (std::size_t level = 0; level < value->elements.size(); ++level) {
        JsonValue &policies = value->elements[level];
        if (!policies.isArray())
            return CaseError { "`" + std::string(field) + "[" + std::to_string(level)
                + "]` must be an array of policy documents (one level of the organization)" };
        std::vector<const CompiledPolicy *> &compiledLevel = out.emplace_back();
        for (std::size_t i = 0; i < policies.elements.size(); ++i) {
            const CompiledPolicy *compiled = nullptr;
            if (auto error = compilePolicy(policies.elements[i],
                    std::string(field) + "[" + std::to_string(level) + "][" + std::to_string(i) + "]", kind, data,
                    compiled))
                return error;
            compiledLevel.push_back(compiled);
        }
    }
    return std::nullopt;
}

std::optional<CaseError> readString(const JsonValue &object, std::string_view key, bool required, std::string &out)
{
    const JsonValue *value = object.find(key);
    if (!value || (value->isNull() && !required)) {
        if (required)
            return CaseError { "`request." + std::string(key) + "` is missing" };
        return std::nullopt;
    }
    if (!value->isString())
        return CaseError { "`request." + std::string(key) + "` must be a string, not "
            + std::string(jsonTypeName(value->type)) };
    out = value->text;
    return std::nullopt;
}

// A context value: a string, or an array of strings (a multivalued key). Booleans and numbers stand for their text.
std::optional<CaseError> readContextValue(const JsonValue &value, std::string_view key, std::vector<std::string> &out)
{
    auto scalar = [&](const JsonValue &v) -> bool {
        if (v.isString() || v.isNumber())
            out.push_back(v.text);
        else if (v.isBool())
            out.emplace_back(v.boolean ? "true" : "false");
        else
            return false;
        return true;
    };
    if (value.isArray()) {
        for (const JsonValue &element : value.elements) {
            if (!scalar(element))
                return CaseError { "`request.context` key `" + std::string(key) + "` holds a "
                    + std::string(jsonTypeName(element.type)) + " in its array: use strings" };
        }
        return std::nullopt;
    }
    if (!scalar(value))
        return CaseError { "`request.context` key `" + std::string(key)
            + "` must be a string or an array of strings, not " + std::string(jsonTypeName(value.type)) };
    return std::nullopt;
}

std::optional<CaseError> readRequest(const JsonValue *value, Request &request)
{
    if (!value)
        return CaseError { "`request` is missing" };
    if (!value->isObject())
        return CaseError { "`request` must be an object" };
    for (const JsonMember &member : value->members) {
        if (!isKnown(kRequestFields, member.key))
            return CaseError { "unknown field `request." + member.key + "`" };
    }
    if (auto error = readString(*value, "principal", true, request.principal))
        return error;
    if (auto error = readString(*value, "action", true, request.action))
        return error;
    if (auto error = readString(*value, "resource", true, request.resource))
        return error;
    if (auto error = readString(*value, "resourceAccount", false, request.resourceAccount))
        return error;
    if (!request.resourceAccount.empty() && !isAccountId(request.resourceAccount))
        return CaseError { "`request.resourceAccount` must be a 12-digit account id, not `" + request.resourceAccount
            + "`" };
    if (const JsonValue *context = value->find("context"); context && !context->isNull()) {
        if (!context->isObject())
            return CaseError { "`request.context` must be an object of condition keys" };
        for (const JsonMember &member : context->members) {
            std::vector<std::string> values;
            if (auto error = readContextValue(member.value, member.key, values))
                return error;
            request.context.set(member.key, std::move(values), member.value.isArray());
        }
    }
    return std::nullopt;
}

std::optional<CaseError> readCase(JsonValue &root, CaseData &data)
{
    if (!root.isObject())
        return CaseError { "a case must be a JSON object" };
    for (const JsonMember &member : root.members) {
        if (!isKnown(kCaseFields, member.key))
            return CaseError { "unknown field `" + member.key + "`" };
    }
    if (const JsonValue *expected = root.find("expected"); expected && !expected->isNull()) {
        data.expected = expected->isString() ? decisionFromName(expected->text) : std::nullopt;
        if (!data.expected)
            return CaseError { "`expected` must be \"Allowed\", \"ImplicitlyDenied\" or \"ExplicitlyDenied\"" };
    }
    Request request;
    if (auto error = readRequest(root.find("request"), request))
        return error;
    const PreparedRequest &prepared = data.request.emplace(std::move(request));
    if (!prepared.ok())
        return CaseError { prepared.error() };
    auto member = [&](std::string_view key) { return root.find(key); };
    // A role's trust policy governs the sts:AssumeRole* family: validate it as one.
    const bool trust = prepared.isTrustPolicyAction();
    if (auto error =
            compileList(member("identityPolicies"), "identityPolicies", PolicyKind::Identity, data, data.set.identity))
        return error;
    if (JsonValue *resource = member("resourcePolicy"); resource && !resource->isNull()) {
        if (auto error = compilePolicy(
                *resource, "resourcePolicy", trust ? PolicyKind::Trust : PolicyKind::Resource, data, data.set.resource))
            return error;
    }
    std::vector<const CompiledPolicy *> boundaries;
    if (auto error =
            compileList(member("permissionBoundaries"), "permissionBoundaries", PolicyKind::Identity, data, boundaries))
        return error;
    if (boundaries.size() > 1)
        return CaseError { "`permissionBoundaries` holds " + std::to_string(boundaries.size())
            + " documents: an IAM user or role has at most one permissions boundary" };
    data.set.boundary = boundaries.empty() ? nullptr : boundaries.front();
    if (JsonValue *session = member("sessionPolicy"); session && !session->isNull()) {
        const CompiledPolicy *compiled = nullptr;
        if (auto error = compilePolicy(*session, "sessionPolicy", PolicyKind::Identity, data, compiled))
            return error;
        data.set.session.push_back(compiled);
    }
    if (auto error = compileLevels(member("scps"), "scps", PolicyKind::ServiceControl, data, data.set.scps))
        return error;
    if (auto error = compileLevels(member("rcps"), "rcps", PolicyKind::ResourceControl, data, data.set.rcps))
        return error;
    return std::nullopt;
}

void writeRange(JsonTextWriter &w, const SourceRange &range)
{
    if (!range.isValid())
        return;
    w.key("line");
    w.number(std::to_string(range.begin.line));
    w.key("column");
    w.number(std::to_string(range.begin.column));
}

void writeStatementRef(JsonTextWriter &w, const StatementRef &ref)
{
    w.key("policy");
    w.string(ref.policy);
    w.key("statement");
    w.number(std::to_string(ref.statement));
    if (!ref.sid.empty()) {
        w.key("sid");
        w.string(ref.sid);
    }
    w.key("effect");
    w.string(ref.effect == Effect::Allow ? "Allow" : "Deny");
}

void writeTrace(JsonTextWriter &w, const Explanation &explanation)
{
    w.key("trace");
    w.beginObject();
    w.key("reason");
    w.string(explanation.reason);
    w.key("deciding");
    w.beginArray();
    for (const StatementRef &ref : explanation.deciding) {
        w.beginObject();
        writeStatementRef(w, ref);
        writeRange(w, ref.range);
        w.endObject();
    }
    w.endArray();
    w.key("nearMisses");
    w.beginArray();
    for (const NearMiss &miss : explanation.nearMisses) {
        w.beginObject();
        writeStatementRef(w, miss.statement);
        w.key("failed");
        w.string(miss.element);
        w.key("detail");
        w.string(miss.detail);
        writeRange(w, miss.range);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

std::string errorLine(const std::string &id, std::size_t lineNumber, const std::string &message)
{
    JsonTextWriter w(false, 128);
    w.beginObject();
    w.key("id");
    if (id.empty())
        w.null();
    else
        w.string(id);
    w.key("line");
    w.number(std::to_string(lineNumber));
    w.key("error");
    w.string(message);
    w.endObject();
    return w.take();
}

/// What LineReader::next found.
enum class LineStatus {
    /// The end of input: no more lines.
    End,
    /// A line within the limit.
    Line,
    /// A line longer than the limit, skipped to its newline.
    TooLong,
    /// A line longer than the limit that no newline ended: the input ended, or the skip bound was reached.
    Unended,
};

/// Reads lines of at most `limit` bytes without keeping more than that in memory. A longer line is skipped to its
/// newline, reading at most `skipLimit` more bytes, so that an input without newlines (an endless stream) ends the
/// reading instead of running forever.
class LineReader
{
public:
    LineReader(std::istream &in, std::size_t limit, std::size_t skipLimit)
        : m_in(in)
        , m_limit(limit)
        , m_skipLimit(skipLimit)
    {
    }

    /// Appends the next line to `buffer` (without its newline or a trailing carriage return; nothing unless `Line`).
    LineStatus next(std::string &buffer)
    {
        const std::size_t start = buffer.size();
        bool tooLong = false;
        bool any = false;
        std::size_t skipped = 0;
        while (true) {
            if (m_pos == m_size) {
                m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
                m_size = static_cast<std::size_t>(m_in.gcount());
                m_pos = 0;
                if (m_size == 0) {
                    if (tooLong)
                        return LineStatus::Unended;
                    return any ? LineStatus::Line : LineStatus::End;
                }
            }
            any = true;
            const char *begin = m_buffer.data() + m_pos;
            const auto *newline = static_cast<const char *>(std::memchr(begin, '\n', m_size - m_pos));
            const std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : m_size - m_pos;
            if (!tooLong && buffer.size() - start + length > m_limit) {
                tooLong = true;
                buffer.resize(start);
            }
            if (tooLong)
                skipped += length;
            else
                buffer.append(begin, length);
            m_pos += length;
            if (newline) {
                ++m_pos;
                if (tooLong)
                    return LineStatus::TooLong;
                if (buffer.size() > start && buffer.back() == '\r')
                    buffer.pop_back();
                return LineStatus::Line;
            }
            if (tooLong && skipped > m_skipLimit)
                return LineStatus::Unended;
        }
    }

private:
    std::istream &m_in;
    std::size_t m_limit;
    std::size_t m_skipLimit;
    std::array<char, 1 << 16> m_buffer {};
    std::size_t m_size = 0;
    std::size_t m_pos = 0;
};

/// The result line of a case read without error. Adds to `summary`.
std::string resultLine(const BatchCase &data, const BatchOptions &options, BatchSummary &summary)
{
    Explanation explanation;
    const Decision decision = evaluate(data.set, *data.request, options.explain ? &explanation : nullptr);
    JsonTextWriter w(false, 64);
    w.beginObject();
    w.key("id");
    w.string(data.id);
    w.key("decision");
    w.string(decisionName(decision));
    if (data.expected) {
        ++summary.checked;
        if (*data.expected == decision) {
            ++summary.passed;
        } else {
            ++summary.failed;
            w.key("expected");
            w.string(decisionName(*data.expected));
        }
    }
    if (options.explain)
        writeTrace(w, explanation);
    w.endObject();
    return w.take();
}

/// Lines handed to a worker at once, and the result lines it made of them.
struct Chunk {
    struct Line {
        std::size_t offset = 0;
        std::size_t length = 0;
        std::size_t number = 0;
        /// Set for a line the reader refused (too long): its error line.
        std::string refused;
    };
    /// The lines' text, one after the other, then FastCaseReader::kPadding bytes.
    std::string text;
    std::vector<Line> lines;
    std::string output;
    BatchSummary summary;
    bool done = false;

    static constexpr std::size_t kMaxLines = 64;
    static constexpr std::size_t kMaxBytes = std::size_t { 128 } << 10;
    bool full() const { return lines.size() >= kMaxLines || text.size() >= kMaxBytes; }

    /// Empties the chunk for reuse, keeping its buffers (fresh memory costs page faults), unless a long line grew
    /// them far past the usual size.
    void clear()
    {
        if (text.capacity() > 4 * kMaxBytes)
            text = std::string();
        if (output.capacity() > 4 * kMaxBytes)
            output = std::string();
        text.clear();
        lines.clear();
        output.clear();
        summary = {};
        done = false;
    }
};

void processChunk(Chunk &chunk, FastCaseReader *fast, const BatchOptions &options)
{
    for (const Chunk::Line &line : chunk.lines) {
        if (!line.refused.empty()) {
            ++chunk.summary.cases;
            ++chunk.summary.errors;
            chunk.output += line.refused;
            chunk.output += '\n';
            continue;
        }
        const std::string_view text(chunk.text.data() + line.offset, line.length);
        if (fast) {
            BatchCase data;
            if (fast->read(text, chunk.text.size() - line.offset, data)) {
                ++chunk.summary.cases;
                ++chunk.summary.fastCases;
                chunk.output += resultLine(data, options, chunk.summary);
                chunk.output += '\n';
                continue;
            }
        }
        chunk.output += runBatchCase(text, line.number, options, chunk.summary);
        chunk.output += '\n';
    }
}

void addSummary(BatchSummary &total, const BatchSummary &part)
{
    total.cases += part.cases;
    total.checked += part.checked;
    total.passed += part.passed;
    total.failed += part.failed;
    total.errors += part.errors;
    total.fastCases += part.fastCases;
}

/// Chunks go to the workers in input order and come back to be written in the same order; at most `maxInFlight`
/// are held at once, so memory does not grow with the input. The caller's thread evaluates chunks too, while it waits
/// for the next one to write; with no workers it does all the work.
class ChunkPipeline
{
public:
    ChunkPipeline(std::size_t workers, const BatchOptions &options, std::ostream &out, BatchSummary &summary)
        : m_options(options)
        , m_out(out)
        , m_summary(summary)
        , m_maxInFlight(2 * (workers + 1) + 1)
        , m_inlineReader(makeReader())
    {
        for (std::size_t i = 0; i < workers; ++i)
            m_workers.emplace_back([this] { work(); });
    }

    ChunkPipeline(const ChunkPipeline &) = delete;
    ChunkPipeline &operator=(const ChunkPipeline &) = delete;

    ~ChunkPipeline() { stop(); }

    /// An empty chunk to fill: a written one when there is one.
    std::unique_ptr<Chunk> acquire()
    {
        const std::lock_guard lock(m_mutex);
        if (m_spare.empty())
            return std::make_unique<Chunk>();
        std::unique_ptr<Chunk> chunk = std::move(m_spare.back());
        m_spare.pop_back();
        return chunk;
    }

    void submit(std::unique_ptr<Chunk> chunk)
    {
        chunk->text.append(FastCaseReader::kPadding, ' ');
        if (m_workers.empty()) {
            processChunk(*chunk, m_inlineReader.get(), m_options);
            write(*chunk);
            chunk->clear();
            m_spare.push_back(std::move(chunk));
            return;
        }
        std::unique_lock lock(m_mutex);
        m_todo.push_back(chunk.get());
        m_inFlight.push_back(std::move(chunk));
        m_changed.notify_all();
        writeDone(lock, m_maxInFlight);
    }

    /// Writes every chunk still in flight; rethrows what a worker threw (memory running out).
    void finish()
    {
        if (!m_workers.empty()) {
            std::unique_lock lock(m_mutex);
            writeDone(lock, 1);
        }
        stop();
        // The workers have ended: m_failure is no longer written.
        if (m_failure)
            std::rethrow_exception(m_failure);
    }

private:
    std::unique_ptr<FastCaseReader> makeReader() const
    {
        // Explanations name statements and their positions: only the full reader keeps them.
        return m_options.fastReader && !m_options.explain ? std::make_unique<FastCaseReader>() : nullptr;
    }

    void write(const Chunk &chunk)
    {
        m_out << chunk.output;
        addSummary(m_summary, chunk.summary);
    }

    /// Writes the finished chunks at the front while `limit` or more are in flight; waiting for one, the caller's
    /// thread works on a chunk no worker has taken yet.
    void writeDone(std::unique_lock<std::mutex> &lock, std::size_t limit)
    {
        while (!m_inFlight.empty()) {
            if (!m_inFlight.front()->done) {
                if (m_inFlight.size() < limit)
                    return;
                if (!m_todo.empty()) {
                    Chunk *chunk = m_todo.front();
                    m_todo.pop_front();
                    lock.unlock();
                    std::exception_ptr failure;
                    try {
                        processChunk(*chunk, m_inlineReader.get(), m_options);
                    } catch (...) {
                        failure = std::current_exception();
                    }
                    lock.lock();
                    finished(*chunk, failure);
                    continue;
                }
                m_changed.wait(lock, [this] { return m_inFlight.front()->done; });
            }
            std::unique_ptr<Chunk> chunk = std::move(m_inFlight.front());
            m_inFlight.pop_front();
            const bool failed = m_failure != nullptr;
            lock.unlock();
            if (!failed)
                write(*chunk);
            chunk->clear();
            lock.lock();
            m_spare.push_back(std::move(chunk));
        }
    }

    /// Marks `chunk` processed (under m_mutex), keeping the first failure.
    void finished(Chunk &chunk, const std::exception_ptr &failure)
    {
        if (failure && !m_failure)
            m_failure = failure;
        chunk.done = true;
        m_changed.notify_all();
    }

    void work()
    {
        std::unique_ptr<FastCaseReader> reader;
        std::unique_lock lock(m_mutex);
        while (true) {
            m_changed.wait(lock, [this] { return m_stopping || !m_todo.empty(); });
            if (m_todo.empty())
                return;
            Chunk *chunk = m_todo.front();
            m_todo.pop_front();
            lock.unlock();
            std::exception_ptr failure;
            try {
                if (!reader)
                    reader = makeReader();
                processChunk(*chunk, reader.get(), m_options);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            finished(*chunk, failure);
        }
    }

    void stop()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_changed.notify_all();
        }
        for (std::thread &worker : m_workers) {
            if (worker.joinable())
                worker.join();
        }
    }

    const BatchOptions &m_options;
    std::ostream &m_out;
    BatchSummary &m_summary;
    const std::size_t m_maxInFlight;
    std::unique_ptr<FastCaseReader> m_inlineReader;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk *> m_todo;
    std::deque<std::unique_ptr<Chunk>> m_inFlight;
    /// Written chunks, for reuse; at most as many as may be in flight.
    std::vector<std::unique_ptr<Chunk>> m_spare;
    bool m_stopping = false;
    /// What a worker threw; guarded by m_mutex.
    std::exception_ptr m_failure;
};

std::size_t workerCount(const BatchOptions &options)
{
    const std::size_t threads = options.threads > 0 ? options.threads : std::thread::hardware_concurrency();
    // The caller's thread reads, writes and evaluates too: N threads are N - 1 workers and the caller.
    return std::min<std::size_t>(std::max<std::size_t>(threads, 1), 64) - 1;
}

} // namespace

std::string runBatchCase(
    std::string_view line, std::size_t lineNumber, const BatchOptions &options, BatchSummary &summary)
{
    ++summary.cases;
    JsonReadOptions readOptions;
    readOptions.maxErrors = 1;
    readOptions.maxDepth = 64;
    JsonReadResult read = readJson(line, readOptions);
    auto fail = [&](const std::string &id, const std::string &message) {
        ++summary.errors;
        return errorLine(id, lineNumber, message);
    };
    if (!read.value || !read.isExact()) {
        std::string message = "the case is not valid JSON";
        if (!read.diagnostics.empty())
            message += ": " + read.diagnostics.front().message + " (column "
                + std::to_string(read.diagnostics.front().range.begin.column) + ")";
        return fail({}, message);
    }
    for (const Diagnostic &d : read.diagnostics) {
        if (d.severity == Severity::Error)
            return fail({}, d.message);
    }
    JsonValue &root = *read.value;
    CaseData data;
    if (root.isObject()) {
        if (const JsonValue *id = root.find("id")) {
            if (id->isString() || id->isNumber())
                data.id = id->text;
        }
    }
    if (data.id.empty())
        return fail({}, "the case has no `id` (a non-empty string)");
    if (std::optional<CaseError> error = readCase(root, data))
        return fail(data.id, error->message);
    return resultLine(data, options, summary);
}

BatchSummary runBatch(std::istream &in, std::ostream &out, const BatchOptions &options)
{
    BatchSummary summary;
    {
        ChunkPipeline pipeline(workerCount(options), options, out, summary);
        LineReader reader(in, options.maxLineBytes, options.maxSkipBytes);
        std::size_t lineNumber = 0;
        std::unique_ptr<Chunk> chunk = pipeline.acquire();
        // Lines are read straight into the chunk's text.
        for (std::size_t start = chunk->text.size(); true; start = chunk->text.size()) {
            const LineStatus status = reader.next(chunk->text);
            if (status == LineStatus::End)
                break;
            ++lineNumber;
            if (status == LineStatus::TooLong || status == LineStatus::Unended) {
                const std::string limit = std::to_string(options.maxLineBytes);
                Chunk::Line &refused = chunk->lines.emplace_back();
                refused.number = lineNumber;
                if (status == LineStatus::TooLong) {
                    refused.refused =
                        errorLine({}, lineNumber, "the case is longer than " + limit + " bytes and was skipped");
                    continue;
                }
                summary.unendedLine = lineNumber;
                refused.refused = errorLine({}, lineNumber,
                    "the case is longer than " + limit + " bytes and no newline ends it: the run stopped");
                break;
            }
            const std::string_view line = std::string_view(chunk->text).substr(start);
            if (line.find_first_not_of(" \t") == std::string_view::npos) {
                chunk->text.resize(start);
                continue;
            }
            chunk->lines.push_back(Chunk::Line { start, line.size(), lineNumber, {} });
            chunk->text += '\n';
            if (chunk->full())
                pipeline.submit(std::exchange(chunk, pipeline.acquire()));
        }
        if (!chunk->lines.empty())
            pipeline.submit(std::move(chunk));
        pipeline.finish();
    }
    if (summary.checked > 0) {
        out << summary.passed << " passed, " << summary.failed << " failed";
        if (summary.errors > 0)
            out << ", " << summary.errors << " malformed";
        out << '\n';
    }
    return summary;
}

} // namespace rd::core
