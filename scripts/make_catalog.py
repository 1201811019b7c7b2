#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Turns the AWS service authorization catalog (third_party/aws-data/iam-catalog.json.gz, see its README) into the
compact resource the application embeds: resources/catalog/iam-catalog.tsv.gz.

The output is UTF-8 text, one record per line, fields separated by tabs, gzip -9 with no name and mtime 0 so that the
same input always gives the same bytes:

    iam-catalog-tsv/1 <TAB> package version <TAB> data updated at
    G <TAB> global condition key <TAB> type
    S <TAB> service prefix <TAB> service name
    A <TAB> action <TAB> access level (L R W P T) <TAB> resource types, `*` marking required ones, comma-separated
      <TAB> action condition keys, comma-separated
    R <TAB> resource type <TAB> ARN pattern <TAB> condition keys, comma-separated
    K <TAB> service condition key <TAB> type

A, R and K lines belong to the S line above them. Run it again when third_party/aws-data changes (the
ResourcesMatchVendoredData test fails until the output matches it):

    python3 scripts/make_catalog.py

--catalog also takes an uncompressed iam-catalog.json. Only the Python 3 standard library is used.
"""
import argparse
import gzip
import io
import json
import os
import sys

ACCESS_LEVELS = {"List": "L", "Read": "R", "Write": "W", "Permissions management": "P", "Tagging": "T"}


def clean(text):
    if any(c in text for c in "\t\n\r"):
        raise ValueError(f"unexpected tab or line break in {text!r}")
    return text


def convert(catalog, supplement=None):
    if catalog.get("format") != "iam-catalog/1":
        raise ValueError(f"unknown catalog format {catalog.get('format')!r}")
    out = io.StringIO()
    pending = {}
    if supplement is not None:
        if supplement.get("format") != "resource-supplement/1":
            raise ValueError(f"unknown supplement format {supplement.get('format')!r}")
        for form in supplement["forms"]:
            pending.setdefault(form["service"], []).append(form)
    source = catalog["source"]
    out.write(f"iam-catalog-tsv/1\t{clean(source['version'])}\t{clean(source['dataUpdatedAt'])}\n")
    for key in catalog["globalConditionKeys"]:
        out.write(f"G\t{clean(key['name'])}\t{clean(key['type'])}\n")
    for service in catalog["services"]:
        out.write(f"S\t{clean(service['prefix'])}\t{clean(service['name'])}\n")
        for action in service["actions"]:
            types = ",".join(clean(t["name"]) + ("*" if t.get("required") else "") for t in action["resourceTypes"])
            keys = ",".join(clean(k) for k in action.get("conditionKeys", []))
            out.write(f"A\t{clean(action['name'])}\t{ACCESS_LEVELS[action['accessLevel']]}\t{types}\t{keys}\n")
        for rt in service["resourceTypes"]:
            keys = ",".join(clean(k) for k in rt.get("conditionKeys", []))
            out.write(f"R\t{clean(rt['name'])}\t{clean(rt['arnPattern'])}\t{keys}\n")
        for key in service["conditionKeys"]:
            out.write(f"K\t{clean(key['name'])}\t{clean(key['type'])}\n")
        # The supplement's forms go to the first service of their prefix (API Gateway has two).
        for form in pending.pop(service["prefix"], []):
            out.write(f"X\t{clean(form['resourceType'])}\t{clean(form['arnPattern'])}\t{clean(form['source'])}\n")
    if pending:
        raise ValueError(f"supplement forms for unknown services: {sorted(pending)}")
    return out.getvalue()


def load(path):
    """The catalog of iam-catalog.json, or of its gzip (a path ending in .gz)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", default=os.path.join(root, "third_party", "aws-data", "iam-catalog.json.gz"))
    parser.add_argument("--supplement",
                        help="resource forms to add (default: resource-supplement.json beside the catalog)")
    parser.add_argument("--out", default=os.path.join(root, "resources", "catalog", "iam-catalog.tsv.gz"))
    args = parser.parse_args()
    catalog = load(args.catalog)
    supplement_path = args.supplement or os.path.join(os.path.dirname(os.path.abspath(args.catalog)),
                                                      "resource-supplement.json")
    with open(supplement_path, encoding="utf-8") as f:
        supplement = json.load(f)
    text = convert(catalog, supplement).encode("utf-8")
    with open(args.out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(text)
    counts = catalog["counts"]
    print(f"{args.out}: {len(text):,} bytes of text, {os.path.getsize(args.out):,} compressed; "
          f"{counts['services']} services, {counts['actions']} actions", file=sys.stderr)


if __name__ == "__main__":
    main()
