#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Set up (first time) and start baliecheck. Without arguments it opens the desk; with no
# configuration file that is training mode (simulated reader, sample data). Any arguments
# go to the `baliecheck` command (e.g. `card --training` on a machine without a screen).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
need_debian_packages libpcsclite-dev libpcsclite1 $QT_PACKAGES $QT_WINDOW_PACKAGES
make_venv ""
exec .venv/bin/baliecheck "$@"
