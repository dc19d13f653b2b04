#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Set up (first time) and start baliecheck. Without arguments it starts in training mode
# (simulated reader with a sample card); any arguments go to the `baliecheck` command.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
need_debian_packages libpcsclite-dev libpcsclite1
make_venv ""
exec .venv/bin/baliecheck "$@"
