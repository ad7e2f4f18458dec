#!/usr/bin/env bash
# Records the request bodies the benchmarks send (on demand; the recorded set is committed):
# runs the real Claude Code CLI through an in-process ccbridge against a scripted provider that
# answers with tool calls, so a real agent session builds up, and keeps what Claude Code sent.
# Writes benchmarks/src/main/resources/dev/ccbridge/bench/bodies/{small,medium,large,images}.json,
# and proxy-core/src/main/resources/dev/ccbridge/core/warmup/{small,session}.json (the start-up
# warm-up's bodies: two of them with Claude Code's prompts replaced by neutral text).
#
#   scripts/bench/record.sh [--claude PATH] [--read-kb N]
# The CLI defaults to the one scripts/test-all.sh installs (Claude Code 2.1.332).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/java25.sh

claude="${XDG_CACHE_HOME:-$HOME/.cache}/ccbridge-tests/claude-code-2.1.332/node_modules/.bin/claude"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --claude) claude=$2; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
[ -x "$claude" ] || { echo "no Claude Code CLI at $claude (scripts/test-all.sh installs it, or pass --claude PATH)" >&2; exit 1; }

./mvnw -B -q -pl benchmarks -am package -DskipTests
work=$(mktemp -d "${TMPDIR:-/tmp}/ccbridge-record.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$java" -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" dev.ccbridge.bench.record.RecordSession \
  --claude "$claude" --repo . --work "$work" --out benchmarks/src/main/resources/dev/ccbridge/bench/bodies \
  --warm-up-out proxy-core/src/main/resources/dev/ccbridge/core/warmup "${extra[@]}"
