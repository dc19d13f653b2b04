#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Set up (first time) and run every check: lint, types, layering, the desktop build and
# its check (installer/), and all tests. The PC/SC tests and the build check start their
# own `pcscd --foreground` with the vpcd virtual reader (root needed for pcscd), so no
# system pcscd may be running; the postgres tests start their own PostgreSQL cluster from
# Debian's binaries (tests/postgres_cluster.py). The desk tests run Qt offscreen. Arguments go to pytest,
# and then only pytest runs after the lint (no build).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
need_debian_packages pcscd vsmartcard-vpcd libpcsclite-dev libpcsclite1 postgresql $QT_PACKAGES
make_venv dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy eid app ui tests bench
.venv/bin/lint-imports
if [ $# -eq 0 ]; then
    bash installer/build.sh
    bash installer/check_build.sh dist/baliecheck dist/baliecheck_*.deb
fi
exec .venv/bin/pytest "$@"
