#!/usr/bin/env bash
# The screenshots of the docs, taken from the real app windows on a private X display (Xvfb) with
# a private keyring and demo content: every view at two window sizes, light and dark theme.
#
#   scripts/screenshots.sh            writes app/target/screenshots/ (look at them there)
#   scripts/screenshots.sh --update   also replaces docs/screenshots/
#
# Needs the Debian packages of scripts/debian-packages.txt (xvfb, dbus-daemon, gnome-keyring, ...).
# Maven picks JDK 25 itself; not part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

dirs="$PWD/app/target/screenshots"
case "${1:-}" in
  "") ;;
  --update) dirs="$dirs $PWD/docs/screenshots" ;;
  *) echo "usage: scripts/screenshots.sh [--update]" >&2; exit 2 ;;
esac
./mvnw -B -q -pl app -am -Pscreenshots -Dscreenshots.dirs="$dirs" process-test-classes
