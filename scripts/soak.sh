#!/usr/bin/env bash
# Soak run (not part of the test suite): hundreds of concurrent streams through a real gateway
# process (ccbridge serve) against a fast fake provider, for minutes; reports errors, latency,
# and the gateway's memory (RSS), threads and connections before and after. Linux only (/proc).
#
#   scripts/soak.sh [CONCURRENCY] [SECONDS] [CHUNKS] [CHUNK_DELAY_MS]     defaults: 300 180 40 5
set -euo pipefail
cd "$(dirname "$0")/.."

concurrency=${1:-300}
seconds=${2:-180}
chunks=${3:-40}
delay=${4:-5}

./mvnw -B -q -pl proxy-core test-compile
./mvnw -B -q -pl proxy-core dependency:build-classpath -Dmdep.outputFile=target/soak.classpath \
  -Dmdep.includeScope=test >/dev/null
classpath="proxy-core/target/test-classes:proxy-core/target/classes:$(cat proxy-core/target/soak.classpath)"

. scripts/lib/java25.sh
exec "$java" -cp "$classpath" dev.ccbridge.core.soak.SoakRun "$concurrency" "$seconds" "$chunks" "$delay"
