#!/usr/bin/env bash
# Runs the headless gateway from a checkout with the tuned JVM options (scripts/ccbridge-jvm.options)
# and the start-up cache, building both first if needed: the same as ./ccbridge, with `serve` when no
# arguments are given.
#   scripts/serve.sh [ccbridge arguments]      default: serve
#   scripts/serve.sh --prepare                  only the build and the cache, nothing started
set -euo pipefail
if [ "${1:-}" = --prepare ]; then
  CCBRIDGE_PREPARE_ONLY=1 exec "$(dirname "$0")/../ccbridge" serve
fi
[ $# -gt 0 ] || set -- serve
exec "$(dirname "$0")/../ccbridge" "$@"
