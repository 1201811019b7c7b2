#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# Builds the Debian package and the TGZ from a configured build tree, unpacks the .deb into a scratch root and runs
# both programs from there. scripts/dev.sh test runs it after the test suite.
#   scripts/package-smoke.sh [BUILD_DIR]      (default: build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/ci}"
[ -f "$build/CPackConfig.cmake" ] || {
    echo "package-smoke.sh: $build is not a configured build tree" >&2
    exit 2
}

id=io.github.role_designer.RoleDesigner
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || {
    echo "package-smoke.sh: no project version in $build/CMakeCache.txt" >&2
    exit 2
}

checks=0 failures=0
check() { # check DESCRIPTION COMMAND...: runs the command, counts it, reports a failure
    local what="$1"
    shift
    checks=$((checks + 1))
    if "$@"; then
        echo "ok   $what"
    else
        echo "FAIL $what" >&2
        failures=$((failures + 1))
    fi
}

echo "== cpack (DEB, TGZ) in $build"
rm -f "$build"/role-designer_*.deb "$build"/role-designer-*.tar.gz
# Only what the package holds is built (scripts/dev.sh test has built everything already); cpack then makes the
# generators of CPACK_GENERATOR, as `cmake --build --preset ci --target package` does after building all.
cmake --build "$build" --target role-designer role-designer-cli rd_icons rd_package_docs
(cd "$build" && cpack)
shopt -s nullglob
debs=("$build"/role-designer_"$version"_*.deb)
tgzs=("$build"/role-designer-"$version"-*.tar.gz)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || {
    echo "package-smoke.sh: expected one role-designer_${version}_*.deb in $build, found ${#debs[@]}" >&2
    exit 1
}
deb="${debs[0]}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== dpkg-deb --info $(basename "$deb")"
dpkg-deb --info "$deb"
field() { dpkg-deb --field "$deb" "$1"; }
check "package name is role-designer" test "$(field Package)" = role-designer
check "package version is $version" test "$(field Version)" = "$version"
check "section is devel" test "$(field Section)" = devel
check "maintainer is set" test -n "$(field Maintainer)"
check "homepage is set" test -n "$(field Homepage)"
depends=$(field Depends)
# dpkg-shlibdeps found the linked libraries; libqt6svg6 is the one added by hand (the SVG icon plugins).
for package in libqt6core6 libqt6gui6 libqt6widgets6 'libqscintilla2-qt6-[0-9]+' zlib1g libstdc\\+\\+6 libqt6svg6; do
    check "Depends names $package" grep -Eq "(^|, )$package( |,|$)" <<<"$depends"
done

echo "== dpkg-deb --contents $(basename "$deb")"
dpkg-deb --contents "$deb" >"$scratch/contents.txt"
cat "$scratch/contents.txt"
expected=(
    usr/bin/role-designer
    usr/bin/role-designer-cli
    "usr/share/applications/$id.desktop"
    "usr/share/metainfo/$id.metainfo.xml"
    "usr/share/mime/packages/$id.xml"
    "usr/share/icons/hicolor/scalable/apps/$id.svg"
    usr/share/doc/role-designer/copyright
    usr/share/doc/role-designer/changelog.gz
    usr/share/man/man1/role-designer.1.gz
    usr/share/man/man1/role-designer-cli.1.gz
)
for size in 16 24 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for path in "${expected[@]}"; do
    check "the package holds /$path" grep -q " \./$path\$" "$scratch/contents.txt"
done
outside_usr=$(awk '{print $6}' "$scratch/contents.txt" | grep -Ev '^\./(usr(/.*)?)?$' || true)
check "nothing is installed outside /usr" test -z "$outside_usr"
check "no file is group- or world-writable" test -z "$(awk '$1 ~ /^.....w|^........w/' "$scratch/contents.txt")"

echo "== dpkg -x into a scratch root"
root="$scratch/root"
dpkg -x "$deb" "$root"
for program in role-designer role-designer-cli; do
    check "$program is executable" test -x "$root/usr/bin/$program"
    check "$program finds all its libraries" test -z "$(ldd "$root/usr/bin/$program" | grep 'not found')"
done
for size in 16 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
    kind=$(file -b "$png" 2>&1)
    check "the ${size}x${size} icon is a $size x $size PNG" grep -q "PNG image data, $size x $size," <<<"$kind"
done
check "the installed desktop entry validates" desktop-file-validate "$root/usr/share/applications/$id.desktop"

echo "== smoke runs from the scratch root"
cli_version=$("$root/usr/bin/role-designer-cli" --version 2>&1) || true
echo "role-designer-cli --version: $cli_version"
check "role-designer-cli --version prints $version" test "$cli_version" = "role-designer-cli $version"
shot="$scratch/smoke.png"
QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 timeout 60 "$root/usr/bin/role-designer" --screenshot "$shot" || true
echo "role-designer --screenshot: $(file -b "$shot" 2>&1)"
check "role-designer --screenshot wrote a PNG" grep -q '^PNG image data, ' <<<"$(file -b "$shot" 2>&1)"

echo "== the TGZ"
if [ ${#tgzs[@]} -eq 1 ]; then
    tar -tzf "${tgzs[0]}" >"$scratch/tgz.txt"
    for program in role-designer role-designer-cli; do
        check "the TGZ holds bin/$program" grep -Eq "^[^/]+/bin/$program\$" "$scratch/tgz.txt"
    done
else
    check "one role-designer-$version-*.tar.gz was made" false
fi

if [ "$failures" -ne 0 ]; then
    echo "package smoke test: $failures of $checks checks FAILED" >&2
    exit 1
fi
echo "package smoke test: all $checks checks passed ($(basename "$deb"))"
