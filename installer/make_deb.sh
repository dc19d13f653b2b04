#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Wrap the one-folder build into a Debian package for Linux thin clients:
#   /opt/baliecheck/                          the build
#   /usr/bin/baliecheck                       a link to it
#   /usr/share/applications/baliecheck.desktop  the menu entry
#   /usr/share/doc/baliecheck/config.example.toml  every key, commented
# The admin's configuration goes to /etc/xdg/baliecheck/config.toml (not in the package,
# so an upgrade never touches it). Depends on the machine's PC/SC service.
# Usage: bash installer/make_deb.sh VERSION   (after installer/build.sh made dist/baliecheck)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1
arch=$(dpkg --print-architecture)
root="build/deb/baliecheck_${version}_${arch}"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/doc/baliecheck"
cp -a dist/baliecheck "$root/opt/baliecheck"
mv "$root/opt/baliecheck/baliecheck.desktop" "$root/usr/share/applications/"
ln -s /opt/baliecheck/baliecheck "$root/usr/bin/baliecheck"
cp resources/config.example.toml "$root/usr/share/doc/baliecheck/"
cat >"$root/DEBIAN/control" <<CONTROL
Package: baliecheck
Version: $version
Architecture: $arch
Maintainer: baliecheck <baliecheck@localhost>
Depends: pcscd, libpcsclite1
Installed-Size: $(du -sk "$root" | cut -f1)
Section: misc
Priority: optional
Description: counter-desk eligibility check from the Belgian eID
 Reads the national number from the eID through PC/SC, asks the municipality's
 eligibility backend whether the citizen has a right to a reduced tariff, and
 shows staff only yes or no and the tariff, never the facts behind it.
CONTROL
deb="dist/baliecheck_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "$deb"
