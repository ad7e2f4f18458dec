#!/usr/bin/env bash
# Runs the headless gateway from a build with the tuned JVM options (scripts/ccbridge-jvm.options):
#   scripts/serve.sh [ccbridge arguments]      default: serve
#   scripts/serve.sh --prepare                  only the build below, nothing started
# Builds proxy-core first if it has not been built.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java25.sh
if [ ! -f proxy-core/target/runtime-classpath.txt ] || [ ! -d proxy-core/target/classes ]; then
  ./mvnw -B -q -pl proxy-core compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$(pwd)/proxy-core/target/runtime-classpath.txt" >/dev/null
fi
[ "${1:-}" != --prepare ] || exit 0
[ $# -gt 0 ] || set -- serve
export MALLOC_ARENA_MAX=2
exec "$java" @scripts/ccbridge-jvm.options \
  -cp "proxy-core/target/classes:$(cat proxy-core/target/runtime-classpath.txt)" dev.ccbridge.core.cli.CcbridgeCli "$@"
