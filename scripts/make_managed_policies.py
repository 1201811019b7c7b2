#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Turns the AWS managed policies (third_party/aws-data/managed-policies.tar.gz, see its README) into the two resources
the application embeds: resources/catalog/managed-policies.tsv.gz and resources/catalog/service-principals.txt.

managed-policies.tsv.gz is UTF-8 text, one record per line, fields separated by tabs, gzip -9 with no name and mtime
0 so that the same input always gives the same bytes:

    aws-managed-policies-tsv/1 <TAB> package version <TAB> newest update date <TAB> number of P lines
    P <TAB> ARN <TAB> name <TAB> path <TAB> default version id <TAB> create date <TAB> update date <TAB> description
      <TAB> document

P lines are sorted by ARN (byte order), so that a reader can binary-search them. The dates are the policy's
CreateDate and UpdateDate, ISO 8601 in UTC (`2015-02-06T18:39:46Z`). The document is the policy's
default version as compact JSON (no whitespace between tokens, key order kept, non-ASCII characters as they are):
JSON escapes every tab and line break inside strings, so the document needs no further escaping. Every other field
escapes backslash, tab, line feed and carriage return as \\\\, \\t, \\n and \\r. The source has no descriptions (IAM's
GetPolicyVersion does not return them), so that field is empty today; the format keeps it for a later source.

service-principals.txt lists AWS service principal names, one per line, sorted and unique, after `#` comment lines.
It holds every name matching ^[a-z0-9.-]+\\.amazonaws\\.com$ that the managed policies use as a value of the
iam:PassedToService or iam:AWSServiceName condition keys, as a Principal "Service" value, or as the service part of a
service-linked role path (arn:...:role/aws-service-role/<service principal>/...; IAM User Guide, "Using
service-linked roles"), plus the hand list COMMON_SERVICE_PRINCIPALS below.

Run it again when third_party/aws-data changes (the ResourcesMatchVendoredData test fails until the output matches
it):

    python3 scripts/make_managed_policies.py

--policies also takes an unpacked managed-policies/ folder. Only the Python 3 standard library is used.
"""
import argparse
import gzip
import json
import os
import re
import sys
import tarfile

SERVICE_PRINCIPAL = re.compile(r"^[a-z0-9.-]+\.amazonaws\.com$")
SERVICE_LINKED_ROLE_PATH = re.compile(r":role/aws-service-role/([^/]+)/")
SERVICE_CONDITION_KEYS = {"iam:passedtoservice", "iam:awsservicename"}

# The service principals people put in trust policies most often. Names from the IAM User Guide, "AWS services that
# work with IAM" (the "Service-linked roles" and service pages it links to) and "AWS JSON policy elements: Principal",
# section "AWS service principals". Some of them never appear in a managed policy, which is why they are listed here.
COMMON_SERVICE_PRINCIPALS = [
    "amplify.amazonaws.com",
    "apigateway.amazonaws.com",
    "appsync.amazonaws.com",
    "application-autoscaling.amazonaws.com",
    "autoscaling.amazonaws.com",
    "backup.amazonaws.com",
    "batch.amazonaws.com",
    "bedrock.amazonaws.com",
    "cloudformation.amazonaws.com",
    "cloudfront.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "codebuild.amazonaws.com",
    "codedeploy.amazonaws.com",
    "codepipeline.amazonaws.com",
    "cognito-idp.amazonaws.com",
    "config.amazonaws.com",
    "datasync.amazonaws.com",
    "delivery.logs.amazonaws.com",
    "dms.amazonaws.com",
    "dynamodb.amazonaws.com",
    "ec2.amazonaws.com",
    "ecs-tasks.amazonaws.com",
    "ecs.amazonaws.com",
    "edgelambda.amazonaws.com",
    "eks-fargate-pods.amazonaws.com",
    "eks.amazonaws.com",
    "elasticbeanstalk.amazonaws.com",
    "elasticloadbalancing.amazonaws.com",
    "elasticmapreduce.amazonaws.com",
    "events.amazonaws.com",
    "firehose.amazonaws.com",
    "glue.amazonaws.com",
    "iot.amazonaws.com",
    "kinesisanalytics.amazonaws.com",
    "lambda.amazonaws.com",
    "logs.amazonaws.com",
    "monitoring.amazonaws.com",
    "monitoring.rds.amazonaws.com",
    "pipes.amazonaws.com",
    "pods.eks.amazonaws.com",
    "rds.amazonaws.com",
    "redshift.amazonaws.com",
    "s3.amazonaws.com",
    "sagemaker.amazonaws.com",
    "scheduler.amazonaws.com",
    "ses.amazonaws.com",
    "sns.amazonaws.com",
    "sqs.amazonaws.com",
    "ssm.amazonaws.com",
    "states.amazonaws.com",
    "transfer.amazonaws.com",
    "vpc-flow-logs.amazonaws.com",
]


def iam_date(text):
    """`2026-03-26T03:42:09.000Z` -> `2026-03-26T03:42:09Z`, the form IAM's API and GAAD output use."""
    return re.sub(r"\.000Z$", "Z", text)


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def service_principals(document):
    """The service principal names one policy document uses (see the module comment)."""
    found = set()
    for statement in as_list(document.get("Statement")):
        if not isinstance(statement, dict):
            continue
        values = []
        for operator_block in (statement.get("Condition") or {}).values():
            for key, value in operator_block.items():
                if key.lower() in SERVICE_CONDITION_KEYS:
                    values.extend(as_list(value))
        principal = statement.get("Principal")
        if isinstance(principal, dict):
            values.extend(as_list(principal.get("Service")))
        for element in ("Resource", "NotResource"):
            for arn in as_list(statement.get(element)):
                if isinstance(arn, str):
                    values.extend(SERVICE_LINKED_ROLE_PATH.findall(arn))
        found.update(v for v in values if isinstance(v, str) and SERVICE_PRINCIPAL.match(v))
    return found


def policy_files(source):
    """A function giving the parsed JSON of one file of the managed-policies/ folder, by file name. `source` is the
    folder itself or the archive that holds it as managed-policies/<file> (a .tar.gz, see
    third_party/aws-data/README.md)."""
    if os.path.isdir(source):
        def read_file(name):
            with open(os.path.join(source, name), encoding="utf-8") as f:
                return json.load(f)
        return read_file
    files = {}
    with tarfile.open(source, "r:gz") as tar:
        for member in tar:
            if member.isfile() and member.name.startswith("managed-policies/"):
                files[member.name[len("managed-policies/"):]] = tar.extractfile(member).read()
    if "index.json" not in files:
        raise ValueError(f"{source}: no managed-policies/index.json")
    return lambda name: json.loads(files[name].decode("utf-8"))


def convert(source):
    read_file = policy_files(source)
    index = read_file("index.json")
    records = []
    principals = set(COMMON_SERVICE_PRINCIPALS)
    for row in index["policies"]:
        policy = read_file(row["File"])
        document = json.dumps(policy["Document"], ensure_ascii=False, separators=(",", ":"))
        if any(c in document for c in "\t\n\r"):
            raise ValueError(f"{row['File']}: compact JSON with a raw tab or line break")
        fields = [policy["Arn"], policy["PolicyName"], policy["Path"], policy["VersionId"],
                  iam_date(row["CreateDate"]), iam_date(row["UpdateDate"]), policy.get("Description", "")]
        records.append((policy["Arn"], "P\t" + "\t".join(escape(f) for f in fields) + "\t" + document + "\n"))
        principals |= service_principals(policy["Document"])
    if len(records) != index["counts"]["policies"]:
        raise ValueError(f"index.json counts {index['counts']['policies']} policies, found {len(records)}")
    records.sort(key=lambda r: r[0].encode("utf-8"))
    source = index["source"]
    header = f"aws-managed-policies-tsv/1\t{escape(source['version'])}\t{escape(index['newestUpdateDate'])}" \
             f"\t{len(records)}\n"
    return header + "".join(line for _, line in records), sorted(principals)


def write_gzip(path, data):
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(data)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policies",
                        default=os.path.join(root, "third_party", "aws-data", "managed-policies.tar.gz"))
    parser.add_argument("--out", default=os.path.join(root, "resources", "catalog", "managed-policies.tsv.gz"))
    parser.add_argument("--principals-out",
                        default=os.path.join(root, "resources", "catalog", "service-principals.txt"))
    args = parser.parse_args()
    text, principals = convert(args.policies)
    data = text.encode("utf-8")
    write_gzip(args.out, data)
    with open(args.principals_out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# AWS service principals, one per line, sorted. Generated by scripts/make_managed_policies.py from\n"
                "# the AWS managed policies and a hand list (IAM User Guide, \"AWS services that work with IAM\").\n")
        f.write("".join(p + "\n" for p in principals))
    print(f"{args.out}: {len(data):,} bytes of text, {os.path.getsize(args.out):,} compressed; "
          f"{text.count(chr(10)) - 1} policies; {args.principals_out}: {len(principals)} service principals",
          file=sys.stderr)


if __name__ == "__main__":
    main()
