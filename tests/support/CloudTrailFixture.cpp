// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "CloudTrailFixture.h"

#include "PolicyText.h"
#include "SplitMix.h"
#include "rd/core/json/JsonValue.h"

#include <filesystem>
#include <fstream>
#include <zlib.h>

namespace rd::test
{

namespace
{

using core::jsonQuote;

struct Record {
    Record() = default;
    Record(std::string t, std::string s, std::string n, std::string i, std::string p = "null", std::string res = "",
        std::string e = "", std::string ty = "AwsApiCall", std::string reg = "us-east-1",
        std::string rec = kTrailAccount)
        : time(std::move(t))
        , source(std::move(s))
        , name(std::move(n))
        , identity(std::move(i))
        , params(std::move(p))
        , resources(std::move(res))
        , error(std::move(e))
        , type(std::move(ty))
        , region(std::move(reg))
        , recipient(std::move(rec))
    {
    }
    std::string time;
    std::string source;
    std::string name;
    std::string identity;
    std::string params = "null";
    std::string resources;
    std::string error;
    std::string type = "AwsApiCall";
    std::string region = "us-east-1";
    std::string recipient = kTrailAccount;
};

std::string nameOf(const std::string &arn)
{
    return arn.substr(arn.rfind('/') + 1);
}

std::string accountOf(const std::string &arn)
{
    const std::size_t a = arn.find(':', arn.find(':', arn.find(':', arn.find(':') + 1) + 1) + 1);
    return arn.substr(a + 1, 12);
}

std::string roleIdentity(const std::string &roleArn, const std::string &session = "s1")
{
    const std::string account = accountOf(roleArn);
    const std::string name = nameOf(roleArn);
    return "{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE" + name + ":" + session
        + "\",\"arn\":\"arn:aws:sts::" + account + ":assumed-role/" + name + "/" + session + "\",\"accountId\":\""
        + account + "\",\"accessKeyId\":\"ASIAEXAMPLE\",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\","
        + "\"principalId\":\"AROAEXAMPLE" + name + "\",\"arn\":" + jsonQuote(roleArn) + ",\"accountId\":\"" + account
        + "\",\"userName\":\"" + name + "\"},\"attributes\":{\"creationDate\":\"2026-03-01T00:00:00Z\","
        + "\"mfaAuthenticated\":\"false\"}}}";
}

std::string userIdentity(const std::string &userArn)
{
    return "{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\",\"arn\":" + jsonQuote(userArn) + ",\"accountId\":\""
        + accountOf(userArn) + "\",\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"" + nameOf(userArn) + "\"}";
}

std::string serviceIdentity(const std::string &service)
{
    return "{\"type\":\"AWSService\",\"invokedBy\":\"" + service + "\"}";
}

std::string write(const Record &r, std::size_t n)
{
    std::string out = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + r.identity + ",\"eventTime\":\"" + r.time
        + "\",\"eventSource\":\"" + r.source + "\",\"eventName\":\"" + r.name + "\",\"awsRegion\":\"" + r.region
        + "\",\"sourceIPAddress\":\"203.0.113.10\",\"userAgent\":\"aws-cli/2.15.0\"";
    if (!r.error.empty())
        out += ",\"errorCode\":\"" + r.error + "\",\"errorMessage\":\"Access Denied\"";
    out += ",\"requestParameters\":" + r.params + ",\"responseElements\":null,\"requestID\":\"REQ" + std::to_string(n)
        + "\",\"eventID\":\"00000000-0000-0000-0000-" + std::to_string(100000000000 + n) + "\",\"readOnly\":true";
    if (!r.resources.empty())
        out += ",\"resources\":" + r.resources;
    out += ",\"eventType\":\"" + r.type + "\",\"managementEvent\":true,\"recipientAccountId\":\"" + r.recipient
        + "\",\"eventCategory\":\"Management\"}";
    return out;
}

std::string file(const std::vector<Record> &records, std::size_t &n)
{
    std::string out = "{\"Records\":[";
    for (std::size_t i = 0; i < records.size(); ++i)
        out += (i ? "," : "") + write(records[i], n++);
    return out + "]}";
}

std::string s3Object(const std::string &bucket, const std::string &key)
{
    return "[{\"accountId\":\"111111111111\",\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::" + bucket + "/" + key
        + "\"},{\"accountId\":\"111111111111\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::" + bucket + "\"}]";
}

std::string s3Params(const std::string &bucket, const std::string &key)
{
    return "{\"bucketName\":\"" + bucket + "\",\"Host\":\"" + bucket + ".s3.amazonaws.com\",\"key\":\"" + key + "\"}";
}

std::string assumeParams(const std::string &role)
{
    return "{\"roleArn\":" + jsonQuote(role) + ",\"roleSessionName\":\"s1\",\"durationSeconds\":3600}";
}

const std::string kDay1 = "AWSLogs/111111111111/CloudTrail/us-east-1/2026/03/01/";

} // namespace

std::vector<std::pair<std::string, std::string>> cloudTrailFixtureFiles()
{
    const std::string app = roleIdentity(kTrailAppRole);
    std::size_t n = 0;
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<Record> day1 {
        { "2026-03-01T08:00:00Z", "sts.amazonaws.com", "AssumeRole", userIdentity(kTrailAlice),
            assumeParams(kTrailAppRole),
            "[{\"accountId\":\"111111111111\",\"type\":\"AWS::IAM::Role\",\"ARN\":\"" + kTrailAppRole + "\"}]" },
        { "2026-03-01T08:01:00Z", "sts.amazonaws.com", "AssumeRole", serviceIdentity("ec2.amazonaws.com"),
            assumeParams(kTrailAppRole) },
        { "2026-03-01T08:02:00Z", "sts.amazonaws.com", "AssumeRole", userIdentity(kTrailAlice),
            assumeParams(kTrailDeployRole) },
        { "2026-03-01T08:03:00Z", "sts.amazonaws.com", "AssumeRole", userIdentity(kTrailAlice),
            assumeParams(kTrailIdleRole), "", "AccessDenied" },
        { "2026-03-01T09:00:00Z", "s3.amazonaws.com", "GetObject", app, s3Params("app-data", "reports/a.csv"),
            s3Object("app-data", "reports/a.csv") },
        { "2026-03-01T09:01:00Z", "s3.amazonaws.com", "GetObject", app, s3Params("app-data", "reports/b.csv"),
            s3Object("app-data", "reports/b.csv") },
        { "2026-03-01T09:02:00Z", "s3.amazonaws.com", "HeadObject", app, s3Params("app-data", "c.csv"),
            s3Object("app-data", "c.csv") },
        { "2026-03-01T09:03:00Z", "s3.amazonaws.com", "ListObjectsV2", app,
            "{\"bucketName\":\"app-data\",\"list-type\":\"2\"}",
            "[{\"accountId\":\"111111111111\",\"type\":\"AWS::S3::Bucket\",\"ARN\":\"arn:aws:s3:::app-data\"}]" },
        { "2026-03-01T09:04:00Z", "s3.amazonaws.com", "GetBucketLifecycle", app, "{\"bucketName\":\"app-data\"}" },
        { "2026-03-01T09:05:00Z", "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", app,
            "{\"functionName\":\"arn:aws:lambda:us-east-1:111111111111:function:ingest\",\"publish\":true}" },
        { "2026-03-01T09:06:00Z", "dynamodb.amazonaws.com", "GetItem", app,
            "{\"tableName\":\"Orders\",\"key\":{\"id\":{\"S\":\"1\"}}}" },
        { "2026-03-01T09:07:00Z", "ec2.amazonaws.com", "DescribeInstances", app,
            "{\"instancesSet\":{},\"filterSet\":{}}" },
        { "2026-03-01T09:08:00Z", "s3.amazonaws.com", "PutObject", app, s3Params("app-data", "out/x.csv"),
            s3Object("app-data", "out/x.csv"), "AccessDenied" },
        { "2026-03-01T09:09:00Z", "s3.amazonaws.com", "DeleteObject", app, s3Params("app-data", "reports/a.csv"),
            s3Object("app-data", "reports/a.csv"), "AccessDenied" },
        { "2026-03-01T09:10:00Z", "s3.amazonaws.com", "MadeUpOperation", app, "{\"bucketName\":\"app-data\"}" },
        { "2026-03-01T09:11:00Z", "kms.amazonaws.com", "Decrypt", app, "{\"encryptionContext\":{}}", "", "",
            "AwsServiceEvent" },
        { "2026-03-01T09:12:00Z", "lambda.amazonaws.com", "GetFunction20150331v2", roleIdentity(kTrailDeployRole),
            "{\"functionName\":\"ingest\"}" },
        { "2026-03-01T09:12:30Z", "dynamodb.amazonaws.com", "DescribeLimits", roleIdentity(kTrailDeployRole), "{}" },
        { "2026-03-01T09:12:40Z", "dynamodb.amazonaws.com", "DescribeTable", roleIdentity(kTrailDeployRole), "{}" },
        { "2026-03-01T09:13:00Z", "s3.amazonaws.com", "GetObject", roleIdentity(kTrailPartnerRole),
            s3Params("app-data", "shared/p.csv"), s3Object("app-data", "shared/p.csv"), "", "AwsApiCall", "us-east-1",
            "222222222222" },
    };
    files.emplace_back(
        kDay1 + "111111111111_CloudTrail_us-east-1_20260301T0905Z_a1b2c3d4e5f6a7b8.json.gz", file(day1, n));
    std::vector<Record> day2 {
        { "2026-03-02T10:00:00Z", "s3.amazonaws.com", "GetObject", app, s3Params("app-data", "reports/a.csv"),
            s3Object("app-data", "reports/a.csv"), "", "AwsApiCall", "eu-west-1" },
    };
    files.emplace_back(
        "AWSLogs/111111111111/CloudTrail/eu-west-1/2026/03/02/111111111111_CloudTrail_eu-west-1_20260302T1000Z_b1.json",
        file(day2, n));
    std::vector<Record> day5 {
        { "2026-03-05T12:00:00Z", "dynamodb.amazonaws.com", "PutItem", app, "{\"tableName\":\"Orders\"}" },
    };
    files.emplace_back("AWSLogs/111111111111/CloudTrail/us-east-1/2026/03/05/"
                       "111111111111_CloudTrail_us-east-1_20260305T1200Z_c1.json.gz",
        file(day5, n));
    return files;
}

std::string writeCloudTrailFixture(const std::string &root)
{
    namespace fs = std::filesystem;
    auto put = [&](const std::string &relative, const std::string &bytes) {
        const fs::path path = fs::path(root) / relative;
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << bytes;
    };
    for (const auto &[name, text] : cloudTrailFixtureFiles())
        put(name, name.size() > 3 && name.substr(name.size() - 3) == ".gz" ? gzipText(text) : text);
    // AWS CloudTrail User Guide, "CloudTrail digest file structure": digests go to CloudTrail-Digest folders.
    put("AWSLogs/111111111111/CloudTrail-Digest/us-east-1/2026/03/01/"
        "111111111111_CloudTrail-Digest_us-east-1_trail_us-east-1_20260301T100000Z.json.gz",
        gzipText("{\"awsAccountId\":\"111111111111\",\"logFiles\":[]}"));
    put(kDay1 + "notes.txt", "not a log\n");
    return root;
}

core::Workspace cloudTrailWorkspace()
{
    core::Workspace w;
    w.name = "cloudtrail";
    w.accounts.push_back({ kTrailAccount, "app" });
    core::User alice;
    alice.accountId = kTrailAccount;
    alice.name = "alice";
    alice.arn = kTrailAlice;
    w.add(alice);
    const std::string trust = policyDocument("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + kTrailAlice
        + "\",\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}");
    core::Role app;
    app.accountId = kTrailAccount;
    app.name = "AppRole";
    app.path = "/service/";
    app.arn = kTrailAppRole;
    app.trustPolicy = policyOf(trust);
    app.inlinePolicies.push_back({ "App",
        policyOf(policyDocument(
            "{\"Sid\":\"Objects\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\","
            "\"s3:DeleteObject\"],\"Resource\":\"arn:aws:s3:::app-data/*\"},"
            "{\"Sid\":\"Bucket\",\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:GetLifecycleConfiguration\"],"
            "\"Resource\":\"arn:aws:s3:::app-data\"},"
            "{\"Sid\":\"Functions\",\"Effect\":\"Allow\",\"Action\":[\"lambda:UpdateFunctionCode\","
            "\"lambda:GetFunction\"],\"Resource\":\"arn:aws:lambda:us-east-1:111111111111:function:*\"},"
            "{\"Sid\":\"Orders\",\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\",\"dynamodb:PutItem\"],"
            "\"Resource\":\"arn:aws:dynamodb:us-east-1:111111111111:table/Orders\"},"
            "{\"Sid\":\"Describe\",\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\",\"kms:Decrypt\"],"
            "\"Resource\":\"*\"},"
            "{\"Sid\":\"Pass\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
            "\"Resource\":\"arn:aws:iam::111111111111:role/service/*\"}")) });
    w.add(app);
    core::Role deploy;
    deploy.accountId = kTrailAccount;
    deploy.name = "DeployRole";
    deploy.arn = kTrailDeployRole;
    deploy.trustPolicy = policyOf(trust);
    deploy.inlinePolicies.push_back({ "Deploy",
        policyOf(policyDocument("{\"Effect\":\"Allow\",\"Action\":\"lambda:GetFunction\",\"Resource\":\"*\"}")) });
    w.add(deploy);
    core::Role idle;
    idle.accountId = kTrailAccount;
    idle.name = "IdleRole";
    idle.arn = kTrailIdleRole;
    idle.trustPolicy = policyOf(trust);
    idle.inlinePolicies.push_back({ "Idle",
        policyOf(policyDocument("{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}")) });
    w.add(idle);
    return w;
}

std::vector<TrailCall> appRoleCallsUntilMarch4()
{
    return {
        { kTrailAppRole, "s3:GetObject", "arn:aws:s3:::app-data/reports/a.csv" },
        { kTrailAppRole, "s3:GetObject", "arn:aws:s3:::app-data/reports/b.csv" },
        { kTrailAppRole, "s3:GetObject", "arn:aws:s3:::app-data/c.csv" },
        { kTrailAppRole, "s3:ListBucket", "arn:aws:s3:::app-data" },
        { kTrailAppRole, "s3:GetLifecycleConfiguration", "arn:aws:s3:::app-data" },
        { kTrailAppRole, "lambda:UpdateFunctionCode", "arn:aws:lambda:us-east-1:111111111111:function:ingest" },
        { kTrailAppRole, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111111111111:table/Orders" },
        { kTrailAppRole, "ec2:DescribeInstances", "*" },
    };
}

std::string gzipText(const std::string &text)
{
    z_stream stream {};
    deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

std::size_t writeLargeTrail(const std::string &root, std::size_t records, std::size_t recordsPerFile, std::size_t roles)
{
    namespace fs = std::filesystem;
    SplitMix random { 19 };
    static const char *const kEvents[][2] = {
        { "s3.amazonaws.com", "GetObject" },
        { "s3.amazonaws.com", "PutObject" },
        { "s3.amazonaws.com", "HeadObject" },
        { "s3.amazonaws.com", "ListObjectsV2" },
        { "dynamodb.amazonaws.com", "GetItem" },
        { "dynamodb.amazonaws.com", "Query" },
        { "lambda.amazonaws.com", "Invoke" },
        { "kms.amazonaws.com", "Decrypt" },
        { "sts.amazonaws.com", "AssumeRole" },
        { "ec2.amazonaws.com", "DescribeInstances" },
        { "logs.amazonaws.com", "PutLogEvents" },
        { "sqs.amazonaws.com", "ReceiveMessage" },
    };
    std::size_t written = 0;
    std::size_t n = 0;
    long long time = 1772323200; // 2026-03-01T00:00:00Z
    for (std::size_t fileIndex = 0; n < records; ++fileIndex) {
        std::vector<Record> batch;
        for (std::size_t i = 0; i < recordsPerFile && n + batch.size() < records; ++i) {
            time += 1;
            const long long days = time / 86400;
            char stamp[32];
            const long long s = time % 86400;
            // 2026-03 has 31 days; the generator stays within 2026 (a million records at one a second: 12 days).
            const long long dayOfYear = days - 20454; // 2026-01-01
            static const int kMonthDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
            int month = 0;
            long long day = dayOfYear;
            while (month < 11 && day >= kMonthDays[month])
                day -= kMonthDays[month++];
            std::snprintf(stamp, sizeof stamp, "2026-%02d-%02lldT%02lld:%02lld:%02lldZ", month + 1, day + 1, s / 3600,
                s / 60 % 60, s % 60);
            const auto &event = kEvents[random.below(std::size(kEvents))];
            Record r;
            r.time = stamp;
            r.source = event[0];
            r.name = event[1];
            const std::string role =
                "arn:aws:iam::111111111111:role/bench-role-" + std::to_string(random.below(roles ? roles : 1));
            r.identity = roleIdentity(role, "session-" + std::to_string(random.below(1000)));
            const std::string key = "data/" + std::to_string(random.next() % 1000000) + ".json";
            if (r.source == "s3.amazonaws.com") {
                r.params = s3Params("bench-bucket-" + std::to_string(random.below(20)), key);
                r.resources = s3Object("bench-bucket-1", key);
            } else if (r.source == "sts.amazonaws.com") {
                r.params = assumeParams(
                    "arn:aws:iam::111111111111:role/bench-role-" + std::to_string(random.below(roles ? roles : 1)));
            } else if (r.source == "dynamodb.amazonaws.com") {
                r.params = "{\"tableName\":\"table-" + std::to_string(random.below(10)) + "\",\"key\":{\"id\":{\"S\":\""
                    + key + "\"}},\"consistentRead\":false}";
            } else {
                r.params = "{\"functionName\":\"fn-" + std::to_string(random.below(10)) + "\",\"maxResults\":50}";
            }
            if (random.below(50) == 0)
                r.error = "AccessDenied";
            batch.push_back(std::move(r));
        }
        std::string text = "{\"Records\":[";
        for (std::size_t i = 0; i < batch.size(); ++i) {
            std::string one = write(batch[i], n + i);
            // Fields CloudTrail adds to most records, as in its documented examples.
            one.insert(one.size() - 1,
                ",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
                "\"clientProvidedHostHeader\":\"service.us-east-1.amazonaws.com\"},\"sessionCredentialFromConsole\":"
                "\"false\",\"additionalEventData\":{\"SignatureVersion\":\"SigV4\",\"CipherSuite\":"
                "\"ECDHE-RSA-AES128-GCM-SHA256\",\"bytesTransferredIn\":0,\"AuthenticationMethod\":\"AuthHeader\","
                "\"x-amz-id-2\":\"EXAMPLE1234567890abcdefghijklmnopqrstuvwxyz0123456789EXAMPLE\"}");
            text += (i ? "," : "") + one;
        }
        text += "]}";
        n += batch.size();
        const std::string day = batch.front().time.substr(0, 10);
        const fs::path path = fs::path(root) / "AWSLogs/111111111111/CloudTrail/us-east-1" / day.substr(0, 4)
            / day.substr(5, 2) / day.substr(8, 2)
            / ("111111111111_CloudTrail_us-east-1_" + std::to_string(fileIndex) + ".json.gz");
        fs::create_directories(path.parent_path());
        const std::string gz = gzipText(text);
        std::ofstream(path, std::ios::binary) << gz;
        written += gz.size();
    }
    return written;
}

} // namespace rd::test
