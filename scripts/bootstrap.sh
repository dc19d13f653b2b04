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
    # $1: pip extra to install ("" or "dev" or "build"); $VENV: where (default .venv).
    # Re-installs only when pyproject.toml changed.
    local extra="$1" venv="${VENV:-.venv}"
    local stamp="$venv/.installed${1:+-$1}"
    local python="${PYTHON:-python3}"
    [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".${extra:+[$extra]}"
        touch "$stamp"
    fi
    "$venv/bin/python" -m app.i18n  # resources/locale/*/LC_MESSAGES/*.po -> .mo (not committed)
    "$venv/bin/python" -m ui.icons >/dev/null  # the icon's SVG -> PNG and ICO (not committed)
}
