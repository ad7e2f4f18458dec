#!/usr/bin/env bash
# Runs the headless gateway from a checkout with the tuned JVM options (scripts/ccbridge-jvm.options),
# building it first if needed: the same as ./ccbridge, with `serve` when no arguments are given.
#   scripts/serve.sh [ccbridge arguments]      default: serve
set -euo pipefail
[ $# -gt 0 ] || set -- serve
exec "$(dirname "$0")/../ccbridge" "$@"
