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
# Usage: bash scripts/lock.sh [--upgrade-package NAME]...   (other uv pip compile options too)
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

compile() {  # $1: lock name; then uv pip compile options (the extras)
    local name=$1
    shift
    "$venv/bin/uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
        --no-strip-extras --custom-compile-command "bash scripts/lock.sh" \
        pyproject.toml "$work/build-system.in" "$@" -o "requirements/$name.txt"
}

mkdir -p requirements
# One resolution over every extra; each lock below keeps to its versions.
compile all --all-extras "$@"
mv requirements/all.txt "$work/all.txt"
compile server -c "$work/all.txt"
compile desk --extra desk -c "$work/all.txt"
compile dev --extra dev -c "$work/all.txt"
compile build --extra build -c "$work/all.txt"
# The annotations name the temp files; say what they stand for.
sed -i -e "\|#   -c $work/all.txt|d" -e "s|-r $work/build-system.in|pyproject.toml [build-system]|" \
    requirements/*.txt
echo "requirements/: $(grep -c '^[a-z]' requirements/server.txt) packages for a server," \
    "$(grep -c '^[a-z]' requirements/desk.txt) for the desk," \
    "$(grep -c '^[a-z]' requirements/dev.txt) for tests, $(grep -c '^[a-z]' requirements/build.txt) for the build"
