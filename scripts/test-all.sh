#!/usr/bin/env bash
# Runs every ccbridge test: installs the Debian packages the tests need when they are missing
# (as root or with passwordless sudo), runs the Maven build with all tests, then the installer
# test (the .deb built, installed, started, removed; where root or passwordless sudo allows).
# Maven selects JDK 25 itself (toolchains plugin); any extra arguments go to Maven (and skip
# the installer test).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ls -d /usr/lib/jvm/*25* >/dev/null 2>&1 && [ -z "${JAVA_HOME_25:-}" ]; then
  echo "ccbridge needs a JDK 25 (e.g. Temurin 25 under /usr/lib/jvm); none was found." >&2
  exit 1
fi

mapfile -t wanted < <(grep -v '^\s*#' scripts/debian-packages.txt | grep -v '^\s*$' || true)
missing=()
for package in "${wanted[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The real Claude Code CLI, for the end-to-end tests (pinned; cached between runs).
claude_version=2.1.332
claude_dir="${XDG_CACHE_HOME:-$HOME/.cache}/ccbridge-tests/claude-code-$claude_version"
claude="$claude_dir/node_modules/.bin/claude"
if [ ! -x "$claude" ] && command -v npm >/dev/null 2>&1; then
  echo "Installing the Claude Code CLI $claude_version for the end-to-end tests"
  mkdir -p "$claude_dir"
  npm install --prefix "$claude_dir" --no-audit --no-fund --loglevel=error "@anthropic-ai/claude-code@$claude_version" \
    || echo "warning: could not install the Claude Code CLI; its end-to-end tests will not run" >&2
fi

./mvnw -B verify -Dccbridge.claude="$claude" "$@"

# The installer test (docs/packaging.md): build the .deb, install it, start the installed launcher
# headless and check it serves, remove it. It installs a system package, so it runs only as root
# or with passwordless sudo (as on CI), never over an installed ccbridge, and not for a partial
# run (extra Maven arguments) or with CCBRIDGE_SKIP_INSTALLER_TEST=1.
skip_installer=
if [ $# -gt 0 ]; then
  skip_installer="extra Maven arguments were given (a partial run)"
elif [ -n "${CCBRIDGE_SKIP_INSTALLER_TEST:-}" ]; then
  skip_installer="CCBRIDGE_SKIP_INSTALLER_TEST is set"
elif ! command -v dpkg >/dev/null 2>&1; then
  skip_installer="this is not a Debian-like system"
elif [ "$(id -u)" != 0 ] && ! sudo -n true 2>/dev/null; then
  skip_installer="it needs root or passwordless sudo to install the package"
elif dpkg-query -W -f '${Status}' ccbridge 2>/dev/null | grep -q ' installed$'; then
  skip_installer="a ccbridge package is installed here and would be replaced"
fi
if [ -n "$skip_installer" ]; then
  echo "SKIPPED the installer test (packaging/test-deb.sh): $skip_installer."
  exit 0
fi
echo "Building the .deb for the installer test"
./mvnw -B -q -Ppackage-installer -pl app -am
./packaging/test-deb.sh
