// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// The proposed policy beside the current one: rows, tints, summary, notes, and an Apply button that only means
// something when the texts differ.
#include "document/PolicyDiffModel.h"
#include "widgets/editors/PolicyDiffDialog.h"

#include <QColor>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace rd;

class TestPolicyDiffDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsAndTints();
    void identicalTextsCannotBeApplied();
    void notesShownAboveTheComparison();
};

void TestPolicyDiffDialog::rowsAndTints()
{
    doc::PolicyDiffModel model;
    model.setTexts(QStringLiteral("Current"), QStringLiteral("{\n  \"a\": 1,\n  \"b\": 2\n}\n"),
        QStringLiteral("Proposed"), QStringLiteral("{\n  \"a\": 1,\n  \"c\": 3,\n  \"d\": 4\n}\n"));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(
        model.headerData(doc::PolicyDiffModel::OldTextColumn, Qt::Horizontal).toString(), QStringLiteral("Current"));
    QCOMPARE(
        model.headerData(doc::PolicyDiffModel::NewTextColumn, Qt::Horizontal).toString(), QStringLiteral("Proposed"));
    // Row 2: "b" changed into "c", tinted red on the left and green on the right; row 3: "d" added.
    QCOMPARE(model.index(2, doc::PolicyDiffModel::OldTextColumn).data().toString(), QStringLiteral("  \"b\": 2"));
    QCOMPARE(model.index(2, doc::PolicyDiffModel::NewTextColumn).data().toString(), QStringLiteral("  \"c\": 3,"));
    QCOMPARE(model.index(2, doc::PolicyDiffModel::OldNumberColumn).data().toInt(), 3);
    const QColor left = model.index(2, doc::PolicyDiffModel::OldTextColumn).data(Qt::BackgroundRole).value<QColor>();
    const QColor right = model.index(2, doc::PolicyDiffModel::NewTextColumn).data(Qt::BackgroundRole).value<QColor>();
    QVERIFY(left.red() > left.green());
    QVERIFY(right.green() > right.red());
    QVERIFY(!model.index(3, doc::PolicyDiffModel::OldNumberColumn).data().isValid());
    QCOMPARE(model.index(3, doc::PolicyDiffModel::NewTextColumn).data().toString(), QStringLiteral("  \"d\": 4"));
    QVERIFY(!model.index(0, doc::PolicyDiffModel::OldTextColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.summary(), QStringLiteral("1 line removed, 2 added"));
}

void TestPolicyDiffDialog::identicalTextsCannotBeApplied()
{
    ui::PolicyDiffDialog dialog;
    dialog.setComparison(QStringLiteral("Same"), QStringLiteral("Current"), QStringLiteral("{}\n"),
        QStringLiteral("Proposed"), QStringLiteral("{}\n"), QStringLiteral("Replace"));
    QVERIFY(!dialog.applyButton()->isEnabled());
    QCOMPARE(dialog.model()->summary(), QStringLiteral("No difference"));
    dialog.setComparison(QStringLiteral("Different"), QStringLiteral("Current"), QStringLiteral("{}\n"),
        QStringLiteral("Proposed"), QStringLiteral("{\n}\n"), QStringLiteral("Replace"));
    QVERIFY(dialog.applyButton()->isEnabled());
    QCOMPARE(dialog.applyButton()->text(), QStringLiteral("Replace"));
    // Return accepts: the caller applies the proposal.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPolicyDiffDialog::notesShownAboveTheComparison()
{
    ui::PolicyDiffDialog dialog;
    dialog.setNotes({ QStringLiteral("Fill in the ARN") });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    bool found = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        found = found || (label->isVisible() && label->text().contains(QStringLiteral("Fill in the ARN")));
    QVERIFY(found);
}

QTEST_MAIN(TestPolicyDiffDialog)
#include "TestPolicyDiffDialog.moc"
