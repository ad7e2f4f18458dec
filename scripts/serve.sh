#!/usr/bin/env bash
# Runs the headless gateway from a build with the tuned JVM options (scripts/ccbridge-jvm.options)
# and an ahead-of-time cache (JDK 25: classes loaded and linked, method profiles) trained on the
# recorded Claude Code requests:
#   scripts/serve.sh [ccbridge arguments]      default: serve
#   scripts/serve.sh --prepare                  only the build and the cache, nothing started
# Builds proxy-core first if it has not been built. The cache (proxy-core/target/ccbridge-serve.aot)
# is trained again, in about half a minute, whenever a jar on the class path or the options file is
# newer than it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/java25.sh
jar=proxy-core/target/proxy-core-0.1.0-SNAPSHOT.jar
if [ ! -f proxy-core/target/runtime-classpath.txt ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -pl proxy-core package -DskipTests dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile="$(pwd)/proxy-core/target/runtime-classpath.txt" >/dev/null
fi
classpath="$(pwd)/$jar:$(cat proxy-core/target/runtime-classpath.txt)"
cache=proxy-core/target/ccbridge-serve.aot
export MALLOC_ARENA_MAX=2

if [ ! -f "$cache" ] || [ -n "$(find ${classpath//:/ } scripts/ccbridge-jvm.options -newer "$cache" 2>/dev/null | head -1)" ]; then
  echo "Training the start-up cache ($cache), once per build" >&2
  rm -rf proxy-core/target/aot-training
  "$java" packaging/AotTraining.java --cache "$cache" --home proxy-core/target/aot-training -- \
    "$java" @scripts/ccbridge-jvm.options -cp "$classpath" dev.ccbridge.core.cli.CcbridgeCli \
    serve --port '{port}' --quiet >&2 \
    || { echo "warning: the start-up cache could not be trained; starting without it" >&2; rm -f "$cache"; }
fi
[ "${1:-}" != --prepare ] || exit 0
[ $# -gt 0 ] || set -- serve
aot=()
[ -f "$cache" ] && aot=(-XX:AOTCache="$cache")
exec "$java" @scripts/ccbridge-jvm.options "${aot[@]}" -cp "$classpath" dev.ccbridge.core.cli.CcbridgeCli "$@"
