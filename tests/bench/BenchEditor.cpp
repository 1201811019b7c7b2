// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The desktop app's responsiveness, measured end to end in a real (offscreen) main window: a keystroke in the JSON
// text of a 10 KB policy until the squiggles, the form, the findings and the undo history show it; opening a
// 1,000-role account export; scrolling the workspace browser. And single widgets: a typo until its squiggle (with the
// editor's pause), the workspace browser showing and filtering 1,000 roles, a role editor built.
#include "GaadFixture.h"
#include "ThousandRoleAccount.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/policy/PolicyParser.h"
#include "rd/core/policy/PolicyWriter.h"
#include "rd/core/workspace/RoleTemplate.h"
#include "widgets/analysis/SimulationPanel.h"
#include "widgets/editors/PolicyEditorPane.h"
#include "widgets/editors/PolicyJsonEditor.h"
#include "widgets/editors/RoleEditor.h"
#include "widgets/editors/RoleSummaryView.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/WorkspaceBrowser.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTreeView>

#include <benchmark/benchmark.h>

using namespace rd;

namespace
{

/// An identity policy of about 10 KB as IAM counts it: statements over several services, with conditions.
std::string tenKilobytePolicy()
{
    std::string text = R"({"Version":"2012-10-17","Statement":[)";
    for (int i = 0; text.size() < 10 * 1024; ++i) {
        if (i > 0)
            text += ',';
        text += R"({"Sid":"S)" + std::to_string(i)
            + R"(","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","dynamodb:Query","sqs:SendMessage"],)"
            + R"("Resource":["arn:aws:s3:::bucket-)" + std::to_string(i)
            + R"(/*","arn:aws:dynamodb:eu-west-1:111122223333:table/t)" + std::to_string(i)
            + R"(","arn:aws:sqs:eu-west-1:111122223333:q)" + std::to_string(i) + R"("],)"
            + R"("Condition":{"StringEquals":{"aws:PrincipalTag/team":"team-)" + std::to_string(i)
            + R"("},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}})";
    }
    text += "]}";
    return text;
}

core::Workspace workspaceWithBigPolicy()
{
    core::Workspace ws;
    ws.ensureAccount("111122223333");
    core::Role role;
    role.accountId = "111122223333";
    role.name = "BigPolicyRole";
    role.arn = "arn:aws:iam::111122223333:role/BigPolicyRole";
    core::ParseResult trust = core::parsePolicy(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    role.trustPolicy = *trust.policy;
    core::ParseResult big = core::parsePolicy(tenKilobytePolicy());
    role.inlinePolicies.push_back(core::InlinePolicy { "Big", *big.policy });
    core::clearSourceRanges(role.trustPolicy);
    core::clearSourceRanges(role.inlinePolicies.front().document);
    ws.add(std::move(role));
    return ws;
}

// One keystroke in the JSON text of a 10 KB policy, read at once (no debounce): parse, validate, squiggles, the
// undo command, the form's update, the role's findings, and the repaint of the window.
void RetypeInTenKilobytePolicy(benchmark::State &state)
{
    ui::MainWindow window;
    window.document()->reset(workspaceWithBigPolicy());
    window.resize(1280, 800);
    window.show();
    window.selectRole(QStringLiteral("BigPolicyRole"));
    window.summaryView()->showPolicy(QStringLiteral("Big"));
    QApplication::processEvents();
    ui::PolicyEditorPane *pane = window.summaryView()->pane(QStringLiteral("Big"));
    ui::PolicyJsonEditor *editor = pane->jsonEditor();
    const int at = editor->text().toUtf8().indexOf("\"S0\"") + 3;
    bool added = false;
    for (auto _ : state) {
        // Alternately type and delete one character of the first Sid: each is a real edit of the policy.
        if (!added)
            editor->SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, static_cast<unsigned long>(at), "x");
        else
            editor->SendScintilla(QsciScintillaBase::SCI_DELETERANGE, static_cast<unsigned long>(at), 1L);
        added = !added;
        pane->flushTextEdit();
        QApplication::processEvents();
    }
    state.counters["policy_bytes"] = double(editor->text().toUtf8().size());
}
BENCHMARK(RetypeInTenKilobytePolicy)->Unit(benchmark::kMillisecond);

QString gaadFile(QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("account-1000-roles.json"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        const std::string text = test::makeGaad(1000, 1000);
        file.write(text.data(), qint64(text.size()));
    }
    return path;
}

// File > Open of a 1,000-role, 1,000-policy account export until the window shows the first role.
void OpenThousandRoleAccount(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = gaadFile(dir);
    ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    for (auto _ : state) {
        QString error;
        if (!window.openFile(path, &error))
            state.SkipWithError(error.toUtf8().constData());
        QApplication::processEvents();
    }
    state.counters["roles"] = double(window.document()->workspace().roles.size());
    state.counters["file_MB"] = double(QFileInfo(path).size()) / 1e6;
}
BENCHMARK(OpenThousandRoleAccount)->Unit(benchmark::kMillisecond)->Iterations(5);

// One page down in the workspace browser of that account, painted.
void ScrollBrowserPage(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = gaadFile(dir);
    ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    QString error;
    window.openFile(path, &error);
    QApplication::processEvents();
    QAbstractItemView *view = nullptr;
    for (auto *candidate : window.findChildren<QAbstractItemView *>()) {
        if (candidate->objectName() == QLatin1String("workspaceTree")
            || candidate->objectName() == QLatin1String("roleListView"))
            view = candidate;
    }
    if (!view) {
        state.SkipWithError("no browser view");
        return;
    }
    QScrollBar *bar = view->verticalScrollBar();
    for (auto _ : state) {
        int next = bar->value() + bar->pageStep();
        if (next >= bar->maximum())
            next = 0;
        bar->setValue(next);
        view->viewport()->repaint();
    }
    state.counters["rows_range"] = double(bar->maximum());
}
BENCHMARK(ScrollBrowserPage)->Unit(benchmark::kMicrosecond);

// An edit of the trust policy until the assume-role simulation panel shows its new result (the panel runs on the
// next turn of the event loop after the edit): the Lambda example role, with an s3:PutObject check.
void SimulationFollowsTrustEdit(benchmark::State &state)
{
    ui::MainWindow window;
    QString error;
    if (!window.openFile(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error)) {
        state.SkipWithError(error.toUtf8().constData());
        return;
    }
    window.resize(1600, 960);
    window.show();
    window.showView(QStringLiteral("simulation"));
    QApplication::processEvents();
    ui::SimulationPanel *panel = window.simulationPanel();
    const core::Role &role = window.document()->workspace().roles.front();
    const doc::PolicyRef trustRef { role.id, {} };
    core::Policy lambda = role.trustPolicy;
    core::Policy ec2 = lambda;
    ec2.statements.front().principal->entries.front().values.values.front().value = "ec2.amazonaws.com";
    bool flip = false;
    int runs = 0;
    QObject::connect(panel, &ui::SimulationPanel::simulated, [&runs] { ++runs; });
    for (auto _ : state) {
        const int before = runs;
        window.document()->editPolicy(trustRef, flip ? lambda : ec2, QStringLiteral("Edit trust"), {});
        flip = !flip;
        while (runs == before)
            QApplication::processEvents();
    }
    state.counters["allowed_last"] = panel->result().allowed ? 1 : 0;
}
BENCHMARK(SimulationFollowsTrustEdit)->Unit(benchmark::kMillisecond);

// A typo typed into a policy's JSON text until its squiggle shows: the editor's pause (PolicyEditorPane::kDebounceMs)
// and then parsing, validation and the squiggles. Alternately the typo and its fix, each one keystroke.
void TypoUnderlinedAfterPause(benchmark::State &state)
{
    std::string reason;
    std::optional<core::Role> role =
        core::buildRole(*core::findRoleTemplate("lambda-s3-logs"), "111122223333", {}, reason);
    if (!role) {
        state.SkipWithError(reason.c_str());
        return;
    }
    core::Workspace workspace;
    workspace.ensureAccount("111122223333");
    const core::RoleId id = workspace.add(std::move(*role));
    doc::WorkspaceDocument document;
    document.reset(std::move(workspace));
    ui::PolicyEditorPane pane(&document, doc::PolicyRef { id, "WriteLogs" });
    pane.show();
    QApplication::processEvents();
    ui::PolicyJsonEditor *editor = pane.jsonEditor();
    int validations = 0;
    QObject::connect(&pane, &ui::PolicyEditorPane::validated, [&validations] { ++validations; });
    // After "s3:PutObj": typing "k" makes the action unknown, deleting it makes it whole again.
    const int at = editor->text().toUtf8().indexOf("PutObject") + 6;
    bool typo = false;
    for (auto _ : state) {
        const int before = validations;
        if (!typo)
            editor->SendScintilla(QsciScintillaBase::SCI_INSERTTEXT, static_cast<unsigned long>(at), "k");
        else
            editor->SendScintilla(QsciScintillaBase::SCI_DELETERANGE, static_cast<unsigned long>(at), 1L);
        typo = !typo;
        while (validations == before)
            QApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    state.counters["debounce_ms"] = ui::PolicyEditorPane::kDebounceMs;
}
BENCHMARK(TypoUnderlinedAfterPause)->Unit(benchmark::kMillisecond)->UseRealTime();

// The workspace browser, shown, given the 1,000-role account (and its 1,000 policies): from the document's reset to
// the tree painted.
void WorkspaceBrowserShows1000Roles(benchmark::State &state)
{
    const std::optional<core::Workspace> account = test::makeThousandRoleAccount();
    if (!account) {
        state.SkipWithError("no Lambda role template");
        return;
    }
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    browser.resize(320, 700);
    browser.show();
    QApplication::processEvents();
    for (auto _ : state) {
        state.PauseTiming();
        core::Workspace copy = *account;
        state.ResumeTiming();
        document.reset(std::move(copy));
        benchmark::DoNotOptimize(browser.treeView()->viewport()->grab());
    }
}
BENCHMARK(WorkspaceBrowserShows1000Roles)->Unit(benchmark::kMillisecond);

// Typing an eight-letter filter (one role's name) into the browser of that account, one refilter per letter, and the
// tree painted; then the filter cleared for the next pass.
void WorkspaceBrowserFilterTyping(benchmark::State &state)
{
    const std::optional<core::Workspace> account = test::makeThousandRoleAccount();
    if (!account) {
        state.SkipWithError("no Lambda role template");
        return;
    }
    doc::WorkspaceDocument document;
    ui::WorkspaceBrowser browser(&document);
    browser.resize(320, 700);
    browser.show();
    document.reset(*account);
    QApplication::processEvents();
    QLineEdit *filter = browser.filterEdit();
    const QString name = QStringLiteral("Role1999");
    for (auto _ : state) {
        for (qsizetype n = 1; n <= name.size(); ++n)
            filter->setText(name.left(n));
        benchmark::DoNotOptimize(browser.treeView()->viewport()->grab());
        state.PauseTiming();
        filter->clear();
        QApplication::processEvents();
        state.ResumeTiming();
    }
}
BENCHMARK(WorkspaceBrowserFilterTyping)->Unit(benchmark::kMillisecond);

// A role editor built and given a role (its boundary list offers every AWS managed policy), as when a role opens.
void BuildRoleEditor(benchmark::State &state)
{
    doc::WorkspaceDocument document;
    QString error;
    if (!document.load(QStringLiteral(RD_EXAMPLE_WORKSPACE), &error)) {
        state.SkipWithError(error.toUtf8().constData());
        return;
    }
    const core::RoleId id = document.workspace().roles.front().id;
    for (auto _ : state) {
        ui::RoleEditor editor(&document);
        editor.setRole(id);
        benchmark::DoNotOptimize(editor.isEnabled());
    }
}
BENCHMARK(BuildRoleEditor)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings of the benchmark runs stay apart from the user's.
    QApplication::setOrganizationName(QStringLiteral("role-designer-bench"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
