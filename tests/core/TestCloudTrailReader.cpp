// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// CloudTrailReader: the S3 layout of CloudTrail (AWS CloudTrail User Guide, "Finding your CloudTrail log files"),
// digest files passed over ("CloudTrail digest file structure"), plain and gzip logs, the record fields usage reads
// ("CloudTrail record contents", "CloudTrail userIdentity element"), files spread over threads, progress and cancel.
#include "CloudTrailFixture.h"
#include "rd/core/usage/CloudTrailReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>
#include <mutex>

using namespace rd::core;

namespace
{

// Keeps a copy of what it is handed.
class Copying : public CloudTrailEventSink
{
public:
    struct Copy {
        std::string time, source, name, type, region, error, recipient, identityType, identityArn, issuer, invokedBy,
            roleArn, bucket;
        std::vector<std::string> resources;
    };
    std::vector<Copy> events;
    void consume(const CloudTrailEvent &e) override
    {
        Copy c { std::string(e.eventTime), std::string(e.eventSource), std::string(e.eventName),
            std::string(e.eventType), std::string(e.awsRegion), std::string(e.errorCode),
            std::string(e.recipientAccountId), std::string(e.identityType), std::string(e.identityArn),
            std::string(e.sessionIssuerArn), std::string(e.invokedBy), std::string(e.requestParameter("roleArn")),
            std::string(e.requestParameter("bucketName")), {} };
        for (std::string_view r : e.resourceArns)
            c.resources.emplace_back(r);
        events.push_back(std::move(c));
    }
};

class Counting : public CloudTrailEventSink
{
public:
    std::uint64_t count = 0;
    std::map<std::string, std::uint64_t> byName;
    void consume(const CloudTrailEvent &e) override
    {
        ++count;
        ++byName[std::string(e.eventName)];
    }
};

void writeFile(const QString &path, const std::string &bytes)
{
    std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

} // namespace

class TestCloudTrailReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void walksTheS3LayoutAndSkipsDigestsAndOtherFiles();
    void readsTheFieldsOfEachRecord();
    void aFileNamedExplicitlyIsReadWhateverItsName();
    void unreadableFilesAreErrorsAndTheOthersAreRead();
    void aMissingPathIsAnError();
    void manyFilesAreSpreadOverThreadsWithTheSameEvents();
    void progressAfterEachFileAndCancelStops();
};

void TestCloudTrailReader::walksTheS3LayoutAndSkipsDigestsAndOtherFiles()
{
    QTemporaryDir dir;
    const std::string root = rd::test::writeCloudTrailFixture(dir.path().toStdString());
    Copying sink;
    const CloudTrailReadSummary summary = CloudTrailReader::read({ root }, { &sink });
    QCOMPARE(summary.files, std::size_t(3));
    QCOMPARE(summary.skippedDigests, std::size_t(1));
    QCOMPARE(summary.skippedOther, std::size_t(1));
    QCOMPARE(summary.skipped(), std::size_t(2));
    QCOMPARE(summary.records, std::uint64_t(22));
    QCOMPARE(sink.events.size(), std::size_t(22));
    QVERIFY(summary.errors.empty());
    // Path order: the eu-west-1 file (plain .json) comes before us-east-1's.
    QCOMPARE(sink.events.front().region, std::string("eu-west-1"));
}

void TestCloudTrailReader::readsTheFieldsOfEachRecord()
{
    QTemporaryDir dir;
    const std::string root = rd::test::writeCloudTrailFixture(dir.path().toStdString());
    Copying sink;
    CloudTrailReader::read({ root }, { &sink });
    auto find = [&](const std::string &name, const std::string &time) -> const Copying::Copy * {
        for (const Copying::Copy &c : sink.events) {
            if (c.name == name && c.time == time)
                return &c;
        }
        return nullptr;
    };
    const Copying::Copy *assume = find("AssumeRole", "2026-03-01T08:00:00Z");
    QVERIFY(assume);
    QCOMPARE(assume->source, std::string("sts.amazonaws.com"));
    QCOMPARE(assume->identityType, std::string("IAMUser"));
    QCOMPARE(assume->identityArn, rd::test::kTrailAlice);
    QCOMPARE(assume->roleArn, rd::test::kTrailAppRole);
    QCOMPARE(assume->issuer, std::string());
    const Copying::Copy *get = find("GetObject", "2026-03-01T09:00:00Z");
    QVERIFY(get);
    QCOMPARE(get->issuer, rd::test::kTrailAppRole);
    QCOMPARE(get->identityArn, std::string("arn:aws:sts::111111111111:assumed-role/AppRole/s1"));
    QCOMPARE(get->bucket, std::string("app-data"));
    QCOMPARE(
        get->resources, (std::vector<std::string> { "arn:aws:s3:::app-data/reports/a.csv", "arn:aws:s3:::app-data" }));
    QCOMPARE(get->type, std::string("AwsApiCall"));
    const Copying::Copy *denied = find("PutObject", "2026-03-01T09:08:00Z");
    QVERIFY(denied);
    QCOMPARE(denied->error, std::string("AccessDenied"));
    const Copying::Copy *service = find("AssumeRole", "2026-03-01T08:01:00Z");
    QVERIFY(service);
    QCOMPARE(service->invokedBy, std::string("ec2.amazonaws.com"));
    const Copying::Copy *event = find("Decrypt", "2026-03-01T09:11:00Z");
    QVERIFY(event);
    QCOMPARE(event->type, std::string("AwsServiceEvent"));
    const Copying::Copy *partner = find("GetObject", "2026-03-01T09:13:00Z");
    QVERIFY(partner);
    QCOMPARE(partner->recipient, std::string("222222222222"));
}

void TestCloudTrailReader::aFileNamedExplicitlyIsReadWhateverItsName()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("download.log");
    writeFile(path, rd::test::gzipText(rd::test::cloudTrailFixtureFiles().front().second));
    Counting sink;
    const CloudTrailReadSummary summary = CloudTrailReader::read({ path.toStdString() }, { &sink });
    QCOMPARE(summary.files, std::size_t(1));
    QCOMPARE(sink.count, std::uint64_t(20));
    QVERIFY(summary.errors.empty());
}

void TestCloudTrailReader::unreadableFilesAreErrorsAndTheOthersAreRead()
{
    QTemporaryDir dir;
    writeFile(dir.filePath("a-good.json"), rd::test::cloudTrailFixtureFiles()[1].second);
    writeFile(
        dir.filePath("b-cut.json.gz"), rd::test::gzipText(rd::test::cloudTrailFixtureFiles()[1].second).substr(0, 30));
    writeFile(dir.filePath("c-other.json"), "{\"Items\":[]}");
    writeFile(dir.filePath("d-broken.json"), "{\"Records\":[{\"eventName\":");
    Counting sink;
    const CloudTrailReadSummary summary = CloudTrailReader::read({ dir.path().toStdString() }, { &sink });
    QCOMPARE(summary.files, std::size_t(4));
    QCOMPARE(sink.count, std::uint64_t(1));
    QCOMPARE(summary.errors.size(), std::size_t(3));
    QVERIFY(summary.errors[0].path.find("b-cut") != std::string::npos);
    QVERIFY2(summary.errors[0].reason.find("gzip") != std::string::npos, summary.errors[0].reason.c_str());
    QVERIFY(summary.errors[1].reason.find("Records") != std::string::npos);
    QVERIFY(summary.errors[2].path.find("d-broken") != std::string::npos);
}

void TestCloudTrailReader::aMissingPathIsAnError()
{
    Counting sink;
    const CloudTrailReadSummary summary = CloudTrailReader::read({ "/nonexistent/trail" }, { &sink });
    QCOMPARE(summary.files, std::size_t(0));
    QCOMPARE(summary.errors.size(), std::size_t(1));
    QCOMPARE(summary.errors[0].reason, std::string("no such file or folder"));
}

void TestCloudTrailReader::manyFilesAreSpreadOverThreadsWithTheSameEvents()
{
    QTemporaryDir dir;
    rd::test::writeLargeTrail(dir.path().toStdString(), 3000, 100, 5);
    Counting one;
    const CloudTrailReadSummary single = CloudTrailReader::read({ dir.path().toStdString() }, { &one });
    QCOMPARE(single.threads, 1u);
    QCOMPARE(single.files, std::size_t(30));
    Counting a, b, c;
    const CloudTrailReadSummary three = CloudTrailReader::read({ dir.path().toStdString() }, { &a, &b, &c });
    QCOMPARE(three.threads, 3u);
    QCOMPARE(three.records, std::uint64_t(3000));
    QCOMPARE(a.count + b.count + c.count, std::uint64_t(3000));
    std::map<std::string, std::uint64_t> joined = a.byName;
    for (const Counting *s : { &b, &c }) {
        for (const auto &[name, n] : s->byName)
            joined[name] += n;
    }
    QCOMPARE(joined, one.byName);
    // More threads than files: one per file.
    Counting x, y;
    const CloudTrailReadSummary few = CloudTrailReader::read(
        { dir.path().toStdString()
            + "/AWSLogs/111111111111/CloudTrail/us-east-1/2026/03/01/111111111111_CloudTrail_us-east-1_0.json.gz" },
        { &x, &y });
    QCOMPARE(few.threads, 1u);
}

void TestCloudTrailReader::progressAfterEachFileAndCancelStops()
{
    QTemporaryDir dir;
    rd::test::writeLargeTrail(dir.path().toStdString(), 2000, 100, 5);
    std::atomic<bool> cancel { false };
    std::vector<CloudTrailProgress> seen;
    CloudTrailReadOptions options;
    options.cancel = &cancel;
    options.progress = [&](const CloudTrailProgress &p) {
        seen.push_back(p);
        if (p.filesDone == 5)
            cancel = true;
    };
    Counting sink;
    const CloudTrailReadSummary summary = CloudTrailReader::read({ dir.path().toStdString() }, { &sink }, options);
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.files, std::size_t(5));
    QCOMPARE(seen.size(), std::size_t(5));
    QCOMPARE(seen.back().filesTotal, std::size_t(20));
    QCOMPARE(seen.back().records, std::uint64_t(500));
    QVERIFY(seen.back().bytesDone > 0 && seen.back().bytesDone < seen.back().bytesTotal);
}

QTEST_APPLESS_MAIN(TestCloudTrailReader)
#include "TestCloudTrailReader.moc"
