// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// CloudTrailActionMap: each CloudTrail event to the IAM action that authorizes it. Row names cite the page.
#include "rd/core/usage/CloudTrailActionMap.h"

#include <QtTest>

using namespace rd::core;

class TestCloudTrailActionMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void maps_data();
    void maps();
    void everyRowOfTheTablesNamesACatalogAction();
};

void TestCloudTrailActionMap::maps_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("action");
    auto row = [](const char *title, const char *source, const char *name, const char *action) {
        QTest::newRow(title) << source << name << action;
    };
    row("the catalog's own name (Service Authorization Reference, Amazon S3)", "s3.amazonaws.com", "GetObject",
        "s3:GetObject");
    row("case as the catalog spells it (Service Authorization Reference, AWS STS)", "sts.amazonaws.com", "AssumeRole",
        "sts:AssumeRole");
    row("HeadObject needs s3:GetObject (Amazon S3 API Reference, HeadObject)", "s3.amazonaws.com", "HeadObject",
        "s3:GetObject");
    row("ListObjects needs s3:ListBucket (Amazon S3 API Reference, ListObjects)", "s3.amazonaws.com", "ListObjects",
        "s3:ListBucket");
    row("ListObjectsV2 needs s3:ListBucket (Amazon S3 API Reference, ListObjectsV2)", "s3.amazonaws.com",
        "ListObjectsV2", "s3:ListBucket");
    row("GetBucketLifecycle needs s3:GetLifecycleConfiguration (Amazon S3 API Reference)", "s3.amazonaws.com",
        "GetBucketLifecycle", "s3:GetLifecycleConfiguration");
    row("ListBuckets needs s3:ListAllMyBuckets (Amazon S3 API Reference, ListBuckets)", "s3.amazonaws.com",
        "ListBuckets", "s3:ListAllMyBuckets");
    row("Lambda's versioned name with vN (AWS Lambda Developer Guide, Logging AWS Lambda API calls using AWS "
        "CloudTrail)",
        "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", "lambda:UpdateFunctionCode");
    row("Lambda's versioned name without vN (same page)", "lambda.amazonaws.com", "ListFunctions20150331",
        "lambda:ListFunctions");
    row("Lambda's Invoke data event is lambda:InvokeFunction (Lambda API Reference, Invoke)", "lambda.amazonaws.com",
        "Invoke", "lambda:InvokeFunction");
    row("a host that differs from its prefix (Amazon CloudWatch User Guide, Logging CloudWatch API calls with "
        "CloudTrail)",
        "monitoring.amazonaws.com", "PutMetricData", "cloudwatch:PutMetricData");
    row("an unknown name is unmapped, never guessed", "s3.amazonaws.com", "MadeUpOperation", "");
    row("a date suffix outside Lambda is not stripped", "s3.amazonaws.com", "GetObject20150331", "");
    row("an unknown service is unmapped", "nosuchservice.amazonaws.com", "GetThing", "");
    row("a source that is no AWS host is unmapped", "example.com", "GetObject", "");
}

void TestCloudTrailActionMap::maps()
{
    QFETCH(QString, source);
    QFETCH(QString, name);
    QFETCH(QString, action);
    const CloudTrailActionMap map;
    const MappedAction mapped = map.map(source.toStdString(), name.toStdString());
    QCOMPARE(QString::fromStdString(mapped.action), action);
    QCOMPARE(mapped.mapped(), !action.isEmpty());
}

void TestCloudTrailActionMap::everyRowOfTheTablesNamesACatalogAction()
{
    const CloudTrailActionMap map;
    for (const CloudTrailActionMap::Row &row : CloudTrailActionMap::eventRows()) {
        const std::size_t slash = row.from.find('/');
        const MappedAction mapped = map.map(row.from.substr(0, slash), row.from.substr(slash + 1));
        QVERIFY2(mapped.mapped(), std::string(row.from).c_str());
        QCOMPARE(mapped.action, std::string(row.to));
        QVERIFY(!row.source.empty());
    }
    for (const CloudTrailActionMap::Row &row : CloudTrailActionMap::hostRows()) {
        QVERIFY2(ServiceCatalog::builtin().service(row.to), std::string(row.to).c_str());
        QVERIFY(!row.source.empty());
    }
}

QTEST_APPLESS_MAIN(TestCloudTrailActionMap)
#include "TestCloudTrailActionMap.moc"
