#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Build the self-contained one-folder desktop build of baliecheck:
#   dist/baliecheck/                                  the folder to deploy (run dist/baliecheck/baliecheck)
#   dist/baliecheck-<version>-<os>-<arch>.tar.gz      the same folder as a tarball
#   dist/baliecheck_<version>_<arch>.deb              on Debian: a package (installer/make_deb.sh)
# Sets up .venv-build with exactly the locked set requirements/build.txt (PyInstaller,
# keyrings.alt; made anew when the lock changed, so tomorrow's build holds the same
# packages), compiles the gettext catalogues (.po -> .mo), runs installer/baliecheck.spec. A venv of its own:
# keyrings.alt must not land in .venv, where keyring would then pick its plain-text file
# without being asked.
# Check the result with: bash installer/check_build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
need_debian_packages libpcsclite-dev $QT_PACKAGES $QT_WINDOW_PACKAGES
if [ requirements/build.txt -nt .venv-build/.installed-build ]; then
    rm -rf .venv-build   # nothing left over from an earlier lock
fi
VENV=.venv-build make_venv build   # also compiles resources/locale/*/LC_MESSAGES/*.po to .mo
version=$(.venv-build/bin/python -c "from app.version import app_version; print(app_version())")
platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
started=$SECONDS
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/baliecheck.spec
rm -f dist/baliecheck-*.tar.gz dist/baliecheck_*.deb   # no older release beside this one
cp installer/baliecheck.desktop dist/baliecheck/   # for a Linux desktop's menu
tarball="dist/baliecheck-$version-$platform.tar.gz"
tar -C dist -czf "$tarball" baliecheck
echo "built dist/baliecheck ($(du -sh dist/baliecheck | cut -f1)) and $tarball" \
    "($(du -sh "$tarball" | cut -f1)) in $((SECONDS - started)) s"
if command -v dpkg-deb >/dev/null; then   # Debian and its kin: a package for thin clients
    deb=$(bash installer/make_deb.sh "$version")
    echo "built $deb ($(du -sh "$deb" | cut -f1))"
fi
