// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "rd/core/usage/CloudTrailActionMap.h"

#include <cctype>

namespace rd::core
{

namespace
{

constexpr std::string_view kAwsHost = ".amazonaws.com";

// Lambda's API has dated versions, and CloudTrail names its events after the versioned operation:
// `UpdateFunctionCode20150331v2`, `ListFunctions20150331` (AWS Lambda Developer Guide, "Logging AWS Lambda API calls
// using AWS CloudTrail"). The IAM action is the name without the date (and its `vN`).
std::string_view withoutLambdaVersion(std::string_view name)
{
    std::size_t end = name.size();
    std::size_t v = name.rfind('v');
    if (v != std::string_view::npos && v + 1 < end && v >= 8) {
        bool digits = true;
        for (std::size_t i = v + 1; i < end; ++i)
            digits = digits && std::isdigit(static_cast<unsigned char>(name[i]));
        if (digits)
            end = v;
    }
    if (end < 9)
        return name;
    for (std::size_t i = end - 8; i < end; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i])))
            return name;
    }
    return name.substr(0, end - 8);
}

} // namespace

const std::vector<CloudTrailActionMap::Row> &CloudTrailActionMap::hostRows()
{
    static const std::vector<Row> rows {
        { "monitoring.amazonaws.com", "cloudwatch",
            "Amazon CloudWatch User Guide, \"Logging Amazon CloudWatch API and console operations with AWS "
            "CloudTrail\" (eventSource monitoring.amazonaws.com); Service Authorization Reference, \"Actions, "
            "resources, and condition keys for Amazon CloudWatch\" (prefix cloudwatch)" },
    };
    return rows;
}

const std::vector<CloudTrailActionMap::Row> &CloudTrailActionMap::eventRows()
{
    static const std::vector<Row> rows {
        { "s3.amazonaws.com/HeadObject", "s3:GetObject",
            "Amazon S3 API Reference, HeadObject (Permissions: s3:GetObject)" },
        { "s3.amazonaws.com/HeadBucket", "s3:ListBucket",
            "Amazon S3 API Reference, HeadBucket (Permissions: s3:ListBucket)" },
        { "s3.amazonaws.com/ListObjects", "s3:ListBucket",
            "Amazon S3 API Reference, ListObjects (Permissions: s3:ListBucket)" },
        { "s3.amazonaws.com/ListObjectsV2", "s3:ListBucket",
            "Amazon S3 API Reference, ListObjectsV2 (Permissions: s3:ListBucket)" },
        { "s3.amazonaws.com/ListObjectVersions", "s3:ListBucketVersions",
            "Amazon S3 API Reference, ListObjectVersions (Permissions: s3:ListBucketVersions)" },
        { "s3.amazonaws.com/ListBuckets", "s3:ListAllMyBuckets",
            "Amazon S3 API Reference, ListBuckets (Permissions: s3:ListAllMyBuckets)" },
        { "s3.amazonaws.com/GetBucketLifecycle", "s3:GetLifecycleConfiguration",
            "Amazon S3 API Reference, GetBucketLifecycle (Permissions: s3:GetLifecycleConfiguration)" },
        { "s3.amazonaws.com/GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration",
            "Amazon S3 API Reference, GetBucketLifecycleConfiguration (Permissions: s3:GetLifecycleConfiguration)" },
        { "s3.amazonaws.com/PutBucketLifecycle", "s3:PutLifecycleConfiguration",
            "Amazon S3 API Reference, PutBucketLifecycle (Permissions: s3:PutLifecycleConfiguration)" },
        { "s3.amazonaws.com/PutBucketLifecycleConfiguration", "s3:PutLifecycleConfiguration",
            "Amazon S3 API Reference, PutBucketLifecycleConfiguration (Permissions: s3:PutLifecycleConfiguration)" },
        { "s3.amazonaws.com/DeleteBucketLifecycle", "s3:PutLifecycleConfiguration",
            "Amazon S3 API Reference, DeleteBucketLifecycle (Permissions: s3:PutLifecycleConfiguration)" },
        { "s3.amazonaws.com/GetBucketEncryption", "s3:GetEncryptionConfiguration",
            "Amazon S3 API Reference, GetBucketEncryption (Permissions: s3:GetEncryptionConfiguration)" },
        { "s3.amazonaws.com/PutBucketEncryption", "s3:PutEncryptionConfiguration",
            "Amazon S3 API Reference, PutBucketEncryption (Permissions: s3:PutEncryptionConfiguration)" },
        { "s3.amazonaws.com/DeleteObjects", "s3:DeleteObject",
            "Amazon S3 API Reference, DeleteObjects (Permissions: s3:DeleteObject)" },
        { "s3.amazonaws.com/CreateMultipartUpload", "s3:PutObject",
            "Amazon S3 User Guide, Multipart upload API and permissions (CreateMultipartUpload: s3:PutObject)" },
        { "s3.amazonaws.com/UploadPart", "s3:PutObject",
            "Amazon S3 User Guide, Multipart upload API and permissions (UploadPart: s3:PutObject)" },
        { "s3.amazonaws.com/CompleteMultipartUpload", "s3:PutObject",
            "Amazon S3 User Guide, Multipart upload API and permissions (CompleteMultipartUpload: s3:PutObject)" },
        { "lambda.amazonaws.com/Invoke", "lambda:InvokeFunction",
            "AWS Lambda Developer Guide, Logging AWS Lambda API calls using AWS CloudTrail (data event Invoke); Lambda "
            "API Reference, Invoke (lambda:InvokeFunction)" },
    };
    return rows;
}

CloudTrailActionMap::CloudTrailActionMap(const ServiceCatalog &catalog)
    : m_catalog(catalog)
{
}

std::string CloudTrailActionMap::servicePrefix(std::string_view eventSource)
{
    for (const Row &row : hostRows()) {
        if (row.from == eventSource)
            return std::string(row.to);
    }
    if (eventSource.size() <= kAwsHost.size() || eventSource.substr(eventSource.size() - kAwsHost.size()) != kAwsHost)
        return {};
    return std::string(eventSource.substr(0, eventSource.size() - kAwsHost.size()));
}

MappedAction CloudTrailActionMap::lookUp(const std::string &prefix, std::string_view name) const
{
    MappedAction out;
    out.prefix = prefix;
    const ServiceInfo *service = m_catalog.service(prefix);
    if (!service)
        return out;
    const ActionInfo *info = service->action(name);
    if (!info)
        return out;
    out.service = service;
    out.info = info;
    out.action = service->prefix + ":" + info->name;
    return out;
}

MappedAction CloudTrailActionMap::map(std::string_view eventSource, std::string_view eventName) const
{
    const std::string prefix = servicePrefix(eventSource);
    if (prefix.empty())
        return {};
    for (const Row &row : eventRows()) {
        const std::size_t slash = row.from.find('/');
        if (row.from.substr(0, slash) == eventSource && row.from.substr(slash + 1) == eventName) {
            const std::size_t colon = row.to.find(':');
            return lookUp(std::string(row.to.substr(0, colon)), row.to.substr(colon + 1));
        }
    }
    MappedAction direct = lookUp(prefix, eventName);
    if (direct.mapped() || prefix != "lambda")
        return direct;
    const std::string_view plain = withoutLambdaVersion(eventName);
    if (plain.size() == eventName.size())
        return direct;
    return lookUp(prefix, plain);
}

} // namespace rd::core
