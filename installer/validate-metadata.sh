#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Validates the desktop integration files with the tools desktops use, and checks that they agree with each other
# and with the project on the application id, the MIME type and the version. Run by CTest (DesktopMetadataValidates).
#   validate-metadata.sh --id ID --version X.Y.Z --desktop F.desktop --metainfo F.metainfo.xml --mime F.xml --icon F.svg
#                        --changelog installer/changelog
# The tools come from Debian's desktop-file-utils, appstream, shared-mime-info, libxml2-utils and dpkg-dev.
set -euo pipefail

id='' version='' desktop='' metainfo='' mime='' icon='' changelog=''
while [ $# -gt 0 ]; do
    case "$1" in
    --id) id="$2" ;;
    --version) version="$2" ;;
    --desktop) desktop="$2" ;;
    --metainfo) metainfo="$2" ;;
    --mime) mime="$2" ;;
    --icon) icon="$2" ;;
    --changelog) changelog="$2" ;;
    *)
        echo "validate-metadata.sh: unknown argument $1" >&2
        exit 2
        ;;
    esac
    shift 2
done

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
need() {
    command -v "$1" >/dev/null || {
        echo "validate-metadata.sh: $1 is missing (Debian package $2; scripts/dev.sh installs it)" >&2
        exit 2
    }
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need update-mime-database shared-mime-info
need xmllint libxml2-utils
need dpkg-parsechangelog dpkg-dev

mime_type=application/x-role-designer-workspace

echo "== desktop-file-validate $(basename "$desktop")"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $desktop"
[ "$(basename "$desktop")" = "$id.desktop" ] || fail "the desktop file is not named $id.desktop"
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's Icon is not $id"
grep -qx 'Exec=role-designer %f' "$desktop" || fail "the desktop entry does not run role-designer %f"
grep -qx "MimeType=$mime_type;" "$desktop" || fail "the desktop entry does not open $mime_type"

echo "== appstreamcli validate --no-net --pedantic $(basename "$metainfo")"
# Errors and warnings fail; pedantic hints are printed only (the id's capitals are the reverse-DNS convention).
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli rejects $metainfo"
[ "$(basename "$metainfo")" = "$id.metainfo.xml" ] || fail "the metainfo file is not named $id.metainfo.xml"
[ "$(xmllint --xpath 'string(/component/id)' "$metainfo")" = "$id" ] || fail "the metainfo id is not $id"
[ "$(xmllint --xpath 'string(/component/launchable[@type="desktop-id"])' "$metainfo")" = "$id.desktop" ] ||
    fail "the metainfo does not launch $id.desktop"
[ "$(xmllint --xpath 'string(/component/releases/release[1]/@version)' "$metainfo")" = "$version" ] ||
    fail "the metainfo's newest release is not the project version $version"
for binary in role-designer role-designer-cli; do
    xmllint --xpath "/component/provides/binary[text()='$binary']" "$metainfo" >/dev/null 2>&1 ||
        fail "the metainfo does not provide the binary $binary"
done
xmllint --xpath "/component/provides/mediatype[text()='$mime_type']" "$metainfo" >/dev/null 2>&1 ||
    fail "the metainfo does not provide $mime_type"

echo "== update-mime-database on $(basename "$mime")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
xmllint --noout "$mime" || fail "$mime is not well-formed XML"
mkdir -p "$scratch/mime/packages"
cp "$mime" "$scratch/mime/packages/"
# update-mime-database reports a malformed package but still exits 0: its output must be empty.
messages=$(XDG_DATA_HOME="$scratch" XDG_DATA_DIRS="$scratch" update-mime-database "$scratch/mime" 2>&1) ||
    fail "update-mime-database failed"
[ -z "$messages" ] || fail "update-mime-database: $messages"
grep -q "^50:$mime_type:\*\.rdws$" "$scratch/mime/globs2" 2>/dev/null || fail "*.rdws does not map to $mime_type"
grep -qx "$mime_type application/json" "$scratch/mime/subclasses" 2>/dev/null ||
    fail "$mime_type is not a subclass of application/json"
grep -q "$mime_type" "$scratch/mime/magic" 2>/dev/null || fail "$mime_type has no content magic"
[ "$(basename "$mime")" = "$id.xml" ] || fail "the MIME package is not named $id.xml"

echo "== icon $(basename "$icon")"
xmllint --noout "$icon" || fail "$icon is not well-formed XML"
[ "$(xmllint --xpath 'local-name(/*)' "$icon")" = svg ] || fail "$icon is not an SVG document"

echo "== Debian changelog $(basename "$changelog")"
# The newest entry is this version, released on the day the metainfo's newest release gives.
if changelog_version=$(dpkg-parsechangelog -l "$changelog" -S Version 2>&1); then
    [ "$changelog_version" = "$version" ] || fail "the changelog's newest entry is $changelog_version, not $version"
    changelog_day=$(date -u -d "$(dpkg-parsechangelog -l "$changelog" -S Date)" +%F)
    release_day=$(xmllint --xpath 'string(/component/releases/release[1]/@date)' "$metainfo")
    [ "$changelog_day" = "$release_day" ] ||
        fail "the changelog's newest entry is dated $changelog_day, the metainfo's release $release_day"
else
    fail "dpkg-parsechangelog cannot read $changelog: $changelog_version"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "desktop entry, metainfo, MIME type, icon and changelog valid"
