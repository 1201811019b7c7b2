#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Packs a managed-policies/ folder (the output of make_managed_policies.py) into one reproducible archive.

The archive is a POSIX ustar file compressed with gzip -9 (no name, mtime 0). It holds every *.json file of the
folder (the policies and index.json) as `managed-policies/<file>`, byte for byte, in byte order of their names, each
with mode 0644, uid and gid 0, empty owner names and mtime 0, and nothing else: the same folder always gives the same
bytes.

    python3 pack_managed_policies.py managed-policies ../managed-policies.tar.gz

Only the Python 3 standard library is used. Its counterpart on the C++ side is tests/support/TarReader.cpp.
"""

import argparse
import gzip
import io
import os
import sys
import tarfile

PREFIX = "managed-policies/"


def pack(folder):
    """The uncompressed tar stream of the folder's JSON files."""
    names = sorted((n for n in os.listdir(folder) if n.endswith(".json")), key=lambda n: n.encode("utf-8"))
    if not names:
        sys.exit("no .json files in %s" % folder)
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            info = tarfile.TarInfo(PREFIX + name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.type = tarfile.REGTYPE
            tar.addfile(info, io.BytesIO(data))
    return stream.getvalue(), len(names)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="the managed-policies/ folder")
    ap.add_argument("out", help="the .tar.gz to write")
    args = ap.parse_args()
    data, count = pack(args.folder)
    with open(args.out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(data)
    print("%s: %d files, %d bytes of tar, %d compressed" % (args.out, count, len(data), os.path.getsize(args.out)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
