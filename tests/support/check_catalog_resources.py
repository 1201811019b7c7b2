#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Checks that resources/catalog/ holds exactly what scripts/make_catalog.py and scripts/make_managed_policies.py make
from the vendored AWS data (third_party/aws-data): runs both into a temporary folder and compares the text, the .gz
files decompressed (compressed bytes may differ between zlib versions; the text the program reads may not).

    check_catalog_resources.py [--source-dir REPO] [--aws-data-dir third_party/aws-data]

Exits 0 when every file matches, 1 with the first differing line of each file that does not.
"""
import argparse
import gzip
import os
import subprocess
import sys
import tempfile

# (resource under resources/catalog/, compressed)
RESOURCES = [("iam-catalog.tsv.gz", True), ("managed-policies.tsv.gz", True), ("service-principals.txt", False)]


def read_text(path, compressed):
    opener = gzip.open if compressed else open
    with opener(path, "rb") as f:
        return f.read().decode("utf-8")


def first_difference(expected, actual):
    """A one-line description of where two texts part, by line."""
    a, b = expected.splitlines(), actual.splitlines()
    for number, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return f"line {number}: committed {x[:160]!r}, generated {y[:160]!r}"
    return f"committed has {len(a)} lines, generated {len(b)}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source-dir", default=os.path.dirname(os.path.dirname(here)), help="the repository")
    ap.add_argument("--aws-data-dir", help="the vendored data (default: SOURCE_DIR/third_party/aws-data)")
    args = ap.parse_args()
    data = args.aws_data_dir or os.path.join(args.source_dir, "third_party", "aws-data")
    scripts = os.path.join(args.source_dir, "scripts")
    committed = os.path.join(args.source_dir, "resources", "catalog")

    for name in ("iam-catalog.json.gz", "managed-policies.tar.gz"):
        if not os.path.isfile(os.path.join(data, name)):
            print(f"missing {os.path.join(data, name)}", file=sys.stderr)
            return 1

    failures = []
    with tempfile.TemporaryDirectory(prefix="rd-resources-") as out:
        commands = [
            [sys.executable, os.path.join(scripts, "make_catalog.py"),
             "--catalog", os.path.join(data, "iam-catalog.json.gz"),
             "--out", os.path.join(out, "iam-catalog.tsv.gz")],
            [sys.executable, os.path.join(scripts, "make_managed_policies.py"),
             "--policies", os.path.join(data, "managed-policies.tar.gz"),
             "--out", os.path.join(out, "managed-policies.tsv.gz"),
             "--principals-out", os.path.join(out, "service-principals.txt")],
        ]
        for command in commands:
            run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print(run.stdout, end="")
            if run.returncode != 0:
                print(f"{os.path.basename(command[1])} failed with status {run.returncode}", file=sys.stderr)
                return 1
        for name, compressed in RESOURCES:
            committed_path = os.path.join(committed, name)
            if not os.path.isfile(committed_path):
                failures.append(f"{committed_path}: missing")
                continue
            expected = read_text(committed_path, compressed)
            actual = read_text(os.path.join(out, name), compressed)
            if expected != actual:
                failures.append(f"{committed_path}: differs from what the script makes, "
                                f"{first_difference(expected, actual)}")
            else:
                print(f"{name}: same as generated ({len(expected):,} characters)")

    if failures:
        print("\n".join(failures), file=sys.stderr)
        print("Run python3 scripts/make_catalog.py and python3 scripts/make_managed_policies.py and commit "
              "resources/catalog/ (see third_party/aws-data/README.md).", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
