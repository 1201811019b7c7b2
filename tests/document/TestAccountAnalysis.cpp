// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// AccountAnalysis: the document's one analysis model, computed off the GUI thread. Edits gather into deltas, a
// replaced workspace drops what was computed for the old one, and the model after any series of edits is the model
// built afresh from the document's workspace.
#include "LargeAccount.h"
#include "PolicyText.h"
#include "document/AccountAnalysis.h"
#include "document/EntityCommand.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/analysis/AccountModel.h"
#include "rd/core/policy/PolicyParser.h"

#include <QUndoStack>
#include <QtTest>

#include <set>
#include <string>
#include <tuple>

using namespace rd;

namespace
{

const QString kTeam = QStringLiteral(RD_TEST_DATA_DIR "/graph/team-account.rdws");
/// The generated account at an eighth of the benchmarks' size: its model takes a few hundred milliseconds.
const test::LargeAccountSize kBusyAccount { 625, 250, 25, 125, 1250 };

/// A graph as sets: node keys (with kinds) and edges (from key, to key, kind, conditional). Node and edge order may
/// differ between an updated and a rebuilt model, and a resource pattern no edge uses any more says nothing.
struct GraphSets {
    std::set<std::string> nodes;
    std::set<std::tuple<std::string, std::string, int, bool>> edges;
    friend bool operator==(const GraphSets &, const GraphSets &) = default;
};

GraphSets setsOf(const core::AccessGraph &graph)
{
    GraphSets sets;
    for (const core::GraphNode &node : graph.nodes()) {
        if (node.kind != core::GraphNodeKind::Resource || node.modelled)
            sets.nodes.insert(std::string(core::graphNodeKindName(node.kind)) + " " + node.key);
    }
    for (const core::GraphEdge &edge : graph.edges()) {
        sets.edges.insert(
            { graph.nodes()[edge.from].key, graph.nodes()[edge.to].key, int(edge.kind), edge.conditional });
    }
    return sets;
}

/// Whether the document's model is the model built afresh from its workspace.
bool equalsRebuilt(const doc::WorkspaceDocument &document)
{
    const std::shared_ptr<const core::AccountModel> model = document.analysis()->model();
    if (!model)
        return false;
    const std::shared_ptr<const core::AccountModel> rebuilt = core::AccountModel::build(document.workspace());
    const GraphSets a = setsOf(model->graph());
    const GraphSets b = setsOf(rebuilt->graph());
    if (a == b)
        return true;
    qWarning("model: %zu nodes, %zu edges; rebuilt: %zu nodes, %zu edges", a.nodes.size(), a.edges.size(),
        b.nodes.size(), b.edges.size());
    return false;
}

const core::Role *roleNamed(const doc::WorkspaceDocument &document, const std::string &name)
{
    for (const core::Role &role : document.workspace().roles) {
        if (role.name == name)
            return &role;
    }
    return nullptr;
}

/// A one-role workspace: Lambda may assume a role that writes to a bucket.
core::Workspace lambdaWorkspace()
{
    core::Workspace ws;
    ws.ensureAccount("111122223333");
    core::Role role;
    role.accountId = "111122223333";
    role.name = "LambdaLogWriter";
    role.arn = "arn:aws:iam::111122223333:role/LambdaLogWriter";
    role.trustPolicy = rd::test::policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]})");
    role.inlinePolicies.push_back(core::InlinePolicy { "logs",
        rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::my-log-bucket/app.log"}]})") });
    ws.add(std::move(role));
    return ws;
}

/// Trusts a user in `role`'s trust policy, through the undo stack.
void trustUser(doc::WorkspaceDocument &document, core::RoleId role, const std::string &userArn)
{
    document.editRole(role, QStringLiteral("Trust"), doc::RoleEditCommand::Field::Other, [&](core::Role &r) {
        const std::string text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                                 "{\"AWS\":\""
            + userArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
        r.trustPolicy.statements.push_back(rd::test::policyWithoutRangesOf(text.c_str()).statements.front());
    });
}

} // namespace

class TestAccountAnalysis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theFirstModelIsBuiltOffTheGuiThread();
    void aModelBuiltByTheReaderIsCurrentAtOnce();
    void editsInOneTurnMakeOneDelta();
    void editsMadeWhileAComputationRunsGoIntoTheNextDelta();
    void aReplacedWorkspaceDropsWhatWasComputedForTheOldOne();
    void theModelAfterEditsOfEveryKindEqualsOneBuiltAfresh();
};

void TestAccountAnalysis::theFirstModelIsBuiltOffTheGuiThread()
{
    doc::WorkspaceDocument document;
    doc::AccountAnalysis *analysis = document.analysis();
    QSignalSpy changed(analysis, &doc::AccountAnalysis::modelChanged);
    QString error;
    QVERIFY2(document.load(kTeam, &error), qPrintable(error));
    // load() returned without computing anything: the views show that the account is being analysed.
    QVERIFY(!analysis->isCurrent());
    QVERIFY(!analysis->model());
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(changed.count() >= 1);
    QCOMPARE(analysis->model()->generation(), std::uint64_t(0));
    QVERIFY(equalsRebuilt(document));
}

void TestAccountAnalysis::aModelBuiltByTheReaderIsCurrentAtOnce()
{
    // What File > Open does: the reader thread builds the model with the workspace, the document takes both.
    doc::WorkspaceDocument::LoadedFile file = doc::WorkspaceDocument::readFile(kTeam, true);
    QVERIFY(file.workspace && file.model);
    doc::WorkspaceDocument document;
    doc::AccountAnalysis *analysis = document.analysis();
    QSignalSpy changed(analysis, &doc::AccountAnalysis::modelChanged);
    QString error;
    QVERIFY2(document.adopt(std::move(file), &error), qPrintable(error));
    QVERIFY(analysis->isCurrent());
    QVERIFY(!analysis->isBusy());
    QCOMPARE(changed.count(), 1);
    QVERIFY(equalsRebuilt(document));
    // Edits after it go the usual way: a delta applied in the background.
    trustUser(document, roleNamed(document, "Deployer")->id, "arn:aws:iam::111122223333:user/erin");
    QVERIFY(!analysis->isCurrent());
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));
}

void TestAccountAnalysis::editsInOneTurnMakeOneDelta()
{
    doc::WorkspaceDocument document;
    QVERIFY(document.load(kTeam, nullptr));
    doc::AccountAnalysis *analysis = document.analysis();
    QTRY_VERIFY(analysis->isCurrent());
    QSignalSpy changed(analysis, &doc::AccountAnalysis::modelChanged);
    // Three edits of one gesture (a macro emits one signal per entity): one computation.
    const core::RoleId developer = roleNamed(document, "Deployer")->id;
    const core::RoleId webServer = roleNamed(document, "WebServer")->id;
    trustUser(document, developer, "arn:aws:iam::111122223333:user/erin");
    trustUser(document, webServer, "arn:aws:iam::111122223333:user/erin");
    document.editRole(webServer, QStringLiteral("Describe"), doc::RoleEditCommand::Field::Other,
        [](core::Role &r) { r.description = "reads data"; });
    QVERIFY(!analysis->isCurrent());
    QTRY_VERIFY(analysis->isCurrent());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(analysis->model()->generation(), std::uint64_t(1));
    QVERIFY(equalsRebuilt(document));
}

void TestAccountAnalysis::editsMadeWhileAComputationRunsGoIntoTheNextDelta()
{
    // An account large enough that its model takes a moment to compute (several times QTRY_VERIFY's 50 ms step).
    doc::WorkspaceDocument document;
    document.reset(test::makeLargeAccount(kBusyAccount));
    doc::AccountAnalysis *analysis = document.analysis();
    QTRY_VERIFY_WITH_TIMEOUT(analysis->isCurrent(), 60000);
    QSignalSpy changed(analysis, &doc::AccountAnalysis::modelChanged);
    const core::Workspace &ws = document.workspace();
    trustUser(document, ws.roles[0].id, ws.users[0].arn);
    QTRY_VERIFY(analysis->isBusy());
    // Until this thread turns its event loop again, the computation cannot hand its result over: these three edits
    // come while it runs.
    const std::uint64_t revision = analysis->revision();
    trustUser(document, ws.roles[1].id, ws.users[1].arn);
    document.undoStack()->undo();
    document.undoStack()->redo();
    QVERIFY(analysis->revision() > revision);
    QVERIFY(analysis->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(analysis->isCurrent(), 60000);
    // One model for the first edit, one for the three that came while it was computed.
    QCOMPARE(changed.count(), 2);
    QCOMPARE(analysis->model()->generation(), std::uint64_t(2));
    QVERIFY(equalsRebuilt(document));
}

void TestAccountAnalysis::aReplacedWorkspaceDropsWhatWasComputedForTheOldOne()
{
    doc::WorkspaceDocument document;
    doc::AccountAnalysis *analysis = document.analysis();
    QTRY_VERIFY(analysis->isCurrent()); // the empty workspace's
    std::vector<std::shared_ptr<const core::AccountModel>> seen;
    connect(analysis, &doc::AccountAnalysis::modelChanged, this, [&] { seen.push_back(analysis->model()); });
    document.reset(test::makeLargeAccount(kBusyAccount));
    QTRY_VERIFY(analysis->isBusy());
    // The large account is being built: another workspace replaces it before the result is handed over.
    document.reset(lambdaWorkspace());
    QTRY_VERIFY_WITH_TIMEOUT(analysis->isCurrent(), 60000);
    const GraphSets lambda = setsOf(core::AccountModel::build(document.workspace())->graph());
    QVERIFY(!seen.empty());
    for (const std::shared_ptr<const core::AccountModel> &model : seen) {
        // Null while the new workspace is being analysed; never the team account's model.
        if (model)
            QVERIFY(setsOf(model->graph()) == lambda);
    }
    QVERIFY(seen.back());
    QVERIFY(equalsRebuilt(document));
}

void TestAccountAnalysis::theModelAfterEditsOfEveryKindEqualsOneBuiltAfresh()
{
    doc::WorkspaceDocument document;
    QVERIFY(document.load(kTeam, nullptr));
    doc::AccountAnalysis *analysis = document.analysis();
    QTRY_VERIFY(analysis->isCurrent());
    QUndoStack *undo = document.undoStack();
    const core::Workspace &ws = document.workspace();
    // A role's trust policy (roleChanged).
    trustUser(document, roleNamed(document, "Deployer")->id, "arn:aws:iam::111122223333:user/carol");
    // A new role in a new account (rolesChanged, and the account).
    core::Role added;
    added.name = "Auditor";
    added.accountId = "999999999999";
    added.arn = "arn:aws:iam::999999999999:role/Auditor";
    added.trustPolicy = rd::test::policyWithoutRangesOf(
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]})");
    added.inlinePolicies.push_back(core::InlinePolicy { "read",
        rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})") });
    document.addRole(added);
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));

    // A user joins a group (entityChanged), a resource is added and another removed (entitiesChanged).
    core::User erin = *ws.user(core::UserId { 5 });
    erin.groupNames.push_back("admins");
    QVERIFY(document.replaceEntities({ doc::WorkspaceEntity { erin } }, QStringLiteral("Join")));
    core::Resource bucket;
    bucket.arn = "arn:aws:s3:::audit-logs";
    bucket.type = "AWS::S3::Bucket";
    bucket.name = "audit-logs";
    undo->push(doc::EntityCommand::add(&document, doc::WorkspaceEntity { bucket }).release());
    QVERIFY(!ws.resources.empty());
    undo->push(
        doc::EntityCommand::remove(&document, doc::EntityKind::Resource, ws.resources.front().id.value).release());
    // A customer managed policy edited, a group removed, a role removed, an external principal added.
    // A customer managed policy attached to a role, then edited (entitiesChanged, roleChanged, entityChanged).
    core::ManagedPolicy managed;
    managed.name = "ReadAll";
    managed.arn = "arn:aws:iam::111122223333:policy/ReadAll";
    managed.defaultVersionId = "v1";
    managed.versions.push_back(core::PolicyVersion { "v1", true, {},
        rd::test::policyWithoutRangesOf(
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:Query","Resource":"*"}]})") });
    undo->push(doc::EntityCommand::add(&document, doc::WorkspaceEntity { managed }).release());
    document.editRole(roleNamed(document, "CiDeploy")->id, QStringLiteral("Attach"), doc::RoleEditCommand::Field::Other,
        [&](core::Role &r) { r.attachedPolicyArns.push_back(managed.arn); });
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));
    managed = ws.policies.back();
    managed.versions.front().document.statements.front().action->values.front().value = "dynamodb:GetItem";
    undo->push(doc::EntityCommand::replace(&document, doc::WorkspaceEntity { managed }).release());
    if (!ws.groups.empty())
        undo->push(doc::EntityCommand::remove(&document, doc::EntityKind::Group, ws.groups.back().id.value).release());
    undo->push(doc::EntityCommand::remove(&document, doc::EntityKind::Role, roleNamed(document, "WebServer")->id.value)
                   .release());
    core::ExternalPrincipal partner;
    partner.kind = core::ExternalPrincipalKind::Account;
    partner.identifier = "777788889999";
    partner.name = "auditors";
    undo->push(doc::EntityCommand::add(&document, doc::WorkspaceEntity { partner }).release());
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));

    // Everything undone, one step per turn (some steps reach the analysis while a computation runs, some while none
    // does); then everything redone at once.
    while (undo->canUndo()) {
        undo->undo();
        QCoreApplication::processEvents();
    }
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));
    while (undo->canRedo())
        undo->redo();
    QTRY_VERIFY(analysis->isCurrent());
    QVERIFY(equalsRebuilt(document));
    QVERIFY(analysis->model()->generation() > 0);
}

QTEST_GUILESS_MAIN(TestAccountAnalysis)
#include "TestAccountAnalysis.moc"
