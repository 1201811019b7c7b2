-- SPDX-FileCopyrightText: IAM Role Designer authors
-- SPDX-License-Identifier: MIT
--
-- Role usage over an organization's CloudTrail logs with Amazon Athena (Trino), for trails too large to read on one
-- machine. It is the aggregation `role-designer-cli usage` makes from raw logs (docs/USAGE.md): one row per principal,
-- event source, event name, error code and assumed role, with the number of calls and the first and last time.
-- Save the result as CSV (Athena's download) and read it with
--     role-designer-cli usage --workspace W.rdws --aggregates results.csv
-- or generate a policy from it with `role-designer-cli generate-policy --aggregates results.csv --principal ARN`.
--
-- The table is the standard CloudTrail table (AWS CloudTrail User Guide, "Creating the table for CloudTrail logs in
-- Athena"): replace cloudtrail_logs with its name. Set the window on the two eventtime lines; on a table partitioned
-- by date (partition projection), add the partition column to the WHERE clause so that Athena reads only those days.
--
-- The rules are those of the raw-log reader:
--   * the principal is userIdentity.sessionContext.sessionIssuer.arn (the role whose session called), else
--     userIdentity.arn, else userIdentity.invokedBy (a service), else the principal id or the identity type;
--   * AwsServiceEvent records are events of AWS services, not calls of any principal: left out;
--   * a row with an error code counts denied calls, never use;
--   * for sts:AssumeRole* events, assumed_role is requestParameters.roleArn (who assumed which role).
-- Resources and calls per day are not aggregated here: a policy generated from this result has placeholders where the
-- raw logs would have given the resources.
SELECT
    coalesce(useridentity.sessioncontext.sessionissuer.arn, useridentity.arn, useridentity.invokedby,
             useridentity.principalid, useridentity.type) AS principal,
    eventsource AS event_source,
    eventname AS event_name,
    coalesce(errorcode, '') AS error_code,
    CASE
        WHEN eventsource = 'sts.amazonaws.com' AND eventname LIKE 'AssumeRole%'
            THEN coalesce(json_extract_scalar(requestparameters, '$.roleArn'), '')
        ELSE ''
    END AS assumed_role,
    count(*) AS calls,
    min(eventtime) AS first_time,
    max(eventtime) AS last_time
FROM cloudtrail_logs
WHERE coalesce(eventtype, '') <> 'AwsServiceEvent'
    AND eventtime >= '1970-01-01T00:00:00Z'
    AND eventtime <= '9999-12-31T23:59:59Z'
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
