#!/usr/bin/env bash
# Runs the headless gateway from a build with the tuned JVM options (scripts/ccbridge-jvm.options):
#   scripts/serve.sh [ccbridge arguments]      default: serve
# Builds proxy-core first if it has not been built.
set -euo pipefail
cd "$(dirname "$0")/.."
java=""
for candidate in "${JAVA_HOME_25:-}" /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then java="$candidate/bin/java"; break; fi
done
[ -n "$java" ] || { echo "needs a JDK 25 (set JAVA_HOME_25)" >&2; exit 1; }
if [ ! -f proxy-core/target/runtime-classpath.txt ] || [ ! -d proxy-core/target/classes ]; then
  ./mvnw -B -q -pl proxy-core compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$(pwd)/proxy-core/target/runtime-classpath.txt" >/dev/null
fi
[ $# -gt 0 ] || set -- serve
export MALLOC_ARENA_MAX=2
exec "$java" @scripts/ccbridge-jvm.options \
  -cp "proxy-core/target/classes:$(cat proxy-core/target/runtime-classpath.txt)" dev.ccbridge.core.cli.CcbridgeCli "$@"
