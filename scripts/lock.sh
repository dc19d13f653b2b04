#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Refresh the lock files in requirements/ from pyproject.toml (README, "Building a release"):
# every package pinned, with the hashes of its files, for Python 3.11+ on Linux, Windows and
# macOS alike (uv's universal resolution), plus the build requirements (setuptools, Babel), so
# that the set-up scripts install the project itself without fetching anything unpinned.
#   requirements/server.txt   the command line and serve (no Qt, no pyscard)
#   requirements/desk.txt     + the desk (scripts/run.sh)
#   requirements/dev.txt      + the test and lint tools (scripts/test.sh)
#   requirements/build.txt    + PyInstaller and keyrings.alt (installer/build.sh)
# All four come from one resolution, so a package has the same version in each.
# The pins already in requirements/ stay unless pyproject.toml no longer allows them.
# Usage: bash scripts/lock.sh                          add and drop what pyproject.toml changed
#        bash scripts/lock.sh --upgrade-package NAME   newest allowed NAME too (repeatable)
#        bash scripts/lock.sh --upgrade                everything at its newest allowed version
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8   # the resolver is pinned too: the same input gives the same lock
venv=.venv-lock
if ! "$venv/bin/uv" --version 2>/dev/null | grep -qx "uv $UV_VERSION.*"; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"]))' \
    >"$work/build-system.in"

compile() {  # $1: the lock to write; then uv pip compile options (the extras)
    local lock=$1
    shift
    "$venv/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
        --no-strip-extras --custom-compile-command "bash scripts/lock.sh" \
        -o "$lock" pyproject.toml "$work/build-system.in" "$@"
}

mkdir -p requirements
# One resolution over every extra, preferring the versions pinned now (uv reads them from the
# file it writes); each lock below keeps to its versions.
cat requirements/*.txt 2>/dev/null | grep '^[a-z]' | sed 's/ *\\$//' | sort -u >"$work/all.txt" || true
compile "$work/all.txt" --all-extras "$@"
compile requirements/server.txt -c "$work/all.txt"
compile requirements/desk.txt --extra desk -c "$work/all.txt"
compile requirements/dev.txt --extra dev -c "$work/all.txt"
compile requirements/build.txt --extra build -c "$work/all.txt"
# The annotations name the temp files; say what they stand for.
sed -i -e "\|#   -c $work/all.txt|d" -e "s|-r $work/build-system.in|pyproject.toml [build-system]|" \
    requirements/*.txt
echo "requirements/: $(grep -c '^[a-z]' requirements/server.txt) packages for a server," \
    "$(grep -c '^[a-z]' requirements/desk.txt) for the desk," \
    "$(grep -c '^[a-z]' requirements/dev.txt) for tests, $(grep -c '^[a-z]' requirements/build.txt) for the build"
