# SPDX-License-Identifier: EUPL-1.2
# Shared set-up for scripts/run.sh and scripts/test.sh (sourced, not run):
# installs missing Debian packages, then makes .venv and installs the project into it.

# What Qt (PySide6 wheels) needs from the system: offscreen (tests) and in a window.
QT_PACKAGES="libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 fonts-dejavu-core"
QT_WINDOW_PACKAGES="libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"

need_debian_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "Missing Debian packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]})." >&2
            return 1
        }
        sudo="sudo"
    fi
    echo "Installing Debian packages: ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

make_venv() {
    # $1: what to set up: "" the desk (scripts/run.sh), "dev" the desk and the test tools
    # (scripts/test.sh), "build" the desk and PyInstaller (installer/build.sh); $VENV: where
    # (default .venv). First the locked set, requirements/<desk|dev|build>.txt, every file
    # checked against its hash (bash scripts/lock.sh refreshes them); then the project itself,
    # editable and without fetching anything more (its build needs come from the lock too).
    # Re-installs only when pyproject.toml or the lock changed.
    local extra="$1" venv="${VENV:-.venv}"
    local lock="requirements/${1:-desk}.txt"
    local stamp="$venv/.installed${1:+-$1}"
    local python="${PYTHON:-python3}"
    local pip=("$venv/bin/python" -m pip install -q --disable-pip-version-check)
    [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
        "${pip[@]}" --require-hashes -r "$lock"
        "${pip[@]}" --no-deps --no-build-isolation -e ".${extra:+[$extra]}"
        # Does the locked set meet what pyproject.toml asks for (with the extra)? pip resolves
        # once more with nothing but what is installed (no index, no config, no find-links).
        local unmet
        unmet=$(env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
            PIP_CONFIG_FILE=/dev/null "${pip[@]}" --dry-run --no-index --no-build-isolation \
            -e ".${extra:+[$extra]}" 2>&1) || {
            echo "$unmet" >&2
            echo "$lock lacks what pyproject.toml asks for: run 'bash scripts/lock.sh'" >&2
            return 1
        }
        touch "$stamp"
    fi
    "$venv/bin/python" -m app.i18n  # resources/locale/*/LC_MESSAGES/*.po -> .mo (not committed)
    "$venv/bin/python" -m ui.icons >/dev/null  # the icon's SVG -> PNG and ICO (not committed)
}
