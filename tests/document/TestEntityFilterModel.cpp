// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// One picker's list: the entries of its kinds that match the typed text, names that start with it first.
#include "document/AccountAnalysis.h"
#include "document/EntityCompletionModel.h"
#include "document/EntityFilterModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace rd;
using Model = doc::EntityCompletionModel;
using Kind = Model::Kind;

class TestEntityFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsNamesThatStartWithTheTextFirst();
    void matchesAnywhereInTheNameOrTheLabel_data();
    void matchesAnywhereInTheNameOrTheLabel();
    void matchesKeysWhenAnArnIsTyped();
    void listsTheKindsAskedFor();
    void putsPreferredKeysFirst();
    void listsTheEntriesOfOneNameToChooseFrom();
    void followsNoResetWhileInactive();

private:
    std::unique_ptr<doc::WorkspaceDocument> m_document;
    std::unique_ptr<doc::EntityFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

namespace
{

QStringList keys(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(Model::KeyRole).toString();
    return out;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data().toString();
    return out;
}

} // namespace

void TestEntityFilterModel::init()
{
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(RD_PLATFORM_WORKSPACE);
    QVERIFY(loaded.workspace);
    core::Role bob;
    bob.accountId = "111122223333";
    bob.name = "bob";
    bob.arn = "arn:aws:iam::111122223333:role/bob";
    loaded.workspace->add(std::move(bob));
    m_document = std::make_unique<doc::WorkspaceDocument>();
    m_document->reset(std::move(*loaded.workspace));
    QVERIFY(m_document->analysis()->waitForCurrent(60000));
    m_filter = std::make_unique<doc::EntityFilterModel>(m_document->entityCompletions());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filter->setActive(true);
}

void TestEntityFilterModel::cleanup()
{
    m_tester.reset();
    m_filter.reset();
    m_document.reset();
}

void TestEntityFilterModel::listsNamesThatStartWithTheTextFirst()
{
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(QStringLiteral("a"));
    const QStringList shown = names(*m_filter);
    // alice and AppRuntime start with the letter; the others only hold it (BreakGlass, carol, DataReader...).
    QCOMPARE(shown.mid(0, 2), QStringList({ QStringLiteral("alice"), QStringLiteral("AppRuntime") }));
    QVERIFY(shown.contains(QStringLiteral("BreakGlass")));
    QVERIFY(shown.contains(QStringLiteral("carol")));
    for (const QString &name : shown)
        QVERIFY2(name.contains(QLatin1Char('a'), Qt::CaseInsensitive) || name == QLatin1String("444455556666"),
            qPrintable(name)); // the partner account's label, Audit partner, holds it
    // The whole name first of all.
    m_filter->setText(QStringLiteral("developer"));
    QCOMPARE(names(*m_filter).front(), QStringLiteral("Developer"));
}

void TestEntityFilterModel::matchesAnywhereInTheNameOrTheLabel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("inside a name, in any case")
        << QStringLiteral("READ") << QStringList { QStringLiteral("arn:aws:iam::111122223333:role/DataReader") };
    QTest::addRow("the workspace's label of an external principal")
        << QStringLiteral("audit partner") << QStringList { QStringLiteral("arn:aws:iam::444455556666:root") };
    QTest::addRow("nothing") << QStringLiteral("zzz") << QStringList {};
}

void TestEntityFilterModel::matchesAnywhereInTheNameOrTheLabel()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(text);
    QCOMPARE(keys(*m_filter), expected);
}

void TestEntityFilterModel::matchesKeysWhenAnArnIsTyped()
{
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(QStringLiteral("arn:aws:iam::111122223333:role/De"));
    QCOMPARE(keys(*m_filter),
        QStringList({ QStringLiteral("arn:aws:iam::111122223333:role/Deployer"),
            QStringLiteral("arn:aws:iam::111122223333:role/Developer") }));
}

void TestEntityFilterModel::listsTheKindsAskedFor()
{
    m_filter->setKinds(Model::resourceKinds());
    m_filter->setText(QString());
    const QStringList listed = keys(*m_filter);
    // The workspace's resources first (before the patterns that statements name), and the IAM entities.
    QCOMPARE(m_filter->index(0, 0).data(Model::KindRole).toInt() == int(Kind::Pattern), false);
    for (const QString &resource : { QStringLiteral("arn:aws:s3:::example-artifacts"),
             QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"),
             QStringLiteral("arn:aws:sqs:eu-west-1:111122223333:jobs"),
             QStringLiteral("arn:aws:iam::111122223333:group/developers"),
             QStringLiteral("arn:aws:iam::111122223333:role/Developer") })
        QVERIFY2(listed.contains(resource), qPrintable(resource));
    QVERIFY(!listed.contains(QStringLiteral("lambda.amazonaws.com")));
    int firstPattern = -1;
    for (int row = 0; row < m_filter->rowCount() && firstPattern < 0; ++row) {
        if (m_filter->index(row, 0).data(Model::KindRole).toInt() == int(Kind::Pattern))
            firstPattern = row;
    }
    QVERIFY(firstPattern > listed.indexOf(QStringLiteral("arn:aws:sqs:eu-west-1:111122223333:jobs")));
    // Principals: no resource, no group.
    m_filter->setKinds(Model::principalKinds());
    const QStringList principals = keys(*m_filter);
    QVERIFY(principals.contains(QStringLiteral("lambda.amazonaws.com")));
    QVERIFY(!principals.contains(QStringLiteral("arn:aws:s3:::example-artifacts")));
    QVERIFY(!principals.contains(QStringLiteral("arn:aws:iam::111122223333:group/developers")));
}

void TestEntityFilterModel::putsPreferredKeysFirst()
{
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(QString());
    QVERIFY(keys(*m_filter).front() != QLatin1String("lambda.amazonaws.com"));
    m_filter->setPreferredKeys({ QStringLiteral("lambda.amazonaws.com") });
    QCOMPARE(keys(*m_filter).front(), QStringLiteral("lambda.amazonaws.com"));
}

void TestEntityFilterModel::listsTheEntriesOfOneNameToChooseFrom()
{
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(QStringLiteral("bo"));
    QCOMPARE(m_filter->rowCount(), 2);
    m_filter->setText(QStringLiteral("BOB"), true);
    QCOMPARE(keys(*m_filter),
        QStringList({ QStringLiteral("arn:aws:iam::111122223333:user/bob"),
            QStringLiteral("arn:aws:iam::111122223333:role/bob") }));
}

void TestEntityFilterModel::followsNoResetWhileInactive()
{
    m_filter->setKinds(Model::principalKinds());
    m_filter->setText(QStringLiteral("alic"));
    QCOMPARE(m_filter->rowCount(), 1);
    m_filter->setActive(false);
    QCOMPARE(m_filter->rowCount(), 0);
    QSignalSpy resets(m_filter.get(), &QAbstractItemModel::modelReset);
    // A rename makes the entries again; an inactive filter does not follow.
    core::User renamed = m_document->workspace().users.front();
    renamed.name = "alicia";
    renamed.arn = "arn:aws:iam::111122223333:user/alicia";
    QVERIFY(m_document->replaceEntity(renamed));
    QVERIFY(m_document->analysis()->waitForCurrent(60000));
    QCOMPARE(resets.count(), 0);
    m_filter->setActive(true);
    QCOMPARE(keys(*m_filter), QStringList { QStringLiteral("arn:aws:iam::111122223333:user/alicia") });
}

QTEST_GUILESS_MAIN(TestEntityFilterModel)

#include "TestEntityFilterModel.moc"
