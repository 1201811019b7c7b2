// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CorpusFiles.h"
#include "ThousandRoleAccount.h"
#include "document/EntityCommand.h"
#include "document/StringConversion.h"
#include "document/WorkspaceDocument.h"
#include "document/WorkspaceTreeModel.h"
#include "rd/core/workspace/RoleTemplate.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QUndoStack>
#include <QtTest>

using namespace rd;
using doc::EntityKind;
using Model = doc::WorkspaceTreeModel;

namespace
{

QString example(const char *name)
{
    return QStringLiteral(RD_SOURCE_DIR "/resources/examples/") + QLatin1String(name);
}

// The proxy the browser puts in front of the model.
void configureFilter(QSortFilterProxyModel &proxy, Model &model)
{
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterRole(Model::FilterTextRole);
    proxy.setSortRole(Model::SortRole);
    proxy.setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy.sort(0);
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, 0, parent).data().toString();
    return names;
}

QStringList visibleEntities(const QAbstractItemModel &model)
{
    QStringList names;
    for (int section = 0; section < model.rowCount(); ++section)
        names << childNames(model, model.index(section, 0));
    return names;
}

} // namespace

class TestWorkspaceTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheExampleWorkspaces_data();
    void showsTheExampleWorkspaces();
    void marksAwsManagedPoliciesAndAccounts();
    void filterMatchesNameOrArnIgnoringCase_data();
    void filterMatchesNameOrArnIgnoringCase();
    void renameRoundTripsThroughUndo();
    void refusesInvalidNamesWithoutAnUndoStep();
    void staysValidAcrossAddRemoveAndReset();
    void largeWorkspaceIsSortedAndFiltered();
};

void TestWorkspaceTreeModel::showsTheExampleWorkspaces_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("roles");
    QTest::newRow("the Lambda logging example has one role, a bucket and the Lambda service")
        << example("lambda-logging.rdws") << QStringList { QStringLiteral("LambdaLogWriter") };
    QTest::newRow("the needs-review example has two roles and two outside principals")
        << example("needs-review.rdws") << QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") };
}

void TestWorkspaceTreeModel::showsTheExampleWorkspaces()
{
    QFETCH(QString, path);
    QFETCH(QStringList, roles);
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QString error;
    QVERIFY2(document.load(path, &error), qPrintable(error));
    QCOMPARE(reset.count(), 1);

    const core::Workspace &ws = document.workspace();
    QCOMPARE(model.rowCount(), doc::kEntityKindCount);
    const std::pair<EntityKind, std::size_t> counts[] = { { EntityKind::Account, ws.accounts.size() },
        { EntityKind::Role, ws.roles.size() }, { EntityKind::User, ws.users.size() },
        { EntityKind::Group, ws.groups.size() }, { EntityKind::Policy, ws.policies.size() },
        { EntityKind::Resource, ws.resources.size() },
        { EntityKind::ExternalPrincipal, ws.externalPrincipals.size() } };
    for (const auto &[kind, count] : counts) {
        const QModelIndex section = model.sectionIndex(kind);
        QCOMPARE(model.rowCount(section), int(count));
        QCOMPARE(section.data(Model::CountRole).toInt(), int(count));
        QVERIFY(section.data(Model::IsSectionRole).toBool());
        QVERIFY(section.data().toString().endsWith(QStringLiteral("(%1)").arg(count)));
        QCOMPARE(Model::kindOf(section), kind);
    }
    QCOMPARE(model.sectionIndex(EntityKind::Role).data().toString(), QStringLiteral("Roles (%1)").arg(roles.size()));
    QCOMPARE(childNames(model, model.sectionIndex(EntityKind::Role)), roles);

    const core::Role &first = ws.roles.front();
    const QModelIndex role = model.roleIndex(first.id);
    QVERIFY(role.isValid());
    QCOMPARE(Model::kindOf(role), EntityKind::Role);
    QCOMPARE(Model::idOf(role), quint64(first.id.value));
    QCOMPARE(role.data(Model::ArnRole).toString(), doc::toQString(first.arn));
    QVERIFY(role.data(Qt::ToolTipRole).toString().startsWith(doc::toQString(first.arn)));
    QCOMPARE(role.siblingAtColumn(Model::DetailColumn).data().toString(), doc::toQString(first.arn));
    QVERIFY(role.flags() & Qt::ItemIsEditable);
    QVERIFY(role.flags() & Qt::ItemNeverHasChildren);
    QVERIFY(!(role.siblingAtColumn(Model::DetailColumn).flags() & Qt::ItemIsEditable));
    QCOMPARE(*model.entity(role), doc::WorkspaceEntity(first));

    const QModelIndex principal = model.index(0, 0, model.sectionIndex(EntityKind::ExternalPrincipal));
    QVERIFY(principal.isValid());
    QVERIFY(!principal.siblingAtColumn(Model::DetailColumn).data().toString().isEmpty());
}

void TestWorkspaceTreeModel::marksAwsManagedPoliciesAndAccounts()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error),
        qPrintable(error));
    core::ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    document.undoStack()->push(doc::EntityCommand::add(&document, readOnly).release());

    const QModelIndex policies = model.sectionIndex(EntityKind::Policy);
    QCOMPARE(model.rowCount(policies), 2);
    QCOMPARE(policies.siblingAtColumn(Model::DetailColumn).data().toString(), QStringLiteral("1 AWS managed"));
    const QModelIndex customer = model.index(0, 0, policies);
    const QModelIndex aws = model.index(1, 0, policies);
    QCOMPARE(aws.data().toString(), QStringLiteral("ReadOnlyAccess"));
    QVERIFY(aws.data(Model::AwsManagedRole).toBool());
    QVERIFY(aws.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(aws.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("AWS managed policy")));
    QVERIFY(!(aws.flags() & Qt::ItemIsEditable));
    QVERIFY(!customer.data(Model::AwsManagedRole).toBool());
    QVERIFY(customer.flags() & Qt::ItemIsEditable);
    QCOMPARE(customer.data(Model::AccountIdRole).toString(), QStringLiteral("123456789012"));
    // Customer managed policies sort first.
    QVERIFY(customer.data(Model::SortRole).toString() < aws.data(Model::SortRole).toString());

    const QModelIndex account = model.index(0, 0, model.sectionIndex(EntityKind::Account));
    QCOMPARE(account.data(Model::AccountIdRole).toString(), QStringLiteral("123456789012"));
    QCOMPARE(Model::idOf(account), quint64(123456789012ULL));
    QCOMPARE(account.data(Model::ArnRole).toString(), QStringLiteral("arn:aws:iam::123456789012:root"));
    QVERIFY(!(account.flags() & Qt::ItemIsEditable));
    QCOMPARE(model.accountIndex(QStringLiteral("123456789012")), account);
    QVERIFY(!model.entity(account));
}

void TestWorkspaceTreeModel::filterMatchesNameOrArnIgnoringCase_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("no filter shows everything")
        << QString()
        << QStringList { QStringLiteral("example"), QStringLiteral("LambdaLogWriter"), QStringLiteral("my-log-bucket"),
               QStringLiteral("lambda.amazonaws.com") };
    QTest::newRow("a part of a name matches in any letter case")
        << QStringLiteral("logwriter") << QStringList { QStringLiteral("LambdaLogWriter") };
    QTest::newRow("a part of an ARN matches (the role's path)")
        << QStringLiteral("SERVICE-ROLE/") << QStringList { QStringLiteral("LambdaLogWriter") };
    QTest::newRow("a bucket matches by its ARN")
        << QStringLiteral("arn:aws:s3:::") << QStringList { QStringLiteral("my-log-bucket") };
    QTest::newRow("an external principal matches by its identifier")
        << QStringLiteral("amazonaws.com") << QStringList { QStringLiteral("lambda.amazonaws.com") };
    QTest::newRow("an account matches by its id, and so do the ARNs that carry it")
        << QStringLiteral("1111222233") << QStringList { QStringLiteral("example"), QStringLiteral("LambdaLogWriter") };
    QTest::newRow("a section title alone matches nothing") << QStringLiteral("Resources (") << QStringList {};
    QTest::newRow("text found nowhere hides every section") << QStringLiteral("no-such-thing") << QStringList {};
}

void TestWorkspaceTreeModel::filterMatchesNameOrArnIgnoringCase()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, visible);
    doc::WorkspaceDocument document;
    Model model(&document);
    QSortFilterProxyModel proxy;
    configureFilter(proxy, model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(example("lambda-logging.rdws"), &error), qPrintable(error));
    proxy.setFilterFixedString(filter);
    QCOMPARE(visibleEntities(proxy), visible);
    int sectionsWithRows = 0;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sectionsWithRows += proxy.rowCount(proxy.index(row, 0)) > 0 ? 1 : 0;
    QCOMPARE(proxy.rowCount(), filter.isEmpty() ? doc::kEntityKindCount : sectionsWithRows);
}

void TestWorkspaceTreeModel::renameRoundTripsThroughUndo()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(example("lambda-logging.rdws"), &error), qPrintable(error));
    const core::RoleId id = document.workspace().roles.front().id;
    const QModelIndex role = model.roleIndex(id);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QVERIFY(model.setData(role, QStringLiteral("  LogWriter ")));
    QCOMPARE(document.workspace().role(id)->name, std::string("LogWriter"));
    QCOMPARE(document.workspace().role(id)->arn, std::string("arn:aws:iam::111122223333:role/service-role/LogWriter"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename role LambdaLogWriter to LogWriter"));
    QCOMPARE(role.data().toString(), QStringLiteral("LogWriter"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), role);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), role.siblingAtColumn(Model::DetailColumn));

    document.undoStack()->undo();
    QCOMPARE(role.data().toString(), QStringLiteral("LambdaLogWriter"));
    QCOMPARE(role.siblingAtColumn(Model::DetailColumn).data().toString(),
        QStringLiteral("arn:aws:iam::111122223333:role/service-role/LambdaLogWriter"));
    document.undoStack()->redo();
    QCOMPARE(role.data().toString(), QStringLiteral("LogWriter"));

    // Other kinds go through EntityCommand; a bucket's ARN follows its name.
    const QModelIndex bucket = model.index(0, 0, model.sectionIndex(EntityKind::Resource));
    QVERIFY(model.setData(bucket, QStringLiteral("app-logs")));
    QCOMPARE(bucket.data(Model::ArnRole).toString(), QStringLiteral("arn:aws:s3:::app-logs"));
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Rename resource my-log-bucket to app-logs"));
    document.undoStack()->undo();
    QCOMPARE(bucket.data().toString(), QStringLiteral("my-log-bucket"));
    QCOMPARE(bucket.data(Model::ArnRole).toString(), QStringLiteral("arn:aws:s3:::my-log-bucket"));

    // The same name is no change and no undo step.
    const int steps = document.undoStack()->count();
    QVERIFY(model.setData(bucket, QStringLiteral("my-log-bucket")));
    QCOMPARE(document.undoStack()->count(), steps);
}

void TestWorkspaceTreeModel::refusesInvalidNamesWithoutAnUndoStep()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QString error;
    QVERIFY2(document.load(example("needs-review.rdws"), &error), qPrintable(error));
    const QModelIndex first = model.index(0, 0, model.sectionIndex(EntityKind::Role));
    QVERIFY(model.nameError(first, QStringLiteral("Ci Deploy")).contains(QStringLiteral("not a valid role name")));
    QVERIFY(!model.setData(first, QStringLiteral("Ci Deploy")));
    QVERIFY(!model.setData(first, QStringLiteral("partneraudit")));
    QVERIFY(!model.setData(first, QString()));
    QVERIFY(!model.setData(model.sectionIndex(EntityKind::Role), QStringLiteral("Everything")));
    QVERIFY(!model.setData(first.siblingAtColumn(Model::DetailColumn), QStringLiteral("arn:aws:iam::1:role/x")));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(first.data().toString(), QStringLiteral("CiDeploy"));
}

void TestWorkspaceTreeModel::staysValidAcrossAddRemoveAndReset()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QSortFilterProxyModel proxy;
    configureFilter(proxy, model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(document.load(example("needs-review.rdws"), &error), qPrintable(error));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QUndoStack *stack = document.undoStack();
    const QModelIndex users = model.sectionIndex(EntityKind::User);
    const QModelIndex roles = model.sectionIndex(EntityKind::Role);
    const QModelIndex accounts = model.sectionIndex(EntityKind::Account);

    // A user: one row in Users, nothing else moves.
    stack->push(
        doc::EntityCommand::add(&document, *doc::newEntity(EntityKind::User, "111122223333", "dave")).release());
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(0).toModelIndex(), users);
    QCOMPARE(model.rowCount(users), 1);
    QCOMPARE(users.data().toString(), QStringLiteral("Users (1)"));
    stack->undo();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(users), 0);

    // Removing the first role keeps the second one's persistent index; undo puts the row back at the top.
    const core::Role ci = document.workspace().roles.at(0);
    const QPersistentModelIndex partner = model.index(1, 0, roles);
    QCOMPARE(partner.data().toString(), QStringLiteral("PartnerAudit"));
    stack->push(doc::EntityCommand::remove(&document, EntityKind::Role, ci.id.value).release());
    QCOMPARE(model.rowCount(roles), 1);
    QCOMPARE(partner.row(), 0);
    QCOMPARE(partner.data().toString(), QStringLiteral("PartnerAudit"));
    stack->undo();
    QCOMPARE(childNames(model, roles), (QStringList { QStringLiteral("CiDeploy"), QStringLiteral("PartnerAudit") }));
    QCOMPARE(partner.row(), 1);
    QCOMPARE(model.roleIndex(ci.id).row(), 0);

    // A role of a new account through the existing AddRoleCommand: a row in Roles and one in Accounts.
    std::string reason;
    std::optional<core::Role> built =
        core::buildRole(*core::findRoleTemplate("lambda-s3-logs"), "999988887777", { { "name", "Other" } }, reason);
    QVERIFY(built);
    inserted.clear();
    removed.clear();
    document.addRole(*built);
    QCOMPARE(model.rowCount(roles), 3);
    QCOMPARE(model.rowCount(accounts), 2);
    QCOMPARE(inserted.count(), 2);
    stack->undo();
    QCOMPARE(model.rowCount(roles), 2);
    QCOMPARE(model.rowCount(accounts), 1);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(reset.count(), 0);

    // A group renamed: only its row changes.
    stack->push(
        doc::EntityCommand::add(&document, *doc::newEntity(EntityKind::Group, "111122223333", "ops")).release());
    const QModelIndex group = model.index(0, 0, model.sectionIndex(EntityKind::Group));
    QVERIFY(model.setData(group, QStringLiteral("Operators")));
    QCOMPARE(group.data().toString(), QStringLiteral("Operators"));
    QCOMPARE(group.data(Model::ArnRole).toString(), QStringLiteral("arn:aws:iam::111122223333:group/Operators"));
    stack->undo();
    QCOMPARE(group.data().toString(), QStringLiteral("ops"));
    stack->undo();
    QCOMPARE(model.rowCount(model.sectionIndex(EntityKind::Group)), 0);

    QVERIFY2(document.load(example("lambda-logging.rdws"), &error), qPrintable(error));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(childNames(model, roles), QStringList { QStringLiteral("LambdaLogWriter") });
}

void TestWorkspaceTreeModel::largeWorkspaceIsSortedAndFiltered()
{
    // An imported account of 1,000 roles and 1,000 customer managed policies (bench_document's WorkspaceTree
    // benchmarks measure how long the reset, the first fetch and the filter take).
    std::optional<core::Workspace> ws = rd::test::makeThousandRoleAccount();
    QVERIFY(ws);

    doc::WorkspaceDocument document;
    Model model(&document);
    QSortFilterProxyModel proxy;
    configureFilter(proxy, model);
    document.reset(std::move(*ws));
    // Every row's name, details, icon and tooltip through the sorting proxy.
    int rows = 0;
    for (int section = 0; section < proxy.rowCount(); ++section) {
        const QModelIndex parent = proxy.index(section, 0);
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex name = proxy.index(row, 0, parent);
            name.data();
            name.data(Qt::DecorationRole);
            name.data(Qt::ToolTipRole);
            proxy.index(row, 1, parent).data();
            ++rows;
        }
    }
    QCOMPARE(rows, 2001);
    // Sorted by name: the proxy's first role is the smallest name, not the workspace's first role.
    QCOMPARE(proxy.index(0, 0, proxy.index(1, 0)).data().toString(), QStringLiteral("Role1000"));
    proxy.setFilterFixedString(QStringLiteral("role1999"));
    QCOMPARE(visibleEntities(proxy), (QStringList { QStringLiteral("Role1999"), QStringLiteral("PolicyRole1999") }));
}

QTEST_GUILESS_MAIN(TestWorkspaceTreeModel)
#include "TestWorkspaceTreeModel.moc"
