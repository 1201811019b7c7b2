#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Runs clang-tidy, with the checks of the repository's .clang-tidy, on every source file of rd_core (core/src) and,
through them, on the headers under core/ (HeaderFilterRegex). Fails when clang-tidy reports anything.

Usage: scripts/clang-tidy-core.py BUILD_DIR [--clang-tidy PATH] [--jobs N] [PATH...]

With PATHs (files or folders under core/src), only those are checked.

BUILD_DIR is a configured build with compile_commands.json (CMAKE_EXPORT_COMPILE_COMMANDS, on in every preset). Only
rd_core's own compile commands are used: the fuzz targets compile the same files again with other flags, and clang-tidy
would otherwise check each file once per command. Generated files (the embedded catalog data) are not checked.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), ".."))
CORE_SRC = os.path.join(ROOT, "core", "src") + os.sep
CORE_OBJECTS = "CMakeFiles/rd_core.dir/"
# clang's count of the warnings it found in system headers and then dropped.
GENERATED_COUNT = re.compile(r"^\d+ warnings?( and \d+ errors?)? generated\.\n", re.MULTILINE)


def rd_core_commands(build_dir):
    database = os.path.join(build_dir, "compile_commands.json")
    if not os.path.isfile(database):
        sys.exit(f"no {database}: configure with a preset (CMAKE_EXPORT_COMPILE_COMMANDS=ON)")
    with open(database, encoding="utf-8") as f:
        entries = json.load(f)
    commands = {}
    for entry in entries:
        path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
        command = entry.get("command") or " ".join(entry.get("arguments", []))
        if path.startswith(CORE_SRC) and CORE_OBJECTS in command:
            commands.setdefault(path, entry)
    return commands


def find_clang_tidy(given):
    if given:
        if not shutil.which(given):
            sys.exit(f"clang-tidy not found ({given}): install it (scripts/debian-packages.txt) and configure again")
        return given
    for name in ("clang-tidy-14", "clang-tidy"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("clang-tidy not found: install it (scripts/debian-packages.txt)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir")
    parser.add_argument("--clang-tidy", dest="clang_tidy")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("paths", nargs="*", help="only these files or folders under core/src")
    args = parser.parse_args()

    clang_tidy = find_clang_tidy(args.clang_tidy)
    commands = rd_core_commands(args.build_dir)
    if args.paths:
        wanted = [os.path.realpath(p) for p in args.paths]
        commands = {path: entry for path, entry in commands.items()
                    if any(path == w or path.startswith(w + os.sep) for w in wanted)}
    if not commands:
        sys.exit(f"no rd_core source under {CORE_SRC} in {args.build_dir}/compile_commands.json")

    start = time.monotonic()
    failed = []
    with tempfile.TemporaryDirectory(prefix="rd-clang-tidy-") as db_dir:
        with open(os.path.join(db_dir, "compile_commands.json"), "w", encoding="utf-8") as f:
            json.dump(list(commands.values()), f)

        def run(path):
            # A GCC build's commands may hold warning flags clang does not know (-Wno-restrict).
            invocation = [clang_tidy, "-p", db_dir, "--quiet", "--extra-arg=-Wno-unknown-warning-option", path]
            result = subprocess.run(invocation, cwd=ROOT, capture_output=True, text=True)
            return path, result.returncode, result.stdout + result.stderr

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for path, code, output in pool.map(run, sorted(commands)):
                if code != 0:
                    failed.append(os.path.relpath(path, ROOT))
                    sys.stdout.write(GENERATED_COUNT.sub("", output))
    seconds = time.monotonic() - start
    if failed:
        print(f"clang-tidy failed on {len(failed)} of {len(commands)} files ({seconds:.0f} s): " + " ".join(failed))
        return 1
    print(f"clang-tidy: {len(commands)} core files clean ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
