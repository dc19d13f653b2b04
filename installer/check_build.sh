#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Check a one-folder build the way an admin would after a rollout, away from the source:
# the folder is copied to a temp dir and run from there with a bare PATH and no
# PYTHONPATH. Steps: --version; `selftest` against the build's own `serve` on a free
# loopback port, with our own pcscd and the build's `simulate-card` holding a v18 card
# in vpcd; selftest in training mode (the bundled rules); the desk in training mode
# offscreen, which must say it is ready and close cleanly on SIGTERM.
# With a Debian package as second argument, it is unpacked (not installed) and checked too:
# the layout, its dependencies, and its program's --version.
# Usage: bash installer/check_build.sh [BUILD_FOLDER [DEB]]   (default dist/baliecheck)
# Needs root (pcscd), pcscd + vsmartcard-vpcd, and no other PC/SC service running.
# Exits non-zero at the first failing step; stops every process it started.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$repo/dist/baliecheck}" && pwd)
deb=${2:+$(cd "$(dirname "$2")" && pwd)/$(basename "$2")}
work=$(mktemp -d "${TMPDIR:-/tmp}/baliecheck-check.XXXXXX")
started_pids=()

cleanup() {
    local pid
    for pid in "${started_pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "BUILD CHECK FAILED: $*" >&2
    exit 1
}

# Wait up to $1 seconds for the command after it to succeed.
wait_until() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port
    for port in $(seq 18470 18570); do
        port_open "$port" || { echo "$port"; return 0; }
    done
    fail "no free loopback port in 18470-18570"
}

cp -a "$build" "$work/baliecheck"
cd "$work"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export BALIECHECK_CONFIG="$work/none.toml" BALIECHECK_MACHINE_CONFIG="$work/machine.toml"
export BALIECHECK_DATA_DIR="$work/data"
# No OS keyring here: the bundled keyrings.alt, as an admin would configure it.
export PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring
mkdir -p "$HOME"
bc="$work/baliecheck/baliecheck"

echo "== baliecheck --version"
version=$("$bc" --version) || fail "--version exited $?"
echo "$version"
[[ "$version" =~ ^baliecheck\ [0-9]+\.[0-9]+ ]] || fail "--version printed '$version'"

echo "== no test code in the build"
for unwanted in tests pytest _pytest hypothesis mypy ruff; do
    [ ! -e "$work/baliecheck/_internal/$unwanted" ] || fail "$unwanted is in the build"
done
[ -z "$(find "$work/baliecheck" -name 'libpcsclite*')" ] || fail "libpcsclite is bundled"
[ -s "$work/baliecheck/_internal/app/resources/icons/baliecheck.png" ] || fail "no window icon"
[ -f "$work/baliecheck/baliecheck.desktop" ] || fail "no .desktop file"

echo "== pcscd with the vpcd readers"
if "$bc" readers >/dev/null 2>&1; then
    fail "a PC/SC service already runs; stop it (systemctl stop pcscd.socket pcscd.service)"
fi
pcscd --foreground >"$work/pcscd.log" 2>&1 &
started_pids+=($!)
wait_until 10 bash -c "'$bc' readers 2>/dev/null | grep -q 'Virtual PCD 00 00'" \
    || fail "pcscd did not list the vpcd readers (is vsmartcard-vpcd installed?)"

echo "== baliecheck serve (training lists, no auth) on loopback"
port=$(free_port)
cat >"$work/serve.toml" <<TOML
training = true
[serve]
host = "127.0.0.1"
port = $port
auth = "none"
TOML
"$bc" --config "$work/serve.toml" serve >"$work/serve.log" 2>&1 &
started_pids+=($!)
wait_until 30 port_open "$port" || { cat "$work/serve.log"; fail "serve did not listen on $port"; }

echo "== baliecheck simulate-card --profile v18"
"$bc" simulate-card --profile v18 >"$work/card.log" 2>&1 &
started_pids+=($!)
wait_until 10 bash -c "'$bc' readers | grep -q 'Virtual PCD 00 00: kaart aanwezig'" \
    || { cat "$work/card.log"; fail "the virtual card did not show in the reader"; }

echo "== baliecheck selftest (remote backend, real readers)"
cat >"$work/desk.toml" <<TOML
backend = "remote"
[desk]
id = "build-check"
staff_id = "build-check"
[remote]
base_url = "http://127.0.0.1:$port"
auth = "none"
TOML
"$bc" --config "$work/desk.toml" selftest | tee "$work/selftest.txt" \
    || fail "selftest exited ${PIPESTATUS[0]}"
grep -q "Virtual PCD 00 00: kaart aanwezig" "$work/selftest.txt" || fail "selftest saw no card"
grep -q "^OK     Adviesdienst http://127.0.0.1:$port/: gezond" "$work/selftest.txt" \
    || fail "selftest did not reach serve"

echo "== baliecheck selftest (training: the bundled rules and translations)"
echo "training = true" >"$work/training.toml"
"$bc" --config "$work/training.toml" selftest | tee "$work/training.txt" \
    || fail "training selftest exited ${PIPESTATUS[0]}"
grep -q "Regels: 5 diensten uit $work/baliecheck/" "$work/training.txt" \
    || fail "the rules did not come from the build"
grep -q "^OK .*Vertalingen: fr, en" "$work/training.txt" || fail "the catalogues are not in the build"
"$bc" --lang fr --help | grep -q "^utilisation : baliecheck" || fail "--lang fr --help is not French"

echo "== the desk in training mode, offscreen, until SIGTERM"
QT_QPA_PLATFORM=offscreen "$bc" -v >"$work/desk.out" 2>"$work/desk.err" &
desk=$!
started_pids+=("$desk")
wait_until 60 grep -q "desk ready for a card" "$work/desk.err" \
    || { cat "$work/desk.err"; fail "the desk did not say it was ready"; }
grep "desk ready for a card" "$work/desk.err"
kill -TERM "$desk"
status=0
wait "$desk" || status=$?
[ "$status" -eq 0 ] || { cat "$work/desk.err"; fail "the desk exited $status on SIGTERM"; }
! grep -q "Traceback" "$work/desk.err" || { cat "$work/desk.err"; fail "the desk printed a traceback"; }
! grep -q "no Qt translation\|no compiled" "$work/desk.err" \
    || { cat "$work/desk.err"; fail "a catalogue or Qt's own translation is not in the build"; }

if [ -n "$deb" ]; then
    echo "== the Debian package $(basename "$deb")"
    dpkg-deb --field "$deb" Depends | grep -q pcscd || fail "the package does not depend on pcscd"
    dpkg-deb -x "$deb" "$work/deb"
    [ "$(readlink "$work/deb/usr/bin/baliecheck")" = /opt/baliecheck/baliecheck ] \
        || fail "/usr/bin/baliecheck does not point at /opt/baliecheck/baliecheck"
    [ -f "$work/deb/usr/share/applications/baliecheck.desktop" ] || fail "no menu entry"
    [ -f "$work/deb/usr/share/doc/baliecheck/config.example.toml" ] || fail "no example config"
    [ -z "$(find "$work/deb" -path '*/etc/*')" ] || fail "the package must leave /etc to the admin"
    deb_version=$("$work/deb/opt/baliecheck/baliecheck" --version) || fail "packaged --version"
    [ "$deb_version" = "$version" ] || fail "the package runs '$deb_version', not '$version'"
fi

echo "BUILD CHECK PASSED: $version from $build${deb:+ and $(basename "$deb")}"
