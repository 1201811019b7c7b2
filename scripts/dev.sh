#!/usr/bin/env bash
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
# The project's two set-up commands (see README.md):
#   scripts/dev.sh run    installs what is missing, builds, and starts the app on the bundled example workspace
#   scripts/dev.sh test   installs what is missing, builds, and runs the whole test suite, then builds the Debian
#                         package and smoke-runs both programs from it (scripts/package-smoke.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

install_missing_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/debian-packages.txt)
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

case "${1:-}" in
run)
    install_missing_packages
    cmake --preset dev
    cmake --build --preset dev --target role-designer
    exec ./build/dev/app/role-designer resources/examples/lambda-logging.rdws
    ;;
test)
    install_missing_packages
    cmake --preset ci
    cmake --build --preset ci
    ctest --preset ci
    scripts/package-smoke.sh build/ci
    ;;
*)
    echo "usage: scripts/dev.sh run|test" >&2
    exit 2
    ;;
esac
