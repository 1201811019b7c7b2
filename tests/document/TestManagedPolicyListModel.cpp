// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The list the managed policy picker shows: the workspace's managed policies and every built-in AWS managed policy,
// one row per ARN, filtered as you type.
#include "CorpusFiles.h"
#include "document/ManagedPolicyListModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/catalog/AwsManagedPolicies.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#include <set>

using namespace rd;
using Model = doc::ManagedPolicyListModel;

class TestManagedPolicyListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsEveryAwsManagedPolicyWithoutAWorkspace();
    void putsTheWorkspacesPoliciesFirstOncePerArn();
    void filters_data();
    void filters();
    void typingRefiltersAtEachLetter();
    void marksAttachedPoliciesAsUnselectable();
};

namespace
{

QStringList visibleNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, Model::NameColumn).data().toString();
    return names;
}

} // namespace

void TestManagedPolicyListModel::listsEveryAwsManagedPolicyWithoutAWorkspace()
{
    Model model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto &entries = core::AwsManagedPolicies::builtin().entries();
    QCOMPARE(model.rowCount(), static_cast<int>(entries.size()));
    const rd::test::ManagedPolicyCorpus &corpus = rd::test::managedPolicyCorpus();
    QVERIFY2(corpus.ok(), corpus.error.c_str());
    QCOMPARE(static_cast<std::size_t>(model.rowCount()), corpus.files.size());
    QCOMPARE(model.columnCount(), static_cast<int>(Model::ColumnCount));
    // Sorted by name regardless of case.
    const QStringList names = visibleNames(model);
    for (int i = 1; i < names.size(); ++i)
        QVERIFY2(QString::compare(names[i - 1], names[i], Qt::CaseInsensitive) <= 0, qPrintable(names[i]));
    const int row = model.rowOf(QStringLiteral("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, Model::NameColumn).data().toString(), QStringLiteral("AWSLambdaBasicExecutionRole"));
    QCOMPARE(model.index(row, Model::KindColumn).data().toString(), QStringLiteral("AWS"));
    QCOMPARE(model.index(row, Model::PathColumn).data().toString(), QStringLiteral("/service-role/"));
    QVERIFY(model.index(row, 0).data(Model::AwsManagedRole).toBool());
    QCOMPARE(model.index(row, 0).data(Qt::ToolTipRole).toString(), model.arn(row));
    QCOMPARE(model.headerData(Model::KindColumn, Qt::Horizontal).toString(), QStringLiteral("Kind"));
    QCOMPARE(model.rowOf(QStringLiteral("arn:aws:iam::aws:policy/NoSuchPolicy")), -1);
    QCOMPARE(model.arn(-1), QString());
}

void TestManagedPolicyListModel::putsTheWorkspacesPoliciesFirstOncePerArn()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const int builtinCount = model.rowCount();

    // The GAAD fixture has one customer managed policy, AppLogs.
    QString error;
    QVERIFY2(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error),
        qPrintable(error));
    QCOMPARE(resets.count(), 1);
    std::set<std::string> arns;
    for (const core::AwsManagedPolicies::Entry &e : core::AwsManagedPolicies::builtin().entries())
        arns.insert(e.arn);
    for (const core::ManagedPolicy &p : document.workspace().policies)
        arns.insert(p.arn);
    QCOMPARE(static_cast<std::size_t>(model.rowCount()), arns.size());
    QVERIFY(model.rowCount() > builtinCount);
    QCOMPARE(model.index(0, Model::NameColumn).data().toString(), QStringLiteral("AppLogs"));
    QCOMPARE(model.index(0, Model::KindColumn).data().toString(), QStringLiteral("Customer"));
    QCOMPARE(model.arn(0), QStringLiteral("arn:aws:iam::123456789012:policy/AppLogs"));
    QVERIFY(!model.index(0, 0).data(Model::AwsManagedRole).toBool());

    // An AWS managed policy the workspace holds too is listed once, with the workspace's row.
    core::Workspace workspace;
    core::ManagedPolicy readOnly;
    readOnly.name = "ReadOnlyAccess";
    readOnly.arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    readOnly.description = "Imported";
    workspace.add(readOnly);
    document.reset(std::move(workspace));
    QCOMPARE(model.rowCount(), builtinCount);
    QCOMPARE(model.rowOf(QStringLiteral("arn:aws:iam::aws:policy/ReadOnlyAccess")), 0);
    QCOMPARE(model.index(0, Model::DescriptionColumn).data().toString(), QStringLiteral("Imported"));
}

void TestManagedPolicyListModel::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("mustShow");
    QTest::addColumn<int>("atMost");
    QTest::newRow("an empty filter shows everything") << QString() << QStringList { "AdministratorAccess" } << 100000;
    QTest::newRow("one word matches names case-insensitively")
        << QStringLiteral("lambdabasicexecution") << QStringList { "AWSLambdaBasicExecutionRole" } << 3;
    QTest::newRow("several words match in any order")
        << QStringLiteral("execution basic lambda") << QStringList { "AWSLambdaBasicExecutionRole" } << 3;
    QTest::newRow("the path is searched")
        << QStringLiteral("/job-function/ viewonly") << QStringList { "ViewOnlyAccess" } << 1;
    QTest::newRow("the ARN is searched") << QStringLiteral("policy/AdministratorAccess")
                                         << QStringList { "AdministratorAccess" } << 20;
    QTest::newRow("the workspace's customer policies are searched")
        << QStringLiteral("applogs") << QStringList { "AppLogs" } << 1;
    QTest::newRow("regular expression characters match literally")
        << QStringLiteral("Access.*(") << QStringList {} << 0;
    QTest::newRow("surrounding spaces are ignored")
        << QStringLiteral("  AdministratorAccess  ") << QStringList { "AdministratorAccess" } << 20;
    QTest::newRow("text nothing contains shows nothing")
        << QStringLiteral("zzzz-no-such-policy") << QStringList {} << 0;
}

void TestManagedPolicyListModel::filters()
{
    QFETCH(QString, text);
    QFETCH(QStringList, mustShow);
    QFETCH(int, atMost);
    doc::WorkspaceDocument document;
    QString error;
    QVERIFY2(document.load(QString::fromStdString(rd::test::testDataPath("gaad/small-account.json")), &error),
        qPrintable(error));
    Model model(&document);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(Model::SearchTextRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setFilterRegularExpression(Model::filterExpression(text));
    QVERIFY(Model::filterExpression(text).isValid());
    const QStringList names = visibleNames(proxy);
    for (const QString &name : std::as_const(mustShow))
        QVERIFY2(names.contains(name), qPrintable(names.mid(0, 10).join(QLatin1Char(','))));
    QVERIFY2(names.size() <= atMost, qPrintable(QString::number(names.size())));
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString searched = proxy.index(row, 0).data(Model::SearchTextRole).toString();
        for (const QString &word : words)
            QVERIFY2(searched.contains(word, Qt::CaseInsensitive), qPrintable(searched));
    }
}

void TestManagedPolicyListModel::typingRefiltersAtEachLetter()
{
    // Typing "lambda" into the picker refilters the whole list at each letter (bench_document's
    // FilterManagedPoliciesAsTyped measures how long that takes): each letter keeps some of the rows the one before
    // kept, and no other.
    Model model(nullptr);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(Model::SearchTextRole);
    proxy.sort(Model::NameColumn);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString word = QStringLiteral("lambda");
    QSet<QString> shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.insert(proxy.index(row, 0).data(Model::SearchTextRole).toString());
    for (int n = 1; n <= word.size(); ++n) {
        proxy.setFilterRegularExpression(Model::filterExpression(word.left(n)));
        QSet<QString> narrower;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QString searched = proxy.index(row, 0).data(Model::SearchTextRole).toString();
            QVERIFY2(shown.contains(searched), qPrintable(searched));
            QVERIFY2(searched.contains(word.left(n), Qt::CaseInsensitive), qPrintable(searched));
            narrower.insert(searched);
        }
        shown = narrower;
    }
    QVERIFY(!shown.isEmpty());
    QVERIFY(visibleNames(proxy).contains(QStringLiteral("AWSLambdaBasicExecutionRole")));
}

void TestManagedPolicyListModel::marksAttachedPoliciesAsUnselectable()
{
    Model model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QString admin = QStringLiteral("arn:aws:iam::aws:policy/AdministratorAccess");
    const int row = model.rowOf(admin);
    QVERIFY(row >= 0);
    QVERIFY(model.flags(model.index(row, 0)).testFlag(Qt::ItemIsSelectable));

    model.setMarkedArns({ admin, QStringLiteral("arn:aws:iam::111122223333:policy/NotListed") });
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.front().at(0).toModelIndex().row(), row);
    const QModelIndex index = model.index(row, Model::NameColumn);
    QVERIFY(index.data(Model::MarkedRole).toBool());
    QVERIFY(!model.flags(index).testFlag(Qt::ItemIsSelectable));
    QVERIFY(!model.flags(index).testFlag(Qt::ItemIsEnabled));
    QVERIFY(index.data().toString().contains(QStringLiteral("attached")));
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Already attached")));

    model.setMarkedArns({ admin, QStringLiteral("arn:aws:iam::111122223333:policy/NotListed") });
    QCOMPARE(changed.count(), 1);
    model.setMarkedArns({});
    QCOMPARE(changed.count(), 2);
    QVERIFY(model.flags(index).testFlag(Qt::ItemIsSelectable));
    QCOMPARE(index.data().toString(), QStringLiteral("AdministratorAccess"));
}

QTEST_MAIN(TestManagedPolicyListModel)
#include "TestManagedPolicyListModel.moc"
