// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace rd::core
{

/// The fields of one CloudTrail record that usage analysis reads (AWS CloudTrail User Guide, "CloudTrail record
/// contents for management, data, and network activity events"; "CloudTrail userIdentity element"). Every view
/// points into the reader's buffers and is valid only during the call that hands the event out; an absent field is
/// empty.
struct CloudTrailEvent {
    /// `2026-01-02T03:04:05Z`.
    std::string_view eventTime;
    /// The service's host, `s3.amazonaws.com`.
    std::string_view eventSource;
    /// The API name, `GetObject`, `UpdateFunctionCode20150331v2`.
    std::string_view eventName;
    /// `AwsApiCall`, `AwsServiceEvent`, `AwsConsoleSignIn`...
    std::string_view eventType;
    std::string_view awsRegion;
    /// Present when the call failed: `AccessDenied`, `UnauthorizedOperation`...
    std::string_view errorCode;
    std::string_view recipientAccountId;
    /// userIdentity.type: `AssumedRole`, `IAMUser`, `AWSService`, `Root`, `SAMLUser`, `WebIdentityUser`...
    std::string_view identityType;
    /// userIdentity.arn: the assumed-role session or the user.
    std::string_view identityArn;
    std::string_view identityAccountId;
    /// userIdentity.sessionContext.sessionIssuer.arn: the role (or user) whose session made the call.
    std::string_view sessionIssuerArn;
    /// userIdentity.invokedBy: the service that made the call (`lambda.amazonaws.com`).
    std::string_view invokedBy;
    /// userIdentity.identityProvider (SAML and web identity federation).
    std::string_view identityProvider;
    std::string_view principalId;
    /// The string members of requestParameters, as (name, value), in record order.
    std::vector<std::pair<std::string_view, std::string_view>> requestParameters;
    /// resources[].ARN, in record order.
    std::vector<std::string_view> resourceArns;

    /// requestParameters.<name> (case-sensitive), or empty.
    std::string_view requestParameter(std::string_view name) const
    {
        for (const auto &[key, value] : requestParameters) {
            if (key == name)
                return value;
        }
        return {};
    }
};

} // namespace rd::core
