// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The workspace browser's Organization tab: the root, OUs and accounts as the organization nests them, the SCPs and
// RCPs attached at each node, accounts the workspace does not model marked.
#include "document/OrganizationTreeModel.h"
#include "document/WorkspaceDocument.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace rd;
using Model = doc::OrganizationTreeModel;

class TestOrganizationTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheTreeWithItsPolicies();
    void marksAccountsTheWorkspaceDoesNotModel();
    void isEmptyWithoutAnOrganization();
    void findsPoliciesByAttachment();
};

namespace
{

void loadExample(doc::WorkspaceDocument &document)
{
    QString error;
    if (!document.load(QStringLiteral(RD_SOURCE_DIR "/resources/examples/organization.rdws"), &error))
        qFatal("cannot load the example: %s", qPrintable(error));
}

QStringList namesUnder(const Model &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, Model::NameColumn, parent).data().toString();
    return names;
}

QModelIndex childNamed(const Model &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, Model::NameColumn, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

} // namespace

void TestOrganizationTreeModel::showsTheTreeWithItsPolicies()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadExample(document);

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, Model::NameColumn);
    QCOMPARE(root.data().toString(), QStringLiteral("Root (r-ex12)"));
    QCOMPARE(root.data(Model::NodeIdRole).toString(), QStringLiteral("r-ex12"));
    QCOMPARE(Model::NodeKind(root.data(Model::NodeKindRole).toInt()), Model::NodeKind::Root);
    // What is attached to the root (SCPs, then RCPs), then its OUs, then its accounts.
    QCOMPARE(namesUnder(model, root),
        QStringList(
            { "SCP FullAWSAccess", "SCP DenyDeleteBucket", "RCP RCPFullAWSAccess", "Workloads (ou-ex12-workload)",
                "Sandbox (ou-ex12-sandbox1)", "management (111111111111, management account)" }));

    const QModelIndex deny = childNamed(model, root, QStringLiteral("SCP DenyDeleteBucket"));
    QCOMPARE(Model::NodeKind(deny.data(Model::NodeKindRole).toInt()), Model::NodeKind::Policy);
    QCOMPARE(deny.data(Model::NodeIdRole).toString(), QStringLiteral("p-denydelete1"));
    QCOMPARE(deny.data(Model::TargetIdRole).toString(), QStringLiteral("r-ex12"));
    QCOMPARE(model.rowCount(deny), 0);

    const QModelIndex workloads = childNamed(model, root, QStringLiteral("Workloads (ou-ex12-workload)"));
    QCOMPARE(workloads.data(Model::NodeIdRole).toString(), QStringLiteral("ou-ex12-workload"));
    QCOMPARE(namesUnder(model, workloads),
        QStringList({ "SCP FullAWSAccess", "RCP RCPFullAWSAccess", "RCP EnforceOrgIdentities", "prod (222222222222)",
            "dev (333333333333)" }));
    const QModelIndex prod = childNamed(model, workloads, QStringLiteral("prod (222222222222)"));
    QCOMPARE(prod.data(Model::NodeIdRole).toString(), QStringLiteral("222222222222"));
    QVERIFY(prod.data(Model::InWorkspaceRole).toBool());
    QCOMPARE(namesUnder(model, prod), QStringList({ "SCP FullAWSAccess", "RCP RCPFullAWSAccess" }));

    const QModelIndex sandbox = childNamed(model, root, QStringLiteral("Sandbox (ou-ex12-sandbox1)"));
    QCOMPARE(namesUnder(model, sandbox),
        QStringList({ "SCP SandboxAllowList", "RCP RCPFullAWSAccess", "sandbox (444444444444)" }));
}

void TestOrganizationTreeModel::marksAccountsTheWorkspaceDoesNotModel()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadExample(document);
    core::Workspace workspace = document.workspace();
    std::erase_if(workspace.accounts, [](const core::Account &a) { return a.accountId == "333333333333"; });
    std::erase_if(workspace.roles, [](const core::Role &r) { return r.accountId == "333333333333"; });
    document.reset(std::move(workspace));

    const QModelIndex dev = model.find(QStringLiteral("333333333333"));
    QVERIFY(dev.isValid());
    QCOMPARE(dev.data().toString(), QStringLiteral("dev (333333333333, not in the workspace)"));
    QVERIFY(!dev.data(Model::InWorkspaceRole).toBool());
    QVERIFY(dev.data(Qt::FontRole).value<QFont>().italic());
    const QModelIndex prod = model.find(QStringLiteral("222222222222"));
    QCOMPARE(prod.data().toString(), QStringLiteral("prod (222222222222)"));
    QVERIFY(!prod.data(Qt::FontRole).isValid());
}

void TestOrganizationTreeModel::isEmptyWithoutAnOrganization()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    loadExample(document);
    QCOMPARE(model.rowCount(), 1);
    core::Workspace workspace = document.workspace();
    workspace.organization.reset();
    document.reset(std::move(workspace));
    QCOMPARE(model.rowCount(), 0);
}

void TestOrganizationTreeModel::findsPoliciesByAttachment()
{
    doc::WorkspaceDocument document;
    Model model(&document);
    loadExample(document);
    // FullAWSAccess is attached at the root first (tree order), and under Workloads too.
    const QModelIndex first = model.find(QStringLiteral("p-FullAWSAccess"));
    QCOMPARE(first.data(Model::TargetIdRole).toString(), QStringLiteral("r-ex12"));
    const QModelIndex underWorkloads =
        model.find(QStringLiteral("p-FullAWSAccess"), QStringLiteral("ou-ex12-workload"));
    QCOMPARE(underWorkloads.parent().data(Model::NodeIdRole).toString(), QStringLiteral("ou-ex12-workload"));
    QVERIFY(!model.find(QStringLiteral("p-none")).isValid());
}

QTEST_GUILESS_MAIN(TestOrganizationTreeModel)
#include "TestOrganizationTreeModel.moc"
