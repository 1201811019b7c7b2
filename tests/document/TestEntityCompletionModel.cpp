// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The names the simulation and reach pickers complete: every user, group, role, resource and external principal of
// the analysis model with the key it stands for, and what a typed name resolves to.
#include "document/AccountAnalysis.h"
#include "document/EntityCompletionModel.h"
#include "document/WorkspaceDocument.h"
#include "rd/core/workspace/WorkspaceFile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace rd;
using Model = doc::EntityCompletionModel;
using Kind = Model::Kind;
using Status = Model::Resolution::Status;

Q_DECLARE_METATYPE(Model::Kinds)
Q_DECLARE_METATYPE(Model::Resolution::Status)

class TestEntityCompletionModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheWorkspacesNamesWithTheirKeys();
    void resolves_data();
    void resolves();
    void resetsOnlyWhenTheNodesChange();
};

namespace
{

/// The platform team's example, with a role called bob beside the user bob.
core::Workspace platformTeam()
{
    core::WorkspaceLoadResult loaded = core::loadWorkspaceFile(RD_PLATFORM_WORKSPACE);
    if (!loaded.workspace)
        qFatal("cannot read %s", RD_PLATFORM_WORKSPACE);
    core::Workspace ws = std::move(*loaded.workspace);
    core::Role bob;
    bob.accountId = "111122223333";
    bob.name = "bob";
    bob.arn = "arn:aws:iam::111122223333:role/bob";
    ws.add(std::move(bob));
    return ws;
}

/// A document holding `workspace`, its analysis model current.
void open(doc::WorkspaceDocument &document, core::Workspace workspace)
{
    document.reset(std::move(workspace));
    if (!document.analysis()->waitForCurrent(60000))
        qFatal("the analysis model was not ready");
}

int rowOfKey(const Model &model, const QString &key, Kind kind)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (index.data(Model::KeyRole).toString() == key && index.data(Model::KindRole).toInt() == int(kind))
            return row;
    }
    return -1;
}

} // namespace

void TestEntityCompletionModel::listsTheWorkspacesNamesWithTheirKeys()
{
    doc::WorkspaceDocument document;
    Model *model = document.entityCompletions();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    open(document, platformTeam());
    const struct {
        QString name;
        QString key;
        Kind kind;
        QString note;
    } expected[] = {
        { QStringLiteral("alice"), QStringLiteral("arn:aws:iam::111122223333:user/alice"), Kind::User, {} },
        { QStringLiteral("developers"), QStringLiteral("arn:aws:iam::111122223333:group/developers"), Kind::Group, {} },
        { QStringLiteral("Deployer"), QStringLiteral("arn:aws:iam::111122223333:role/Deployer"), Kind::Role, {} },
        { QStringLiteral("orders"), QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"),
            Kind::Resource, {} },
        // An external account goes by its id, and its key is the root ARN that the questions take.
        { QStringLiteral("444455556666"), QStringLiteral("arn:aws:iam::444455556666:root"), Kind::Account,
            QStringLiteral("Audit partner") },
        { QStringLiteral("lambda.amazonaws.com"), QStringLiteral("lambda.amazonaws.com"), Kind::Service, {} },
        // An OIDC provider goes by its host.
        { QStringLiteral("token.actions.githubusercontent.com"),
            QStringLiteral("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"),
            Kind::Provider, QStringLiteral("GitHub Actions") },
        // A service the program knows that the workspace does not name.
        { QStringLiteral("ec2.amazonaws.com"), QStringLiteral("ec2.amazonaws.com"), Kind::KnownService, {} },
    };
    for (const auto &e : expected) {
        const int row = rowOfKey(*model, e.key, e.kind);
        QVERIFY2(row >= 0, qPrintable(e.key));
        const QModelIndex index = model->index(row);
        QCOMPARE(index.data().toString(), e.name);
        QCOMPARE(index.data(Qt::EditRole).toString(), e.key);
        QCOMPARE(index.data(Model::NoteRole).toString(), e.note);
        QVERIFY(!index.data(Model::KindNameRole).toString().isEmpty());
    }
    // A service the workspace names is listed once, as the workspace's.
    QCOMPARE(rowOfKey(*model, QStringLiteral("lambda.amazonaws.com"), Kind::KnownService), -1);
    // Sorted by name regardless of case.
    for (int row = 1; row < model->rowCount(); ++row) {
        const QString before = model->index(row - 1).data().toString();
        const QString name = model->index(row).data().toString();
        QVERIFY2(
            QString::compare(before, name, Qt::CaseInsensitive) <= 0, qPrintable(before + QLatin1String(" > ") + name));
    }
}

void TestEntityCompletionModel::resolves_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Model::Kinds>("kinds");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("key");

    const Model::Kinds principals = Model::principalKinds();
    const Model::Kinds resources = Model::resourceKinds();
    QTest::addRow("a user's name is its ARN") << QStringLiteral("alice") << principals << Status::Name
                                              << QStringLiteral("arn:aws:iam::111122223333:user/alice");
    QTest::addRow("names are not distinguished by case (IAM API Reference, CreateUser: UserName)") << QStringLiteral(
        " ALICE ") << principals << Status::Name << QStringLiteral("arn:aws:iam::111122223333:user/alice");
    QTest::addRow("an ARN is taken as typed, known or not")
        << QStringLiteral("arn:aws:iam::999999999999:user/zed") << principals << Status::Key
        << QStringLiteral("arn:aws:iam::999999999999:user/zed");
    QTest::addRow("a pattern is taken as typed") << QStringLiteral("arn:aws:s3:::example-artifacts/*") << resources
                                                 << Status::Key << QStringLiteral("arn:aws:s3:::example-artifacts/*");
    QTest::addRow("a role and a user called bob are two principals, not a guess")
        << QStringLiteral("bob") << principals << Status::Ambiguous << QStringLiteral("bob");
    QTest::addRow("a part of a name names nothing")
        << QStringLiteral("ali") << principals << Status::Unknown << QStringLiteral("ali");
    QTest::addRow("nothing typed") << QStringLiteral("  ") << principals << Status::Empty << QString();
    QTest::addRow("a group is no principal (IAM User Guide, IAM JSON policy elements: Principal)")
        << QStringLiteral("developers") << principals << Status::Unknown << QStringLiteral("developers");
    QTest::addRow("a group is a resource") << QStringLiteral("developers") << resources << Status::Name
                                           << QStringLiteral("arn:aws:iam::111122223333:group/developers");
    QTest::addRow("a resource's name is its ARN")
        << QStringLiteral("orders") << resources << Status::Name
        << QStringLiteral("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
    QTest::addRow("a resource is no principal")
        << QStringLiteral("orders") << principals << Status::Unknown << QStringLiteral("orders");
    QTest::addRow("an account id is the account's root ARN") << QStringLiteral(
        "444455556666") << principals << Status::Name << QStringLiteral("arn:aws:iam::444455556666:root");
    QTest::addRow("a service principal is itself") << QStringLiteral("lambda.amazonaws.com") << principals
                                                   << Status::Name << QStringLiteral("lambda.amazonaws.com");
    QTest::addRow("an OIDC provider's host is its ARN")
        << QStringLiteral("token.actions.githubusercontent.com") << principals << Status::Name
        << QStringLiteral("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
    QTest::addRow("a known service only where asked for")
        << QStringLiteral("ec2.amazonaws.com") << principals << Status::Unknown << QStringLiteral("ec2.amazonaws.com");
    QTest::addRow("a known service the workspace does not name")
        << QStringLiteral("ec2.amazonaws.com") << (principals | Kind::KnownService) << Status::Name
        << QStringLiteral("ec2.amazonaws.com");
}

void TestEntityCompletionModel::resolves()
{
    QFETCH(QString, text);
    QFETCH(Model::Kinds, kinds);
    QFETCH(Status, status);
    QFETCH(QString, key);
    doc::WorkspaceDocument document;
    open(document, platformTeam());
    const Model::Resolution r = document.entityCompletions()->resolve(text, kinds);
    QCOMPARE(int(r.status), int(status));
    QCOMPARE(r.key, key);
    if (status == Status::Ambiguous) {
        QCOMPARE(r.candidates,
            QStringList({ QStringLiteral("arn:aws:iam::111122223333:user/bob"),
                QStringLiteral("arn:aws:iam::111122223333:role/bob") }));
    }
}

void TestEntityCompletionModel::resetsOnlyWhenTheNodesChange()
{
    doc::WorkspaceDocument document;
    Model *model = document.entityCompletions();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    open(document, platformTeam());
    QSignalSpy resets(model, &Model::modelReset);
    const core::RoleId id = document.workspace().roles.front().id;
    // An edit of a description moves no node: the rows stay as they are.
    document.editRole(id, QStringLiteral("Describe"), doc::RoleEditCommand::Field::Description,
        [](core::Role &role) { role.description = "described"; });
    QVERIFY(document.analysis()->waitForCurrent(60000));
    QCOMPARE(resets.count(), 0);
    // A rename changes what the rows say: they are made again, once.
    const QString before = QString::fromStdString(document.workspace().role(id)->name);
    document.editRole(id, QStringLiteral("Rename"), doc::RoleEditCommand::Field::Name,
        [](core::Role &role) { role.name = "Renamed"; });
    QVERIFY(document.analysis()->waitForCurrent(60000));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model->resolve(QStringLiteral("renamed"), Model::principalKinds()).status, Status::Name);
    QCOMPARE(model->resolve(before, Model::principalKinds()).status, Status::Unknown);
}

QTEST_GUILESS_MAIN(TestEntityCompletionModel)

#include "TestEntityCompletionModel.moc"
