// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/editors/ArnBuilderDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QtTest>

using namespace rd;

class TestArnBuilderDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offersTheObjectTypeForPutObject();
    void buildsArnsWithTheDefaults_data();
    void buildsArnsWithTheDefaults();
    void explainsStarForActionsWithoutResourceTypes();
    void offersStarBesideTypesForMixedActions();
    void namesUnknownActions();
    void withoutActionsOffersOnlyStar();
    void keepsPlaceholderValuesAcrossTypes();
    void okReturnsTheArn();
    void fillsPatterns_data();
    void fillsPatterns();
};

void TestArnBuilderDialog::offersTheObjectTypeForPutObject()
{
    ui::ArnBuilderDialog dialog({ QStringLiteral("s3:PutObject") }, QStringLiteral("111122223333"));
    const QStringList types = dialog.resourceTypes();
    // Service Authorization Reference, Amazon S3: PutObject takes the accesspointobject and object types.
    QVERIFY2(types.contains(QStringLiteral("s3:object")), qPrintable(types.join(u',')));
    QVERIFY(types.contains(QStringLiteral("s3:accesspointobject")));
    QVERIFY(!types.contains(QStringLiteral("*")));
    // The simplest format is offered first.
    QCOMPARE(types.first(), QStringLiteral("s3:object"));
    QCOMPARE(dialog.arnPattern(), QStringLiteral("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
    QVERIFY(dialog.selectResourceType(QStringLiteral("s3:object")));
    QCOMPARE(dialog.arnPattern(), QStringLiteral("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("resourceTypeList"));
    QVERIFY(list);
    QVERIFY(list->currentItem()->text().contains(QStringLiteral("arn:${Partition}:s3:::${BucketName}/${ObjectName}")));

    QLineEdit *partition = dialog.findChild<QLineEdit *>(QStringLiteral("partitionLineEdit"));
    QVERIFY(partition);
    QCOMPARE(partition->text(), QStringLiteral("aws"));
    auto *bucket = dialog.findChild<QLineEdit *>(QStringLiteral("bucketNameLineEdit"));
    QVERIFY(bucket);
    QCOMPARE(dialog.placeholderEdit(QStringLiteral("BucketName")), bucket);
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("objectNameLineEdit")));
    QTest::keyClicks(bucket, QStringLiteral("my-log-bucket"));
    QCOMPARE(dialog.arn(), QStringLiteral("arn:aws:s3:::my-log-bucket/*"));
    auto *preview = dialog.findChild<QLineEdit *>(QStringLiteral("arnPreviewLineEdit"));
    QCOMPARE(preview->text(), QStringLiteral("arn:aws:s3:::my-log-bucket/*"));
    QVERIFY(preview->isReadOnly());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("noResourceTypeLabel"))->isVisibleTo(&dialog));
}

void TestArnBuilderDialog::buildsArnsWithTheDefaults_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("expected");
    QTest::addRow("the role's account fills ${Account} of an IAM role") << "iam:PassRole"
                                                                        << "iam:role"
                                                                        << "111122223333"
                                                                        << "arn:aws:iam::111122223333:role/*";
    QTest::addRow("Region defaults to any region") << "lambda:InvokeFunction"
                                                   << "lambda:function"
                                                   << "111122223333"
                                                   << "arn:aws:lambda:*:111122223333:function:*";
    QTest::addRow("without a role account ${Account} is a wildcard") << "lambda:InvokeFunction"
                                                                     << "lambda:function"
                                                                     << ""
                                                                     << "arn:aws:lambda:*:*:function:*";
    QTest::addRow("a wildcard action offers the types of the actions it matches") << "s3:Put*"
                                                                                  << "s3:bucket"
                                                                                  << ""
                                                                                  << "arn:aws:s3:::*";
    QTest::addRow("action names are case-insensitive") << "S3:putobject"
                                                       << "s3:object"
                                                       << ""
                                                       << "arn:aws:s3:::*/*";
}

void TestArnBuilderDialog::buildsArnsWithTheDefaults()
{
    QFETCH(QString, action);
    QFETCH(QString, type);
    QFETCH(QString, account);
    QFETCH(QString, expected);
    ui::ArnBuilderDialog dialog({ action }, account);
    QVERIFY2(dialog.selectResourceType(type), qPrintable(dialog.resourceTypes().join(u',')));
    QCOMPARE(dialog.arn(), expected);
}

void TestArnBuilderDialog::explainsStarForActionsWithoutResourceTypes()
{
    // Service Authorization Reference, Amazon S3: ListAllMyBuckets has no resource type, so only "*" applies.
    ui::ArnBuilderDialog dialog({ QStringLiteral("s3:ListAllMyBuckets") }, QStringLiteral("111122223333"));
    QCOMPARE(dialog.resourceTypes(), QStringList { QStringLiteral("*") });
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("noResourceTypeLabel"));
    QVERIFY(note);
    QVERIFY(note->isVisibleTo(&dialog));
    QVERIFY2(note->text().contains(QStringLiteral("s3:ListAllMyBuckets")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QStringLiteral("\"Resource\": \"*\"")), qPrintable(note->text()));
    QCOMPARE(dialog.arn(), QStringLiteral("*"));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestArnBuilderDialog::offersStarBesideTypesForMixedActions()
{
    ui::ArnBuilderDialog dialog({ QStringLiteral("s3:GetObject"), QStringLiteral("s3:ListAllMyBuckets") });
    const QStringList types = dialog.resourceTypes();
    QVERIFY(types.contains(QStringLiteral("s3:object")));
    QCOMPARE(types.last(), QStringLiteral("*"));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("noResourceTypeLabel"))->isVisibleTo(&dialog));
    QVERIFY(dialog.selectResourceType(QStringLiteral("*")));
    QCOMPARE(dialog.arn(), QStringLiteral("*"));
}

void TestArnBuilderDialog::namesUnknownActions()
{
    ui::ArnBuilderDialog dialog({ QStringLiteral("s3:GetObjectt"), QStringLiteral("s3:GetObject") });
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("unknownActionsLabel"));
    QVERIFY(note->isVisibleTo(&dialog));
    QVERIFY(note->text().contains(QStringLiteral("s3:GetObjectt")));
    QVERIFY(dialog.resourceTypes().contains(QStringLiteral("s3:object")));
}

void TestArnBuilderDialog::withoutActionsOffersOnlyStar()
{
    ui::ArnBuilderDialog dialog({});
    QCOMPARE(dialog.resourceTypes(), QStringList { QStringLiteral("*") });
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("noResourceTypeLabel"))->isVisibleTo(&dialog));
    QCOMPARE(dialog.arn(), QStringLiteral("*"));
}

void TestArnBuilderDialog::keepsPlaceholderValuesAcrossTypes()
{
    ui::ArnBuilderDialog dialog({ QStringLiteral("s3:GetObject"), QStringLiteral("s3:ListBucket") });
    QVERIFY(dialog.selectResourceType(QStringLiteral("s3:object")));
    QTest::keyClicks(dialog.placeholderEdit(QStringLiteral("BucketName")), QStringLiteral("logs"));
    QVERIFY(dialog.selectResourceType(QStringLiteral("s3:bucket")));
    QCOMPARE(dialog.placeholderEdit(QStringLiteral("BucketName"))->text(), QStringLiteral("logs"));
    QCOMPARE(dialog.placeholderEdit(QStringLiteral("ObjectName")), nullptr);
    QCOMPARE(dialog.arn(), QStringLiteral("arn:aws:s3:::logs"));
}

void TestArnBuilderDialog::okReturnsTheArn()
{
    ui::ArnBuilderDialog dialog({ QStringLiteral("iam:PassRole") }, QStringLiteral("111122223333"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.placeholderEdit(QStringLiteral("RoleNameWithPath")), QStringLiteral("service-role/Worker"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.arn(), QStringLiteral("arn:aws:iam::111122223333:role/service-role/Worker"));
}

void TestArnBuilderDialog::fillsPatterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("placeholders");
    QTest::addColumn<QString>("filled");
    QTest::addRow("every placeholder is listed once, in order")
        << "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
        << QStringList { "Partition", "BucketName", "ObjectName" } << "arn:aws:s3:::b/*";
    QTest::addRow("a pattern without placeholders is kept")
        << "arn:aws:s3:us-west-2:123456789012:x" << QStringList {} << "arn:aws:s3:us-west-2:123456789012:x";
    QTest::addRow("a repeated placeholder is filled everywhere")
        << "arn:${Partition}:x:::${BucketName}/${BucketName}" << QStringList { "Partition", "BucketName" }
        << "arn:aws:x:::b/b";
}

void TestArnBuilderDialog::fillsPatterns()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, placeholders);
    QFETCH(QString, filled);
    QCOMPARE(ui::ArnBuilderDialog::placeholders(pattern), placeholders);
    const QHash<QString, QString> values { { QStringLiteral("Partition"), QStringLiteral("aws") },
        { QStringLiteral("BucketName"), QStringLiteral("b") }, { QStringLiteral("ObjectName"), QStringLiteral(" ") } };
    QCOMPARE(ui::ArnBuilderDialog::fill(pattern, values), filled);
}

QTEST_MAIN(TestArnBuilderDialog)
#include "TestArnBuilderDialog.moc"
